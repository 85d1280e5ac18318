"""The plain acoustic baseline: hand-made prosodic + spectral statistics and logistic regression.

It is what the shipped network has to beat (``lugn eval`` shows both). Features are numpy only (no torch),
so the evaluation command can compute them; the fitted regressions are stored as JSON by the recipe.
"""

from __future__ import annotations

from typing import Any

import numpy as np

SR = 16_000
FRAME = 640  # 40 ms (long enough for a 70 Hz pitch period)
HOP = 160
F0_MIN_HZ, F0_MAX_HZ = 70.0, 400.0


def _frames(x: np.ndarray) -> np.ndarray:
    if len(x) < FRAME:
        x = np.pad(x, (0, FRAME - len(x)))
    n = 1 + (len(x) - FRAME) // HOP
    idx = np.arange(FRAME)[None, :] + HOP * np.arange(n)[:, None]
    return x[idx]


def _mel_fb(n_bins: int, n_mels: int = 26) -> np.ndarray:
    def hz_to_mel(hz: float) -> float:
        return float(2595.0 * np.log10(1.0 + hz / 700.0))

    def mel_to_hz(mel: np.ndarray) -> np.ndarray:
        return 700.0 * (10.0 ** (mel / 2595.0) - 1.0)

    freqs = np.linspace(0, SR / 2, n_bins)
    edges = mel_to_hz(np.linspace(hz_to_mel(60.0), hz_to_mel(7600.0), n_mels + 2))
    fb = np.zeros((n_bins, n_mels))
    for m in range(n_mels):
        lo, mid, hi = edges[m : m + 3]
        fb[:, m] = np.maximum(0, np.minimum((freqs - lo) / (mid - lo), (hi - freqs) / (hi - mid)))
    return fb


_FB = _mel_fb(FRAME // 2 + 1)
_DCT = np.cos(np.pi / 26 * (np.arange(26)[None, :] + 0.5) * np.arange(1, 14)[:, None])  # c1..c13


def _stats(v: np.ndarray) -> list[float]:
    if v.size == 0:
        return [0.0, 0.0, 0.0, 0.0]
    return [float(v.mean()), float(v.std()), float(np.percentile(v, 10)), float(np.percentile(v, 90))]


def features(x: np.ndarray) -> np.ndarray:
    """Gain-invariant utterance statistics: energy contour, F0, voicing, centroid/roll-off/flux, MFCC
    mean/std."""
    x = np.asarray(x, dtype=np.float64)
    x = x - x.mean()
    fr = _frames(x) * np.hanning(FRAME)[None, :]
    spec = np.abs(np.fft.rfft(fr, axis=1)) ** 2
    ref = spec.mean() + 1e-12
    e_db = 10 * np.log10(spec.sum(axis=1) / ref / spec.shape[1] + 1e-6)
    active = e_db > e_db.max() - 30.0
    if active.sum() < 3:
        active[:] = True
    sa = spec[active]
    e_act = e_db[active]
    freqs = np.linspace(0, SR / 2, spec.shape[1])
    centroid = (sa * freqs).sum(axis=1) / (sa.sum(axis=1) + 1e-12)
    cum = np.cumsum(sa, axis=1)
    rolloff = freqs[np.argmax(cum >= 0.85 * cum[:, -1:], axis=1)]
    norm = sa / (sa.sum(axis=1, keepdims=True) + 1e-12)
    flux = np.sqrt((np.diff(norm, axis=0) ** 2).sum(axis=1)) if len(norm) > 1 else np.zeros(1)
    logmel = np.log(sa @ _FB / ref + 1e-6)
    mfcc = logmel @ _DCT.T
    hi = sa[:, freqs >= 1000].sum(axis=1)
    lo = sa[:, (freqs >= 60) & (freqs < 1000)].sum(axis=1)
    tilt_db = 10 * np.log10((hi + 1e-12) / (lo + 1e-12))
    # F0 by normalised autocorrelation (computed through the power spectrum)
    ac = np.fft.irfft(np.abs(np.fft.rfft(fr[active], n=2 * FRAME, axis=1)) ** 2, axis=1)[:, :FRAME]
    ac = ac / (ac[:, :1] + 1e-12)
    lag_lo, lag_hi = int(SR / F0_MAX_HZ), int(SR / F0_MIN_HZ)
    seg = ac[:, lag_lo:lag_hi]
    lag = seg.argmax(axis=1) + lag_lo
    peak = seg.max(axis=1)
    voiced = peak > 0.45
    f0 = np.log2(SR / lag[voiced]) if voiced.any() else np.zeros(0)
    f0_st = 12 * (f0 - np.median(f0)) if f0.size else f0
    feats = [
        *_stats(e_act - e_act.max()),
        *(_stats(np.diff(e_act)) if len(e_act) > 1 else [0.0] * 4),
        *_stats(f0),
        float(f0_st.std()) if f0.size else 0.0,
        float(np.percentile(f0_st, 90) - np.percentile(f0_st, 10)) if f0.size else 0.0,
        float(voiced.mean()),
        float(active.mean()),
        float(peak.mean()),
        *_stats(centroid / 1000),
        *_stats(rolloff / 1000),
        *_stats(flux),
        *_stats(tilt_db),
        *mfcc.mean(axis=0),
        *mfcc.std(axis=0),
    ]
    return np.asarray(feats, dtype=np.float64)


class AcousticLR:
    """Standardiser + multinomial LR (4 classes) + binary LR (angry vs the rest), as plain arrays."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params
        self.mu = np.asarray(params["mu"])
        self.sigma = np.asarray(params["sigma"])
        self.w4 = np.asarray(params["w4"])
        self.b4 = np.asarray(params["b4"])
        self.wb = np.asarray(params["wb"])
        self.bb = float(params["bb"])

    @classmethod
    def fit(cls, X: np.ndarray, y4: np.ndarray, yb: np.ndarray, c: float = 0.1) -> AcousticLR:
        from sklearn.linear_model import LogisticRegression

        mu, sigma = X.mean(axis=0), X.std(axis=0) + 1e-6
        Z = (X - mu) / sigma
        m4, mb = y4 >= 0, yb >= 0
        lr4 = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(Z[m4], y4[m4])
        lrb = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(Z[mb], yb[mb])
        if list(lr4.classes_) != [0, 1, 2, 3]:
            raise ValueError("acoustic baseline needs all 4 classes in its training data")
        return cls(
            {
                "mu": mu.tolist(),
                "sigma": sigma.tolist(),
                "w4": lr4.coef_.tolist(),
                "b4": lr4.intercept_.tolist(),
                "wb": lrb.coef_[0].tolist(),
                "bb": float(lrb.intercept_[0]),
            }
        )

    def predict(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """-> (probs [n, 4], frustration [n])."""
        Z = (np.atleast_2d(X) - self.mu) / self.sigma
        z4 = Z @ self.w4.T + self.b4
        z4 -= z4.max(axis=1, keepdims=True)
        p4 = np.exp(z4)
        p4 /= p4.sum(axis=1, keepdims=True)
        pb = 1.0 / (1.0 + np.exp(-(Z @ self.wb + self.bb)))
        return p4, pb
