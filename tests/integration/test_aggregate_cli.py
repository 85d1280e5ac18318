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


def test_the_shipped_systemd_unit_and_example_config_fit_the_command(tmp_path: Path) -> None:
    """The unit's ExecStart uses only options ``lugn aggregate`` has, and the example config is valid."""
    import shlex

    from fleet.policy import load_policy
    from lugn.cli import build_parser

    unit = (ROOT / "deploy" / "linux" / "lugn-aggregator.service.in").read_text()
    exec_start = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    argv = shlex.split(exec_start.removeprefix("ExecStart="))[1:]  # after @PREFIX@/bin/lugn
    env = dict(
        line.split("=", 1)
        for line in (ROOT / "deploy" / "linux" / "aggregator.env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )
    env.update(CREDENTIALS_DIRECTORY="/run/credentials", STATE_DIRECTORY="/var/lib/lugn-aggregator")
    argv = [a.replace("${", "{").format(**env) for a in argv]
    args = build_parser().parse_args(argv)
    assert args.command == "aggregate" and str(args.config) == "/etc/lugn/aggregator.toml"
    assert load_policy(ROOT / "deploy" / "linux" / "aggregator.example.toml").team_pairs()
