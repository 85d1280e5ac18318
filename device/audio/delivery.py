"""Delivery facts about the agent's OWN speech: syllable rate and level. Observable signals only.

No model, no emotion (EU AI Act Art. 5(1)(f)): the syllable rate counts syllable nuclei in the energy envelope
(after de Jong & Wempe, 2009, "Praat script to detect syllable nuclei and measure speech rate automatically"):
peaks of the band-passed (250-2500 Hz, where vowels carry their energy) intensity that stand out from the
loudest part of the window by no more than ``floor_db``, are separated from the previous nucleus by a dip of
at least ``dip_db`` and are voiced (periodic). The level is the RMS of the agent's speech in dBFS.

Streaming: ``process(frame, speech, t_s)`` in any chunk size gives the same result (10 ms hops with a carried
remainder, a continuous IIR filter state). Only envelope numbers of the last ``window_s`` of speech are kept,
never audio beyond 40 ms, and nothing outlives ``reset()`` (the pipeline resets at every call start).
"""

from __future__ import annotations

from collections import deque

import numpy as np
from scipy.signal import butter, sosfilt

from device.audio import SAMPLE_RATE_HZ
from device.events import AgentDelivery

HOP_SAMPLES = 160  # 10 ms
VOICING_SAMPLES = 640  # 40 ms: two periods of an 80 Hz voice
_MIN_LAG, _MAX_LAG = SAMPLE_RATE_HZ // 500, SAMPLE_RATE_HZ // 70  # F0 between 70 and 500 Hz
_NFFT = 1024  # >= VOICING_SAMPLES + _MAX_LAG: no circular wrap at the lags used
_EPS = 1e-12
_GAP = -200.0  # envelope value that marks a gap between speech stretches
_SMOOTH = 3


class DeliveryMeter:
    """Agent channel in, ``AgentDelivery`` events out every ``every_s`` seconds of agent speech."""

    def __init__(
        self,
        window_s: float = 10.0,
        every_s: float = 5.0,
        min_speech_s: float = 2.0,
        floor_db: float = 25.0,
        dip_db: float = 2.0,
        voicing_min: float = 0.45,
        min_gap_s: float = 0.05,
    ) -> None:
        if not 0 < every_s <= window_s:
            raise ValueError(f"DeliveryMeter: need 0 < every_s <= window_s, got {every_s=} {window_s=}")
        self.window_s, self.every_s, self.min_speech_s = window_s, every_s, min_speech_s
        self.floor_db, self.dip_db, self.voicing_min = floor_db, dip_db, voicing_min
        self._window_hops = round(window_s * SAMPLE_RATE_HZ / HOP_SAMPLES)
        self._every_hops = round(every_s * SAMPLE_RATE_HZ / HOP_SAMPLES)
        self._min_gap_hops = max(1, round(min_gap_s * SAMPLE_RATE_HZ / HOP_SAMPLES))
        self._sos = butter(2, [250.0, 2500.0], btype="bandpass", fs=SAMPLE_RATE_HZ, output="sos")
        self.reset()

    def reset(self) -> None:
        self._zi = np.zeros((self._sos.shape[0], 2))
        self._raw_carry = np.zeros(0, dtype=np.float32)
        self._band_carry = np.zeros(0, dtype=np.float64)
        self._band_hist = np.zeros(VOICING_SAMPLES, dtype=np.float64)  # last 40 ms of band-passed signal
        # per hop of speech: (band dB, raw mean square, voicing); _GAP rows mark non-speech between stretches
        self._hops: deque[tuple[float, float, float]] = deque()
        self._speech_hops = 0
        self._since_emit = 0

    def process(self, frame: np.ndarray, speech: bool, t_s: float) -> list[AgentDelivery]:
        """``frame``: 16 kHz mono float32 agent audio ending at stream time ``t_s``; ``speech``: the VAD says
        the agent is speaking in this frame."""
        x = np.asarray(frame)
        if x.ndim != 1:
            raise ValueError(f"DeliveryMeter.process expects a 1-D frame, got shape {x.shape}")
        if x.size == 0:
            return []
        band, self._zi = sosfilt(self._sos, x.astype(np.float64), zi=self._zi)
        raw = np.concatenate([self._raw_carry, x.astype(np.float32)])
        bandc = np.concatenate([self._band_carry, band])
        n_hops = raw.size // HOP_SAMPLES
        used = n_hops * HOP_SAMPLES
        self._raw_carry, self._band_carry = raw[used:], bandc[used:]
        if n_hops == 0:
            return []
        out: list[AgentDelivery] = []
        if not speech:
            self._band_hist = np.concatenate([self._band_hist, bandc[:used]])[-VOICING_SAMPLES:]
            if self._hops and self._hops[-1][0] != _GAP:
                self._hops.append((_GAP, 0.0, 0.0))
            return out
        hops_raw = raw[:used].reshape(n_hops, HOP_SAMPLES).astype(np.float64)
        hops_band = bandc[:used].reshape(n_hops, HOP_SAMPLES)
        power_raw = np.mean(hops_raw**2, axis=1)
        band_db = 10.0 * np.log10(np.mean(hops_band**2, axis=1) + _EPS)
        hist = np.concatenate([self._band_hist, bandc[:used]])
        self._band_hist = hist[-VOICING_SAMPLES:]
        voicing = _voicing(hist, n_hops)
        for i in range(n_hops):
            self._hops.append((float(band_db[i]), float(power_raw[i]), float(voicing[i])))
            self._speech_hops += 1
            self._since_emit += 1
            while self._speech_hops > self._window_hops:
                if self._hops.popleft()[0] != _GAP:
                    self._speech_hops -= 1
            if self._since_emit >= self._every_hops:
                self._since_emit = 0
                hop_end_s = t_s - (x.size - ((i + 1) * HOP_SAMPLES - (raw.size - x.size))) / SAMPLE_RATE_HZ
                event = self._measure(hop_end_s)
                if event is not None:
                    out.append(event)
        return out

    def _measure(self, t_s: float) -> AgentDelivery | None:
        speech_s = self._speech_hops * HOP_SAMPLES / SAMPLE_RATE_HZ
        if speech_s < self.min_speech_s:
            return None
        rows = np.array(self._hops, dtype=np.float64)
        nuclei = count_nuclei(
            rows[:, 0], rows[:, 2], self.floor_db, self.dip_db, self.voicing_min, self._min_gap_hops
        )
        speech_rows = rows[rows[:, 0] != _GAP]
        level_dbfs = 10.0 * np.log10(float(np.mean(speech_rows[:, 1])) + _EPS)
        return AgentDelivery(
            t_s=round(t_s, 4),
            window_s=self.window_s,
            speech_s=round(speech_s, 3),
            syllables_per_s=round(nuclei / speech_s, 3),
            level_dbfs=round(float(level_dbfs), 2),
        )


_WINDOW = np.hanning(VOICING_SAMPLES)
_W_AC = np.fft.irfft(np.abs(np.fft.rfft(_WINDOW, _NFFT)) ** 2, _NFFT)
_LAGS = slice(_MIN_LAG, _MAX_LAG + 1)
_W_BIAS = _W_AC[_LAGS] / _W_AC[0]  # the autocorrelation of the window itself, which a windowed frame carries


def _voicing(hist: np.ndarray, n_hops: int) -> np.ndarray:
    """Peak normalised autocorrelation at F0 lags for the 40 ms ending at each hop (1 = periodic)."""
    ends = hist.size - (n_hops - 1 - np.arange(n_hops)) * HOP_SAMPLES
    frames = np.stack([hist[e - VOICING_SAMPLES : e] for e in ends])
    frames = (frames - frames.mean(axis=1, keepdims=True)) * _WINDOW
    spec = np.fft.rfft(frames, _NFFT, axis=1)
    ac = np.fft.irfft(spec.real**2 + spec.imag**2, _NFFT, axis=1)
    norm = ac[:, _LAGS] / (ac[:, :1] + _EPS) / _W_BIAS
    return np.asarray(np.clip(norm.max(axis=1), 0.0, 1.0))


def count_nuclei(
    env_db: np.ndarray,
    voicing: np.ndarray,
    floor_db: float = 25.0,
    dip_db: float = 2.0,
    voicing_min: float = 0.45,
    min_gap_hops: int = 8,
) -> int:
    """Syllable nuclei in a 10 ms-hop envelope (dB); ``_GAP`` entries separate speech stretches."""
    if env_db.size < 3:
        return 0
    smooth = np.convolve(env_db, np.ones(_SMOOTH) / _SMOOTH, mode="same")
    smooth[env_db == _GAP] = _GAP
    speech = smooth[env_db != _GAP]
    if speech.size == 0:
        return 0
    floor = float(np.percentile(speech, 99)) - floor_db
    mid = smooth[1:-1]
    is_peak = (mid > smooth[:-2]) & (mid >= smooth[2:]) & (mid > floor) & (voicing[1:-1] >= voicing_min)
    peaks = np.flatnonzero(is_peak) + 1
    kept: list[int] = []
    for p in peaks:
        if not kept:
            kept.append(int(p))
            continue
        q = kept[-1]
        dip = float(smooth[q : p + 1].min())
        if p - q >= min_gap_hops and smooth[q] - dip >= dip_db and smooth[p] - dip >= dip_db:
            kept.append(int(p))
        elif smooth[p] > smooth[q]:
            kept[-1] = int(p)  # the same nucleus, and this is its top
    return len(kept)
