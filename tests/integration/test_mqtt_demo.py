"""The demo's metrics path: a private broker + aggregator when Mosquitto is installed, the outbox
otherwise."""

from __future__ import annotations

import pytest

from device.events import CallEnded, CallStarted, ToneChanged, ToneState, Trend
from devkit import broker as trialbroker
from devkit import metricsdemo as demo

EVENTS = (
    CallStarted(0.0, "control"),
    ToneChanged(4.0, ToneState.FRUSTRATED, ToneState.CALM, 0.8, Trend.RISING),
    ToneChanged(20.0, ToneState.CALM, ToneState.FRUSTRATED, 0.2, Trend.FALLING),
    CallEnded(30.0, "control", 30.0),
)


@pytest.mark.broker
def test_demo_metrics_with_local_broker(tmp_path, broker) -> None:  # broker: skips when mosquitto is missing
    lines: list[str] = []
    dm = demo.start_demo_metrics(tmp_path, echo=lines.append)
    assert dm.mode == "broker" and "trial Mosquitto" in lines[0]
    for ev in EVENTS:
        dm.sink(ev)
    report = dm.finish(timeout_s=20)
    assert (report.contributions, report.delivered, report.pending) == (1, 1, 0)
    assert report.summary is not None and report.summary.buckets[-1].suppressed  # one seat < k
    assert "suppressed" in report.message
    assert dm.broker is not None and dm.broker.proc is None  # stopped


def test_demo_metrics_without_broker_keeps_the_outbox(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(trialbroker, "find_mosquitto", lambda: None)
    lines: list[str] = []
    dm = demo.start_demo_metrics(tmp_path, echo=lines.append)
    assert dm.mode == "outbox" and "kept in the outbox" in lines[0]
    for ev in EVENTS:
        dm.sink(ev)
    report = dm.finish()
    assert (report.contributions, report.delivered, report.pending) == (1, 0, 1)
    assert "kept in the outbox" in report.message
