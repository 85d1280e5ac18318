"""``lugn doctor``: is this seat able to run Lugn? A report for IT, and an exit code a script can use.

Exit codes: 0 = everything OK, 1 = warnings only (Lugn runs, something deserves a look), 2 = at least one
failure (Lugn cannot do its job on this seat: no microphone or far end, a tampered model, a broken policy,
an unreachable broker while publishing is on).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

NAME = "doctor"
HELP = (
    "Check audio, headset profile, far-end capture, models, policy, broker, outbox, caller notice and the "
    "operation log (exit 0/1/2)"
)
EXIT = {"ok": 0, "info": 0, "warn": 1, "fail": 2}
MARK = {"ok": "OK  ", "info": "INFO", "warn": "WARN", "fail": "FAIL"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.epilog = "exit status: 0 all OK, 1 warnings only, 2 at least one failure"
    p.add_argument("--json", action="store_true", help="machine-readable report")
    p.add_argument("--policy", type=Path, help="policy file (default /etc/lugn/policy.toml or $LUGN_POLICY)")
    p.add_argument("--user-settings", type=Path, help="user settings (default ~/.config/lugn/settings.toml)")
    p.add_argument("--models-dir", type=Path, help="model folder (default: the shipped models)")
    p.add_argument("--profiles-dir", type=Path, action="append", help="headset profile folder(s)")
    p.add_argument("--devices-from", type=Path, help="check against a device inventory (lugn devices --json)")
    p.add_argument("--timeout-s", type=float, default=5.0, help="broker connect timeout (default 5 s)")
    p.add_argument(
        "--loopback-test",
        action="store_true",
        help="play a short quiet chirp on the headset output and check the far-end capture hears it "
        "(never during a call)",
    )
    p.add_argument("--gui-probe", action="store_true", help=argparse.SUPPRESS)  # the GUI check's child


def run(args: argparse.Namespace) -> int:
    from device import __version__
    from device.audio.capture import query_devices
    from device.hwinfo import read_inventory
    from device.policy import load_effective
    from device.profiles import load_profiles
    from lugn.commands import _doctor_checks as c
    from lugn.commands import _doctor_gui

    if args.gui_probe:
        return _doctor_gui.probe()
    started = time.perf_counter()
    eff = load_effective(args.policy, args.user_settings)
    checks = c.check_policy(eff)
    if perms := c.check_policy_file(eff):
        checks.append(perms)
    try:
        inventory = read_inventory(args.devices_from) if args.devices_from else query_devices()
    except ValueError as exc:
        inventory = c.Inventory(error=str(exc))
    profiles = load_profiles(args.profiles_dir)
    audio, mic, match = c.check_audio(eff, inventory, profiles)
    checks += audio
    checks.append(c.check_far_end(eff, inventory, mic, match))
    if args.loopback_test:
        checks.append(c.check_loopback(eff, devices_from=args.devices_from))
    checks += c.check_models(args.models_dir)
    checks += c.check_broker(eff, args.timeout_s)
    checks.append(c.check_outbox(eff))
    checks.append(c.check_autostart())
    checks.append(_doctor_gui.check_gui())
    if kiosk := c.check_kiosk(eff):
        checks.append(kiosk)
    from lugn.commands import _doctor_oversight as o

    checks.append(o.check_notice(eff))
    if tone := o.check_tone(eff):
        checks.append(tone)
    checks.append(o.check_oplog(eff))
    checks.append(o.check_telemetry())
    code = max(EXIT[ch.status] for ch in checks)
    if args.json:
        report = {
            "schema_version": 1,
            "lugn_version": __version__,
            "exit_code": code,
            "summary": {s: sum(ch.status == s for ch in checks) for s in EXIT},
            "checks": [ch.__dict__ for ch in checks],
            "runtime": c.runtime_info(),
            "elapsed_s": round(time.perf_counter() - started, 3),
        }
        print(json.dumps(report, indent=2, ensure_ascii=False, default=str))
        return code
    print(f"Lugn {__version__} doctor — {c.runtime_info()['host']}")
    width = max(len(ch.id) for ch in checks)
    for ch in checks:
        print(f"  {MARK[ch.status]}  {ch.id:<{width}}  {ch.message}")
    verdict = {0: "all OK", 1: "works, with warnings", 2: "NOT working on this seat"}[code]
    print(f"Result: {verdict} (exit {code}) in {time.perf_counter() - started:.2f} s")
    sys.stdout.flush()
    return code
