"""``lugn demo``: the bundled demo call through the full pipeline into the real agent UI, with coaching."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "demo"
HELP = "play the bundled demo call into the agent UI (offscreen without a display: screenshots + timeline)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--out", type=Path, default=Path("artifacts/demo"), help="screenshot folder (default artifacts/demo)"
    )
    p.add_argument(
        "--speed",
        choices=("auto", "realtime", "max"),
        default="auto",
        help="auto: real time on a display, as fast as possible offscreen",
    )
    p.add_argument("--language", choices=("auto", "sv", "nb", "fi", "en"), default="en", help="UI language")
    p.add_argument(
        "--file", type=Path, default=None, help="another stereo recording instead of the demo call"
    )
    p.add_argument("--models-dir", type=Path, default=None, help="models folder (default: the shipped one)")
    p.add_argument(
        "--verbose", action="store_true", help="print every event, tone samples and heartbeats too"
    )
    p.add_argument(
        "--no-metrics",
        action="store_true",
        help="skip the team-metrics path (by default a private Mosquitto + aggregator run beside the demo)",
    )
    p.add_argument(
        "--metrics-outbox",
        type=Path,
        default=None,
        help="count the call for team metrics into this outbox only (SQLite; nothing is published)",
    )
    p.add_argument(
        "--linger", type=float, default=8.0, help="seconds the window stays after the call on a display"
    )


def run(args: argparse.Namespace) -> int:
    from devkit.demo import DEMO_CALL, run_demo, summarise

    audio = args.file or DEMO_CALL
    if not audio.is_file():
        print(f"lugn demo: {audio} not found (build it with scripts/build_demo_call.py)", file=sys.stderr)
        return 2
    realtime = {"auto": None, "realtime": True, "max": False}[args.speed]
    service = None
    demo_metrics = None
    if args.metrics_outbox is None and not args.no_metrics:
        from devkit.metricsdemo import start_demo_metrics

        demo_metrics = start_demo_metrics(args.out / "metrics", echo=lambda m: print(f"  {m}"))
        service = demo_metrics.service
    elif args.metrics_outbox is not None:
        from device.metrics.service import MetricsService
        from device.metrics.settings import MetricsSettings

        service = MetricsService(MetricsSettings(enabled=False), outbox_path=args.metrics_outbox)
    result = run_demo(
        args.out,
        audio=audio,
        realtime=realtime,
        language=args.language,
        models_dir=args.models_dir,
        verbose=args.verbose,
        linger_s=args.linger,
        metrics=service,
    )
    summarise(result, sys.stdout)
    if demo_metrics is not None:
        demo_metrics.finish(timeout_s=15)  # prints what happened to the contribution and the team summary
    if service is not None and demo_metrics is None:
        service.stop(flush=True)
        from device.metrics.outbox import Outbox

        pending = Outbox(args.metrics_outbox).pending_count()
        print(f"  metrics: {pending} contribution(s) waiting in {args.metrics_outbox} (nothing published)")
    if not result.completed:
        print("lugn demo: the replay did not finish", file=sys.stderr)
        return 1
    return 0
