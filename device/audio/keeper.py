"""Keeps the pipeline's audio source open: opens it, and re-opens it after a failure, with backoff and jitter.

Two loops could spin, and neither may: a device that will not open (retried from ``retry_initial_s`` up to
``retry_max_s``), and a device that opens but fails again at once (a re-open within ``STABLE_S`` of the last
one waits ``restart`` backoff first, up to ``restart_max_s``). A fatal error (a recording that cannot be
decoded further) is never retried: ``failure`` says why and the stream ends. Runs on the pipeline thread;
``idle`` is called while it waits, so pause and call commands still apply during an outage.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from device.audio.source import AudioSource, DeviceError
from device.events import DeviceLost, DeviceRestored, Event, SourceFailed
from device.retry import Backoff

log = logging.getLogger(__name__)

STABLE_S = 10.0  # a source that fails again within this (wall) time after a re-open waits with backoff first
POLL_S = 0.25  # how often ``idle`` runs while waiting


class SourceKeeper:
    def __init__(
        self,
        source: AudioSource,
        emit: Callable[[Event], None],
        t_s: Callable[[], float],
        idle: Callable[[], None],
        stop: threading.Event,
        *,
        retry_initial_s: float = 0.1,
        retry_max_s: float = 1.0,
        restart_max_s: float = 30.0,
    ) -> None:
        self.source = source
        self._emit, self._t_s, self._idle, self._stop = emit, t_s, idle, stop
        self.retry_initial_s = retry_initial_s
        self.retry_max_s = max(retry_max_s, retry_initial_s)
        self._restarts = Backoff(max(retry_initial_s, 0.5), max(restart_max_s, retry_initial_s, 0.5))
        self._opened_at = 0.0
        self.failure: str | None = None  # why the stream ended early (a fatal source error)
        self.restarts = 0

    def open(self, first: bool = True) -> bool:
        """Open the source, retrying with backoff until it works, the pipeline stops or it fails for good."""
        backoff = Backoff(self.retry_initial_s, self.retry_max_s)
        lost_source = None if first else ""  # a device reported lost at start, by its role
        while not self._stop.is_set():
            try:
                self.source.open()
            except Exception as exc:
                error = self._as_device_error(exc)
                if error.fatal:
                    self._fail(error)
                    return False
                if lost_source is None:
                    self._emit(DeviceLost(t_s=self._t_s(), source=error.source, reason=str(error)))
                    lost_source = error.source
                if not self._wait(backoff.next()):
                    return False
                continue
            self._opened_at = time.monotonic()
            if lost_source:
                self._emit(DeviceRestored(t_s=self._t_s(), source=lost_source))
            return True
        return False

    def recover(self, exc: Exception) -> bool:
        """After a failed read: report the loss, re-open (with backoff if it failed again soon after the last
        re-open) and report the return. False when the stream must end (fatal error, or stopped)."""
        error = self._as_device_error(exc)
        if error.fatal:
            self._fail(error)
            return False
        self._emit(DeviceLost(t_s=self._t_s(), source=error.source, reason=str(error)))
        self.close()
        if time.monotonic() - self._opened_at >= STABLE_S:
            self._restarts.reset()
        elif not self._wait(self._restarts.next()):
            return False
        if not self.open(first=False):
            return False
        self.restarts += 1
        self._emit(DeviceRestored(t_s=self._t_s(), source=error.source))
        return True

    def close(self) -> None:
        try:
            self.source.close()
        except Exception:
            log.exception("closing the audio source failed")

    def _as_device_error(self, exc: Exception) -> DeviceError:
        if isinstance(exc, DeviceError):
            return exc
        first = self._restarts.failures == 0
        log.warning("audio source failed: %s: %s", type(exc).__name__, exc, exc_info=first)
        return DeviceError(f"{type(exc).__name__}: {exc}", getattr(self.source, "name", "mic"))

    def _fail(self, error: DeviceError) -> None:
        self.failure = str(error)
        log.info("audio source failed for good: %s", error)  # the front end says it (exit status, message)
        self._emit(SourceFailed(t_s=self._t_s(), source=error.source, reason=str(error)))

    def _wait(self, delay_s: float) -> bool:
        """Sleep ``delay_s`` while still running ``idle``; False if the pipeline was stopped."""
        deadline = time.monotonic() + delay_s
        while not self._stop.is_set():
            self._idle()
            left = deadline - time.monotonic()
            if left <= 0:
                return True
            self._stop.wait(min(left, POLL_S))
        return False
