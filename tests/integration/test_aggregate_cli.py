"""``lugn aggregate`` takes k from the policy file unless told, refuses a k below the floor, and refuses to
run
without a list of teams (a team nobody configured must never get a summary)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _aggregate(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    args = ["--broker", "mqtts://127.0.0.1:9", "--state", str(tmp_path / "agg.sqlite3"), "--duration", "0.3"]
    if "--config" not in extra and "--no-teams" not in extra:
        args += ["--teams", "s/t"]
    extra = tuple(e for e in extra if e != "--no-teams")
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


def test_teams_are_required_and_the_config_file_is_strict(tmp_path: Path) -> None:
    proc = _aggregate(tmp_path, "--no-teams")
    assert proc.returncode == 2 and "no teams configured" in proc.stderr
    bad = tmp_path / "aggregator.toml"
    bad.write_text('k = 5\ngrace = 3\n[teams]\nmalmo = ["Support 1"]\n')
    proc = _aggregate(tmp_path, "--config", str(bad))
    assert proc.returncode == 2 and "aggregator.toml:2" in proc.stderr and "grace" in proc.stderr
    good = tmp_path / "good.toml"
    good.write_text('k = 7\nbucket_s = 300\n[teams]\nmalmo = ["support-1"]\n')
    proc = _aggregate(tmp_path, "--config", str(good))
    assert proc.returncode == 0, proc.stderr
    assert (
        "k = 7 from the policy" in proc.stderr
        and "1 team(s) in 1 site(s), k = 7, bucket 300 s" in proc.stderr
    )
