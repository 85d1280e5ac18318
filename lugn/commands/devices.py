"""``lugn devices``: the audio devices the capture backend sees (PulseAudio/PipeWire, WASAPI or PortAudio),
the headset profile each matched and why, and the far-end candidates with the rule that picks one."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

NAME = "devices"
HELP = "List audio devices, the headset profile each matched and why"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--json", action="store_true", help="machine-readable output (also an inventory for --from)"
    )
    p.add_argument(
        "--from", dest="inventory", type=Path, help="match an inventory saved with --json elsewhere"
    )
    p.add_argument(
        "--profiles-dir", type=Path, action="append", help="profile folder(s) instead of the shipped"
    )
    p.add_argument("--policy", type=Path, help="policy file (default /etc/lugn/policy.toml or $LUGN_POLICY)")
    p.add_argument("--user-settings", type=Path, help="user settings (default ~/.config/lugn/settings.toml)")


def run(args: argparse.Namespace) -> int:
    from device.audio.capture import query_devices
    from device.hwinfo import matches, plan_seat, read_inventory
    from device.policy import load_effective
    from device.profiles import load_profiles

    try:
        inventory = read_inventory(args.inventory) if args.inventory else query_devices()
    except ValueError as exc:
        print(f"lugn devices: {exc}", file=sys.stderr)
        return 2
    profiles = load_profiles(args.profiles_dir)
    audio = load_effective(args.policy, args.user_settings).config.audio
    forced = audio.profile
    rows = matches(inventory, profiles, forced)
    outputs = [d for d in inventory.devices if d.max_input_channels == 0]
    seat = plan_seat(audio, inventory, profiles) if not inventory.error and inventory.inputs else None
    far_rows = _far_end_rows(inventory, seat)
    if args.json:
        out = {
            "source": inventory.source,
            "error": inventory.error,
            "devices": inventory.to_json(),
            "matches": [
                {"index": d.index, "name": d.name, "profile": m.profile.name, "why": m.reasons}
                for d, m in rows
            ],
            "far_end": far_rows,
            "profile_problems": profiles.problems,
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0 if rows else 1
    for problem in profiles.problems:
        print(f"warning: {problem}", file=sys.stderr)
    if inventory.error:
        print(f"{inventory.error}")
        return 1
    if not inventory.devices:
        print(
            f"{inventory.source} reports no audio devices at all: no sound card on this machine, or "
            "PulseAudio/PipeWire is not running for this user. Plug in the headset and run again."
        )
        return 1
    print(f"Capture devices ({inventory.source}, {len(profiles.profiles)} profiles loaded):")
    from device.audio.farend import is_loopback_input

    for dev, match in rows:
        ids = ", ".join(
            x for x in (dev.usb_id and f"USB {dev.usb_id}", dev.firmware and f"fw {dev.firmware}") if x
        )
        default = " [default]" if dev.index is not None and dev.index == inventory.default_input else ""
        extra = f", {ids}" if ids else ""
        print(f"  [{dev.index}] {dev.name}{default}  ({dev.hostapi}, {dev.max_input_channels} ch{extra})")
        if is_loopback_input(dev):
            of = f" of {dev.monitor_of}" if dev.monitor_of else " of a playback device"
            print(f"        far-end source (monitor/loopback{of})")
        else:
            print(f"        profile {match.profile.name} — {match.why}")
    if not rows:
        print("  none (PortAudio lists only outputs)")
    if outputs:
        print("Playback devices (for far-end loopback):")
        for dev in outputs:
            default = " [default]" if dev.is_default else ""
            ident = f" = {dev.id}" if dev.id else ""
            print(
                f"  [{dev.index}] {dev.name}{ident}{default}  ({dev.hostapi}, {dev.max_output_channels} ch)"
            )
    if far_rows:
        print("Far-end candidates (what the headset plays = the customer):")
        for row in far_rows:
            mark = "->" if row["chosen"] else "  "
            print(f"  {mark} {row['capture']}  [{row['rule']}]")
    if seat is not None and seat.far_end is not None:
        verdict = "far end: " + (
            seat.far_end.detail if seat.far_end.possible else f"NONE: {seat.far_end.detail}"
        )
        if seat.far_end.rule:
            verdict += f" (by {seat.far_end.rule})"
        print(verdict)
    return 0 if rows else 1


def _far_end_rows(inventory: Any, seat: Any) -> list[dict[str, Any]]:
    """Every output whose sound can be captured, the rule it satisfies, and which one the seat uses."""
    from device.audio.farend import capturable_outputs, output_rules

    if seat is None or seat.match is None:
        return []
    outputs = capturable_outputs(inventory)
    chosen = seat.far_end.output if seat.far_end is not None else None
    rows = []
    for dev, (_, rule) in zip(outputs, output_rules(outputs, seat.match.profile, seat.mic), strict=True):
        monitor = next((d for d in inventory.inputs if d.monitor_of and d.monitor_of == dev.id), None)
        what = f"monitor {monitor.name!r} of {dev.name!r}" if monitor else f"loopback of {dev.name!r}"
        rows.append(
            {"output": dev.name, "id": dev.id, "capture": what, "rule": rule, "chosen": dev == chosen}
        )
    return rows
