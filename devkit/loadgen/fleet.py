"""Fleet load generator: N simulated seats, each a real MQTT v5 + TLS session with its OWN device account,
publishing a status (retained, with a last will) and R contributions per minute through the broker to the
aggregator, under the topic its account may write (``lugn/v1/<site>/<team>/contrib/<account>``).

Every contribution is one a real seat could send: aligned to the policy's bucket, with the ``sent_at``
property, and with counts whose running total per seat and bucket stays within what one device can count
(``device.protocol.limits``), so the aggregator accepts them rather than rejecting them as implausible.

``Fleet`` drives one asyncio loop (see ``devkit.loadgen.mqttlite`` for why not paho per seat). End-to-end
delay is measured from the send time here to the aggregator's receipt log (``lugn aggregate --receipts``) on
the same host.
"""

from __future__ import annotations

import asyncio
import logging
import random
import ssl
import time
from dataclasses import dataclass, field
from pathlib import Path

from device.metrics.anonymise import Anonymiser
from device.protocol.limits import Limits
from device.protocol.payloads import DeviceStatus
from device.protocol.topics import contrib_topic, status_topic
from devkit.loadgen.mqttlite import LiteClient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Seat:
    account: str
    password: str
    site: str
    team: str


@dataclass
class FleetConfig:
    host: str
    port: int
    ca_file: str | None
    seats: list[Seat]
    bucket_s: int = 60
    min_call_s: int = Limits().min_call_s
    connect_concurrency: int = 100


@dataclass
class StepResult:
    rate_per_min: float
    duration_s: float
    sent: int = 0
    acked: int = 0
    refused: int = 0
    elapsed_s: float = 0.0
    ack_delays_ms: list[float] = field(default_factory=list)  # send -> PUBACK from the broker
    send_times: dict[str, float] = field(default_factory=dict)
    buckets: set[int] = field(default_factory=set)


class _SeatCounts:
    """One seat's running totals per bucket, kept within what one device can physically count."""

    def __init__(self, bucket_s: int, min_call_s: int) -> None:
        self.bucket = -1
        self.calls = self.frustrated_s = 0
        self.max_calls = Limits(min_call_s).caps(bucket_s)["calls"]
        self.bucket_s = bucket_s

    def next(self, bucket: int, k: int) -> dict[str, int]:
        if bucket != self.bucket:
            self.bucket, self.calls, self.frustrated_s = bucket, 0, 0
        calls = int(self.calls < self.max_calls)
        frustrated_s = min(7, self.bucket_s - self.frustrated_s)
        self.calls += calls
        self.frustrated_s += frustrated_s
        return {"calls": calls, "calls_frustrated": calls * int(k % 3 == 0), "frustrated_s": frustrated_s}


class Fleet:
    def __init__(self, cfg: FleetConfig) -> None:
        self.cfg = cfg
        self.clients: list[tuple[Seat, LiteClient]] = []
        self._pending: dict[tuple[int, int], tuple[StepResult, float]] = {}
        self._counts: dict[str, _SeatCounts] = {}
        self.connect_failures = 0
        self.connect_s = 0.0

    def _ssl(self) -> ssl.SSLContext | None:
        if self.cfg.ca_file is None:
            return None
        return ssl.create_default_context(cafile=self.cfg.ca_file)

    async def connect_all(self) -> None:
        ctx = self._ssl()
        sem = asyncio.Semaphore(self.cfg.connect_concurrency)
        t0 = time.monotonic()

        async def one(seat: Seat) -> None:
            async with sem:
                c = LiteClient(self._ack)
                will = (status_topic(seat.site, seat.account), DeviceStatus(state="offline").to_json())
                for attempt in range(5):
                    try:
                        await c.connect(
                            self.cfg.host, self.cfg.port, ctx, seat.account, seat.account, seat.password, will
                        )
                        break
                    except Exception as exc:
                        if attempt == 4:
                            self.connect_failures += 1
                            log.warning("seat %s could not connect: %s", seat.account, exc)
                            return
                        await asyncio.sleep(random.uniform(0.2, 1.0) * 2**attempt)
                self.clients.append((seat, c))
                status = DeviceStatus(
                    state="online", app_version="sim", outbox_backlog=0, updated_at=int(time.time())
                )
                c.publish(status_topic(seat.site, seat.account), status.to_json(), retain=True)

        await asyncio.gather(*(one(s) for s in self.cfg.seats))
        self.connect_s = time.monotonic() - t0

    def _ack(self, client: LiteClient, mid: int, reason: int, t: float) -> None:
        entry = self._pending.pop((id(client), mid), None)
        if entry is not None:
            step, t_sent = entry
            step.ack_delays_ms.append((t - t_sent) * 1000)
            if reason < 0x80:
                step.acked += 1
            else:
                step.refused += 1

    async def run_step(self, rate_per_min: float, duration_s: float) -> StepResult:
        """Every seat publishes ``rate_per_min`` contributions a minute, spread evenly, for ``duration_s``."""
        step = StepResult(rate_per_min, duration_s)
        bucket_s = self.cfg.bucket_s
        n = len(self.clients)
        anons = {(s.site, s.team): Anonymiser(s.site, s.team) for s, _c in self.clients}
        total = int(n * rate_per_min * duration_s / 60)
        interval = duration_s / max(total, 1)
        t0 = time.monotonic()
        for k in range(total):
            due = t0 + k * interval
            delay = due - time.monotonic()
            if delay > 0.002:
                await asyncio.sleep(delay)
            elif k % 20 == 0:
                await asyncio.sleep(0)  # behind schedule: still let acknowledgements in
            seat, c = self.clients[k % n]
            if not c.connected:
                continue
            now = time.time()
            bucket = int(now // bucket_s) * bucket_s
            counts = self._counts.setdefault(seat.account, _SeatCounts(bucket_s, self.cfg.min_call_s))
            contrib = anons[(seat.site, seat.team)].contribution(bucket, bucket_s, counts.next(bucket, k))
            topic = contrib_topic(seat.site, seat.team, seat.account)
            mid = c.publish(topic, contrib.to_json(), sent_at=now)
            t_sent = time.time()
            step.send_times[contrib.message_id] = t_sent
            step.buckets.add(bucket)
            self._pending[(id(c), mid)] = (step, t_sent)
            step.sent += 1
        step.elapsed_s = time.monotonic() - t0
        return step

    async def close(self) -> None:
        await asyncio.gather(*(c.close() for _s, c in self.clients), return_exceptions=True)


def read_receipts(path: Path) -> dict[str, tuple[float, str]]:
    """message_id -> (aggregator commit time, outcome) from ``lugn aggregate --receipts``."""
    out: dict[str, tuple[float, str]] = {}
    if path.is_file():
        for line in path.read_text().splitlines():
            parts = line.split(",")
            if len(parts) >= 2 and parts[1]:
                out[parts[0]] = (float(parts[1]), parts[2] if len(parts) > 2 else "accepted")
    return out


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]
