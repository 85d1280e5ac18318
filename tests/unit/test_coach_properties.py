"""Random event streams (hypothesis): the coach's promises hold whatever happens, in whatever order."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from device.coach import (
    BreathingOffered,
    BreathingReason,
    Coach,
    CoachEvent,
    CoachSettings,
    DeliveryCue,
    TipKind,
    TipShown,
)
from device.events import (
    AgentDelivery,
    CallEnded,
    CallStarted,
    Event,
    Heartbeat,
    PauseChanged,
    Side,
    SpeechActivity,
    ToneChanged,
    ToneSample,
    ToneState,
    Trend,
)


@dataclass(frozen=True)
class Step:
    dt_s: float
    action: str
    arg: Any = None


STATES = list(ToneState)
step = st.one_of(
    st.builds(Step, st.floats(0, 3), st.just("sample"), st.tuples(st.sampled_from(STATES), st.floats(0, 1))),
    st.builds(
        Step, st.floats(0, 3), st.just("changed"), st.tuples(st.sampled_from(STATES), st.sampled_from(Trend))
    ),
    st.builds(Step, st.floats(0, 5), st.just("speech"), st.tuples(st.sampled_from(Side), st.booleans())),
    st.builds(Step, st.floats(0, 5), st.just("delivery"), st.tuples(st.floats(0, 9), st.floats(-60, 0))),
    st.builds(Step, st.floats(0, 2000), st.just("beat")),
    st.builds(Step, st.floats(0, 60), st.just("start")),
    st.builds(Step, st.floats(0, 1200), st.just("end")),
    st.builds(Step, st.floats(0, 5), st.just("pause"), st.booleans()),
    st.builds(Step, st.floats(0, 5), st.just("dismiss"), st.sampled_from(TipKind)),
    st.builds(Step, st.floats(0, 5), st.just("answer"), st.sampled_from(["taken", "skipped", "snoozed"])),
    st.builds(Step, st.floats(0, 5), st.just("request")),
)
# long frustrated stretches make tips and hard calls likely enough to exercise the limits
burst = st.builds(Step, st.floats(0.4, 0.6), st.just("sample"), st.just((ToneState.FRUSTRATED, 0.9)))


def _event(s: Step, t: float, shown: ToneState) -> Event | None:
    if s.action == "sample":
        state, score = s.arg
        return ToneSample(t_s=t, score=score, raw_score=score, arousal=0.5, valence=0.5, state=state)
    if s.action == "changed":
        state, trend = s.arg
        return ToneChanged(t_s=t, state=state, previous=shown, score=0.5, trend=trend)
    if s.action == "speech":
        side, active = s.arg
        return SpeechActivity(t_s=t, side=side, active=active)
    if s.action == "delivery":
        rate, level = s.arg
        return AgentDelivery(t_s=t, window_s=10, speech_s=8, syllables_per_s=rate, level_dbfs=level)
    if s.action == "beat":
        return Heartbeat(t_s=t)
    if s.action == "start":
        return CallStarted(t_s=t, source="auto")
    if s.action == "end":
        return CallEnded(t_s=t, source="auto", duration_s=0.0)
    if s.action == "pause":
        return PauseChanged(t_s=t, paused=bool(s.arg))
    return None


bursts = st.lists(burst, min_size=10, max_size=160)
inside = st.lists(st.one_of(step, step, bursts), max_size=12)
call_block = st.tuples(st.floats(0, 2500), inside, st.floats(0, 1000))


def _flatten(blocks: list[tuple[float, list[Step | list[Step]], float]]) -> list[Step]:
    out: list[Step] = []
    for gap, body, tail in blocks:
        out.append(Step(gap, "start"))
        for item in body:
            out += item if isinstance(item, list) else [item]
        out.append(Step(tail, "end"))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(call_block, min_size=1, max_size=10))
def test_promises_hold_for_any_stream(blocks: list[tuple[float, list[Step | list[Step]], float]]) -> None:
    steps = _flatten(blocks)
    s = CoachSettings()
    coach = Coach(s)
    t = 0.0
    in_call, state = False, ToneState.CALM
    tips_this_call: list[TipShown] = []
    last_tip: dict[TipKind, float] = {}
    dismissed: set[TipKind] = set()
    cues_this_call = 0
    auto_offers: list[float] = []
    tips_total = 0
    for step_ in steps:
        t += step_.dt_s
        ev = _event(step_, t, state)
        out: list[CoachEvent] = []
        if ev is not None:
            if isinstance(ev, CallStarted) and not in_call:
                in_call, state, tips_this_call, cues_this_call = True, ToneState.CALM, [], 0
                last_tip, dismissed = {}, set()
            elif isinstance(ev, CallEnded):
                in_call = False
            elif isinstance(ev, ToneSample | ToneChanged):
                state = ev.state
            out = coach.process(ev)
        elif step_.action == "dismiss":
            out = coach.dismiss(step_.arg, t)
            if out:
                dismissed.add(step_.arg)
        elif step_.action == "answer":
            out = coach.breathing_result(str(step_.arg), t)
        elif step_.action == "request":
            out = coach.request_breathing(t)
        for ce in out:
            assert ce.t_s <= t + 1e-9  # nothing from the future
            if isinstance(ce, TipShown):
                assert in_call and state is not ToneState.CALM, "a tip outside a call or while calm"
                assert ce.tip not in dismissed, "a dismissed tip came back in the same call"
                assert ce.tip not in last_tip or ce.t_s - last_tip[ce.tip] >= s.tip_cooldown_s
                last_tip[ce.tip] = ce.t_s
                tips_this_call.append(ce)
                tips_total += 1
                assert len(tips_this_call) <= s.tips_per_call_max
            elif isinstance(ce, DeliveryCue):
                assert in_call
                cues_this_call += 1
                assert cues_this_call <= s.cues_per_call_max
            elif isinstance(ce, BreathingOffered) and ce.reason is not BreathingReason.REQUESTED:
                assert not coach.in_call, "a breathing offer mid-call"
                if ce.reason is not BreathingReason.SNOOZED:
                    auto_offers.append(ce.t_s)
    gaps = [b - a for a, b in pairwise(auto_offers)]
    assert all(g >= s.breathing_min_interval_s for g in gaps)
    assert coach.shift_breathing_offers <= s.breathing_max_per_shift
    event(f"tips shown: {min(tips_total, 5)}+, auto breathing offers: {min(len(auto_offers), 2)}+")
