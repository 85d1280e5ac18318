"""Summaries from the broker into the GUI thread. The paho network thread only emits queued Qt signals."""

from __future__ import annotations

import logging

from pydantic import ValidationError
from PyQt6.QtCore import QObject, pyqtSignal

from device.protocol.payloads import MAX_PAYLOAD_BYTES, Summary
from device.protocol.topics import ROOT, parse_team_topic
from device.protocol.transport import BrokerParams, PahoTransport

log = logging.getLogger(__name__)


class SummaryClient(QObject):
    """Subscribes to ``lugn/v1/<site>/+/summary``; reconnects by itself (backoff with jitter)."""

    summary = pyqtSignal(object)  # Summary
    connection = pyqtSignal(bool, str)  # connected, detail

    def __init__(self, params: BrokerParams, site: str = "+", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.invalid = 0
        self._transport = PahoTransport(
            params,
            name="lugn-dashboard-mqtt",
            on_message=self._on_message,
            subscriptions=(f"{ROOT}/{site}/+/summary",),
        )

    def start(self) -> None:
        self._transport.start(self._on_connection)

    def stop(self) -> None:
        self._transport.stop(2.0)

    @property
    def connected(self) -> bool:
        return self._transport.connected

    def _on_connection(self, up: bool) -> None:
        self.connection.emit(up, self._transport.last_error)

    def _on_message(self, msg: object) -> None:
        topic, payload = getattr(msg, "topic", ""), getattr(msg, "payload", b"")
        where = parse_team_topic(topic, "summary")
        try:
            if where is None or len(payload) > MAX_PAYLOAD_BYTES * 16:
                raise ValueError("not a summary topic or too large")
            s = Summary.model_validate_json(payload)
            if (s.site, s.team) != where:
                raise ValueError("summary does not match its topic")
        except (ValidationError, ValueError) as exc:
            self.invalid += 1
            log.warning("ignoring invalid summary on %.80r: %s", topic, str(exc)[:200])
            return
        self.summary.emit(s)
