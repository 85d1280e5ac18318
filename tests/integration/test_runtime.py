"""The runtime under faults: a read-only outbox pauses metrics (and says so, in the stream and in
``lugn doctor``) while the indicator goes on; pause/resume keeps one call; a device that keeps failing is
retried with growing waits; the JSON lines never carry NaN. (Headless vs UI on the demo call:
tests/ui/test_runtime_frontends.py.)"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from device.audio.source import ReplaySource
from device.config import LugnConfig
from device.events import CallEnded, CallStarted, DeviceLost, Event
from device.metrics.outbox import Outbox
from device.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "device" / "assets" / "demo_call.flac"
RATE = 16_000
# callers of these recordings were told when they were recorded (the notice gate itself:
# tests/integration/test_notice.py)
NOTICE_OFF = (
    '[notice]\nmode = "off"\noff_statement = "notice_given_elsewhere"\noff_detail = "test recordings"\n'
)


def policy(path: Path, outbox: Path) -> Path:
    path.write_text(f'[metrics]\nenabled = true\noutbox_path = "{outbox}"\n' + NOTICE_OFF)
    return path


def lugn(args: list[str], policy_path: Path, home: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "LUGN_POLICY": str(policy_path),
        "LUGN_USER_SETTINGS": str(home / "settings.toml"),
        "HOME": str(home),  # the UI's window position (QSettings) goes here, not to the real home
        "XDG_CONFIG_HOME": str(home / ".config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "lugn", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def counts(outbox: Path) -> list[dict]:
    box = Outbox(outbox)
    rows = [json.loads(r.payload) for r in box.pending(100)]
    box.close()
    return [r["counts"] for r in rows]


READ_ONLY_RUN = """
set -e
mount -t tmpfs -o size=1m tmpfs "$BOX"
mkdir -p "$BOX/state"
{seed}
mount -o remount,ro "$BOX"
"$PY" -m lugn replay "$CLIP" --headless --speed max --no-control >"$OUT/replay.out" 2>"$OUT/err" || true
"$PY" -m lugn doctor --json --policy "$POLICY" > "$OUT/doctor.json" 2> "$OUT/doctor.err" || true
"""


@pytest.mark.parametrize("existing", [False, True], ids=["new-outbox", "existing-outbox"])
def test_read_only_outbox_pauses_metrics_and_the_indicator_goes_on(tmp_path: Path, existing: bool) -> None:
    """The outbox on a read-only file system the test mounts (a private mount namespace): analysis and
    coaching go on, metrics are paused with the path and the reason, in the stream and in ``lugn doctor``."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rm", "true"]).returncode != 0:
        pytest.skip("no private mount namespace (unshare -rm) on this machine")
    stereo, _ = sf.read(DEMO, dtype="float32")
    clip = tmp_path / "clip.flac"
    sf.write(clip, stereo[20 * RATE : 75 * RATE], RATE)
    box = tmp_path / "box"
    box.mkdir()
    outbox = box / "state" / "outbox.sqlite3"
    pol = policy(tmp_path / "policy.toml", outbox)
    seed = (
        f'"$PY" -c "from device.metrics.outbox import Outbox; Outbox(\'{outbox}\').close()"'
        if existing
        else ""
    )
    env = {
        **os.environ,
        "BOX": str(box),
        "PY": sys.executable,
        "CLIP": str(clip),
        "OUT": str(tmp_path),
        "POLICY": str(pol),
        "LUGN_POLICY": str(pol),
        "LUGN_USER_SETTINGS": str(tmp_path / "user.toml"),
    }
    run = subprocess.run(
        ["unshare", "-rm", "sh", "-c", READ_ONLY_RUN.format(seed=seed)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    err = (tmp_path / "err").read_text()
    events = [json.loads(line) for line in (tmp_path / "replay.out").read_text().splitlines()]
    kinds = [e["event"] for e in events]
    print(f"\n{err.strip()}")
    paused = [e for e in events if e["event"] == "MetricsPaused"]
    assert len(paused) == 1 and paused[0]["path"] == str(outbox) and "read-only" in paused[0]["reason"]
    assert "Traceback" not in err and f"metrics paused: outbox {outbox}: read-only" in err
    # tone analysis and coaching went on
    states = [e["state"] for e in events if e["event"] == "ToneChanged"]
    assert "frustrated" in states and {"TipShown", "CallNote", "BreathingOffered"} <= set(kinds)
    if existing:  # the doctor sees it too (with no file at all it says there is nothing waiting)
        doctor = json.loads((tmp_path / "doctor.json").read_text())
        check = next(c for c in doctor["checks"] if c["id"] == "outbox")
        assert (
            check["status"] == "warn"
            and "metrics paused" in check["message"]
            and str(outbox) in check["message"]
        )


def test_pause_and_resume_keep_one_call() -> None:
    """A pause longer than the call-end silence: still one call, ended only by the end of the recording."""
    stereo, _ = sf.read(DEMO, dtype="float32", frames=20 * RATE)
    config = LugnConfig.model_validate({"audio": {"call_end_silence_s": 5.0}})
    events: list[Event] = []
    inner = ReplaySource.from_arrays(stereo[:, 0].copy(), stereo[:, 1].copy())

    class PausingSource:  # sends pause at 3 s and resume at 12 s of audio, as the UI or CTI would
        name = "replay"

        def open(self) -> None:
            inner.open()

        def close(self) -> None:
            inner.close()

        def read(self, timeout_s: float):
            t = inner._pos / RATE
            if 3.0 <= t < 3.1:
                pipeline.pause()
            if 12.0 <= t < 12.1:
                pipeline.resume()
            return inner.read(timeout_s)

    pipeline = Pipeline(PausingSource(), config, events.append)
    pipeline.run_until_end()
    calls = [(type(e).__name__, round(e.t_s, 1)) for e in events if isinstance(e, CallStarted | CallEnded)]
    pauses = [round(e.t_s, 1) for e in events if e.kind == "PauseChanged"]
    assert len(pauses) == 2 and abs(pauses[0] - 3.0) < 0.3 and abs(pauses[1] - 12.0) < 0.3, pauses
    assert calls == [("CallStarted", 0.8), ("CallEnded", 20.0)], calls


def test_a_device_that_fails_at_once_is_retried_with_growing_waits() -> None:
    """LiveSource on the simulated headset whose streams stop at once, every time they are opened: the
    pipeline re-opens it with backoff and jitter (before: a tight loop of DeviceLost/DeviceRestored)."""
    from device.audio.live import LiveSource
    from devkit.simheadset import SimulatedHeadset

    stereo, _ = sf.read(DEMO, dtype="float32", frames=int(0.4 * RATE))
    sim = SimulatedHeadset(stereo[:, 0].copy(), stereo[:, 1].copy())
    lost: list[float] = []
    pipeline = Pipeline(
        LiveSource(sd_module=sim),
        on_event=lambda e: lost.append(time.monotonic()) if isinstance(e, DeviceLost) else None,
    )
    pipeline.start()
    time.sleep(4.0)
    assert pipeline.stop(3.0)
    gaps = np.diff(lost)
    print(f"\n{len(lost)} losses in 4 s; gaps {np.round(gaps, 2).tolist()}")
    assert 2 <= len(lost) <= 6, lost
    assert all(b > a for a, b in itertools.pairwise(gaps)), gaps  # 0.5, 1, 2 s (+-20 %)


def test_json_lines_never_carry_nan(tmp_path: Path) -> None:
    import io

    from device.events import ToneSample, ToneState
    from device.runtime import JsonLinesPrinter

    out = io.StringIO()
    printer = JsonLinesPrinter(out)
    printer(
        ToneSample(
            t_s=1.0,
            score=float("nan"),
            raw_score=float("inf"),
            arousal=0.5,
            valence=0.5,
            state=ToneState.CALM,
        )
    )
    line = json.loads(out.getvalue())
    assert line["score"] is None and line["raw_score"] is None and line["state"] == "calm"
    out.close()
    printer(ToneSample(t_s=2.0, score=0.1, raw_score=0.1, arousal=0.5, valence=0.5, state=ToneState.CALM))
    assert printer.closed  # a reader that went away ends the output quietly
