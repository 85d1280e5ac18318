"""The agent UI: a view and controller attached to the runtime (``device.runtime.AgentRuntime``).

The runtime owns everything that runs on the seat (source, pipeline, coach, metrics, control socket) and
publishes one ordered stream of runtime and coaching events; this app is one listener on it. Events arrive on
the pipeline thread and are posted into the GUI thread through :class:`EventBridge`; user actions (pause,
dismiss, breathing, settings) go back through the runtime's action methods, never to the pipeline directly.
The headless JSON-lines printer attaches to the same stream, so both front ends see the same events.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import (
    QEvent,
    QObject,
    QSettings,
    Qt,
    pyqtSignal,
)
from PyQt6.QtGui import QKeySequence, QShortcut
from PyQt6.QtWidgets import QMessageBox

from device.coach.events import CallNote, CoachEvent, TipKind
from device.config import LugnConfig
from device.events import (
    CallEnded,
    CallShared,
    CallStarted,
    Event,
    MetricsPaused,
    MetricsResumed,
    NoticeChanged,
    PauseChanged,
)
from device.runtime import AgentRuntime
from ui import i18n
from ui.agent.actions import AgentActions
from ui.agent.bridge import EventBridge
from ui.agent.coaching import CoachingPresenter
from ui.agent.indicator import IndicatorWindow
from ui.agent.kiosk import KioskWindow, default_pin_check
from ui.agent.privacy import PrivacyPages, note_shared_line
from ui.agent.settings_dialog import SettingsDialog
from ui.agent.state import IndicatorModel, View
from ui.agent.tray import TrayController

log = logging.getLogger(__name__)
DISMISS_KEY = "Esc"


class AgentApp(QObject):
    """Owns the widgets and the view state; the runtime owns everything else."""

    viewChanged = pyqtSignal(object, float)  # View, stream t_s
    eventDelivered = pyqtSignal(object)  # every runtime and coaching event, in the GUI thread
    quitRequested = pyqtSignal()

    def __init__(
        self,
        runtime: AgentRuntime,
        *,
        kiosk: bool | None = None,
        qsettings: QSettings | None = None,
        pin_check: Callable[[str], bool] | None = None,
        save_settings: Callable[[dict[str, Any]], Any] | None = None,
        reload_effective: Callable[[], Any] | None = None,
        hotkeys: Any = None,
    ) -> None:
        super().__init__()
        self.runtime = runtime
        self.config, self.locked, self.safe_state = runtime.config, runtime.locked, runtime.safe_state
        self.kiosk = self.config.ui.kiosk if kiosk is None else kiosk
        self.language = i18n.install_translators(self.config.ui.language)
        self.model = IndicatorModel(
            notice_mode=self.config.notice.mode, tone_enabled=self.config.tone.enabled
        )
        self.last_shared: CallShared | None = None  # what the call that ended last added to the team counts
        self.metrics_notice: str | None = None  # why team metrics are paused, while they are
        self.bridge = EventBridge(self)
        self.bridge.delivered.connect(self._on_delivered)
        runtime.attach(self.bridge.post)
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
        main.view.set_view(self.model.view())  # e.g. "tone off" by policy, before any event
        self.tray = TrayController(allow_settings=not self.kiosk, allow_quit=not self.kiosk, parent=self)
        self.tray.set_view(self.model.view())
        self.tray.pauseToggled.connect(self.toggle_pause)
        self.tray.breathingRequested.connect(self.request_breathing)
        self.tray.settingsRequested.connect(self.open_settings)
        self.tray.quitRequested.connect(self.quit)
        self.tray.noticeRequested.connect(self.open_privacy_notice)
        self.tray.whatLeavesRequested.connect(self.open_what_leaves)
        if self.indicator is not None:
            # One menu for both: a desktop without a system tray (plain GNOME, openbox, many VDI sessions)
            # has no tray icon, and "What leaves this computer", the first-run notice and the caller-notice
            # entries must still be one right click away.
            self.indicator.menu = self.tray.menu
        self.tray.noticeGiven.connect(self.notice_given)
        self.tray.callerDeclined.connect(self.declined)
        # Cards sit next to the indicator itself (in a kiosk: under the large centred indicator).
        self.coaching = CoachingPresenter(self, anchor=main.view, host=self.kiosk_window)
        self.coaching.dismissed.connect(self.dismiss_tip)
        notice_card = self.coaching.panel.notice
        notice_card.configure(self.config.notice.lines, self.language)
        notice_card.given.connect(self.notice_given)
        notice_card.declined.connect(self.declined)
        self.coaching.note_card.share_text = lambda _note: note_shared_line(self.last_shared)
        # the first-run notice and "What leaves this computer" (inside the kiosk on a kiosk)
        self.privacy = PrivacyPages(runtime, host=self.kiosk_window, qsettings=qsettings, parent=self)
        for page in self.privacy.pages() if self.kiosk_window is None else ():
            page.keep_clear = self.coaching.coaching_column
        if self.kiosk_window is not None:
            self.kiosk_window.privacyRequested.connect(self.open_privacy_notice)
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
        self.actions.bind_control(runtime)

    # -- wiring ------------------------------------------------------------------------------------------
    def show(self) -> None:
        if self.kiosk_window is not None:
            self.kiosk_window.showFullScreen()
        elif self.indicator is not None:
            self.indicator.show()
        self.privacy.first_run()  # once per user: what is analysed, what leaves, who sees it

    @property
    def view_widget(self) -> Any:  # the IndicatorView of the compact or the kiosk window
        return self.main_window.view

    def current_view(self) -> View:
        return self.model.view()

    # -- GUI thread --------------------------------------------------------------------------------------
    def _on_delivered(self, item: object) -> None:
        if isinstance(item, Event):
            changed = self.model.apply(item)
            if isinstance(item, CallStarted | NoticeChanged | CallEnded):
                self._show_notice(item)
            elif isinstance(item, CallShared):
                self.last_shared = item
            if isinstance(item, PauseChanged):
                self._show_paused(item.paused)
            elif isinstance(item, MetricsPaused | MetricsResumed):
                self._show_metrics(item.reason if isinstance(item, MetricsPaused) else None)
            if changed:
                self._render(item.t_s)
        elif isinstance(item, CoachEvent):
            if isinstance(item, CallNote) and self.runtime.metrics is None:
                self.last_shared = None  # team metrics off: nothing of the call is shared
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

    def _show_notice(self, event: Event) -> None:
        """The notice prompt: up at call start in agent mode until the notice is answered or the call ends."""
        card = self.coaching.panel.notice
        if isinstance(event, CallStarted):
            self.last_shared = None
        waiting = self.model.in_call and self.model.notice == "waiting"
        if waiting and self.config.notice.mode == "agent" and not card.asking:
            card.ask()
            self.coaching.panel.relayout()
            self.coaching.widgetShown.emit("notice", card, event.t_s)
        elif not waiting and card.asking:
            card.answered()
        self.tray.set_notice(waiting, self.model.in_call)

    def _show_metrics(self, reason: str | None) -> None:
        """A small hint: team metrics are paused (the reason, with the file, in its tooltip for IT)."""
        self.metrics_notice = reason
        self.view_widget.set_notice(reason)

    # -- user actions ------------------------------------------------------------------------------------
    def toggle_pause(self) -> None:
        paused = not self.model.paused
        (self.runtime.pause if paused else self.runtime.resume)()
        # Shown at once; the pipeline's own PauseChanged (same value) confirms it without a second change.
        event = PauseChanged(t_s=self.runtime.last_t_s, paused=paused)
        if self.model.apply(event):
            self._render(event.t_s)
        self._show_paused(paused)

    def bring_to_front(self) -> str:
        """Back on screen and on top, without taking the keyboard (a second ``lugn run``, ``lugn call show``):
        the agent who lost the indicator behind windows or on an unplugged monitor gets it back."""
        if self.kiosk_window is not None:
            self.kiosk_window.showFullScreen()
            self.kiosk_window.raise_()
            return "kiosk"
        assert self.indicator is not None
        # "Show desktop" or a minimise leaves it iconic, and a tool window has no taskbar entry to restore it
        self.indicator.setWindowState(self.indicator.windowState() & ~Qt.WindowState.WindowMinimized)
        self.indicator.show()
        self.indicator.placer.place()  # its place for these screens, inside the available area
        self.indicator.raise_()
        self.coaching.panel.relayout()
        return "indicator"

    def request_breathing(self) -> list[CoachEvent]:
        return self.runtime.request_breathing()

    def notice_given(self) -> bool:
        """The agent read the notice to the caller (click, hotkey, tray): the tone model may listen."""
        return self.runtime.notice_given()

    def declined(self) -> bool:
        """The caller declined: no tone analysis for the rest of this call."""
        return self.runtime.declined()

    def open_privacy_notice(self) -> None:
        self.privacy.configure(self.config)
        self.privacy.open_notice()

    def open_what_leaves(self) -> None:
        self.privacy.open_what_leaves()

    def dismiss_tip(self, tip: TipKind | str) -> None:
        self.runtime.dismiss_tip(tip)

    def breathing_result(self, outcome: str) -> None:
        self.runtime.breathing_result(outcome)

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
            text = str(exc)
            if isinstance(exc, OSError):  # a read-only or full home: say it in the agent's language
                why = exc.strerror or type(exc).__name__
                text = self.tr(
                    "Your settings could not be written to %1 (%2). Lugn goes on as before; "
                    "if this keeps happening, tell IT."
                )
                text = text.replace("%1", str(exc.filename or "")).replace("%2", why)
            QMessageBox.warning(self.main_window, self.tr("Settings not saved"), text)
            return False
        effective = None
        if self._reload_effective is not None:
            effective = self._reload_effective()
            self.config = effective.config
            self.locked = frozenset(effective.locked)
            self.safe_state = bool(getattr(effective, "safe_state", False))
        else:
            data = self.config.model_dump()
            for dotted, value in changes.items():
                section, key = dotted.split(".", 1)
                data[section][key] = value
            self.config = LugnConfig.model_validate(data)
        self.runtime.update_config(self.config, effective)
        self.model.notice_mode, self.model.tone_enabled = self.config.notice.mode, self.config.tone.enabled
        self.coaching.panel.notice.configure(self.config.notice.lines, self.language)
        self.privacy.configure(self.config)
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
        self.runtime.detach(self.bridge.post)
        self.bridge.delivered.disconnect(self._on_delivered)
        self.tray.hide()
        self.coaching.close_all()
        self.privacy.close_all()
        widgets: list[Any] = [self.coaching.panel, self.coaching.breathing, self.main_window, self.tray.menu]
        widgets += list(self.privacy.pages())
        if self.settings_dialog is not None:
            widgets.append(self.settings_dialog)
        if self.kiosk_window is not None:
            self.kiosk_window.unlock_silently()
        for w in widgets:
            w.hide()
            w.deleteLater()
        self.dismiss_shortcut.setEnabled(False)
        self.actions.stop()
