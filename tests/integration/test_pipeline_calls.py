"""Calls from far-end activity: a long customer silence ends a detected call, the next speech starts one;
a CTI-started call is not ended by silence."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

from device.audio.settings import AudioSettings
from device.audio.source import ReplaySource
from device.config import LugnConfig
from device.events import CallEnded, CallStarted, Event
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
