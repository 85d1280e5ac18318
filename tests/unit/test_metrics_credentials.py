"""Broker credentials: policy, OS keyring (absent on headless Linux), or an owner-only password file."""

from __future__ import annotations

import os
import statistics
from pathlib import Path

import pytest

from device.metrics.credentials import (
    CredentialsError,
    read_password_file,
    resolve_password,
    write_password_file,
)
from device.metrics.settings import MetricsSettings
from device.protocol.transport import BrokerParams, backoff_s


def test_password_file_must_be_owner_only(tmp_path: Path) -> None:
    f = write_password_file(tmp_path / "pw", "s3cret")
    assert oct(f.stat().st_mode & 0o777) == "0o600"
    assert read_password_file(f) == "s3cret"
    os.chmod(f, 0o644)
    with pytest.raises(CredentialsError, match=r"pw: .*readable only by its owner"):
        read_password_file(f)
    with pytest.raises(CredentialsError, match="cannot read"):
        read_password_file(tmp_path / "missing")


def test_auto_falls_back_from_keyring_to_file(tmp_path: Path) -> None:
    """On this headless machine the real keyring raises NoKeyringError: the file is used, nothing crashes."""
    f = write_password_file(tmp_path / "pw", "from-file")
    assert resolve_password(MetricsSettings(password_file=str(f)), "ws-1") == "from-file"
    assert (
        resolve_password(MetricsSettings(password="from-policy", password_file=str(f)), "ws-1")
        == "from-policy"
    )
    assert resolve_password(MetricsSettings(), "ws-1") is None
    with pytest.raises(CredentialsError, match="keyring"):
        resolve_password(MetricsSettings(credentials="keyring"), "ws-1")


def test_reconnect_backoff_has_jitter_and_a_ceiling() -> None:
    first = [backoff_s(1) for _ in range(200)]
    assert min(first) >= 0.5 and max(first) <= 1.5 and statistics.pstdev(first) > 0.1  # seats spread out
    assert max(backoff_s(30) for _ in range(50)) <= 90.0


def test_broker_url_is_checked() -> None:
    p = BrokerParams.from_url("mqtts://broker.example:8884")
    assert (p.host, p.port, p.tls) == ("broker.example", 8884, True)
    assert BrokerParams.from_url("mqtts://b").port == 8883
    with pytest.raises(ValueError, match="expected mqtts://"):
        BrokerParams.from_url("http://b:80")


def test_bad_credentials_or_ca_keep_the_agent_running_with_the_outbox(tmp_path: Path) -> None:
    from device.metrics.service import MetricsService

    pw = write_password_file(tmp_path / "pw", "x")
    os.chmod(pw, 0o644)
    for settings in (
        MetricsSettings(enabled=True, broker_url="mqtts://b:8883", asset_id="ws-1", password_file=str(pw)),
        MetricsSettings(
            enabled=True,
            broker_url="mqtts://b:8883",
            asset_id="ws-1",
            password="p",
            ca_file=str(tmp_path / "missing-ca.crt"),
        ),
    ):
        svc = MetricsService(settings, outbox_path=tmp_path / "o.sqlite3")
        assert svc.publisher is None and "metrics publishing off" in svc.problem
        svc.stop()
