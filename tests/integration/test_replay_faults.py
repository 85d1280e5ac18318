"""Hostile recordings through ``lugn replay --headless``, made in the test from the demo call: a FLAC
corrupted mid-stream, a burst of NaN, a WAV cut short, a WAV with no frames, a 1 kHz file. The indicator never
hangs, never loops, never prints invalid JSON, and says clearly what is wrong."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "device" / "assets" / "demo_call.flac"
RATE = 16_000


@pytest.fixture(scope="module")
def demo() -> np.ndarray:
    stereo, rate = sf.read(DEMO, dtype="float32")
    assert rate == RATE
    return stereo


def replay(path: Path, *extra: str, timeout: float = 60) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {**os.environ, "LUGN_POLICY": "/nonexistent/policy.toml", "LUGN_USER_SETTINGS": "/nonexistent/u"}
    t0 = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "lugn",
            "replay",
            str(path),
            "--headless",
            "--speed",
            "max",
            "--no-control",
            *extra,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return proc, time.monotonic() - t0


def strict_lines(text: str) -> list[dict]:
    """Every line as JSON, refusing NaN/Infinity (which ``json.loads`` would otherwise accept)."""

    def refuse(constant: str) -> None:
        raise ValueError(f"non-JSON constant {constant}")

    return [json.loads(line, parse_constant=refuse) for line in text.splitlines()]


def test_flac_corrupted_mid_stream_ends_the_replay_with_a_clear_message(tmp_path: Path, demo) -> None:
    clip = tmp_path / "clip.flac"
    sf.write(clip, demo[: 40 * RATE], RATE)
    data = bytearray(clip.read_bytes())
    mid = len(data) // 2
    data[mid : mid + 65536] = np.random.default_rng(7).integers(0, 256, 65536, dtype=np.uint8).tobytes()
    bad = tmp_path / "corrupt.flac"
    bad.write_bytes(bytes(data))

    proc, wall = replay(bad, timeout=60)
    print(f"\nexit {proc.returncode} after {wall:.1f} s; stderr: {proc.stderr.strip()}")
    assert proc.returncode == 1
    assert wall < 20, "no re-open loop: the replay ends within seconds"
    assert str(bad) in proc.stderr and "decoding failed" in proc.stderr and "stopped at" in proc.stderr
    assert len(proc.stderr) < 2000, "one clear message, not a flood of tracebacks"
    events = strict_lines(proc.stdout)
    kinds = [e["event"] for e in events]
    assert kinds.count("SourceFailed") == 1 and "DeviceLost" not in kinds and "DeviceRestored" not in kinds
    failed = next(e for e in events if e["event"] == "SourceFailed")
    assert failed["source"] == "replay" and 5.0 < failed["t_s"] < 40.0  # what came before was analysed
    assert kinds[kinds.index("SourceFailed") + 1] == "CallEnded"  # the call is closed, as at a normal end


def test_nan_burst_is_sanitised_and_the_json_stays_valid(tmp_path: Path, demo) -> None:
    """0.5 s of NaN (and infinities) inside the angry part: the smoother never holds NaN, the tone still
    changes after the burst, and every line is valid JSON."""
    clip = demo[20 * RATE : 75 * RATE].copy()
    clip[int(10.0 * RATE) : int(10.5 * RATE), 1] = np.nan
    clip[int(12.0 * RATE) : int(12.1 * RATE), 0] = np.inf
    clip[int(12.2 * RATE) : int(12.3 * RATE), 1] = -np.inf
    path = tmp_path / "nan_burst.wav"
    sf.write(path, clip, RATE, subtype="FLOAT")

    proc, _ = replay(path, "--cti", str(ROOT / "tests" / "data" / "notice_at_start.cti.jsonl"))
    assert proc.returncode == 0, proc.stderr
    events = strict_lines(proc.stdout)  # raises on a bare NaN
    samples = [e for e in events if e["event"] == "ToneSample"]
    assert samples and all(isinstance(e["score"], float) for e in samples)
    after = [e for e in samples if e["t_s"] > 11.0]
    assert len(after) > 10 and len({round(e["score"], 3) for e in after}) > 3, "the score moves on"
    changes = [(e["t_s"], e["state"]) for e in events if e["event"] == "ToneChanged"]
    assert ("frustrated" in [s for _, s in changes]) and changes[-1][1] in ("calm", "uneasy"), changes
    assert all(isinstance(e["score"], float) for e in events if e["event"] == "ToneChanged")


def test_truncated_empty_and_low_rate_files(tmp_path: Path, demo) -> None:
    full = tmp_path / "full.wav"
    sf.write(full, demo[20 * RATE : 28 * RATE], RATE, subtype="PCM_16")
    cut = tmp_path / "cut.wav"
    cut.write_bytes(full.read_bytes()[: 44 + 4 * RATE * 4])  # header says 8 s, 4 s are there
    proc, _ = replay(cut)
    assert proc.returncode == 0, proc.stderr
    assert f"{cut} is truncated: its header declares 8.0 s, the file holds 4.0 s" in proc.stderr
    assert [e["event"] for e in strict_lines(proc.stdout)].count("Heartbeat") == 4  # what is there plays

    empty = tmp_path / "empty.wav"
    sf.write(empty, np.zeros((0, 2), np.float32), RATE, subtype="PCM_16")
    proc, _ = replay(empty)
    assert proc.returncode == 2 and f"{empty} holds no audio (0 frames)" in proc.stderr and not proc.stdout

    low = tmp_path / "low.wav"
    sf.write(low, demo[: 10 * RATE : 16], 1000, subtype="PCM_16")
    proc, _ = replay(low)
    assert proc.returncode == 2 and not proc.stdout
    assert f"{low} is sampled at 1000 Hz; Lugn needs at least 8000 Hz" in proc.stderr


def test_a_narrow_band_8k_call_still_plays(tmp_path: Path, demo) -> None:
    from device.audio.source import EndOfStream, ReplaySource

    path = tmp_path / "phone.wav"
    sf.write(path, demo[: 4 * RATE : 2], 8000, subtype="PCM_16")
    src, total = ReplaySource(path), 0
    src.open()
    with pytest.raises(EndOfStream):
        while True:
            chunk = src.read(1.0)
            total += len(chunk) if chunk is not None else 0
    assert src.warnings == [] and abs(total - 4 * RATE) < 64
