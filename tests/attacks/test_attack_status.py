"""Device status (``lugn/v1/<site>/devices/<account>/status``, retained, read by ``it-monitor`` only): what
it tells about ONE agent's activity (red team after issue #11).

Devices read nothing and supervisors cannot read status topics (tests/attacks/test_checks_that_held.py,
tests/integration/test_mqtt_acl.py). But the payload itself counted the agent's activity: an idle bucket
sends nothing, so ``outbox_backlog`` (every unsent contribution) was the number of buckets in which the agent
had calls that had not left yet. Before the fix a seat that reconnected after two offline hours published
its status FIRST, with ``outbox_backlog: 3`` (three active buckets), and a status due at a bucket's end
showed 1 or 0 (had calls in the last 15 minutes, or not). Now the backlog counts only contributions stuck
for an hour, rounded up to a power of ten, and the status waits until what was just sent is acknowledged.
"""

from __future__ import annotations

import time

import pytest

from device.metrics.anonymise import Anonymiser
from device.metrics.service import MetricsService, backlog_band
from device.metrics.settings import MetricsSettings
from device.protocol.payloads import DeviceStatus
from device.protocol.topics import contrib_topic
from tests.attacks.conftest import SITE, Clock, aggregator, probe, seat
from tests.integration.conftest import wait_for

pytestmark = pytest.mark.broker
TEAM = "seat"


def test_device_status_does_not_count_an_agents_active_buckets(broker, tmp_path) -> None:
    me = seat(TEAM, 0)
    it = probe(broker, "it-monitor")
    it.subscribe(f"lugn/v1/{SITE}/devices/{me}/status")
    agg = aggregator(broker, TEAM, tmp_path / "agg.sqlite3", Clock())
    now = [time.time() - 3 * 3600]
    settings = MetricsSettings(
        enabled=True,
        broker_url=broker.device_url(),
        site=SITE,
        team=TEAM,
        asset_id=me,
        username=me,
        password=broker.passwords[me],
        ca_file=broker.ca_file,
    )
    svc = MetricsService(settings, outbox_path=tmp_path / "outbox.sqlite3", clock=lambda: now[0])
    anon = Anonymiser(SITE, TEAM)

    def put(topic: str, bucket: int) -> None:
        c = anon.contribution(bucket, 900, {"calls": 2})
        svc.outbox.put(topic, c.to_json(), c.message_id)

    mine = contrib_topic(SITE, TEAM, me)
    try:
        # the agent worked 2-3 hours ago without a broker: three buckets with calls wait in the outbox
        for i in range(3):
            put(mine, int(now[0]) // 900 * 900 + 900 * i)
        now[0] = time.time()
        svc.start()
        assert wait_for(lambda: svc.outbox.pending_count() == 0 and bool(it.messages), 15)
        # a fresh contribution at a bucket's end is not in the status either
        put(mine, int(now[0]) // 900 * 900 - 900)
        assert svc.status().outbox_backlog == 0
        # a contribution stuck for over an hour (here: refused by the broker's ACL) still shows, banded
        now[0] -= 7200
        put(contrib_topic(SITE, "solo", me), int(now[0]) // 900 * 900)
        now[0] = time.time()
        assert wait_for(lambda: svc.status().outbox_backlog == 10, 10)
    finally:
        svc.stop(flush=False)
        agg.stop()
        it.close()
    statuses = [DeviceStatus.model_validate_json(p) for t, p, _r in it.messages if t.endswith("/status")]
    online = [s for s in statuses if s.state == "online"]
    assert online and [s.outbox_backlog for s in online] == [0] * len(online)
    assert [backlog_band(n) for n in (0, 1, 9, 10, 11, 100, 101)] == [0, 10, 10, 10, 100, 100, 1000]
