"""Calls from far-end activity: a long customer silence ends a detected call, the next speech starts one;
a CTI-started call is not ended by silence. The tone model hears only the far end."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import numpy as np
import soundfile as sf

from device.audio.settings import AudioSettings
from device.audio.source import ReplaySource
from device.config import LugnConfig
from device.events import CallEnded, CallStarted, Event, ToneChanged, ToneState
from device.notice import told_elsewhere
from device.pipeline import Pipeline

ASSETS = Path(__file__).resolve().parents[2] / "device" / "assets"
TIMELINE = json.loads((ASSETS / "demo_call.timeline.json").read_text())


def _customer_gaps(min_s: float) -> list[tuple[float, float]]:
    cust = sorted((s["start_s"], s["end_s"]) for s in TIMELINE["segments"] if s["side"] == "customer")
    return [(a[1], b[0]) for a, b in pairwise(cust) if b[0] - a[1] >= min_s]


def test_far_end_silence_ends_a_detected_call_and_speech_starts_the_next() -> None:
    config = LugnConfig(audio=AudioSettings(call_end_silence_s=4.0))
    events: list[Event] = []
    Pipeline(ReplaySource(ASSETS / "demo_call.flac"), config, events.append).run_until_end()
    calls = [e for e in events if isinstance(e, CallStarted | CallEnded)]
    # Silences that end a call: 4 s after the VAD's 0.4 s hangover, before the next onset is confirmed.
    # The demo's customer pauses are 3.4 s or shorter, or 4.5 s and longer, so none is borderline.
    gaps = _customer_gaps(4.3)
    assert gaps, "the demo has a customer silence of several seconds while the agent talks"
    ends = [e for e in calls if isinstance(e, CallEnded) and e.source == "auto"]
    assert len(ends) == len(gaps)
    for end, (gap_start, gap_end) in zip(ends, gaps, strict=True):
        assert gap_start + 4.0 <= end.t_s <= min(gap_start + 4.6, gap_end + 0.3)
    starts = [e for e in calls if isinstance(e, CallStarted)]
    assert len(starts) == len(gaps) + 1 and all(s.source == "auto" for s in starts)
    assert isinstance(calls[-1], CallEnded) and calls[-1].source == "stream_end"
    kinds = [type(e) for e in calls]
    assert all(a is not b for a, b in pairwise(kinds))  # strictly alternating


def test_cti_call_is_not_ended_by_silence() -> None:
    config = LugnConfig(audio=AudioSettings(call_end_silence_s=3.0, auto_call_detection=False))
    events: list[Event] = []
    pipeline = Pipeline(ReplaySource(ASSETS / "demo_call.flac"), config, events.append)
    pipeline.call_start()  # as `lugn call start` would, before the audio starts
    pipeline.run_until_end()
    calls = [e for e in events if isinstance(e, CallStarted | CallEnded)]
    assert [(type(e).__name__, e.source) for e in calls] == [
        ("CallStarted", "control"),
        ("CallEnded", "stream_end"),
    ]


def _tone_model_input(
    agent: np.ndarray, customer: np.ndarray
) -> tuple[list[np.ndarray], list[float], list[Event]]:
    """Every frame the tone scorer receives (and its stream time), and the events, for one stereo call."""
    events: list[Event] = []
    config = told_elsewhere(LugnConfig(), "test recording")  # the gate open: this test is about the channels
    pipeline = Pipeline(ReplaySource.from_arrays(agent, customer), config, events.append)
    scorer = pipeline._scorer
    assert scorer is not None
    frames: list[np.ndarray] = []
    times: list[float] = []
    real = scorer.process

    def spy(frame: np.ndarray, speech: bool):  # type: ignore[no-untyped-def]
        frames.append(frame.copy())
        times.append(pipeline.t_s)
        return real(frame, speech)

    scorer.process = spy  # type: ignore[method-assign]
    pipeline.run_until_end()
    return frames, times, events


def test_tone_model_hears_only_the_far_end() -> None:
    """AI Act Art. 5(1)(f): the emotion model never hears the agent. Angry speech on the AGENT channel, the
    calm customer on the far end: every frame the tone model receives is the far end's, sample for sample,
    and the customer is never shown as frustrated. Swapped, the same anger is found (so this can fail)."""
    stereo, rate = sf.read(ASSETS / "demo_call.flac", dtype="float32")
    angry_start = int(TIMELINE["angry_speech_start_s"] * rate)
    n = 20 * rate
    angry, calm = stereo[angry_start : angry_start + n, 1], stereo[:n, 1]  # both the customer's own voice
    frames, times, events = _tone_model_input(agent=angry, customer=calm)
    assert len(frames) > 100, "the customer spoke: the model was fed"
    for frame, t in zip(frames, times, strict=True):
        end = round(t * rate)
        assert np.array_equal(frame, calm[end - len(frame) : end]), f"not the far end's audio at {t:.3f} s"
        assert not np.array_equal(frame, angry[end - len(frame) : end])
    states = {e.state for e in events if isinstance(e, ToneChanged)}
    assert ToneState.FRUSTRATED not in states, states

    _, _, swapped = _tone_model_input(agent=calm, customer=angry)
    assert ToneState.FRUSTRATED in {e.state for e in swapped if isinstance(e, ToneChanged)}
