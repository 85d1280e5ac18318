"""The operation log (issue #13): what it records, what it never records, rotation and retention."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from device.audio.source import ReplaySource
from device.coach.events import CallNote, DeliveryCue, TipKind, TipShown
from device.config import LugnConfig
from device.events import (
    AgentDelivery,
    AnalysisUnavailable,
    AudioLevels,
    CallEnded,
    CallStarted,
    MetricsPaused,
    NoticeChanged,
    PauseChanged,
    SourceFailed,
    ToneChanged,
    ToneSample,
    ToneState,
    Trend,
)
from device.oplog import OperationLog, OplogSettings
from device.runtime import AgentRuntime

DAY = 86_400.0
T0 = 1_800_000_000.0


def test_log_records_start_stop_model_pause_notice_errors_and_policy_changes(tmp_path: Path) -> None:
    silence = np.zeros(16_000 * 2, np.float32)
    log = OperationLog(OplogSettings(), folder=tmp_path / "oplog")
    source = ReplaySource.from_arrays(silence, silence)
    runtime = AgentRuntime(source, LugnConfig(), metrics=False, control=False, oplog=log)
    runtime.schedule([(0.0, "call_start"), (0.5, "pause"), (0.7, "resume"), (1.0, "notice_given"),
                      (1.5, "declined")])  # fmt: skip
    runtime.run_until_end()
    runtime.on_pipeline_event(MetricsPaused(t_s=2.0, reason="outbox /x: disk full", path="/x"))
    new = LugnConfig.model_validate({"coach": {"tips_enabled": False}})
    runtime.update_config(new)
    entries = list(log.entries())
    kinds = [e["event"] for e in entries]
    assert kinds == ["start", "pause", "resume", "notice_given", "notice_declined", "stop", "error",
                     "settings_changed"], kinds  # fmt: skip
    start = entries[0]
    assert {m["name"] for m in start["models"]} == {"tone", "silero_vad"}
    tone = next(m for m in start["models"] if m["name"] == "tone")
    assert len(tone["sha256"]) == 64 and tone["version"]
    assert start["notice_mode"] == "agent" and start["tone_enabled"] is True and start["app_version"]
    assert entries[4]["t_s"] == 1.5 and entries[6]["what"] == "metrics_paused"
    assert entries[-1]["changed"] == ["coach.tips_enabled"]
    assert all(e["at"].endswith("Z") for e in entries)


def test_log_holds_no_audio_transcript_or_scores(tmp_path: Path) -> None:
    """Tone samples and changes, tips, cues, the after-call note, delivery facts, levels and call times are
    not logged: an allow-list, not a filter. Whatever tell-tale values they carry never appear in the file."""
    log = OperationLog(OplogSettings(), folder=tmp_path)
    for item in [
        CallStarted(1.0, "auto"),
        ToneSample(2.0, 0.8123, 0.7777, 0.6666, 0.5555, ToneState.FRUSTRATED),
        ToneChanged(2.5, ToneState.FRUSTRATED, ToneState.CALM, 0.8123, Trend.RISING),
        TipShown(3.0, TipKind.ACKNOWLEDGE, 15.0, 1),
        DeliveryCue(3.5, "pace_fast", 7.4321, 5.0, "syl/s", 6.0),  # type: ignore[arg-type]
        AgentDelivery(4.0, 10.0, 6.1234, 7.4321, -23.4567),
        AudioLevels(4.5, -31.2345, -27.6543),
        NoticeChanged(5.0, "waiting", "agent"),
        CallEnded(9.0, "auto", 8.0),
        CallNote(9.0, 8.0, 3.3333, True, (TipKind.ACKNOWLEDGE,)),
        PauseChanged(10.0, True),
        AnalysisUnavailable(11.0, "tone model missing"),
        SourceFailed(12.0, "replay", "decoding failed"),
    ]:
        log(item)
    text = log.path.read_text()
    for telltale in ("0.8123", "0.7777", "7.4321", "6.1234", "23.4567", "31.2345", "3.3333", "acknowledge",
                     "frustrated", "pace_fast", "waiting", "duration", "9.0", "CallStarted"):  # fmt: skip
        assert telltale not in text, telltale
    assert [json.loads(line)["event"] for line in text.splitlines()] == ["pause", "error", "error"]


def test_rotation_and_retention_from_the_policy(tmp_path: Path) -> None:
    now = [T0]
    settings = OplogSettings(retention_days=3, max_file_kb=16)
    log = OperationLog(settings, folder=tmp_path, clock=lambda: now[0])

    def write(t: float, entry: dict) -> None:
        now[0] = t
        log.write(entry)
        os.utime(log.path, (t, t))  # the file's time follows the test's clock, as it follows the real one

    for day in range(6):
        write(T0 + day * DAY, {"event": "pause", "t_s": float(day)})
    # one file per UTC day: the current file plus the earlier days, rotated, and none older than 3 days kept
    assert log.path.exists() and [json.loads(x)["t_s"] for x in log.path.read_text().splitlines()] == [5.0]
    assert len(log.rotated()) == 3, log.rotated()  # days 2, 3, 4 (days 0 and 1 were pruned at rotations)
    assert sorted(e["t_s"] for e in log.entries()) == [2.0, 3.0, 4.0, 5.0]
    now[0] = T0 + 6.5 * DAY
    assert len(log.prune()) == 2 and len(log.rotated()) == 1  # day 4 is the only one within 3 days
    # a busy day rotates by size too, and nothing is lost across those rotations
    for i in range(400):
        write(T0 + 6.5 * DAY + i, {"event": "pause", "t_s": float(i)})
    assert len(log.rotated()) > 2
    assert all(path.stat().st_size <= 16 * 1024 for path in log.files())
    assert sum(1 for e in log.entries() if e["event"] == "pause") == 400 + 1 + 1
    assert log.size_bytes() == sum(p.stat().st_size for p in log.files())


def test_an_unwritable_log_degrades_and_never_raises(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    log = OperationLog(OplogSettings(), folder=blocker / "oplog")
    log.write({"event": "start"})
    assert log.problem and "cannot be written" in log.problem and not log.enabled
    log(PauseChanged(1.0, True))  # still quiet
    off = OperationLog(OplogSettings(enabled=False), folder=tmp_path / "off")
    off.write({"event": "start"})
    assert not (tmp_path / "off").exists()
