"""When is there a call: far-end speech with a silence timeout, or explicit start/end from a softphone/CTI.

A call started over the control socket is ended only over the control socket (or at the end of the stream);
far-end silence ends only calls it started itself.
"""

from __future__ import annotations

from device.events import CallEnded, CallStarted, Event


class CallTracker:
    def __init__(self, auto_detection: bool = True, end_silence_s: float = 20.0) -> None:
        self.auto_detection = auto_detection
        self.end_silence_s = end_silence_s
        self.reset()

    def reset(self) -> None:
        self.in_call = False
        self.source = ""
        self._started_at = 0.0
        self._last_far_speech = 0.0

    def far_end(self, t_s: float, active: bool, onset: bool = False) -> list[Event]:
        """Feed per-frame debounced customer speech activity; may start or end an automatic call.

        Only an onset of far-end speech starts a call, so a call ended by CTI while the customer is still
        audible does not restart at once."""
        if active:
            self._last_far_speech = t_s
            if onset and not self.in_call and self.auto_detection:
                return [self._start(t_s, "auto")]
            return []
        if self.in_call and self.source == "auto" and t_s - self._last_far_speech >= self.end_silence_s:
            return [self._end(t_s, "auto")]
        return []

    def control_start(self, t_s: float) -> list[Event]:
        if self.in_call:
            if self.source == "control":
                return []
            # A CTI start during an automatically detected call takes the call over; no second CallStarted.
            self.source = "control"
            return []
        self._last_far_speech = t_s
        return [self._start(t_s, "control")]

    def control_end(self, t_s: float) -> list[Event]:
        return [self._end(t_s, "control")] if self.in_call else []

    def resume(self, t_s: float) -> None:
        """Analysis resumes after a pause: the pause was not far-end silence, so the call goes on (a pause
        longer than ``end_silence_s`` would otherwise end the call at once and start a second one)."""
        if self.in_call:
            self._last_far_speech = max(self._last_far_speech, t_s)

    def stream_end(self, t_s: float) -> list[Event]:
        if not self.in_call:
            return []
        return [self._end(t_s, "stream_end")]

    def _start(self, t_s: float, source: str) -> CallStarted:
        self.in_call, self.source, self._started_at = True, source, t_s
        return CallStarted(t_s=t_s, source=source)

    def _end(self, t_s: float, source: str) -> CallEnded:
        event = CallEnded(t_s=t_s, source=source, duration_s=round(t_s - self._started_at, 3))
        self.in_call, self.source = False, ""
        return event
