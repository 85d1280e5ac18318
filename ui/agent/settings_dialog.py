"""Settings: audio sources, language, coaching switches. Locked settings are shown disabled, with a note.

The dialog only collects changes (``changes()``); the app saves them with ``device.policy.save_user_settings``
(which refuses locked keys again, so the lock does not rely on the UI) and applies them live.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import QEvent
from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from device.config import LugnConfig

# Language names are written in their own language (endonyms) and never translated.
LANGUAGE_NAMES = (("sv", "Svenska"), ("nb", "Norsk bokmål"), ("fi", "Suomi"), ("en", "English"))


def list_input_devices() -> tuple[list[str], str | None]:
    """Names of input devices (monitor/loopback sources included), or an error text if none can be listed."""
    try:
        import sounddevice as sd

        names = [str(d["name"]) for d in sd.query_devices() if int(d.get("max_input_channels", 0)) > 0]
    except Exception as exc:  # PortAudio missing or failing: the dialog still opens
        return [], f"{type(exc).__name__}: {exc}"
    return sorted(dict.fromkeys(names)), None


class SettingsDialog(QDialog):
    def __init__(
        self,
        config: LugnConfig,
        locked: frozenset[str] = frozenset(),
        *,
        devices: Callable[[], tuple[list[str], str | None]] = list_input_devices,
        safe_state: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsDialog")
        self._config = config
        self._locked = locked
        names, error = devices()
        # A broken IT policy: Lugn runs in a safe state (analysis on, publishing off); say so, without blame.
        self.safe_note = QLabel(self)
        self.safe_note.setWordWrap(True)
        self.safe_note.setVisible(safe_state)

        self.audio_box = QGroupBox(self)
        self.mic = QComboBox(self)
        self.far_end = QComboBox(self)
        for combo, current in (
            (self.mic, config.audio.mic_device),
            (self.far_end, config.audio.far_end_device),
        ):
            combo.addItem("", None)  # "automatic", text set in retranslate
            for n in names:
                combo.addItem(n, n)
            if current and combo.findData(current) < 0:
                combo.addItem(current, current)  # configured but not plugged in now: keep it
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.devices_error = QLabel(self)
        self.devices_error.setWordWrap(True)
        self.devices_error.setVisible(error is not None)
        self._devices_error_detail = error or ""
        self.audio_note = QLabel(self)
        self.audio_note.setWordWrap(True)

        self.lang_box = QGroupBox(self)
        self.language = QComboBox(self)
        self.language.addItem("", "auto")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(config.ui.language)))

        self.coach_box = QGroupBox(self)
        self.tips = QCheckBox(self)
        self.tips.setChecked(config.coach.tips_enabled)
        self.cues = QCheckBox(self)
        self.cues.setChecked(config.coach.delivery_cues_enabled)
        self.breathing = QCheckBox(self)
        self.breathing.setChecked(config.coach.breathing_enabled)

        self._fields: dict[str, QWidget] = {
            "audio.mic_device": self.mic,
            "audio.far_end_device": self.far_end,
            "ui.language": self.language,
            "coach.tips_enabled": self.tips,
            "coach.delivery_cues_enabled": self.cues,
            "coach.breathing_enabled": self.breathing,
        }
        self._lock_notes: dict[str, QLabel] = {}
        for key, widget in self._fields.items():
            note = QLabel(self)
            note.setObjectName(f"locked:{key}")
            note.setStyleSheet(
                "font-style: italic;"
            )  # the text colour itself: placeholder grey is below 4.5:1
            is_locked = key in locked
            widget.setEnabled(not is_locked)
            note.setVisible(is_locked)
            self._lock_notes[key] = note

        audio = QFormLayout(self.audio_box)
        self._mic_label, self._far_label = QLabel(self), QLabel(self)
        audio.addRow(self._mic_label, self._with_note(self.mic, "audio.mic_device"))
        audio.addRow(self._far_label, self._with_note(self.far_end, "audio.far_end_device"))
        audio.addRow(self.devices_error)
        audio.addRow(self.audio_note)
        lang = QFormLayout(self.lang_box)
        self._lang_label = QLabel(self)
        lang.addRow(self._lang_label, self._with_note(self.language, "ui.language"))
        # each drop-down is labelled (buddy) and named for screen readers
        for label, combo in (
            (self._mic_label, self.mic),
            (self._far_label, self.far_end),
            (self._lang_label, self.language),
        ):
            label.setBuddy(combo)
        coach = QVBoxLayout(self.coach_box)
        for key in ("coach.tips_enabled", "coach.delivery_cues_enabled", "coach.breathing_enabled"):
            coach.addWidget(self._with_note(self._fields[key], key))

        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        root = QVBoxLayout(self)
        root.addWidget(self.safe_note)
        root.addWidget(self.audio_box)
        root.addWidget(self.lang_box)
        root.addWidget(self.coach_box)
        root.addLayout(buttons)
        self.retranslate()

    def _with_note(self, widget: QWidget, key: str) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        lay.addWidget(self._lock_notes[key])
        return box

    def changeEvent(self, e: QEvent | None) -> None:
        if e is not None and e.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(e)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lugn settings"))
        self.safe_note.setText(
            self.tr(
                "Your IT department's settings could not all be read. Lugn runs with safe defaults for now."
            )
        )
        self.audio_box.setTitle(self.tr("Audio"))
        self._mic_label.setText(self.tr("Your microphone"))
        self._far_label.setText(self.tr("Customer audio"))
        self.mic.setItemText(0, self.tr("Headset default"))
        self.far_end.setItemText(0, self.tr("Automatic (headset output)"))
        self.devices_error.setText(
            self.tr("Audio devices cannot be listed on this computer.") + f" ({self._devices_error_detail})"
        )
        self.audio_note.setText(self.tr("New audio sources are used from the next start of Lugn."))
        self.lang_box.setTitle(self.tr("Language"))
        self._lang_label.setText(self.tr("Language of Lugn"))
        for label, combo in (
            (self._mic_label, self.mic),
            (self._far_label, self.far_end),
            (self._lang_label, self.language),
        ):
            combo.setAccessibleName(label.text())
        self.language.setItemText(0, self.tr("Automatic (system language)"))
        self.coach_box.setTitle(self.tr("Coaching"))
        self.tips.setText(self.tr("Show empathy tips"))
        self.cues.setText(self.tr("Show cues about my delivery"))
        self.breathing.setText(self.tr("Offer breathing exercises"))
        for note in self._lock_notes.values():
            note.setText(self.tr("Set by your IT department"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changes(self) -> dict[str, Any]:
        """Dotted keys whose value differs from the current configuration (locked keys never included)."""
        cfg = self._config
        now: dict[str, Any] = {
            "audio.mic_device": self.mic.currentData(),
            "audio.far_end_device": self.far_end.currentData(),
            "ui.language": self.language.currentData(),
            "coach.tips_enabled": self.tips.isChecked(),
            "coach.delivery_cues_enabled": self.cues.isChecked(),
            "coach.breathing_enabled": self.breathing.isChecked(),
        }
        before: dict[str, Any] = {
            "audio.mic_device": cfg.audio.mic_device,
            "audio.far_end_device": cfg.audio.far_end_device,
            "ui.language": cfg.ui.language,
            "coach.tips_enabled": cfg.coach.tips_enabled,
            "coach.delivery_cues_enabled": cfg.coach.delivery_cues_enabled,
            "coach.breathing_enabled": cfg.coach.breathing_enabled,
        }
        return {k: v for k, v in now.items() if v != before[k] and k not in self._locked}

    def is_shown_locked(self, key: str) -> bool:
        return not self._fields[key].isEnabled() and self._lock_notes[key].isVisibleTo(self)
