"""In-graph statistics of the acoustic-baseline kind, for the regularised linear member of the tone model.

The same kinds of utterance statistics as :mod:`training.acoustic` (the numpy baseline whose logistic
regression generalised best across corpora), computed from what the graph already has — the DFT power
spectrum, the gain-normalised log-mel, the frame energy and the soft pitch track — so they stay inside the
ONNX graph (FP32): energy contour and its slope, F0 and voicing, spectral centroid / 85 % roll-off / flux /
tilt, each as weighted mean, std, 10th and 90th percentile over the active (or voiced) frames, and MFCC
(DCT-II of the log-mel, c1..c13) mean and std. Roll-off and flux use the 40 mel-band energies
(5x fewer values than the 201 DFT bins), centroid and tilt one MatMul over the DFT bins.

Percentiles are weighted by the soft activity mask: sort (an ONNX TopK), cumulative weight, first value
whose cumulative weight reaches the quantile (a Gather) — no op that onnxruntime lacks.
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from training.frontend import ACTIVE_DB, BINS, N_FFT, N_MELS, SAMPLE_RATE_HZ, _wstats, mel_matrix

N_MFCC = 13
QUANTILES = (0.1, 0.9)
ROLLOFF = 0.85
TILT_SPLIT_HZ, TILT_LOW_HZ = 1000.0, 60.0


def dct_matrix(n_mels: int = N_MELS, n_ceps: int = N_MFCC) -> np.ndarray:
    """DCT-II basis for cepstral coefficients c1..c_n, shape [n_mels, n_ceps]."""
    m = np.arange(n_mels)[:, None]
    k = np.arange(1, n_ceps + 1)[None, :]
    return np.cos(math.pi / n_mels * (m + 0.5) * k).astype(np.float32)


def weighted_quantiles(x: torch.Tensor, w: torch.Tensor, qs: tuple[float, ...] = QUANTILES) -> torch.Tensor:
    """Weighted quantiles over time of several contours at once (one sort): x [B, C, T], w [B, 1 or C, T]
    -> [B, C, len(qs)], each the lowest value whose cumulative weight reaches q."""
    xs, idx = torch.sort(x, dim=2)
    ws = torch.gather(w.expand_as(x), 2, idx)
    cw = torch.cumsum(ws, dim=2) / (ws.sum(dim=2, keepdim=True) + 1e-9)
    out = []
    for q in qs:
        # counted over all but the last position: an index in range even when every weight is zero
        k = (cw[:, :, :-1] < q).to(torch.int64).sum(dim=2, keepdim=True)
        out.append(torch.gather(xs, 2, k))
    return torch.cat(out, dim=2)


def contour_stats(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """Weighted mean, std, 10th and 90th percentile of contours: x [B, C, T], w [B, 1 or C, T] ->
    [B, 4 * C] (contour by contour)."""
    wn = w / (w.sum(dim=2, keepdim=True) + 1e-6)
    mean = (x * wn).sum(dim=2, keepdim=True)
    std = torch.sqrt(((x - mean) ** 2 * wn).sum(dim=2, keepdim=True) + 1e-6)
    return torch.cat([mean, std, weighted_quantiles(x, w)], dim=2).flatten(1)


class ProsodyStats(nn.Module):
    """(power [B, T, F], mel power [B, T, M], log-mel, frame power [B, T], pitch track) -> [B, 57]."""

    n_features = 4 * 7 + 3 + 2 * N_MFCC  # 7 contours x 4 statistics, 3 voicing/activity, MFCC mean + std
    lin: torch.Tensor
    band_w: torch.Tensor
    cum: torch.Tensor
    steps_khz: torch.Tensor
    dct: torch.Tensor

    def __init__(self) -> None:
        super().__init__()
        freqs = BINS * (SAMPLE_RATE_HZ / N_FFT)  # the DFT bins the front end computes
        # one MatMul over the linear spectrum: total power, frequency-weighted power (centroid), power
        # above / below 1 kHz (tilt)
        lin = np.stack(
            [
                np.ones_like(freqs),
                freqs / 1000.0,
                freqs >= TILT_SPLIT_HZ,
                (freqs >= TILT_LOW_HZ) & (freqs < TILT_SPLIT_HZ),
            ],
            axis=1,
        )
        # roll-off and flux on mel-band energies (40 bands, not 201 bins: 5x cheaper)
        fb = mel_matrix(normalise=False)[BINS]
        centres = (fb * freqs[:, None]).sum(axis=0) / fb.sum(axis=0) / 1000.0
        self.register_buffer("lin", torch.from_numpy(lin.astype(np.float32)))
        self.register_buffer("band_w", torch.from_numpy(fb.sum(axis=0).astype(np.float32)))
        self.register_buffer("cum", torch.from_numpy(np.triu(np.ones((N_MELS, N_MELS), np.float32))))
        self.register_buffer("steps_khz", torch.from_numpy(np.diff(centres).astype(np.float32)[:, None]))
        self.first_khz = float(centres[0])
        self.register_buffer("dct", torch.from_numpy(dct_matrix()))

    def forward(
        self,
        power: torch.Tensor,
        melp: torch.Tensor,
        logmel: torch.Tensor,
        frame_pow: torch.Tensor,
        pitch: tuple[torch.Tensor, ...],
    ) -> torch.Tensor:
        f0, voicing, p_active, voiced = pitch
        ln10 = math.log(10.0)
        e = frame_pow - frame_pow.max(dim=1, keepdim=True).values  # ln power re the loudest frame
        active = torch.sigmoid((e + ACTIVE_DB / 10.0 * ln10) * 2.0)  # [B, T]
        sums = power @ self.lin + 1e-12 * power.mean(dim=(1, 2), keepdim=True)  # [B, T, 4]
        centroid = sums[:, :, 1] / sums[:, :, 0]
        tilt_db = 10.0 / ln10 * torch.log(sums[:, :, 2] / sums[:, :, 3])
        band = melp * self.band_w + 1e-9 * melp.mean(dim=(1, 2), keepdim=True)  # band energies
        norm = band / band.sum(dim=2, keepdim=True)
        below = ((norm @ self.cum)[:, :, :-1] < ROLLOFF).to(norm.dtype)  # [B, T, M-1]
        rolloff = (below @ self.steps_khz).squeeze(2) + self.first_khz
        flux = torch.sqrt(((norm[:, 1:] - norm[:, :-1]) ** 2).sum(dim=2) + 1e-12)
        w_pair = (active[:, 1:] * active[:, :-1]).unsqueeze(1)
        mfcc = logmel @ self.dct  # [B, T, 13]
        wn = (active / (active.sum(dim=1, keepdim=True) + 1e-6)).unsqueeze(2)
        mfcc_mean, mfcc_std = _wstats(mfcc, wn)
        p_sum = p_active.sum(dim=1, keepdim=True) + 1e-6
        voice = torch.cat(
            [
                voiced.sum(dim=1, keepdim=True) / p_sum,
                active.mean(dim=1, keepdim=True),
                (voicing * p_active).sum(dim=1, keepdim=True) / p_sum,
            ],
            dim=1,
        )
        frame = torch.stack([e, centroid, rolloff, tilt_db], dim=1)  # [B, 4, T]
        change = torch.stack([e[:, 1:] - e[:, :-1], flux], dim=1)  # [B, 2, T-1]
        return torch.cat(
            [
                contour_stats(frame, active.unsqueeze(1)),
                contour_stats(change, w_pair),
                contour_stats(f0.unsqueeze(1), voiced.unsqueeze(1)),
                voice,
                mfcc_mean,
                mfcc_std,
            ],
            dim=1,
        )
