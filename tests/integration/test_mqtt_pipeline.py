"""End to end through a real Mosquitto: devices -> outbox -> broker -> aggregator -> final summaries."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from device.metrics.anonymise import Anonymiser
from device.metrics.outbox import Outbox
from device.metrics.publisher import Publisher
from device.protocol.payloads import Summary
from device.protocol.transport import PahoTransport
from devkit.broker import TrialBroker
from fleet.aggregator import Aggregator
from fleet.policy import AggregatorPolicy
from fleet.service import AggregatorService
from tests.integration.conftest import backend_params, device_params, seats, wait_for

pytestmark = pytest.mark.broker
BUCKET_S = 900


def _bucket(ago: int = 1) -> int:
    return (int(time.time()) // BUCKET_S - ago) * BUCKET_S


def _publisher(
    broker: TrialBroker, user: str, outbox_path: Path, clock: Callable[[], float] = time.time
) -> Publisher:
    pub = Publisher(
        Outbox(outbox_path),
        PahoTransport(device_params(broker, user), name=f"test-{user}"),
        user,
        clock=clock,
    )
    pub.start()
    return pub


class Clock:
    """The aggregator's clock: real time plus an offset a test moves forward (to make a bucket final)."""

    def __init__(self) -> None:
        self.offset_s = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset_s

    def to_final(self, bucket_start: int, policy: AggregatorPolicy) -> None:
        self.offset_s = max(self.offset_s, bucket_start + policy.bucket_s + policy.grace_s + 1 - time.time())


def _aggregator(
    broker: TrialBroker,
    state: Path,
    account: str,
    teams: dict[str, list[str]],
    clock: Callable[[], float] = time.time,
    **policy: object,
) -> AggregatorService:
    pol = AggregatorPolicy(teams=teams, bucket_s=BUCKET_S, **policy)  # type: ignore[arg-type]
    svc = AggregatorService(
        backend_params(broker, account),
        Aggregator(str(state), pol, clock=clock),
        summary_interval_s=0.1,
        settle_s=0,
    )
    svc.start()
    assert wait_for(lambda: svc.transport.connected, 10)
    time.sleep(0.2)  # subscriptions granted
    return svc


def _latest(messages: list, topic: str) -> Summary | None:
    found = [p for t, p, _r in messages if t == topic]
    return Summary.model_validate_json(found[-1]) if found else None


def test_k_floor_suppresses_small_teams_and_sums_large_ones(live_broker, probe, tmp_path) -> None:
    clock = Clock()
    agg = _aggregator(live_broker, tmp_path / "agg.sqlite3", "agg-k", {"kk": ["big", "small"]}, clock)
    sup = probe("supervisor")
    sup.subscribe("lugn/v1/kk/+/summary")
    bucket = _bucket(0)
    pubs = []
    expected = {
        "calls": 0,
        "calls_frustrated": 0,
        "frustrated_s": 0,
        "deescalations": 0,
        "breathing_taken": 0,
    }
    try:
        # team "big": 6 devices (>= k = 5); team "small": 4 devices (< k); each device its own account
        for i, user in enumerate(seats("kk", "big") + seats("kk", "small")):
            team = "big" if i < 6 else "small"
            pub = _publisher(live_broker, user, tmp_path / f"outbox-{i}.sqlite3")
            pubs.append(pub)
            counts = {
                "calls": 3 + i,
                "calls_frustrated": 1 + i % 3,
                "frustrated_s": 20 * i,
                "deescalations": i % 2,
                "breathing_offered": 1,
                "breathing_taken": i % 2,
            }
            if team == "big":
                for key in expected:
                    expected[key] += counts[key]
            pub.submit(Anonymiser("kk", team).contribution(bucket, BUCKET_S, counts))
        assert all(p.wait_idle(10) for p in pubs)
        assert wait_for(lambda: agg.aggregator.stats["accepted"] == 10, 10)
        assert not sup.messages, "nothing is published before the bucket is final"
        clock.to_final(bucket, agg.aggregator.policy)

        def ready() -> bool:
            big, small = (_latest(sup.messages, f"lugn/v1/kk/{t}/summary") for t in ("big", "small"))
            return bool(big and small)

        assert wait_for(ready, 10)
        big = _latest(sup.messages, "lugn/v1/kk/big/summary")
        small = _latest(sup.messages, "lugn/v1/kk/small/summary")
        assert big and small
        b = big.buckets[-1]
        assert not b.suppressed and b.bucket_start == bucket and b.counts is not None and b.contributors == 6
        assert {k: getattr(b.counts, k) for k in expected} == expected
        assert b.frustrated_call_share == pytest.approx(expected["calls_frustrated"] / expected["calls"])
        s = small.buckets[-1]
        assert s.suppressed and s.counts is None and s.contributors is None
        raw = json.loads([p for t, p, _r in sup.messages if t.endswith("small/summary")][-1])
        assert raw["buckets"][-1]["counts"] is None and raw["buckets"][-1]["contributors"] is None
        # retained: a supervisor connecting later sees the present at once
        late = probe("supervisor-2")
        late.subscribe("lugn/v1/kk/big/summary")
        assert wait_for(lambda: any(r for _t, _p, r in late.messages), 5)
    finally:
        for p in pubs:
            p.stop()
        agg.stop()


def test_broker_kill_agent_and_aggregator_restart_count_each_contribution_once(
    live_broker, probe, tmp_path
) -> None:
    state = tmp_path / "agg.sqlite3"
    outbox = tmp_path / "outbox.sqlite3"
    (user,) = seats("eo", "team1")
    teams = {"eo": ["team1"]}
    anon = Anonymiser("eo", "team1")
    sent: list[int] = []
    bucket = _bucket(0)

    def submit(pub: Publisher, n: int) -> None:
        for _ in range(n):
            sent.append(len(sent) + 1)
            pub.submit(anon.contribution(bucket - BUCKET_S * (len(sent) % 3), BUCKET_S, {"calls": 1}))

    agg = _aggregator(live_broker, state, "agg-eo", teams, grace_s=7200)  # nothing becomes final meanwhile
    subscribed_at = time.time() + 0.2
    pub = _publisher(live_broker, user, outbox)
    submit(pub, 10)
    assert pub.wait_idle(10)
    # aggregator restarts while devices keep publishing: its persistent session queues for it
    agg.stop()
    submit(pub, 10)
    assert pub.wait_idle(10)
    agg = _aggregator(live_broker, state, "agg-eo", teams, grace_s=7200)
    # Mosquitto keeps sessions on disk by autosave (every 5 s here): a session younger than the last save is
    # lost to a SIGKILL, and then nothing queues for the aggregator while it is away. A real aggregator's
    # session is long saved; wait for one save after its first subscription so the test is not a race.
    db = live_broker.workdir / "mosquitto.db"
    assert wait_for(lambda: db.is_file() and db.stat().st_mtime > subscribed_at, 15), "no autosave in 15 s"
    # broker killed mid-stream (SIGKILL)...
    submit(pub, 10)
    live_broker.kill()
    submit(pub, 10)
    assert Outbox(outbox).pending_count() > 0
    pub.stop()  # ... and the agent stops with an unsent outbox
    pub = _publisher(live_broker, user, outbox)  # agent restarts, broker still down
    submit(pub, 5)
    time.sleep(0.5)
    assert not pub.connected
    live_broker.start()
    # reconnects back off exponentially with jitter (up to 60 s): on a loaded 2-core CI machine allow for that
    assert pub.wait_idle(90), "outbox did not drain after the broker came back"
    try:
        assert wait_for(lambda: agg.aggregator.stats["accepted"] == len(sent), 90), dict(agg.aggregator.stats)
        time.sleep(0.5)
        assert agg.aggregator.stats["accepted"] == len(sent) == 45
        (calls,) = agg.aggregator.store.db.execute("SELECT SUM(calls) FROM device_counts").fetchone()
        assert calls == 45
        # one device, three buckets: one contributor per bucket, however many messages and re-sends
        rows = agg.aggregator.store.db.execute("SELECT COUNT(*) FROM device_counts").fetchone()
        assert rows == (3,)
        assert agg.aggregator.stats.get("rejected", 0) == 0
    finally:
        pub.stop()
        agg.stop()


def test_shards_by_team_count_only_their_own_teams(live_broker, tmp_path) -> None:
    a = _aggregator(live_broker, tmp_path / "a.sqlite3", "agg-a", {"sh": ["ta"]})
    b = _aggregator(live_broker, tmp_path / "b.sqlite3", "agg-b", {"sh": ["tb", "tc"]})
    (user,) = seats("sh", None)  # a hot-desk account: any team of its site
    pub = _publisher(live_broker, user, tmp_path / "o.sqlite3")
    try:
        for team, n in (("ta", 3), ("tb", 4), ("tc", 2), ("td", 5)):
            for _ in range(n):
                pub.submit(Anonymiser("sh", team).contribution(_bucket(0), BUCKET_S, {"calls": 1}))
        assert wait_for(
            lambda: a.aggregator.stats["accepted"] == 3 and b.aggregator.stats["accepted"] == 6, 10
        )
        time.sleep(0.3)
        assert a.aggregator.stats["accepted"] == 3 and b.aggregator.stats["accepted"] == 6
        teams_a = {t for (t,) in a.aggregator.store.db.execute("SELECT DISTINCT team FROM device_counts")}
        teams_b = {t for (t,) in b.aggregator.store.db.execute("SELECT DISTINCT team FROM device_counts")}
        assert teams_a == {"ta"} and teams_b == {"tb", "tc"}
        # "td" belongs to no shard: nobody subscribed (PUBACK 0x10), so the seat keeps it, visibly, not lost
        assert wait_for(lambda: pub.no_subscriber >= 5, 10)
        assert pub.outbox.pending_count() == 5
    finally:
        pub.stop()
        a.stop()
        b.stop()


def test_no_subscriber_means_not_delivered_and_it_is_sent_again(live_broker, tmp_path) -> None:
    """PUBACK 0x10 (no matching subscribers: e.g. a broker that lost its state before the aggregator
    subscribed again) keeps the contribution in the outbox; it is delivered once the aggregator is back."""
    live_broker.stop()
    live_broker.reset_state()  # no aggregator session exists any more
    live_broker.start()
    (user,) = seats("ns", "t")
    pub = _publisher(live_broker, user, tmp_path / "o.sqlite3")
    agg = None
    try:
        pub.submit(Anonymiser("ns", "t").contribution(_bucket(0), BUCKET_S, {"calls": 3}))
        assert wait_for(lambda: pub.no_subscriber >= 1, 10)
        assert pub.outbox.pending_count() == 1 and pub.acked == 0
        assert pub.outbox.last_acked is None  # "What leaves this computer": not sent until the broker says so
        agg = _aggregator(live_broker, tmp_path / "agg.sqlite3", "agg-ns", {"ns": ["t"]})
        assert pub.wait_idle(15)
        assert wait_for(lambda: agg.aggregator.stats["accepted"] == 1, 10)
        assert pub.outbox.last_acked is not None  # ... and once it did, the agent sees it as "last sent"
        assert json.loads(pub.outbox.last_acked[0].payload)["counts"]["calls"] == 3
    finally:
        pub.stop()
        if agg is not None:
            agg.stop()


def test_aggregator_reports_its_health_to_it(live_broker, probe, tmp_path) -> None:
    it = probe("it-monitor")
    it.subscribe("lugn/v1/_sys/aggregator/+/health")
    agg = _aggregator(live_broker, tmp_path / "agg.sqlite3", "agg-ns", {"ns": ["t"]}, health_interval_s=1)
    try:
        assert wait_for(lambda: any(t.endswith("agg-ns/health") for t, _p, _r in it.messages), 10)
    finally:
        agg.stop()
    assert wait_for(lambda: b'"offline"' in [p for t, p, _r in it.messages if "agg-ns" in t][-1], 5)
