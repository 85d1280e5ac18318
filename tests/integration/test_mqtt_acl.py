"""The broker's ACL holds (checks that held before issue #11, kept): tried against the real Mosquitto with the
shipped template and the ACLs generated from the account list."""

from __future__ import annotations

import ssl
import subprocess

import pytest

from device.metrics.anonymise import Anonymiser
from device.protocol.transport import make_client
from fleet.brokerconf import DEPLOY_DIR
from tests.integration.conftest import seats, wait_for

pytestmark = pytest.mark.broker
DENIED = 0x87  # MQTT v5 "Not authorized"
D0, D1, D2, D3 = seats("s1", "t1")[:4]
CONTRIB = f"lugn/v1/s1/t1/contrib/{D0}"
SUMMARY = "lugn/v1/s1/t1/summary"


def _contribution() -> bytes:
    return Anonymiser("s1", "t1").contribution(1_800_000_000 // 900 * 900, 900, {"calls": 1}).to_json()


def test_device_may_publish_own_contributions_and_own_status_only(probe) -> None:
    dev = probe(D0)
    assert dev.connack == 0
    assert dev.publish(CONTRIB, _contribution()) < 0x80  # 0x10 "no matching subscribers" is a success
    assert (
        dev.publish(f"lugn/v1/s1/devices/{D0}/status", b'{"schema":1,"state":"online"}', retain=True) < 0x80
    )
    assert dev.publish(f"lugn/v1/s1/t1/contrib/{D1}", _contribution()) == DENIED  # another device's topic
    assert dev.publish("lugn/v1/s1/t1/contrib", _contribution()) == DENIED  # the old, anonymous topic
    assert dev.publish(f"lugn/v1/s1/devices/{D1}/status", b'{"schema":1,"state":"offline"}') == DENIED
    assert dev.publish(SUMMARY, b"{}") == DENIED
    assert dev.publish(f"lugn/v1/s1/devices/{D0}/other", b"x") == DENIED


def _publish_one_of_each(probe) -> tuple[object, object, object]:
    """Legit readers of each kind, subscribed, then one contribution, one summary and one status published."""
    agg = probe("lugn-aggregator")
    sup = probe("supervisor")
    it = probe("it-monitor")
    assert agg.subscribe("lugn/v1/+/+/contrib/+") == [1]
    assert sup.subscribe("lugn/v1/+/+/summary") == [1]
    assert it.subscribe("lugn/v1/+/devices/+/status") == [1]
    return agg, sup, it


def _send_and_wait(probe, agg, sup, it) -> None:
    dev = probe(D3)
    topic = f"lugn/v1/s1/t1/contrib/{D3}"
    assert dev.publish(topic, _contribution()) < 0x80
    assert dev.publish(f"lugn/v1/s1/devices/{D3}/status", b'{"schema":1,"state":"online"}') < 0x80
    assert agg.publish(SUMMARY, b'{"probe":1}') < 0x80
    # the legit readers got them (so they were really published) ...
    assert wait_for(lambda: any(t == topic for t, _p, _r in agg.messages), 5)
    assert wait_for(lambda: any(t == SUMMARY for t, _p, _r in sup.messages), 5)
    assert wait_for(lambda: any(t.endswith(f"{D3}/status") for t, _p, _r in it.messages), 5)


def test_device_cannot_read_contributions_summaries_or_status(probe) -> None:
    agg, sup, it = _publish_one_of_each(probe)
    dev = probe(D2)
    for topic in ("#", CONTRIB, "lugn/v1/+/+/contrib/+", SUMMARY, "lugn/v1/+/devices/+/status"):
        granted = dev.subscribe(topic)
        assert granted in ([1], [DENIED]), topic  # Mosquitto 2.0 grants and then filters at delivery
    _send_and_wait(probe, agg, sup, it)
    assert dev.messages == []  # ... and the device got nothing


def test_supervisor_reads_summaries_only_and_publishes_nothing(probe) -> None:
    agg, sup, it = _publish_one_of_each(probe)
    nosy = probe("supervisor-2")
    for topic in (
        "#",
        "lugn/v1/+/+/contrib/+",
        "lugn/v1/+/devices/+/status",
        "$share/g/lugn/v1/+/+/contrib/+",
    ):
        nosy.subscribe(topic)
    _send_and_wait(probe, agg, sup, it)
    assert wait_for(lambda: len(nosy.messages) > 0, 5)
    assert {t for t, _p, _r in nosy.messages} == {SUMMARY}
    assert sup.publish(SUMMARY, b"{}") == DENIED
    assert sup.publish(CONTRIB, _contribution()) == DENIED
    assert sup.publish(f"lugn/v1/s1/devices/{D0}/status", b"{}") == DENIED
    assert sup.publish("lugn/v1/_sys/aggregator/lugn-aggregator/health", b"{}") == DENIED


def test_aggregator_reads_contributions_and_writes_summaries_only(probe) -> None:
    agg, sup, it = _publish_one_of_each(probe)
    agg.subscribe("lugn/v1/+/devices/+/status")
    _send_and_wait(probe, agg, sup, it)
    assert not [t for t, _p, _r in agg.messages if "/devices/" in t]
    assert agg.publish(CONTRIB, _contribution()) == DENIED
    assert agg.publish(f"lugn/v1/s1/devices/{D0}/status", b"{}") == DENIED
    assert agg.publish("lugn/v1/_sys/aggregator/agg-k/health", b"{}") == DENIED  # only its own health


def test_accounts_exist_only_on_their_own_listener(probe) -> None:
    # per_listener_settings: a device account cannot log in as staff, nor staff on the device listener
    assert probe(seats("s1", "t1")[4], listener="backend", password="x").connack not in (0, None)
    sup_on_devices = probe("supervisor-3", listener="device")
    assert sup_on_devices.connack not in (0, None)


def test_wrong_password_and_untrusted_ca_are_refused(probe, tmp_path) -> None:
    dev = seats("s1", "t1")[5]
    assert probe(dev, password="wrong-password").connack in (0x86, 0x87)  # bad password / not authorised
    other_ca = tmp_path / "other"
    subprocess.run(
        ["bash", str(DEPLOY_DIR / "make-test-certs.sh"), str(other_ca)], check=True, capture_output=True
    )
    p = probe(dev, connect=False)
    p.client = make_client(p.params.__class__(**{**p.params.__dict__, "ca_file": str(other_ca / "ca.crt")}))
    with pytest.raises(ssl.SSLCertVerificationError):
        p.client.connect(p.params.host, p.params.port, 30)
