"""The one crossing from the pipeline thread into the GUI thread.

The pipeline calls :meth:`EventBridge.post` on its own thread; Qt queues the signal into the thread that owns
the bridge (the GUI thread), in order, so widgets
are only ever touched there (the worker-with-signals pattern).
"""

from __future__ import annotations

import threading

from PyQt6.QtCore import QObject, Qt, pyqtSignal, pyqtSlot


class EventBridge(QObject):
    """Thread-safe entry point for events; ``delivered`` fires in the GUI thread, one call per event."""

    delivered = pyqtSignal(object)
    _posted = pyqtSignal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self.posted_count = 0
        self.delivered_count = 0
        # Explicitly queued, so even a post from the GUI thread itself is delivered after the current handler
        # returns, in the same order as posts from the pipeline thread.
        self._posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)  # type: ignore[call-arg]

    def post(self, event: object) -> None:
        """Call from any thread. Never blocks on the GUI."""
        with self._lock:
            self.posted_count += 1
        self._posted.emit(event)

    @property
    def pending(self) -> int:
        with self._lock:
            return self.posted_count - self.delivered_count

    @pyqtSlot(object)
    def _deliver(self, event: object) -> None:
        with self._lock:
            self.delivered_count += 1
        self.delivered.emit(event)
