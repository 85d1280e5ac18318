"""The coach: runtime events in, coaching events out.

Pure and deterministic: no Qt, no I/O, no wall clock. Time comes only from the events' ``t_s`` (stream
seconds; ``Heartbeat`` moves it on in silence). Events must arrive in stream order; an event or user action
stamped earlier than the latest one seen is treated as happening at that latest time (the UI stamps user
actions with the last stream time it saw, which may lag by a moment).
"""

from __future__ import annotations

from device.coach.breathing import BreathingRules
from device.coach.cues import CueRules
from device.coach.events import BreathingOutcome, CallNote, CallNoteFaded, CoachEvent, TipKind, TipShown
from device.coach.settings import CoachSettings
from device.coach.talk import TalkTracker
from device.coach.tips import TipRules
from device.events import (
    AgentDelivery,
    AnalysisUnavailable,
    CallEnded,
    CallStarted,
    DeviceLost,
    Event,
    NoticeChanged,
    PauseChanged,
    SpeechActivity,
    ToneChanged,
    ToneSample,
    ToneState,
)


class Coach:
    """Feed every runtime event to ``process``; call the user-action methods from the UI.

    ``frustration_threshold`` is the tone model's operating point (``ToneModel.threshold``); the policy's
    ``coach.tip_score_threshold`` overrides it. Without either, a tone sample counts as frustrated when its
    smoothed state is ``frustrated``.
    """

    def __init__(
        self, settings: CoachSettings | None = None, frustration_threshold: float | None = None
    ) -> None:
        self.settings = settings or CoachSettings()
        self.frustration_threshold = frustration_threshold
        self.reset()

    def reset(self) -> None:
        """Forget everything (a new stream)."""
        s = self.settings
        self._tips = TipRules(s, self.frustration_threshold)
        self._cues = CueRules(s)
        self._breathing = BreathingRules(s)
        self._talk = TalkTracker(s.cue_talk_share_window_s)
        self._now = 0.0
        self.in_call = False
        self.paused = False
        self._call_start_s = 0.0
        self._state = ToneState.CALM
        self._state_since_s = 0.0
        self._frustrated_s = 0.0
        self._was_frustrated = False
        self._note_showing = False
        self._overlap_seen = False
        self._declined = False

    def update_settings(self, settings: CoachSettings) -> None:
        """New settings (the agent changed theirs, or the policy was reloaded): the next decisions use them.

        Cooldowns, counts and the running call are kept, so a settings change cannot reset the rate limits.
        """
        self.settings = settings
        self._tips.configure(settings, self.frustration_threshold)
        self._cues.configure(settings)
        self._breathing.s = settings
        self._talk.window_s = settings.cue_talk_share_window_s

    def new_shift(self, t_s: float) -> None:
        """Start a new shift: the per-shift and per-interval breathing limits start again."""
        self._clock(t_s)
        self._breathing.new_shift()

    @property
    def shift_breathing_offers(self) -> int:
        return self._breathing.shift_offers

    # --- runtime events -------------------------------------------------------------------------------------
    def process(self, event: Event) -> list[CoachEvent]:
        t = self._clock(event.t_s)
        out: list[CoachEvent] = []
        if isinstance(event, CallStarted):
            out += self._call_started(t)
        elif isinstance(event, CallEnded):
            out += self._call_ended(t)
        elif isinstance(event, PauseChanged):
            self.paused = event.paused
            if event.paused:
                self._tips.interrupt()
            else:  # nothing was observed while paused: silences and talk shares start afresh
                self._talk.reset(t)
        elif isinstance(event, AnalysisUnavailable | DeviceLost):
            self._tips.interrupt()
        elif isinstance(event, NoticeChanged) and event.state == "declined" and self.in_call:
            self._caller_declined(t)
        elif isinstance(event, SpeechActivity):
            self._talk.update(event.side, event.active, t)
        elif isinstance(event, ToneSample | ToneChanged):
            self._set_state(event.state, t)
            if self._live:
                if isinstance(event, ToneSample):
                    recent = self._talk.overlapped_within(t, self.settings.tip_overlap_recent_s)
                    out += self._tips.on_sample(event, t, recent)
                else:
                    out += self._tips.on_changed(event, t)
        elif isinstance(event, AgentDelivery) and self._live:
            out += self._cues.on_delivery(event, t)
        return out + self._tick(t)

    # --- user actions ---------------------------------------------------------------------------------------
    def dismiss(self, tip: TipKind | str, t_s: float) -> list[CoachEvent]:
        """One-key dismiss of the tip on screen; that tip kind rests for the rest of the call."""
        t = self._clock(t_s)
        return list(self._tips.dismiss(TipKind(tip), t))

    def request_breathing(self, t_s: float) -> list[CoachEvent]:
        """The agent asked for a breathing exercise (indicator or tray): always offered, never limited."""
        return self._breathing.request(self._clock(t_s))

    def breathing_result(self, outcome: BreathingOutcome | str, t_s: float) -> list[CoachEvent]:
        return self._breathing.result(BreathingOutcome(outcome), self._clock(t_s))

    # --- internals ------------------------------------------------------------------------------------------
    @property
    def _live(self) -> bool:
        return self.in_call and not self.paused

    def _clock(self, t_s: float) -> float:
        self._now = max(self._now, float(t_s))
        return self._now

    def _set_state(self, state: ToneState, t: float) -> None:
        if self.in_call and self._state is ToneState.FRUSTRATED:
            self._frustrated_s += t - max(self._state_since_s, self._call_start_s)
        if state is ToneState.FRUSTRATED and self.in_call:
            self._was_frustrated = True
        self._state, self._state_since_s = state, t

    def _tick(self, t: float) -> list[CoachEvent]:
        out: list[CoachEvent] = []
        if self._live:
            overlap = self._talk.overlap_s(t)
            if overlap == 0.0:
                self._overlap_seen = False
            if overlap > self.settings.cue_overlap_s:
                self._talk.mark_overlap(t)
            if overlap > self.settings.cue_overlap_s and not self._overlap_seen:
                self._overlap_seen = True
                tips = self._tips.on_talk_over(t)
                if any(isinstance(e, TipShown) and e.tip is TipKind.LET_FINISH for e in tips):
                    self._cues.talk_over_handled()
                out += tips
            else:
                out += self._tips.tick(t)
            out += self._cues.tick(t, self._talk)
        out += self._breathing.tick(t, self.in_call)
        return out

    def _call_started(self, t: float) -> list[CoachEvent]:
        if self.in_call:
            return []
        out: list[CoachEvent] = []
        if self._note_showing:
            self._note_showing = False
            out.append(CallNoteFaded(t_s=t))
        out += self._breathing.on_call_started(t)
        self.in_call = True
        self._call_start_s = t
        self._frustrated_s = 0.0
        self._was_frustrated = False
        self._declined = False
        self._state, self._state_since_s = ToneState.CALM, t
        self._tips.start_call(t)
        self._cues.start_call(t)
        self._talk.reset(t)
        return out

    def _caller_declined(self, t: float) -> None:
        """The caller declined: the tone of this call is forgotten (no tips, no frustrated time, no hard-call
        breathing offer from it); delivery cues about the agent's own speech go on."""
        self._declined = True
        self._tips.interrupt()
        self._tips.start_call(t)
        self._frustrated_s, self._was_frustrated = 0.0, False
        self._state, self._state_since_s = ToneState.CALM, t

    def _call_ended(self, t: float) -> list[CoachEvent]:
        if not self.in_call:
            return []
        final_state = self._state
        self._set_state(ToneState.CALM, t)  # closes the frustrated time
        frustrated_s, call_s = self._frustrated_s, max(0.0, t - self._call_start_s)
        eased = None if not self._was_frustrated else final_state is not ToneState.FRUSTRATED
        shown = tuple(self._tips.shown)
        self.in_call = False
        self._talk.reset(t)
        self._tips.start_call(t)  # nothing about the call is kept beyond it
        self._cues.start_call(t)
        out: list[CoachEvent] = []
        if self.settings.call_note_enabled:
            self._note_showing = True
            out.append(
                CallNote(
                    t_s=t,
                    call_s=round(call_s, 1),
                    frustrated_s=round(frustrated_s, 1),
                    eased=eased,
                    tips_shown=shown,
                    declined=self._declined,
                )
            )
        out += self._breathing.on_call_ended(t, call_s, frustrated_s)
        return out
