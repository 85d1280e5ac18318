"""``--report DIR``: a picture per call, the sweep as a picture, and an ``index.html`` that shows them.

matplotlib's object API on the Agg canvas (no pyplot, no display, no global state). The page is one static
file with relative links and no scripts or remote resources: it can be opened from a share or a USB stick on
a machine without internet, and nothing in it calls out. It holds scores and times only, never audio.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from device.inference.smoothing import SmoothingParams
from lugn.evalkit.figures import FRUSTRATED, GRACE_S, LISTENING, NO_CALL, Timeline, timeline, zones
from lugn.evalkit.sweep import Sweep
from lugn.evalkit.trace import CallTrace

VIEW_COLOURS = {
    NO_CALL: "#eeeeee",
    LISTENING: "#c8c8c8",
    "calm": "#4caf50",
    "uneasy": "#ffb300",
    FRUSTRATED: "#e53935",
}
LABEL_COLOUR, GRACE_COLOUR = "#ef9a9a", "#fbe3e3"


def _figure(width: float, height: float) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _safe(name: str, taken: set[str]) -> str:
    # letters of any script stay (a site's own call names: "samtal åäö"); separators and spaces do not
    base = re.sub(r"[^\w.-]+", "_", unicodedata.normalize("NFC", name)).strip("._") or "call"
    out, k = base, 2
    while out.lower() in taken:
        out, k = f"{base}_{k}", k + 1
    taken.add(out.lower())
    return out


def call_png(path: Path, trace: CallTrace, line: Timeline, threshold: float, row: dict[str, Any]) -> None:
    fig = _figure(11, 4.6)
    score_ax, seen_ax, speech_ax = fig.subplots(
        3, 1, sharex=True, gridspec_kw={"height_ratios": [5, 0.8, 0.5]}
    )
    end = max(trace.end_s, 1.0)
    for i, s in enumerate(trace.spec.stretches):
        score_ax.axvspan(
            s.end_s, s.end_s + GRACE_S, facecolor=GRACE_COLOUR, edgecolor="#f3b0b0", hatch="//", lw=0,
            label=None if i else f"+{GRACE_S:g} s grace",
        )  # fmt: skip
        score_ax.axvspan(
            s.start_s, s.end_s, color=LABEL_COLOUR, alpha=0.6, lw=0, label=None if i else "labelled"
        )
    xs, raw, smooth = [], [], []
    last = None
    for t, r, sm in line.samples:
        if last is not None and t - last > 1.0:  # a gap between turns: break the line there
            for series in (xs, raw, smooth):
                series.append(float("nan"))
        xs.append(t)
        raw.append(r)
        smooth.append(sm)
        last = t
    score_ax.plot(xs, raw, ".", ms=3, color="#9e9e9e", label="window score")
    score_ax.plot(xs, smooth, "-", lw=1.6, color="#1565c0", label="smoothed score")
    score_ax.axhline(threshold, color="#c62828", ls="--", lw=1.2, label=f"frustrated from {threshold:.2f}")
    uneasy = SmoothingParams.for_threshold(threshold).uneasy_at
    score_ax.axhline(uneasy, color="#ef6c00", ls=":", lw=1, label=f"uneasy from {uneasy:.2f}")
    zone = zones(trace)
    for k, t in enumerate(line.onsets):
        false = not any(a <= t <= b for a, b in zone)
        score_ax.axvline(t, color="#b71c1c" if false else "#2e7d32", lw=1, alpha=0.8)
        score_ax.annotate(
            "false alarm" if false else "frustrated",
            (t, 1.0),
            xytext=(2, -10 - 9 * (k % 2)),
            textcoords="offset points",
            fontsize=7,
            color="#b71c1c" if false else "#2e7d32",
        )
    score_ax.set_ylim(0, 1.05)
    score_ax.set_xlim(0, end)
    score_ax.set_ylabel("customer frustration")
    score_ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7, frameon=False)
    rec = "-" if row["episode_recall"] is None else f"{row['caught']}/{row['episodes']}"
    score_ax.set_title(
        f"{trace.spec.name} ({trace.spec.audio_text}): episodes caught {rec}, false alarms "
        f"{row['false_alarms']}, threshold {threshold:.2f}",
        fontsize=10,
        loc="left",
    )
    for a, b, view in line.segments:
        seen_ax.broken_barh([(a, b - a)], (0, 1), color=VIEW_COLOURS.get(view, "#ffffff"))
    seen_ax.set_yticks([0.5], ["agent saw"])
    seen_ax.set_ylim(0, 1)
    handles = [_patch(c, v.replace("_", " ")) for v, c in VIEW_COLOURS.items()]
    seen_ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=7, frameon=False)
    speech_ax.broken_barh([(a, b - a) for a, b in trace.speech], (0, 1), color="#607d8b")
    speech_ax.set_yticks([0.5], ["customer speech"])
    speech_ax.set_ylim(0, 1)
    speech_ax.set_xlabel("seconds into the call")
    fig.savefig(path)


def _plain() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: f"{v:g}")


def _patch(colour: str, label: str) -> Any:
    from matplotlib.patches import Patch

    return Patch(color=colour, label=label)


def sweep_png(path: Path, result: dict[str, Any]) -> None:
    rows = [r for r in result["sweep"] if r["episode_recall"] is not None and r["false_per_hour"] is not None]
    fig = _figure(7.5, 5.2)
    ax = fig.subplots()
    budget = result["max_false_per_hour"]
    ax.axvline(budget, color="#757575", ls="--", lw=1, label=f"budget {budget:g}/h")
    if rows:
        x = [r["false_per_hour"] for r in rows]
        y = [r["episode_recall"] for r in rows]
        th = [r["threshold"] for r in rows]
        ax.plot(x, y, "-", color="#b0bec5", lw=1, zorder=1)
        points = ax.scatter(x, y, c=th, cmap="viridis", s=22, zorder=2)
        fig.colorbar(points, ax=ax, label="threshold")
        run = result["run"]
        marks = [(run["model_threshold"], "s", "shipped", "#000000")]
        if run["threshold"] != run["model_threshold"]:
            marks.append((run["threshold"], "D", "this run", "#6a1b9a"))
        rec = result["recommendation"]
        if rec is not None:
            marks.append((rec["threshold"], "*", "recommended", "#d81b60"))
        for t, marker, name, colour in marks:
            for r in rows:
                if abs(r["threshold"] - t) < 1e-9:
                    ax.scatter(
                        [r["false_per_hour"]], [r["episode_recall"]], marker=marker, s=160,
                        facecolors="none" if marker != "*" else colour, edgecolors=colour, linewidths=1.8,
                        zorder=3, label=f"{name} {t:.2f}",
                    )  # fmt: skip
        if rec is not None and rec["bootstrap"]["episode_recall_95"]:
            b = rec["bootstrap"]
            f = rec["figures"]
            # recall: bootstrap over calls; false alarms: the wider of the bootstrap and the Poisson interval
            # (no false alarm in the sample is none in every resample, but not a rate of zero)
            (r_lo, r_hi), (f_lo, f_hi) = b["episode_recall_95"], b["false_per_hour_95"]
            p_lo, p_hi = rec["false_per_hour_poisson_95"]
            f_lo, f_hi = min(f_lo, p_lo), max(f_hi, p_hi)
            x0, y0 = f["false_per_hour"], f["episode_recall"]
            ax.errorbar(
                [x0], [y0], yerr=[[y0 - r_lo], [r_hi - y0]], xerr=[[x0 - f_lo], [f_hi - x0]], fmt="none",
                ecolor="#d81b60", elinewidth=1, capsize=3, zorder=2,
                label="95 %: recall over calls, false/h Poisson",
            )  # fmt: skip
    else:
        ax.text(0.5, 0.5, "no labelled episodes or no unlabelled speech", ha="center", transform=ax.transAxes)
    ax.set_xlabel("false 'frustrated' alarms per hour of unlabelled customer speech (symlog)")
    ax.set_ylabel("episode recall")
    ax.set_ylim(-0.03, 1.03)
    # symlog: linear up to the budget's scale (where the choice is made), logarithmic beyond
    ax.set_xscale("symlog", linthresh=max(budget, 0.5), linscale=1.5)
    ax.set_xlim(left=-0.05 * max(budget, 0.5))
    ax.xaxis.set_major_formatter(_plain())
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")
    ax.set_title("Threshold sweep: each point one [tone] threshold", fontsize=10)
    fig.savefig(path)


def write_report(out: Path, result: dict[str, Any], traces: Sequence[CallTrace], sweep: Sweep) -> Path:
    """Write the PNGs, ``result.json`` and ``index.html`` into ``out``; -> the index path."""
    (out / "calls").mkdir(parents=True, exist_ok=True)
    threshold = result["run"]["threshold"]
    taken: set[str] = set()
    for trace, row in zip(traces, result["calls"], strict=True):
        png = f"calls/{_safe(trace.spec.name, taken)}.png"
        call_png(out / png, trace, timeline(trace, threshold), threshold, row)
        row["png"] = png
    sweep_png(out / "sweep.png", result)
    result["sweep_png"] = "sweep.png"
    (out / "result.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    index = out / "index.html"
    index.write_text(page(result), encoding="utf-8")
    return index


def _n(x: float | None, fmt: str = ".2f") -> str:
    return "–" if x is None else format(x, fmt)


def page(result: dict[str, Any]) -> str:
    from lugn.evalkit.text import advice_lines

    e = html.escape
    run = result["run"]
    head = (
        "<th>call</th><th>minutes</th><th>customer speech s</th><th>episodes</th><th>caught</th>"
        "<th>recall</th><th>median s to frustrated</th><th>p90 s</th><th>precision by time</th>"
        "<th>false alarms</th><th>false/h</th>"
    )

    def cells(r: dict[str, Any], minutes: float) -> str:
        vals = [
            _n(minutes, ".1f"), _n(r["customer_speech_h"] * 3600, ".0f"), str(r["episodes"]),
            str(r["caught"]), _n(r["episode_recall"]), _n(r["median_time_to_frustrated_s"], ".1f"),
            _n(r["p90_time_to_frustrated_s"], ".1f"), _n(r["precision_by_time"]), str(r["false_alarms"]),
            _n(r["false_per_hour"], ".1f"),
        ]  # fmt: skip
        return "".join(f"<td>{e(v)}</td>" for v in vals)

    rows = []
    for i, r in enumerate(result["calls"]):
        link = f'<a href="#call{i}">{e(r["name"])}</a>' if r.get("png") else e(r["name"])
        rows.append(f"<tr><td>{link}</td>{cells(r, r['duration_s'] / 60)}</tr>")
    rows.append(f"<tr class=all><td>all calls</td>{cells(result['overall'], run['audio_h'] * 60)}</tr>")
    pictures = "".join(
        f'<figure id="call{i}"><img src="{e(quote(r["png"]))}" alt="{e(r["name"])}" width="1100">'
        f"<figcaption>{e(r['name'])}: {e(r['audio'])}; labels {e(Path(r['labels']).name)}"
        + "".join(f"<br>note: {e(n)}" for n in r["notes"])
        + "</figcaption></figure>"
        for i, r in enumerate(result["calls"])
        if r.get("png")
    )
    skipped = "".join(f"<li>{e(line)}</li>" for line in result.get("skipped", []))
    skipped = f"<p>Skipped (not calls):</p><ul>{skipped}</ul>" if skipped else ""
    advice = e("\n".join(advice_lines(result)))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lugn pilot evaluation</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:1150px}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:3px 7px;text-align:right}}
td:first-child,th:first-child{{text-align:left}}
tr.all{{font-weight:bold;background:#f3f3f3}}pre{{background:#f7f7f7;padding:1em;white-space:pre-wrap}}
figure{{margin:1.5em 0}}</style></head><body>
<h1>Lugn pilot evaluation: {len(result["calls"])} labelled calls</h1>
<p>Model {e(run["model"])}; threshold {run["threshold"]:.3f} ({e(run["policy"])}); the model's own
threshold {run["model_threshold"]:.3f}. {run["audio_h"] * 60:.1f} min of audio,
{run["customer_speech_h"] * 60:.1f} min of customer speech. A labelled stretch counts as caught when
"frustrated" shows while it lasts or within
{run["grace_s"]:g} s after it; a false alarm is a change into "frustrated" outside every labelled stretch (and
its {run["grace_s"]:g} s), counted per hour of customer speech outside them.
Calls with at least one false alarm: {_n(result["overall"]["calls_with_false_alarm"], ".0%")}.</p>
{skipped}<table><tr>{head}</tr>{"".join(rows)}</table>
<h2>Threshold sweep</h2><img src="sweep.png" alt="threshold sweep" width="750">
<pre>{advice}</pre>
<p>These figures describe these calls as these labellers marked them. See docs/pilot.md, "What the figures do
not say", before setting a policy from them.</p>
<h2>Calls</h2>{pictures}
</body></html>
"""
