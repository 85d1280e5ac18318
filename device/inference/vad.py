"""Silero VAD (MIT) on onnxruntime alone: 512-sample frames at 16 kHz with the carried context and RNN state.

The graph is the 16 kHz build from the ``silero-vad`` wheel's package data; ``device/models/silero_vad.onnx``.
``SpeechGate`` turns per-frame probabilities into speech decisions with hysteresis (stop = start - 0.15) and
minimum speech / silence durations, so one loud click or a breath does not flip speech activity.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from device.audio import SAMPLE_RATE_HZ
from device.inference.models import LoadedModel, load_model

FRAME_SAMPLES = 512
CONTEXT_SAMPLES = 64
FRAME_S = FRAME_SAMPLES / SAMPLE_RATE_HZ


class SileroVad:
    """Streaming speech probability for one channel; owns its context and state."""

    def __init__(
        self, model: LoadedModel | None = None, models_dir: Path | None = None, floor_dbfs: float = -60.0
    ) -> None:
        self._model = model or load_model("silero_vad", models_dir)
        # Frames quieter than this are not speech for any purpose here; skipping the model on them keeps
        # the CPU cost of a silent channel near zero. The RNN state restarts after such a frame.
        self._floor_ms = float(10.0 ** (floor_dbfs / 10.0))
        self._session = self._model.session
        self._sr = np.array(SAMPLE_RATE_HZ, dtype=np.int64)
        self._input = np.zeros((1, CONTEXT_SAMPLES + FRAME_SAMPLES), dtype=np.float32)
        self.reset()

    def reset(self) -> None:
        self._state = np.zeros((2, 1, 128), dtype=np.float32)
        self._input[:] = 0.0

    def process(self, frame: np.ndarray) -> float:
        """Probability in [0, 1] that this 512-sample float32 frame is speech."""
        if frame.ndim != 1 or frame.shape[0] != FRAME_SAMPLES:
            raise ValueError(
                f"SileroVad.process expects a 1-D frame of {FRAME_SAMPLES} samples, got {frame.shape}"
            )
        # input = [last 64 samples of the previous frame | this frame]
        self._input[0, CONTEXT_SAMPLES:] = frame
        if float(np.dot(frame, frame)) / FRAME_SAMPLES < self._floor_ms:
            self._state[:] = 0.0
            self._input[0, :CONTEXT_SAMPLES] = frame[-CONTEXT_SAMPLES:]
            return 0.0
        out, state = self._session.run(None, {"input": self._input, "state": self._state, "sr": self._sr})
        self._state = state
        self._input[0, :CONTEXT_SAMPLES] = frame[-CONTEXT_SAMPLES:]
        return float(out[0, 0])


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
                return GateDecision(self._speech, self._active, True)
        else:
            self._run = 0
        return GateDecision(self._speech, self._active, False)
