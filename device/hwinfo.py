"""The audio hardware on this machine, as the profile matcher and ``lugn doctor`` see it.

PortAudio (sounddevice) gives names, host APIs and channel counts; on Linux the ALSA card number in a name
like ``Jabra Evolve2 65: USB Audio (hw:2,0)`` leads to ``/proc/asound/card2/usbid`` and the USB ``bcdDevice``
(the device release, which headset vendors bump with firmware). An inventory can also be read from JSON
(``lugn devices --json`` on another PC), so IT can check matching for hardware that is not on this machine.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from device.audio.farend import LOOPBACK_HINTS, FarEndPlan, is_loopback_input, plan_far_end
from device.audio.settings import AudioSettings
from device.profiles import DeviceInfo, Match, ProfileSet

__all__ = ["LOOPBACK_HINTS", "FarEndPlan", "Inventory", "SeatPlan", "plan_far_end", "plan_seat"]
_ALSA_CARD = re.compile(r"\(hw:(\d+),\d+\)")


@dataclass
class Inventory:
    devices: list[DeviceInfo] = field(default_factory=list)
    source: str = "PortAudio"
    error: str | None = None  # why the backend (PortAudio, the sound server) could not be asked at all
    default_input: int | None = None

    @property
    def inputs(self) -> list[DeviceInfo]:
        return [d for d in self.devices if d.max_input_channels > 0]

    def to_json(self) -> list[dict[str, Any]]:
        return [asdict(d) for d in self.devices]


def _usb_info(card: int, root: Path = Path("/")) -> tuple[str | None, str | None]:
    usbid = root / f"proc/asound/card{card}/usbid"
    usb_id = usbid.read_text().strip().lower() if usbid.is_file() else None
    firmware = None
    try:
        bcd = (root / f"sys/class/sound/card{card}/device").resolve().parent / "bcdDevice"
        if bcd.is_file():
            raw = bcd.read_text().strip()
            base = 10 if raw.isdigit() else 16  # binary-coded decimal; some vendors put hex digits there
            firmware = f"{int(raw[:2], base)}.{int(raw[2:], base)}"
    except (OSError, ValueError):
        pass
    return usb_id, firmware


def query_portaudio(sd: Any = None, sysroot: Path = Path("/")) -> Inventory:
    """Ask PortAudio for every device; never raises (a missing PortAudio is reported in ``error``)."""
    try:
        if sd is None:
            import sounddevice

            sd = sounddevice
        devices = sd.query_devices()
        apis = sd.query_hostapis()
    except (OSError, ImportError) as exc:  # PortAudio library missing or cannot initialise
        return Inventory(error=f"PortAudio is not usable: {exc}")
    out = []
    for index, dev in enumerate(devices):
        name = str(dev["name"])
        usb_id = firmware = None
        card = _ALSA_CARD.search(name)
        if card and sys.platform.startswith("linux"):
            usb_id, firmware = _usb_info(int(card.group(1)), sysroot)
        out.append(
            DeviceInfo(
                name=name,
                usb_id=usb_id,
                firmware=firmware,
                index=index,
                hostapi=str(apis[int(dev["hostapi"])]["name"]) if apis else "",
                max_input_channels=int(dev["max_input_channels"]),
                max_output_channels=int(dev["max_output_channels"]),
                default_samplerate=float(dev["default_samplerate"]),
            )
        )
    try:
        default_in = int(sd.default.device[0])
    except (TypeError, ValueError, IndexError):
        default_in = None
    return Inventory(out, default_input=default_in if default_in is not None and default_in >= 0 else None)


def read_inventory(path: Path) -> Inventory:
    """An inventory saved by ``lugn devices --json``; raises ``ValueError`` if malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data["devices"] if isinstance(data, dict) else data
        allowed = set(DeviceInfo.__dataclass_fields__)
        devices = [DeviceInfo(**{k: v for k, v in row.items() if k in allowed}) for row in rows]
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a device inventory ({exc})") from exc
    return Inventory(devices, source=f"inventory {path}")


def matches(
    inventory: Inventory, profiles: ProfileSet, forced: str | None = None
) -> list[tuple[DeviceInfo, Match]]:
    """The profile for every capture device (``forced``: ``audio.profile`` from the config, if it exists)."""
    out = []
    for dev in inventory.inputs:
        chosen = profiles.by_name(forced) if forced else None
        if chosen:
            out.append((dev, Match(chosen, (9, 0, 0, 0), [f"forced by audio.profile = {forced!r}"])))
        else:
            out.append((dev, profiles.match(dev)))
    return out


def pick_mic(inventory: Inventory, wanted: str | None = None) -> DeviceInfo | None:
    """The agent's mic: ``audio.mic_device`` (substring), else the default input, else the first real one."""
    inputs = inventory.inputs
    if wanted:
        return next((d for d in inputs if wanted.lower() in d.name.lower()), None)
    real = [d for d in inputs if not is_loopback_input(d)]
    default = next((d for d in real if d.index is not None and d.index == inventory.default_input), None)
    return default or (real[0] if real else None)


@dataclass(frozen=True)
class SeatPlan:
    """What the live source should open on this seat, and why (``problem`` says why not)."""

    mic: DeviceInfo | None
    match: Match | None
    far_end: FarEndPlan | None
    problem: str | None = None


def plan_seat(
    audio: AudioSettings,
    inventory: Inventory | None = None,
    profiles: ProfileSet | None = None,
    platform: str = sys.platform,
) -> SeatPlan:
    """Mic, headset profile (``audio.profile`` forces one) and far-end source for the audio settings."""
    from device.profiles import load_profiles

    inventory = inventory or query_portaudio()
    profiles = profiles or load_profiles()
    if inventory.error:
        return SeatPlan(None, None, None, inventory.error)
    if not inventory.inputs:
        return SeatPlan(
            None,
            None,
            None,
            f"{inventory.source} found no audio input devices: no sound card, or PulseAudio/PipeWire is not "
            "running for this user — plug in the headset",
        )
    mic = pick_mic(inventory, audio.mic_device)
    if mic is None:
        names = [d.name for d in inventory.inputs]
        return SeatPlan(None, None, None, f"audio.mic_device {audio.mic_device!r} matches no input: {names}")
    forced = profiles.by_name(audio.profile) if audio.profile else None
    if forced:
        match = Match(forced, (9, 0, 0, 0), [f"forced by audio.profile {audio.profile!r}"])
    else:
        match = profiles.match(mic, platform)
    far = plan_far_end(mic, match.profile, inventory, audio.far_end_device, platform)
    return SeatPlan(mic, match, far)
