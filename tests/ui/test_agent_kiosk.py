"""Kiosk: full-screen, no quit or settings for the agent, IT leaves with the policy's PIN (hashed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PyQt6.QtCore import QTimer

from device.config import LugnConfig, UiSettings
from device.events import ToneChanged, ToneState, Trend
from device.kioskpin import hash_pin
from device.policy import check_kiosk_pin
from ui.agent.kiosk import LOCKOUT_S, MAX_FAILURES, KioskWindow, PinDialog, PinThrottle


def _config(pin: str | None) -> LugnConfig:
    stored = hash_pin(pin, log_n=10, min_length=4) if pin else None
    return LugnConfig(ui=UiSettings(kiosk=True, kiosk_pin=stored))


def test_pin_dialog_accepts_only_the_policy_pin(qtbot) -> None:
    cfg = _config("4711")
    dlg = PinDialog(lambda pin: check_kiosk_pin(cfg, pin))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.pin, "1234")
    assert dlg.try_pin() is False
    assert dlg.error.isVisible() and dlg.error.text() == "Wrong PIN."
    assert dlg.pin.text() == "", "a wrong PIN is cleared"
    qtbot.keyClicks(dlg.pin, "4711")
    with qtbot.waitSignal(dlg.accepted, timeout=1000):
        assert dlg.try_pin() is True


def test_wrong_pins_are_throttled(qtbot) -> None:
    now = [1_800_000_000.0]
    dlg = PinDialog(lambda pin: pin == "right", clock=lambda: now[0])
    qtbot.addWidget(dlg)
    for _ in range(MAX_FAILURES):
        dlg.pin.setText("wrong")
        assert not dlg.try_pin()
    dlg.pin.setText("right")
    assert not dlg.try_pin(), "locked out after too many attempts, even with the right PIN"
    assert "Try again in 30" in dlg.error.text()
    now[0] += LOCKOUT_S + 0.1
    dlg.pin.setText("right")
    assert dlg.try_pin()


def test_no_pin_in_policy_means_no_exit(qtbot) -> None:
    cfg = _config(None)
    assert not check_kiosk_pin(cfg, "")
    assert not check_kiosk_pin(cfg, "0000")


def test_kiosk_app_has_no_quit_or_settings_and_leaves_with_pin(
    agent_app, qtbot, qsettings, artifacts_dir: Path
) -> None:
    cfg = _config("2468")
    app = agent_app(cfg)
    assert app.kiosk and app.kiosk_window is not None and app.indicator is None
    win = app.kiosk_window
    app.show()
    qtbot.waitExposed(win)
    assert win.isFullScreen()
    # the agent cannot quit or reach settings
    assert app.tray.quit_action not in app.tray.menu.actions()
    assert app.tray.settings_action not in app.tray.menu.actions()
    app.open_settings()
    assert app.settings_dialog is None
    assert not win.close(), "closing a kiosk is refused"
    assert win.isVisible()
    app.runtime.on_pipeline_event(
        ToneChanged(
            t_s=3.0, state=ToneState.FRUSTRATED, previous=ToneState.CALM, score=0.8, trend=Trend.RISING
        )
    )
    qtbot.waitUntil(lambda: app.view_widget.title.text() == "Frustrated", timeout=2000)
    # a tip on a kiosk appears under the large indicator, on the screen
    from device.coach.events import TipKind, TipShown

    app.bridge.post(TipShown(t_s=4.0, tip=TipKind.ACKNOWLEDGE, display_s=15.0, tip_number=1))
    qtbot.waitUntil(lambda: app.coaching.tip_card.isVisible(), timeout=2000)
    # ... inside the kiosk window itself (a separate window would be hidden behind it)
    assert app.coaching.panel.window() is win and app.coaching.tip_card.window() is win
    p = app.coaching.panel
    panel = p.rect().translated(p.mapToGlobal(p.rect().topLeft()))
    view_bottom = app.view_widget.mapToGlobal(app.view_widget.rect().bottomLeft()).y()
    screen = win.screen().geometry()
    assert panel.top() > view_bottom and screen.contains(panel), (panel, view_bottom, screen)
    out = artifacts_dir / "ui" / "agent" / "kiosk"
    out.mkdir(parents=True, exist_ok=True)
    assert win.grab().save(str(out / "kiosk_frustrated_en.png"))

    def answer(pin: str) -> None:
        assert win.pin_dialog is not None
        win.pin_dialog.pin.setText(pin)
        win.pin_dialog.try_pin()
        if pin != "2468":
            win.pin_dialog.reject()

    QTimer.singleShot(50, lambda: answer("1111"))
    assert win.ask_pin() is False
    assert win.isVisible()
    quits: list[bool] = []
    app.quitRequested.connect(lambda: quits.append(True))
    QTimer.singleShot(50, lambda: answer("2468"))
    with qtbot.waitSignal(win.exitRequested, timeout=3000):
        assert win.ask_pin() is True
    assert quits == [True]
    assert win.close(), "after the PIN the kiosk may close"


def test_kiosk_shortcut_opens_pin_dialog(qtbot) -> None:
    win = KioskWindow(lambda pin: False)
    qtbot.addWidget(win)
    assert win.exit_shortcut.key().toString() == "Ctrl+Shift+L"


def test_lockout_survives_closing_the_dialog_and_restarting_the_app(qtbot, tmp_path: Path) -> None:
    """Attack 9: the lockout reset when the dialog was closed and reopened (unlocked on the 3rd opening)."""
    now = [1_800_000_000.0]
    path = tmp_path / "state" / "kiosk-pin-throttle.json"
    win = KioskWindow(lambda pin: pin == "right", throttle=PinThrottle(path, lambda: now[0]))
    qtbot.addWidget(win)
    for _ in range(MAX_FAILURES):  # each attempt in a NEW dialog, closed again
        dlg = PinDialog(win._pin_check, win, throttle=win.throttle)
        dlg.pin.setText("wrong")
        assert not dlg.try_pin()
        dlg.reject()
    dlg = PinDialog(win._pin_check, win, throttle=win.throttle)
    dlg.pin.setText("right")
    assert not dlg.try_pin() and "Try again in 30" in dlg.error.text()
    # the app restarts: a new throttle from the same file, still locked
    again = PinThrottle(path, lambda: now[0])
    assert again.wait_s() == LOCKOUT_S
    now[0] -= 3600  # setting the clock back does not shorten it either
    assert again.wait_s() == LOCKOUT_S
    now[0] += 3600 + LOCKOUT_S + 1
    for _ in range(MAX_FAILURES):
        again.failed()
    assert again.wait_s() == 2 * LOCKOUT_S  # the second lockout is twice as long
    dlg = PinDialog(lambda pin: pin == "right", throttle=PinThrottle(path, lambda: now[0] + 2 * LOCKOUT_S))
    qtbot.addWidget(dlg)
    dlg.pin.setText("right")
    assert dlg.try_pin()
    assert PinThrottle(path).failures == 0 and PinThrottle(path).wait_s() == 0


@pytest.mark.parametrize("lang", ["sv", "nb", "fi", "en"])
def test_kiosk_coaching_fits_in_every_language(qtbot, lang: str) -> None:
    """Tip, cue, note and the breathing guide inside the kiosk, enlarged: nothing cut off in any language."""
    from test_coaching_i18n import build_coach_catalogues

    from device.coach.events import (
        BreathingOffered,
        BreathingPattern,
        BreathingReason,
        CallNote,
        CueKind,
        DeliveryCue,
        TipKind,
        TipShown,
    )
    from ui import i18n
    from ui.agent import look
    from ui.agent.coaching import CoachingPresenter
    from ui.agent.coaching.style import overflowing

    build_coach_catalogues()
    i18n.install_translators(lang)
    kiosk = KioskWindow(lambda pin: False)
    qtbot.addWidget(kiosk)
    presenter = CoachingPresenter(host=kiosk)
    kiosk.resize(1366, 768)
    kiosk.show()
    for tip in TipKind:
        presenter.handle(TipShown(t_s=1.0, tip=tip, display_s=30.0, tip_number=1))
        presenter.handle(
            DeliveryCue(
                t_s=1.0, cue=CueKind.TALK_SHARE, value=0.8, reference=0.6, unit="share", display_s=6.0
            )
        )
        for card in (presenter.tip_card, presenter.cue_chip):
            assert overflowing(card) == [], (lang, tip)
        # at least 1.4x the desktop's size even on a small screen (1920 px wide: 2x, see test_xcb_desk.py)
        assert presenter.tip_card.example.font().pointSizeF() >= 1.4 * look.system_pt() - 0.01
    presenter.handle(
        CallNote(t_s=9.0, call_s=400.0, frustrated_s=215.0, eased=False, tips_shown=(TipKind.THANK,))
    )
    assert overflowing(presenter.note_card) == []
    for reason in BreathingReason:
        presenter.handle(
            BreathingOffered(
                t_s=10.0,
                reason=reason,
                pattern=BreathingPattern.PACED,
                duration_s=60.0,
                inhale_s=4.0,
                hold_in_s=0.0,
                exhale_s=6.0,
                hold_out_s=0.0,
            )
        )
        assert presenter.breathing.window() is kiosk and overflowing(presenter.breathing.panel) == []
    i18n.install_translators("en")
