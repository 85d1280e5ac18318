"""Per-bucket counts on the workstation, from runtime and coach events.

Only counts leave this class, never content: delivery facts (``AgentDelivery``) and delivery cues
(``DeliveryCue``)
about the agent's own voice are ignored by construction (an allow-list of event kinds, not a deny-list).
Buckets follow the wall clock, aligned to the policy's bucket length, so every workstation of a team fills the
same buckets; the events' stream time ``t_s`` is only used for durations within a call.

What happens during a call is held with the call and counted when it ends, in the bucket where it ends: a
caller may decline at any moment (``NoticeChanged`` ``declined``), and then the call adds nothing but one
``declined`` count — not its frustrated seconds, tips or de-escalations, which could not be taken back once
sent. A call still running when the agent stops adds nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from device.events import CallEnded, CallStarted, Event, NoticeChanged, ToneChanged, ToneState
from device.metrics.anonymise import Anonymiser
from device.protocol.limits import Limits
from device.protocol.payloads import Contribution

COUNTED_COACH_KINDS = {
    "TipShown": "tips_shown",
    "TipDismissed": "tips_dismissed",
    "BreathingOffered": "breathing_offered",
    "BreathingTaken": "breathing_taken",
}


class MetricsWindow:
    """``process(event)`` counts; it returns the contributions of buckets that closed (usually none)."""

    def __init__(self, anonymiser: Anonymiser, bucket_s: int, clock: Callable[[], float] = time.time) -> None:
        if bucket_s < 60 or bucket_s % 60:
            raise ValueError(f"bucket_s must be a positive multiple of 60, got {bucket_s}")
        self._anon = anonymiser
        self._bucket_s = bucket_s
        self._clock = clock
        self._bucket_start = self._align(clock())
        self.last_call: dict[str, int] | None = None  # what the last call that ended added to the counts
        self.reset()

    def reset(self) -> None:
        self._counts: dict[str, int] = self._zero()
        self._frustrated_s = 0.0
        self._active = False  # anything happened in this bucket (an idle agent contributes nothing)
        self._in_call = False
        self._state = ToneState.CALM
        self._awaiting_calm = False
        self._last_t: float | None = None
        self._new_call()

    @staticmethod
    def _zero() -> dict[str, int]:
        return dict.fromkeys(
            ("calls", "calls_frustrated", "deescalations", "declined", *COUNTED_COACH_KINDS.values()), 0
        )

    def _new_call(self) -> None:
        """The running call's own counts, held until it ends (or dropped if the caller declines)."""
        self._call: dict[str, int] = self._zero()
        self._call_frustrated_s = 0.0
        self._call_frustrated = False
        self._declined = False

    @property
    def bucket_start(self) -> int:
        return self._bucket_start

    def _align(self, now: float) -> int:
        return int(now // self._bucket_s) * self._bucket_s

    def process(self, event: object) -> list[Contribution]:
        out = self.poll()
        t_s = getattr(event, "t_s", None)
        if isinstance(t_s, int | float):
            self._advance(float(t_s))
        if isinstance(event, CallStarted):
            self._in_call, self._active = True, True
            self._state, self._awaiting_calm = ToneState.CALM, False
            self._new_call()
            self.last_call = None
        elif isinstance(event, CallEnded):
            if self._in_call:
                self._end_call()
            self._in_call, self._active = False, True
            self._state, self._awaiting_calm = ToneState.CALM, False
        elif isinstance(event, NoticeChanged) and event.state == "declined" and self._in_call:
            self._declined = True
            self._state, self._awaiting_calm = ToneState.CALM, False
        elif self._declined:
            pass  # the rest of a declined call counts for nothing (tips, breathing inside it included)
        elif isinstance(event, ToneChanged) and self._in_call:
            self._state = event.state
            if event.state is ToneState.FRUSTRATED:
                self._call_frustrated, self._awaiting_calm = True, True
            elif event.state is ToneState.CALM and self._awaiting_calm:
                self._call["deescalations"] += 1
                self._awaiting_calm = False
        elif not isinstance(event, Event):
            field = COUNTED_COACH_KINDS.get(type(event).__name__)
            if field is not None:
                (self._call if self._in_call else self._counts)[field] += 1
                self._active = True
        return out

    def _end_call(self) -> None:
        if self._declined:
            self._counts["declined"] += 1
            self.last_call = {"declined": 1}
        else:
            self.last_call = {
                **{k: v for k, v in self._call.items() if v},
                "calls": 1,
                "calls_frustrated": int(self._call_frustrated),
                "frustrated_s": round(self._call_frustrated_s),
            }
            for key, value in self._call.items():
                self._counts[key] += value
            self._counts["calls"] += 1
            self._counts["calls_frustrated"] += int(self._call_frustrated)
            self._frustrated_s += self._call_frustrated_s
        self._new_call()

    def counting(self) -> dict[str, int]:
        """What the open bucket holds so far from calls that ended (a running call's counts are held until it
        ends): the fields that are not zero. Shown to the agent as "counted now, sent after …"."""
        counts = {**self._counts, "frustrated_s": round(self._frustrated_s)}
        return {k: v for k, v in counts.items() if v}

    def _advance(self, t_s: float) -> None:
        if self._last_t is not None and self._in_call and self._state is ToneState.FRUSTRATED:
            self._call_frustrated_s += max(0.0, min(t_s - self._last_t, float(self._bucket_s)))
        self._last_t = t_s

    def poll(self) -> list[Contribution]:
        """Close the bucket when the wall clock has left it (call this now and then when no events come)."""
        now_bucket = self._align(self._clock())
        if now_bucket == self._bucket_start:
            return []
        out = self.flush()
        self._bucket_start = now_bucket
        return out

    def flush(self) -> list[Contribution]:
        """Contribution for the current bucket so far (at shutdown); the call in progress carries on."""
        out = []
        if self._active or self._in_call:
            # At most what one device can do in a bucket (the aggregator's plausibility limits): a long call's
            # counts all land in the bucket where it ends, and must not get the whole bucket refused.
            caps = Limits().caps(self._bucket_s)
            counts = {k: min(v, caps.get(k, v)) for k, v in self._counts.items()}
            counts["frustrated_s"] = round(self._frustrated_s)
            out.append(self._anon.contribution(self._bucket_start, self._bucket_s, counts))
        # the running call (its held counts included) carries on into the next bucket
        kept = (
            self._in_call, self._state, self._awaiting_calm, self._last_t,
            self._call, self._call_frustrated_s, self._call_frustrated, self._declined,
        )  # fmt: skip
        self.reset()
        (
            self._in_call, self._state, self._awaiting_calm, self._last_t,
            self._call, self._call_frustrated_s, self._call_frustrated, self._declined,
        ) = kept  # fmt: skip
        return out
