"""Attacks 6 and 7: acknowledged but silently lost; an aggregator that forgets its counters and goes quiet.

Before the fix: a seat whose clock was 1 h fast got its PUBACK, deleted the row, and the aggregator rejected
it (bucket in the future) with nothing anywhere saying so; the ``accepted`` counter was lost on kill -9;
reject logging stopped for good after 10 lines per reason; message ids and sums were never forgotten.
"""

from __future__ import annotations

import json
import logging
import time

import pytest

from device.metrics.anonymise import Anonymiser
from device.metrics.outbox import Outbox
from device.metrics.publisher import Publisher
from device.protocol.transport import PahoTransport
from fleet.aggregator import Outcome
from fleet.health import RejectLog
from tests.attacks.conftest import (
    SITE,
    AggregateProcess,
    Clock,
    aggregator,
    contribution,
    health,
    params,
    pub,
    seat,
)
from tests.integration.conftest import wait_for

pytestmark = pytest.mark.broker


def test_a_seat_with_a_wrong_clock_is_counted_in_the_real_bucket(broker, tmp_path, caplog) -> None:
    # The aggregator's clock is pinned 600 s into a 900 s bucket, so the test never straddles a bucket end
    # (a contribution placed in a bucket already published would be held as late, not counted here).
    agg_clock = Clock()
    now = time.time()
    agg_clock.offset_s = (now // 900 * 900 + 600) - now
    agg = aggregator(broker, "clock", tmp_path / "agg.sqlite3", agg_clock)
    fast = seat("clock", 0)
    ahead_s = 3600.0
    pub_ = Publisher(
        Outbox(tmp_path / "outbox.sqlite3"),
        PahoTransport(params(broker, fast), name="fast-seat"),
        fast,
        clock=lambda: agg_clock() + ahead_s,  # the whole seat runs an hour ahead, as its OS clock does
    )
    pub_.start()
    try:
        real = int(agg_clock()) // 900 * 900
        seat_bucket = int(agg_clock() + ahead_s) // 900 * 900
        pub_.submit(Anonymiser(SITE, "clock").contribution(seat_bucket, 900, {"calls": 3}))
        assert pub_.wait_idle(10) and pub_.acked == 1  # the broker acknowledged: the seat forgets it
        # an old client without the sent_at property sends its last closed bucket (an hour ahead): the
        # aggregator takes it as sent when that bucket ended and counts it in the bucket its middle falls in
        other = seat("clock", 1)
        c = contribution("clock", seat_bucket - 900, 900, calls=2)
        placed = int(agg_clock() - 450) // 900 * 900
        assert pub(broker, other, f"lugn/v1/{SITE}/clock/contrib/{other}", "-m", c) == ""
        assert wait_for(lambda: agg.aggregator.stats["accepted"] == 2, 10), dict(agg.aggregator.stats)
        rows = dict(
            agg.aggregator.store.db.execute("SELECT bucket_start, SUM(calls) FROM device_counts GROUP BY 1")
        )
        assert rows == {real: 3, placed: 2} if placed != real else {real: 5}, "both counted, none dropped"
        # ... and a contribution that IS refused is visible to IT, with its reason (never silent)
        assert pub(broker, other, f"lugn/v1/{SITE}/clock/contrib/{other}", "-m", "{not json") == ""
        h = health(broker, "agg-clock", lambda h: h.rejected == 1)
        assert h.clock_corrected == 2 and (h.max_clock_skew_s or 0) >= ahead_s - 60
        assert h.rejected_by_reason == {"schema": 1} and h.last_rejected_reason == "schema"
        assert h.received == 3 == (h.accepted or 0) + (h.rejected or 0)
    finally:
        pub_.stop()
        agg.stop()
    assert "rejected a contribution for south/clock: schema" in caplog.text
    assert fast not in caplog.text and other not in caplog.text, "the log never names a device"


def test_counters_survive_kill_9_and_nothing_is_counted_twice(broker, tmp_path) -> None:
    agg = AggregateProcess(broker, tmp_path, "kill", "--receipts", str(tmp_path / "receipts.csv")).start()
    bucket = int(time.time()) // 900 * 900
    sent = []
    try:
        for i in range(7):
            me = seat("kill", i % 5)
            c = contribution("kill", bucket, 900, calls=1)
            sent.append((me, c))
            assert pub(broker, me, f"lugn/v1/{SITE}/kill/contrib/{me}", "-m", c) == ""
        receipts = tmp_path / "receipts.csv"
        assert wait_for(lambda: receipts.is_file() and len(receipts.read_text().splitlines()) == 7, 15)
        agg.kill()  # SIGKILL: no goodbye, no final save
        agg.start()
        h = health(broker, "agg-kill", lambda h: h.accepted == 7 and h.state == "online")
        # a message committed but not yet acknowledged when it died is delivered again: counted as duplicate
        assert h.accepted == 7 and h.received == 7 + (h.duplicates or 0) and h.rejected == 0
        before = h.duplicates or 0
        me, c = sent[0]
        assert (
            pub(broker, me, f"lugn/v1/{SITE}/kill/contrib/{me}", "-m", c) == ""
        )  # a re-send after the crash
        h = health(broker, "agg-kill", lambda h: (h.duplicates or 0) == before + 1, timeout_s=20)
        assert (h.accepted, h.duplicates) == (7, before + 1)
    finally:
        agg.stop()
    assert "stopped: {" in agg.log.read_text()


def test_reject_logging_is_throttled_but_never_silent_for_good(caplog) -> None:
    now = [0.0]
    rl = RejectLog(interval_s=60, clock=lambda: now[0])
    caplog.set_level(logging.WARNING, "lugn.aggregate")
    for window in range(3):  # before: 10 lines per reason for the process's lifetime, then nothing
        for _ in range(25):
            rl.reject(Outcome("rejected", "schema", SITE, "t", detail="bad"))
        now[0] += 61
        rl.tick({"rejected": 25 * (window + 1)})
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 6 and rl.lines == 6  # per window: the first one with its detail, then a summary
    assert sum("rejected 24 more contribution(s)" in line for line in lines) == 3
    assert json.dumps(lines).count("schema") == 6
