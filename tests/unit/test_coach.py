"""Scripted runtime events -> exactly the expected tips, cues and end-of-call notes, at the expected times."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from test_coach_script import C, F, U, call, changed, frustrated_stretch, of, run, samples, speech

from device.coach import (
    CallNote,
    CallNoteFaded,
    Coach,
    CoachSettings,
    CueKind,
    DeliveryCue,
    TipDismissed,
    TipKind,
    TipShown,
)
from device.events import AgentDelivery, Event, PauseChanged, Side, ToneSample, Trend

ACK, LET, APOL, SOL, THANK = (
    TipKind.ACKNOWLEDGE,
    TipKind.LET_FINISH,
    TipKind.APOLOGISE,
    TipKind.SOLUTION_FOCUS,
    TipKind.THANK,
)


def tips(events: list) -> list[tuple[float, TipKind]]:
    return [(e.t_s, e.tip) for e in of(TipShown, events)]


def cues(events: list) -> list[tuple[float, CueKind]]:
    return [(e.t_s, e.cue) for e in of(DeliveryCue, events)]


# --- empathy tips -------------------------------------------------------------------------------------------


def test_sustained_frustration_gives_acknowledge_then_thank_when_it_eases() -> None:
    out = run(Coach(), [*call(0, 100), *frustrated_stretch(10, 30)])
    # onset after 8 s over the threshold; thank waits for the 20 s gap between tips
    assert tips(out) == [(18.0, ACK), (38.0, THANK)]
    shown = of(TipShown, out)
    assert [t.tip_number for t in shown] == [1, 2]
    assert all(t.display_s == CoachSettings().tip_display_s for t in shown)


def test_frustration_shorter_than_sustain_time_gives_no_tip() -> None:
    out = run(Coach(), [*call(0, 100), changed(10, C, F), *samples(10, 17.5, F), changed(17.5, F, U)])
    assert tips(out) == []
    (note,) = of(CallNote, out)
    assert note.frustrated_s == 7.5 and note.eased is True


def test_no_tip_while_the_customer_sounds_calm_even_with_high_scores() -> None:
    coach = Coach(frustration_threshold=0.6)
    assert tips(run(coach, [*call(0, 100), *samples(10, 60, C, score=0.9)])) == []
    # the same scores while the display says uneasy: sustained, so a tip
    assert tips(run(Coach(frustration_threshold=0.6), [*call(0, 100), *samples(10, 60, U, score=0.9)])) == [
        (18.0, ACK)
    ]


def _alternating(start: float, end: float, hi: float, lo: float) -> list[Event]:
    n = round((end - start) / 0.5)
    return [
        ToneSample(t_s=start + 0.5 * i, score=s, raw_score=s, arousal=0.5, valence=0.5, state=U)
        for i, s in enumerate([hi, lo] * (n // 2))
    ]


def test_rolling_average_over_threshold_counts_as_sustained() -> None:
    # never 8 s without a break, but the 30 s rolling mean is 0.65 >= 0.6
    out = run(Coach(frustration_threshold=0.6), [*call(0, 100), *_alternating(10, 60, 0.9, 0.4)])
    assert tips(out) == [(18.0, ACK)]
    # mean 0.55 < 0.6: nothing
    out = run(Coach(frustration_threshold=0.6), [*call(0, 100), *_alternating(10, 60, 0.9, 0.2)])
    assert tips(out) == []


def test_threshold_from_policy_overrides_the_model_operating_point() -> None:
    settings = CoachSettings(tip_score_threshold=0.95)
    out = run(Coach(settings, frustration_threshold=0.6), [*call(0, 100), *samples(10, 60, U, score=0.9)])
    assert tips(out) == []


def test_persisting_frustration_moves_to_solution_focus() -> None:
    out = run(Coach(), [*call(0, 200), *frustrated_stretch(10, 100)])
    assert tips(out) == [(18.0, ACK), (63.0, SOL), (100.0, THANK)]


def test_talking_over_an_upset_customer_gives_let_finish_instead_of_a_cue() -> None:
    out = run(Coach(), [*call(0, 200), *frustrated_stretch(10, 60), *speech(Side.AGENT, 40, 43)])
    # overlap starts at 40; first event with > 1 s of overlap is the sample at 41.5
    assert tips(out) == [(18.0, ACK), (41.5, LET), (62.0, THANK)]
    assert CueKind.TALK_OVER not in [c for _, c in cues(out)]  # the tip covers it


def test_recent_talk_over_makes_let_finish_the_onset_tip() -> None:
    out = run(Coach(), [*call(0, 200), *frustrated_stretch(10, 30), *speech(Side.AGENT, 12, 14)])
    assert tips(out)[0] == (18.0, LET)  # talk-over at 13.5 is within 5 s of the onset
    assert cues(out)[0] == (13.5, CueKind.TALK_OVER)  # not yet sustained: the fact, as a cue


def test_cooldown_per_kind_apologise_when_it_comes_back_and_cap() -> None:
    stretches = [*frustrated_stretch(10, 30), *frustrated_stretch(50, 70)]
    stretches += [*frustrated_stretch(100, 120), *frustrated_stretch(250, 270)]
    out = run(Coach(), [*call(0, 400), *stretches])
    # 58: acknowledge is cooling down, so apologise; 70: thank cooling down; 108: both cooling down;
    # 258: apologise again (200 s later); 270: thank would be allowed but the call has had 4 tips
    assert tips(out) == [(18.0, ACK), (38.0, THANK), (58.0, APOL), (258.0, APOL)]


def test_at_most_four_tips_per_call_and_the_next_call_starts_afresh() -> None:
    stretches = [e for s in (10, 250, 490, 730, 970) for e in frustrated_stretch(s, s + 20)]
    out = run(Coach(), [*call(0, 1200), *stretches, *call(1300, 1400), *frustrated_stretch(1310, 1330)])
    assert tips(out) == [
        (18.0, ACK),
        (38.0, THANK),
        (258.0, APOL),
        (278.0, THANK),
        (1318.0, ACK),
        (1338.0, THANK),
    ]
    notes = of(CallNote, out)
    assert [n.tips_shown for n in notes] == [(ACK, THANK, APOL, THANK), (ACK, THANK)]


def test_a_dismissed_tip_kind_rests_for_the_rest_of_the_call() -> None:
    settings = CoachSettings(tip_kinds=("acknowledge", "thank"))
    script = [*call(0, 400), *frustrated_stretch(10, 30, ease_to=C), *frustrated_stretch(250, 270, ease_to=C)]
    assert tips(run(Coach(settings), script)) == [(18.0, ACK), (258.0, ACK)]

    coach = Coach(settings)
    first = run(coach, [e for e in script if e.t_s <= 20], until_s=20)
    assert tips(first) == [(18.0, ACK)]
    assert coach.dismiss(ACK, 20.5) == [TipDismissed(t_s=20.5, tip=ACK)]
    assert coach.dismiss(ACK, 21.0) == []  # already dismissed
    assert coach.dismiss(THANK, 21.0) == []  # never shown
    rest = [e for e in script if e.t_s > 20]
    assert tips(run(coach, rest)) == []
    # the next call starts afresh
    assert tips(run(coach, [*call(500, 600), *frustrated_stretch(510, 530, ease_to=C)])) == [(518.0, ACK)]


def test_tips_switched_off_or_kinds_removed() -> None:
    script = [*call(0, 200), *frustrated_stretch(10, 100)]
    assert tips(run(Coach(CoachSettings(tips_enabled=False)), script)) == []
    assert tips(run(Coach(CoachSettings(tip_kinds=("thank",))), script)) == [(100.0, THANK)]
    assert tips(run(Coach(CoachSettings(tips_per_call_max=1)), script)) == [(18.0, ACK)]


def test_no_tips_while_paused_or_outside_a_call() -> None:
    paused = [
        PauseChanged(t_s=5, paused=True),
        *frustrated_stretch(10, 60),
        PauseChanged(t_s=70, paused=False),
    ]
    assert tips(run(Coach(), [*call(0, 100), *paused])) == []
    assert tips(run(Coach(), frustrated_stretch(10, 60), until_s=100)) == []


def test_resuming_needs_frustration_sustained_afresh() -> None:
    script = [*call(0, 100), changed(10, C, F), *samples(10, 40, F), changed(40, F, U)]
    script += [PauseChanged(t_s=14, paused=True), PauseChanged(t_s=15, paused=False)]
    # samples at 14.5 and 15.0 (ordered before the resume) are not heard; 15.5 + 8 s
    assert tips(run(Coach(), script)) == [(23.5, ACK), (44.0, THANK)]


def test_same_script_same_coaching() -> None:
    script = [*call(0, 300), *frustrated_stretch(10, 100), *speech(Side.AGENT, 40, 43), *call(400, 420)]
    assert run(Coach(), script) == run(Coach(), script)


# --- delivery cues ------------------------------------------------------------------------------------------


def test_talk_over_a_calm_customer_is_a_cue_not_a_tip() -> None:
    script = [*call(0, 100), *samples(10, 30, C, score=0.1), *speech(Side.AGENT, 15, 18)]
    out = run(Coach(CoachSettings(cue_silence_enabled=False)), script)
    assert tips(out) == [] and cues(out) == [(16.5, CueKind.TALK_OVER)]
    (cue,) = of(DeliveryCue, out)
    assert (cue.value, cue.reference, cue.unit) == (1.5, 1.0, "s")
    quiet = CoachSettings(cue_silence_enabled=False, cue_talk_over_enabled=False)
    assert cues(run(Coach(quiet), script)) == []
    assert cues(run(Coach(CoachSettings(delivery_cues_enabled=False)), script)) == []


def test_long_silence_once_per_stretch_with_cooldown() -> None:
    script = [
        *call(0, 300),
        *speech(Side.AGENT, 0, 10),
        *speech(Side.CUSTOMER, 50, 60),
        *speech(Side.AGENT, 200, 210),
    ]
    assert cues(run(Coach(), script)) == [
        (35.0, CueKind.SILENCE),
        (235.0, CueKind.SILENCE),
    ]  # 85: cooling down
    assert cues(run(Coach(CoachSettings(cue_silence_enabled=False)), script)) == []


def test_talk_share_over_the_last_two_minutes() -> None:
    settings = CoachSettings(cue_silence_enabled=False)
    script = [*call(0, 200), *speech(Side.AGENT, 0, 100), *speech(Side.CUSTOMER, 100, 110)]
    out = run(Coach(settings), script)
    assert cues(out) == [(120.0, CueKind.TALK_SHARE)]
    assert of(DeliveryCue, out)[0].value == pytest.approx(100 / 110, abs=1e-3)
    balanced = [*call(0, 200), *speech(Side.AGENT, 0, 60), *speech(Side.CUSTOMER, 60, 110)]
    assert cues(run(Coach(settings), balanced)) == []


def _delivery(t: float, rate: float, level: float, speech_s: float = 8.0) -> AgentDelivery:
    return AgentDelivery(t_s=t, window_s=10.0, speech_s=speech_s, syllables_per_s=rate, level_dbfs=level)


def test_pace_and_loudness_against_the_agents_own_baseline_this_call() -> None:
    settings = CoachSettings(cue_silence_enabled=False, cue_talk_share_enabled=False)
    base = [_delivery(10, 4.0, -30), _delivery(20, 4.2, -31), _delivery(30, 3.8, -29)]
    script = [
        *call(0, 300),
        *base,
        _delivery(40, 5.5, -30),
        _delivery(70, 4.0, -22),
        _delivery(100, 6.0, -30),
    ]
    script += [_delivery(110, 9.0, -10, speech_s=1.0)]  # too little speech in the window: ignored
    out = run(Coach(settings), script)
    assert cues(out) == [(40.0, CueKind.PACE_FAST), (70.0, CueKind.LOUD)]  # 100: pace cooling down
    pace = of(DeliveryCue, out)[0]
    assert (pace.value, pace.reference, pace.unit) == (5.5, 4.0, "syl/s")
    assert cues(run(Coach(settings.model_copy(update={"cue_pace_enabled": False})), script)) == [
        (70.0, CueKind.LOUD)
    ]
    assert cues(run(Coach(settings.model_copy(update={"cue_loudness_enabled": False})), script)) == [
        (40.0, CueKind.PACE_FAST)
    ]
    # the baseline does not outlive the call: a fast first window in the next call is its own baseline
    coach = Coach(settings)
    run(coach, script)
    assert cues(run(coach, [*call(400, 500), _delivery(410, 9.0, -10)])) == []


def test_cue_cap_per_call() -> None:
    settings = CoachSettings(cues_per_call_max=1)
    script = [*call(0, 300), *speech(Side.AGENT, 0, 10), *speech(Side.CUSTOMER, 50, 60)]
    script += [*samples(100, 130, C, 0.1), *speech(Side.AGENT, 110, 115)]
    assert cues(run(Coach(settings), script)) == [(35.0, CueKind.SILENCE)]
    assert cues(run(Coach(), script)) == [
        (35.0, CueKind.SILENCE),
        (111.5, CueKind.TALK_OVER),
        (155.0, CueKind.SILENCE),  # 25 s after the customer's last word at 130; 120 s after the first
    ]


# --- end-of-call note ---------------------------------------------------------------------------------------


def test_private_call_note_and_it_fades_when_the_next_call_starts() -> None:
    out = run(Coach(), [*call(0, 100), *frustrated_stretch(10, 30), *call(200, 260)])
    notes = of(CallNote, out)
    assert [(n.t_s, n.call_s, n.frustrated_s, n.eased) for n in notes] == [
        (100.0, 100.0, 20.0, True),
        (260.0, 60.0, 0.0, None),
    ]
    assert [e.t_s for e in of(CallNoteFaded, out)] == [200.0]


def test_call_note_not_eased_when_the_call_ends_frustrated() -> None:
    out = run(Coach(), [*call(0, 100), changed(60, C, F, Trend.RISING), *samples(60, 100, F)])
    (note,) = of(CallNote, out)
    assert (note.frustrated_s, note.eased) == (40.0, False)
    assert of(CallNote, run(Coach(CoachSettings(call_note_enabled=False)), call(0, 100))) == []


# --- settings -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, value",
    [
        ("tip_cooldown_s", 60.0),
        ("tips_per_call_max", 5),
        ("breathing_min_interval_s", 600.0),
        ("breathing_max_per_shift", 7),
        ("tip_kinds", ("acknowledge", "lecture")),
        ("no_such_setting", 1),
    ],
)
def test_settings_refuse_values_that_would_nag(field: str, value: object) -> None:
    with pytest.raises(ValidationError, match=field):
        CoachSettings.model_validate({field: value})


def test_every_setting_has_title_and_description() -> None:
    for name, f in CoachSettings.model_fields.items():
        assert f.title and f.description, name


def test_settings_change_mid_call_keeps_the_rate_limits() -> None:
    coach = Coach()
    first = run(coach, [*call(0, 400)[:1], *frustrated_stretch(10, 30, ease_to=C)], until_s=40)
    assert tips(first) == [(18.0, ACK)]
    coach.update_settings(CoachSettings(tips_enabled=False))
    assert tips(run(coach, frustrated_stretch(100, 120, ease_to=C), until_s=130)) == []
    coach.update_settings(CoachSettings())
    # acknowledge is still cooling down from 18 s: apologise (it came back after easing)
    assert tips(run(coach, frustrated_stretch(150, 170, ease_to=C), until_s=180)) == [(158.0, APOL)]


def test_a_pause_is_not_a_silence() -> None:
    script = [*call(0, 300), *speech(Side.AGENT, 0, 10), PauseChanged(t_s=12, paused=True)]
    script += [PauseChanged(t_s=100, paused=False), *speech(Side.CUSTOMER, 140, 150)]
    # paused at 12, before the 25 s silence at 35; after the resume at 100 the silence counts from 100;
    # the next one (175) is cooling down
    assert cues(run(Coach(), script)) == [(125.0, CueKind.SILENCE)]
