"""Silero VAD (MIT) on onnxruntime alone: 512-sample frames at 16 kHz with the carried context and RNN state.

The graph is the 16 kHz build from the ``silero-vad`` wheel's package data; ``device/models/silero_vad.onnx``.
``SpeechGate`` turns per-frame probabilities into speech decisions with hysteresis (stop = start - 0.15) and
minimum speech / silence durations, so one loud click or a breath does not flip speech activity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from device.audio import SAMPLE_RATE_HZ
from device.inference.models import LoadedModel, load_model

FRAME_SAMPLES = 512
CONTEXT_SAMPLES = 64
FRAME_S = FRAME_SAMPLES / SAMPLE_RATE_HZ


class SileroVad:
    """Streaming speech probability; owns its context and state.

    ``channels`` > 1 runs several streams (agent and customer) through ONE ``session.run`` per frame: for this
    small model the per-call overhead is most of the cost, so two channels cost about what one does.
    """

    def __init__(
        self,
        model: LoadedModel | None = None,
        models_dir: Path | None = None,
        floor_dbfs: float = -60.0,
        channels: int = 1,
    ) -> None:
        self._model = model or load_model("silero_vad", models_dir)
        self._session = self._model.session
        self.channels = channels
        # Frames quieter than this are not speech for any purpose here; skipping the model on them keeps
        # the CPU cost of a silent channel near zero. That channel's RNN state restarts after such a frame.
        self._floor_ms = float(10.0 ** (floor_dbfs / 10.0))
        self._sr = np.array(SAMPLE_RATE_HZ, dtype=np.int64)
        self._input = np.zeros((channels, CONTEXT_SAMPLES + FRAME_SAMPLES), dtype=np.float32)
        self.reset()

    def reset(self) -> None:
        self._state = np.zeros((2, self.channels, 128), dtype=np.float32)
        self._input[:] = 0.0

    def process(self, frame: np.ndarray) -> float:
        """Probability in [0, 1] that this 512-sample float32 frame is speech (single-channel use)."""
        if self.channels != 1:
            raise ValueError(f"this SileroVad has {self.channels} channels; use process_many()")
        return self.process_many([frame])[0]

    def process_many(self, frames: Sequence[np.ndarray]) -> list[float]:
        """One probability per channel for one 512-sample frame of each."""
        if len(frames) != self.channels:
            raise ValueError(f"SileroVad has {self.channels} channel(s), got {len(frames)} frames")
        run = []
        for ch, frame in enumerate(frames):
            if frame.ndim != 1 or frame.shape[0] != FRAME_SAMPLES:
                raise ValueError(
                    f"SileroVad.process expects a 1-D frame of {FRAME_SAMPLES} samples, got {frame.shape}"
                )
            # input row = [last 64 samples of the previous frame | this frame]
            self._input[ch, CONTEXT_SAMPLES:] = frame
            if float(np.dot(frame, frame)) / FRAME_SAMPLES < self._floor_ms:
                self._state[:, ch] = 0.0
            else:
                run.append(ch)
        probs = [0.0] * self.channels
        if run:
            every = len(run) == self.channels
            x = self._input if every else self._input[run]
            state = self._state if every else self._state[:, run]
            out, new_state = self._session.run(None, {"input": x, "state": state, "sr": self._sr})
            if every:
                self._state = new_state
            else:
                self._state[:, run] = new_state
            for i, ch in enumerate(run):
                probs[ch] = float(out[i, 0])
        self._input[:, :CONTEXT_SAMPLES] = self._input[:, -CONTEXT_SAMPLES:]
        return probs


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
