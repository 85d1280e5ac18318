"""``lugn simulate`` end to end, small: a device account per seat, TLS, the trial broker, the aggregator as a
subprocess; nothing lost, and teams of >= 5 seats get final summaries with figures."""

from __future__ import annotations

import json
import re

import pytest

from lugn.cli import main

pytestmark = [pytest.mark.broker, pytest.mark.slow]


def test_simulate_small_fleet_loses_nothing_and_shows_figures(
    tmp_path, capsys, broker
) -> None:  # broker: skip
    rc = main(
        [
            "simulate",
            "--devices", "30",
            "--rate", "60",
            "--duration", "3",
            "--team-size", "10",
            "--bucket-s", "10",
            "--grace-s", "2",
            "--workdir", str(tmp_path),
            "--dump", str(tmp_path / "dump.csv"),
            "--json",
        ]
    )  # fmt: skip
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    assert "connected 30/30 seats" in captured.err
    row = re.search(r"^\s+30\s+60\s+\d+\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s", captured.err, re.M)
    assert row, captured.err
    sent, acked, received, lost = map(int, row.groups())
    assert sent == 90 and acked == sent and received == sent and lost == 0
    report = json.loads(captured.out.strip().splitlines()[-1])  # stdout: exactly one JSON object
    assert report["teams"] == 3 and report["teams_with_figures"] == 3
    (step,) = report["steps"]
    assert step["outcomes"] == {"accepted": 90} and step["lost"] == 0
    assert report["calls_in_figures"] > 0 and report["final_buckets"] >= 3
    lines = (tmp_path / "dump.csv").read_text().splitlines()
    assert len(lines) == 91 and all(line.split(",")[3] for line in lines[1:])
