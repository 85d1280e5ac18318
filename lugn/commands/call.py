"""``lugn call start|end|status|pause|resume|notice-given|declined|dismiss|breathe|toggle-pause|show``:
tell the running agent about a call (softphone / CTI / IVR integration), or do one of the agent's actions
without the keyboard focus (a desktop hotkey tool or the softphone can bind these). ``start --notice-given``:
the call starts and the IVR already told the caller; ``notice-given``: the caller was told (policy
``[notice]``); ``declined``: the caller declined, no tone analysis for the rest of the call; ``show``: the
indicator back on screen and on top."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "call"
HELP = (
    "tell the running agent a call started or ended, the caller was told or declined, pause/resume, dismiss "
    "the tip, breathe, or show status"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "action",
        choices=(
            "start", "end", "status", "pause", "resume", "notice-given", "declined", "dismiss", "breathe",
            "toggle-pause", "show",
        ),
    )  # fmt: skip
    p.add_argument(
        "--notice-given",
        action="store_true",
        help="with start: the IVR already told the caller (policy [notice])",
    )
    p.add_argument("--control", type=Path, default=None, help="control socket path (default: per user)")
    p.add_argument("--timeout", type=float, default=2.0, help="seconds to wait for the agent")


def run(args: argparse.Namespace) -> int:
    from device.control import ControlError, send

    if args.notice_given and args.action != "start":
        print("lugn call: --notice-given goes with start (or use: lugn call notice-given)", file=sys.stderr)
        return 2
    command = f"call {args.action}" if args.action in ("start", "end") else args.action
    if args.notice_given:
        command += " notice-given"
    try:
        reply = send(command, args.control, timeout_s=args.timeout)
    except ControlError as exc:
        print(f"lugn call: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(reply))
    return 0 if reply.get("ok") else 1
