"""ToneModel / ToneScorer on real EmoDB audio (CC0 fixture clips) through the shipped model."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from device.inference.tone import END_OF_TURN_S, FORGET_AFTER_S, MIN_TAIL_S, ToneModel, ToneScorer, load_tone

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


# --- turn ends: the last words of a turn are scored when the turn ends (the pipeline's scorer) ---------

FRAME = 512  # the pipeline's frame


def _frames(scorer: ToneScorer, audio: np.ndarray, speech: bool) -> list[list[float]]:
    """``audio`` in pipeline frames -> the frustration scores each frame produced."""
    return [
        [s.frustration for s in scorer.process(audio[i : i + FRAME], speech)]
        for i in range(0, len(audio), FRAME)
    ]


def _silence(seconds: float) -> np.ndarray:
    return np.zeros(round(seconds * 16_000), np.float32)


def _pipeline_scorer() -> ToneScorer:
    scorer = load_tone(None).scorer
    assert scorer is not None
    return scorer


def test_the_pipeline_scores_a_turns_last_words_when_the_turn_ends(
    model: ToneModel, speech: np.ndarray
) -> None:
    """2.3 s of speech: one window at 2.0 s; the last 0.3 s are scored after END_OF_TURN_S of non-speech
    (until 7 Dec: only when the caller spoke again, or after 10 s)."""
    scorer = _pipeline_scorer()
    turn = speech[:36_864]  # 2.304 s = 72 frames
    assert sum(len(x) for x in _frames(scorer, turn, True)) == 1
    pause = _frames(scorer, _silence(2.0), False)
    at = next(i for i, x in enumerate(pause) if x)
    assert (at + 1) * FRAME / 16_000 == pytest.approx(END_OF_TURN_S, abs=FRAME / 16_000)
    assert END_OF_TURN_S <= 1.0 and [len(x) for x in pause].count(1) == 1 and sum(map(len, pause)) == 1
    assert pause[at][0] == pytest.approx(model.score(turn[-model.window_samples :]).frustration, abs=1e-6)


def test_a_tail_shorter_than_the_minimum_is_not_scored(speech: np.ndarray) -> None:
    scorer = _pipeline_scorer()
    short = round(MIN_TAIL_S * 16_000) - FRAME  # under the minimum, in whole frames
    turn = speech[: 32_256 + short - short % FRAME]
    assert sum(map(len, _frames(scorer, turn, True))) == 1
    assert sum(map(len, _frames(scorer, _silence(12.0), False))) == 0


def test_the_buffer_outlives_a_turn_end_and_a_long_silence_forgets_it(
    model: ToneModel, speech: np.ndarray
) -> None:
    scorer = _pipeline_scorer()
    first, second = speech[:36_864], speech[36_864 : 36_864 + 8_192]  # 2.304 s, then 0.512 s
    _frames(scorer, first, True)
    assert sum(map(len, _frames(scorer, _silence(1.0), False))) == 1  # the tail
    # the next turn's first window: after a hop of new speech, with the end of the last turn before it
    out = [s for x in _frames(scorer, second, True) for s in x]
    heard = np.concatenate([first, second[: model.hop_samples]])
    assert len(out) == 1
    assert out[0] == pytest.approx(model.score(heard[-model.window_samples :]).frustration, abs=1e-6)
    # a long silence forgets it: a short turn after it is scored alone, zero-padded, at its end
    # 0.012 s left unscored: below the minimum tail, so the long silence scores nothing and forgets it all
    assert sum(map(len, _frames(scorer, _silence(FORGET_AFTER_S + 0.5), False))) == 0
    third = speech[-16_384:]  # 1.024 s
    assert sum(map(len, _frames(scorer, third, True))) == 0
    tail = [s for x in _frames(scorer, _silence(1.0), False) for s in x]
    padded = np.pad(third, (0, model.window_samples - len(third)))
    assert tail == [pytest.approx(model.score(padded).frustration, abs=1e-6)]


def _turns(
    scorer: ToneScorer, pattern: list[tuple[float, bool]], audio: np.ndarray, chunk: int
) -> list[float]:
    out: list[float] = []
    pos = 0
    for seconds, speaking in pattern:
        n = round(seconds * 16_000)
        part = audio[pos : pos + n] if speaking else np.zeros(n, np.float32)
        pos += n if speaking else 0
        for i in range(0, n, chunk):
            out += [s.frustration for s in scorer.process(part[i : i + chunk], speaking)]
    return out


def test_turn_ends_and_forgetting_give_the_same_windows_at_any_chunk_size(speech: np.ndarray) -> None:
    pattern = [(2.7, True), (0.8, False), (0.9, True), (0.3, False), (1.3, True), (11.0, False), (1.0, True),
               (1.0, False)]  # fmt: skip
    ref = _turns(_pipeline_scorer(), pattern, speech, FRAME)
    # 2.0, 2.5 | tail (0.2 s) | 0.5 | a 0.3 s pause is no turn end: 0.1, 0.6, 1.1 | tail (0.2 s), then the
    # buffer is forgotten | 1.0 s alone: no window until its padded tail
    assert len(ref) == 9
    for chunk in (160, 1000, 7919):
        assert _turns(_pipeline_scorer(), pattern, speech, chunk) == pytest.approx(ref, abs=1e-6)


def test_turn_settings_are_checked(model: ToneModel) -> None:
    with pytest.raises(ValueError, match="forget_after_s"):
        ToneScorer(model, end_of_turn_s=1.0, forget_after_s=0.5)
    with pytest.raises(ValueError, match="end_of_turn_s"):
        ToneScorer(model, end_of_turn_s=0.0)
    with pytest.raises(ValueError, match="min_tail_s"):
        ToneScorer(model, min_tail_s=0.0)
