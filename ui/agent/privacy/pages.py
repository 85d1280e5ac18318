"""The agent's privacy pages: the first-run notice and "What leaves this computer".

On a desk each page is a window of its own that opens without taking the keyboard (the agent may be typing
into the softphone when it first appears); in a kiosk it is a layer inside the kiosk window, enlarged like
the kiosk's cards (a separate window would sit behind the full-screen kiosk). Text wraps and scrolls, so no
language and no font size can cut a sentence off.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import QEvent, QRect, QRectF, Qt, pyqtSignal
from PyQt6.QtGui import QFont, QGuiApplication, QPainter, QPaintEvent, QTextOption
from PyQt6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from device.protocol.payloads import COUNT_FIELDS, BucketSummary, Counts
from ui.agent import a11y, look
from ui.agent.coaching import style
from ui.agent.placement import MARGIN_PX, clamp_into, place_clear_of
from ui.agent.privacy import texts

PAGE_WIDTH_PX = 560
PAGE_HEIGHT_PX = 620
PAGE_MIN_WIDTH_PX = 400  # narrower than designed, to sit beside the indicator on a small screen
WM_TITLE_PX = 32  # room kept above a desk page for the window manager's title bar


class Page(QFrame):
    """A dark panel with a title, a scrolling body and a row of buttons."""

    closed = pyqtSignal()

    def __init__(
        self, name: str, parent: QWidget | None = None, *, embedded: bool = False, scale: float = 1.0
    ):
        flags = (
            Qt.WindowType.Widget if embedded else Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint
        )
        super().__init__(parent, flags)
        self.setObjectName(name)
        self.embedded = embedded
        self.keep_clear: Callable[[], QRect | None] | None = None  # the indicator's column (set by the app)
        self.g = g = scale * look.ui_scale()
        if not embedded:
            self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
            self.resize(round(PAGE_WIDTH_PX * g), round(PAGE_HEIGHT_PX * g))
        self.setStyleSheet(
            style.card_qss(scale)
            + "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        )
        self.title = self.label("pageTitle", "title")
        self.title.setStyleSheet(f"font-size: {look.font_pt(1.6, scale)}pt; font-weight: 600;")
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, round(8 * g), 0)
        self.body_layout.setSpacing(round(6 * g))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.body)
        self.scroll_area = scroll
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.close_button = self.button("pageClose")
        self.close_button.clicked.connect(self.close_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(round(22 * g), round(16 * g), round(18 * g), round(16 * g))
        outer.setSpacing(round(10 * g))
        outer.addWidget(self.title)
        outer.addWidget(scroll, 1)
        outer.addLayout(self.buttons)

    def label(self, name: str, role: str = "", parent: QWidget | None = None) -> QLabel:
        lab = QLabel(parent or self)
        lab.setObjectName(name)
        if role:
            lab.setProperty("role", role)
        lab.setWordWrap(True)
        lab.setTextFormat(Qt.TextFormat.PlainText)
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return lab

    def button(self, name: str, primary: bool = False) -> QPushButton:
        b = QPushButton(self)
        b.setObjectName(name)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if primary:
            b.setProperty("role", "primary")
        self.buttons.addWidget(b)
        return b

    def add_section(self, head: str, body: str, name: str) -> tuple[QLabel, QLabel]:
        h = self.label(f"{name}Head", "title", self.body)
        b = self.label(f"{name}Body", "", self.body)
        h.setText(head)
        b.setText(body)
        if self.body_layout.count():
            self.body_layout.addSpacing(round(6 * self.g))
        self.body_layout.addWidget(h)
        self.body_layout.addWidget(b)
        h.show()
        b.show()
        return h, b

    def clear_body(self) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item is not None and (w := item.widget()) is not None:
                w.hide()
                w.setParent(None)
                w.deleteLater()

    def open_page(self) -> None:
        self.retranslate()
        if not self.embedded:
            self.fit_on_screen()
        self.show()
        self.raise_()
        a11y.announce(self, self.title.text())

    def fit_on_screen(self) -> None:
        """Its designed size, but never taller or wider than the screen (the body scrolls instead): at scale 2
        on a 1080p screen the notice was 1240 px tall and its buttons were off the bottom. Centred, or beside
        the indicator's column (``keep_clear``) when centred would cover it and there is room."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        w = min(round(PAGE_WIDTH_PX * self.g), area.width())
        h = min(round(PAGE_HEIGHT_PX * self.g), area.height() - WM_TITLE_PX)  # and the window manager's bar
        self.resize(w, h)
        avoid = self.keep_clear() if self.keep_clear is not None else None
        beside = None
        if avoid is not None:
            beside = place_clear_of(w, h + WM_TITLE_PX, avoid, area)
            free = max(avoid.left() - area.left(), area.right() - avoid.right()) - 2 * MARGIN_PX
            if beside is None and free >= round(PAGE_MIN_WIDTH_PX * self.g):  # narrower, the text wraps
                w = free
                self.resize(w, h)
                beside = place_clear_of(w, h + WM_TITLE_PX, avoid, area)
        framed = QRect(0, 0, w, h + WM_TITLE_PX)
        framed.moveCenter(area.center())
        self.move(beside or clamp_into(framed, area))  # a window's position is its frame's

    def close_page(self) -> None:
        self.hide()
        self.closed.emit()

    def retranslate(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def changeEvent(self, e: QEvent | None) -> None:
        if e is not None and e.type() == QEvent.Type.LanguageChange and self.isVisible():
            self.retranslate()
        super().changeEvent(e)

    def paintEvent(self, _e: QPaintEvent | None) -> None:
        p = QPainter(self)
        style.paint_card(p, QRectF(self.rect()), style.NOTE, 14.0 * self.g)
        p.end()


class FirstRunNotice(Page):
    """What Lugn analyses, what leaves the computer, who sees it (shown once; reopened from the tray)."""

    whatLeavesRequested = pyqtSignal()

    def __init__(self, parent: QWidget | None = None, *, embedded: bool = False, scale: float = 1.0):
        super().__init__("firstRunNotice", parent, embedded=embedded, scale=scale)
        self.config: Any = None
        self.leaves_button = self.button("openWhatLeaves")
        self.leaves_button.clicked.connect(self.whatLeavesRequested)
        self.buttons.removeWidget(self.close_button)
        self.buttons.addWidget(self.close_button)
        self.close_button.setProperty("role", "primary")

    def configure(self, config: Any) -> None:
        self.config = config
        if self.isVisible():
            self.retranslate()

    def retranslate(self) -> None:
        c = self.config
        m = c.metrics if c is not None else None
        on = bool(m is not None and m.enabled)
        minutes = m.bucket_min if m is not None else 15
        self.setWindowTitle(texts.notice_title())
        self.title.setText(texts.notice_title())
        self.clear_body()
        tone_on = c is None or c.tone.enabled
        self.add_section(
            texts.notice_customer_head(),
            texts.notice_customer_body() if tone_on else texts.notice_tone_off(),
            "customer",
        )
        self.add_section(texts.notice_agent_head(), texts.notice_agent_body(), "agent")
        leaves = texts.notice_leaves_on(minutes) if on else texts.notice_leaves_off()
        self.add_section(texts.notice_leaves_head(), leaves, "leaves")
        who = texts.notice_who_on(m.k_min, minutes) if on and m is not None else texts.notice_who_off()
        self.add_section(texts.notice_who_head(), who, "who")
        if tone_on:
            mode = c.notice.mode if c is not None else "agent"
            self.add_section(texts.notice_caller_head(), texts.notice_caller(mode), "caller")
        self.add_section(texts.notice_control_head(), texts.notice_control(), "control")
        self.body_layout.addStretch(1)
        self.leaves_button.setText(texts.open_what_leaves())
        self.close_button.setText(texts.understood())
        self.setAccessibleName(texts.notice_title())


class WhatLeavesView(Page):
    """The pending and the last-sent contributions, in words or as the exact JSON; a sample of the team
    summary a supervisor sees; the device status IT sees. ``refresh(what)`` with ``MetricsService.
    what_leaves()`` (None: team metrics are off)."""

    def __init__(self, parent: QWidget | None = None, *, embedded: bool = False, scale: float = 1.0):
        super().__init__("whatLeaves", parent, embedded=embedded, scale=scale)
        self.what: Any = None
        self.raw = False
        self.raw_button = self.button("rawToggle")
        self.raw_button.clicked.connect(self.toggle_raw)
        self.buttons.removeWidget(self.close_button)
        self.buttons.addWidget(self.close_button)

    def refresh(self, what: Any) -> None:
        self.what = what
        self.retranslate()

    def toggle_raw(self) -> None:
        self.raw = not self.raw
        self.retranslate()

    def retranslate(self) -> None:
        w = self.what
        self.setWindowTitle(texts.leaves_title())
        self.title.setText(texts.leaves_title())
        self.raw_button.setText(texts.show_readable() if self.raw else texts.show_raw())
        self.close_button.setText(texts.close())
        self.clear_body()
        if w is None:
            self._text("state", texts.publishing_off())
            self.raw_button.setVisible(False)
            self.body_layout.addStretch(1)
            return
        self.raw_button.setVisible(True)
        minutes = w.bucket_s // 60
        state = (
            texts.publishing_on(w.broker_url or "", minutes)
            if w.publishing
            else texts.publishing_waiting(minutes)
        )
        self._text("state", state)
        # the open interval: what the after-call note called "shared" is here until the interval ends
        until = time.strftime("%H:%M", time.localtime(w.counting_until)) if w.counting_until else "–"
        self._head("counting", texts.counting_head(until))
        parts = [texts.shared_part(f, v) for f, v in w.counting.items()]
        what = ", ".join(parts) if parts else texts.counting_none()
        self._text("countingWhat", what, "" if parts else "dim")
        self._head("pending", texts.pending_head(len(w.pending)))
        if not w.pending:
            self._text("pendingNone", texts.nothing_pending(), "dim")
        for i, row in enumerate(w.pending):
            self._message(f"pending{i}", row.topic, row.payload)
        if w.last_sent is None:
            self._head("lastSent", texts.last_sent_head("–"))
            self._text("lastSentNone", texts.nothing_sent(), "dim")
        else:
            row, at = w.last_sent
            self._head("lastSent", texts.last_sent_head(time.strftime("%H:%M", time.localtime(at))))
            self._message("lastSentRow", row.topic, row.payload)
        self._head("supervisor", texts.supervisor_head())
        for i, (line, sample) in enumerate(self._samples(w)):
            self._text(f"sampleText{i}", line, "dim")
            raw = sample.model_dump_json(by_alias=True, exclude_none=True).encode()
            self._show(f"sample{i}", self._summary_words(sample), raw)
        self._head("status", texts.status_head())
        self._text("statusText", texts.status_body(), "dim")
        self._show("statusRow", self._status_words(w.status), w.status)
        self.body_layout.addStretch(1)
        self.setAccessibleName(texts.leaves_title())

    # -- pieces
    def _head(self, name: str, text: str) -> None:
        self._text(name, text, "title")

    def _text(self, name: str, text: str, role: str = "") -> QLabel:
        lab = self.label(name, role, self.body)
        lab.setText(text)
        self.body_layout.addWidget(lab)
        lab.show()  # now, not on the next event-loop turn (a grab or a reader right after)
        return lab

    def _show(self, name: str, words: str, raw: bytes) -> None:
        if not self.raw:
            self._text(name, words)
            return
        box = QPlainTextEdit(self.body)
        box.setObjectName(name)
        box.setReadOnly(True)
        box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        box.setPlainText(raw.decode("utf-8", errors="replace"))
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        box.setFont(font)
        box.setStyleSheet(f"color: {style.TEXT.name()}; background: {style.PANEL_BG.name()};")
        # JSON has few spaces: wrap anywhere, no sideways scrolling, as tall as the message (<= 12 lines)
        box.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        fm = box.fontMetrics()
        per_line = max(20, (self.width() - round(90 * self.g)) // max(1, fm.averageCharWidth()))
        lines = min(12, -(-len(box.toPlainText()) // per_line) + 1)
        box.setFixedHeight(fm.lineSpacing() * lines + round(12 * self.g))
        self.body_layout.addWidget(box)
        box.show()

    def _message(self, name: str, topic: str, payload: bytes) -> None:
        self._show(name, self._contribution_words(topic, payload), payload)

    @staticmethod
    def _contribution_words(topic: str, payload: bytes) -> str:
        try:
            data = json.loads(payload)
            counts = data["counts"]
            when = texts.interval(int(data["bucket_start"]), int(data["bucket_s"]))
            lines = [
                f"{texts.field_label('bucket')}: {when}",
                f"{texts.field_label('team')}: {data['team']} · {texts.field_label('site')}: {data['site']}",
            ]
            lines += [f"{texts.count_label(f)}: {counts.get(f, 0)}" for f in COUNT_FIELDS]
            lines.append(f"{texts.field_label('message_id')}: {data['message_id']}")
            lines.append(f"{texts.field_label('topic')}: {topic}")
            return "\n".join(lines)
        except (ValueError, KeyError, TypeError):
            return payload.decode("utf-8", errors="replace")

    @staticmethod
    def _samples(w: Any) -> list[tuple[str, BucketSummary]]:
        """What the aggregator publishes for one bucket: suppressed below k; with k or more, sums only."""
        start = int(time.time()) // w.bucket_s * w.bucket_s
        if w.pending:
            start = int(json.loads(w.pending[-1].payload).get("bucket_start", start))
        k = w.k_min
        suppressed = BucketSummary(bucket_start=start, bucket_s=w.bucket_s, suppressed=True)
        example = Counts(calls=6 * k, calls_frustrated=k, frustrated_s=40 * k, deescalations=k // 2 + 1,
                         tips_shown=2 * k, tips_dismissed=k // 2, breathing_offered=k, breathing_taken=k // 2,
                         declined=1)  # fmt: skip
        full = BucketSummary(
            bucket_start=start, bucket_s=w.bucket_s, suppressed=False, contributors=k, counts=example,
            frustrated_call_share=round(example.calls_frustrated / example.calls, 3),
            deescalation_rate=round(example.deescalations / example.calls_frustrated, 3),
        )  # fmt: skip
        return [(texts.supervisor_suppressed(k), suppressed), (texts.supervisor_example(k), full)]

    @staticmethod
    def _summary_words(b: BucketSummary) -> str:
        head = texts.interval(b.bucket_start, b.bucket_s)
        if b.suppressed or b.counts is None:
            return f"{head}: {texts.suppressed_word()}"
        lines = [head, f"{texts.contributors_label()}: {b.contributors}"]
        lines += [f"{texts.count_label(f)}: {getattr(b.counts, f)}" for f in COUNT_FIELDS]
        if b.frustrated_call_share is not None:
            from ui import i18n

            lines.append(f"{texts.share_label()}: {i18n.fmt_percent(b.frustrated_call_share)}")
        return "\n".join(lines)

    @staticmethod
    def _status_words(raw: bytes) -> str:
        try:
            data = json.loads(raw)
        except ValueError:
            return raw.decode("utf-8", errors="replace")
        return " · ".join(f"{k}: {v}" for k, v in data.items() if k != "schema")
