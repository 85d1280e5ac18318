"""``lugn replay``: a recording through the same pipeline as a live call."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lugn.commands import _runtime

NAME = "replay"
HELP = "replay a recording (stereo: left = agent, right = customer; or two files) through the pipeline"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, help="stereo WAV/FLAC, or the agent's file when a second is given")
    p.add_argument("customer_file", type=Path, nargs="?", default=None, help="the customer's file (mono)")
    p.add_argument(
        "--speed",
        choices=("realtime", "max"),
        default="realtime",
        help="real-time pacing or as fast as possible",
    )
    p.add_argument(
        "--chunk", type=int, default=512, help="samples per chunk the source delivers (default 512)"
    )
    p.add_argument(
        "--screenshots", type=Path, default=None, help="UI: save the indicator at each state change"
    )
    p.add_argument(
        "--cti",
        type=Path,
        default=None,
        metavar="TIMELINE.jsonl",
        help='CTI actions at stream times, one per line: {"t_s": 12.0, "action": "notice_given"} '
        "(call_start, notice_given, declined, pause, resume, call_end)",
    )
    _runtime.add_common(p)


def run(args: argparse.Namespace) -> int:
    from device.audio.source import ReplaySource
    from device.cti import TimelineError, read_timeline

    timeline = []
    if args.cti is not None:
        try:
            timeline = read_timeline(args.cti)
        except TimelineError as exc:
            print(f"lugn replay: --cti {exc}", file=sys.stderr)
            return 2

    path: Path | tuple[Path, Path] = (
        args.file if args.customer_file is None else (args.file, args.customer_file)
    )
    try:
        source = ReplaySource(path, realtime=args.speed == "realtime", chunk_samples=args.chunk)
    except (OSError, ValueError) as exc:
        print(f"lugn replay: {exc}", file=sys.stderr)
        return 2
    for warning in source.warnings:
        print(f"lugn replay: warning: {warning}", file=sys.stderr)
    known = len(source.warnings)
    runtime = _runtime.build(source, _runtime.effective(args), args)
    runtime.schedule([(a.t_s, a.action) for a in timeline])
    if args.headless:
        code = _runtime.run_headless(runtime, "replay", until_end=True)
    else:
        code = _runtime.run_ui(runtime, "replay", offscreen_screenshots_dir=args.screenshots)
    for warning in source.warnings[known:]:  # found on the way (a file that ended early)
        print(f"lugn replay: warning: {warning}", file=sys.stderr)
    left = runtime.pipeline.schedule_left
    if left:
        print(
            f"lugn replay: warning: {len(left)} CTI action(s) after the end of the recording "
            f"({runtime.last_t_s:.1f} s) not applied: " + ", ".join(f"{n} at {t:g} s" for t, n in left[:5]),
            file=sys.stderr,
        )
    return code
