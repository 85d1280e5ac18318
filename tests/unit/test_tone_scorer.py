"""ToneModel / ToneScorer on real EmoDB audio (CC0 fixture clips) through the shipped model."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from device.inference.tone import ToneModel, ToneScorer

TINY = Path(__file__).resolve().parents[1] / "data" / "tiny_corpus"


@pytest.fixture(scope="module")
def model() -> ToneModel:
    return ToneModel.load()


def _clip(name: str) -> np.ndarray:
    audio, rate = sf.read(TINY / name, dtype="float32")
    assert rate == 16_000
    return audio


@pytest.fixture(scope="module")
def speech() -> np.ndarray:
    """About 6 s of one speaker: angry, neutral, happy."""
    return np.concatenate([_clip("03a01Wa.flac"), _clip("03a01Nc.flac"), _clip("03a01Fa.flac")])


def test_score_one_window_in_range(model: ToneModel) -> None:
    s = model.score(_clip("03a01Wa.flac")[: model.window_samples])
    assert set(s.probs) == {"neutral", "happy", "sad", "angry"}
    assert abs(sum(s.probs.values()) - 1.0) < 1e-3
    for v in (s.frustration, s.arousal, s.valence, *s.probs.values()):
        assert 0.0 <= v <= 1.0


def test_score_rejects_wrong_shape(model: ToneModel) -> None:
    with pytest.raises(ValueError, match=str(model.window_samples)):
        model.score(np.zeros(1000, dtype=np.float32))


def test_angry_clip_scores_more_frustrated_than_neutral(model: ToneModel) -> None:
    angry = model.score(_clip("03a01Wa.flac")[: model.window_samples])
    neutral = model.score(_clip("03a01Nc.flac")[: model.window_samples])
    assert angry.frustration > neutral.frustration
    assert angry.arousal > neutral.arousal


def test_gain_changes_hardly_move_the_scores(model: ToneModel) -> None:
    x = _clip("03a01Wa.flac")[: model.window_samples]
    ref = model.score(x)
    for db in (-22.0, -12.0, 6.0):
        s = model.score((x * 10 ** (db / 20)).astype(np.float32))
        assert abs(s.frustration - ref.frustration) < 0.05, db


def _run(scorer: ToneScorer, audio: np.ndarray, chunk: int) -> list[float]:
    out = []
    for i in range(0, len(audio), chunk):
        out += [s.frustration for s in scorer.process(audio[i : i + chunk], True)]
    out += [s.frustration for s in scorer.process(np.zeros(16_000, np.float32), False)]
    return out


def test_window_every_hop_and_any_chunk_size_gives_the_same_windows(
    model: ToneModel, speech: np.ndarray
) -> None:
    ref = _run(ToneScorer(model, use_baseline=False), speech, 512)
    # 6.0 s of speech: first window at 2.0 s, then one every 0.5 s -> 9 windows, no tail left to score
    assert len(ref) == 1 + (len(speech) - model.window_samples) // model.hop_samples == 9
    for chunk in (160, 1000, 7919, len(speech)):
        assert np.allclose(_run(ToneScorer(model, use_baseline=False), speech, chunk), ref, atol=1e-6)


def test_first_window_matches_direct_scoring(model: ToneModel, speech: np.ndarray) -> None:
    scorer = ToneScorer(model, use_baseline=False)
    first = scorer.process(speech, True)[0]
    assert first.frustration == pytest.approx(
        model.score(speech[: model.window_samples]).frustration, abs=1e-6
    )


def test_non_speech_is_not_scored_and_a_short_turn_is_scored_at_its_end(model: ToneModel) -> None:
    scorer = ToneScorer(model, use_baseline=False)
    assert scorer.process(np.zeros(48_000, np.float32), False) == []
    turn = _clip("03a01Wa.flac")[:16_000]  # 1 s: shorter than a window
    assert scorer.process(turn, True) == []
    tail = scorer.process(np.zeros(16_000, np.float32), False)  # end of turn
    assert len(tail) == 1
    padded = np.pad(turn, (0, model.window_samples - len(turn)))
    assert tail[0].frustration == pytest.approx(model.score(padded).frustration, abs=1e-6)
    # a tiny blip (< min tail) is dropped, not scored
    assert (
        scorer.process(turn[:1600], True) == [] and scorer.process(np.zeros(16_000, np.float32), False) == []
    )


def test_speaker_baseline_changes_scores_only_after_warmup_and_reset_forgets(model: ToneModel) -> None:
    base = dataclasses.replace(model.baseline, enabled=True, warmup=3, prior=-20.0)
    m2 = ToneModel(model.loaded)
    m2.baseline = base
    clips = [_clip(n) for n in ("03a01Nc.flac", "03a01Fa.flac", "03a02Ta.flac", "03a01Wa.flac")]
    with_b, without = ToneScorer(m2), ToneScorer(m2, use_baseline=False)
    a = [_turn(with_b, c) for c in clips]
    b = [_turn(without, c) for c in clips]
    assert a[:3] == pytest.approx(b[:3], abs=1e-9)
    # prior far below this caller's level: the caller is judged against themselves -> lower score
    assert a[3] < b[3]
    with_b.reset()
    assert _turn(with_b, clips[3]) == pytest.approx(b[3], abs=1e-9)


def _turn(scorer: ToneScorer, clip: np.ndarray) -> float:
    """One 2.0 s clip as one customer turn -> exactly one window."""
    out = scorer.process(clip, True) + scorer.end_turn()
    assert len(out) == 1
    return out[0].frustration
