"""Conversion of device/file formats to 16 kHz mono float32: streaming resampler, channel handling, replay."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from scipy.signal import resample_poly

from device.audio.resample import DeviceConverter, StreamResampler, lowpass_kaiser, to_mono
from device.audio.source import EndOfStream, ReplaySource


def _chunks(x: np.ndarray, sizes: list[int]) -> list[np.ndarray]:
    out, i, k = [], 0, 0
    while i < len(x):
        n = sizes[k % len(sizes)]
        out.append(x[i : i + n])
        i, k = i + n, k + 1
    return out


@pytest.mark.parametrize("rate", [44_100, 48_000, 8_000])
def test_streaming_resampler_matches_resample_poly_for_any_chunking(rate: int) -> None:
    rng = np.random.default_rng(rate)
    x = (rng.standard_normal(rate) * 0.1).astype(np.float32)
    r = StreamResampler(rate)
    ref = resample_poly(x.astype(np.float64), r.up, r.down)
    out = np.concatenate([r.process(c) for c in _chunks(x, [1, 7, 441, 1000, 4096, 13])] + [r.flush()])
    assert len(out) == len(ref) == round(len(x) * 16_000 / rate)
    np.testing.assert_allclose(out, ref, atol=1e-5)


@pytest.mark.parametrize("rate", [48_000, 44_100, 16_000, 8_000])
def test_outputs_for_predicts_exactly_what_process_returns(rate: int) -> None:
    """The pulled live read decides from ``outputs_for`` whether what has arrived completes a read, before
    converting it: a wrong count would make it wait a packet too long, or hand over a short read."""
    rng = np.random.default_rng(rate)
    r = StreamResampler(rate)
    for n in [0, 1, 2, 3, 5, 29, 30, 31, 441, 960, 9216, 1, 7, 4096, 13, 9600]:
        predicted = r.outputs_for(n)
        assert predicted == len(r.process(rng.standard_normal(n).astype(np.float32))), (rate, n)


def test_numpy_filter_design_is_scipys_firwin() -> None:
    from scipy.signal import firwin

    for numtaps, cutoff in [(61, 1 / 3), (8821, 1 / 441), (321, 1 / 16)]:
        ref = firwin(numtaps, cutoff, window=("kaiser", 5.0))
        np.testing.assert_allclose(lowpass_kaiser(numtaps, cutoff), ref, atol=1e-12)


def test_resampler_keeps_a_tone_and_removes_what_16k_cannot_hold() -> None:
    rate = 48_000
    t = np.arange(rate) / rate
    x = (0.5 * np.sin(2 * np.pi * 1000 * t) + 0.5 * np.sin(2 * np.pi * 12_000 * t)).astype(np.float32)
    r = StreamResampler(rate)
    y = np.concatenate([r.process(c) for c in _chunks(x, [960])] + [r.flush()])[2000:-2000]
    spec = np.abs(np.fft.rfft(y * np.hanning(len(y))))
    freqs = np.fft.rfftfreq(len(y), 1 / 16_000)
    at_1k = spec[np.argmin(np.abs(freqs - 1000))]
    alias_4k = spec[np.argmin(np.abs(freqs - 4000))]  # 12 kHz would fold to 4 kHz without the low-pass
    assert at_1k > 1000 * alias_4k


def test_stereo_device_blocks_to_mono_by_channel_or_mix() -> None:
    block = np.stack([np.full(480, 0.2, np.float32), np.full(480, -0.4, np.float32)], axis=1)
    np.testing.assert_allclose(to_mono(block, 1), -0.4)
    np.testing.assert_allclose(to_mono(block), -0.1, atol=1e-7)
    with pytest.raises(ValueError, match="channel 2 requested but the block has 2"):
        to_mono(block, 2)
    conv = DeviceConverter(48_000, channel=0)
    out = np.concatenate([conv.process(block) for _ in range(10)])
    assert out.dtype == np.float32 and abs(len(out) - 1600) <= 21
    np.testing.assert_allclose(out[100:], 0.2, atol=1e-3)


@pytest.mark.parametrize("rate", [44_100, 48_000])
def test_replay_of_a_stereo_file_at_device_rate(tmp_path: Path, rate: int) -> None:
    t = np.arange(rate * 2) / rate
    left = 0.3 * np.sin(2 * np.pi * 440 * t)
    right = 0.3 * np.sin(2 * np.pi * 220 * t)
    path = tmp_path / f"call_{rate}.wav"
    sf.write(path, np.stack([left, right], axis=1), rate, subtype="FLOAT")
    src = ReplaySource(path, realtime=False, chunk_samples=1000)
    src.open()
    chunks = []
    with pytest.raises(EndOfStream):
        while True:
            chunk = src.read(0.1)
            assert chunk is not None
            chunks.append(chunk)
    agent = np.concatenate([c.agent for c in chunks])
    customer = np.concatenate([c.customer for c in chunks])
    assert len(agent) == len(customer) == 32_000
    assert {len(c) for c in chunks[:-1]} == {1000}
    t16 = np.arange(32_000) / 16_000
    np.testing.assert_allclose(agent[500:-500], 0.3 * np.sin(2 * np.pi * 440 * t16)[500:-500], atol=2e-3)
    np.testing.assert_allclose(customer[500:-500], 0.3 * np.sin(2 * np.pi * 220 * t16)[500:-500], atol=2e-3)


def test_replay_of_two_files_pads_the_shorter(tmp_path: Path) -> None:
    sf.write(tmp_path / "a.wav", np.full(16_000, 0.1, np.float32), 16_000)
    sf.write(tmp_path / "c.wav", np.full(8_000, 0.2, np.float32), 16_000)
    src = ReplaySource((tmp_path / "a.wav", tmp_path / "c.wav"), chunk_samples=4096)
    src.open()
    chunks = []
    with pytest.raises(EndOfStream):
        while True:
            chunks.append(src.read(0.1))
    agent = np.concatenate([c.agent for c in chunks])
    customer = np.concatenate([c.customer for c in chunks])
    assert len(agent) == len(customer) == 16_000
    assert customer[-1] == 0.0 and customer[0] == pytest.approx(0.2, abs=1e-4)


def test_replay_bad_input_names_the_file(tmp_path: Path) -> None:
    mono = tmp_path / "mono.wav"
    sf.write(mono, np.zeros(1600, np.float32), 16_000)
    with pytest.raises(ValueError, match=r"mono\.wav has 1 channel\(s\); expected a stereo file"):
        ReplaySource(mono)
    junk = tmp_path / "junk.flac"
    junk.write_bytes(b"not audio at all")
    with pytest.raises(ValueError, match=r"cannot read .*junk\.flac"):
        ReplaySource(junk)
    with pytest.raises(FileNotFoundError, match=r"missing\.wav"):
        ReplaySource(tmp_path / "missing.wav")
    with pytest.raises(ValueError, match="chunk_samples"):
        ReplaySource(mono, chunk_samples=0)
