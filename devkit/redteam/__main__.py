"""``python -m devkit.redteam [--workdir DIR] [--json]``: run issue #11's attacks and print what happened."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from devkit.broker import BrokerUnavailable
from devkit.redteam.run import run


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m devkit.redteam", description=__doc__)
    p.add_argument(
        "--workdir",
        type=Path,
        help="folder for the broker, the aggregator and the recordings "
        "(default: a new temporary folder, removed afterwards)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the text report")
    p.add_argument("--bucket-s", type=int, default=20, help="aggregator bucket length, s (default 20)")
    p.add_argument(
        "--grace-s", type=int, default=2, help="publish a bucket this long after it ends (default 2)"
    )
    args = p.parse_args(argv)
    if args.bucket_s < 10 or args.bucket_s % 10 or args.grace_s < 1:
        p.error("--bucket-s must be a multiple of 10, at least 10; --grace-s at least 1")
    try:
        if args.workdir is None:
            with tempfile.TemporaryDirectory(prefix="lugn-redteam-") as tmp:
                report = run(Path(tmp), args.bucket_s, args.grace_s)
        else:
            report = run(args.workdir, args.bucket_s, args.grace_s)
    except BrokerUnavailable as exc:
        print(f"redteam: {exc}", file=sys.stderr)
        return 2
    print(report.as_json() if args.json else report.text(), flush=True)
    return report.exit_code()


if __name__ == "__main__":
    sys.exit(main())
