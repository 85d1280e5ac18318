"""The small cards next to the indicator: an empathy tip, a delivery cue, the private end-of-call note.

Each card keeps the coach event it shows and re-renders its text on ``LanguageChange``, so a live language
switch reaches a card that is already on screen. Cards hide themselves after the event's display time; the tip
card is dismissed with one key (Esc) or its close button.
"""

from __future__ import annotations

from collections.abc import Callable

from PyQt6.QtCore import QEasingCurve, QEvent, QPropertyAnimation, QRectF, QSize, Qt, QTimer, pyqtSignal
from PyQt6.QtGui import QColor, QKeySequence, QPainter, QPaintEvent, QShortcut
from PyQt6.QtWidgets import (
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from device.coach.events import CallNote, DeliveryCue, TipKind, TipShown
from ui.agent import a11y, look
from ui.agent.coaching import style, texts

FADE_MS = 450


class _Mark(QWidget):
    def __init__(self, kind: str, colour: QColor, size_px: int = 18, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.colour = kind, colour
        self.setFixedSize(size_px, size_px)

    def paintEvent(self, _e: QPaintEvent | None) -> None:
        p = QPainter(self)
        r = QRectF(self.rect())
        if self.kind == "leaf":
            style.paint_leaf(p, r, self.colour)
        elif self.kind == "wave":
            style.paint_wave(p, r, self.colour)
        elif self.kind == "ring":
            style.paint_ring(p, r, self.colour)
        else:
            style.paint_cross(p, r, self.colour)
        p.end()


class _CloseButton(QToolButton):
    def __init__(self, size_px: int = 24, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("close")
        self.size_px = size_px
        self.setFixedSize(size_px, size_px)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(
            Qt.FocusPolicy.NoFocus
        )  # cards never take the keyboard (see look.NO_FOCUS_WINDOW)
        self.setStyleSheet(
            f"QToolButton {{ border: none; border-radius: {size_px // 2}px; background: transparent; }}"
            "QToolButton:hover { background: #2e3e48; }"
        )
        self._mark = _Mark("cross", style.TEXT_DIM, size_px, self)

    def sizeHint(self) -> QSize:
        return QSize(self.size_px, self.size_px)


class _Card(QFrame):
    """Dark rounded card, fixed width, height grows with the text up to ``max_height_px``.

    ``scale`` enlarges it (kiosk: readable from a metre away); on top of that, sizes follow the OS font.
    """

    closed = pyqtSignal()

    def __init__(
        self, accent: QColor, max_height_px: int, parent: QWidget | None = None, scale: float = 1.0
    ) -> None:
        super().__init__(parent)
        self.accent = accent
        self.scale = scale
        self.g = g = scale * look.ui_scale()
        self.max_height_px = round(max_height_px * g)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self.setFixedWidth(round(style.CARD_WIDTH_PX * g))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        self.setStyleSheet(style.card_qss(scale))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.fade_out)
        self._opacity = QGraphicsOpacityEffect(self)
        self._opacity.setOpacity(1.0)
        self.setGraphicsEffect(self._opacity)
        self._anim = QPropertyAnimation(self._opacity, b"opacity", self)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._anim.finished.connect(self._anim_done)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(round(18 * g), round(10 * g), round(10 * g), round(12 * g))
        self.outer.setSpacing(round(4 * g))
        self.hide()

    def _label(self, name: str, role: str, wrap: bool = True) -> QLabel:
        lab = QLabel(self)
        lab.setObjectName(name)
        lab.setProperty("role", role)
        lab.setWordWrap(wrap)
        lab.setTextFormat(Qt.TextFormat.PlainText)
        return lab

    def _header(self, mark: str, heading: QLabel, close: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(round(8 * self.g))
        row.addWidget(_Mark(mark, self.accent, round(16 * self.g), self), 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(heading, 1)
        if close:
            self.close_button = _CloseButton(round(24 * self.g), self)
            self.close_button.clicked.connect(self.dismiss)
            row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def present(self, display_s: float | None) -> None:
        self.retranslate()
        self.fit_height()
        self._anim.stop()
        self._opacity.setOpacity(1.0)
        self.show()
        if display_s is not None:
            self._timer.start(round(display_s * 1000))
        a11y.announce(self, f"{self.accessibleName()}. {self.accessibleDescription()}".strip(". ") + ".")

    def fit_height(self) -> None:
        """As tall as the wrapped text needs at the card's width (a label's own size hint guesses a narrower
        width and would leave gaps), at most ``max_height_px``."""
        self.outer.activate()
        self.setFixedHeight(min(self.max_height_px, self.outer.totalHeightForWidth(self.width())))

    def dismiss(self) -> None:
        self._timer.stop()
        self.fade_out()
        self.closed.emit()

    def fade_out(self) -> None:
        if not self.isVisible():
            return
        self._anim.stop()
        self._anim.setDuration(FADE_MS)
        self._anim.setStartValue(self._opacity.opacity())
        self._anim.setEndValue(0.0)
        self._anim.start()

    def _anim_done(self) -> None:
        if self._opacity.opacity() <= 0.01:
            self.hide()
            self._opacity.setOpacity(1.0)

    def retranslate(self) -> None:  # pragma: no cover - every card overrides it
        raise NotImplementedError

    def changeEvent(self, e: QEvent | None) -> None:
        if e is not None and e.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.fit_height()
        super().changeEvent(e)

    def paintEvent(self, _e: QPaintEvent | None) -> None:
        p = QPainter(self)
        style.paint_card(p, QRectF(self.rect()), self.accent, 12.0 * self.g)
        p.end()


class TipCard(_Card):
    """An empathy tip: a short line and an example phrase. Esc or the close button dismisses it."""

    dismissed = pyqtSignal(object)  # TipKind

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(style.TIP, 190, parent, scale)
        self.setObjectName("tipCard")
        self.tip: TipKind = TipKind.ACKNOWLEDGE
        self.dismiss_key = ""  # the global dismiss shortcut, named on the close button
        self.heading = self._label("tipHeading", "dim", wrap=False)
        self.title = self._label("tipTitle", "title")
        self.example = self._label("tipExample", "example")
        self.outer.addLayout(self._header("leaf", self.heading, close=True))
        self.outer.addWidget(self.title)
        self.outer.addWidget(self.example)
        self.closed.connect(lambda: self.dismissed.emit(self.tip))
        self.shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self.dismiss)

    def show_tip(self, event: TipShown) -> None:
        self.tip = event.tip
        self.present(event.display_s)

    def retranslate(self) -> None:
        self.heading.setText(texts.tip_heading())
        self.title.setText(texts.tip_title(self.tip))
        self.example.setText("\u201c" + texts.tip_example(self.tip) + "\u201d")
        if hasattr(self, "close_button"):
            self.close_button.setToolTip(texts.dismiss_hint(self.dismiss_key))
            self.close_button.setAccessibleName(texts.dismiss_hint(self.dismiss_key))
        self.setAccessibleName(texts.tip_heading() + ": " + texts.tip_title(self.tip))
        self.setAccessibleDescription(texts.tip_example(self.tip))


class DeliveryCueChip(_Card):
    """A delivery cue: what was observed about your own speech, and a small suggestion. Only you see it."""

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(style.CUE, 120, parent, scale)
        self.setObjectName("cueChip")
        self.cue: DeliveryCue | None = None
        self.fact = self._label("cueFact", "title")
        self.hint = self._label("cueHint", "example")
        self.private = self._label("cuePrivate", "dim", wrap=False)
        row = self._header("wave", self.fact, close=False)
        self.outer.addLayout(row)
        self.outer.addWidget(self.hint)
        self.outer.addWidget(self.private)
        self.hint.setStyleSheet("font-style: normal;")
        self.outer.setSpacing(round(6 * self.g))
        self.private.hide()  # shown in the first cue of a session only; the card colour says it afterwards

    def show_cue(self, event: DeliveryCue, first: bool = False) -> None:
        self.cue = event
        self.private.setVisible(first)
        self.present(event.display_s)

    def retranslate(self) -> None:
        if self.cue is None:
            return
        self.fact.setText(texts.cue_fact(self.cue.cue))
        self.hint.setText(texts.cue_hint(self.cue.cue))
        self.private.setText(texts.cue_private())
        self.setAccessibleName(texts.cue_fact(self.cue.cue))
        self.setAccessibleDescription(texts.cue_hint(self.cue.cue))


class CallNoteCard(_Card):
    """The private end-of-call note; it stays until the next call starts, then fades."""

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(style.NOTE, 280, parent, scale)
        self.setObjectName("callNote")
        self.note: CallNote | None = None
        self.heading = self._label("noteTitle", "title", wrap=False)
        self.private = self._label("notePrivate", "dim")
        self.frustrated = self._label("noteFrustrated", "body")
        self.eased = self._label("noteEased", "body")
        self.tips = self._label("noteTips", "body")
        self.shared = self._label("noteShared", "dim")  # what of this call leaves the computer, and how
        self.share_text: Callable[[CallNote], str] | None = None  # set by the app (ui.agent.privacy)
        self.outer.addLayout(self._header("ring", self.heading, close=True))
        self.outer.addWidget(self.private)
        self.outer.addSpacing(round(2 * self.g))
        for lab in (self.frustrated, self.eased, self.tips, self.shared):
            self.outer.addWidget(lab)

    def show_note(self, event: CallNote) -> None:
        self.note = event
        self.present(None)

    def retranslate(self) -> None:
        n = self.note
        if n is None:
            return
        self.heading.setText(texts.note_title())
        self.private.setText(texts.note_private())
        if n.declined:
            self.frustrated.setText(texts.note_declined())
            self.eased.hide()
        elif n.eased is None:
            self.frustrated.setText(texts.note_calm())
            self.eased.hide()
        else:
            self.frustrated.setText(texts.note_frustrated(texts.duration(n.frustrated_s)))
            self.eased.setText(texts.note_eased(n.eased))
            self.eased.show()
        self.tips.setText(texts.note_tips(len(n.tips_shown)))
        self.tips.setVisible(not n.declined)
        self.shared.setText(self.share_text(n) if self.share_text is not None else "")
        self.shared.setVisible(self.share_text is not None)
        if hasattr(self, "close_button"):
            self.close_button.setToolTip(texts.close_hint())
            self.close_button.setAccessibleName(texts.close_note_hint())
        self.setAccessibleName(texts.note_title())
        lines = [texts.note_private(), self.frustrated.text()]
        if self.eased.isVisibleTo(self):
            lines.append(self.eased.text())
        if self.tips.isVisibleTo(self):
            lines.append(self.tips.text())
        if self.shared.isVisibleTo(self):
            lines.append(self.shared.text())
        self.setAccessibleDescription(". ".join(line.rstrip(".") for line in lines) + ".")
