"""Score corpora the way the runtime does and compute the evaluation figures (used by ``lugn eval`` and the
recipe).

Every clip is fed through :class:`device.inference.tone.ToneScorer` as one customer turn (sliding windows
every hop, plus the unscored tail), and the window scores are averaged. When the model ships a speaker
baseline, each speaker's clips are fed as one session in a seeded random order, as a caller's turns would
be.

The training corpus is scored out-of-fold: the recipe stores the cross-validation fold models (same recipe,
each trained without one male and one female speaker) in ``training/cv/``; a clip of a training speaker is
scored by the fold model that never saw that speaker.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from device.inference.models import ModelError, load_model
from device.inference.tone import ToneModel, ToneScorer
from training import augment
from training.acoustic import AcousticLR, features
from training.data import Clip, CorpusError, load_audio, read_manifest
from training.metrics import binary, four_class, valence_and_groups

CV_DIR = Path(__file__).resolve().parent / "cv"
SESSION_SEED = 20_260_401


@dataclass
class Corpus:
    name: str
    folder: Path
    clips: list[Clip]
    audio: list[np.ndarray]
    _audio_8k: list[np.ndarray] | None = field(default=None, repr=False)

    @property
    def audio_8khz(self) -> list[np.ndarray]:
        """The same clips after a telephone-band (300-3400 Hz) 8 kHz round trip."""
        if self._audio_8k is None:
            self._audio_8k = [augment.telephone(a) for a in self.audio]
        return self._audio_8k


def load_corpus(folder: Path, progress: Callable[[Sequence[Clip]], Any] | None = None) -> Corpus:
    folder = Path(folder)
    clips = read_manifest(folder)
    it = progress(clips) if progress else clips
    audio = [load_audio(c.path) for c in it]
    return Corpus(name=folder.resolve().name, folder=folder, clips=clips, audio=audio)


class FoldModel(ToneModel):
    """One fold's view of the cross-validation model (outputs stacked over folds)."""

    def __init__(self, cv: ToneModel, fold: int) -> None:
        self.cv, self.fold = cv, fold
        self.loaded = cv.loaded
        self.sample_rate_hz = cv.sample_rate_hz
        self.window_samples, self.hop_samples = cv.window_samples, cv.hop_samples
        self.threshold, self.baseline = cv.threshold, cv.baseline

    def run(self, windows: np.ndarray) -> dict[str, np.ndarray]:
        return {k: v[:, self.fold] for k, v in self.cv.run(windows).items()}


@dataclass
class CvArtifacts:
    """What the recipe stored for out-of-fold scoring of its training corpus."""

    info: dict[str, Any]
    int8: ToneModel | None
    fp32: ToneModel | None

    @classmethod
    def load(cls, cv_dir: Path = CV_DIR) -> CvArtifacts | None:
        path = cv_dir / "cv.json"
        if not path.is_file():
            return None
        info = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            info=info,
            int8=ToneModel(load_model("tone_cv_int8", cv_dir)),
            fp32=ToneModel(load_model("tone_cv_fp32", cv_dir)),
        )

    def fold_of(self, clip: Clip) -> int | None:
        if clip.path.name not in self.info["train_files"]:
            return None
        fold = self.info["folds"].get(clip.speaker)
        return None if fold is None else int(fold)


def score_tone(
    model_for: Callable[[int], ToneModel],
    clips: Sequence[Clip],
    audio: Sequence[np.ndarray],
    *,
    use_baseline: bool,
    seed: int = SESSION_SEED,
) -> tuple[np.ndarray, np.ndarray]:
    """Per-clip pooled (probs [n, 4], frustration [n]) through ToneScorer; model_for(i) picks clip i's
    model."""
    n = len(clips)
    probs = np.zeros((n, 4))
    fr = np.zeros(n)
    sessions: list[list[int]]
    if use_baseline:
        rng = np.random.default_rng(seed)
        by_key: dict[tuple[str, int], list[int]] = {}
        for i, c in enumerate(clips):
            by_key.setdefault((c.speaker, id(model_for(i))), []).append(i)
        sessions = [list(rng.permutation(v)) for _, v in sorted(by_key.items(), key=lambda kv: kv[0][0])]
    else:
        sessions = [[i] for i in range(n)]
    for session in sessions:
        model = model_for(session[0])
        scorer = ToneScorer(model, use_baseline=use_baseline)
        for i in session:
            res = scorer.process(audio[i], True) + scorer.end_turn()
            if not res:  # a clip shorter than the scorer's minimum tail: score it padded
                x = audio[i][: model.window_samples]
                x = np.pad(x, (0, model.window_samples - len(x)))
                out = model.run(x[None, :])
                probs[i], fr[i] = out["probs"][0], out["frustration"][0]
                continue
            probs[i] = np.mean([[r.probs[lab] for lab in model.labels] for r in res], axis=0)
            fr[i] = np.mean([r.frustration for r in res])
    return probs, fr


def figures(clips: Sequence[Clip], probs: np.ndarray, fr: np.ndarray, fr_8k: np.ndarray, thr: float) -> dict:
    four = four_class(clips, probs)
    two = binary(clips, fr, thr)
    return {
        "clips": len(clips),
        "ua4": four["ua4"],
        "wa4": four["wa4"],
        "f1_4": four["f1_4"],
        "binary_ua": two["binary_ua"],
        "binary_auc": two["binary_auc"],
        "ua4_by_gender": four["ua4_by_gender"],
        "binary_ua_8khz": binary(clips, fr_8k, thr)["binary_ua"],
        "confusion4": four["confusion4"],
        **valence_and_groups(clips, fr, thr),
    }


@dataclass
class ToneVariant:
    name: str
    model: ToneModel
    cv: ToneModel | None  # the matching cross-validation model (fold views), if any
    use_baseline: bool
    threshold: float | None = None  # default: the model's shipped operating point

    def model_picker(self, corpus: Corpus, cv: CvArtifacts | None) -> tuple[Callable[[int], ToneModel], bool]:
        """-> (model for clip i, whether any clip is scored out-of-fold): a training speaker's clip by the
        fold model that never saw that speaker, every other clip by the model itself."""
        folds = [cv.fold_of(c) if (cv and self.cv) else None for c in corpus.clips]
        views = {k: FoldModel(self.cv, k) for k in set(folds) if k is not None and self.cv is not None}

        def model_for(i: int) -> ToneModel:
            k = folds[i]
            return self.model if k is None else views[k]

        return model_for, any(k is not None for k in folds)

    def evaluate(self, corpus: Corpus, cv: CvArtifacts | None) -> tuple[dict[str, Any], bool]:
        model_for, out_of_fold = self.model_picker(corpus, cv)
        p, f = score_tone(model_for, corpus.clips, corpus.audio, use_baseline=self.use_baseline)
        _, f8 = score_tone(model_for, corpus.clips, corpus.audio_8khz, use_baseline=self.use_baseline)
        threshold = self.model.threshold if self.threshold is None else self.threshold
        return figures(corpus.clips, p, f, f8, threshold), out_of_fold


@dataclass
class AcousticVariant:
    name: str
    full: AcousticLR
    folds: list[AcousticLR]
    threshold: float

    def evaluate(self, corpus: Corpus, cv: CvArtifacts | None) -> tuple[dict[str, Any], bool]:
        folds = [cv.fold_of(c) if cv else None for c in corpus.clips]
        out = {}
        for key, audio in (("clean", corpus.audio), ("8k", corpus.audio_8khz)):
            X = np.stack([features(a) for a in audio])
            probs, fr = self.full.predict(X)
            for i, k in enumerate(folds):
                if k is not None:
                    p1, f1 = self.folds[k].predict(X[i : i + 1])
                    probs[i], fr[i] = p1[0], f1[0]
            out[key] = (probs, fr)
        return figures(corpus.clips, out["clean"][0], out["clean"][1], out["8k"][1], self.threshold), any(
            k is not None for k in folds
        )


def acoustic_variant(cv: CvArtifacts | None) -> AcousticVariant | None:
    if cv is None or "acoustic" not in cv.info:
        return None
    a = cv.info["acoustic"]
    return AcousticVariant(
        name="acoustic baseline (LR)",
        full=AcousticLR(a["full"]),
        folds=[AcousticLR(p) for p in a["folds"]],
        threshold=float(a["threshold"]),
    )


def latency_ms(model: ToneModel, runs: int = 200) -> float:
    """Median wall time of one window's inference (1 intra-op thread, batch 1)."""
    x = (np.random.default_rng(0).standard_normal((1, model.window_samples)) * 0.05).astype(np.float32)
    for _ in range(20):
        model.run(x)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        model.run(x)
        times.append(time.perf_counter() - t)
    return float(np.median(times) * 1000.0)


def check_corpus_dirs(dirs: Sequence[Path]) -> None:
    """Fail fast (before any scoring) on the first unusable folder, naming it."""
    names = set()
    for d in dirs:
        read_manifest(Path(d))
        name = Path(d).resolve().name
        if name in names:
            raise CorpusError(f"{d}: two corpus folders are both named {name!r}")
        names.add(name)


__all__ = [
    "AcousticVariant",
    "Corpus",
    "CorpusError",
    "CvArtifacts",
    "FoldModel",
    "ModelError",
    "ToneVariant",
    "acoustic_variant",
    "check_corpus_dirs",
    "figures",
    "latency_ms",
    "load_corpus",
    "score_tone",
]
