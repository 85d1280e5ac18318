"""The edge runtime never loads Qt (nor torch): checked in a fresh interpreter after real work."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, sys
import device, device.pipeline, device.audio.live, device.audio.source, device.control, device.config
import device.inference.vad, device.inference.smoothing, device.events
from device.audio.source import ReplaySource
from device.pipeline import Pipeline
events = []
import soundfile as sf
stereo, _ = sf.read("device/assets/demo_call.flac", dtype="float32", frames=16000 * 4)
source = ReplaySource.from_arrays(stereo[:, 0].copy(), stereo[:, 1].copy())
Pipeline(source, on_event=events.append).run_until_end()
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PyQt6", "PyQt5", "PySide6", "torch", "pyqtgraph"))
print(json.dumps({"bad": bad, "events": len(events)}))
"""

# the headless agent, as started from the command line: start-up time and memory are bench targets, so the
# heavy packages the tests and training use stay off this path
CLI_PROBE = r"""
import contextlib, io, json, runpy, sys
sys.argv = ["lugn", "replay", sys.argv[1], "--speed", "max", "--headless", "--no-control"]
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        runpy.run_module("lugn", run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        assert not exc.code, exc.code
heavy = ("scipy", "sklearn", "torch", "PyQt6", "pyqtgraph", "matplotlib", "pandas")
bad = sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in heavy})
print(json.dumps({"bad": bad, "lines": len(out.getvalue().splitlines())}))
"""


def test_device_and_pipeline_load_no_qt_and_no_torch() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["events"] > 4  # the pipeline really ran
    assert result["bad"] == []


def test_headless_replay_imports_no_scipy_torch_or_qt(tmp_path: Path) -> None:
    import soundfile as sf

    stereo, _ = sf.read(ROOT / "device" / "assets" / "demo_call.flac", dtype="float32", frames=16_000 * 6)
    short = tmp_path / "short.flac"
    sf.write(short, stereo, 16_000)
    out = subprocess.run(
        [sys.executable, "-c", CLI_PROBE, str(short)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["lines"] > 5  # the replay really ran and printed its events
    assert result["bad"] == []


def test_headless_replay_cli_prints_json_lines(tmp_path: Path) -> None:
    import numpy as np
    import soundfile as sf

    stereo, _ = sf.read(ROOT / "device" / "assets" / "demo_call.flac", dtype="float32", frames=16_000 * 6)
    short = tmp_path / "short.flac"
    sf.write(short, stereo, 16_000)
    out = subprocess.run(
        [sys.executable, "-m", "lugn", "replay", str(short), "--speed", "max", "--headless", "--no-control"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    kinds = [d["event"] for d in lines]
    assert kinds.count("Heartbeat") == 5 and "CallStarted" in kinds
    assert kinds[-2:] == ["CallEnded", "CallNote"], kinds  # the runtime's coach closes the call too
    assert all(isinstance(d["t_s"], float) for d in lines)
    assert np.all(np.diff([d["t_s"] for d in lines]) >= 0)
    bad = subprocess.run(
        [sys.executable, "-m", "lugn", "replay", str(tmp_path / "nope.wav"), "--headless"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "recording not found" in bad.stderr and "nope.wav" in bad.stderr


def test_call_command_without_a_running_agent(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "lugn", "call", "start", "--control", str(tmp_path / "none.sock")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1 and "Lugn is not running" in out.stderr
