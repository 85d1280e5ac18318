"""Fleet load generator: N simulated seats, each a real MQTT v5 + TLS session with its own account,
publishing a
status (retained, with a last will) and R anonymised contributions per minute through the broker to the
aggregator.

``run_fleet`` drives one asyncio loop (see ``fleet.mqttlite`` for why not paho per seat). End-to-end delay is
measured from the send time here to the aggregator's receipt log (``lugn aggregate --receipts``) on the same
host.
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
from device.metrics.payloads import DeviceStatus
from device.metrics.topics import status_topic
from fleet.mqttlite import LiteClient

log = logging.getLogger(__name__)
BUCKET_S = 60


@dataclass
class FleetConfig:
    host: str
    port: int
    ca_file: str | None
    password: str
    devices: int
    site: str = "sim"
    teams: int = 50
    user_prefix: str = "sim-"
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


class Fleet:
    def __init__(self, cfg: FleetConfig) -> None:
        self.cfg = cfg
        self.clients: list[LiteClient] = []
        self._pending: dict[tuple[int, int], tuple[StepResult, float]] = {}
        self.connect_failures = 0
        self.connect_s = 0.0

    def _ssl(self) -> ssl.SSLContext | None:
        if self.cfg.ca_file is None:
            return None
        return ssl.create_default_context(cafile=self.cfg.ca_file)

    def user(self, i: int) -> str:
        return f"{self.cfg.user_prefix}{i:05d}"

    async def connect_all(self) -> None:
        ctx = self._ssl()
        sem = asyncio.Semaphore(self.cfg.connect_concurrency)
        t0 = time.monotonic()

        async def one(i: int) -> None:
            async with sem:
                c = LiteClient(self._ack)
                user = self.user(i)
                will = (status_topic(self.cfg.site, user), DeviceStatus(state="offline").to_json())
                for attempt in range(5):
                    try:
                        await c.connect(
                            self.cfg.host, self.cfg.port, ctx, user, user, self.cfg.password, will
                        )
                        break
                    except Exception as exc:
                        if attempt == 4:
                            self.connect_failures += 1
                            log.warning("seat %s could not connect: %s", user, exc)
                            return
                        await asyncio.sleep(random.uniform(0.2, 1.0) * 2**attempt)
                self.clients.append(c)
                status = DeviceStatus(
                    state="online", app_version="sim", outbox_backlog=0, updated_at=int(time.time())
                )
                c.publish(status_topic(self.cfg.site, user), status.to_json(), retain=True)

        await asyncio.gather(*(one(i) for i in range(self.cfg.devices)))
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
        anons = [Anonymiser(self.cfg.site, f"team-{i % self.cfg.teams:03d}") for i in range(self.cfg.teams)]
        n = len(self.clients)
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
            seat = k % n
            c = self.clients[seat]
            if not c.connected:
                continue
            bucket = (int(time.time()) // BUCKET_S - 1) * BUCKET_S
            contrib = anons[seat % self.cfg.teams].contribution(bucket, BUCKET_S, {"calls": 1 + k % 7})
            mid = c.publish(f"lugn/v1/{contrib.site}/{contrib.team}/contrib", contrib.to_json())
            t_sent = time.time()
            step.send_times[contrib.message_id] = t_sent
            self._pending[(id(c), mid)] = (step, t_sent)
            step.sent += 1
        step.elapsed_s = time.monotonic() - t0
        return step

    async def close(self) -> None:
        await asyncio.gather(*(c.close() for c in self.clients), return_exceptions=True)


def read_receipts(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    if path.is_file():
        for line in path.read_text().splitlines():
            mid, _, t = line.partition(",")
            if t:
                out[mid] = float(t)
    return out


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]
