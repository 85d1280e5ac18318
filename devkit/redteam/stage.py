"""The stage of the red-team run: the trial broker, ``lugn aggregate`` as IT runs it, a supervisor recording
every summary, and what the attacker ran and saw (``Attack``, ``Step``).

One bucket is attacked by all attacks at once, each on its own team (so their figures cannot mix); the
supervisor's recording is read when that bucket is final.
"""

from __future__ import annotations

import json
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from device.metrics.anonymise import Anonymiser
from device.protocol.payloads import COUNT_FIELDS, AggregatorHealth, BucketSummary, Summary
from device.protocol.topics import parse_contrib_topic
from devkit.broker import IT_MONITOR, SUPERVISOR, TrialBroker, backend_accounts
from devkit.mqttcli import AggregateProcess, pub_cmd, run_pub, shell_line, sub, sub_cmd
from fleet.brokerconf import Account
from fleet.policy import AggregatorPolicy, dump_policy

SITE = "south"
TEAMS = ("solo", "diff", "inflate", "takeover", "scope", "clock")
SEATS_PER_TEAM = 6
AGGREGATOR = "lugn-aggregator"  # the product's default account (= client id) of the aggregator
HOTDESK = f"{SITE}-hotdesk-00"  # a device account bound to its site only (it picks its team)
MTLS = ("ws-lost", "ws-kept")  # workstations with client certificates (mutual TLS)
SUMMARIES = "lugn/v1/+/+/summary"


def seat(team: str, i: int) -> str:
    return f"{SITE}-{team}-{i:02d}"


def contrib_topic(team: str, account: str, site: str = SITE) -> str:
    return f"lugn/v1/{site}/{team}/contrib/{account}"


@dataclass
class Step:
    """One command the attacker ran (``times`` in a row, varied as ``note`` says) and what it got back."""

    command: str
    result: str
    times: int = 1
    note: str = ""


@dataclass
class Attack:
    number: str
    title: str
    before: str  # what was seen before the fix (issue #11)
    attacker: str = ""  # whose credentials the attacker holds
    steps: list[Step] = field(default_factory=list)
    saw: list[str] = field(default_factory=list)  # what the supervisor (or IT) saw
    verdict: str = ""  # "held: ..." / "BROKEN: ..." / "not run: ..."
    run: bool = True

    @property
    def held(self) -> bool:
        return self.verdict.startswith("held")

    def judge(self, held: bool, why_held: str, why_broken: str) -> None:
        self.verdict = f"held: {why_held}" if held else f"BROKEN: {why_broken}"

    def as_dict(self) -> dict[str, object]:
        return {
            "number": self.number,
            "title": self.title,
            "before": self.before,
            "attacker": self.attacker,
            "steps": [vars(s) for s in self.steps],
            "saw": self.saw,
            "verdict": self.verdict,
            "held": self.held,
            "run": self.run,
        }


@dataclass(frozen=True)
class Received:
    at: float
    retained: bool
    topic: str
    payload: str


class Recorder:
    """The supervisor: ``mosquitto_sub`` on every team's summary topic for the whole run, every message kept
    with its arrival time (a supervisor who records every summary ever published, as issue #11 assumes)."""

    def __init__(self, broker: TrialBroker, path: Path) -> None:
        self.cmd = sub_cmd(broker, SUPERVISOR, SUMMARIES, "-F", "%U %r %t %p")
        self.shown = shell_line(self.cmd)
        self.path = path
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with open(self.path, "wb") as fh:
            self.proc = subprocess.Popen(self.cmd, stdout=fh, stderr=subprocess.STDOUT)
        time.sleep(0.3)  # subscribed

    def messages(self) -> list[Received]:
        out = []
        for line in self.path.read_text().splitlines():
            parts = line.split(" ", 3)
            if len(parts) == 4 and parts[1] in "01":
                out.append(Received(float(parts[0]), parts[1] == "1", parts[2], parts[3]))
        return out

    def summaries(self, team: str, site: str = SITE) -> list[tuple[float, Summary]]:
        topic = f"lugn/v1/{site}/{team}/summary"
        return [(m.at, Summary.model_validate_json(m.payload)) for m in self.messages() if m.topic == topic]

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(5)


def excerpt(b: BucketSummary) -> str:
    """A bucket as the supervisor got it, without the counts that are 0 (the summary has nine)."""
    d = json.loads(b.model_dump_json(exclude_none=True))
    if "counts" in d:
        d["counts"] = {k: v for k, v in d["counts"].items() if v or k == "calls"}
    for k in ("frustrated_call_share", "deescalation_rate"):
        if k in d:
            d[k] = round(d[k], 3)
    return json.dumps(d, separators=(",", ":"))


def describe(stderr: str, messages: int = 1) -> tuple[str, int]:
    """What ``mosquitto_pub`` said, in words, and how many of its messages the broker acknowledged."""
    refused = stderr.count("failed: Not authorized")
    if "exit" in stderr and not refused:
        return f"refused: {stderr.strip().splitlines()[0]}", 0
    if messages == 1:
        return ("refused by the broker: Not authorized", 0) if refused else ("acknowledged (PUBACK)", 1)
    acked = messages - refused
    if not refused:
        return f"{acked:,} of {messages:,} acknowledged (PUBACK)", acked
    return f"{acked:,} acknowledged, {refused:,} refused by the broker (Not authorized)", acked


class Stage:
    """Broker, aggregator and supervisor for one run; ``pub`` runs and records the attacker's commands."""

    def __init__(self, workdir: Path, bucket_s: int = 20, grace_s: int = 2) -> None:
        self.workdir = workdir
        self.bucket_s, self.grace_s = bucket_s, grace_s
        accounts = [Account("device", seat(t, i), SITE, t) for t in TEAMS for i in range(SEATS_PER_TEAM)]
        accounts += [Account("device", HOTDESK, SITE), *(Account("device", cn, SITE, "scope") for cn in MTLS)]
        self.broker = TrialBroker(
            workdir / "broker", accounts=[*backend_accounts((AGGREGATOR,)), *accounts], client_certs=MTLS
        )
        self.config = workdir / "aggregator.toml"
        self.aggregator = AggregateProcess(
            self.broker,
            workdir / "aggregate.log",
            AGGREGATOR,
            *("--config", str(self.config), "--k", "5", "--state", str(workdir / "aggregator.sqlite3")),
        )
        self.recorder: Recorder | None = None
        self.seen_health: AggregatorHealth | None = None  # IT's view once everything was sent (``run``)
        self.acked = 0  # contributions the broker acknowledged on a topic the aggregator subscribes to
        self._lock = threading.Lock()

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.broker.setup()
        self.broker.start()
        policy = AggregatorPolicy(
            k=5, bucket_s=self.bucket_s, grace_s=self.grace_s, health_interval_s=1, teams={SITE: list(TEAMS)}
        )
        self.config.write_text(dump_policy(policy))
        self.aggregator.start()
        self.recorder = Recorder(self.broker, self.workdir / "supervisor.txt")
        self.recorder.start()

    def stop(self) -> None:
        if self.recorder is not None:
            self.recorder.stop()
        self.aggregator.stop()
        self.broker.stop()

    # -- the attacker's commands
    def contribution(self, team: str, bucket: int, bucket_s: int | None = None, **counts: int) -> str:
        """Today's payload, as a seat makes it (``Anonymiser``): counts, bucket, a random message id."""
        length = bucket_s or self.bucket_s
        return Anonymiser(SITE, team).contribution(bucket, length, counts).to_json().decode()

    def pub(
        self,
        attack: Attack,
        user: str,
        topic: str,
        *args: str,
        client_id: str = "",
        stdin: str | None = None,
        note: str = "",
    ) -> int:
        """Run ``mosquitto_pub`` as ``user``, record it in ``attack``; how many messages were acknowledged."""
        cmd = pub_cmd(self.broker, user, topic, *args, client_id=client_id)
        lines = stdin.count("\n") if stdin else 1
        result, acked = describe(run_pub(cmd, stdin), lines)
        self._count(topic, acked)
        attack.steps.append(Step(shell_line(cmd, stdin=stdin or ""), result, note=note))
        return acked

    def pub_each(
        self, attack: Attack, runs: Sequence[tuple[str, str, str]], note: str, *args: str
    ) -> list[int]:
        """Several ``mosquitto_pub`` runs of one kind ((user, topic, payload) each), shown as one step."""
        acks, first = [], ""
        for user, topic, payload in runs:
            cmd = pub_cmd(self.broker, user, topic, *args, "-m", payload)
            first = first or shell_line(cmd)
            result, acked = describe(run_pub(cmd))
            self._count(topic, acked)
            acks.append(acked)
        n = len(runs)
        result = f"{sum(acks)} of {n} acknowledged" if any(acks) else f"all {n} refused by the broker"
        attack.steps.append(Step(first, result, times=n, note=note))
        return acks

    def _count(self, topic: str, acked: int) -> None:
        parsed = parse_contrib_topic(topic)
        if parsed and parsed[0] == SITE and parsed[1] in TEAMS:
            with self._lock:
                self.acked += acked

    # -- what the supervisor and IT see
    def current_bucket(self, min_left_s: float) -> int:
        """The bucket now, once at least ``min_left_s`` of it are left (waits for the next one otherwise)."""
        now = time.time()
        if now % self.bucket_s > self.bucket_s - min_left_s:
            time.sleep(self.bucket_s - now % self.bucket_s + 0.05)
        return int(time.time()) // self.bucket_s * self.bucket_s

    def wait_final(self, bucket: int, teams: Sequence[str] = TEAMS, timeout_s: float = 30.0) -> bool:
        """Until every team's summary carries ``bucket`` (published once, ``grace_s`` after it ended)."""
        assert self.recorder is not None
        deadline = time.time() + max(0.0, bucket + self.bucket_s + self.grace_s - time.time()) + timeout_s
        while time.time() < deadline:
            if all(self.final_bucket(t, bucket) is not None for t in teams):
                return True
            time.sleep(0.2)
        return False

    def final_bucket(self, team: str, bucket: int) -> BucketSummary | None:
        assert self.recorder is not None
        for _at, s in reversed(self.recorder.summaries(team)):
            for b in s.buckets:
                if b.bucket_start == bucket:
                    return b
        return None

    def rejected_count(self, reason: str) -> int:
        h = self.seen_health
        return h.rejected_by_reason.get(reason, 0) if h is not None else 0

    def rejected(self, reason: str) -> str:
        """IT's count of contributions refused for ``reason`` (all teams), as the aggregator's health says."""
        h = self.seen_health
        n = h.rejected_by_reason.get(reason, 0) if h is not None else "?"
        return f"IT's health (it-monitor, all teams): {n} refused as {reason}"

    def health(
        self, ready: Callable[[AggregatorHealth], bool] = lambda _h: True, timeout_s: float = 10.0
    ) -> AggregatorHealth | None:
        """The aggregator's retained health as IT (``it-monitor``) reads it, once ``ready``."""
        deadline = time.monotonic() + timeout_s
        h = None
        while time.monotonic() < deadline:
            got = sub(self.broker, IT_MONITOR, f"lugn/v1/_sys/aggregator/{AGGREGATOR}/health", 1.0, count=1)
            h = AggregatorHealth.model_validate_json(got[-1][1]) if got else h
            if h is not None and ready(h):
                break
            time.sleep(0.2)
        return h


def added(bucket: BucketSummary | None, base: dict[str, int]) -> dict[str, int]:
    """What a bucket's counts hold beyond ``base`` (the honest seats' sums), field by field."""
    have = bucket.counts.as_dict() if bucket is not None and bucket.counts is not None else {}
    return {f: have.get(f, 0) - base.get(f, 0) for f in COUNT_FIELDS if have.get(f, 0) != base.get(f, 0)}
