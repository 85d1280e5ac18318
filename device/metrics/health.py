"""Store faults of the metrics path: why it is paused, in words IT can act on, and a reserve for a full disk.

Metrics are a side path: a store or broker fault pauses them (and says so, in ``lugn doctor``, the control
socket status and the agent UI) while tone analysis and coaching go on.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from device.protocol.payloads import PAUSE_REASONS

STORE_ERRORS = (sqlite3.Error, OSError)
RESERVE_BYTES = 128 * 1024  # ~300 contributions' worth of room, kept beside the outbox file


@dataclass(frozen=True)
class OutboxHealth:
    ok: bool
    path: str
    problem: str = ""  # why the file cannot be used ("" when ok)
    held: int = 0  # contributions kept in memory until the file takes them


@dataclass(frozen=True)
class MetricsHealth:
    """The metrics path as a whole: ``paused`` with ``reason`` and ``path`` (the outbox file), or working."""

    paused: bool
    reason: str = ""
    path: str = ""
    code: str = ""  # one of PAUSE_CODES when paused: said to IT in the device status (no path, no user name)


# Why metrics are paused, as a code safe to publish in the device status: never a path or a name.
PAUSE_CODES = PAUSE_REASONS


def store_problem_code(problem: str) -> str:
    """The code of a ``describe_store_error`` text (its plain-words prefix is written in this module)."""
    for prefix, code in (
        ("read-only", "outbox_read_only"),
        ("disk full", "outbox_disk_full"),
        ("not a valid SQLite", "outbox_corrupt"),
        ("permission denied", "outbox_no_permission"),
        ("folder ", "outbox_no_permission"),
    ):
        if problem.startswith(prefix):
            return code
    return "outbox_unusable"


def describe_store_error(exc: BaseException, path: Path) -> str:
    """A reason IT can act on, with the library's own words after it."""
    raw = str(exc)
    text = raw.lower()
    folder = path.parent if path.parent.exists() else next((p for p in path.parents if p.exists()), path)
    if isinstance(exc, OSError) and exc.errno == errno.EROFS:
        plain = "read-only file system"
    elif "readonly" in text or "read-only" in text:
        plain = "read-only file system or file"
    elif (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "full" in text:
        plain = "disk full"
    elif "not a database" in text or "malformed" in text:
        plain = "not a valid SQLite database (corrupt?); move the file aside to start a new outbox"
    elif isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM):
        plain = "permission denied"
    elif _read_only_mount(folder):
        plain = "read-only file system"
    elif _free_bytes(folder) == 0:
        plain = "disk full"
    elif folder.is_dir() and not os.access(folder, os.W_OK):
        plain = f"folder {folder} is not writable"
    else:
        plain = "cannot use the file"
    return f"{plain} ({type(exc).__name__}: {raw})"


def _free_bytes(folder: Path) -> int | None:
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return None
    return st.f_bavail * st.f_frsize


def _read_only_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


class Reserve:
    """A file of zeros beside the outbox, freed when the disk is full so the write in hand still lands."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def make(self) -> None:
        if self.path.exists():
            return
        try:
            with self.path.open("wb") as fh:
                fh.write(bytes(RESERVE_BYTES))
        except OSError:  # no room for it now; made again after the next successful re-open
            with contextlib.suppress(OSError):
                self.path.unlink()

    def free(self) -> bool:
        try:
            self.path.unlink()
        except OSError:
            return False
        return True
