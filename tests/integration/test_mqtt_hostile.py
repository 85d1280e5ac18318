"""Hostile devices through the real broker: every bad payload rejected and counted, aggregator alive,
summaries unchanged."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from device.metrics.anonymise import Anonymiser
from tests.integration.conftest import wait_for
from tests.integration.test_mqtt_pipeline import _aggregator, _bucket
from tests.unit.test_aggregator import hostile_payloads

pytestmark = pytest.mark.broker
TOPIC = "lugn/v1/hx/t/contrib"


@pytest.fixture
def setup(live_broker, probe, tmp_path):
    agg = _aggregator(live_broker, tmp_path / "agg.sqlite3", shard="hostile")
    dev = probe("dev-10")
    sup = probe("supervisor")
    sup.subscribe("lugn/v1/hx/+/summary")
    bucket = _bucket()
    for i in range(5):
        c = Anonymiser("hx", "t").contribution(bucket, 900, {"calls": i + 1, "calls_frustrated": 1})
        assert dev.publish(TOPIC, c.to_json()) < 0x80
    assert wait_for(lambda: agg.aggregator.stats["accepted"] == 5, 10)
    assert wait_for(lambda: bool(sup.messages) and b'"suppressed":false' in sup.messages[-1][1], 10)
    yield agg, dev, sup
    agg.stop()


def _bucket_for_hostile(payload: bytes) -> bytes:
    """Hostile mutations were built around a fixed bucket; move valid-looking ones to today's."""
    try:
        d = json.loads(payload)
    except (ValueError, RecursionError):
        return payload
    if isinstance(d, dict) and d.get("bucket_start") == 1_800_000_000 // 900 * 900 - 900:
        d["bucket_start"] = _bucket()
    if isinstance(d, dict) and d.get("site") == "s":
        d["site"] = "hx"
    return json.dumps(d).encode()


def test_hostile_payloads_through_the_broker(setup) -> None:
    agg, dev, sup = setup
    summary_before = sup.messages[-1][1]
    published = 0

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(payloads=st.lists(hostile_payloads(), min_size=1, max_size=4))
    def run(payloads: list[bytes]) -> None:
        nonlocal published
        for p in payloads:
            assert dev.publish(TOPIC, _bucket_for_hostile(p)) < 0x80
            published += 1
        assert wait_for(lambda: agg.aggregator.stats["rejected"] == published, 10), dict(agg.aggregator.stats)

    run()
    time.sleep(0.5)  # a summary tick would have passed
    assert agg.aggregator.stats["accepted"] == 5
    assert agg.aggregator.stats["rejected"] == published > 0
    assert agg.transport.connected  # alive
    assert sup.messages[-1][1] == summary_before  # no new or changed summary
    s = agg.aggregator.summary("hx", "t").buckets[-1]
    assert s.counts is not None and s.counts.calls == 15
