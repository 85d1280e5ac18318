"""One runtime for every front end: the headless JSON lines and the agent UI see the same runtime and coaching
events on the demo call and feed the same outbox; a small hint shows while team metrics are paused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from device.audio.source import ReplaySource
from device.metrics.outbox import Outbox
from device.policy import load_effective
from device.runtime import AgentRuntime, item_to_dict

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "device" / "assets" / "demo_call.flac"
RATE = 16_000
# callers of these recordings were told when they were recorded (the notice gate itself:
# tests/integration/test_notice.py)
NOTICE_OFF = (
    '[notice]\nmode = "off"\noff_statement = "notice_given_elsewhere"\noff_detail = "test recordings"\n'
)


def policy(path: Path, outbox: Path) -> Path:
    path.write_text(f'[metrics]\nenabled = true\noutbox_path = "{outbox}"\n' + NOTICE_OFF)
    return path


def lugn(args: list[str], policy_path: Path, home: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "LUGN_POLICY": str(policy_path),
        "LUGN_USER_SETTINGS": str(home / "settings.toml"),
        "HOME": str(home),  # the UI's window position (QSettings) goes here, not to the real home
        "XDG_CONFIG_HOME": str(home / ".config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("DISPLAY", None)
    cmd = [sys.executable, "-m", "lugn", *args]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def counts(outbox: Path) -> list[dict]:
    box = Outbox(outbox)
    rows = [json.loads(r.payload) for r in box.pending(100)]
    box.close()
    return [r["counts"] for r in rows]


@pytest.mark.slow
def test_headless_and_ui_see_the_same_stream_and_feed_the_same_outbox(
    tmp_path: Path, qtbot, qsettings
) -> None:
    from ui.agent.app import AgentApp

    # 1. headless: the CLI front end, as a thin client or an IT smoke test runs it
    home = tmp_path / "home"
    home.mkdir()
    out = lugn(
        ["replay", str(DEMO), "--headless", "--speed", "max", "--no-control"],
        policy(tmp_path / "h.toml", tmp_path / "headless.sqlite3"),
        home,
    )
    assert out.returncode == 0, out.stderr
    headless = [json.loads(line) for line in out.stdout.splitlines()]

    # 2. the agent UI attached to the same kind of runtime: what the view received, in the GUI thread
    eff = load_effective(policy(tmp_path / "u.toml", tmp_path / "ui.sqlite3"), home / "none.toml")
    runtime = AgentRuntime(ReplaySource(DEMO), eff, control=False)
    app = AgentApp(runtime, qsettings=qsettings)
    seen: list[object] = []
    app.eventDelivered.connect(seen.append)
    runtime.start()
    try:
        qtbot.waitUntil(lambda: not runtime.running and app.bridge.pending == 0, timeout=60_000)
    finally:
        runtime.stop()
        app.close()
    ui = json.loads(json.dumps([item_to_dict(item) for item in seen]))  # the same float round trip

    kinds = [e["event"] for e in headless]
    print(f"\n{len(headless)} events each; kinds: {sorted(set(kinds))}")
    assert ui == headless, "the UI and the JSON lines see one and the same stream"
    ended = kinds.index("CallEnded")
    for coaching in ("TipShown", "CallNote", "BreathingOffered"):
        assert coaching in kinds, coaching
    assert kinds.index("TipShown") < ended < kinds.index("CallNote") < kinds.index("BreathingOffered")

    # 3. the real UI entry point (``lugn replay`` without --headless, offscreen) writes the same outbox row
    out = lugn(
        ["replay", str(DEMO), "--speed", "max", "--no-control"],
        policy(tmp_path / "c.toml", tmp_path / "cli-ui.sqlite3"),
        home,
    )
    assert out.returncode == 0, out.stderr
    rows = {name: counts(tmp_path / f"{name}.sqlite3") for name in ("headless", "ui", "cli-ui")}
    total = {name: {k: sum(r[k] for r in rs) for k in rs[0]} for name, rs in rows.items()}
    print(total["headless"])
    assert total["headless"] == total["ui"] == total["cli-ui"]
    assert total["headless"]["calls"] == 1 and total["headless"]["calls_frustrated"] == 1
    assert total["headless"]["tips_shown"] == 1 and total["headless"]["breathing_offered"] == 1


def test_the_ui_shows_a_small_hint_while_metrics_are_paused(
    tmp_path: Path, qtbot, qsettings, ui_artifacts
) -> None:
    from device.events import Heartbeat, MetricsResumed
    from ui.agent.app import AgentApp

    outbox = tmp_path / "outbox.sqlite3"
    outbox.write_bytes(b"garbage, not SQLite " * 100)
    eff = load_effective(policy(tmp_path / "p.toml", outbox), tmp_path / "u.toml")
    silence = np.zeros(RATE, np.float32)
    runtime = AgentRuntime(ReplaySource.from_arrays(silence, silence), eff, control=False)
    app = AgentApp(runtime, qsettings=qsettings)
    qtbot.addWidget(app.main_window)
    app.show()
    status = runtime.status()["metrics"]
    assert status["state"] == "paused" and status["outbox"] == str(outbox)  # the control socket's status
    runtime.on_pipeline_event(Heartbeat(t_s=1.0))  # the next event carries the notice along
    notice = app.view_widget.notice
    qtbot.waitUntil(notice.isVisible, timeout=3000)
    assert notice.text() == "Team metrics paused"
    assert str(outbox) in notice.toolTip() and "not a valid SQLite database" in notice.toolTip()
    assert app.main_window.grab().save(str(ui_artifacts / "metrics_paused_hint.png"))
    app.bridge.post(MetricsResumed(t_s=2.0, path=str(outbox)))
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=3000)
    app.close()
    runtime.stop()
