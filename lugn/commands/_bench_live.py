"""``lugn bench``'s runtime and its live-path figures: ``LiveSource`` on the simulated headset
(``devkit.simheadset``). Imports nothing from ``bench`` (which imports this)."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

from device.audio import SAMPLE_RATE_HZ


def bench_runtime(source: Any, listener: Any = None) -> Any:
    """The seat's runtime on ``source``, without the control socket and metrics (not what is measured)."""
    from device.config import LugnConfig
    from device.notice import told_elsewhere
    from device.runtime import AgentRuntime

    listeners = [listener] if listener is not None else []
    config = told_elsewhere(
        LugnConfig(), "lugn bench: synthetic and recorded audio"
    )  # the full path is measured
    return AgentRuntime(source, config, metrics=False, control=False, listeners=listeners, oplog=False)


def bench_live_paced(agent: Any, customer: Any, paced_s: float) -> dict[str, float]:
    """The live path at real-time pacing: LiveSource on a simulated 48 kHz USB headset (``devkit.simheadset``)
    whose streams call back once per block from their own thread, through the 48 -> 16 kHz conversion and the
    pipeline."""
    import numpy as np
    import psutil

    from device.audio.live import LiveSource
    from devkit.simheadset import SimulatedHeadset

    n = round(paced_s * SAMPLE_RATE_HZ)
    sim = SimulatedHeadset(np.resize(agent, n), np.resize(customer, n))
    runtime = bench_runtime(LiveSource(sd_module=sim))
    proc = psutil.Process()
    before = {t.id: t.user_time + t.system_time for t in proc.threads()}
    c0, t0 = sum(proc.cpu_times()[:2]), time.perf_counter()
    runtime.start()
    time.sleep(paced_s)
    names = {t.native_id: t.name for t in threading.enumerate()}
    after = {t.id: t.user_time + t.system_time for t in proc.threads()}
    cpu, wall = sum(proc.cpu_times()[:2]) - c0, time.perf_counter() - t0
    runtime.stop(2.0)
    callbacks = sum(v - before.get(k, 0.0) for k, v in after.items() if names.get(k) == "sim-portaudio")
    return {
        "live_paced_s": wall,
        "live_paced_cpu_pct_one_core": 100.0 * (cpu - callbacks) / wall,
        "live_callbacks_cpu_pct_one_core": 100.0 * callbacks / wall,
    }


def bench_live_latency(path: Path, agent: Any, customer: Any) -> dict[str, float]:
    """Wall clock from the start of sustained angry speech (the demo timeline's ``angry_speech_start_s``)
    being played by the simulated headset to the pipeline's ``ToneChanged(frustrated)``: the stream-time
    latency of the smoothing plus device blocks, the read and processing. Demo call only (needs its
    timeline)."""
    import numpy as np

    from device.audio.live import LiveSource
    from devkit.simheadset import SimulatedHeadset

    timeline_path = path.with_name(path.stem + ".timeline.json")
    if not timeline_path.is_file():
        return {}
    onset = float(json.loads(timeline_path.read_text())["angry_speech_start_s"])
    n = round((onset + 5.0) * SAMPLE_RATE_HZ)
    sim = SimulatedHeadset(np.asarray(agent[:n]), np.asarray(customer[:n]))
    seen: list[tuple[float, float]] = []

    def on_event(event: Any) -> None:
        if event.kind == "ToneChanged" and event.state.value == "frustrated" and not seen:
            seen.append((time.monotonic(), event.t_s))

    runtime = bench_runtime(LiveSource(sd_module=sim), on_event)
    runtime.start()
    deadline = time.monotonic() + onset + 6.0
    while not seen and time.monotonic() < deadline:
        time.sleep(0.05)
    runtime.stop(2.0)
    if not seen:
        return {"live_onset_to_frustrated_s": float("nan")}
    wall, t_s = seen[0]
    return {
        "live_onset_to_frustrated_s": wall - (sim.t0 + onset),
        "stream_onset_to_frustrated_s": t_s - onset,
    }
