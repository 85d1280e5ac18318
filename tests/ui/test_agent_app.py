"""App shell: pause/resume, settings with policy locks (real device.policy files), live language switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from PyQt6.QtCore import Qt

from device.events import CallStarted, PauseChanged, ToneChanged, ToneState, Trend
from device.policy import load_effective, save_user_settings
from ui.agent.settings_dialog import SettingsDialog
from ui.agent.state import IndicatorState


class RecordingPipeline:
    """Records the pipeline's pause/resume commands (the real pipeline runs in the demo test)."""

    def __init__(self, pipeline, monkeypatch) -> None:
        self.calls: list[str] = []
        for name in ("pause", "resume"):
            monkeypatch.setattr(pipeline, name, lambda name=name: self.calls.append(name) or True)


def test_pause_and_resume(agent_app, qtbot, qsettings, monkeypatch) -> None:
    app = agent_app()
    pipe = RecordingPipeline(app.runtime.pipeline, monkeypatch)  # the UI acts through the runtime
    app.runtime.on_pipeline_event(CallStarted(t_s=1.0, source="auto"))
    app.runtime.on_pipeline_event(
        ToneChanged(t_s=3.0, state=ToneState.UNEASY, previous=ToneState.CALM, score=0.5, trend=Trend.RISING)
    )
    qtbot.waitUntil(lambda: app.current_view().state is IndicatorState.UNEASY, timeout=2000)
    qtbot.mouseClick(app.view_widget.pause_button, Qt.MouseButton.LeftButton)
    assert pipe.calls == ["pause"]
    assert app.current_view().state is IndicatorState.PAUSED
    assert app.view_widget.title.text() == "Paused"
    assert app.view_widget.pause_button.accessibleName() == "Resume analysis"
    assert app.tray.pause_action.text() == "Resume analysis"
    # the pipeline confirms; nothing changes twice
    app.runtime.on_pipeline_event(PauseChanged(t_s=3.5, paused=True))
    qtbot.waitUntil(lambda: app.bridge.pending == 0, timeout=2000)
    assert app.current_view().state is IndicatorState.PAUSED
    app.tray.pause_action.trigger()
    assert pipe.calls == ["pause", "resume"]
    assert app.current_view().state is IndicatorState.UNEASY, "the tone comes back after a resume"
    assert app.view_widget.pause_button.accessibleName() == "Pause analysis"


@pytest.fixture
def policy_files(tmp_path: Path) -> tuple[Path, Path]:
    policy = tmp_path / "policy.toml"
    policy.write_text('[coach]\ntips_enabled = false\n\n[locks]\nsettings = ["coach.tips_enabled"]\n')
    return policy, tmp_path / "user" / "settings.toml"


def test_settings_locked_by_policy_are_disabled_with_a_note(qtbot, policy_files) -> None:
    policy, user = policy_files
    eff = load_effective(policy, user)
    assert "coach.tips_enabled" in eff.locked
    dlg = SettingsDialog(
        eff.config, eff.locked, devices=lambda: (["USB headset", "Monitor of USB headset"], None)
    )
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.is_shown_locked("coach.tips_enabled")
    assert not dlg.tips.isChecked()
    assert not dlg.is_shown_locked("coach.breathing_enabled")
    note = dlg.findChild(type(dlg.devices_error), "locked:coach.tips_enabled")
    assert note is not None and note.text() == "Set by your IT department"
    assert [dlg.mic.itemText(i) for i in range(dlg.mic.count())] == [
        "Headset default",
        "USB headset",
        "Monitor of USB headset",
    ]
    dlg.tips.setChecked(True)  # even if forced, a locked key never leaves the dialog
    dlg.breathing.setChecked(False)
    dlg.mic.setCurrentIndex(1)
    assert dlg.changes() == {"coach.breathing_enabled": False, "audio.mic_device": "USB headset"}


def test_settings_dialog_without_audio_devices(qtbot) -> None:
    from device.config import LugnConfig

    dlg = SettingsDialog(LugnConfig(), devices=lambda: ([], "PortAudioError: no host API"))
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.devices_error.isVisible() and "no host API" in dlg.devices_error.text()


def test_saving_settings_applies_language_live_and_respects_locks(
    agent_app, qtbot, qsettings, policy_files, built_catalogues
):
    policy, user = policy_files
    app = agent_app(
        load_effective(policy, user),
        qsettings=qsettings,
        save_settings=lambda ch: save_user_settings(ch, user, policy_path=policy),
        reload_effective=lambda: load_effective(policy, user),
    )
    app.show()
    assert app.view_widget.title.text() == "No call"
    assert app.apply_settings({"ui.language": "sv"})
    assert app.language == "sv"
    assert app.view_widget.title.text() == "Inget samtal"
    assert app.tray.quit_action.text() == "Avsluta Lugn"
    assert 'language = "sv"' in user.read_text()
    # a locked key is refused by device.policy itself, and the agent is told (message box auto-closed here)
    from PyQt6.QtCore import QTimer
    from PyQt6.QtWidgets import QApplication, QMessageBox

    def close_box() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                w.accept()

    QTimer.singleShot(50, close_box)
    assert app.apply_settings({"coach.tips_enabled": True}) is False
    assert "tips_enabled" not in user.read_text()
    assert app.config.coach.tips_enabled is False


@pytest.mark.parametrize("lang", ["sv", "nb", "fi", "en", "pseudo"])
def test_settings_dialog_screenshots_and_fit(
    qtbot, policy_files, built_catalogues, ui_artifacts, lang
) -> None:
    from ui import i18n

    if lang == "pseudo":
        i18n.install_translators("en")
        i18n.install_pseudo(1.4)
    else:
        i18n.install_translators(lang)
    policy, user = policy_files
    eff = load_effective(policy, user)
    dlg = SettingsDialog(
        eff.config, eff.locked, devices=lambda: (["Jabra Evolve2 65", "Monitor of Jabra"], None)
    )
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.tips.text() == "Show empathy tips" if lang == "en" else dlg.tips.text() != "Show empathy tips"
    # every label and check box shows its whole text at the dialog's own size (fits a small laptop screen)
    from PyQt6.QtWidgets import QCheckBox, QLabel

    for w in dlg.findChildren(QLabel) + dlg.findChildren(QCheckBox):
        if w.isVisibleTo(dlg) and not (isinstance(w, QLabel) and w.wordWrap()):
            assert w.width() >= w.minimumSizeHint().width(), f"{lang}: {w.text()!r} is cut"
    assert dlg.width() <= 900
    out = ui_artifacts / "settings"
    out.mkdir(parents=True, exist_ok=True)
    assert dlg.grab().save(str(out / f"settings_{lang}.png"))


def test_broken_policy_shows_safe_state_note(agent_app, qtbot, qsettings, tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("[coach\ntips_enabled = maybe\n")  # not TOML at all
    eff = load_effective(policy, tmp_path / "user.toml")
    assert eff.safe_state
    app = agent_app(eff, save_settings=lambda ch: None)
    app.open_settings()
    assert app.settings_dialog is not None
    qtbot.addWidget(app.settings_dialog)
    qtbot.waitExposed(app.settings_dialog)
    assert app.settings_dialog.safe_note.isVisible()
    assert "safe defaults" in app.settings_dialog.safe_note.text()


def test_switched_off_coaching_is_neither_shown_nor_counted(agent_app, qtbot, qsettings) -> None:
    from device.coach.events import BreathingOffered, TipKind, TipShown

    seen: list[object] = []
    app = agent_app(listeners=[seen.append], save_settings=lambda ch: None)
    tip = TipShown(t_s=1.0, tip=TipKind.ACKNOWLEDGE, display_s=15.0, tip_number=1)
    assert app.runtime.coach_action(lambda t_s: [tip]) == [tip]
    assert app.apply_settings({"coach.tips_enabled": False})
    assert app.runtime.coach_action(lambda t_s: [tip]) == []
    offer = dict(pattern="paced", duration_s=60.0, inhale_s=4.0, hold_in_s=0.0, exhale_s=6.0, hold_out_s=0.0)
    assert app.apply_settings({"coach.breathing_enabled": False})
    after_call = BreathingOffered(t_s=2.0, reason="frustrated_share", **offer)  # type: ignore[arg-type]
    asked = BreathingOffered(t_s=3.0, reason="requested", **offer)  # type: ignore[arg-type]
    assert app.runtime.coach_action(lambda t_s: [after_call, asked]) == [asked], "asked for: always honoured"
    assert seen == [tip, asked]


def test_breathing_on_request_and_tip_dismiss_reach_the_real_coach(agent_app, qtbot, qsettings) -> None:
    from device.coach.events import BreathingOffered, TipDismissed, TipShown

    seen: list[object] = []
    app = agent_app(listeners=[seen.append])
    app.show()
    # breathing on request, from the indicator's button: the real coach offers it, the overlay shows it
    qtbot.mouseClick(app.view_widget.breathe_button, Qt.MouseButton.LeftButton)
    offers = [e for e in seen if isinstance(e, BreathingOffered)]
    assert len(offers) == 1 and offers[0].reason == "requested"
    qtbot.waitUntil(lambda: app.coaching.breathing.isVisible(), timeout=2000)
    app.coaching.breathing.hide()
    # a call where the customer stays frustrated: the coach shows a tip; Esc (the dismiss key) dismisses it
    from device.events import CallStarted, Heartbeat, ToneSample

    app.runtime.on_pipeline_event(CallStarted(t_s=100.0, source="auto"))
    app.runtime.on_pipeline_event(
        ToneChanged(
            t_s=100.5, state=ToneState.FRUSTRATED, previous=ToneState.CALM, score=0.9, trend=Trend.RISING
        )
    )
    for i in range(40):
        t = 100.5 + 0.5 * i
        app.runtime.on_pipeline_event(
            ToneSample(t_s=t, score=0.9, raw_score=0.9, arousal=0.8, valence=0.2, state=ToneState.FRUSTRATED)
        )
        if i % 2 == 0:
            app.runtime.on_pipeline_event(Heartbeat(t_s=t))
    tips = [e for e in seen if isinstance(e, TipShown)]
    assert tips, "20 s of a frustrated customer gives a tip"
    qtbot.waitUntil(lambda: app.coaching.tip_card.isVisible(), timeout=2000)
    assert app.dismiss_shortcut.key().toString() == "Esc"
    app.dismiss_shortcut.activated.emit()
    dismissed = [e for e in seen if isinstance(e, TipDismissed)]
    assert [d.tip for d in dismissed] == [tips[0].tip]
    qtbot.waitUntil(lambda: not app.coaching.tip_card.isVisible(), timeout=3000)


def test_settings_on_a_read_only_home_say_so_in_the_agents_language(
    agent_app, qtbot, built_catalogues
) -> None:
    """Before: the raw "[Errno 30] Read-only file system: '…/settings.toml.tmp'" in English, whatever the UI
    language. Now a sentence in it, with the folder and the reason; nothing changes."""
    import errno

    from PyQt6.QtCore import QTimer
    from PyQt6.QtWidgets import QApplication, QMessageBox

    def refuse(_changes) -> None:  # type: ignore[no-untyped-def]
        raise OSError(errno.EROFS, "Read-only file system", "/home/agent/.config/lugn/settings.toml.tmp")

    app = agent_app(save_settings=refuse)
    app.set_language("sv")
    shown: list[str] = []

    def read_and_close() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                shown.append(f"{w.windowTitle()}|{w.text()}")
                w.accept()

    QTimer.singleShot(50, read_and_close)
    assert app.apply_settings({"coach.tips_enabled": False}) is False
    assert app.config.coach.tips_enabled is True
    (box,) = shown
    assert box.startswith("Inställningarna sparades inte|Dina inställningar kunde inte sparas i /home/agent/")
    assert "(Read-only file system)" in box and "Errno" not in box
