"""Headset profiles: every shipped file validates, device -> profile table, broken files fall back."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import jsonschema
import pytest

from device import profiles
from device.hwinfo import Inventory, plan_far_end, query_portaudio
from device.profiles import DeviceInfo, load_profile, load_profiles

ROOT = Path(__file__).resolve().parents[2]
PROFILES = ROOT / "firmware_profiles"
SHIPPED = sorted(PROFILES.glob("*.toml"))


@pytest.fixture(scope="module")
def shipped() -> profiles.ProfileSet:
    found = load_profiles([PROFILES])
    assert found.problems == []
    return found


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_profile_validates_against_model_and_json_schema(path: Path) -> None:
    profile = load_profile(path)
    assert profile.name == path.stem
    schema = json.loads((PROFILES / "schema.json").read_text())
    jsonschema.validate(tomllib.loads(path.read_text()), schema)


def test_committed_schema_is_current() -> None:
    regenerate = "python -m device.profiles schema > firmware_profiles/schema.json"
    assert (PROFILES / "schema.json").read_text() == profiles.json_schema(), f"run: {regenerate}"


def test_required_families_are_covered(shipped: profiles.ProfileSet) -> None:
    names = {p.name for p in shipped.profiles}
    assert {
        "generic",
        "generic-usb-headset",
        "builtin-laptop",
        "jabra-evolve2",
        "jabra-engage",
        "epos-impact",
        "poly-blackwire",
        "poly-voyager",
        "logitech-zone",
        "kiosk-mic-array",
    } <= names
    assert sum(p.match.fallback for p in shipped.profiles) == 1


# (device name, usb id, firmware, expected profile)
TABLE = [
    ("Jabra Evolve2 65: USB Audio (hw:2,0)", "0b0e:24b8", "2.3", "jabra-evolve2"),
    ("Jabra Evolve2 65: USB Audio (hw:2,0)", "0b0e:24b8", "1.9", "jabra-evolve2-fw-below-2"),
    ("Jabra Evolve2 40 Mono", None, None, "jabra-evolve2"),  # PipeWire name only: family profile
    ("Jabra Link 380: USB Audio (hw:1,0)", None, None, "jabra-evolve2"),
    ("Jabra EVOLVE2 85", None, "1.2", "jabra-evolve2-fw-below-2"),
    ("Jabra Engage 75", None, None, "jabra-engage"),
    ("Jabra Engage 50 II Mono", "0b0e:0930", None, "jabra-engage"),
    ("Jabra SPEAK 510 USB", "0b0e:0420", None, "jabra-evolve2"),  # Jabra vendor beats generic USB
    ("EPOS IMPACT SC 660 USB", None, None, "epos-impact"),
    ("Sennheiser SC 260 USB MS II", None, None, "epos-impact"),
    ("EPOS IMPACT 5000", "1395:0089", None, "epos-impact"),
    ("Plantronics Blackwire 5220 Series: USB Audio (hw:3,0)", "047f:c053", None, "poly-blackwire"),
    ("Poly Blackwire 3320", None, None, "poly-blackwire"),
    ("Plantronics BT600", None, None, "poly-voyager"),
    ("Poly BT700 Mono", None, None, "poly-voyager"),
    ("Voyager Focus 2", None, None, "poly-voyager"),
    ("Logi Zone Wired Mono", None, None, "logitech-zone"),
    ("Zone Vibe 125", None, None, "logitech-zone"),
    ("ReSpeaker 4 Mic Array (UAC1.0): USB Audio (hw:1,0)", "2886:0018", None, "kiosk-mic-array"),
    ("HDA Intel PCH: ALC257 Analog (hw:0,0)", None, None, "builtin-laptop"),
    ("sof-hda-dsp: - (hw:0,6)", None, None, "builtin-laptop"),
    ("Microphone Array (Realtek(R) Audio)", None, None, "builtin-laptop"),
    ("Built-in Audio Analog Stereo", None, None, "builtin-laptop"),
    ("C-Media USB Headphone Set: Audio (hw:4,0)", "0d8c:000c", None, "generic-usb-headset"),
    ("Unknown Thing (hw:5,0)", "1234:5678", None, "generic-usb-headset"),  # any USB device
    ("Some Headset", None, None, "generic-usb-headset"),
    # Windows (WASAPI/MME) names: "<endpoint> (<device>)"
    ("Headset Microphone (Jabra Evolve2 65)", None, None, "jabra-evolve2"),
    ("Microphone (2- Poly BT700)", None, None, "poly-voyager"),
    ("Headset (EPOS IMPACT SC 660)", None, None, "epos-impact"),
    ("Microphone (Logi Zone Wired)", None, None, "logitech-zone"),
    ("Microphone Array (Intel® Smart Sound Technology for Digital Mics)", None, None, "builtin-laptop"),
    ("Microphone (Realtek(R) Audio)", None, None, "builtin-laptop"),
    ("Microphone (USB Audio Device)", None, None, "generic-usb-headset"),
    ("pulse", None, None, "generic"),
    ("default", None, None, "generic"),
]


@pytest.mark.parametrize(("name", "usb_id", "firmware", "expected"), TABLE)
def test_device_to_profile_table(
    shipped: profiles.ProfileSet, name: str, usb_id: str | None, firmware: str | None, expected: str
) -> None:
    match = shipped.match(DeviceInfo(name=name, usb_id=usb_id, firmware=firmware), platform="linux")
    assert match.profile.name == expected, match.why
    assert match.reasons


def test_why_names_the_evidence(shipped: profiles.ProfileSet) -> None:
    m = shipped.match(DeviceInfo("Jabra Evolve2 65: USB Audio (hw:2,0)", "0b0e:24b8", "1.9"), "linux")
    assert "USB id 0b0e:24b8" in m.why and "firmware 1.9" in m.why and "name" in m.why


def test_broken_profile_names_file_and_field_and_falls_back(tmp_path: Path) -> None:
    for name in ("generic.toml", "jabra-evolve2.toml"):
        shutil.copy(PROFILES / name, tmp_path / name)
    bad = tmp_path / "jabra-evolve2.toml"
    text = bad.read_text().replace("sample_rate_hz = 48000", "sample_rate_hz = 47000")
    bad.write_text(text)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "47000" in ln)
    found = load_profiles([tmp_path])
    assert [p.name for p in found.profiles] == ["generic"]
    assert len(found.problems) == 1
    assert found.problems[0].startswith(f"{bad}:{line}: audio.sample_rate_hz: ")
    jabra = DeviceInfo("Jabra Evolve2 65", "0b0e:24b8")
    assert found.match(jabra).profile.name == "generic"


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (("name_regex = '(?i)jabra", "name_regex = '(?i)(jabra"), "match.name_regex"),
        (('"0b0e:24b8",', '"0B0E-24b8",'), "match.usb_ids"),
        (("mic_channel = 0", "mic_channel = 3"), "capture.mic_channel"),
        (('name = "jabra-evolve2"', 'name = "jabra-evolve3"'), "name"),
        (("[notes]", "[notes]\nfoo = 1"), "notes.foo"),
    ],
)
def test_broken_profile_messages(tmp_path: Path, edit: tuple[str, str], field: str) -> None:
    path = tmp_path / "jabra-evolve2.toml"
    text = (PROFILES / "jabra-evolve2.toml").read_text()
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1))
    with pytest.raises(ValueError, match=rf"{path.name}:\d+: ") as info:
        load_profile(path)
    assert field in str(info.value) or field.split(".")[0] in str(info.value)


def test_unparseable_profile_and_builtin_generic(tmp_path: Path) -> None:
    (tmp_path / "x.toml").write_text('name = "x\n')
    found = load_profiles([tmp_path])
    assert found.profiles == [] and f"{tmp_path / 'x.toml'}:1: not valid TOML" in found.problems[0]
    assert found.match(DeviceInfo("anything")).profile is profiles.GENERIC


def test_site_directory_overrides_shipped_profile(tmp_path: Path) -> None:
    text = (
        (PROFILES / "jabra-evolve2.toml")
        .read_text()
        .replace("mic_calibration_db = 0.0", "mic_calibration_db = 4.5")
    )
    (tmp_path / "jabra-evolve2.toml").write_text(text)
    found = load_profiles([PROFILES, tmp_path])
    assert found.by_name("jabra-evolve2").capture.mic_calibration_db == 4.5  # type: ignore[union-attr]
    assert found.files["jabra-evolve2"] == tmp_path / "jabra-evolve2.toml"


def test_far_end_plans(shipped: profiles.ProfileSet) -> None:
    jabra = DeviceInfo("Jabra Evolve2 65 Mono", max_input_channels=1)
    monitor = DeviceInfo("Monitor of Jabra Evolve2 65 Analog Stereo", max_input_channels=2)
    other_monitor = DeviceInfo("Monitor of Built-in Audio", max_input_channels=2)
    prof = shipped.match(jabra, "linux").profile
    ok = plan_far_end(jabra, prof, Inventory([jabra, other_monitor, monitor]), platform="linux")
    assert ok.possible and ok.device == monitor
    none = plan_far_end(jabra, prof, Inventory([jabra]), platform="linux")
    assert not none.possible and "no monitor/loopback input" in none.detail
    array = DeviceInfo("ReSpeaker 4 Mic Array (UAC1.0)", "2886:0018", max_input_channels=1)
    kiosk = shipped.match(array, "linux").profile
    one_ch = plan_far_end(array, kiosk, Inventory([array]), platform="linux")
    assert not one_ch.possible and "channel 5" in one_ch.detail
    six = DeviceInfo(array.name, array.usb_id, max_input_channels=6)
    assert plan_far_end(six, kiosk, Inventory([six]), platform="linux").possible
    win_out = DeviceInfo(
        "Headset Earphone (Jabra Evolve2 65)", hostapi="Windows WASAPI", max_output_channels=2
    )
    win = plan_far_end(jabra, prof, Inventory([jabra, win_out]), platform="win32")
    assert win.possible and win.method == "wasapi_loopback"


def test_real_portaudio_query_does_not_raise() -> None:
    inv = query_portaudio()  # no sound card on the build machine: an empty list, not an exception
    assert inv.error is None or "PortAudio" in inv.error
    assert all(isinstance(d, DeviceInfo) for d in inv.devices)
