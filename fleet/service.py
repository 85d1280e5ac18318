"""The aggregator on the wire: a persistent MQTT v5 session bound to its account, manual acknowledgement after
the SQLite commit, final buckets published once (retained), health for IT.

Subscriptions: one per configured team (``lugn/v1/<site>/<team>/contrib/+``), with *retain as published* so a
retained contribution is recognised (and refused), and *do not send retained* so none is re-delivered on every
reconnect. Sharding: one instance (and one broker account, which is also its client id) per group of teams; no
two instances count the same team, so no merge is needed.

Finalisation waits until the service has been connected for ``settle_s`` after every (re)connection: the
broker first delivers what it queued for this session while the aggregator was away, and those contributions
belong in their buckets, not in the late pool.
"""

from __future__ import annotations

import dataclasses
import logging
import queue
import threading
import time
from pathlib import Path

import paho.mqtt.client as mqtt
from paho.mqtt.subscribeoptions import SubscribeOptions

from device.protocol.payloads import AggregatorHealth
from device.protocol.topics import contrib_filter, health_topic, summary_topic
from device.protocol.transport import BrokerParams, PahoTransport, read_sent_at
from fleet.aggregator import Aggregator, Incoming
from fleet.health import RejectLog, health

log = logging.getLogger("lugn.aggregate")
SESSION_EXPIRY_S = 7 * 86400
BATCH_MAX = 500  # messages per SQLite transaction
INBOX_MAX = 5000
PRUNE_EVERY_S = 60.0
HEALTH_MIN_GAP_S = 5.0


class AggregatorService:
    def __init__(
        self,
        params: BrokerParams,
        aggregator: Aggregator,
        summary_interval_s: float = 1.0,
        receipts_path: str | Path | None = None,
        name: str = "lugn-aggregator",
        settle_s: float | None = None,
    ) -> None:
        self.aggregator = aggregator
        policy = aggregator.policy
        self.account = params.username or name
        self.health_topic = health_topic(self.account)
        params = dataclasses.replace(
            params, will=(self.health_topic, AggregatorHealth(state="offline").to_json())
        )
        options = SubscribeOptions(
            qos=1, retainAsPublished=True, retainHandling=SubscribeOptions.RETAIN_DO_NOT_SEND
        )
        self.transport = PahoTransport(
            params,
            name=f"{name}-mqtt",
            clean_start=False,
            session_expiry_s=SESSION_EXPIRY_S,
            on_message=self._on_message,
            subscriptions=tuple(contrib_filter(s, t) for s, t in policy.team_pairs()),
            manual_ack=True,
            subscribe_options=options,
        )
        self.rejects = RejectLog(policy.log_interval_s)
        aggregator.on_reject = self.rejects.reject
        self._settle_s = min(policy.grace_s, 30.0) if settle_s is None else settle_s
        self._interval_s = summary_interval_s
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._inbox: queue.Queue[mqtt.MQTTMessage] = queue.Queue(maxsize=INBOX_MAX)
        self._name = name
        self._receipts = open(receipts_path, "a", buffering=1 << 16) if receipts_path else None  # noqa: SIM115
        self._dirty: set[tuple[str, str]] = set()
        self._connected_at: float | None = None
        self._started_at = time.time()
        self._health_due = 0.0
        self._health_sent: dict[str, int] = {}
        self.published = 0
        self.health_published = 0

    def start(self) -> None:
        self.transport.start(self._on_connection)
        for target, suffix in ((self._store_loop, "store"), (self._run, "summaries")):
            t = threading.Thread(target=target, name=f"{self._name}-{suffix}", daemon=True)
            t.start()
            self._threads.append(t)

    def stop(self, timeout_s: float = 3.0) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout_s)
        self._publish_dirty()
        if self.transport.connected:  # a clean DISCONNECT sends no will: say "offline" ourselves
            self._publish_health("offline")
        self.transport.stop(timeout_s)
        with self._lock:
            self.aggregator.close()
        if self._receipts:
            self._receipts.close()

    @property
    def settled(self) -> bool:
        at = self._connected_at
        return at is not None and self.transport.connected and time.monotonic() - at >= self._settle_s

    def _on_connection(self, up: bool) -> None:
        self._connected_at = time.monotonic() if up else None
        if up:  # a restarted broker may have lost retained summaries: publish them again (unchanged)
            with self._lock:
                self._dirty.update(self.aggregator.buckets.teams_with_summaries())
            self._health_due = 0.0

    def _on_message(self, msg: mqtt.MQTTMessage) -> None:
        """Network thread: hand over only (a full queue blocks it, which backs up into the broker's queue)."""
        self._inbox.put(msg)

    def _store_loop(self) -> None:
        """Commit messages in batches (one SQLite transaction each), then acknowledge them in order."""
        while not (self._stop.is_set() and self._inbox.empty()):
            try:
                batch = [self._inbox.get(timeout=0.2)]
            except queue.Empty:
                continue
            while len(batch) < BATCH_MAX:
                try:
                    batch.append(self._inbox.get_nowait())
                except queue.Empty:
                    break
            incoming = [Incoming(m.topic, bytes(m.payload), bool(m.retain), read_sent_at(m)) for m in batch]
            try:
                with self._lock:
                    outcomes = self.aggregator.handle_batch(incoming)
            except Exception:
                log.exception(
                    "%s: could not store %d message(s); not acknowledging them", self._name, len(batch)
                )
                continue
            if self._receipts:
                t = f"{time.time():.6f}"
                self._receipts.writelines(
                    f"{o.message_id},{t},{o.status}\n" for o in outcomes if o.message_id
                )
                self._receipts.flush()
            for m in batch:
                self.transport.client.ack(m.mid, m.qos)

    def _run(self) -> None:
        next_prune = next_stats = time.monotonic()
        while not self._stop.wait(self._interval_s):
            try:
                if self.settled:
                    with self._lock:
                        self._dirty |= self.aggregator.finalise_due()
                self._publish_dirty()
                now = time.monotonic()
                if now >= next_prune:
                    next_prune = now + PRUNE_EVERY_S
                    with self._lock:
                        removed = self.aggregator.prune()
                    if any(removed.values()):
                        log.info("%s: pruned %s", self._name, removed)
                with self._lock:  # the store thread updates the counters and the reject log
                    self.rejects.tick(self.aggregator.stats)
                self._maybe_publish_health()
                if now >= next_stats:
                    next_stats = now + 60
                    with self._lock:
                        stats = dict(self.aggregator.stats)
                    log.info("%s: %s", self._name, stats)
            except Exception:
                log.exception("%s: summary tick failed", self._name)

    def _publish_dirty(self) -> None:
        if not self.transport.connected:
            return
        with self._lock:
            dirty, self._dirty = self._dirty, set()
            summaries = [self.aggregator.summary(site, team) for site, team in sorted(dirty)]
        for s in summaries:
            if self.transport.publish(summary_topic(s.site, s.team), s.to_json(), retain=True) is None:
                self._dirty.add((s.site, s.team))
            else:
                self.published += 1

    def health(self, state: str = "online") -> AggregatorHealth:
        with self._lock:
            return health(
                dict(self.aggregator.stats),
                started_at=self._started_at,
                now=time.time(),
                open_buckets=self.aggregator.buckets.open_count(),
                last_rejected=self.aggregator.last_rejected(),
                state=state,
            )

    def _stats(self) -> dict[str, int]:
        with self._lock:
            return dict(self.aggregator.stats)

    def _maybe_publish_health(self) -> None:
        now = time.monotonic()
        changed = self._stats() != self._health_sent
        if now >= self._health_due or (changed and now >= self._health_due - self._health_gap()):
            self._publish_health("online")

    def _health_gap(self) -> float:
        return max(0.0, self.aggregator.policy.health_interval_s - HEALTH_MIN_GAP_S)

    def _publish_health(self, state: str) -> None:
        if not self.transport.connected:
            return
        snapshot = self._stats()
        if self.transport.publish(self.health_topic, self.health(state).to_json(), retain=True) is not None:
            self._health_sent = snapshot
            self.health_published += 1
            self._health_due = time.monotonic() + self.aggregator.policy.health_interval_s
