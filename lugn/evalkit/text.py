"""The plain-text report of a call evaluation: a row per call, the pooled figures, the sweep, the advice."""

from __future__ import annotations

from typing import Any


def _f(x: float | None, fmt: str = ".2f", none: str = "-") -> str:
    return none if x is None else format(x, fmt)


CALL_COLUMNS = (
    ("call", 28, lambda r: r["name"]),
    ("min", 6, lambda r: _f(r["duration_s"] / 60, ".1f")),
    ("speech s", 9, lambda r: _f(r["customer_speech_h"] * 3600, ".0f")),
    ("episodes", 9, lambda r: str(r["episodes"])),
    ("caught", 7, lambda r: str(r["caught"])),
    ("recall", 7, lambda r: _f(r["episode_recall"])),
    ("median s", 9, lambda r: _f(r["median_time_to_frustrated_s"], ".1f")),
    ("p90 s", 6, lambda r: _f(r["p90_time_to_frustrated_s"], ".1f")),
    ("precision", 10, lambda r: _f(r["precision_by_time"])),
    ("false", 6, lambda r: str(r["false_alarms"])),
    ("false/h", 8, lambda r: _f(r["false_per_hour"], ".1f")),
)


def _row(values: list[str]) -> str:
    cells: list[str] = []
    for (_, width, _), v in zip(CALL_COLUMNS, values, strict=True):
        cells.append(v[:width].ljust(width) if not cells else v.rjust(width))
    return " ".join(cells)


def render(result: dict[str, Any]) -> str:
    run = result["run"]
    lines = [
        f"labelled calls: {len(result['calls'])} ({run['audio_h'] * 60:.1f} min of audio, "
        f"{run['customer_speech_h'] * 60:.1f} min of customer speech); model {run['model']}",
        f"threshold {run['threshold']:.3f} ({run['policy']}; the model's own: {run['model_threshold']:.3f}); "
        f"a stretch counts as caught when 'frustrated' shows in it or within {run['grace_s']:g} s after",
        *(f"skipped: {line}" for line in result.get("skipped", [])),
        "",
        _row([name for name, _, _ in CALL_COLUMNS]),
        "-" * (sum(w for _, w, _ in CALL_COLUMNS) + len(CALL_COLUMNS) - 1),
    ]
    for r in result["calls"]:
        lines.append(_row([fn(r) for _, _, fn in CALL_COLUMNS]))
        lines += [f"    note: {n}" for n in r["notes"]]
    overall = {**result["overall"], "name": "ALL CALLS", "duration_s": run["audio_h"] * 3600}
    lines.append(_row([fn(overall) for _, _, fn in CALL_COLUMNS]))
    share = overall["calls_with_false_alarm"]
    lines.append(
        f"calls with at least one false alarm: {_f(share, '.0%')}; of the {overall['false_alarms']} false "
        f"alarms, {overall['late_false_alarms']} came up to {run['late_s']:g} s after a missed stretch (late)"
    )
    lines += ["", *_sweep(result), "", *advice_lines(result)]
    if result.get("report"):
        lines.append(f"report: {result['report']}")
    if result.get("policy_written"):
        lines.append(
            f"policy snippet written: {result['policy_written']} (check it: lugn doctor --policy "
            f"{result['policy_written']}, its 'policy' line)"
        )
    return "\n".join(lines)


def _sweep(result: dict[str, Any]) -> list[str]:
    run, rec = result["run"], result["recommendation"]
    marks = {
        run["model_threshold"]: "shipped",
        run["threshold"]: "this run" if run["threshold"] != run["model_threshold"] else "shipped = this run",
    }
    if rec is not None:
        marks[rec["threshold"]] = "RECOMMENDED"
    lines = [
        "threshold sweep (one pass over the audio; the real smoother re-run on the cached window scores):",
        f"{'threshold':>10} {'recall':>7} {'median s':>9} {'p90 s':>6} {'precision':>10} {'false/h':>8} "
        f"{'calls w/ false':>15}",
    ]
    for i, r in enumerate(result["sweep"]):
        t = r["threshold"]
        if i % 2 and t not in marks:
            continue
        lines.append(
            f"{t:>10.2f} {_f(r['episode_recall']):>7} {_f(r['median_time_to_frustrated_s'], '.1f'):>9} "
            f"{_f(r['p90_time_to_frustrated_s'], '.1f'):>6} {_f(r['precision_by_time']):>10} "
            f"{_f(r['false_per_hour'], '.2f'):>8} {_f(r['calls_with_false_alarm'], '.0%'):>15}"
            + (f"  <- {marks[t]}" if t in marks else "")
        )
    return lines


def advice_lines(result: dict[str, Any]) -> list[str]:
    rec = result["recommendation"]
    if rec is None:
        return [f"no recommendation: {result['refused']}"]
    f, b = rec["figures"], rec["bootstrap"]

    def iv(pair: list[float] | None, fmt: str) -> str:
        return "n/a" if pair is None else f"{format(pair[0], fmt)}-{format(pair[1], fmt)}"

    return [
        f"recommended [tone] threshold = {rec['threshold']:.2f}: {rec['rule']}",
        f"  episode recall {_f(f['episode_recall'])} (95 % bootstrap over calls "
        f"{iv(b['episode_recall_95'], '.2f')}), false alarms {_f(f['false_per_hour'])}/h "
        f"({iv(b['false_per_hour_95'], '.2f')}; within the budget in {b['within_budget_share']:.0%} of "
        f"{b['resamples']} resamples; Poisson 95 % {iv(rec['false_per_hour_poisson_95'], '.2f')})",
        f"  the same rule picks {iv(b['threshold_95'], '.2f')} on 95 % of resamples"
        + (
            f"; no threshold meets the budget in {b['no_threshold_share']:.0%} of them"
            if b["no_threshold_share"]
            else ""
        ),
        *(f"  caution: {note}" for note in rec["notes"]),
    ]
