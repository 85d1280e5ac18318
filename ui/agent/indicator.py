"""The indicator: customer tone as a word, a colour and a shape, with a trend arrow and a pause button.

``IndicatorView`` is the content (used at scale 1 in the compact window and larger in kiosk mode);
``IndicatorWindow`` is the compact frameless, always-on-top, draggable window that remembers where it was put.
"""

from __future__ import annotations

from PyQt6.QtCore import QPoint, QRectF, QSettings, QSize, Qt, QTimer, pyqtSignal
from PyQt6.QtGui import (
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShowEvent,
)
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QMenu, QSizePolicy, QVBoxLayout, QWidget

from device.events import Trend
from ui.agent import a11y, look
from ui.agent.glyphs import Glyph, IconButton
from ui.agent.placement import Placer
from ui.agent.state import IndicatorState, View

MIN_WIDTH_PX = 250  # at the design font size (see look.ui_scale)
MAX_WIDTH_PX = 440
TITLE_REL, DETAIL_REL = 1.75, 1.08  # font sizes as multiples of the OS font


class IndicatorView(QWidget):
    """State word + shape + trend + buttons. ``scale`` enlarges everything (kiosk)."""

    pauseToggled = pyqtSignal()
    breathingRequested = pyqtSignal()

    def __init__(
        self, scale: float = 1.0, *, show_buttons: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("IndicatorView")
        self.scale = scale  # the kiosk's enlargement; text and geometry also follow the OS font size
        self.geometry_scale = scale * look.ui_scale()
        self._view = View(IndicatorState.NO_CALL)
        self._paused = False
        px = lambda v: round(v * self.geometry_scale)  # noqa: E731
        self.shape = Glyph(px(40), self)
        self.title = QLabel(self)
        self.title.setObjectName("title")
        f = QFont(self.font())
        f.setPointSizeF(look.font_pt(TITLE_REL, scale))
        f.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(f)
        self.detail = QLabel(self)
        self.detail.setObjectName("detail")
        f2 = QFont(self.font())
        f2.setPointSizeF(look.font_pt(DETAIL_REL, scale))
        self.detail.setFont(f2)
        self.notice = QLabel(self)  # a small hint under the state: team metrics are paused
        self.notice.setObjectName("notice")
        self.notice.setFont(f2)
        self.notice.setStyleSheet(f"color: {look.TEXT_DIM.name()}; background: transparent;")
        self.notice.hide()
        self._notice_reason: str | None = None
        self.arrow = Glyph(px(14), self)
        self.arrow.trend = Trend.STEADY
        self.trend = QLabel(self)
        self.trend.setObjectName("trend")
        self.trend.setFont(f2)
        for lab, colour in ((self.title, look.TEXT), (self.detail, look.TEXT_DIM), (self.trend, look.TEXT)):
            lab.setStyleSheet(f"color: {colour.name()}; background: transparent;")
            lab.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.pause_button = IconButton("pause", px(28), self)
        self.pause_button.clicked.connect(self.pauseToggled)
        self.breathe_button = IconButton("breathe", px(28), self)
        self.breathe_button.clicked.connect(self.breathingRequested)
        for b in (self.pause_button, self.breathe_button):
            b.setVisible(show_buttons)

        detail_row = QHBoxLayout()
        detail_row.setSpacing(px(6))
        detail_row.addWidget(self.detail, 0)
        detail_row.addWidget(self.arrow, 0, Qt.AlignmentFlag.AlignVCenter)
        detail_row.addWidget(self.trend, 1)
        text = QVBoxLayout()
        text.setSpacing(px(1))
        text.addWidget(self.title)
        text.addLayout(detail_row)
        text.addWidget(self.notice)
        buttons = QHBoxLayout()
        buttons.setSpacing(px(6))
        buttons.addWidget(self.breathe_button)
        buttons.addWidget(self.pause_button)
        row = QHBoxLayout(self)
        row.setContentsMargins(px(14), px(10), px(12), px(10))
        row.setSpacing(px(12))
        row.addWidget(self.shape, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(text, 1)
        row.addLayout(buttons, 0)
        self.retranslate()

    # -- content -------------------------------------------------------------------------------------------
    def set_view(self, view: View) -> None:
        changed = view != self._view
        self._view = view
        self._render()
        if changed:  # a screen reader speaks it although Lugn never has the focus (a live-region equivalent)
            a11y.announce(self, self.accessibleName())

    def view(self) -> View:
        return self._view

    def set_paused(self, paused: bool) -> None:
        self._paused = paused
        self.pause_button.kind = "resume" if paused else "pause"
        self._render()  # (announced by set_view: pausing changes the state to PAUSED)

    def set_notice(self, reason: str | None) -> None:
        """Show (with ``reason`` as its tooltip, for IT) or hide the "team metrics paused" hint."""
        self._notice_reason = reason
        self.notice.setVisible(reason is not None)
        self._render()

    def retranslate(self) -> None:
        self.breathe_button.setToolTip(self.tr("Breathing exercise"))
        self.breathe_button.setAccessibleName(self.tr("Start a breathing exercise"))
        self._render()
        self.setFixedWidth(self.required_width())

    def _render(self) -> None:
        v = self._view
        self.shape.state = v.state
        self.title.setText(look.state_title(v.state))
        self.detail.setText(look.state_detail(v.state))
        tone = v.state.is_tone
        self.arrow.setVisible(tone)
        self.trend.setVisible(tone)
        self.arrow.trend = v.trend
        self.arrow.colour = look.TEXT
        self.trend.setText(look.trend_word(v.trend))
        self.notice.setText(self.tr("Team metrics paused"))
        self.notice.setToolTip(self._notice_reason or "")
        label = self.tr("Pause analysis") if not self._paused else self.tr("Resume analysis")
        self.pause_button.setToolTip(label)
        self.pause_button.setAccessibleName(label)
        self.shape.setAccessibleName(look.state_title(v.state))
        if tone:
            desc = self.tr("Customer tone: %1, %2").replace("%1", look.state_title(v.state))
            desc = desc.replace("%2", look.trend_word(v.trend))
        else:
            desc = f"{look.state_title(v.state)}. {look.state_detail(v.state)}"
        self.setAccessibleName(desc)
        self.setToolTip(desc)
        self.shape.update()
        self.arrow.update()
        self.pause_button.update()
        lay = self.layout()
        if lay is not None:  # lay out now, not on the next event-loop turn: a grab right after must be right
            lay.activate()

    # -- size ----------------------------------------------------------------------------------------------
    def required_width(self) -> int:
        """Width that fits the longest text of any state in the current language, within [MIN, MAX] * scale.

        Computed once per language, so the window never jumps between states.
        """
        fm_t, fm_d = self.title.fontMetrics(), self.detail.fontMetrics()
        arrow_w = self.arrow.width() + self.layout().itemAt(1).layout().itemAt(1).layout().spacing()  # type: ignore[union-attr]
        text_w = 0
        for st in IndicatorState:
            text_w = max(text_w, fm_t.horizontalAdvance(look.state_title(st)))
            line = fm_d.horizontalAdvance(look.state_detail(st))
            if st.is_tone:
                for tr in Trend:
                    line_t = line + 2 * arrow_w + fm_d.horizontalAdvance(look.trend_word(tr))
                    text_w = max(text_w, line_t)
            text_w = max(text_w, line)
        m = self.layout().contentsMargins()  # type: ignore[union-attr]
        sp = self.layout().spacing()  # type: ignore[union-attr]
        buttons = 0
        if self.pause_button.isVisibleTo(self) or not self.isVisible():
            g = self.geometry_scale
            buttons = self.pause_button.width() + self.breathe_button.width() + round(6 * g) + sp
        if not self.pause_button.isVisibleTo(self) and self.isVisible():
            buttons = 0
        need = (
            m.left() + m.right() + self.shape.width() + sp + text_w + buttons + round(8 * self.geometry_scale)
        )
        lo, hi = round(MIN_WIDTH_PX * self.geometry_scale), round(MAX_WIDTH_PX * self.geometry_scale)
        return max(lo, min(hi, need))

    def overflowing_labels(self) -> list[str]:
        """Labels whose text does not fit their width right now (used by the overflow test)."""
        out = []
        for lab in (self.title, self.detail, self.trend):
            need = lab.fontMetrics().horizontalAdvance(lab.text())
            if lab.isVisibleTo(self) and need > lab.contentsRect().width():
                out.append(f"{lab.objectName()}={lab.text()!r}")
        return out

    def paintEvent(self, _e: QPaintEvent | None) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        p.setPen(QPen(look.BORDER, 1))
        p.setBrush(look.BACKGROUND)
        g = self.geometry_scale
        radius = 14 * g
        p.drawRoundedRect(r, radius, radius)
        # A thin accent along the left edge in the state colour (a second cue, never the only one).
        accent = look.STATE_COLOUR[self._view.state]
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(accent)
        p.drawRoundedRect(
            QRectF(r.left() + 4 * g, r.top() + 12 * g, 3 * g, r.height() - 24 * g), 1.5 * g, 1.5 * g
        )
        p.end()


class IndicatorWindow(QWidget):
    """Compact frameless always-on-top window. Drag anywhere to move; the place is remembered per screen
    set-up and kept inside the available area of a screen (see ``ui.agent.placement``).

    It never takes the keyboard: it shows without activating and does not accept focus, so a click on Pause
    leaves the softphone's text field focused. Keyboard users reach its actions through global shortcuts,
    ``lugn call …`` and the tray menu.
    """

    pauseToggled = pyqtSignal()
    breathingRequested = pyqtSignal()
    settingsRequested = pyqtSignal()
    quitRequested = pyqtSignal()

    def __init__(self, settings: QSettings | None = None, *, allow_quit: bool = True) -> None:
        super().__init__(None, look.NO_FOCUS_WINDOW)
        self.setObjectName("IndicatorWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        # Never steal the keyboard from the softphone or the CRM when it appears or changes.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._settings = settings
        self._allow_quit = allow_quit
        self._drag_from: QPoint | None = None
        self.menu: QMenu | None = None  # a right click opens this menu when set (else a short one of its own)
        self.view = IndicatorView(1.0, parent=self)
        self.view.pauseToggled.connect(self.pauseToggled)
        self.view.breathingRequested.connect(self.breathingRequested)
        for b in (self.view.pause_button, self.view.breathe_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view)
        self.placer = Placer(self, settings)
        self._intended = QPoint()
        self._reassert = QTimer(self)
        self._reassert.setSingleShot(True)
        self._reassert.setInterval(300)
        self._reassert.timeout.connect(self._reassert_place)
        self.retranslate()
        self.placer.place()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lugn – customer tone"))
        self.setAccessibleName(self.tr("Lugn – customer tone"))
        self.view.retranslate()
        self.adjustSize()
        self.resize(self.sizeHint())
        self.placer.keep_inside()  # a longer language must not push the buttons off screen

    def sizeHint(self) -> QSize:
        # The view's width is fixed to fit its longest text; its layout's own hint is narrower.
        return QSize(self.view.required_width(), self.view.sizeHint().height())

    def showEvent(self, e: QShowEvent | None) -> None:
        self.placer.keep_inside()
        super().showEvent(e)
        # Some window managers (openbox) reparent a new window while Qt still maps it, and Qt can then record
        # the frame's origin instead of the real place: the panel of tips would follow a wrong anchor. Asking
        # for the place again once it is mapped brings Qt's record back in line (a no-op when it already is).
        self._intended = self.pos()
        self._reassert.start()

    def _reassert_place(self) -> None:
        if self.pos() != self._intended:
            self.move(self._intended)

    # -- dragging + remembered place -------------------------------------------------------------------------
    def mousePressEvent(self, e: QMouseEvent | None) -> None:
        if e is not None and e.button() == Qt.MouseButton.LeftButton:
            self._drag_from = e.globalPosition().toPoint() - self.frameGeometry().topLeft()
            e.accept()

    def mouseMoveEvent(self, e: QMouseEvent | None) -> None:
        if e is not None and self._drag_from is not None and e.buttons() & Qt.MouseButton.LeftButton:
            self.move(e.globalPosition().toPoint() - self._drag_from)
            e.accept()

    def mouseReleaseEvent(self, e: QMouseEvent | None) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            self.placer.keep_inside()  # dropped half off screen: pulled back in
            self.save_position()

    def save_position(self) -> None:
        self.placer.save()

    def contextMenuEvent(self, e: QContextMenuEvent | None) -> None:
        if e is None:
            return
        if self.menu is not None:  # the tray's menu (the app sets it): every action, with or without a tray
            self.menu.exec(e.globalPos())
            return
        menu = QMenu(self)
        menu.addAction(self.view.pause_button.toolTip(), self.pauseToggled.emit)
        menu.addAction(self.tr("Breathing exercise"), self.breathingRequested.emit)
        if self._allow_quit:
            menu.addSeparator()
            menu.addAction(self.tr("Settings…"), self.settingsRequested.emit)
            menu.addAction(self.tr("Quit Lugn"), self.quitRequested.emit)
        menu.exec(e.globalPos())
