"""``lugn broker``: the trial broker — the shipped Mosquitto configuration on loopback, ready to try Lugn.

Prints ONE JSON line (listener ports and URLs, CA and CRL, credential files by account, the aggregator policy
that matches its devices) and runs until stopped (Ctrl+C or SIGTERM), then stops Mosquitto.
"""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "broker"
HELP = "Start a trial broker (the shipped Mosquitto config: TLS, ACLs) with N device accounts; prints JSON"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workdir", type=Path, required=True, help="folder for certificates, accounts and state")
    p.add_argument("--devices", type=int, default=5, help="device accounts dev-0001... (default 5)")
    p.add_argument("--site", default="trial", help="site of the device accounts")
    p.add_argument(
        "--team-size", type=int, default=5, help="devices per team (teams team-000, team-001, ...)"
    )
    p.add_argument(
        "--mtls", type=int, default=0, help="also issue client certificates for the first N devices"
    )
    p.add_argument(
        "--bucket-s", type=int, default=900, help="bucket length for the written aggregator policy"
    )
    p.add_argument("--grace-s", type=int, default=120, help="grace period for the written aggregator policy")
    p.add_argument(
        "--duration", type=float, default=0, help="stop after this many seconds (0: until stopped)"
    )


def run(args: argparse.Namespace) -> int:
    import json
    import signal
    import sys
    import threading
    import time

    from devkit.broker import BrokerUnavailable, TrialBroker, backend_accounts, fleet_accounts

    if args.devices < 0 or args.team_size < 1:
        print("lugn broker: --devices must be >= 0 and --team-size >= 1", file=sys.stderr)
        return 2
    devices = fleet_accounts(args.devices, site=args.site, team_size=args.team_size)
    try:
        broker = TrialBroker(
            args.workdir,
            accounts=[*backend_accounts(), *devices],
            client_certs=[a.name for a in devices[: args.mtls]],
            bucket_s=args.bucket_s,
            grace_s=args.grace_s,
        )
        broker.setup()
        broker.start()
    except (BrokerUnavailable, ValueError, OSError) as exc:
        print(f"lugn broker: {exc}", file=sys.stderr)
        return 2
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    print(json.dumps(broker.info()), flush=True)
    deadline = time.monotonic() + args.duration if args.duration else float("inf")
    try:
        while not done.wait(max(0.0, min(0.5, deadline - time.monotonic()))) and time.monotonic() < deadline:
            if broker.proc is None or broker.proc.poll() is not None:
                print(f"lugn broker: mosquitto exited; see {broker.log_file}", file=sys.stderr)
                return 1
    except KeyboardInterrupt:
        pass
    finally:
        broker.stop()
    return 0
