"""The caller-notice gate as a stage of the runtime's event stream, in front of the coach and the metrics.

The real gate is in the pipeline (``device.notice.NoticeGate``): the tone model hears no customer audio before
the notice or after a decline, so no tone event can arise then. This stage is the second lock on the same
door: it follows the notice state from the stream (``NoticeChanged``, ``CallEnded``) and drops any tone event
that arrives while the call's notice is not given (``blocked`` counts them; a test requires it to stay 0 on
real audio). So the coach, the metrics and every front end see the notice state and never see tone data of
a caller who was not told or who declined.
"""

from __future__ import annotations

from device.events import CallEnded, NoticeChanged, ToneChanged, ToneSample
from device.notice import HELD_STATES, NoticeState


class NoticeStage:
    def __init__(self) -> None:
        self.state = NoticeState.NO_CALL
        self.mode = ""
        self.blocked = 0

    def process(self, item: object) -> list[object]:
        if isinstance(item, NoticeChanged):
            if item.state not in (NoticeState.ARMED_GIVEN, NoticeState.ARMED_DECLINED):
                self.state = NoticeState(item.state)
            self.mode = item.mode
        elif isinstance(item, CallEnded):
            self.state = NoticeState.NO_CALL
        elif isinstance(item, ToneSample | ToneChanged) and self.state in HELD_STATES:
            self.blocked += 1
            return []
        return [item]
