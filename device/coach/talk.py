"""Who is speaking, and since when: per-side speech intervals from ``SpeechActivity`` events.

Only what was observed: start and end times of speech on each side during the current call. Nothing is kept
beyond the call (``reset`` at call start and end).
"""

from __future__ import annotations

from collections import deque

from device.events import Side


class TalkTracker:
    """Per-side speech intervals over a bounded window, the current overlap and the current silence."""

    def __init__(self, window_s: float) -> None:
        self.window_s = window_s
        self._since: dict[Side, float | None] = {Side.AGENT: None, Side.CUSTOMER: None}
        self._done: dict[Side, deque[tuple[float, float]]] = {Side.AGENT: deque(), Side.CUSTOMER: deque()}
        self._last_speech_end_s: float | None = None
        self._last_overlap_s: float | None = None  # when a talk-over (>= threshold) was last seen
        self._origin_s = 0.0

    def reset(self, t_s: float) -> None:
        for side in Side:
            self._since[side] = None
            self._done[side].clear()
        self._last_speech_end_s = None
        self._last_overlap_s = None
        self._origin_s = t_s

    def update(self, side: Side, active: bool, t_s: float) -> None:
        since = self._since[side]
        if active and since is None:
            self._since[side] = t_s
        elif not active and since is not None:
            self._done[side].append((since, t_s))
            self._since[side] = None
            if not self.anyone_speaking():
                self._last_speech_end_s = t_s
        self._prune(t_s)

    def speaking(self, side: Side) -> bool:
        return self._since[side] is not None

    def anyone_speaking(self) -> bool:
        return any(v is not None for v in self._since.values())

    def overlap_s(self, t_s: float) -> float:
        """Seconds both sides have been speaking at once, now (0 when not both)."""
        a, c = self._since[Side.AGENT], self._since[Side.CUSTOMER]
        if a is None or c is None:
            return 0.0
        return max(0.0, t_s - max(a, c))

    def mark_overlap(self, t_s: float) -> None:
        self._last_overlap_s = t_s

    def overlapped_within(self, t_s: float, recent_s: float) -> bool:
        return self._last_overlap_s is not None and t_s - self._last_overlap_s <= recent_s

    def silence_s(self, t_s: float) -> float:
        """Seconds since anyone last spoke in this call (counted from the call start if nobody has)."""
        if self.anyone_speaking():
            return 0.0
        start = self._last_speech_end_s if self._last_speech_end_s is not None else self._origin_s
        return max(0.0, t_s - start)

    def talk_s(self, side: Side, t_s: float) -> float:
        """Seconds of speech on ``side`` within the last ``window_s``."""
        lo = t_s - self.window_s
        total = sum(max(0.0, e - max(s, lo)) for s, e in self._done[side] if e > lo)
        since = self._since[side]
        if since is not None:
            total += max(0.0, t_s - max(since, lo))
        return total

    def covered_s(self, t_s: float) -> float:
        """How much of the window lies inside the tracked time (since the reset)."""
        return min(self.window_s, max(0.0, t_s - self._origin_s))

    def _prune(self, t_s: float) -> None:
        lo = t_s - self.window_s
        for side in Side:
            q = self._done[side]
            while q and q[0][1] <= lo:
                q.popleft()
