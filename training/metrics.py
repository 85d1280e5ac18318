"""Evaluation figures: ua4 / wa4 / f1_4 / confusion4 over neutral(+calm), happy, sad, angry, and the binary
frustrated (angry) vs not (neutral, calm, happy, sad, boredom) task at a fixed threshold, plus its AUC.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from training.data import Clip


def auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """ROC AUC by the Mann-Whitney statistic (ties count one half)."""
    pos, neg = scores[positive == 1], scores[positive == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    ranks = np.empty(len(order))
    allv = np.concatenate([pos, neg])[order]
    # average ranks over ties
    i = 0
    while i < len(allv):
        j = i
        while j + 1 < len(allv) and allv[j + 1] == allv[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2.0) / (len(pos) * len(neg)))


def balanced_accuracy(truth: np.ndarray, pred: np.ndarray, classes: Sequence[int]) -> float:
    recalls = [float(np.mean(pred[truth == c] == c)) for c in classes if np.any(truth == c)]
    return float(np.mean(recalls)) if recalls else float("nan")


def macro_f1(truth: np.ndarray, pred: np.ndarray, classes: Sequence[int]) -> float:
    f1s = []
    for c in classes:
        if not np.any(truth == c):
            continue
        tp = float(np.sum((pred == c) & (truth == c)))
        fp = float(np.sum((pred == c) & (truth != c)))
        fn = float(np.sum((pred != c) & (truth == c)))
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1s)) if f1s else float("nan")


def four_class(clips: Sequence[Clip], probs: np.ndarray) -> dict[str, Any]:
    truth = np.array([c.label4 for c in clips])
    keep = truth >= 0
    t, p = truth[keep], probs[keep].argmax(axis=1)
    conf = np.zeros((4, 4), dtype=int)
    for a, b in zip(t, p, strict=True):
        conf[a, b] += 1
    genders = np.array([c.gender for c in clips])[keep]
    by_gender = {
        g: balanced_accuracy(t[genders == g], p[genders == g], range(4))
        for g in sorted(set(genders.tolist()))
    }
    return {
        "ua4": balanced_accuracy(t, p, range(4)),
        "wa4": float(np.mean(t == p)) if len(t) else float("nan"),
        "f1_4": macro_f1(t, p, range(4)),
        "ua4_by_gender": by_gender,
        "confusion4": conf.tolist(),
    }


def binary(clips: Sequence[Clip], frustration: np.ndarray, threshold: float) -> dict[str, float]:
    truth = np.array([c.frustrated for c in clips])
    keep = truth >= 0
    t, s = truth[keep], frustration[keep]
    return {
        "binary_ua": balanced_accuracy(t, (s >= threshold).astype(int), (0, 1)),
        "binary_auc": auc(s, t),
    }


def best_threshold(scores: np.ndarray, positive: np.ndarray) -> float:
    """The threshold with the highest balanced accuracy (midpoint between neighbouring scores)."""
    s = np.sort(np.unique(scores))
    cands = np.concatenate([[s[0] - 1e-6], (s[1:] + s[:-1]) / 2.0, [s[-1] + 1e-6]])
    best, best_t = -1.0, 0.5
    for t in cands:
        ba = balanced_accuracy(positive, (scores >= t).astype(int), (0, 1))
        if ba > best + 1e-12:
            best, best_t = ba, float(t)
    return best_t


def robust_threshold(
    scores: Sequence[np.ndarray], positive: np.ndarray, step: float = 0.005, half_width: float = 0.02
) -> float:
    """The operating threshold for several renderings of the same clips: the highest mean balanced accuracy
    over the renderings (``scores``: one array per rendering), smoothed over +-``half_width``, the middle of
    the best run, so that the choice sits inside a plateau and a rebuild whose scores differ in the last
    float bits cannot move it far (the argmax of one step curve moved 0.500 -> 0.521 between two CPUs)."""
    grid = np.round(np.arange(step, 1.0, step), 6)
    curve = np.array(
        [np.mean([balanced_accuracy(positive, (s >= t).astype(int), (0, 1)) for s in scores]) for t in grid]
    )
    w = max(0, round(half_width / step))
    smooth = np.convolve(np.pad(curve, w, mode="edge"), np.ones(2 * w + 1) / (2 * w + 1), mode="valid")
    top = np.flatnonzero(smooth >= smooth.max() - 1e-9)
    run = top[: int(np.argmax(np.diff(np.append(top, top[-1] + 2)) > 1)) + 1]  # the first run of maxima
    return float(grid[run[len(run) // 2]])  # its middle
