"""``lugn doctor --json`` against real files, real PortAudio, real Mosquitto (TLS + passwords), a real outbox.

Headsets cannot be plugged in here, so the far-end cases use a device inventory (the JSON that
``lugn devices --json`` writes on a real seat); the real PortAudio path (no sound card) is checked as well.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from device.inference.models import default_models_dir
from devkit.broker import TrialBroker, free_port
from lugn.cli import main

ROOT = Path(__file__).resolve().parents[2]


def doctor(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main(["doctor", "--json", *args])
    report = json.loads(capsys.readouterr().out)
    assert report["exit_code"] == code
    return code, report


def check(report: dict[str, Any], check_id: str) -> dict[str, Any]:
    hits = [c for c in report["checks"] if c["id"] == check_id]
    assert len(hits) == 1, [c["id"] for c in report["checks"]]
    return hits[0]


@pytest.fixture
def seat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated seat: own policy/user paths and state folder; an inventory with a Jabra and its monitor."""
    monkeypatch.setenv("LUGN_POLICY", str(tmp_path / "policy.toml"))
    monkeypatch.setenv("LUGN_USER_SETTINGS", str(tmp_path / "settings.toml"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # no onnxruntime leftovers of this machine
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    devices = [
        {"name": "Jabra Evolve2 65 Mono", "index": 0, "hostapi": "PulseAudio", "max_input_channels": 1},
        {
            "name": "Monitor of Jabra Evolve2 65 Stereo",
            "index": 1,
            "hostapi": "PulseAudio",
            "max_input_channels": 2,
        },
    ]
    (tmp_path / "seat.json").write_text(json.dumps({"devices": devices}))
    (tmp_path / "no-monitor.json").write_text(json.dumps({"devices": devices[:1]}))
    return tmp_path


def test_healthy_seat_without_publishing_exits_0(seat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = doctor(capsys, "--devices-from", str(seat / "seat.json"))
    assert code == 0, [c for c in report["checks"] if c["status"] != "ok"]
    assert check(report, "audio")["details"]["profile"] == "jabra-evolve2"
    assert "Monitor of Jabra" in check(report, "far_end")["message"]
    assert check(report, "model.tone")["status"] == "ok"
    assert check(report, "broker")["status"] == "info"


def test_broken_model_hash(seat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    models = seat / "models"
    shutil.copytree(default_models_dir(), models)
    data = bytearray((models / "tone.onnx").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (models / "tone.onnx").write_bytes(bytes(data))
    code, report = doctor(capsys, "--devices-from", str(seat / "seat.json"), "--models-dir", str(models))
    assert code == 2
    bad = check(report, "model.tone")
    assert (
        bad["status"] == "fail" and "fails its hash check" in bad["message"] and "tone.onnx" in bad["message"]
    )
    assert check(report, "model.silero_vad")["status"] == "ok"


def test_missing_far_end_source(seat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = doctor(capsys, "--devices-from", str(seat / "no-monitor.json"))
    assert code == 2
    far = check(report, "far_end")
    assert far["status"] == "fail"
    assert far["message"].startswith("far-end source missing: no monitor/loopback input")
    assert check(report, "audio")["status"] == "ok"


def test_real_portaudio_without_sound_card(seat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sounddevice as sd

    if any(d["max_input_channels"] > 0 for d in sd.query_devices()):
        pytest.skip("this machine has a capture device")
    code, report = doctor(capsys)
    assert code == 2
    assert "found no audio input devices" in check(report, "audio")["message"]
    assert "no microphone device" in check(report, "far_end")["message"]


def write_policy(seat: Path, url: str, ca: str, extra: str = "") -> None:
    (seat / "policy.toml").write_text(
        f'[metrics]\nenabled = true\nbroker_url = "{url}"\nca_file = "{ca}"\n{extra}', encoding="utf-8"
    )


def test_missing_broker(seat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_policy(seat, f"mqtts://127.0.0.1:{free_port()}", str(ROOT / "pyproject.toml"))
    code, report = doctor(capsys, "--devices-from", str(seat / "seat.json"), "--timeout-s", "2")
    assert code == 2
    broker = check(report, "broker")
    assert (
        broker["status"] == "fail" and "unreachable" in broker["message"] and "refused" in broker["message"]
    )


def test_broker_ok_bad_password_bad_ca(
    seat: Path, capsys: pytest.CaptureFixture[str], broker: TrialBroker
) -> None:
    if broker.proc is None or broker.proc.poll() is not None:
        broker.start()
    pw = seat / "broker-password"
    pw.write_text(broker.passwords["s1-t1-00"] + "\n")
    os.chmod(pw, 0o600)
    creds = f'username = "s1-t1-00"\ncredentials = "file"\npassword_file = "{pw}"\n'
    write_policy(seat, broker.device_url(), broker.ca_file, creds)
    code, report = doctor(capsys, "--devices-from", str(seat / "seat.json"))
    assert check(report, "broker")["status"] == "ok", check(report, "broker")
    assert "password file" in check(report, "credentials")["message"]
    assert code == 0

    pw.write_text("wrong-password\n")
    code, report = doctor(capsys, "--devices-from", str(seat / "seat.json"))
    assert code == 2 and "refused the login" in check(report, "broker")["message"]

    os.chmod(pw, 0o644)
    code, report = doctor(capsys, "--devices-from", str(seat / "seat.json"))
    assert (
        check(report, "credentials")["status"] == "fail"
        and "chmod 600" in check(report, "credentials")["message"]
    )

    os.chmod(pw, 0o600)
    pw.write_text(broker.passwords["s1-t1-00"] + "\n")
    other_ca = seat / "other-ca.pem"
    other_ca.write_text(Path(broker.ca_file).parent.joinpath("server.crt").read_text())  # not the CA
    write_policy(seat, broker.device_url(), str(other_ca), creds)
    code, report = doctor(capsys, "--devices-from", str(seat / "seat.json"))
    assert code == 2 and "does not verify" in check(report, "broker")["message"]


def test_outbox_backlog_and_broken_policy(seat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from device.metrics.outbox import Outbox

    box = Outbox(seat / "state" / "lugn" / "metrics-outbox.sqlite3")
    for i in range(3):
        box.put("lugn/v1/x", b"{}", f"m{i}")
    box.close()
    (seat / "policy.toml").write_text("[metrics]\nenabled = true\nk_min = 2\n")
    code, report = doctor(capsys, "--devices-from", str(seat / "seat.json"))
    assert check(report, "outbox")["details"]["pending"] == 3
    pol = check(report, "policy")
    assert (
        code == 2 and pol["status"] == "fail" and f"{seat / 'policy.toml'}:3: metrics.k_min" in pol["message"]
    )
    assert check(report, "broker")["message"].startswith("publishing is off (safe state)")


def test_exit_code_and_text_report_from_a_real_process(seat: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = [sys.executable, "-m", "lugn", "doctor", "--devices-from", str(seat / "no-monitor.json")]
    proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "FAIL  far_end" in proc.stdout and "NOT working on this seat (exit 2)" in proc.stdout


def test_keyring_missing_and_writable_policy(seat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import keyring

    if not type(keyring.get_keyring()).__module__.endswith("fail"):
        pytest.skip("this machine has an OS keyring")
    write_policy(
        seat, f"mqtts://127.0.0.1:{free_port()}", str(ROOT / "pyproject.toml"), 'credentials = "keyring"\n'
    )
    os.chmod(seat / "policy.toml", 0o666)
    code, report = doctor(capsys, "--devices-from", str(seat / "seat.json"), "--timeout-s", "1")
    creds = check(report, "credentials")
    assert code == 2 and creds["status"] == "fail" and "no OS keyring (NoKeyringError" in creds["message"]
    assert "writable by group/others (mode 666)" in check(report, "policy_file")["message"]
    os.chmod(seat / "policy.toml", 0o644)
    _, report = doctor(capsys, "--devices-from", str(seat / "seat.json"), "--timeout-s", "1")
    assert not [c for c in report["checks"] if c["id"] == "policy_file"]


def test_autostart_check(tmp_path: Path) -> None:
    from lugn.commands._doctor_checks import AUTOSTART_UNIT, AUTOSTART_XDG, check_autostart

    assert check_autostart(tmp_path).status == "info"
    (tmp_path / AUTOSTART_XDG).parent.mkdir(parents=True)
    (tmp_path / AUTOSTART_XDG).write_text("[Desktop Entry]\n")
    assert check_autostart(tmp_path).status == "ok"
    (tmp_path / AUTOSTART_UNIT).parent.mkdir(parents=True)
    (tmp_path / AUTOSTART_UNIT).symlink_to("/usr/lib/systemd/user/lugn-agent.service")  # dangling, as staged
    both = check_autostart(tmp_path)
    assert both.status == "warn" and "starts twice" in both.message


def test_no_profiles_found_is_a_warning(seat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = seat / "no-profiles"
    empty.mkdir()
    code, report = doctor(capsys, "--devices-from", str(seat / "seat.json"), "--profiles-dir", str(empty))
    assert code == 1 and "no headset profiles found" in check(report, "profiles")["message"]
    assert check(report, "audio")["details"]["profile"] == "builtin-generic"


def test_notice_off_is_a_warning(seat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inv = str(seat / "seat.json")
    code, report = doctor(capsys, "--devices-from", inv)
    assert code == 0 and check(report, "caller_notice")["details"]["mode"] == "agent"  # no policy: it asks
    (seat / "policy.toml").write_text(
        '[notice]\nmode = "off"\noff_statement = "notice_given_elsewhere"\n'
        'off_detail = "customer contract §7"\n'
    )
    code, report = doctor(capsys, "--devices-from", inv)
    notice = check(report, "caller_notice")
    assert code == 1 and notice["status"] == "warn"
    assert (
        "caller notice OFF" in notice["message"]
        and "callers are told elsewhere (customer contract §7)" in (notice["message"])
    )
    (seat / "policy.toml").write_text('[notice]\nmode = "off"\n')  # no statement: refused, the seat asks
    code, report = doctor(capsys, "--devices-from", inv)
    assert check(report, "policy")["status"] == "fail" and check(report, "caller_notice")["status"] == "ok"
    (seat / "policy.toml").write_text("[tone]\nenabled = false\n")
    code, report = doctor(capsys, "--devices-from", inv)
    assert (
        check(report, "tone_analysis")["status"] == "info"
        and "OFF for this site" in (check(report, "tone_analysis")["message"])
    )


def test_doctor_shows_the_operation_log(seat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from device.oplog import OperationLog, OplogSettings, default_log_dir

    inv = str(seat / "seat.json")
    code, report = doctor(capsys, "--devices-from", inv)
    log = check(report, "operation_log")
    assert log["status"] == "ok" and "empty so far" in log["message"]
    assert log["details"]["path"] == str(default_log_dir() / "operation.log")
    assert not default_log_dir().exists()  # the doctor looks, it does not create
    OperationLog(OplogSettings()).write({"event": "start"})
    code, report = doctor(capsys, "--devices-from", inv)
    log = check(report, "operation_log")
    size = (default_log_dir() / "operation.log").stat().st_size
    assert log["details"]["bytes"] == size > 0 and log["details"]["files"] == 1
    assert log["details"]["retention_days"] == 183 and str(default_log_dir()) in log["message"]
    (seat / "policy.toml").write_text("[oplog]\nenabled = false\nretention_days = 30\n")
    code, report = doctor(capsys, "--devices-from", inv)
    assert code == 1 and check(report, "operation_log")["status"] == "warn"
