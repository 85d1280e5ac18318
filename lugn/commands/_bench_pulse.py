"""``lugn bench``'s live path through a REAL PulseAudio (``devkit.pulse``: a private server, never the
user's, so the benchmark makes no sound): the demo call's customer channel is played into a null sink
(the headset speaker) and its agent channel feeds a pipe source (the headset mic); ``LiveSource`` captures
both through the pulse backend (pulled by the pipeline thread), 48 -> 16 kHz conversion and the whole
pipeline. Three figures, apart: this process (all of it: only the seat's runtime runs in it; the mic feeder is
a child process), the PulseAudio server (the monitor, the pipe source, the playback, what it sends to
Lugn), and the stand-ins for the seat's other programs (the mic feeder, ``paplay``), which are not Lugn's."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any


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
            others = [psutil.Process(pid) for pid in server.client_pids()]
            c0, s0, t0 = sum(proc.cpu_times()[:2]), sum(srv.cpu_times()[:2]), time.perf_counter()
            o0 = sum(sum(p.cpu_times()[:2]) for p in others)
            time.sleep(paced_s)
            cpu, server_cpu = sum(proc.cpu_times()[:2]) - c0, sum(srv.cpu_times()[:2]) - s0
            others_cpu = sum(sum(p.cpu_times()[:2]) for p in others) - o0
            wall = time.perf_counter() - t0
            status = pipe.status()
            pipe.stop(3.0)
            return {
                "pulse_paced_cpu_pct_one_core": 100.0 * cpu / wall,
                "pulse_server_cpu_pct_one_core": 100.0 * server_cpu / wall,
                "pulse_seat_cpu_pct_one_core": 100.0 * (cpu + server_cpu) / wall,
                "pulse_standins_cpu_pct_one_core": 100.0 * others_cpu / wall,
                "pulse_overflows": float(status.get("overflows", 0)),
            }
        finally:
            if saved is None:
                os.environ.pop("PULSE_SERVER", None)
            else:
                os.environ["PULSE_SERVER"] = saved
            server.stop()


def pulse_runs(samples: dict[str, list[float]]) -> dict[str, list[float]]:
    """Every run of the pulse figures, for the table's spans."""
    keys = ("pulse_paced_cpu_pct_one_core", "pulse_server_cpu_pct_one_core", "pulse_seat_cpu_pct_one_core")
    return {
        key.replace("_pct_one_core", "_runs"): [round(v, 2) for v in samples[key]]
        for key in keys
        if key in samples
    }


def pulse_rows(r: dict[str, Any], ok: Any, span: Any, target: float) -> list[tuple[str, str, str]]:
    """The table's rows for the real-PulseAudio live path: each figure says whose CPU it is."""
    if "pulse_paced_cpu_pct_one_core" not in r:
        return [("  live path, paced (REAL PulseAudio)", f"skipped: {r.get('pulse_skipped', 'n/a')}", "-")]

    def pct(key: str) -> str:
        runs = r.get(key.replace("_pct_one_core", "_runs"), [])
        return f"{r[key]:.2f} % of one core  {span(runs)}"

    return [
        ("  live path, paced (REAL PulseAudio): Lugn's process", pct("pulse_paced_cpu_pct_one_core"),
         ok(r["pulse_paced_cpu_pct_one_core"], target)),
        ("    the PulseAudio server (monitor, pipe-source mic, playback)",
         pct("pulse_server_cpu_pct_one_core"), ""),
        ("    Lugn's process + the server", pct("pulse_seat_cpu_pct_one_core"),
         ok(r["pulse_seat_cpu_pct_one_core"], target)),
        ("    (not Lugn: the mic feeder and paplay, standing in for the softphone)",
         f"{r['pulse_standins_cpu_pct_one_core']:.2f} % of one core", ""),
    ]  # fmt: skip
