"""Evaluation figures: ua4 / wa4 / f1_4 / confusion4 over neutral(+calm), happy, sad, angry, and the binary
frustrated (angry) vs not (neutral, calm, happy, sad, boredom) task at a fixed threshold, plus its AUC.

Since 1.3.0 also the figures of the frustration score that a balanced accuracy hides (issue 17): whether it
tells anger from joy (AUC angry vs happy, the share of happy clips flagged), whether it is as good for women
as for men (binary figures by gender), and whether it catches controlled anger (angry recall by the corpus's
intensity field, where a corpus has one).
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


def _share(flags: np.ndarray) -> float | None:
    return float(np.mean(flags)) if len(flags) else None


def _both(t: np.ndarray, value: float) -> float | None:
    """A two-class figure, or None (JSON null) where one of the classes is absent: urdu's women, for
    example, have no angry clip, and a balanced accuracy over one class would read as a real figure."""
    return value if len(set(t.tolist())) == 2 else None


def valence_and_groups(clips: Sequence[Clip], frustration: np.ndarray, threshold: float) -> dict[str, Any]:
    """Frustration-score figures by emotion, gender and intensity (issue 17).

    ``angry_vs_happy_auc``: does the score rank angry above happy speech (the arousal both share cannot
    separate them); ``happy_flagged``: the share of happy clips at or above the operating threshold (a
    cheerful caller shown as frustrated); ``by_gender``: binary_ua / AUC per gender (None where the gender
    lacks angry or not-angry clips) with angry recall and the false-alarm share;
    ``angry_recall_by_intensity``: recall (and AUC against every not-frustrated clip) of angry clips per
    intensity, empty when the corpus carries no intensity."""
    truth = np.array([c.frustrated for c in clips])
    labels = np.array([c.label for c in clips])
    genders = np.array([c.gender for c in clips])
    flagged = frustration >= threshold
    ah = (labels == "angry") | (labels == "happy")
    keep = truth >= 0
    by_gender: dict[str, dict[str, Any]] = {}
    for g in sorted(set(genders[keep].tolist())):
        m = keep & (genders == g)
        t, s = truth[m], frustration[m]
        mah = ah & (genders == g)
        by_gender[g] = {
            "clips": int(m.sum()),
            "binary_ua": _both(t, balanced_accuracy(t, (s >= threshold).astype(int), (0, 1))),
            "binary_auc": _both(t, auc(s, t)),
            "angry_recall": _share(flagged[m & (truth == 1)]),
            "not_angry_flagged": _share(flagged[m & (truth == 0)]),
            "happy_flagged": _share(flagged[(labels == "happy") & (genders == g)]),
            "angry_vs_happy_auc": _both(
                truth[mah], auc(frustration[mah], (labels[mah] == "angry").astype(int))
            ),
        }
    intensities = np.array([c.intensity for c in clips])
    by_intensity: dict[str, dict[str, Any]] = {}
    calm = keep & (truth == 0)
    for level in sorted(set(intensities[labels == "angry"].tolist()) - {""}):
        m = (labels == "angry") & (intensities == level)
        both = m | calm
        by_intensity[level] = {
            "clips": int(m.sum()),
            "recall": _share(flagged[m]),
            "auc_vs_not_angry": _both(truth[both], auc(frustration[both], truth[both])),
        }
    return {
        "angry_vs_happy_auc": _both(truth[ah], auc(frustration[ah], (labels[ah] == "angry").astype(int))),
        "happy_flagged": _share(flagged[labels == "happy"]),
        "angry_recall": _share(flagged[truth == 1]),
        "by_gender": by_gender,
        "angry_recall_by_intensity": by_intensity,
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
