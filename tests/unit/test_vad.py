"""Silero VAD through onnxruntime alone, on real speech (EmoDB, CC0) against silence and noise; the gate."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from device.inference.models import load_model
from device.inference.vad import FRAME_SAMPLES, GROUP_FRAMES, SileroVad, SpeechGate

ROOT = Path(__file__).resolve().parents[2]


def _probs(vad: SileroVad, x: np.ndarray, group: int = GROUP_FRAMES) -> np.ndarray:
    """Frame probabilities as the pipeline asks for them: groups of ``group`` frames (last one shorter)."""
    vad.reset()
    n = len(x) // FRAME_SAMPLES
    frames = x[: n * FRAME_SAMPLES].reshape(1, n, FRAME_SAMPLES)
    return np.concatenate([vad.process_group(frames[:, i : i + group])[0] for i in range(0, n, group)])


def test_manifest_and_hash_checked_model() -> None:
    loaded = load_model("silero_vad")
    assert loaded.manifest.inputs == ["input", "h", "c"]
    assert (loaded.path.parent / "LICENSE.silero_vad").read_text().startswith("MIT License")


def test_shipped_graph_equals_the_wheels_step_graph() -> None:
    # device/models/silero_vad.onnx: the wheel's sequence graph + a channel axis (scripts/build_vad_model.py);
    # on 20 s of the demo call it gives the step graph's probabilities exactly: 1 or 2 channels, any grouping.
    silero_vad = pytest.importorskip("silero_vad")
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_vad_model", ROOT / "scripts" / "build_vad_model.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    audio, _ = sf.read(ROOT / "device" / "assets" / "demo_call.flac", dtype="float32", always_2d=True)
    reference = Path(silero_vad.__file__).parent / "data" / build.REFERENCE
    blob = load_model("silero_vad").path.read_bytes()
    assert build.verify(blob, reference, audio[: 16_000 * 20]) < 1e-5


def test_groups_and_channels_give_the_same_probabilities(shared_data: Path) -> None:
    rows = list(csv.DictReader((shared_data / "emodb" / "manifest.csv").open()))
    a = np.concatenate([sf.read(shared_data / "emodb" / r["file"], dtype="float32")[0] for r in rows[:4]])
    b = np.concatenate([sf.read(shared_data / "emodb" / r["file"], dtype="float32")[0] for r in rows[4:8]])
    n = min(len(a), len(b)) // FRAME_SAMPLES
    a, b = a[: n * FRAME_SAMPLES], b[: n * FRAME_SAMPLES]
    # the model on every frame (no level floor, no noise pre-gate: they decide per group): grouping differs
    always = {"noise_margin_db": float("-inf"), "floor_dbfs": float("-inf")}
    one_by_one = _probs(SileroVad(**always), a, group=1)
    assert np.mean(one_by_one > 0.5) > 0.4
    assert np.array_equal(_probs(SileroVad(**always), a, group=7), one_by_one)
    two = SileroVad(channels=2, **always)
    block = np.stack([a, b]).reshape(2, n, FRAME_SAMPLES)
    both = np.concatenate([two.process_group(block[:, i : i + 3]) for i in range(0, n, 3)], axis=1)
    assert two.calls == -(-n // 3)  # one model call per group for both channels
    assert np.allclose(both[0], one_by_one, atol=1e-6)
    assert np.allclose(both[1], _probs(SileroVad(**always), b, group=1), atol=1e-6)
    with pytest.raises(ValueError, match=r"expects \[2, frames, 512\]"):
        two.process_group(block[:1, :3])


def test_speech_scores_high_silence_and_noise_low(shared_data: Path) -> None:
    rows = list(csv.DictReader((shared_data / "emodb" / "manifest.csv").open()))
    clips = [r["file"] for r in rows if r["label"] == "neutral"][:6]
    vad = SileroVad()
    speech_fracs = []
    for name in clips:
        x, rate = sf.read(shared_data / "emodb" / name, dtype="float32")
        assert rate == 16_000
        p = _probs(vad, x)
        speech_fracs.append(float(np.mean(p > 0.5)))
    assert min(speech_fracs) > 0.3 and float(np.mean(speech_fracs)) > 0.5  # clips are 2 s, some padding
    rng = np.random.default_rng(0)
    silence = np.zeros(16_000 * 3, np.float32)
    white = (rng.standard_normal(16_000 * 3) * 0.05).astype(np.float32)  # -26 dBFS hiss
    hum = (0.1 * np.sin(2 * np.pi * 50 * np.arange(16_000 * 3) / 16_000)).astype(np.float32)
    assert _probs(vad, silence).max() == 0.0  # below the level floor: the model is not even run
    assert float(np.mean(_probs(vad, white) > 0.5)) < 0.05
    assert float(np.mean(_probs(vad, hum) > 0.5)) < 0.05


def test_bad_frame_shape_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="expects a 1-D frame of 512 samples"):
        SileroVad().process(np.zeros(480, np.float32))


def test_gate_hysteresis_and_minimum_durations() -> None:
    gate = SpeechGate(threshold=0.5, min_speech_s=0.096, min_silence_s=0.16, frame_s=0.032)  # 3 / 5 frames
    assert gate.stop_threshold == pytest.approx(0.35)
    seq = [0.9, 0.1, 0.9, 0.9, 0.9, 0.4, 0.4, 0.2, 0.2, 0.2, 0.2, 0.9, 0.2, 0.2, 0.2, 0.2, 0.2]
    out = [gate.process(p) for p in seq]
    # One loud frame is not speech activity; three in a row are.
    assert [d.active for d in out[:5]] == [False, False, False, False, True]
    # 0.4 is above the stop threshold: still speech, and the frame-level flag stays on.
    assert out[5].speech and out[6].speech and not out[7].speech
    # Five quiet frames end it; the single 0.9 in between restarted the count.
    changes = [i for i, d in enumerate(out) if d.changed]
    assert changes == [4, 16]
    with pytest.raises(ValueError, match="threshold"):
        SpeechGate(threshold=0.1)


def test_noise_pregate_skips_the_model_and_keeps_speech_activity(shared_data: Path) -> None:
    # EmoDB sentences with pauses, in steady -50 dBFS hiss: the pre-gate skips the model on background frames
    # after the model said "not speech", and speech activity matches the always-run model within 2 frames.
    rows = list(csv.DictReader((shared_data / "emodb" / "manifest.csv").open()))
    rng = np.random.default_rng(3)
    parts = []
    for r in rows[:24]:
        x, _ = sf.read(shared_data / "emodb" / r["file"], dtype="float32")
        parts += [x, np.zeros(int(rng.integers(8_000, 24_000)), np.float32)]
    audio = np.concatenate(parts)
    audio += (rng.standard_normal(audio.size) * 10 ** (-50 / 20)).astype(np.float32)

    def activity(vad: SileroVad) -> tuple[np.ndarray, int]:
        gate, changes = SpeechGate(), []
        for i, p in enumerate(_probs(vad, audio)):
            if gate.process(float(p)).changed:
                changes.append(i)
        return np.array(changes), vad.skipped

    always, skipped_always = activity(SileroVad(noise_margin_db=float("-inf")))
    gated, skipped = activity(SileroVad())
    frames = audio.size // FRAME_SAMPLES
    assert skipped_always == 0
    assert skipped > 0.25 * frames
    assert len(always) >= 40  # 24 sentences: onsets and ends
    assert len(gated) == len(always)
    assert int(np.abs(gated - always).max()) <= 2
