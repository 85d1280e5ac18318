"""What IT sees of the aggregator: a retained health message and a log that is throttled, never silent.

Every acknowledged contribution ends in a counter (``fleet.aggregator``); this turns the counters into the
``AggregatorHealth`` payload (fleet-wide totals only: nothing per team, nothing per device) and keeps the log
readable under a flood of bad messages: the first reject of each reason in an interval is logged at once with
its detail, the rest are summed into one line per interval, for as long as the process runs.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Mapping

from device.protocol.payloads import AggregatorHealth
from fleet.aggregator import Outcome

log = logging.getLogger("lugn.aggregate")


class RejectLog:
    def __init__(self, interval_s: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval_s = interval_s
        self._clock = clock
        self._since = clock()
        self._window: Counter[str] = Counter()
        self.lines = 0  # log lines written (tests)

    def reject(self, o: Outcome) -> None:
        first = o.reason not in self._window
        self._window[o.reason] += 1
        if first:
            where = f"{o.site}/{o.team}" if o.site else "an unknown topic"
            log.warning("rejected a contribution for %s: %s %s", where, o.reason, o.detail)
            self.lines += 1

    def tick(self, totals: Mapping[str, int]) -> None:
        """Summarise the interval's rejects (beyond the first of each reason), then start a new interval."""
        if self._clock() - self._since < self.interval_s:
            return
        more = {r: n - 1 for r, n in self._window.items() if n > 1}
        if more:
            listed = ", ".join(f"{r} {n}" for r, n in sorted(more.items()))
            log.warning(
                "rejected %d more contribution(s) in the last %.0f s: %s (total rejected %d)",
                sum(more.values()),
                self._clock() - self._since,
                listed,
                totals.get("rejected", 0),
            )
            self.lines += 1
        self._window.clear()
        self._since = self._clock()


def health(
    stats: Mapping[str, int],
    *,
    started_at: float,
    now: float,
    open_buckets: int,
    last_rejected: tuple[int, str] | None,
    state: str = "online",
) -> AggregatorHealth:
    return AggregatorHealth(
        state=state,  # type: ignore[arg-type]
        started_at=int(started_at),
        updated_at=int(now),
        received=stats.get("received", 0),
        accepted=stats.get("accepted", 0),
        late_held=stats.get("late_held", 0),
        late_released=stats.get("late_released", 0),
        late_expired=stats.get("late_expired", 0),
        duplicates=stats.get("duplicates", 0),
        rejected=stats.get("rejected", 0),
        rejected_by_reason={
            k.removeprefix("rejected."): v
            for k, v in sorted(stats.items())
            if k.startswith("rejected.") and v
        },
        clock_corrected=stats.get("clock_corrected", 0),
        max_clock_skew_s=stats.get("max_clock_skew_s", 0),
        open_buckets=open_buckets,
        last_rejected_at=last_rejected[0] if last_rejected else None,
        last_rejected_reason=last_rejected[1] if last_rejected else None,
    )
