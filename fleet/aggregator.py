"""The k-anonymous aggregator's core: validate, place, de-duplicate, count per device. No MQTT in here.

Who contributed is the broker-authenticated account at the end of the topic (the broker's ACL lets each device
write only its own topic, only in its site and team). The account is kept only as an HMAC under a random key
of the bucket (``fleet.store``), so one device is one contributor however many messages it sends, and its
running totals are bounded by what a device can physically count (``device.protocol.limits``).

Every acknowledged message ends in exactly one counted outcome (accepted, late, duplicate or rejected with a
reason), committed in the same SQLite transaction as the counts; the MQTT side (``fleet.service``)
acknowledges only after that commit. Buckets become final, and are published once, in ``fleet.buckets``.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError

from device.protocol.limits import Limits
from device.protocol.payloads import COUNT_FIELDS, MAX_PAYLOAD_BYTES, Contribution, Summary
from device.protocol.topics import parse_contrib_topic
from fleet.buckets import Buckets
from fleet.policy import AggregatorPolicy
from fleet.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Incoming:
    """One message as the broker delivered it."""

    topic: str
    payload: bytes
    retain: bool = False
    sent_at: float | None = None  # the sender's clock at send time (MQTT v5 user property), if given


@dataclass(frozen=True)
class Outcome:
    status: str  # accepted | late | duplicate | rejected
    reason: str = ""
    site: str = ""
    team: str = ""
    message_id: str = ""
    bucket_start: int | None = None  # where it was counted, after any clock correction
    detail: str = ""  # for the log; never names the device


@dataclass(frozen=True)
class _Placed:
    site: str
    team: str
    account: str
    contribution: Contribution
    bucket_start: int
    skew_s: int  # 0 when no correction was needed


def device_hash(key: bytes, account: str) -> str:
    return hmac.new(key, account.encode(), hashlib.sha256).hexdigest()[:32]


class Aggregator:
    def __init__(
        self, state_path: str, policy: AggregatorPolicy, clock: Callable[[], float] = time.time
    ) -> None:
        self.policy = policy
        self.k = policy.k  # the policy model cannot go below the compiled-in floor
        self.limits = Limits(policy.min_call_s)
        self._clock = clock
        self.store = Store(state_path)
        self.stats: Counter[str] = Counter(self.store.load_stats())
        self._open = self.store.open_keys()
        self.buckets = Buckets(self.store, policy, clock, self._open)
        self.on_reject: Callable[[Outcome], None] = lambda _o: None

    def close(self) -> None:
        self.store.close()

    # -- validation (no state)
    def _reject(self, reason: str, where: tuple[str, str] = ("", ""), detail: str = "") -> Outcome:
        return Outcome("rejected", reason, where[0], where[1], detail=detail[:200])

    def _validate(self, m: Incoming, now: float) -> Outcome | _Placed:
        if len(m.payload) > MAX_PAYLOAD_BYTES:
            return self._reject("oversized", detail=f"{len(m.payload)} bytes")
        parsed = parse_contrib_topic(m.topic)
        if parsed is None:
            return self._reject("topic")
        site, team, account = parsed
        if m.retain:  # a retained contribution would be delivered again on every subscription
            return self._reject("retained", (site, team))
        if not self.policy.owns(site, team):
            return self._reject("unknown_team", (site, team))
        try:
            c = Contribution.model_validate_json(m.payload)
        except ValidationError as exc:
            errors = exc.errors(include_url=False, include_input=False)[:2]
            return self._reject("schema", (site, team), str(errors))
        except ValueError as exc:  # e.g. nesting too deep for the JSON parser
            return self._reject("schema", (site, team), str(exc))
        if (c.site, c.team) != (site, team):
            return self._reject("topic_mismatch", (site, team))
        if c.bucket_s != self.policy.bucket_s:
            return self._reject(
                "bucket_length", (site, team), f"{c.bucket_s} s, policy {self.policy.bucket_s} s"
            )
        return self._place(site, team, account, c, m.sent_at, now)

    def _place(
        self, site: str, team: str, account: str, c: Contribution, sent_at: float | None, now: float
    ) -> Outcome | _Placed:
        """Correct for the device's clock: ``sent_at`` against ours, or (without it) a bucket in the future is
        taken as sent when it ended. The contribution goes to the bucket that overlaps it most."""
        length = c.bucket_s
        tolerance = self.policy.clock_tolerance_s
        if sent_at is not None:
            skew = sent_at - now
        elif c.bucket_start > now + tolerance:
            skew = c.bucket_start + length - now
        else:
            skew = 0.0
        start = c.bucket_start
        if abs(skew) > tolerance:
            start = int((c.bucket_start - skew + length / 2) // length) * length
        if start > now + tolerance:
            return self._reject("bucket_future", (site, team), f"bucket {start} after clock correction")
        if start + length < now - self.policy.max_age_s:
            return self._reject("bucket_too_old", (site, team), f"bucket {start}")
        return _Placed(site, team, account, c, start, round(skew) if start != c.bucket_start else 0)

    # -- counting
    def handle(
        self, topic: str, payload: bytes, retain: bool = False, sent_at: float | None = None
    ) -> Outcome:
        """Validate and count one message. Never raises on bad input: the outcome says what happened."""
        return self.handle_batch([Incoming(topic, payload, retain, sent_at)])[0]

    def handle_batch(self, messages: list[Incoming]) -> list[Outcome]:
        """Validate and count messages in order, committing them and their counters in one transaction."""
        now = self._clock()
        checked = [self._validate(m, now) for m in messages]
        out: list[Outcome] = []
        deltas: Counter[str] = Counter(received=len(messages))
        new_keys: dict[tuple[str, str, int], bytes] = {}
        max_skew = 0
        self.store.begin()
        try:
            for v in checked:
                o = v if isinstance(v, Outcome) else self._count(v, now, new_keys)
                out.append(o)
                if o.status == "rejected":
                    deltas["rejected"] += 1
                    deltas[f"rejected.{o.reason}"] += 1
                else:
                    deltas[
                        {"accepted": "accepted", "late": "late_held", "duplicate": "duplicates"}[o.status]
                    ] += 1
                if isinstance(v, _Placed) and v.skew_s and o.status in ("accepted", "late"):
                    deltas["clock_corrected"] += 1
                    max_skew = max(max_skew, abs(v.skew_s))
            self.store.add_stats(deltas)
            if max_skew:
                self.store.max_stat("max_clock_skew_s", max_skew)
            last = next((o for o in reversed(out) if o.status == "rejected"), None)
            if last is not None:
                self.store.set_meta("last_rejected", f"{int(now)} {last.reason}")
            self.store.commit()
        except BaseException:
            self.store.rollback()
            raise
        self._open.update(new_keys)
        self.stats.update(deltas)
        if max_skew:
            self.stats["max_clock_skew_s"] = max(self.stats["max_clock_skew_s"], max_skew)
        for o in out:
            if o.status == "rejected":
                self.on_reject(o)
        return out

    def _count(self, p: _Placed, now: float, new_keys: dict[tuple[str, str, int], bytes]) -> Outcome:
        c = p.contribution
        if not self.store.first_sight(c.message_id, now):
            return Outcome("duplicate", "", p.site, p.team, c.message_id, p.bucket_start)
        where = (p.site, p.team, p.bucket_start)
        key = self._open.get(where) or new_keys.get(where)
        # Late = its bucket was already published. A bucket nobody opened yet (e.g. the backlog after an
        # aggregator outage) is opened now and published once, at the next finalisation.
        late = key is None and self.store.is_published(*where)
        if late:
            lkey = self.store.late_key(p.site, p.team, secrets.token_bytes(32))
            device = device_hash(lkey, p.account)
            held = self.store.late_totals((p.site, p.team, device, p.bucket_start))
            messages, current = held if held else (0, None)
        else:
            if key is None:
                key = new_keys[where] = secrets.token_bytes(32)
                self.store.open_bucket(p.site, p.team, p.bucket_start, c.bucket_s, key)
            device = device_hash(key, p.account)
            current = self.store.device_totals((*where, device))
        totals = [
            a + int(getattr(c.counts, f))
            for a, f in zip(current or [0] * len(COUNT_FIELDS), COUNT_FIELDS, strict=True)
        ]
        problem = self.limits.problem(dict(zip(COUNT_FIELDS, totals, strict=True)), c.bucket_s)
        if problem:
            self.store.db.execute("DELETE FROM seen WHERE message_id = ?", (c.message_id,))
            return Outcome("rejected", "implausible", p.site, p.team, c.message_id, detail=problem)
        if late:
            self.store.put_late(p.site, p.team, device, p.bucket_start, c.bucket_s, messages + 1, totals)
            return Outcome("late", "", p.site, p.team, c.message_id, p.bucket_start)
        self.store.put_device(*where, device, totals)
        return Outcome("accepted", "", p.site, p.team, c.message_id, p.bucket_start)

    # -- final buckets, summaries, housekeeping (fleet.buckets)
    def finalise_due(self) -> set[tuple[str, str]]:
        """Make every bucket whose grace period ended final, release late pools that reached k; returns the
        teams whose summary changed. Counters for late releases/expiries are updated here."""
        changed, deltas = self.buckets.finalise_due()
        self.stats.update(deltas)
        return changed

    def summary(self, site: str, team: str) -> Summary:
        return self.buckets.summary(site, team)

    def prune(self) -> dict[str, int]:
        removed, deltas = self.buckets.prune()
        self.stats.update(deltas)
        return removed

    def last_rejected(self) -> tuple[int, str] | None:
        raw = self.store.meta().get("last_rejected")
        if not raw:
            return None
        at, _, reason = raw.partition(" ")
        return int(at), reason
