"""Why the metrics path is paused, in words IT can act on, with the file it concerns.

Metrics are a side path: a store or broker fault pauses them (and says so, in ``lugn doctor``, the control
socket status and the agent UI) while tone analysis and coaching go on.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

STORE_ERRORS = (sqlite3.Error, OSError)


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


def describe_store_error(exc: BaseException, path: Path) -> str:
    """A reason IT can act on, with the library's own words after it."""
    raw = str(exc)
    text = raw.lower()
    folder = path.parent if path.parent.exists() else next((p for p in path.parents if p.exists()), path)
    if (isinstance(exc, OSError) and exc.errno == errno.EROFS) or "readonly" in text or "read-only" in text:
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
