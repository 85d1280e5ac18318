"""``lugn bench``'s live path through a REAL PulseAudio (``devkit.pulse``: a private server, never the
user's, so the benchmark makes no sound): the demo call's customer channel is played into a null sink
(the headset speaker) and its agent channel feeds a pipe source (the headset mic); ``LiveSource`` captures
both through the pulse backend (libpulse-simple reads in two capture threads, the server-event watcher),
48 -> 16 kHz conversion and the whole pipeline. The CPU of this process is reported without the devkit's
mic feeder thread; the PulseAudio server's own CPU (mixing, the monitor, the playback) is reported apart."""

from __future__ import annotations

import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

FEEDER_THREAD = "devkit-mic-feeder"


def bench_live_pulse(agent: Any, customer: Any, paced_s: float) -> dict[str, Any]:
    import numpy as np
    import psutil
    import soundfile as sf

    from device.audio.live import LiveSource
    from device.audio.pulse import PulseBackend
    from devkit.pulse import PrivatePulse, find_pulseaudio
    from lugn.commands._bench_live import bench_runtime

    if find_pulseaudio() is None:
        return {"pulse_skipped": "pulseaudio not installed"}
    rate = 16000  # the arrays come decoded at the pipeline's rate; PulseAudio resamples to the sink
    n = round((paced_s + 6.0) * rate)
    with tempfile.TemporaryDirectory(prefix="lugn-bench-pulse-") as tmp:
        server = PrivatePulse(Path(tmp))
        try:
            server.start()
        except RuntimeError as exc:
            return {"pulse_skipped": f"pulseaudio cannot start: {exc}"}
        saved = os.environ.get("PULSE_SERVER")
        os.environ["PULSE_SERVER"] = server.env["PULSE_SERVER"]
        try:
            server.load_sink("headset", "Jabra Evolve2 65 Analog Stereo")
            fifo = Path(tmp) / "mic.fifo"
            server.load_pipe_source(fifo, "headset_mic", "Jabra Evolve2 65 Mono")
            sf.write(Path(tmp) / "customer.wav", np.resize(np.asarray(customer, np.float32), n), rate)
            server.feed_mic(fifo, np.resize(np.asarray(agent, np.float32), n), rate)
            server.play(Path(tmp) / "customer.wav", sink="headset")
            pipe = bench_runtime(LiveSource(backend=PulseBackend()))  # the seat's runtime, as the other rows
            pipe.start()
            time.sleep(3.0)  # past the first block (an idle null sink takes up to 2 s to start its monitor)
            proc, srv = psutil.Process(), psutil.Process(server.proc.pid)  # type: ignore[union-attr]
            names = {t.native_id: t.name for t in threading.enumerate()}
            feeder = [k for k, v in names.items() if v == FEEDER_THREAD]
            before = {t.id: t.user_time + t.system_time for t in proc.threads()}
            c0, s0, t0 = sum(proc.cpu_times()[:2]), sum(srv.cpu_times()[:2]), time.perf_counter()
            time.sleep(paced_s)
            after = {t.id: t.user_time + t.system_time for t in proc.threads()}
            cpu, server_cpu = sum(proc.cpu_times()[:2]) - c0, sum(srv.cpu_times()[:2]) - s0
            wall = time.perf_counter() - t0
            status = pipe.status()
            pipe.stop(3.0)
            fed = sum(after.get(k, 0.0) - before.get(k, 0.0) for k in feeder)
            return {
                "pulse_paced_cpu_pct_one_core": 100.0 * (cpu - fed) / wall,
                "pulse_server_cpu_pct_one_core": 100.0 * server_cpu / wall,
                "pulse_overflows": float(status.get("overflows", 0)),
            }
        finally:
            if saved is None:
                os.environ.pop("PULSE_SERVER", None)
            else:
                os.environ["PULSE_SERVER"] = saved
            server.stop()
