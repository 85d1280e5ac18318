"""From raw per-window frustration scores to the state a person sees: calm / uneasy / frustrated.

An exponential average in stream time (quick to rise, slower to fall), thresholds with hysteresis, patience
(the new state must be what the scores say for a while: short to escalate, none when the average is far above
the threshold, longer to relax) and a minimum dwell between two changes, so the indicator is steady on steady
input and still turns "frustrated" on the first window that is clearly angry.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

from device.events import ToneChanged, ToneSample, ToneState, Trend

_ORDER = {ToneState.CALM: 0, ToneState.UNEASY: 1, ToneState.FRUSTRATED: 2}


@dataclass(frozen=True)
class SmoothingParams:
    frustrated_at: float = 0.5  # the model's operating point on frustration
    uneasy_at: float = 0.3
    hysteresis: float = 0.1  # a state is left only this far below its entry threshold
    tau_up_s: float = 0.4  # time constants of the exponential average (stream seconds): quick to rise,
    tau_down_s: float = 1.2  # slower to fall
    patience_up_s: float = 0.4  # escalation: scores must point higher for this long ...
    confident_margin: float = 0.2  # ... unless the average is this far above the frustrated threshold
    patience_down_s: float = 2.0  # relaxing: scores must point lower for this long
    min_dwell_s: float = 5.0  # relaxing waits this long after the last change (no flicker) ...
    escalation_dwell_s: float = 0.0  # ... escalating only this long (until 7 Dec: 5 s, as relaxing)
    trend_window_s: float = 6.0
    trend_delta: float = 0.08

    @classmethod
    def for_threshold(cls, threshold: float) -> SmoothingParams:
        """Bands scaled to the model's operating point t (``ToneModel.threshold``): uneasy from 0.6 t,
        hysteresis 0.25 t, escalation without patience from t + 0.4 (1 - t)."""
        t = min(max(threshold, 0.05), 0.95)
        return cls(frustrated_at=t, uneasy_at=0.6 * t, hysteresis=0.25 * t, confident_margin=0.4 * (1.0 - t))


class ToneSmoother:
    """Streaming: ``process(t_s, frustration, arousal, valence)`` per model window; owns its history."""

    def __init__(self, params: SmoothingParams | None = None) -> None:
        self.params = params or SmoothingParams()
        self.reset()

    def reset(self) -> None:
        self.state = ToneState.CALM
        self.score: float | None = None
        self._t_last: float | None = None
        self._t_changed: float | None = None
        self._pending_since: float | None = None
        self._pending_dir = 0
        self._history: deque[tuple[float, float]] = deque()

    def target(self, score: float) -> ToneState:
        """The state the smoothed score points to, given the shown state (hysteresis)."""
        p = self.params
        up_f, up_u = p.frustrated_at, p.uneasy_at
        if self.state is ToneState.FRUSTRATED:
            up_f -= p.hysteresis
        if self.state in (ToneState.FRUSTRATED, ToneState.UNEASY):
            up_u -= p.hysteresis
        if score >= up_f:
            return ToneState.FRUSTRATED
        if score >= up_u:
            return ToneState.UNEASY
        return ToneState.CALM

    def process(
        self, t_s: float, frustration: float, arousal: float = 0.0, valence: float = 0.0
    ) -> tuple[ToneSample, ToneChanged | None]:
        p = self.params
        if self.score is None or self._t_last is None:
            self.score = frustration
        else:
            tau = p.tau_up_s if frustration > self.score else p.tau_down_s
            alpha = 1.0 - math.exp(-max(t_s - self._t_last, 0.0) / tau)
            self.score += alpha * (frustration - self.score)
        self._t_last = t_s
        self._history.append((t_s, self.score))
        while self._history and t_s - self._history[0][0] > p.trend_window_s:
            self._history.popleft()

        changed: ToneChanged | None = None
        target = self.target(self.score)
        direction = _ORDER[target] - _ORDER[self.state]
        if direction == 0:
            self._pending_since, self._pending_dir = None, 0
        else:
            # The patience clock runs while the target stays on the same side and gets no weaker: a target
            # further away keeps the clock (escalating anger), one that falls back restarts it (a spike).
            if (
                self._pending_since is None
                or direction * self._pending_dir <= 0
                or abs(direction) < abs(self._pending_dir)
            ):
                self._pending_since = t_s
            self._pending_dir = direction
            sign = 1 if direction > 0 else -1
            patience = p.patience_up_s if sign > 0 else p.patience_down_s
            if target is ToneState.FRUSTRATED and self.score >= p.frustrated_at + p.confident_margin:
                patience = 0.0
            dwelt = self._t_changed is None or t_s - self._t_changed >= self.dwell(sign)
            if t_s - self._pending_since >= patience and dwelt:
                previous, self.state = self.state, target
                self._t_changed = t_s
                self._pending_since, self._pending_dir = None, 0
                changed = ToneChanged(
                    t_s=t_s, state=target, previous=previous, score=round(self.score, 4), trend=self.trend()
                )
        sample = ToneSample(
            t_s=t_s,
            score=round(self.score, 4),
            raw_score=round(frustration, 4),
            arousal=round(arousal, 4),
            valence=round(valence, 4),
            state=self.state,
        )
        return sample, changed

    def dwell(self, sign: int) -> float:
        """How long after the last change a change in direction ``sign`` (+1 up, -1 down) must wait.

        The dwell is there so the indicator does not flicker; a flicker needs a step down, and every step
        down still waits ``min_dwell_s``. A step up waits only for its patience (and hysteresis), so
        "uneasy" never holds back "frustrated" (see the model card, "Turn ends and escalation")."""
        return self.params.escalation_dwell_s if sign > 0 else self.params.min_dwell_s

    def trend(self) -> Trend:
        if len(self._history) < 2:
            return Trend.STEADY
        delta = self._history[-1][1] - self._history[0][1]
        if delta > self.params.trend_delta:
            return Trend.RISING
        if delta < -self.params.trend_delta:
            return Trend.FALLING
        return Trend.STEADY
