"""The control socket's agent-UI commands (dismiss, breathe, toggle-pause) over a real Unix socket, and
``lugn call`` as a softphone or a desktop hotkey tool would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from device.control import COMMANDS, UI_COMMANDS, ControlServer, send

ROOT = Path(__file__).resolve().parents[2]


class Pipeline:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def call_start(self) -> bool:
        self.calls.append("call start")
        return True

    def call_end(self) -> bool:
        return True

    def pause(self) -> bool:
        self.calls.append("pause")
        return True

    def resume(self) -> bool:
        return True

    def status(self) -> dict[str, object]:
        return {"paused": False}


@pytest.fixture
def server(tmp_path: Path):
    s = ControlServer(Pipeline(), address=tmp_path / "run" / "control.sock", use_tcp=False)
    s.start()
    yield s
    s.stop()


def test_headless_agent_says_the_ui_commands_need_the_ui(server: ControlServer) -> None:
    for command in UI_COMMANDS:
        reply = send(command, server.address)
        assert reply == {
            "ok": False,
            "command": command,
            "error": f"{command!r} needs the agent UI (this Lugn is headless)",
        }
    # the pipeline's own commands are untouched
    assert send("pause", server.address) == {"ok": True, "command": "pause"}


def test_registered_ui_actions_answer_with_what_happened(server: ControlServer) -> None:
    done: list[str] = []

    def dismiss() -> dict[str, Any]:
        done.append("dismiss")
        return {"ok": True, "closed": "tip"}

    server.register_ui_action("dismiss", dismiss)
    server.register_ui_action("breathe", lambda: {"ok": False, "error": "nothing"})
    server.register_ui_action("toggle-pause", lambda: 1 / 0)  # type: ignore[arg-type,return-value]
    assert send("dismiss", server.address) == {"command": "dismiss", "ok": True, "closed": "tip"}
    assert send("DISMISS", server.address)["ok"] is True  # as the other commands: case does not matter
    assert send("breathe", server.address) == {"command": "breathe", "ok": False, "error": "nothing"}
    broken = send("toggle-pause", server.address)
    assert broken["ok"] is False and "ZeroDivisionError" in broken["error"]
    assert done == ["dismiss", "dismiss"]
    # the server thread survived the failing action
    assert send("status", server.address)["ok"] is True
    with pytest.raises(ValueError, match="not a UI command"):
        server.register_ui_action("call start", dismiss)


def test_unknown_command_lists_every_command(server: ControlServer) -> None:
    reply = send("dance", server.address)
    assert reply["ok"] is False
    for command in (*COMMANDS, *UI_COMMANDS):
        assert command in reply["error"]


def test_lugn_call_cli(server: ControlServer) -> None:
    server.register_ui_action("dismiss", lambda: {"ok": True, "closed": "note"})
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
