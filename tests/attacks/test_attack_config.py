"""k as IT set it, whatever the command line (red team after issue #11).

The shipped systemd unit runs ``lugn aggregate ... --k ${LUGN_K} --config /etc/lugn/aggregator.toml`` with
``LUGN_K=5`` in aggregator.env, and ``--k`` used to win over everything: IT raising k to 8 in aggregator.toml
(its comment says so) or to 9 with the seat policy's ``metrics.k_min`` (the instructions for use: higher for
small teams) still got figures from 5 devices. Now ``--k`` can raise k, never lower it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _k(tmp_path: Path, *args: str) -> str:
    cmd = [sys.executable, "-m", "lugn", "aggregate", "--broker", "mqtts://127.0.0.1:9", "--duration", "0.3"]
    cmd += ["--state", str(tmp_path / "agg.sqlite3"), *args]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LUGN_POLICY": str(tmp_path / "none.toml")}
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stderr


def test_the_command_line_cannot_lower_the_k_it_configured(tmp_path: Path) -> None:
    config = tmp_path / "aggregator.toml"
    config.write_text('k = 8\n[teams]\nmalmo = ["support-1"]\n')
    assert ", k = 8, bucket" in _k(tmp_path, "--config", str(config), "--k", "5")  # as the unit runs it
    policy = tmp_path / "policy.toml"
    policy.write_text("[metrics]\nk_min = 9\n")
    assert ", k = 9, bucket" in _k(tmp_path, "--config", str(config), "--k", "5", "--policy", str(policy))
    assert ", k = 12, bucket" in _k(tmp_path, "--config", str(config), "--k", "12")  # raising is fine
