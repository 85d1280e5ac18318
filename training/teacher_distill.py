"""``python -m training.teacher_distill``: can a student small enough for the tone model's budget learn what
Whisper tiny's second layer knows about anger vs joy (issue 17)? EmoDB speaker-CV only.

Per speaker fold, a student - Whisper's own conv stem (frozen) followed by a small context network (a 1x1
projection to ``width`` channels, ``blocks`` residual blocks of a dilated depthwise convolution and a 2x
pointwise expansion, a 1x1 projection back) - is trained on the fold's training clips (all 10 recipe
renderings) to reproduce the teacher's layer-2 output at every position (mean squared error on standardised
channels). Then the mean and spread over time of the student's output, of the stem and of the teacher's layer
2 each feed a logistic regression (angry vs not frustrated, per fold), scored out of fold on the clean clips.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from training.data import load_audio, read_manifest
from training.teacher import load_teacher
from training.teacher_eval import speaker_cv_scores
from training.train import TrainConfig, babble_pool, render, set_determinism, speaker_folds

ROOT = Path(__file__).resolve().parents[1]


class _Block(nn.Module):
    def __init__(self, width: int, dilation: int) -> None:
        super().__init__()
        self.dw = nn.Conv1d(width, width, 5, padding=2 * dilation, dilation=dilation, groups=width)
        self.up = nn.Conv1d(width, 2 * width, 1)
        self.down = nn.Conv1d(2 * width, width, 1)

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        return h + self.down(nn.functional.gelu(self.up(self.dw(h))))


class ContextStudent(nn.Module):
    """[B, T, 384] stem tokens -> [B, T, 384] estimate of the teacher's layer-2 tokens."""

    def __init__(self, channels: int = 384, width: int = 96, blocks: int = 3) -> None:
        super().__init__()
        self.inp = nn.Conv1d(channels, width, 1)
        self.blocks = nn.Sequential(*[_Block(width, 2**j) for j in range(blocks)])
        self.out = nn.Conv1d(width, channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.blocks(self.inp(x.transpose(1, 2)))).transpose(1, 2)


def _pool(tokens: np.ndarray) -> np.ndarray:
    return np.concatenate([tokens.mean(axis=1), tokens.std(axis=1)], axis=1)


def main(argv: list[str] | None = None) -> int:
    from sklearn.metrics import roc_auc_score

    ap = argparse.ArgumentParser(
        prog="python -m training.teacher_distill", description=__doc__.splitlines()[0]
    )
    ap.add_argument("--width", type=int, default=96)
    ap.add_argument("--blocks", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--teacher", type=Path, default=None, help="CTranslate2 model.bin of Whisper tiny")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "emodb")
    a = ap.parse_args(argv)
    cfg = TrainConfig()
    set_determinism(cfg.seed)
    torch.use_deterministic_algorithms(False)
    torch.set_num_threads(2)
    enc = load_teacher(a.teacher, "teacher_distill")
    clips = [c for c in read_manifest(a.data) if c.use == "train"]
    waves = [load_audio(c.path) for c in clips]
    folds = speaker_folds(clips)
    fold = np.array([folds[c.speaker] for c in clips])
    stem, layer2 = [], []
    t0 = time.time()
    with torch.no_grad():
        for i in range(len(clips)):
            x = torch.from_numpy(np.stack(render(i, waves[i], babble_pool(i, clips, waves, folds), cfg)))
            states = enc.states(enc.logmel(x), 2)
            stem.append(states[0].numpy().astype(np.float16))
            layer2.append(states[2].numpy().astype(np.float16))
    s_all, l_all = np.stack(stem), np.stack(layer2)  # [n, R, T, 384]
    print(
        f"teacher states of {s_all.shape[0]} x {s_all.shape[1]} renderings: {time.time() - t0:.0f} s",
        file=sys.stderr,
    )

    def stats(arr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        flat = arr[:, :2].reshape(-1, arr.shape[-1]).astype(np.float32)
        return flat.mean(axis=0), flat.std(axis=0) + 1e-3

    (s_mu, s_sd), (l_mu, l_sd) = stats(s_all), stats(l_all)
    student_pooled = np.zeros((len(clips), 2 * s_all.shape[-1]))
    for k in sorted(set(fold.tolist())):
        t1 = time.time()
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        xs = torch.from_numpy((s_all[tr].reshape(-1, *s_all.shape[2:]).astype(np.float32) - s_mu) / s_sd)
        ys = torch.from_numpy((l_all[tr].reshape(-1, *l_all.shape[2:]).astype(np.float32) - l_mu) / l_sd)
        torch.manual_seed(cfg.seed + k)
        model = ContextStudent(s_all.shape[-1], a.width, a.blocks)
        opt = torch.optim.AdamW(model.parameters(), 2e-3, weight_decay=1e-2)
        steps = a.epochs * ((len(xs) + 63) // 64)
        sched = torch.optim.lr_scheduler.OneCycleLR(opt, 3e-3, total_steps=steps)
        for _ in range(a.epochs):
            perm, total = torch.randperm(len(xs)), 0.0
            for j in range(0, len(xs), 64):
                b = perm[j : j + 64]
                loss = ((model(xs[b]) - ys[b]) ** 2).mean()
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
                total += loss.item() * len(b)
        with torch.no_grad():
            out = model(torch.from_numpy((s_all[te, 0].astype(np.float32) - s_mu) / s_sd)).numpy()
        test_mse = float(np.mean((out - (l_all[te, 0].astype(np.float32) - l_mu) / l_sd) ** 2))
        student_pooled[te] = _pool(out)
        print(
            f"fold {k}: mse train {total / len(xs):.3f}, held-out speakers {test_mse:.3f}"
            f" ({time.time() - t1:.0f} s)"
        )
    n_params = sum(p.numel() for p in ContextStudent(s_all.shape[-1], a.width, a.blocks).parameters())
    print(f"student context network: {n_params} parameters (+ the stem's 0.54 M)")

    lab = np.array([c.label for c in clips])
    yb = np.array([c.frustrated for c in clips])
    keep, ah = yb >= 0, (lab == "angry") | (lab == "happy")
    sets = {
        "stem": _pool(s_all[:, 0].astype(np.float32)),
        "student": student_pooled,
        "teacher layer 2": _pool(l_all[:, 0].astype(np.float32)),
    }
    print("features          C      AUC   AUC ang/hap")
    for name, feats in sets.items():
        for strength in (0.01, 0.1):
            oof = speaker_cv_scores(feats, yb, fold, strength)
            print(
                f"{name:16s} {strength:5.2f}  {roc_auc_score(yb[keep], oof[keep]):.3f}"
                f"  {roc_auc_score(lab[ah] == 'angry', oof[ah]):.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
