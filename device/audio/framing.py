"""Fixed-step framing with a remainder buffer, and levels.

Whatever chunk sizes a source delivers, the pipeline sees the same 512-sample frames, so a recording gives the
same event sequence in chunks of 160, 1000 or 4096 samples.

The framer is the one door into the pipeline, so it also sanitises: a non-finite sample (a broken driver, a
float file with NaN in it) becomes silence and out-of-range samples are clipped to [-1, 1] before any stage
sees them; a single NaN would otherwise stay in the VAD state, the scorer's buffers and the smoother for good.
"""

from __future__ import annotations

import math
import warnings

import numpy as np

from device.audio.source import Chunk

SILENCE_DBFS = -120.0
_MAX_MEAN_SQUARE = 4.0  # RMS 2 (+6 dBFS) is beyond real audio: such a chunk is checked sample by sample
# a hostile chunk (values near float32's limit) overflows that dot product: expected, and handled right there
warnings.filterwarnings("ignore", "overflow encountered in dot", RuntimeWarning, __name__)


def sanitise(x: np.ndarray) -> tuple[np.ndarray, int]:
    """``x`` as float32 with non-finite samples zeroed and out-of-range ones clipped to [-1, 1]; and how many
    were non-finite. A clean chunk costs one dot product: NaN, infinities and huge values all show in it."""
    x = x.astype(np.float32, copy=False)
    if float(np.dot(x, x)) <= _MAX_MEAN_SQUARE * len(x):  # False for NaN and inf too
        return x, 0
    bad = int(np.count_nonzero(~np.isfinite(x)))
    return np.clip(np.nan_to_num(x, nan=0.0, posinf=0.0, neginf=0.0), -1.0, 1.0), bad


class Framer:
    """Two-channel fixed-size framing; owns the not-yet-framed remainder. Counts non-finite samples."""

    def __init__(self, frame_samples: int = 512) -> None:
        self.frame_samples = frame_samples
        self.bad_samples = 0
        self.reset()

    def reset(self) -> None:
        self._agent = np.zeros(0, dtype=np.float32)
        self._customer = np.zeros(0, dtype=np.float32)

    def process(self, chunk: Chunk) -> list[tuple[np.ndarray, np.ndarray]]:
        clean_agent, bad_agent = sanitise(chunk.agent)
        clean_customer, bad_customer = sanitise(chunk.customer)
        self.bad_samples += bad_agent + bad_customer
        agent = np.concatenate([self._agent, clean_agent])
        customer = np.concatenate([self._customer, clean_customer])
        n = len(agent) // self.frame_samples
        cut = n * self.frame_samples
        frames = [
            (agent[i : i + self.frame_samples], customer[i : i + self.frame_samples])
            for i in range(0, cut, self.frame_samples)
        ]
        self._agent, self._customer = agent[cut:], customer[cut:]
        return frames

    @property
    def pending_samples(self) -> int:
        return len(self._agent)


def mean_square(frame: np.ndarray) -> float:
    return float(np.dot(frame, frame)) / max(len(frame), 1)


def dbfs(mean_sq: float) -> float:
    """RMS level in dB relative to full scale (0 dBFS = RMS 1.0)."""
    if mean_sq <= 1e-12:
        return SILENCE_DBFS
    return max(SILENCE_DBFS, 10.0 * math.log10(mean_sq))


class LevelMeter:
    """RMS level over a span of frames (reset by the caller each reporting period)."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self._sum = 0.0
        self._n = 0

    def process(self, frame: np.ndarray) -> float:
        ms = mean_square(frame)
        self._sum += ms
        self._n += 1
        return ms

    def level_dbfs(self) -> float:
        return round(dbfs(self._sum / self._n), 1) if self._n else SILENCE_DBFS
