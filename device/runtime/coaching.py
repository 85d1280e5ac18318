"""The coach as a stage of the runtime's event stream, behind the agent's own switches.

The coach reads its settings when a stream starts; the switches (tips, delivery cues, unasked-for breathing)
may change at any time in the settings dialog, so they are applied here: what is switched off is neither
shown nor counted. A breathing exercise the agent asked for is always honoured.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from device.coach.coach import Coach
from device.coach.events import BreathingOffered, CoachEvent, DeliveryCue, TipShown
from device.coach.settings import CoachSettings
from device.events import Event


class CoachStage:
    """``process(item)`` passes the item on, followed by the coaching events a runtime event gave."""

    def __init__(self, settings: CoachSettings) -> None:
        self.coach = Coach(settings)
        self.settings = settings

    def process(self, item: object) -> list[object]:
        if not isinstance(item, Event):
            return [item]
        return [item, *self.allowed(self.coach.process(item))]

    def action(self, fn: Callable[..., list[CoachEvent]], *args: Any, t_s: float) -> list[CoachEvent]:
        """A user action on the coach (dismiss, breathing), stamped with the latest stream time."""
        return self.allowed(fn(*args, t_s))

    def update(self, settings: CoachSettings) -> None:
        self.settings = settings
        self.coach.update_settings(settings)

    def allowed(self, events: list[CoachEvent]) -> list[CoachEvent]:
        s = self.settings
        out = []
        for e in events:
            if isinstance(e, TipShown) and not s.tips_enabled:
                continue
            if isinstance(e, DeliveryCue) and not s.delivery_cues_enabled:
                continue
            if isinstance(e, BreathingOffered) and not s.breathing_enabled and e.reason != "requested":
                continue
            out.append(e)
        return out
