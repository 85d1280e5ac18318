"""The caller-notice gate, its policy section and the CTI timeline parser (issue #13), on their own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from device.cti import ACTIONS, TimelineError, parse_timeline
from device.notice import ARMED_S, DEFAULT_LINES, LANGUAGES, NoticeGate, NoticeSettings, NoticeState


def test_settings_default_to_asking_and_off_needs_a_statement() -> None:
    assert NoticeSettings().mode == "agent"
    with pytest.raises(ValidationError, match="off_statement"):
        NoticeSettings(mode="off")
    with pytest.raises(ValidationError, match="only to mode"):
        NoticeSettings(mode="ivr", off_statement="outside_eu")
    with pytest.raises(ValidationError):
        NoticeSettings(mode="off", off_statement="we_did_not_bother")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        NoticeSettings.model_validate({"mode": "agent", "silent": True})  # strict: unknown keys refused
    n = NoticeSettings.model_validate({"lines": {"fi": "Käytämme tekoälytyökalua puhelun tukena."}})
    assert n.lines.line("fi").startswith("Käytämme") and n.lines.line("sv") == DEFAULT_LINES["sv"]
    assert n.lines.line("xx") == DEFAULT_LINES["en"] and set(LANGUAGES) == set(DEFAULT_LINES)


def test_gate_per_call() -> None:
    gate = NoticeGate(NoticeSettings(mode="agent"))
    assert not gate.tone_allowed
    assert [e.state for e in gate.call_started(1.0)] == ["waiting"] and not gate.tone_allowed
    assert [e.state for e in gate.notice_given(2.0, in_call=True)] == ["given"] and gate.tone_allowed
    assert gate.notice_given(3.0, in_call=True) == []  # once is enough
    assert [e.state for e in gate.declined(4.0, in_call=True)] == ["declined"] and not gate.tone_allowed
    assert gate.notice_given(5.0, in_call=True) == [] and not gate.tone_allowed  # a decline stands
    assert gate.declined(6.0, in_call=True) == []
    gate.call_ended(7.0)
    assert [e.state for e in gate.call_started(8.0)] == ["waiting"]  # a new call starts fresh


def test_off_mode_tone_off_and_told_at_call_start() -> None:
    off = NoticeGate(NoticeSettings(mode="off", off_statement="outside_eu"))
    assert [e.state for e in off.call_started(0.0)] == ["not_required"] and off.tone_allowed
    assert [e.state for e in off.declined(1.0, in_call=True)] == ["declined"] and not off.tone_allowed
    dark = NoticeGate(NoticeSettings(mode="off", off_statement="outside_eu"), tone_enabled=False)
    assert [e.state for e in dark.call_started(0.0)] == ["tone_off"] and not dark.tone_allowed
    assert dark.notice_given(1.0, in_call=True) == [] and not dark.tone_allowed
    ivr = NoticeGate(NoticeSettings(mode="ivr"))
    assert [e.state for e in ivr.call_started(0.0, told=True)] == ["given"]


def test_a_notice_or_decline_before_the_call_applies_only_to_a_call_that_starts_soon() -> None:
    gate = NoticeGate(NoticeSettings(mode="ivr"))
    assert [e.state for e in gate.notice_given(10.0, in_call=False)] == ["armed_given"]
    assert gate.state is NoticeState.NO_CALL and not gate.tone_allowed
    assert [e.state for e in gate.call_started(10.0 + ARMED_S)] == ["given"]
    gate.call_ended(50.0)
    assert [e.state for e in gate.call_started(51.0)] == ["waiting"]  # used once, not for the next call
    gate.call_ended(52.0)
    gate.declined(60.0, in_call=False)
    assert [e.state for e in gate.call_started(61.0)] == ["declined"]
    gate.call_ended(62.0)
    gate.notice_given(70.0, in_call=False)
    assert [e.state for e in gate.call_started(70.0 + ARMED_S + 0.1)] == ["waiting"]  # lapsed


def test_timeline_parses_and_bad_lines_are_named() -> None:
    text = (
        '# from the CTI log\n{"t_s": 0, "action": "call_start"}\n\n{"t_s": 12.5, "action": "notice_given"}\n'
    )
    assert [(a.t_s, a.action, a.line) for a in parse_timeline(text, "x.jsonl")] == [
        (0.0, "call_start", 2),
        (12.5, "notice_given", 4),
    ]
    cases = {
        '{"t_s": 1.0, "action": "hangup"}': "x:1: action: 'hangup' is not one of call_start",
        '{"t_s": -1, "action": "pause"}': "x:1: t_s: Input should be greater than or equal to 0",
        '{"t_s": "12", "action": "pause"}': "x:1: t_s:",
        '{"action": "pause"}': "x:1: t_s: missing",
        '{"t_s": 1, "action": "pause", "agent": "anna"}': "x:1: agent: unknown key",
        '{"t_s": 1, "action": "pause"': "x:1: not a JSON object",
        '[1, "pause"]': "x:1: expected a JSON object",
        '{"t_s": NaN, "action": "pause"}': "x:1: t_s",
    }
    for line, message in cases.items():
        with pytest.raises(TimelineError) as err:
            parse_timeline(line, "x")
        assert str(err.value).startswith(message), (line, str(err.value))
    with pytest.raises(TimelineError, match=r"x:3: t_s 2 is before the previous action's 5 \(line 2\)"):
        parse_timeline('{"t_s": 1, "action": "pause"}\n{"t_s": 5, "action": "resume"}\n'
                       '{"t_s": 2, "action": "pause"}', "x")  # fmt: skip


@given(st.lists(st.tuples(st.floats(0, 1e4, allow_nan=False), st.sampled_from(ACTIONS)), max_size=20))
def test_timeline_round_trips_any_ordered_actions(actions: list[tuple[float, str]]) -> None:
    import json

    ordered = sorted(actions, key=lambda a: a[0])
    text = "\n".join(json.dumps({"t_s": t, "action": a}) for t, a in ordered)
    assert [(a.t_s, a.action) for a in parse_timeline(text)] == ordered
