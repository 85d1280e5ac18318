"""The live path end to end without a sound card: LiveSource on the simulated 48 kHz USB headset that
``lugn bench`` uses (callbacks every 32 ms of real time from their own thread), through the real pipeline."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import soundfile as sf

from device.audio.live import MIN_READ_S, LiveSource
from device.audio.source import Chunk
from device.events import AudioLevels, Event
from device.inference.vad import FRAME_SAMPLES, GROUP_FRAMES
from device.pipeline import Pipeline
from devkit.simheadset import SimulatedHeadset

DEMO = Path(__file__).resolve().parents[2] / "device" / "assets" / "demo_call.flac"


def test_simulated_headset_reaches_the_pipeline_in_real_time() -> None:
    audio, _ = sf.read(DEMO, dtype="float32", always_2d=True)
    seconds = 4.0
    n = int(seconds * 16_000)
    sim = SimulatedHeadset(audio[:n, 0], audio[:n, 1])
    events: list[Event] = []
    source = LiveSource(sd_module=sim)
    reads = 0
    read = source.read

    def counted(timeout_s: float) -> Chunk | None:
        nonlocal reads
        reads += 1
        return read(timeout_s)

    source.read = counted  # type: ignore[method-assign]
    pipe = Pipeline(source, on_event=events.append)
    t0 = time.monotonic()
    pipe.start()
    deadline = time.monotonic() + seconds + 10.0  # real time, plus slack for a loaded CI machine
    while sum(e.kind == "Heartbeat" for e in list(events)) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    assert pipe.stop(3.0)
    assert not [t for t in threading.enumerate() if t.name in ("lugn-pipeline", "sim-portaudio")]
    kinds = [e.kind for e in events]
    # both 48 kHz streams were converted to 16 kHz and framed: one heartbeat per second of stream time
    assert kinds.count("Heartbeat") >= 3, kinds  # 3.84 s of whole 192 ms blocks reached the pipeline
    assert "CallStarted" in kinds  # the customer side (the monitor stream) speaks from 0.8 s
    levels = [e for e in events if isinstance(e, AudioLevels)]
    assert levels and all(np.isfinite(e.customer_dbfs) and e.customer_dbfs > -60 for e in levels[1:])
    # the pipeline thread sleeps per read (MIN_READ_S of audio) instead of waking for every device block
    elapsed = time.monotonic() - t0
    assert reads <= elapsed / MIN_READ_S * 1.5 + 5, (reads, elapsed)
    assert MIN_READ_S * 16_000 == GROUP_FRAMES * FRAME_SAMPLES  # one read = one VAD group
    assert source.overflows == 0
