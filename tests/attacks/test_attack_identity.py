"""Attacks 1, 3 and 5: one credential posing as a team, inflating counts, publishing outside its own scope.

Before the fix (issue #11, ``lugn aggregate --k 5`` running): one device account published 5 contributions
with 5 random ``contributor`` tokens and the supervisor saw ``contributors: 5`` with exactly that agent's
counts; 1,000 forged tokens gave ``contributors: 1000``; 12 message ids added 120,000 calls; a device could
publish for any site and team (20 made-up sites -> 20 retained summaries), retained contributions came back on
every reconnect, and 16 buckets of ``bucket_s=60`` pushed the team's real bucket out of its summary.
"""

from __future__ import annotations

import json
import secrets
import time

import pytest

from tests.attacks.conftest import (
    SITE,
    AggregateProcess,
    Clock,
    aggregator,
    contribution,
    health,
    probe,
    pub,
    seat,
    wait_summaries,
)
from tests.integration.conftest import wait_for

pytestmark = pytest.mark.broker
DENIED = 0x87


def test_one_credential_with_forged_tokens_is_one_contributor(broker, tmp_path) -> None:
    """Attack 1 with the real ``lugn aggregate --k 5`` and ``mosquitto_pub``: 5, then 1,000 forged tokens."""
    agg = AggregateProcess(broker, tmp_path, "solo", "--bucket-s", "10", "--grace-s", "1").start()
    me = seat("solo", 0)
    topic = f"lugn/v1/{SITE}/solo/contrib/{me}"
    try:
        bucket = _fresh_bucket(10, left_s=5)  # all of it lands before the 10 s bucket is final (+1 s grace)
        # the old payload: a made-up "contributor" token per message -> refused (schema 1, extra field)
        old = {
            "schema": 1,
            "site": SITE,
            "team": "solo",
            "bucket_start": bucket,
            "bucket_s": 10,
            "counts": {},
        }
        for _ in range(5):
            msg = {**old, "message_id": secrets.token_hex(16), "contributor": secrets.token_hex(16)}
            assert pub(broker, me, topic, "-m", json.dumps(msg)) == ""
        # the old anonymous topic and another device's topic are refused by the broker itself
        assert "Not authorized" in pub(broker, me, f"lugn/v1/{SITE}/solo/contrib", "-m", "{}")
        assert "Not authorized" in pub(
            broker, me, f"lugn/v1/{SITE}/solo/contrib/{seat('solo', 1)}", "-m", "{}"
        )
        # today's payload, 1,000 message ids from ONE account in one go (mosquitto_pub -l: a line = a
        # message); the broker lets its message budget through (lugn_guard: 300 at once), refuses the rest
        lines = "\n".join(contribution("solo", bucket, 10, calls=0) for _ in range(1000)) + "\n"
        refused = _pub_lines(broker, me, topic, lines).count("failed: Not authorized")
        assert 600 < refused < 1000
        got = wait_summaries(broker, f"lugn/v1/{SITE}/solo/summary")
        final = got[-1]
        assert final.buckets and all(b.suppressed and b.contributors is None for b in final.buckets)
        h = health(broker, "agg-solo", lambda h: h.accepted == 1000 - refused)
        assert h.accepted == 1000 - refused and h.rejected_by_reason.get("schema") == 5
    finally:
        agg.stop()


def _fresh_bucket(length: int, left_s: float) -> int:
    """The current bucket of ``length`` seconds once at least ``left_s`` of it are left (waits if needed)."""
    now = time.time()
    if now % length > length - left_s:
        time.sleep(length - now % length + 0.05)
    return int(time.time()) // length * length


def _pub_lines(broker, user: str, topic: str, lines: str) -> str:
    import subprocess

    cmd = ["mosquitto_pub", "-h", "localhost", "-p", str(broker.device_port), "--cafile", broker.ca_file]
    cmd += ["-V", "mqttv5", "-q", "1", "-u", user, "-P", broker.passwords[user], "-t", topic, "-l"]
    proc = subprocess.run(cmd, input=lines, capture_output=True, text=True, timeout=60)
    return proc.stderr


def test_inflation_is_refused(broker, tmp_path) -> None:
    """Attack 3: 12 message ids x 10,000 calls from one token; now refused as implausible, with the reason."""
    clock = Clock()
    agg = aggregator(broker, "inflate", tmp_path / "agg.sqlite3", clock)
    try:
        bucket = int(time.time()) // 900 * 900
        for i in range(5):
            me = seat("inflate", i)
            topic = f"lugn/v1/{SITE}/inflate/contrib/{me}"
            assert pub(broker, me, topic, "-m", contribution("inflate", bucket, 900, calls=3)) == ""
        attacker = seat("inflate", 5)
        topic = f"lugn/v1/{SITE}/inflate/contrib/{attacker}"
        for _ in range(12):
            big = contribution("inflate", bucket, 900, calls=10_000, frustrated_s=900)
            assert pub(broker, attacker, topic, "-m", big) == ""
        assert wait_for(lambda: agg.aggregator.stats["rejected.implausible"] == 12, 10)
        clock.offset_s = 900 + 121
        b = wait_summaries(broker, f"lugn/v1/{SITE}/inflate/summary")[-1].buckets[-1]
        assert b.contributors == 5 and b.counts is not None and b.counts.calls == 15
        h = health(broker, "agg-inflate", lambda h: h.rejected == 12)
        assert h.rejected_by_reason == {"implausible": 12}
    finally:
        agg.stop()


def test_scope_other_sites_teams_retained_and_foreign_bucket_lengths(broker, tmp_path) -> None:
    """Attack 5: publishing for other sites/teams, retained contributions, floods of 60 s buckets."""
    clock = Clock()
    agg = aggregator(broker, "scope", tmp_path / "agg.sqlite3", clock)
    dev = probe(broker, seat("scope", 0))
    try:
        bucket = int(time.time()) // 900 * 900
        c = contribution("scope", bucket, 900, calls=1).encode()
        for i in range(20):  # 20 made-up sites, the real other site, another team of its own site
            assert dev.publish(f"lugn/v1/fake{i}/scope/contrib/{seat('scope', 0)}", c) == DENIED
        assert dev.publish(f"lugn/v1/north/x/contrib/{seat('scope', 0)}", c) == DENIED
        assert dev.publish(f"lugn/v1/{SITE}/solo/contrib/{seat('scope', 0)}", c) == DENIED
        assert dev.publish(f"lugn/v1/fake0/devices/{seat('scope', 0)}/status", b"{}") == DENIED
        # a hot-desk account may pick its team, but only in its site; a made-up team there gets no summary
        hot = probe(broker, f"{SITE}-hotdesk-00")
        assert hot.publish(f"lugn/v1/north/x/contrib/{SITE}-hotdesk-00", c) == DENIED
        assert (
            hot.publish(f"lugn/v1/{SITE}/made-up/contrib/{SITE}-hotdesk-00", c) == 0x10
        )  # nobody subscribes
        hot.close()
        # retained: refused, and not delivered again when the aggregator reconnects
        mine = f"lugn/v1/{SITE}/scope/contrib/{seat('scope', 1)}"
        assert (
            pub(broker, seat("scope", 1), mine, "-r", "-m", contribution("scope", bucket, 900, calls=1)) == ""
        )
        assert wait_for(lambda: agg.aggregator.stats["rejected.retained"] == 1, 10)
        # 16 buckets of 60 s (the policy's bucket is 900 s): refused, they cannot push the real one out
        for k in range(16):
            short = contribution("scope", bucket - 60 * k, 60, calls=1)
            assert (
                pub(broker, seat("scope", 2), f"lugn/v1/{SITE}/scope/contrib/{seat('scope', 2)}", "-m", short)
                == ""
            )
        assert wait_for(lambda: agg.aggregator.stats["rejected.bucket_length"] == 16, 10)
        for i in range(5):  # the team's real bucket
            me = seat("scope", i)
            assert (
                pub(
                    broker,
                    me,
                    f"lugn/v1/{SITE}/scope/contrib/{me}",
                    "-m",
                    contribution("scope", bucket, 900, calls=2),
                )
                == ""
            )
        assert wait_for(lambda: agg.aggregator.stats["accepted"] == 5, 10)
        received = agg.aggregator.stats["received"]
        agg.transport.client.disconnect()  # reconnects by itself (persistent session)
        assert wait_for(lambda: agg.transport.connections >= 2 and agg.transport.connected, 20)
        time.sleep(0.5)
        assert agg.aggregator.stats["received"] == received  # the retained one did not come back
        clock.offset_s = 900 + 121
        got = wait_summaries(broker, "lugn/v1/+/+/summary", lambda g: any(s.team == "scope" for s in g))
        teams = {(s.site, s.team) for s in got}
        assert (SITE, "scope") in teams and not any(s.startswith("fake") for s, _t in teams)
        assert (SITE, "made-up") not in teams
        (b,) = [s for s in got if s.team == "scope"][-1].buckets
        assert (
            b.bucket_start == bucket and b.contributors == 5 and b.counts is not None and b.counts.calls == 10
        )
    finally:
        dev.close()
        agg.stop()
