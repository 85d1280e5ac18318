"""The aggregator's SQLite state, and what it keeps for how long (docs/privacy.md, "What is kept").

- ``seen``: message ids, for de-duplication across restarts; pruned after the policy's ``dedup_retention_s``
  (older than that, a replay is rejected for its age anyway).
- ``open_buckets`` + ``device_counts``: per bucket a random key, and per device a keyed hash of its account
  with its running totals. Both are deleted in the transaction that makes the bucket final (``published``):
  after that, no state links a device to a bucket, and the key that could recompute the hash is gone.
- ``published``: each final bucket exactly as it was published (counts only when >= k devices); immutable,
  pruned after the maximum contribution age.
- ``late_keys`` + ``late_pool``: contributions that arrived after their bucket was final, per team, keyed like
  open buckets; released together (``late_released``) once at least k devices are in the pool, or expired.
- ``stats``/``meta``: counters (every outcome, every reject reason), updated in the same transaction as the
  contributions they count, so a kill -9 loses neither.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from device.protocol.payloads import COUNT_FIELDS

_COLS = ", ".join(f"{f} INTEGER NOT NULL" for f in COUNT_FIELDS)
_NULL_COLS = ", ".join(f"{f} INTEGER" for f in COUNT_FIELDS)
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS seen (message_id TEXT PRIMARY KEY, received_at REAL NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS seen_age ON seen (received_at);
CREATE TABLE IF NOT EXISTS open_buckets (
    site TEXT NOT NULL, team TEXT NOT NULL, bucket_start INTEGER NOT NULL, bucket_s INTEGER NOT NULL,
    hkey BLOB NOT NULL, PRIMARY KEY (site, team, bucket_start)
);
CREATE TABLE IF NOT EXISTS device_counts (
    site TEXT NOT NULL, team TEXT NOT NULL, bucket_start INTEGER NOT NULL, device TEXT NOT NULL, {_COLS},
    PRIMARY KEY (site, team, bucket_start, device)
);
CREATE TABLE IF NOT EXISTS published (
    site TEXT NOT NULL, team TEXT NOT NULL, bucket_start INTEGER NOT NULL, bucket_s INTEGER NOT NULL,
    published_at INTEGER NOT NULL, contributors INTEGER, {_NULL_COLS},
    PRIMARY KEY (site, team, bucket_start)
);
CREATE TABLE IF NOT EXISTS late_keys (
    site TEXT NOT NULL, team TEXT NOT NULL, hkey BLOB NOT NULL, PRIMARY KEY (site, team)
);
CREATE TABLE IF NOT EXISTS late_pool (
    site TEXT NOT NULL, team TEXT NOT NULL, device TEXT NOT NULL, bucket_start INTEGER NOT NULL,
    bucket_s INTEGER NOT NULL, messages INTEGER NOT NULL, {_COLS},
    PRIMARY KEY (site, team, device, bucket_start)
);
CREATE TABLE IF NOT EXISTS late_released (
    id INTEGER PRIMARY KEY AUTOINCREMENT, site TEXT NOT NULL, team TEXT NOT NULL,
    released_at INTEGER NOT NULL, first_bucket_start INTEGER NOT NULL, last_bucket_end INTEGER NOT NULL,
    contributors INTEGER NOT NULL, {_COLS}
);
CREATE TABLE IF NOT EXISTS stats (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
SUMS = ", ".join(f"SUM({f})" for f in COUNT_FIELDS)
FIELDS = ", ".join(COUNT_FIELDS)
MARKS = ", ".join("?" * len(COUNT_FIELDS))


class Store:
    """Thin SQL helpers; the caller owns transactions (``begin``/``commit``/``rollback``)."""

    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self._add_new_count_columns()

    def _add_new_count_columns(self) -> None:
        """A state file from before a count was added (``declined``, issue #13) gets the column, zero in old
        rows (NULL in suppressed published rows), so an upgrade keeps every bucket."""
        for table, nullable in (
            ("device_counts", False), ("published", True), ("late_pool", False), ("late_released", False)
        ):  # fmt: skip
            have = {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}
            for name in COUNT_FIELDS:
                if name not in have:
                    kind = "INTEGER" if nullable else "INTEGER NOT NULL DEFAULT 0"
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")

    def close(self) -> None:
        self.db.close()

    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        self.db.execute("ROLLBACK")

    # -- counters
    def load_stats(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT key, value FROM stats").fetchall())

    def add_stats(self, deltas: dict[str, int]) -> None:
        self.db.executemany(
            "INSERT INTO stats (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = value + excluded.value",
            [(k, v) for k, v in deltas.items() if v],
        )

    def max_stat(self, key: str, value: int) -> None:
        self.db.execute(
            "INSERT INTO stats (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = MAX(value, excluded.value)",
            (key, value),
        )

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM meta").fetchall())

    # -- de-duplication
    def first_sight(self, message_id: str, now: float) -> bool:
        cur = self.db.execute(
            "INSERT OR IGNORE INTO seen (message_id, received_at) VALUES (?, ?)", (message_id, now)
        )
        return cur.rowcount == 1

    # -- open buckets
    def open_keys(self) -> dict[tuple[str, str, int], bytes]:
        rows = self.db.execute("SELECT site, team, bucket_start, hkey FROM open_buckets").fetchall()
        return {(s, t, b): bytes(k) for s, t, b, k in rows}

    def open_bucket(self, site: str, team: str, start: int, length: int, key: bytes) -> None:
        self.db.execute("INSERT INTO open_buckets VALUES (?, ?, ?, ?, ?)", (site, team, start, length, key))

    def is_published(self, site: str, team: str, start: int) -> bool:
        q = "SELECT 1 FROM published WHERE site = ? AND team = ? AND bucket_start = ?"
        return self.db.execute(q, (site, team, start)).fetchone() is not None

    def device_totals(self, where: Sequence[object]) -> list[int] | None:
        """Running totals of one device (site, team, bucket, device hash) in an open bucket."""
        q = f"SELECT {FIELDS} FROM device_counts WHERE site = ? AND team = ? AND bucket_start = ? "
        q += " AND device = ?"
        row = self.db.execute(q, tuple(where)).fetchone()
        return list(row) if row else None

    def late_totals(self, where: Sequence[object]) -> tuple[int, list[int]] | None:
        """(messages, running totals) of one device (site, team, device hash, bucket) in the late pool."""
        q = f"SELECT messages, {FIELDS} FROM late_pool WHERE site = ? AND team = ? AND device = ?"
        q += " AND bucket_start = ?"
        row = self.db.execute(q, tuple(where)).fetchone()
        return (int(row[0]), list(row[1:])) if row else None

    def put_device(self, site: str, team: str, start: int, device: str, totals: Iterable[int]) -> None:
        self.db.execute(
            f"INSERT OR REPLACE INTO device_counts VALUES (?, ?, ?, ?, {MARKS})",
            (site, team, start, device, *totals),
        )

    def put_late(
        self, site: str, team: str, device: str, start: int, length: int, messages: int, totals: Iterable[int]
    ) -> None:
        self.db.execute(
            f"INSERT OR REPLACE INTO late_pool VALUES (?, ?, ?, ?, ?, ?, {MARKS})",
            (site, team, device, start, length, messages, *totals),
        )

    def late_key(self, site: str, team: str, new_key: bytes) -> bytes:
        self.db.execute("INSERT OR IGNORE INTO late_keys VALUES (?, ?, ?)", (site, team, new_key))
        row = self.db.execute(
            "SELECT hkey FROM late_keys WHERE site = ? AND team = ?", (site, team)
        ).fetchone()
        return bytes(row[0])
