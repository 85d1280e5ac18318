"""What the indicator shows, derived from runtime events. Pure Python (no Qt) so the rules are easy to test.

Precedence, most important first: paused > device lost > tone off (site policy) > analysis unavailable >
no call > declined > waiting for the caller notice (the agent's to give, or the IVR's) > listening > tone.
A lost device, a paused analysis or a caller who was not told must never be mistaken for a calm customer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from device.events import (
    AnalysisUnavailable,
    CallEnded,
    CallStarted,
    DeviceLost,
    DeviceRestored,
    Event,
    NoticeChanged,
    PauseChanged,
    SourceFailed,
    ToneChanged,
    ToneSample,
    ToneState,
    Trend,
)


class IndicatorState(StrEnum):
    NO_CALL = "no_call"
    LISTENING = "listening"
    PAUSED = "paused"
    UNAVAILABLE = "unavailable"
    DEVICE_LOST = "device_lost"
    CALM = "calm"
    UNEASY = "uneasy"
    FRUSTRATED = "frustrated"
    WAITING_NOTICE = "waiting_notice"  # in a call, the caller not yet told: no tone analysis
    WAITING_IVR = "waiting_ivr"  # the same, in [notice] mode "ivr": the phone system tells the caller
    DECLINED = "declined"  # the caller declined: no tone analysis for the rest of the call
    TONE_OFF = "tone_off"  # IT switched tone analysis off for the site

    @property
    def is_tone(self) -> bool:
        return self in (IndicatorState.CALM, IndicatorState.UNEASY, IndicatorState.FRUSTRATED)


_TONE_TO_STATE = {
    ToneState.CALM: IndicatorState.CALM,
    ToneState.UNEASY: IndicatorState.UNEASY,
    ToneState.FRUSTRATED: IndicatorState.FRUSTRATED,
}


@dataclass(frozen=True)
class View:
    """One rendering of the indicator: the state and, for tone states, the trend."""

    state: IndicatorState
    trend: Trend = Trend.STEADY


@dataclass
class IndicatorModel:
    """Folds runtime events into what the agent sees. ``apply`` returns True when the view changed."""

    in_call: bool = False
    paused: bool = False
    unavailable_reason: str | None = None
    lost_sources: set[str] = field(default_factory=set)
    tone: ToneState | None = None
    trend: Trend = Trend.STEADY
    last_t_s: float = 0.0
    notice_mode: str = ""  # the policy's [notice] mode: "ivr"/"agent" wait for the notice at call start
    tone_enabled: bool = True  # False: IT switched tone analysis off for the site
    notice: str = ""  # this call's notice state (device.notice.NoticeState values)

    def view(self) -> View:
        if self.paused:
            return View(IndicatorState.PAUSED)
        if self.lost_sources:
            return View(IndicatorState.DEVICE_LOST)
        if not self.tone_enabled or self.notice == "tone_off":
            return View(IndicatorState.TONE_OFF)
        if self.unavailable_reason is not None:
            return View(IndicatorState.UNAVAILABLE)
        if not self.in_call:
            return View(IndicatorState.NO_CALL)
        if self.notice == "declined":
            return View(IndicatorState.DECLINED)
        if self.notice == "waiting":  # the agent must act only in "agent" mode: say who tells the caller
            ivr = self.notice_mode == "ivr"
            return View(IndicatorState.WAITING_IVR if ivr else IndicatorState.WAITING_NOTICE)
        if self.tone is None:
            return View(IndicatorState.LISTENING)
        return View(_TONE_TO_STATE[self.tone], self.trend)

    def apply(self, event: Event) -> bool:
        before = self.view()
        self.last_t_s = max(self.last_t_s, event.t_s)
        if isinstance(event, CallStarted):
            self.in_call, self.tone, self.trend = True, None, Trend.STEADY
            # waiting at once (the pipeline's NoticeChanged follows): no "listening" flash before it
            asks = self.tone_enabled and self.notice_mode in ("ivr", "agent")
            self.notice = "waiting" if asks else ""
        elif isinstance(event, CallEnded):
            self.in_call, self.tone, self.trend, self.notice = False, None, Trend.STEADY, ""
        elif isinstance(event, NoticeChanged):
            if not event.state.startswith("armed"):
                self.notice = event.state
                if event.state == "declined":
                    self.tone, self.trend = None, Trend.STEADY  # nothing of the declined call's tone stays
        elif isinstance(event, ToneChanged | ToneSample) and self.notice != "declined":
            self.in_call = True
            if (
                self.notice == "waiting"
            ):  # tone reaches the UI only once the notice is given (the runtime's gate)
                self.notice = "given"
            if isinstance(event, ToneChanged):
                self.tone, self.trend = event.state, event.trend
            elif self.tone is None:
                self.tone = event.state
        elif isinstance(event, PauseChanged):
            self.paused = event.paused
        elif isinstance(event, DeviceLost | SourceFailed):
            self.lost_sources.add(event.source)
        elif isinstance(event, DeviceRestored):
            self.lost_sources.discard(event.source)
            if event.source == "far_end":  # the tone and trend from before the gap are stale: listen anew
                self.tone, self.trend = None, Trend.STEADY
        elif isinstance(event, AnalysisUnavailable):
            self.unavailable_reason = event.reason or "unavailable"
        return self.view() != before
