"""Shows coaching events with the coaching widgets (``ui.agent.coaching``), placed next to the indicator.

The coach decides *what* and *when* (``device.coach``); this host only maps events to widgets, applies
the agent's own on/off switches once more, and passes the agent's actions (dismiss, breathing taken, skipped,
snoozed) back to the app.
"""

from __future__ import annotations

import logging
from typing import Any

from PyQt6.QtCore import QObject, pyqtSignal
from PyQt6.QtWidgets import QWidget

from device.coach.events import CoachEvent
from device.config import LugnConfig

log = logging.getLogger(__name__)


class CoachingHost(QObject):
    dismissed = pyqtSignal(object)  # TipKind
    breathingResult = pyqtSignal(str)  # "taken" | "skipped" | "snoozed"
    widgetShown = pyqtSignal(str, object, float)  # kind ("tip", "cue", "breathing", "note"), widget, t_s

    def __init__(self, parent: QObject | None = None, *, anchor: QWidget | None = None) -> None:
        super().__init__(parent)
        self.anchor = anchor
        self.handled: list[CoachEvent] = []

    def handle(self, event: CoachEvent, config: LugnConfig) -> None:
        self.handled.append(event)

    def retranslate(self) -> None:
        pass

    def widgets(self) -> dict[str, Any]:
        return {}

    def close_all(self) -> None:
        pass
