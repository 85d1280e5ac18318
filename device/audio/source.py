"""The source contract the pipeline reads from, and the file replay source.

A source yields ``Chunk``s: equal-length 16 kHz mono float32 arrays for the agent and the customer. It raises
``DeviceError`` when its device goes away (the pipeline reports it and re-opens the source with backoff) and
``EndOfStream`` when a recording is over.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from device.audio import SAMPLE_RATE_HZ
from device.audio.resample import DeviceConverter


class DeviceError(RuntimeError):
    """An audio device cannot be opened or stopped delivering audio."""

    def __init__(self, message: str, source: str = "mic") -> None:
        super().__init__(message)
        self.source = source  # "mic", "far_end" or "replay"


class EndOfStream(Exception):
    """The recording is over."""


@dataclass(frozen=True)
class Chunk:
    agent: np.ndarray
    customer: np.ndarray

    def __post_init__(self) -> None:
        if self.agent.shape != self.customer.shape or self.agent.ndim != 1:
            raise ValueError(f"chunk sides differ: agent {self.agent.shape}, customer {self.customer.shape}")

    def __len__(self) -> int:
        return int(self.agent.shape[0])


class AudioSource(Protocol):
    name: str

    def open(self) -> None: ...

    def read(self, timeout_s: float) -> Chunk | None:
        """Next chunk, or None if nothing arrived within ``timeout_s``. Raises DeviceError / EndOfStream."""
        ...

    def close(self) -> None: ...


class ReplaySource:
    """A stereo WAV/FLAC (left = agent, right = customer) or two mono files, in real time or at full speed.

    Files at other rates are converted to 16 kHz once, here. Re-opening after a fault resumes where it
    stopped.
    """

    name = "replay"

    def __init__(
        self,
        path: str | Path | tuple[str | Path, str | Path],
        realtime: bool = False,
        chunk_samples: int = 512,
    ) -> None:
        if chunk_samples <= 0:
            raise ValueError(f"chunk_samples must be positive, got {chunk_samples}")
        self.realtime = realtime
        self.chunk_samples = int(chunk_samples)
        self.agent, self.customer = _load(path)
        self.duration_s = len(self.agent) / SAMPLE_RATE_HZ
        self._pos = 0
        self._t0: float | None = None

    def open(self) -> None:
        # Real-time pacing restarts from the current position after a re-open.
        self._t0 = time.monotonic() - self._pos / SAMPLE_RATE_HZ

    def read(self, timeout_s: float) -> Chunk | None:
        if self._pos >= len(self.agent):
            raise EndOfStream
        end = min(self._pos + self.chunk_samples, len(self.agent))
        if self.realtime:
            if self._t0 is None:
                self.open()
            assert self._t0 is not None
            due = self._t0 + end / SAMPLE_RATE_HZ
            wait = due - time.monotonic()
            if wait > timeout_s:
                time.sleep(timeout_s)
                return None
            if wait > 0:
                time.sleep(wait)
        chunk = Chunk(self.agent[self._pos : end], self.customer[self._pos : end])
        self._pos = end
        return chunk

    def close(self) -> None:
        self._t0 = None


def _load(path: str | Path | tuple[str | Path, str | Path]) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(path, tuple):
        (agent,) = _read(Path(path[0]), want_channels=1)
        (customer,) = _read(Path(path[1]), want_channels=1)
        n = max(len(agent), len(customer))
        return np.pad(agent, (0, n - len(agent))), np.pad(customer, (0, n - len(customer)))
    agent, customer = _read(Path(path), want_channels=2)
    return agent, customer


def _read(path: Path, want_channels: int) -> list[np.ndarray]:
    """Each channel of ``path`` as 16 kHz float32."""
    import soundfile as sf

    if not path.is_file():
        raise FileNotFoundError(f"recording not found: {path}")
    try:
        data, rate = sf.read(str(path), dtype="float32", always_2d=True)
    except Exception as exc:  # soundfile raises LibsndfileError / RuntimeError variants
        raise ValueError(f"cannot read {path} as WAV/FLAC audio: {exc}") from exc
    if data.shape[1] != want_channels:
        what = "a stereo file (left = agent, right = customer)" if want_channels == 2 else "a mono file"
        raise ValueError(f"{path} has {data.shape[1]} channel(s); expected {what}")
    out = []
    for ch in range(want_channels):
        conv = DeviceConverter(rate, channel=ch)
        out.append(np.concatenate([conv.process(data), conv.resampler.flush()]))
    return out
