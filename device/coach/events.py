"""Frozen coaching events: what the coach tells the agent UI.

The coach emits kinds and ids, never text: the UI maps them to translated strings (``ui/agent/coaching``).
Every event carries ``t_s`` in stream seconds, like the runtime events it was derived from.

Privacy: ``DeliveryCue`` and the content of ``CallNote`` are about the agent's own call and are shown only to
the agent. They are never stored beyond the call, never counted in metrics and never published. Metrics may
count TipShown, TipDismissed, BreathingOffered, BreathingTaken, ... (counts only, no content).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

COACH_SCHEMA_VERSION = 1


class TipKind(StrEnum):
    """Empathy tips, each chosen for a moment in the call."""

    ACKNOWLEDGE = "acknowledge"  # frustration first rises: name the feeling
    LET_FINISH = "let_finish"  # the agent talks over an upset customer
    APOLOGISE = "apologise"  # frustration rises again after it had eased once: apologise where it is due
    SOLUTION_FOCUS = "solution_focus"  # frustration persists: move towards what can be done
    THANK = "thank"  # frustration eases: thank them for explaining


class CueKind(StrEnum):
    """Observable facts about the agent's own delivery. Never an inferred emotion (EU AI Act Art. 5(1)(f))."""

    TALK_OVER = "talk_over"  # both sides speaking for longer than the overlap threshold
    TALK_SHARE = "talk_share"  # agent's share of talk time over the recent window is high
    PACE_FAST = "pace_fast"  # syllable rate well above the agent's own baseline this call
    LOUD = "loud"  # speech level well above the agent's own baseline this call
    SILENCE = "silence"  # neither side has spoken for a long while during a call


class BreathingReason(StrEnum):
    REQUESTED = "requested"  # the agent asked (indicator or tray), at any time
    FRUSTRATED_SHARE = "frustrated_share"  # the call just ended was frustrated for a large share of it
    LONG_CALL = "long_call"  # the call just ended was long
    SNOOZED = "snoozed"  # an earlier offer that the agent snoozed comes back


class BreathingPattern(StrEnum):
    PACED = "paced"  # 6 breaths/min: 4 s in, 6 s out
    BOX = "box"  # 4 s in, 4 s hold, 4 s out, 4 s hold


class BreathingOutcome(StrEnum):
    TAKEN = "taken"
    SKIPPED = "skipped"
    SNOOZED = "snoozed"


@dataclass(frozen=True)
class CoachEvent:
    t_s: float

    @property
    def kind(self) -> str:
        return type(self).__name__


@dataclass(frozen=True)
class TipShown(CoachEvent):
    """Show an empathy tip card for ``display_s`` seconds (or until dismissed)."""

    tip: TipKind
    display_s: float
    tip_number: int  # 1-based count of tips shown in this call


@dataclass(frozen=True)
class TipDismissed(CoachEvent):
    """The agent dismissed the tip; this tip kind rests for the rest of the call."""

    tip: TipKind


@dataclass(frozen=True)
class DeliveryCue(CoachEvent):
    """A delivery cue for the agent only. ``value``/``reference`` are in the cue's unit (see ``unit``)."""

    cue: CueKind
    value: float  # e.g. overlap seconds, talk share 0..1, syllables/s, dBFS, silence seconds
    reference: float  # the threshold or the agent's own baseline it was compared with
    unit: str  # "s", "share", "syl/s", "dBFS"
    display_s: float


@dataclass(frozen=True)
class BreathingOffered(CoachEvent):
    """Offer a breathing exercise. The guide runs ``duration_s`` with the given phase lengths."""

    reason: BreathingReason
    pattern: BreathingPattern
    duration_s: float
    inhale_s: float
    hold_in_s: float
    exhale_s: float
    hold_out_s: float
    can_snooze: bool = True

    @property
    def cycle_s(self) -> float:
        return self.inhale_s + self.hold_in_s + self.exhale_s + self.hold_out_s


@dataclass(frozen=True)
class BreathingTaken(CoachEvent):
    pass


@dataclass(frozen=True)
class BreathingSkipped(CoachEvent):
    pass


@dataclass(frozen=True)
class BreathingSnoozed(CoachEvent):
    until_s: float  # stream time at which the offer comes back (if no call is running then)


@dataclass(frozen=True)
class BreathingWithdrawn(CoachEvent):
    """An unanswered offer lapsed because a call started (never a breathing offer mid-call)."""


@dataclass(frozen=True)
class CallNote(CoachEvent):
    """Private end-of-call note for the agent; it fades when the next call starts (``CallNoteFaded``)."""

    call_s: float
    frustrated_s: float
    eased: bool | None  # None: the customer was never frustrated
    tips_shown: tuple[TipKind, ...] = field(default_factory=tuple)
    declined: bool = False  # the caller declined: nothing of the tone was kept, only a "declined" count


@dataclass(frozen=True)
class CallNoteFaded(CoachEvent):
    """The next call started: hide the private note."""


COACH_EVENT_TYPES: tuple[type[CoachEvent], ...] = (
    TipShown,
    TipDismissed,
    DeliveryCue,
    BreathingOffered,
    BreathingTaken,
    BreathingSkipped,
    BreathingSnoozed,
    BreathingWithdrawn,
    CallNote,
    CallNoteFaded,
)

# Events that may be COUNTED in metrics (never their content). DeliveryCue and CallNote are never counted.
COUNTABLE_COACH_EVENTS: tuple[type[CoachEvent], ...] = (
    TipShown,
    TipDismissed,
    BreathingOffered,
    BreathingTaken,
    BreathingSkipped,
    BreathingSnoozed,
)
