"""The k-anonymous aggregator's core: validate, de-duplicate, sum, summarise. No MQTT in here.

State is one SQLite file: every accepted message id (de-duplication survives a restart) and per-bucket sums
per
contributor token. The MQTT side (``fleet.service``) acknowledges a message only after it is committed here,
so a
restart neither loses nor double-counts a bucket.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pydantic import ValidationError

from device.metrics.payloads import MAX_PAYLOAD_BYTES, BucketSummary, Contribution, Counts, Summary
from device.metrics.settings import K_FLOOR
from device.metrics.topics import parse_team_topic

log = logging.getLogger(__name__)

COUNT_FIELDS = tuple(Counts.model_fields)
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS seen (message_id TEXT PRIMARY KEY, received_at REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sums (
    site TEXT NOT NULL, team TEXT NOT NULL, bucket_start INTEGER NOT NULL, bucket_s INTEGER NOT NULL,
    contributor TEXT NOT NULL, {", ".join(f"{f} INTEGER NOT NULL" for f in COUNT_FIELDS)},
    PRIMARY KEY (site, team, bucket_start, bucket_s, contributor)
);
CREATE TABLE IF NOT EXISTS stats (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""
_UPSERT = (
    f"INSERT INTO sums VALUES (?, ?, ?, ?, ?, {', '.join('?' * len(COUNT_FIELDS))}) "
    "ON CONFLICT (site, team, bucket_start, bucket_s, contributor) DO UPDATE SET "
    + ", ".join(f"{f} = {f} + excluded.{f}" for f in COUNT_FIELDS)
)


@dataclass(frozen=True)
class Outcome:
    status: str  # accepted | duplicate | ignored | rejected
    reason: str = ""
    site: str = ""
    team: str = ""
    message_id: str = ""


class Aggregator:
    def __init__(
        self,
        state_path: str,
        k: int = K_FLOOR,
        teams: Iterable[str] | None = None,
        clock: Callable[[], float] = time.time,
        max_age_s: float = 8 * 86400,
        max_skew_s: float = 300,
        history: int = 16,
    ) -> None:
        self.k = max(K_FLOOR, int(k))  # the floor is compiled in: configuration may raise k, never lower it
        self.teams = frozenset(teams) if teams else None
        self._clock = clock
        self._max_age_s = max_age_s
        self._max_skew_s = max_skew_s
        self._history = history
        self._db = sqlite3.connect(state_path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self.stats: Counter[str] = Counter(dict(self._db.execute("SELECT key, value FROM stats").fetchall()))
        self._dirty: set[tuple[str, str]] = {
            (s, t) for s, t in self._db.execute("SELECT DISTINCT site, team FROM sums").fetchall()
        }

    def close(self) -> None:
        self._db.close()

    def _reject(self, reason: str, topic: str, detail: str = "") -> Outcome:
        self.stats["rejected"] += 1
        self.stats[f"rejected.{reason}"] += 1
        n = self.stats[f"rejected.{reason}"]
        if n <= 10 or n % 1000 == 0:
            log.warning("rejected message on %.80r: %s (%d so far) %s", topic, reason, n, detail[:200])
        self._db.execute(
            "INSERT INTO stats (key, value) VALUES (?, 1), ('rejected', 1) "
            "ON CONFLICT(key) DO UPDATE SET value = value + 1",
            (f"rejected.{reason}",),
        )
        return Outcome("rejected", reason)

    def handle(self, topic: str, payload: bytes) -> Outcome:
        """Validate and count one message. Never raises on bad input: the outcome says what happened."""
        return self.handle_batch([(topic, payload)])[0]

    def _validate(self, topic: str, payload: bytes) -> Outcome | tuple[str, str, Contribution]:
        if len(payload) > MAX_PAYLOAD_BYTES:
            return self._reject("oversized", topic, f"{len(payload)} bytes")
        where = parse_team_topic(topic, "contrib")
        if where is None:
            return self._reject("topic", topic)
        site, team = where
        if self.teams is not None and team not in self.teams:
            self.stats["ignored"] += 1
            return Outcome("ignored", "other shard", site, team)
        try:
            c = Contribution.model_validate_json(payload)
        except ValidationError as exc:
            return self._reject("schema", topic, str(exc.errors(include_url=False, include_input=False)[:2]))
        except ValueError as exc:
            return self._reject("schema", topic, str(exc))
        if (c.site, c.team) != (site, team):
            return self._reject("topic_mismatch", topic)
        now = self._clock()
        if c.bucket_start > now + self._max_skew_s:
            return self._reject("bucket_future", topic, str(c.bucket_start))
        if c.bucket_start + c.bucket_s < now - self._max_age_s:
            return self._reject("bucket_too_old", topic, str(c.bucket_start))
        return site, team, c

    def handle_batch(self, messages: list[tuple[str, bytes]]) -> list[Outcome]:
        """Validate and count messages in order, committing all accepted ones in one transaction."""
        checked = [self._validate(topic, payload) for topic, payload in messages]
        if not any(isinstance(v, tuple) for v in checked):
            return [v for v in checked if isinstance(v, Outcome)]
        out: list[Outcome] = []
        now = self._clock()
        accepted: list[tuple[str, str]] = []
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for v in checked:
                if isinstance(v, Outcome):
                    out.append(v)
                    continue
                site, team, c = v
                cur = self._db.execute(
                    "INSERT OR IGNORE INTO seen (message_id, received_at) VALUES (?, ?)", (c.message_id, now)
                )
                if cur.rowcount == 0:
                    out.append(Outcome("duplicate", "", site, team, c.message_id))
                    continue
                self._db.execute(
                    _UPSERT,
                    (
                        site,
                        team,
                        c.bucket_start,
                        c.bucket_s,
                        c.contributor,
                        *(getattr(c.counts, f) for f in COUNT_FIELDS),
                    ),
                )
                out.append(Outcome("accepted", "", site, team, c.message_id))
                accepted.append((site, team))
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self.stats["accepted"] += len(accepted)
        self.stats["duplicates"] += sum(o.status == "duplicate" for o in out)
        self._dirty.update(accepted)
        return out

    def take_dirty(self) -> list[Summary]:
        """Summaries of every team that changed since the last call."""
        dirty, self._dirty = self._dirty, set()
        return [self.summary(site, team) for site, team in sorted(dirty)]

    def mark_dirty(self, site: str, team: str) -> None:
        self._dirty.add((site, team))

    def summary(self, site: str, team: str) -> Summary:
        rows = self._db.execute(
            f"SELECT bucket_start, bucket_s, COUNT(*), {', '.join(f'SUM({f})' for f in COUNT_FIELDS)} "
            "FROM sums WHERE site = ? AND team = ? GROUP BY bucket_start, bucket_s "
            "ORDER BY bucket_start DESC, bucket_s LIMIT ?",
            (site, team, self._history),
        ).fetchall()
        buckets = [self._bucket(row) for row in reversed(rows)]
        return Summary(site=site, team=team, k=self.k, generated_at=int(self._clock()), buckets=buckets)

    def _bucket(self, row: tuple[int, ...]) -> BucketSummary:
        start, length, contributors, *sums = row
        if contributors < self.k:
            return BucketSummary(bucket_start=start, bucket_s=length, suppressed=True)
        counts = Counts.model_construct(None, **dict(zip(COUNT_FIELDS, sums, strict=True)))
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

    def persist_stats(self) -> None:
        for key in ("accepted", "duplicates"):
            self._db.execute(
                "INSERT INTO stats (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, self.stats[key]),
            )
