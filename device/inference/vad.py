"""Silero VAD (MIT) on onnxruntime alone: 512-sample frames at 16 kHz with the carried context and LSTM state.

The graph is the wheel's 16 kHz *sequence* build with a channel axis (``scripts/build_vad_model.py``; weights
untouched, outputs identical to the step graph): one ``session.run`` takes a group of frames of every channel.
``SpeechGate`` turns per-frame probabilities into speech decisions with hysteresis (stop = start - 0.15) and
minimum speech / silence durations, so one loud click or a breath does not flip speech activity.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from device.audio import SAMPLE_RATE_HZ
from device.audio.framing import dbfs, mean_square
from device.inference.models import LoadedModel, load_model

FRAME_SAMPLES = 512
CONTEXT_SAMPLES = 64
ROW_SAMPLES = CONTEXT_SAMPLES + FRAME_SAMPLES
HIDDEN = 128
FRAME_S = FRAME_SAMPLES / SAMPLE_RATE_HZ
NOISE_RISE_DB_PER_S = 1.0
# The pipeline hands the VAD 6 frames (192 ms) of both channels at a time: one model call per live read
# instead of six. Results do not depend on the grouping; only the noise pre-gate decides per group.
GROUP_FRAMES = 6


class SileroVad:
    """Streaming speech probability for ``channels`` streams; owns their context and LSTM state.

    ``process_group`` takes ``[channels, frames, 512]`` and runs the model ONCE for every channel that needs
    it: for this small model the per-call overhead is most of the cost (and at real-time pacing each call
    pays for cold caches), so a group of 3 frames of 2 channels costs about what one frame of one did.
    """

    def __init__(
        self,
        model: LoadedModel | None = None,
        models_dir: Path | None = None,
        floor_dbfs: float = -60.0,
        channels: int = 1,
        noise_margin_db: float = 6.0,
        quiet_prob: float = 0.1,
    ) -> None:
        self._model = model or load_model("silero_vad", models_dir)
        self._session = self._model.session
        self.channels = channels
        # A channel whose whole group is quieter than this is not speech for any purpose here; skipping the
        # model keeps the CPU cost of a silent channel near zero. Its LSTM state restarts after such a group.
        self._floor_ms = float(10.0 ** (floor_dbfs / 10.0))
        # Background-noise pre-gate: a group whose every frame is within noise_margin_db of the channel's
        # background level (tracked per channel: down at once, up by NOISE_RISE_DB_PER_S), right after a frame
        # the model called clearly not speech (< quiet_prob), is taken as not speech (0.0) without running the
        # model; the LSTM state is carried as is (measured closer to the always-run model than restarting it).
        self.noise_margin_db, self.quiet_prob = noise_margin_db, quiet_prob
        self._noise_rise_db = NOISE_RISE_DB_PER_S * FRAME_S
        self.skipped = 0  # channel frames the model did not run on (for the bench)
        self.calls = 0  # model runs
        self._context = np.zeros((channels, CONTEXT_SAMPLES), dtype=np.float32)
        self._h = np.zeros((1, channels, HIDDEN), dtype=np.float32)
        self._c = np.zeros((1, channels, HIDDEN), dtype=np.float32)
        self._bound: dict[tuple[tuple[int, ...], int], _Bound] = {}  # per (channels run, frames)
        self.reset()

    def reset(self) -> None:
        self._h[:] = 0.0
        self._c[:] = 0.0
        self._context[:] = 0.0
        self._noise_db = [math.inf] * self.channels
        self._last_prob = [1.0] * self.channels  # the model runs on the first audible group of each channel

    def process(self, frame: np.ndarray) -> float:
        """Probability in [0, 1] that this 512-sample float32 frame is speech (single-channel use)."""
        if self.channels != 1:
            raise ValueError(f"this SileroVad has {self.channels} channels; use process_group()")
        return float(self.process_group(_frame(frame)[None, None, :])[0, 0])

    def process_group(self, frames: np.ndarray) -> np.ndarray:
        """``[channels, n, 512]`` float32 -> ``[channels, n]`` speech probabilities, frame by frame."""
        if frames.ndim != 3 or frames.shape[0] != self.channels or frames.shape[2] != FRAME_SAMPLES:
            raise ValueError(
                f"SileroVad.process_group expects [{self.channels}, frames, {FRAME_SAMPLES}], "
                f"got {frames.shape}"
            )
        n = frames.shape[1]
        probs = np.zeros((self.channels, n), dtype=np.float32)
        if n == 0:
            return probs
        ms = (np.einsum("cgi,cgi->cg", frames, frames, dtype=np.float64) / FRAME_SAMPLES).tolist()
        run = tuple(ch for ch in range(self.channels) if self._needs_model(ch, ms[ch]))
        if run:
            bound = self._bound.get((run, n)) or self._bind(run, n)
            rows = bound.x.reshape(len(run), n, ROW_SAMPLES)
            for i, ch in enumerate(run):
                rows[i, 0, :CONTEXT_SAMPLES] = self._context[ch]
                rows[i, 1:, :CONTEXT_SAMPLES] = frames[ch, :-1, -CONTEXT_SAMPLES:]
                rows[i, :, CONTEXT_SAMPLES:] = frames[ch]
                bound.h[0, i] = self._h[0, ch]
                bound.c[0, i] = self._c[0, ch]
            self._session.run_with_iobinding(bound.binding)
            self.calls += 1
            out = bound.out.reshape(len(run), n)
            for i, ch in enumerate(run):
                probs[ch] = out[i]
                self._h[0, ch] = bound.h_out[0, i]
                self._c[0, ch] = bound.c_out[0, i]
                self._last_prob[ch] = float(out[i, -1])
        self._context[:] = frames[:, -1, -CONTEXT_SAMPLES:]
        return probs

    def _needs_model(self, ch: int, ms: list[float]) -> bool:
        """Digital-silence floor and background-noise pre-gate for one channel's group (``ms`` per frame)."""
        floor = self._floor_ms
        if all(m < floor for m in ms):
            self._h[0, ch] = self._c[0, ch] = 0.0
            self._last_prob[ch] = 1.0  # unknown: the model judges the next audible frame
            self.skipped += len(ms)
            return False
        quiet = self._last_prob[ch] < self.quiet_prob
        noise_db = self._noise_db[ch]
        for m in ms:
            if m < floor:
                continue
            level_db = 10.0 * math.log10(max(m, 1e-30))
            quiet = quiet and level_db < noise_db + self.noise_margin_db
            noise_db = min(level_db, noise_db + self._noise_rise_db)
        self._noise_db[ch] = noise_db
        if quiet:
            self.skipped += len(ms)
        return not quiet

    def _bind(self, run: tuple[int, ...], n: int) -> _Bound:
        """onnxruntime I/O bound to fixed arrays for this set of channels and group size (no per-call tensor
        allocation)."""
        k = len(run)
        bound = _Bound(
            binding=self._session.io_binding(),
            x=np.zeros((k * n, ROW_SAMPLES), dtype=np.float32),
            h=np.zeros((1, k, HIDDEN), dtype=np.float32),
            c=np.zeros((1, k, HIDDEN), dtype=np.float32),
            out=np.zeros(k * n, dtype=np.float32),
            h_out=np.zeros((1, k, HIDDEN), dtype=np.float32),
            c_out=np.zeros((1, k, HIDDEN), dtype=np.float32),
        )
        b = bound.binding
        b.bind_cpu_input("input", bound.x)
        b.bind_cpu_input("h", bound.h)
        b.bind_cpu_input("c", bound.c)
        for name, arr in (("speech_probs", bound.out), ("hn", bound.h_out), ("cn", bound.c_out)):
            b.bind_output(name, "cpu", 0, np.float32, arr.shape, arr.ctypes.data)
        self._bound[run, n] = bound
        return bound


def _frame(frame: np.ndarray) -> np.ndarray:
    if frame.ndim != 1 or frame.shape[0] != FRAME_SAMPLES:
        raise ValueError(
            f"SileroVad.process expects a 1-D frame of {FRAME_SAMPLES} samples, got {frame.shape}"
        )
    return np.asarray(frame, dtype=np.float32)


@dataclass(frozen=True)
class _Bound:
    binding: Any  # onnxruntime.IOBinding
    x: np.ndarray
    h: np.ndarray
    c: np.ndarray
    out: np.ndarray
    h_out: np.ndarray
    c_out: np.ndarray


@dataclass(frozen=True)
class GateDecision:
    speech: bool  # this frame belongs to speech (hysteresis only; used to gate the tone model)
    active: bool  # debounced speech activity (hysteresis + minimum durations; drives SpeechActivity events)
    changed: bool  # ``active`` changed on this frame


class SpeechGate:
    """Hysteresis + minimum durations on VAD probabilities, frame by frame."""

    def __init__(
        self,
        threshold: float = 0.5,
        min_speech_s: float = 0.25,
        min_silence_s: float = 0.40,
        frame_s: float = FRAME_S,
    ) -> None:
        if not 0.15 < threshold < 1.0:
            raise ValueError(f"VAD threshold must be in (0.15, 1), got {threshold}")
        self.start_threshold = threshold
        self.stop_threshold = threshold - 0.15
        self._min_speech_frames = max(1, round(min_speech_s / frame_s))
        self._min_silence_frames = max(1, round(min_silence_s / frame_s))
        self.reset()

    def reset(self) -> None:
        self._speech = False
        self._active = False
        self._run = 0  # consecutive frames contradicting ``_active``

    @property
    def active(self) -> bool:
        return self._active

    def process(self, prob: float) -> GateDecision:
        if self._speech:
            self._speech = prob >= self.stop_threshold
        else:
            self._speech = prob >= self.start_threshold
        if self._speech != self._active:
            self._run += 1
            needed = self._min_speech_frames if self._speech else self._min_silence_frames
            if self._run >= needed:
                self._active = self._speech
                self._run = 0
                return _DECISIONS[self._speech, self._active, True]
        else:
            self._run = 0
        return _DECISIONS[self._speech, self._active, False]


# the eight possible decisions, made once (frozen: shared safely; no allocation per frame)
_BOOLS = (False, True)
_DECISIONS = {(s, a, c): GateDecision(s, a, c) for s in _BOOLS for a in _BOOLS for c in _BOOLS}


class EnergyVad:
    """Stand-in when the Silero model cannot be used: a level-based speech probability (crude, but calls and
    speech activity keep working)."""

    def __init__(self, speech_dbfs: float = -40.0, width_db: float = 4.0) -> None:
        self.speech_dbfs = speech_dbfs
        self.width_db = width_db

    def reset(self) -> None:
        pass

    def process(self, frame: np.ndarray) -> float:
        level = dbfs(mean_square(frame))
        return float(1.0 / (1.0 + np.exp(-(level - self.speech_dbfs) / self.width_db)))

    def process_group(self, frames: np.ndarray) -> np.ndarray:
        """``[channels, n, samples]`` -> ``[channels, n]``, like ``SileroVad.process_group``."""
        return np.array([[self.process(f) for f in channel] for channel in frames], dtype=np.float32)
