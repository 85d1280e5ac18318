"""The aggregator on the wire: a persistent MQTT v5 session, manual acknowledgement after commit, retained
summaries.

Sharding: run one instance per group of teams (``teams=``); each subscribes only to its teams' contribution
topics, so no two instances ever count the same team and no cross-instance merge is needed. (MQTT v5 shared
subscriptions would split one team's messages round-robin between instances, which would then have to merge
sums.)
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from pathlib import Path

import paho.mqtt.client as mqtt

from device.metrics.topics import contrib_filter, summary_topic
from device.metrics.transport import BrokerParams, PahoTransport
from fleet.aggregator import Aggregator

log = logging.getLogger(__name__)
SESSION_EXPIRY_S = 7 * 86400
BATCH_MAX = 500  # messages per SQLite transaction
INBOX_MAX = 5000


class AggregatorService:
    def __init__(
        self,
        params: BrokerParams,
        aggregator: Aggregator,
        site: str = "+",
        summary_interval_s: float = 1.0,
        receipts_path: str | Path | None = None,
        name: str = "lugn-aggregator",
    ) -> None:
        self.aggregator = aggregator
        teams = sorted(aggregator.teams) if aggregator.teams else ["+"]
        subs = tuple(contrib_filter(site, t) for t in teams)
        self.transport = PahoTransport(
            params,
            name=f"{name}-mqtt",
            clean_start=False,
            session_expiry_s=SESSION_EXPIRY_S,
            on_message=self._on_message,
            subscriptions=subs,
            manual_ack=True,
        )
        self._interval_s = summary_interval_s
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._store: threading.Thread | None = None
        self._inbox: queue.Queue[mqtt.MQTTMessage] = queue.Queue(maxsize=INBOX_MAX)
        self._name = name
        self._receipts = open(receipts_path, "a", buffering=1 << 16) if receipts_path else None  # noqa: SIM115
        self.published = 0

    def start(self) -> None:
        self.transport.start(self._on_connection)
        self._store = threading.Thread(target=self._store_loop, name=f"{self._name}-store", daemon=True)
        self._store.start()
        self._thread = threading.Thread(target=self._run, name=f"{self._name}-summaries", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 3.0) -> None:
        self._stop.set()
        for t in (self._store, self._thread):
            if t is not None:
                t.join(timeout_s)
        self._publish_dirty()
        self.transport.stop(timeout_s)
        with self._lock:
            self.aggregator.persist_stats()
            self.aggregator.close()
        if self._receipts:
            self._receipts.close()

    def _on_connection(self, up: bool) -> None:
        if up:  # a restarted broker may have lost retained summaries: publish everything again
            with self._lock:
                for site, team in self.aggregator._db.execute("SELECT DISTINCT site, team FROM sums"):
                    self.aggregator.mark_dirty(site, team)

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
            try:
                with self._lock:
                    outcomes = self.aggregator.handle_batch([(m.topic, bytes(m.payload)) for m in batch])
            except Exception:
                log.exception(
                    "%s: could not store %d message(s); not acknowledging them", self._name, len(batch)
                )
                continue
            if self._receipts:
                t = f"{time.time():.6f}"
                self._receipts.writelines(f"{o.message_id},{t}\n" for o in outcomes if o.status == "accepted")
                self._receipts.flush()
            for m in batch:
                self.transport.client.ack(m.mid, m.qos)

    def _run(self) -> None:
        last_stats = time.monotonic()
        while not self._stop.wait(self._interval_s):
            try:
                self._publish_dirty()
                if time.monotonic() - last_stats > 60:
                    last_stats = time.monotonic()
                    with self._lock:
                        self.aggregator.persist_stats()
                    log.info("%s: %s", self._name, dict(self.aggregator.stats))
            except Exception:
                log.exception("%s: summary tick failed", self._name)

    def _publish_dirty(self) -> None:
        if not self.transport.connected:
            return
        with self._lock:
            summaries = self.aggregator.take_dirty()
        for s in summaries:
            if self.transport.publish(summary_topic(s.site, s.team), s.to_json(), retain=True) is None:
                self.aggregator.mark_dirty(s.site, s.team)
            else:
                self.published += 1
