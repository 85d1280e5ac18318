"""``lugn simulate`` end to end: the trial broker, ``lugn aggregate`` as its own process, a supervisor
listening
to the summaries, the simulated fleet, and a report (a table, or one JSON object with ``--json``).

Teams are formed of at least ``team_size`` seats, each its own device account, and the aggregator's bucket is
short (``bucket_s``, default 30 s, published ``grace_s`` after it ends), so a default run produces final
summaries with figures: ``teams_with_figures`` counts the teams whose summaries show counts rather than
"suppressed".
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from device.protocol.payloads import Summary
from device.protocol.topics import ROOT
from device.protocol.transport import BrokerParams, PahoTransport
from devkit.broker import AGGREGATOR, SUPERVISOR, TrialBroker, backend_accounts, fleet_accounts
from devkit.loadgen.fleet import Fleet, FleetConfig, Seat, StepResult, percentile, read_receipts

SITE = "sim"


@dataclass
class SimOptions:
    devices: int
    rates: list[float]
    duration_s: float
    ramp_duration_s: float
    team_size: int
    bucket_s: int
    grace_s: int
    workdir: Path
    dump: Path | None = None
    echo: Any = print


@dataclass
class SimResult:
    steps: list[StepResult] = field(default_factory=list)
    receipts: dict[str, tuple[float, str]] = field(default_factory=dict)
    summaries: dict[str, Summary] = field(default_factory=dict)
    connected: int = 0
    connect_s: float = 0.0
    connect_failures: int = 0
    teams: int = 0
    broker_rss_mib: float = 0.0
    cpu_s: dict[str, float] = field(default_factory=dict)
    wall_s: float = 0.0
    aggregator_health: dict[str, Any] = field(default_factory=dict)


class SummaryListener:
    """The supervisor's view: the latest retained summary of every simulated team."""

    def __init__(self, params: BrokerParams) -> None:
        self.summaries: dict[str, Summary] = {}
        self._lock = threading.Lock()
        self.transport = PahoTransport(
            params,
            name="lugn-sim-supervisor",
            on_message=self._on,
            subscriptions=(f"{ROOT}/{SITE}/+/summary",),
        )

    def _on(self, msg: Any) -> None:
        try:
            s = Summary.model_validate_json(msg.payload)
        except ValueError:
            return
        with self._lock:
            self.summaries[s.team] = s

    def final_buckets(self) -> set[tuple[str, int]]:
        with self._lock:
            return {(t, b.bucket_start) for t, s in self.summaries.items() for b in s.buckets}


def _start_aggregator(broker: TrialBroker, work: Path) -> subprocess.Popen[bytes]:
    log_path = work / "aggregator.log"
    cmd = [
        sys.executable,
        "-m",
        "lugn",
        "aggregate",
        "--broker",
        broker.backend_url(),
        "--ca",
        broker.ca_file,
    ]
    cmd += [
        "--password-file",
        str(broker.credential_file(AGGREGATOR)),
        "--config",
        str(broker.aggregator_config),
    ]
    cmd += ["--state", str(work / "aggregator.sqlite3"), "--receipts", str(work / "receipts.csv")]
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.DEVNULL,
        stderr=open(log_path, "wb"),  # noqa: SIM115 - a file, never a pipe nobody drains
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        if b"connected to" in log_path.read_bytes():
            time.sleep(0.5)  # subscriptions granted
            return proc
        time.sleep(0.05)
    raise RuntimeError(f"the aggregator did not connect: {log_path.read_text()[-2000:]}")


def simulate(opt: SimOptions) -> SimResult:
    res = SimResult()
    accounts = fleet_accounts(opt.devices, site=SITE, team_size=opt.team_size)
    res.teams = len({a.team for a in accounts})
    t0 = time.monotonic()
    broker = TrialBroker(
        opt.workdir / "broker",
        accounts=[*backend_accounts(), *accounts],
        bucket_s=opt.bucket_s,
        grace_s=opt.grace_s,
        # a load test sends faster than a real seat: give each simulated seat a budget above its rate
        guard_rate_per_min=max(60, int(2 * max(opt.rates, default=1.0)) + 1),
    )
    broker.setup()
    broker.start()
    opt.echo(
        f"trial Mosquitto on 127.0.0.1:{broker.device_port} (devices) / {broker.backend_port} (backend), "
        f"{len(accounts)} device accounts in {res.teams} teams, ready in {time.monotonic() - t0:.1f} s"
    )
    agg = listener = None
    receipts = opt.workdir / "receipts.csv"
    t_run = time.monotonic()
    try:
        agg = _start_aggregator(broker, opt.workdir)
        params = BrokerParams.from_url(
            broker.backend_url(),
            ca_file=broker.ca_file,
            username=SUPERVISOR,
            password=broker.passwords[SUPERVISOR],
            client_id=SUPERVISOR,
        )
        listener = SummaryListener(params)
        listener.transport.start()
        seats = [Seat(a.name, broker.passwords[a.name], SITE, str(a.team)) for a in accounts]
        fleet = Fleet(
            FleetConfig("localhost", broker.device_port, broker.ca_file, seats, bucket_s=opt.bucket_s)
        )
        asyncio.run(_drive(fleet, opt, res, receipts, listener))
        res.receipts = read_receipts(receipts)
        res.summaries = dict(listener.summaries)
        if broker.proc:
            res.broker_rss_mib = psutil.Process(broker.proc.pid).memory_info().rss / 2**20
        procs = {
            "simulator": psutil.Process(),
            "broker": psutil.Process(broker.proc.pid) if broker.proc else None,
        }
        procs["aggregator"] = psutil.Process(agg.pid)
        for name, proc in procs.items():
            if proc is not None:
                t = proc.cpu_times()
                res.cpu_s[name] = t.user + t.system
        res.wall_s = time.monotonic() - t_run
    finally:
        if listener is not None:
            listener.transport.stop()
        if agg is not None:
            agg.terminate()
            agg.wait(15)
        broker.stop()
    if opt.dump:
        with open(opt.dump, "w") as fh:
            fh.write("step,message_id,sent,received,outcome\n")
            for i, r in enumerate(res.steps):
                for m, t in r.send_times.items():
                    got = res.receipts.get(m)
                    fh.write(f"{i},{m},{t:.6f},{got[0] if got else ''},{got[1] if got else ''}\n")
    return res


async def _drive(
    fleet: Fleet, opt: SimOptions, res: SimResult, receipts: Path, listener: SummaryListener
) -> None:
    await fleet.connect_all()
    res.connected, res.connect_s, res.connect_failures = (
        len(fleet.clients),
        fleet.connect_s,
        fleet.connect_failures,
    )
    opt.echo(
        f"connected {res.connected}/{opt.devices} seats in {fleet.connect_s:.1f} s "
        f"({fleet.connect_failures} failed)"
    )
    for i, rate in enumerate(opt.rates):
        res.steps.append(await fleet.run_step(rate, opt.duration_s if i == 0 else opt.ramp_duration_s))
        await asyncio.sleep(0.5)
    # let the last acknowledgements and deliveries arrive: all in, or nothing new for 10 s
    total = sum(r.sent for r in res.steps)
    deadline, last, still_since = time.monotonic() + 180, -1, time.monotonic()
    while time.monotonic() < deadline:
        n = len(read_receipts(receipts))
        if n >= total or time.monotonic() - still_since > 10:
            break
        if n != last:
            last, still_since = n, time.monotonic()
        await asyncio.sleep(1.0)
    # each bucket is published once, grace_s after it ended: wait for the final summaries of every bucket fed
    fed = {b for r in res.steps for b in r.buckets}
    teams = {s.team for s, _c in fleet.clients}
    want = {(t, b) for t in teams for b in fed}
    last_end = max(fed, default=0) + opt.bucket_s + opt.grace_s
    deadline = max(time.time(), last_end) + 20
    while time.time() < deadline and not want <= listener.final_buckets():
        await asyncio.sleep(0.5)
    await fleet.close()


def report(res: SimResult, opt: SimOptions) -> dict[str, Any]:
    """The figures of one run, as printed (table) and as ``--json`` (one object)."""
    steps = []
    for r in res.steps:
        got = [res.receipts[m] for m in r.send_times if m in res.receipts]
        delays = [(res.receipts[m][0] - t) * 1000 for m, t in r.send_times.items() if m in res.receipts]
        outcomes: dict[str, int] = {}
        for _t, status in got:
            outcomes[status] = outcomes.get(status, 0) + 1
        steps.append(
            {
                "seats": res.connected,
                "rate_per_min": r.rate_per_min,
                "msg_per_s": round(r.sent / max(r.elapsed_s, r.duration_s), 1),
                "sent": r.sent,
                "acked": r.acked,
                "received": len(got),
                "lost": r.sent - len(got),
                "outcomes": outcomes,
                "p50_ms": _ms(percentile(delays, 0.5)),
                "p99_ms": _ms(percentile(delays, 0.99)),
                "max_ms": _ms(max(delays, default=float("nan"))),
                "ack_p99_ms": _ms(percentile(r.ack_delays_ms, 0.99)),
            }
        )
    shown = [s for s in res.summaries.values() if any(not b.suppressed for b in s.buckets)]
    buckets = [b for s in res.summaries.values() for b in s.buckets]
    return {
        "devices": opt.devices,
        "teams": res.teams,
        "team_size": opt.team_size,
        "bucket_s": opt.bucket_s,
        "grace_s": opt.grace_s,
        "connected": res.connected,
        "connect_s": round(res.connect_s, 2),
        "steps": steps,
        "teams_with_summaries": len(res.summaries),
        "teams_with_figures": len(shown),
        "final_buckets": len(buckets),
        "final_buckets_suppressed": sum(b.suppressed for b in buckets),
        "calls_in_figures": sum(b.counts.calls for b in buckets if b.counts is not None),
        "broker_rss_mib": round(res.broker_rss_mib, 1),
        "cpu_s": {k: round(v, 1) for k, v in res.cpu_s.items()},
        "wall_s": round(res.wall_s, 1),
        "load_average": round(os.getloadavg()[0], 2),
        "cores": os.cpu_count(),
    }


def _ms(v: float) -> float | None:
    return None if math.isnan(v) else round(v, 1)


def print_table(rep: dict[str, Any], echo: Any = print) -> None:
    head = (
        f"{'seats':>6} {'rate/min':>8} {'msg/s':>7} {'sent':>7} {'acked':>7} {'received':>8} {'lost':>5} "
        f"{'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'ack p99':>7}"
    )
    echo("\n" + head + "\n" + "-" * len(head))

    def f(v: float | None) -> str:
        return f"{v:>7.0f}" if v is not None else f"{'nan':>7}"

    for s in rep["steps"]:
        echo(
            f"{s['seats']:>6} {s['rate_per_min']:>8g} {s['msg_per_s']:>7.0f} {s['sent']:>7} {s['acked']:>7} "
            f"{s['received']:>8} {s['lost']:>5} {f(s['p50_ms'])} {f(s['p99_ms'])} {f(s['max_ms'])} "
            f"{f(s['ack_p99_ms'])}"
        )
    for s in rep["steps"]:
        echo(f"outcomes at {s['rate_per_min']:g}/min: {json.dumps(s['outcomes'], sort_keys=True)}")
    echo(
        f"teams: {rep['teams']} of >= {rep['team_size']} seats; final summaries from "
        f"{rep['teams_with_summaries']}, "
        f"with figures (>= k devices) from {rep['teams_with_figures']}; {rep['final_buckets']} final buckets "
        f"({rep['final_buckets_suppressed']} suppressed), {rep['calls_in_figures']} calls in the figures"
    )
    echo(f"broker RSS at the end: {rep['broker_rss_mib']:.0f} MiB")
    echo(
        f"CPU seconds over {rep['wall_s']:.0f} s (connect + steps + drain + final summaries): "
        + ", ".join(f"{k} {v:.0f}" for k, v in rep["cpu_s"].items())
        + f"; load average {rep['load_average']:.1f} on {rep['cores']} cores"
    )
    echo("p50/p99/max: end-to-end, seat send -> aggregator commit; ack p99: seat send -> broker PUBACK (ms)")
