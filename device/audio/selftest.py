"""``lugn doctor --loopback-test``: does the far-end capture hear what the headset plays?

Plays a short, quiet chirp (0.4 s, 600 -> 3000 Hz, -30 dBFS) on the output the far end was planned from,
records the far-end capture at the same time, and finds the chirp by normalised cross-correlation. Reports
correlation, level and delay, or why it could not. Never during a call: refused while the local agent says
it is in a call, or while another program is playing on that output (a softphone).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

RATE_HZ = 48_000
CHIRP_S = 0.4
CHIRP_DBFS = -30.0
LISTEN_S = 1.5  # recorded after the chirp was played out: covers playback + capture latency
MIN_CORRELATION = 0.5
FIRST_BLOCK_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class LoopbackResult:
    heard: bool
    message: str
    correlation: float | None = None
    level_dbfs: float | None = None
    delay_ms: float | None = None
    refused: bool = False  # not run because a call may be on (not a fault of the seat)


def chirp(rate_hz: int = RATE_HZ) -> np.ndarray:
    t = np.arange(int(CHIRP_S * rate_hz)) / rate_hz
    f0, f1 = 600.0, 3000.0
    k = (f1 / f0) ** (1 / CHIRP_S)
    phase = 2 * np.pi * f0 * (k**t - 1) / np.log(k)  # exponential sweep
    fade = np.minimum(1.0, np.minimum(t, CHIRP_S - t) / 0.02)  # 20 ms ramps: no clicks
    return (10 ** (CHIRP_DBFS / 20) * np.sin(phase) * fade).astype(np.float32)


def analyse(recorded: np.ndarray, reference: np.ndarray, rate_hz: int, play_at: int) -> LoopbackResult:
    """Find ``reference`` in ``recorded`` (mono); ``play_at`` = the recorded sample when playback began."""
    from scipy.signal import correlate

    if len(recorded) < len(reference):
        return LoopbackResult(False, "the capture delivered too little audio to look for the chirp")
    xc = correlate(recorded, reference, mode="valid", method="fft")
    energy = np.convolve(recorded**2, np.ones(len(reference)), mode="valid")
    norm = np.sqrt(np.maximum(energy, 1e-20) * float(np.sum(reference**2)))
    ncc = np.abs(xc) / norm
    at = int(np.argmax(ncc))
    corr = float(ncc[at])
    seg = recorded[at : at + len(reference)]
    level = float(20 * np.log10(max(np.sqrt(np.mean(seg**2)) * np.sqrt(2), 1e-10)))
    delay_ms = (at - play_at) / rate_hz * 1000.0
    if corr < MIN_CORRELATION:
        peak = float(20 * np.log10(max(float(np.abs(recorded).max()), 1e-10)))
        why = "silence" if peak < -80 else f"sound, peak {peak:.1f} dBFS, but not the chirp"
        return LoopbackResult(
            False,
            f"did NOT hear the chirp (best correlation {corr:.2f} < {MIN_CORRELATION}; the capture had "
            f"{why}): "
            "the far-end source is not what the headset plays",
            corr, level, delay_ms,
        )  # fmt: skip
    return LoopbackResult(
        True, f"heard the chirp: correlation {corr:.2f}, level {level:.1f} dBFS, delay {delay_ms:.0f} ms",
        corr, level, delay_ms,
    )  # fmt: skip


def agent_in_call() -> str | None:
    """Why not now, if the running agent (its control socket) says a call is on; None otherwise."""
    try:
        from device.control import send

        status = send("status", timeout_s=1.0)
    except Exception:  # no agent running, or its socket is not ours to ask
        return None
    state = status.get("status", status)
    if isinstance(state, dict) and state.get("in_call"):
        return "the Lugn agent on this seat is in a call"
    return None


def run_loopback_test(audio: Any = None, backend: Any = None) -> LoopbackResult:
    """Plan the seat as ``lugn run`` would, then chirp on the far end's output and listen."""
    from device.audio.capture import make_backend
    from device.audio.settings import AudioSettings
    from device.hwinfo import plan_seat

    if why := agent_in_call():
        return LoopbackResult(
            False, f"not run: {why} (the self-test never plays during a call)", refused=True
        )
    backend = backend or make_backend()
    try:
        inventory = backend.inventory()
        if inventory.error:
            return LoopbackResult(False, f"not run: {inventory.error}")
        plan = plan_seat(audio or AudioSettings(), inventory)
        far = plan.far_end
        if plan.problem or far is None or not far.possible or far.device is None:
            why = plan.problem or (far.detail if far else "no far end planned")
            return LoopbackResult(False, f"not run: no far-end capture to test ({why})")
        out = far.output or (far.device if far.loopback else None)
        if out is None:
            return LoopbackResult(
                False, f"not run: the far end ({far.detail}) is not the loopback of a known output"
            )
        busy = backend.busy(out) if hasattr(backend, "busy") else []
        if busy:
            return LoopbackResult(
                False,
                f"not run: {', '.join(busy)} is playing on {out.name!r} (a call?); the self-test never plays "
                "over other audio",
                refused=True,
            )
        return _chirp_and_listen(backend, far.device, out, far.loopback)
    finally:
        backend.close()


def _chirp_and_listen(backend: Any, capture: Any, out: Any, loopback: bool) -> LoopbackResult:
    from device.audio.capture import Pumper, StreamSpec

    blocks: list[np.ndarray] = []
    first = threading.Event()
    arrivals: list[tuple[int, float]] = []  # (samples delivered up to this block, monotonic arrival time)

    def on_block(block: np.ndarray, frames: int, _t: Any, _s: Any) -> None:
        blocks.append(block.mean(axis=1) if block.ndim == 2 else block.copy())
        arrivals.append(((arrivals[-1][0] if arrivals else 0) + frames, time.monotonic()))
        first.set()

    block_frames = RATE_HZ // 20  # 50 ms
    stream = backend.open_input(capture, StreamSpec(RATE_HZ, 1, block_frames, on_block, loopback))
    pumper = Pumper(backend).start()  # a pull-mode backend (pulse) delivers only while pumped
    try:
        if not first.wait(FIRST_BLOCK_TIMEOUT_S):
            return LoopbackResult(
                False, f"the far-end capture delivered nothing in {FIRST_BLOCK_TIMEOUT_S:g} s"
            )
        time.sleep(0.2)  # a little silence before the chirp: the correlation needs a floor
        reference = chirp()
        # A monitor can deliver audio the sink rendered ahead of time (PulseAudio rewinds on a new stream):
        # the chirp may start a little before this position, so the whole recording is searched.
        play_at = arrivals[-1][0]
        t_play = time.monotonic()
        try:
            backend.play(out, reference, RATE_HZ)
        except Exception as exc:
            return LoopbackResult(False, f"could not play the chirp on {out.name!r}: {exc}")
        deadline = time.monotonic() + LISTEN_S
        while time.monotonic() < deadline and getattr(stream, "active", True):
            time.sleep(0.05)
        if not getattr(stream, "active", True):
            return LoopbackResult(False, f"the far-end capture stopped: {getattr(stream, 'error', None)}")
    finally:
        pumper.stop()
        stream.abort()
        stream.close()
    recorded = np.concatenate(blocks).astype(np.float64)
    result = analyse(recorded, reference.astype(np.float64), RATE_HZ, play_at)
    if result.heard and result.delay_ms is not None:
        # delay as Lugn lives it: playback start -> the block holding the chirp's start reaches the capture
        onset = play_at + round(result.delay_ms * RATE_HZ / 1000)
        got = next((t for end, t in arrivals if end > onset), t_play)
        delay_ms = (got - t_play) * 1000.0
        said = "under 50 ms (within one block)" if delay_ms < 50 else f"{delay_ms:.0f} ms (+-50 ms)"
        msg = result.message.rsplit("delay", 1)[0] + f"delay {said} from playback to Lugn"
        result = LoopbackResult(True, msg, result.correlation, result.level_dbfs, delay_ms)
    return result
