"""The metrics service pauses visibly when its broker stays away (real paho against a closed port), and says
which broker and since when; the counts keep going to the outbox meanwhile."""

from __future__ import annotations

import socket
import time
from pathlib import Path

from device.metrics import service as service_module
from device.metrics.health import MetricsHealth
from device.metrics.service import MetricsService
from device.metrics.settings import MetricsSettings


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_broker_away_pauses_metrics_after_the_grace_time(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(service_module, "BROKER_GRACE_S", 0.3)
    url = f"mqtt://127.0.0.1:{closed_port()}"
    seen: list[MetricsHealth] = []
    settings = MetricsSettings(enabled=True, broker_url=url, password="not-used", status_interval_s=5)
    svc = MetricsService(settings, outbox_path=tmp_path / "o.sqlite3", on_health=seen.append)
    assert not svc.health().paused  # not before the grace time
    svc.start()
    try:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not svc.health().paused:
            time.sleep(0.05)
        health = svc.health()
        assert health.paused and f"broker {url} not reachable since" in health.reason
        assert health.path == str(tmp_path / "o.sqlite3") and seen and seen[-1].paused
    finally:
        svc.stop(timeout_s=2.0)
