"""One live agent per seat (``device.seatlock``): a second ``lugn run`` opens nothing twice. Before, it
started a second capture, a second pipeline and a second writer of the same outbox (every call counted
twice), and a second indicator exactly on top of the first that the shortcuts and ``lugn call`` never
reached."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from device.seatlock import AlreadyRunning, SeatLock, lock_path

ROOT = Path(__file__).resolve().parents[2]


def test_the_lock_is_exclusive_names_its_holder_and_comes_back(tmp_path: Path) -> None:
    path = lock_path(tmp_path / "run" / "lugn" / "control.sock")
    first = SeatLock(path).acquire()
    assert first.held and path.read_text() == str(os.getpid())
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"  # the control socket's private folder
    with pytest.raises(AlreadyRunning) as caught:
        SeatLock(path).acquire()
    assert caught.value.pid == os.getpid() and str(path) in str(caught.value)
    first.release()
    SeatLock(path).acquire().release()  # free again: no stale lock


def test_a_dead_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    path = lock_path(tmp_path / "run" / "lugn" / "control.sock")
    code = (
        "import time; from pathlib import Path; from device.seatlock import SeatLock; "
        f"lock = SeatLock(Path({str(path)!r})).acquire(); time.sleep(60)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    deadline = time.monotonic() + 30
    while not (path.exists() and path.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    with pytest.raises(AlreadyRunning) as caught:
        SeatLock(path).acquire()
    assert caught.value.pid == holder.pid
    holder.kill()  # a crash: no release, no clean-up
    holder.wait(10)
    SeatLock(path).acquire().release()


def test_a_second_headless_agent_refuses_at_once(tmp_path: Path) -> None:
    control = tmp_path / "run" / "lugn" / "control.sock"
    held = SeatLock(lock_path(control)).acquire()
    env = {
        **os.environ,
        "LUGN_POLICY": str(tmp_path / "p.toml"),
        "LUGN_USER_SETTINGS": str(tmp_path / "u.toml"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "lugn", "run", "--headless", "--control", str(control)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=60,
    )  # fmt: skip
    held.release()
    assert proc.returncode == 3, proc.stderr
    assert (
        f"already running on this seat (pid {os.getpid()}" in proc.stderr
        and "lugn call status" in proc.stderr
    )
    assert proc.stdout == ""  # no event line: no device was opened, no pipeline ran
    assert time.monotonic() - started < 20
    assert not (tmp_path / "state" / "lugn" / "oplog" / "operation.log").exists()  # no second "start"
