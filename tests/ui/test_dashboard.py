"""The supervisor dashboard against a real broker and aggregator: live tiles and plots, an explicit
"fewer than k agents" state, screenshots, and reconnecting by itself after a broker restart."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from device.metrics.anonymise import Anonymiser
from tests.integration.conftest import backend_params, broker, live_broker, probe, seats  # noqa: F401 - real Mosquitto
from tests.integration.test_mqtt_pipeline import Clock, _aggregator

pytestmark = pytest.mark.broker
SITE = "dash"


def _feed(probe_factory, buckets: int = 4) -> None:
    """Team alpha: 6 devices per bucket (shown); team beta: 3 devices (suppressed). Each its own account."""
    now_bucket = int(time.time()) // 900 * 900
    for team in ("alpha", "beta"):
        for seat, user in enumerate(seats(SITE, team)):
            dev = probe_factory(user)
            for ago in range(buckets, 0, -1):
                start = now_bucket - 900 * ago
                counts = {
                    "calls": 4 + (seat + ago) % 3,
                    "calls_frustrated": 1 + (seat * ago) % 3,
                    "frustrated_s": 30 * seat,
                    "deescalations": (seat + ago) % 2,
                    "breathing_offered": 1,
                    "breathing_taken": seat % 2,
                    "tips_shown": 2,
                }
                c = Anonymiser(SITE, team).contribution(start, 900, counts)
                assert dev.publish(f"lugn/v1/{SITE}/{team}/contrib/{user}", c.to_json()) < 0x80
            dev.close()


def test_dashboard_live_and_suppressed_with_screenshots(
    qtbot,
    live_broker,  # noqa: F811
    probe,  # noqa: F811
    tmp_path,
    artifacts_dir: Path,
):
    from ui.supervisor.client import SummaryClient
    from ui.supervisor.window import DashboardWindow

    clock = Clock()
    teams = {SITE: ["alpha", "beta"]}
    agg = _aggregator(live_broker, tmp_path / "agg.sqlite3", "agg-dash", teams, clock, grace_s=86_400)
    _feed(probe)
    assert qtbot.waitUntil(lambda: agg.aggregator.stats["accepted"] == 36, timeout=10000) is None
    clock.offset_s = 86_400  # the four buckets become final: each is published once
    win = DashboardWindow()
    win.set_range("week")  # the four buckets lie in it whatever the time of day (a shift may have just begun)
    qtbot.addWidget(win)
    client = SummaryClient(backend_params(live_broker, "supervisor"), site=SITE)
    client.summary.connect(win.on_summary)
    client.connection.connect(win.set_connection)
    win.show()
    client.start()
    out = artifacts_dir / "dashboard"
    out.mkdir(parents=True, exist_ok=True)
    try:
        qtbot.waitUntil(
            lambda: len(win.tiles) == 2 and all(len(v.buckets) == 4 for v in win.model.teams.values()),
            timeout=10000,
        )
        alpha, beta = win.tiles[(SITE, "alpha")], win.tiles[(SITE, "beta")]
        assert not alpha.suppressed and "6 agents" in alpha.state.text() and "Calls" in alpha.figures_text()
        assert beta.suppressed and "Fewer than 5 agents" in beta.state.text() and beta.figures_text() == ""
        xs, ys = win.model.teams[(SITE, "alpha")].series("frustration_share")
        assert len(xs) == 4 and all(0 <= y <= 1 for y in ys)
        _, beta_ys = win.model.teams[(SITE, "beta")].series("frustration_share")
        assert all(y != y for y in beta_ys)  # NaN: a gap, never a number, for a suppressed team
        assert "Connected" in win.status.text()
        qtbot.wait(200)
        assert win.grab().save(str(out / "live.png"))
        assert beta.grab().save(str(out / "suppressed_team.png"))

        # broker restart: the dashboard shows it is reconnecting, then comes back by itself with the summaries
        live_broker.stop()
        qtbot.waitUntil(lambda: "Not connected" in win.status.text(), timeout=10000)
        assert win.grab().save(str(out / "reconnecting.png"))
        live_broker.start()
        qtbot.waitUntil(lambda: "Connected" in win.status.text() and client.connected, timeout=20000)
        assert win.tiles[(SITE, "beta")].suppressed
    finally:
        client.stop()
        agg.stop()
    for name in ("live.png", "suppressed_team.png", "reconnecting.png"):
        assert (out / name).stat().st_size > 5000


def test_dashboard_speaks_the_supervisors_language(qtbot, artifacts_dir: Path) -> None:
    """Swedish, Norwegian and Finnish catalogues (ui/i18n/supervisor_*.ts), incl. the k state."""
    import shutil
    import subprocess

    from device.protocol.payloads import BucketSummary, Summary
    from ui import i18n
    from ui.supervisor.window import DashboardWindow

    lrelease = next(
        (p for p in ("/usr/lib/qt6/bin/lrelease", shutil.which("lrelease")) if p and Path(p).exists()), None
    )
    expected = {"sv": "Färre än 5 agenter", "nb": "Færre enn 5 agenter", "fi": "Mukana alle 5 agenttia"}
    try:
        for lang, text in expected.items():
            ts = i18n.I18N_DIR / f"supervisor_{lang}.ts"
            qm = ts.with_suffix(".qm")
            if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
                if lrelease is None:
                    pytest.skip("lrelease not installed")
                subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
            assert i18n.install_translators(lang) == lang
            win = DashboardWindow()
            qtbot.addWidget(win)
            start = int(time.time()) // 900 * 900
            win.on_summary(
                Summary(
                    site="s",
                    team="beta",
                    k=5,
                    generated_at=start,
                    buckets=[BucketSummary(bucket_start=start, bucket_s=900, suppressed=True)],
                )
            )
            assert text in win.tiles[("s", "beta")].state.text()
            assert win.windowTitle() != "Lugn – team overview"
            if lang == "sv":
                out = artifacts_dir / "dashboard"
                out.mkdir(parents=True, exist_ok=True)
                assert win.grab().save(str(out / "suppressed_sv.png"))
    finally:
        i18n.install_translators("en")
