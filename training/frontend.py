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
HOP = 320  # 20 ms (10 ms: the same speaker-CV figures within noise at twice the DFT cost)
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
    n_fft: int = N_FFT,
    n_mels: int = N_MELS,
    fmin: float = FMIN_HZ,
    fmax: float = FMAX_HZ,
    normalise: bool = True,
) -> np.ndarray:
    """Triangular HTK-mel filterbank, shape [n_fft//2+1, n_mels], each filter with unit area (or unit peak
    with ``normalise=False``)."""
    n_bins = n_fft // 2 + 1
    freqs = np.linspace(0.0, SAMPLE_RATE_HZ / 2, n_bins)
    edges = mel_to_hz(np.linspace(hz_to_mel(fmin), hz_to_mel(fmax), n_mels + 2))
    fb = np.zeros((n_bins, n_mels))
    for m in range(n_mels):
        lo, mid, hi = edges[m], edges[m + 1], edges[m + 2]
        up = (freqs - lo) / (mid - lo)
        down = (hi - freqs) / (hi - mid)
        fb[:, m] = np.maximum(0.0, np.minimum(up, down))
        if normalise:
            fb[:, m] /= max(fb[:, m].sum(), 1e-9)
    return fb.astype(np.float32)


def dft_kernels(n_fft: int = N_FFT, bins: np.ndarray | None = None) -> np.ndarray:
    """Hann-windowed cos/sin DFT kernels of ``bins`` (default all), shape [2*len(bins), 1, n_fft]."""
    n = np.arange(n_fft)
    k = (np.arange(n_fft // 2 + 1) if bins is None else np.asarray(bins))[:, None]
    window = 0.5 - 0.5 * np.cos(2 * math.pi * n / n_fft)
    ang = 2 * math.pi * k * n / n_fft
    kern = np.concatenate([np.cos(ang) * window, -np.sin(ang) * window], axis=0)
    return kern[:, None, :].astype(np.float32)


# The DFT bins any mel filter uses (80..7560 Hz): the DFT computes only these (6 % fewer MACs and weights).
BINS = np.flatnonzero(mel_matrix().sum(axis=1) > 0)


PITCH_DECIM = 4  # 16 kHz -> 4 kHz for the pitch branch
PITCH_FRAME = 160  # 40 ms at 4 kHz
PITCH_HOP = 80  # 20 ms
PITCH_NFFT = 320  # zero-padded DFT, 12.5 Hz bins
PITCH_BINS = 81  # up to 1 kHz (the low-pass edge): harmonics 1-3+ of any voice
PITCH_LAGS = np.arange(10, 51)  # 400 .. 80 Hz at 4 kHz


def pitch_kernels() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(anti-alias FIR in polyphase form [1,4,16], windowed DFT kernels [2*bins,1,frame],
    power->normalised-ACF matrix [bins,lags])."""
    from scipy.signal import firwin

    taps = np.zeros(64)
    taps[:63] = firwin(63, 1000.0, fs=SAMPLE_RATE_HZ)
    fir = taps.reshape(-1, PITCH_DECIM).T.astype(np.float32)[None]  # [1, 4 phases, 16]: h[4j + p]
    n = np.arange(PITCH_FRAME)
    k = np.arange(PITCH_BINS)[:, None]
    window = 0.5 - 0.5 * np.cos(2 * math.pi * (n + 0.5) / PITCH_FRAME)
    ang = 2 * math.pi * k * n / PITCH_NFFT
    dft = np.concatenate([np.cos(ang) * window, -np.sin(ang) * window], axis=0)[:, None, :]
    # ACF(l) = sum_k c_k P_k cos(2 pi k l / N) / ACF(0); divided by the window's own ACF (Boersma 1993)
    c = np.full(PITCH_BINS, 2.0)
    c[0] = 1.0
    acf = c[:, None] * np.cos(2 * math.pi * np.arange(PITCH_BINS)[:, None] * PITCH_LAGS[None, :] / PITCH_NFFT)
    wac = np.array([np.sum(window[: PITCH_FRAME - lag] * window[lag:]) for lag in PITCH_LAGS]) / np.sum(
        window**2
    )
    acf = acf / wac[None, :]
    return fir, dft.astype(np.float32), acf.astype(np.float32)


def subharmonic_acf(divisor: float) -> np.ndarray:
    """Power -> normalised-ACF matrix [bins, lags] at each candidate lag divided by ``divisor`` (fractional
    lags: the ACF is a cosine sum over the power spectrum, so any lag can be read off it)."""
    n = np.arange(PITCH_FRAME)
    window = 0.5 - 0.5 * np.cos(2 * math.pi * (n + 0.5) / PITCH_FRAME)
    lags = PITCH_LAGS / divisor
    c = np.full(PITCH_BINS, 2.0)
    c[0] = 1.0
    acf = c[:, None] * np.cos(2 * math.pi * np.arange(PITCH_BINS)[:, None] * lags[None, :] / PITCH_NFFT)
    own = np.array([np.sum(window[: PITCH_FRAME - lag] * window[lag:]) for lag in range(PITCH_FRAME)])
    wac = np.interp(lags, np.arange(PITCH_FRAME), own / np.sum(window**2))
    return (acf / wac[None, :]).astype(np.float32)


class Pitch(nn.Module):
    """[B, N] waveform -> statistics of a soft pitch track and voicing: [B, 5].

    ``octave_check`` (1.3.0): a periodic voice correlates as well at twice and three times its period as at
    the period itself, and the soft arg-max averaged those lags: every F0 above ~160 Hz (where twice the
    period falls inside the 80-400 Hz lag range) was pulled down an octave towards it — a 220 Hz voice read
    as ~160 Hz, 300 Hz as ~165 Hz. That is most women's voices and any aroused voice. With the check each
    candidate lag loses the correlation found at half and a third of it (which is high only when the lag is a
    multiple of the true period), so the track follows 80-350 Hz (the voicing strength is unchanged)."""

    n_features = 5
    fir: torch.Tensor
    dft: torch.Tensor
    acf: torch.Tensor
    acf_sub: torch.Tensor
    log2f0: torch.Tensor

    def __init__(self, octave_check: bool = False) -> None:
        super().__init__()
        fir, dft, acf = pitch_kernels()
        self.octave_check = octave_check
        self.register_buffer("fir", torch.from_numpy(fir))
        self.register_buffer("dft", torch.from_numpy(dft))
        self.register_buffer("acf", torch.from_numpy(acf))
        if octave_check:
            # one MatMul for the lag, half-lag and third-lag correlations (one node fewer than three)
            both = np.concatenate([subharmonic_acf(2.0), subharmonic_acf(3.0)], axis=1)
            self.register_buffer("acf_sub", torch.from_numpy(both))
        self.register_buffer("log2f0", torch.from_numpy(np.log2(4000.0 / PITCH_LAGS).astype(np.float32)))

    def track(self, wave: torch.Tensor) -> tuple[torch.Tensor, ...]:
        """-> per 10 ms frame [B, T]: log2 F0 (soft), voicing strength, activity and voiced weights."""
        x = wave.unsqueeze(1)
        x = x - x.mean(dim=2, keepdim=True)
        # the 63-tap anti-alias FIR + decimation by 4 in polyphase form: the 4 phases as channels, 16 taps
        # each (the same result as a stride-4 convolution at half its cost in onnxruntime)
        b, n = x.shape[0], x.shape[2] // PITCH_DECIM * PITCH_DECIM
        phases = x[:, 0, :n].reshape(b, -1, PITCH_DECIM).transpose(1, 2)  # [B, 4, N/4]
        low = nn.functional.conv1d(phases, self.fir)  # [B, 1, N/4 - 15]
        spec = nn.functional.conv1d(low, self.dft, stride=PITCH_HOP)  # [B, 2*bins, T]
        re, im = spec[:, :PITCH_BINS], spec[:, PITCH_BINS:]
        power = (re * re + im * im).transpose(1, 2)  # [B, T, bins]
        r0 = power.sum(dim=2, keepdim=True) * 2.0 + 1e-9
        r = (power @ self.acf) / r0  # [B, T, lags], ~1 at the period of a clean voiced frame
        voicing = r.max(dim=2).values  # [B, T]
        score = r
        if self.octave_check:
            sub = torch.relu((power @ self.acf_sub) / r0)  # [B, T, 2 * lags]: at lag / 2, lag / 3
            n_lags = r.shape[2]
            score = r - sub[:, :, :n_lags] - 0.5 * sub[:, :, n_lags:]
        soft = torch.softmax(score * 25.0, dim=2)
        f0 = (soft * self.log2f0).sum(dim=2)  # [B, T] log2 Hz
        e = torch.log(r0.squeeze(2) / (r0.mean(dim=1) + 1e-9) + FLOOR)
        active = torch.sigmoid(
            (e - e.max(dim=1, keepdim=True).values + ACTIVE_DB / 10.0 * math.log(10.0)) * 2.0
        )
        voiced = active * torch.sigmoid((voicing - 0.5) * 12.0)
        return f0, voicing, active, voiced

    def forward(self, wave: torch.Tensor) -> torch.Tensor:
        return self.stats(*self.track(wave))

    @staticmethod
    def stats(
        f0: torch.Tensor, voicing: torch.Tensor, active: torch.Tensor, voiced: torch.Tensor
    ) -> torch.Tensor:
        w = (voiced / (voiced.sum(dim=1, keepdim=True) + 1e-6)).unsqueeze(2)
        f0_mean, f0_std = _wstats(f0.unsqueeze(2), w)
        df0 = (f0[:, 2:] - f0[:, :-2]).abs().unsqueeze(2)
        wd = w[:, 1:-1] / (w[:, 1:-1].sum(dim=1, keepdim=True) + 1e-6)
        df0_mean = (df0 * wd).sum(dim=1)
        wa = (active / (active.sum(dim=1, keepdim=True) + 1e-6)).unsqueeze(2)
        v_mean = (voicing.unsqueeze(2) * wa).sum(dim=1)
        v_frac = voiced.sum(dim=1, keepdim=True) / (active.sum(dim=1, keepdim=True) + 1e-6)
        return torch.cat([f0_mean, f0_std, df0_mean, v_mean, v_frac], dim=1)


class LogMel(nn.Module):
    """[B, N] waveform -> ([B, T, n_mels] gain-normalised log-mel, [B, T] log frame power re window mean)."""

    dft: torch.Tensor
    mel: torch.Tensor

    def __init__(self) -> None:
        super().__init__()
        self.n_bins = len(BINS)
        self.register_buffer("dft", torch.from_numpy(dft_kernels(bins=BINS)))
        self.register_buffer("mel", torch.from_numpy(mel_matrix()[BINS]))

    def spectrum(self, wave: torch.Tensor) -> torch.Tensor:
        """[B, N] waveform -> [B, T, F] power spectrum of the DFT bins ``BINS`` (absolute level)."""
        x = wave.unsqueeze(1)  # [B, 1, N]
        x = x - x.mean(dim=2, keepdim=True)  # DC offset
        spec = nn.functional.conv1d(x, self.dft, stride=HOP)  # [B, 2F, T]
        re, im = spec[:, : self.n_bins], spec[:, self.n_bins :]
        return (re * re + im * im).transpose(1, 2)  # [B, T, F]

    def from_power(self, power: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.from_mel(power @ self.mel)

    def from_mel(self, melp: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """[B, T, M] mel power -> (gain-normalised log-mel, log frame power re the window mean)."""
        level = melp.mean(dim=(1, 2), keepdim=True) + 1e-12  # one gain offset per window
        logmel = torch.log(melp / level + FLOOR)
        frame_pow = torch.log(melp.mean(dim=2) / level.squeeze(2) + FLOOR)  # [B, T]
        return logmel, frame_pow

    def forward(self, wave: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.from_power(self.spectrum(wave))


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
