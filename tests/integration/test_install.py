"""deploy/linux/install.sh into a throwaway root: a working ``lugn doctor``, valid units, and an uninstall
that leaves nothing but the policy.

The venv reuses the dev venv's packages (``--deps-from-venv``) so the test takes seconds and needs no network;
Lugn itself is built into a wheel and installed for real, and runs from the installed copy, not the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "deploy" / "linux"
DEV_VENV = Path(sys.prefix)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux installer")


def sh(
    *args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300
    )


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() or p.is_symlink()}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("root")
    policy = root.parent / "site-policy.toml"
    policy.write_text('[ui]\nlanguage = "sv"\nkiosk = true\n[locks]\nsettings = ["coach"]\n')
    proc = sh(
        LINUX / "install.sh", "--root", root, "--no-apt", "--deps-from-venv", DEV_VENV,
        "--autostart", "systemd", "--aggregator", "--policy", policy,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "lugn 0.1.0 installed" in proc.stdout
    return root


def test_layout_and_manifest(installed: Path) -> None:
    files = tree(installed)
    for path in (
        "opt/lugn/bin/lugn",
        "usr/local/bin/lugn",
        "etc/lugn/policy.toml",
        "usr/lib/systemd/user/lugn-agent.service",
        "etc/systemd/user/graphical-session.target.wants/lugn-agent.service",
        "etc/systemd/system/lugn-aggregator.service",
        "opt/lugn/firmware_profiles/jabra-evolve2.toml",
        "opt/lugn/uninstall.sh",
    ):
        assert path in files, path
    assert oct(os.stat(installed / "etc/lugn/policy.toml").st_mode & 0o777) == "0o644"
    manifest = (installed / "opt/lugn/share/installed-files.txt").read_text().split()
    assert "/usr/local/bin/lugn" in manifest and "/etc/lugn/policy.toml" not in manifest
    unit = (installed / "usr/lib/systemd/user/lugn-agent.service").read_text()
    assert f"ExecStart={installed}/opt/lugn/bin/lugn run" in unit and "@PREFIX@" not in unit


def test_installed_doctor_works_from_the_installed_copy(installed: Path, tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LUGN_POLICY": str(installed / "etc/lugn/policy.toml"),
        "LUGN_USER_SETTINGS": str(tmp_path / "settings.toml"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    where = sh(
        installed / "opt/lugn/venv/bin/python",
        "-c",
        "import device; print(device.__file__)",
        env=env,
        cwd=tmp_path,
    )
    assert where.stdout.startswith(str(installed / "opt/lugn/venv")), where
    proc = sh(installed / "usr/local/bin/lugn", "doctor", "--json", env=env, cwd=tmp_path)
    report = json.loads(proc.stdout)
    checks = {c["id"]: c for c in report["checks"]}
    assert proc.returncode == report["exit_code"] == 2  # no sound card on the build machine
    assert checks["policy"]["status"] == "ok" and checks["policy"]["details"]["policy_found"]
    assert "coach.tips_enabled" in checks["policy"]["details"]["locked"]
    assert checks["profiles"]["status"] == "ok"
    assert str(installed / "opt/lugn/firmware_profiles") in checks["profiles"]["details"]["dirs"]
    assert checks["model.tone"]["status"] == checks["model.silero_vad"]["status"] == "ok"
    assert "site-packages/device/models" in checks["model.tone"]["details"]["manifest"]
    site = next((installed / "opt/lugn/venv/lib").glob("python3*/site-packages"))
    assert (site / "ui/i18n/agent_sv.qm").is_file()  # translations travel with the package
    assert checks["kiosk"]["status"] == "warn"  # kiosk without an exit PIN
    assert checks["audio"]["status"] == "fail"


def test_units_and_desktop_entry_validate(installed: Path, tmp_path: Path) -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze not installed")
    for unit in ("usr/lib/systemd/user/lugn-agent.service", "etc/systemd/system/lugn-aggregator.service"):
        proc = sh("systemd-analyze", "verify", installed / unit)
        noise = [ln for ln in proc.stderr.splitlines() if unit.rsplit("/", 1)[1] in ln]
        assert proc.returncode == 0 and not noise, proc.stderr
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate not installed (apt-get install desktop-file-utils)")
    desktop = tmp_path / "lugn.desktop"
    desktop.write_text((LINUX / "lugn-agent.desktop.in").read_text().replace("@PREFIX@", "/opt/lugn"))
    proc = sh("desktop-file-validate", desktop)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout


def test_reinstall_switches_autostart_and_uninstall_keeps_only_the_policy(installed: Path) -> None:
    """Runs last in this module: reinstall with XDG autostart and no aggregator, then uninstall."""
    policy_before = (installed / "etc/lugn/policy.toml").read_text()
    args = ("--root", installed, "--no-apt", "--deps-from-venv", DEV_VENV)
    proc = sh(LINUX / "install.sh", *args, "--policy", LINUX / "install.sh")
    assert proc.returncode == 0, proc.stderr
    assert "keeping the existing" in proc.stdout  # the site policy is never replaced
    files = tree(installed)
    assert "etc/xdg/autostart/lugn.desktop" in files
    assert "usr/lib/systemd/user/lugn-agent.service" not in files  # one autostart per machine
    assert "etc/systemd/system/lugn-aggregator.service" not in files
    proc = sh(installed / "opt/lugn/uninstall.sh", "--root", installed)
    assert proc.returncode == 0, proc.stderr
    assert tree(installed) == {"etc/lugn/policy.toml"}
    assert {p.name for p in installed.iterdir()} == {"etc"}
    assert (installed / "etc/lugn/policy.toml").read_text() == policy_before
