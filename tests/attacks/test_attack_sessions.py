"""Attacks 4 and 8: taking over another client's session; a stolen workstation's certificate.

Before the fix: a device account connecting with client id ``lugn-aggregator-<shard>`` took over the
aggregator's persistent session, the device ACL then dropped the queued contributions although the seats had
their PUBACKs (23 published, 23 acknowledged, 11 counted); a device using another device's client id kicked it
off (IT saw it "offline"); and there was no CRL, so a stolen seat's certificate could not be shut out short of
re-keying the CA.
"""

from __future__ import annotations

import dataclasses
import ssl
import time

import pytest

from device.protocol.transport import make_client
from devkit.mqttcli import pub_cert_cmd, run_pub
from tests.attacks.conftest import SITE, Clock, aggregator, contribution, probe, pub, seat
from tests.integration.conftest import Probe, wait_for

pytestmark = pytest.mark.broker


def test_no_account_can_take_over_the_aggregator_or_another_seat(broker, tmp_path) -> None:
    agg = aggregator(broker, "takeover", tmp_path / "agg.sqlite3", Clock())
    victim = probe(broker, seat("takeover", 5), client_id="lugn-victim")
    attacker = seat("takeover", 0)
    bucket = int(time.time()) // 900 * 900
    published = 0
    try:
        for n in range(23):
            me = seat("takeover", n % 5)
            c = contribution("takeover", bucket, 900, calls=1)
            assert pub(broker, me, f"lugn/v1/{SITE}/takeover/contrib/{me}", "-m", c) == ""
            published += 1
            if n == 10:  # mid-stream: the attacker tries every client id it can guess
                for cid in (
                    "agg-takeover",
                    "lugn-aggregator",
                    "lugn-aggregator-main",
                    seat("takeover", 5),
                    "lugn-victim",
                ):
                    pub(
                        broker,
                        attacker,
                        f"lugn/v1/{SITE}/devices/{attacker}/status",
                        "-m",
                        "{}",
                        client_id=cid,
                    )
                    pub(broker, "supervisor", "lugn/v1/x/y/summary", "-m", "{}", backend=True, client_id=cid)
        assert wait_for(lambda: agg.aggregator.stats["accepted"] == published == 23, 15), dict(
            agg.aggregator.stats
        )
        assert agg.transport.connections == 1, "the aggregator's session was never taken over"
        assert victim.disconnects == [] and victim.client.is_connected(), "the other seat stayed connected"
    finally:
        victim.close()
        agg.stop()
    log = broker.log_file.read_text()
    # the broker replaced every chosen client id by the account: the attacker only ever was itself
    assert f"as {attacker} (" in log and "as agg-takeover (" in log
    assert "lugn-aggregator-main" not in log and "as lugn-victim" not in log


def _mtls(broker, cn: str) -> Probe:
    cert, key = broker.client_cert(cn)
    p = Probe(broker.mtls_url(), "ignored", "ignored", broker.ca_file, client_id="x")
    p.params = dataclasses.replace(p.params, username=None, password=None, cert_file=cert, key_file=key)
    old, p.client = p.client, make_client(p.params)
    for cb in ("on_connect", "on_disconnect", "on_subscribe", "on_publish", "on_message"):
        setattr(p.client, cb, getattr(old, cb))
    return p


def _mtls_pub(broker, cn: str) -> str:
    return run_pub(pub_cert_cmd(broker, cn, f"lugn/v1/{SITE}/devices/{cn}/status", "-m", "{}"))


def test_a_stolen_workstation_is_revoked_by_the_documented_procedure(broker) -> None:
    assert f"crlfile {broker.crl_file}" in broker.conf_file.read_text()
    stolen = _mtls(broker, "ws-lost")
    assert stolen.connect() == 0 and _mtls_pub(broker, "ws-lost") == ""
    out = broker.revoke("ws-lost")  # deploy/mosquitto/revoke-device.sh + a broker restart (docs/privacy.md)
    assert "revoked serial" in out and "CN = ws-lost" in out
    assert wait_for(lambda: bool(stolen.disconnects) or not stolen.client.is_connected(), 10), (
        "still connected"
    )
    assert "exit" in _mtls_pub(broker, "ws-lost")  # refused at the TLS handshake
    again = _mtls(broker, "ws-lost")  # paho, as the seat's own app would reconnect
    try:
        connack = again.connect(timeout_s=3)
    except (ssl.SSLError, OSError):
        connack = None
    assert connack != 0
    assert _mtls_pub(broker, "ws-kept") == ""  # the other seats are unaffected
    for p in (stolen, again):
        p.close()
