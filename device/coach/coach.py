"""The coach: runtime events in, coaching events out. Pure and deterministic (time only from ``t_s``)."""

from __future__ import annotations

from device.coach.events import BreathingOutcome, CoachEvent, TipKind
from device.coach.settings import CoachSettings
from device.events import Event


class Coach:
    """Feed every runtime event to ``process``; call the user-action methods from the UI.

    Skeleton: the API is final, the rules land in the next commit.
    """

    def __init__(self, settings: CoachSettings | None = None) -> None:
        self.settings = settings or CoachSettings()

    def process(self, event: Event) -> list[CoachEvent]:
        return []

    def dismiss(self, tip: TipKind, t_s: float) -> list[CoachEvent]:
        return []

    def request_breathing(self, t_s: float) -> list[CoachEvent]:
        return []

    def breathing_result(self, outcome: BreathingOutcome | str, t_s: float) -> list[CoachEvent]:
        return []

    def new_shift(self, t_s: float) -> None:
        """Start a new shift: per-shift limits start again."""

    def reset(self) -> None:
        """Forget everything (a new stream)."""
