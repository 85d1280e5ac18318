"""Flooding with ONE device credential (red team after issue #11): the aggregator's queue, broker memory.

Before the fix (``lugn broker --devices 10`` + ``lugn aggregate``, all on loopback): one device account
published 400,000 zero-count contributions at QoS 0 (~50,000 msg/s from paho, its own topic, every one
well-formed) while the aggregator committed ~6,000 msg/s. The broker queued for the aggregator's session up to
``max_queued_messages`` and then dropped ("Outgoing messages are being dropped for client lugn-aggregator"):
149,000 messages never reached the aggregator, among them 5 contributions of 5 other seats that had their
PUBACKs: acknowledged and lost, with nothing in the aggregator's health. The same flood came from the last
will on each of 2,600 reconnects in 5 s (a will is published on every session takeover), and MQTT v5 user
properties are not covered by ``message_size_limit``: 20 publishes with 6 MB of properties each were
accepted and forwarded (broker RSS 66 -> 216 MB).

Now the device listeners load ``lugn_guard`` (deploy/mosquitto/lugn_guard.c): each account has a budget of
300 messages, +60 a minute, publishes and wills alike, payloads <= 4 KiB; ``max_packet_size`` bounds the
whole packet. The test checks the bound that prevents the loss: however it floods, one account gets at most
its budget into the aggregator's queue (without it: all 12,040 messages of this test), and the other seats'
contributions, published in the middle of the flood, are all counted.
"""

from __future__ import annotations

import json
import secrets
import socket
import ssl
import time
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from devkit.broker import TrialBroker
from tests.attacks.conftest import SITE, Clock, aggregator, contribution, probe, seat
from tests.integration.conftest import Probe, wait_for

pytestmark = pytest.mark.broker
TEAM = "flood"
ATTACKER = seat(TEAM, 5)
BURST, RATE_PER_S = 300, 1.0  # the template's budget (GUARD_BURST, GUARD_RATE_PER_MIN / 60)
DENIED = 0x87


def _client(broker: TrialBroker, user: str) -> mqtt.Client:
    c = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=user, protocol=mqtt.MQTTv5)
    c.tls_set_context(ssl.create_default_context(cafile=broker.ca_file))
    c.username_pw_set(user, broker.passwords[user])
    c.max_inflight_messages_set(1000)
    c.max_queued_messages_set(0)
    return c


def _flood(broker: TrialBroker, bucket: int, n: int, others: list[Probe]) -> list[int]:
    """``n`` well-formed zero-count contributions at QoS 1, as fast as paho sends them; every ``n // 6``
    messages one of the ``others`` (real seats) publishes its own contribution. Returns their PUBACK codes."""
    c = _client(broker, ATTACKER)
    c.connect("localhost", broker.device_port)
    c.loop_start()
    sent = []
    try:
        assert wait_for(c.is_connected, 5)
        topic = f"lugn/v1/{SITE}/{TEAM}/contrib/{ATTACKER}"
        infos = []
        for i in range(n):
            infos.append(c.publish(topic, contribution(TEAM, bucket, 900), qos=1))
            if i % (n // 6) == n // 6 - 1 and len(sent) < len(others):
                other = others[len(sent)]
                me = other.params.username
                c2 = contribution(TEAM, bucket, 900, calls=2).encode()
                sent.append((other, other.client.publish(f"lugn/v1/{SITE}/{TEAM}/contrib/{me}", c2, qos=1)))
        assert wait_for(lambda: all(i.is_published() for i in infos), 30), "the flood was not sent"
    finally:
        c.disconnect()
        c.loop_stop()
    assert wait_for(lambda: all(info.mid in o.pubacks for o, info in sent), 10)
    return [o.pubacks[info.mid] for o, info in sent]


def _will_storm(broker: TrialBroker, bucket: int, n: int) -> None:
    """``n`` connections, each with a last will on the attacker's own topic, dropped without a DISCONNECT."""
    for _ in range(n):
        c = _client(broker, ATTACKER)
        c.will_set(f"lugn/v1/{SITE}/{TEAM}/contrib/{ATTACKER}", contribution(TEAM, bucket, 900), qos=1)
        c.connect("localhost", broker.device_port)
        c.loop(0.2)
        sock = c.socket()
        if sock is not None:
            sock.shutdown(socket.SHUT_RDWR)
            sock.close()


def test_one_credential_cannot_flood_the_aggregator_queue(broker: TrialBroker, tmp_path: Path) -> None:
    now = time.time()
    clock = Clock()
    clock.offset_s = (now // 900 * 900 + 300) - now  # mid-bucket: nothing becomes final during the test
    bucket = int(clock()) // 900 * 900
    agg = aggregator(broker, TEAM, tmp_path / "agg.sqlite3", clock)
    t0 = time.monotonic()
    try:
        others = [probe(broker, seat(TEAM, i)) for i in range(5)]
        try:
            # the other seats publish in the middle of the flood; the broker acknowledges each (delivered)
            assert _flood(broker, bucket, 12_000, others) == [0] * 5
        finally:
            for o in others:
                o.close()
        _will_storm(broker, bucket, 30)
        late = probe(broker, ATTACKER)  # the budget is spent: QoS 1 publishes are refused, visibly
        try:
            codes = [
                late.publish(
                    f"lugn/v1/{SITE}/{TEAM}/contrib/{ATTACKER}", contribution(TEAM, bucket, 900).encode()
                )
                for _ in range(5)
            ]
        finally:
            late.close()
        elapsed = time.monotonic() - t0
        db = agg.aggregator.store.db

        def legit_counted() -> bool:
            return db.execute("SELECT COALESCE(SUM(calls), 0) FROM device_counts").fetchone() == (10,)

        assert wait_for(legit_counted, 20), "another seat's acknowledged contribution was lost"
        time.sleep(0.5)  # anything still in flight
        received = agg.aggregator.stats["received"]
        devices = db.execute("SELECT COUNT(*) FROM device_counts").fetchone()[0]
    finally:
        agg.stop()
    assert received <= 5 + BURST + RATE_PER_S * (elapsed + 2), (received, elapsed)
    assert DENIED in codes
    assert devices == 6, "six devices, one contributor each"
    assert "lugn_guard: refused a message from " + ATTACKER in broker.log_file.read_text()


def test_oversized_packets_and_payloads_stop_at_the_broker(broker: TrialBroker, tmp_path: Path) -> None:
    agg = aggregator(broker, TEAM, tmp_path / "agg.sqlite3", Clock())
    dev = seat(TEAM, 4)
    try:
        p = probe(broker, dev)
        big = Properties(PacketTypes.PUBLISH)
        big.UserProperty = [("sent_at", "1"), *[("x", "y" * 60_000)] * 2]  # 120 KB of properties, 2-byte body
        info = p.client.publish(f"lugn/v1/{SITE}/{TEAM}/contrib/{dev}", b"{}", qos=1, properties=big)
        assert wait_for(lambda: bool(p.disconnects), 5), "a 120 KB packet was accepted"
        assert info.mid not in p.pubacks
        p.close()
        p = probe(broker, dev)
        padded = json.loads(contribution(TEAM, int(time.time()) // 900 * 900, 900))
        padded["padding"] = secrets.token_hex(2500)  # a 5 KB payload (contributions are ~300 bytes)
        assert p.publish(f"lugn/v1/{SITE}/{TEAM}/contrib/{dev}", json.dumps(padded).encode()) == DENIED
        p.close()
        time.sleep(0.3)
        assert agg.aggregator.stats["received"] == 0, "nothing of it reached the aggregator"
    finally:
        agg.stop()
    assert "disconnected due to oversize packet" in broker.log_file.read_text()


def test_the_mutual_tls_listener_meters_its_devices_too(broker: TrialBroker) -> None:
    """A device with a client certificate (CN = account) has the same budget: 400 messages, ~100 refused."""
    import subprocess

    cn = "ws-flood"
    cert, key = broker.client_cert(cn)
    cmd = ["mosquitto_pub", "-h", "localhost", "-p", str(broker.mtls_port), "--cafile", broker.ca_file]
    cmd += ["--cert", cert, "--key", key, "-V", "mqttv5", "-q", "1", "-l"]
    cmd += ["-t", f"lugn/v1/{SITE}/devices/{cn}/status"]  # its own status topic: allowed by the ACL
    lines = '{"schema":1,"state":"online"}\n' * 400
    out = subprocess.run(cmd, input=lines, capture_output=True, text=True, timeout=60).stderr
    assert 50 < out.count("failed: Not authorized") < 110, out[-500:]
