"""``lugn simulate`` end to end, small: real accounts, TLS, broker, aggregator subprocess; nothing lost."""

from __future__ import annotations

import re

import pytest

from lugn.cli import main

pytestmark = [pytest.mark.broker, pytest.mark.slow]


def test_simulate_small_fleet_loses_nothing(
    tmp_path, capsys, broker
) -> None:  # broker: skip without mosquitto
    rc = main(
        [
            "simulate",
            "--devices",
            "30",
            "--rate",
            "60",
            "--duration",
            "3",
            "--teams",
            "3",
            "--workdir",
            str(tmp_path),
            "--dump",
            str(tmp_path / "dump.csv"),
        ]
    )
    out = capsys.readouterr().out
    assert rc == 0, out
    assert "connected 30/30 seats" in out
    row = re.search(r"^\s+30\s+60\s+\d+\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s", out, re.M)
    assert row, out
    sent, acked, received, lost = map(int, row.groups())
    assert sent == 90 and acked == sent and received == sent and lost == 0
    lines = (tmp_path / "dump.csv").read_text().splitlines()
    assert len(lines) == 91 and all(line.split(",")[3] for line in lines[1:])
