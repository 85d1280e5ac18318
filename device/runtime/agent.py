"""``AgentRuntime``: the agent on one seat, wired once. Every front end only attaches to it.

It owns the policy-resolved configuration, the audio source, the pipeline, the coach, the metrics service and
the control socket, and publishes ONE ordered stream of runtime and coaching events to its listeners (the
metrics service first, then the front ends: the Qt agent, the JSON-lines printer, the demo, the bench). So a
headless run and a UI run of the same recording see the same events and feed the same outbox.

Threads: the pipeline thread publishes runtime events; user actions (dismiss, breathing, pause) come from the
GUI thread and the control socket. Everything that touches the coach or the listeners runs under one lock, so
a listener sees one ordered stream and is never called concurrently. Listeners must be quick (the Qt front end
only posts into its GUI thread); one that raises is counted and logged, and the stream goes on.

The event path (``stages``): the caller-notice stage, then the coach. The notice gate itself sits in the
pipeline, before the tone scorer (``device.notice``); the stage drops any tone event of a call whose notice is
not given, so neither the coach, the metrics nor a front end sees one. User actions are methods here and
become control-socket commands by an entry in ``control_actions()``. The operation log (``device.oplog``)
listens right after the metrics and records start/stop, pause/resume, notice and errors for IT's audits.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from device.audio.source import AudioSource
from device.coach.events import BreathingOutcome, CoachEvent, TipKind
from device.config import LugnConfig
from device.events import CallEnded, Event, MetricsPaused, MetricsResumed
from device.metrics.health import MetricsHealth
from device.oplog import OperationLog
from device.pipeline import Pipeline
from device.runtime.coaching import CoachStage
from device.runtime.noticestage import NoticeStage

log = logging.getLogger(__name__)

Listener = Callable[[object], None]


class Stage(Protocol):
    """One step of the event path: an item in, the items to pass on out (none to drop or hold it)."""

    def process(self, item: object) -> list[object]: ...


class AgentRuntime:
    def __init__(
        self,
        source: AudioSource,
        settings: Any = None,
        *,
        models_dir: Path | None = None,
        metrics: Any = None,
        outbox_path: Path | None = None,
        control: bool = True,
        control_address: Path | None = None,
        listeners: Sequence[Listener] = (),
        oplog: OperationLog | bool | None = None,
        exclusive: bool = False,
    ) -> None:
        """``settings``: a ``device.policy.Effective`` (config + locks) or a bare ``LugnConfig``.
        ``metrics``: None = as the policy says, True/False = forced on/off, or a ``MetricsService`` that the
        caller owns (started and stopped by the caller). ``oplog``: None = as the policy says, False = none,
        or an ``OperationLog``. ``exclusive``: the live agent of this seat (``lugn run``): claims the seat
        lock first (``device.seatlock``) and raises ``AlreadyRunning`` if another agent holds it, before a
        model is loaded or a device opened."""
        self._seat: Any = None
        if exclusive:
            from device.seatlock import SeatLock, lock_path

            self._seat = SeatLock(lock_path(control_address)).acquire()
        self.effective = None if isinstance(settings, LugnConfig) else settings
        self.config: LugnConfig = (
            settings
            if isinstance(settings, LugnConfig)
            else getattr(settings, "config", None) or LugnConfig()
        )
        self.locked: frozenset[str] = frozenset(getattr(settings, "locked", frozenset()))
        self.safe_state = bool(getattr(settings, "safe_state", False))
        self.source = source
        self.models_dir = models_dir
        self._lock = threading.Lock()
        self._listeners: list[Listener] = list(listeners)
        self._notices: deque[MetricsHealth] = deque()
        self.last_t_s = 0.0
        self.listener_errors = 0
        self.problems: list[str] = []  # side paths that could not start (shown by the front ends)
        self.coach = CoachStage(self.config.coach)
        self.notice = NoticeStage()
        self.stages: list[Stage] = [self.notice, self.coach]
        self.oplog: OperationLog | None = (
            oplog
            if isinstance(oplog, OperationLog)
            else None
            if oplog is False or not self.config.oplog.enabled
            else OperationLog(self.config.oplog)
        )

        self.metrics, self._owns_metrics = self._make_metrics(metrics, outbox_path)
        self._metrics_paused = False
        self.pipeline = Pipeline(source, self.config, self.on_pipeline_event, models_dir=models_dir)
        self._control_wanted, self._control_address = control, control_address
        self.control: Any = None
        self._front_end_actions: dict[str, Callable[[], object]] = {}
        self._started = self._stopped = False

    def _make_metrics(self, metrics: Any, outbox_path: Path | None) -> tuple[Any, bool]:
        if metrics is None or isinstance(metrics, bool):
            if not (self.config.metrics.enabled if metrics is None else metrics):
                return None, False
            from device.metrics.service import MetricsService

            metrics, owned = MetricsService(self.config.metrics, outbox_path=outbox_path), True
        else:
            owned = False
        metrics.on_health = self._on_metrics_health
        if metrics.health().paused:
            self._on_metrics_health(metrics.health())
        return metrics, owned

    # -- front ends --------------------------------------------------------------------------------------
    def attach(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def detach(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    # -- lifecycle ---------------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the side paths (metrics, control socket), then the pipeline thread."""
        self._start_side_paths()
        self.pipeline.start()

    def run_until_end(self) -> None:
        """Run the pipeline in the calling thread until the source ends (a replay; the bench), then stop."""
        self._start_side_paths()
        try:
            self.pipeline.run_until_end()
        finally:
            self.stop()

    def _start_side_paths(self) -> None:
        if self._started:
            raise RuntimeError("runtime already started")
        self._started = True
        if self.oplog is not None:
            from device.runtime.audit import start_entry

            self.oplog.prune()
            self.oplog.write(start_entry(self))
            if self.oplog.problem:
                self.problems.append(self.oplog.problem)
        if self.metrics is not None and self._owns_metrics:
            self.metrics.start()
        if self._control_wanted:
            from device.control import ControlError, ControlServer

            server = ControlServer(self, address=self._control_address)
            try:
                server.start()
                self.control = server
            except (ControlError, OSError) as exc:
                self.problems.append(f"control socket off: {exc}")
                log.warning("control socket off: %s", exc)

    def wait(self, timeout_s: float | None = None) -> bool:
        """Wait for the source to end (a replay); True once the pipeline thread has finished."""
        return self.pipeline.wait(timeout_s)

    @property
    def running(self) -> bool:
        return self.pipeline.running

    @property
    def failure(self) -> str | None:
        """Why the stream ended early (a recording that cannot be decoded further), else None."""
        return self.pipeline.failure

    def stop(self, timeout_s: float = 5.0) -> bool:
        """Stop everything (idempotent): control socket, pipeline, then metrics with the open bucket's counts
        written. True if the pipeline thread ended within ``timeout_s``."""
        if self._stopped:
            return True
        self._stopped = True
        if self.control is not None:
            self.control.stop()
        ok = self.pipeline.stop(timeout_s)
        if not ok:
            log.error("the pipeline thread did not stop within %.0f s", timeout_s)
        if self.metrics is not None and self._owns_metrics:
            self.metrics.stop(flush=True)
        self._drain_notices()
        if self.oplog is not None and self._started:
            self.oplog.write({"event": "stop", "t_s": round(self.last_t_s, 2), "failure": self.failure})
        if self._seat is not None:
            self._seat.release()
        return ok

    # -- the event stream --------------------------------------------------------------------------------
    def on_pipeline_event(self, event: Event) -> None:
        """The pipeline's callback (its thread): the event through the stages, then to every listener."""
        with self._lock:
            self.last_t_s = max(self.last_t_s, event.t_s)
            self._deliver(self._through([event], 0))
        self._drain_notices()

    def _through(self, items: list[object], start: int) -> list[object]:
        for stage in self.stages[start:]:
            items = [out for item in items for out in stage.process(item)]
        return items

    def _deliver(self, items: Sequence[object]) -> None:
        sinks: list[Listener] = [self.metrics.process] if self.metrics is not None else []
        if self.oplog is not None:
            sinks.append(self.oplog)
        for item in items:
            for listener in (*sinks, *self._listeners):
                self._call(listener, item)
            if isinstance(item, CallEnded) and self.metrics is not None:
                shared = self.metrics.call_shared(item.t_s)  # what this call added to the team counts
                for listener in self._listeners if shared is not None else ():
                    self._call(listener, shared)

    def _call(self, listener: Listener, item: object) -> None:
        try:
            listener(item)
        except Exception:  # a broken listener must not stop the indicator
            self.listener_errors += 1
            if self.listener_errors <= 10 or self.listener_errors % 1000 == 0:
                log.exception("listener %r failed on %s (%d so far)", listener, type(item).__name__,
                              self.listener_errors)  # fmt: skip

    def _on_metrics_health(self, health: MetricsHealth) -> None:
        """Any thread, often from inside a delivery or the metrics' own locks: only queued here, and
        delivered in order after the next event (a heartbeat comes every second of audio) or at stop."""
        self._notices.append(health)

    def _drain_notices(self) -> None:
        if not self._notices or not self._lock.acquire(blocking=False):
            return  # whoever holds the lock drains after its own delivery
        try:
            while self._notices:
                health = self._notices.popleft()
                if health.paused:
                    self._metrics_paused = True
                    self._deliver([MetricsPaused(t_s=self.last_t_s, reason=health.reason, path=health.path)])
                elif self._metrics_paused:
                    self._metrics_paused = False
                    self._deliver([MetricsResumed(t_s=self.last_t_s, path=health.path)])
        finally:
            self._lock.release()

    def coach_action(self, fn: Callable[..., list[CoachEvent]], *args: Any) -> list[CoachEvent]:
        """A user action on the coach (``fn(*args, t_s)``), stamped with the latest stream time; its events
        pass the agent's switches and the stages after the coach, then reach every listener."""
        index = self.stages.index(self.coach)
        with self._lock:
            out = self.coach.action(fn, *args, t_s=self.last_t_s)
            self._deliver(self._through(list(out), index + 1))
        self._drain_notices()
        return out

    # -- actions (front ends and the control socket) -----------------------------------------------------
    def pause(self) -> bool:
        return self.pipeline.pause()

    def resume(self) -> bool:
        return self.pipeline.resume()

    def call_start(self) -> bool:
        return self.pipeline.call_start()

    def call_end(self) -> bool:
        return self.pipeline.call_end()

    def call_start_noticed(self) -> bool:
        """A call starts and the caller was already told (the IVR's ``lugn call start --notice-given``)."""
        return self.pipeline.call_start_noticed()

    def notice_given(self) -> bool:
        """The caller was told (the agent read the line, or the IVR played it): the tone model may listen."""
        return self.pipeline.notice_given()

    def declined(self) -> bool:
        """The caller declined: no tone analysis for the rest of this call; only a ``declined`` count."""
        return self.pipeline.declined()

    def schedule(self, actions: Sequence[tuple[float, str]]) -> None:
        """CTI actions ``(t_s, action)`` at stream times (``lugn replay --cti``); call before ``start``."""
        self.pipeline.schedule(list(actions))

    def request_breathing(self) -> list[CoachEvent]:
        return self.coach_action(self.coach.coach.request_breathing)

    def dismiss_tip(self, tip: TipKind | str) -> list[CoachEvent]:
        return self.coach_action(self.coach.coach.dismiss, tip)

    def breathing_result(self, outcome: BreathingOutcome | str) -> list[CoachEvent]:
        return self.coach_action(self.coach.coach.breathing_result, BreathingOutcome(outcome))

    def update_config(self, config: LugnConfig, effective: Any = None) -> None:
        """New settings (the agent's own, or a reloaded policy): the coach's switches apply at once."""
        with self._lock:
            if self.oplog is not None:
                from device.runtime.audit import policy_entry

                entry = policy_entry(self.config, config, effective)
                if entry is not None:
                    self.oplog.write(entry)
            self.config = config
            if effective is not None:
                self.effective, self.locked = effective, frozenset(getattr(effective, "locked", self.locked))
                self.safe_state = bool(getattr(effective, "safe_state", False))
            self.coach.update(config.coach)

    def add_control_action(self, command: str, action: Callable[[], object]) -> None:
        """A front end's own command on the control socket: the agent UI's ``dismiss``, ``breathe`` and
        ``toggle-pause`` act on what it shows. ``action`` runs on the control thread; it may return a dict
        (the reply's fields). The runtime's own commands cannot be replaced."""
        self._front_end_actions[command] = action

    def control_actions(self) -> Mapping[str, Callable[[], object]]:
        """The control socket's commands (``device.control``), each one of the action methods above, then
        those a front end added."""
        own: dict[str, Callable[[], object]] = {
            "call start": self.call_start,
            "call end": self.call_end,
            "pause": self.pause,
            "resume": self.resume,
            "notice-given": self.notice_given,
            "declined": self.declined,
            "call start notice-given": self.call_start_noticed,
        }
        return {**self._front_end_actions, **own}

    def status(self) -> dict[str, object]:
        out = dict(self.pipeline.status())
        if self.metrics is None:
            out["metrics"] = {"state": "off"}
        else:
            h = self.metrics.health()
            state = "paused" if h.paused else "ok"
            out["metrics"] = {"state": state, "reason": h.reason, "outbox": h.path}
        out["listener_errors"] = self.listener_errors
        out["tone_events_blocked"] = self.notice.blocked
        out["oplog"] = (
            {"state": "off"}
            if self.oplog is None
            else {"state": "failed" if self.oplog.problem else "ok", "path": str(self.oplog.path)}
        )
        return out
