"""Look of the coaching widgets: the indicator's calm dark palette, one soft accent each, no alarm colours.

``overflowing`` lists text that does not fit its widget (used by the pseudo-locale test).
"""

from __future__ import annotations

from PyQt6.QtCore import QPointF, QRectF, Qt
from PyQt6.QtGui import QColor, QPainter, QPainterPath, QPen
from PyQt6.QtWidgets import QAbstractButton, QLabel, QWidget

from ui.agent import look

BACKGROUND = QColor("#1d2830")
BORDER = QColor("#34454f")
TEXT = QColor("#f3f6f8")
TEXT_DIM = QColor("#b9c6ce")
TIP = QColor("#6fbfa8")  # soft sea green: a suggestion
CUE = QColor("#8fb8d8")  # soft blue: a fact about your own delivery
BREATH = QColor("#7fc6c0")
NOTE = QColor("#a9b8c4")
BUTTON_BG = QColor("#2a3a44")
PRIMARY_BG = QColor("#2f6d62")
CHECKED_BG = QColor("#34505c")
PANEL_BG = QColor("#172229")  # the breathing guide's panel

# at the design font size; cards grow with the OS font (look.ui_scale) and the kiosk scale
CARD_WIDTH_PX = 360
# Font sizes as multiples of the OS font (points, so they follow the OS font size setting).
TITLE_REL, BODY_REL, EXAMPLE_REL, SMALL_REL, BUTTON_REL = 1.25, 1.0, 1.08, 1.0, 1.08


def card_qss(scale: float = 1.0) -> str:
    """The cards' and the breathing guide's style sheet, fonts in points (``scale``: the kiosk's
    enlargement)."""

    def pt(rel: float) -> str:
        return f"{look.font_pt(rel, scale)}pt"

    g = scale * look.ui_scale()
    return f"""
QLabel {{ color: {TEXT.name()}; background: transparent; font-size: {pt(BODY_REL)}; }}
QLabel[role="dim"] {{ color: {TEXT_DIM.name()}; font-size: {pt(SMALL_REL)}; }}
QLabel[role="title"] {{ font-size: {pt(TITLE_REL)}; font-weight: 600; }}
QLabel[role="example"] {{ color: {TEXT_DIM.name()}; font-size: {pt(EXAMPLE_REL)}; font-style: italic; }}
QPushButton {{
  color: {TEXT.name()}; background: {BUTTON_BG.name()}; border: 1px solid {BORDER.name()};
  border-radius: {round(8 * g)}px; padding: {round(6 * g)}px {round(14 * g)}px; font-size: {pt(BUTTON_REL)};
}}
QPushButton:hover {{ background: #324652; }}
QPushButton:focus {{ border-color: {CUE.name()}; }}
QPushButton[role="primary"] {{ background: {PRIMARY_BG.name()}; border-color: #3f8a7c; font-weight: 600; }}
QPushButton[role="primary"]:hover {{ background: #367a6e; }}
QPushButton:checked {{ background: {CHECKED_BG.name()}; border-color: {BREATH.name()}; }}
"""


def paint_card(p: QPainter, rect: QRectF, accent: QColor, radius: float = 12.0) -> None:
    """The dark rounded card with a thin accent along the left edge (as on the indicator)."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    r = rect.adjusted(0.5, 0.5, -0.5, -0.5)
    p.setPen(QPen(BORDER, 1))
    p.setBrush(BACKGROUND)
    p.drawRoundedRect(r, radius, radius)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(accent)
    u = radius / 12.0
    bar = QRectF(r.left() + 4 * u, r.top() + 12 * u, 3 * u, max(0.0, r.height() - 24 * u))
    p.drawRoundedRect(bar, 1.5 * u, 1.5 * u)


def paint_leaf(p: QPainter, r: QRectF, colour: QColor) -> None:
    """A small leaf: the mark of an empathy tip."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    a, b = (
        QPointF(r.left() + r.width() * 0.15, r.bottom() - r.height() * 0.15),
        QPointF(r.right() - r.width() * 0.1, r.top() + r.height() * 0.1),
    )
    path.moveTo(a)
    path.cubicTo(QPointF(r.left(), r.top() + r.height() * 0.2), QPointF(r.center().x(), r.top()), b)
    path.cubicTo(QPointF(r.right(), r.center().y()), QPointF(r.center().x(), r.bottom()), a)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawPath(path)
    p.setPen(QPen(BACKGROUND, 1.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(a, QPointF(r.center().x() + r.width() * 0.12, r.center().y() - r.height() * 0.12))


def paint_wave(p: QPainter, r: QRectF, colour: QColor) -> None:
    """Three short sound bars: the mark of a delivery cue (about your own voice)."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(colour, max(2.0, r.width() / 8), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for i, h in enumerate((0.35, 0.7, 0.5)):
        x = r.left() + r.width() * (0.2 + 0.3 * i)
        p.drawLine(
            QPointF(x, r.center().y() - r.height() * h / 2), QPointF(x, r.center().y() + r.height() * h / 2)
        )


def paint_ring(p: QPainter, r: QRectF, colour: QColor) -> None:
    """A quiet ring: the mark of the private end-of-call note."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(colour, 2.0))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(r.center(), r.width() * 0.32, r.height() * 0.32)


def paint_cross(p: QPainter, r: QRectF, colour: QColor) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(colour, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    m = r.width() * 0.32
    p.drawLine(QPointF(r.left() + m, r.top() + m), QPointF(r.right() - m, r.bottom() - m))
    p.drawLine(QPointF(r.right() - m, r.top() + m), QPointF(r.left() + m, r.bottom() - m))


def overflowing(root: QWidget) -> list[str]:
    """Visible labels and buttons under ``root`` whose text does not fit the space they were given."""
    out: list[str] = []
    for lab in root.findChildren(QLabel):
        if not lab.isVisibleTo(root) or not lab.text():
            continue
        room = lab.contentsRect()
        if lab.wordWrap():
            need_h = lab.heightForWidth(room.width())
            if need_h > room.height() + 1:
                out.append(
                    f"{lab.objectName() or 'label'}={lab.text()!r} needs {need_h}px > {room.height()}px"
                )
            longest = max(lab.fontMetrics().horizontalAdvance(w) for w in lab.text().split())
            if longest > room.width():
                out.append(
                    f"{lab.objectName() or 'label'}={lab.text()!r}: a word wider than {room.width()}px"
                )
        elif lab.fontMetrics().horizontalAdvance(lab.text()) > room.width():
            out.append(f"{lab.objectName() or 'label'}={lab.text()!r} wider than {room.width()}px")
    for btn in root.findChildren(QAbstractButton):
        if btn.isVisibleTo(root) and btn.text() and btn.sizeHint().width() > btn.width() + 1:
            out.append(f"{btn.objectName() or 'button'}={btn.text()!r} needs {btn.sizeHint().width()}px")
    lay = root.layout()
    limit = getattr(root, "max_height_px", root.maximumHeight())
    need = lay.totalHeightForWidth(root.width()) if lay is not None and lay.hasHeightForWidth() else 0
    if need > limit:
        out.append(f"{root.objectName() or type(root).__name__} needs {need}px height > {limit}px")
    return out
