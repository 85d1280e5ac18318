"""The Ansible role: syntax check, then a real run on localhost into a throwaway root (via install.sh)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ANSIBLE = ROOT / "deploy" / "ansible"

pytestmark = pytest.mark.skipif(
    shutil.which("ansible-playbook") is None,
    reason="ansible-core not installed (scripts/bootstrap.sh installs it)",
)


def playbook(*args: str | Path, inventory: Path) -> subprocess.CompletedProcess[str]:
    cmd = ["ansible-playbook", "-i", str(inventory), str(ANSIBLE / "playbook.yml"), *map(str, args)]
    env = {
        "PATH": "/usr/bin:/bin:/usr/local/bin",
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_RETRY_FILES_ENABLED": "0",
        "HOME": str(inventory.parent),
        "ANSIBLE_LOCAL_TEMP": str(inventory.parent / "ansible-tmp"),
    }
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)


def test_syntax_check() -> None:
    proc = playbook("--syntax-check", inventory=ANSIBLE / "inventory.example.ini")
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow  # two playbook runs, ~60 s on 2 busy cores
def test_role_installs_into_a_staged_root_and_is_idempotent(tmp_path: Path) -> None:
    inventory = tmp_path / "inventory.ini"
    inventory.write_text(
        "[lugn_agents]\nlocalhost ansible_connection=local "
        f"ansible_python_interpreter={sys.executable} ansible_become=false\n"
    )
    policy = tmp_path / "policy.toml"
    policy.write_text('[ui]\nlanguage = "fi"\n')
    root = tmp_path / "root"
    tarball = tmp_path / "lugn-release.tar.gz"  # the working tree, as a release tarball would hold it
    subprocess.run(
        ["tar", "czf", tarball, "--exclude=__pycache__", "--exclude=training/cache",
         "--exclude=training/runs", "--transform", "s,^,lugn/,", "pyproject.toml", "README.md", "device",
         "lugn", "ui", "fleet", "training", "firmware_profiles", "deploy"],
        cwd=ROOT, check=True, timeout=60,
    )  # fmt: skip
    extra = [
        "-e",
        f"lugn_root={root}",
        "-e",
        f"lugn_deps_from_venv={sys.prefix}",
        "-e",
        "lugn_install_apt=false",
        "-e",
        f"lugn_policy_src={policy}",
        "-e",
        "lugn_autostart=systemd",
    ]
    first = playbook(*extra, inventory=inventory)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-2000:]
    assert (root / "opt/lugn/bin/lugn").is_file()
    assert (root / "usr/lib/systemd/user/lugn-agent.service").is_file()
    assert (root / "etc/lugn/policy.toml").read_text() == policy.read_text()
    assert "Doctor summary" in first.stdout and "'fail':" in first.stdout
    second = playbook(*extra, inventory=inventory)
    assert second.returncode == 0
    recap = next(line for line in second.stdout.splitlines() if line.startswith("localhost"))
    assert "changed=0" in recap, recap  # nothing re-installed when nothing changed
    report = subprocess.run(
        [str(root / "opt/lugn/bin/lugn"), "doctor", "--json", "--policy", str(root / "etc/lugn/policy.toml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert json.loads(report.stdout)["checks"][0]["details"]["policy_found"]
