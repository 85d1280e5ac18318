"""Breathing prompts: offered between calls after a hard call, or whenever the agent asks.

Unasked-for offers: only after a call ends (never mid-call), at most one per ``breathing_min_interval_s`` and
``breathing_max_per_shift`` per shift. A shift starts with ``Coach.new_shift`` or after a gap of
``breathing_shift_gap_s`` without calls. A snoozed offer comes back after ``breathing_snooze_s`` (or after the
call running then ends) and does not count as a new offer. Asked-for exercises are never limited.
"""

from __future__ import annotations

from device.coach.events import (
    BreathingOffered,
    BreathingOutcome,
    BreathingPattern,
    BreathingReason,
    BreathingSkipped,
    BreathingSnoozed,
    BreathingTaken,
    BreathingWithdrawn,
    CoachEvent,
)
from device.coach.settings import CoachSettings


class BreathingRules:
    def __init__(self, settings: CoachSettings) -> None:
        self.s = settings
        self.reset()

    def reset(self) -> None:
        self.shift_offers = 0
        self._last_offer_s: float | None = None
        self._last_call_end_s: float | None = None
        self._open: BreathingOffered | None = None  # offered, not yet answered
        self._snooze_until_s: float | None = None
        self._snoozes = 0

    def new_shift(self) -> None:
        self.shift_offers = 0
        self._last_offer_s = None
        self._snooze_until_s = None
        self._snoozes = 0

    # --- inputs ---------------------------------------------------------------------------------------------
    def on_call_started(self, t_s: float) -> list[CoachEvent]:
        if self._last_call_end_s is not None and t_s - self._last_call_end_s >= self.s.breathing_shift_gap_s:
            self.new_shift()
        if self._open is not None and self._open.reason is not BreathingReason.REQUESTED:
            self._open = None
            return [BreathingWithdrawn(t_s=t_s)]
        return []

    def on_call_ended(self, t_s: float, call_s: float, frustrated_s: float) -> list[CoachEvent]:
        self._last_call_end_s = t_s
        if self._open is not None:
            return []
        if self._snooze_due(t_s):
            return [self._offer(t_s, BreathingReason.SNOOZED)]
        reason = self._hard_call_reason(call_s, frustrated_s)
        if reason is None or not self._may_offer(t_s):
            return []
        self._snoozes = 0
        self._snooze_until_s = None
        self.shift_offers += 1
        self._last_offer_s = t_s
        return [self._offer(t_s, reason)]

    def tick(self, t_s: float, in_call: bool) -> list[CoachEvent]:
        if not in_call and self._open is None and self._snooze_due(t_s):
            return [self._offer(t_s, BreathingReason.SNOOZED)]
        return []

    def request(self, t_s: float) -> list[CoachEvent]:
        self._snooze_until_s = None
        return [self._offer(t_s, BreathingReason.REQUESTED)]

    def result(self, outcome: BreathingOutcome, t_s: float) -> list[CoachEvent]:
        offer = self._open
        if offer is None:
            return []
        self._open = None
        if outcome is BreathingOutcome.TAKEN:
            return [BreathingTaken(t_s=t_s)]
        if outcome is BreathingOutcome.SNOOZED and offer.can_snooze:
            self._snoozes += 1
            self._snooze_until_s = t_s + self.s.breathing_snooze_s
            return [BreathingSnoozed(t_s=t_s, until_s=self._snooze_until_s)]
        return [BreathingSkipped(t_s=t_s)]

    # --- internals ------------------------------------------------------------------------------------------
    def _hard_call_reason(self, call_s: float, frustrated_s: float) -> BreathingReason | None:
        if call_s > 0 and frustrated_s / call_s >= self.s.breathing_frustrated_share:
            return BreathingReason.FRUSTRATED_SHARE
        if call_s > self.s.breathing_long_call_s:
            return BreathingReason.LONG_CALL
        return None

    def _may_offer(self, t_s: float) -> bool:
        if not self.s.breathing_enabled or self.shift_offers >= self.s.breathing_max_per_shift:
            return False
        return self._last_offer_s is None or t_s - self._last_offer_s >= self.s.breathing_min_interval_s

    def _snooze_due(self, t_s: float) -> bool:
        return self._snooze_until_s is not None and t_s >= self._snooze_until_s and self.s.breathing_enabled

    def _offer(self, t_s: float, reason: BreathingReason) -> BreathingOffered:
        s = self.s
        if reason is BreathingReason.SNOOZED:
            self._snooze_until_s = None
        can_snooze = reason is not BreathingReason.REQUESTED and self._snoozes < s.breathing_snoozes_max
        if s.breathing_pattern == "box":
            phases = (s.breathing_box_phase_s,) * 4
            pattern = BreathingPattern.BOX
        else:
            phases = (s.breathing_paced_inhale_s, 0.0, s.breathing_paced_exhale_s, 0.0)
            pattern = BreathingPattern.PACED
        offer = BreathingOffered(
            t_s=t_s,
            reason=reason,
            pattern=pattern,
            duration_s=s.breathing_duration_s,
            inhale_s=phases[0],
            hold_in_s=phases[1],
            exhale_s=phases[2],
            hold_out_s=phases[3],
            can_snooze=can_snooze,
        )
        self._open = offer
        return offer
