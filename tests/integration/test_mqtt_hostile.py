"""Hostile devices through the real broker (a check that held, kept): every bad payload rejected and counted,
the aggregator alive, the team's figures unchanged."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from device.metrics.anonymise import Anonymiser
from device.protocol.payloads import MAX_PAYLOAD_BYTES, Summary
from tests.integration.conftest import seats, wait_for
from tests.integration.test_mqtt_pipeline import Clock, _aggregator, _bucket
from tests.unit.test_aggregator import hostile_payloads

pytestmark = pytest.mark.broker
DEVICES = seats("hx", "t")
HOSTILE = DEVICES[5]


@pytest.fixture
def setup(live_broker, probe, tmp_path):
    clock = Clock()
    agg = _aggregator(live_broker, tmp_path / "agg.sqlite3", "agg-hostile", {"hx": ["t"]}, clock)
    sup = probe("supervisor")
    sup.subscribe("lugn/v1/hx/+/summary")
    bucket = _bucket(0)
    for i, user in enumerate(DEVICES[:5]):
        c = Anonymiser("hx", "t").contribution(bucket, 900, {"calls": i + 1, "calls_frustrated": 1})
        assert probe(user).publish(f"lugn/v1/hx/t/contrib/{user}", c.to_json()) < 0x80
    assert wait_for(lambda: agg.aggregator.stats["accepted"] == 5, 10)
    yield agg, probe(HOSTILE), sup, clock, bucket
    agg.stop()


def _current_bucket(payload: bytes, bucket: int) -> bytes:
    """Hostile mutations were built around a fixed bucket; shift them to today's (too old stays too old)."""
    try:
        d = json.loads(payload)
    except (ValueError, RecursionError):
        return payload
    if isinstance(d, dict) and type(d.get("bucket_start")) is int:
        d["bucket_start"] += bucket - (1_800_000_000 // 900 * 900 - 900)
    if isinstance(d, dict) and d.get("site") == "s":
        d["site"] = "hx"
    return json.dumps(d).encode()


def test_hostile_payloads_through_the_broker(setup) -> None:
    agg, dev, sup, clock, bucket = setup
    published = 0

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(payloads=st.lists(hostile_payloads(), min_size=1, max_size=4))
    def run(payloads: list[bytes]) -> None:
        nonlocal published
        for p in payloads:
            body = _current_bucket(p, bucket)
            code = dev.publish(f"lugn/v1/hx/t/contrib/{HOSTILE}", body)
            if len(body) > MAX_PAYLOAD_BYTES:  # refused by the broker itself (lugn_guard): never queued
                assert code == 0x87, code
                continue
            assert code < 0x80
            published += 1
        assert wait_for(lambda: agg.aggregator.stats["rejected"] == published, 10), dict(agg.aggregator.stats)

    run()
    assert agg.aggregator.stats["accepted"] == 5
    assert agg.aggregator.stats["rejected"] == published > 0  # (oversized ones never reach it)
    assert agg.transport.connected  # alive
    assert sup.messages == []  # nothing published before the bucket is final
    clock.to_final(bucket, agg.aggregator.policy)
    assert wait_for(lambda: bool(sup.messages), 10)
    time.sleep(0.3)
    s = Summary.model_validate_json(sup.messages[-1][1]).buckets[-1]
    assert s.contributors == 5 and s.counts is not None and s.counts.calls == 15
