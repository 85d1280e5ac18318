"""The threshold sweep over cached scores, the recommended operating point, and its uncertainty.

The rule: the threshold with the highest episode recall whose false alarms per hour of unlabelled customer
speech stay within the budget; among ties, fewer false alarms, and among those still tied the middle one (the
edge of a plateau is where this sample's luck ends; the model card picks its own threshold the same way). The
uncertainty is a bootstrap over *calls* (a call is the unit a site sampled; windows within a call are not
independent): the recall and false-alarm rate at the recommended threshold, how often the budget holds there,
and which threshold the same rule picks on each resample. Rare counts defeat a bootstrap (no false alarm in
the sample is none in every resample), so the false-alarm rate also gets the exact Poisson interval of its
count over the hours heard, and the advice says when those hours are too few to resolve the budget at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from lugn.evalkit.figures import CallFigures, evaluate, summary
from lugn.evalkit.trace import CallTrace

MIN_EPISODES = 20
GRID = tuple(round(0.10 + 0.02 * i, 4) for i in range(41))  # 0.10 ... 0.90
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 20_260_415


class RecommendationRefused(Exception):
    """Too little evidence to recommend a threshold; the message says why and what would be enough."""


@dataclass
class Sweep:
    thresholds: list[float]
    per_call: list[list[CallFigures]]  # [threshold][call]
    rows: list[dict[str, Any]]  # pooled figures per threshold


def run_sweep(traces: Sequence[CallTrace], extra: Sequence[float] = ()) -> Sweep:
    thresholds = sorted({*GRID, *(round(float(t), 4) for t in extra)})
    per_call = [evaluate(traces, t) for t in thresholds]
    rows = [{"threshold": t, **summary(figs)} for t, figs in zip(thresholds, per_call, strict=True)]
    return Sweep(thresholds, per_call, rows)


def _counts(sweep: Sweep) -> dict[str, np.ndarray]:
    """[threshold, call] arrays of the additive parts of recall and false alarms per hour."""
    return {
        "caught": np.array([[f.caught for f in figs] for figs in sweep.per_call], dtype=float),
        "false": np.array([[f.false_alarms for f in figs] for figs in sweep.per_call], dtype=float),
        "episodes": np.array([f.episodes for f in sweep.per_call[0]], dtype=float),
        "unlabelled_h": np.array([f.unlabelled_speech_s / 3600.0 for f in sweep.per_call[0]]),
    }


def _pick(recall: np.ndarray, fph: np.ndarray, thresholds: np.ndarray, budget: float) -> int | None:
    """Index of the rule's choice along the last axis; None when no threshold keeps within the budget."""
    ok = np.flatnonzero(fph <= budget + 1e-12)
    if not len(ok):
        return None
    best = recall[ok].max()
    tied = [i for i in ok if recall[i] >= best - 1e-12]
    fewest = min(fph[i] for i in tied)
    tied = sorted((i for i in tied if fph[i] <= fewest + 1e-12), key=lambda i: thresholds[i])
    return int(tied[(len(tied) - 1) // 2])


def recommend(sweep: Sweep, budget: float) -> dict[str, Any]:
    """The recommended point with its bootstrap; raises :class:`RecommendationRefused`."""
    c = _counts(sweep)
    episodes, n_calls = int(c["episodes"].sum()), len(c["episodes"])
    if episodes < MIN_EPISODES:
        raise RecommendationRefused(
            f"only {episodes} labelled frustrated episode(s) in {n_calls} call(s); a threshold "
            f"recommendation needs at least {MIN_EPISODES} (label more calls: see docs/pilot.md). The "
            "figures above still describe these calls."
        )
    hours = float(c["unlabelled_h"].sum())
    if hours <= 0:
        raise RecommendationRefused("no unlabelled customer speech: false alarms cannot be counted")
    th = np.array(sweep.thresholds)
    recall = c["caught"].sum(axis=1) / episodes
    fph = c["false"].sum(axis=1) / hours
    best = _pick(recall, fph, th, budget)
    if best is None:
        low = int(np.argmin(fph))
        why = "raise --max-false-per-hour or check the labels"
        if 0 < budget < 1.0 / hours:  # the sample cannot resolve the budget at all: say so
            why = (
                f"these calls hold {hours:.2f} h of unlabelled customer speech, so one false alarm is "
                f"already {1.0 / hours:.1f}/h: a budget of {budget:g}/h needs at least {1.0 / budget:.1f} h "
                "of it, about 4 h to show it (label more ordinary calls, see docs/pilot.md), or a higher "
                "--max-false-per-hour"
            )
        raise RecommendationRefused(
            f"no threshold from {th[0]:.2f} to {th[-1]:.2f} keeps false alarms within {budget:g} per hour of "
            f"unlabelled customer speech (the fewest: {fph[low]:.2f}/h at {th[low]:.2f}); {why}"
        )
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    # multinomial weights: how often each call is drawn in each resample
    weights = rng.multinomial(n_calls, np.full(n_calls, 1.0 / n_calls), size=BOOTSTRAP_RESAMPLES).astype(
        float
    )
    b_eps = weights @ c["episodes"]
    b_hours = weights @ c["unlabelled_h"]
    b_recall = (weights @ c["caught"].T) / np.maximum(b_eps, 1e-9)[:, None]
    b_fph = (weights @ c["false"].T) / np.maximum(b_hours, 1e-9)[:, None]
    valid = (b_eps > 0) & (b_hours > 0)
    picks = [_pick(b_recall[i], b_fph[i], th, budget) for i in np.flatnonzero(valid)]
    picked = np.array([th[p] for p in picks if p is not None])
    r, f = b_recall[valid, best], b_fph[valid, best]
    false_n = int(c["false"][best].sum())
    notes = []
    if 1.0 / hours > budget:
        notes.append(
            f"one false alarm is {1.0 / hours:.2f}/h over these {hours:.2f} h of unlabelled customer speech, "
            f"above the budget: the rule can only accept thresholds with no false alarm at all; at least "
            f"{1.0 / budget:.1f} h" + (" are" if budget <= 1 else " is") + " needed to resolve the budget"
        )
    lo, hi = poisson_rate_95(false_n, hours)
    if hi > budget:
        notes.append(
            f"{false_n} false alarm(s) in {hours:.2f} h is also consistent with up to {hi:.2f}/h "
            f"(95 % Poisson); showing a rate within {budget:g}/h takes about "
            f"{poisson_rate_95(0, 1.0)[1] / max(budget, 1e-9):.1f} h of unlabelled customer speech without "
            "a false alarm"
        )
    return {
        "threshold": float(th[best]),
        "rule": f"highest episode recall with at most {budget:g} false alarm(s) per hour of unlabelled "
        "customer speech (ties: fewer false alarms, then the middle threshold)",
        "max_false_per_hour": budget,
        "figures": dict(sweep.rows[best]),
        "bootstrap": {
            "resamples": int(valid.sum()),
            "unit": "call",
            "episode_recall_95": _interval(r),
            "false_per_hour_95": _interval(f),
            "within_budget_share": float(np.mean(f <= budget + 1e-12)),
            "threshold_95": _interval(picked) if len(picked) else None,
            "no_threshold_share": float(1 - len(picked) / max(len(picks), 1)),
        },
        "false_per_hour_poisson_95": [round(lo, 4), round(hi, 4)],
        "notes": notes,
    }


def poisson_rate_95(count: int, hours: float) -> tuple[float, float]:
    """Exact (Garwood) 95 % interval of a rate from ``count`` events in ``hours``."""
    from scipy.stats import chi2

    lo = 0.0 if count == 0 else float(chi2.ppf(0.025, 2 * count)) / 2
    hi = float(chi2.ppf(0.975, 2 * count + 2)) / 2
    return lo / hours, hi / hours


def _interval(x: np.ndarray) -> list[float]:
    lo, hi = np.percentile(x, [2.5, 97.5])
    return [round(float(lo), 4), round(float(hi), 4)]
