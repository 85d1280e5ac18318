"""Commands for the pipeline thread: from any thread now (``put``), or at stream times (``schedule``, the
CTI timeline of ``lugn replay --cti``). Both are applied on the pipeline thread, between frames, so a command
never lands in the middle of a frame's analysis.

A scheduled command takes effect for the first frame that ends after its time, except a notice: it opens the
tone gate only for frames that start at or after its time, so not one sample from before the caller was told
reaches the tone model.
"""

from __future__ import annotations

import queue
from collections.abc import Iterator, Sequence

COMMANDS = ("pause", "resume", "call_start", "call_end", "notice_given", "declined", "call_start_noticed")


class CommandQueue:
    def __init__(self, maxsize: int = 64) -> None:
        self._queue: queue.Queue[str] = queue.Queue(maxsize=maxsize)
        self._schedule: list[tuple[float, str]] = []
        self.left: list[tuple[float, str]] = []  # scheduled after the end of the stream: never applied
        self.dropped = 0  # commands refused because the queue was full

    def put(self, name: str) -> bool:
        try:
            self._queue.put_nowait(name)
            return True
        except queue.Full:
            self.dropped += 1
            return False

    def drain(self) -> Iterator[str]:
        while True:
            try:
                yield self._queue.get_nowait()
            except queue.Empty:
                return

    def schedule(self, actions: Sequence[tuple[float, str]]) -> None:
        unknown = sorted({name for _, name in actions} - set(COMMANDS))
        if unknown:
            raise ValueError(f"unknown pipeline command(s): {', '.join(unknown)}")
        self._schedule = sorted(actions, key=lambda a: a[0])

    @property
    def scheduled(self) -> bool:
        return bool(self._schedule)

    def due(
        self, frame_start_t: float, frame_end_t: float, at_end: bool = False
    ) -> Iterator[tuple[float, str]]:
        """The scheduled commands to apply before the frame ``[frame_start_t, frame_end_t)``, in order; at the
        end of the stream (``at_end``) also those at exactly its end, and the rest are kept in ``left``."""
        while self._schedule:
            t, name = self._schedule[0]
            due = t <= frame_start_t if name == "notice_given" else t < frame_end_t
            if not (due or (at_end and t <= frame_end_t)):
                break
            self._schedule.pop(0)
            yield t, name
        if at_end:
            self.left, self._schedule = self._schedule, []
