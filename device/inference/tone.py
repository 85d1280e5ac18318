"""The customer tone model: one window of 16 kHz waveform in, tone scores out; and its streaming scorer.

Runs on the CUSTOMER channel only (EU AI Act Art. 5(1)(f): no emotion inference on the worker's voice).
The feature front end is inside the ONNX graph, so this module only frames audio and feeds waveform.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from device.inference.models import LoadedModel, ModelError, load_model, load_unverified, read_manifest
from device.inference.smoothing import SmoothingParams

log = logging.getLogger(__name__)

MODEL_NAME = "tone"
LABELS = ("neutral", "happy", "sad", "angry")
OUTPUTS = ("probs", "frustration", "arousal", "valence")


@dataclass(frozen=True)
class ToneScores:
    """One window's scores, all in [0, 1]. ``frustration`` is compared with ``ToneModel.threshold``."""

    probs: Mapping[str, float]
    frustration: float
    arousal: float
    valence: float


@dataclass(frozen=True)
class BaselineSettings:
    """Normalisation against the caller's own running baseline (the runtime hears one caller for minutes).

    Frustration: ``sigmoid(z - weight * (q(z_seen) - prior))`` where ``z`` is the window's frustration logit
    and ``q`` the ``quantile``-th percentile of this caller's earlier window logits (a low quantile: the
    caller's calm self, which barely moves with how much of the call is angry). Probabilities: ``softmax(log
    p - weight * (mean(log p_seen) - prior_probs))``. Applied once ``warmup`` windows are in;
    ``prior``/``prior_probs`` are the same statistics of a training speaker, out-of-fold. See the model card
    for what it buys and its limits.
    """

    enabled: bool = False
    prior: float = 0.0
    prior_probs: tuple[float, ...] = (0.0, 0.0, 0.0, 0.0)
    quantile: float = 25.0
    weight: float = 1.0
    warmup: int = 8
    max_windows: int = 240
    cap: float = 1e9  # the most the baseline may move a logit: a caller angry all call must still show

    @classmethod
    def from_metadata(cls, meta: Mapping[str, Any] | None) -> BaselineSettings:
        if not meta:
            return cls()
        known = ("enabled", "prior", "prior_probs", "quantile", "weight", "warmup", "max_windows", "cap")
        unknown = sorted(set(meta) - set(known))
        if unknown:
            raise ModelError(f"tone manifest: unknown baseline setting(s) {unknown}")
        kw = {k: meta[k] for k in known if k in meta}
        if "prior_probs" in kw:
            kw["prior_probs"] = tuple(float(v) for v in kw["prior_probs"])
        return cls(**kw)


class ToneModel:
    """The hash-checked tone model. Use :meth:`load`; :meth:`score` one window at a time (or a batch)."""

    labels = LABELS

    def __init__(self, loaded: LoadedModel) -> None:
        m = loaded.manifest
        if m.window_s is None or m.hop_s is None:
            raise ModelError(f"tone manifest for {loaded.path} declares no window_s/hop_s")
        if tuple(m.labels) != LABELS:
            raise ModelError(
                f"tone manifest for {loaded.path} has labels {m.labels}, expected {list(LABELS)}"
            )
        missing = [o for o in OUTPUTS if o not in m.outputs]
        if missing:
            raise ModelError(f"tone manifest for {loaded.path} lacks outputs {missing}")
        self.loaded = loaded
        self.sample_rate_hz = m.sample_rate_hz
        self.window_samples = round(m.window_s * m.sample_rate_hz)
        self.hop_samples = round(m.hop_s * m.sample_rate_hz)
        self.threshold = float(m.metadata.get("threshold", 0.5))
        self.baseline = BaselineSettings.from_metadata(m.metadata.get("baseline"))
        self._input = m.inputs[0]
        self._session = loaded.session

    @classmethod
    def load(cls, models_dir: Path | None = None, *, onnx_path: Path | None = None) -> ToneModel:
        """Load the shipped model (hash-checked against its manifest). Raises ``ModelError``."""
        return cls(load_model(MODEL_NAME, models_dir, onnx_path=onnx_path))

    @classmethod
    def load_candidate(cls, onnx_path: Path, manifest_path: Path) -> ToneModel:
        """Load a model that is not (yet) shipped, e.g. the FP32 twin, under a manifest's I/O contract."""
        return cls(load_unverified(Path(onnx_path), read_manifest(Path(manifest_path))))

    def run(self, windows: np.ndarray) -> dict[str, np.ndarray]:
        """Raw batch inference: ``windows`` float32 [batch, window_samples] -> output arrays by name."""
        x = np.asarray(windows, dtype=np.float32)
        if x.ndim != 2 or x.shape[1] != self.window_samples:
            raise ValueError(
                f"tone model expects float32 [batch, {self.window_samples}], got shape {x.shape}"
            )
        outs = self._session.run(list(OUTPUTS), {self._input: x})
        return dict(zip(OUTPUTS, outs, strict=True))

    def score(self, window: np.ndarray) -> ToneScores:
        x = np.asarray(window, dtype=np.float32)
        if x.shape != (self.window_samples,):
            raise ValueError(f"tone model expects float32 [{self.window_samples}], got shape {x.shape}")
        out = self.run(x[None, :])
        return _to_scores(out, 0)


def _to_scores(out: Mapping[str, np.ndarray], i: int) -> ToneScores:
    probs = {lab: float(np.clip(out["probs"][i, k], 0.0, 1.0)) for k, lab in enumerate(LABELS)}
    return ToneScores(
        probs=probs,
        frustration=float(np.clip(out["frustration"][i], 0.0, 1.0)),
        arousal=float(np.clip(out["arousal"][i], 0.0, 1.0)),
        valence=float(np.clip(out["valence"][i], 0.0, 1.0)),
    )


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1.0 - 1e-4)
    return float(np.log(p / (1.0 - p)))


class ToneScorer:
    """Streaming scorer over the customer's SPEECH audio: a window every hop, plus the tail of each turn.

    ``process(frame, speech)`` appends speech frames to a buffer of the caller's speech; once
    ``window_samples`` of speech are in, it scores a window every ``hop_samples`` of new speech. Two pauses
    matter:

    - ``end_of_turn_s`` of non-speech ends a turn: if at least ``min_tail_s`` of speech has not been scored
      yet, the latest window (the last ``window_samples`` of speech; zero-padded while there is less, the
      front end ignores silence) is scored now, so the last words of a turn count while they are news, not
      when the caller next speaks. The buffer is kept: the next turn's first window again comes after a hop
      of new speech, with the end of this turn as its context.
    - ``forget_after_s`` of non-speech (at least ``end_of_turn_s``) forgets the buffer: after a long
      silence the next window needs a whole window of new speech.

    With ``forget_after_s == end_of_turn_s`` a turn's end is both (the pipeline's scorer until 7 Dec:
    a 10 s pause in the pipeline). A speaker baseline, when the model ships one, persists across turns until
    ``reset()`` (call start). Any chunk size gives the same windows.
    """

    def __init__(
        self,
        model: ToneModel,
        *,
        end_of_turn_s: float = 0.6,
        min_tail_s: float = 0.5,
        forget_after_s: float | None = None,
        use_baseline: bool = True,
    ) -> None:
        """``forget_after_s`` None: the same as ``end_of_turn_s``."""
        forget = end_of_turn_s if forget_after_s is None else forget_after_s
        if not 0 < end_of_turn_s <= forget:
            raise ValueError(
                f"need 0 < end_of_turn_s <= forget_after_s, got {end_of_turn_s} and {forget_after_s}"
            )
        if min_tail_s <= 0:
            raise ValueError(f"min_tail_s must be > 0, got {min_tail_s}")
        self.model = model
        self.use_baseline = use_baseline and model.baseline.enabled
        self.window = model.window_samples
        self.hop = model.hop_samples
        self._eot = round(end_of_turn_s * model.sample_rate_hz)
        self._forget = round(forget * model.sample_rate_hz)
        self._min_tail = max(1, round(min_tail_s * model.sample_rate_hz))
        self.reset()

    def reset(self) -> None:
        """Forget everything, including the speaker baseline (a new call, a new caller)."""
        self._logits: list[float] = []
        self._logprobs: list[np.ndarray] = []
        self.windows_scored = 0
        self._clear_turn()

    def _clear_turn(self) -> None:
        # the turn's last ``window`` speech samples: ring[_end - min(_total, window) : _end]; the ring is two
        # windows long and shifted once per window of speech, not copied per frame (128 KB each 32 ms)
        self._ring = np.zeros(2 * self.window, dtype=np.float32)
        self._end = 0
        self._total = 0  # speech samples in this turn
        self._since = 0  # speech samples since the last scored window
        self._silence = 0

    def process(self, frame: np.ndarray, speech: bool) -> list[ToneScores]:
        frame = np.asarray(frame, dtype=np.float32).reshape(-1)
        if not speech:
            before, self._silence = self._silence, self._silence + len(frame)
            out: list[ToneScores] = []
            if before < self._eot <= self._silence:
                out = self._tail()
            if self._silence >= self._forget and self._total:
                out += self.end_turn()
            return out
        self._silence = 0
        out = []
        pos = 0
        while pos < len(frame):
            # Take only as many samples as bring us to the next scoring point.
            need = self.window - self._total if self._total < self.window else self.hop - self._since
            take = frame[pos : pos + need]
            pos += len(take)
            self._append(take)
            self._total += len(take)
            self._since += len(take)
            if self._total >= self.window and (self._total == self._since or self._since >= self.hop):
                out.append(self._score(self._buffer()))
        return out

    def _append(self, x: np.ndarray) -> None:
        if self._end + len(x) > len(self._ring):
            keep = min(self._end, self.window)
            self._ring[:keep] = self._ring[self._end - keep : self._end]
            self._end = keep
        self._ring[self._end : self._end + len(x)] = x
        self._end += len(x)

    def _buffer(self) -> np.ndarray:
        return self._ring[max(0, self._end - self.window) : self._end]

    def _tail(self) -> list[ToneScores]:
        """The unscored end of the speech so far (if at least ``min_tail_s``) as one window; buffer kept."""
        if self._since < self._min_tail:
            return []
        window = self._buffer()
        if len(window) < self.window:
            window = np.pad(window, (0, self.window - len(window)))
        return [self._score(window)]

    def end_turn(self) -> list[ToneScores]:
        """The caller stopped talking for good (a clip's end, a long silence): score the unscored tail (if
        long enough), then forget the buffer."""
        out = self._tail()
        self._clear_turn()
        return out

    def _score(self, window: np.ndarray) -> ToneScores:
        self._since = 0
        self.windows_scored += 1
        out = self.model.run(window[None, :])
        if not self.use_baseline:
            return _to_scores(out, 0)
        base = self.model.baseline
        z = _logit(float(out["frustration"][0]))
        logp = np.log(np.clip(out["probs"][0].astype(np.float64), 1e-4, 1.0))
        adjusted = out
        if len(self._logits) >= base.warmup:
            zs = np.array(self._logits[-base.max_windows :])
            ls = np.array(self._logprobs[-base.max_windows :])
            shift = float(np.clip(np.percentile(zs, base.quantile) - base.prior, -base.cap, base.cap))
            zf = z - base.weight * shift
            shift_p = np.clip(ls.mean(axis=0) - np.asarray(base.prior_probs), -base.cap, base.cap)
            lp = logp - base.weight * shift_p
            p = np.exp(lp - lp.max())
            adjusted = dict(out)
            adjusted["probs"] = (p / p.sum())[None, :]
            adjusted["frustration"] = np.array([1.0 / (1.0 + np.exp(-zf))])
        self._logits.append(z)
        self._logprobs.append(logp)
        return _to_scores(adjusted, 0)


# --- what the pipeline loads at start ---------------------------------------------------------------------
# Chosen on out-of-fold EmoDB calls (model card, "Turn ends and escalation"); until 7 Dec: 10, 0.5, 10 s.
END_OF_TURN_S = 0.6  # the pipeline's turn end: this much non-speech, and the turn's last words are scored
MIN_TAIL_S = 0.1  # the least unscored speech worth a window of its own at a turn's end
FORGET_AFTER_S = 10.0  # a silence this long and the scorer forgets the caller's earlier speech


@dataclass
class ToneParts:
    """The scorer (None when the model cannot be used), the smoother's bands, and why it is unavailable."""

    scorer: ToneScorer | None
    params: SmoothingParams
    unavailable: str | None


def load_tone(models_dir: Path | None, threshold: float | None = None) -> ToneParts:
    """The tone scorer and the smoother's bands, scaled to ``threshold`` (the policy's ``tone.threshold``)
    or, without one, to the model's own operating point. A missing or broken model is reported in
    ``unavailable``, never raised: the indicator keeps running without the tone."""
    try:
        model = ToneModel.load(models_dir)
    except ModelError as exc:
        return ToneParts(None, SmoothingParams(), str(exc))
    except Exception as exc:  # a broken model must not take the agent down with it
        log.exception("tone model failed to load")
        return ToneParts(None, SmoothingParams(), f"tone model failed to load: {exc}")
    if threshold is None:
        threshold = float(getattr(model, "threshold", 0.5))
    return ToneParts(
        ToneScorer(model, end_of_turn_s=END_OF_TURN_S, min_tail_s=MIN_TAIL_S, forget_after_s=FORGET_AFTER_S),
        SmoothingParams.for_threshold(threshold),
        None,
    )
