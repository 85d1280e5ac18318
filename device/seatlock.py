"""One live agent per user session: a second ``lugn run`` must not open the headset again.

Why: two agents on one seat capture the same microphone and far end twice, count every call twice in the team
metrics (one outbox, two writers), and stack two identical indicators: the hidden one gets the global
shortcuts and the control socket, the visible one never changes when the agent presses Ctrl+Alt+N. The agent
only wanted Lugn on screen (a second click on the menu entry, an autostart plus a manual start).

The lock is an OS file lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on ``agent.lock`` beside the
control socket (``device.control``: the user's private runtime folder, or beside ``LUGN_CONTROL``), so it is
per user and per control address, and the OS drops it when the process dies: no stale lock after a crash.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from device.control import default_address, private_dir

IS_WINDOWS = sys.platform == "win32"


class AlreadyRunning(RuntimeError):
    """Another live agent holds the seat; ``pid`` is its process id (None if it could not be read)."""

    def __init__(self, pid: int | None, path: Path) -> None:
        self.pid, self.path = pid, path
        who = f"pid {pid}" if pid else "another process"
        super().__init__(f"Lugn is already running on this seat ({who}; lock {path})")


def lock_path(control_address: Path | None = None) -> Path:
    return (control_address or default_address()).parent / "agent.lock"


class SeatLock:
    """Held from :meth:`acquire` until :meth:`release` (or the end of the process)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or lock_path()
        self._file: IO[str] | None = None

    def acquire(self) -> SeatLock:
        self.path.parent.parent.mkdir(parents=True, exist_ok=True)
        if not IS_WINDOWS:
            private_dir(self.path.parent, create=True)  # the control socket's own checks: ours, 0700
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        f = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held for the life of the agent)
        try:
            _lock(f)
        except OSError as exc:
            text = ""
            with contextlib.suppress(OSError):  # Windows: the locked byte may not be readable
                f.seek(0)
                text = f.read().strip()
            f.close()
            raise AlreadyRunning(int(text) if text.isdigit() else None, self.path) from exc
        f.seek(0)
        f.truncate()
        f.write(str(os.getpid()))
        f.flush()
        self._file = f
        return self

    def release(self) -> None:
        if self._file is None:
            return
        with contextlib.suppress(OSError):
            self._file.seek(0)
            self._file.truncate()
            _unlock(self._file)
        self._file.close()
        self._file = None

    @property
    def held(self) -> bool:
        return self._file is not None


def _lock(f: IO[str]) -> None:
    if IS_WINDOWS:
        import msvcrt

        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(f: IO[str]) -> None:
    if IS_WINDOWS:
        import msvcrt

        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(f.fileno(), fcntl.LOCK_UN)
