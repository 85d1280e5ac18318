"""Pure coaching rules: runtime events in, coaching events out. No Qt, no I/O."""

from device.coach.coach import Coach
from device.coach.events import (
    COACH_SCHEMA_VERSION,
    BreathingOffered,
    BreathingOutcome,
    BreathingPattern,
    BreathingReason,
    BreathingSkipped,
    BreathingSnoozed,
    BreathingTaken,
    CallNote,
    CallNoteFaded,
    CoachEvent,
    CueKind,
    DeliveryCue,
    TipDismissed,
    TipKind,
    TipShown,
)
from device.coach.settings import CoachSettings

__all__ = [
    "COACH_SCHEMA_VERSION",
    "BreathingOffered",
    "BreathingOutcome",
    "BreathingPattern",
    "BreathingReason",
    "BreathingSkipped",
    "BreathingSnoozed",
    "BreathingTaken",
    "CallNote",
    "CallNoteFaded",
    "Coach",
    "CoachEvent",
    "CoachSettings",
    "CueKind",
    "DeliveryCue",
    "TipDismissed",
    "TipKind",
    "TipShown",
]
