"""``lugn aggregate``: the k-anonymous team aggregator (runs beside the broker, on a host IT trusts)."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "aggregate"
HELP = "Aggregate device contributions into k-anonymous team summaries, each bucket published once (MQTT)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--broker", required=True, help="mqtts://host:port of the backend listener")
    p.add_argument("--ca", help="CA certificate (PEM) of the broker")
    p.add_argument("--username", default="lugn-aggregator", help="this shard's broker account (= client id)")
    p.add_argument("--password-file", help="file with the password (mode 0600); or LUGN_MQTT_PASSWORD")
    p.add_argument(
        "--state", default="aggregator.sqlite3", help="SQLite state (de-duplication, open buckets)"
    )
    p.add_argument("--config", type=Path, help="aggregator policy (TOML): teams, k, bucket_s, grace_s, ...")
    p.add_argument("--teams", help="site/team,... this shard summarises (adds to --config's [teams])")
    p.add_argument("--site", help="site for bare team names in --teams")
    p.add_argument(
        "--k",
        type=int,
        default=None,
        help="minimum distinct devices: raises, never lowers, --config's k and the policy's k_min (floor 5)",
    )
    p.add_argument(
        "--policy", type=Path, help="seat policy for k_min/bucket_min (default: LUGN_POLICY or system)"
    )
    p.add_argument(
        "--bucket-s", type=int, help="bucket length, s (default: --config, else metrics.bucket_min)"
    )
    p.add_argument(
        "--grace-s", type=int, help="publish a bucket this long after it ended (default: --config)"
    )
    p.add_argument("--receipts", help="append 'message_id,unix_time,outcome' per message (benchmarks)")
    p.add_argument("--duration", type=float, default=0, help="stop after this many seconds (0: run until ^C)")


def run(args: argparse.Namespace) -> int:
    import contextlib
    import logging
    import os
    import signal
    import threading

    from device.metrics.credentials import read_password_file
    from device.metrics.settings import K_FLOOR
    from device.policy import load_effective
    from device.protocol.transport import BrokerParams
    from fleet.aggregator import Aggregator
    from fleet.policy import AggregatorPolicy, PolicyFileError, load_policy, parse_teams
    from fleet.service import AggregatorService

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    log = logging.getLogger("lugn.aggregate")
    if args.k is not None and args.k < K_FLOOR:
        log.error("k = %d is below the floor of %d: refusing to start", args.k, K_FLOOR)
        return 2
    try:
        policy = load_policy(args.config) if args.config else AggregatorPolicy()
        teams = {s: list(t) for s, t in policy.teams.items()}
        for site, more in (parse_teams(args.teams, args.site) if args.teams else {}).items():
            teams.setdefault(site, []).extend(more)
    except (PolicyFileError, ValueError) as exc:
        log.error("%s", exc)
        return 2
    effective = load_effective(args.policy, user_path=Path(os.devnull))
    for problem in effective.problems:
        log.warning("policy: %s", problem)
    seat = effective.config.metrics
    # --k may raise k, never lower it: the shipped unit always passes --k (LUGN_K=5 in aggregator.env), and it
    # used to override a k = 8 in aggregator.toml or the seat policy's metrics.k_min for small teams
    k = max(policy.k, seat.k_min, args.k or K_FLOOR)
    if args.k is None:
        log.info("k = %d from the policy (metrics.k_min %d, aggregator k %d)", k, seat.k_min, policy.k)
    else:
        log.info(
            "k = %d: the largest of --k %d, metrics.k_min %d and aggregator k %d",
            k,
            args.k,
            seat.k_min,
            policy.k,
        )
    bucket_s = args.bucket_s or (policy.bucket_s if args.config else seat.bucket_min * 60)
    changes = {"k": k, "bucket_s": bucket_s, "teams": teams}
    if args.grace_s is not None:
        changes["grace_s"] = args.grace_s
    try:
        policy = AggregatorPolicy.model_validate({**policy.model_dump(), **changes})
    except ValueError as exc:
        log.error("aggregator policy: %s", exc)
        return 2
    if not policy.teams:
        log.error(
            "no teams configured: give --config aggregator.toml with a [teams] table, or --teams "
            "site/team,...; "
            "a team that is not listed is never summarised"
        )
        return 2
    password = (
        read_password_file(args.password_file) if args.password_file else os.environ.get("LUGN_MQTT_PASSWORD")
    )
    params = BrokerParams.from_url(
        args.broker, ca_file=args.ca, username=args.username, password=password, client_id=args.username
    )
    log.info(
        "%d team(s) in %d site(s), k = %d, bucket %d s published %d s after it ends",
        len(policy.team_pairs()),
        len(policy.teams),
        policy.k,
        policy.bucket_s,
        policy.grace_s,
    )
    service = AggregatorService(
        params, Aggregator(args.state, policy), receipts_path=args.receipts, name=args.username
    )
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    service.start()
    with contextlib.suppress(KeyboardInterrupt):
        done.wait(args.duration or None)
    service.stop()
    log.info("stopped: %s", dict(service.aggregator.stats))
    return 0
