"""The caller-notice prompt (policy ``[notice] mode = "agent"``): at call start, the one line the agent reads
aloud, in the caller's language (sv, nb, fi or en, the agent's choice), and two buttons: told, declined.

Like every Lugn card it never takes the keyboard focus (the agent is typing into the softphone): it is
answered with a click, a global shortcut (``ui.shortcut_notice``, ``ui.shortcut_declined``) or ``lugn call
notice-given|declined``. Until it is answered no customer audio reaches the tone model (``device.notice``);
the indicator says so. It sits in the coaching panel, so in a kiosk it is inside the kiosk's own layout.

The headings and buttons follow the UI language; the line itself follows the caller's language and is the
deployer's approved wording from the policy (``[notice.lines]``), never a translation made here.
"""

from __future__ import annotations

from PyQt6.QtCore import QCoreApplication, Qt, pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from device.notice import LANGUAGES, NoticeLines
from ui.agent import a11y
from ui.agent.coaching import style
from ui.agent.coaching.cards import _Card

translate = QCoreApplication.translate
ACCENT = style.CUE


class NoticeCard(_Card):
    """Shown from the call's start until the notice is given or declined (or the call ends)."""

    given = pyqtSignal()
    declined = pyqtSignal()
    languageChosen = pyqtSignal(str)
    reserve_height = False  # a kiosk keeps room for the tip, not for this taller card (shown at call start)

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(ACCENT, 420, parent, scale)
        self.setObjectName("noticeCard")
        self.lines = NoticeLines()
        self.language = "en"  # the caller's language (the agent picks it; starts as the UI language)
        self.keys: dict[str, str] = {}  # "notice"/"declined" -> the global shortcut's text
        self.asking = False  # up for the current call (it may still be fading out from the last one)
        self.heading = self._label("noticeHeading", "title")
        self.line = self._label("noticeLine", "example")
        self.line.setStyleSheet("font-style: normal;")
        self.hint = self._label("noticeHint", "dim")
        self.outer.addLayout(self._header("ring", self.heading, close=False))
        self.outer.addWidget(self.hint)
        langs = QHBoxLayout()
        langs.setSpacing(round(4 * self.g))
        self.language_buttons: dict[str, QPushButton] = {}
        for lang in LANGUAGES:
            b = self._button(f"lang_{lang}", lang.upper())
            b.setCheckable(True)
            b.clicked.connect(lambda _c=False, lang=lang: self.set_language(lang, chosen=True))
            langs.addWidget(b)
            self.language_buttons[lang] = b
        langs.addStretch(1)
        self.outer.addLayout(langs)
        self.outer.addWidget(self.line)
        row = QHBoxLayout()
        row.setSpacing(round(8 * self.g))
        self.given_button = self._button("noticeGiven", "")
        self.given_button.setProperty("role", "primary")
        self.given_button.clicked.connect(self.given)
        self.declined_button = self._button("noticeDeclined", "")
        self.declined_button.clicked.connect(self.declined)
        row.addWidget(self.given_button, 1)
        row.addWidget(self.declined_button, 1)
        self.outer.addSpacing(round(4 * self.g))
        self.outer.addLayout(row)
        self.key_hint = self._label("noticeKeys", "dim")  # the global shortcuts, when they work
        self.outer.addWidget(self.key_hint)

    def _button(self, name: str, text: str) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never takes the keyboard from the softphone
        b.setCursor(Qt.CursorShape.PointingHandCursor)
        return b

    def configure(self, lines: NoticeLines, ui_language: str) -> None:
        self.lines = lines
        if not self.isVisible():
            self.set_language(ui_language)

    def set_language(self, language: str, chosen: bool = False) -> None:
        self.language = language if language in LANGUAGES else "en"
        for lang, b in self.language_buttons.items():
            b.setChecked(lang == self.language)
        self.retranslate()
        if self.isVisible():
            self.fit_height()
        if chosen:
            self.languageChosen.emit(self.language)

    def ask(self) -> None:
        """Show the prompt (call start). It stays until answered or the call ends."""
        self.asking = True
        self.present(None)

    def retranslate(self) -> None:
        self.heading.setText(translate("Notice", "Tell the caller first"))
        self.line.setText(self.lines.line(self.language))
        self.hint.setText(
            translate("Notice", "No tone analysis until you confirm. Read aloud, in the caller's language:")
        )
        told, declined = translate("Notice", "Told"), translate("Notice", "Declined")
        self.given_button.setText(told)
        self.declined_button.setText(declined)
        on_keys = ((self.keys.get("notice", ""), told), (self.keys.get("declined", ""), declined))
        keys = [f"{key}: {label}" for key, label in on_keys if key]
        self.key_hint.setText(" · ".join(keys))
        self.key_hint.setVisible(bool(keys))
        told_tip = translate("Notice", "The caller was told: start the tone analysis")
        declined_tip = translate("Notice", "The caller declined: no tone analysis this call")
        self.given_button.setToolTip(_with_key(told_tip, self.keys.get("notice", "")))
        self.declined_button.setToolTip(_with_key(declined_tip, self.keys.get("declined", "")))
        self.given_button.setAccessibleName(self.given_button.toolTip())
        self.declined_button.setAccessibleName(self.declined_button.toolTip())
        for lang, b in self.language_buttons.items():
            b.setAccessibleName(language_name(lang))
            b.setToolTip(language_name(lang))
        self.setAccessibleName(self.heading.text())
        self.setAccessibleDescription(f"{self.hint.text()} {self.line.text()}")

    def answered(self) -> None:
        self.asking = False
        if self.isVisible():
            self.fade_out()
            a11y.announce(self, translate("Notice", "Caller notice answered"))


def _with_key(text: str, key: str) -> str:
    return f"{text} ({key})" if key else text


def language_name(lang: str) -> str:
    """The language's own name (the agent may not read the UI language's name for it)."""
    return {"sv": "Svenska", "nb": "Norsk bokmål", "fi": "Suomi", "en": "English"}[lang]
