"""``python -m training.teacher_study``: how far a pretrained speech encoder gets on issue 17's figures, and
what it would cost in the tone model (EmoDB speaker-independent CV; only ``report`` reads tess and urdu).

- ``probe``: Whisper tiny's encoder (``training.teacher``) on the clean 2 s clips. For the tone model's own
  203 features (1.3.0's front end), the encoder's conv stem and each transformer layer (the mean and spread
  over time): logistic regression (angry vs not frustrated), trained per speaker fold and scored out of
  fold: AUC, AUC angry vs happy, AUC for women and men; and the cost of running the encoder up to that
  state (parameters, INT8 bytes, ms per 2 s window on one thread).
- ``variants``: the recipe's heads and member (``training.valence_study``, 1.3.0's parts: octave-checked
  pitch, voice block, voice shifts) with the stem's pooled output, projected per fold on its leading
  principal components (fitted on the fold's training clips only), as extra inputs: the figures of issue
  17's decision rule beside 1.3.0's recipe.
- ``cost``: the encoder up to each state as the product would run it: exported to ONNX from the log-mel
  (FP32) and dynamically quantised to INT8 (onnxruntime), file size and ms per 2 s window on one thread.
- ``report CORPUS...`` (the one place that reads evaluation corpora, and it chooses nothing): the probe's
  logistic regression on one state (``--layers``, C = 0.1), fitted on every EmoDB clip, its threshold the
  best clean binary_ua of the EmoDB out-of-fold scores; each clip of the named corpora scored as the runtime
  does (2 s windows every 0.5 s, the clip's mean). Does the yardstick's lead hold on other speech?
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import torch

from training import augment, robustness
from training.data import Clip, load_audio, read_manifest
from training.teacher import WhisperEncoder, load_teacher
from training.teacher_eval import folds_of, onnx_cost, report, speaker_cv_scores
from training.train import TrainConfig, set_determinism, speaker_folds
from training.valence_study import (
    N_ALL,
    VARIANTS,
    Variant,
    figures,
    fit_predict,
    rendered_sets,
    study_features,
)

ROOT = Path(__file__).resolve().parents[1]


def probe(clips: Sequence[Clip], waves: Sequence[np.ndarray], enc: WhisperEncoder) -> list[dict[str, float]]:
    from sklearn.metrics import roc_auc_score

    x = torch.from_numpy(np.stack([augment.fit_length(w, 32_000) for w in waves]))
    states = [
        np.concatenate(s)
        for s in zip(*(enc.hidden(x[i : i + 32]) for i in range(0, len(x), 32)), strict=True)
    ]
    lab = np.array([c.label for c in clips])
    gender = np.array([c.gender for c in clips])
    yb = np.array([c.frustrated for c in clips])
    keep, ah = yb >= 0, (lab == "angry") | (lab == "happy")
    fold = folds_of(clips)
    from training.net import Frontend

    frontend = Frontend(voice=True, octave_check=True).eval()  # 1.3.0's 203 features, for comparison
    with torch.no_grad():
        tone = np.concatenate([frontend(x[i : i + 32]).numpy() for i in range(0, len(x), 32)])
    rows = []
    for depth, feats in [(-1, tone), *enumerate(states)]:
        for c in (0.01, 0.1):
            oof = speaker_cv_scores(feats, yb, fold, c)
            row = {"layers": depth, "C": c, "auc": roc_auc_score(yb[keep], oof[keep])}
            row["ah_auc"] = roc_auc_score(lab[ah] == "angry", oof[ah])
            for g in ("f", "m"):
                m = keep & (gender == g)
                row[f"auc_{g}"] = roc_auc_score(yb[m], oof[m])
            if depth >= 0:
                row.update(_cost(enc, depth))
            rows.append(row)
    return rows


def _cost(enc: WhisperEncoder, depth: int) -> dict[str, float]:
    """Parameters up to ``depth`` layers, their INT8 bytes, ms per 2 s window (one thread, median of 30)."""
    names = ["encoder/conv1/", "encoder/conv2/"] + [f"encoder/layer_{i}/" for i in range(depth)]
    n = sum(v.numel() for k, v in enc.p.items() if any(k.startswith(p) for p in names))
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    wave = torch.randn(1, 32_000) * 0.1
    times = []
    with torch.no_grad():
        for i in range(35):
            t0 = time.perf_counter()
            enc.states(enc.logmel(wave), depth)
            if i >= 5:
                times.append(time.perf_counter() - t0)
    torch.set_num_threads(threads)
    return {"params": float(n), "int8_mb": n / 1e6, "ms_per_window": 1e3 * float(np.median(times))}


@dataclass(frozen=True)
class StemVariant(Variant):
    n_stem: int = 32  # leading principal components of the stem's pooled output
    stem_in_member: bool = False

    def head_cols(self) -> np.ndarray:
        return np.concatenate([super().head_cols(), N_ALL + np.arange(self.n_stem)])

    def member_cols(self) -> np.ndarray:
        cols = super().member_cols()
        return np.concatenate([cols, N_ALL + np.arange(self.n_stem)]) if self.stem_in_member else cols


def stem_features(
    clips: Sequence[Clip],
    waves: Sequence[np.ndarray],
    cfg: TrainConfig,
    enc: WhisperEncoder,
    cache: Path,
) -> dict[str, np.ndarray]:
    """The stem's pooled output [n, K, 768] for the same renderings as ``valence_study.study_features``."""
    from training import teacher

    h = hashlib.sha256()
    for mod in (augment, robustness, teacher):
        h.update(Path(str(mod.__file__)).read_bytes())
    h.update(json.dumps([cfg.renderings, cfg.seed, [c.path.name for c in clips]]).encode())
    path = cache / f"stem_{h.hexdigest()[:16]}.npz"
    if path.is_file():
        with np.load(path) as z:
            return {k: z[k] for k in z.files}
    with torch.no_grad():
        out = rendered_sets(
            clips,
            waves,
            speaker_folds(clips),
            cfg,
            lambda b: enc.hidden(torch.from_numpy(b.astype(np.float32)), 0)[0],
        )
    cache.mkdir(parents=True, exist_ok=True)
    np.savez(path, train=out["train"], eval=out["eval"], shift=out["shift"])
    return out


def _project(pca, mu: np.ndarray, sd: np.ndarray, s: np.ndarray) -> np.ndarray:
    """[n, K, 768] pooled stem output -> [n, K, components], standardised with the fold's statistics."""
    return np.asarray(pca.transform((s.reshape(-1, s.shape[-1]) - mu) / sd)).reshape(*s.shape[:2], -1)


def oof_with_stem(
    feats: dict[str, np.ndarray],
    stem: dict[str, np.ndarray],
    clips: Sequence[Clip],
    v: Variant,
    cfg: TrainConfig,
    seed: int,
):
    """``valence_study.oof`` with the stem's leading principal components (per fold) appended."""
    from sklearn.decomposition import PCA

    fold = folds_of(clips)
    test = np.concatenate([feats["eval"], feats["shift"]], axis=1)
    s_test = np.concatenate([stem["eval"], stem["shift"]], axis=1)
    train, s_train = feats["train"], stem["train"]
    if v.shift_aug:
        train = np.concatenate([train, feats["shift"]], axis=1)
        s_train = np.concatenate([s_train, stem["shift"]], axis=1)
    n_stem = v.n_stem if isinstance(v, StemVariant) else 0
    n, k_test = test.shape[:2]
    probs, fr, ar, va = (
        np.zeros((n, k_test, 4)),
        np.zeros((n, k_test)),
        np.zeros((n, k_test)),
        np.zeros((n, k_test)),
    )
    for k in sorted(set(fold.tolist())):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        a, b = train[tr], test[te]
        if n_stem:
            clean = s_train[tr, 0]
            mu, sd = clean.mean(axis=0), clean.std(axis=0) + 1e-6
            pca = PCA(n_stem, random_state=0).fit((clean - mu) / sd)
            a = np.concatenate([a, _project(pca, mu, sd, s_train[tr])], axis=2)
            b = np.concatenate([b, _project(pca, mu, sd, s_test[te])], axis=2)
        p, f, aa, bb = fit_predict(a, [clips[int(i)] for i in tr], b, v, cfg, seed * 10_000)
        probs[te], fr[te], ar[te], va[te] = p, f, aa, bb
    return probs, fr, ar, va


STEM_VARIANTS: dict[str, Variant] = {
    "octave_voice_shift": VARIANTS["octave_voice_shift"],
    "stem16": StemVariant("stem16", octave=True, voice=True, shift_aug=True, n_stem=16),
    "stem32": StemVariant("stem32", octave=True, voice=True, shift_aug=True, n_stem=32),
    "stem32_m": StemVariant(
        "stem32_m", octave=True, voice=True, shift_aug=True, n_stem=32, stem_in_member=True
    ),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.teacher_study", description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("probe", "variants", "report", "cost"))
    ap.add_argument("names", nargs="*", help="variants: their names; report: corpus folders")
    ap.add_argument("--layers", type=int, default=2, help="report: the encoder state (0 = the stem)")
    ap.add_argument("--seeds", type=int, default=2)
    ap.add_argument("--teacher", type=Path, default=None, help="CTranslate2 model.bin of Whisper tiny")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "emodb")
    ap.add_argument("--cache-dir", type=Path, default=ROOT / "training" / "cache")
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "runs" / "teacher_study.jsonl")
    a = ap.parse_args(argv)
    enc = load_teacher(a.teacher, "teacher_study")
    cfg = replace(TrainConfig(), voice_features=False, pitch_octave_check=False, shift_semitones=())
    set_determinism(cfg.seed)
    torch.set_num_threads(2)
    clips = [c for c in read_manifest(a.data) if c.use == "train"]
    waves = [load_audio(c.path) for c in clips]
    a.out.parent.mkdir(parents=True, exist_ok=True)
    if a.what == "cost":
        print("\n".join(onnx_cost(enc, a.cache_dir / "teacher_onnx")))
        return 0
    if a.what == "report":
        print("\n".join(report(clips, waves, enc, [Path(p) for p in a.names], a.layers)))
        return 0
    if a.what == "probe":
        print("state        C      AUC   AUC ang/hap  AUC women  AUC men   params   INT8 MB  ms/window")
        for r in probe(clips, waves, enc):
            depth = int(r["layers"])
            state = {-1: "tone 203", 0: "stem"}.get(depth, f"layer {depth}")
            cost = (
                f"   {r['params'] / 1e6:5.2f} M  {r['int8_mb']:6.2f}  {r['ms_per_window']:8.2f}"
                if depth >= 0
                else ""
            )
            print(
                f"{state:10s} {r['C']:5.2f}  {r['auc']:.3f}  {r['ah_auc']:.3f}        {r['auc_f']:.3f}"
                f"      {r['auc_m']:.3f}{cost}"
            )
            with a.out.open("a") as fh:
                fh.write(json.dumps({"probe": r}) + "\n")
        return 0
    folds = speaker_folds(clips)
    stem = stem_features(clips, waves, cfg, enc, a.cache_dir)
    feats = study_features(clips, waves, folds, cfg, a.cache_dir, octave_check=True)
    for name in a.names or ["octave_voice_shift", "stem32"]:
        v = STEM_VARIANTS[name]
        rows = []
        for seed in range(a.seeds):
            t1 = time.time()
            rows.append(figures(clips, *oof_with_stem(feats, stem, clips, v, cfg, seed)))
            print(f"{name} seed {seed} ({time.time() - t1:.0f} s)", file=sys.stderr)
        mean = {k: float(np.mean([r[k] for r in rows])) for k in rows[0]}
        with a.out.open("a") as fh:
            fh.write(json.dumps({"variant": name, "mean": mean, "seeds": rows}) + "\n")
        print(f"{name:20s} " + " ".join(f"{k}={x:.3f}" for k, x in mean.items()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
