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


def test_device_status_says_metrics_paused_with_a_code_and_no_path(tmp_path) -> None:
    """Issue #12's leftover: IT sees on the status topic that a seat's metrics are paused, and why, as a
    fixed code: never the outbox path (it holds the user's home folder) or a user name."""
    import typing

    from device.metrics.health import PAUSE_CODES, store_problem_code
    from device.metrics.service import MetricsService
    from device.metrics.settings import MetricsSettings
    from device.protocol.payloads import DeviceStatus

    field = DeviceStatus.model_fields["metrics_paused_reason"].annotation
    literal = next(a for a in typing.get_args(field) if typing.get_origin(a) is typing.Literal)
    assert set(typing.get_args(literal)) == set(PAUSE_CODES)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    service = MetricsService(MetricsSettings(), outbox_path=blocker / "outbox.sqlite3")
    health = service.health()
    assert health.paused and health.code in PAUSE_CODES
    status = service.status()
    assert status.metrics_paused is True and status.metrics_paused_reason == health.code
    wire = status.to_json().decode()
    assert str(tmp_path) not in wire and "not-a-folder" not in wire
    ok = MetricsService(MetricsSettings(), outbox_path=tmp_path / "ok.sqlite3")
    assert ok.status().metrics_paused is False and ok.status().metrics_paused_reason is None
    assert store_problem_code("disk full (OSError: ...)") == "outbox_disk_full"
    assert store_problem_code("something new") == "outbox_unusable"
    service.stop(flush=False)
    ok.stop(flush=False)
