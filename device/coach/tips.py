"""Empathy tips: when the customer's frustration is sustained, one short tip that fits the moment.

Moments (each offers tips in order of preference; the first one that is allowed shows):
- onset: frustration became sustained (``tip_sustain_s`` over the threshold without a break, or the rolling
  average over ``tip_rolling_window_s`` over it): let_finish if the agent just talked over the customer, else
  acknowledge (apologise first when frustration came back after it had eased once in this call);
- talk-over: the agent talks over an upset customer: let_finish;
- persist: the frustrated stretch has lasted ``tip_persist_s``: solution_focus;
- eased: the customer goes from frustrated to uneasy, or the trend turns to falling: thank.

Rate limits: per-kind cooldown, a gap between any two tips, a per-call cap; a dismissed kind rests for the
rest of the call; never a tip while the customer sounds calm.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from device.coach.events import TipDismissed, TipKind, TipShown
from device.coach.settings import CoachSettings
from device.events import ToneChanged, ToneSample, ToneState, Trend

_PENDING_S = 15.0  # a moment that could not show at once (gap between tips) may still show this long after


@dataclass
class _Moment:
    name: str
    candidates: tuple[TipKind, ...]
    expires_s: float
    episode: int  # the frustrated stretch it belongs to (-1: none)


class TipRules:
    """Per-call tip state. ``Coach`` calls it only during a call and not while paused."""

    def __init__(self, settings: CoachSettings, threshold: float | None) -> None:
        self.configure(settings, threshold)
        self.start_call(0.0)

    def configure(self, settings: CoachSettings, threshold: float | None) -> None:
        self.s = settings
        override = settings.tip_score_threshold
        self.threshold = override if override is not None else threshold
        self._allowed = frozenset(TipKind(k) for k in settings.tip_kinds)

    # --- lifecycle ------------------------------------------------------------------------------------------
    def start_call(self, t_s: float) -> None:
        self.state = ToneState.CALM
        self._over_since: float | None = None
        self._rolling: deque[tuple[float, float, bool]] = deque()  # (t_s, score, over)
        self._episode = 0  # number of the current/last frustrated stretch
        self._onset_s: float | None = None  # set while a frustrated stretch is active
        self._eased_once = False
        self._persist_done = False
        self._saw_frustrated = False
        self._pending: list[_Moment] = []
        self._last_shown: dict[TipKind, float] = {}
        self._last_any_s: float | None = None
        self._dismissed: set[TipKind] = set()
        self.shown: list[TipKind] = []

    def interrupt(self) -> None:
        """Analysis stopped (pause, device lost): frustration must be sustained afresh."""
        self._over_since = None
        self._rolling.clear()
        self._pending.clear()

    @property
    def active(self) -> bool:
        return self._onset_s is not None

    # --- inputs ---------------------------------------------------------------------------------------------
    def on_sample(self, ev: ToneSample, t_s: float, overlapped_recently: bool) -> list[TipShown]:
        self.state = ev.state
        over = ev.score >= self.threshold if self.threshold is not None else ev.state is ToneState.FRUSTRATED
        if over:
            if self._over_since is None:
                self._over_since = t_s
        else:
            self._over_since = None
        self._rolling.append((t_s, ev.score, over))
        lo = t_s - self.s.tip_rolling_window_s
        while self._rolling and self._rolling[0][0] < lo:
            self._rolling.popleft()

        sustained = self._sustained(t_s)
        if sustained and not self.active:
            self._begin_episode(t_s, overlapped_recently)
        onset = self._onset_s
        if onset is not None and sustained and not self._persist_done and t_s - onset >= self.s.tip_persist_s:
            self._persist_done = True  # still frustrated, heard just now, a while after the onset
            self._add("persist", (TipKind.SOLUTION_FOCUS,), t_s, expires_s=float("inf"))
        if ev.state is ToneState.FRUSTRATED:
            self._saw_frustrated = True
        # A stretch that reached the displayed 'frustrated' state ends with its ToneChanged (so 'thank' can
        # follow); one that only ever crossed the rolling average ends quietly when it no longer holds.
        if self.active and ev.state is ToneState.CALM:
            self._end_episode(eased=True)
        elif self.active and not sustained and not self._saw_frustrated:
            self._end_episode(eased=False)
        return self.tick(t_s)

    def on_changed(self, ev: ToneChanged, t_s: float) -> list[TipShown]:
        self.state = ev.state
        if self.active:
            if ev.previous is ToneState.FRUSTRATED and ev.state is ToneState.UNEASY:
                self._end_episode(eased=True)
                self._add("eased", (TipKind.THANK,), t_s)
            elif ev.state is ToneState.CALM:
                self._end_episode(eased=True)  # eased all the way; no tip while calm
            elif ev.trend is Trend.FALLING:
                self._add("eased", (TipKind.THANK,), t_s)
        if ev.state is ToneState.CALM:
            self._over_since = None
            self._pending.clear()
        return self.tick(t_s)

    def on_talk_over(self, t_s: float) -> list[TipShown]:
        """The agent has been talking over the customer for the talk-over time."""
        if self.active:  # an upset customer: frustration is sustained
            self._add("talk_over", (TipKind.LET_FINISH,), t_s, expires_s=t_s + self.s.tip_overlap_recent_s)
        return self.tick(t_s)

    def dismiss(self, tip: TipKind, t_s: float) -> list[TipDismissed]:
        if tip not in self.shown or tip in self._dismissed:
            return []
        self._dismissed.add(tip)
        return [TipDismissed(t_s=t_s, tip=tip)]

    def tick(self, t_s: float) -> list[TipShown]:
        """Advance time: show pending moments once the gap between tips allows."""
        out: list[TipShown] = []
        keep: list[_Moment] = []
        for m in self._pending:
            if t_s > m.expires_s or (m.name == "persist" and (not self.active or m.episode != self._episode)):
                continue
            if out:  # one tip per instant
                keep.append(m)
                continue
            verdict = self._choose(m.candidates, t_s)
            if isinstance(verdict, TipKind):
                out.append(self._show(verdict, t_s))
            elif verdict == "wait":
                keep.append(m)
        self._pending = keep
        return out

    # --- internals ------------------------------------------------------------------------------------------
    def _sustained(self, t_s: float) -> bool:
        if self._over_since is not None and t_s - self._over_since >= self.s.tip_sustain_s:
            return True
        if len(self._rolling) < self.s.tip_rolling_min_samples:
            return False
        if t_s - self._rolling[0][0] < self.s.tip_sustain_s:  # the window must span some real time
            return False
        if self.threshold is not None:
            mean = sum(r[1] for r in self._rolling) / len(self._rolling)
            return mean >= self.threshold
        return sum(1 for r in self._rolling if r[2]) / len(self._rolling) >= 0.5

    def _begin_episode(self, t_s: float, overlapped_recently: bool) -> None:
        self._episode += 1
        self._onset_s = t_s
        self._persist_done = False
        self._saw_frustrated = self.state is ToneState.FRUSTRATED
        first: tuple[TipKind, ...] = (TipKind.LET_FINISH,) if overlapped_recently else ()
        later = (TipKind.APOLOGISE, TipKind.ACKNOWLEDGE) if self._eased_once else (TipKind.ACKNOWLEDGE,)
        self._add("onset", first + later, t_s)

    def _end_episode(self, eased: bool) -> None:
        self._onset_s = None
        self._over_since = None
        self._rolling.clear()
        self._pending = [m for m in self._pending if m.name == "eased"]
        if eased:
            self._eased_once = True

    def _add(
        self, name: str, candidates: tuple[TipKind, ...], t_s: float, expires_s: float | None = None
    ) -> None:
        if any(m.name == name for m in self._pending):
            return
        exp = t_s + _PENDING_S if expires_s is None else expires_s
        self._pending.append(_Moment(name, candidates, exp, self._episode))

    def _choose(self, candidates: tuple[TipKind, ...], t_s: float) -> TipKind | str:
        """The first allowed tip kind, or ``"wait"`` (only the gap between tips blocks) or ``"drop"``."""
        s = self.s
        if not s.tips_enabled or self.state is ToneState.CALM or len(self.shown) >= s.tips_per_call_max:
            return "drop"
        usable = [
            k
            for k in candidates
            if k in self._allowed
            and k not in self._dismissed
            and (k not in self._last_shown or t_s - self._last_shown[k] >= s.tip_cooldown_s)
        ]
        if not usable:
            return "drop"
        if self._last_any_s is not None and t_s - self._last_any_s < s.tip_min_gap_s:
            return "wait"
        return usable[0]

    def _show(self, tip: TipKind, t_s: float) -> TipShown:
        self._last_shown[tip] = t_s
        self._last_any_s = t_s
        self.shown.append(tip)
        return TipShown(t_s=t_s, tip=tip, display_s=self.s.tip_display_s, tip_number=len(self.shown))
