"""The pipeline keeps going: a pulled device, a missing or tampered model, pause, control from a softphone."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from device.audio.source import Chunk, DeviceError, ReplaySource
from device.config import LugnConfig
from device.control import ControlServer, send
from device.events import (
    AnalysisUnavailable,
    CallEnded,
    CallStarted,
    DeviceLost,
    DeviceRestored,
    Event,
    Heartbeat,
    PauseChanged,
    SpeechActivity,
    ToneSample,
)
from device.inference.models import default_models_dir
from device.pipeline import Pipeline
from device.runtime import AgentRuntime

DEMO = Path(__file__).resolve().parents[2] / "device" / "assets" / "demo_call.flac"


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[float, Event]] = []
        self.lock = threading.Lock()

    def __call__(self, event: Event) -> None:
        with self.lock:
            self.events.append((time.monotonic(), event))

    def of(self, kind: type) -> list[tuple[float, Event]]:
        with self.lock:
            return [(w, e) for w, e in self.events if isinstance(e, kind)]

    def wait_for(self, kind: type, timeout_s: float = 10.0) -> tuple[float, Event]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            found = self.of(kind)
            if found:
                return found[0]
            time.sleep(0.02)
        raise AssertionError(f"no {kind.__name__} within {timeout_s} s")


class UnpluggableSource:
    """A real replay whose device 'goes away' mid-call: read() raises, open() fails until it is back."""

    name = "replay"

    def __init__(self, inner: ReplaySource, fail_after_chunks: int) -> None:
        self.inner = inner
        self.fail_after = fail_after_chunks
        self.reads = 0
        self.present = True
        self.returned_at: float | None = None

    def open(self) -> None:
        if not self.present:
            raise DeviceError("headset not found", "mic")
        self.inner.open()

    def read(self, timeout_s: float) -> Chunk | None:
        self.reads += 1
        if self.reads == self.fail_after:
            self.present = False
            raise DeviceError("stream stopped (device unplugged?)", "mic")
        return self.inner.read(timeout_s)

    def close(self) -> None:
        self.inner.close()

    def plug_back(self) -> None:
        self.returned_at = time.monotonic()
        self.present = True


def _lugn_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("lugn-")]


def test_device_pulled_and_restored_mid_call() -> None:
    rec = Recorder()
    source = UnpluggableSource(ReplaySource(DEMO, realtime=True, chunk_samples=512), fail_after_chunks=60)
    pipeline = Pipeline(source, on_event=rec, retry_initial_s=0.1, retry_max_s=1.0)
    pipeline.start()
    try:
        _, lost = rec.wait_for(DeviceLost, timeout_s=15)
        assert isinstance(lost, DeviceLost) and "unplugged" in lost.reason and lost.source == "mic"
        time.sleep(1.5)  # out for a while: retries fail, nothing crashes
        assert pipeline.running and not rec.of(DeviceRestored)
        source.plug_back()
        restored_wall, _ = rec.wait_for(DeviceRestored, timeout_s=5)
        assert restored_wall - (source.returned_at or 0) < 3.0
        beats_before = len(rec.of(Heartbeat))
        time.sleep(1.3)
        assert len(rec.of(Heartbeat)) > beats_before  # audio flows again
        print(f"\nresumed {restored_wall - (source.returned_at or 0):.2f} s after the device came back")
    finally:
        assert pipeline.stop(3.0)
    assert rec.of(CallStarted) and not rec.of(CallEnded)[:-1]
    assert _lugn_threads() == []


def test_stop_during_an_outage_is_prompt_and_leaves_no_thread() -> None:
    rec = Recorder()
    source = UnpluggableSource(ReplaySource(DEMO, chunk_samples=512), fail_after_chunks=5)
    pipeline = Pipeline(source, on_event=rec, retry_initial_s=0.2, retry_max_s=1.0)
    pipeline.start()
    rec.wait_for(DeviceLost)
    t0 = time.monotonic()
    assert pipeline.stop(3.0)
    assert time.monotonic() - t0 < 1.5
    assert _lugn_threads() == []


@pytest.mark.parametrize("damage", ["missing", "tampered"])
def test_model_missing_or_tampered_means_analysis_unavailable(tmp_path: Path, damage: str) -> None:
    models = tmp_path / "models"
    shutil.copytree(default_models_dir(), models)
    if damage == "missing":
        (models / "tone.onnx").unlink()
    else:
        data = bytearray((models / "tone.onnx").read_bytes())
        data[len(data) // 2] ^= 0xFF
        (models / "tone.onnx").write_bytes(bytes(data))
    events: list[Event] = []
    stereo, _ = sf.read(DEMO, dtype="float32", frames=16_000 * 12)
    short = tmp_path / "short.wav"
    sf.write(short, stereo, 16_000)
    Pipeline(ReplaySource(short), on_event=events.append, models_dir=models).run_until_end()
    first = events[0]
    assert isinstance(first, AnalysisUnavailable)
    assert ("not found" if damage == "missing" else "fails its hash check") in first.reason
    assert not [e for e in events if isinstance(e, ToneSample)]
    assert any(isinstance(e, CallStarted) for e in events)
    assert any(isinstance(e, Heartbeat) for e in events)
    assert [e for e in events if isinstance(e, SpeechActivity)]


def test_pause_stops_analysis_and_control_socket_drives_calls(tmp_path: Path) -> None:
    """The runtime owns the control socket; its commands are the runtime's action methods."""
    rec = Recorder()
    source = ReplaySource(DEMO, realtime=True, chunk_samples=800)
    runtime = AgentRuntime(source, LugnConfig(), metrics=False, control_address=tmp_path / "ctl" / "s.sock")
    runtime.attach(lambda item: rec(item) if isinstance(item, Event) else None)
    runtime.start()
    server = runtime.control
    assert isinstance(server, ControlServer) and server.address.exists()
    try:
        rec.wait_for(CallStarted)
        assert send("call end", server.address) == {"ok": True, "command": "call end"}
        rec.wait_for(CallEnded)
        assert send("pause", server.address)["ok"]
        rec.wait_for(PauseChanged)
        n = len(rec.events)
        time.sleep(1.2)
        during = [e for _, e in rec.events[n:]]
        assert {e.kind for e in during} == {"Heartbeat", "AudioLevels"}  # no VAD, tone or calls while paused
        status = send("status", server.address)["status"]
        assert status["paused"] is True and status["in_call"] is False
        assert send("resume", server.address)["ok"]
        assert send("call start", server.address)["ok"]
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and len(rec.of(CallStarted)) < 2:
            time.sleep(0.02)
        starts = [e for _, e in rec.of(CallStarted)]
        assert [s.source for s in starts] == ["auto", "control"]  # type: ignore[attr-defined]
        reply = send("dance", server.address)
        assert reply["ok"] is False and "unknown command" in reply["error"]
        assert "call start" in reply["error"] and "status" in reply["error"]
    finally:
        assert runtime.stop(3.0)
    assert not server.address.exists()
    assert _lugn_threads() == []


def test_on_event_errors_do_not_stop_the_pipeline(tmp_path: Path) -> None:
    stereo = np.zeros((16_000 * 3 + 1000, 2), np.float32)
    path = tmp_path / "quiet.wav"
    sf.write(path, stereo, 16_000)
    seen: list[Event] = []

    def flaky(event: Event) -> None:
        seen.append(event)
        raise RuntimeError("a buggy consumer")

    pipeline = Pipeline(ReplaySource(path), on_event=flaky)
    pipeline.run_until_end()
    assert len([e for e in seen if isinstance(e, Heartbeat)]) == 3
    assert pipeline.callback_errors == len(seen)


def test_no_headset_at_start_then_plugged_in() -> None:
    rec = Recorder()
    source = UnpluggableSource(ReplaySource(DEMO, chunk_samples=512), fail_after_chunks=-1)
    source.present = False
    pipeline = Pipeline(source, on_event=rec, retry_initial_s=0.05, retry_max_s=0.2)
    pipeline.start()
    try:
        _, lost = rec.wait_for(DeviceLost)
        assert lost.t_s == 0.0 and lost.source == "mic"  # type: ignore[attr-defined]
        time.sleep(0.3)
        source.plug_back()
        _, restored = rec.wait_for(DeviceRestored)
        assert restored.source == "mic"  # type: ignore[attr-defined]
        rec.wait_for(Heartbeat)
    finally:
        assert pipeline.stop(3.0)
    assert len(rec.of(DeviceLost)) == 1  # retries do not repeat the event
