"""Voice-quality and contour statistics for telling anger from joy at equal arousal (issue 17), in the FP32
graph.

Anger and joy are both loud, high and fast; what the acoustics literature (and eGeMAPS) finds between them is
in the voice source and the contour: a tenser, noisier voice in anger (harmonics-to-noise ratio, cycle
irregularity, flatter spectrum between the first harmonics and 5 kHz: alpha ratio, Hammarberg index, spectral
slope in bands), a flatter, falling, more clipped pitch contour and sharper energy attacks. The 187
features before this block have the spectrum's overall tilt (above / below 1 kHz, over all active frames), the
F0 level, spread and mean absolute change, the voicing strength averaged over active frames and the energy
contour; none of the quantities below. Each is measured over voiced frames (the pitch branch's soft voicing
mask), from what the graph already computes: the DFT power spectrum, the frame energy and the pitch track.

At a 20 ms hop, true cycle-to-cycle jitter and shimmer are out of reach; the proxies are the frame-to-frame
irregularity of F0 (deviation from the line through the neighbouring frames, in semitones) and of the
voiced-frame level (dB).
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from training.frontend import BINS, FLOOR, N_FFT, PITCH_DECIM, PITCH_HOP, SAMPLE_RATE_HZ

FRAME_S = PITCH_HOP * PITCH_DECIM / SAMPLE_RATE_HZ  # 20 ms: the pitch track's (and the spectrum's) hop
DB = 10.0 / math.log(10.0)
NAMES = (
    "hnr_mean_db",
    "hnr_std_db",
    "jitter_st",
    "shimmer_db",
    "alpha_ratio_mean_db",
    "alpha_ratio_std_db",
    "hammarberg_mean_db",
    "hammarberg_std_db",
    "slope_0_500_db_khz",
    "slope_500_1500_db_khz",
    "f0_slope_st_s",
    "f0_curvature_st",
    "f0_rising_share",
    "energy_attack_db",
    "energy_decay_db",
    "energy_modulation",
)


def _band_slope(freqs: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """Projection that gives the least-squares slope (dB per kHz) of a log spectrum over the bins in
    [lo, hi)."""
    m = (freqs >= lo) & (freqs < hi)
    f = freqs[m] / 1000.0
    w = np.zeros_like(freqs)
    w[m] = (f - f.mean()) / np.sum((f - f.mean()) ** 2)
    return w


def _wmean(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """Weighted mean over time: x, w [B, T] -> [B, 1]."""
    return (x * w).sum(dim=1, keepdim=True) / (w.sum(dim=1, keepdim=True) + 1e-6)


def _wstd(x: torch.Tensor, w: torch.Tensor, mean: torch.Tensor) -> torch.Tensor:
    return torch.sqrt(_wmean((x - mean) ** 2, w) + 1e-6)


class VoiceStats(nn.Module):
    """(power [B, T, F], frame_pow [B, T], pitch track) -> [B, 16] voice-quality and contour statistics."""

    n_features = len(NAMES)
    bands: torch.Tensor
    low_mask: torch.Tensor
    high_mask: torch.Tensor
    slopes: torch.Tensor

    def __init__(self) -> None:
        super().__init__()
        freqs = BINS * (SAMPLE_RATE_HZ / N_FFT)
        # alpha ratio: power 50-1000 Hz over 1-5 kHz (eGeMAPS); one MatMul
        bands = np.stack([(freqs >= 50) & (freqs < 1000), (freqs >= 1000) & (freqs < 5000)], axis=1)
        self.register_buffer("bands", torch.from_numpy(bands.astype(np.float32)))
        # Hammarberg index: strongest bin 0-2 kHz over strongest 2-5 kHz (a mask, then ReduceMax)
        self.register_buffer("low_mask", torch.from_numpy((freqs < 2000).astype(np.float32)))
        self.register_buffer(
            "high_mask", torch.from_numpy(((freqs >= 2000) & (freqs < 5000)).astype(np.float32))
        )
        slopes = np.stack([_band_slope(freqs, 0, 500), _band_slope(freqs, 500, 1500)], axis=1)
        self.register_buffer("slopes", torch.from_numpy(slopes.astype(np.float32)))

    def forward(
        self, power: torch.Tensor, frame_pow: torch.Tensor, pitch: tuple[torch.Tensor, ...]
    ) -> torch.Tensor:
        f0, voicing, _, voiced = pitch
        t = f0.shape[1]  # the pitch track has one frame fewer than the spectrum (98 vs 99 per 2 s)
        power, e, v = power[:, :t], frame_pow[:, :t] * DB, voiced
        st = f0 * 12.0  # log2 Hz -> semitones
        level = power.mean(dim=(1, 2), keepdim=True) + 1e-12
        rel = power / level + FLOOR  # gain-normalised, floored like the log-mel

        r = voicing.clamp(0.01, 0.99)
        hnr = DB * torch.log(r / (1.0 - r))
        hnr_mean = _wmean(hnr, v)
        hnr_std = _wstd(hnr, v, hnr_mean)

        v3 = v[:, :-2] * v[:, 1:-1] * v[:, 2:]
        jitter = _wmean((st[:, 1:-1] - 0.5 * (st[:, :-2] + st[:, 2:])).abs(), v3)
        v2 = v[:, 1:] * v[:, :-1]
        de = e[:, 1:] - e[:, :-1]
        shimmer = _wmean(de.abs(), v2)

        b = rel @ self.bands  # [B, T, 2]
        alpha = DB * torch.log(b[:, :, 0] / b[:, :, 1])
        alpha_mean = _wmean(alpha, v)
        alpha_std = _wstd(alpha, v, alpha_mean)
        low = (rel * self.low_mask).max(dim=2).values
        high = (rel * self.high_mask).max(dim=2).values
        hamm = DB * torch.log(low / high)
        hamm_mean = _wmean(hamm, v)
        hamm_std = _wstd(hamm, v, hamm_mean)
        sl = (DB * torch.log(rel)) @ self.slopes  # [B, T, 2] dB per kHz
        slope_lo = _wmean(sl[:, :, 0], v)
        slope_mid = _wmean(sl[:, :, 1], v)

        # pitch contour: weighted regression slope (st/s), mean second difference, share of rising steps
        time = torch.arange(t, dtype=f0.dtype) * FRAME_S
        tm = _wmean(time.expand_as(st), v)
        sm = _wmean(st, v)
        f0_slope = _wmean((time - tm) * (st - sm), v) / (_wmean((time - tm) ** 2, v) + 1e-6)
        curv = _wmean(st[:, 2:] - 2.0 * st[:, 1:-1] + st[:, :-2], v3)
        dst = st[:, 1:] - st[:, :-1]
        rising = _wmean(torch.sigmoid(dst * 4.0), v2)

        # energy dynamics over active frames: mean rise and fall per frame, and how often the level crosses
        # its own mean (a syllable-rate proxy that needs no peak picking)
        peak = e.max(dim=1, keepdim=True).values
        act = torch.sigmoid((e - peak + 30.0) * 0.5)
        a2 = act[:, 1:] * act[:, :-1]
        attack = _wmean(torch.relu(de), a2)
        decay = _wmean(torch.relu(-de), a2)
        above = torch.sigmoid((e - _wmean(e, act)) * 0.5)
        modulation = _wmean((above[:, 1:] - above[:, :-1]).abs(), a2)
        return torch.cat(
            [
                hnr_mean,
                hnr_std,
                jitter,
                shimmer,
                alpha_mean,
                alpha_std,
                hamm_mean,
                hamm_std,
                slope_lo,
                slope_mid,
                f0_slope,
                curv,
                rising,
                attack,
                decay,
                modulation,
            ],
            dim=1,
        )
