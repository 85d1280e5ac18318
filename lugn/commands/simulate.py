"""``lugn simulate``: a fleet load generator speaking the real protocol (MQTT v5, TLS, one device account per
seat) through the trial broker into ``lugn aggregate``, until the final team summaries are out."""

from __future__ import annotations

import argparse

NAME = "simulate"
HELP = "Simulate N seats (own accounts, teams of >= 5) through the trial broker into the aggregator"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--devices", type=int, default=100, help="simulated seats (one TLS connection and account each)"
    )
    p.add_argument("--rate", type=float, default=1.0, help="contributions per seat per minute")
    p.add_argument("--ramp", default="", help="further rates to try after --rate, e.g. 3,6,12")
    p.add_argument("--duration", type=float, default=60.0, help="seconds at --rate")
    p.add_argument("--ramp-duration", type=float, default=20.0, help="seconds per --ramp step")
    p.add_argument(
        "--team-size", type=int, default=10, help="seats per team (at least 5 = k, so figures show)"
    )
    p.add_argument("--bucket-s", type=int, default=30, help="bucket length of the simulated policy (seconds)")
    p.add_argument("--grace-s", type=int, default=5, help="a bucket is published this long after it ends")
    p.add_argument("--workdir", help="folder for the trial broker and aggregator (default: a temp folder)")
    p.add_argument("--dump", help="write step,message_id,sent,received,outcome per message to this CSV")
    p.add_argument(
        "--json", action="store_true", help="progress on stderr; end with one JSON object on stdout"
    )


def _raise_fd_limit() -> int:
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def run(args: argparse.Namespace) -> int:
    import json
    import logging
    import sys
    import tempfile
    from pathlib import Path

    from devkit.broker import BrokerUnavailable
    from devkit.loadgen.run import SimOptions, print_table, report, simulate

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    fds = _raise_fd_limit()
    if fds < args.devices + 200:
        print(
            f"simulate: open-file limit {fds} is too low for {args.devices} seats (ulimit -n)",
            file=sys.stderr,
        )
        return 2
    if args.team_size < 5:
        print("simulate: --team-size below 5 (k) would only ever show suppressed teams", file=sys.stderr)
        return 2
    try:
        rates = [args.rate] + [float(r) for r in args.ramp.split(",") if r.strip()]
    except ValueError:
        print(f"simulate: --ramp {args.ramp!r}: comma-separated numbers, e.g. 3,6,12", file=sys.stderr)
        return 2

    def echo(line: str) -> None:
        print(line, file=sys.stderr if args.json else sys.stdout, flush=True)

    opt = SimOptions(
        devices=args.devices,
        rates=rates,
        duration_s=args.duration,
        ramp_duration_s=args.ramp_duration,
        team_size=args.team_size,
        bucket_s=args.bucket_s,
        grace_s=args.grace_s,
        workdir=Path(args.workdir or tempfile.mkdtemp(prefix="lugn-sim-")),
        dump=Path(args.dump) if args.dump else None,
        echo=echo,
    )
    opt.workdir.mkdir(parents=True, exist_ok=True)
    try:
        res = simulate(opt)
    except (BrokerUnavailable, RuntimeError, OSError) as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 1
    rep = report(res, opt)
    print_table(rep, echo)
    if args.json:
        print(json.dumps(rep), flush=True)
    return 0
