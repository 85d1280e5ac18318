"""The outbox on a broken store: a database that fills (SQLITE_FULL via ``max_page_count``), a corrupt file, a
folder that cannot be made. It never raises, says why with the path, holds what it could not write (still
sendable), retries with backoff and writes what it held once the file works. No "cannot rollback"."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from device.metrics.outbox import Outbox
from device.retry import Backoff

ROOT = Path(__file__).resolve().parents[2]


def wait_until(predicate, timeout_s: float = 3.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def test_a_full_database_holds_rows_and_writes_them_once_there_is_room(tmp_path: Path, caplog) -> None:
    caplog.set_level(logging.WARNING)
    path = tmp_path / "o.sqlite3"
    seen = []
    box = Outbox(path, retry_initial_s=0.05, retry_max_s=0.1, on_health=seen.append)
    box.put("t", b"x" * 100, "m0")
    assert box._db is not None
    pages = box._db.execute("PRAGMA page_count").fetchone()[0]
    box._db.execute(f"PRAGMA max_page_count = {pages}")  # this connection's file is now "full"
    for i in range(1, 6):
        assert box.put("t", b"y" * 8000, f"m{i}") == 0  # never raises
    health = box.health()
    assert not health.ok and health.problem.startswith("disk full") and health.path == str(path)
    assert health.held >= 1 and box.pending_count() == 6  # nothing lost: held rows count as pending
    assert {r.message_id for r in box.pending(10)} == {f"m{i}" for i in range(6)}  # held rows are sendable
    assert seen and not seen[0].ok
    box._db.execute("PRAGMA max_page_count = 1073741823")  # room again
    # the retry (with backoff) writes what was held, and health comes back
    assert wait_until(lambda: (box.tick(), box.health().ok)[1])
    assert box.health().held == 0 and seen[-1].ok
    box.close()
    again = Outbox(path)
    assert sorted(r.message_id for r in again.pending(10)) == [f"m{i}" for i in range(6)]
    again.close()
    assert "cannot rollback" not in caplog.text


def test_a_corrupt_file_pauses_metrics_with_the_path_and_recovers_when_moved_aside(
    tmp_path: Path, caplog
) -> None:
    path = tmp_path / "state" / "outbox.sqlite3"
    path.parent.mkdir()
    path.write_bytes(b"this is not an SQLite database, it is a hostile seat" * 200)
    box = Outbox(path, retry_initial_s=0.05, retry_max_s=0.1)
    health = box.health()
    assert not health.ok and "not a valid SQLite database" in health.problem and health.path == str(path)
    box.put("t", b"a", "m1")
    box.put("t", b"b", "m2")
    assert box.pending_count() == 2 and [r.message_id for r in box.pending(10)] == ["m1", "m2"]
    box.ack("m1")  # delivered straight from memory
    assert [r.message_id for r in box.pending(10)] == ["m2"]
    shutil.move(path, path.with_suffix(".corrupt"))  # what IT is told to do
    assert wait_until(lambda: (box.tick(), box.health().ok)[1])
    assert [r.message_id for r in box.pending(10)] == ["m2"]
    box.close()
    assert [r.message_id for r in Outbox(path).pending(10)] == ["m2"]


def test_nothing_held_is_dropped_silently(tmp_path: Path, caplog) -> None:
    caplog.set_level(logging.WARNING)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the outbox folder should be")
    box = Outbox(blocker / "o.sqlite3", max_held=3, retry_initial_s=10.0)
    assert not box.ok and str(blocker / "o.sqlite3") == box.health().path
    for i in range(5):
        box.put("t", b"x", f"m{i}")
    assert box.pending_count() == 3 and box.dropped_count() == 2  # bounded, and counted
    box.close()
    assert "3 contribution(s) could not be saved" in caplog.text


def test_backoff_doubles_to_its_ceiling_with_jitter() -> None:
    b = Backoff(0.5, 4.0, jitter=0.2)
    waits = [b.next() for _ in range(8)]
    for w, base in zip(waits, [0.5, 1.0, 2.0, 4.0, 4.0, 4.0, 4.0, 4.0], strict=True):
        assert 0.8 * base <= w <= 1.2 * base
    assert len({round(w, 6) for w in waits[3:]}) > 1, "jitter spreads the waits"
    b.reset()
    assert 0.4 <= b.next() <= 0.6
    with pytest.raises(ValueError):
        Backoff(0.0, 1.0)


DISK_FILLS = r"""
import os, sys
from pathlib import Path
from device.metrics.outbox import Outbox
mnt = Path(sys.argv[1])
box = Outbox(mnt / "box" / "o.sqlite3", retry_initial_s=0.05, retry_max_s=0.1)
assert box.ok and box.reserve.path.is_file()
fd = os.open(mnt / "filler", os.O_WRONLY | os.O_CREAT)  # the disk fills up while the agent runs
try:
    while True:
        os.write(fd, b"\0" * 4096)
except OSError:
    pass
os.close(fd)
n = 0
for i in range(40):
    box.put("t", b"z" * 2000, f"m{i}")
print("after filling:", box.health().ok, box.pending_count(), box.health().held, box.health().problem[:40])
os.unlink(mnt / "filler")
import time
deadline = time.monotonic() + 5
while time.monotonic() < deadline and (box.tick() or not box.health().ok or box.health().held):
    time.sleep(0.05)
box.close()
print("stored:", len(Outbox(mnt / "box" / "o.sqlite3").pending(100)))
"""


def test_a_disk_that_fills_while_running_loses_no_contribution(tmp_path: Path) -> None:
    """A real 1 MB tmpfs (in a private mount namespace) filled up after the outbox opened."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare not available")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"no private mount namespace here: {probe.stderr.decode().strip()}")
    script = tmp_path / "fill.py"
    script.write_text(DISK_FILLS)
    shell = f'mount -t tmpfs -o size=1m tmpfs "{mnt}" && exec "{sys.executable}" "{script}" "{mnt}"'
    out = subprocess.run(
        ["unshare", "-rm", "sh", "-c", shell], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    print(out.stdout, out.stderr[-2000:])
    assert out.returncode == 0, out.stderr
    assert "after filling: False 40" in out.stdout  # paused (disk full), all 40 still pending
    assert "stored: 40" in out.stdout
    assert "cannot rollback" not in out.stderr and "Traceback" not in out.stderr
