"""Colours, shapes and state texts. Tone is shown as words + colour + shape, never colour alone.

calm = circle, uneasy = triangle, frustrated = octagon; the neutral states are grey outlines with their own
mark, so a glance (or a colour-blind eye) tells them apart. Colours are muted on purpose: the agent is under
stress, the indicator must inform, not alarm.
"""

from __future__ import annotations

import math

from PyQt6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PyQt6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)

from device.events import Trend
from ui.agent.state import IndicatorState

BACKGROUND = QColor("#1d2830")
BORDER = QColor("#34454f")
TEXT = QColor("#f3f6f8")
TEXT_DIM = QColor("#b9c6ce")
NEUTRAL = QColor("#93a4b0")
LISTEN = QColor("#8fb8d8")

STATE_COLOUR = {
    IndicatorState.CALM: QColor("#4cb38a"),
    IndicatorState.UNEASY: QColor("#e3b341"),
    IndicatorState.FRUSTRATED: QColor("#e8735a"),
    IndicatorState.NO_CALL: NEUTRAL,
    IndicatorState.LISTENING: LISTEN,
    IndicatorState.PAUSED: NEUTRAL,
    IndicatorState.UNAVAILABLE: NEUTRAL,
    IndicatorState.DEVICE_LOST: QColor("#d9a35b"),
    IndicatorState.WAITING_NOTICE: LISTEN,
    IndicatorState.WAITING_IVR: NEUTRAL,
    IndicatorState.DECLINED: NEUTRAL,
    IndicatorState.TONE_OFF: NEUTRAL,
}


# Fonts follow the OS: sizes are in points, as multiples of the system font (designed at 9 pt on 96 dpi, i.e.
# 12 px). Geometry that must grow with the text (widths, glyphs, buttons) uses ``ui_scale()``.
REFERENCE_FONT_PX = 12.0


def system_font() -> QFont:
    app = QGuiApplication.instance()
    return QGuiApplication.font() if app is not None else QFont()


def system_pt() -> float:
    """The OS font size in points (9 pt when the platform does not say)."""
    f = system_font()
    return f.pointSizeF() if f.pointSizeF() > 0 else 9.0


def ui_scale() -> float:
    """How much larger than the design size the OS font is (OS font size and logical DPI), in [0.8, 3]."""
    screen = QGuiApplication.primaryScreen() if QGuiApplication.instance() is not None else None
    dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
    f = system_font()
    px = f.pointSizeF() * dpi / 72.0 if f.pointSizeF() > 0 else float(max(1, f.pixelSize()))
    return max(0.8, min(3.0, px / REFERENCE_FONT_PX))


def font_pt(relative: float, scale: float = 1.0) -> float:
    """A font size in points: ``relative`` times the OS font size, times ``scale`` (kiosk)."""
    return round(system_pt() * relative * scale, 2)


# Lugn's own windows (indicator, coaching panel, breathing guide) never take the keyboard: a tool window (no
# taskbar entry, no activation by the window manager) that does not accept focus. Shown with
# WA_ShowWithoutActivating as well.
NO_FOCUS_WINDOW = (
    Qt.WindowType.Tool
    | Qt.WindowType.FramelessWindowHint
    | Qt.WindowType.WindowStaysOnTopHint
    | Qt.WindowType.WindowDoesNotAcceptFocus
)

_ROUND = (Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)


def state_title(state: IndicatorState) -> str:
    """The big word on the indicator."""
    return {
        IndicatorState.NO_CALL: QCoreApplication.translate("Indicator", "No call"),
        IndicatorState.LISTENING: QCoreApplication.translate("Indicator", "Listening"),
        IndicatorState.PAUSED: QCoreApplication.translate("Indicator", "Paused"),
        IndicatorState.UNAVAILABLE: QCoreApplication.translate("Indicator", "No analysis"),
        IndicatorState.DEVICE_LOST: QCoreApplication.translate("Indicator", "Headset lost"),
        IndicatorState.CALM: QCoreApplication.translate("Indicator", "Calm"),
        IndicatorState.UNEASY: QCoreApplication.translate("Indicator", "Uneasy"),
        IndicatorState.FRUSTRATED: QCoreApplication.translate("Indicator", "Frustrated"),
        IndicatorState.WAITING_NOTICE: QCoreApplication.translate("Indicator", "Notice first"),
        IndicatorState.WAITING_IVR: QCoreApplication.translate("Indicator", "Waiting for IVR"),
        IndicatorState.DECLINED: QCoreApplication.translate("Indicator", "Declined"),
        IndicatorState.TONE_OFF: QCoreApplication.translate("Indicator", "Tone off"),
    }[state]


def state_detail(state: IndicatorState) -> str:
    """The small line under the word."""
    if state.is_tone:
        return QCoreApplication.translate("Indicator", "Customer tone")
    return {
        IndicatorState.NO_CALL: QCoreApplication.translate("Indicator", "Waiting for a call"),
        IndicatorState.LISTENING: QCoreApplication.translate("Indicator", "Listening to the customer"),
        IndicatorState.PAUSED: QCoreApplication.translate("Indicator", "Analysis is paused"),
        IndicatorState.UNAVAILABLE: QCoreApplication.translate("Indicator", "Tone analysis is unavailable"),
        IndicatorState.DEVICE_LOST: QCoreApplication.translate("Indicator", "Check the headset connection"),
        IndicatorState.WAITING_NOTICE: QCoreApplication.translate(
            "Indicator", "No analysis before the notice"
        ),
        IndicatorState.WAITING_IVR: QCoreApplication.translate("Indicator", "The IVR tells the caller first"),
        IndicatorState.DECLINED: QCoreApplication.translate("Indicator", "Caller declined: no analysis"),
        IndicatorState.TONE_OFF: QCoreApplication.translate("Indicator", "Switched off for this site"),
    }[state]


def trend_word(trend: Trend) -> str:
    return {
        Trend.RISING: QCoreApplication.translate("Indicator", "rising"),
        Trend.STEADY: QCoreApplication.translate("Indicator", "steady"),
        Trend.FALLING: QCoreApplication.translate("Indicator", "easing"),
    }[trend]


def _regular_polygon(rect: QRectF, sides: int, rotation_deg: float) -> QPolygonF:
    cx, cy = rect.center().x(), rect.center().y()
    r = min(rect.width(), rect.height()) / 2
    pts = []
    for i in range(sides):
        a = math.radians(rotation_deg + i * 360 / sides)
        pts.append(QPointF(cx + r * math.cos(a), cy + r * math.sin(a)))
    return QPolygonF(pts)


def paint_state_shape(p: QPainter, rect: QRectF, state: IndicatorState) -> None:
    """Paint the state's shape into ``rect`` (square); scales to any size (tray, compact, kiosk)."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = min(rect.width(), rect.height())
    r = QRectF(rect.center().x() - s / 2, rect.center().y() - s / 2, s, s)
    colour = STATE_COLOUR[state]
    line = max(1.5, s / 14)
    inner = r.adjusted(line, line, -line, -line)
    if state is IndicatorState.CALM:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(r.adjusted(s * 0.04, s * 0.04, -s * 0.04, -s * 0.04))
    elif state is IndicatorState.UNEASY:
        tri = QRectF(r.x(), r.y() + s * 0.06, s, s)  # a triangle's centroid sits low: nudge it down
        poly = _regular_polygon(tri, 3, -90)
        p.setPen(QPen(colour, line, *_ROUND))
        p.setBrush(colour)
        p.drawPolygon(poly)
    elif state is IndicatorState.FRUSTRATED:
        p.setPen(QPen(colour, line * 0.6, *_ROUND))
        p.setBrush(colour)
        p.drawPolygon(_regular_polygon(r.adjusted(s * 0.03, s * 0.03, -s * 0.03, -s * 0.03), 8, 22.5))
    else:
        pen = QPen(colour, line)
        if state is IndicatorState.DEVICE_LOST:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(inner)
        c = inner.center()
        u = inner.width() / 2
        if state is IndicatorState.LISTENING:  # three bars, like a quiet level meter
            p.setPen(QPen(colour, line, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            for dx, h in ((-0.38, 0.22), (0.0, 0.42), (0.38, 0.3)):
                x = c.x() + dx * u
                p.drawLine(QPointF(x, c.y() - h * u), QPointF(x, c.y() + h * u))
        elif state is IndicatorState.PAUSED:
            p.setPen(QPen(colour, line * 1.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            for dx in (-0.22, 0.22):
                x = c.x() + dx * u
                p.drawLine(QPointF(x, c.y() - 0.36 * u), QPointF(x, c.y() + 0.36 * u))
        elif state is IndicatorState.UNAVAILABLE:
            d = u * 0.7071
            p.drawLine(QPointF(c.x() - d, c.y() + d), QPointF(c.x() + d, c.y() - d))
        elif state is IndicatorState.DEVICE_LOST:
            p.setPen(QPen(colour, line * 1.3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.drawLine(QPointF(c.x(), c.y() - 0.42 * u), QPointF(c.x(), c.y() + 0.12 * u))
            p.drawPoint(QPointF(c.x(), c.y() + 0.42 * u))
        elif state in (IndicatorState.WAITING_NOTICE, IndicatorState.WAITING_IVR):  # "i": caller first
            p.setPen(QPen(colour, line * 1.3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.drawPoint(QPointF(c.x(), c.y() - 0.42 * u))
            p.drawLine(QPointF(c.x(), c.y() - 0.1 * u), QPointF(c.x(), c.y() + 0.42 * u))
        elif state is IndicatorState.DECLINED:  # a bar: stopped for this call
            p.setPen(QPen(colour, line * 1.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.drawLine(QPointF(c.x() - 0.45 * u, c.y()), QPointF(c.x() + 0.45 * u, c.y()))
        elif state is IndicatorState.TONE_OFF:  # a cross: switched off
            d = u * 0.45
            p.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d))
            p.drawLine(QPointF(c.x() - d, c.y() + d), QPointF(c.x() + d, c.y() - d))
        # NO_CALL: the empty ring says it all.
    p.restore()


def paint_trend_arrow(p: QPainter, rect: QRectF, trend: Trend, colour: QColor) -> None:
    """An arrow pointing up (rising), right (steady) or down (easing)."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = min(rect.width(), rect.height())
    c = rect.center()
    angle = {Trend.RISING: -90.0, Trend.STEADY: 0.0, Trend.FALLING: 90.0}[trend]
    p.translate(c)
    p.rotate(angle)
    h = s * 0.42
    path = QPainterPath()
    path.moveTo(-h, 0)
    path.lineTo(h * 0.9, 0)
    path.moveTo(h * 0.25, -h * 0.62)
    path.lineTo(h, 0)
    path.lineTo(h * 0.25, h * 0.62)
    p.setPen(QPen(colour, max(1.5, s / 8), *_ROUND))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    p.restore()


def state_icon(state: IndicatorState, size: int = 64) -> QIcon:
    """An icon of the state's shape (for the tray and the window icon)."""
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    paint_state_shape(p, QRectF(2, 2, size - 4, size - 4), state)
    p.end()
    return QIcon(pm)
