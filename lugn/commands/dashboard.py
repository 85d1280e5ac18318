"""``lugn dashboard``: the supervisor view of k-anonymous team summaries."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "dashboard"
HELP = "Supervisor dashboard: team summaries from the broker (read-only, k-anonymous)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--broker", help="mqtts://host:port of the backend listener (required unless --demo)")
    p.add_argument(
        "--demo",
        action="store_true",
        help="try it: a trial broker, the aggregator and simulated seats in 4 teams (one too small to show)",
    )
    p.add_argument("--ca", help="CA certificate (PEM) of the broker")
    p.add_argument("--username", default="supervisor")
    p.add_argument("--password-file", help="file with the password (mode 0600); or LUGN_MQTT_PASSWORD")
    p.add_argument("--site", default="+", help="only this site (default: all)")
    p.add_argument("--language", default="auto", help="auto (system locale), sv, nb, fi or en")
    p.add_argument(
        "--range", choices=("shift", "today", "week"), default="shift", help="time range shown first"
    )
    p.add_argument(
        "--shifts", default="06:00,14:00,22:00", help="local shift start times (current-shift range)"
    )
    p.add_argument(
        "--history",
        help="file keeping the summaries seen, so '7 days' survives a restart (default: in the user's data "
        "folder; 'none' to keep nothing)",
    )
    p.add_argument("--screenshot", help="save a PNG after --seconds and quit (offscreen checks)")
    p.add_argument("--seconds", type=float, default=5.0)
    p.add_argument(
        "--workdir", type=Path, help="with --demo: folder for the trial broker (default: temporary)"
    )


def _default_history() -> Path:
    from PyQt6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".local" / "share" / "Lugn") / "dashboard-history.jsonl"


def run(args: argparse.Namespace) -> int:
    import os
    import secrets
    import sys
    import tempfile

    from PyQt6.QtCore import QTimer
    from PyQt6.QtWidgets import QApplication

    from device.metrics.credentials import read_password_file
    from device.protocol.transport import BrokerParams
    from ui.i18n import install_translators
    from ui.supervisor.client import SummaryClient
    from ui.supervisor.model import parse_shifts
    from ui.supervisor.window import DashboardWindow

    try:
        parse_shifts(args.shifts)
    except ValueError as exc:
        print(f"lugn dashboard: --shifts: {exc}", file=sys.stderr)
        return 2
    demo = None
    if args.demo:
        from devkit.broker import BrokerUnavailable
        from devkit.dashdemo import SupervisorDemo

        work = args.workdir or Path(tempfile.mkdtemp(prefix="lugn-dashdemo-"))
        demo = SupervisorDemo(work)
        try:
            params = demo.start()
        except (BrokerUnavailable, RuntimeError, OSError) as exc:
            demo.stop()
            print(f"lugn dashboard --demo: {exc}", file=sys.stderr)
            return 2
        history: Path | None = None  # a demo leaves nothing behind in the supervisor's history
        if args.range == "shift":
            args.range = "today"
    elif not args.broker:
        print("lugn dashboard: --broker is required (or --demo to try it)", file=sys.stderr)
        return 2
    else:
        password = (
            read_password_file(args.password_file)
            if args.password_file
            else os.environ.get("LUGN_MQTT_PASSWORD")
        )
        params = BrokerParams.from_url(
            args.broker,
            ca_file=args.ca,
            username=args.username,
            password=password,
            client_id=f"lugn-dashboard-{secrets.token_hex(4)}",
        )
        history = (
            None if args.history == "none" else Path(args.history) if args.history else _default_history()
        )
    app = QApplication.instance() or QApplication(["lugn-dashboard"])
    install_translators(args.language)
    win = DashboardWindow(history=history, shifts=args.shifts)
    win.set_range(args.range)
    client = SummaryClient(params, site=args.site)
    client.summary.connect(win.on_summary)
    client.connection.connect(win.set_connection)
    win.show()
    client.start()
    if args.screenshot:
        QTimer.singleShot(int(args.seconds * 1000), lambda: (win.grab().save(args.screenshot), app.quit()))
    try:
        return int(app.exec())
    finally:
        client.stop()
        if demo is not None:
            demo.stop()
