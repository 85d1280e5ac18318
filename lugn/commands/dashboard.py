"""``lugn dashboard``: the supervisor view of k-anonymous team summaries."""

from __future__ import annotations

import argparse

NAME = "dashboard"
HELP = "Supervisor dashboard: team summaries from the broker (read-only, k-anonymous)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--broker", required=True, help="mqtts://host:port of the backend listener")
    p.add_argument("--ca", help="CA certificate (PEM) of the broker")
    p.add_argument("--username", default="supervisor")
    p.add_argument("--password-file", help="file with the password (mode 0600); or LUGN_MQTT_PASSWORD")
    p.add_argument("--site", default="+", help="only this site (default: all)")
    p.add_argument("--language", default="auto", help="auto (system locale), sv, nb, fi or en")
    p.add_argument("--screenshot", help="save a PNG after --seconds and quit (offscreen checks)")
    p.add_argument("--seconds", type=float, default=5.0)


def run(args: argparse.Namespace) -> int:
    import os
    import secrets

    from PyQt6.QtCore import QTimer
    from PyQt6.QtWidgets import QApplication

    from device.metrics.credentials import read_password_file
    from device.protocol.transport import BrokerParams
    from ui.i18n import install_translators
    from ui.supervisor.client import SummaryClient
    from ui.supervisor.window import DashboardWindow

    password = (
        read_password_file(args.password_file) if args.password_file else os.environ.get("LUGN_MQTT_PASSWORD")
    )
    params = BrokerParams.from_url(
        args.broker,
        ca_file=args.ca,
        username=args.username,
        password=password,
        client_id=f"lugn-dashboard-{secrets.token_hex(4)}",
    )
    app = QApplication.instance() or QApplication(["lugn-dashboard"])
    install_translators(args.language)
    win = DashboardWindow()
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
