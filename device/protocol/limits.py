"""What one device can physically count in one bucket. Anything above is rejected by the aggregator with the
reason ``implausible``, so one account cannot inflate a team's figures (one seat claiming 120,000 calls).

The limits apply to a device's running total for the bucket (all its contributions to that bucket summed), not
to each message, so splitting a claim over many message ids does not help.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

MIN_CALL_S = 15  # no agent ends calls faster than one every 15 s for a whole bucket
MIN_TONE_CHANGE_S = 5  # the smoothed tone indicator cannot flip back faster (hysteresis + refractory time)
MIN_TIP_S = 10  # tips are spaced by the coach's refractory time
MIN_BREATHING_S = 30  # a breathing exercise takes at least this long


@dataclass(frozen=True)
class Limits:
    min_call_s: int = MIN_CALL_S

    def caps(self, bucket_s: int) -> dict[str, int]:
        """The most of each count one device can reach in ``bucket_s`` seconds."""
        # "+ 1": one event that started before the bucket may end in it (a call ending 2 s into a bucket)
        return {
            "calls": bucket_s // self.min_call_s + 1,
            "calls_frustrated": bucket_s // self.min_call_s + 1,
            "frustrated_s": bucket_s,
            "deescalations": bucket_s // MIN_TONE_CHANGE_S + 1,
            "tips_shown": bucket_s // MIN_TIP_S + 1,
            "tips_dismissed": bucket_s // MIN_TIP_S + 1,
            "breathing_offered": bucket_s // MIN_BREATHING_S + 1,
            "breathing_taken": bucket_s // MIN_BREATHING_S + 1,
            "declined": bucket_s // self.min_call_s + 1,
        }

    def problem(self, counts: Mapping[str, int], bucket_s: int) -> str | None:
        """Why ``counts`` cannot come from one device in ``bucket_s`` seconds, or None when plausible."""
        for name, cap in self.caps(bucket_s).items():
            value = int(counts.get(name, 0))
            if value < 0 or value > cap:
                return f"{name} {value} exceeds {cap} for one device in {bucket_s} s"
        if int(counts.get("calls_frustrated", 0)) > int(counts.get("calls", 0)):
            return "calls_frustrated exceeds calls"
        ended = int(counts.get("calls", 0)) + int(counts.get("declined", 0))
        if ended > bucket_s // self.min_call_s + 1:
            cap = bucket_s // self.min_call_s + 1
            return f"calls + declined {ended} exceeds {cap} for one device in {bucket_s} s"
        return None
