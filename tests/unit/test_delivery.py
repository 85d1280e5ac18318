"""DeliveryMeter on real speech (EmoDB, CC0): syllables, tempo, gain, silence, chunking, real VAD gating."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from scipy.signal import resample_poly

from device.audio.delivery import DeliveryMeter, count_nuclei
from device.events import AgentDelivery


def _rows(shared_data: Path) -> list[dict[str, str]]:
    with open(shared_data / "emodb" / "manifest.csv", newline="") as f:
        return list(csv.DictReader(f))


def _clip(shared_data: Path, name: str) -> np.ndarray:
    x, sr = sf.read(shared_data / "emodb" / name, dtype="float32")
    assert sr == 16000
    return np.asarray(x)


def _feed(meter: DeliveryMeter, x: np.ndarray, chunk: int = 512, speech: bool = True) -> list[AgentDelivery]:
    out: list[AgentDelivery] = []
    for i in range(0, x.size, chunk):
        f = x[i : i + chunk]
        out += meter.process(f, speech, (i + f.size) / 16000)
    return out


def _nuclei(x: np.ndarray) -> int:
    """Syllable nuclei in one utterance, all of it treated as speech."""
    m = DeliveryMeter(window_s=30.0, every_s=30.0, min_speech_s=0.1)
    m.process(x, True, x.size / 16000)
    rows = np.array(m._hops)
    return count_nuclei(rows[:, 0], rows[:, 2], m.floor_db, m.dip_db, m.voicing_min, m._min_gap_hops)


@pytest.fixture(scope="module")
def speech_60s(shared_data: Path) -> np.ndarray:
    """30 EmoDB clips of 2 s from several speakers and emotions, back to back."""
    return np.concatenate([_clip(shared_data, r["file"]) for r in _rows(shared_data)[:30]])


@pytest.mark.parametrize("code, syllables", [("a01", 8), ("a02", 9)])
def test_syllable_nuclei_match_known_sentences(shared_data: Path, code: str, syllables: int) -> None:
    # a01 "Der Lappen liegt auf dem Eisschrank" (8 syllables), a02 "Das will sie am Mittwoch abgeben" (9);
    # both fit in the 2 s clips
    clips = [r["file"] for r in _rows(shared_data) if r["file"][2:5] == code][::2]
    counts = [_nuclei(_clip(shared_data, f)) for f in clips]
    assert len(counts) >= 20
    assert abs(float(np.median(counts)) - syllables) <= 1.0, counts
    assert float(np.mean(np.abs(np.array(counts) - syllables))) <= 2.0, counts


def test_faster_speech_gives_a_higher_rate(speech_60s: np.ndarray) -> None:
    def mean_rate(x: np.ndarray) -> float:
        events = _feed(DeliveryMeter(), x)
        assert events
        return float(np.mean([e.syllables_per_s for e in events]))

    base = mean_rate(speech_60s)
    faster = mean_rate(resample_poly(speech_60s, 2, 3).astype(np.float32))  # 1.5x tempo
    fastest = mean_rate(resample_poly(speech_60s, 1, 2).astype(np.float32))  # 2x tempo
    assert 2.5 <= base <= 7.0  # read German speech: ~4-5 syllables per second
    assert faster > base * 1.25
    assert fastest > faster


def test_gain_moves_the_level_not_the_rate(speech_60s: np.ndarray) -> None:
    quiet = _feed(DeliveryMeter(), speech_60s * 0.5)
    loud = _feed(DeliveryMeter(), speech_60s)
    assert len(quiet) == len(loud) >= 10
    for q, ld in zip(quiet, loud, strict=True):
        assert ld.level_dbfs - q.level_dbfs == pytest.approx(20 * np.log10(2), abs=0.02)
        assert ld.syllables_per_s == pytest.approx(q.syllables_per_s, abs=0.21)  # at most one nucleus in 5 s


def test_any_chunk_size_gives_the_same_events(speech_60s: np.ndarray) -> None:
    x = speech_60s[: 16000 * 16]
    ref = _feed(DeliveryMeter(), x, 512)
    assert [e.t_s for e in ref] == [5.0, 10.0, 15.0]
    for chunk in (160, 333, 4096):
        assert _feed(DeliveryMeter(), x, chunk) == ref


def test_silence_and_noise_give_no_rate(speech_60s: np.ndarray) -> None:
    assert _feed(DeliveryMeter(), speech_60s, speech=False) == []  # not speech: nothing measured
    noise = np.random.default_rng(0).normal(0, 0.01, 16000 * 12).astype(np.float32)
    events = _feed(DeliveryMeter(), noise)  # a VAD false positive on hiss: unvoiced, so no nuclei
    assert events and all(e.syllables_per_s < 0.5 for e in events)
    assert all(e.level_dbfs == pytest.approx(-40.0, abs=0.5) for e in events)


def test_windows_cover_only_speech_and_reset_forgets(speech_60s: np.ndarray) -> None:
    m = DeliveryMeter(window_s=10.0, every_s=5.0)
    x = speech_60s[: 16000 * 30]
    out: list[AgentDelivery] = []
    for i in range(0, x.size, 512):  # speech every other second
        out += m.process(x[i : i + 512], (i // 16000) % 2 == 0, (i + 512) / 16000)
    assert out and all(e.speech_s <= 10.0 and e.window_s == 10.0 for e in out)
    assert [round(e.t_s) for e in out][:2] == [9, 19]  # 5 s of speech take 10 s of stream time
    m.reset()
    assert m.process(x[:512], True, 0.032) == [] and m._speech_hops == 3


def test_with_the_real_vad_gate(shared_data: Path, speech_60s: np.ndarray) -> None:
    from device.inference.vad import FRAME_SAMPLES, SileroVad, SpeechGate

    vad, gate, meter = SileroVad(), SpeechGate(), DeliveryMeter()
    out: list[AgentDelivery] = []
    x = speech_60s[: 16000 * 30]
    for i in range(0, x.size - FRAME_SAMPLES + 1, FRAME_SAMPLES):
        f = x[i : i + FRAME_SAMPLES]
        out += meter.process(f, gate.process(vad.process(f)).speech, (i + FRAME_SAMPLES) / 16000)
    assert len(out) >= 3
    assert all(3.0 <= e.syllables_per_s <= 8.0 for e in out)  # pauses gated out: articulation rate
    assert [e.t_s for e in out] == sorted(e.t_s for e in out)


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="1-D"):
        DeliveryMeter().process(np.zeros((2, 512), np.float32), True, 0.032)
    with pytest.raises(ValueError, match="every_s"):
        DeliveryMeter(window_s=5.0, every_s=10.0)
