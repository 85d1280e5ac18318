"""Conversion of any device format to 16 kHz mono float32, once, at the source.

``StreamResampler`` is a streaming polyphase filter with the same filter and alignment as
``scipy.signal.resample_poly`` (Kaiser window, beta 5, half length 10 * max(up, down)), so a stream cut
into any chunks gives the samples ``resample_poly`` gives for the whole signal (up to float rounding),
minus the last ``half_len / up`` input samples it is still waiting on, which ``flush()`` returns.
"""

from __future__ import annotations

from math import gcd

import numpy as np

from device.audio import SAMPLE_RATE_HZ

DECIM_BLOCK = 32  # outputs per window of the decimation matrix product


def lowpass_kaiser(numtaps: int, cutoff: float, beta: float = 5.0) -> np.ndarray:
    """``scipy.signal.firwin(numtaps, cutoff, window=("kaiser", beta))`` in numpy alone (cutoff relative to
    Nyquist; unit gain at DC). Importing scipy.signal costs ~70 MB and seconds of start-up."""
    m = np.arange(numtaps) - (numtaps - 1) / 2.0
    h = cutoff * np.sinc(cutoff * m) * np.kaiser(numtaps, beta)
    return np.asarray(h / h.sum())


def to_mono(block: np.ndarray, channel: int | None = None) -> np.ndarray:
    """(frames, channels) or (frames,) -> float32 mono: one channel by index, or the mean of all."""
    if block.ndim == 1:
        return block.astype(np.float32, copy=False)
    if block.ndim != 2:
        raise ValueError(f"audio block must be (frames,) or (frames, channels), got shape {block.shape}")
    if channel is not None:
        if not 0 <= channel < block.shape[1]:
            raise ValueError(f"channel {channel} requested but the block has {block.shape[1]} channel(s)")
        return block[:, channel].astype(np.float32, copy=True)
    if block.shape[1] == 1:
        return block[:, 0].astype(np.float32, copy=False)
    # the mean over channels as one BLAS product (``mean(axis=1)`` over a short axis is ~10x slower)
    return np.asarray(
        block.astype(np.float32, copy=False) @ np.full(block.shape[1], 1.0 / block.shape[1], np.float32)
    )


class StreamResampler:
    """Streaming rational resampler ``rate_in`` -> 16 kHz for mono float32 blocks of any size."""

    def __init__(self, rate_in: int, rate_out: int = SAMPLE_RATE_HZ) -> None:
        if rate_in <= 0 or rate_out <= 0:
            raise ValueError(f"sample rates must be positive, got {rate_in} -> {rate_out}")
        g = gcd(int(rate_in), int(rate_out))
        self.up = int(rate_out) // g
        self.down = int(rate_in) // g
        self.passthrough = self.up == self.down == 1
        if self.passthrough:
            return
        half_len = 10 * max(self.up, self.down)
        self.half_len = half_len
        h = lowpass_kaiser(2 * half_len + 1, 1.0 / max(self.up, self.down)) * self.up
        # Polyphase taps: phase p uses h[p + up*m], m = 0..taps-1, applied to x[i - m].
        taps = -(-len(h) // self.up)
        padded = np.zeros(taps * self.up)
        padded[: len(h)] = h
        self._phases = padded.reshape(taps, self.up).T.astype(np.float32)  # (up, taps)
        if self.up == 1:
            # Decimation as one matrix product: overlapping input windows (hop DECIM_BLOCK * down) times
            # a banded matrix whose column b is the reversed filter at offset b * down -> DECIM_BLOCK outputs
            # per window. Only the kept outputs are computed, in BLAS: ~8x faster than np.convolve + [::down].
            self._win = (DECIM_BLOCK - 1) * self.down + taps
            self._band = np.zeros((self._win, DECIM_BLOCK), dtype=np.float32)
            for b in range(DECIM_BLOCK):
                self._band[b * self.down : b * self.down + taps, b] = self._phases[0, ::-1]
        self._taps = taps
        self.reset()

    def reset(self) -> None:
        if self.passthrough:
            return
        # taps-1 zeros of history: the filter sees silence before the stream (as resample_poly does).
        self._hist = np.zeros(self._taps - 1, dtype=np.float32)
        self._hist_start = -(self._taps - 1)  # global input index of _hist[0]
        self._n_in = 0
        self._n_out = 0

    def output_lag(self) -> int:
        """Output samples still owed after a long stretch of input (the filter's look-ahead), at 16 kHz."""
        if self.passthrough:
            return 0
        n_in = 1000 * self.down
        return n_in * self.up // self.down - self._outputs_until(n_in - 1)

    def outputs_for(self, frames: int) -> int:
        """How many samples ``process`` would return for ``frames`` more input samples (a reader deciding
        whether what has arrived is enough, without converting it yet)."""
        if self.passthrough or frames <= 0:
            return max(frames, 0)
        return max(0, self._outputs_until(self._n_in + frames - 1) - self._n_out)

    def _outputs_until(self, last_available: int) -> int:
        """How many outputs the inputs up to index ``last_available`` complete: output n sits at upsampled
        index k = n*down + half_len and needs input floor(k/up)."""
        return (last_available * self.up - self.half_len) // self.down + 1

    def process(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=np.float32).reshape(-1)
        if self.passthrough:
            return x.copy()
        self._hist = np.concatenate([self._hist, x])
        self._n_in += len(x)
        return self._emit(self._n_in - 1)

    def flush(self) -> np.ndarray:
        """The outputs still owed for the stream so far, as if zeros followed; then the resampler is reset."""
        if self.passthrough:
            return np.zeros(0, dtype=np.float32)
        n_total = -(-self._n_in * self.up // self.down)
        pad = self.half_len // self.up + 2
        self._hist = np.concatenate([self._hist, np.zeros(pad, dtype=np.float32)])
        out = self._emit(self._n_in - 1 + pad, limit=n_total)
        self.reset()
        return out

    def _emit(self, last_available: int, limit: int | None = None) -> np.ndarray:
        n_end = self._outputs_until(last_available)
        if limit is not None:
            n_end = min(n_end, limit)
        count = n_end - self._n_out
        if count <= 0:
            return np.zeros(0, dtype=np.float32)
        if self.up == 1:  # integer decimation (48 -> 16 kHz): input index of output n is n*down + half_len
            first = self._n_out * self.down + self.half_len - self._hist_start
            last = first + (count - 1) * self.down
            out = self._decimate(self._hist[first - self._taps + 1 : last + 1], count)
        else:
            k = np.arange(self._n_out, n_end) * self.down + self.half_len
            base = k // self.up - self._hist_start  # index into _hist of x[floor(k/up)]
            idx = base[:, None] - np.arange(self._taps)[None, :]
            out = np.einsum("ij,ij->i", self._hist[idx], self._phases[k % self.up]).astype(np.float32)
        self._n_out = n_end
        # Keep only the history the next output can still need.
        next_k = self._n_out * self.down + self.half_len
        keep_from = next_k // self.up - (self._taps - 1) - self._hist_start
        if keep_from > 0:
            self._hist = self._hist[keep_from:]
            self._hist_start += keep_from
        return out

    def _decimate(self, seg: np.ndarray, n: int) -> np.ndarray:
        """``np.convolve(seg, h, "valid")[::down]`` (``n`` outputs) as windows @ band matrix."""
        hop = DECIM_BLOCK * self.down
        windows = -(-n // DECIM_BLOCK)
        need = (windows - 1) * hop + self._win
        if len(seg) < need:
            seg = np.concatenate([seg, np.zeros(need - len(seg), dtype=np.float32)])
        # overlapping rows straight over the history (float32, contiguous), no copy
        view = np.ndarray((windows, self._win), np.float32, seg, 0, (hop * 4, 4))
        out: np.ndarray = (view @ self._band).reshape(-1)[:n]
        return out


class DeviceConverter:
    """One device stream (any rate, any channel count) -> 16 kHz mono float32."""

    def __init__(self, rate_in: int, channel: int | None = None) -> None:
        self.channel = channel
        self.resampler = StreamResampler(rate_in)

    def process(self, block: np.ndarray) -> np.ndarray:
        return self.resampler.process(to_mono(block, self.channel))

    def reset(self) -> None:
        self.resampler.reset()
