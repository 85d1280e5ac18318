"""Events posted on a pipeline-like thread reach the GUI thread, in order, and drive the indicator."""

from __future__ import annotations

import threading

from PyQt6.QtCore import QThread

from device.events import CallEnded, CallStarted, Heartbeat, ToneChanged, ToneSample, ToneState, Trend
from ui.agent.bridge import EventBridge
from ui.agent.state import IndicatorState


def test_bridge_delivers_in_gui_thread_in_order(qtbot) -> None:
    bridge = EventBridge()
    seen: list[tuple[int, bool]] = []
    gui = QThread.currentThread()
    bridge.delivered.connect(lambda e: seen.append((e.t_s, QThread.currentThread() is gui)))
    posted_from: list[str] = []

    def pipeline() -> None:
        posted_from.append(threading.current_thread().name)
        for i in range(500):
            bridge.post(Heartbeat(t_s=i))

    t = threading.Thread(target=pipeline, name="lugn-pipeline-test")
    t.start()
    t.join(5)
    assert not t.is_alive()
    assert posted_from == ["lugn-pipeline-test"]
    qtbot.waitUntil(lambda: len(seen) == 500, timeout=5000)
    assert [t_s for t_s, _ in seen] == list(range(500))
    assert all(in_gui for _, in_gui in seen)
    assert bridge.pending == 0 and bridge.posted_count == bridge.delivered_count == 500


def test_app_indicator_follows_events_from_another_thread(agent_app, qtbot, qsettings) -> None:
    app = agent_app()
    app.show()
    views = []
    app.viewChanged.connect(lambda v, t: views.append((v.state, t)))
    events = [
        CallStarted(t_s=1.0, source="auto"),
        ToneSample(t_s=2.0, score=0.1, raw_score=0.1, arousal=0.3, valence=0.6, state=ToneState.CALM),
        ToneChanged(
            t_s=9.0, state=ToneState.FRUSTRATED, previous=ToneState.CALM, score=0.8, trend=Trend.RISING
        ),
        ToneChanged(
            t_s=20.0, state=ToneState.CALM, previous=ToneState.FRUSTRATED, score=0.2, trend=Trend.FALLING
        ),
        CallEnded(t_s=30.0, source="auto", duration_s=29.0),
    ]

    def pipeline() -> None:
        for e in events:
            app.runtime.on_pipeline_event(e)

    t = threading.Thread(target=pipeline, name="lugn-pipeline-test")
    t.start()
    t.join(5)
    qtbot.waitUntil(lambda: len(views) == 5, timeout=5000)
    assert views == [
        (IndicatorState.WAITING_NOTICE, 1.0),  # the default [notice] mode "agent": no tone before the notice
        (IndicatorState.CALM, 2.0),
        (IndicatorState.FRUSTRATED, 9.0),
        (IndicatorState.CALM, 20.0),
        (IndicatorState.NO_CALL, 30.0),
    ]
    assert app.view_widget.title.text() == "No call"


def test_listeners_see_every_event_in_order_and_a_broken_one_is_contained(agent_app, qtbot, qsettings):
    got: list[Heartbeat] = []

    def broken(_e: object) -> None:
        raise RuntimeError("sink down")

    app = agent_app(listeners=[broken, got.append])
    for i in range(10):
        app.runtime.on_pipeline_event(Heartbeat(t_s=float(i)))
    assert [e.t_s for e in got] == [float(i) for i in range(10)]
    assert app.runtime.listener_errors == 10
    qtbot.waitUntil(lambda: app.bridge.pending == 0, timeout=2000)
