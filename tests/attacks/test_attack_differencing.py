"""Attack 2: differencing. A supervisor records EVERY summary ever published and subtracts.

Before the fix: every accepted contribution republished the summary, so summary n+1 minus summary n was one
agent's exact counts (the sixth contribution's 4 calls / 4 frustrated / 333 s came out exactly). Now a bucket
is published once, when it is final; a late contribution waits for at least k late devices and is released as
a record of its own; published figures never change.
"""

from __future__ import annotations

import time

import pytest

from device.protocol.payloads import COUNT_FIELDS, Summary
from tests.attacks.conftest import SITE, Clock, aggregator, contribution, probe, pub, seat
from tests.integration.conftest import wait_for

pytestmark = pytest.mark.broker
VICTIM = {"calls": 4, "calls_frustrated": 4, "frustrated_s": 333}


def _differences(history: list[Summary]) -> list[dict[str, int]]:
    """Every difference a recording supervisor can form from two published figures (buckets, late ones)."""
    figures = [b.counts for s in history for b in s.buckets if b.counts is not None]
    figures += [r.counts for s in history for r in s.late]
    out = []
    for a in figures:
        for b in figures:
            out.append({f: getattr(a, f) - getattr(b, f) for f in COUNT_FIELDS})
    return out


def test_no_two_summaries_difference_to_one_agent(broker, tmp_path) -> None:
    clock = Clock()
    agg = aggregator(broker, "diff", tmp_path / "agg.sqlite3", clock, bucket_s=900, grace_s=120)
    recorder = probe(broker, "supervisor")
    recorder.subscribe(f"lugn/v1/{SITE}/diff/summary")
    history: list[Summary] = []
    try:
        bucket = int(time.time()) // 900 * 900
        for i in range(5):  # five agents on time
            me = seat("diff", i)
            c = contribution("diff", bucket, 900, calls=2 + i, calls_frustrated=1, frustrated_s=10 * i)
            assert pub(broker, me, f"lugn/v1/{SITE}/diff/contrib/{me}", "-m", c) == ""
            assert wait_for(lambda n=i: agg.aggregator.stats["accepted"] == n + 1, 10)
        assert recorder.messages == [], "nothing is published while the bucket is open"
        clock.offset_s = 900 + 120  # the bucket is final: published once
        assert wait_for(lambda: len(recorder.messages) == 1, 10)
        # the sixth agent is late (e.g. came back online): before, the summary changed by exactly its counts
        me = seat("diff", 5)
        late = contribution("diff", bucket, 900, **VICTIM)
        assert pub(broker, me, f"lugn/v1/{SITE}/diff/contrib/{me}", "-m", late) == ""
        assert wait_for(lambda: agg.aggregator.stats["late_held"] == 1, 10)
        time.sleep(0.5)  # several summary ticks
        history = [Summary.model_validate_json(p) for _t, p, _r in recorder.messages]
        assert len(history) == 1, "a late contribution publishes nothing"
        first = history[0].buckets
        # reconnecting (e.g. the broker restarts) republishes the same figures, unchanged
        agg.transport.client.disconnect()
        assert wait_for(lambda: len(recorder.messages) >= 2, 20)
        # four more late contributions, from other devices: now 5 late devices are released together
        for i in range(4):
            dev = seat("diff", i)
            c = contribution("diff", bucket, 900, calls=1)
            assert pub(broker, dev, f"lugn/v1/{SITE}/diff/contrib/{dev}", "-m", c) == ""
        assert wait_for(lambda: agg.aggregator.stats["late_released"] == 5, 10)
        assert wait_for(
            lambda: any(Summary.model_validate_json(p).late for _t, p, _r in recorder.messages), 10
        )
        history = [Summary.model_validate_json(p) for _t, p, _r in recorder.messages]
    finally:
        recorder.close()
        agg.stop()
    assert all(s.buckets == first for s in history), "a published bucket never changes"
    (release,) = history[-1].late
    assert release.contributors >= 5 and release.counts.calls == VICTIM["calls"] + 4
    victim = {f: VICTIM.get(f, 0) for f in COUNT_FIELDS}
    assert victim not in _differences(history), (
        "no difference of published figures is the late agent's counts"
    )
    assert victim not in [
        {f: getattr(b.counts, f) for f in COUNT_FIELDS} for s in history for b in s.buckets if b.counts
    ]
