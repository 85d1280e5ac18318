"""Kiosk mode: a full-screen, large indicator with no quit and no settings for the agent.

IT leaves kiosk mode with the PIN from the policy (a scrypt record in ``ui.kiosk_pin_file``; see
``device.kioskpin``): Ctrl+Shift+L or the small button in the corner opens the PIN dialog. No PIN in the
policy means there is no way out from the UI.

Wrong PINs are throttled by ONE ``PinThrottle`` per kiosk, kept in a file: closing the dialog, opening it
again or restarting the app does not reset it (the lockout used to reset when the dialog was reopened). Every
``MAX_FAILURES`` wrong PINs lock the dialog, for ``LOCKOUT_S`` at first, doubling each time up to an hour.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from PyQt6.QtCore import QEvent, QSize, Qt, pyqtSignal
from PyQt6.QtGui import QCloseEvent, QKeySequence, QPainter, QPaintEvent, QResizeEvent, QShortcut
from PyQt6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from device.config import LugnConfig
from ui.agent import look
from ui.agent.indicator import MAX_WIDTH_PX, IndicatorView

KIOSK_CARD_SCALE = 2.0
KIOSK_BACKGROUND = look.BACKGROUND.darker(135)
MAX_FAILURES = 5
LOCKOUT_S = 30.0
MAX_LOCKOUT_S = 3600.0


def default_pin_check(config: LugnConfig) -> Callable[[str], bool]:
    from device.policy import check_kiosk_pin

    return lambda pin: check_kiosk_pin(config, pin)


def default_throttle_path() -> Path:
    base = os.environ.get("LOCALAPPDATA") or os.environ.get("XDG_STATE_HOME") or "~/.local/state"
    return Path(base).expanduser() / "lugn" / "kiosk-pin-throttle.json"


class PinThrottle:
    """Failed PIN attempts and the lockout, persisted (wall clock, so a restart does not reset it)."""

    def __init__(self, path: Path | None = None, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock
        self.failures = 0  # since the last lockout
        self.lockouts = 0
        self.locked_until = 0.0
        self._last = 0.0  # latest attempt: a clock set back does not shorten a lockout
        if path is not None and path.is_file():
            with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
                d = json.loads(path.read_text())
                self.failures, self.lockouts = int(d["failures"]), int(d["lockouts"])
                self.locked_until, self._last = float(d["locked_until"]), float(d["last"])

    def _now(self) -> float:
        return max(self._clock(), self._last)

    def wait_s(self) -> float:
        """Seconds until the next attempt is allowed (0 when allowed now)."""
        return max(0.0, self.locked_until - self._now())

    def failed(self) -> None:
        now = self._now()
        self._last = now
        self.failures += 1
        if self.failures >= MAX_FAILURES:
            self.failures = 0
            self.lockouts += 1
            self.locked_until = now + min(MAX_LOCKOUT_S, LOCKOUT_S * 2 ** (self.lockouts - 1))
        self._save()

    def succeeded(self) -> None:
        self.failures = self.lockouts = 0
        self.locked_until = 0.0
        self._save()

    def _save(self) -> None:
        if self.path is None:
            return
        state = {"failures": self.failures, "lockouts": self.lockouts, "locked_until": self.locked_until}
        with contextlib.suppress(OSError):  # a side path: the dialog still throttles in memory
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.name + ".tmp")
            tmp.write_text(json.dumps({**state, "last": self._last}))
            os.replace(tmp, self.path)


class PinDialog(QDialog):
    """Asks IT for the kiosk PIN. ``accept()`` only on a correct PIN."""

    def __init__(
        self,
        check: Callable[[str], bool],
        parent: QWidget | None = None,
        clock: Callable[[], float] = time.time,
        throttle: PinThrottle | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PinDialog")
        self.setModal(True)
        self._check = check
        self.throttle = throttle or PinThrottle(None, clock)
        self.prompt = QLabel(self)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.returnPressed.connect(self.try_pin)
        self.error = QLabel(self)
        # red that keeps 4.5:1 on the dialog's own (light or dark) background
        light = self.palette().color(self.backgroundRole()).lightnessF() > 0.5
        self.error.setStyleSheet(f"color: {'#a8321c' if light else '#ff9e8a'}; font-weight: 600;")
        self.error.setVisible(False)
        self.ok = QPushButton(self)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.try_pin)
        self.cancel = QPushButton(self)
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        lay = QVBoxLayout(self)
        lay.addWidget(self.prompt)
        lay.addWidget(self.pin)
        lay.addWidget(self.error)
        lay.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Leave kiosk mode"))
        self.prompt.setText(self.tr("Enter the PIN from your IT department."))
        self.pin.setAccessibleName(self.tr("PIN"))
        self.ok.setText(self.tr("Leave kiosk"))
        self.cancel.setText(self.tr("Cancel"))

    def changeEvent(self, e: QEvent | None) -> None:
        if e is not None and e.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(e)

    def try_pin(self) -> bool:
        wait_s = self.throttle.wait_s()
        if wait_s > 0:
            self.pin.clear()
            self.error.setText(self.tr("Too many attempts. Try again in %n s.", "", int(wait_s + 0.999)))
            self.error.setVisible(True)
            return False
        pin = self.pin.text()
        self.pin.clear()
        if self._check(pin):
            self.throttle.succeeded()
            self.accept()
            return True
        self.throttle.failed()
        self.error.setText(self.tr("Wrong PIN."))
        self.error.setVisible(True)
        return False


class KioskWindow(QWidget):
    """Full-screen large indicator. Closing is refused unless IT entered the PIN.

    The coaching lives inside this window (``CoachingHost``): tip, cue and after-call cards in a row under the
    indicator, the breathing guide over the whole window, all enlarged to be read from a metre away. Separate
    windows would sit behind a full-screen window on many window managers, and the kiosk would hide them.
    """

    exitRequested = pyqtSignal()  # the PIN was right: the app leaves kiosk mode
    pauseToggled = pyqtSignal()
    breathingRequested = pyqtSignal()
    privacyRequested = pyqtSignal()  # what Lugn does / what leaves this computer

    def __init__(
        self,
        pin_check: Callable[[str], bool],
        scale: float | None = None,
        throttle: PinThrottle | None = None,
    ) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("KioskWindow")
        screen = self.screen()
        size = screen.geometry().size() if screen is not None else QSize(1280, 1024)
        ui = look.ui_scale()
        if scale is None:  # as large as the screen allows: read from across the room
            scale = max(1.5, min(3.5, 0.85 * size.width() / (MAX_WIDTH_PX * ui)))
        # Two cards side by side; body text at about twice the OS font size (18 pt on a 9 pt desktop).
        self.coaching_scale = max(1.4, min(KIOSK_CARD_SCALE, 0.92 * size.width() / (2 * 380 * ui)))
        self.breathing_scale = max(
            1.0, min(2.0, 0.85 * size.height() / (520 * ui), 0.85 * size.width() / (440 * ui))
        )
        self._pin_check = pin_check
        self.throttle = throttle or PinThrottle(default_throttle_path())  # one per kiosk, on disk
        self._unlocked = False
        self.view = IndicatorView(scale, parent=self)
        self.view.pauseToggled.connect(self.pauseToggled)
        self.view.breathingRequested.connect(self.breathingRequested)
        self.it_button = QToolButton(self)
        self.it_button.setAutoRaise(True)
        # discreet, but legible (contrast >= 4.5:1 on the kiosk background, like every text)
        self.it_button.setStyleSheet(f"color: {look.NEUTRAL.name()}; border: none;")
        self.it_button.clicked.connect(self.ask_pin)
        self.privacy_button = QToolButton(self)
        self.privacy_button.setAutoRaise(True)
        self.privacy_button.setStyleSheet(f"color: {look.NEUTRAL.name()}; border: none;")
        self.privacy_button.clicked.connect(self.privacyRequested)
        self.pages: list[QWidget] = []  # the privacy pages, as layers over the whole kiosk
        self.exit_shortcut = QShortcut(QKeySequence("Ctrl+Shift+L"), self)
        self.exit_shortcut.activated.connect(self.ask_pin)
        self.coaching_area = QWidget(self)
        self.coaching_area.setObjectName("kioskCoaching")
        self._coaching_row = QHBoxLayout(self.coaching_area)
        self._coaching_row.setContentsMargins(0, 0, 0, 0)
        self.breathing_overlay: QWidget | None = None
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(self.view, 0, Qt.AlignmentFlag.AlignCenter)
        lay.addSpacing(round(24 * ui))
        lay.addWidget(self.coaching_area, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)
        corner = QHBoxLayout()
        corner.addWidget(self.privacy_button)
        corner.addStretch(1)
        corner.addWidget(self.it_button)
        lay.addLayout(corner)
        self.pin_dialog: PinDialog | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lugn – customer tone"))
        self.it_button.setText(self.tr("IT"))
        self.it_button.setToolTip(self.tr("Leave kiosk mode (IT only)"))
        self.it_button.setAccessibleName(self.tr("Leave kiosk mode (IT only)"))
        self.privacy_button.setText(self.tr("What Lugn does and what leaves this computer"))
        self.privacy_button.setAccessibleName(self.privacy_button.text())
        self.view.retranslate()

    def changeEvent(self, e: QEvent | None) -> None:
        if e is not None and e.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(e)

    # -- CoachingHost: the coaching inside the kiosk's own layout ------------------------------------------
    def coaching_parent(self) -> QWidget:
        return self.coaching_area

    def breathing_parent(self) -> QWidget:
        return self

    def take_coaching(self, panel: QWidget, breathing: QWidget) -> None:
        self._coaching_row.addWidget(panel, 0, Qt.AlignmentFlag.AlignTop)
        # room for the tallest card from the start, so the indicator does not jump when a tip appears
        cards = [c for c in getattr(panel, "cards", list)() if getattr(c, "reserve_height", True)]
        self.coaching_area.setMinimumHeight(max(c.max_height_px for c in cards))
        self.breathing_overlay = breathing
        breathing.setGeometry(self.rect())

    def take_page(self, page: QWidget) -> None:
        """A privacy page as a layer over the kiosk (a window of its own would hide behind it)."""
        self.pages.append(page)
        self._place_page(page)

    def _place_page(self, page: QWidget) -> None:
        m = round(min(self.width(), self.height()) * 0.06)
        page.setGeometry(self.rect().adjusted(m, m, -m, -m))

    def resizeEvent(self, e: QResizeEvent | None) -> None:
        super().resizeEvent(e)
        if self.breathing_overlay is not None:
            self.breathing_overlay.setGeometry(self.rect())
        for page in self.pages:
            self._place_page(page)

    def paintEvent(self, _e: QPaintEvent | None) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), KIOSK_BACKGROUND)
        p.end()

    def ask_pin(self) -> bool:
        """Open the PIN dialog (modal). Returns True when IT entered the right PIN."""
        self.pin_dialog = PinDialog(self._pin_check, self, throttle=self.throttle)
        ok = self.pin_dialog.exec() == QDialog.DialogCode.Accepted
        if ok:
            self.unlock()
        return ok

    def unlock(self) -> None:
        self._unlocked = True
        self.exitRequested.emit()

    def unlock_silently(self) -> None:
        """Allow closing without asking to leave the app (the app is shutting down anyway)."""
        self._unlocked = True

    def closeEvent(self, e: QCloseEvent | None) -> None:
        if e is not None and not self._unlocked:
            e.ignore()  # Alt+F4 and friends do not end a kiosk
            return
        super().closeEvent(e)
