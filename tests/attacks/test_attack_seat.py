"""Attack 9: local attacks on a seat (no broker needed).

Before the fix: ``LUGN_POLICY=~/mine.toml`` (or a path that does not exist) silently dropped every IT lock,
the kiosk lock and the metrics settings; with ``XDG_RUNTIME_DIR`` unset another local user who pre-created
``/tmp/lugn-<uid>`` received the victim's ``lugn call ...`` commands and answered them. (The kiosk PIN lockout
and the PIN hash are tested in tests/ui/test_agent_kiosk.py and tests/unit/test_policy.py.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from device import control, policysource
from device.control import ControlError, ControlServer, send
from device.metrics.anonymise import Anonymiser
from device.metrics.outbox import Outbox
from device.policy import load_effective
from devkit.broker import BrokerUnavailable, TrialBroker, find_mosquitto
from lugn.commands._doctor_checks import check_policy

SYSTEM = """
[metrics]
enabled = true
broker_url = "mqtts://broker.example:8883"
site = "malmo"
team = "support-1"
[ui]
kiosk = true
[coach]
tips_enabled = false
[locks]
settings = ["coach"]
"""


@pytest.fixture
def system_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "etc" / "policy.toml"
    path.parent.mkdir()
    path.write_text(SYSTEM)
    monkeypatch.setattr(policysource, "system_policy_path", lambda: path)
    monkeypatch.delenv("LUGN_POLICY", raising=False)
    return path


def test_an_environment_variable_or_own_file_cannot_lift_it_locks(
    system_policy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text("[coach]\ntips_enabled = true\n[metrics]\nenabled = false\n")
    user = tmp_path / "settings.toml"
    user.write_text("[coach]\ntips_enabled = true\n[ui]\nkiosk = false\n")
    for requested in (str(mine), str(tmp_path / "does-not-exist.toml")):
        monkeypatch.setenv("LUGN_POLICY", requested)
        eff = load_effective(user_path=user)
        assert eff.policy_path == system_policy
        assert eff.config.ui.kiosk and eff.config.metrics.enabled and not eff.config.coach.tips_enabled
        assert {"coach.tips_enabled", "ui.kiosk", "metrics.enabled"} <= eff.locked
        assert any(f"{requested} (LUGN_POLICY) ignored" in p for p in eff.problems)
        assert check_policy(eff)[0].status == "warn"  # lugn doctor shows it
    monkeypatch.delenv("LUGN_POLICY")
    eff = load_effective(mine, user)  # --policy on a command line: the same rule
    assert eff.policy_path == system_policy and eff.config.ui.kiosk


def test_a_developer_override_needs_the_system_policy_and_shows_in_doctor(
    system_policy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_policy.write_text(SYSTEM + "[developer]\nallow_policy_override = true\n")
    mine = tmp_path / "mine.toml"
    mine.write_text("[coach]\ntips_enabled = true\n")
    monkeypatch.setenv("LUGN_POLICY", str(mine))
    eff = load_effective(user_path=tmp_path / "none.toml")
    assert eff.policy_path == mine and eff.config.coach.tips_enabled and not eff.config.ui.kiosk
    (doctor,) = check_policy(eff)
    assert doctor.status == "warn" and "developer override" in doctor.message and str(mine) in doctor.message
    system_policy.unlink()  # no system policy at all (a developer's or CI machine): LUGN_POLICY as before
    eff = load_effective(user_path=tmp_path / "none.toml")
    assert eff.policy_path == mine and eff.problems == []


ATTACKER = """
import json, os, socket, sys
os.makedirs(sys.argv[1], mode=0o777, exist_ok=True)
os.chmod(sys.argv[1], 0o777)
s = socket.socket(socket.AF_UNIX)
s.bind(os.path.join(sys.argv[1], "control.sock"))
os.chmod(os.path.join(sys.argv[1], "control.sock"), 0o777)
s.listen(1)
print("ready", flush=True)
s.settimeout(5)
try:
    c, _ = s.accept()
    print("GOT", c.recv(100).decode().strip(), flush=True)
    c.sendall(json.dumps({"ok": True, "status": {"owned": "by the attacker"}}).encode() + b"\\n")
except OSError:
    print("nothing", flush=True)
"""


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A world-writable, sticky folder like /tmp that another uid can reach (pytest's tmp_path is 0700)."""
    path = Path(tempfile.mkdtemp(prefix="lugn-attack-", dir="/tmp"))
    os.chmod(path, 0o1777)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_a_pre_created_runtime_folder_of_another_user_is_refused(
    shared_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.delenv("LUGN_CONTROL", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(shared_tmp))
    victim_dir = shared_tmp / f"lugn-{os.getuid()}"
    assert control.default_address() == victim_dir / "control.sock"
    other_uid = 4242 if os.getuid() == 0 else None  # as root we can be "another local user" for real
    python = (
        "/usr/bin/python3" if other_uid is not None and Path("/usr/bin/python3").exists() else sys.executable
    )
    attacker = subprocess.Popen(
        [python, "-c", ATTACKER, str(victim_dir)],
        stdout=subprocess.PIPE,
        text=True,
        user=other_uid,
    )
    try:
        assert attacker.stdout is not None and attacker.stdout.readline().strip() == "ready"
        with pytest.raises(ControlError, match=r"refusing|not your"):
            send("call start")  # ``lugn call start`` of the victim: refused, nothing sent
        with pytest.raises(ControlError, match="refusing"):
            ControlServer(_Target()).start()  # the victim's agent does not serve there either
    finally:
        attacker.terminate()
        out = attacker.communicate(timeout=10)[0]
    assert "GOT" not in out  # (not root: the attacker's folder is open to others rather than another uid's)


def test_the_own_private_folder_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.delenv("LUGN_CONTROL", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    server = ControlServer(_Target())
    server.start()
    try:
        assert send("status")["status"] == {"fine": True}
        st = server.address.parent.stat()
        assert st.st_uid == os.getuid() and st.st_mode & 0o777 == 0o700
        assert server.address.stat().st_mode & 0o777 == 0o600
    finally:
        server.stop()
    link = tmp_path / "elsewhere"
    link.mkdir(mode=0o700)
    server.address.parent.rmdir()
    server.address.parent.symlink_to(link)  # a link planted where the folder goes: refused
    with pytest.raises(ControlError, match="not a directory"):
        ControlServer(_Target()).start()


class _Target:
    def call_start(self) -> bool:
        return True

    def call_end(self) -> bool:
        return True

    def pause(self) -> bool:
        return True

    def resume(self) -> bool:
        return True

    def status(self) -> dict[str, object]:
        return {"fine": True}


READER = """
import sys
try:
    print("READ", len(open(sys.argv[1], "rb").read()), flush=True)
except OSError as exc:
    print("DENIED", type(exc).__name__, flush=True)
"""


def test_another_local_user_cannot_read_the_agents_outbox(shared_tmp: Path) -> None:
    """Red team after #11: the outbox holds THIS agent's counts per bucket (acknowledged rows for a
    minute, unsent ones for up to 7 days). Before: ``metrics-outbox.sqlite3`` was created 0644 in a 0755
    folder, so on a shared seat (hot desk, a supervisor's login on the same PC) another user read one agent's
    numbers."""
    home = shared_tmp / "agent-home"
    home.mkdir(mode=0o755)  # a home other users may traverse (Debian's default before 12)
    os.chmod(home, 0o755)
    path = home / ".local" / "state" / "lugn" / "metrics-outbox.sqlite3"
    box = Outbox(path)
    c = Anonymiser("malmo", "t1").contribution(1_800_000_000 // 900 * 900, 900, {"calls": 7})
    box.put("lugn/v1/malmo/t1/contrib/ws-1", c.to_json(), c.message_id)
    try:
        files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
        assert {f.name: f.stat().st_mode & 0o777 for f in files} == {f.name: 0o600 for f in files}
        assert path.parent.stat().st_mode & 0o777 == 0o700
        if os.getuid() == 0:  # as root we can be "another local user" for real
            python = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
            other = subprocess.run(
                [python, "-c", READER, str(path)], capture_output=True, text=True, user=4242, timeout=30
            )
            assert other.stdout.startswith("DENIED"), other.stdout + other.stderr
    finally:
        box.close()
    os.chmod(path, 0o644)  # an outbox an older version left readable is closed again when it is opened
    Outbox(path).close()
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_broker_password_in_the_world_readable_policy_is_not_used(
    system_policy: Path, tmp_path: Path
) -> None:
    """Red team after #11: the system policy is world-readable and the same on every seat, so a
    ``metrics.password`` in it is every seat's: one seat could log in as any device account (its name is the
    asset tag) and pose as k devices. Before, ``lugn doctor`` warned and the password was used anyway."""
    system_policy.write_text(SYSTEM.replace('team = "support-1"', 'team = "support-1"\npassword = "hunter2"'))
    os.chmod(system_policy, 0o644)
    eff = load_effective(user_path=tmp_path / "none.toml")
    assert eff.config.metrics.password is None
    assert any("metrics.password: a secret in a world-readable policy is ignored" in p for p in eff.problems)
    assert check_policy(eff)[0].status == "warn"
    os.chmod(system_policy, 0o640)  # readable by IT and the agents' group only: used
    assert load_effective(user_path=tmp_path / "none.toml").config.metrics.password == "hunter2"


def test_the_trial_broker_refuses_a_workdir_someone_else_prepared(shared_tmp: Path) -> None:
    """Red team after #11: ``lugn broker --workdir /tmp/lugn-trial`` reuses the folder's password files and
    CA. Before: another local user who pre-created that folder (with their own ``credentials/*.pw`` and CA)
    got a trial broker whose every device account they could log in as."""
    if find_mosquitto() is None:
        pytest.skip("mosquitto not installed")
    planted = shared_tmp / "lugn-trial"
    (planted / "credentials").mkdir(parents=True)
    (planted / "credentials" / "dev-0001.pw").write_text("known-to-the-attacker\n")
    os.chmod(planted, 0o777)
    if os.getuid() == 0:
        os.chown(planted, 4242, 4242)  # as root we can make it another user's for real
    with pytest.raises(BrokerUnavailable, match="not a folder of yours"):
        TrialBroker(planted).setup()
    fresh = shared_tmp / "mine" / "lugn-trial"
    b = TrialBroker(fresh)
    b.setup()
    assert fresh.stat().st_mode & 0o777 == 0o700 and b.passwords["dev-0001"] != "known-to-the-attacker"
