"""``python -m training.valence_study``: the issue-17 experiments (anger vs joy, women vs men) on EmoDB
speaker-independent cross-validation only — the training corpus; tess and urdu are never read here.

Every variant is trained per speaker fold on the recipe's renderings and scored out-of-fold, in PyTorch FP32
on cached features (minutes, not the recipe's export and INT8 path), on the clean clips, the nine
contact-centre renderings of ``training.robustness`` and two voice shifts (pitch and formants +-2
semitones: the same speaker with a higher or lower voice). The figures of the decision rule written in the
model card before any candidate was scored on tess or urdu:

- constraints against 1.2.0 (the ``base`` variant, same code): clean binary_ua at the variant's robust
  threshold and its mean over the renderings at most 0.01 lower; clean ua4 at most 0.01 lower; fewer happy
  clips flagged;
- the decision figure: AUC angry vs happy of the frustration score, mean of clean and of the renderings;
- ties (within 0.01): the smaller women-men binary_ua gap, then the smaller voice-shift sensitivity.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import torch

from training import augment
from training.data import Clip, load_audio, read_manifest
from training.metrics import auc, balanced_accuracy, robust_threshold
from training.net import N_FEATURES, N_NET_FEATURES, Frontend
from training.train import TrainConfig, babble_pool, render, set_determinism, speaker_folds, targets
from training.voice import VoiceStats

ROOT = Path(__file__).resolve().parents[1]
N_BASE = N_FEATURES  # the 187 features of 1.2.0
N_ALL = N_BASE + VoiceStats.n_features
SHIFTS = (-2.0, 2.0)
F0_LEVEL = (
    N_NET_FEATURES - 5,
    N_NET_FEATURES + 24,
    N_NET_FEATURES + 26,
    N_NET_FEATURES + 27,
)  # F0 mean/p10/p90


def _features(waves: np.ndarray, frontend: Frontend, voice: VoiceStats) -> np.ndarray:
    with torch.no_grad():
        w = torch.from_numpy(np.ascontiguousarray(waves, dtype=np.float32))
        power = frontend.logmel.spectrum(w)
        melp = power @ frontend.logmel.mel
        logmel, frame_pow = frontend.logmel.from_mel(melp)
        track = frontend.pitch.track(w)
        base = torch.cat(
            [
                frontend.stats(logmel, frame_pow),
                frontend.pitch.stats(*track),
                frontend.prosody(power, melp, logmel, frame_pow, track),
                voice(power, frame_pow, track),
            ],
            dim=1,
        )
    return base.numpy()


def rendered_sets(
    clips: Sequence[Clip],
    waves: Sequence[np.ndarray],
    folds: dict[str, int],
    cfg: TrainConfig,
    featurise: Callable[[np.ndarray], np.ndarray],
) -> dict[str, np.ndarray]:
    """``featurise`` ([B, N] waves -> [B, F]) over the study's renderings: {"train": [n, R, F] the recipe's
    renderings, "eval": [n, 10, F] the robustness renderings, "shift": [n, 2, F] the voice shifts}."""
    from training import robustness
    from training.evaluate import Corpus

    train = [
        featurise(np.stack(render(i, waves[i], babble_pool(i, clips, waves, folds), cfg)))
        for i in range(len(clips))
    ]
    audio = [augment.fit_length(w, 32_000) for w in waves]
    corpus = Corpus(name="emodb", folder=Path(), clips=list(clips), audio=audio)  # rendered in memory
    ev = [
        np.concatenate([featurise(np.stack(a[j : j + 64])) for j in range(0, len(a), 64)])
        for _, a in robustness.rendered(corpus)
    ]
    shifted = [
        np.concatenate(
            [
                featurise(np.stack([augment.voice_shift(w, s) for w in audio[j : j + 64]]))
                for j in range(0, len(audio), 64)
            ]
        )
        for s in SHIFTS
    ]
    return {"train": np.stack(train), "eval": np.stack(ev, axis=1), "shift": np.stack(shifted, axis=1)}


def study_features(
    clips: Sequence[Clip],
    waves: Sequence[np.ndarray],
    folds: dict[str, int],
    cfg: TrainConfig,
    cache: Path,
    octave_check: bool = False,
) -> dict[str, np.ndarray]:
    """{"train": [n, R, F] recipe renderings, "eval": [n, 10, F] robustness renderings,
    "shift": [n, 2, F] voice shifts}."""
    from training import frontend as fe_mod
    from training import prosody, robustness, voice

    h = hashlib.sha256()
    for mod in (augment, fe_mod, prosody, voice, robustness):
        h.update(Path(str(mod.__file__)).read_bytes())
    h.update(json.dumps([cfg.renderings, cfg.seed, [c.path.name for c in clips]]).encode())
    if octave_check:
        h.update(b"octave_check")
    path = cache / f"study_{h.hexdigest()[:16]}.npz"
    if path.is_file():
        with np.load(path) as z:
            return {k: z[k] for k in z.files}
    frontend, vs = Frontend(octave_check=octave_check).eval(), VoiceStats().eval()
    out = rendered_sets(clips, waves, folds, cfg, lambda batch: _features(batch, frontend, vs))
    cache.mkdir(parents=True, exist_ok=True)
    np.savez(path, train=out["train"], eval=out["eval"], shift=out["shift"])
    return out


@dataclass(frozen=True)
class Variant:
    name: str
    voice: bool = False  # heads (and member, if member_voice) see the voice-quality block
    member_voice: bool = False
    drop_f0_level: bool = False  # neither heads nor member see the absolute F0 level
    happy_weight: float = 1.0  # weight of happy clips in the binary (frustrated) loss, heads and member
    ah_beta: float = 0.0  # valence stage: + beta * arousal * logit(angry vs happy) on the frustration logit
    shift_aug: bool = False  # the +-2 semitone voice shifts of each clip as extra training renderings
    octave: bool = False  # the pitch track with the octave check (training.frontend.Pitch)
    member_weight: float = 0.3
    extra: dict[str, Any] = field(default_factory=dict)

    def head_cols(self) -> np.ndarray:
        cols = np.arange(N_ALL if self.voice else N_BASE)
        return np.setdiff1d(cols, F0_LEVEL) if self.drop_f0_level else cols

    def member_cols(self) -> np.ndarray:
        cols = np.arange(N_NET_FEATURES, N_ALL if self.member_voice else N_BASE)
        return np.setdiff1d(cols, F0_LEVEL) if self.drop_f0_level else cols


def _train_head(
    X: np.ndarray, clips: Sequence[Clip], R: int, v: Variant, cfg: TrainConfig, seed: int, hidden: int
):
    from torch import nn

    from training.net import ToneHead

    y4, yb, av = targets(clips)
    labels = np.array([c.label for c in clips])
    Xt = torch.from_numpy(X)
    Y4 = torch.from_numpy(np.repeat(y4, R))
    YB = torch.from_numpy(np.repeat(yb, R)).float()
    AV = torch.from_numpy(np.repeat(av, R, axis=0))
    HAPPY = torch.from_numpy(np.repeat(labels == "happy", R))
    m4, mb = Y4 >= 0, YB >= 0
    counts = torch.bincount(Y4[m4], minlength=4).float().clamp(min=1)
    w4 = counts.sum() / (4 * counts)
    # binary weights: positives balanced against the (re-weighted) negatives, as pos_weight did
    wneg = torch.where(HAPPY, torch.tensor(v.happy_weight), torch.tensor(1.0))[mb]
    pos = YB[mb] == 1
    wpos = wneg[~pos].sum() / pos.sum().clamp(min=1)
    wb = torch.where(pos, wpos, wneg)
    wb = wb / wb.mean()
    ah = (labels == "angry") | (labels == "happy")
    AH = torch.from_numpy(np.repeat(ah, R))
    YAH = torch.from_numpy(np.repeat(labels == "angry", R)).float()
    torch.manual_seed(cfg.seed * 1000 + seed)
    head = ToneHead(X.shape[1], hidden=hidden, dropout=cfg.dropout)
    if v.ah_beta:
        head.out = nn.Linear(hidden or X.shape[1], 8)
    head.set_normaliser(Xt)
    opt = torch.optim.AdamW(head.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    ce = nn.CrossEntropyLoss(weight=w4)
    for _ in range(cfg.epochs):
        head.train()
        z = head.logits(Xt)
        loss = ce(z[m4, :4], Y4[m4])
        loss = (
            loss
            + (nn.functional.binary_cross_entropy_with_logits(z[mb, 4], YB[mb], reduction="none") * wb).mean()
        )
        loss = loss + nn.functional.binary_cross_entropy_with_logits(z[:, 5:7], AV)
        if v.ah_beta:
            loss = loss + nn.functional.binary_cross_entropy_with_logits(z[AH, 7], YAH[AH])
        opt.zero_grad()
        loss.backward()
        opt.step()
    return head.eval()


def _fit_member(X: np.ndarray, clips: Sequence[Clip], R: int, v: Variant, cfg: TrainConfig):
    from sklearn.linear_model import LogisticRegression

    y4, yb, _ = targets(clips)
    labels = np.repeat(np.array([c.label for c in clips]), R)
    Y4, YB = np.repeat(y4, R), np.repeat(yb, R)
    mu, sd = X.mean(axis=0), X.std(axis=0) + 1e-6
    Z = (X - mu) / sd
    m4, mb = Y4 >= 0, YB >= 0
    kw = {"C": cfg.member_c, "max_iter": 3000, "class_weight": "balanced"}
    lr4 = LogisticRegression(**kw).fit(Z[m4], Y4[m4])
    sw = np.where(labels == "happy", v.happy_weight, 1.0)[mb]
    lrb = LogisticRegression(**kw).fit(Z[mb], YB[mb], sample_weight=sw)
    lah = None
    if v.ah_beta:
        ah = (labels == "angry") | (labels == "happy")
        lah = LogisticRegression(**kw).fit(Z[ah], labels[ah] == "angry")
    return mu, sd, lr4, lrb, lah


def _sig(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def fit_predict(tr_feats, tr_clips, te_feats, v: Variant, cfg: TrainConfig, seed_base: int):
    """Train the variant on ``tr_feats`` [n, R, F]; -> (probs [m, K, 4], frustration [m, K]) for ``te_feats``
    [m, K, F]."""
    hc, mc = v.head_cols(), v.member_cols()
    n, R, _ = tr_feats.shape
    X = tr_feats[:, :, hc].reshape(n * R, -1).astype(np.float32)
    heads = [_train_head(X, tr_clips, R, v, cfg, seed_base + s, cfg.hidden) for s in range(cfg.seeds)]
    heads += [_train_head(X, tr_clips, R, v, cfg, seed_base + 100 + s, 0) for s in range(cfg.linear_heads)]
    Rm = cfg.member_renderings
    Xm = tr_feats[:, :Rm, mc].reshape(n * Rm, -1).astype(np.float64)
    mu, sd, lr4, lrb, lah = _fit_member(Xm, tr_clips, Rm, v, cfg)
    m, K, _ = te_feats.shape
    Xe = torch.from_numpy(te_feats[:, :, hc].reshape(m * K, -1).astype(np.float32))
    with torch.no_grad():
        z = torch.stack([h.logits(Xe) for h in heads], dim=1).numpy()  # [mK, H, 7 or 8]
    p = np.exp(z[:, :, :4] - z[:, :, :4].max(axis=2, keepdims=True))
    probs_h = (p / p.sum(axis=2, keepdims=True)).mean(axis=1)
    fr_h = _sig(z[:, :, 4]).mean(axis=1)
    arousal = _sig(z[:, :, 5]).mean(axis=1)
    valence = _sig(z[:, :, 6]).mean(axis=1)
    Ze = (te_feats[:, :, mc].reshape(m * K, -1) - mu) / sd
    probs_m = lr4.predict_proba(Ze)
    fr_m = lrb.predict_proba(Ze)[:, 1]
    a = v.member_weight
    probs = (1 - a) * probs_h + a * probs_m
    fr = (1 - a) * fr_h + a * fr_m
    if v.ah_beta:
        ah_h = _sig(z[:, :, 7]).mean(axis=1)
        ah_m = lah.predict_proba(Ze)[:, 1]
        ah = np.clip((1 - a) * ah_h + a * ah_m, 1e-4, 1 - 1e-4)
        zf = np.log(np.clip(fr, 1e-6, 1 - 1e-6) / np.clip(1 - fr, 1e-6, 1))
        fr = _sig(zf + v.ah_beta * arousal * np.log(ah / (1 - ah)))
    return probs.reshape(m, K, 4), fr.reshape(m, K), arousal.reshape(m, K), valence.reshape(m, K)


def oof(
    feats: dict[str, np.ndarray],
    clips: Sequence[Clip],
    folds: dict[str, int],
    v: Variant,
    cfg: TrainConfig,
    seed: int,
):
    """Out-of-fold (probs [n, K, 4], frustration [n, K]) over the eval renderings + voice shifts."""
    fold_of = np.array([folds[c.speaker] for c in clips])
    test = np.concatenate([feats["eval"], feats["shift"]], axis=1)
    train = feats["train"]
    if v.shift_aug:
        train = np.concatenate([train, feats["shift"]], axis=1)
    n, K = test.shape[:2]
    probs, fr, ar, va = np.zeros((n, K, 4)), np.zeros((n, K)), np.zeros((n, K)), np.zeros((n, K))
    for k in sorted(set(fold_of.tolist())):
        tr, te = np.flatnonzero(fold_of != k), np.flatnonzero(fold_of == k)
        p, f, a, b = fit_predict(train[tr], [clips[int(i)] for i in tr], test[te], v, cfg, seed * 10_000)
        probs[te], fr[te], ar[te], va[te] = p, f, a, b
    return probs, fr, ar, va


def figures(
    clips: Sequence[Clip], probs: np.ndarray, fr: np.ndarray, ar: np.ndarray, va: np.ndarray
) -> dict[str, float]:
    yb = np.array([c.frustrated for c in clips])
    y4 = np.array([c.label4 for c in clips])
    lab = np.array([c.label for c in clips])
    g = np.array([c.gender for c in clips])
    keep = yb >= 0
    n_eval = fr.shape[1] - len(SHIFTS)
    t = robust_threshold([fr[keep, j] for j in range(n_eval)], yb[keep])
    bua = [balanced_accuracy(yb[keep], (fr[keep, j] >= t).astype(int), (0, 1)) for j in range(n_eval)]
    ah = (lab == "angry") | (lab == "happy")
    ah_auc = [auc(fr[ah, j], (lab[ah] == "angry").astype(int)) for j in range(n_eval)]
    k4 = y4 >= 0
    ua4 = balanced_accuracy(y4[k4], probs[k4, 0].argmax(axis=1), range(4))
    ua4_noisy = np.mean(
        [balanced_accuracy(y4[k4], probs[k4, j].argmax(axis=1), range(4)) for j in range(1, n_eval)]
    )
    out = {
        "threshold": t,
        "bua": bua[0],
        "bua_noisy": float(np.mean(bua[1:])),
        "ua4": ua4,
        "ua4_noisy": float(ua4_noisy),
        "auc": auc(fr[keep, 0], yb[keep]),
        "ah_auc": ah_auc[0],
        "ah_auc_noisy": float(np.mean(ah_auc[1:])),
        "ah_decision": (ah_auc[0] + float(np.mean(ah_auc[1:]))) / 2,
        "happy_flagged": float(np.mean(fr[lab == "happy", 0] >= t)),
        "happy_flagged_noisy": float(np.mean(fr[lab == "happy", 1:n_eval] >= t)),
        "angry_recall": float(np.mean(fr[lab == "angry", 0] >= t)),
    }
    for gg in ("f", "m"):
        m = keep & (g == gg)
        out[f"bua_{gg}"] = balanced_accuracy(yb[m], (fr[m, 0] >= t).astype(int), (0, 1))
        out[f"auc_{gg}"] = auc(fr[m, 0], yb[m])
        mah = ah & (g == gg)
        out[f"ah_auc_{gg}"] = auc(fr[mah, 0], (lab[mah] == "angry").astype(int))
    out["gender_gap"] = out["bua_m"] - out["bua_f"]
    out["ah_auc_valence"] = auc(1.0 - va[ah, 0], (lab[ah] == "angry").astype(int))
    # "animated": not flagged, but aroused (the heads' arousal output at or above 0.6)
    animated = (fr[:, 0] < t) & (ar[:, 0] >= 0.6)
    for lb in ("happy", "angry", "neutral", "fearful"):
        out[f"animated_{lb}"] = float(np.mean(animated[lab == lb]))
    for gg in ("f", "m"):
        for lb in ("happy", "angry"):
            out[f"animated_{lb}_{gg}"] = float(np.mean(animated[(lab == lb) & (g == gg)]))
    # voice shift: how far the score moves when the same clip is spoken higher / lower; and how many
    # decisions flip
    sh = fr[:, n_eval:]
    out["shift_move"] = float(np.mean(np.abs(sh - fr[:, :1])))
    out["shift_flips"] = float(np.mean((sh >= t) != (fr[:, :1] >= t)))
    return out


VARIANTS = {
    "base": Variant("base"),
    "voice": Variant("voice", voice=True),
    "voice_m": Variant("voice_m", voice=True, member_voice=True),
    "happy2": Variant("happy2", happy_weight=2.0),
    "happy3": Variant("happy3", happy_weight=3.0),
    "ah1": Variant("ah1", ah_beta=1.0),
    "nof0": Variant("nof0", drop_f0_level=True),
    "shift": Variant("shift", shift_aug=True),
    "voice_shift": Variant("voice_shift", voice=True, shift_aug=True),
    "voice_shift_h2": Variant("voice_shift_h2", voice=True, shift_aug=True, happy_weight=2.0),
    "nof0_shift": Variant("nof0_shift", drop_f0_level=True, shift_aug=True),
    "octave": Variant("octave", octave=True),
    "octave_voice": Variant("octave_voice", octave=True, voice=True),
    "octave_voice_shift": Variant("octave_voice_shift", octave=True, voice=True, shift_aug=True),
    "octave_shift": Variant("octave_shift", octave=True, shift_aug=True),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.valence_study", description=__doc__.splitlines()[0])
    ap.add_argument("variants", nargs="*", default=["base"])
    ap.add_argument("--seeds", type=int, default=3, help="head seeds per variant")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "emodb")
    ap.add_argument("--cache-dir", type=Path, default=ROOT / "training" / "cache")
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "runs" / "valence_study.jsonl")
    a = ap.parse_args(argv)
    # the 1.2.0 recipe's renderings and front end; each variant adds its own parts
    cfg = replace(TrainConfig(), voice_features=False, pitch_octave_check=False, shift_semitones=())
    set_determinism(cfg.seed)
    clips = [c for c in read_manifest(a.data) if c.use == "train"]
    waves = [load_audio(c.path) for c in clips]
    folds = speaker_folds(clips)
    t0 = time.time()
    sets: dict[bool, dict[str, np.ndarray]] = {}

    def feats_for(v: Variant) -> dict[str, np.ndarray]:
        if v.octave not in sets:
            sets[v.octave] = study_features(clips, waves, folds, cfg, a.cache_dir, v.octave)
            print(f"features {time.time() - t0:.0f} s", file=sys.stderr)
        return sets[v.octave]

    variants = dict(VARIANTS)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    for name in a.variants:
        v = variants[name]
        rows = []
        for seed in range(a.seeds):
            t1 = time.time()
            probs, fr, ar, va = oof(feats_for(v), clips, folds, v, cfg, seed)
            f = figures(clips, probs, fr, ar, va)
            rows.append(f)
            print(
                f"{name} seed {seed} ({time.time() - t1:.0f} s): "
                + " ".join(f"{k}={x:.3f}" for k, x in f.items()),
                file=sys.stderr,
            )
        mean = {k: float(np.mean([r[k] for r in rows])) for k in rows[0]}
        line = {"variant": name, "spec": {k: str(x) for k, x in vars(v).items()}, "mean": mean, "seeds": rows}
        with a.out.open("a") as fh:
            fh.write(json.dumps(line) + "\n")
        print(f"{name:12s} " + " ".join(f"{k}={x:.3f}" for k, x in mean.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
