"""Device discovery for the matcher: the real PortAudio (ALSA null PCMs stand in for a headset and its
monitor), USB id + firmware from sysfs, and ``lugn devices``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from device.hwinfo import _usb_info, query_portaudio
from lugn.cli import main

ROOT = Path(__file__).resolve().parents[2]
ASOUNDRC = """
pcm."Jabra Evolve2 65 Mono" { type null hint { show on description "headset" } }
pcm."Monitor of Jabra Evolve2 65 Stereo" { type null hint { show on description "monitor" } }
"""


def lugn(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "LUGN_POLICY": str(home / "p.toml"), "XDG_STATE_HOME": str(home)}
    env.pop("LUGN_USER_SETTINGS", None)
    return subprocess.run([sys.executable, "-m", "lugn", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)  # fmt: skip


def test_real_portaudio_sees_alsa_devices_and_matches_them(tmp_path: Path) -> None:
    (tmp_path / ".asoundrc").write_text(ASOUNDRC)
    listed = lugn(tmp_path, "devices", "--json")
    data = json.loads(listed.stdout)
    if not data["devices"]:
        pytest.skip("PortAudio has no ALSA host API here")
    names = {m["name"]: m for m in data["matches"]}
    assert names["Jabra Evolve2 65 Mono"]["profile"] == "jabra-evolve2"
    assert listed.returncode == 0
    text = lugn(tmp_path, "devices").stdout
    assert "profile jabra-evolve2" in text and "far-end source (monitor/loopback" in text
    doctor = lugn(tmp_path, "doctor", "--json")
    checks = {c["id"]: c for c in json.loads(doctor.stdout)["checks"]}
    assert checks["audio"]["status"] == "ok" and checks["audio"]["details"]["profile"] == "jabra-evolve2"
    assert checks["far_end"]["status"] == "ok" and "Monitor of Jabra" in checks["far_end"]["message"]
    assert doctor.returncode == 0, [c for c in checks.values() if c["status"] != "ok"]
    assert (
        checks["audio"]["details"]["format"] == "48000 Hz x 1 ch"
    )  # PortAudio accepted the profile's format

    (tmp_path / ".asoundrc").write_text(ASOUNDRC.splitlines()[1] + "\n")  # the headset, but no monitor
    doctor = lugn(tmp_path, "doctor", "--json")
    checks = {c["id"]: c for c in json.loads(doctor.stdout)["checks"]}
    assert doctor.returncode == 2 and checks["far_end"]["status"] == "fail"
    assert checks["far_end"]["message"].startswith("far-end source missing: no monitor/loopback input")


def test_usb_id_and_firmware_from_sysfs(tmp_path: Path) -> None:
    (tmp_path / "proc/asound/card2").mkdir(parents=True)
    (tmp_path / "proc/asound/card2/usbid").write_text("0B0E:24B8\n")
    usbdev = tmp_path / "sys/devices/pci0000:00/usb1/1-4"
    (usbdev / "1-4:1.0").mkdir(parents=True)
    (usbdev / "bcdDevice").write_text("0119\n")
    (tmp_path / "sys/class/sound/card2").mkdir(parents=True)
    (tmp_path / "sys/class/sound/card2/device").symlink_to(usbdev / "1-4:1.0")
    assert _usb_info(2, tmp_path) == ("0b0e:24b8", "1.19")  # bcdDevice is binary-coded decimal
    assert _usb_info(3, tmp_path) == (None, None)


def test_query_portaudio_reads_ids_for_alsa_card_names(tmp_path: Path) -> None:
    class FakeSd:  # the PortAudio answer a seat with a USB Jabra gives; the sysfs part is real file reading
        default = type("D", (), {"device": (0, 0)})()

        @staticmethod
        def query_devices() -> list[dict[str, object]]:
            return [{"name": "Jabra Evolve2 65: USB Audio (hw:2,0)", "hostapi": 0, "max_input_channels": 1,
                     "max_output_channels": 2, "default_samplerate": 48000.0}]  # fmt: skip

        @staticmethod
        def query_hostapis() -> list[dict[str, object]]:
            return [{"name": "ALSA"}]

    test_usb_id_and_firmware_from_sysfs(tmp_path)
    inv = query_portaudio(FakeSd, sysroot=tmp_path)
    if not sys.platform.startswith("linux"):
        pytest.skip("sysfs is Linux only")
    assert (inv.devices[0].usb_id, inv.devices[0].firmware, inv.default_input) == ("0b0e:24b8", "1.19", 0)


def test_devices_from_inventory_and_bad_inventory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inv = tmp_path / "seat.json"
    inv.write_text(json.dumps([{"name": "Poly BT700 Mono", "index": 3, "max_input_channels": 1}]))
    assert main(["devices", "--from", str(inv), "--policy", str(tmp_path / "none.toml")]) == 0
    out = capsys.readouterr().out
    assert "[3] Poly BT700 Mono" in out and "profile poly-voyager" in out
    inv.write_text("{not json")
    assert main(["devices", "--from", str(inv)]) == 2
    assert "not a device inventory" in capsys.readouterr().err


def test_plan_seat_for_the_live_source() -> None:
    from device.audio.settings import AudioSettings
    from device.hwinfo import Inventory, plan_seat
    from device.profiles import DeviceInfo, load_profiles

    profiles = load_profiles([ROOT / "firmware_profiles"])
    monitor = DeviceInfo("Monitor of Built-in Audio Analog Stereo", index=0, max_input_channels=2)
    laptop = DeviceInfo("Built-in Audio Analog Stereo", index=1, max_input_channels=2)
    jabra = DeviceInfo("Jabra Engage 75 Mono", index=2, max_input_channels=1)
    inv = Inventory([monitor, laptop, jabra], default_input=0)  # a monitor as default input is skipped
    seat = plan_seat(AudioSettings(), inv, profiles, platform="linux")
    assert seat.mic == laptop and seat.match and seat.match.profile.name == "builtin-laptop"
    assert seat.far_end and seat.far_end.device == monitor
    seat = plan_seat(AudioSettings(mic_device="engage"), inv, profiles, platform="linux")
    assert seat.mic == jabra and seat.match and seat.match.profile.name == "jabra-engage"
    forced = plan_seat(AudioSettings(mic_device="engage", profile="generic"), inv, profiles, platform="linux")
    assert forced.match and forced.match.profile.name == "generic" and "forced" in forced.match.why
    missing = plan_seat(AudioSettings(mic_device="voyager"), inv, profiles, platform="linux")
    assert missing.mic is None and "matches no input" in (missing.problem or "")
    assert "no audio input devices" in (plan_seat(AudioSettings(), Inventory([]), profiles).problem or "")
