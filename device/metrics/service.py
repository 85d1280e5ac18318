"""The metrics path of one workstation: events -> ``MetricsWindow`` -> ``Outbox`` -> ``Publisher`` -> broker.

``MetricsService.process(event)`` is safe to call from any thread (the runtime calls it under its event lock).
Without a broker (metrics disabled, or no URL) contributions still go to the outbox, and are sent later.

A side path: nothing here may stop the indicator. An outbox that cannot be written (read-only, full, corrupt)
or a broker away for longer than ``BROKER_GRACE_S`` pauses metrics with the reason and the path
(``health()``, and ``on_health`` when it changes); counts are held and retried, never raised to the caller.
"""

from __future__ import annotations

import logging
import os
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from device import __version__
from device.events import CallShared
from device.metrics.anonymise import Anonymiser
from device.metrics.credentials import CredentialsError, resolve_password
from device.metrics.health import MetricsHealth, OutboxHealth, store_problem_code
from device.metrics.outbox import Outbox, OutboxRow
from device.metrics.publisher import Publisher
from device.metrics.settings import MetricsSettings
from device.metrics.window import MetricsWindow
from device.protocol.payloads import COUNT_FIELDS, Contribution, DeviceStatus, pause_reason
from device.protocol.topics import contrib_topic, status_topic
from device.protocol.transport import BrokerParams, PahoTransport, Transport

log = logging.getLogger(__name__)
BROKER_GRACE_S = 120.0  # a broker away this long pauses metrics visibly (counts wait in the outbox meanwhile)
STUCK_AFTER_S = 3600.0  # the device status counts only contributions unsent for this long (see status())


def backlog_band(n: int) -> int:
    """0, or ``n`` rounded up to a power of ten (10, 100, ...): enough for IT to see a stuck outbox, too
    coarse to count an agent's active buckets."""
    band = 10
    while 0 < band < n:
        band *= 10
    return band if n > 0 else 0


def default_outbox_path() -> Path:
    base = os.environ.get("LOCALAPPDATA") or os.environ.get("XDG_STATE_HOME") or "~/.local/state"
    return Path(base).expanduser() / "lugn" / "metrics-outbox.sqlite3"


def default_asset_id() -> str:
    host = socket.gethostname().split(".")[0].lower()
    clean = "".join(c if c.isalnum() or c in "-_" else "-" for c in host).strip("-_") or "unknown"
    return clean[:32]


def model_version() -> str | None:
    """The shipped tone model's version, from its manifest (no model is loaded for this)."""
    from device.inference.models import ModelError, default_models_dir, read_manifest

    try:
        manifest = read_manifest(default_models_dir() / "tone.manifest.json")
    except ModelError:
        return None
    return manifest.version or manifest.sha256[:12]


@dataclass(frozen=True)
class WhatLeaves:
    """Everything this seat would send or has sent, exactly as bytes, for the agent's "What leaves this
    computer" view: the pending contributions, the last one the broker confirmed, the device status for IT,
    and what the last call added to the counts."""

    publishing: bool  # the policy switched team metrics on (else contributions wait in the outbox, unsent)
    broker_url: str | None
    site: str
    team: str
    k_min: int
    bucket_s: int
    pending: list[OutboxRow]
    last_sent: tuple[OutboxRow, float] | None
    status: bytes
    last_call: dict[str, int] | None
    # the open bucket: counts of calls that ended in it, sent when it closes (``counting_until``, wall clock)
    counting: dict[str, int] = field(default_factory=dict)
    counting_until: int = 0


class MetricsService:
    def __init__(
        self,
        settings: MetricsSettings,
        transport: Transport | None = None,
        outbox_path: str | Path | None = None,
        clock: Callable[[], float] = time.time,
        profile_version: str | None = None,
        on_health: Callable[[MetricsHealth], None] | None = None,
    ) -> None:
        self.settings = settings
        self.asset_id = settings.asset_id or default_asset_id()
        path = Path(outbox_path or settings.outbox_path or default_outbox_path()).expanduser()
        self.on_health: Callable[[MetricsHealth], None] | None = on_health
        self._health = MetricsHealth(False, path=str(path))
        self._lock = threading.Lock()
        self._health_lock = threading.Lock()
        self._down_since: float | None = None  # monotonic time the broker connection was lost
        self._down_wall = ""
        self.problem = (
            ""  # why publishing is off although enabled (shown to IT; counts still go to the outbox)
        )
        self.publisher: Publisher | None = None
        self.outbox = Outbox(
            path, max_age_s=settings.outbox_max_days * 86400, max_rows=settings.outbox_max_rows, clock=clock
        )
        self.outbox.on_health = self._outbox_health
        self.account = settings.username or self.asset_id  # the broker account: its topic ends in it
        self.window = MetricsWindow(Anonymiser(settings.site, settings.team), settings.bucket_min * 60, clock)
        self.profile_version = profile_version
        if transport is None and settings.enabled and settings.broker_url:
            try:
                transport = PahoTransport(self.broker_params(), name="lugn-metrics-mqtt")
            except (CredentialsError, OSError, ssl.SSLError, ValueError) as exc:
                self.problem = f"metrics publishing off: {exc}"
                log.error("%s; contributions are kept in the outbox %s", self.problem, path)
        if transport is not None:
            self.publisher = Publisher(
                self.outbox,
                transport,
                self.account,
                status_topic=status_topic(settings.site, self.account),  # the ACL: own account's only
                status=self.status,
                status_interval_s=settings.status_interval_s,
                on_tick=self.poll,
                clock=clock,
            )
        self._update_health()

    def broker_params(self) -> BrokerParams:
        s = self.settings
        assert s.broker_url
        user = s.username or self.asset_id
        will = (status_topic(s.site, self.account), DeviceStatus(state="offline").to_json())
        return BrokerParams.from_url(
            s.broker_url,
            ca_file=s.ca_file,
            cert_file=s.cert_file,
            key_file=s.key_file,
            username=user,
            password=resolve_password(s, user),
            client_id=f"lugn-{self.asset_id}",
            will=will,
        )

    # -- health ---------------------------------------------------------------------------------------------
    def health(self) -> MetricsHealth:
        """Paused (why, which file) or working; refreshed on every event and publisher tick."""
        self._update_health()
        return self._health

    def _outbox_health(self, _h: OutboxHealth) -> None:
        self._update_health()

    def _update_health(self) -> None:
        box = self.outbox.health()
        reason = f"outbox {box.path}: {box.problem}" if box.problem else self.problem
        code = (
            store_problem_code(box.problem) if box.problem else "publishing_misconfigured" if reason else ""
        )
        pub = self.publisher
        if pub is not None and not pub.connected:
            if self._down_since is None:
                self._down_since, self._down_wall = time.monotonic(), time.strftime("%H:%M")
            if not reason and time.monotonic() - self._down_since >= BROKER_GRACE_S:
                reason = (
                    f"broker {self.settings.broker_url} not reachable since {self._down_wall} "
                    "(contributions wait in the outbox)"
                )
                code = "broker_unreachable"
        else:
            self._down_since = None
        health = MetricsHealth(bool(reason), reason, box.path, code if reason else "")
        with self._health_lock:
            changed = health != self._health
            self._health = health
            if changed and self.on_health is not None:
                try:
                    self.on_health(health)
                except Exception:
                    log.exception("metrics health listener failed")

    def status(self) -> DeviceStatus:
        """What IT sees of this seat. Never anything about calls: an idle bucket sends nothing, so the number
        of unsent contributions would count the agent's active buckets (a fresh one at every bucket end, all
        of an offline day's at reconnection). ``outbox_backlog`` therefore counts only contributions stuck for
        an hour (refused, or no aggregator), banded (``backlog_band``), and the publisher sends the status
        only once what it had to send is acknowledged."""
        health = self._health
        return DeviceStatus(
            state="online",
            metrics_paused=health.paused,
            metrics_paused_reason=pause_reason(health.code) if health.paused else None,
            app_version=__version__,
            model_version=model_version(),
            profile_version=self.profile_version,
            outbox_backlog=backlog_band(self.outbox.stuck_count(STUCK_AFTER_S)),
            outbox_dropped=self.outbox.dropped_count(),
            updated_at=int(time.time()),
        )

    def call_shared(self, t_s: float) -> CallShared | None:
        """What the call that ended last added to the counts (``MetricsWindow.last_call``)."""
        with self._lock:
            last = self.window.last_call
        if last is None:
            return None
        counts = tuple((k, int(last[k])) for k in COUNT_FIELDS if last.get(k))  # in the payload's order
        return CallShared(
            t_s=t_s, counts=counts, bucket_s=self.settings.bucket_min * 60, k_min=self.settings.k_min
        )

    def what_leaves(self, limit: int = 20) -> WhatLeaves:
        s = self.settings
        with self._lock:
            last_call = dict(self.window.last_call) if self.window.last_call is not None else None
            counting, until = self.window.counting(), self.window.bucket_start + s.bucket_min * 60
        return WhatLeaves(
            publishing=self.publisher is not None,
            broker_url=s.broker_url,
            site=s.site,
            team=s.team,
            k_min=s.k_min,
            bucket_s=s.bucket_min * 60,
            pending=self.outbox.pending(limit),
            last_sent=self.outbox.last_acked,
            status=self.status().to_json(),
            last_call=last_call,
            counting=counting,
            counting_until=until,
        )

    def start(self) -> None:
        if self.publisher is not None:
            self.publisher.start()

    def stop(self, timeout_s: float = 2.0, flush: bool = True) -> None:
        """Stop; with ``flush`` the open bucket's counts so far go to the outbox (same token on restart)."""
        if flush:
            with self._lock:
                self._submit(self.window.flush())
        if self.publisher is not None:
            self.publisher.stop(timeout_s)
        self.outbox.close()
        self._update_health()

    def process(self, event: object) -> None:
        with self._lock:
            self.outbox.tick()
            self._submit(self.window.process(event))

    def poll(self) -> None:
        with self._lock:
            self._submit(self.window.poll())
        self._update_health()

    def _submit(self, contributions: list[Contribution]) -> None:
        for c in contributions:
            if self.publisher is not None:
                self.publisher.submit(c)
            else:
                self.outbox.put(contrib_topic(c.site, c.team, self.account), c.to_json(), c.message_id)
            log.info(
                "metrics: contribution for bucket %d queued (%d pending)",
                c.bucket_start,
                self.outbox.pending_count(),
            )
