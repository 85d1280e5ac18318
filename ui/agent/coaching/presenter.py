"""``CoachingPresenter``: coach events in, coaching widgets on screen, the agent's answers out.

The app feeds every coach event to :meth:`CoachingPresenter.handle` in the GUI thread and connects two signals
back to the coach: ``dismissed(TipKind)`` -> ``Coach.dismiss`` and ``breathingResult(str)`` ->
``Coach.breathing_result``. Tip, cue and note cards stack in a small frameless panel next to ``anchor``
(the indicator) that never takes the keyboard focus from the agent's other applications; the breathing
overlay is its own window. ``dismiss_current`` is there for a global shortcut.
"""

from __future__ import annotations

from typing import Any, Protocol

from PyQt6.QtCore import QEvent, QObject, QPoint, QRect, Qt, pyqtSignal
from PyQt6.QtGui import QGuiApplication
from PyQt6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

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
from ui.agent import look
from ui.agent.coaching.breathing import BreathingOverlay
from ui.agent.coaching.cards import CallNoteCard, DeliveryCueChip, TipCard

GAP_PX = 8


class CoachingHost(Protocol):
    """A window that shows the coaching inside its own layout (the kiosk)."""

    coaching_scale: float
    breathing_scale: float

    def coaching_parent(self) -> QWidget: ...
    def breathing_parent(self) -> QWidget: ...
    def take_coaching(self, panel: QWidget, breathing: QWidget) -> None: ...


class CoachingPanel(QWidget):
    """The stack of cards under (or over) the indicator; shows only while a card is up.

    On a desk it is a window of its own that never takes the keyboard (``look.NO_FOCUS_WINDOW``). ``embedded``
    (kiosk) makes it a child widget of the kiosk's layout, enlarged by ``scale``.
    """

    def __init__(self, parent: QWidget | None = None, *, embedded: bool = False, scale: float = 1.0) -> None:
        super().__init__(parent, Qt.WindowType.Widget if embedded else look.NO_FOCUS_WINDOW)
        self.setObjectName("coachingPanel")
        self.embedded = embedded
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        if not embedded:
            self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        from ui.agent.notice import NoticeCard  # (ui.agent.notice builds on the coaching cards)

        self.notice = NoticeCard(self, scale)  # the caller-notice prompt, first in the stack
        self.tip = TipCard(self, scale)
        self.cue = DeliveryCueChip(self, scale)
        self.note = CallNoteCard(self, scale)
        self.tucked = False  # hidden while the breathing guide is up and they would overlap
        # a column next to the indicator on a desk; a row under the large indicator in a kiosk
        lay = QHBoxLayout(self) if embedded else QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(round(GAP_PX * scale))
        for card in self.cards():
            lay.addWidget(card, 0, Qt.AlignmentFlag.AlignTop)
            card.installEventFilter(self)
        self.anchor: QWidget | None = None

    def cards(self) -> tuple[QWidget, ...]:
        return (self.notice, self.tip, self.cue, self.note)

    def eventFilter(self, obj: QObject | None, event: QEvent | None) -> bool:
        if event is not None and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.relayout()
        return False

    def relayout(self) -> None:
        if self.tucked or not any(c.isVisibleTo(self) for c in self.cards()):
            self.hide()
            return
        self.adjustSize()
        if not self.embedded:
            self._place()
        if not self.isVisible():
            self.show()
        if self.embedded:  # lay the host out now, not on the next event-loop turn (a grab right after)
            self.updateGeometry()  # tells the host's layout that this panel's size hint changed
            w: QWidget | None = self.parentWidget()
            while w is not None:
                if (lay := w.layout()) is not None:
                    lay.activate()
                w = w.parentWidget()

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
        host: CoachingHost | None = None,
    ) -> None:
        """``host`` (the kiosk window) takes the cards and the breathing guide into its own layout."""
        super().__init__(parent)
        if host is not None:
            self.panel = CoachingPanel(host.coaching_parent(), embedded=True, scale=host.coaching_scale)
            self.breathing = BreathingOverlay(
                host.breathing_parent(), scale=host.breathing_scale, embedded=True
            )
            host.take_coaching(self.panel, self.breathing)
        else:
            self.panel = CoachingPanel()
            self.breathing = BreathingOverlay()
        self.host = host
        self.panel.anchor = anchor
        self.panel.hide()  # (a child widget would otherwise show, empty, with its host)
        self.fullscreen_breathing = fullscreen_breathing or host is not None
        self._cues_seen = 0
        self.panel.tip.dismissed.connect(self.dismissed)
        if host is None:
            self.breathing.keep_clear = self.coaching_column
        self.breathing.result.connect(self.breathingResult)
        self.breathing.result.connect(lambda _r: self._untuck())

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
            self._tuck_if_overlapping()
            self.widgetShown.emit("breathing", self.breathing, event.t_s)
        elif isinstance(event, BreathingWithdrawn):
            self.breathing.withdraw()
            self._untuck()
        elif isinstance(event, CallNote):
            self.note_card.show_note(event)
            self.widgetShown.emit("note", self.note_card, event.t_s)
        elif isinstance(event, CallNoteFaded):
            self.note_card.fade_out()
        self.panel.relayout()

    def coaching_column(self) -> QRect | None:
        """The screen's full height over the indicator and its cards: the breathing offer (and a privacy page)
        sits beside it, so the agent still sees the state and reads the after-call note (which may grow)."""
        window = self.panel.anchor.window() if self.panel.anchor is not None else None
        if window is None or not window.isVisible():
            return None
        r = window.frameGeometry()
        if self.panel.isVisible():
            r = r.united(self.panel.frameGeometry())
        r.setWidth(max(r.width(), self.panel.sizeHint().width()))  # cards still to come
        screen = window.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else r
        return QRect(r.left(), area.top(), r.width(), area.height())

    def _tuck_if_overlapping(self) -> None:
        """Cards must not cover the breathing guide's words (small screens, 2x scale): they wait until it
        ends."""
        if self.host is not None or not self.panel.isVisible():
            return
        if self.panel.frameGeometry().intersects(self.breathing.frameGeometry()):
            self.panel.tucked = True
            self.panel.relayout()

    def _untuck(self) -> None:
        if self.panel.tucked:
            self.panel.tucked = False
            self.panel.relayout()

    def dismiss_current(self) -> bool:
        """Dismiss the tip on screen (for a global shortcut). True if there was one."""
        if self.tip_card.isVisible():
            self.tip_card.dismiss()
            return True
        return False

    def dismiss_top(self) -> str | None:
        """Close what Lugn shows on top, one thing per call: the tip, else the breathing offer (skipped) or
        guide (stopped), else the after-call note. The name of what was closed, or None. For the global
        "dismiss" shortcut and ``lugn call dismiss``, which work without the keyboard focus."""
        if self.dismiss_current():
            return "tip"
        if self.breathing.isVisible() and self.breathing.offer is not None:
            self.breathing.escape()
            return "breathing"
        if self.note_card.isVisible():
            self.note_card.dismiss()
            return "note"
        return None

    def breathe_key(self) -> str | None:
        """The "breathe" shortcut on what is on screen: start an offered exercise, else None (the caller
        then asks the coach for one)."""
        if self.breathing.isVisible() and self.breathing.offer is not None:
            if self.breathing.pages.currentIndex() == 0:
                self.breathing.start_guide()
                return "started"
            return "running"
        return None

    def set_shortcut_hints(self, hints: dict[str, str]) -> None:
        """The tip's close button names the global dismiss shortcut (Esc cannot reach a card without
        focus)."""
        self.tip_card.dismiss_key = hints.get("dismiss", "")
        if self.tip_card.isVisible():
            self.tip_card.retranslate()
        notice = self.panel.notice
        notice.keys = {"notice": hints.get("notice_given", ""), "declined": hints.get("declined", "")}
        notice.retranslate()

    def retranslate(self) -> None:
        for card in self.panel.cards():
            if card.isVisible():
                card.retranslate()  # type: ignore[attr-defined]
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
