"""Delivery facts about the agent's OWN speech: syllable rate and level. Observable signals only.

No model, no emotion (EU AI Act Art. 5(1)(f)): the syllable rate counts syllable nuclei in the energy envelope
(after de Jong & Wempe, 2009, "Praat script to detect syllable nuclei and measure speech rate automatically"):
peaks of the band-passed (250-2500 Hz, where vowels carry their energy) intensity that stand out from the
loudest part of the window by no more than ``floor_db``, are separated from the previous nucleus by a dip of
at least ``dip_db`` and are voiced (periodic). The level is the RMS of the agent's speech in dBFS.

Streaming: ``process(frame, speech, t_s)`` in any chunk size gives the same result (10 ms hops with a
carried remainder; the band-pass is an FIR with the last ~52 ms of input carried). Only envelope numbers of
the last ``window_s`` of speech are kept, never audio beyond 52 ms, and nothing outlives ``reset()`` (the
pipeline resets at every call start and end).

Cost: numpy only (no scipy at run time: importing ``scipy.signal`` took ~1.5 s and tens of MB). Frames that
are not speech only refresh the carried 52 ms of input; the filter and the voicing analysis run on speech.
"""

from __future__ import annotations

import logging
from collections import deque

import numpy as np

from device.audio import SAMPLE_RATE_HZ
from device.events import AgentDelivery

log = logging.getLogger(__name__)

HOP_SAMPLES = 160  # 10 ms
VOICING_SAMPLES = 640  # 40 ms: two periods of an 80 Hz voice
_MIN_LAG, _MAX_LAG = SAMPLE_RATE_HZ // 500, SAMPLE_RATE_HZ // 70  # F0 between 70 and 500 Hz
_NFFT = 1024  # >= VOICING_SAMPLES + _MAX_LAG: no circular wrap at the lags used
_EPS = 1e-12
_GAP = -200.0  # envelope value that marks a gap between speech stretches
_SMOOTH = 3

# Band-pass 250-2500 Hz: the 2nd-order Butterworth band-pass (scipy.signal.butter(2, [250, 2500],
# "bandpass", fs=16000, output="sos"), as second-order sections b0 b1 b2 a0 a1 a2), used as an FIR of its
# impulse response truncated at 192 taps (12 ms): the energy beyond is 3e-12 of the total and no tap beyond
# exceeds 4e-7, so the output equals the recursive filter's to float32 precision, and an FIR has no state
# but its last 191 inputs.
_BUTTER_SOS = (
    (
        0.11819684959350463,
        0.23639369918700925,
        0.11819684959350463,
        1.0,
        -0.8113553017969934,
        0.33493968149396103,
    ),
    (1.0, -2.0, 1.0, 1.0, -1.8646862438623442, 0.8752573181549921),
)
_TAPS = 192


def _impulse_response(sos: tuple[tuple[float, ...], ...], n: int) -> np.ndarray:
    h = np.zeros(n)
    h[0] = 1.0
    for b0, b1, b2, _a0, a1, a2 in sos:  # direct form II transposed, one section after the other
        y, z1, z2 = np.zeros(n), 0.0, 0.0
        for i, v in enumerate(h):
            out = b0 * v + z1
            z1 = b1 * v - a1 * out + z2
            z2 = b2 * v - a2 * out
            y[i] = out
        h = y
    return h


_BAND_FIR = _impulse_response(_BUTTER_SOS, _TAPS)
_FIR_CARRY = _TAPS - 1
_RAW_HIST = _FIR_CARRY + VOICING_SAMPLES  # input kept to rebuild 40 ms of band-passed history


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
        self.reset()

    def reset(self) -> None:
        self._raw_carry = np.zeros(0, dtype=np.float32)  # input not yet in a whole hop
        self._raw_hist = np.zeros(_RAW_HIST, dtype=np.float64)  # input before the next hop (0: fresh filter)
        self._band_hist: np.ndarray | None = np.zeros(VOICING_SAMPLES)  # band-passed 40 ms; None: stale
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
        x32 = x.astype(np.float32, copy=False)
        raw = np.concatenate([self._raw_carry, x32]) if self._raw_carry.size else x32
        n_hops = raw.size // HOP_SAMPLES
        used = n_hops * HOP_SAMPLES
        self._raw_carry = raw[used:].astype(np.float32)
        if n_hops == 0:
            return []
        ext = np.concatenate([self._raw_hist, raw[:used]])  # float64
        self._raw_hist = ext[-_RAW_HIST:]
        out: list[AgentDelivery] = []
        if not speech:
            self._band_hist = None
            if self._hops and self._hops[-1][0] != _GAP:
                self._hops.append((_GAP, 0.0, 0.0))
            return out
        if self._band_hist is None:  # after non-speech: rebuild the band-passed history from carried input
            hist = np.convolve(ext, _BAND_FIR, mode="valid")
        else:
            band = np.convolve(ext[-(used + _FIR_CARRY) :], _BAND_FIR, mode="valid")
            hist = np.concatenate([self._band_hist, band])
        self._band_hist = hist[-VOICING_SAMPLES:]
        hops_raw = ext[-used:].reshape(n_hops, HOP_SAMPLES)
        hops_band = hist[-used:].reshape(n_hops, HOP_SAMPLES)
        power_raw = np.mean(hops_raw**2, axis=1)
        band_db = 10.0 * np.log10(np.mean(hops_band**2, axis=1) + _EPS)
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


class DeliveryFeed:
    """The agent's frames to the meter in runs of one speech state (per group of frames, not per frame: the
    meter's cost is per call), so its events keep their stream-time order. A meter that fails switches
    delivery cues off for the session; it never stops the pipeline."""

    def __init__(self, meter: DeliveryMeter | None = None) -> None:
        self.meter: DeliveryMeter | None = meter or DeliveryMeter()
        self._frames: list[np.ndarray] = []
        self._speech, self._t = False, 0.0

    @property
    def pending(self) -> bool:
        return bool(self._frames)

    def add(self, frame: np.ndarray, speech: bool, t_s: float) -> list[AgentDelivery]:
        if self.meter is None:
            return []
        out = self.flush() if self._frames and speech != self._speech else []
        self._frames.append(frame)
        self._speech, self._t = speech, t_s
        return out

    def flush(self) -> list[AgentDelivery]:
        frames, self._frames = self._frames, []
        if not frames or self.meter is None:
            return []
        audio = frames[0] if len(frames) == 1 else np.concatenate(frames)
        try:
            return self.meter.process(audio, self._speech, self._t)
        except Exception:
            log.exception("DeliveryMeter failed; delivery cues are off for this session")
            self.meter = None
            return []

    def reset(self) -> None:
        """Frames not yet measured are dropped (a pause): nothing of the agent's speech outlives it."""
        self._frames.clear()
        if self.meter is not None:
            self.meter.reset()
