"""MQTT transport behind a three-method interface (``start``, ``publish``, ``stop``).

``PahoTransport``: paho-mqtt 2.x, MQTT v5, TLS, username/password, last will, and its own named network thread
that reconnects with exponential backoff plus random jitter (paho's own backoff has none, so a whole floor of
seats would reconnect in lockstep after a broker restart). Acknowledgements are reported by message id with
the PUBACK reason code: paho marks an ACL-denied publish as "published", so callers must look at the code.

Contributions carry the sender's wall clock at send time as the MQTT v5 user property ``sent_at``
(``SENT_AT``): the aggregator compares it with its own clock and moves a contribution from a seat with a wrong
clock into the bucket the real clock gives, instead of dropping it after the broker acknowledged it.
"""

from __future__ import annotations

import contextlib
import logging
import random
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlparse

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties
from paho.mqtt.subscribeoptions import SubscribeOptions

log = logging.getLogger(__name__)

AckCallback = Callable[[int, int], None]  # (mid, PUBACK reason code: < 0x80 is success)
ConnCallback = Callable[[bool], None]  # connected?
SENT_AT = "sent_at"  # user property: the sender's wall clock (Unix seconds) when it published


def sent_at_properties(now: float) -> Properties:
    props = Properties(PacketTypes.PUBLISH)
    props.UserProperty = (SENT_AT, f"{now:.3f}")
    return props


def read_sent_at(msg: mqtt.MQTTMessage) -> float | None:
    """The ``sent_at`` user property of a received message, or None when absent or not a number."""
    for key, value in getattr(getattr(msg, "properties", None), "UserProperty", None) or ():
        if key == SENT_AT:
            try:
                t = float(value)
            except ValueError:
                return None
            return t if t == t and abs(t) < 1e11 else None
    return None


class Transport(Protocol):
    def start(self, on_connection: ConnCallback, on_ack: AckCallback) -> None: ...

    def publish(
        self, topic: str, payload: bytes, retain: bool = False, sent_at: float | None = None
    ) -> int | None:
        """QoS 1 publish; returns the message id, or None when not connected (nothing was queued)."""
        ...

    def stop(self, timeout_s: float = 2.0) -> None: ...


@dataclass(frozen=True)
class BrokerParams:
    host: str
    port: int
    tls: bool = True
    ca_file: str | None = None
    cert_file: str | None = None
    key_file: str | None = None
    username: str | None = None
    password: str | None = None
    client_id: str = ""
    keepalive_s: int = 30
    will: tuple[str, bytes] | None = None  # (topic, payload), retained QoS 1

    @classmethod
    def from_url(cls, url: str, **kw: object) -> BrokerParams:
        u = urlparse(url)
        if u.scheme not in ("mqtt", "mqtts") or not u.hostname:
            raise ValueError(f"broker URL {url!r}: expected mqtts://host:port or mqtt://host:port")
        tls = u.scheme == "mqtts"
        return cls(host=u.hostname, port=u.port or (8883 if tls else 1883), tls=tls, **kw)  # type: ignore[arg-type]


def make_client(p: BrokerParams, manual_ack: bool = False) -> mqtt.Client:
    """A configured (not yet connected) paho v5 client; used by the publisher, aggregator and dashboard."""
    client = mqtt.Client(
        CallbackAPIVersion.VERSION2, client_id=p.client_id, protocol=mqtt.MQTTv5, manual_ack=manual_ack
    )
    if p.tls:
        ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=p.ca_file)
        if p.cert_file:
            ctx.load_cert_chain(p.cert_file, p.key_file)
        client.tls_set_context(ctx)
    if p.username:
        client.username_pw_set(p.username, p.password)
    if p.will:
        client.will_set(p.will[0], p.will[1], qos=1, retain=True)
    client.max_inflight_messages_set(100)
    client.max_queued_messages_set(0)
    # Socket I/O only on the network thread: without a registered write hook, paho writes from whichever
    # thread calls publish()/ack(), racing the network thread's SSL reads (measured: ~1 s delivery stalls in
    # the aggregator). With the hook, other threads only queue the packet and wake the loop's select().
    client.on_socket_register_write = lambda _c, _u, _s: None
    return client


def backoff_s(attempt: int, base_s: float = 0.5, max_s: float = 60.0) -> float:
    """Exponential backoff with +-50 % jitter, so seats spread out after an outage."""
    return min(max_s, base_s * 2 ** min(attempt, 16)) * random.uniform(0.5, 1.5)


class PahoTransport:
    def __init__(
        self,
        params: BrokerParams,
        name: str = "lugn-mqtt",
        clean_start: bool = True,
        session_expiry_s: int = 0,
        on_message: Callable[[mqtt.MQTTMessage], None] | None = None,
        subscriptions: tuple[str, ...] = (),
        manual_ack: bool = False,
        subscribe_options: SubscribeOptions | None = None,
    ) -> None:
        self.params = params
        self.connected = False
        self.last_error = ""
        self.connections = 0
        self._name = name
        self._clean_start = clean_start
        self._session_expiry_s = session_expiry_s
        self._subs = subscriptions
        self._sub_options = subscribe_options or SubscribeOptions(qos=1)
        self._client = make_client(params, manual_ack=manual_ack)
        self._client.on_connect = self._on_connect
        self._client.on_disconnect = self._on_disconnect
        self._client.on_publish = self._on_publish
        if on_message is not None:
            self._client.on_message = lambda _c, _u, msg: on_message(msg)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._on_conn: ConnCallback = lambda _ok: None
        self._on_ack: AckCallback = lambda _mid, _rc: None

    @property
    def client(self) -> mqtt.Client:
        return self._client

    def start(self, on_connection: ConnCallback | None = None, on_ack: AckCallback | None = None) -> None:
        self._on_conn = on_connection or self._on_conn
        self._on_ack = on_ack or self._on_ack
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def publish(
        self, topic: str, payload: bytes, retain: bool = False, sent_at: float | None = None
    ) -> int | None:
        if not self.connected:
            return None
        props = sent_at_properties(sent_at) if sent_at is not None else None
        info = self._client.publish(topic, payload, qos=1, retain=retain, properties=props)
        if info.rc != mqtt.MQTT_ERR_SUCCESS:
            return None
        return int(info.mid)

    def stop(self, timeout_s: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
        with contextlib.suppress(Exception):  # best effort at shutdown
            self._client.disconnect()  # a clean DISCONNECT: the broker does not send the will

    # -- network thread
    def _connect(self) -> None:
        props = Properties(PacketTypes.CONNECT)
        props.SessionExpiryInterval = self._session_expiry_s
        self._client.connect(
            self.params.host,
            self.params.port,
            self.params.keepalive_s,
            clean_start=self._clean_start,
            properties=props,
        )

    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            try:
                self._connect()
                while not self._stop.is_set():
                    rc = self._client.loop(timeout=0.2)
                    if rc != mqtt.MQTT_ERR_SUCCESS:
                        break
                    if self.connected:
                        attempt = 0
            except (OSError, ssl.SSLError, ValueError) as exc:
                self.last_error = f"{type(exc).__name__}: {exc}"
                log.debug(
                    "%s: connect to %s:%s failed: %s", self._name, self.params.host, self.params.port, exc
                )
            if self.connected:
                self.connected = False
                self._on_conn(False)
            attempt += 1
            self._stop.wait(backoff_s(attempt))

    def _on_connect(self, _c: mqtt.Client, _u: object, _flags: object, reason: object, _p: object) -> None:
        if getattr(reason, "is_failure", False):
            self.last_error = f"broker refused connection: {reason}"
            log.warning("%s: %s", self._name, self.last_error)
            return
        if self._subs:
            self._client.subscribe([(sub, self._sub_options) for sub in self._subs])
        self.connected = True
        self.connections += 1
        log.info("%s: connected to %s:%s", self._name, self.params.host, self.params.port)
        self.last_error = ""
        self._on_conn(True)

    def _on_disconnect(self, _c: mqtt.Client, _u: object, _f: object, reason: object, _p: object) -> None:
        if self.connected:
            log.info("%s: disconnected (%s)", self._name, reason)
        self.connected = False
        self._on_conn(False)

    def _on_publish(self, _c: mqtt.Client, _u: object, mid: int, reason: object, _p: object) -> None:
        code = int(getattr(reason, "value", 0))
        if code >= 0x80:
            log.warning("%s: broker refused message %d: %s", self._name, mid, reason)
        self._on_ack(mid, code)
