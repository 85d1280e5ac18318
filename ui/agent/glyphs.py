"""The indicator's painted marks: the state shape or trend arrow, and the round pause / resume / breathe
buttons. Painted, not drawn from fonts or icon themes, so they look the same on every seat and scale with the
indicator (compact or kiosk)."""

from __future__ import annotations

from PyQt6.QtCore import QPointF, QRectF, Qt
from PyQt6.QtGui import QColor, QFocusEvent, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PyQt6.QtWidgets import QToolButton, QWidget

from device.events import Trend
from ui.agent import look
from ui.agent.state import IndicatorState


class Glyph(QWidget):
    """A painted shape (state) or arrow (trend)."""

    def __init__(self, size_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(size_px, size_px)
        self.state = IndicatorState.NO_CALL
        self.trend: Trend | None = None
        self.colour = look.TEXT_DIM

    def paintEvent(self, _e: QPaintEvent | None) -> None:
        p = QPainter(self)
        r = QRectF(self.rect())
        if self.trend is None:
            look.paint_state_shape(p, r, self.state)
        else:
            look.paint_trend_arrow(p, r, self.trend, self.colour)
        p.end()


class IconButton(QToolButton):
    """A small round button with a painted mark: pause / resume, or breathe."""

    def __init__(self, kind: str, size_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind  # "pause", "resume" or "breathe"
        self.setFixedSize(size_px, size_px)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoRaise(True)
        self._keyboard_focus = False  # show a focus ring only when the keyboard put the focus here

    def focusInEvent(self, e: QFocusEvent | None) -> None:
        keyboard = (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        )
        self._keyboard_focus = e is not None and e.reason() in keyboard
        super().focusInEvent(e)

    def focusOutEvent(self, e: QFocusEvent | None) -> None:
        self._keyboard_focus = False
        super().focusOutEvent(e)

    def paintEvent(self, _e: QPaintEvent | None) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        hover = self.underMouse() or self._keyboard_focus
        p.setPen(QPen(look.TEXT_DIM if hover else look.BORDER, 1.2))
        p.setBrush(QColor("#2a3943") if hover else QColor("#24323b"))
        p.drawEllipse(r)
        c, u = r.center(), r.width() / 2
        pen = QPen(look.TEXT, max(1.6, u / 5), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        if self.kind == "pause":
            for dx in (-0.2, 0.2):
                p.drawLine(c + QPointF(dx * u, -0.32 * u), c + QPointF(dx * u, 0.32 * u))
        elif self.kind == "resume":
            p.setBrush(look.TEXT)
            p.setPen(
                QPen(
                    look.TEXT,
                    max(1.0, u / 10),
                    Qt.PenStyle.SolidLine,
                    Qt.PenCapStyle.RoundCap,
                    Qt.PenJoinStyle.RoundJoin,
                )
            )
            tri = [c + QPointF(-0.22 * u, -0.36 * u), c + QPointF(0.38 * u, 0)]
            tri.append(c + QPointF(-0.22 * u, 0.36 * u))
            p.drawPolygon(QPolygonF(tri))
        else:  # breathe: three strokes of air, each curling at its end
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(look.TEXT, max(1.3, u / 9), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            for dy, length, curl in ((-0.3, 0.55, 0.16), (0.02, 0.8, 0.0), (0.32, 0.45, -0.14)):
                path = QPainterPath()
                x0, y = c.x() - 0.42 * u, c.y() + dy * u
                path.moveTo(x0, y)
                x1 = x0 + length * u
                path.lineTo(x1, y)
                if curl:
                    rc = abs(curl) * u
                    sign = 1 if curl > 0 else -1
                    path.arcTo(
                        QRectF(x1 - rc, y - (2 * rc if sign > 0 else 0), 2 * rc, 2 * rc),
                        -90 * sign,
                        270 * sign,
                    )
                p.drawPath(path)
        p.end()
