"""What the dashboard knows: the latest retained summary per team, merged into a bounded per-team history.

Qt-free so it can be tested and reused (e.g. a CSV export) without a display.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from device.protocol.payloads import BucketSummary, Summary

MAX_BUCKETS = 96  # one day of 15-minute buckets


@dataclass
class TeamView:
    site: str
    team: str
    k: int = 5
    buckets: dict[int, BucketSummary] = field(default_factory=dict)
    updated_at: int = 0

    @property
    def latest(self) -> BucketSummary | None:
        return self.buckets[max(self.buckets)] if self.buckets else None

    def series(self, name: str) -> tuple[list[float], list[float]]:
        """(bucket start seconds, value) with NaN where the bucket is suppressed, so plots show a gap."""
        xs, ys = [], []
        for start in sorted(self.buckets):
            b = self.buckets[start]
            xs.append(float(start))
            ys.append(_value(b, name))
        return xs, ys


def _value(b: BucketSummary, name: str) -> float:
    nan = float("nan")
    if b.suppressed or b.counts is None:
        return nan
    if name == "frustration_share":
        return b.frustrated_call_share if b.frustrated_call_share is not None else nan
    if name == "deescalation_rate":
        return b.deescalation_rate if b.deescalation_rate is not None else nan
    if name == "breathers_taken":
        return float(b.counts.breathing_taken)
    raise KeyError(name)


class DashboardModel:
    def __init__(self) -> None:
        self.teams: dict[tuple[str, str], TeamView] = {}
        self.invalid = 0

    def update(self, summary: Summary) -> TeamView:
        key = (summary.site, summary.team)
        view = self.teams.setdefault(key, TeamView(summary.site, summary.team))
        view.k = summary.k
        view.updated_at = summary.generated_at
        for b in summary.buckets:
            view.buckets[b.bucket_start] = b
        for old in sorted(view.buckets)[:-MAX_BUCKETS]:
            del view.buckets[old]
        return view
