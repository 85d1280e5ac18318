"""What the dashboard knows: the summaries of every team, merged into a bounded per-team history, and what it
shows for a time range (the current shift, today, 7 days): team totals, a site roll-up, the CSV export.

Qt-free so it can be tested and reused without a display.

Privacy: every figure here is a sum of buckets that the aggregator already published with at least k devices.
A suppressed bucket has no counts and stays without them; a site roll-up adds up only the teams' shown
buckets, so it can never reveal what a small team's suppressed bucket held (the roll-up minus the shown teams
is always zero). The dashboard never sees a device, an agent or a seat.
"""

from __future__ import annotations

import contextlib
import csv
import io
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from device.protocol.payloads import BucketSummary, Counts, LateRelease, Summary

WEEK_S = 7 * 86_400
MAX_BUCKETS = 7 * 96  # a week of 15-minute buckets per team
RANGES = ("shift", "today", "week")
DEFAULT_SHIFTS = ("06:00", "14:00", "22:00")


def parse_shifts(text: str | Sequence[str]) -> tuple[int, ...]:
    """``"06:00,14:00,22:00"`` -> minutes after midnight at which a shift starts (sorted); ValueError."""
    items = [s.strip() for s in (text.split(",") if isinstance(text, str) else text) if s.strip()]
    out = []
    for item in items:
        try:
            hh, mm = item.split(":")
            minutes = int(hh) * 60 + int(mm)
        except ValueError:
            raise ValueError(f"shift start {item!r} is not HH:MM") from None
        if not 0 <= minutes < 1440:
            raise ValueError(f"shift start {item!r} is not a time of day")
        out.append(minutes)
    if not out:
        raise ValueError("no shift start given (e.g. 06:00,14:00,22:00)")
    return tuple(sorted(set(out)))


def range_bounds(
    kind: str, now_s: float | None = None, shifts: Sequence[int] = (360, 840, 1320)
) -> tuple[int, int]:
    """[start, end) in Unix seconds of ``kind`` ("shift", "today", "week"), in the local time zone."""
    now = datetime.fromtimestamp(time.time() if now_s is None else now_s).astimezone()
    end = int(now.timestamp()) + 1
    if kind == "week":
        return end - 1 - WEEK_S, end
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if kind == "today":
        return int(midnight.timestamp()), end
    if kind != "shift":
        raise ValueError(f"unknown range {kind!r}; use one of {RANGES}")
    minute_now = now.hour * 60 + now.minute
    started = [m for m in shifts if m <= minute_now]
    if started:
        start = midnight + timedelta(minutes=started[-1])
    else:  # before the first shift of the day: the last one of yesterday is still on
        start = midnight - timedelta(days=1) + timedelta(minutes=shifts[-1])
    return int(start.timestamp()), end


@dataclass
class Totals:
    """Sums over the shown buckets of a range, and how many buckets were hidden (fewer than k agents)."""

    counts: Counts
    shown: int
    hidden: int
    contributors_latest: int | None  # agents in the latest shown bucket
    teams: tuple[str, ...] = ()  # for a site roll-up: the teams whose shown buckets are in it
    teams_left_out: tuple[str, ...] = ()
    late: int = 0  # late releases (>= k late devices each) inside the range, included in the counts

    @property
    def frustrated_share(self) -> float | None:
        return self.counts.calls_frustrated / self.counts.calls if self.counts.calls else None

    @property
    def deescalation_rate(self) -> float | None:
        c = self.counts
        return c.deescalations / c.calls_frustrated if c.calls_frustrated else None


def _sum(buckets: Iterable[BucketSummary]) -> tuple[Counts, int, int, int | None]:
    total, shown, hidden, latest = Counts(), 0, 0, None
    for b in sorted(buckets, key=lambda b: b.bucket_start):
        if b.suppressed or b.counts is None:
            hidden += 1
            continue
        total = total + b.counts
        shown += 1
        latest = b.contributors
    return total, shown, hidden, latest


@dataclass
class TeamView:
    site: str
    team: str
    k: int = 5
    buckets: dict[int, BucketSummary] = field(default_factory=dict)
    late: dict[tuple[int, int], LateRelease] = field(default_factory=dict)
    updated_at: int = 0

    @property
    def latest(self) -> BucketSummary | None:
        return self.buckets[max(self.buckets)] if self.buckets else None

    def in_range(self, start: int, end: int) -> list[BucketSummary]:
        return [self.buckets[s] for s in sorted(self.buckets) if start <= s < end]

    def late_in_range(self, start: int, end: int) -> list[LateRelease]:
        """Late releases whose periods all lie in [start, end): their counts belong to the range."""
        return [
            r
            for _k, r in sorted(self.late.items())
            if r.first_bucket_start >= start and r.last_bucket_end <= end
        ]

    def totals(self, start: int, end: int) -> Totals | None:
        """None when the range holds no bucket of this team at all."""
        buckets = self.in_range(start, end)
        late = self.late_in_range(start, end)
        if not buckets and not late:
            return None
        counts, shown, hidden, latest = _sum(buckets)
        for r in late:
            counts = counts + r.counts
        return Totals(counts, shown, hidden, latest, late=len(late))

    def series(self, name: str, start: int = 0, end: int = 2**62) -> tuple[list[float], list[float]]:
        """(bucket start seconds, value) with NaN where the bucket is suppressed, so plots show a gap."""
        xs, ys = [], []
        for b in self.in_range(start, end):
            xs.append(float(b.bucket_start))
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


CSV_FIELDS = (
    "site",
    "team",
    "bucket_start",
    "bucket_end",
    "figures",
    "agents",
    "calls",
    "calls_frustrated",
    "frustrated_share",
    "deescalations",
    "deescalations_per_frustrated_call",
    "breathers_offered",
    "breathers_taken",
    "tips_shown",
)


class DashboardModel:
    def __init__(self, history: Path | None = None, clock: Callable[[], float] = time.time) -> None:
        """``history``: a JSON-lines file where shown summaries are kept, so "7 days" has a week to show after
        a restart (the retained summary on the broker holds only the latest buckets)."""
        self.teams: dict[tuple[str, str], TeamView] = {}
        self.invalid = 0
        self.history = history
        self._clock = clock
        if history is not None and history.is_file():
            self._load(history)

    def update(self, summary: Summary, *, keep: bool = True) -> TeamView:
        key = (summary.site, summary.team)
        view = self.teams.setdefault(key, TeamView(summary.site, summary.team))
        view.k = summary.k
        view.updated_at = max(view.updated_at, summary.generated_at)
        for b in summary.buckets:
            view.buckets[b.bucket_start] = b
        for r in summary.late:
            view.late[(r.released_at, r.first_bucket_start)] = r
        starts = sorted(view.buckets)
        if starts:
            for old in set(starts[:-MAX_BUCKETS]) | {s for s in starts if s < starts[-1] - WEEK_S}:
                del view.buckets[old]
        for stale in [lk for lk in view.late if lk[0] < view.updated_at - WEEK_S]:
            del view.late[stale]
        if keep and self.history is not None:
            self._append(summary)
        return view

    # -- what a range shows ----------------------------------------------------------------------------------
    def sites(self) -> list[str]:
        return sorted({site for site, _team in self.teams})

    def site_rollup(self, site: str, start: int, end: int) -> Totals | None:
        """The site's total over the teams' *shown* buckets; teams with nothing shown are named left out."""
        counts, shown, hidden, with_figures, left_out = Counts(), 0, 0, [], []
        agents = late = 0
        for (s, team), view in sorted(self.teams.items()):
            if s != site:
                continue
            t = view.totals(start, end)
            if t is None or (t.shown == 0 and t.late == 0):
                left_out.append(team)
                continue
            counts = counts + t.counts
            shown, hidden, late = shown + t.shown, hidden + t.hidden, late + t.late
            with_figures.append(team)
            agents += t.contributors_latest or 0
        if not with_figures and not left_out:
            return None
        return Totals(counts, shown, hidden, agents or None, tuple(with_figures), tuple(left_out), late)

    def csv_text(self, start: int, end: int) -> str:
        """What the dashboard shows for [start, end) as CSV: one row per team and bucket (suppressed rows
        without figures), then one row per site with the roll-up. Times are ISO 8601 in local time."""
        out = io.StringIO()
        w = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
        w.writeheader()
        for (site, team), view in sorted(self.teams.items()):
            for b in view.in_range(start, end):
                row: dict[str, Any] = {
                    "site": site,
                    "team": team,
                    "bucket_start": _iso(b.bucket_start),
                    "bucket_end": _iso(b.bucket_start + b.bucket_s),
                    "figures": "hidden" if b.suppressed else "shown",
                }
                if not b.suppressed and b.counts is not None:
                    row.update(_count_fields(b.counts, b.contributors))
                w.writerow(row)
            for r in view.late_in_range(start, end):
                row = {
                    "site": site,
                    "team": team,
                    "bucket_start": _iso(r.first_bucket_start),
                    "bucket_end": _iso(r.last_bucket_end),
                    "figures": "late release",
                }
                row.update(_count_fields(r.counts, r.contributors))
                w.writerow(row)
        for site in self.sites():
            total = self.site_rollup(site, start, end)
            if total is None or not total.teams:
                continue
            row = {
                "site": site,
                "team": "+".join(total.teams),
                "bucket_start": _iso(start),
                "bucket_end": _iso(end),
                "figures": "site total",
            }
            row.update(_count_fields(total.counts, None))
            w.writerow(row)
        return out.getvalue()

    # -- history --------------------------------------------------------------------------------------------
    def _append(self, summary: Summary) -> None:
        assert self.history is not None
        try:
            self.history.parent.mkdir(parents=True, exist_ok=True)
            with self.history.open("a", encoding="utf-8") as f:
                f.write(summary.model_dump_json(by_alias=True) + "\n")
        except OSError:
            self.history = None  # a side path: the live view goes on without it

    def _load(self, path: Path) -> None:
        keep: list[str] = []
        cutoff = self._clock() - WEEK_S - 86_400
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                s = Summary.model_validate_json(line)
            except ValueError:
                self.invalid += 1
                continue
            if s.generated_at >= cutoff:
                self.update(s, keep=False)
                keep.append(line)
        with contextlib.suppress(OSError):  # compact: only the last week stays
            path.write_text("".join(f"{ln}\n" for ln in keep), encoding="utf-8")


def _count_fields(c: Counts, contributors: int | None) -> dict[str, Any]:
    return {
        "agents": "" if contributors is None else contributors,
        "calls": c.calls,
        "calls_frustrated": c.calls_frustrated,
        "frustrated_share": f"{c.calls_frustrated / c.calls:.4f}" if c.calls else "",
        "deescalations": c.deescalations,
        "deescalations_per_frustrated_call": (
            f"{c.deescalations / c.calls_frustrated:.4f}" if c.calls_frustrated else ""
        ),
        "breathers_offered": c.breathing_offered,
        "breathers_taken": c.breathing_taken,
        "tips_shown": c.tips_shown,
    }


def _iso(ts: int) -> str:
    return datetime.fromtimestamp(ts).astimezone().isoformat(timespec="minutes")
