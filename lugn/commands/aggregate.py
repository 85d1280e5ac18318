"""``lugn aggregate``: the k-anonymous team aggregator (runs beside the broker)."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "aggregate"
HELP = "Aggregate anonymised contributions into k-anonymous team summaries (MQTT)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--broker", required=True, help="mqtts://host:port of the backend listener")
    p.add_argument("--ca", help="CA certificate (PEM) of the broker")
    p.add_argument("--username", default="lugn-aggregator")
    p.add_argument("--password-file", help="file with the password (mode 0600); or LUGN_MQTT_PASSWORD")
    p.add_argument("--state", default="aggregator.sqlite3", help="SQLite state (de-duplication + sums)")
    p.add_argument(
        "--k",
        type=int,
        default=None,
        help="minimum distinct contributors (never below 5; default: metrics.k_min of the policy file)",
    )
    p.add_argument("--policy", type=Path, help="policy file for k (default: LUGN_POLICY or the system path)")
    p.add_argument("--site", default="+", help="only this site (default: all)")
    p.add_argument("--teams", help="comma-separated teams this shard owns (default: all)")
    p.add_argument("--shard", default="main", help="shard name: keeps the MQTT session apart per instance")
    p.add_argument("--receipts", help="append 'message_id,unix_time' of every accepted message (benchmarks)")
    p.add_argument("--duration", type=float, default=0, help="stop after this many seconds (0: run until ^C)")


def run(args: argparse.Namespace) -> int:
    import contextlib
    import logging
    import os
    import signal
    import threading

    from device.metrics.credentials import read_password_file
    from device.metrics.settings import K_FLOOR
    from device.metrics.transport import BrokerParams
    from fleet.aggregator import Aggregator
    from fleet.service import AggregatorService

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    password = (
        read_password_file(args.password_file) if args.password_file else os.environ.get("LUGN_MQTT_PASSWORD")
    )
    teams = [t.strip() for t in args.teams.split(",") if t.strip()] if args.teams else None
    log = logging.getLogger("lugn.aggregate")
    k = args.k
    if k is None:
        from device.policy import load_effective

        effective = load_effective(args.policy, user_path=Path(os.devnull))
        for problem in effective.problems:
            log.warning("policy: %s", problem)
        k = effective.config.metrics.k_min
        log.info("k = %d from the policy (metrics.k_min)", k)
    if k < K_FLOOR:
        log.error("k = %d is below the floor of %d: refusing to start", k, K_FLOOR)
        return 2
    params = BrokerParams.from_url(
        args.broker,
        ca_file=args.ca,
        username=args.username,
        password=password,
        client_id=f"lugn-aggregator-{args.shard}",
    )
    service = AggregatorService(
        params,
        Aggregator(args.state, k=k, teams=teams),
        site=args.site,
        receipts_path=args.receipts,
        name=f"lugn-aggregator-{args.shard}",
    )
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    service.start()
    with contextlib.suppress(KeyboardInterrupt):
        done.wait(args.duration or None)
    service.stop()
    log.info("stopped: %s", dict(service.aggregator.stats))
    return 0
