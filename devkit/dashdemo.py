"""``lugn dashboard --demo``: the supervisor view on a real trial set-up, in one command.

A trial broker (the shipped Mosquitto configuration, TLS and ACLs; ``devkit.broker``), ``lugn aggregate`` as
its own process, and simulated seats (``devkit.loadgen``), each its own device account, publishing
contributions in teams of realistic sizes: three teams large enough to show figures and one with fewer than k
seats, which shows the suppression tile. Buckets are short (``bucket_s``, default 10 s) so figures appear
within half a minute; the dashboard reads the summaries with the supervisor account like any other consumer.

Nothing here is in the product: the seats send plausible counts, not analysed calls.
"""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from device.protocol.transport import BrokerParams
from devkit.broker import SUPERVISOR, TrialBroker, backend_accounts
from devkit.loadgen.fleet import Fleet, FleetConfig, Seat
from devkit.loadgen.run import _start_aggregator
from fleet.brokerconf import Account

SITE = "demo"
TEAMS = (("support", 8), ("billing", 6), ("sales", 7), ("nightowls", 3))  # the last is below k = 5


@dataclass
class SupervisorDemo:
    workdir: Path
    teams: tuple[tuple[str, int], ...] = TEAMS
    bucket_s: int = 10
    grace_s: int = 3
    rate_per_min: float = 12.0  # contributions per seat and minute (several per short bucket)
    echo: Any = print
    broker: TrialBroker | None = None
    _agg: subprocess.Popen[bytes] | None = None
    _thread: threading.Thread | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    errors: list[str] = field(default_factory=list)

    def accounts(self) -> list[Account]:
        out, n = [], 0
        for team, seats in self.teams:
            for _ in range(seats):
                n += 1
                out.append(Account("device", f"seat-{n:03d}", SITE, team))
        return out

    def start(self) -> BrokerParams:
        """Start broker, aggregator and seats; the supervisor's connection parameters."""
        accounts = self.accounts()
        self.broker = TrialBroker(
            self.workdir / "broker",
            accounts=[*backend_accounts(), *accounts],
            bucket_s=self.bucket_s,
            grace_s=self.grace_s,
        )
        self.broker.setup()
        self.broker.start()
        self._agg = _start_aggregator(self.broker, self.workdir)
        seats = [Seat(a.name, self.broker.passwords[a.name], SITE, str(a.team)) for a in accounts]
        cfg = FleetConfig(
            "localhost", self.broker.device_port, self.broker.ca_file, seats, bucket_s=self.bucket_s
        )
        self._thread = threading.Thread(
            target=self._run_fleet, args=(cfg,), name="lugn-demo-seats", daemon=True
        )
        self._thread.start()
        sizes = ", ".join(f"{t} {n}" for t, n in self.teams)
        self.echo(
            f"demo: trial broker on 127.0.0.1:{self.broker.backend_port}, aggregator, {len(seats)} seats "
            f"({sizes}); {self.bucket_s} s buckets, final {self.grace_s} s after they end"
        )
        return BrokerParams.from_url(
            self.broker.backend_url(),
            ca_file=self.broker.ca_file,
            username=SUPERVISOR,
            password=self.broker.passwords[SUPERVISOR],
            client_id=f"{SUPERVISOR}-dashboard",
        )

    def _run_fleet(self, cfg: FleetConfig) -> None:
        async def drive() -> None:
            fleet = Fleet(cfg)
            await fleet.connect_all()
            try:
                while not self._stop.is_set():
                    await fleet.run_step(self.rate_per_min, min(5.0, float(self.bucket_s)))
            finally:
                await fleet.close()

        try:
            asyncio.run(drive())
        except Exception as exc:  # the demo's seats failing must say so, not hang the window
            self.errors.append(f"{type(exc).__name__}: {exc}")
            self.echo(f"demo: the simulated seats stopped: {exc}")

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(15)
        if self._agg is not None:
            self._agg.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._agg.wait(15)
        if self.broker is not None:
            self.broker.stop()


def wait_for_figures(model: Any, teams_with_figures: int, timeout_s: float, pump: Any) -> bool:
    """Pump the event loop until ``teams_with_figures`` teams have a shown bucket (tests, screenshots)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        pump()
        shown = [v for v in model.teams.values() if any(not b.suppressed for b in v.buckets.values())]
        if len(shown) >= teams_with_figures:
            return True
        time.sleep(0.05)
    return False
