"""Labelled calls the scoring model has not heard, to measure the indicator's turn and smoothing logic.

The pilot kit (``lugn eval CALLS``) measures what an agent would have seen on labelled calls. Calls built
from EmoDB and scored by the *shipped* model are in-sample (it trained on every EmoDB speaker), so they say
little about timing on a caller the model does not know. This module makes that measurement out-of-fold:

- ``models OUT``: the recipe's cross-validation model (``training/cv/tone_cv_int8.onnx``, outputs stacked
  over the five speaker folds) cut into five single-fold models, each a models folder the pipeline loads
  like the shipped one (``tone.onnx`` + manifest, and the shipped ``silero_vad``): ``OUT/fold0`` … ``fold4``;
- ``calls CORPUS OUT``: labelled stereo calls (customer right, agent left; an Audacity label file of the
  customer's angry stretches beside each), a folder per fold for EmoDB (``OUT/fold0`` holds the calls whose
  customer fold 0's model never heard), or one folder for an evaluation-only corpus (tess, urdu: scored by
  the shipped model, which never heard them either; write those to /tmp, never into the repository);
- ``pool A.json B.json …``: the pooled figures of several ``lugn eval CALLS --json`` outputs (one per fold);
- ``grid OUT``: the candidate turn and smoothing settings on those calls (see the model card, "Turn ends
  and escalation").

So, for the EmoDB out-of-fold figures::

    python -m training.callstudy models /tmp/oof/models
    python -m training.callstudy calls emodb /tmp/oof/calls
    for k in 0 1 2 3 4; do lugn eval /tmp/oof/calls/fold$k --model /tmp/oof/models/fold$k --json \
        > /tmp/oof/fold$k.json; done
    python -m training.callstudy pool /tmp/oof/fold*.json

How the calls are built (scripts, gaps, labels): ``training.calls``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from training.calls import CV_DIR, DATA, NOISE_DBFS, build

# -- per-fold models -----------------------------------------------------------------------------------------


def fold_models(out: Path, cv_dir: Path = CV_DIR) -> list[Path]:
    """The CV model's outputs ``[batch, fold, …]`` cut to one fold each: ``out/fold{k}`` models folders."""
    import onnx
    from onnx import helper, numpy_helper

    from device.inference.models import default_models_dir, read_manifest

    manifest = json.loads((cv_dir / "tone_cv_int8.manifest.json").read_text(encoding="utf-8"))
    folds = sorted(set(json.loads((cv_dir / "cv.json").read_text(encoding="utf-8"))["folds"].values()))
    dirs = []
    for k in folds:
        model = onnx.load(str(cv_dir / manifest["file"]))
        graph = model.graph
        graph.initializer.append(numpy_helper.from_array(np.array(k, dtype=np.int64), f"fold_index_{k}"))
        new_outputs = []
        for out_info in list(graph.output):
            name = out_info.name
            stacked = f"{name}_all_folds"
            for node in graph.node:
                node.output[:] = [stacked if o == name else o for o in node.output]
                node.input[:] = [stacked if i == name else i for i in node.input]
            graph.node.append(helper.make_node("Gather", [stacked, f"fold_index_{k}"], [name], axis=1))
            dims = [d.dim_param or d.dim_value for d in out_info.type.tensor_type.shape.dim]
            del dims[1]
            new_outputs.append(helper.make_tensor_value_info(name, out_info.type.tensor_type.elem_type, dims))
        del graph.output[:]
        graph.output.extend(new_outputs)
        folder = out / f"fold{k}"
        folder.mkdir(parents=True, exist_ok=True)
        onnx.save(model, str(folder / "tone.onnx"))
        data = (folder / "tone.onnx").read_bytes()
        m = dict(manifest, name="tone", file="tone.onnx", sha256=hashlib.sha256(data).hexdigest())
        m["version"] = f"{manifest['version']}-cv-fold{k}"
        m["metadata"] = dict(m["metadata"], note=f"fold {k} of the speaker-CV model (out-of-fold scoring)")
        (folder / "tone.manifest.json").write_text(json.dumps(m, indent=1), encoding="utf-8")
        shipped = default_models_dir()
        vad = read_manifest(shipped / "silero_vad.manifest.json")
        shutil.copy(shipped / "silero_vad.manifest.json", folder)
        shutil.copy(shipped / vad.file, folder)
        dirs.append(folder)
    return dirs


# -- pooling several ``lugn eval --json`` outputs ------------------------------------------------------------


def pool_results(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The kit's overall figures over several runs (e.g. one per fold): sums first, then ratios."""
    calls = [c for r in results for c in r["calls"]]
    latencies = [s["time_to_frustrated_s"] for c in calls for s in c["stretches"] if s["caught"]]
    episodes = sum(c["episodes"] for c in calls)
    caught = sum(c["caught"] for c in calls)
    false = sum(c["false_alarms"] for c in calls)
    hours = sum(c["unlabelled_speech_h"] for c in calls)
    return {
        "calls": len(calls),
        "episodes": episodes,
        "caught": caught,
        "episode_recall": round(caught / episodes, 4) if episodes else None,
        "median_time_to_frustrated_s": round(float(np.median(latencies)), 3) if latencies else None,
        "p90_time_to_frustrated_s": round(float(np.percentile(latencies, 90)), 3) if latencies else None,
        "false_alarms": false,
        "late_false_alarms": sum(c["late_false_alarms"] for c in calls),
        "unlabelled_speech_h": round(hours, 4),
        "false_per_hour": round(false / hours, 2) if hours else None,
        "calls_with_false_alarm": round(sum(c["false_alarms"] > 0 for c in calls) / len(calls), 4),
        "windows": sum(c["windows"] for c in calls),
    }


COLUMNS = (
    ("episodes", "episodes", "{}"),
    ("caught", "caught", "{}"),
    ("episode_recall", "recall", "{:.3f}"),
    ("median_time_to_frustrated_s", "median s", "{:.2f}"),
    ("p90_time_to_frustrated_s", "p90 s", "{:.2f}"),
    ("false_alarms", "false", "{}"),
    ("false_per_hour", "false/h", "{:.1f}"),
    ("calls_with_false_alarm", "calls w/ false", "{:.3f}"),
    ("late_false_alarms", "late", "{}"),
    ("windows", "windows", "{}"),
)


def table(rows: Sequence[tuple[str, dict[str, Any]]]) -> str:
    width = max(12, *(len(name) for name, _ in rows))
    head = f"{'':<{width}}" + "".join(f"{h:>15}" for _, h, _ in COLUMNS)
    lines = [head, "-" * len(head)]
    for name, fig in rows:
        cells = "".join(f"{('-' if fig.get(k) is None else f.format(fig[k])):>15}" for k, _, f in COLUMNS)
        lines.append(f"{name:<{width}}{cells}")
    return "\n".join(lines)


# -- the candidate grid --------------------------------------------------------------------------------------

# (end of turn s, least unscored tail s, forget after s): the pipeline's turn logic until 7 Dec first
TURNS = ((10.0, 0.5, 10.0), (0.6, 0.5, 10.0), (1.0, 0.5, 10.0), (0.6, 0.25, 10.0), (1.0, 0.25, 10.0),
         (0.6, 0.1, 10.0), (1.0, 0.1, 10.0))  # fmt: skip
# how an escalation waits for the minimum dwell (5 s since the last change)
ESCALATION = {
    "dwell": "every change waits the dwell (until 7 Dec)",
    "after-up": "an escalation right after an escalation waits only for patience",
    "always": "every escalation waits only for patience",
}


def _escalation_patch(rule: str) -> Any:
    """Context: the smoother's dwell as ``rule`` has it, for the pipeline's smoother and the kit's replay
    alike (both build theirs through ``SmoothingParams.for_threshold``)."""
    import dataclasses
    from contextlib import ExitStack
    from unittest import mock

    from device.inference.smoothing import SmoothingParams, ToneSmoother

    base = SmoothingParams.for_threshold.__func__  # type: ignore[attr-defined]
    esc = 5.0 if rule == "dwell" else 0.0

    def for_threshold(cls: type[SmoothingParams], threshold: float) -> SmoothingParams:
        return dataclasses.replace(base(cls, threshold), min_dwell_s=5.0, escalation_dwell_s=esc)

    stack = ExitStack()
    stack.enter_context(mock.patch.object(SmoothingParams, "for_threshold", classmethod(for_threshold)))
    if rule == "after-up":  # the escalation's dwell applies only after a step up: note each step's sign
        process, dwell = ToneSmoother.process, ToneSmoother.dwell

        def noting(self: Any, *args: Any, **kw: Any) -> Any:
            sample, changed = process(self, *args, **kw)
            if changed is not None:
                up = ["calm", "uneasy", "frustrated"]
                self.study_last = 1 if up.index(changed.state) > up.index(changed.previous) else -1
            return sample, changed

        def after_up(self: Any, sign: int) -> float:
            if sign > 0 and getattr(self, "study_last", 0) > 0:
                return float(dwell(self, sign))
            return float(self.params.min_dwell_s)

        stack.enter_context(mock.patch.object(ToneSmoother, "process", noting))
        stack.enter_context(mock.patch.object(ToneSmoother, "dwell", after_up))
    return stack


def run_grid(calls_root: Path, models_root: Path, folds: Sequence[str]) -> list[dict[str, Any]]:
    """Every turn setting through the pipeline (per fold, that fold's model), every escalation rule on the
    recorded window scores; pooled figures at the shipped threshold."""
    from unittest import mock

    import device.inference.tone as tone
    from lugn.evalkit.corpus import discover_calls
    from lugn.evalkit.figures import call_figures, summary, timeline
    from lugn.evalkit.policyfile import load_config
    from lugn.evalkit.trace import run_call

    config, _ = load_config(None)
    rows = []
    for eot, tail, forget in TURNS:
        patches: dict[str, Any] = {"END_OF_TURN_S": eot, "MIN_TAIL_S": tail, "FORGET_AFTER_S": forget}
        traces = []
        with mock.patch.multiple(tone, **patches), _escalation_patch("dwell"):
            for fold in folds:
                models = models_root / fold if (models_root / fold).is_dir() else None
                calls = discover_calls([calls_root / fold], [])
                traces += [run_call(spec, config, models) for spec in calls]
        for rule in ESCALATION:
            with _escalation_patch(rule):
                figs = [call_figures(t, timeline(t, t.threshold)) for t in traces]
            fig = summary(figs) | {"windows": sum(t.windows for t in traces)}
            row: dict[str, Any] = {"end_of_turn_s": eot, "min_tail_s": tail, "forget_after_s": forget}
            rows.append(row | {"escalation": rule, **fig})
            print(
                f"  {eot:g} s / {tail:g} s / {rule}: recall {fig['episode_recall']}, "
                f"false/h {fig['false_per_hour']}",
                file=sys.stderr,
            )
    return rows


SHIFTS = (0, 37, 101, 173, 256, 331, 419, 503, 600, 777, 901, 1024, 1500, 2048, 3000, 4000)
Setting = tuple[tuple[float, float, float], str]  # (end of turn s, least tail s, forget after s), escalation


def demo_delays(out: Path, shifts: Sequence[int] = SHIFTS, setting: Setting | None = None) -> list[float]:
    """Seconds from the bundled demo call's anger onset to "frustrated", with the recording shifted by each
    of ``shifts`` samples (low noise in front). Which window of the 0.5 s grid first holds enough anger is a
    matter of phase, and one recording shows one phase. ``setting`` None: the pipeline as shipped."""
    from contextlib import ExitStack
    from unittest import mock

    import soundfile as sf

    import device.inference.tone as tone
    from device.audio.source import ReplaySource
    from device.config import LugnConfig
    from device.events import Event, ToneChanged, ToneState
    from device.notice import told_elsewhere
    from device.pipeline import Pipeline

    assets = Path(__file__).resolve().parents[1] / "device" / "assets"
    onset = json.loads((assets / "demo_call.timeline.json").read_text())["angry_speech_start_s"]
    audio, rate = sf.read(assets / "demo_call.flac", dtype="float32")
    config = told_elsewhere(LugnConfig(), "the demo call")
    out.mkdir(parents=True, exist_ok=True)
    delays = []
    for d in shifts:
        path = out / f"demo_shift{d}.wav"
        if not path.exists():
            noise = np.random.default_rng(d).standard_normal((d, 2)).astype(np.float32)
            sf.write(path, np.concatenate([noise * 10 ** (NOISE_DBFS / 20), audio]), rate, subtype="FLOAT")
        events: list[Event] = []
        with ExitStack() as stack:
            if setting is not None:
                (eot, tail, forget), rule = setting
                turn: dict[str, Any] = {"END_OF_TURN_S": eot, "MIN_TAIL_S": tail, "FORGET_AFTER_S": forget}
                stack.enter_context(mock.patch.multiple(tone, **turn))
                stack.enter_context(_escalation_patch(rule))
            Pipeline(ReplaySource(path, realtime=False), config, events.append).run_until_end()
        first = next(e.t_s for e in events if isinstance(e, ToneChanged) and e.state is ToneState.FRUSTRATED)
        delays.append(round(first - (onset + d / rate), 3))
    return delays


def demo_table(out: Path, settings: Sequence[tuple[str, Setting | None]]) -> str:
    lines = [f"{'setting':<28}" + "".join(f"{d:>6}" for d in SHIFTS) + "   median  (s; shift in samples)"]
    for name, setting in settings:
        delays = demo_delays(out, SHIFTS, setting)
        lines.append(f"{name:<28}" + "".join(f"{x:6.2f}" for x in delays) + f"   {np.median(delays):6.2f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m training.callstudy", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("models", help="the speaker-CV model cut into one models folder per fold")
    m.add_argument("out", type=Path)
    c = sub.add_parser("calls", help="labelled calls of a corpus (emodb: a folder per fold)")
    c.add_argument("corpus", choices=("emodb", "tess", "urdu"))
    c.add_argument("out", type=Path)
    c.add_argument("--data", type=Path, default=DATA)
    c.add_argument("--rounds", type=int, default=3, help="the four scripts this many times per customer")
    po = sub.add_parser("pool", help="pooled figures of several `lugn eval CALLS --json` outputs")
    po.add_argument("json", type=Path, nargs="+")
    g = sub.add_parser("grid", help="the candidate turn/escalation settings on calls (pooled figures)")
    g.add_argument("calls", type=Path, help="calls folder (with fold0..4 subfolders for emodb)")
    g.add_argument("--models", type=Path, default=None, help="per-fold models folders (fold0..4)")
    g.add_argument("--json", type=Path, default=None, help="also write the rows here")
    d = sub.add_parser("demo", help="the demo call's time to 'frustrated' over shifts of its recording")
    d.add_argument("out", type=Path, help="a scratch folder for the shifted recordings")
    args = p.parse_args(argv)
    if args.cmd == "models":
        for folder in fold_models(args.out):
            print(folder)
    elif args.cmd == "calls":
        if args.out.exists() and any(args.out.iterdir()):
            print(f"callstudy: {args.out} is not empty", file=sys.stderr)
            return 2
        rows = build(args.corpus, args.out, args.data, args.rounds)
        print(
            f"{len(rows)} calls, {sum(r['stretches'] for r in rows)} labelled stretches, "
            f"{sum(r['duration_s'] for r in rows) / 60:.1f} min of audio -> {args.out}"
        )
    elif args.cmd == "demo":
        before: Setting = (TURNS[0], "dwell")
        print(demo_table(args.out, [("before (10/0.5, dwell)", before), ("as shipped", None)]))
    elif args.cmd == "pool":
        results = [json.loads(path.read_text(encoding="utf-8")) for path in args.json]
        print(table([("pooled", pool_results(results))]))
    else:
        folds = sorted(d.name for d in args.calls.iterdir() if d.is_dir() and d.name.startswith("fold"))
        rows = run_grid(args.calls, args.models or Path("/nonexistent"), folds or [""])
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
        print(table([(_label(r), r) for r in rows]))
    return 0


def _label(row: dict[str, Any]) -> str:
    return f"{row['end_of_turn_s']:g}/{row['min_tail_s']:g}/{row['forget_after_s']:g} {row['escalation']}"


if __name__ == "__main__":
    raise SystemExit(main())
