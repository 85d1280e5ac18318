"""The breathing overlay: an offer (start, later, skip), then a calm animated guide.

Default 60 s at 6 breaths a minute (in 4 s, out 6 s), or box breathing 4-4-4-4; windowed or full screen (a
dimmed backdrop). The guide itself is ``ui.agent.coaching.guide``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PyQt6.QtCore import QElapsedTimer, QEvent, QPoint, QRect, QRectF, Qt, QTimer, pyqtSignal
from PyQt6.QtGui import QColor, QGuiApplication, QKeySequence, QPainter, QPaintEvent, QPen, QShortcut
from PyQt6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from device.coach.events import BreathingOffered, BreathingPattern, BreathingReason
from ui.agent import a11y, look
from ui.agent.coaching import style, texts
from ui.agent.coaching.guide import BreathingGuide
from ui.agent.placement import place_clear_of

PANEL_W, PANEL_H = 440, 520
TICK_MS = 33
DONE_MS = 2500


class BreathingOverlay(QWidget):
    """Offer -> guide -> done. ``result`` says how it ended: "taken", "skipped" or "snoozed".

    On a desk it is its own window that never takes the keyboard: the offer comes at the end of a call, when
    the agent types wrap-up notes into another application, and a click on Start must not move the focus
    either. ``embedded`` (kiosk) makes it a child widget that covers its parent, enlarged by ``scale``.
    """

    result = pyqtSignal(str)

    def __init__(self, parent: QWidget | None = None, *, scale: float = 1.0, embedded: bool = False) -> None:
        super().__init__(parent, Qt.WindowType.Widget if embedded else look.NO_FOCUS_WINDOW)
        self.setObjectName("breathingOverlay")
        self.embedded = embedded
        self.scale = scale
        self.g = g = scale * look.ui_scale()
        self.panel_w, self.panel_h = round(PANEL_W * g), round(PANEL_H * g)
        if not embedded:
            self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
            self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setStyleSheet(style.card_qss(scale))
        self.offer: BreathingOffered | None = None
        self.fullscreen = False
        # what the windowed offer must not cover: the indicator and its cards (set by the presenter)
        self.keep_clear: Callable[[], QRect | None] | None = None
        self.elapsed_s = 0.0
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._done_timer = QTimer(self)
        self._done_timer.setSingleShot(True)
        self._done_timer.timeout.connect(lambda: self._finish("taken"))

        self.panel = QFrame(self)
        self.panel.setObjectName("breathingPanel")
        self.panel.setFixedSize(self.panel_w, self.panel_h)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.panel, 0, Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedLayout(self.panel)
        self.pages.addWidget(self._offer_page())
        self.pages.addWidget(self._guide_page())
        self.pages.addWidget(self._done_page())
        self.esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.esc.activated.connect(self._escape)
        self.resize(self.panel_w, self.panel_h)
        self.hide()

    def px(self, v: float) -> int:
        return round(v * self.g)

    # -- pages ------------------------------------------------------------------------------------------
    def _label(self, name: str, role: str, wrap: bool = True) -> QLabel:
        lab = QLabel()
        lab.setObjectName(name)
        lab.setProperty("role", role)
        lab.setWordWrap(wrap)
        lab.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        return lab

    def _button(self, name: str, role: str = "") -> QPushButton:
        b = QPushButton()
        b.setObjectName(name)
        if role:
            b.setProperty("role", role)
        b.setCursor(Qt.CursorShape.PointingHandCursor)
        b.setMinimumHeight(self.px(34))
        if not self.embedded:
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return b

    def _offer_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(self.px(32), self.px(28), self.px(32), self.px(26))
        lay.setSpacing(self.px(12))
        self.title = self._label("breathingTitle", "title")
        self.title.setStyleSheet(f"font-size: {look.font_pt(1.75, self.scale)}pt; font-weight: 600;")
        self.reason = self._label("breathingReason", "body")
        self.reason.setStyleSheet(
            f"color: {style.TEXT_DIM.name()}; font-size: {look.font_pt(1.17, self.scale)}pt;"
        )
        self.preview = BreathingGuide(scale=self.g)  # a still picture of what comes: no words, no countdown
        self.preview.show_text = False
        self.preview.setMinimumSize(self.px(160), self.px(160))
        self.paced = self._button("patternPaced")
        self.box = self._button("patternBox")
        for b in (self.paced, self.box):
            b.setCheckable(True)
        self.patterns = QButtonGroup(page)
        self.patterns.setExclusive(True)
        self.patterns.addButton(self.paced)
        self.patterns.addButton(self.box)
        self.patterns.buttonClicked.connect(lambda _b: self._pattern_changed())
        prow = QHBoxLayout()
        prow.setSpacing(self.px(8))
        prow.addWidget(self.paced, 1)
        prow.addWidget(self.box, 1)
        self.start = self._button("start", "primary")
        self.later = self._button("later")
        self.skip = self._button("skip")
        self.start.clicked.connect(self.start_guide)
        self.later.clicked.connect(lambda: self._finish("snoozed"))
        self.skip.clicked.connect(lambda: self._finish("skipped"))
        brow = QHBoxLayout()
        brow.setSpacing(self.px(8))
        brow.addWidget(self.skip, 1)
        brow.addWidget(self.later, 1)
        brow.addWidget(self.start, 2)
        lay.addWidget(self.title)
        lay.addWidget(self.reason)
        lay.addWidget(self.preview, 1)
        lay.addLayout(prow)
        lay.addSpacing(self.px(4))
        lay.addLayout(brow)
        return page

    def _guide_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(self.px(28), self.px(24), self.px(28), self.px(24))
        lay.setSpacing(self.px(10))
        self.guide = BreathingGuide(scale=self.g)
        self.left = self._label("timeLeft", "dim", wrap=False)
        self.full = self._button("fullScreen")
        self.full.setCheckable(True)
        self.full.toggled.connect(self.set_fullscreen)
        self.full.setVisible(not self.embedded)  # in a kiosk it fills the kiosk already
        self.stop = self._button("stop")
        self.stop.clicked.connect(self._stop)
        row = QHBoxLayout()
        row.addWidget(self.full, 1)
        row.addWidget(self.stop, 1)
        lay.addWidget(self.guide, 1)
        lay.addWidget(self.left)
        lay.addLayout(row)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(self.px(36), self.px(36), self.px(36), self.px(36))
        self.done = self._label("breathingDone", "title")
        self.done.setStyleSheet(f"font-size: {look.font_pt(1.58, self.scale)}pt; font-weight: 600;")
        lay.addStretch(1)
        lay.addWidget(self.done)
        lay.addStretch(1)
        return page

    # -- flow -------------------------------------------------------------------------------------------
    def offer_breathing(self, offer: BreathingOffered, fullscreen: bool = False) -> None:
        """Show the offer. A new offer replaces the one on screen."""
        self._tick.stop()
        self._done_timer.stop()
        self.offer = offer
        self.elapsed_s = 0.0
        (self.box if offer.pattern is BreathingPattern.BOX else self.paced).setChecked(True)
        self.later.setVisible(offer.can_snooze)
        self.pages.setCurrentIndex(0)
        self.preview.set_state(offer, offer.inhale_s * 0.6)
        self.retranslate()
        self.set_fullscreen(fullscreen)
        self.show()
        self.raise_()  # stacking only: it does not take the keyboard (see the class docstring)
        page = self.pages.currentWidget()
        for lay in (self.layout(), page.layout() if page is not None else None):
            if lay is not None:  # laid out now, not on the next event-loop turn (a grab right after)
                lay.activate()
        a11y.announce(self, f"{self.title.text()} {self.reason.text()}")

    def start_guide(self) -> None:
        if self.offer is None:
            return
        self.pages.setCurrentIndex(1)
        self.elapsed_s = 0.0
        self._clock.start()
        self._tick.start()
        self.stop.setFocus()
        self._render()

    def set_elapsed(self, elapsed_s: float) -> None:
        """Show the guide at a given moment (screenshots, tests); stops the clock."""
        self._tick.stop()
        self.pages.setCurrentIndex(1)
        self.elapsed_s = elapsed_s
        self._render()

    def set_fullscreen(self, on: bool) -> None:
        if self.embedded:  # a child of the kiosk: it covers the kiosk whatever is asked
            self.fullscreen = True
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
            self.update()
            return
        self.fullscreen = on
        if self.full.isChecked() != on:
            self.full.setChecked(on)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if on and screen is not None:
            self.setGeometry(screen.geometry())
        else:
            self.resize(self.panel_w, self.panel_h)
            if screen is not None:  # centred on its screen, clear of the indicator, never outside the screen
                area = screen.availableGeometry()
                avoid = self.keep_clear() if self.keep_clear is not None else None
                pos = place_clear_of(self.panel_w, self.panel_h, avoid, area) if avoid is not None else None
                self.move(
                    pos
                    or QPoint(
                        area.center().x() - self.panel_w // 2,
                        max(area.top(), area.center().y() - self.panel_h // 2),
                    )
                )
        self.update()

    def _pattern_changed(self) -> None:
        o = self.offer
        if o is None:
            return
        box = self.box.isChecked()
        phases = (4.0, 4.0, 4.0, 4.0) if box else (4.0, 0.0, 6.0, 0.0)
        if (o.pattern is BreathingPattern.BOX) == box:
            return
        self.offer = BreathingOffered(
            t_s=o.t_s,
            reason=o.reason,
            pattern=BreathingPattern.BOX if box else BreathingPattern.PACED,
            duration_s=o.duration_s,
            inhale_s=phases[0],
            hold_in_s=phases[1],
            exhale_s=phases[2],
            hold_out_s=phases[3],
            can_snooze=o.can_snooze,
        )
        self.preview.set_state(self.offer, self.offer.inhale_s * 0.6)

    def _on_tick(self) -> None:
        self.elapsed_s = self._clock.elapsed() / 1000.0
        self._render()

    def _render(self) -> None:
        o = self.offer
        if o is None:
            return
        if self.elapsed_s >= o.duration_s:
            self._tick.stop()
            self.pages.setCurrentIndex(2)
            self._done_timer.start(DONE_MS)
            return
        self.guide.set_state(o, self.elapsed_s)
        left = max(0, math.ceil(o.duration_s - self.elapsed_s))
        self.left.setText(texts.time_left(f"{left // 60}:{left % 60:02d}"))

    def _stop(self) -> None:
        o = self.offer
        self._finish("taken" if o is not None and self.elapsed_s >= o.cycle_s else "skipped")

    def escape(self) -> None:
        """Esc, or the global "dismiss" shortcut: skip the offer, or stop the guide."""
        self._escape()

    def _escape(self) -> None:
        if self.pages.currentIndex() == 0:
            self._finish("skipped")
        else:
            self._stop()

    def _finish(self, outcome: str) -> None:
        self._tick.stop()
        self._done_timer.stop()
        if self.offer is None:
            return
        self.offer = None
        self.hide()
        self.result.emit(outcome)

    def withdraw(self) -> None:
        """The coach withdrew an unanswered offer (a call started): close without an answer."""
        if self.pages.currentIndex() == 0:
            self._tick.stop()
            self.offer = None
            self.hide()

    # -- text and paint ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(texts.breathing_title())
        reason = self.offer.reason if self.offer is not None else BreathingReason.REQUESTED
        self.reason.setText(texts.breathing_reason(reason))
        self.paced.setText(texts.pattern_paced())
        self.box.setText(texts.pattern_box())
        self.start.setText(texts.breathing_start())
        self.later.setText(texts.breathing_later())
        self.skip.setText(texts.breathing_skip())
        self.full.setText(texts.breathing_fullscreen())
        self.stop.setText(texts.breathing_stop())
        self.done.setText(texts.breathing_done())
        self.setAccessibleName(texts.breathing_title())
        self.setAccessibleDescription(self.reason.text())
        self._render()

    def changeEvent(self, e: QEvent | None) -> None:
        if e is not None and e.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(e)

    def paintEvent(self, _e: QPaintEvent | None) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.fullscreen:
            p.fillRect(self.rect(), QColor(10, 16, 20, 235))
        pr = QRectF(self.panel.geometry())
        p.setPen(QPen(style.BORDER, 1))
        p.setBrush(style.PANEL_BG)
        p.drawRoundedRect(pr.adjusted(0.5, 0.5, -0.5, -0.5), 18 * self.g, 18 * self.g)
        p.end()
