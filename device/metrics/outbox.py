"""Durable SQLite outbox: a contribution counts as sent only once the broker acknowledged it (PUBACK < 0x80).

Acknowledged rows are kept for ``resend_s`` more and sent once again after a reconnect
(see ``requeue_recent``), then deleted.

Survives broker downtime and agent restarts. Bounded by age and row count (policy); anything dropped is logged
and counted (``dropped_count``), so IT can see it in the device status.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from device.metrics.anonymise import random_hex32

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL UNIQUE,
    topic TEXT NOT NULL,
    payload BLOB NOT NULL,
    created_at REAL NOT NULL,
    acked_at REAL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
    bucket_start INTEGER PRIMARY KEY, token TEXT NOT NULL, created_at REAL NOT NULL
);
"""


@dataclass(frozen=True)
class OutboxRow:
    message_id: str
    topic: str
    payload: bytes
    created_at: float


class Outbox:
    def __init__(
        self,
        path: str | Path,
        max_age_s: float = 7 * 86400,
        max_rows: int = 5000,
        clock: Callable[[], float] = time.time,
        resend_s: float = 60.0,
    ) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.max_age_s = max_age_s
        self.max_rows = max_rows
        self.resend_s = resend_s
        self._clock = clock
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def put(self, topic: str, payload: bytes, message_id: str) -> int:
        """Store one message; returns how many old messages the limits dropped to make room."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    "INSERT OR IGNORE INTO outbox (message_id, topic, payload, created_at) "
                    "VALUES (?, ?, ?, ?)",
                    (message_id, topic, payload, self._clock()),
                )
                dropped = self._enforce_limits()
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return dropped

    def prune(self) -> int:
        """Apply the age/size limits now (the publisher calls this periodically)."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            dropped = self._enforce_limits()
            self._db.execute("COMMIT")
        return dropped

    def _enforce_limits(self) -> int:
        cutoff = self._clock() - self.max_age_s
        self._db.execute(
            "DELETE FROM outbox WHERE acked_at IS NOT NULL AND acked_at < ?", (self._clock() - self.resend_s,)
        )
        old = self._db.execute(
            "DELETE FROM outbox WHERE acked_at IS NULL AND created_at < ?", (cutoff,)
        ).rowcount
        n = self._db.execute("SELECT COUNT(*) FROM outbox WHERE acked_at IS NULL").fetchone()[0]
        over = max(0, n - self.max_rows)
        if over:
            self._db.execute(
                "DELETE FROM outbox WHERE seq IN "
                "(SELECT seq FROM outbox WHERE acked_at IS NULL ORDER BY seq LIMIT ?)",
                (over,),
            )
        self._db.execute("DELETE FROM tokens WHERE created_at < ?", (self._clock() - 2 * 86400,))
        dropped = old + over
        if dropped:
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES ('dropped', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = value + excluded.value",
                (dropped,),
            )
            log.warning(
                "outbox %s: dropped %d unsent contribution(s) (%d older than %.1f days, %d over %d rows)",
                self.path,
                dropped,
                old,
                self.max_age_s / 86400,
                over,
                self.max_rows,
            )
        return dropped

    def pending(self, limit: int = 100, exclude: Iterable[str] = ()) -> list[OutboxRow]:
        skip = set(exclude)
        with self._lock:
            rows = self._db.execute(
                "SELECT message_id, topic, payload, created_at FROM outbox WHERE acked_at IS NULL "
                "ORDER BY seq LIMIT ?",
                (limit + len(skip),),
            ).fetchall()
        return [OutboxRow(m, t, bytes(p), c) for m, t, p, c in rows if m not in skip][:limit]

    def ack(self, message_id: str) -> None:
        with self._lock:
            self._db.execute(
                "UPDATE outbox SET acked_at = ? WHERE message_id = ?", (self._clock(), message_id)
            )

    def requeue_recent(self) -> int:
        """Mark rows acknowledged within ``resend_s`` as unsent again (after a reconnect).

        A PUBACK is hop-by-hop: a broker that crashes right after acknowledging can lose a message before it
        reaches the aggregator. Re-sending the last moments after every reconnect closes that gap; the
        aggregator drops the duplicates by message id.
        """
        with self._lock:
            return int(
                self._db.execute(
                    "UPDATE outbox SET acked_at = NULL WHERE acked_at IS NOT NULL AND acked_at >= ?",
                    (self._clock() - self.resend_s,),
                ).rowcount
            )

    def pending_count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM outbox WHERE acked_at IS NULL").fetchone()[0])

    def dropped_count(self) -> int:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'dropped'").fetchone()
        return int(row[0]) if row else 0

    def token_for(self, bucket_start: int) -> str:
        """The contributor token of a bucket, kept across restarts for as long as the bucket can matter."""
        with self._lock:
            self._db.execute(
                "INSERT OR IGNORE INTO tokens (bucket_start, token, created_at) VALUES (?, ?, ?)",
                (bucket_start, random_hex32(), self._clock()),
            )
            return str(
                self._db.execute(
                    "SELECT token FROM tokens WHERE bucket_start = ?", (bucket_start,)
                ).fetchone()[0]
            )
