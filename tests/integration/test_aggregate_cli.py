"""``lugn aggregate`` takes k from the policy file unless told, and refuses a k below the floor."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _aggregate(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    args = ["--broker", "mqtts://127.0.0.1:9", "--state", str(tmp_path / "agg.sqlite3"), "--duration", "0.3"]
    return subprocess.run(
        [sys.executable, "-m", "lugn", "aggregate", *args, *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LUGN_POLICY": str(tmp_path / "none.toml")},
    )


def test_k_comes_from_the_policy(tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("[metrics]\nk_min = 8\n")
    proc = _aggregate(tmp_path, "--policy", str(policy))
    assert proc.returncode == 0, proc.stderr
    assert "k = 8 from the policy" in proc.stderr
    # no policy file at all: the built-in default (5)
    proc = _aggregate(tmp_path)
    assert proc.returncode == 0 and "k = 5 from the policy" in proc.stderr


def test_a_k_below_the_floor_is_refused(tmp_path: Path) -> None:
    proc = _aggregate(tmp_path, "--k", "3")
    assert proc.returncode == 2
    assert "below the floor of 5" in proc.stderr
    assert not (tmp_path / "agg.sqlite3").exists()
