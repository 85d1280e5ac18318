"""The indicator in every state and language: screenshots, no overflow, words + shape (not colour alone)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PyQt6.QtGui import QImage

from device.events import Trend
from ui import i18n
from ui.agent import look
from ui.agent.indicator import IndicatorWindow
from ui.agent.state import IndicatorState, View

ENGLISH_TITLES = {
    IndicatorState.NO_CALL: "No call",
    IndicatorState.LISTENING: "Listening",
    IndicatorState.PAUSED: "Paused",
    IndicatorState.UNAVAILABLE: "No analysis",
    IndicatorState.DEVICE_LOST: "Headset lost",
    IndicatorState.CALM: "Calm",
    IndicatorState.UNEASY: "Uneasy",
    IndicatorState.FRUSTRATED: "Frustrated",
    IndicatorState.WAITING_NOTICE: "Notice first",
    IndicatorState.WAITING_IVR: "Waiting for IVR",
    IndicatorState.DECLINED: "Declined",
    IndicatorState.TONE_OFF: "Tone off",
}


def _trend_for(state: IndicatorState) -> Trend:
    return {IndicatorState.CALM: Trend.FALLING, IndicatorState.UNEASY: Trend.STEADY}.get(state, Trend.RISING)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_state_in_every_language(
    qtbot, qsettings, built_catalogues, ui_artifacts: Path, lang: str
) -> None:
    assert i18n.install_translators(lang) == lang
    win = IndicatorWindow(qsettings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    out = ui_artifacts / "indicator" / lang
    out.mkdir(parents=True, exist_ok=True)
    titles = set()
    width = win.width()
    # ... and back from a tone state to a plain one, where the detail line gets long again
    for state in [*IndicatorState, IndicatorState.NO_CALL]:
        view = View(state, _trend_for(state))
        win.view.set_view(view)
        win.view.set_paused(state is IndicatorState.PAUSED)
        # no event processing here: the view must be laid out the moment its state changes (the demo grabs
        # the window right then)
        assert win.view.overflowing_labels() == [], f"{lang}/{state}: text does not fit"
        assert win.width() == width, "the indicator must not change size between states"
        title = win.view.title.text()
        titles.add(title)
        assert title and win.view.detail.text()
        if lang == "en":
            assert title == ENGLISH_TITLES[state]
        else:
            assert title != ENGLISH_TITLES[state], "untranslated state word"
        assert win.view.trend.isVisibleTo(win.view) is state.is_tone
        # Accessible names: the whole view reads as a sentence, the buttons say what they do.
        assert title in win.view.accessibleName()
        assert win.view.pause_button.accessibleName()
        assert win.view.breathe_button.accessibleName()
        if state.is_tone:
            assert look.trend_word(view.trend) in win.view.accessibleName()
        path = out / f"{list(IndicatorState).index(state) + 1}_{state.value}.png"
        assert win.grab().save(str(path))
        assert path.stat().st_size > 1000
    assert len(titles) == len(IndicatorState), "every state needs its own word"


def _gray_shape(state: IndicatorState) -> QImage:
    img = look.state_icon(state, 48).pixmap(48, 48).toImage()
    return img.convertToFormat(QImage.Format.Format_Grayscale8)


def test_states_differ_without_colour(qapp) -> None:
    """Colour-blind check: the shapes alone (in grey) tell every state apart."""
    shapes = {s: _gray_shape(s) for s in IndicatorState}
    for a in IndicatorState:
        for b in IndicatorState:
            if a.value < b.value:
                assert shapes[a] != shapes[b], f"{a} and {b} look the same in grey"
    # the three tone states must differ in outline alone (alpha mask), not just in fill colour
    masks = {
        s: look.state_icon(s, 48).pixmap(48, 48).toImage().convertToFormat(QImage.Format.Format_Alpha8)
        for s in (IndicatorState.CALM, IndicatorState.UNEASY, IndicatorState.FRUSTRATED)
    }
    assert len({m.constBits().asstring(m.sizeInBytes()) for m in masks.values()}) == 3


def test_position_is_remembered(qtbot, qsettings) -> None:
    win = IndicatorWindow(qsettings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.move(120, 90)
    win.save_position()
    again = IndicatorWindow(qsettings)
    qtbot.addWidget(again)
    assert (again.pos().x(), again.pos().y()) == (120, 90)


def test_window_is_compact_frameless_and_on_top(qtbot, qsettings) -> None:
    from PyQt6.QtCore import Qt

    win = IndicatorWindow(qsettings)
    qtbot.addWidget(win)
    flags = win.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert win.sizeHint().height() <= 80 and win.sizeHint().width() <= 440
