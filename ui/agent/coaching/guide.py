"""The animated breathing guide: a circle that grows while you breathe in, rests while you hold and shrinks
while you breathe out, with the phase in words and a countdown; box breathing also draws a square with a dot
that travels one side per phase. ``phase_at`` is the pure timing rule the painting follows, so tests can check
it without a clock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PyQt6.QtCore import QPointF, QRectF, Qt
from PyQt6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PyQt6.QtWidgets import QWidget

from device.coach.events import BreathingOffered, BreathingPattern
from ui.agent import look
from ui.agent.coaching import style, texts


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

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.setObjectName("breathingGuide")
        self.scale = scale
        self.setMinimumSize(round(280 * scale), round(280 * scale))
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
        if self.show_text and self.offer is not None and self.offer.duration_s > 0:
            # how much of the exercise is done: a thin arc on the outer ring, clockwise from the top
            done = min(1.0, self.elapsed_s / self.offer.duration_s)
            p.setPen(QPen(QColor(127, 198, 192, 200), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            ring = QRectF(c.x() - r_max, c.y() - r_max, 2 * r_max, 2 * r_max)
            p.drawArc(ring, 90 * 16, -round(done * 360 * 16))
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
        # in points, as large as the circle allows but never below the OS font size
        to_pt = 72.0 / max(1.0, self.logicalDpiY())
        f.setPointSizeF(max(look.font_pt(1.3), side * 0.075 * to_pt))
        f.setWeight(QFont.Weight.DemiBold)
        p.setFont(f)
        box = QRectF(c.x() - r_max, c.y() - side * 0.12, 2 * r_max, side * 0.12)
        p.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self.phase_word())
        f.setPointSizeF(max(look.font_pt(1.15), side * 0.065 * to_pt))
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
        p.drawEllipse(dot, 6 * self.scale, 6 * self.scale)
