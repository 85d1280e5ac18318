"""The agent sees what leaves (issue #13): the first-run notice (reopened from the tray), "What leaves this
computer" with the pending and last-sent contributions in words and as the exact JSON, a sample of the team
summary a supervisor sees, the after-call note's "shared" line, in every language and in kiosk mode."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest
from PyQt6.QtCore import QSettings
from PyQt6.QtWidgets import QLabel, QPlainTextEdit

from device.audio.source import ReplaySource
from device.coach.events import CallNote
from device.config import LugnConfig
from device.events import CallEnded, CallStarted, NoticeChanged, ToneChanged, ToneState, Trend
from device.metrics.service import MetricsService
from device.metrics.settings import MetricsSettings
from device.protocol.payloads import COUNT_FIELDS, BucketSummary
from device.runtime import AgentRuntime
from ui import i18n
from ui.agent.coaching import style
from ui.agent.hotkeys import FakeBackend
from ui.agent.privacy import SEEN_KEY, texts

MID_BUCKET = 1_800_000_450.0  # 7.5 minutes into a 15-minute bucket


def make_app(
    tmp_path: Path, *, lang: str = "en", metrics: bool = True, kiosk: bool = False, seen: bool = False
):  # type: ignore[no-untyped-def]
    from ui.agent.app import AgentApp

    config = LugnConfig.model_validate(
        {"ui": {"language": lang}, "metrics": {"enabled": metrics, "site": "malmo", "team": "support-1"}}
    )
    silence = np.zeros(16_000, np.float32)
    service = None
    if metrics:  # the wall clock pinned mid-bucket: no bucket may close in the middle of a test
        tmp_path.mkdir(parents=True, exist_ok=True)
        service = MetricsService(
            config.metrics, outbox_path=tmp_path / "outbox.sqlite3", clock=lambda: MID_BUCKET
        )
    runtime = AgentRuntime(ReplaySource.from_arrays(silence, silence), config, metrics=service or False,
                           control=False, oplog=False)  # fmt: skip
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    if seen:
        settings.setValue(SEEN_KEY, True)
    return AgentApp(
        runtime, qsettings=settings, kiosk=kiosk, hotkeys=FakeBackend(), pin_check=lambda _p: False
    )


def a_call(app, *, declined: bool = False, frustrated: bool = True) -> None:  # type: ignore[no-untyped-def]
    rt = app.runtime
    rt.on_pipeline_event(CallStarted(1.0, "control"))
    rt.on_pipeline_event(NoticeChanged(1.0, "waiting", "agent"))
    rt.on_pipeline_event(NoticeChanged(2.0, "given", "agent"))
    if frustrated:
        rt.on_pipeline_event(ToneChanged(10.0, ToneState.FRUSTRATED, ToneState.CALM, 0.9, Trend.RISING))
        rt.on_pipeline_event(ToneChanged(40.0, ToneState.CALM, ToneState.FRUSTRATED, 0.2, Trend.FALLING))
    if declined:
        rt.on_pipeline_event(NoticeChanged(45.0, "declined", "agent"))
    rt.on_pipeline_event(CallEnded(60.0, "control", 59.0))


def labels(widget) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget))


def test_every_count_has_words_and_the_sample_is_what_the_aggregator_sends() -> None:
    for field in COUNT_FIELDS:  # a count added later cannot slip by without words for the agent
        assert texts.count_label(field)
    from ui.agent.privacy.pages import WhatLeavesView

    class W:
        bucket_s, k_min, pending = 900, 5, []

    suppressed, full = (s for _, s in WhatLeavesView._samples(W()))
    assert suppressed.suppressed and suppressed.counts is None and suppressed.contributors is None
    assert BucketSummary.model_validate_json(full.model_dump_json(by_alias=True)) == full
    assert full.contributors == 5  # at the floor, never below


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_view_shows_pending_and_last_sent_in_every_language(qtbot, tmp_path, built_catalogues, notice_shot,
                                                           lang) -> None:  # fmt: skip
    app = make_app(tmp_path, lang=lang, seen=True)
    app.show()
    a_call(app)
    service = app.runtime.metrics
    first = service.window.flush()[0]  # the bucket so far, to the outbox (as at a bucket's end)
    service._submit([first])
    a_call(app, declined=True)
    service._submit(service.window.flush())
    rows = service.outbox.pending(10)
    assert len(rows) == 2
    service.outbox.ack(rows[0].message_id)  # what the publisher does on the broker's PUBACK
    app.open_what_leaves()
    view = app.privacy.what_leaves
    qtbot.waitUntil(view.isVisible, timeout=2000)
    words = labels(view)
    assert texts.pending_head(1) in words and texts.last_sent_head("")[:8] in words
    for field in COUNT_FIELDS:
        assert texts.count_label(field) in words
    assert f"{texts.count_label('declined')}: 1" in words and "lugn/v1/malmo/support-1/contrib/" in words
    assert texts.suppressed_word() in words and texts.supervisor_suppressed(5) in words
    for shot, raw in (("what_leaves.png", False), ("what_leaves_json.png", True)):
        if raw:
            view.toggle_raw()  # one click away
        view.resize(620, 900)
        notice_shot(view, lang, shot)
    boxes = [b.toPlainText() for b in view.findChildren(QPlainTextEdit) if b.isVisibleTo(view)]
    assert rows[1].payload.decode() in boxes and rows[0].payload.decode() in boxes  # byte for byte
    sample = next(b for b in boxes if '"suppressed":true' in b)
    assert BucketSummary.model_validate_json(sample).suppressed
    assert json.loads(next(b for b in boxes if '"state":"online"' in b))["metrics_paused"] is False
    view.toggle_raw()
    assert not [b for b in view.findChildren(QPlainTextEdit) if b.isVisibleTo(view)]
    app.close()
    app.runtime.stop()


def test_first_run_notice_and_reopen_from_the_tray(qtbot, tmp_path, built_catalogues, notice_shot) -> None:
    for lang in i18n.LANGUAGES:
        folder = tmp_path / lang
        folder.mkdir()
        app = make_app(folder, lang=lang)
        app.show()
        page = app.privacy.notice
        qtbot.waitUntil(page.isVisible, timeout=2000)  # the first time only
        words = labels(page)
        assert texts.notice_customer_head() in words and texts.notice_agent_head() in words
        assert texts.notice_leaves_on(15) in words and texts.notice_who_on(5, 15) in words
        assert texts.notice_caller("agent") in words
        page.resize(560, 760)
        notice_shot(page, lang, "first_run_notice.png")
        page.leaves_button.click()  # the notice leads to what leaves
        qtbot.waitUntil(app.privacy.what_leaves.isVisible, timeout=2000)
        page.close_button.click()
        assert not page.isVisible()
        app.close()
        app.runtime.stop()
        again = make_app(folder, lang=lang)  # the same user: not shown again ...
        again.show()
        assert not again.privacy.notice.isVisible()
        again.tray.about_action.trigger()  # ... but one click away in the tray
        assert again.privacy.notice.isVisible()
        again.tray.leaves_action.trigger()
        assert again.privacy.what_leaves.isVisible()
        again.close()
        again.runtime.stop()
    i18n.install_translators("en")
    off = make_app(tmp_path / "off", metrics=False)
    off.show()
    words = labels(off.privacy.notice)
    assert texts.notice_leaves_off() in words and texts.notice_who_off() in words
    off.open_what_leaves()
    assert texts.publishing_off() in labels(off.privacy.what_leaves)
    off.close()
    off.runtime.stop()


def test_a_call_just_ended_is_shown_as_counted_now(qtbot, tmp_path, built_catalogues) -> None:
    """Right after a call the note said "Shared, in this computer's 15-minute totals: Calls 1, …" while What
    leaves said "Waiting to be sent: 0 – Nothing is waiting to be sent": the call was nowhere. The open
    interval's counts are shown, with when they will be sent."""
    app = make_app(tmp_path, lang="sv", seen=True)
    app.show()
    app.open_what_leaves()
    assert texts.counting_none() in labels(app.privacy.what_leaves)
    a_call(app)
    app.open_what_leaves()
    words = labels(app.privacy.what_leaves)
    until = time.strftime("%H:%M", time.localtime(MID_BUCKET - 450 + 900))
    assert texts.counting_head(until) in words and texts.pending_head(0) in words
    assert f"{texts.count_label('calls')} 1, {texts.count_label('calls_frustrated')} 1" in words
    assert f"{texts.count_label('frustrated_s')} 30" in words and texts.counting_none() not in words
    app.close()
    app.runtime.stop()


def test_the_notice_says_what_the_runtime_does_not_what_the_file_says(qtbot, tmp_path) -> None:
    """``lugn demo`` runs a metrics service (a trial broker) on a config with metrics off: its first-run
    notice said "nothing about your calls leaves it" while the demo's contribution was being delivered."""
    from ui.agent.app import AgentApp

    silence = np.zeros(16_000, np.float32)
    settings = MetricsSettings(enabled=True, site="malmo", team="support-1", bucket_min=30, k_min=7)
    service = MetricsService(settings, outbox_path=tmp_path / "outbox.sqlite3", clock=lambda: MID_BUCKET)
    runtime = AgentRuntime(ReplaySource.from_arrays(silence, silence), LugnConfig(), metrics=service,
                           control=False, oplog=False)  # fmt: skip
    app = AgentApp(runtime, qsettings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                   hotkeys=FakeBackend())  # fmt: skip
    app.show()
    qtbot.waitUntil(app.privacy.notice.isVisible, timeout=2000)
    words = labels(app.privacy.notice)
    assert texts.notice_leaves_on(30) in words and texts.notice_who_on(7, 30) in words
    app.close()
    runtime.stop()
    # ... and a config that says on, with no metrics service in the runtime: nothing leaves, and it says so
    on = LugnConfig.model_validate({"metrics": {"enabled": True, "site": "malmo", "team": "support-1"}})
    runtime = AgentRuntime(ReplaySource.from_arrays(silence, silence), on, metrics=False, control=False,
                           oplog=False)  # fmt: skip
    app = AgentApp(runtime, qsettings=QSettings(str(tmp_path / "ui2.ini"), QSettings.Format.IniFormat),
                   hotkeys=FakeBackend())  # fmt: skip
    app.show()
    qtbot.waitUntil(app.privacy.notice.isVisible, timeout=2000)
    assert texts.notice_leaves_off() in labels(app.privacy.notice)
    app.close()
    runtime.stop()


def test_after_call_note_says_what_is_shared(qtbot, tmp_path) -> None:
    app = make_app(tmp_path, seen=True)
    app.show()
    shared = []
    app.eventDelivered.connect(lambda e: shared.append(e) if type(e).__name__ == "CallShared" else None)
    a_call(app)
    note = app.coaching.note_card
    qtbot.waitUntil(
        lambda: note.note is not None, timeout=2000
    )  # (the panel may wait behind a breathing offer)
    assert dict(shared[-1].counts) == {
        "calls": 1,
        "calls_frustrated": 1,
        "frustrated_s": 30,
        "deescalations": 1,
    }
    text = note.shared.text()
    assert text == texts.shared_call(
        ["Calls 1", "Calls with a frustrated customer 1", "Seconds the customer sounded frustrated 30",
         "Times a frustrated customer calmed down 1"], 15, 5)  # fmt: skip
    assert note.private.text() == "This note is only on your screen"  # no longer "Only you see this"
    a_call(app, declined=True)
    qtbot.waitUntil(lambda: note.shared.text() == texts.shared_declined(), timeout=2000)
    assert dict(shared[-1].counts) == {"declined": 1}
    assert note.frustrated.text() == "The caller declined: nothing of the tone was kept"
    assert not note.tips.isVisibleTo(note) and style.overflowing(note) == []
    app.close()
    app.runtime.stop()
    off = make_app(tmp_path / "off", metrics=False, seen=True)
    off.runtime.on_pipeline_event(CallNote(t_s=9.0, call_s=60.0, frustrated_s=0.0, eased=None))
    qtbot.waitUntil(lambda: off.coaching.note_card.note is not None, timeout=2000)
    assert off.coaching.note_card.shared.text() == texts.shared_nothing()
    off.close()
    off.runtime.stop()


def test_works_in_kiosk_mode(qtbot, tmp_path, built_catalogues, notice_shot) -> None:
    for lang in i18n.LANGUAGES:
        app = make_app(tmp_path / lang, lang=lang, kiosk=True)
        kiosk = app.kiosk_window
        kiosk.resize(1280, 800)
        app.show()
        page = app.privacy.notice
        qtbot.waitUntil(page.isVisible, timeout=2000)
        assert page.window() is kiosk and kiosk.rect().contains(page.geometry())  # a layer, not a window
        notice_shot(kiosk, lang, "kiosk_first_run_notice.png")
        page.leaves_button.click()
        leaves = app.privacy.what_leaves
        assert leaves.isVisible() and leaves.window() is kiosk
        leaves.close_button.click()
        page.close_button.click()
        kiosk.privacy_button.click()  # reopened from the kiosk's own corner (a kiosk may have no tray)
        assert page.isVisible()
        page.close_button.click()
        app.runtime.on_pipeline_event(CallStarted(1.0, "control"))
        app.runtime.on_pipeline_event(NoticeChanged(1.0, "waiting", "agent"))
        card = app.coaching.panel.notice
        qtbot.waitUntil(card.isVisible, timeout=2000)
        assert card.window() is kiosk and style.overflowing(card) == []
        notice_shot(kiosk, lang, "kiosk_notice_prompt.png")
        app.close()
        app.runtime.stop()
