"""The aggregator core: strict validation, de-duplication that survives a restart, the k floor, hostile
input."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from device.metrics.anonymise import Anonymiser, random_hex32
from device.metrics.payloads import MAX_PAYLOAD_BYTES
from fleet.aggregator import Aggregator

NOW = 1_800_000_000.0
BUCKET = int(NOW // 900 * 900 - 900)
TOPIC = "lugn/v1/s/t/contrib"


def valid(counts: dict[str, int] | None = None, team: str = "t", bucket: int = BUCKET) -> dict:
    c = Anonymiser("s", team).contribution(bucket, 900, counts or {"calls": 2, "calls_frustrated": 1})
    return json.loads(c.to_json())


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
    _set(("counts", "pace"), 5),  # delivery facts are not a count
    _set(("counts", "calls"), -1),
    _set(("counts", "calls"), 2**70),
    _set(("counts", "calls"), 1.5),
    _set(("counts", "calls"), "2"),
    _set(("counts", "calls"), True),
    _set(("counts", "calls"), None),
    _set(("counts", "frustrated_s"), 901),  # longer than the bucket
    _set(("counts", "calls_frustrated"), 99),  # more frustrated calls than calls
    _set(("schema",), 2),
    _set(("schema",), "1"),
    _set(("bucket_start",), BUCKET + 7),  # not aligned
    _set(("bucket_start",), BUCKET + 900 * 10),  # future
    _set(("bucket_start",), BUCKET - 86400 * 30),  # too old
    _set(("bucket_s",), 61),
    _set(("bucket_s",), 0),
    _set(("message_id",), "../../etc/passwd"),
    _set(("message_id",), "A" * 32),
    _set(("contributor",), "alice@example.com"),
    _set(("site",), "S P A C E"),
    _set(("team",), "other"),  # does not match the topic
    _set(("counts",), [1, 2, 3]),
    _set(("counts",), {"calls": {"$gt": 0}}),
    _drop("message_id"),
    _drop("contributor"),
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


def _agg(tmp_path: Path, **kw: object) -> Aggregator:
    return Aggregator(str(tmp_path / "agg.sqlite3"), clock=lambda: NOW, **kw)  # type: ignore[arg-type]


def test_valid_contributions_are_summed_and_duplicates_ignored(tmp_path: Path) -> None:
    agg = _agg(tmp_path)
    payloads = [json.dumps(valid({"calls": i + 1})).encode() for i in range(5)]
    assert [agg.handle(TOPIC, p).status for p in payloads] == ["accepted"] * 5
    assert [agg.handle(TOPIC, p).status for p in payloads] == ["duplicate"] * 5
    b = agg.summary("s", "t").buckets[-1]
    assert not b.suppressed and b.contributors == 5 and b.counts and b.counts.calls == 15


def test_k_floor_is_compiled_in_and_suppression_carries_no_counts(tmp_path: Path) -> None:
    agg = _agg(tmp_path, k=2)
    assert agg.k == 5  # configuration cannot lower the floor
    for i in range(4):
        agg.handle(TOPIC, json.dumps(valid({"calls": i + 1})).encode())
    b = agg.summary("s", "t").buckets[-1]
    assert b.suppressed and b.counts is None and b.contributors is None
    agg.handle(TOPIC, json.dumps(valid({"calls": 1})).encode())
    assert not agg.summary("s", "t").buckets[-1].suppressed


def test_one_agent_restarting_within_a_bucket_is_one_contributor(tmp_path: Path) -> None:
    token = random_hex32()
    agg = _agg(tmp_path)
    for _ in range(5):
        a = Anonymiser("s", "t", token_for_bucket=lambda _b: token)
        agg.handle(TOPIC, a.contribution(BUCKET, 900, {"calls": 1}).to_json())
    b = agg.summary("s", "t").buckets[-1]
    assert b.suppressed  # 5 messages but one contributor token: still fewer than k agents


def test_restart_neither_loses_nor_double_counts(tmp_path: Path) -> None:
    payloads = [json.dumps(valid({"calls": 1})).encode() for _ in range(8)]
    agg = _agg(tmp_path)
    for p in payloads[:5]:
        agg.handle(TOPIC, p)
    agg.persist_stats()
    agg.close()
    agg = _agg(tmp_path)  # restart: the broker redelivers some already-counted messages plus the rest
    outcomes = [agg.handle(TOPIC, p).status for p in payloads[3:]]
    assert outcomes == ["duplicate", "duplicate", "accepted", "accepted", "accepted"]
    b = agg.summary("s", "t").buckets[-1]
    assert b.counts and b.counts.calls == 8 and b.contributors == 8
    assert agg.stats["accepted"] == 8


def test_every_mutation_is_rejected_with_a_reason(tmp_path: Path) -> None:
    agg = _agg(tmp_path)
    for i, mutate in enumerate(MUTATIONS):
        out = agg.handle(TOPIC, json.dumps(mutate(valid())).encode())
        assert out.status == "rejected", (i, out)
    assert agg.stats["rejected"] == len(MUTATIONS)
    assert agg.stats["rejected.topic_mismatch"] == 1 and agg.stats["rejected.bucket_future"] == 1
    assert agg.stats["rejected.bucket_too_old"] == 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    payloads=st.lists(hostile_payloads(), min_size=1, max_size=5),
    topic=st.sampled_from(
        [TOPIC, TOPIC, "lugn/v1/s/t/contrib/x", "lugn/v1/S/t/contrib", "lugn/v1/s/devices/contrib", "#", ""]
    ),
)
def test_hostile_payloads_are_rejected_counted_and_change_nothing(tmp_path: Path, payloads, topic) -> None:
    agg = _agg_fresh(tmp_path)
    for _ in range(5):
        agg.handle(TOPIC, json.dumps(valid({"calls": 2, "calls_frustrated": 1})).encode())
    before = agg.summary("s", "t")
    rejected = agg.stats["rejected"]
    for p in payloads:
        assert agg.handle(topic, p).status == "rejected"
    assert agg.stats["rejected"] == rejected + len(payloads)
    assert agg.summary("s", "t").buckets == before.buckets
    agg.close()


def _agg_fresh(tmp_path: Path) -> Aggregator:
    return Aggregator(":memory:", clock=lambda: NOW)
