"""``lugn devices``: the audio devices PortAudio sees, the headset profile each matched, and why."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

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
    from device.hwinfo import matches, query_portaudio, read_inventory
    from device.policy import load_effective
    from device.profiles import load_profiles

    try:
        inventory = read_inventory(args.inventory) if args.inventory else query_portaudio()
    except ValueError as exc:
        print(f"lugn devices: {exc}", file=sys.stderr)
        return 2
    profiles = load_profiles(args.profiles_dir)
    forced = load_effective(args.policy, args.user_settings).config.audio.profile
    rows = matches(inventory, profiles, forced)
    outputs = [d for d in inventory.devices if d.max_input_channels == 0]
    if args.json:
        out = {
            "source": inventory.source,
            "error": inventory.error,
            "devices": inventory.to_json(),
            "matches": [
                {"index": d.index, "name": d.name, "profile": m.profile.name, "why": m.reasons}
                for d, m in rows
            ],
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
    from device.hwinfo import LOOPBACK_HINTS

    for dev, match in rows:
        ids = ", ".join(
            x for x in (dev.usb_id and f"USB {dev.usb_id}", dev.firmware and f"fw {dev.firmware}") if x
        )
        default = " [default]" if dev.index is not None and dev.index == inventory.default_input else ""
        extra = f", {ids}" if ids else ""
        print(f"  [{dev.index}] {dev.name}{default}  ({dev.hostapi}, {dev.max_input_channels} ch{extra})")
        if any(h in dev.name.lower() for h in LOOPBACK_HINTS):
            print("        far-end source (monitor/loopback of a playback device)")
        else:
            print(f"        profile {match.profile.name} — {match.why}")
    if not rows:
        print("  none (PortAudio lists only outputs)")
    if outputs:
        print("Playback devices (for far-end loopback):")
        for dev in outputs:
            print(f"  [{dev.index}] {dev.name}  ({dev.hostapi}, {dev.max_output_channels} ch)")
    return 0 if rows else 1
