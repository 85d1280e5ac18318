"""Headset profiles: one TOML per headset family and firmware range in ``firmware_profiles/``, validated.

The matcher scores every profile against a device (USB id, firmware, name) and the most specific match wins:
an exact ``vendor:product`` beats a vendor wildcard beats any USB device; a firmware range that matches beats
none; then a name match, then the longer (more specific) name pattern. A profile with ``fallback = true``
matches anything with the lowest score. A broken profile file is reported by file, line and field and left
out, so its devices fall back to the next best (in the end the generic) profile.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from device.tomlfile import TomlFileError, describe_errors, key_lines, read_toml

PROFILE_SCHEMA_VERSION = 1
ENV_PROFILES_DIR = "LUGN_PROFILES_DIR"
# IT's own additions/overrides next to the policy (a file with the same name as a shipped one wins)
SITE_PROFILES_DIR = (
    Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "Lugn" / "firmware_profiles"
    if sys.platform == "win32"
    else Path("/etc/lugn/firmware_profiles")
)
_VERSION = r"^\d+(\.\d+){0,3}$"
Platform = Literal["linux", "win32", "darwin"]
_PLATFORMS: tuple[Platform, ...] = ("linux", "win32", "darwin")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def parse_version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


class MatchRule(_Strict):
    name_regex: str | None = Field(
        None, title="Device name", description="Python regex searched in the audio device name"
    )
    usb_ids: list[str] = Field(
        default_factory=list,
        title="USB ids",
        description="vendor:product in hex; product * for any device of a vendor, *:* for any USB device",
    )
    class_regex: str | None = Field(
        None,
        title="Device class",
        description="Regex for a kind of device (USB, built-in); ranks below a model",
    )
    firmware_min: str | None = Field(None, title="Firmware from", description="Inclusive", pattern=_VERSION)
    firmware_below: str | None = Field(
        None, title="Firmware below", description="Exclusive", pattern=_VERSION
    )
    platforms: list[Platform] = Field(
        default_factory=lambda: list(_PLATFORMS),
        title="Platforms",
        description="Where it applies",
    )
    fallback: bool = Field(False, title="Fallback", description="Matches any device, with the lowest rank")

    @field_validator("name_regex", "class_regex")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression: {exc}") from exc
        return value

    @field_validator("usb_ids")
    @classmethod
    def _usb_ids(cls, value: list[str]) -> list[str]:
        for item in value:
            if not re.fullmatch(r"([0-9a-f]{4}|\*):([0-9a-f]{4}|\*)", item) or (
                item.startswith("*:") and item != "*:*"
            ):
                raise ValueError(f"{item!r} is not vendor:product in lower-case hex (or vendor:*, *:*)")
        return value

    @model_validator(mode="after")
    def _something_to_match(self) -> MatchRule:
        if not (self.fallback or self.name_regex or self.class_regex or self.usb_ids):
            raise ValueError(
                "fallback: a match rule needs name_regex, class_regex, usb_ids or fallback = true"
            )
        lo, hi = self.firmware_min, self.firmware_below
        if lo and hi and parse_version(lo) >= parse_version(hi):
            raise ValueError("firmware_min: must be below firmware_below")
        return self


class AudioFormat(_Strict):
    sample_rate_hz: Literal[8000, 16000, 24000, 32000, 44100, 48000] = Field(
        48000, title="Sample rate", description="Rate to open the device at (resampled to 16 kHz once)"
    )
    channels: int = Field(
        1, ge=1, le=8, title="Input channels", description="Channels to open the input with"
    )
    latency_ms: float = Field(40.0, gt=0, le=500, title="Latency", description="Requested PortAudio latency")


class FarEnd(_Strict):
    linux: Literal["monitor", "stereo_channel", "none"] = Field(
        "monitor", title="Linux", description="PipeWire/PulseAudio monitor of the headset sink, or a channel"
    )
    windows: Literal["wasapi_loopback", "stereo_channel", "none"] = Field(
        "wasapi_loopback", title="Windows", description="WASAPI loopback of the headset render endpoint"
    )
    channel: int | None = Field(None, ge=0, title="Channel", description="Input channel with the far end")
    sink_regex: str | None = Field(
        None, title="Sink", description="Regex for the output device whose monitor/loopback carries the call"
    )


class Capture(_Strict):
    mic_channel: int = Field(0, ge=0, title="Mic channel", description="Input channel with the agent's mic")
    mic_calibration_db: float = Field(
        0.0,
        ge=-30,
        le=30,
        title="Mic calibration",
        description="Gain added so speech reads as on a reference mic",
    )
    far_end: FarEnd = Field(
        default_factory=FarEnd, title="Far end", description="How the customer is captured"
    )


class Notes(_Strict):
    agc: str = Field("", title="AGC", description="Automatic gain control in the headset or the OS")
    sidetone: str = Field("", title="Sidetone", description="Own-voice feedback and how it affects capture")
    verified: str = Field(
        "", title="Verified", description="What was verified on real hardware, and what not"
    )


class Quirk(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$", title="Id", description="Short name")
    firmware_below: str | None = Field(
        None, pattern=_VERSION, title="Until", description="Fixed in this version"
    )
    issue: str = Field(title="Issue", description="What goes wrong")
    workaround: str = Field(title="Workaround", description="What Lugn does about it (or what IT should do)")
    applied: bool = Field(
        title="Applied", description="True if the profile's own settings apply the workaround"
    )


class Profile(_Strict):
    schema_version: Literal[1] = Field(1, title="Schema version", description="Profile format version")
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", title="Name", description="Same as the file name")
    title: str = Field(title="Title", description="Human name")
    vendor: str = Field(title="Vendor", description="Manufacturer")
    match: MatchRule = Field(title="Match", description="Which devices this profile is for")
    audio: AudioFormat = Field(default_factory=AudioFormat, title="Audio", description="How to open it")
    capture: Capture = Field(default_factory=Capture, title="Capture", description="Mic and far end")
    notes: Notes = Field(default_factory=Notes, title="Notes", description="AGC, sidetone, verification")
    quirks: list[Quirk] = Field(default_factory=list, title="Quirks", description="Known firmware quirks")

    @model_validator(mode="after")
    def _channels(self) -> Profile:
        if self.capture.mic_channel >= self.audio.channels:
            raise ValueError(f"capture.mic_channel: {self.capture.mic_channel} is not below audio.channels")
        far = self.capture.far_end
        uses_channel = "stereo_channel" in (far.linux, far.windows)
        if uses_channel and (far.channel is None or far.channel >= self.audio.channels):
            raise ValueError("capture.far_end.channel: must name an input channel for stereo_channel")
        return self


GENERIC = Profile(
    name="builtin-generic",
    title="Generic audio device (built in; used when no profile file loads)",
    vendor="any",
    match=MatchRule(fallback=True),
)


@dataclass(frozen=True)
class DeviceInfo:
    """What we know about one audio device (sounddevice gives the name; sysfs adds USB id and firmware)."""

    name: str
    usb_id: str | None = None  # "0b0e:24b8"
    firmware: str | None = None  # "1.21" (USB bcdDevice on Linux)
    index: int | None = None
    hostapi: str = ""
    max_input_channels: int = 0
    max_output_channels: int = 0
    default_samplerate: float = 0.0
    # From a sound server (PulseAudio/PipeWire, WASAPI): its own device id ("alsa_output.usb-Jabra…",
    # an endpoint id), the output a monitor/loopback input belongs to, and the physical device it sits on
    # (so the headset's mic and its speaker can be paired). PortAudio inventories leave them empty.
    id: str | None = None
    monitor_of: str | None = None
    bus: str | None = None
    is_default: bool = False


@dataclass(frozen=True)
class Match:
    profile: Profile
    rank: tuple[int, int, int, int]
    reasons: list[str]

    @property
    def why(self) -> str:
        return "; ".join(self.reasons)


@dataclass
class ProfileSet:
    profiles: list[Profile] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)

    def by_name(self, name: str) -> Profile | None:
        return next((p for p in self.profiles if p.name == name), None)

    def match(self, device: DeviceInfo, platform: str = sys.platform) -> Match:
        best: Match | None = None
        for profile in self.profiles:
            got = score(profile, device, platform)
            if got and (best is None or got.rank > best.rank):
                best = got
        return best or Match(GENERIC, (0, 0, 0, 0), ["no profile matched; built-in generic settings"])


def score(profile: Profile, device: DeviceInfo, platform: str = sys.platform) -> Match | None:
    """How specifically ``profile`` fits ``device``; ``None`` if it does not.

    The rank is (tier, firmware matched, pieces of evidence, pattern length); tiers: exact USB id 4,
    model name 3, USB vendor 2, device class or any USB device 1, fallback 0.
    """
    rule = profile.match
    plat = "linux" if platform.startswith("linux") else platform
    if plat not in rule.platforms:
        return None
    reasons: list[str] = []
    tiers = [0] if rule.fallback else []
    if device.usb_id:
        vendor = device.usb_id.split(":")[0]
        levels = {device.usb_id: (4, f"USB id {device.usb_id}"), f"{vendor}:*": (2, f"USB vendor {vendor}")}
        levels["*:*"] = (1, f"a USB device ({device.usb_id})")
        hits = [levels[p] for p in rule.usb_ids if p in levels]
        if hits:
            tier, why = max(hits)
            tiers.append(tier)
            reasons.append(why)
    specificity = 0
    if rule.name_regex and re.search(rule.name_regex, device.name):
        tiers.append(3)
        specificity = len(rule.name_regex)
        reasons.append(f"name {device.name!r} ~ /{rule.name_regex}/")
    if rule.class_regex and re.search(rule.class_regex, device.name):
        tiers.append(1)
        reasons.append(f"device class {device.name!r} ~ /{rule.class_regex}/")
    if not tiers:
        return None
    firmware = 0
    if rule.firmware_min or rule.firmware_below:
        if not device.firmware:
            return None  # a firmware-specific profile needs a known firmware
        version = parse_version(device.firmware)
        if rule.firmware_min and version < parse_version(rule.firmware_min):
            return None
        if rule.firmware_below and version >= parse_version(rule.firmware_below):
            return None
        firmware = 1
        reasons.append(
            f"firmware {device.firmware} in [{rule.firmware_min or '0'}, {rule.firmware_below or 'any'})"
        )
    if not reasons:
        reasons.append("fallback profile (nothing more specific matched)")
    return Match(profile, (max(tiers), firmware, len(tiers), specificity), reasons)


def default_profile_dirs() -> list[Path]:
    """Shipped profiles first, then IT's site directory (a profile there replaces a shipped one by name)."""
    if env := os.environ.get(ENV_PROFILES_DIR):
        return [Path(p) for p in env.split(os.pathsep) if p]
    candidates = [
        Path(getattr(sys, "_MEIPASS", "")) / "firmware_profiles" if hasattr(sys, "_MEIPASS") else None,
        Path(__file__).resolve().parents[1] / "firmware_profiles",  # source checkout / editable install
        Path(sys.prefix).parent / "firmware_profiles",  # /opt/lugn/venv -> /opt/lugn/firmware_profiles
    ]
    shipped = next((c for c in candidates if c and c.is_dir()), None)
    return [p for p in (shipped, SITE_PROFILES_DIR) if p is not None and p.is_dir()]


def load_profile(path: Path) -> Profile:
    """Parse and validate one profile file; raise ``ValueError`` naming file, line and field."""
    raw, text = read_toml(path)
    try:
        profile = Profile.model_validate(raw)
    except ValidationError as exc:
        raise ValueError("\n".join(describe_errors(path, exc, key_lines(text)))) from exc
    if profile.name != path.stem:
        line = key_lines(text).get("name")
        raise ValueError(f"{path}:{line}: name: {profile.name!r} must equal the file name {path.stem!r}")
    return profile


def load_profiles(dirs: list[Path] | None = None) -> ProfileSet:
    """Load every ``*.toml`` in ``dirs``; a broken file is reported in ``problems`` and left out."""
    result = ProfileSet()
    chosen: dict[str, Profile] = {}
    for directory in default_profile_dirs() if dirs is None else dirs:
        for path in sorted(Path(directory).glob("*.toml")):
            try:
                profile = load_profile(path)
            except (TomlFileError, ValueError) as exc:
                result.problems.append(f"{exc} (profile left out; its devices use the next best match)")
                continue
            chosen[profile.name] = profile
            result.files[profile.name] = path
    result.profiles = list(chosen.values())
    return result


def json_schema() -> str:
    """The JSON Schema of a profile file, committed as ``firmware_profiles/schema.json``."""
    import json

    schema = Profile.model_json_schema()
    schema["$id"] = "https://lugn.invalid/schemas/firmware-profile-v1.json"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m device.profiles schema > firmware_profiles/schema.json
    if sys.argv[1:] == ["schema"]:
        sys.stdout.write(json_schema())
    else:
        found = load_profiles()
        print("\n".join(f"{p.name}: {found.files[p.name]}" for p in found.profiles))
        print("\n".join(found.problems), file=sys.stderr)
        sys.exit(1 if found.problems else 0)
