"""The agent UI's commands on the runtime's control socket (dismiss, breathe, toggle-pause) over a real Unix
socket, and ``lugn call`` as a softphone or a desktop hotkey tool would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from device.audio.source import ReplaySource
from device.control import UI_COMMANDS, ControlServer, send
from device.runtime import AgentRuntime

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def runtime():
    silence = np.zeros(16_000, np.float32)
    rt = AgentRuntime(ReplaySource.from_arrays(silence, silence), metrics=False, control=False)
    yield rt
    rt.stop()


@pytest.fixture
def server(tmp_path: Path, runtime: AgentRuntime):
    s = ControlServer(runtime, address=tmp_path / "run" / "lugn" / "control.sock", use_tcp=False)
    s.start()
    yield s
    s.stop()


def test_headless_agent_says_the_ui_commands_need_the_ui(server: ControlServer) -> None:
    for command in UI_COMMANDS:
        reply = send(command, server.address)
        assert reply["ok"] is False and "needs the agent UI" in reply["error"], reply
    assert send("pause", server.address) == {"ok": True, "command": "pause"}  # the runtime's own: untouched


def test_front_end_actions_answer_with_what_happened(server: ControlServer, runtime: AgentRuntime) -> None:
    done: list[str] = []

    def dismiss() -> dict[str, Any]:
        done.append("dismiss")
        return {"ok": True, "closed": "tip"}

    runtime.add_control_action("dismiss", dismiss)
    runtime.add_control_action("breathe", lambda: {"ok": False, "error": "nothing"})
    runtime.add_control_action("toggle-pause", lambda: 1 / 0)
    runtime.add_control_action(
        "pause", lambda: {"ok": False, "hijacked": True}
    )  # cannot replace the runtime's
    assert send("dismiss", server.address) == {"command": "dismiss", "ok": True, "closed": "tip"}
    assert send("DISMISS", server.address)["ok"] is True  # as the other commands: case does not matter
    assert send("breathe", server.address) == {"command": "breathe", "ok": False, "error": "nothing"}
    broken = send("toggle-pause", server.address)
    assert broken["ok"] is False and "ZeroDivisionError" in broken["error"]
    assert send("pause", server.address) == {"ok": True, "command": "pause"}
    assert done == ["dismiss", "dismiss"]
    assert send("status", server.address)["ok"] is True  # the server thread survived the failing action
    unknown = send("dance", server.address)
    assert unknown["ok"] is False and "dismiss" in unknown["error"] and "call start" in unknown["error"]


def test_lugn_call_cli(server: ControlServer, runtime: AgentRuntime) -> None:
    runtime.add_control_action("dismiss", lambda: {"ok": True, "closed": "note"})
    run = [sys.executable, "-m", "lugn", "call", "--control", str(server.address)]
    out = subprocess.run([*run, "dismiss"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0 and json.loads(out.stdout) == {
        "command": "dismiss",
        "ok": True,
        "closed": "note",
    }
    out = subprocess.run([*run, "breathe"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 1 and "needs the agent UI" in json.loads(out.stdout)["error"]
    out = subprocess.run([*run, "jump"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 2 and "invalid choice" in out.stderr
