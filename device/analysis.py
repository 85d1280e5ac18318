"""Optional analysis parts the pipeline loads at start: tone model, delivery meter, a VAD fallback.

Each may be missing (not yet installed, failed its hash check): the pipeline then reports why and keeps
running with what it has.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from device.audio.framing import dbfs, mean_square
from device.inference.models import ModelError
from device.inference.smoothing import SmoothingParams

log = logging.getLogger(__name__)

END_OF_TURN_S = 10.0


@dataclass
class ToneParts:
    scorer: Any | None  # device.inference.tone.ToneScorer
    params: SmoothingParams
    unavailable: str | None


def load_tone(models_dir: Path | None, threshold: float | None = None) -> ToneParts:
    """The tone scorer and the smoother's bands, scaled to ``threshold`` (the policy's ``tone.threshold``)
    or, without one, to the model's own operating point."""
    try:
        from device.inference.tone import ToneModel, ToneScorer
    except ImportError as exc:
        return ToneParts(None, SmoothingParams(), f"tone model code is not installed ({exc})")
    try:
        model = ToneModel.load(models_dir)
    except ModelError as exc:
        return ToneParts(None, SmoothingParams(), str(exc))
    except Exception as exc:  # a broken model must not take the agent down with it
        log.exception("tone model failed to load")
        return ToneParts(None, SmoothingParams(), f"tone model failed to load: {exc}")
    if threshold is None:
        threshold = float(getattr(model, "threshold", 0.5))
    params = SmoothingParams.for_threshold(threshold)
    return ToneParts(ToneScorer(model, end_of_turn_s=END_OF_TURN_S), params, None)


def load_delivery_meter() -> Any | None:
    """The coaching area's ``DeliveryMeter`` for the agent channel, if it is installed."""
    try:
        from device.audio.delivery import DeliveryMeter
    except ImportError:
        return None
    try:
        return DeliveryMeter()
    except Exception:
        log.exception("DeliveryMeter could not be created; delivery cues are off")
        return None


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
