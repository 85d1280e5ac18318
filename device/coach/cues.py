"""Delivery cues: observable facts about the agent's own speech, shown only to the agent.

Never an inferred emotion (EU AI Act Art. 5(1)(f)): only overlap, talk time, syllable rate and level relative
to the agent's own baseline in this call, and silence. The baselines live only for the call (``start_call``
forgets them) and nothing here is stored or exported.
"""

from __future__ import annotations

from statistics import median

from device.coach.events import CueKind, DeliveryCue
from device.coach.settings import CoachSettings
from device.coach.talk import TalkTracker
from device.events import AgentDelivery, Side

MIN_WINDOW_SPEECH_S = 2.0  # a delivery window with less agent speech than this says nothing about delivery


class CueRules:
    """Per-call cue state. ``Coach`` calls it only during a call and not while paused."""

    def __init__(self, settings: CoachSettings) -> None:
        self.configure(settings)
        self.start_call(0.0)

    def configure(self, settings: CoachSettings) -> None:
        self.s = settings
        self._enabled = {
            CueKind.TALK_OVER: settings.cue_talk_over_enabled,
            CueKind.TALK_SHARE: settings.cue_talk_share_enabled,
            CueKind.PACE_FAST: settings.cue_pace_enabled,
            CueKind.LOUD: settings.cue_loudness_enabled,
            CueKind.SILENCE: settings.cue_silence_enabled,
        }

    def start_call(self, t_s: float) -> None:
        self._rates: list[float] = []
        self._levels: list[float] = []
        self._last_shown: dict[CueKind, float] = {}
        self._last_any_s: float | None = None
        self._count = 0
        self._overlap_done = False  # the current talk-over stretch has had its cue (or tip)
        self._silence_done = False

    def talk_over_handled(self) -> None:
        """A 'let them finish' tip covered this talk-over; no cue on top of it."""
        self._overlap_done = True

    def tick(self, t_s: float, talk: TalkTracker) -> list[DeliveryCue]:
        out: list[DeliveryCue] = []
        overlap = talk.overlap_s(t_s)
        if overlap == 0.0:
            self._overlap_done = False
        elif overlap > self.s.cue_overlap_s and not self._overlap_done:
            self._overlap_done = True
            out += self._fire(CueKind.TALK_OVER, t_s, overlap, self.s.cue_overlap_s, "s")

        silence = talk.silence_s(t_s)
        if silence == 0.0:
            self._silence_done = False
        elif silence >= self.s.cue_silence_s and not self._silence_done:
            self._silence_done = True
            out += self._fire(CueKind.SILENCE, t_s, silence, self.s.cue_silence_s, "s")

        if talk.covered_s(t_s) >= talk.window_s:
            agent, customer = talk.talk_s(Side.AGENT, t_s), talk.talk_s(Side.CUSTOMER, t_s)
            if agent + customer >= self.s.cue_talk_share_min_speech_s:
                share = agent / (agent + customer)
                if share > self.s.cue_talk_share_max:
                    out += self._fire(CueKind.TALK_SHARE, t_s, share, self.s.cue_talk_share_max, "share")
        return out

    def on_delivery(self, ev: AgentDelivery, t_s: float) -> list[DeliveryCue]:
        if ev.speech_s < MIN_WINDOW_SPEECH_S:
            return []
        out: list[DeliveryCue] = []
        if len(self._rates) >= self.s.cue_baseline_min_windows:
            base_rate, base_level = median(self._rates), median(self._levels)
            if base_rate > 0 and ev.syllables_per_s > base_rate * (1.0 + self.s.cue_pace_rel):
                out += self._fire(CueKind.PACE_FAST, t_s, ev.syllables_per_s, base_rate, "syl/s")
            if ev.level_dbfs > base_level + self.s.cue_loudness_db:
                out += self._fire(CueKind.LOUD, t_s, ev.level_dbfs, base_level, "dBFS")
        self._rates.append(ev.syllables_per_s)
        self._levels.append(ev.level_dbfs)
        return out

    def _fire(self, cue: CueKind, t_s: float, value: float, reference: float, unit: str) -> list[DeliveryCue]:
        s = self.s
        if not (s.delivery_cues_enabled and self._enabled[cue]) or self._count >= s.cues_per_call_max:
            return []
        last = self._last_shown.get(cue)
        if last is not None and t_s - last < s.cue_cooldown_s:
            return []
        if self._last_any_s is not None and t_s - self._last_any_s < s.cue_min_gap_s:
            return []
        self._last_shown[cue] = t_s
        self._last_any_s = t_s
        self._count += 1
        return [
            DeliveryCue(
                t_s=t_s,
                cue=cue,
                value=round(value, 3),
                reference=round(reference, 3),
                unit=unit,
                display_s=s.cue_display_s,
            )
        ]
