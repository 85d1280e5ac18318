"""Tone smoothing: steady on steady input, quick on clear anger, slower to relax; a step down waits the
dwell, a step up only its patience (so "uneasy" never holds "frustrated" back)."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from device.events import ToneState
from device.inference.smoothing import SmoothingParams, ToneSmoother

HOP_S = 0.5


def _run(scores: list[float], smoother: ToneSmoother | None = None) -> tuple[ToneSmoother, list]:
    sm = smoother or ToneSmoother()
    changes = []
    for i, s in enumerate(scores):
        _, changed = sm.process((i + 1) * HOP_S, s)
        if changed:
            changes.append(changed)
    return sm, changes


def test_steady_calm_and_steady_angry_change_at_most_once() -> None:
    _, calm = _run([0.05] * 120)
    assert calm == []
    _, angry = _run([0.05] * 10 + [0.9] * 110)
    assert [c.state for c in angry] == [ToneState.FRUSTRATED]
    assert angry[0].t_s - 10 * HOP_S <= 1.0  # within two windows of the first angry one


def test_single_spike_is_ignored_but_clear_anger_is_not() -> None:
    _, spike = _run([0.0] * 10 + [0.95] + [0.0] * 20)
    assert spike == []
    _, middling = _run([0.0] * 10 + [0.6] * 4 + [0.0] * 20)  # above threshold, not by much: needs patience
    assert [c.state for c in middling][:1] == [ToneState.FRUSTRATED]


def test_relaxes_after_anger_through_the_dwell() -> None:
    sm, changes = _run([0.9] * 20 + [0.02] * 30)
    states = [c.state for c in changes]
    assert states[-1] is ToneState.CALM
    assert sm.state is ToneState.CALM
    assert changes[-1].trend.value in ("falling", "steady")


def test_uneasy_band_and_hysteresis() -> None:
    sm = ToneSmoother(SmoothingParams.for_threshold(0.5))
    assert sm.params.uneasy_at == 0.3
    _, changes = _run([0.38] * 30, sm)
    assert [c.state for c in changes] == [ToneState.UNEASY]
    # Hovering just under the entry threshold (but above entry - hysteresis) does not leave the state.
    _, more = _run([0.25] * 30, sm)
    assert more == [] and sm.state is ToneState.UNEASY


def _sm(**kw: float) -> ToneSmoother:
    return ToneSmoother(dataclasses.replace(SmoothingParams.for_threshold(0.5), **kw))


# uneasy from 0.3, frustrated from 0.5 (for_threshold(0.5)); middling anger first, then clear anger
UNEASY_THEN_ANGRY = [0.0] * 10 + [0.4] * 3 + [0.62] * 20


def test_uneasy_does_not_hold_frustrated_back() -> None:
    _, changes = _run(UNEASY_THEN_ANGRY, _sm())
    assert [c.state for c in changes] == [ToneState.UNEASY, ToneState.FRUSTRATED]
    first_angry = 14 * HOP_S  # the first 0.62 window
    # patience (0.4 s) and the average's rise only: the next window or the one after, not 5 s later
    assert changes[1].t_s - first_angry <= 2 * HOP_S
    assert changes[1].t_s - changes[0].t_s < _sm().params.min_dwell_s


def test_before_1_4_the_dwell_held_it_back() -> None:
    """The same scores with the escalation's dwell at 5 s (the smoother until 7 Dec): 'frustrated' waits for
    the dwell after 'uneasy' — what the test above guards against."""
    _, changes = _run(UNEASY_THEN_ANGRY, _sm(escalation_dwell_s=5.0))
    assert [c.state for c in changes] == [ToneState.UNEASY, ToneState.FRUSTRATED]
    assert changes[1].t_s - changes[0].t_s >= 5.0
    assert changes[1].t_s - 14 * HOP_S > 2.5


def test_relaxing_still_waits_the_dwell_after_an_escalation() -> None:
    """Clear anger for two windows, then calm at once: the step down comes no sooner than the dwell."""
    sm = _sm()
    _, changes = _run([0.0] * 4 + [0.95] * 2 + [0.0] * 30, sm)
    assert [c.state for c in changes] == [ToneState.FRUSTRATED, ToneState.CALM]
    assert changes[1].t_s - changes[0].t_s >= sm.params.min_dwell_s


def test_a_single_spike_after_relaxing_is_still_ignored() -> None:
    _, changes = _run([0.9] * 12 + [0.02] * 20 + [0.7] + [0.02] * 20, _sm())
    assert [c.state for c in changes] == [ToneState.FRUSTRATED, ToneState.CALM]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=20, max_size=200))
def test_a_step_down_never_comes_within_a_dwell_of_the_last_change(scores: list[float]) -> None:
    """No flicker: every step down waits the dwell after the change before it, so the indicator never goes
    down and up and down again within 5 s; a step up may follow a change at once (escalation)."""
    sm, changes = _run(scores)
    order = [ToneState.CALM, ToneState.UNEASY, ToneState.FRUSTRATED]
    for before, c in itertools.pairwise(changes):
        assert c.previous is before.state
        if order.index(c.state) < order.index(c.previous):
            assert c.t_s - before.t_s >= sm.params.min_dwell_s - 1e-9
    for c in changes:
        assert c.state is not c.previous
    downs = [c.t_s for c in changes if order.index(c.state) < order.index(c.previous)]
    assert np.all(np.diff(downs) >= sm.params.min_dwell_s - 1e-9)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=20, max_size=200))
def test_with_the_escalation_dwell_at_5s_it_is_one_change_per_dwell(scores: list[float]) -> None:
    """The smoother until 7 Dec, one parameter away: at most one change of any kind per dwell."""
    sm, changes = _run(scores, _sm(escalation_dwell_s=5.0))
    times = np.array([c.t_s for c in changes])
    assert np.all(np.diff(times) >= sm.params.min_dwell_s - 1e-9)
