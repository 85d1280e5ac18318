"""The agent's actions without the keyboard focus: global shortcuts and ``lugn call …`` lead here.

Why: Lugn never takes the focus, so Esc on a tip card or Tab to the Pause button cannot work while the agent
types into the softphone. Every action is therefore reachable from any thread by name
(:meth:`AgentActions.call`): the hotkey thread and the control-socket thread queue it into the GUI thread,
where the app carries it out, and the control socket gets a reply saying what happened.

Actions: ``dismiss`` (the tip, else the breathing offer or guide, else the after-call note), ``toggle_pause``,
``pause``, ``resume``, ``breathe`` (start the offered exercise, else ask the coach for one), ``notice_given``
and ``declined`` (the caller notice, during a call; ``lugn call notice-given|declined`` go to the runtime
itself, so they work headless too), ``show`` (the indicator back on screen and on top: ``lugn call show``,
and a second ``lugn run``)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PyQt6.QtCore import QObject, Qt, QThread, pyqtSignal

from device.config import LugnConfig
from ui.agent.hotkeys import HotkeyBackend, chords_from, platform_backend

log = logging.getLogger(__name__)

ACTION_NAMES = ("dismiss", "toggle_pause", "pause", "resume", "breathe", "notice_given", "declined", "show")
# control-socket command -> action (``pause``/``resume`` stay with the pipeline, as before)
CONTROL_COMMANDS = {
    "dismiss": "dismiss", "breathe": "breathe", "toggle-pause": "toggle_pause", "show": "show"
}  # fmt: skip


class _App(Protocol):
    coaching: Any
    model: Any

    def toggle_pause(self) -> None: ...
    def request_breathing(self) -> list[Any]: ...
    def notice_given(self) -> bool: ...
    def declined(self) -> bool: ...
    def bring_to_front(self) -> str: ...


class AgentActions(QObject):
    """Runs named actions in the GUI thread, whoever asks. Owns the global shortcuts."""

    performed = pyqtSignal(str, object)  # action, result dict (GUI thread)
    _queued = pyqtSignal(str, object)  # action, (Event, result dict) for a waiting caller

    def __init__(
        self, app: _App, parent: QObject | None = None, backend: HotkeyBackend | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app
        self._queued.connect(self._run_queued, Qt.ConnectionType.QueuedConnection)  # type: ignore[call-arg]
        if backend is None:
            backend, self.backend_note = platform_backend()
        else:
            self.backend_note = backend.name
        self.backend = backend
        self.shortcut_status: dict[str, str] = {}
        self.shortcut_text: dict[str, str] = {}

    # -- doing
    # ------------------------------------------------------------------------------------------------
    def run(self, action: str) -> dict[str, Any]:
        """Carry out ``action`` now (GUI thread)."""
        if action not in ACTION_NAMES:
            return {"ok": False, "error": f"unknown action {action!r}; use one of: {', '.join(ACTION_NAMES)}"}
        out: dict[str, Any] = {"ok": True}
        coaching = self.app.coaching
        if action == "dismiss":
            closed = coaching.dismiss_top()
            out.update(ok=closed is not None, closed=closed)
            if closed is None:
                out["error"] = "nothing to dismiss"
        elif action in ("notice_given", "declined"):  # the caller notice (device.notice): the runtime's own
            in_call = bool(self.app.model.in_call)
            out.update(ok=in_call and bool(getattr(self.app, action)()), in_call=in_call)
            if not in_call:
                out["error"] = "no call in progress"
        elif action == "show":
            out["shown"] = self.app.bring_to_front()
        elif action == "breathe":
            state = coaching.breathe_key()
            if state is None:
                events = self.app.request_breathing()  # shown when the event reaches the GUI thread
                state = (
                    "offered" if any(type(e).__name__ == "BreathingOffered" for e in events) else "refused"
                )
            out.update(ok=state != "refused", breathing=state)
        else:
            want = {"pause": True, "resume": False}.get(action, not self.app.model.paused)
            if self.app.model.paused != want:
                self.app.toggle_pause()
            out["paused"] = bool(self.app.model.paused)
        self.performed.emit(action, out)
        return out

    def call(self, action: str, timeout_s: float = 2.0) -> dict[str, Any]:
        """Run ``action`` from any thread and wait for its result (control socket)."""
        if QThread.currentThread() is self.thread():
            return self.run(action)
        done = threading.Event()
        box: dict[str, Any] = {}
        self._queued.emit(action, (done, box))
        if not done.wait(timeout_s):
            return {"ok": False, "error": f"the agent UI did not answer within {timeout_s:g} s"}
        return box

    def trigger(self, action: str) -> None:
        """Run ``action`` soon in the GUI thread without waiting (a global shortcut's thread)."""
        self._queued.emit(action, None)

    def _run_queued(self, action: str, waiter: tuple[threading.Event, dict[str, Any]] | None) -> None:
        try:
            out = self.run(action)
        except Exception as exc:  # a failing action must not take the indicator down
            log.exception("action %s failed", action)
            out = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        if waiter is not None:
            done, box = waiter
            box.update(out)
            done.set()

    # -- the control socket
    # -----------------------------------------------------------------------------------
    def bind_control(self, runtime: Any) -> None:
        """Add ``dismiss``, ``breathe`` and ``toggle-pause`` to the runtime's control-socket commands."""
        if runtime is None or not hasattr(runtime, "add_control_action"):
            return
        for command, action in CONTROL_COMMANDS.items():
            runtime.add_control_action(command, self._control_handler(action))

    def _control_handler(self, action: str) -> Callable[[], dict[str, Any]]:
        return lambda: self.call(action)

    # -- global shortcuts
    # -------------------------------------------------------------------------------------
    def start_shortcuts(self, config: LugnConfig) -> dict[str, str]:
        """(Re)grab the configured shortcuts; per action "ok", "off" or the reason it does not work."""
        ui = config.ui
        wanted: Mapping[str, str] = {
            "dismiss": ui.shortcut_dismiss,
            "toggle_pause": ui.shortcut_pause,
            "breathe": ui.shortcut_breathe,
            "notice_given": ui.shortcut_notice,
            "declined": ui.shortcut_declined,
        }
        chords, status = chords_from(wanted)
        if self.backend is None:
            status.update({a: self.backend_note for a in chords})
        elif chords:
            status.update(self.backend.start(chords, self.trigger))
        else:
            self.backend.stop()
        self._report(status)
        self.shortcut_status = status
        self.shortcut_text = {a: str(c) for a, c in chords.items() if status.get(a) == "ok"}
        for shown_in in (getattr(self.app, "tray", None), getattr(self.app, "coaching", None)):
            if shown_in is not None and hasattr(shown_in, "set_shortcut_hints"):
                shown_in.set_shortcut_hints(self.shortcut_text)
        return status

    def _report(self, status: Mapping[str, str]) -> None:
        """One line for all the shortcuts that do not work (not one per action), and none offscreen (the
        demo, tests: no keyboard to press them), where ``lugn call …`` is the way anyway."""
        problems = {a: st for a, st in status.items() if st not in ("ok", "off")}
        if not problems:
            return
        reasons = set(problems.values())
        if len(reasons) == 1:
            text = f"{', '.join(problems)}: {reasons.pop()}"
        else:
            text = "; ".join(f"{a}: {why}" for a, why in problems.items())
        offscreen = self.backend is None and self.backend_note.startswith("no display (offscreen)")
        log.log(logging.INFO if offscreen else logging.WARNING, "global shortcuts %s", text)

    def stop(self) -> None:
        if self.backend is not None:
            self.backend.stop()
