"""The dashboard's look: a light theme whose every text colour keeps at least 4.5:1 (WCAG AA) on its
background (the status line was about 2:1 before), and team colours dark enough for lines on white (3:1).
Fonts in points, relative to the OS font."""

from __future__ import annotations

from PyQt6.QtGui import QColor, QGuiApplication
from PyQt6.QtWidgets import QWidget

BG = QColor("#f4f6f7")
TILE_BG = QColor("#ffffff")
TILE_SITE_BG = QColor("#eef4f1")
TEXT = QColor("#1b262d")
DIM = QColor("#4a5963")
OK = QColor("#1d6b4e")
WARN = QColor("#8a4f00")
BORDER_SHOWN = QColor("#1d6b4e")
BORDER_HIDDEN = QColor("#5b6b75")
BUTTON_BG = QColor("#ffffff")
BUTTON_ON = QColor("#1d6b4e")
TILE_MIN_W = 220
# line colours of the teams, each >= 3:1 on white (non-text contrast)
TEAM_COLOURS = ["#1d6b4e", "#2f5f9e", "#9a6700", "#b3402a", "#7a4fa0", "#1f7f86", "#a3456f", "#5c6b1f"]


def pt(relative: float) -> str:
    app = QGuiApplication.instance()
    base = QGuiApplication.font().pointSizeF() if app is not None else 9.0
    return f"{round((base if base > 0 else 9.0) * relative, 2)}pt"


def qss() -> str:
    return f"""
QMainWindow, QWidget#central {{ background: {BG.name()}; }}
QLabel {{ color: {TEXT.name()}; font-size: {pt(1.1)}; }}
QLabel[role="title"] {{ font-size: {pt(1.45)}; font-weight: 600; }}
QLabel[role="dim"], QLabel[role="note"] {{ color: {DIM.name()}; }}
QLabel[role="ok"] {{ color: {OK.name()}; font-weight: 600; }}
QLabel[role="warn"] {{ color: {WARN.name()}; font-weight: 600; }}
QLabel[role="status-ok"] {{ color: {OK.name()}; font-weight: 600; }}
QLabel[role="status-warn"] {{ color: {WARN.name()}; font-weight: 600; }}
QLabel[role="value"] {{ font-weight: 600; }}
QLabel[role="plot-title"] {{ font-weight: 600; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: {BG.name()}; border: none; }}
QPushButton {{
  color: {TEXT.name()}; background: {BUTTON_BG.name()}; border: 1px solid {BORDER_HIDDEN.name()};
  border-radius: 6px; padding: 5px 12px; font-size: {pt(1.1)};
}}
QPushButton:checked {{ color: #ffffff; background: {BUTTON_ON.name()}; border-color: {BUTTON_ON.name()}; }}
QPushButton:focus {{ border: 2px solid {TEXT.name()}; }}
"""


def repolish(w: QWidget) -> None:
    """Apply the style sheet again after a dynamic property (``role``) changed."""
    style = w.style()
    if style is not None:
        style.unpolish(w)
        style.polish(w)
