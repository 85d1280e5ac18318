"""MetricsWindow counting rules and bucket alignment; Anonymiser bounds."""

from __future__ import annotations

import pytest

from device.coach.events import (
    BreathingOffered,
    BreathingPattern,
    BreathingReason,
    BreathingTaken,
    TipKind,
    TipShown,
)
from device.events import CallEnded, CallStarted, Heartbeat, ToneChanged, ToneState, Trend
from device.metrics.anonymise import Anonymiser
from device.metrics.window import MetricsWindow

T0 = 1_800_000_000.0  # aligned to 900 s


def tone(t: float, state: ToneState, prev: ToneState) -> ToneChanged:
    return ToneChanged(t, state, prev, 0.5, Trend.STEADY)


def make(now: list[float], bucket_s: int = 900) -> MetricsWindow:
    return MetricsWindow(Anonymiser("s", "t"), bucket_s, clock=lambda: now[0])


def test_buckets_align_to_the_wall_clock_and_idle_buckets_publish_nothing() -> None:
    now = [T0 + 123.0]
    w = make(now)
    assert w.bucket_start == T0
    now[0] = T0 + 900 * 3
    assert w.poll() == []  # nothing happened: no contribution (an idle agent is not a contributor)
    w.process(CallStarted(0, "auto"))
    w.process(CallEnded(10, "auto", 10))
    now[0] += 900
    out = w.poll()
    assert len(out) == 1 and out[0].bucket_start == T0 + 900 * 3 and out[0].counts.calls == 1


def test_frustration_deescalation_and_call_counting() -> None:
    now = [T0]
    w = make(now)
    F, U, C = ToneState.FRUSTRATED, ToneState.UNEASY, ToneState.CALM
    for ev in [
        CallStarted(0, "auto"),
        tone(10, F, C),
        Heartbeat(11),
        tone(20, U, F),
        tone(25, F, U),
        tone(30, C, F),  # one de-escalation
        tone(40, F, C),
        tone(50, C, F),  # and a second one
        CallEnded(60, "auto", 60),
        CallStarted(100, "auto"),
        tone(110, U, C),
        CallEnded(120, "auto", 20),  # uneasy is not frustrated
        TipShown(121, TipKind.THANK, 5, 1),
        BreathingTaken(130),
        BreathingOffered(125, BreathingReason.LONG_CALL, BreathingPattern.BOX, 60, 4, 4, 4, 4),
    ]:
        w.process(ev)
    (c,) = w.flush()
    assert c.counts.calls == 2 and c.counts.calls_frustrated == 1
    assert c.counts.deescalations == 2
    assert c.counts.frustrated_s == 10 + 5 + 10  # 10-20, 25-30, 40-50
    assert (c.counts.tips_shown, c.counts.breathing_offered, c.counts.breathing_taken) == (1, 1, 1)


def test_a_call_across_the_bucket_boundary_carries_on() -> None:
    now = [T0 + 890]
    w = make(now)
    w.process(CallStarted(0, "auto"))
    w.process(tone(1, ToneState.FRUSTRATED, ToneState.CALM))
    now[0] = T0 + 905
    (first,) = w.process(Heartbeat(15))
    assert first.counts.calls == 0 and first.bucket_start == T0
    w.process(tone(30, ToneState.CALM, ToneState.FRUSTRATED))
    w.process(CallEnded(40, "auto", 40))
    (second,) = w.flush()
    assert second.bucket_start == T0 + 900
    assert (second.counts.calls, second.counts.calls_frustrated, second.counts.deescalations) == (1, 1, 1)
    assert first.counts.frustrated_s + second.counts.frustrated_s == 29


def test_contributions_carry_no_token_and_counts_are_clamped() -> None:
    a = Anonymiser("s", "t")
    c1 = a.contribution(int(T0), 900, {"calls": 5, "calls_frustrated": 9, "frustrated_s": 5000})
    c2 = a.contribution(int(T0), 900, {"calls": 1})
    assert (
        "contributor" not in c1.model_dump()
    )  # who sent it is the broker-authenticated account, not a token
    assert c1.message_id != c2.message_id
    assert c1.counts.calls_frustrated == 5 and c1.counts.frustrated_s == 900


def test_bad_bucket_length_is_refused() -> None:
    with pytest.raises(ValueError, match="bucket_s"):
        MetricsWindow(Anonymiser("s", "t"), 90)


def test_a_declined_call_adds_only_a_declined_count_even_across_buckets() -> None:
    """A caller may decline late in a call that began in an earlier bucket: nothing of that call was sent
    before it ended, so nothing has to be taken back. Tips and breathing within the call are dropped too."""
    from device.events import NoticeChanged

    now = [T0 + 880]
    w = make(now)
    w.process(CallStarted(0, "auto"))
    w.process(tone(1, ToneState.FRUSTRATED, ToneState.CALM))
    w.process(TipShown(5, TipKind.ACKNOWLEDGE, 15, 1))
    now[0] = T0 + 905
    (first,) = w.process(Heartbeat(25))
    assert first.bucket_start == T0 and first.counts.model_dump() == dict.fromkeys(
        first.counts.model_dump(), 0
    )
    w.process(tone(30, ToneState.CALM, ToneState.FRUSTRATED))  # a de-escalation ...
    w.process(NoticeChanged(31, "declined", "agent"))  # ... then the caller declines
    w.process(TipShown(32, TipKind.THANK, 15, 2))
    w.process(CallEnded(40, "auto", 40))
    w.process(BreathingTaken(45))  # after the call: the agent's own, counted
    w.process(CallStarted(50, "auto"))
    w.process(CallEnded(60, "auto", 10))
    (second,) = w.flush()
    c = second.counts
    assert (c.declined, c.calls, c.calls_frustrated, c.frustrated_s, c.deescalations, c.tips_shown) == (
        1, 1, 0, 0, 0, 0,
    )  # fmt: skip
    assert c.breathing_taken == 1


def test_a_long_calls_counts_are_clamped_to_what_one_device_can_do_in_a_bucket() -> None:
    """All of a call's counts land in the bucket where it ends; they are clamped to the aggregator's
    plausibility limits so the bucket is never refused as implausible."""
    from device.protocol.limits import Limits

    now = [T0]
    w = make(now, bucket_s=60)
    w.process(CallStarted(0, "auto"))
    for i in range(50):
        w.process(TipShown(i, TipKind.ACKNOWLEDGE, 15, i + 1))
    w.process(tone(0.5, ToneState.FRUSTRATED, ToneState.CALM))
    w.process(CallEnded(3600, "auto", 3600))
    (c,) = w.flush()
    assert Limits().problem(c.counts.as_dict(), 60) is None
    assert c.counts.tips_shown == Limits().caps(60)["tips_shown"] and c.counts.frustrated_s == 60
