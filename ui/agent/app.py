"""The agent app: pipeline events -> (coach, event sinks) -> Qt bridge -> indicator, tray, coaching widgets.

Threads: the pipeline calls :meth:`AgentApp.on_pipeline_event` on its own thread. There the coach turns the
event into coaching events and every *sink* (e.g. the metrics window) sees the runtime event and the coaching
events, in order, under one lock; then both are posted to the GUI thread through :class:`EventBridge`. User
actions (dismiss, breathing on request) go through the same lock from the GUI thread, so a sink is never
called concurrently and sees one ordered stream.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from PyQt6.QtCore import (
    QEvent,
    QMessageLogContext,
    QObject,
    QSettings,
    Qt,
    QTimer,
    QtMsgType,
    pyqtSignal,
    qInstallMessageHandler,
)
from PyQt6.QtGui import QKeySequence, QShortcut
from PyQt6.QtWidgets import QApplication, QMessageBox

from device.coach.events import BreathingOffered, BreathingOutcome, CoachEvent, DeliveryCue, TipShown
from device.config import LugnConfig
from device.events import Event, PauseChanged
from ui import i18n
from ui.agent.actions import AgentActions
from ui.agent.bridge import EventBridge
from ui.agent.coaching import CoachingPresenter
from ui.agent.indicator import IndicatorWindow
from ui.agent.kiosk import KioskWindow, default_pin_check
from ui.agent.settings_dialog import SettingsDialog
from ui.agent.state import IndicatorModel, View
from ui.agent.tray import TrayController

log = logging.getLogger(__name__)
DISMISS_KEY = "Esc"
Sink = Callable[[object], None]


class PipelineLike(Protocol):
    def pause(self) -> object: ...
    def resume(self) -> object: ...


class EffectiveLike(Protocol):
    config: LugnConfig
    locked: frozenset[str]


def split_effective(config_effective: Any) -> tuple[LugnConfig, frozenset[str]]:
    """Accept a ``device.policy.Effective`` or a bare ``LugnConfig`` (nothing locked)."""
    if isinstance(config_effective, LugnConfig):
        return config_effective, frozenset()
    if config_effective is None:
        return LugnConfig(), frozenset()
    return config_effective.config, frozenset(getattr(config_effective, "locked", frozenset()))


class _CoachRunner:
    """The coach behind one lock, with the sinks. Pure rules, so this is cheap on the pipeline thread."""

    def __init__(self, config: LugnConfig, sinks: Sequence[Sink], post: Callable[[object], None]) -> None:
        from device.coach.coach import Coach

        self.coach = Coach(config.coach)
        self.coach_settings = config.coach
        self.sinks = list(sinks)
        self._post = post
        self._lock = threading.Lock()
        self.last_t_s = 0.0
        self.sink_errors = 0

    def _emit(self, items: Sequence[object]) -> None:
        for item in items:
            for sink in self.sinks:
                try:
                    sink(item)
                except Exception:  # a broken sink must not stop the indicator
                    self.sink_errors += 1
                    log.exception("event sink %r failed on %s", sink, type(item).__name__)
            self._post(item)

    def _allowed(self, events: list[CoachEvent]) -> list[CoachEvent]:
        """The agent's own switches, changed since the coach was built, applied here: what is switched off is
        neither shown nor counted. (The coach reads its settings when a stream starts.)"""
        s = self.coach_settings
        out = []
        for e in events:
            if isinstance(e, TipShown) and not s.tips_enabled:
                continue
            if isinstance(e, DeliveryCue) and not s.delivery_cues_enabled:
                continue
            if isinstance(e, BreathingOffered) and not s.breathing_enabled and e.reason != "requested":
                continue
            out.append(e)
        return out

    def runtime(self, event: Event) -> None:
        with self._lock:
            self.last_t_s = max(self.last_t_s, event.t_s)
            coach_events = self._allowed(self.coach.process(event))
            self._emit([event, *coach_events])

    def action(self, fn: Callable[..., list[CoachEvent]], *args: Any) -> list[CoachEvent]:
        with self._lock:
            out = self._allowed(fn(*args, self.last_t_s))
            self._emit(out)
            return out

    def update_settings(self, config: LugnConfig) -> None:
        with self._lock:
            self.coach_settings = config.coach
            if hasattr(self.coach, "update_settings"):
                self.coach.update_settings(config.coach)


class AgentApp(QObject):
    """Owns the widgets and the state; knows nothing about where the events come from."""

    viewChanged = pyqtSignal(object, float)  # View, stream t_s
    eventDelivered = pyqtSignal(object)  # every runtime and coaching event, in the GUI thread
    quitRequested = pyqtSignal()

    def __init__(
        self,
        config_effective: Any = None,
        *,
        kiosk: bool | None = None,
        qsettings: QSettings | None = None,
        sinks: Sequence[Sink] = (),
        pin_check: Callable[[str], bool] | None = None,
        save_settings: Callable[[dict[str, Any]], Any] | None = None,
        reload_effective: Callable[[], Any] | None = None,
        hotkeys: Any = None,
    ) -> None:
        super().__init__()
        self.config, self.locked = split_effective(config_effective)
        self.safe_state = bool(getattr(config_effective, "safe_state", False))
        self.kiosk = self.config.ui.kiosk if kiosk is None else kiosk
        self.language = i18n.install_translators(self.config.ui.language)
        self.model = IndicatorModel()
        self.pipeline: PipelineLike | None = None
        self.bridge = EventBridge(self)
        self.bridge.delivered.connect(self._on_delivered)
        self.runner = _CoachRunner(self.config, sinks, self.bridge.post)
        self._save_settings = save_settings
        self._reload_effective = reload_effective
        self.settings_dialog: SettingsDialog | None = None

        if self.kiosk:
            check = pin_check or default_pin_check(self.config)
            self.kiosk_window: KioskWindow | None = KioskWindow(check)
            self.kiosk_window.exitRequested.connect(self.quit)
            self.indicator: IndicatorWindow | None = None
            main: Any = self.kiosk_window
        else:
            self.kiosk_window = None
            self.indicator = IndicatorWindow(qsettings, allow_quit=True)
            self.indicator.settingsRequested.connect(self.open_settings)
            self.indicator.quitRequested.connect(self.quit)
            main = self.indicator
        main.pauseToggled.connect(self.toggle_pause)
        main.breathingRequested.connect(self.request_breathing)
        self.main_window = main
        self.tray = TrayController(allow_settings=not self.kiosk, allow_quit=not self.kiosk, parent=self)
        self.tray.pauseToggled.connect(self.toggle_pause)
        self.tray.breathingRequested.connect(self.request_breathing)
        self.tray.settingsRequested.connect(self.open_settings)
        self.tray.quitRequested.connect(self.quit)
        # Cards sit next to the indicator itself (in a kiosk: under the large centred indicator).
        self.coaching = CoachingPresenter(self, anchor=main.view, host=self.kiosk_window)
        self.coaching.dismissed.connect(self.dismiss_tip)
        self.coaching.breathingResult.connect(self.breathing_result)
        self.tray.dismissRequested.connect(self.coaching.dismiss_current)
        # One key dismisses the tip when the indicator has the focus (a global hotkey is the OS's job). Not an
        # application-wide shortcut: Esc must still close the settings dialog and the breathing overlay.
        self.dismiss_shortcut = QShortcut(QKeySequence(DISMISS_KEY), main)
        self.dismiss_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.dismiss_shortcut.activated.connect(self.coaching.dismiss_current)
        main.installEventFilter(self)
        # Without the focus: global shortcuts and lugn call dismiss|breathe|toggle-pause (ui/agent/actions.py)
        self.actions = AgentActions(self, self, backend=hotkeys)
        self.actions.start_shortcuts(self.config)

    # -- wiring ------------------------------------------------------------------------------------------
    def attach(self, pipeline: PipelineLike) -> None:
        self.pipeline = pipeline
        self.actions.bind_control(getattr(pipeline, "control_server", None))

    def on_pipeline_event(self, event: Event) -> None:
        """Called on the pipeline thread for every runtime event."""
        self.runner.runtime(event)

    def show(self) -> None:
        if self.kiosk_window is not None:
            self.kiosk_window.showFullScreen()
        elif self.indicator is not None:
            self.indicator.show()

    @property
    def view_widget(self) -> Any:  # the IndicatorView of the compact or the kiosk window
        return self.main_window.view

    def current_view(self) -> View:
        return self.model.view()

    # -- GUI thread --------------------------------------------------------------------------------------
    def _on_delivered(self, item: object) -> None:
        if isinstance(item, Event):
            changed = self.model.apply(item)
            if isinstance(item, PauseChanged):
                self._show_paused(item.paused)
            if changed:
                self._render(item.t_s)
        elif isinstance(item, CoachEvent):
            self.coaching.handle(item)
        self.eventDelivered.emit(item)

    def _render(self, t_s: float) -> None:
        view = self.model.view()
        self.view_widget.set_view(view)
        self.tray.set_view(view)
        self.viewChanged.emit(view, t_s)

    def _show_paused(self, paused: bool) -> None:
        self.view_widget.set_paused(paused)
        self.tray.set_paused(paused)

    # -- user actions ------------------------------------------------------------------------------------
    def toggle_pause(self) -> None:
        paused = not self.model.paused
        if self.pipeline is not None:
            (self.pipeline.pause if paused else self.pipeline.resume)()
        # Shown at once; the pipeline's own PauseChanged (same value) confirms it without a second change.
        event = PauseChanged(t_s=self.runner.last_t_s, paused=paused)
        if self.model.apply(event):
            self._render(event.t_s)
        self._show_paused(paused)

    def request_breathing(self) -> list[CoachEvent]:
        return self.runner.action(self.runner.coach.request_breathing)

    def dismiss_tip(self, tip: object) -> None:
        self.runner.action(self.runner.coach.dismiss, tip)

    def breathing_result(self, outcome: str) -> None:
        self.runner.action(self.runner.coach.breathing_result, BreathingOutcome(outcome))

    def open_settings(self) -> None:
        if self.kiosk:
            return  # no settings for the agent on a kiosk
        self.settings_dialog = SettingsDialog(self.config, self.locked, safe_state=self.safe_state)
        self.settings_dialog.accepted.connect(self._settings_accepted)
        self.settings_dialog.open()

    def _settings_accepted(self) -> None:
        if self.settings_dialog is not None:
            self.apply_settings(self.settings_dialog.changes())

    def apply_settings(self, changes: dict[str, Any]) -> bool:
        """Save the agent's changes and apply them live. Returns False (and tells the agent) if refused."""
        if not changes:
            return True
        try:
            if self._save_settings is not None:
                self._save_settings(changes)
            else:
                from device.policy import save_user_settings

                save_user_settings(changes)
        except (PermissionError, ValueError, OSError) as exc:
            QMessageBox.warning(self.main_window, self.tr("Settings not saved"), str(exc))
            return False
        if self._reload_effective is not None:
            effective = self._reload_effective()
            self.config, self.locked = split_effective(effective)
            self.safe_state = bool(getattr(effective, "safe_state", False))
        else:
            data = self.config.model_dump()
            for dotted, value in changes.items():
                section, key = dotted.split(".", 1)
                data[section][key] = value
            self.config = LugnConfig.model_validate(data)
        self.runner.update_settings(self.config)
        self.set_language(self.config.ui.language)
        self.actions.start_shortcuts(self.config)
        return True

    def set_language(self, language: str) -> str:
        """Switch the UI language live: Qt sends LanguageChange to every widget, which retranslates itself."""
        self.language = i18n.install_translators(language)
        self.retranslate()
        return self.language

    def retranslate(self) -> None:
        if self.indicator is not None:
            self.indicator.retranslate()
        if self.kiosk_window is not None:
            self.kiosk_window.retranslate()
        self.tray.retranslate()
        self.coaching.retranslate()

    def eventFilter(self, obj: QObject | None, event: QEvent | None) -> bool:
        if event is not None and event.type() == QEvent.Type.LanguageChange and obj is self.main_window:
            self.retranslate()
        return False

    def quit(self) -> None:
        """The agent (or IT, with the PIN) quits; whoever runs the event loop ends it on ``quitRequested``."""
        self.tray.hide()
        if self.indicator is not None:
            self.indicator.save_position()
        self.quitRequested.emit()

    def close(self) -> None:
        """Take every window of this app off the screen and free it (the app object is done after this)."""
        self.bridge.delivered.disconnect(self._on_delivered)
        self.tray.hide()
        self.coaching.close_all()
        widgets: list[Any] = [self.coaching.panel, self.coaching.breathing, self.main_window, self.tray.menu]
        if self.settings_dialog is not None:
            widgets.append(self.settings_dialog)
        if self.kiosk_window is not None:
            self.kiosk_window.unlock_silently()
        for w in widgets:
            w.hide()
            w.deleteLater()
        self.dismiss_shortcut.setEnabled(False)
        self.actions.stop()


def has_display() -> bool:
    """False when Qt would have to run offscreen (no X11/Wayland display, or QT_QPA_PLATFORM says so)."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return False
    if sys.platform.startswith(("win", "darwin")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


_QUIET_QT = ("does not support raise()", "does not support propagateSizeHints()")


def _qt_messages(mode: QtMsgType, _ctx: QMessageLogContext, message: str | None) -> None:
    if message and not any(q in message for q in _QUIET_QT):  # offscreen plugin noise
        sys.stderr.write(f"qt: {message}\n")


def ensure_qapp(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created offscreen when there is no display)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        qInstallMessageHandler(_qt_messages)
    app = QApplication(list(argv or ["lugn"]))
    app.setOrganizationName("Lugn")
    app.setApplicationName("Lugn")
    app.setQuitOnLastWindowClosed(False)
    return app


def metrics_sink(config: LugnConfig, enabled: bool | None) -> Any:
    """The metrics service when the policy enables publishing (or ``enabled`` forces it), else None."""
    if not (config.metrics.enabled if enabled is None else enabled):
        return None
    from device.metrics.service import MetricsService

    return MetricsService(config.metrics)


def run_agent(
    source: Any,
    config_effective: Any = None,
    *,
    kiosk: bool = False,
    offscreen_screenshots_dir: str | Path | None = None,
    models_dir: str | Path | None = None,
    sinks: Sequence[Sink] = (),
    pipeline_factory: Callable[..., Any] | None = None,
    metrics: bool | None = None,
) -> int:
    """Run the agent UI on ``source`` (a LiveSource or ReplaySource) until the agent (or IT on a kiosk) quits.

    ``sinks`` receive every runtime and coaching event in order; the metrics service is added when the policy
    enables publishing (``metrics=None``) or when forced. With ``offscreen_screenshots_dir`` the indicator is
    saved as PNG at each state change. Offscreen (no display) the app ends when a replay ends.
    """
    qapp = ensure_qapp()
    offscreen = not has_display()
    config, _locked = split_effective(config_effective)
    service = metrics_sink(config, metrics)
    all_sinks = [*sinks, *([service.process] if service is not None else [])]
    app = AgentApp(config_effective, kiosk=kiosk or config.ui.kiosk, qsettings=QSettings(), sinks=all_sinks)
    if offscreen_screenshots_dir is not None:
        from ui.agent.screens import Screenshotter

        shots = Screenshotter(app, Path(offscreen_screenshots_dir))
        shots.attach()
    if pipeline_factory is None:
        from device.pipeline import Pipeline

        pipeline_factory = Pipeline
    pipeline: Any = pipeline_factory(
        source, config, app.on_pipeline_event, models_dir=Path(models_dir) if models_dir else None
    )
    app.attach(pipeline)
    # exit(), not quit(): in Qt 6 a window that refuses to close (kiosk, breathing overlay) cancels quit()
    app.quitRequested.connect(lambda: qapp.exit(0))

    def tick() -> None:  # also lets Python see Ctrl+C while Qt's loop runs
        if offscreen and not pipeline.running and app.bridge.pending == 0:
            qapp.exit(0)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(200)
    old_sigint = signal.signal(signal.SIGINT, lambda *_: qapp.exit(130))
    if service is not None:
        service.start()
    app.show()
    pipeline.start()
    try:
        return int(qapp.exec())
    finally:
        timer.stop()
        signal.signal(signal.SIGINT, old_sigint)
        if not pipeline.stop(5.0):
            log.error("the pipeline thread did not stop within 5 s")
        if service is not None:
            service.stop()
        app.tray.hide()
