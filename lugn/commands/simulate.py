"""``lugn simulate``: a fleet load generator speaking the real protocol (MQTT v5, TLS, one account per
seat)."""

from __future__ import annotations

import argparse

NAME = "simulate"
HELP = "Simulate N seats publishing contributions + status through Mosquitto into the aggregator"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--devices", type=int, default=100, help="simulated seats (one TLS connection each)")
    p.add_argument("--rate", type=float, default=1.0, help="contributions per seat per minute")
    p.add_argument(
        "--ramp", default="", help="further rates to try after --rate, e.g. 3,6,12 (highest sustained)"
    )
    p.add_argument("--duration", type=float, default=60.0, help="seconds at --rate")
    p.add_argument("--ramp-duration", type=float, default=20.0, help="seconds per --ramp step")
    p.add_argument(
        "--broker", help="mqtts://host:port of the DEVICE listener; default: start a local Mosquitto"
    )
    p.add_argument("--ca", help="CA certificate (with --broker)")
    p.add_argument("--password-file", help="shared password of the sim-NNNNN accounts (with --broker)")
    p.add_argument("--receipts", help="the aggregator's --receipts file (with --broker) for end-to-end delay")
    p.add_argument("--workdir", help="folder for the local broker/aggregator (default: a temp folder)")
    p.add_argument("--teams", type=int, default=50, help="teams the seats are spread over")
    p.add_argument("--dump", help="write step,message_id,sent,received (unix s) per message to this CSV")


def _raise_fd_limit() -> int:
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def run(args: argparse.Namespace) -> int:
    import asyncio
    import logging
    import os
    import secrets
    import subprocess
    import sys
    import tempfile
    import time
    from pathlib import Path
    from urllib.parse import urlparse

    import psutil

    from device.metrics.credentials import read_password_file, write_password_file
    from device.metrics.localbroker import LocalBroker
    from fleet.simulate import Fleet, FleetConfig, percentile, read_receipts

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    fds = _raise_fd_limit()
    if fds < args.devices + 200:
        print(
            f"simulate: open-file limit {fds} is too low for {args.devices} seats (ulimit -n)",
            file=sys.stderr,
        )
        return 2
    rates = [args.rate] + [float(r) for r in args.ramp.split(",") if r.strip()]
    work = Path(args.workdir or tempfile.mkdtemp(prefix="lugn-sim-"))
    broker: LocalBroker | None = None
    agg_proc: subprocess.Popen[bytes] | None = None
    if args.broker:
        url = urlparse(args.broker)
        host, port, ca = url.hostname or "localhost", url.port or 8883, args.ca
        password = read_password_file(args.password_file) if args.password_file else ""
        receipts = Path(args.receipts) if args.receipts else None
    else:
        password = secrets.token_urlsafe(12)
        users = [f"sim-{i:05d}" for i in range(args.devices)]
        t0 = time.monotonic()
        broker = LocalBroker(work / "broker", device_users=users)
        broker.setup(shared_device_password=password)
        broker.start()
        print(
            f"local Mosquitto on 127.0.0.1:{broker.device_port} (devices) / {broker.backend_port} "
            f"(backend), {len(users)} accounts, ready in {time.monotonic() - t0:.1f} s"
        )
        host, port, ca = "localhost", broker.device_port, broker.ca_file
        receipts = work / "receipts.csv"
        pw_file = write_password_file(work / "aggregator.pw", broker.passwords["lugn-aggregator"])
        agg_proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "lugn",
                "aggregate",
                "--broker",
                broker.backend_url(),
                "--ca",
                ca,
                "--password-file",
                str(pw_file),
                "--state",
                str(work / "aggregator.sqlite3"),
                "--receipts",
                str(receipts),
                "--shard",
                "bench",
            ],
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert agg_proc.stderr is not None
        for line in agg_proc.stderr:
            if b"connected to" in line:
                break
        time.sleep(0.5)  # subscription granted

    cfg = FleetConfig(
        host=host, port=port, ca_file=ca, password=password, devices=args.devices, teams=args.teams
    )
    fleet = Fleet(cfg)
    results = []

    async def main() -> None:
        await fleet.connect_all()
        print(
            f"connected {len(fleet.clients)}/{args.devices} seats in {fleet.connect_s:.1f} s "
            f"({fleet.connect_failures} failed)"
        )
        for i, rate in enumerate(rates):
            results.append(await fleet.run_step(rate, args.duration if i == 0 else args.ramp_duration))
            await asyncio.sleep(0.5)
        # let the last acknowledgements and deliveries arrive
        total = sum(r.sent for r in results)
        deadline, last, still_since = time.monotonic() + 180, -1, time.monotonic()
        while receipts is not None and time.monotonic() < deadline:
            n = len(read_receipts(receipts))
            if n >= total or time.monotonic() - still_since > 10:  # all in, or nothing new for 10 s
                break
            if n != last:
                last, still_since = n, time.monotonic()
            await asyncio.sleep(1.0)
        await asyncio.sleep(1.0)
        await fleet.close()

    broker_rss = 0.0
    cpu: dict[str, float] = {}
    t_run = time.monotonic()
    try:
        asyncio.run(main())
        if broker and broker.proc:
            broker_rss = psutil.Process(broker.proc.pid).memory_info().rss / 2**20
        procs = {"simulator": psutil.Process()}
        if broker and broker.proc:
            procs["broker"] = psutil.Process(broker.proc.pid)
        if agg_proc is not None:
            procs["aggregator"] = psutil.Process(agg_proc.pid)
        for name, proc in procs.items():
            t = proc.cpu_times()
            cpu[name] = t.user + t.system
    finally:
        if agg_proc is not None:
            agg_proc.terminate()
            agg_proc.wait(10)
        if broker is not None:
            broker.stop()

    got = read_receipts(receipts) if receipts else {}
    if args.dump:
        with open(args.dump, "w") as fh:
            fh.write("step,message_id,sent,received\n")
            for i, r in enumerate(results):
                fh.writelines(f"{i},{m},{t:.6f},{got.get(m, '')}\n" for m, t in r.send_times.items())
    head = (
        f"{'seats':>6} {'rate/min':>8} {'msg/s':>7} {'sent':>7} {'acked':>7} {'received':>8} {'lost':>5} "
        f"{'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'ack p99':>7}"
    )
    print("\n" + head + "\n" + "-" * len(head))
    for r in results:
        delays = [(got[m] - t) * 1000 for m, t in r.send_times.items() if m in got]
        received = len(delays)
        print(
            f"{len(fleet.clients):>6} {r.rate_per_min:>8g} "
            f"{r.sent / max(r.elapsed_s, r.duration_s):>7.0f} {r.sent:>7} "
            f"{r.acked:>7} "
            f"{received if receipts else '-':>8} {r.sent - received if receipts else '-':>5} "
            f"{percentile(delays, 0.5):>7.0f} {percentile(delays, 0.99):>7.0f} "
            f"{max(delays, default=float('nan')):>7.0f} {percentile(r.ack_delays_ms, 0.99):>7.0f}"
        )
    if broker_rss:
        print(f"broker RSS at the end: {broker_rss:.0f} MiB")
    if cpu:
        wall = time.monotonic() - t_run
        print(
            f"CPU seconds over {wall:.0f} s (connect + steps + drain): "
            + ", ".join(f"{k} {v:.0f}" for k, v in cpu.items())
            + f"; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
    print("p50/p99/max: end-to-end, seat send -> aggregator commit; ack p99: seat send -> broker PUBACK (ms)")
    return 0
