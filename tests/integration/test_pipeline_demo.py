"""The bundled demo call through the real pipeline (real Silero VAD, real tone model, real audio)."""

from __future__ import annotations

import itertools
import json
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from device.audio.source import ReplaySource
from device.config import LugnConfig
from device.events import (
    CallEnded,
    CallStarted,
    Event,
    Heartbeat,
    Side,
    SpeechActivity,
    ToneChanged,
    ToneSample,
    ToneState,
)
from device.inference.settings import ToneSettings
from device.notice import told_elsewhere
from device.pipeline import Pipeline
from device.policy import load_effective

ASSETS = Path(__file__).resolve().parents[2] / "device" / "assets"
DEMO = ASSETS / "demo_call.flac"
TIMELINE = json.loads((ASSETS / "demo_call.timeline.json").read_text())
# The demo caller was told (the notice gate itself: tests/integration/test_notice.py).
TOLD = told_elsewhere(LugnConfig(), "the demo call")


@cache
def replay(chunk: int, path: Path = DEMO) -> tuple[Event, ...]:
    events: list[Event] = []
    Pipeline(ReplaySource(path, realtime=False, chunk_samples=chunk), TOLD, events.append).run_until_end()
    return tuple(events)


def test_demo_asset_matches_its_timeline() -> None:
    info = sf.info(DEMO)
    assert (info.samplerate, info.channels) == (16_000, 2)
    assert 60 <= info.duration <= 90
    assert info.duration == pytest.approx(TIMELINE["duration_s"], abs=0.01)
    assert len({s["clip"].split("/")[1][:2] for s in TIMELINE["segments"] if s["side"] == "customer"}) == 1


def test_frustrated_within_2s_of_sustained_anger_then_calm_again() -> None:
    events = replay(512)
    changes = [e for e in events if isinstance(e, ToneChanged)]
    angry_start, angry_end = TIMELINE["angry_speech_start_s"], TIMELINE["angry_speech_end_s"]
    before = [c for c in changes if c.t_s < angry_start]
    assert before == [], f"tone changed during the calm part: {before}"
    first_frustrated = next(c for c in changes if c.state is ToneState.FRUSTRATED)
    delay = first_frustrated.t_s - angry_start
    print(f"\ndemo: frustrated {delay:.2f} s after the angry speech starts ({angry_start} s)")
    assert 0 < delay <= 2.0
    # Only escalates through the angry part (perhaps "uneasy" on the way), stays frustrated, and comes back
    # to calm after it.
    during = [c for c in changes if angry_start <= c.t_s <= angry_end]
    assert [c.state for c in during][-1:] == [ToneState.FRUSTRATED]
    assert [c.state for c in during] in ([ToneState.FRUSTRATED], [ToneState.UNEASY, ToneState.FRUSTRATED])
    after = [c for c in changes if c.t_s > angry_end]
    assert after and after[-1].state is ToneState.CALM
    calm_at = next(c.t_s for c in after if c.state is ToneState.CALM)
    print(f"demo: calm again {calm_at - angry_end:.2f} s after the angry speech ends ({angry_end} s)")
    # Every step down waits 5 s of stream time after the change before it (no flicker).
    assert _steps_down_wait_the_dwell(changes)


ORDER = [ToneState.CALM, ToneState.UNEASY, ToneState.FRUSTRATED]


def _steps_down_wait_the_dwell(changes: list[ToneChanged], dwell_s: float = 5.0) -> bool:
    return all(
        c.t_s - before.t_s >= dwell_s
        for before, c in itertools.pairwise(changes)
        if ORDER.index(c.state) < ORDER.index(c.previous)
    )


def test_frustrated_within_2s_of_the_anger_at_every_phase(tmp_path: Path) -> None:
    """Which 0.5 s window first holds enough anger depends on where the grid falls (one recording is one
    phase): the demo call shifted by 8 sample counts turns frustrated within 2 s of the anger every time.
    Until 7 Dec, 2 of these 8 phases took 6.5 s: "uneasy" came first and its 5 s dwell held "frustrated"
    back (``python -m training.callstudy demo``; the model card, "Turn ends and escalation")."""
    from training.callstudy import demo_delays

    delays = demo_delays(tmp_path, (0, 173, 419, 503, 901, 1500, 2048, 4000))
    print(f"\ndemo, shifted: frustrated {delays} s after the anger starts")
    assert all(0 < d <= 2.0 for d in delays)


def test_event_stream_shape() -> None:
    events = replay(512)
    kinds = [type(e) for e in events]
    assert kinds.count(CallStarted) == 1 and kinds.count(CallEnded) == 1
    start = next(e for e in events if isinstance(e, CallStarted))
    assert start.source == "auto" and start.t_s < 1.5
    beats = [e.t_s for e in events if isinstance(e, Heartbeat)]
    assert len(beats) == int(TIMELINE["duration_s"])
    assert np.allclose(np.diff(beats), 1.0, atol=0.033)
    assert all(b2 >= b1 for b1, b2 in zip([e.t_s for e in events], [e.t_s for e in events][1:], strict=False))
    # Customer speech activity follows the timeline; tone samples only while the customer speaks.
    onsets = [e.t_s for e in events if isinstance(e, SpeechActivity) and e.side is Side.CUSTOMER and e.active]
    cust = [s for s in TIMELINE["segments"] if s["side"] == "customer"]
    for t in onsets:
        assert any(s["start_s"] - 0.1 <= t <= s["end_s"] + 0.1 for s in cust), t
    samples = [e for e in events if isinstance(e, ToneSample)]
    assert len(samples) > 50
    for s in samples:
        assert any(c["start_s"] <= s.t_s <= c["end_s"] + 1.0 for c in cust), s.t_s
    agent_on = [e for e in events if isinstance(e, SpeechActivity) and e.side is Side.AGENT and e.active]
    assert len(agent_on) >= 8


def test_chunk_size_does_not_change_the_events() -> None:
    reference = replay(512)
    for chunk in (160, 1000, 4096):
        assert replay(chunk) == reference, f"chunk size {chunk} changed the event sequence"


def test_steady_input_changes_state_rarely(tmp_path: Path) -> None:
    """60 s of the customer's angry sentences back to back, and 60 s of calm ones: the indicator turns
    frustrated within 5 s and then changes rarely, every step down waiting 5 s (the model's speaker baseline
    may relax it as the caller's anger becomes their normal); calm input never leaves calm."""
    stereo, _ = sf.read(DEMO, dtype="float32")
    parts = [
        stereo[round(s["start_s"] * 16_000) : round(s["end_s"] * 16_000), 1]
        for s in TIMELINE["segments"]
        if s["side"] == "customer" and s["label"] == "angry"
    ]
    calm_parts = [
        stereo[round(s["start_s"] * 16_000) : round(s["end_s"] * 16_000), 1]
        for s in TIMELINE["segments"]
        if s["side"] == "customer" and s["label"] == "neutral"
    ]
    gap = np.zeros(4000, np.float32)
    for name, clips in (("angry", parts), ("calm", calm_parts)):
        customer = np.concatenate([np.concatenate([p, gap]) for p in clips] * 4)[: 60 * 16_000]
        noise = np.random.default_rng(1).standard_normal(len(customer)).astype(np.float32) * 1e-3
        path = tmp_path / f"steady_{name}.wav"
        sf.write(path, np.stack([noise, customer + noise], axis=1), 16_000)
        changes = [e for e in replay(1000, path) if isinstance(e, ToneChanged)]
        print(f"\nsteady {name}: {[(c.t_s, c.state.value) for c in changes]}")
        if name == "calm":
            assert changes == []
        else:
            first = next(c for c in changes if c.state is ToneState.FRUSTRATED)
            assert changes[0].state is not ToneState.CALM and first.t_s < 5.0
            assert _steps_down_wait_the_dwell(changes)
            assert len(changes) <= 60 / 5


def _onsets(config: LugnConfig) -> list[float]:
    events: list[Event] = []
    Pipeline(
        ReplaySource(DEMO, realtime=False, chunk_samples=4096),
        config=told_elsewhere(config, "the demo call"),
        on_event=events.append,
    ).run_until_end()
    return [e.t_s for e in events if isinstance(e, ToneChanged) and e.state is ToneState.FRUSTRATED]


def test_site_threshold_from_the_policy_moves_the_operating_point(tmp_path: Path) -> None:
    """``[tone] threshold`` (IT's site calibration) replaces the model's operating point; bad is named."""
    policy = tmp_path / "policy.toml"
    policy.write_text("[tone]\nthreshold = 0.9\n", encoding="utf-8")
    eff = load_effective(policy, tmp_path / "settings.toml")
    assert eff.config.tone.threshold == 0.9 and not eff.safe_state
    strict = _onsets(eff.config)
    default = _onsets(LugnConfig())
    assert default, "the demo call must turn frustrated at the model's own threshold"
    assert not strict or strict[0] > default[0], (strict, default)
    lenient = _onsets(LugnConfig(tone=ToneSettings(threshold=0.3)))
    # not later; since model 1.3.0 the demo's first angry window already turns the model's own threshold at
    # once (24.45 s; 1.2.0: 25.22 s), so a lower threshold cannot come earlier than that window
    assert lenient and lenient[0] <= default[0], (lenient, default)
    print(f"\nfirst 'frustrated': threshold 0.3 {lenient[0]:.2f} s, model's {default[0]:.2f} s, 0.9 {strict}")
    policy.write_text("[tone]\nthreshold = 1.5\n", encoding="utf-8")
    bad = load_effective(policy, tmp_path / "settings.toml")
    assert bad.safe_state and bad.config.tone.threshold is None
    assert any("tone.threshold" in e and "policy.toml:2" in e for e in bad.problems), bad.problems
