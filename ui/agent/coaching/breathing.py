"""The breathing overlay: an offer (start, later, skip), then a calm animated guide.

The guide is a circle that grows while you breathe in, rests while you hold and shrinks while you breathe
out, with the phase in words and a countdown; box breathing also draws a square with a dot that travels one
side per phase. Default 60 s at 6 breaths a minute (in 4 s, out 6 s). Windowed or full screen (a dimmed
backdrop). ``phase_at`` is the pure timing rule the painting follows, so tests can check it without a clock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PyQt6.QtCore import QElapsedTimer, QEvent, QPointF, QRectF, Qt, QTimer, pyqtSignal
from PyQt6.QtGui import QColor, QFont, QGuiApplication, QKeySequence, QPainter, QPaintEvent, QPen, QShortcut
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
from ui.agent.coaching import style, texts

PANEL_W, PANEL_H = 440, 520
TICK_MS = 33
DONE_MS = 2500


@dataclass(frozen=True)
class Phase:
    name: str  # "in", "hold_in", "out", "hold_out"
    index: int  # 0..3 within the cycle
    progress: float  # 0..1 through this phase
    left_s: float  # seconds left in this phase
    size: float  # 0 (empty lungs) .. 1 (full): what the circle shows


def phase_at(t_s: float, inhale_s: float, hold_in_s: float, exhale_s: float, hold_out_s: float) -> Phase:
    """Where in the breathing cycle ``t_s`` seconds into the exercise falls."""
    lengths = (inhale_s, hold_in_s, exhale_s, hold_out_s)
    cycle = sum(lengths)
    u = t_s % cycle if cycle > 0 else 0.0
    names = ("in", "hold_in", "out", "hold_out")
    for i, length in enumerate(lengths):
        if length <= 0:
            continue
        if u < length or i == 3:
            prog = min(1.0, u / length)
            ease = 0.5 - 0.5 * math.cos(math.pi * prog)  # gentle start and end of each breath
            size = {0: ease, 1: 1.0, 2: 1.0 - ease, 3: 0.0}[i]
            return Phase(names[i], i, prog, max(0.0, length - u), size)
        u -= length
    return Phase("out", 2, 1.0, 0.0, 0.0)  # only a last phase of length 0 gets here


class BreathingGuide(QWidget):
    """The animated circle (and square for box breathing) with the phase and countdown in its middle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breathingGuide")
        self.setMinimumSize(280, 280)
        self.offer: BreathingOffered | None = None
        self.elapsed_s = 0.0
        self.show_text = True

    def set_state(self, offer: BreathingOffered, elapsed_s: float) -> None:
        self.offer, self.elapsed_s = offer, elapsed_s
        self.update()

    def phase(self) -> Phase:
        o = self.offer
        if o is None:
            return Phase("in", 0, 0.0, 0.0, 0.0)
        return phase_at(self.elapsed_s, o.inhale_s, o.hold_in_s, o.exhale_s, o.hold_out_s)

    def phase_word(self) -> str:
        name = self.phase().name
        return (
            texts.phase_in() if name == "in" else texts.phase_out() if name == "out" else texts.phase_hold()
        )

    def paintEvent(self, _e: QPaintEvent | None) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        c = QPointF(self.width() / 2, self.height() / 2)
        ph = self.phase()
        r_max, r_min = side * 0.44, side * 0.20
        r = r_min + (r_max - r_min) * ph.size
        # the room the breath can fill, then the breath itself with a soft halo
        p.setPen(QPen(QColor(127, 198, 192, 70), 1.5, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(c, r_max, r_max)
        for k, alpha in ((1.10, 28), (1.05, 45)):
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(127, 198, 192, alpha))
            p.drawEllipse(c, r * k, r * k)
        p.setBrush(QColor(63, 138, 124, 235))
        p.setPen(QPen(style.BREATH, 2))
        p.drawEllipse(c, r, r)
        if self.offer is not None and self.offer.pattern is BreathingPattern.BOX:
            self._paint_box(p, c, side * 0.47, ph)
        if not self.show_text:
            p.end()
            return
        # the phase word and the seconds left in it
        p.setPen(style.TEXT)
        f = QFont(self.font())
        f.setPixelSize(max(16, round(side * 0.075)))
        f.setWeight(QFont.Weight.DemiBold)
        p.setFont(f)
        box = QRectF(c.x() - r_max, c.y() - side * 0.12, 2 * r_max, side * 0.12)
        p.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self.phase_word())
        f.setPixelSize(max(14, round(side * 0.065)))
        f.setWeight(QFont.Weight.Normal)
        p.setFont(f)
        p.setPen(QColor(243, 246, 248, 210))
        box = QRectF(c.x() - r_max, c.y() + side * 0.01, 2 * r_max, side * 0.1)
        p.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(math.ceil(ph.left_s)))
        p.end()

    def _paint_box(self, p: QPainter, c: QPointF, half: float, ph: Phase) -> None:
        corners = [
            QPointF(c.x() - half, c.y() + half),  # breathe in: up the left side
            QPointF(c.x() - half, c.y() - half),  # hold: along the top
            QPointF(c.x() + half, c.y() - half),  # breathe out: down the right side
            QPointF(c.x() + half, c.y() + half),  # hold: along the bottom
        ]
        p.setPen(QPen(QColor(127, 198, 192, 90), 1.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(corners[1], corners[3]))
        a, b = corners[ph.index], corners[(ph.index + 1) % 4]
        dot = a + (b - a) * ph.progress
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(style.TEXT)
        p.drawEllipse(dot, 6, 6)


class BreathingOverlay(QWidget):
    """Offer -> guide -> done. ``result`` says how it ended: "taken", "skipped" or "snoozed"."""

    result = pyqtSignal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("breathingOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self.setStyleSheet(style.CARD_QSS)
        self.offer: BreathingOffered | None = None
        self.fullscreen = False
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
        self.panel.setFixedSize(PANEL_W, PANEL_H)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.panel, 0, Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedLayout(self.panel)
        self.pages.addWidget(self._offer_page())
        self.pages.addWidget(self._guide_page())
        self.pages.addWidget(self._done_page())
        self.esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.esc.activated.connect(self._escape)
        self.resize(PANEL_W, PANEL_H)
        self.hide()

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
        b.setMinimumHeight(34)
        return b

    def _offer_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(32, 28, 32, 26)
        lay.setSpacing(12)
        self.title = self._label("breathingTitle", "title")
        self.title.setStyleSheet("font-size: 21px; font-weight: 600;")
        self.reason = self._label("breathingReason", "body")
        self.reason.setStyleSheet(f"color: {style.TEXT_DIM.name()}; font-size: 14px;")
        self.preview = BreathingGuide()  # a still picture of what comes: no words, no countdown
        self.preview.show_text = False
        self.preview.setMinimumSize(160, 160)
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
        prow.setSpacing(8)
        prow.addWidget(self.paced, 1)
        prow.addWidget(self.box, 1)
        self.start = self._button("start", "primary")
        self.later = self._button("later")
        self.skip = self._button("skip")
        self.start.clicked.connect(self.start_guide)
        self.later.clicked.connect(lambda: self._finish("snoozed"))
        self.skip.clicked.connect(lambda: self._finish("skipped"))
        brow = QHBoxLayout()
        brow.setSpacing(8)
        brow.addWidget(self.skip, 1)
        brow.addWidget(self.later, 1)
        brow.addWidget(self.start, 2)
        lay.addWidget(self.title)
        lay.addWidget(self.reason)
        lay.addWidget(self.preview, 1)
        lay.addLayout(prow)
        lay.addSpacing(4)
        lay.addLayout(brow)
        return page

    def _guide_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(28, 24, 28, 24)
        lay.setSpacing(10)
        self.guide = BreathingGuide()
        self.left = self._label("timeLeft", "dim", wrap=False)
        self.full = self._button("fullScreen")
        self.full.setCheckable(True)
        self.full.toggled.connect(self.set_fullscreen)
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
        lay.setContentsMargins(36, 36, 36, 36)
        self.done = self._label("breathingDone", "title")
        self.done.setStyleSheet("font-size: 19px; font-weight: 600;")
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
        self.raise_()

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
        self.fullscreen = on
        if self.full.isChecked() != on:
            self.full.setChecked(on)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if on and screen is not None:
            self.setGeometry(screen.geometry())
        else:
            self.resize(PANEL_W, PANEL_H)
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
        p.setBrush(QColor("#172229"))
        p.drawRoundedRect(pr.adjusted(0.5, 0.5, -0.5, -0.5), 18, 18)
        p.end()
