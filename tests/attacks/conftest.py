"""The attack suite (issue #11): every attack reproduced with the real broker (the trial broker: the shipped
template and generated ACLs), real clients (``mosquitto_pub``/``mosquitto_sub`` and paho) and the real
aggregator (``lugn aggregate`` as a process where it matters, else the same service in-process with a clock
the test can move to the end of a bucket). Each test states the attack and what the supervisor saw before the
fix.

One broker for the whole suite; each test uses its own team (and aggregator account, = MQTT session).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from device.metrics.anonymise import Anonymiser
from device.protocol.payloads import AggregatorHealth, Summary
from device.protocol.transport import BrokerParams
from devkit import mqttcli
from devkit.broker import TrialBroker
from devkit.mqttcli import pub, sub  # noqa: F401 - pub is used by the attack tests from here
from fleet.aggregator import Aggregator
from fleet.brokerconf import Account
from fleet.policy import AggregatorPolicy
from fleet.service import AggregatorService
from tests.integration.conftest import Probe, running, trial_broker, wait_for

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
    yield from trial_broker(tmp_path_factory, "attack-broker", _accounts(), MTLS)


@pytest.fixture
def broker(tb: TrialBroker) -> TrialBroker:
    """The suite's broker, started again if an earlier test killed it."""
    return running(tb)


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


class AggregateProcess(mqttcli.AggregateProcess):
    """``lugn aggregate --k 5`` as its own process for ``team`` (account ``agg-<team>``), as IT runs it."""

    def __init__(self, broker: TrialBroker, workdir: Path, team: str, *extra: str) -> None:
        args = ["--k", "5", "--teams", f"{SITE}/{team}", "--state", str(workdir / f"agg-{team}.sqlite3")]
        super().__init__(broker, workdir / f"aggregate-{team}.log", f"agg-{team}", *args, *extra)


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
