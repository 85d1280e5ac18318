"""A stand-in for ``sounddevice`` with one USB headset, for ``lugn bench``'s live-path measurement.

The machine that runs the benchmark has no sound card. This module offers what ``LiveSource`` asks PortAudio
for: a 48 kHz mono headset microphone and the 48 kHz stereo monitor of its output, whose input streams call
their callbacks from their own thread once per block (the ``blocksize`` asked for) of real time, as PortAudio
does. So a benchmark through it pays for everything the live path costs (callbacks, hand-over, 48 -> 16 kHz
conversion, the pipeline's wake-ups) except PortAudio and the driver themselves. The callback thread is named
``sim-portaudio`` so its CPU can be told apart from the pipeline's.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import numpy as np

RATE_HZ = 48_000
BLOCK_S = 0.032
MIC = "Jabra Evolve2 65 Mono"
MONITOR = "Monitor of Jabra Evolve2 65 Analog Stereo"


def upsample(x: np.ndarray, factor: int = 3) -> np.ndarray:
    """16 kHz -> 48 kHz by linear interpolation (the content only has to look like speech to the runtime)."""
    n = len(x)
    return np.interp(np.arange(n * factor) / factor, np.arange(n), x).astype(np.float32)


class _Stream:
    def __init__(self, owner: SimulatedHeadset, audio: np.ndarray, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self.active = False
        self._audio = (
            audio if kwargs["channels"] == 1 else np.repeat(audio[:, None], kwargs["channels"], axis=1)
        )
        self._owner = owner
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.active = True
        self._thread = threading.Thread(target=self._run, name="sim-portaudio", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        callback, block = self.kwargs["callback"], int(self.kwargs.get("blocksize") or RATE_HZ * BLOCK_S)
        t0, block_s = self._owner.t0, block / RATE_HZ
        for k in range(len(self._audio) // block):
            if not self.active:
                return
            delay = t0 + (k + 1) * block_s - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            data = self._audio[k * block : (k + 1) * block]
            callback(data.reshape(block, -1), block, None, 0)
        self.active = False  # the recording is over: LiveSource sees a stopped stream

    def abort(self) -> None:
        self.active = False

    def close(self) -> None:
        self.active = False
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(1.0)


class SimulatedHeadset:
    """``sounddevice``-like module: ``query_hostapis``, ``query_devices``, ``default``, ``InputStream``."""

    def __init__(self, agent_16k: np.ndarray, customer_16k: np.ndarray) -> None:
        self._audio = {MIC: upsample(agent_16k), MONITOR: upsample(customer_16k)}
        self._devices = [
            {"name": n, "hostapi": 0, "max_input_channels": ch, "max_output_channels": 0,
             "default_samplerate": float(RATE_HZ)}
            for n, ch in ((MIC, 1), (MONITOR, 2))
        ]  # fmt: skip
        self.default = type("Default", (), {"device": (0, -1)})()
        self.streams: list[_Stream] = []
        self.t0 = 0.0

    def query_hostapis(self) -> list[dict[str, Any]]:
        return [{"name": "PulseAudio"}]

    def query_devices(self) -> list[dict[str, Any]]:
        return self._devices

    def InputStream(self, **kwargs: Any) -> _Stream:
        if int(kwargs["samplerate"]) != RATE_HZ:  # like PortAudio for a rate the device does not have
            raise RuntimeError(f"Invalid sample rate {kwargs['samplerate']}")
        if not self.streams:
            self.t0 = time.monotonic() + 0.05  # both streams share one clock
        stream = _Stream(self, self._audio[self._devices[kwargs["device"]]["name"]], **kwargs)
        self.streams.append(stream)
        return stream

    @property
    def seconds(self) -> float:
        return len(self._audio[MIC]) / RATE_HZ
