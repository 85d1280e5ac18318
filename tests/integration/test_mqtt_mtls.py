"""Mutual TLS for devices: the certificate's CN is the account (asset tag); same ACL, no password."""

from __future__ import annotations

import dataclasses
import socket
import ssl

import pytest

from device.metrics.anonymise import Anonymiser
from device.protocol.transport import make_client
from tests.integration.conftest import Probe

pytestmark = pytest.mark.broker
DENIED = 0x87


def _mtls_probe(broker, cert: tuple[str, str] | None) -> Probe:
    p = Probe(broker.mtls_url(), "ignored", "ignored", broker.ca_file, client_id="mtls-probe")
    p.params = dataclasses.replace(
        p.params,
        username=None,
        password=None,
        cert_file=cert[0] if cert else None,
        key_file=cert[1] if cert else None,
    )
    old = p.client
    p.client = make_client(p.params)
    for cb in ("on_connect", "on_subscribe", "on_publish", "on_message"):
        setattr(p.client, cb, getattr(old, cb))
    return p


def test_device_certificate_is_its_identity(live_broker) -> None:
    p = _mtls_probe(live_broker, live_broker.client_cert("ws-mtls-1"))
    try:
        assert p.connect() == 0
        assert p.publish("lugn/v1/s1/devices/ws-mtls-1/status", b'{"schema":1,"state":"online"}') < 0x80
        assert p.publish("lugn/v1/s1/devices/s1-t1-01/status", b'{"schema":1,"state":"offline"}') == DENIED
        c = Anonymiser("s1", "t1").contribution(1_800_000_000 // 900 * 900, 900, {"calls": 1})
        assert p.publish("lugn/v1/s1/t1/contrib/ws-mtls-1", c.to_json()) < 0x80
        assert p.publish("lugn/v1/s1/t1/contrib/s1-t1-01", c.to_json()) == DENIED
        assert p.publish("lugn/v1/s1/t1/summary", b"{}") == DENIED
    finally:
        p.close()


def test_device_without_certificate_is_refused(live_broker) -> None:
    from devkit.loadgen.mqttlite import connect_packet

    ctx = ssl.create_default_context(cafile=live_broker.ca_file)
    raw = socket.create_connection(("localhost", live_broker.mtls_port), timeout=5)
    with (
        pytest.raises((ssl.SSLError, ConnectionError)),
        ctx.wrap_socket(raw, server_hostname="localhost") as tls,
    ):
        # TLS 1.3: the refusal of a missing client certificate surfaces at the first read
        tls.sendall(connect_packet("nocert", "s1-t1-01", live_broker.passwords["s1-t1-01"]))
        if not tls.recv(16):
            raise ConnectionResetError("closed without CONNACK")
    raw.close()
