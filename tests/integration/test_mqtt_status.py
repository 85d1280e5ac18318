"""A workstation's MetricsService against the real broker: events in, contribution out, status + last will."""

from __future__ import annotations

import json

import pytest

from device.coach.events import DeliveryCue, TipShown
from device.events import AgentDelivery, CallEnded, CallStarted, Heartbeat, ToneChanged, ToneState, Trend
from device.metrics.service import MetricsService
from device.metrics.settings import MetricsSettings
from device.protocol.payloads import Contribution, DeviceStatus
from tests.integration.conftest import wait_for

pytestmark = pytest.mark.broker


def test_service_publishes_counts_and_status_and_broker_sends_last_will(live_broker, probe, tmp_path) -> None:
    it = probe("it-monitor")
    it.subscribe("lugn/v1/st/devices/+/status")
    agg = probe("lugn-aggregator")
    agg.subscribe("lugn/v1/st/+/contrib/+")
    now = [1_800_000_000.0]
    settings = MetricsSettings(
        enabled=True,
        broker_url=live_broker.device_url(),
        site="st",
        team="blue",
        asset_id="st-blue-00",
        password=live_broker.passwords["st-blue-00"],
        ca_file=live_broker.ca_file,
        bucket_min=15,
    )
    svc = MetricsService(
        settings,
        outbox_path=tmp_path / "o.sqlite3",
        clock=lambda: now[0],
        profile_version="jabra-evolve2-40@1",
    )
    svc.start()
    try:
        assert wait_for(lambda: any(t.endswith("st-blue-00/status") for t, _p, _r in it.messages), 10)
        status = DeviceStatus.model_validate_json([p for t, p, _r in it.messages if "st-blue-00" in t][-1])
        assert status.state == "online" and status.profile_version == "jabra-evolve2-40@1"
        assert status.app_version and status.outbox_backlog == 0
        events = [
            CallStarted(0.0, "auto"),
            ToneChanged(5.0, ToneState.FRUSTRATED, ToneState.CALM, 0.8, Trend.RISING),
            Heartbeat(6.0),
            TipShown(6.0, "acknowledge", 8.0, 1),  # type: ignore[arg-type]
            AgentDelivery(7.0, 5.0, 4.0, 6.1, -12.0),
            DeliveryCue(7.0, "pace_fast", 6.1, 4.0, "syl/s", 4.0),  # type: ignore[arg-type]
            ToneChanged(35.0, ToneState.CALM, ToneState.FRUSTRATED, 0.2, Trend.FALLING),
            CallEnded(60.0, "auto", 60.0),
        ]
        for ev in events:
            svc.process(ev)
        now[0] += 900  # the wall clock leaves the bucket: the next tick publishes it
        assert wait_for(lambda: bool(agg.messages), 10)
        topic, payload, _r = agg.messages[-1]
        assert topic == "lugn/v1/st/blue/contrib/st-blue-00"
        c = Contribution.model_validate_json(payload)
        assert (c.counts.calls, c.counts.calls_frustrated, c.counts.deescalations) == (1, 1, 1)
        assert c.counts.frustrated_s == 30 and c.counts.tips_shown == 1
        assert b"st-blue-00" not in payload and b"pace" not in payload
        # the device vanishes without a DISCONNECT: the broker publishes its last will
        svc.publisher.transport.client.socket().close()  # type: ignore[union-attr]
        assert wait_for(
            lambda: (
                json.loads([p for t, p, _r in it.messages if "st-blue-00" in t][-1])["state"] == "offline"
            ),
            10,
        )
    finally:
        svc.stop(flush=False)


def test_status_and_last_will_go_to_the_account_when_it_is_not_the_asset_tag(
    live_broker, probe, tmp_path
) -> None:
    """policy ``metrics.username`` (an IT account such as "site-malmo-01") differs from the asset tag (the
    host name by default). The broker lets an account write only ``…/devices/<its account>/status``; the
    status and the last will went to ``…/devices/<asset tag>/status`` and were refused ("Not authorized"), so
    IT never saw the seat's health, and never its "offline"."""
    it = probe("it-monitor")
    it.subscribe("lugn/v1/as/devices/+/status")
    settings = MetricsSettings(
        enabled=True,
        broker_url=live_broker.device_url(),
        site="as",
        team="t",
        asset_id="pc-4711",
        username="as-t-00",
        password=live_broker.passwords["as-t-00"],
        ca_file=live_broker.ca_file,
    )
    svc = MetricsService(settings, outbox_path=tmp_path / "o.sqlite3")
    svc.start()
    try:
        assert wait_for(lambda: any(json.loads(p)["state"] == "online" for _t, p, _r in it.messages), 10)
        assert {t for t, _p, _r in it.messages} == {"lugn/v1/as/devices/as-t-00/status"}
        svc.publisher.transport.client.socket().close()  # type: ignore[union-attr]
        assert wait_for(lambda: json.loads(it.messages[-1][1])["state"] == "offline", 10)
    finally:
        svc.stop(flush=False)
