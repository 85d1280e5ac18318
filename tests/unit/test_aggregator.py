"""The aggregator core: strict validation, one device = one contributor, plausibility, clock correction, each
bucket published once, late releases only with k devices, housekeeping, hostile input."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from device.metrics.anonymise import Anonymiser
from device.protocol.payloads import MAX_PAYLOAD_BYTES, Summary
from fleet.aggregator import Aggregator
from fleet.policy import AggregatorPolicy

NOW = 1_800_000_000.0
BUCKET = int(NOW // 900 * 900 - 900)
POLICY = AggregatorPolicy(teams={"s": ["t"]}, bucket_s=900, grace_s=120)
TOPIC = "lugn/v1/s/t/contrib/dev-1"


def topic(device: str, team: str = "t") -> str:
    return f"lugn/v1/s/{team}/contrib/{device}"


def valid(counts: dict[str, int] | None = None, team: str = "t", bucket: int = BUCKET) -> dict:
    c = Anonymiser("s", team).contribution(bucket, 900, counts or {"calls": 2, "calls_frustrated": 1})
    return json.loads(c.to_json())


def payload(counts: dict[str, int] | None = None, bucket: int = BUCKET) -> bytes:
    return json.dumps(valid(counts, bucket=bucket)).encode()


def _set(path: tuple[str, ...], value: object):
    def f(d: dict) -> dict:
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return d

    return f


def _drop(key: str):
    def f(d: dict) -> dict:
        d.pop(key)
        return d

    return f


# Each mutation turns a valid contribution into an invalid one (one reason each).
MUTATIONS = [
    _set(("agent_id",), "alice"),  # identifier smuggled in: extra fields are forbidden
    _set(("hostname",), "ws-042"),
    _set(("contributor",), "0" * 32),  # the old forgeable token: refused, not counted as a contributor
    _set(("counts", "pace"), 5),  # delivery facts are not a count
    _set(("counts", "calls"), -1),
    _set(("counts", "calls"), 2**70),
    _set(("counts", "calls"), 1.5),
    _set(("counts", "calls"), "2"),
    _set(("counts", "calls"), True),
    _set(("counts", "calls"), None),
    _set(("counts", "calls"), 62),  # more calls than one device can end in 900 s (implausible)
    _set(("counts", "frustrated_s"), 901),  # longer than the bucket
    _set(("counts", "calls_frustrated"), 99),  # more frustrated calls than calls
    _set(("schema",), 1),
    _set(("schema",), "2"),
    _set(("bucket_start",), BUCKET + 7),  # not aligned
    _set(("bucket_start",), BUCKET - 86400 * 30),  # too old
    _set(("bucket_s",), 61),
    _set(("bucket_s",), 0),
    _set(("bucket_s",), 60),  # not the policy's bucket length
    _set(("message_id",), "../../etc/passwd"),
    _set(("message_id",), "A" * 32),
    _set(("site",), "S P A C E"),
    _set(("team",), "other"),  # does not match the topic
    _set(("counts",), [1, 2, 3]),
    _set(("counts",), {"calls": {"$gt": 0}}),
    _drop("message_id"),
    _drop("counts"),
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=10), kids, max_size=4),
    max_leaves=20,
)


@st.composite
def hostile_payloads(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["mutation", "mutation2", "bytes", "json", "oversized", "deep", "text"]))
    if kind.startswith("mutation"):
        d = valid()
        for m in draw(
            st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=1 if kind == "mutation" else 3)
        ):
            with contextlib.suppress(KeyError, TypeError):
                d = m(d)
        return json.dumps(d).encode()
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "json":
        return json.dumps(draw(json_values)).encode()
    if kind == "oversized":
        d = valid()
        d["padding"] = "x" * draw(st.integers(MAX_PAYLOAD_BYTES, MAX_PAYLOAD_BYTES * 4))
        return json.dumps(d).encode()
    if kind == "deep":
        depth = draw(st.integers(100, 5000))
        return b"[" * depth + b"]" * depth
    return draw(st.text(max_size=200)).encode("utf-8", "surrogatepass")


class Clock:
    def __init__(self, t: float = NOW) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def _agg(tmp_path: Path, clock: Clock | None = None, **policy: object) -> Aggregator:
    pol = POLICY.model_copy(update=policy) if policy else POLICY
    return Aggregator(str(tmp_path / "agg.sqlite3"), pol, clock=clock or Clock())


def _final(agg: Aggregator, clock: Clock, bucket: int = BUCKET) -> Summary:
    clock.t = max(clock.t, bucket + 900 + agg.policy.grace_s)
    agg.finalise_due()
    return agg.summary("s", "t")


def test_devices_are_summed_once_published_and_duplicates_ignored(tmp_path: Path) -> None:
    clock = Clock()
    agg = _agg(tmp_path, clock)
    msgs = [(topic(f"dev-{i}"), payload({"calls": i + 1})) for i in range(5)]
    assert [agg.handle(t, p).status for t, p in msgs] == ["accepted"] * 5
    assert [agg.handle(t, p).status for t, p in msgs] == ["duplicate"] * 5
    assert agg.summary("s", "t").buckets == [], "nothing is published before the bucket is final"
    b = _final(agg, clock).buckets[-1]
    assert not b.suppressed and b.contributors == 5 and b.counts and b.counts.calls == 15
    # per-device rows and the bucket's key are gone once it is final
    assert agg.store.db.execute("SELECT COUNT(*) FROM device_counts").fetchone() == (0,)
    assert agg.store.db.execute("SELECT COUNT(*) FROM open_buckets").fetchone() == (0,)


def test_k_floor_is_compiled_in_and_suppression_carries_no_counts(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        AggregatorPolicy(k=2)
    clock = Clock()
    agg = _agg(tmp_path, clock)
    for i in range(4):
        agg.handle(topic(f"dev-{i}"), payload({"calls": i + 1}))
    b = _final(agg, clock).buckets[-1]
    assert b.suppressed and b.counts is None and b.contributors is None


def test_one_device_with_many_message_ids_is_one_contributor(tmp_path: Path) -> None:
    """Attack 1: one credential, 1,000 contributions -> still one contributor (suppressed)."""
    clock = Clock()
    agg = _agg(tmp_path, clock)
    outcomes = [agg.handle(TOPIC, payload({"calls": 0, "tips_shown": 0})).status for _ in range(1000)]
    assert outcomes == ["accepted"] * 1000
    b = _final(agg, clock).buckets[-1]
    assert b.suppressed


def test_inflation_is_refused_over_the_device_running_total(tmp_path: Path) -> None:
    """Attack 3: 12 message ids of 10,000 calls each -> refused; split claims stop at the physical limit."""
    agg = _agg(tmp_path)
    big = [agg.handle(TOPIC, payload({"calls": 10_000, "frustrated_s": 900})) for _ in range(12)]
    assert {o.reason for o in big} == {"implausible"}
    split = [agg.handle(TOPIC, payload({"calls": 10, "frustrated_s": 200})).status for _ in range(12)]
    assert split.count("accepted") == 4  # 4 x 200 s <= 900 s; the 5th would exceed the bucket
    assert agg.stats["rejected.implausible"] == 12 + 8
    row = agg.store.db.execute("SELECT calls, frustrated_s FROM device_counts").fetchone()
    assert row == (40, 800)


def test_restart_neither_loses_nor_double_counts(tmp_path: Path) -> None:
    payloads = [(topic(f"dev-{i}"), payload({"calls": 1})) for i in range(8)]
    agg = _agg(tmp_path)
    for t, p in payloads[:5]:
        agg.handle(t, p)
    agg.close()  # no explicit save: counters are committed with the counts
    clock = Clock()
    agg = _agg(tmp_path, clock)  # restart: the broker redelivers some already-counted messages plus the rest
    outcomes = [agg.handle(t, p).status for t, p in payloads[3:]]
    assert outcomes == ["duplicate", "duplicate", "accepted", "accepted", "accepted"]
    b = _final(agg, clock).buckets[-1]
    assert b.counts and b.counts.calls == 8 and b.contributors == 8
    assert agg.stats["accepted"] == 8 and agg.stats["received"] == 10


def test_every_mutation_is_rejected_with_a_reason(tmp_path: Path) -> None:
    agg = _agg(tmp_path)
    for i, mutate in enumerate(MUTATIONS):
        out = agg.handle(TOPIC, json.dumps(mutate(valid())).encode())
        assert out.status == "rejected" and out.reason, (i, out)
    assert agg.stats["rejected"] == len(MUTATIONS)
    assert agg.stats["rejected.topic_mismatch"] == 1 and agg.stats["rejected.bucket_too_old"] == 1
    assert agg.stats["rejected.bucket_length"] == 1 and agg.stats["rejected.implausible"] == 1


def test_scope_retained_unknown_team_and_bad_topics(tmp_path: Path) -> None:
    agg = _agg(tmp_path)
    assert agg.handle(TOPIC, payload(), retain=True).reason == "retained"
    other = json.dumps(valid(team="made-up")).encode()
    assert agg.handle(topic("dev-1", "made-up"), other).reason == "unknown_team"
    assert agg.handle("lugn/v1/s/t/contrib", payload()).reason == "topic"  # the old anonymous topic
    assert agg.handle("lugn/v1/s/t/contrib/a+b", payload()).reason == "topic"
    assert agg.stats["rejected"] == 4 and agg.stats["accepted"] == 0


def test_fast_clock_is_corrected_with_sent_at(tmp_path: Path) -> None:
    """Attack 6: a seat 1 h fast. Its bucket is moved to the real one, not dropped after the PUBACK."""
    agg = _agg(tmp_path)
    fast_bucket = BUCKET + 3600
    out = agg.handle(TOPIC, payload({"calls": 3}, bucket=fast_bucket), sent_at=NOW + 3600 + 0.4)
    assert out.status == "accepted" and out.bucket_start == BUCKET
    out = agg.handle(topic("dev-2"), payload({"calls": 1}, bucket=BUCKET - 3600), sent_at=NOW - 3600)  # slow
    assert out.status == "accepted" and out.bucket_start == BUCKET
    # without sent_at (an old client), a bucket in the future is placed where it most likely ended: now
    out = agg.handle(topic("dev-3"), payload({"calls": 1}, bucket=fast_bucket))
    assert out.status == "accepted" and out.bucket_start == BUCKET
    assert agg.stats["clock_corrected"] == 3 and agg.stats["max_clock_skew_s"] >= 3600


def test_each_bucket_is_published_once_and_late_ones_wait_for_k_devices(tmp_path: Path) -> None:
    """Attack 2 (differencing): the summary after a late contribution is the same as before."""
    clock = Clock()
    agg = _agg(tmp_path, clock)
    for i in range(5):
        agg.handle(topic(f"dev-{i}"), payload({"calls": 2}))
    first = _final(agg, clock)
    assert first.buckets[-1].counts and first.buckets[-1].counts.calls == 10
    late = agg.handle(topic("dev-5"), payload({"calls": 4, "calls_frustrated": 4, "frustrated_s": 333}))
    assert late.status == "late"
    agg.finalise_due()
    second = agg.summary("s", "t")
    assert second.buckets == first.buckets and second.late == []  # nothing to difference
    for i in range(6, 9):
        assert agg.handle(topic(f"dev-{i}"), payload({"calls": 1})).status == "late"
    agg.finalise_due()
    assert agg.summary("s", "t").late == []  # 4 late devices: held until a 5th
    agg.handle(topic("dev-9"), payload({"calls": 1}))
    agg.finalise_due()
    third = agg.summary("s", "t")
    assert third.buckets == first.buckets
    (rel,) = third.late
    assert rel.contributors == 5 and rel.counts.calls == 4 + 4
    assert agg.stats["late_held"] == 5 and agg.stats["late_released"] == 5


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    events=st.lists(
        st.tuples(st.integers(0, 7), st.integers(0, 3), st.integers(0, 4), st.booleans()),
        min_size=1,
        max_size=60,
    )
)
def test_no_summary_ever_changes_a_published_figure(tmp_path: Path, events) -> None:
    """Whatever order devices contribute in (on time or late, several buckets), every bucket's published
    figures
    never change, and every figure shown covers at least k devices."""
    clock = Clock(NOW)
    agg = Aggregator(":memory:", POLICY, clock=clock)
    seen: dict[int, object] = {}
    for device, bucket_ago, calls, advance in events:
        bucket = BUCKET - 900 * bucket_ago
        agg.handle(topic(f"dev-{device}"), payload({"calls": calls}, bucket=bucket), sent_at=clock.t)
        if advance:
            clock.t += 300
        agg.finalise_due()
        s = agg.summary("s", "t")
        for b in s.buckets:
            assert seen.setdefault(b.bucket_start, b) == b
            assert b.suppressed or (b.contributors or 0) >= 5
        assert all(r.contributors >= 5 for r in s.late)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    payloads=st.lists(hostile_payloads(), min_size=1, max_size=5),
    topic_=st.sampled_from(
        [
            TOPIC,
            TOPIC,
            "lugn/v1/s/t/contrib/x/y",
            "lugn/v1/S/t/contrib/d",
            "lugn/v1/s/devices/contrib/d",
            "#",
            "",
        ]
    ),
)
def test_hostile_payloads_are_rejected_counted_and_change_nothing(tmp_path: Path, payloads, topic_) -> None:
    agg = Aggregator(":memory:", POLICY, clock=Clock())
    for i in range(5):
        agg.handle(topic(f"dev-{i}"), payload({"calls": 2, "calls_frustrated": 1}))
    before = agg.store.db.execute("SELECT * FROM device_counts ORDER BY device").fetchall()
    rejected = agg.stats["rejected"]
    for p in payloads:
        assert agg.handle(topic_, p).status == "rejected"
    assert agg.stats["rejected"] == rejected + len(payloads)
    assert agg.store.db.execute("SELECT * FROM device_counts ORDER BY device").fetchall() == before
    agg.close()


def test_housekeeping_forgets_after_the_stated_retention(tmp_path: Path) -> None:
    clock = Clock()
    agg = _agg(tmp_path, clock)
    for i in range(5):
        agg.handle(topic(f"dev-{i}"), payload())
    _final(agg, clock)
    agg.handle(topic("dev-9"), payload())  # late, and stays below k
    assert agg.prune() == {"seen": 0, "published": 0, "late_released": 0, "late_pool": 0}
    clock.t += POLICY.dedup_retention_s + 1
    removed = agg.prune()
    assert removed == {"seen": 6, "published": 1, "late_released": 0, "late_pool": 1}
    assert agg.stats["late_expired"] == 1  # dropped, and counted where IT sees it
    tables = ("seen", "published", "late_pool", "late_keys", "device_counts", "open_buckets")
    assert [agg.store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables] == [0] * 6
    agg.close()
    assert _agg(tmp_path, clock).stats["late_expired"] == 1  # counters are on disk


def test_a_state_file_from_before_the_declined_count_is_upgraded_in_place(tmp_path) -> None:
    """Issue #13 added ``counts.declined``: an aggregator state written before it keeps its buckets."""
    import sqlite3

    from fleet.store import Store

    path = str(tmp_path / "agg.sqlite3")
    Store(path).close()
    db = sqlite3.connect(path)
    for table in ("device_counts", "published", "late_pool", "late_released"):
        db.execute(f"ALTER TABLE {table} DROP COLUMN declined")  # as the old file was
    db.execute(
        "INSERT INTO published (site, team, bucket_start, bucket_s, published_at, contributors, calls) "
        "VALUES ('s', 't', 900, 900, 1000, 5, 7)"
    )
    db.commit()
    db.close()
    store = Store(path)
    row = store.db.execute("SELECT calls, declined FROM published").fetchone()
    assert row == (7, None)
    cols = {r[1] for r in store.db.execute("PRAGMA table_info(device_counts)")}
    assert "declined" in cols
    store.close()
