"""Call-level figures: what the agent saw, held against what the QA labeller marked.

The agent's indicator (as ``ui.agent.state`` derives it from the events): "no call" outside calls,
"listening" from a call's start until its first tone window, then the smoother's state. A labelled stretch
``[start, end]`` owns the *zone* ``[start, end + GRACE_S]``: the indicator may react up to 2 s after the
customer's frustration ends and still have caught it.

- episode caught: "frustrated" is on screen at some moment of its zone; time to frustrated: from the
  stretch's start to the first such moment (0 when it was already showing);
- precision by time: the share of on-screen "frustrated" time that falls inside some zone;
- a false alarm: a change *into* "frustrated" at a moment outside every zone; counted per hour of
  *unlabelled customer speech* (the customer's debounced speech activity outside every zone), because a model
  can only raise an alarm on speech it hears;
- the share of calls with at least one false alarm.

A false alarm on the customer's next turn after a *missed* stretch (before the turn after that begins, and
at most ``LATE_S`` after the stretch's zone) is also counted as "late": the model needs 2 s of the customer's
own speech, so a short outburst is often flagged on the customer's next turn, after the agent has spoken.
The rule above still counts it as a miss and a false alarm (the agent saw it then, not during the
outburst); the count says how much of the false-alarm rate is of this kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from device.events import CallEnded, CallStarted, Event, ToneChanged, ToneSample, ToneState
from lugn.evalkit.trace import CallTrace, Entry, replay

GRACE_S = 2.0
LATE_S = 10.0  # how long after a missed stretch's zone a false alarm may still be reported as "late"
NO_CALL, LISTENING = "no_call", "listening"
FRUSTRATED = ToneState.FRUSTRATED.value

Interval = tuple[float, float]


@dataclass
class Timeline:
    """What the agent saw at one threshold: (start, end, view) segments, the changes into "frustrated" and
    every tone window (t, raw score, smoothed score) for the plots."""

    segments: list[tuple[float, float, str]]
    onsets: list[float]
    samples: list[tuple[float, float, float]] = field(default_factory=list)

    def intervals(self, view: str = FRUSTRATED) -> list[Interval]:
        return [(a, b) for a, b, v in self.segments if v == view and b > a]


def timeline(trace: CallTrace, threshold: float) -> Timeline:
    changes: list[tuple[float, str]] = [(0.0, NO_CALL)]
    onsets: list[float] = []
    samples: list[tuple[float, float, float]] = []
    tone: list[str | None] = [None]

    def view(t: float, v: str) -> None:
        if changes[-1][1] != v:
            changes.append((t, v))

    def on_entry(entry: Entry, produced: list[Event]) -> None:
        if entry[0] == "event":
            event = entry[1]
            if isinstance(event, CallStarted):
                tone[0] = None
                view(event.t_s, LISTENING)
            elif isinstance(event, CallEnded):
                tone[0] = None
                view(event.t_s, NO_CALL)
            return
        for ev in produced:
            if isinstance(ev, ToneChanged):
                tone[0] = ev.state.value
                if ev.state is ToneState.FRUSTRATED:
                    onsets.append(ev.t_s)
            elif isinstance(ev, ToneSample):
                samples.append((ev.t_s, ev.raw_score, ev.score))
                if tone[0] is None:
                    tone[0] = ev.state.value
            if tone[0] is not None:
                view(ev.t_s, tone[0])

    replay(trace, threshold, on_entry)
    end = max(trace.end_s, changes[-1][0])
    segments = [(t, nxt, v) for (t, v), (nxt, _) in zip(changes, [*changes[1:], (end, "")], strict=True)]
    return Timeline([s for s in segments if s[1] > s[0]], onsets, samples)


# -- interval arithmetic -------------------------------------------------------------------------------------


def _overlap(a: Sequence[Interval], b: Sequence[Interval]) -> float:
    total = 0.0
    for s1, e1 in a:
        for s2, e2 in b:
            total += max(0.0, min(e1, e2) - max(s1, s2))
    return total


def _length(a: Sequence[Interval]) -> float:
    return sum(e - s for s, e in a)


def zones(trace: CallTrace) -> list[Interval]:
    """Each labelled stretch with its grace; merged where they touch (overlap time must not count twice)."""
    out: list[list[float]] = []
    for s in trace.spec.stretches:
        start, end = s.start_s, s.end_s + GRACE_S
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


# -- one call at one threshold -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CallFigures:
    episodes: int
    caught: int
    latency_per_stretch: tuple[float | None, ...]  # one per labelled stretch, in label order; None = missed
    frustrated_s: float  # "frustrated" on screen
    frustrated_in_zone_s: float
    false_alarms: int
    false_alarm_t_s: tuple[float, ...]
    late_false_alarms: int
    unlabelled_speech_s: float
    speech_s: float

    @property
    def caught_flags(self) -> tuple[bool, ...]:
        return tuple(x is not None for x in self.latency_per_stretch)

    @property
    def latencies_s(self) -> tuple[float, ...]:
        return tuple(x for x in self.latency_per_stretch if x is not None)


def call_figures(trace: CallTrace, line: Timeline) -> CallFigures:
    shown = line.intervals(FRUSTRATED)
    zone = zones(trace)
    latencies: list[float | None] = []
    for s in trace.spec.stretches:
        end = s.end_s + GRACE_S
        hits = [max(a, s.start_s) for a, b in shown if a <= end and b > s.start_s]
        latencies.append(min(hits) - s.start_s if hits else None)
    false_t = [t for t in line.onsets if not any(a <= t <= b for a, b in zone)]
    missed = [s for s, lat in zip(trace.spec.stretches, latencies, strict=True) if lat is None]
    late = [t for t in false_t if any(_on_next_turn(t, s.end_s, trace.speech) for s in missed)]
    speech = _length(trace.speech)
    return CallFigures(
        episodes=len(trace.spec.stretches),
        caught=sum(x is not None for x in latencies),
        latency_per_stretch=tuple(latencies),
        frustrated_s=_length(shown),
        frustrated_in_zone_s=_overlap(shown, zone),
        false_alarms=len(false_t),
        false_alarm_t_s=tuple(false_t),
        late_false_alarms=len(late),
        unlabelled_speech_s=speech - _overlap(trace.speech, zone),
        speech_s=speech,
    )


def _on_next_turn(t: float, end_s: float, speech: Sequence[Interval]) -> bool:
    """Is ``t`` on the customer's turn that runs on past ``end_s`` or comes next (before the one after)?"""
    if not end_s + GRACE_S < t <= end_s + GRACE_S + LATE_S:
        return False
    starts = [a for a, b in speech if b > end_s]  # the turn that covers end_s or comes next, then the rest
    return len(starts) < 2 or t < starts[1]


def _ratio(num: float, den: float) -> float | None:
    return round(num / den, 6) if den > 0 else None


def _pct(values: Sequence[float], q: float) -> float | None:
    return round(float(np.percentile(values, q)), 3) if len(values) else None


def summary(figs: Sequence[CallFigures]) -> dict[str, float | int | None]:
    """The figures of one call or, pooled, of many (sums first, then ratios: a call weighs by its length).
    Rounded for reading (ms, 6 decimals); the recommendation works on the unrounded per-call counts."""
    episodes = sum(f.episodes for f in figs)
    latencies = [x for f in figs for x in f.latencies_s]
    unlabelled_s = sum(f.unlabelled_speech_s for f in figs)
    false = sum(f.false_alarms for f in figs)
    shown = sum(f.frustrated_s for f in figs)
    return {
        "calls": len(figs),
        "episodes": episodes,
        "caught": sum(f.caught for f in figs),
        "episode_recall": _ratio(sum(f.caught for f in figs), episodes),
        "median_time_to_frustrated_s": _pct(latencies, 50),
        "p90_time_to_frustrated_s": _pct(latencies, 90),
        "frustrated_on_screen_s": round(shown, 3),
        "precision_by_time": _ratio(sum(f.frustrated_in_zone_s for f in figs), shown),
        "false_alarms": false,
        "late_false_alarms": sum(f.late_false_alarms for f in figs),
        "unlabelled_speech_h": round(unlabelled_s / 3600.0, 6),
        "false_per_hour": _ratio(false, unlabelled_s / 3600.0),
        "calls_with_false_alarm": _ratio(sum(f.false_alarms > 0 for f in figs), len(figs)),
        "customer_speech_h": round(sum(f.speech_s for f in figs) / 3600.0, 6),
    }


def evaluate(traces: Sequence[CallTrace], threshold: float) -> list[CallFigures]:
    return [call_figures(t, timeline(t, threshold)) for t in traces]
