"""Tray icon: pause/resume, a breathing exercise on request, the caller notice (told / declined) during a
call, what Lugn does and what leaves this computer, settings and quit.

Guarded: where the platform has no system tray (offscreen, some kiosks) the same actions stay reachable from
the indicator's context menu, and ``TrayController.available`` is False.
"""

from __future__ import annotations

from PyQt6.QtCore import QEvent, QObject, pyqtSignal
from PyQt6.QtGui import QAction
from PyQt6.QtWidgets import QMenu, QSystemTrayIcon

from ui.agent import look
from ui.agent.state import IndicatorState, View

PRODUCT = "Lugn"  # the product's name, never translated


class TrayController(QObject):
    pauseToggled = pyqtSignal()
    breathingRequested = pyqtSignal()
    dismissRequested = pyqtSignal()
    settingsRequested = pyqtSignal()
    quitRequested = pyqtSignal()
    noticeRequested = pyqtSignal()  # the first-run notice, again
    whatLeavesRequested = pyqtSignal()
    noticeGiven = pyqtSignal()
    callerDeclined = pyqtSignal()

    def __init__(
        self, *, allow_settings: bool = True, allow_quit: bool = True, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self._view = View(IndicatorState.NO_CALL)
        self._paused = False
        self._hints: dict[str, str] = {}  # action -> global shortcut text, shown in the menu
        self.menu = QMenu()
        self.pause_action = QAction(self.menu)
        self.pause_action.triggered.connect(self.pauseToggled)
        self.breathe_action = QAction(self.menu)
        self.breathe_action.triggered.connect(self.breathingRequested)
        self.dismiss_action = QAction(self.menu)
        self.dismiss_action.triggered.connect(self.dismissRequested)
        self.settings_action = QAction(self.menu)
        self.settings_action.triggered.connect(self.settingsRequested)
        self.quit_action = QAction(self.menu)
        self.quit_action.triggered.connect(self.quitRequested)
        self.told_action = QAction(self.menu)
        self.told_action.triggered.connect(self.noticeGiven)
        self.declined_action = QAction(self.menu)
        self.declined_action.triggered.connect(self.callerDeclined)
        self.about_action = QAction(self.menu)
        self.about_action.triggered.connect(self.noticeRequested)
        self.leaves_action = QAction(self.menu)
        self.leaves_action.triggered.connect(self.whatLeavesRequested)
        self.menu.addAction(self.pause_action)
        self.menu.addAction(self.told_action)
        self.menu.addAction(self.declined_action)
        self.menu.addAction(self.dismiss_action)
        self.menu.addAction(self.breathe_action)
        self.menu.addSeparator()
        self.menu.addAction(self.about_action)
        self.menu.addAction(self.leaves_action)
        self.set_notice(False, False)
        if allow_settings:
            self.menu.addSeparator()
            self.menu.addAction(self.settings_action)
        if allow_quit:
            self.menu.addAction(self.quit_action)
        self.icon: QSystemTrayIcon | None = None
        if self.available:
            self.icon = QSystemTrayIcon(look.state_icon(self._view.state), self)
            self.icon.setContextMenu(self.menu)
            self.icon.show()
        self.menu.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, obj: QObject | None, event: QEvent | None) -> bool:
        if event is not None and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def set_view(self, view: View) -> None:
        self._view = view
        if self.icon is not None:
            self.icon.setIcon(look.state_icon(view.state))
        self._update_tooltip()

    def set_paused(self, paused: bool) -> None:
        self._paused = paused
        self.retranslate()

    def set_notice(self, waiting: bool, in_call: bool) -> None:
        """ "Caller told" while the call waits for the notice; "Caller declined" during any call."""
        self.told_action.setVisible(waiting)
        self.declined_action.setVisible(in_call)

    def set_shortcut_hints(self, hints: dict[str, str]) -> None:
        """Show the working global shortcuts beside their menu entries (display only: the grab is global)."""
        self._hints = dict(hints)
        self.retranslate()

    def _with_hint(self, text: str, action: str) -> str:
        hint = self._hints.get(action)
        return f"{text}\t{hint}" if hint else text

    def retranslate(self) -> None:
        pause = self.tr("Resume analysis") if self._paused else self.tr("Pause analysis")
        self.pause_action.setText(self._with_hint(pause, "toggle_pause"))
        self.breathe_action.setText(self._with_hint(self.tr("Breathing exercise"), "breathe"))
        self.dismiss_action.setText(self._with_hint(self.tr("Dismiss tip"), "dismiss"))
        self.told_action.setText(self._with_hint(self.tr("Caller was told"), "notice_given"))
        self.declined_action.setText(self._with_hint(self.tr("Caller declined"), "declined"))
        self.about_action.setText(self.tr("What Lugn does…"))
        self.leaves_action.setText(self.tr("What leaves this computer…"))
        self.settings_action.setText(self.tr("Settings…"))
        self.quit_action.setText(self.tr("Quit Lugn"))
        self._update_tooltip()

    def tooltip(self) -> str:
        """The product name on a line of its own, then what the indicator says: "Lugn" never reads as a
        state."""
        state = self._view.state
        if state.is_tone:
            line = self.tr("Customer tone: %1").replace("%1", look.state_title(state))
        else:
            line = look.state_title(state)
        return f"{PRODUCT}\n{line}"

    def _update_tooltip(self) -> None:
        if self.icon is not None:
            self.icon.setToolTip(self.tooltip())

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
