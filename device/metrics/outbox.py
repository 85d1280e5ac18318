"""Durable SQLite outbox: a contribution counts as sent only once the broker acknowledged it (PUBACK < 0x80).

Acknowledged rows are kept for ``resend_s`` more and sent once again after a reconnect
(see ``requeue_recent``), then deleted.

Survives broker downtime and agent restarts. Bounded by age and row count (policy); anything dropped is logged
and counted (``dropped_count``), so IT can see it in the device status. The file holds this agent's own
counts per bucket: it is created 0600 in a 0700 folder, readable by no other local user.

A side path must never stop the indicator, so the outbox never raises for a broken store: when its file
cannot be opened or written (read-only or full file system, a corrupt file) it says why (``health()``, with
the path), keeps new contributions in memory (bounded, still sendable to the broker) and tries the file
again with backoff; once the file works, what was held is written to it. A small reserve file beside the
outbox is freed when the disk fills up, so the write in hand (and a few after it) still lands.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from device.metrics.health import STORE_ERRORS, OutboxHealth, Reserve, describe_store_error
from device.retry import Backoff

log = logging.getLogger(__name__)
T = TypeVar("T")

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
DROP TABLE IF EXISTS tokens;  -- per-bucket contributor tokens: no longer part of the protocol (#11)
"""
_INSERT = "INSERT OR IGNORE INTO outbox (message_id, topic, payload, created_at) VALUES (?, ?, ?, ?)"


def _private_file(path: Path) -> None:
    """Create ``path``'s folder (0700) and the file itself (0600) before SQLite opens it, and take group and
    other access away from an outbox an older version left readable: the rows are THIS agent's counts per
    bucket (one agent's numbers), so no other local user may read them. SQLite gives its -wal and -shm files
    the database file's permissions."""
    if not path.parent.is_dir():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name != "posix":
        return  # Windows: the file inherits the per-user ACL of %LOCALAPPDATA%
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            if os.stat(p).st_mode & 0o077:
                os.chmod(p, 0o600)


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
        *,
        retry_initial_s: float = 5.0,
        retry_max_s: float = 300.0,
        max_held: int = 1000,
        on_health: Callable[[OutboxHealth], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.reserve = Reserve(self.path.with_name(self.path.name + ".reserve"))
        self.max_age_s = max_age_s
        self.max_rows = max_rows
        self.resend_s = resend_s
        self.max_held = max_held
        self.on_health = on_health
        self._clock = clock
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        self._held: dict[str, OutboxRow] = {}  # message_id -> row, in arrival order
        self._held_dropped = 0
        self._backoff = Backoff(retry_initial_s, retry_max_s)
        self._retry_at = 0.0
        self._closed = False
        self.problem = ""
        self.last_acked: tuple[OutboxRow, float] | None = None  # what the broker confirmed last, and when
        with self._lock:
            self._open()

    # -- health ---------------------------------------------------------------------------------------------
    @property
    def ok(self) -> bool:
        return not self.problem

    def health(self) -> OutboxHealth:
        with self._lock:
            return OutboxHealth(not self.problem, str(self.path), self.problem, len(self._held))

    def tick(self) -> None:
        """Try the file again if it failed and its retry is due (cheap when all is well)."""
        if self.problem and not self._closed and time.monotonic() >= self._retry_at:
            with self._lock:
                self._writable()

    def _open(self) -> bool:
        db = None
        try:
            _private_file(self.path)
            db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None, timeout=2.0)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
        except STORE_ERRORS as exc:
            if db is not None:
                with contextlib.suppress(*STORE_ERRORS):
                    db.close()
            self._failed(exc, keep=False)
            return False
        self._db = db
        return self._recover()

    def _recover(self) -> bool:
        """The file is open (again): write what was held, make the reserve, say metrics work again."""
        try:
            self._with_reserve(self._store_held)
        except STORE_ERRORS as exc:
            self._failed(exc)
            return False
        self.reserve.make()
        self._backoff.reset()
        if self.problem:
            log.warning("outbox %s works again; metrics resume", self.path)
            self.problem = ""
            self._notify()
        return True

    def _usable(self) -> bool:
        """For reads: the open file, even while writes to it fail (a full disk can still be read)."""
        if self._db is not None:
            return True
        return self._writable()

    def _writable(self) -> bool:
        """For writes: the file works, or it failed and its retry is due (then held rows go first)."""
        if self._closed:
            return False
        if not self.problem:
            return self._db is not None or self._open()
        if time.monotonic() < self._retry_at:
            return False
        return self._open() if self._db is None else self._recover()

    def _failed(self, exc: BaseException, keep: bool = True) -> None:
        """A store error: pause with the reason, retry later. The connection is kept for reads when the
        file itself is fine (full, read-only) and dropped when it is not (corrupt, I/O errors)."""
        problem = describe_store_error(exc, self.path)
        if self._db is not None:
            with contextlib.suppress(*STORE_ERRORS):
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
            if not (keep and problem.startswith(("disk full", "read-only"))):
                with contextlib.suppress(*STORE_ERRORS):
                    self._db.close()
                self._db = None
        wait = self._backoff.next()
        self._retry_at = time.monotonic() + wait
        if problem != self.problem:
            log.warning("metrics paused: outbox %s: %s; retrying in %.0f s", self.path, problem, wait)
            self.problem = problem
            self._notify()

    def _notify(self) -> None:
        if self.on_health is not None:
            try:
                self.on_health(OutboxHealth(not self.problem, str(self.path), self.problem, len(self._held)))
            except Exception:
                log.exception("outbox health listener failed")

    # -- writing --------------------------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            if self.problem and not self._closed:
                self._retry_at = 0.0  # one last try for what is held
                self._writable()
            if self._held:
                log.error(
                    "outbox %s: %d contribution(s) could not be saved (%s)",
                    self.path,
                    len(self._held),
                    self.problem,
                )
            self._closed = True
            if self._db is not None:
                with contextlib.suppress(*STORE_ERRORS):
                    self._db.close()
                self._db = None

    def put(self, topic: str, payload: bytes, message_id: str) -> int:
        """Store one message; returns how many old messages the limits dropped to make room."""
        row = OutboxRow(message_id, topic, payload, self._clock())
        with self._lock:
            if self._writable():
                try:
                    return self._with_reserve(lambda: self._write([row]))
                except STORE_ERRORS as exc:
                    self._failed(exc)
            self._hold(row)
        return 0

    def _with_reserve(self, write: Callable[[], T]) -> T:
        """``write()``; if the disk is full, free the reserve and try once more."""
        try:
            return write()
        except STORE_ERRORS as exc:
            if not describe_store_error(exc, self.path).startswith("disk full"):
                raise
            if not self.reserve.free():
                raise
            log.warning("outbox %s: the disk is full; its reserve was freed for the write in hand", self.path)
            return write()

    def _write(self, rows: list[OutboxRow]) -> int:
        """One transaction; on an error SQLite may already have rolled back (SQLITE_FULL), so only an open
        transaction is rolled back here."""
        assert self._db is not None
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.executemany(_INSERT, [(r.message_id, r.topic, r.payload, r.created_at) for r in rows])
            dropped = self._enforce_limits()
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                with contextlib.suppress(*STORE_ERRORS):
                    self._db.execute("ROLLBACK")
            raise
        return dropped

    def _hold(self, row: OutboxRow) -> None:
        self._held[row.message_id] = row
        while len(self._held) > self.max_held:
            del self._held[next(iter(self._held))]
            self._held_dropped += 1

    def _store_held(self) -> None:
        """The file works (again): what was held goes into it."""
        assert self._db is not None
        if self._held:
            self._write(list(self._held.values()))
            log.warning("outbox %s: %d held contribution(s) saved", self.path, len(self._held))
            self._held.clear()
        if self._held_dropped:
            self._count_dropped(self._held_dropped)
            self._held_dropped = 0

    def prune(self) -> int:
        """Apply the age/size limits now (the publisher calls this periodically)."""
        with self._lock:
            if not self._writable():
                return 0
            try:
                return self._write([])
            except STORE_ERRORS as exc:
                self._failed(exc)
                return 0

    def _enforce_limits(self) -> int:
        assert self._db is not None
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
        dropped = old + over
        if dropped:
            self._count_dropped(dropped)
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

    def _count_dropped(self, n: int) -> None:
        assert self._db is not None
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES ('dropped', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = value + excluded.value",
            (n,),
        )

    # -- reading and acknowledging (held rows can be sent too: the broker may be there when the disk is not) -
    def _query(self, sql: str, args: tuple[Any, ...] = ()) -> list[Any] | None:
        if not self._usable():
            return None
        assert self._db is not None
        try:
            return list(self._db.execute(sql, args).fetchall())
        except STORE_ERRORS as exc:
            self._failed(exc)
            return None

    def pending(self, limit: int = 100, exclude: Iterable[str] = ()) -> list[OutboxRow]:
        skip = set(exclude)
        with self._lock:
            rows = self._query(
                "SELECT message_id, topic, payload, created_at FROM outbox WHERE acked_at IS NULL "
                "ORDER BY seq LIMIT ?",
                (limit + len(skip),),
            )
            stored = [OutboxRow(m, t, bytes(p), c) for m, t, p, c in rows or ()]
            held = list(self._held.values())
        return [r for r in stored + held if r.message_id not in skip][:limit]

    def ack(self, message_id: str) -> None:
        with self._lock:
            if (held := self._held.pop(message_id, None)) is not None:
                self.last_acked = (held, self._clock())
                return  # delivered straight from memory: nothing left to keep
            if self._writable():  # else it is sent once more later; the aggregator drops the duplicate
                assert self._db is not None
                try:
                    rows = self._db.execute(
                        "SELECT message_id, topic, payload, created_at FROM outbox WHERE message_id = ?",
                        (message_id,),
                    ).fetchall()
                    if rows:  # kept for "What leaves this computer" (the agent sees what was sent)
                        m, t, p, c = rows[0]
                        self.last_acked = (OutboxRow(m, t, bytes(p), c), self._clock())
                    self._db.execute(
                        "UPDATE outbox SET acked_at = ? WHERE message_id = ?", (self._clock(), message_id)
                    )
                except STORE_ERRORS as exc:
                    self._failed(exc)

    def requeue_recent(self) -> int:
        """Mark rows acknowledged within ``resend_s`` as unsent again (after a reconnect).

        A PUBACK is hop-by-hop: a broker that crashes right after acknowledging can lose a message before it
        reaches the aggregator. Re-sending the last moments after every reconnect closes that gap; the
        aggregator drops the duplicates by message id.
        """
        with self._lock:
            if not self._writable():
                return 0
            assert self._db is not None
            try:
                return int(
                    self._db.execute(
                        "UPDATE outbox SET acked_at = NULL WHERE acked_at IS NOT NULL AND acked_at >= ?",
                        (self._clock() - self.resend_s,),
                    ).rowcount
                )
            except STORE_ERRORS as exc:
                self._failed(exc)
                return 0

    def pending_count(self) -> int:
        with self._lock:
            rows = self._query("SELECT COUNT(*) FROM outbox WHERE acked_at IS NULL")
            return (int(rows[0][0]) if rows else 0) + len(self._held)

    def stuck_count(self, older_than_s: float) -> int:
        """Unsent rows created more than ``older_than_s`` ago (a connected seat sends within seconds)."""
        with self._lock:
            cutoff = self._clock() - older_than_s
            q = "SELECT COUNT(*) FROM outbox WHERE acked_at IS NULL AND created_at < ?"
            rows = self._query(q, (cutoff,))
            held = sum(r.created_at < cutoff for r in self._held.values())
            return (int(rows[0][0]) if rows else 0) + held

    def dropped_count(self) -> int:
        with self._lock:
            rows = self._query("SELECT value FROM meta WHERE key = 'dropped'")
            return (int(rows[0][0]) if rows else 0) + self._held_dropped
