"""A workstation whose outbox file is unusable (a corrupt file here) but whose broker is up: the contributions
held in memory are still delivered through a real Mosquitto to the real aggregator, once each."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from device.metrics.anonymise import Anonymiser
from device.metrics.outbox import Outbox
from device.metrics.publisher import Publisher
from device.protocol.transport import PahoTransport
from tests.integration.conftest import device_params, seats, wait_for
from tests.integration.test_mqtt_pipeline import BUCKET_S, Clock, _aggregator

pytestmark = pytest.mark.broker


def test_held_contributions_reach_the_aggregator_when_the_outbox_file_is_broken(live_broker, tmp_path: Path):
    outbox_path = tmp_path / "outbox.sqlite3"
    outbox_path.write_bytes(b"\x00 not a database " * 500)
    box = Outbox(outbox_path)
    assert not box.health().ok and "not a valid SQLite database" in box.health().problem
    # The aggregator's clock (and the seat's) is pinned 60 s into a bucket, so the previous bucket, where the
    # contributions go, is in its grace period: open, not yet published (on the real clock it was final 13 min
    # in 15, and a contribution that arrived after the first one had been published went to the late pool).
    clock = Clock()
    now = time.time()
    clock.offset_s = (now // BUCKET_S * BUCKET_S + 60) - now
    agg = _aggregator(live_broker, tmp_path / "agg.sqlite3", "agg-od", {"od": ["t"]}, clock)
    (seat,) = seats("od", "t")
    transport = PahoTransport(device_params(live_broker, seat), name=f"test-{seat}")
    pub = Publisher(box, transport, seat, clock=clock)
    pub.start()
    try:
        anon = Anonymiser("od", "t")
        bucket = (int(clock()) // BUCKET_S - 1) * BUCKET_S
        for calls in (1, 2, 3):
            pub.submit(anon.contribution(bucket, BUCKET_S, {"calls": calls}))
        assert box.health().held == 3
        assert pub.wait_idle(15), "held contributions were not delivered"
        assert wait_for(lambda: agg.aggregator.stats["accepted"] == 3, 15), dict(agg.aggregator.stats)
        assert box.health().held == 0 and not box.health().ok  # delivered from memory; the file is still bad
    finally:
        pub.stop()
        agg.stop()
        box.close()
