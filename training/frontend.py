"""The feature front end that lives inside the ONNX graph (kept FP32 when the network is quantised).

Waveform -> DFT as a fixed-weight strided Conv1d -> power -> mel -> log, with gain-only normalisation (one
level offset per window, so spectral tilt — vocal effort, the main anger cue — survives), then statistics over
time weighted by a soft speech-activity mask (frames within ~30 dB of the window's loudest frame).

Every op here exports to plain ONNX (Conv, MatMul, Log, ReduceMean, ReduceMax, Sigmoid, Sqrt); no STFT op
(it ran ~10x slower in onnxruntime).
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

SAMPLE_RATE_HZ = 16_000
N_FFT = 400  # 25 ms
HOP = 160  # 10 ms
N_MELS = 40
FMIN_HZ = 60.0
FMAX_HZ = 7_600.0
FLOOR = 1e-6  # relative power floor (-60 dB below the window's mean power)
ACTIVE_DB = 30.0  # frames within this many dB of the loudest count as active


def hz_to_mel(hz: np.ndarray | float) -> np.ndarray:
    return 2595.0 * np.log10(1.0 + np.asarray(hz, dtype=np.float64) / 700.0)


def mel_to_hz(mel: np.ndarray) -> np.ndarray:
    return 700.0 * (10.0 ** (np.asarray(mel) / 2595.0) - 1.0)


def mel_matrix(
    n_fft: int = N_FFT, n_mels: int = N_MELS, fmin: float = FMIN_HZ, fmax: float = FMAX_HZ
) -> np.ndarray:
    """Triangular HTK-mel filterbank, shape [n_fft//2+1, n_mels], each filter with unit area."""
    n_bins = n_fft // 2 + 1
    freqs = np.linspace(0.0, SAMPLE_RATE_HZ / 2, n_bins)
    edges = mel_to_hz(np.linspace(hz_to_mel(fmin), hz_to_mel(fmax), n_mels + 2))
    fb = np.zeros((n_bins, n_mels))
    for m in range(n_mels):
        lo, mid, hi = edges[m], edges[m + 1], edges[m + 2]
        up = (freqs - lo) / (mid - lo)
        down = (hi - freqs) / (hi - mid)
        fb[:, m] = np.maximum(0.0, np.minimum(up, down))
        fb[:, m] /= max(fb[:, m].sum(), 1e-9)
    return fb.astype(np.float32)


def dft_kernels(n_fft: int = N_FFT) -> np.ndarray:
    """Hann-windowed cos/sin DFT kernels, shape [2*(n_fft//2+1), 1, n_fft]."""
    n = np.arange(n_fft)
    k = np.arange(n_fft // 2 + 1)[:, None]
    window = 0.5 - 0.5 * np.cos(2 * math.pi * n / n_fft)
    ang = 2 * math.pi * k * n / n_fft
    kern = np.concatenate([np.cos(ang) * window, -np.sin(ang) * window], axis=0)
    return kern[:, None, :].astype(np.float32)


class LogMel(nn.Module):
    """[B, N] waveform -> ([B, T, n_mels] gain-normalised log-mel, [B, T] log frame power re window mean)."""

    def __init__(self) -> None:
        super().__init__()
        self.n_bins = N_FFT // 2 + 1
        self.register_buffer("dft", torch.from_numpy(dft_kernels()))
        self.register_buffer("mel", torch.from_numpy(mel_matrix()))

    def forward(self, wave: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        x = wave.unsqueeze(1)  # [B, 1, N]
        x = x - x.mean(dim=2, keepdim=True)  # DC offset
        spec = nn.functional.conv1d(x, self.dft, stride=HOP)  # [B, 2F, T]
        re, im = spec[:, : self.n_bins], spec[:, self.n_bins :]
        power = (re * re + im * im).transpose(1, 2)  # [B, T, F]
        melp = power @ self.mel  # [B, T, M]
        level = melp.mean(dim=(1, 2), keepdim=True) + 1e-12  # one gain offset per window
        logmel = torch.log(melp / level + FLOOR)
        frame_pow = torch.log(melp.mean(dim=2) / level.squeeze(2) + FLOOR)  # [B, T]
        return logmel, frame_pow


def _wstats(x: torch.Tensor, w: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Weighted mean and std over time; x [B, T, C], w [B, T, 1] (sums to 1 over T)."""
    mean = (x * w).sum(dim=1)
    var = ((x - mean.unsqueeze(1)) ** 2 * w).sum(dim=1)
    return mean, torch.sqrt(var + 1e-6)


class StatsFeatures(nn.Module):
    """Statistics over time of the log-mel: per-band mean/std, delta std, plus energy-contour and activity."""

    n_features = 3 * N_MELS + 5

    def forward(self, logmel: torch.Tensor, frame_pow: torch.Tensor) -> torch.Tensor:
        ln10 = math.log(10.0)
        active_ln = ACTIVE_DB / 10.0 * ln10
        peak = frame_pow.max(dim=1, keepdim=True).values
        soft = torch.sigmoid((frame_pow - peak + active_ln) * 2.0)  # [B, T]
        w = (soft / (soft.sum(dim=1, keepdim=True) + 1e-6)).unsqueeze(2)
        mean, std = _wstats(logmel, w)
        delta = logmel[:, 2:] - logmel[:, :-2]
        wd = w[:, 1:-1] / (w[:, 1:-1].sum(dim=1, keepdim=True) + 1e-6)
        _, dstd = _wstats(delta, wd)
        e = frame_pow.unsqueeze(2)
        e_mean, e_std = _wstats(e, w)
        de = e[:, 2:] - e[:, :-2]
        _, de_std = _wstats(de, wd)
        active_frac = soft.mean(dim=1, keepdim=True)
        tilt = mean[:, N_MELS // 2 :].mean(dim=1, keepdim=True) - mean[:, : N_MELS // 2].mean(
            dim=1, keepdim=True
        )
        return torch.cat([mean, std, dstd, e_mean, e_std, de_std, active_frac, tilt], dim=1)
