"""``lugn eval`` on labelled calls: options, the run, the table and the JSON.

Imported by ``lugn.commands.eval`` at parser-build time, so only argparse is imported at module level; the
pipeline, numpy and matplotlib load inside :func:`run`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

CALL_OPTIONS = ("policy", "write_policy", "report", "max_false_per_hour")


def add_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group(
        "labelled calls (docs/pilot.md)",
        "DIR may also be a folder of labelled calls (NAME.wav stereo, left = agent, right = customer, or "
        "NAME.agent.wav + NAME.customer.wav; NAME.txt an Audacity label track of the customer's frustrated "
        "stretches) or one such recording",
    )
    g.add_argument(
        "--policy", type=Path, default=None, metavar="FILE", help="evaluate under this policy file"
    )
    g.add_argument(
        "--write-policy",
        type=Path,
        default=None,
        metavar="FILE",
        help="write the recommended [tone] threshold with its provenance to FILE (a new file)",
    )
    g.add_argument(
        "--report",
        type=Path,
        default=None,
        metavar="DIR",
        help="write PNGs per call, the sweep and index.html",
    )
    g.add_argument(
        "--max-false-per-hour",
        type=float,
        default=None,
        metavar="N",
        help="false-alarm budget of the recommendation, per hour of unlabelled customer speech (default 1)",
    )


def wanted(args: argparse.Namespace) -> bool:
    """Labelled calls rather than clip corpora? Call-only options on clips: refused in ``run``."""
    from lugn.evalkit.corpus import looks_like_calls

    return looks_like_calls(args.dirs) or any(getattr(args, o, None) is not None for o in CALL_OPTIONS)


def _fail(message: str) -> int:
    print(f"lugn eval: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from device.inference.models import ModelError
    from lugn.evalkit.corpus import CallCorpusError, discover_calls, looks_like_calls
    from lugn.evalkit.policyfile import PolicyFileError, load_config
    from lugn.evalkit.trace import CallRunError

    if not looks_like_calls(args.dirs):
        return _fail(
            "--policy, --write-policy, --report and --max-false-per-hour apply to labelled calls only"
        )
    budget = 1.0 if args.max_false_per_hour is None else args.max_false_per_hour
    if not budget >= 0:
        return _fail(f"--max-false-per-hour must be 0 or more, got {args.max_false_per_hour}")
    for flag in ("arousal",):
        if getattr(args, flag, None) is not None:
            return _fail(f"--{flag} applies to clip corpora, not to labelled calls")
    if args.write_policy is not None and args.write_policy.exists():
        return _fail(f"{args.write_policy}: already exists; not overwritten (give a new file)")
    models_dir = args.model
    if models_dir is not None and not models_dir.is_dir():
        return _fail(
            f"--model {models_dir}: labelled calls need a models folder (tone + silero_vad manifests)"
        )
    try:
        config, policy_text = load_config(args.policy)
        skipped: list[str] = []
        calls = discover_calls(args.dirs, skipped)
        result, traces, sweep = evaluate_calls(calls, config, policy_text, models_dir, budget, args.json)
        result["skipped"] = skipped
    except CallCorpusError as exc:
        for problem in exc.problems:
            print(f"lugn eval: {problem}", file=sys.stderr)
        return 2
    except (PolicyFileError, CallRunError, ModelError) as exc:
        return _fail(str(exc))
    rc = 0
    if args.write_policy is not None:
        rc = _write_policy(args.write_policy, result)
    if args.report is not None:
        rc = max(rc, _report(args.report, result, traces, sweep))
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        from lugn.evalkit.text import render

        print(render(result))
    if result["refused"] and args.json:  # the table says it; with --json, tell the person too
        print(f"lugn eval: no recommendation: {result['refused']}", file=sys.stderr)
    return rc


def _report(out: Path, result: dict[str, Any], traces: list[Any], sweep: Any) -> int:
    """The pictures are a side path: without matplotlib or a writable folder the figures still print."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return _fail(
            "--report needs matplotlib, which this installation lacks (pip install matplotlib, or install "
            "lugn with pip on a QA machine); the figures below are complete without it"
        )
    from lugn.evalkit.report import write_report

    try:
        result["report"] = str(write_report(out, result, traces, sweep))
    except OSError as exc:
        return _fail(f"--report {out}: {exc}")
    return 0


def _write_policy(path: Path, result: dict[str, Any]) -> int:
    from lugn.evalkit.policyfile import PolicyFileError, snippet, write_snippet

    rec = result["recommendation"]
    if rec is None:
        return _fail(f"--write-policy {path}: not written: {result['refused']}")
    try:
        write_snippet(path, snippet(rec, result["run"]))
    except (PolicyFileError, OSError) as exc:
        return _fail(f"--write-policy: {exc}")
    result["policy_written"] = str(path)
    return 0


def evaluate_calls(
    calls: list[Any], config: Any, policy_text: str, models_dir: Path | None, budget: float, quiet: bool
) -> tuple[dict[str, Any], list[Any], Any]:
    """Every call through the pipeline once, then the figures at the run's threshold, the sweep and the
    recommendation. -> (result for JSON, traces, sweep)."""
    from device.inference.tone import ToneModel
    from lugn.evalkit.corpus import CallCorpusError
    from lugn.evalkit.figures import GRACE_S, LATE_S, call_figures, summary, timeline
    from lugn.evalkit.sweep import MIN_EPISODES, RecommendationRefused, recommend, run_sweep
    from lugn.evalkit.trace import CallRunError, run_call

    model = ToneModel.load(models_dir)
    manifest = model.loaded.manifest
    traces = []
    failed: list[str] = []
    t0 = time.perf_counter()
    show = not quiet and sys.stderr.isatty()
    for i, spec in enumerate(calls, 1):
        if show:
            print(f"\r  pipeline: call {i}/{len(calls)} {spec.name[:40]:<40}", end="", file=sys.stderr)
        try:
            traces.append(run_call(spec, config, models_dir))
        except CallRunError as exc:  # keep going: every unusable call is named in one run
            failed.append(str(exc))
    if show:
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    if failed:
        raise CallCorpusError(failed)
    pipeline_s = time.perf_counter() - t0
    threshold = traces[0].threshold
    per_call = []
    figs = []
    for trace in traces:
        f = call_figures(trace, timeline(trace, threshold))
        figs.append(f)
        per_call.append(_call_row(trace, f))
    extra = {threshold, float(model.threshold)}
    sweep = run_sweep(traces, sorted(extra))
    refused = None
    try:
        rec: dict[str, Any] | None = recommend(sweep, budget)
    except RecommendationRefused as exc:
        rec, refused = None, str(exc)
    overall = summary(figs)
    run = {
        "model": f"{manifest.name} {manifest.version} (sha256 {manifest.sha256[:12]})",
        "policy": policy_text,
        "threshold": threshold,
        "model_threshold": float(model.threshold),
        "grace_s": GRACE_S,
        "late_s": LATE_S,
        "min_episodes": MIN_EPISODES,
        "audio_h": round(sum(t.end_s for t in traces) / 3600.0, 6),
        "customer_speech_h": overall["customer_speech_h"],
        "pipeline_s": round(pipeline_s, 2),
        "sweep_s": None,
    }
    result = {
        "kind": "labelled calls",
        "run": run,
        "calls": per_call,
        "overall": overall,
        "sweep": sweep.rows,
        "max_false_per_hour": budget,
        "recommendation": rec,
        "refused": refused,
    }
    run["sweep_s"] = round(time.perf_counter() - t0 - pipeline_s, 2)
    return result, traces, sweep


def _call_row(trace: Any, f: Any) -> dict[str, Any]:
    from lugn.evalkit.figures import summary

    spec = trace.spec
    notes = list(spec.notes)
    if trace.windows == 0:
        notes.append(
            "no tone window: too little customer speech for the model to score (the indicator showed "
            "'listening' throughout); its speech still counts as unlabelled"
        )
    for s in spec.stretches:
        heard = sum(max(0.0, min(b, s.end_s) - max(a, s.start_s)) for a, b in trace.speech)
        if heard == 0:
            notes.append(f"label line {s.line} ({s.start_s:g}-{s.end_s:g} s) holds no customer speech")
    return {
        "name": spec.name,
        "audio": spec.audio_text,
        "labels": str(spec.labels_path),
        "duration_s": round(trace.end_s, 2),
        "windows": trace.windows,
        **summary([f]),
        "stretches": [
            {
                "start_s": s.start_s,
                "end_s": s.end_s,
                "label": s.text,
                "line": s.line,
                "caught": lat is not None,
                "time_to_frustrated_s": None if lat is None else round(lat, 3),
            }
            for s, lat in zip(spec.stretches, f.latency_per_stretch, strict=True)
        ],
        "false_alarm_t_s": [round(x, 3) for x in f.false_alarm_t_s],
        "notes": notes,
    }
