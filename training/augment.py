"""Contact-centre augmentation: telephone band, G.711 mu-law, headset/office noise, gain, reverb, speed.

All noise is generated here (babble mixed down from other training speakers, pink/brown noise, keyboard-like
clicks); nothing is downloaded. Every function takes an explicit ``numpy.random.Generator`` so the recipe is
deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.signal import butter, fftconvolve, resample_poly, sosfilt

SR = 16_000
_TEL_SOS = butter(4, [300.0, 3400.0], btype="bandpass", fs=8_000, output="sos")


def gain_db(x: np.ndarray, db: float) -> np.ndarray:
    return (x * 10.0 ** (db / 20.0)).astype(np.float32)


def telephone(x: np.ndarray) -> np.ndarray:
    """300-3400 Hz band and a 16 -> 8 -> 16 kHz round trip (what an 8 kHz narrowband call sounds like)."""
    low = resample_poly(x, 1, 2)
    low = sosfilt(_TEL_SOS, low)
    return resample_poly(low, 2, 1)[: len(x)].astype(np.float32)


def mulaw(x: np.ndarray, mu: int = 255) -> np.ndarray:
    """G.711 mu-law 8-bit encode/decode round trip."""
    y = np.clip(x, -1.0, 1.0)
    enc = np.sign(y) * np.log1p(mu * np.abs(y)) / np.log1p(mu)
    q = np.round((enc + 1.0) / 2.0 * 255.0) / 255.0 * 2.0 - 1.0
    return (np.sign(q) * ((1.0 + mu) ** np.abs(q) - 1.0) / mu).astype(np.float32)


def telephone_g711(x: np.ndarray) -> np.ndarray:
    """Narrowband call: band-limit, 8 kHz, mu-law codec, back to 16 kHz."""
    low = sosfilt(_TEL_SOS, resample_poly(x, 1, 2))
    return resample_poly(mulaw(low.astype(np.float32)), 2, 1)[: len(x)].astype(np.float32)


def coloured_noise(n: int, rng: np.random.Generator, exponent: float) -> np.ndarray:
    """1/f**exponent noise (1 = pink, 2 = brown), unit RMS."""
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.arange(len(spec), dtype=np.float64)
    f[0] = 1.0
    noise = np.fft.irfft(spec / f ** (exponent / 2.0), n)
    return (noise / (np.sqrt(np.mean(noise**2)) + 1e-12)).astype(np.float32)


def keyboard_clicks(n: int, rng: np.random.Generator, rate_hz: float = 6.0) -> np.ndarray:
    """Sparse short broadband bursts with fast decay, like typing near a headset mic; unit RMS."""
    out = np.zeros(n, dtype=np.float32)
    n_clicks = max(1, rng.poisson(rate_hz * n / SR))
    length = int(0.012 * SR)
    env = np.exp(-np.arange(length) / (0.002 * SR))
    for _ in range(n_clicks):
        at = int(rng.integers(0, max(1, n - length)))
        out[at : at + length] += (rng.standard_normal(length) * env * rng.uniform(0.3, 1.0)).astype(
            np.float32
        )
    hp = butter(2, 1000.0, btype="highpass", fs=SR, output="sos")
    out = sosfilt(hp, out).astype(np.float32)
    return out / (np.sqrt(np.mean(out**2)) + 1e-12)


def babble(n: int, pool: Sequence[np.ndarray], rng: np.random.Generator, talkers: int = 4) -> np.ndarray:
    """Several other speakers mixed down (an open-plan office behind the caller); unit RMS."""
    out = np.zeros(n, dtype=np.float32)
    for _ in range(talkers):
        src = pool[int(rng.integers(len(pool)))]
        src = np.roll(np.resize(src, n), int(rng.integers(n)))
        out += src / (np.sqrt(np.mean(src**2)) + 1e-12)
    return out / (np.sqrt(np.mean(out**2)) + 1e-12)


def speech_rms(x: np.ndarray, frame: int = 400) -> float:
    """RMS over the loudest half of 25 ms frames (a rough active-speech level)."""
    n = len(x) // frame
    if n == 0:
        return float(np.sqrt(np.mean(x**2)) + 1e-12)
    e = np.mean(x[: n * frame].reshape(n, frame) ** 2, axis=1)
    top = np.sort(e)[n // 2 :]
    return float(np.sqrt(np.mean(top)) + 1e-12)


def add_noise(x: np.ndarray, noise: np.ndarray, snr_db: float) -> np.ndarray:
    scale = speech_rms(x) / 10.0 ** (snr_db / 20.0)
    return (x + noise[: len(x)] * scale).astype(np.float32)


def reverb(x: np.ndarray, rng: np.random.Generator, rt60_s: float) -> np.ndarray:
    """Light synthetic room: exponentially decaying noise tail after the direct path."""
    length = int(rt60_s * SR)
    t = np.arange(length) / SR
    ir = rng.standard_normal(length) * np.exp(-6.9 * t / rt60_s) * 0.3
    ir[0] = 1.0
    wet = fftconvolve(x, ir)[: len(x)]
    return (wet * speech_rms(x) / speech_rms(wet)).astype(np.float32)


def speed(x: np.ndarray, factor: float) -> np.ndarray:
    """Speed perturbation by resampling (tempo and pitch together), as in Kaldi's 0.9/1.0/1.1."""
    up = 100
    down = round(up * factor)
    return resample_poly(x, up, down).astype(np.float32)


def fit_length(x: np.ndarray, n: int) -> np.ndarray:
    if len(x) >= n:
        start = (len(x) - n) // 2
        return x[start : start + n]
    return np.pad(x, (0, n - len(x)))


def random_chain(
    x: np.ndarray, rng: np.random.Generator, babble_pool: Sequence[np.ndarray], n: int
) -> np.ndarray:
    """One random contact-centre rendering of a clean clip (the recipe's augmentation policy)."""
    if rng.random() < 0.5:
        x = fit_length(speed(x, float(rng.choice([0.9, 0.95, 1.05, 1.1]))), n)
    if rng.random() < 0.3:
        x = reverb(x, rng, float(rng.uniform(0.15, 0.5)))
    if rng.random() < 0.6:
        kind = int(rng.integers(4))
        if kind == 0:
            noise = coloured_noise(n, rng, 1.0)
        elif kind == 1:
            noise = coloured_noise(n, rng, 2.0)
        elif kind == 2:
            noise = keyboard_clicks(n, rng)
        else:
            noise = babble(n, babble_pool, rng)
        x = add_noise(x, noise, float(rng.choice([5.0, 10.0, 15.0, 20.0, 30.0])))
    r = rng.random()
    if r < 0.35:
        x = telephone_g711(x)
    elif r < 0.5:
        x = telephone(x)
    x = gain_db(x, float(rng.uniform(-24.0, 12.0)))
    return np.clip(x, -1.0, 1.0).astype(np.float32)


def time_stretch(
    x: np.ndarray, rate: float, frame: int = 640, hop: int = 320, search: int = 160
) -> np.ndarray:
    """WSOLA time stretch (``rate`` > 1: shorter), pitch and spectrum kept: each output frame is the input
    frame near its nominal position that best continues the previous one (cross-correlation), overlap-added
    with a Hann window."""
    x = np.asarray(x, dtype=np.float64)
    n_out = round(len(x) / rate)
    pad = np.pad(x, (search, frame + search + int(hop * rate) + 1))
    win = np.hanning(frame)
    out = np.zeros(n_out + frame)
    norm = np.zeros(n_out + frame)
    prev_tail = None
    for pos in range(0, n_out, hop):
        centre = round(pos * rate) + search
        if prev_tail is None:
            best = centre
        else:
            seg = pad[centre - search : centre + search + frame - hop]
            corr = np.correlate(seg, prev_tail, mode="valid")
            best = centre - search + int(np.argmax(corr))
        chunk = pad[best : best + frame]
        out[pos : pos + frame] += chunk * win
        norm[pos : pos + frame] += win
        prev_tail = pad[best + hop : best + frame]
    return (out[:n_out] / np.maximum(norm[:n_out], 1e-3)).astype(np.float32)


def voice_shift(x: np.ndarray, semitones: float) -> np.ndarray:
    """Pitch and formants moved together by ``semitones``, tempo and length kept (a higher or lower voice):
    resampling moves the whole spectrum, WSOLA restores the duration."""
    factor = 2.0 ** (semitones / 12.0)
    up = 1000
    y = resample_poly(np.asarray(x, dtype=np.float64), up, round(up * factor))  # factor > 1: shorter, higher
    return fit_length(time_stretch(y, len(y) / len(x)), len(x)).astype(np.float32)
