"""``CoachingPresenter``: coach events in, coaching widgets on screen, the agent's answers out.

The app feeds every coach event to :meth:`CoachingPresenter.handle` in the GUI thread and connects two signals
back to the coach: ``dismissed(TipKind)`` -> ``Coach.dismiss`` and ``breathingResult(str)`` ->
``Coach.breathing_result``. Tip, cue and note cards stack in a small frameless panel next to ``anchor``
(the indicator) that never takes the keyboard focus from the agent's other applications; the breathing
overlay is its own window. ``dismiss_current`` is there for a global shortcut.
"""

from __future__ import annotations

from typing import Any

from PyQt6.QtCore import QEvent, QObject, QPoint, Qt, pyqtSignal
from PyQt6.QtGui import QGuiApplication
from PyQt6.QtWidgets import QVBoxLayout, QWidget

from device.coach.events import (
    BreathingOffered,
    BreathingWithdrawn,
    CallNote,
    CallNoteFaded,
    CoachEvent,
    DeliveryCue,
    TipDismissed,
    TipShown,
)
from ui.agent.coaching.breathing import BreathingOverlay
from ui.agent.coaching.cards import CallNoteCard, DeliveryCueChip, TipCard

GAP_PX = 8


class CoachingPanel(QWidget):
    """The stack of cards under (or over) the indicator; shows only while a card is up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        flags = Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        super().__init__(parent, flags)
        self.setObjectName("coachingPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.tip = TipCard(self)
        self.cue = DeliveryCueChip(self)
        self.note = CallNoteCard(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(GAP_PX)
        for card in self.cards():
            lay.addWidget(card)
            card.installEventFilter(self)
        self.anchor: QWidget | None = None

    def cards(self) -> tuple[TipCard, DeliveryCueChip, CallNoteCard]:
        return (self.tip, self.cue, self.note)

    def eventFilter(self, obj: QObject | None, event: QEvent | None) -> bool:
        if event is not None and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.relayout()
        return False

    def relayout(self) -> None:
        if not any(c.isVisibleTo(self) for c in self.cards()):
            self.hide()
            return
        self.adjustSize()
        self._place()
        if not self.isVisible():
            self.show()

    def _place(self) -> None:
        """Below the anchor; above it when there is no room below; inside its bottom edge when the anchor
        fills the screen (kiosk). Always on the anchor's screen."""
        a = self.anchor
        if a is None or not a.isVisible():
            return
        top_left = a.mapToGlobal(QPoint(0, 0))
        pos = QPoint(top_left.x(), top_left.y() + a.height() + GAP_PX)
        screen = a.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            if pos.y() + self.height() > room.bottom():
                pos = QPoint(top_left.x(), top_left.y() - self.height() - GAP_PX)
            if pos.y() < room.top():  # the anchor fills the screen: sit inside it, bottom right
                pos = QPoint(
                    top_left.x() + a.width() - self.width() - 3 * GAP_PX,
                    top_left.y() + a.height() - self.height() - 3 * GAP_PX,
                )
            pos.setX(max(room.left(), min(pos.x(), room.right() - self.width())))
            pos.setY(max(room.top(), min(pos.y(), room.bottom() - self.height())))
        self.move(pos)


class CoachingPresenter(QObject):
    dismissed = pyqtSignal(object)  # TipKind: the agent dismissed the tip (-> Coach.dismiss)
    breathingResult = pyqtSignal(str)  # "taken" | "skipped" | "snoozed" (-> Coach.breathing_result)
    widgetShown = pyqtSignal(str, object, float)  # "tip" | "cue" | "breathing" | "note", the widget, t_s

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        anchor: QWidget | None = None,
        fullscreen_breathing: bool = False,
    ) -> None:
        super().__init__(parent)
        self.panel = CoachingPanel()
        self.panel.anchor = anchor
        self.breathing = BreathingOverlay()
        self.fullscreen_breathing = fullscreen_breathing
        self._cues_seen = 0
        self.panel.tip.dismissed.connect(self.dismissed)
        self.breathing.result.connect(self.breathingResult)

    @property
    def tip_card(self) -> TipCard:
        return self.panel.tip

    @property
    def cue_chip(self) -> DeliveryCueChip:
        return self.panel.cue

    @property
    def note_card(self) -> CallNoteCard:
        return self.panel.note

    def handle(self, event: CoachEvent) -> None:
        """Show what a coach event asks for (GUI thread)."""
        if isinstance(event, TipShown):
            self.tip_card.show_tip(event)
            self.widgetShown.emit("tip", self.tip_card, event.t_s)
        elif isinstance(event, TipDismissed):
            if self.tip_card.isVisible() and self.tip_card.tip is event.tip:
                self.tip_card.fade_out()
        elif isinstance(event, DeliveryCue):
            self._cues_seen += 1
            self.cue_chip.show_cue(event, first=self._cues_seen == 1)
            self.widgetShown.emit("cue", self.cue_chip, event.t_s)
        elif isinstance(event, BreathingOffered):
            self.breathing.offer_breathing(event, self.fullscreen_breathing)
            self.widgetShown.emit("breathing", self.breathing, event.t_s)
        elif isinstance(event, BreathingWithdrawn):
            self.breathing.withdraw()
        elif isinstance(event, CallNote):
            self.note_card.show_note(event)
            self.widgetShown.emit("note", self.note_card, event.t_s)
        elif isinstance(event, CallNoteFaded):
            self.note_card.fade_out()
        self.panel.relayout()

    def dismiss_current(self) -> None:
        """Dismiss the tip on screen (for a global shortcut)."""
        if self.tip_card.isVisible():
            self.tip_card.dismiss()

    def retranslate(self) -> None:
        for card in self.panel.cards():
            if card.isVisible():
                card.retranslate()
        self.breathing.retranslate()

    def widgets(self) -> dict[str, Any]:
        return {
            "tip": self.tip_card,
            "cue": self.cue_chip,
            "note": self.note_card,
            "breathing": self.breathing,
            "panel": self.panel,
        }

    def close_all(self) -> None:
        for card in self.panel.cards():
            card.hide()
        self.panel.hide()
        self.breathing.hide()
