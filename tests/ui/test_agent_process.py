"""The agent as a process on a seat: one per user (a second ``lugn run`` brings the running indicator back
instead of opening the headset again), every action one right click away where there is no system tray, and a
SIGTERM (logout, ``systemctl --user stop``) that ends it as cleanly as Quit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import soundfile as sf
from PyQt6.QtCore import QPoint, Qt
from PyQt6.QtGui import QContextMenuEvent
from PyQt6.QtWidgets import QApplication

from device.audio.source import ReplaySource
from device.events import CallStarted
from device.runtime import AgentRuntime
from device.seatlock import AlreadyRunning, lock_path
from ui.agent.app import AgentApp

ROOT = Path(__file__).resolve().parents[2]


def seat_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LUGN_POLICY": str(tmp_path / "policy.toml"),
        "LUGN_USER_SETTINGS": str(tmp_path / "settings.toml"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }


def test_a_second_lugn_run_brings_the_running_indicator_back(qtbot, qsettings, tmp_path: Path) -> None:
    control = tmp_path / "run" / "lugn" / "control.sock"
    silence = np.zeros(16_000, np.float32)
    runtime = AgentRuntime(
        ReplaySource.from_arrays(silence, silence), metrics=False, oplog=False, control_address=control,
        exclusive=True,
    )  # fmt: skip
    app = AgentApp(runtime, qsettings=qsettings)
    try:
        app.show()
        runtime.start()
        assert app.indicator is not None
        app.indicator.setWindowState(
            Qt.WindowState.WindowMinimized
        )  # "show desktop": iconic, no taskbar entry
        try:  # the seat is taken, in this process too
            AgentRuntime(ReplaySource.from_arrays(silence, silence), metrics=False, control_address=control,
                         exclusive=True)  # fmt: skip
            raise AssertionError("a second live runtime on the same seat")
        except AlreadyRunning as exc:
            assert exc.pid == os.getpid() and exc.path == lock_path(control)
        second = subprocess.Popen(
            [sys.executable, "-m", "lugn", "run", "--control", str(control)],
            env=seat_env(tmp_path), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)  # our loop answers its "show"
        err = second.stderr.read() if second.stderr else ""
        assert second.returncode == 0, err
        assert "already running on this seat" in err and "back on screen; nothing else started" in err
        assert app.indicator.isVisible() and not app.indicator.isMinimized()
        assert app.indicator.windowState() & Qt.WindowState.WindowMinimized == Qt.WindowState(0)
    finally:
        app.close()
        runtime.stop()


def test_the_indicator_menu_has_every_tray_action(agent_app, qtbot) -> None:
    app = agent_app()
    app.show()
    assert app.indicator is not None and app.indicator.menu is app.tray.menu
    opened: list[QPoint] = []
    app.tray.menu.exec = lambda pos: opened.append(pos)  # type: ignore[method-assign]  # no blocking menu here
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(105, 55))
    QApplication.sendEvent(app.indicator, event)
    assert opened == [QPoint(105, 55)]
    app.runtime.on_pipeline_event(CallStarted(t_s=1.0, source="control"))  # the notice entries during a call
    qtbot.waitUntil(lambda: app.model.in_call, timeout=2000)
    shown = {a.text().split("\t")[0] for a in app.tray.menu.actions() if a.isVisible() and a.text()}
    wanted = ("What Lugn does…", "What leaves this computer…", "Caller was told", "Caller declined",
              "Dismiss tip", "Breathing exercise", "Pause analysis", "Settings…", "Quit Lugn")  # fmt: skip
    assert set(wanted) <= shown, set(wanted) - shown


def test_sigterm_ends_the_agent_as_cleanly_as_quit(tmp_path: Path) -> None:
    call = tmp_path / "call.wav"
    sf.write(
        call, np.zeros((16_000 * 60, 2), np.float32), 16_000
    )  # a minute: it is still running when stopped
    control = tmp_path / "run" / "lugn" / "control.sock"
    proc = subprocess.Popen(
        [sys.executable, "-m", "lugn", "replay", str(call), "--control", str(control)],
        env=seat_env(tmp_path), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    oplog = tmp_path / "state" / "lugn" / "oplog" / "operation.log"
    deadline = time.monotonic() + 60
    while not control.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    assert control.exists(), proc.stderr.read() if proc.stderr else ""
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 143, err  # as a shell reports a process ended by SIGTERM, after cleaning up
    entries = [json.loads(line)["event"] for line in oplog.read_text().splitlines()]
    assert entries[0] == "start" and entries[-1] == "stop", entries  # the audit trail has the end
    assert not control.exists()  # no stale control socket
