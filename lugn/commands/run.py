"""``lugn run``: the live agent on the headset (the UI, or ``--headless`` JSON lines)."""

from __future__ import annotations

import argparse

from lugn.commands import _runtime

NAME = "run"
HELP = "run the live agent on the headset (mic + far-end loopback)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    _runtime.add_common(p)
    p.add_argument("--mic", default=None, help="agent microphone: device name substring")
    p.add_argument("--far-end", default=None, help="customer side: loopback/monitor device name substring")
    p.add_argument("--far-end-channel", type=int, default=None, help="customer channel on a stereo recorder")
    p.add_argument(
        "--kiosk", action="store_true", help="full-screen large indicator (dedicated kiosk device)"
    )
    p.add_argument("--list-devices", action="store_true", help="list the capture devices and exit")


def run(args: argparse.Namespace) -> int:
    from device.audio.live import LiveSource, describe_devices
    from device.audio.source import DeviceError

    if args.list_devices:
        try:
            devices = describe_devices()
        except DeviceError as exc:
            print(f"lugn: {exc}")
            return 1
        if not devices:
            print("no capture devices found (PortAudio sees no sound card for this user)")
            return 1
        for d in devices:
            print(
                f"{d.index:3d}  {d.name}  "
                f"[{d.hostapi}, {d.max_input_channels} ch, {d.default_samplerate:.0f} Hz]"
            )
        return 0
    eff = _runtime.with_audio(
        _runtime.effective(args),
        mic_device=args.mic,
        far_end_device=args.far_end,
        far_end_channel=args.far_end_channel,
    )
    from device.seatlock import AlreadyRunning

    try:
        runtime = _runtime.build(LiveSource(eff.config.audio), eff, args, exclusive=True)
    except AlreadyRunning as exc:
        return _runtime.already_running(exc, args, ui=not args.headless)
    if args.headless:
        return _runtime.run_headless(runtime, "run", until_end=False)
    return _runtime.run_ui(runtime, "run", kiosk=args.kiosk)
