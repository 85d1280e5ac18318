"""Breathing offers: after hard calls, never mid-call, 30-minute and per-shift limits, snooze, requests."""

from __future__ import annotations

from test_coach_script import C, call, frustrated_stretch, of, run, timeline

from device.coach import (
    BreathingOffered,
    BreathingPattern,
    BreathingReason,
    BreathingSkipped,
    BreathingSnoozed,
    BreathingTaken,
    Coach,
    CoachEvent,
    CoachSettings,
)
from device.coach.events import BreathingWithdrawn
from device.events import Event


def hard_call(start: float) -> list[Event]:
    """A 100 s call, frustrated for 20 s of it (20 %)."""
    return [*call(start, start + 100), *frustrated_stretch(start + 10, start + 30, ease_to=C)]


def offers(events: list[CoachEvent]) -> list[tuple[float, BreathingReason]]:
    return [(e.t_s, e.reason) for e in of(BreathingOffered, events)]


def test_offer_after_a_hard_call_with_the_default_exercise() -> None:
    out = run(Coach(), hard_call(0))
    (offer,) = of(BreathingOffered, out)
    assert (offer.t_s, offer.reason, offer.pattern) == (
        100.0,
        BreathingReason.FRUSTRATED_SHARE,
        BreathingPattern.PACED,
    )
    assert (offer.duration_s, offer.inhale_s, offer.hold_in_s, offer.exhale_s, offer.hold_out_s) == (
        60,
        4,
        0,
        6,
        0,
    )
    assert offer.cycle_s == 10.0 and offer.duration_s / offer.cycle_s == 6  # 6 breaths a minute
    assert offer.can_snooze


def test_no_offer_after_an_easy_call() -> None:
    # frustrated 15 % of the call
    assert offers(run(Coach(), [*call(0, 100), *frustrated_stretch(10, 25, ease_to=C)])) == []


def test_long_calls_count_as_hard() -> None:
    assert offers(run(Coach(), call(0, 901))) == [(901.0, BreathingReason.LONG_CALL)]
    assert offers(run(Coach(), call(0, 900))) == []


def test_never_offered_mid_call() -> None:
    coach = Coach()
    script = [*hard_call(0), *call(150, 1000), *frustrated_stretch(200, 600), *hard_call(2000)]
    seen: list[tuple[bool, CoachEvent]] = []
    for e in timeline(script, 2400):
        for ce in coach.process(e):
            seen.append((coach.in_call, ce))
            if isinstance(ce, BreathingOffered):  # the agent snoozes every offer
                seen += [(coach.in_call, r) for r in coach.breathing_result("snoozed", e.t_s)]
    offered = [(in_call, ce.t_s) for in_call, ce in seen if isinstance(ce, BreathingOffered)]
    # 100: hard call; 1000: its snooze fell due at 400, mid-call, so it waits for the call end; 1300: second
    # snooze (then it lapses); 2100: the next hard call, 33 min after the first offer; 2400: its snooze
    assert offered == [(False, 100.0), (False, 1000.0), (False, 1300.0), (False, 2100.0), (False, 2400.0)]


def test_a_snoozed_offer_comes_back_between_calls_only() -> None:
    coach = Coach()
    out = run(coach, hard_call(0))
    assert coach.breathing_result("snoozed", 105) == [BreathingSnoozed(t_s=105.0, until_s=405.0)]
    # due at 405 while no call runs: it comes back at 405
    assert offers(run(coach, [], until_s=500)) == [(405.0, BreathingReason.SNOOZED)]
    assert coach.breathing_result("snoozed", 510)[0] == BreathingSnoozed(t_s=510.0, until_s=810.0)
    # due at 810 while a call runs (700-900): it waits for the call end
    out = run(coach, call(700, 900), until_s=1000)
    assert offers(out) == [(900.0, BreathingReason.SNOOZED)]
    (last,) = of(BreathingOffered, out)
    assert not last.can_snooze  # snoozed twice already
    assert coach.breathing_result("snoozed", 1001) == [BreathingSkipped(t_s=1001.0)]
    assert offers(run(coach, [], until_s=2000)) == []
    assert coach.shift_breathing_offers == 1  # the comebacks are the same offer


def test_taken_and_skipped_and_answers_without_an_offer() -> None:
    coach = Coach()
    run(coach, hard_call(0))
    assert coach.breathing_result("taken", 101) == [BreathingTaken(t_s=101.0)]
    assert coach.breathing_result("taken", 102) == []  # nothing open
    assert coach.breathing_result("skipped", 102) == []


def test_at_most_one_offer_per_30_minutes() -> None:
    script = [*hard_call(0), *hard_call(900), *hard_call(1700), *hard_call(1850)]
    # 1000: 15 min after the first offer; 1800: 28 min 20 s after; 1950: more than 30 min after
    assert [t for t, _ in offers(run(Coach(), script))] == [100.0, 1950.0]


def test_at_most_six_per_shift_then_a_new_shift() -> None:
    starts = [i * 1800.0 for i in range(8)]
    coach = Coach()
    out = run(coach, [e for s in starts for e in hard_call(s)])
    assert [t for t, _ in offers(out)] == [s + 100 for s in starts[:6]]
    assert coach.shift_breathing_offers == 6
    coach.new_shift(15000)
    assert offers(run(coach, hard_call(15000))) == [(15100.0, BreathingReason.FRUSTRATED_SHARE)]


def test_a_long_break_without_calls_starts_a_new_shift() -> None:
    starts = [i * 1800.0 for i in range(6)]
    coach = Coach()
    run(coach, [e for s in starts for e in hard_call(s)])
    assert offers(run(coach, hard_call(11000))) == []  # 1 h 42 min later: same shift
    gap = 11100 + CoachSettings().breathing_shift_gap_s
    assert offers(run(coach, hard_call(gap))) == [(gap + 100, BreathingReason.FRUSTRATED_SHARE)]


def test_asked_for_at_any_time_even_mid_call_and_not_limited() -> None:
    coach = Coach()
    run(coach, call(0, 10_000)[:1], until_s=50)
    assert coach.in_call
    (offer,) = coach.request_breathing(50)
    assert (
        isinstance(offer, BreathingOffered)
        and offer.reason is BreathingReason.REQUESTED
        and not offer.can_snooze
    )
    assert coach.breathing_result("taken", 60) == [BreathingTaken(t_s=60.0)]
    assert [type(e) for e in coach.request_breathing(61)] == [BreathingOffered]
    assert coach.shift_breathing_offers == 0
    # requests work when unasked-for offers are switched off
    off = Coach(CoachSettings(breathing_enabled=False))
    assert offers(run(off, hard_call(0))) == []
    assert offers(off.request_breathing(200)) == [(200.0, BreathingReason.REQUESTED)]


def test_an_unanswered_offer_is_withdrawn_when_a_call_starts() -> None:
    out = run(Coach(), [*hard_call(0), *call(150, 200)])
    assert [(type(e).__name__, e.t_s) for e in out if "Breathing" in type(e).__name__] == [
        ("BreathingOffered", 100.0),
        ("BreathingWithdrawn", 150.0),
    ]
    assert of(BreathingWithdrawn, out)


def test_box_breathing_option() -> None:
    (offer,) = of(BreathingOffered, run(Coach(CoachSettings(breathing_pattern="box")), hard_call(0)))
    assert offer.pattern is BreathingPattern.BOX
    assert (offer.inhale_s, offer.hold_in_s, offer.exhale_s, offer.hold_out_s) == (4, 4, 4, 4)
