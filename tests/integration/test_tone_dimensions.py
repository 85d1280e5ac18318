"""``ToneSample`` carries the tone model's arousal and valence for its window (issue 17), through the real
pipeline on the bundled demo call (real Silero VAD, real tone model, real audio)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from device.audio.source import ReplaySource
from device.config import LugnConfig
from device.events import Event, ToneSample
from device.notice import told_elsewhere
from device.pipeline import Pipeline

ASSETS = Path(__file__).resolve().parents[2] / "device" / "assets"
TIMELINE = json.loads((ASSETS / "demo_call.timeline.json").read_text())


def test_tone_samples_carry_each_windows_arousal_and_valence() -> None:
    events: list[Event] = []
    told = told_elsewhere(
        LugnConfig(), "the demo call"
    )  # the caller notice gate: tests/integration/test_notice.py
    pipeline = Pipeline(
        ReplaySource(ASSETS / "demo_call.flac", realtime=False, chunk_samples=4096), told, events.append
    )
    scorer = pipeline._scorer
    assert scorer is not None
    model = scorer.model
    outputs: list[dict[str, np.ndarray]] = []
    run = model.run

    def recording_run(windows: np.ndarray) -> dict[str, np.ndarray]:  # the real model, its outputs kept
        out = run(windows)
        outputs.append(out)
        return out

    model.run = recording_run  # type: ignore[method-assign]
    pipeline.run_until_end()
    samples = [e for e in events if isinstance(e, ToneSample)]
    assert len(samples) == len(outputs) > 20
    for s, out in zip(samples, outputs, strict=True):
        assert s.raw_score == round(float(out["frustration"][0]), 4)
        assert s.arousal == round(float(out["arousal"][0]), 4)
        assert s.valence == round(float(out["valence"][0]), 4)
    # and they mean what they say: the angry stretch is more aroused and less positive than the calm rest
    # (1.3.0 on this call: arousal 0.87 vs 0.44; valence 0.37 vs 0.47 — valence is the weaker dimension)
    start, end = TIMELINE["angry_speech_start_s"], TIMELINE["angry_speech_end_s"] + 2.0
    angry = [s for s in samples if start + 2.0 <= s.t_s <= end]
    calm = [s for s in samples if s.t_s < start]
    assert angry and calm
    assert np.mean([s.arousal for s in angry]) > np.mean([s.arousal for s in calm]) + 0.2
    assert np.mean([s.valence for s in angry]) < np.mean([s.valence for s in calm]) - 0.05
