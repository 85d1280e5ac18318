"""``lugn run --headless`` on a seat made of a REAL PulseAudio: the demo call's customer channel is played
into the headset's (null) sink with ``paplay``, its agent channel feeds the headset mic (a pipe source).
The live agent must reach "frustrated" within the angry stretch, and report DeviceLost at once when the sink
module is unloaded, DeviceRestored within 3 s when it is loaded again."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import soundfile as sf

from tests.pulse.conftest import Seat

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "device" / "assets" / "demo_call.flac"
OFFSET_S = 17.0  # start a little before the angry stretch: the test stays short


def _reader(proc: subprocess.Popen[str], out: queue.Queue[tuple[float, dict[str, Any]]]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("{"):
            out.put((time.monotonic(), json.loads(line)))


def _wait(events: queue.Queue[tuple[float, dict[str, Any]]], seen: list[tuple[float, dict[str, Any]]],
          match: Any, timeout_s: float) -> tuple[float, dict[str, Any]] | None:  # fmt: skip
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            item = events.get(timeout=0.1)
        except queue.Empty:
            continue
        seen.append(item)
        if match(item[1]):
            return item
    return None


def test_live_run_hears_the_angry_customer_and_survives_unplug(seat: Seat, tmp_path: Path) -> None:
    timeline = json.loads(DEMO.with_name("demo_call.timeline.json").read_text())
    angry_start, angry_end = timeline["phases"]["angry"]
    audio, rate = sf.read(DEMO, dtype="float32", always_2d=True)
    cut = audio[int(OFFSET_S * rate) :]
    customer = tmp_path / "customer.wav"
    sf.write(customer, cut[:, 1], rate)
    sink = seat.sink("headset", "Jabra Evolve2 65 Analog Stereo")
    seat.server.feed_mic(seat.mic(), cut[:, 0], rate)
    env = {**os.environ, "PULSE_SERVER": seat.server.env["PULSE_SERVER"], "QT_QPA_PLATFORM": "offscreen"}
    # the caller was told elsewhere (this test is about capture; the notice gate:
    # tests/integration/test_notice.py)
    (tmp_path / "policy.toml").write_text(
        '[notice]\nmode = "off"\noff_statement = "notice_given_elsewhere"\n'
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "lugn", "run", "--headless", "--no-control"], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    events: queue.Queue[tuple[float, dict[str, Any]]] = queue.Queue()
    threading.Thread(target=_reader, args=(proc, events), daemon=True).start()
    seen: list[tuple[float, dict[str, Any]]] = []
    try:
        assert _wait(events, seen, lambda e: e["event"] == "Heartbeat", 20.0), proc.stderr
        played = time.monotonic()
        seat.server.play(customer, sink="headset")
        frustrated = _wait(events, seen, lambda e: e["event"] == "ToneChanged" and e["state"] == "frustrated",
                           angry_end - OFFSET_S + 5.0)  # fmt: skip
        kinds = [e["event"] for _, e in seen]
        assert frustrated is not None, kinds
        at_s = frustrated[0] - played + OFFSET_S  # where in the demo call the indicator turned
        assert angry_start <= at_s <= angry_end, (at_s, angry_start, angry_end)
        assert "DeviceLost" not in kinds

        unplugged = time.monotonic()
        seat.server.unload(sink)
        seat.modules.remove(sink)
        lost = _wait(events, seen, lambda e: e["event"] == "DeviceLost", 5.0)
        assert lost is not None and lost[1]["source"] == "far_end", lost
        assert lost[0] - unplugged < 1.0, lost[0] - unplugged  # at once (measured ~0.1-0.3 s)
        time.sleep(2.0)  # unplugged for a while: retries with backoff, no second DeviceLost, no restore
        plugged = time.monotonic()
        seat.sink("headset", "Jabra Evolve2 65 Analog Stereo")
        restored = _wait(events, seen, lambda e: e["event"] == "DeviceRestored", 5.0)
        assert restored is not None and restored[0] - plugged < 3.0, restored
        kinds = [e["event"] for _, e in seen]
        assert kinds.count("DeviceLost") == 1 and kinds.count("DeviceRestored") == 1, kinds
        # and it hears the headset again
        seat.server.play(customer, sink="headset")
        assert _wait(events, seen, lambda e: e["event"] == "AudioLevels" and e["customer_dbfs"] > -40, 8.0)
        print(f"frustrated at {at_s:.2f} s of the call; DeviceLost {lost[0] - unplugged:.2f} s after unload; "
              f"DeviceRestored {restored[0] - plugged:.2f} s after reload")  # fmt: skip
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
