"""The attack suite (issue #11): every attack reproduced with the real broker (the trial broker: the shipped
template and generated ACLs), real clients (``mosquitto_pub``/``mosquitto_sub`` and paho) and the real
aggregator (``lugn aggregate`` as a process where it matters, else the same service in-process with a clock
the test can move to the end of a bucket). Each test states the attack and what the supervisor saw before the
fix.

One broker for the whole suite; each test uses its own team (and aggregator account, = MQTT session).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from device.metrics.anonymise import Anonymiser
from device.protocol.payloads import AggregatorHealth, Summary
from device.protocol.transport import BrokerParams
from devkit.broker import TrialBroker, find_mosquitto
from fleet.aggregator import Aggregator
from fleet.brokerconf import Account
from fleet.policy import AggregatorPolicy
from fleet.service import AggregatorService
from tests.integration.conftest import Probe, wait_for

ROOT = Path(__file__).resolve().parents[2]
SITE = "south"
TEAMS = ("solo", "diff", "inflate", "takeover", "scope", "clock", "kill", "seat", "flood", "history")
DEVICES_PER_TEAM = 6
AGGREGATORS = ("lugn-aggregator", *(f"agg-{t}" for t in TEAMS))
MTLS = ("ws-lost", "ws-kept", "ws-flood")


def seat(team: str, i: int) -> str:
    return f"{SITE}-{team}-{i:02d}"


def _accounts() -> list[Account]:
    out = [Account("aggregator", a) for a in AGGREGATORS]
    out += [Account("supervisor", "supervisor"), Account("it-monitor", "it-monitor")]
    out += [Account("device", seat(t, i), SITE, t) for t in TEAMS for i in range(DEVICES_PER_TEAM)]
    out += [Account("device", f"{SITE}-hotdesk-00", SITE), Account("device", "north-x-00", "north", "x")]
    out += [Account("device", cn, SITE, "scope") for cn in MTLS]
    return out


@pytest.fixture(scope="session")
def tb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TrialBroker]:
    if find_mosquitto() is None:
        pytest.skip("mosquitto not installed (apt-get install mosquitto)")
    b = TrialBroker(tmp_path_factory.mktemp("attack-broker"), accounts=_accounts(), client_certs=MTLS)
    b.setup()
    b.start()
    yield b
    b.stop()


@pytest.fixture
def broker(tb: TrialBroker) -> TrialBroker:
    if tb.proc is None or tb.proc.poll() is not None:
        tb.start()
    return tb


def pub(
    broker: TrialBroker, user: str, topic: str, *args: str, backend: bool = False, client_id: str = ""
) -> str:
    """``mosquitto_pub`` (MQTT v5, QoS 1, TLS) as ``user``; returns stderr ("Not authorized" on a denial)."""
    port = broker.backend_port if backend else broker.device_port
    cmd = [
        "mosquitto_pub",
        "-h",
        "localhost",
        "-p",
        str(port),
        "--cafile",
        broker.ca_file,
        "-V",
        "mqttv5",
        "-q",
        "1",
    ]
    cmd += ["-u", user, "-P", broker.passwords[user], "-t", topic, *args]
    if client_id:
        cmd += ["-i", client_id]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    return proc.stderr + (f" (exit {proc.returncode})" if proc.returncode else "")


def sub(
    broker: TrialBroker, user: str, topic: str, wait_s: float = 2.0, count: int = 0
) -> list[tuple[str, str]]:
    """``mosquitto_sub`` as ``user`` on the backend listener: (topic, payload) received within ``wait_s``."""
    cmd = ["mosquitto_sub", "-h", "localhost", "-p", str(broker.backend_port), "--cafile", broker.ca_file]
    cmd += ["-V", "mqttv5", "-u", user, "-P", broker.passwords[user], "-t", topic, "-v", "-W", f"{wait_s:g}"]
    if count:
        cmd += ["-C", str(count)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=wait_s + 30)
    return [tuple(line.split(" ", 1)) for line in proc.stdout.splitlines() if " " in line]  # type: ignore[misc]


def contribution(team: str, bucket: int, bucket_s: int, **counts: int) -> str:
    return Anonymiser(SITE, team).contribution(bucket, bucket_s, counts).to_json().decode()


def params(broker: TrialBroker, user: str, client_id: str | None = None) -> BrokerParams:
    backend = not user.startswith(f"{SITE}-") and not user.startswith("north-")
    return BrokerParams.from_url(
        broker.backend_url() if backend else broker.device_url(),
        ca_file=broker.ca_file,
        username=user,
        password=broker.passwords[user],
        client_id=client_id or user,
    )


def probe(broker: TrialBroker, user: str, client_id: str | None = None) -> Probe:
    p = params(broker, user, client_id)
    url = f"mqtts://{p.host}:{p.port}"
    made = Probe(url, user, broker.passwords[user], broker.ca_file, client_id=p.client_id)
    made.connect()
    return made


class Clock:
    def __init__(self) -> None:
        self.offset_s = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset_s


def aggregator(
    broker: TrialBroker, team: str, state: Path, clock: Callable[[], float] = time.time, **policy: object
) -> AggregatorService:
    """The aggregator service in-process (the same code ``lugn aggregate`` runs), for team ``team``."""
    policy.setdefault("health_interval_s", 1.0)
    pol = AggregatorPolicy(teams={SITE: [team]}, **policy)  # type: ignore[arg-type]
    svc = AggregatorService(
        params(broker, f"agg-{team}"),
        Aggregator(str(state), pol, clock=clock),
        summary_interval_s=0.1,
        settle_s=0,
    )
    svc.start()
    assert wait_for(lambda: svc.transport.connected, 10)
    time.sleep(0.3)  # subscriptions granted
    return svc


class AggregateProcess:
    """``lugn aggregate`` as its own process, as IT runs it: ``start()``, ``kill()`` (SIGKILL), ``stop()``."""

    def __init__(self, broker: TrialBroker, workdir: Path, team: str, *extra: str) -> None:
        self.log = workdir / f"aggregate-{team}.log"
        self.cmd = [sys.executable, "-m", "lugn", "aggregate", "--broker", broker.backend_url()]
        self.cmd += ["--ca", broker.ca_file, "--username", f"agg-{team}", "--k", "5"]
        self.cmd += ["--password-file", str(broker.credential_file(f"agg-{team}"))]
        self.cmd += ["--teams", f"{SITE}/{team}", "--state", str(workdir / f"agg-{team}.sqlite3"), *extra]
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> AggregateProcess:
        with open(self.log, "ab") as fh:
            self.proc = subprocess.Popen(
                self.cmd,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=fh,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
        n = self.log.read_text().count("connected to")
        assert wait_for(lambda: self.log.read_text().count("connected to") > n, 30), self.log.read_text()
        time.sleep(0.3)
        return self

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(15)


def summaries(messages: list[tuple[str, str]]) -> list[Summary]:
    return [Summary.model_validate_json(p) for t, p in messages if t.endswith("/summary") and p]


def wait_summaries(
    broker: TrialBroker, topic: str, ready: Callable[[list[Summary]], bool] = bool, timeout_s: float = 25.0
) -> list[Summary]:
    """The retained summaries on ``topic`` (a filter) as the supervisor sees them, once ``ready``."""
    deadline = time.monotonic() + timeout_s
    while True:
        got = summaries(sub(broker, "supervisor", topic, 1.0))
        if ready(got) or time.monotonic() > deadline:
            return got


def health(
    broker: TrialBroker,
    account: str,
    ready: Callable[[AggregatorHealth], bool] = lambda _h: True,
    timeout_s: float = 15.0,
) -> AggregatorHealth:
    """The aggregator's retained health as IT (``it-monitor``) reads it, once ``ready``."""
    deadline = time.monotonic() + timeout_s
    while True:
        got = sub(broker, "it-monitor", f"lugn/v1/_sys/aggregator/{account}/health", 2.0, count=1)
        h = AggregatorHealth.model_validate_json(got[-1][1]) if got else None
        if (h is not None and ready(h)) or time.monotonic() > deadline:
            assert h is not None, f"no health from {account}"
            return h
        time.sleep(0.3)


def as_json(x: object) -> str:
    return json.dumps(x, sort_keys=True)
