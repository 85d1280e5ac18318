"""Pushing a team's figures out of its retained summary with ONE credential (red team after issue #11).

The retained summary carried the team's last 16 final buckets. A bucket nobody contributed to is never
published, but one device that sends an empty contribution for it gets it published (suppressed: 1 device).
Before the fix a seat sending empty contributions for the 16 idle buckets after the team's shift ended
(here with ``mosquitto_pub -l``, 16 lines) left a retained summary of 16 suppressed buckets: the shift's
figures were gone for every consumer that reads the retained message (a dashboard started the next morning,
Node-RED, Grafana). One agent alone on a night shift did the same without any malice. Now the summary also
carries the latest ``history`` buckets WITH figures, however many suppressed ones came after them.
"""

from __future__ import annotations

import subprocess
import time

import pytest

from tests.attacks.conftest import SITE, Clock, aggregator, contribution, pub, seat, wait_summaries
from tests.integration.conftest import wait_for

pytestmark = pytest.mark.broker
TEAM = "history"


def test_empty_contributions_do_not_push_figures_out_of_the_summary(broker, tmp_path) -> None:
    clock = Clock()
    now = time.time()
    clock.offset_s = (now // 900 * 900 + 300) - now  # 300 s into the team's last busy bucket
    shift = int(clock()) // 900 * 900
    agg = aggregator(broker, TEAM, tmp_path / "agg.sqlite3", clock)
    try:
        for i in range(5):
            me = seat(TEAM, i)
            c = contribution(TEAM, shift, 900, calls=3, calls_frustrated=1)
            assert pub(broker, me, f"lugn/v1/{SITE}/{TEAM}/contrib/{me}", "-m", c) == ""
        assert wait_for(lambda: agg.aggregator.stats["accepted"] == 5, 10)
        clock.offset_s += 17 * 900  # the night: 16 idle buckets after the shift are over
        topic = f"lugn/v1/{SITE}/{TEAM}/summary"
        assert (
            wait_summaries(broker, topic, lambda g: bool(g and g[-1].buckets))[-1].buckets[-1].contributors
            == 5
        )
        attacker = seat(TEAM, 5)
        lines = "".join(contribution(TEAM, shift + 900 * k, 900) + "\n" for k in range(1, 17))
        cmd = ["mosquitto_pub", "-h", "localhost", "-p", str(broker.device_port), "--cafile", broker.ca_file]
        cmd += ["-V", "mqttv5", "-q", "1", "-u", attacker, "-P", broker.passwords[attacker], "-l"]
        cmd += ["-t", f"lugn/v1/{SITE}/{TEAM}/contrib/{attacker}"]
        assert subprocess.run(cmd, input=lines, capture_output=True, text=True, timeout=30).stderr == ""

        def night_published(got: list) -> bool:
            return bool(got) and len(got[-1].buckets) > 16

        summary = wait_summaries(broker, topic, night_published)[-1]
    finally:
        agg.stop()
    starts = [b.bucket_start for b in summary.buckets]
    assert starts == [shift + 900 * k for k in range(17)], "the shift and the 16 night buckets, oldest first"
    assert all(b.suppressed for b in summary.buckets[1:])
    figures = summary.buckets[0]
    assert figures.contributors == 5 and figures.counts is not None and figures.counts.calls == 15


def test_the_largest_summary_fits_the_brokers_message_size_limit() -> None:
    """``history`` at its maximum, every bucket of both kinds, 16 late releases, nine-digit team sums: the
    retained summary must stay under the broker's message_size_limit (65536), or it is never delivered."""
    from device.protocol.payloads import (
        COUNT_FIELDS,
        MAX_HISTORY,
        BucketSummary,
        Counts,
        LateRelease,
        Summary,
    )
    from fleet.buckets import MAX_LATE_IN_SUMMARY

    big = Counts.model_construct(**dict.fromkeys(COUNT_FIELDS, 999_999_999))
    start = 1_800_000_000 // 900 * 900
    shown = BucketSummary(
        bucket_start=start,
        bucket_s=900,
        suppressed=False,
        contributors=99_999,
        counts=big,
        frustrated_call_share=0.123456789012345,
        deescalation_rate=0.987654321098765,
    )
    hidden = BucketSummary(bucket_start=start, bucket_s=86_400, suppressed=True)
    late = LateRelease(
        released_at=start, first_bucket_start=start, last_bucket_end=start, contributors=99_999, counts=big
    )
    s = Summary(
        site="s" * 32,
        team="t" * 32,
        k=5,
        generated_at=start,
        buckets=[shown] * MAX_HISTORY + [hidden] * MAX_HISTORY,
        late=[late] * MAX_LATE_IN_SUMMARY,
    )
    assert len(s.to_json()) < 65536
