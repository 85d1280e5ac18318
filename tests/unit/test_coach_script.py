"""A tiny script language for the coach tests: runtime events on a stream timeline, a Heartbeat every second.

Imported by the other ``test_coach*`` modules; its own tests check the script helpers themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from device.coach import Coach, CoachEvent
from device.events import (
    CallEnded,
    CallStarted,
    Event,
    Heartbeat,
    Side,
    SpeechActivity,
    ToneChanged,
    ToneSample,
    ToneState,
    Trend,
)

F, U, C = ToneState.FRUSTRATED, ToneState.UNEASY, ToneState.CALM


def samples(
    start_s: float, end_s: float, state: ToneState, score: float = 0.85, hop_s: float = 0.5
) -> list[Event]:
    """Tone samples every ``hop_s`` in [start_s, end_s), the customer speaking throughout."""
    out: list[Event] = [SpeechActivity(t_s=start_s, side=Side.CUSTOMER, active=True)]
    n = round((end_s - start_s) / hop_s)
    out += [
        ToneSample(
            t_s=start_s + i * hop_s, score=score, raw_score=score, arousal=0.5, valence=0.5, state=state
        )
        for i in range(n)
    ]
    out.append(SpeechActivity(t_s=end_s, side=Side.CUSTOMER, active=False))
    return out


def changed(t_s: float, previous: ToneState, state: ToneState, trend: Trend = Trend.STEADY) -> ToneChanged:
    return ToneChanged(t_s=t_s, state=state, previous=previous, score=0.5, trend=trend)


def speech(side: Side, start_s: float, end_s: float) -> list[Event]:
    return [
        SpeechActivity(t_s=start_s, side=side, active=True),
        SpeechActivity(t_s=end_s, side=side, active=False),
    ]


def call(start_s: float, end_s: float) -> list[Event]:
    return [
        CallStarted(t_s=start_s, source="control"),
        CallEnded(t_s=end_s, source="control", duration_s=end_s - start_s),
    ]


def frustrated_stretch(start_s: float, end_s: float, ease_to: ToneState = U) -> list[Event]:
    """The customer sounds frustrated from ``start_s`` to ``end_s`` (display changes included), then eases."""
    return [
        changed(start_s, C, F, Trend.RISING),
        *samples(start_s, end_s, F, 0.85),
        changed(end_s, F, ease_to, Trend.FALLING),
    ]


def _rank(e: Event) -> int:
    if isinstance(e, CallStarted):
        return 0
    if isinstance(e, CallEnded):
        return 3
    return 2 if isinstance(e, Heartbeat) else 1


def timeline(events: Iterable[Event], until_s: float, start_s: float = 0.0) -> list[Event]:
    """Events in stream order plus a Heartbeat every whole second; at equal times a call starts first and
    ends last."""
    beats = [Heartbeat(t_s=float(t)) for t in range(int(start_s), int(until_s) + 1)]
    indexed = list(enumerate([*beats, *events]))
    indexed.sort(key=lambda ie: (ie[1].t_s, _rank(ie[1]), ie[0]))
    return [e for _, e in indexed]


def run(coach: Coach, events: Iterable[Event], until_s: float | None = None) -> list[CoachEvent]:
    evs = list(events)
    end = until_s if until_s is not None else max(e.t_s for e in evs)
    out: list[CoachEvent] = []
    for e in timeline(evs, end):
        out += coach.process(e)
    return out


def of(kind: type, events: list[CoachEvent]) -> list[Any]:
    return [e for e in events if isinstance(e, kind)]


def test_timeline_orders_and_beats() -> None:
    evs = timeline([*call(2.0, 5.0), *samples(2.0, 3.0, F)], until_s=6.0)
    assert [e.t_s for e in evs] == sorted(e.t_s for e in evs)
    assert sum(isinstance(e, Heartbeat) for e in evs) == 7
    assert isinstance(evs[[e.t_s for e in evs].index(2.0)], CallStarted)
    assert isinstance(evs[-2], CallEnded) and isinstance(evs[-1], Heartbeat)  # a call ends after its beat


def test_samples_are_evenly_spaced() -> None:
    tone = [e for e in samples(10.0, 12.0, F) if isinstance(e, ToneSample)]
    assert [e.t_s for e in tone] == [10.0, 10.5, 11.0, 11.5]
