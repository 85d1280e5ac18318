"""What the agent is told about privacy, inside the app: the first-run notice (shown once, reopened from the
tray or the kiosk's corner), "What leaves this computer", and the after-call note's "shared" line.

``PrivacyPages`` owns the two pages; on a kiosk they live inside the kiosk window (``host``).
"""

from __future__ import annotations

from typing import Any

from PyQt6.QtCore import QObject, QSettings

from ui.agent.privacy import texts
from ui.agent.privacy.pages import FirstRunNotice, WhatLeavesView

SEEN_KEY = "privacy/first_run_notice_seen"

__all__ = ["FirstRunNotice", "PrivacyPages", "WhatLeavesView", "note_shared_line"]


class PrivacyPages(QObject):
    def __init__(
        self,
        runtime: Any,
        *,
        host: Any = None,
        qsettings: QSettings | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.runtime = runtime
        self.qsettings = qsettings
        embedded = host is not None
        scale = getattr(host, "coaching_scale", 1.0) if embedded else 1.0
        parent_widget = host if embedded else None
        self.notice = FirstRunNotice(parent_widget, embedded=embedded, scale=scale)
        self.what_leaves = WhatLeavesView(parent_widget, embedded=embedded, scale=scale)
        for page in (self.notice, self.what_leaves):
            page.hide()
            if embedded:
                host.take_page(page)
        self.notice.whatLeavesRequested.connect(self.open_what_leaves)
        self.notice.closed.connect(self._seen)
        self.configure(runtime.config)

    def configure(self, config: Any) -> None:
        """The notice describes what this runtime does, not what the settings file says: the metrics service
        the runtime holds (a demo's, a test's), or none at all (then nothing leaves, whatever the file)."""
        metrics = getattr(self.runtime, "metrics", None)
        running = getattr(metrics, "settings", None)
        if running is not None:
            config = config.model_copy(update={"metrics": running})
        elif metrics is None and config.metrics.enabled:
            off = config.metrics.model_copy(update={"enabled": False})
            config = config.model_copy(update={"metrics": off})
        self.notice.configure(config)

    def first_run(self) -> bool:
        """Show the notice if this user has not seen it yet; True when it was shown."""
        if self.qsettings is not None and self.qsettings.value(SEEN_KEY, False, type=bool):
            return False
        self.open_notice()
        return True

    def _seen(self) -> None:
        if self.qsettings is not None:
            self.qsettings.setValue(SEEN_KEY, True)
            self.qsettings.sync()

    def open_notice(self) -> None:
        self.notice.open_page()

    def open_what_leaves(self) -> None:
        metrics = getattr(self.runtime, "metrics", None)
        self.what_leaves.refresh(metrics.what_leaves() if metrics is not None else None)
        self.what_leaves.open_page()

    def pages(self) -> tuple[FirstRunNotice, WhatLeavesView]:
        return (self.notice, self.what_leaves)

    def close_all(self) -> None:
        for page in self.pages():
            page.hide()


def note_shared_line(shared: Any) -> str:
    """What of the call that just ended is shared, and in what form (the after-call note), from the
    runtime's ``CallShared`` event for that call (None: team metrics are off, nothing is shared)."""
    if shared is None:
        return texts.shared_nothing()
    counts = dict(shared.counts)
    if counts.get("declined"):
        return texts.shared_declined()
    parts = [texts.shared_part(f, v) for f, v in shared.counts if v]
    return texts.shared_call(parts, shared.bucket_s // 60, shared.k_min)
