"""The caller notice (issue #13) on the real demo call through the real runtime: no customer audio reaches the
tone model before the notice or after a decline (checked at the tone scorer itself, not only in the events),
a declined call adds only a ``declined`` count to a real outbox, a new call starts fresh, and ``lugn replay
--cti`` gives the same in every mode. The UI side: tests/ui/test_notice_prompt.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from device.audio.source import ReplaySource
from device.config import LugnConfig
from device.events import NoticeChanged, ToneChanged, ToneSample
from device.metrics.outbox import Outbox
from device.notice import NoticeSettings
from device.runtime import AgentRuntime

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "device" / "assets" / "demo_call.flac"
TIMELINE = json.loads((ROOT / "device" / "assets" / "demo_call.timeline.json").read_text())
ANGRY = TIMELINE["angry_speech_start_s"]  # 23.36 s; calmer from 51.7 s
NOTICE_T, DECLINE_T, END_T, NEXT_T, NEXT_NOTICE_T = 20.0, 35.0, 52.0, 54.0, 55.0
CTI = [
    (0.0, "call_start"),
    (NOTICE_T, "notice_given"),
    (DECLINE_T, "declined"),
    (END_T, "call_end"),
    (NEXT_T, "call_start"),
    (NEXT_NOTICE_T, "notice_given"),
]
MODES: dict[str, dict[str, Any]] = {
    "agent": {"mode": "agent"},
    "ivr": {"mode": "ivr"},
    "off": {"mode": "off", "off_statement": "outside_eu"},
}


class ScorerSpy:
    """Wraps the pipeline's tone scorer: the stream time of every customer frame the model receives, and of
    every reset (what a decline must do)."""

    def __init__(self, runtime: AgentRuntime) -> None:
        pipeline = runtime.pipeline
        scorer = pipeline._scorer
        assert scorer is not None, "the tone model must load for this test"
        self.heard: list[float] = []
        self.resets: list[float] = []
        real_process, real_reset = scorer.process, scorer.reset

        def process(frame: np.ndarray, speech: bool) -> Any:
            self.heard.append(pipeline.t_s)
            return real_process(frame, speech)

        def reset() -> None:
            self.resets.append(pipeline.t_s)
            real_reset()

        scorer.process, scorer.reset = process, reset  # type: ignore[method-assign]


def replay(
    notice: dict[str, Any], cti: list[tuple[float, str]], outbox: Path | None = None
) -> tuple[list[object], ScorerSpy, AgentRuntime]:
    config = LugnConfig(notice=NoticeSettings(**notice))
    items: list[object] = []
    runtime = AgentRuntime(
        ReplaySource(DEMO, realtime=False),
        config,
        metrics=outbox is not None,
        outbox_path=outbox,
        control=False,
        oplog=False,
        listeners=[items.append],
    )
    spy = ScorerSpy(runtime)
    runtime.schedule(cti)
    runtime.run_until_end()
    return items, spy, runtime


def tone_times(items: list[object]) -> list[float]:
    return [e.t_s for e in items if isinstance(e, ToneSample | ToneChanged)]


def outbox_counts(path: Path) -> dict[str, int]:
    box = Outbox(path)
    rows = [json.loads(r.payload)["counts"] for r in box.pending(100)]
    box.close()
    total: dict[str, int] = {}
    for counts in rows:
        for k, v in counts.items():
            total[k] = total.get(k, 0) + v
    return total


@pytest.fixture(scope="module")
def agent_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[object], ScorerSpy, AgentRuntime, Path]:
    outbox = tmp_path_factory.mktemp("notice") / "outbox.sqlite3"
    items, spy, runtime = replay(MODES["agent"], CTI, outbox)
    return items, spy, runtime, outbox


def test_no_tone_events_before_notice_given(agent_run) -> None:
    items, spy, runtime, _ = agent_run
    notices = [(e.t_s, e.state) for e in items if isinstance(e, NoticeChanged)]
    assert notices[:2] == [(0.0, "waiting"), (NOTICE_T, "given")], notices
    # the model itself heard nothing of the customer before the notice: not one frame starting before it
    assert spy.heard and min(spy.heard) - 0.032 >= NOTICE_T - 1e-9, min(spy.heard)
    times = tone_times(items)
    assert times and min(times) >= NOTICE_T
    assert any(NOTICE_T < t < DECLINE_T for t in times), "the angry part is analysed once the caller was told"
    assert runtime.notice.blocked == 0  # the pipeline gate held: the stage had nothing to drop


def test_no_tone_events_after_declined_until_the_next_call(agent_run) -> None:
    items, spy, runtime, _ = agent_run
    declined = next(e for e in items if isinstance(e, NoticeChanged) and e.state == "declined")
    assert declined.t_s == DECLINE_T
    # scores and buffered audio dropped at the decline, and the model hears nothing until the next notice
    assert any(DECLINE_T - 0.032 <= t <= DECLINE_T for t in spy.resets), spy.resets  # before the next frame
    assert not [t for t in spy.heard if DECLINE_T < t <= NEXT_NOTICE_T]
    assert not [t for t in tone_times(items) if DECLINE_T <= t < NEXT_NOTICE_T]
    # a new call starts fresh: waiting again, then analysed after its own notice
    later = [(e.t_s, e.state) for e in items if isinstance(e, NoticeChanged) and e.t_s > DECLINE_T]
    assert [s for _, s in later] == ["waiting", "given"], later
    assert later[0][0] == NEXT_T and NEXT_NOTICE_T <= later[1][0] < NEXT_NOTICE_T + 0.032, later  # next frame
    assert [t for t in tone_times(items) if t > NEXT_NOTICE_T], "the next call is analysed after its notice"
    assert runtime.notice.blocked == 0
    # the coach forgot the declined call's tone: its after-call note says declined, with nothing of the tone
    note = next(e for e in items if type(e).__name__ == "CallNote")
    assert note.declined and note.frustrated_s == 0 and note.tips_shown == () and note.eased is None


def test_a_declined_call_adds_only_a_declined_count(agent_run, tmp_path: Path) -> None:
    _, _, _, outbox = agent_run
    counts = outbox_counts(outbox)
    # the declined (angry) call: one "declined", nothing else; the calm second call: one call, no frustration
    assert counts == {
        "calls": 1,
        "calls_frustrated": 0,
        "frustrated_s": 0,
        "deescalations": 0,
        "tips_shown": 0,
        "tips_dismissed": 0,
        "breathing_offered": 0,
        "breathing_taken": 0,
        "declined": 1,
    }, counts
    # the same recording without the decline: the first call's frustration and tip are counted (so the test
    # above could fail)
    plain = [a for a in CTI if a[1] != "declined"]
    replay(MODES["agent"], plain, tmp_path / "plain.sqlite3")
    reference = outbox_counts(tmp_path / "plain.sqlite3")
    assert reference["declined"] == 0 and reference["calls"] == 2
    assert (
        reference["calls_frustrated"] == 1 and reference["frustrated_s"] > 0 and reference["tips_shown"] >= 1
    )


def test_a_notice_before_the_call_holds_only_for_a_call_that_starts_soon() -> None:
    """An IVR that tells Lugn before routing the call: the next call starts told; 30 s later, it lapses."""
    items, _, _ = replay(MODES["ivr"], [(0.0, "notice_given"), (60.0, "declined")])
    notices = [(e.t_s, e.state) for e in items if isinstance(e, NoticeChanged)]
    assert notices[0] == (0.0, "armed_given") and notices[1][1] == "given", notices  # the auto call at ~0.5 s
    lapsed, _, _ = replay(MODES["ivr"], [(0.0, "notice_given"), (0.1, "pause"), (31.0, "resume")])
    states = [e.state for e in lapsed if isinstance(e, NoticeChanged)]
    assert states[:2] == ["armed_given", "waiting"] and "given" not in states, states
    assert not tone_times(lapsed)


def lugn(args: list[str], policy: Path, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "LUGN_POLICY": str(policy),
        "LUGN_USER_SETTINGS": str(home / "settings.toml"),
        "XDG_STATE_HOME": str(home / "state"),
    }
    return subprocess.run(
        [sys.executable, "-m", "lugn", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def write_cti(path: Path, cti: list[tuple[float, str]]) -> Path:
    path.write_text("".join(json.dumps({"t_s": t, "action": a}) + "\n" for t, a in cti))
    return path


@pytest.mark.parametrize("mode", ["agent", "ivr", "off"])
def test_cti_timeline_in_every_mode(mode: str, tmp_path: Path) -> None:
    """``lugn replay FILE --cti`` headless, as a CTI integrator would try it: the three Done-when properties
    in ivr and agent mode; in off mode the tone runs from the call start (no notice needed) and a decline
    still stops it. The operation log records the notice and the decline."""
    outbox = tmp_path / "outbox.sqlite3"
    notice = "\n".join(f'{k} = "{v}"' for k, v in MODES[mode].items())
    policy = tmp_path / "policy.toml"
    policy.write_text(f'[metrics]\nenabled = true\noutbox_path = "{outbox}"\n\n[notice]\n{notice}\n')
    cti = write_cti(tmp_path / "cti.jsonl", CTI)
    proc = lugn(
        ["replay", str(DEMO), "--cti", str(cti), "--headless", "--speed", "max", "--no-control"],
        policy,
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    tone = [e["t_s"] for e in events if e["event"] in ("ToneSample", "ToneChanged")]
    in_declined_call = [t for t in tone if DECLINE_T <= t < NEXT_NOTICE_T]
    assert not in_declined_call
    if mode == "off":
        assert min(tone) < NOTICE_T  # no notice needed: the calm start is analysed too
        assert any(ANGRY < t < DECLINE_T for t in tone)
        first = next(e["state"] for e in events if e["event"] == "NoticeChanged")
        assert first == "not_required"
    else:
        assert tone and min(tone) >= NOTICE_T
        assert any(t > NEXT_NOTICE_T for t in tone)
    counts = outbox_counts(outbox)
    assert counts["declined"] == 1 and counts["calls"] == 1 and counts["tips_shown"] == 0, counts
    oplog = [json.loads(line) for line in (tmp_path / "state" / "lugn" / "oplog" / "operation.log").open()]
    kinds = [e["event"] for e in oplog]
    assert kinds[0] == "start" and kinds[-1] == "stop" and "notice_declined" in kinds
    assert ("notice_given" in kinds) == (mode != "off")


def test_bad_cti_lines_get_a_clear_error_with_the_line_number(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"t_s": 0.0, "action": "call_start"}\n\n{"t_s": 3.0, "action": "notice-given"}\n')
    proc = lugn(
        ["replay", str(DEMO), "--cti", str(bad), "--headless", "--speed", "max"], tmp_path / "p", tmp_path
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert f"{bad}:3: action: 'notice-given' is not one of call_start, notice_given" in proc.stderr, (
        proc.stderr
    )
    late = write_cti(tmp_path / "late.jsonl", [(0.0, "call_start"), (500.0, "call_end")])
    proc = lugn(["replay", str(DEMO), "--cti", str(late), "--headless", "--speed", "max", "--no-control"],
                tmp_path / "p", tmp_path)  # fmt: skip
    assert proc.returncode == 0 and "1 CTI action(s) after the end of the recording" in proc.stderr
    assert "call_end at 500 s" in proc.stderr


def test_control_socket_and_lugn_call_drive_notice_and_decline(tmp_path: Path) -> None:
    """A running agent (paced replay of the angry part) driven by ``lugn call`` as a softphone would:
    ``start --notice-given`` opens the gate at once; ``declined`` closes it for the call."""
    stereo, rate = sf.read(DEMO, dtype="float32")
    part = stereo[int(ANGRY * rate) : int((ANGRY + 14) * rate)]
    items: list[object] = []
    address = tmp_path / "run" / "control.sock"
    config = LugnConfig(notice=NoticeSettings(mode="ivr"))
    from device.audio.settings import AudioSettings

    config = config.model_copy(update={"audio": AudioSettings(auto_call_detection=False)})
    runtime = AgentRuntime(
        ReplaySource.from_arrays(part[:, 0], part[:, 1], realtime=True),
        config,
        metrics=False,
        control_address=address,
        oplog=False,
        listeners=[items.append],
    )
    runtime.start()
    try:
        call = [sys.executable, "-m", "lugn", "call", "--control", str(address)]
        ok = subprocess.run([*call, "start", "--notice-given"], cwd=ROOT, capture_output=True, text=True)
        assert ok.returncode == 0 and json.loads(ok.stdout)["ok"], ok.stdout + ok.stderr
        assert wait_for(lambda: bool(tone_times(items)), 8.0), (
            "tone analysis once the IVR said the caller was told"
        )
        bad = subprocess.run([*call, "end", "--notice-given"], cwd=ROOT, capture_output=True, text=True)
        assert bad.returncode == 2 and "--notice-given goes with start" in bad.stderr
        no = subprocess.run([*call, "declined"], cwd=ROOT, capture_output=True, text=True)
        assert no.returncode == 0, no.stderr
        assert wait_for(
            lambda: any(isinstance(e, NoticeChanged) and e.state == "declined" for e in items), 3.0
        )
        time.sleep(1.5)
        status = runtime.status()
        assert status["notice"] == "declined" and status["tone_state"] == "calm"
    finally:
        runtime.stop()
    declined = next(e.t_s for e in items if isinstance(e, NoticeChanged) and e.state == "declined")
    states = [e.state for e in items if isinstance(e, NoticeChanged)]
    assert states[:1] == ["given"], states  # told before the first frame of the call: never "waiting"
    assert not [t for t in tone_times(items) if t >= declined]


def wait_for(predicate: Any, timeout_s: float) -> bool:
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()
