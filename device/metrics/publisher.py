"""Drains the durable outbox into a transport, QoS 1, one named thread.

A row leaves the outbox only on a PUBACK with a reason code below 0x80, matched by message id (paho reports an
ACL-denied publish as published). Anything in flight when the connection drops is simply sent again after the
reconnect; the aggregator de-duplicates by message id, so the team sees each contribution exactly once.

Contributions go to ``lugn/v1/<site>/<team>/contrib/<account>``: the broker lets this device's account write
only that topic. Each publish carries this machine's clock at send time (``sent_at``), so the aggregator can
put the counts of a seat with a wrong clock into the right bucket instead of dropping them after the broker
acknowledged them.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable

from device.metrics.outbox import Outbox
from device.protocol.payloads import Contribution, DeviceStatus
from device.protocol.topics import CONTRIB_LEAF, contrib_topic
from device.protocol.transport import Transport

log = logging.getLogger(__name__)

REFUSED_RETRY_S = 300.0  # refused (ACL, quota): retried this much later, not in a hot loop
NO_SUBSCRIBER_RETRY_S = 5.0  # PUBACK 0x10: nobody (no aggregator session) received it, so try again soon
NO_MATCHING_SUBSCRIBERS = 0x10
STATUS_WAIT_S = 60.0  # longest a due status waits for the contributions in flight to be acknowledged


class Publisher:
    def __init__(
        self,
        outbox: Outbox,
        transport: Transport,
        account: str,
        status_topic: str | None = None,
        status: Callable[[], DeviceStatus] | None = None,
        status_interval_s: float = 300.0,
        max_inflight: int = 50,
        on_tick: Callable[[], None] | None = None,
        name: str = "lugn-metrics-publisher",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.outbox = outbox
        self.account = account
        self._clock = clock
        self.transport = transport
        self._status_topic = status_topic
        self._status = status
        self._status_interval_s = status_interval_s
        self._max_inflight = max_inflight
        self._on_tick = on_tick
        self._name = name
        self._events: queue.SimpleQueue[tuple[str, int, int]] = queue.SimpleQueue()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._inflight: dict[int, str] = {}  # mid -> message_id (None entries: status publishes)
        self._refused_until: dict[str, float] = {}
        self._connected = False
        self.sent = 0
        self.acked = 0
        self.refused = 0
        self.no_subscriber = 0

    # -- API
    def submit(self, contribution: Contribution) -> None:
        """Durably queue a contribution (any thread); it is sent when the broker is reachable."""
        topic = contrib_topic(contribution.site, contribution.team, self.account)
        self.outbox.put(topic, contribution.to_json(), contribution.message_id)
        self._wake.set()

    @property
    def connected(self) -> bool:
        return self._connected

    def start(self) -> None:
        self.transport.start(self._on_connection, self._on_ack)
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 2.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
        self.transport.stop(timeout_s)

    def wait_idle(self, timeout_s: float) -> bool:
        """True once the outbox is empty (tests, demo)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.outbox.pending_count() == 0:
                return True
            time.sleep(0.05)
        return False

    # -- callbacks from the network thread: only enqueue (paho holds its own lock while calling them
    def _on_connection(self, up: bool) -> None:
        self._events.put(("conn", 0, int(up)))
        self._wake.set()

    def _on_ack(self, mid: int, reason: int) -> None:
        self._events.put(("ack", mid, reason))
        self._wake.set()

    # -- publisher thread
    def _run(self) -> None:
        next_status = 0.0
        due_since: float | None = None
        next_prune = 0.0
        while not self._stop.is_set():
            self._wake.wait(1.0)
            self._wake.clear()
            try:
                self._drain_events()
                if self._on_tick is not None:
                    self._on_tick()
                now = time.monotonic()
                if now >= next_prune:
                    self.outbox.prune()
                    next_prune = now + 60.0
                if self._connected:
                    self._send_pending()
                    # a due status waits until what was sent is acknowledged (at most STATUS_WAIT_S): a status
                    # taken while contributions are on their way would count the agent's active buckets
                    if now >= next_status:
                        due_since = now if due_since is None else due_since
                        if not any(self._inflight.values()) or now - due_since >= STATUS_WAIT_S:
                            self._publish_status()
                            next_status, due_since = now + self._status_interval_s, None
                else:
                    next_status, due_since = 0.0, None
            except Exception:
                log.exception("%s: tick failed", self._name)
                self._stop.wait(1.0)

    def _drain_events(self) -> None:
        while True:
            try:
                kind, mid, code = self._events.get_nowait()
            except queue.Empty:
                return
            if kind == "conn":
                self._connected = bool(code)
                if not code:
                    self._inflight.clear()  # re-sent after reconnect; de-duplicated downstream
                else:
                    n = self.outbox.requeue_recent()
                    if n:
                        log.info("%s: re-sending %d recently acknowledged message(s)", self._name, n)
            else:
                message_id = self._inflight.pop(mid, None)
                if not message_id:
                    continue
                if code == NO_MATCHING_SUBSCRIBERS:
                    # The broker holds no subscription for contributions (e.g. it restarted without its
                    # state and the aggregator has not subscribed again yet): nobody got it. Not delivered.
                    self.no_subscriber += 1
                    self._refused_until[message_id] = time.monotonic() + NO_SUBSCRIBER_RETRY_S
                elif code < 0x80:
                    self.outbox.ack(message_id)
                    self.acked += 1
                else:
                    self.refused += 1
                    self._refused_until[message_id] = time.monotonic() + REFUSED_RETRY_S
                self._wake.set()

    def _send_pending(self) -> None:
        room = self._max_inflight - len(self._inflight)
        if room <= 0:
            return
        now = time.monotonic()
        self._refused_until = {m: t for m, t in self._refused_until.items() if t > now}
        busy = set(self._inflight.values()) | set(self._refused_until)
        for row in self.outbox.pending(limit=room, exclude=busy):
            sent_at = self._clock() if f"/{CONTRIB_LEAF}/" in row.topic else None
            mid = self.transport.publish(row.topic, row.payload, sent_at=sent_at)
            if mid is None:
                return
            self._inflight[mid] = row.message_id
            self.sent += 1

    def _publish_status(self) -> None:
        if self._status_topic and self._status is not None:
            mid = self.transport.publish(self._status_topic, self._status().to_json(), retain=True)
            if mid is not None:
                self._inflight[mid] = ""
