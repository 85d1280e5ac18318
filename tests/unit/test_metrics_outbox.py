"""The durable outbox: survives reopen, bounded by age and rows, drops are counted; the publisher's ack
rules."""

from __future__ import annotations

import threading
from pathlib import Path

from device.metrics.anonymise import Anonymiser
from device.metrics.outbox import Outbox
from device.metrics.publisher import Publisher


def test_rows_survive_reopen_until_acked(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "o.sqlite3")
    for i in range(3):
        box.put("t", b"p%d" % i, f"m{i}")
    box.put("t", b"again", "m1")  # same message id: stored once
    box.close()
    box = Outbox(tmp_path / "o.sqlite3")
    assert box.pending_count() == 3
    assert [r.message_id for r in box.pending(10, exclude={"m0"})] == ["m1", "m2"]
    box.ack("m1")
    assert [r.payload for r in box.pending(10)] == [b"p0", b"p2"]


def test_limits_drop_oldest_and_count_it(tmp_path: Path, caplog) -> None:
    now = [1000.0]
    box = Outbox(tmp_path / "o.sqlite3", max_age_s=100, max_rows=3, clock=lambda: now[0])
    for i in range(5):
        box.put("t", b"x", f"m{i}")
    assert box.pending_count() == 3 and box.dropped_count() == 2
    assert [r.message_id for r in box.pending(10)] == ["m2", "m3", "m4"]
    now[0] += 101
    assert box.prune() == 3
    assert box.dropped_count() == 5 and box.pending_count() == 0
    assert "dropped" in caplog.text


class FakeTransport:
    """Drives the publisher's ack bookkeeping deterministically; the real path runs against Mosquitto."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, str]] = []
        self.sent_at: list[float | None] = []
        self.on_ack = None
        self.on_conn = None
        self.mid = 0
        self.lock = threading.Lock()

    def start(self, on_connection, on_ack) -> None:
        self.on_conn, self.on_ack = on_connection, on_ack
        on_connection(True)

    def publish(
        self, topic: str, payload: bytes, retain: bool = False, sent_at: float | None = None
    ) -> int | None:
        with self.lock:
            self.mid += 1
            self.sent.append((self.mid, topic))
            self.sent_at.append(sent_at)
            return self.mid

    def stop(self, timeout_s: float = 2.0) -> None:
        pass


def test_refused_publish_stays_in_the_outbox(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "o.sqlite3")
    tr = FakeTransport()
    pub = Publisher(box, tr, "ws-1", clock=lambda: 1_800_000_123.0)
    pub.start()
    a = Anonymiser("s", "t")
    pub.submit(a.contribution(1_800_000_000, 900, {"calls": 1}))
    pub.submit(a.contribution(1_800_000_000, 900, {"calls": 2}))
    import time

    deadline = time.monotonic() + 5
    while len(tr.sent) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(tr.sent) == 2
    assert {t for _m, t in tr.sent} == {"lugn/v1/s/t/contrib/ws-1"}  # the topic ends in the device's account
    assert tr.sent_at == [1_800_000_123.0] * 2  # with the seat's clock at send time (for skew correction)
    tr.on_ack(tr.sent[0][0], 0)  # PUBACK success
    tr.on_ack(tr.sent[1][0], 0x87)  # PUBACK 0x87: paho calls this "published" too
    deadline = time.monotonic() + 5
    while pub.acked + pub.refused < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    pub.stop()
    assert box.pending_count() == 1 and pub.refused == 1
    assert len(tr.sent) == 2  # the refused one is not retried in a hot loop


def test_recently_acknowledged_rows_are_sent_again_after_a_reconnect(tmp_path: Path) -> None:
    now = [1000.0]
    box = Outbox(tmp_path / "o.sqlite3", resend_s=60, clock=lambda: now[0])
    box.put("t", b"a", "old")
    box.put("t", b"b", "new")
    box.ack("old")
    now[0] += 50
    box.ack("new")
    assert box.pending_count() == 0
    now[0] += 20  # "old" was acknowledged 70 s ago, "new" 20 s ago
    assert box.requeue_recent() == 1
    assert [r.message_id for r in box.pending(10)] == ["new"]
    box.ack("new")
    now[0] += 61
    box.prune()
    assert box.requeue_recent() == 0  # past the window: gone for good
