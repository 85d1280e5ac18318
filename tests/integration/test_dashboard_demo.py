"""``lugn dashboard --demo`` end to end: a trial broker (TLS, ACLs), the aggregator as its own process and 24
simulated seats in four teams; the dashboard, as the supervisor account, shows figures for the three teams of
5 or more seats and the suppression tile for the team of 3. Screenshot: test-artifacts/ux/dashboard/."""

from __future__ import annotations

from pathlib import Path

import pytest

from devkit.broker import BrokerUnavailable
from devkit.dashdemo import SupervisorDemo, wait_for_figures

pytestmark = pytest.mark.broker


def test_one_command_supervisor_demo_shows_figures_and_suppression(
    qtbot, qapp, tmp_path: Path, artifacts_dir: Path
) -> None:
    from ui.supervisor.client import SummaryClient
    from ui.supervisor.window import DashboardWindow

    demo = SupervisorDemo(tmp_path / "demo", echo=lambda _m: None)
    try:
        params = demo.start()
    except BrokerUnavailable as exc:
        demo.stop()
        pytest.skip(str(exc))
    win = DashboardWindow()
    qtbot.addWidget(win)
    win.set_range("today")
    client = SummaryClient(params, site="demo")
    client.summary.connect(win.on_summary)
    client.connection.connect(win.set_connection)
    win.show()
    client.start()
    try:
        assert wait_for_figures(win.model, 3, 60.0, qapp.processEvents), f"no figures: {demo.errors}"
        qtbot.waitUntil(lambda: ("demo", "nightowls") in win.tiles, timeout=10_000)
        shown = sorted(t.team for t in win.tiles.values() if not t.suppressed)
        assert shown == ["billing", "sales", "support"]
        small = win.tiles[("demo", "nightowls")]
        assert small.suppressed and "Fewer than 5 agents" in small.state.text() and small.figures_text() == ""
        assert all(b.suppressed for b in win.model.teams[("demo", "nightowls")].buckets.values())
        assert "Connected" in win.status.text()
        site = win.site_tiles["demo"]
        assert "3 of 4 teams" in site.state.text() and "nightowls" in site.footer.text()
        qtbot.wait(300)
        out = artifacts_dir / "ux" / "dashboard"
        out.mkdir(parents=True, exist_ok=True)
        assert win.grab().save(str(out / "dashboard_demo_live.png"))
    finally:
        client.stop()
        demo.stop()
    assert demo.errors == []
