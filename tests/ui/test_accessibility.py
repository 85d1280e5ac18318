"""Accessibility of the agent UI: text contrast (WCAG AA, read from the palette against what is drawn),
accessible names on every control, announcements of changes to assistive technology, fonts that follow the OS.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pytest
from PyQt6.QtCore import QRect
from PyQt6.QtGui import QColor, QFont
from PyQt6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget

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
from device.config import LugnConfig
from device.events import Trend
from ui import i18n
from ui.agent import a11y, look
from ui.agent.coaching import CoachingPresenter
from ui.agent.indicator import IndicatorWindow
from ui.agent.kiosk import KioskWindow, PinDialog
from ui.agent.settings_dialog import SettingsDialog
from ui.agent.state import IndicatorState, View

AA = 4.5
TIP = TipShown(t_s=1.0, tip=TipKind.SOLUTION_FOCUS, display_s=30.0, tip_number=1)
CUE = DeliveryCue(t_s=2.0, cue=CueKind.PACE_FAST, value=5.2, reference=4.0, unit="syl/s", display_s=6.0)
NOTE = CallNote(t_s=90.0, call_s=90.0, frustrated_s=130.0, eased=False, tips_shown=(TipKind.THANK,))
OFFER = BreathingOffered(
    t_s=95.0,
    reason=BreathingReason.LONG_CALL,
    pattern=BreathingPattern.BOX,
    duration_s=60.0,
    inhale_s=4.0,
    hold_in_s=4.0,
    exhale_s=4.0,
    hold_out_s=4.0,
)


def test_contrast_arithmetic_matches_wcag() -> None:
    assert a11y.contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert a11y.contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    # the dashboard's old status text on its light background: the 2:1 the pilot found
    assert a11y.contrast_ratio(QColor("#d9a35b"), QColor("#efefef")) < 2.5


def _low(pairs: list[tuple[str, str, float]]) -> list[tuple[str, str, float]]:
    return [p for p in pairs if p[2] < AA]


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_every_agent_text_meets_aa_contrast(qtbot, presenter, built_catalogues, lang: str) -> None:
    i18n.install_translators(lang)
    seen: list[tuple[str, str, float]] = []
    win = IndicatorWindow()
    qtbot.addWidget(win)
    win.show()
    for state in IndicatorState:
        win.view.set_view(View(state, Trend.RISING))
        seen += a11y.text_contrasts(win)
    kiosk = KioskWindow(lambda _pin: False)
    qtbot.addWidget(kiosk)
    kiosk.show()
    seen += a11y.text_contrasts(kiosk)
    for event in (TIP, CUE, NOTE):
        presenter.handle(event)
    for card in presenter.panel.cards():
        seen += a11y.text_contrasts(card)
    presenter.handle(OFFER)
    overlay = presenter.breathing
    seen += a11y.text_contrasts(overlay)  # the overlay paints the panel's background
    overlay.start_guide()
    overlay.set_elapsed(3.0)
    seen += a11y.text_contrasts(overlay)
    dialog = SettingsDialog(
        LugnConfig(), frozenset({"coach.tips_enabled"}), devices=lambda: (["Jabra"], None)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    seen += a11y.text_contrasts(dialog)
    pin = PinDialog(lambda _pin: False)
    qtbot.addWidget(pin)
    pin.show()
    pin.pin.setText("0000")
    pin.try_pin()  # the error line in its colour
    seen += a11y.text_contrasts(pin)
    assert len(seen) > 40, "the walk found too few texts to mean anything"
    assert _low(seen) == [], "texts below 4.5:1"


def test_kiosk_it_button_was_the_low_one(qtbot) -> None:
    """The check is not blind: the old discreet IT button colour fails it."""
    kiosk = KioskWindow(lambda _pin: False)
    qtbot.addWidget(kiosk)
    kiosk.show()
    kiosk.it_button.setStyleSheet(f"color: {look.BORDER.name()}; border: none;")
    assert [p[1] for p in _low(a11y.text_contrasts(kiosk))] == ["IT"]


def _controls(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QComboBox, QLineEdit)
    found = [w for w in root.findChildren(QWidget) if isinstance(w, kinds) and w.isVisibleTo(root)]
    return [root, *found] if isinstance(root, kinds) else found


def _unnamed(root: QWidget) -> list[str]:
    out = []
    for w in _controls(root):
        text = w.text() if isinstance(w, QAbstractButton) else ""
        if not (w.accessibleName().strip() or text.strip()):
            out.append(f"{type(w).__name__} {w.objectName()!r} in {root.objectName()!r}")
    return out


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_control_has_an_accessible_name(
    agent_app, qtbot, presenter, built_catalogues, lang: str
) -> None:
    i18n.install_translators(lang)
    app = agent_app(LugnConfig())
    app.show()
    roots: list[QWidget] = [app.main_window]
    for event in (TIP, CUE, NOTE, OFFER):
        presenter.handle(event)
    roots += [presenter.tip_card, presenter.cue_chip, presenter.note_card, presenter.breathing]
    # the cards and the guide themselves are named, so a screen reader says what appeared
    for widget in (presenter.tip_card, presenter.cue_chip, presenter.note_card, presenter.breathing):
        assert widget.accessibleName().strip(), widget.objectName()
    assert presenter.note_card.accessibleDescription().strip(), "the after-call note says what it holds"
    dialog = SettingsDialog(LugnConfig(), devices=lambda: (["Jabra"], None))
    qtbot.addWidget(dialog)
    dialog.show()
    roots.append(dialog)
    for combo in (dialog.mic, dialog.far_end, dialog.language):
        assert combo.accessibleName().strip(), "a settings drop-down without a label"
    kiosk = KioskWindow(lambda _pin: False)
    qtbot.addWidget(kiosk)
    roots.append(kiosk)
    pin = PinDialog(lambda _pin: False)
    qtbot.addWidget(pin)
    roots.append(pin)
    missing = [m for r in roots for m in _unnamed(r)]
    assert missing == []
    assert sum(len(_controls(r)) for r in roots) >= 20


# -- announcements -------------------------------------------------------------------------------------------
class _Recorder:
    """Catches every accessibility update Qt sends (what a screen reader bridge would receive)."""

    def __init__(self) -> None:
        self.events: list[tuple[int, int, str | None]] = []
        lib = a11y._qt_gui_library()
        self._install = lib["_ZN11QAccessible20installUpdateHandlerEPFvP16QAccessibleEventE"]
        self._install.argtypes, self._install.restype = [ctypes.c_void_p], ctypes.c_void_p
        self._handler = ctypes.CFUNCTYPE(None, ctypes.c_void_p)(self._on_event)
        self._old = None

    def _on_event(self, ptr: int) -> None:
        ev = a11y._AnnouncementEvent.from_address(ptr)
        api = a11y._load()
        msg = None
        if api is not None and ev.type == api.announcement:
            msg = ctypes.string_at(ev.message.ptr, ev.message.size * 2).decode("utf-16-le")
        self.events.append((ev.type, ev.object or 0, msg))

    def __enter__(self) -> _Recorder:
        self._old = self._install(ctypes.cast(self._handler, ctypes.c_void_p))
        return self

    def __exit__(self, *exc: Any) -> None:
        self._install(self._old)

    def said(self, widget: QWidget) -> list[str]:
        from PyQt6 import sip

        me = sip.unwrapinstance(widget)
        return [m for _t, obj, m in self.events if m is not None and obj == me]


def test_changes_are_announced_to_assistive_technology(qtbot, presenter, built_catalogues) -> None:
    if not a11y.announcements_available():
        pytest.skip("this Qt has no QAccessibleAnnouncementEvent (Qt < 6.8)")
    i18n.install_translators("sv")
    win = IndicatorWindow()
    qtbot.addWidget(win)
    win.show()
    with _Recorder() as rec:
        win.view.set_view(View(IndicatorState.FRUSTRATED, Trend.RISING))
        win.view.set_view(View(IndicatorState.FRUSTRATED, Trend.RISING))  # no change: said once
        win.view.set_view(View(IndicatorState.PAUSED))
        presenter.handle(TIP)
        presenter.handle(NOTE)
        presenter.handle(OFFER)
    said = rec.said(win.view)
    assert said[0] == "Kundens ton: Frustrerad, ökar" and len(said) == 2
    assert "Pausad" in said[1]
    assert rec.said(presenter.tip_card) == [
        "Tips: Gå vidare till det du kan göra nu. Så här kan jag hjälpa dig redan nu."
    ]
    note = rec.said(presenter.note_card)[0]
    assert note.startswith("Efter samtalet") and "2 min 10 s" in note
    assert rec.said(presenter.breathing)[0].startswith("Vill du ta en kort andningspaus?")
    # Qt's own name-change events come too (the indicator's accessible name follows the state)
    name_changed = 0x800C
    assert any(t == name_changed for t, _o, _m in rec.events)


# -- fonts ---------------------------------------------------------------------------------------------------
def _all_fonts_in_points(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in [root, *root.findChildren(QWidget)]
        if w.font().pixelSize() > 0 or w.font().pointSizeF() <= 0
    ]


def test_fonts_are_points_and_follow_the_os_font(qtbot, presenter) -> None:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    before = qapp.font()
    small = IndicatorWindow()
    qtbot.addWidget(small)
    presenter.handle(TIP)
    assert _all_fonts_in_points(small) == [] and _all_fonts_in_points(presenter.tip_card) == []
    small_title = small.view.title.font().pointSizeF()
    small_card = presenter.tip_card.width()
    big_font = QFont(before)
    big_font.setPointSizeF(before.pointSizeF() * 1.5)
    qapp.setFont(big_font)
    try:
        big = IndicatorWindow()
        qtbot.addWidget(big)
        big.show()
        p2 = CoachingPresenter()
        qtbot.addWidget(p2.panel)
        p2.handle(TIP)
        assert big.view.title.font().pointSizeF() == pytest.approx(1.5 * small_title, rel=0.02)
        assert p2.tip_card.width() == pytest.approx(1.5 * small_card, rel=0.02)
        assert big.width() > small.width() and big.view.overflowing_labels() == []
        screen = big.screen()
        assert screen is not None and screen.availableGeometry().contains(QRect(big.pos(), big.size()))
        p2.close_all()
    finally:
        qapp.setFont(before)
