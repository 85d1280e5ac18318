"""Attacks 1-3 of issue #11: what one device credential can make the supervisor's figures say.

Each attack publishes into the bucket under attack (``send``), may act again once that bucket is final
(``after_final``), and is judged from what the supervisor recorded (``judge``). The verdict rules are plain
functions of what was seen, so a test can feed them a broken outcome too.
"""

from __future__ import annotations

import json
import secrets
import time

from device.protocol.limits import Limits
from device.protocol.payloads import COUNT_FIELDS, BucketSummary, Counts, Summary
from devkit.redteam.stage import SITE, Attack, Stage, added, contrib_topic, excerpt, seat

VICTIM = {"calls": 2, "calls_frustrated": 1, "frustrated_s": 17}  # one agent's counts (a 20 s bucket's worth)
LATE_VICTIM = {"calls": 2, "calls_frustrated": 2, "frustrated_s": 17}


def when(bucket: int) -> str:
    return time.strftime("%H:%M:%S UTC", time.gmtime(bucket))


class Scenario:
    attack: Attack

    def send(self, st: Stage, bucket: int) -> None:
        raise NotImplementedError

    def after_final(self, st: Stage, bucket: int) -> None:
        """Acts once the bucket under attack is published (only the differencing attack does)."""

    def judge(self, st: Stage, bucket: int) -> None:
        raise NotImplementedError

    def saw_bucket(self, st: Stage, team: str, bucket: int) -> BucketSummary | None:
        b = st.final_bucket(team, bucket)
        where = f"lugn/v1/{SITE}/{team}/summary, bucket {when(bucket)}"
        self.attack.saw.append(f"{where}: {excerpt(b)}" if b else f"{where}: nothing published")
        return b


class ForgedTokens(Scenario):
    def __init__(self) -> None:
        self.attack = Attack(
            "1",
            'One credential unlocks a "team" (forged contributor tokens)',
            "one device account published 5 contributions with 5 random contributor tokens; the supervisor's "
            "summary showed contributors: 5 and exactly the one real agent's counts (7 calls / 3 frustrated "
            "/ 241 s); 1,000 forged tokens in 0.28 s gave contributors: 1000",
            attacker="south-solo-00, one device account (its seat's app holds the password)",
        )
        self.refused: list[int] = []

    def send(self, st: Stage, bucket: int) -> None:
        a, me = self.attack, seat("solo", 0)
        mine = contrib_topic("solo", me)
        real = st.contribution("solo", bucket, **VICTIM)
        st.pub(a, me, mine, "-m", real, note="the agent's own counts, once: 2 calls / 1 frustrated / 17 s")
        old = {"schema": 1, "site": SITE, "team": "solo", "bucket_start": bucket, "bucket_s": st.bucket_s}
        forged = [
            {**old, "message_id": secrets.token_hex(16), "contributor": secrets.token_hex(16), "counts": {}}
            for _ in range(5)
        ]
        st.pub_each(
            a,
            [(me, mine, json.dumps(f, separators=(",", ":"))) for f in forged],
            "the old payload, each with a new random contributor token",
        )
        self.refused = [
            1 - st.pub(a, me, f"lugn/v1/{SITE}/solo/contrib", "-m", real, note="the old shared topic"),
            1
            - st.pub(a, me, contrib_topic("solo", seat("solo", 1)), "-m", real, note="another seat's topic"),
        ]
        lines = "".join(st.contribution("solo", bucket, calls=0) + "\n" for _ in range(1000))
        st.pub(a, me, mine, "-l", stdin=lines, note="1,000 contributions, each its own random message id")

    def judge(self, st: Stage, bucket: int) -> None:
        b = self.saw_bucket(st, "solo", bucket)
        self.attack.saw.append(st.rejected("schema") + " (the old payloads here, the garbage of attack 6)")
        judge_forged(self.attack, b, all(self.refused))


def judge_forged(a: Attack, b: BucketSummary | None, topics_refused: bool) -> None:
    hidden = b is not None and b.suppressed and b.contributors is None and b.counts is None
    a.judge(
        hidden and topics_refused,
        "one account is one contributor: the bucket is suppressed (1 device < k = 5), no figures shown; "
        "the shared topic and another seat's topic were refused by the broker",
        f"the supervisor saw contributors: {b.contributors} and calls: {b.counts.calls}"
        if b is not None and b.counts is not None
        else "the broker let the account publish on a topic that is not its own",
    )


ON_TIME = [
    {"calls": 1, "calls_frustrated": 1, "frustrated_s": 6},
    {"calls": 2, "calls_frustrated": 0, "frustrated_s": 0},
    {"calls": 1, "calls_frustrated": 0, "frustrated_s": 0},
    {"calls": 2, "calls_frustrated": 1, "frustrated_s": 11},
    {"calls": 1, "calls_frustrated": 1, "frustrated_s": 4},
]


class Differencing(Scenario):
    def __init__(self) -> None:
        self.attack = Attack(
            "2",
            "Differencing: a supervisor records every summary and subtracts",
            "every accepted contribution republished the summary, so summary n+1 minus summary n was one "
            "agent's exact counts (the sixth contribution's 4 calls / 4 frustrated / 333 s came out exactly)",
            attacker="the supervisor, recording every summary ever published; the six seats are honest",
        )
        self.after_victim = 0

    def send(self, st: Stage, bucket: int) -> None:
        runs = [
            (seat("diff", i), contrib_topic("diff", seat("diff", i)), st.contribution("diff", bucket, **c))
            for i, c in enumerate(ON_TIME)
        ]
        st.pub_each(self.attack, runs, "five agents on time, each as its own device account")

    def after_final(self, st: Stage, bucket: int) -> None:
        assert st.recorder is not None
        a, me = self.attack, seat("diff", 5)
        seen = len(st.recorder.summaries("diff"))
        late = st.contribution("diff", bucket, **LATE_VICTIM)
        st.pub(a, me, contrib_topic("diff", me), "-m", late, note="a sixth agent, late: 2 calls / 2 / 17 s")
        time.sleep(2.5)  # several of the aggregator's summary ticks (1 s)
        self.after_victim = len(st.recorder.summaries("diff")) - seen
        runs = [
            (
                seat("diff", i),
                contrib_topic("diff", seat("diff", i)),
                st.contribution("diff", bucket, calls=1),
            )
            for i in range(4)
        ]
        st.pub_each(a, runs, "four more late contributions, from other seats")
        deadline = time.time() + 10
        while time.time() < deadline and not any(s.late for _t, s in st.recorder.summaries("diff")):
            time.sleep(0.2)

    def judge(self, st: Stage, bucket: int) -> None:
        assert st.recorder is not None
        a = self.attack
        history = st.recorder.summaries("diff")
        final_at = bucket + st.bucket_s + st.grace_s
        while_open = sum(1 for t, _s in history if t < final_at - 0.5)
        a.saw.append(f"summaries for south/diff while the bucket was open (5 contributions): {while_open}")
        self.saw_bucket(st, "diff", bucket)
        a.saw.append(f"new summaries after the late sixth agent's contribution: {self.after_victim}")
        releases = [r for _t, s in history for r in s.late]
        if releases:
            r = releases[-1]
            counts = {k: v for k, v in r.counts.as_dict().items() if v or k == "calls"}
            a.saw.append(
                f"then, with 5 late devices: late release contributors: {r.contributors}, counts: "
                f"{json.dumps(counts, separators=(',', ':'))}"
            )
        judge_differencing(a, [s for _t, s in history], while_open, self.after_victim)


def figures(history: list[Summary]) -> list[Counts]:
    return [b.counts for s in history for b in s.buckets if b.counts is not None] + [
        r.counts for s in history for r in s.late
    ]


def judge_differencing(a: Attack, history: list[Summary], while_open: int, after_victim: int) -> None:
    """Held when no published figure, and no difference of two published figures, is the late agent's."""
    victim = {f: LATE_VICTIM.get(f, 0) for f in COUNT_FIELDS}
    figs = [c.as_dict() for c in figures(history)]
    pairs = [(x, y) for x in figs for y in figs]
    found = victim in figs or any({f: x[f] - y[f] for f in COUNT_FIELDS} == victim for x, y in pairs)
    a.saw.append(
        f"{len(history)} summaries recorded, {len(figs)} published figures, {len(pairs)} differences "
        f"formed: {'one' if found else 'none'} equals the sixth agent's counts (2 / 2 / 17 s)"
    )
    a.judge(
        not found and while_open == 0 and after_victim == 0 and bool(history),
        "each bucket was published once, when final; the late agent was released only with 4 other late "
        "devices, separately; no figure or difference of figures is one agent's counts",
        "a difference of published figures is the late agent's exact counts"
        if found
        else f"summaries were republished while contributions arrived ({while_open} while open, "
        f"{after_victim} after one late contribution)",
    )


class Inflation(Scenario):
    def __init__(self) -> None:
        self.attack = Attack(
            "3",
            "Inflation: one seat claims more than a seat can count",
            "one token with 12 message ids added 120,000 calls and 10,800 frustrated seconds to a 900 s "
            "bucket; no plausibility limits",
            attacker="south-inflate-05, one device account; five other seats are honest",
        )
        self.honest = {"calls": 5}

    def send(self, st: Stage, bucket: int) -> None:
        a = self.attack
        runs = [
            (
                seat("inflate", i),
                contrib_topic("inflate", seat("inflate", i)),
                st.contribution("inflate", bucket, calls=1),
            )
            for i in range(5)
        ]
        st.pub_each(a, runs, "five honest seats, 1 call each")
        me = seat("inflate", 5)
        big = {"calls": 10_000, "calls_frustrated": 10_000, "frustrated_s": st.bucket_s}
        lines = "".join(st.contribution("inflate", bucket, **big) + "\n" for _ in range(12))
        st.pub(a, me, contrib_topic("inflate", me), "-l", stdin=lines, note="12 x 10,000 calls")
        most = {"calls": 2, "calls_frustrated": 2, "frustrated_s": st.bucket_s}
        lines = "".join(st.contribution("inflate", bucket, **most) + "\n" for _ in range(12))
        st.pub(
            a, me, contrib_topic("inflate", me), "-l", stdin=lines, note="12 x the most one message may say"
        )

    def judge(self, st: Stage, bucket: int) -> None:
        b = self.saw_bucket(st, "inflate", bucket)
        self.attack.saw.append(st.rejected("implausible"))
        judge_inflation(self.attack, b, self.honest, st.bucket_s, st.rejected_count("implausible"))


def judge_inflation(
    a: Attack, b: BucketSummary | None, honest: dict[str, int], bucket_s: int, implausible: int = 23
) -> None:
    extra = added(b, honest)
    caps = Limits().caps(bucket_s)
    over = {f: v for f, v in extra.items() if v > caps[f]}
    a.saw.append(
        f"beyond the five honest seats: {json.dumps(extra, separators=(',', ':'))}; one seat can count at "
        f"most {caps['calls']} calls and {caps['frustrated_s']} frustrated s in {bucket_s} s"
    )
    a.judge(
        b is not None and not over and (b.contributors or 0) <= 6 and implausible >= 23,
        "the attacker added at most what one seat can count in one bucket; the rest was refused as "
        "implausible (the aggregator's health counts them)",
        f"the attacker added {json.dumps(over)} to the team's figures"
        if over
        else f"only {implausible} of the attacker's 23 excess messages were refused as implausible",
    )
