"""A REAL Mosquitto for the MQTT tests: loopback, its own free ports and folder, a fresh test CA (openssl),
hashed password files and the production ACLs from deploy/mosquitto. One broker per test session."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from device.metrics.localbroker import BACKEND_USERS, LocalBroker, find_mosquitto

DEVICES = tuple(f"dev-{i:02d}" for i in range(12))


@pytest.fixture(scope="session")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalBroker]:
    if find_mosquitto() is None:
        pytest.skip("mosquitto not installed (apt-get install mosquitto)")
    b = LocalBroker(tmp_path_factory.mktemp("mosquitto"), device_users=DEVICES, client_certs=("ws-mtls-1",))
    b.setup()
    b.start()
    yield b
    b.stop()


@pytest.fixture
def live_broker(broker: LocalBroker) -> LocalBroker:
    """The session broker, started again if an earlier test killed it."""
    if broker.proc is None or broker.proc.poll() is not None:
        broker.start()
    return broker


def wait_for(cond: Callable[[], bool], timeout_s: float = 10.0, step_s: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if cond():
            return True
        time.sleep(step_s)
    return cond()


def backend_user(broker: LocalBroker, user: str) -> dict[str, object]:
    assert user in BACKEND_USERS
    return {"username": user, "password": broker.passwords[user], "ca_file": broker.ca_file}


@pytest.fixture
def state_dir(tmp_path: Path) -> Path:
    return tmp_path


class Probe:
    """A plain paho v5 client that records what the broker answered: CONNACK, SUBACK and PUBACK reason
    codes."""

    def __init__(self, url: str, username: str, password: str, ca_file: str, client_id: str = "") -> None:
        import paho.mqtt.client as mqtt

        from device.metrics.transport import BrokerParams, make_client

        self.params = BrokerParams.from_url(
            url, ca_file=ca_file, username=username, password=password, client_id=client_id
        )
        self.client = make_client(self.params)
        self.connack: int | None = None
        self.subacks: dict[int, list[int]] = {}
        self.pubacks: dict[int, int] = {}
        self.messages: list[tuple[str, bytes, bool]] = []
        self._mqtt = mqtt
        c = self.client
        c.on_connect = lambda _c, _u, _f, rc, _p: setattr(self, "connack", rc.value)
        c.on_subscribe = lambda _c, _u, mid, rcs, _p: self.subacks.__setitem__(mid, [r.value for r in rcs])
        c.on_publish = lambda _c, _u, mid, rc, _p: self.pubacks.__setitem__(mid, rc.value)
        c.on_message = lambda _c, _u, m: self.messages.append((m.topic, m.payload, bool(m.retain)))

    def connect(self, timeout_s: float = 5.0) -> int | None:
        self.client.connect(self.params.host, self.params.port, 30)
        self.client.loop_start()
        wait_for(lambda: self.connack is not None, timeout_s)
        return self.connack

    def subscribe(self, topic: str) -> list[int]:
        _rc, mid = self.client.subscribe(topic, qos=1)
        assert wait_for(lambda: mid in self.subacks, 5), f"no SUBACK for {topic}"
        return self.subacks[mid]

    def publish(self, topic: str, payload: bytes, retain: bool = False) -> int:
        info = self.client.publish(topic, payload, qos=1, retain=retain)
        assert wait_for(lambda: info.mid in self.pubacks, 5), f"no PUBACK for {topic}"
        return self.pubacks[info.mid]

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


@pytest.fixture
def probe(live_broker: LocalBroker) -> Iterator[Callable[..., Probe]]:
    made: list[Probe] = []

    def make(user: str, listener: str = "auto", password: str | None = None, connect: bool = True) -> Probe:
        if listener == "auto":
            listener = "backend" if user in BACKEND_USERS else "device"
        url = live_broker.backend_url() if listener == "backend" else live_broker.device_url()
        pw = password if password is not None else live_broker.passwords.get(user, "x")
        p = Probe(url, user, pw, live_broker.ca_file, client_id=f"probe-{user}-{len(made)}")
        made.append(p)
        if connect:
            p.connect()
        return p

    yield make
    for p in made:
        with contextlib.suppress(Exception):
            p.close()
