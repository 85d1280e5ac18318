"""``lugn broker``, the trial broker as IT starts it: one JSON line, shipped template, runs until stopped."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.conftest import Probe

pytestmark = pytest.mark.broker
ROOT = Path(__file__).resolve().parents[2]
ARGS = [sys.executable, "-m", "lugn", "broker", "--devices", "7", "--mtls", "1"]


def test_lugn_broker_prints_one_json_line_and_serves_until_stopped(tmp_path, broker) -> None:  # broker: skip
    proc = subprocess.Popen(
        [*ARGS, "--workdir", str(tmp_path / "b")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        info = json.loads(proc.stdout.readline())
        assert set(info["ports"]) == {"devices", "devices_mtls", "backend"}
        creds = info["credentials"]
        assert {"lugn-aggregator", "supervisor", "it-monitor"} <= set(creds)
        devices = [d["account"] for d in info["devices"]]
        assert devices == [f"dev-{i:04d}" for i in range(1, 8)] and set(devices) <= set(creds)
        assert {d["team"] for d in info["devices"]} == {"team-000", "team-001"}  # teams of 5
        assert all(Path(p).stat().st_mode & 0o777 == 0o600 for p in creds.values())
        assert "crlfile" in Path(info["conf_file"]).read_text()
        assert Path(info["ca_file"]).is_file() and list(info["client_certs"]) == ["dev-0001"]
        assert "team-000" in Path(info["aggregator_config"]).read_text()
        pw = Path(creds["dev-0003"]).read_text().strip()
        p = Probe(info["urls"]["devices"], "dev-0003", pw, info["ca_file"], client_id="anything")
        assert p.connect() == 0
        topic = "lugn/v1/trial/team-000/contrib/dev-0003"
        assert p.publish(topic, b"{}") < 0x80 and p.publish(topic.replace("0003", "0004"), b"{}") == 0x87
        p.close()
        assert proc.poll() is None  # runs until stopped
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
