"""The operation log: a local, rotating record for the deployer's audits (AI Act Art. 12 and 26(6)).

What it holds, one JSON object per line: start and stop (app version; every model's name, version and sha256;
the policy file and its sha256; the notice mode; whether tone analysis and team metrics are on), pause and
resume, the caller notice given or declined, errors (source lost or failed, analysis unavailable, metrics
paused), and policy changes (which settings changed, and the new policy hash).

What it never holds: audio, words, tone scores or states, tips, delivery cues, call durations. Entries are
built from an allow-list of event kinds and fields here, not by dumping events, so a field added to an event
later cannot leak into the log by accident.

Rotation: the file is closed and renamed ``operation.log.<UTC time>`` at the first entry of a new UTC day or
when it passes ``max_file_kb``; rotated files older than ``retention_days`` are deleted (checked at start and
at each rotation). A side path: a log that cannot be written says so (``problem``) and stops trying; it never
stops the indicator.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from device.events import (
    AnalysisUnavailable,
    DeviceLost,
    DeviceRestored,
    MetricsPaused,
    MetricsResumed,
    NoticeChanged,
    PauseChanged,
    SourceFailed,
)

log = logging.getLogger(__name__)
LOG_NAME = "operation.log"
LOGGED_NOTICE_STATES = ("given", "declined", "armed_given", "armed_declined")


class OplogSettings(BaseModel):
    """Policy ``[oplog]``: the local operation log (always IT's: the agent cannot change it)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(True, title="Operation log", description="Keep the local operation log")
    path: str | None = Field(
        None,
        title="Log folder",
        description="Folder of operation.log; default: the user's state folder (…/lugn/oplog)",
    )
    retention_days: int = Field(
        183,
        ge=1,
        le=3650,
        title="Retention",
        description="Rotated logs older than this many days are deleted (AI Act Art. 26(6): at least six "
        "months, unless other law says otherwise)",
    )
    max_file_kb: int = Field(
        512, ge=16, le=65_536, title="File size", description="A log file is rotated when it passes this size"
    )


def default_log_dir() -> Path:
    base = os.environ.get("LOCALAPPDATA") or os.environ.get("XDG_STATE_HOME") or "~/.local/state"
    return Path(base).expanduser() / "lugn" / "oplog"


def file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _utc(now: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now))


def event_entry(event: object) -> dict[str, Any] | None:
    """The log entry for a runtime event, or None: an allow-list of kinds and of their fields."""
    t = round(float(getattr(event, "t_s", 0.0)), 2)
    if isinstance(event, PauseChanged):
        return {"event": "pause" if event.paused else "resume", "t_s": t}
    if isinstance(event, NoticeChanged) and event.state in LOGGED_NOTICE_STATES:
        return {"event": f"notice_{event.state}", "t_s": t, "mode": event.mode}
    if isinstance(event, SourceFailed):
        return {
            "event": "error",
            "t_s": t,
            "what": "source_failed",
            "source": event.source,
            "reason": event.reason,
        }
    if isinstance(event, DeviceLost):
        return {
            "event": "error",
            "t_s": t,
            "what": "device_lost",
            "source": event.source,
            "reason": event.reason,
        }
    if isinstance(event, DeviceRestored):
        return {"event": "recovered", "t_s": t, "what": "device_restored", "source": event.source}
    if isinstance(event, AnalysisUnavailable):
        return {"event": "error", "t_s": t, "what": "analysis_unavailable", "reason": event.reason}
    if isinstance(event, MetricsPaused):
        return {"event": "error", "t_s": t, "what": "metrics_paused", "reason": event.reason}
    if isinstance(event, MetricsResumed):
        return {"event": "recovered", "t_s": t, "what": "metrics_resumed"}
    return None


class OperationLog:
    """``write(entry)`` appends one JSON line (any thread); ``__call__(event)`` is the runtime listener."""

    def __init__(
        self,
        settings: OplogSettings | None = None,
        folder: Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings or OplogSettings()
        self.folder = Path(folder or self.settings.path or default_log_dir()).expanduser()
        self.path = self.folder / LOG_NAME
        self.problem = ""  # why the log cannot be written ("" when it can)
        self._clock = clock
        self._lock = threading.Lock()
        self._day = ""
        if self.settings.enabled and self.path.exists():  # nothing is created until the first entry
            with contextlib.suppress(OSError):
                self._day = _utc(self.path.stat().st_mtime)[:10]

    @property
    def enabled(self) -> bool:
        return self.settings.enabled and not self.problem

    def __call__(self, event: object) -> None:
        entry = event_entry(event)
        if entry is not None:
            self.write(entry)

    def write(self, entry: dict[str, Any]) -> None:
        if not self.enabled:
            return
        now = self._clock()
        line = json.dumps({"at": _utc(now), **entry}, ensure_ascii=False, allow_nan=False, default=str)
        with self._lock:
            try:
                if not self.folder.is_dir():
                    self.folder.mkdir(parents=True, exist_ok=True)
                    self.prune(now)
                self._rotate_if_due(now, len(line) + 1)
                with self.path.open("a", encoding="utf-8") as fh:
                    fh.write(line + "\n")
            except OSError as exc:
                self._fail(exc)

    def _fail(self, exc: OSError) -> None:
        self.problem = f"operation log {self.path} cannot be written: {exc}"
        log.error("%s; the agent goes on without it", self.problem)

    def _rotate_if_due(self, now: float, adding: int) -> None:
        day = _utc(now)[:10]
        size = self.path.stat().st_size if self.path.exists() else 0
        if size and (day != self._day or size + adding > self.settings.max_file_kb * 1024):
            stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now))
            target = self.path.with_name(f"{LOG_NAME}.{stamp}")
            n = 1
            while target.exists():
                n += 1
                target = self.path.with_name(f"{LOG_NAME}.{stamp}-{n}")
            os.replace(self.path, target)
            self.prune(now)
        self._day = day

    def rotated(self) -> list[Path]:
        return sorted(self.folder.glob(f"{LOG_NAME}.*"))

    def prune(self, now: float | None = None) -> list[Path]:
        """Delete rotated files older than the retention; returns what was deleted."""
        limit = (self._clock() if now is None else now) - self.settings.retention_days * 86400
        gone: list[Path] = []
        if not self.folder.is_dir():
            return gone
        for path in self.rotated():
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < limit:
                    path.unlink()
                    gone.append(path)
        return gone

    def files(self) -> list[Path]:
        return [*([self.path] if self.path.exists() else []), *self.rotated()]

    def size_bytes(self) -> int:
        total = 0
        for path in self.files():
            with contextlib.suppress(OSError):
                total += path.stat().st_size
        return total

    def entries(self) -> Iterable[dict[str, Any]]:
        """Every entry, oldest first (for audits and tests)."""
        for path in [*self.rotated(), self.path]:
            if path.exists():
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        yield json.loads(line)
