"""A REAL Mosquitto for the MQTT tests: the trial broker (``devkit.broker``), i.e. the shipped template and
the
ACLs generated from an account list, on loopback with its own ports, folder, test CA and CRL. One per session.

Device accounts are bound to a site and team as in production: ``seats(site, team)`` names them. Every account
is also its MQTT client id, so each test's aggregator has an account (= persistent session) of its own.
"""

from __future__ import annotations

import contextlib
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from device.protocol.transport import BrokerParams
from devkit.broker import TrialBroker, find_mosquitto
from fleet.brokerconf import Account

# (site, team) -> device accounts "<site>-<team>-NN" (team None: a hot-desk account, any team of its site)
SEATS: dict[tuple[str, str | None], int] = {
    ("s1", "t1"): 12,
    ("kk", "big"): 6,
    ("kk", "small"): 4,
    ("eo", "team1"): 1,
    ("sh", None): 1,
    ("ns", "t"): 1,
    ("hx", "t"): 6,
    ("st", "blue"): 1,
    ("dash", "alpha"): 6,
    ("dash", "beta"): 3,
    ("priv", "t1"): 1,
    ("cli", "t"): 1,
    ("od", "t"): 1,  # test_mqtt_outbox_down
    ("as", "t"): 1,  # test_mqtt_status: an account name that is not the asset tag
}
AGGREGATORS = (
    *("lugn-aggregator", "agg-k", "agg-eo", "agg-a", "agg-b", "agg-ns", "agg-hostile", "agg-dash", "agg-od"),
)
STAFF = ("supervisor", "supervisor-2", "supervisor-3")
BACKEND_USERS = (*AGGREGATORS, *STAFF, "it-monitor")
MTLS = ("ws-mtls-1",)


def seat_name(site: str, team: str | None, i: int) -> str:
    return f"{site}-{team or 'any'}-{i:02d}"


def seats(site: str, team: str | None) -> list[str]:
    return [seat_name(site, team, i) for i in range(SEATS[(site, team)])]


def accounts() -> list[Account]:
    out = [Account("aggregator", a) for a in AGGREGATORS]
    out += [Account("supervisor", s) for s in STAFF] + [Account("it-monitor", "it-monitor")]
    out += [Account("device", n, site, team) for (site, team) in SEATS for n in seats(site, team)]
    out.append(Account("device", MTLS[0], "s1", "t1"))
    return out


@pytest.fixture(scope="session")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TrialBroker]:
    if find_mosquitto() is None:
        pytest.skip("mosquitto not installed (apt-get install mosquitto)")
    b = TrialBroker(tmp_path_factory.mktemp("mosquitto"), accounts=accounts(), client_certs=MTLS)
    b.setup()
    b.start()
    yield b
    b.stop()


@pytest.fixture
def live_broker(broker: TrialBroker) -> TrialBroker:
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


def backend_params(broker: TrialBroker, user: str) -> BrokerParams:
    assert user in BACKEND_USERS, user
    return BrokerParams.from_url(
        broker.backend_url(),
        ca_file=broker.ca_file,
        username=user,
        password=broker.passwords[user],
        client_id=user,
    )


def device_params(broker: TrialBroker, user: str, **kw: object) -> BrokerParams:
    return BrokerParams.from_url(
        broker.device_url(),
        ca_file=broker.ca_file,
        username=user,
        password=broker.passwords[user],
        client_id=f"lugn-{user}",
        **kw,
    )


@pytest.fixture
def state_dir(tmp_path: Path) -> Path:
    return tmp_path


class Probe:
    """A plain paho v5 client that records what the broker answered: CONNACK, SUBACK and PUBACK reason
    codes, and whether the broker disconnected it."""

    def __init__(self, url: str, username: str, password: str, ca_file: str, client_id: str = "") -> None:
        from device.protocol.transport import make_client

        self.params = BrokerParams.from_url(
            url, ca_file=ca_file, username=username, password=password, client_id=client_id
        )
        self.client = make_client(self.params)
        self.connack: int | None = None
        self.disconnects: list[int] = []
        self.subacks: dict[int, list[int]] = {}
        self.pubacks: dict[int, int] = {}
        self.messages: list[tuple[str, bytes, bool]] = []
        c = self.client
        c.on_connect = lambda _c, _u, _f, rc, _p: setattr(self, "connack", rc.value)
        c.on_disconnect = lambda _c, _u, _f, rc, _p: self.disconnects.append(rc.value)
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

    def publish(self, topic: str, payload: bytes, retain: bool = False, properties: object = None) -> int:
        info = self.client.publish(topic, payload, qos=1, retain=retain, properties=properties)
        assert wait_for(lambda: info.mid in self.pubacks, 5), f"no PUBACK for {topic}"
        return self.pubacks[info.mid]

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


@pytest.fixture
def probe(live_broker: TrialBroker) -> Iterator[Callable[..., Probe]]:
    made: list[Probe] = []

    def make(
        user: str,
        listener: str = "auto",
        password: str | None = None,
        connect: bool = True,
        client_id: str | None = None,
    ) -> Probe:
        if listener == "auto":
            listener = "backend" if user in BACKEND_USERS else "device"
        url = live_broker.backend_url() if listener == "backend" else live_broker.device_url()
        pw = password if password is not None else live_broker.passwords.get(user, "x")
        p = Probe(url, user, pw, live_broker.ca_file, client_id=client_id or f"probe-{user}-{len(made)}")
        made.append(p)
        if connect:
            p.connect()
        return p

    yield make
    for p in made:
        with contextlib.suppress(Exception):
            p.close()


def mosquitto_pub(
    broker: TrialBroker, user: str, topic: str, *args: str, listener: str = "device"
) -> tuple[int, str]:
    """The real ``mosquitto_pub`` (MQTT v5, QoS 1, TLS) as ``user``; (exit code, stderr)."""
    port = broker.backend_port if listener == "backend" else broker.device_port
    cmd = ["mosquitto_pub", "-h", "localhost", "-p", str(port), "--cafile", broker.ca_file, "-V", "mqttv5"]
    cmd += ["-q", "1", "-u", user, "-P", broker.passwords[user], "-t", topic, *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    return proc.returncode, proc.stderr.strip()
