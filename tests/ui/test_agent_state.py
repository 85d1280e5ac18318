"""What the indicator shows for a sequence of runtime events (pure rules, no widgets)."""

from __future__ import annotations

from device.events import (
    AnalysisUnavailable,
    CallEnded,
    CallStarted,
    DeviceLost,
    DeviceRestored,
    Heartbeat,
    NoticeChanged,
    PauseChanged,
    ToneChanged,
    ToneSample,
    ToneState,
    Trend,
)
from ui.agent.state import IndicatorModel, IndicatorState, View


def _sample(t: float, state: ToneState = ToneState.CALM) -> ToneSample:
    return ToneSample(t_s=t, score=0.1, raw_score=0.1, arousal=0.3, valence=0.6, state=state)


def test_call_lifecycle_and_tone() -> None:
    m = IndicatorModel()
    assert m.view().state is IndicatorState.NO_CALL
    assert m.apply(CallStarted(t_s=1, source="auto"))
    assert m.view().state is IndicatorState.LISTENING
    assert m.apply(_sample(2))
    assert m.view().state is IndicatorState.CALM
    assert not m.apply(_sample(3, ToneState.FRUSTRATED)), (
        "samples do not move the displayed tone; ToneChanged does"
    )
    assert not m.apply(Heartbeat(t_s=4))
    assert m.apply(
        ToneChanged(t_s=5, state=ToneState.UNEASY, previous=ToneState.CALM, score=0.5, trend=Trend.RISING)
    )
    assert m.view().state is IndicatorState.UNEASY and m.view().trend is Trend.RISING
    assert m.apply(CallEnded(t_s=9, source="auto", duration_s=8))
    assert m.view().state is IndicatorState.NO_CALL
    assert m.apply(CallStarted(t_s=20, source="control"))
    assert m.view().state is IndicatorState.LISTENING, "a new call starts without the last call's tone"


def test_precedence_paused_over_lost_over_unavailable() -> None:
    m = IndicatorModel()
    m.apply(CallStarted(t_s=1, source="auto"))
    m.apply(
        ToneChanged(t_s=2, state=ToneState.FRUSTRATED, previous=ToneState.CALM, score=0.9, trend=Trend.RISING)
    )
    m.apply(AnalysisUnavailable(t_s=3, reason="tone model failed its hash check"))
    assert m.view().state is IndicatorState.UNAVAILABLE
    m.apply(DeviceLost(t_s=4, source="mic", reason="unplugged"))
    m.apply(DeviceLost(t_s=4, source="far_end", reason="unplugged"))
    assert m.view().state is IndicatorState.DEVICE_LOST
    m.apply(PauseChanged(t_s=5, paused=True))
    assert m.view().state is IndicatorState.PAUSED
    m.apply(PauseChanged(t_s=6, paused=False))
    m.apply(DeviceRestored(t_s=7, source="mic"))
    assert m.view().state is IndicatorState.DEVICE_LOST, "still lost until every source is back"
    m.apply(DeviceRestored(t_s=8, source="far_end"))
    assert m.view().state is IndicatorState.UNAVAILABLE, "a lost model never reads as a calm customer"


def test_waiting_for_the_notice_says_whose_job_it_is() -> None:
    """In ``ivr`` mode the agent has nothing to do (no prompt, no button): the indicator must not read as a
    request to the agent ("Notice first"), it says the IVR tells the caller."""
    for mode, waiting in (("agent", IndicatorState.WAITING_NOTICE), ("ivr", IndicatorState.WAITING_IVR)):
        m = IndicatorModel(notice_mode=mode)
        m.apply(CallStarted(t_s=1.0, source="control"))
        assert m.view().state is waiting, mode
        m.apply(NoticeChanged(t_s=2.0, state="given", mode=mode))
        assert m.view().state is IndicatorState.LISTENING
    off = IndicatorModel(notice_mode="off")
    off.apply(CallStarted(t_s=1.0, source="control"))
    assert off.view().state is IndicatorState.LISTENING


def test_after_the_headset_comes_back_the_old_tone_is_not_shown() -> None:
    """Unplugged mid-call while the customer was "Frustrated, rising", plugged back 10 s later: that state
    and its arrow are stale. The indicator listens until the next tone window instead of showing them on."""
    m = IndicatorModel()
    m.apply(CallStarted(t_s=1.0, source="auto"))
    m.apply(ToneChanged(t_s=5.0, state=ToneState.FRUSTRATED, previous=ToneState.CALM, score=0.9,
                        trend=Trend.RISING))  # fmt: skip
    m.apply(DeviceLost(t_s=6.0, source="far_end", reason="the sound server moved the stream"))
    assert m.view().state is IndicatorState.DEVICE_LOST
    m.apply(DeviceRestored(t_s=6.0, source="far_end"))
    assert m.view() == View(IndicatorState.LISTENING)
    m.apply(_sample(7.0, ToneState.FRUSTRATED))  # the next window: the tone again, without a stale trend
    assert m.view() == View(IndicatorState.FRUSTRATED, Trend.STEADY)
    m.apply(DeviceLost(t_s=8.0, source="mic", reason="unplugged"))
    m.apply(DeviceRestored(t_s=8.0, source="mic"))  # the agent's mic says nothing about the customer
    assert m.view() == View(IndicatorState.FRUSTRATED, Trend.STEADY)
