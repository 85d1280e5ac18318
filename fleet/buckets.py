"""Final buckets and late releases: what makes Lugn's summaries immune to differencing.

A bucket is published ONCE: when it ended plus the grace period, it becomes final in one transaction that
stores its summary (counts only with >= k distinct devices), deletes every per-device row and the key of its
device hashes. A summary message only ever repeats final buckets, unchanged. Contributions that arrive after
their bucket is final wait in the team's late pool and are released as one separate record once at least k
distinct devices are in it; they never change a published bucket. So any two published figures are either
identical or sums over disjoint sets of contributions, each from at least k devices (docs/privacy.md).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

from device.protocol.payloads import COUNT_FIELDS, BucketSummary, Counts, LateRelease, Summary
from fleet.policy import AggregatorPolicy
from fleet.store import FIELDS, MARKS, SUMS, Store

MAX_LATE_IN_SUMMARY = 16
_PUBLISHED = f"SELECT bucket_start, bucket_s, contributors, {FIELDS} FROM published"


def _counts(values: list[int] | tuple[int, ...]) -> Counts:
    return Counts.model_construct(None, **dict(zip(COUNT_FIELDS, (int(v or 0) for v in values), strict=True)))


def bucket_summary(start: int, length: int, contributors: int | None, sums: tuple[int, ...]) -> BucketSummary:
    if contributors is None:
        return BucketSummary(bucket_start=start, bucket_s=length, suppressed=True)
    counts = _counts(sums)
    share = counts.calls_frustrated / counts.calls if counts.calls else None
    rate = counts.deescalations / counts.calls_frustrated if counts.calls_frustrated else None
    return BucketSummary(
        bucket_start=start,
        bucket_s=length,
        suppressed=False,
        contributors=contributors,
        counts=counts,
        frustrated_call_share=share,
        deescalation_rate=rate,
    )


class Buckets:
    def __init__(
        self,
        store: Store,
        policy: AggregatorPolicy,
        clock: Callable[[], float] = time.time,
        open_keys: dict[tuple[str, str, int], bytes] | None = None,
    ) -> None:
        self.store = store
        self.policy = policy
        self.k = policy.k
        self._clock = clock
        self._open = open_keys if open_keys is not None else store.open_keys()

    def open_count(self) -> int:
        return len(self._open)

    def finalise_due(self) -> tuple[set[tuple[str, str]], Counter[str]]:
        now = self._clock()
        db = self.store.db
        due = [w for w in self._open if w[2] + self.policy.bucket_s + self.policy.grace_s <= now]
        changed: set[tuple[str, str]] = set()
        deltas: Counter[str] = Counter()
        late_teams = db.execute("SELECT site, team FROM late_keys").fetchall()
        if not due and not late_teams:
            return changed, deltas
        self.store.begin()
        try:
            for site, team, start in due:
                n, *sums = db.execute(
                    f"SELECT COUNT(*), {SUMS} FROM device_counts "
                    "WHERE site = ? AND team = ? AND bucket_start = ?",
                    (site, team, start),
                ).fetchone()
                row = (site, team, start, self.policy.bucket_s, int(now))
                values = (n, *sums) if n >= self.k else (None,) * (1 + len(COUNT_FIELDS))
                db.execute(
                    f"INSERT OR IGNORE INTO published VALUES (?, ?, ?, ?, ?, ?, {MARKS})",
                    (*row, *values),
                )
                db.execute(
                    "DELETE FROM device_counts WHERE site = ? AND team = ? AND bucket_start = ?",
                    (site, team, start),
                )
                db.execute(
                    "DELETE FROM open_buckets WHERE site = ? AND team = ? AND bucket_start = ?",
                    (site, team, start),
                )
                deltas["buckets_published"] += 1
                deltas["buckets_suppressed"] += int(n < self.k)
                changed.add((site, team))
            for site, team in late_teams:
                released = self._release_late(site, team, int(now))
                if released:
                    deltas["late_released"] += released
                    changed.add((site, team))
            self.store.add_stats(deltas)
            self.store.commit()
        except BaseException:
            self.store.rollback()
            raise
        for w in due:
            self._open.pop(w, None)
        return changed, deltas

    def _release_late(self, site: str, team: str, now: int) -> int:
        """Release the team's late pool as one record once >= k distinct devices are in it (messages)."""
        db = self.store.db
        n, messages, first, last_end, *sums = db.execute(
            "SELECT COUNT(DISTINCT device), SUM(messages), MIN(bucket_start), MAX(bucket_start + bucket_s), "
            f"{SUMS} FROM late_pool WHERE site = ? AND team = ?",
            (site, team),
        ).fetchone()
        if not n or n < self.k:
            return 0
        db.execute(
            "INSERT INTO late_released (site, team, released_at, first_bucket_start, last_bucket_end, "
            f"contributors, {FIELDS}) VALUES (?, ?, ?, ?, ?, ?, {MARKS})",
            (site, team, now, first, last_end, n, *sums),
        )
        db.execute("DELETE FROM late_pool WHERE site = ? AND team = ?", (site, team))
        db.execute("DELETE FROM late_keys WHERE site = ? AND team = ?", (site, team))  # a new key next time
        return int(messages)

    def summary(self, site: str, team: str) -> Summary:
        db = self.store.db
        # The last `history` buckets, and the last `history` buckets with figures even when suppressed ones
        # came after them: otherwise one device alone at night (or a hostile seat sending empty contributions
        # for the idle buckets after the team's last shift) pushed every figure out of the retained summary.
        where = f"{_PUBLISHED} WHERE site = ? AND team = ?"
        latest = db.execute(
            f"{where} ORDER BY bucket_start DESC LIMIT ?", (site, team, self.policy.history)
        ).fetchall()
        shown = db.execute(
            f"{where} AND contributors IS NOT NULL ORDER BY bucket_start DESC LIMIT ?",
            (site, team, self.policy.history),
        ).fetchall()
        rows = sorted({r[0]: r for r in (*latest, *shown)}.values(), key=lambda r: r[0], reverse=True)
        late = db.execute(
            f"SELECT released_at, first_bucket_start, last_bucket_end, contributors, {FIELDS} "
            "FROM late_released WHERE site = ? AND team = ? ORDER BY id DESC LIMIT ?",
            (site, team, MAX_LATE_IN_SUMMARY),
        ).fetchall()
        return Summary(
            site=site,
            team=team,
            k=self.k,
            generated_at=int(self._clock()),
            buckets=[bucket_summary(r[0], r[1], r[2], tuple(r[3:])) for r in reversed(rows)],
            late=[
                LateRelease(
                    released_at=r[0],
                    first_bucket_start=r[1],
                    last_bucket_end=r[2],
                    contributors=r[3],
                    counts=_counts(r[4:]),
                )
                for r in reversed(late)
            ],
        )

    def teams_with_summaries(self) -> list[tuple[str, str]]:
        q = "SELECT site, team FROM published UNION SELECT site, team FROM late_released"
        return sorted(self.store.db.execute(q).fetchall())

    def prune(self) -> tuple[dict[str, int], Counter[str]]:
        """Forget what is past its stated retention (fleet.store); late contributions that never reached k
        devices in time are dropped and counted (``late_expired``), never silently."""
        now = self._clock()
        p = self.policy
        oldest_bucket_end = now - p.max_age_s
        db = self.store.db
        removed: dict[str, int] = {}
        deltas: Counter[str] = Counter()
        self.store.begin()
        try:
            removed["seen"] = db.execute(
                "DELETE FROM seen WHERE received_at < ?", (now - p.dedup_retention_s,)
            ).rowcount
            removed["published"] = db.execute(
                "DELETE FROM published WHERE bucket_start + bucket_s < ?", (oldest_bucket_end - p.bucket_s,)
            ).rowcount
            removed["late_released"] = db.execute(
                "DELETE FROM late_released WHERE released_at < ?", (oldest_bucket_end,)
            ).rowcount
            (expired,) = db.execute(
                "SELECT COALESCE(SUM(messages), 0) FROM late_pool WHERE bucket_start + bucket_s < ?",
                (oldest_bucket_end,),
            ).fetchone()
            removed["late_pool"] = db.execute(
                "DELETE FROM late_pool WHERE bucket_start + bucket_s < ?", (oldest_bucket_end,)
            ).rowcount
            db.execute(
                "DELETE FROM late_keys WHERE NOT EXISTS (SELECT 1 FROM late_pool p "
                "WHERE p.site = late_keys.site AND p.team = late_keys.team)"
            )
            if expired:
                deltas["late_expired"] = int(expired)
            self.store.add_stats(deltas)
            self.store.commit()
        except BaseException:
            self.store.rollback()
            raise
        return removed, deltas
