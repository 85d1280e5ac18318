"""Where the compact indicator sits: inside the available area of a screen, remembered per screen set-up.

Why a module of its own: a window placed once at start is not enough. The indicator must stay reachable when
the language (and so its width) changes, when the OS scale factor changes, and when a laptop is docked or a
monitor unplugged; an indicator left on a screen that no longer exists hides the Pause and Breathe buttons.
The rules here are plain geometry on ``QRect``s (testable without a display); :class:`Placer` ties them to a
window and to the screens' change signals.

A *screen set-up* is the set of connected screens with their geometries. The agent's chosen place is stored
per set-up, so the office monitor and the laptop screen each keep their own place."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from PyQt6.QtCore import QObject, QPoint, QRect, QSettings, QSize, QTimer
from PyQt6.QtGui import QGuiApplication, QScreen
from PyQt6.QtWidgets import QWidget

MARGIN_PX = 24  # the default place keeps this distance from the screen's edges
SETTINGS_GROUP = "indicator/place"


def setup_key(screens: Sequence[tuple[str, QRect]]) -> str:
    """A short stable key for a set of (screen name, geometry); the order of the screens does not matter."""
    parts = sorted(f"{name}@{g.x()},{g.y()},{g.width()}x{g.height()}" for name, g in screens)
    return hashlib.sha1(";".join(parts).encode()).hexdigest()[:12]


def current_setup() -> tuple[str, str]:
    """(key, readable description) of the screens connected now."""
    screens = [(s.name(), s.geometry()) for s in QGuiApplication.screens()]
    desc = "; ".join(sorted(f"{n} {g.width()}x{g.height()}+{g.x()}+{g.y()}" for n, g in screens))
    return setup_key(screens), desc


def clamp_into(frame: QRect, area: QRect) -> QPoint:
    """The top-left that puts ``frame`` inside ``area`` with the least movement (top-left wins if too big)."""
    x = max(area.left(), min(frame.x(), area.x() + area.width() - frame.width()))
    y = max(area.top(), min(frame.y(), area.y() + area.height() - frame.height()))
    return QPoint(x, y)


def default_place(size_w: int, size_h: int, area: QRect, margin: int = MARGIN_PX) -> QPoint:
    """Top right of ``area``, out of the way of the softphone, never outside it (small screens, big fonts)."""
    m = max(0, min(margin, (area.width() - size_w) // 2, (area.height() - size_h) // 2))
    x = area.x() + area.width() - size_w - m
    return clamp_into(QRect(x, area.y() + m, size_w, size_h), area)


def best_area(frame: QRect, areas: Sequence[QRect], fallback: QRect) -> QRect:
    """The area that holds most of ``frame``; if none overlaps it, the one nearest to its centre."""
    if not areas:
        return fallback

    def overlap(a: QRect) -> int:
        r = a.intersected(frame)
        return r.width() * r.height() if not r.isEmpty() else 0

    best = max(areas, key=overlap)
    if overlap(best) > 0:
        return best
    c = frame.center()
    return min(areas, key=lambda a: (a.center() - c).manhattanLength())


class Placer(QObject):
    """Keeps ``window`` inside the available geometry of a screen and remembers the agent's place per
    set-up."""

    def __init__(self, window: QWidget, settings: QSettings | None) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.moves = 0  # how often a change of screens or size moved the window (for tests and logs)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # screens change in bursts (dock: remove, add, resize): act once
        self._timer.timeout.connect(self.place)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._screen_added)
            app.screenRemoved.connect(lambda _s: self._timer.start())
            app.primaryScreenChanged.connect(lambda _s: self._timer.start())
            for s in app.screens():
                self._watch(s)

    def _watch(self, screen: QScreen) -> None:
        screen.availableGeometryChanged.connect(lambda _g: self._timer.start())
        screen.geometryChanged.connect(lambda _g: self._timer.start())

    def _screen_added(self, screen: QScreen) -> None:
        self._watch(screen)
        self._timer.start()

    # -- the rules on the live screens --------------------------------------------------------------------
    @staticmethod
    def areas() -> list[QRect]:
        return [s.availableGeometry() for s in QGuiApplication.screens()]

    @staticmethod
    def primary_area() -> QRect:
        s = QGuiApplication.primaryScreen()
        return s.availableGeometry() if s is not None else QRect(0, 0, 1024, 768)

    def saved(self) -> QPoint | None:
        if self.settings is None:
            return None
        key, _desc = current_setup()
        pos = self.settings.value(f"{SETTINGS_GROUP}/{key}")
        return pos if isinstance(pos, QPoint) else None

    def save(self) -> None:
        """Remember the window's place for the screens connected now (after the agent moved it)."""
        if self.settings is None:
            return
        key, desc = current_setup()
        self.settings.setValue(f"{SETTINGS_GROUP}/{key}", self.window.pos())
        self.settings.setValue(f"{SETTINGS_GROUP}/{key}_screens", desc)
        self.settings.sync()

    def target(self) -> QPoint:
        """Where the window belongs now: its saved place for this set-up, else the default; always inside."""
        width, height = self.window.width(), self.window.height()
        pos = self.saved()
        if pos is None:
            return default_place(width, height, self.primary_area())
        frame = QRect(pos.x(), pos.y(), width, height)
        return clamp_into(frame, best_area(frame, self.areas(), self.primary_area()))

    def place(self) -> None:
        """Move the window where it belongs (at start, after a change of screens, size or language)."""
        self._timer.stop()
        to = self.target()
        if to != self.window.pos():
            self.moves += 1
            self.window.move(to)

    def keep_inside(self) -> None:
        """Pull the window back inside its screen (after a drag or a resize) without forgetting the saved
        place."""
        frame = QRect(self.window.pos(), self.window.size())
        to = clamp_into(frame, best_area(frame, self.areas(), self.primary_area()))
        if to != self.window.pos():
            self.moves += 1
            self.window.move(to)


def place_clear_of(width: int, height: int, avoid: QRect, area: QRect, gap: int = MARGIN_PX) -> QPoint | None:
    """Where a ``width`` x ``height`` window sits inside ``area`` without covering ``avoid`` (the indicator
    and its cards): centred on the area when that is clear of it, else centred in the roomier side left or
    right of it. None when neither side has room (a small screen at 2x: the caller then tucks the cards
    away)."""
    centred = QPoint(area.center().x() - width // 2 + 1, area.center().y() - height // 2 + 1)
    y = max(area.top(), min(centred.y(), area.bottom() + 1 - height))
    if not QRect(QPoint(centred.x(), y), QSize(width, height)).intersects(avoid):
        return clamp_into(QRect(centred.x(), y, width, height), area)
    left = QRect(area.left(), area.top(), avoid.left() - gap - area.left(), area.height())
    right_x = avoid.right() + 1 + gap
    right = QRect(right_x, area.top(), area.right() + 1 - right_x, area.height())
    for side in sorted((left, right), key=lambda r: -r.width()):
        if side.width() >= width + gap:
            x = side.x() + (side.width() - width) // 2
            return QPoint(x, y)
    return None
