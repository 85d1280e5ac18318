"""The caller notice in the agent UI (issue #13): the prompt in every language without taking the focus, the
indicator's "notice first" / "declined" / "tone off" states, and the demo call with a CTI timeline through the
real runtime into the real UI in every mode (the headless side: tests/integration/test_notice.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PyQt6.QtCore import QSettings, Qt

from device.audio.source import ReplaySource
from device.config import LugnConfig
from device.events import CallEnded, CallStarted, NoticeChanged, ToneChanged, ToneSample, ToneState, Trend
from device.metrics.outbox import Outbox
from device.notice import DEFAULT_LINES, NoticeSettings
from device.runtime import AgentRuntime
from ui import i18n
from ui.agent import look
from ui.agent.coaching import style
from ui.agent.hotkeys import FakeBackend
from ui.agent.state import IndicatorState

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "device" / "assets" / "demo_call.flac"
CTI = [(0.0, "call_start"), (20.0, "notice_given"), (35.0, "declined"), (52.0, "call_end"),
       (54.0, "call_start"), (55.0, "notice_given")]  # fmt: skip
MODES = {
    "agent": {"mode": "agent"},
    "ivr": {"mode": "ivr"},
    "off": {"mode": "off", "off_statement": "outside_eu"},
}


def start_call(app) -> None:  # type: ignore[no-untyped-def]
    app.runtime.on_pipeline_event(CallStarted(t_s=1.0, source="control"))
    app.runtime.on_pipeline_event(NoticeChanged(t_s=1.0, state="waiting", mode="agent"))


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_notice_prompt_in_every_language(agent_app, qtbot, built_catalogues, notice_shot, lang) -> None:
    """At call start in agent mode the prompt shows the line to read in the caller's language (the agent
    picks it; it starts as the UI language), the indicator says the notice comes first, nothing takes the
    keyboard, and "Told" goes to the runtime (the pipeline's gate)."""
    config = LugnConfig.model_validate({"ui": {"language": lang}})
    app = agent_app(config, hotkeys=FakeBackend())
    app.privacy.qsettings.setValue("privacy/first_run_notice_seen", True)
    app.show()
    calls: list[str] = []
    app.runtime.pipeline._command = lambda name: calls.append(name) or True  # type: ignore[method-assign]
    start_call(app)
    card = app.coaching.panel.notice
    qtbot.waitUntil(card.isVisible, timeout=2000)
    assert app.current_view().state is IndicatorState.WAITING_NOTICE
    assert app.view_widget.title.text() == look.state_title(IndicatorState.WAITING_NOTICE)
    assert card.language == lang and card.line.text() == DEFAULT_LINES[lang]
    assert style.overflowing(card) == [], f"{lang}: the prompt's text does not fit"
    # nothing in it can take the keyboard from the softphone
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in [*card.language_buttons.values(),
               card.given_button, card.declined_button])  # fmt: skip
    assert app.coaching.panel.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert app.tray.told_action.isVisible() and app.tray.declined_action.isVisible()
    notice_shot(app.coaching.panel, lang, "notice_prompt.png")
    notice_shot(app.main_window, lang, "notice_indicator.png")
    # another caller language, for this caller
    other = "fi" if lang != "fi" else "sv"
    qtbot.mouseClick(card.language_buttons[other], Qt.MouseButton.LeftButton)
    assert card.line.text() == DEFAULT_LINES[other] and card.language_buttons[other].isChecked()
    qtbot.mouseClick(card.given_button, Qt.MouseButton.LeftButton)
    assert calls == ["notice_given"]
    app.runtime.on_pipeline_event(NoticeChanged(t_s=3.0, state="given", mode="agent"))
    qtbot.waitUntil(lambda: not card.isVisible(), timeout=3000)
    assert app.current_view().state is IndicatorState.LISTENING
    assert not app.tray.told_action.isVisible() and app.tray.declined_action.isVisible()


def test_hotkeys_and_tray_give_the_notice_or_decline_without_focus(agent_app, qtbot) -> None:
    fake = FakeBackend()
    app = agent_app(LugnConfig(), hotkeys=fake)
    calls: list[str] = []
    app.runtime.pipeline._command = lambda name: calls.append(name) or True  # type: ignore[method-assign]
    assert app.actions.run("declined") == {"ok": False, "in_call": False, "error": "no call in progress"}
    start_call(app)
    qtbot.waitUntil(lambda: app.model.in_call, timeout=2000)
    card = app.coaching.panel.notice
    assert "Ctrl+Alt+N" in card.given_button.accessibleName()
    assert card.key_hint.text() == "Ctrl+Alt+N: Told · Ctrl+Alt+O: Declined"
    assert fake.press("Ctrl+Alt+N")
    qtbot.waitUntil(lambda: calls == ["notice_given"], timeout=2000)
    assert fake.press("Ctrl+Alt+O")
    qtbot.waitUntil(lambda: calls == ["notice_given", "declined"], timeout=2000)
    app.tray.declined_action.trigger()
    assert calls[-1] == "declined"
    app.runtime.on_pipeline_event(NoticeChanged(t_s=3.0, state="declined", mode="agent"))
    qtbot.waitUntil(lambda: app.current_view().state is IndicatorState.DECLINED, timeout=2000)
    # a tone event cannot bring a declined call back on the indicator
    app.runtime.on_pipeline_event(ToneChanged(4.0, ToneState.FRUSTRATED, ToneState.CALM, 0.9, Trend.RISING))
    qtbot.waitUntil(lambda: app.bridge.pending == 0, timeout=2000)
    assert app.current_view().state is IndicatorState.DECLINED
    app.runtime.on_pipeline_event(CallEnded(t_s=9.0, source="control", duration_s=8.0))
    qtbot.waitUntil(lambda: app.current_view().state is IndicatorState.NO_CALL, timeout=2000)


def test_tone_off_by_policy_shows_its_state(agent_app, qtbot, tmp_path) -> None:
    from device.policy import load_effective

    policy = tmp_path / "policy.toml"
    policy.write_text("[tone]\nenabled = false\n")
    eff = load_effective(policy, tmp_path / "user.toml")
    app = agent_app(eff)
    app.show()
    assert app.current_view().state is IndicatorState.TONE_OFF  # at once, not only during a call
    assert app.view_widget.detail.text() == "Switched off for this site"
    app.runtime.on_pipeline_event(CallStarted(t_s=1.0, source="auto"))
    app.runtime.on_pipeline_event(NoticeChanged(t_s=1.0, state="tone_off", mode="agent"))
    qtbot.waitUntil(lambda: app.model.in_call, timeout=2000)
    assert app.current_view().state is IndicatorState.TONE_OFF
    assert not app.coaching.panel.notice.isVisible()  # nothing to tell the caller: nothing is analysed
    assert app.runtime.pipeline._scorer is None  # the tone model is not even loaded
    app.privacy.open_notice()
    assert "switched off at this site" in app.privacy.notice.findChild(type(app.view_widget.title),
                                                                          "customerBody").text()  # fmt: skip


def run_demo_in_the_ui(tmp_path: Path, mode: str, qtbot):  # type: ignore[no-untyped-def]
    from ui.agent.app import AgentApp

    config = LugnConfig(notice=NoticeSettings(**MODES[mode]))
    outbox = tmp_path / f"{mode}.sqlite3"
    runtime = AgentRuntime(ReplaySource(DEMO, realtime=False), config, metrics=True, outbox_path=outbox,
                           control=False, oplog=False)  # fmt: skip
    runtime.schedule(CTI)
    settings = QSettings(str(tmp_path / f"{mode}.ini"), QSettings.Format.IniFormat)
    settings.setValue("privacy/first_run_notice_seen", True)
    app = AgentApp(runtime, qsettings=settings, hotkeys=FakeBackend())
    views: list[tuple[float, IndicatorState]] = []
    app.viewChanged.connect(lambda v, t: views.append((t, v.state)))
    prompts: list[float] = []
    app.coaching.widgetShown.connect(lambda kind, _w, t: prompts.append(t) if kind == "notice" else None)
    items: list[object] = []
    app.eventDelivered.connect(items.append)
    app.show()
    runtime.start()
    try:
        qtbot.waitUntil(lambda: not runtime.running and app.bridge.pending == 0, timeout=60_000)
    finally:
        runtime.stop()
    note = app.coaching.note_card.shared.text()
    app.close()
    box = Outbox(outbox)
    counts: dict[str, int] = {}
    for row in box.pending(100):
        for k, v in json.loads(row.payload)["counts"].items():
            counts[k] = counts.get(k, 0) + v
    box.close()
    return views, prompts, items, counts, note


@pytest.mark.parametrize("mode", ["agent", "ivr", "off"])
def test_cti_timeline_in_the_ui_in_every_mode(tmp_path, qtbot, mode: str) -> None:
    """The demo call with a CTI timeline through the real runtime into the real UI: the indicator shows no
    tone before the notice (agent, ivr) and none after the decline until the next call, the prompt appears
    only in agent mode, and the declined call adds only a ``declined`` count."""
    views, prompts, items, counts, note = run_demo_in_the_ui(tmp_path, mode, qtbot)
    tone_views = [t for t, s in views if s.is_tone]
    assert tone_views and not [t for t in tone_views if 35.0 <= t < 55.0]
    assert any(t < 35.0 for t in tone_views) and any(t > 55.0 for t in tone_views)
    assert IndicatorState.DECLINED in {s for _, s in views}
    if mode == "off":
        waiting = {IndicatorState.WAITING_NOTICE, IndicatorState.WAITING_IVR}
        assert not waiting & {s for _, s in views} and prompts == []
        assert any(isinstance(e, ToneSample) and e.t_s < 20.0 for e in items)
    else:
        # agent mode: "Notice first" with the prompt; ivr mode: the IVR's job, so the agent is not asked
        wait = IndicatorState.WAITING_NOTICE if mode == "agent" else IndicatorState.WAITING_IVR
        assert (0.0, wait) in views and min(tone_views) >= 20.0
        assert not [e for e in items if isinstance(e, ToneSample | ToneChanged) and e.t_s < 20.0]
        assert prompts == ([0.0, 54.0] if mode == "agent" else [])
    assert counts["declined"] == 1 and counts["calls"] == 1 and counts["tips_shown"] == 0, counts
    assert note.startswith("Shared, in this computer's 15-minute totals: Calls 1")  # the second call's note
