"""Commands for the pipeline thread: from any thread now (``put``), or at stream times (``schedule``, the
CTI timeline of ``lugn replay --cti``). Both are applied on the pipeline thread, between frames, so a command
never lands in the middle of a frame's analysis.

A scheduled command takes effect for the first frame that ends after its time, except a notice: it opens the
tone gate only for frames that start at or after its time, so not one sample from before the caller was told
reaches the tone model.

``PipelineCommands`` is the pipeline's side of it: the verbs (``pause()``, ``notice_given()``, ``schedule()``,
…) that the runtime, the control socket and the UI call.
"""

from __future__ import annotations

import queue
import threading
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


class PipelineCommands:
    """The pipeline's control verbs, callable from any thread: each only queues its command (False when the
    queue is full), and the pipeline thread applies it between frames. Kept beside the queue so that the
    verbs and ``COMMANDS`` are read together; ``device.pipeline.Pipeline`` supplies ``_commands`` and
    ``_thread``."""

    _commands: CommandQueue
    _thread: threading.Thread | None

    def pause(self) -> bool:
        return self._command("pause")

    def resume(self) -> bool:
        return self._command("resume")

    def call_start(self) -> bool:
        return self._command("call_start")

    def call_end(self) -> bool:
        return self._command("call_end")

    def notice_given(self) -> bool:
        return self._command("notice_given")

    def declined(self) -> bool:
        return self._command("declined")

    def call_start_noticed(self) -> bool:
        """A call starts and the caller was already told (the IVR's ``lugn call start --notice-given``)."""
        return self._command("call_start_noticed")

    def schedule(self, actions: list[tuple[float, str]]) -> None:
        """CTI actions ``(t_s, command)`` at those stream times (``lugn replay --cti``); before start."""
        if self._thread is not None:
            raise RuntimeError("schedule CTI actions before the pipeline starts")
        self._commands.schedule(actions)

    @property
    def schedule_left(self) -> list[tuple[float, str]]:
        """Scheduled actions after the end of the stream (never applied)."""
        return self._commands.left

    @property
    def commands_dropped(self) -> int:
        return self._commands.dropped

    def _command(self, name: str) -> bool:
        """Every verb goes through here (one place to watch them: the UI tests do)."""
        return self._commands.put(name)
