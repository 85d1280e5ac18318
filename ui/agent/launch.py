"""The agent UI as a process: the QApplication (offscreen without a display), the event loop, and how it ends.

Apart from ``ui.agent.app`` (the view attached to the runtime) because this part is about the process, not the
widgets: which Qt platform, which signals end it, and that the runtime is always stopped on the way out.

How it ends: the agent's Quit, Ctrl+C (SIGINT), and also SIGTERM and SIGHUP, which is how a session logout,
``systemctl --user stop lugn-agent`` or an IT script end it. Python's default for SIGTERM kills the process on
the spot: no ``stop`` in the operation log (an audit gap), the open bucket's counts never written (team
metrics lose them), the control socket left behind. So every one of them leaves Qt's loop the same way, and
``runtime.stop`` runs.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QMessageLogContext, QSettings, QTimer, QtMsgType, qInstallMessageHandler
from PyQt6.QtWidgets import QApplication

from device.runtime import AgentRuntime

# exit codes as a shell reports a process ended by that signal (128 + signal number)
STOP_SIGNALS = {
    signal.SIGINT: 130,
    signal.SIGTERM: 143,
    **({signal.SIGHUP: 129} if hasattr(signal, "SIGHUP") else {}),
}


def has_display() -> bool:
    """False when Qt would have to run offscreen (no X11/Wayland display, or QT_QPA_PLATFORM says so)."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return False
    if sys.platform.startswith(("win", "darwin")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


_QUIET_QT = ("does not support raise()", "does not support propagateSizeHints()")


def _qt_messages(mode: QtMsgType, _ctx: QMessageLogContext, message: str | None) -> None:
    if message and not any(q in message for q in _QUIET_QT):  # offscreen plugin noise
        sys.stderr.write(f"qt: {message}\n")


def ensure_qapp(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created offscreen when there is no display)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        qInstallMessageHandler(_qt_messages)
    app = QApplication(list(argv or ["lugn"]))
    app.setOrganizationName("Lugn")
    app.setApplicationName("Lugn")
    app.setQuitOnLastWindowClosed(False)
    return app


def run_agent(
    runtime: AgentRuntime, *, kiosk: bool = False, offscreen_screenshots_dir: str | Path | None = None
) -> int:
    """Attach the agent UI to ``runtime``, start it, and run until the agent (or IT on a kiosk) quits or a
    stop signal comes.

    With ``offscreen_screenshots_dir`` the indicator is saved as PNG at each state change. Offscreen (no
    display) the app ends when a replay ends. The runtime is stopped (metrics written) on the way out.
    """
    from ui.agent.app import AgentApp

    qapp = ensure_qapp()
    offscreen = not has_display()
    app = AgentApp(runtime, kiosk=kiosk or runtime.config.ui.kiosk, qsettings=QSettings())
    if offscreen_screenshots_dir is not None:
        from ui.agent.screens import Screenshotter

        shots = Screenshotter(app, Path(offscreen_screenshots_dir))
        shots.attach()
    # exit(), not quit(): in Qt 6 a window that refuses to close (kiosk, breathing overlay) cancels quit()
    app.quitRequested.connect(lambda: qapp.exit(0))

    def tick() -> None:  # also lets Python see a signal while Qt's loop runs
        if offscreen and not runtime.running and app.bridge.pending == 0:
            qapp.exit(0)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(200)
    old = {s: signal.signal(s, _exit_on(qapp, app, code)) for s, code in STOP_SIGNALS.items()}
    app.show()
    runtime.start()
    try:
        return int(qapp.exec())
    finally:
        timer.stop()
        for s, handler in old.items():
            signal.signal(s, handler)
        runtime.stop(5.0)
        app.tray.hide()


def _exit_on(qapp: QApplication, app: Any, code: int) -> Any:
    def handler(_signum: int, _frame: Any) -> None:
        if app.indicator is not None:
            app.indicator.save_position()  # as the agent's own Quit does
        qapp.exit(code)

    return handler
