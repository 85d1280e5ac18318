"""Capture backends: the platform's sound server behind one small interface.

``LiveSource`` does not care where blocks come from. A backend lists the devices (as a
``device.hwinfo.Inventory``, so the headset profiles, ``lugn devices`` and ``lugn doctor`` see one picture)
and opens input streams that hand each block to the same copy-and-enqueue callback PortAudio used. Most
backends call it from their own thread; a backend with ``pump(wait_s)`` (pulse) calls it only from inside
``pump``, on the reader's thread, so the reader decides when capture costs a wake-up (``Pumper`` runs such a
backend from a thread for callers that want blocks pushed):

- ``pulse``: PulseAudio, or PipeWire through pipewire-pulse (Linux). Debian's PortAudio cannot see a sink's
  monitor, and cannot pick one PulseAudio source by name; libpulse can. (``device.audio.pulse``)
- ``wasapi``: WASAPI through the ``soundcard`` library (Windows): loopback of a render endpoint, which
  sounddevice's PortAudio cannot open. (``device.audio.wasapi``)
- ``portaudio``: sounddevice, as before: plain ALSA seats, stereo call recorders, the simulated headset.
  (``device.audio.portaudio``)

``LUGN_AUDIO_BACKEND`` (pulse | wasapi | portaudio) forces one; otherwise the first that is usable wins.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

if TYPE_CHECKING:
    from device.hwinfo import Inventory
    from device.profiles import DeviceInfo

ENV_BACKEND = "LUGN_AUDIO_BACKEND"
BACKENDS = ("pulse", "wasapi", "portaudio")
# (indata frames x channels float32, frames, time_info, status): PortAudio's callback signature, kept so
# one callback serves every backend.
BlockCallback = Callable[[np.ndarray, int, Any, Any], None]


@dataclass(frozen=True)
class StreamSpec:
    """How to open one input stream (the same for every backend, so it is spelled once)."""

    rate_hz: int
    channels: int
    block_frames: int  # frames per callback (PortAudio, WASAPI) or per fragment (pulse)
    callback: BlockCallback
    loopback: bool = False  # an output was chosen: capture what it plays (its monitor / loopback)
    latency_s: float = 0.04


class Stream(Protocol):
    """A started input stream. ``active`` turns False when the device goes away; ``error`` says why."""

    active: bool
    error: str | None

    def abort(self) -> None: ...

    def close(self) -> None: ...


class CaptureBackend(Protocol):
    name: str

    def inventory(self) -> Inventory:
        """Every input and output this backend can open, never raising (``Inventory.error`` says why not)."""
        ...

    def open_input(self, dev: DeviceInfo, spec: StreamSpec) -> Stream:
        """Start capturing ``dev`` (an input, or with ``spec.loopback`` an output's loopback); raise on
        failure."""
        ...

    def play(self, dev: DeviceInfo, audio: np.ndarray, rate_hz: int) -> None:
        """Play mono float32 ``audio`` on output ``dev`` and return when it has been played (self-test)."""
        ...

    def default_output(self) -> str | None:
        """The id of the current default output (to notice a change mid-call), None if unknown."""
        ...

    def close(self) -> None: ...

    # Optional (pull-mode backends): ``pump(wait_s: float) -> None`` delivers what has arrived to the streams'
    # callbacks on the calling thread, first waiting up to ``wait_s`` for the next packet.


class ReaderStream:
    """A named capture thread around a blocking ``read()``: read, hand over, repeat; nothing else.

    The device handle is opened and freed inside the thread (WASAPI objects are not shared between
    threads); ``open()`` waits until it is open or has failed, so the caller gets the error.
    ``close()`` sets the stop event and joins with a timeout: a read returns within one block, so the join
    is short unless the sound server hangs, and then the daemon thread is left to finish on its own.
    """

    def __init__(
        self,
        name: str,
        opener: Callable[[], tuple[Callable[[], np.ndarray], Callable[[], None]]],
        callback: BlockCallback,
    ) -> None:
        self.name = name
        self.active = False
        self.error: str | None = None
        self.blocks = 0
        self._opener, self._callback = opener, callback
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self, timeout_s: float = 5.0) -> None:
        self._thread.start()
        if not self._ready.wait(timeout_s):
            self._stop.set()
            raise RuntimeError(
                f"{self.name}: the sound server did not open the stream within {timeout_s:g} s"
            )
        if self.error is not None:
            raise RuntimeError(self.error)

    def _run(self) -> None:
        try:
            read, release = self._opener()
        except Exception as exc:
            self.error = str(exc) or type(exc).__name__
            self._ready.set()
            return
        self.active = True
        self._ready.set()
        try:
            while not self._stop.is_set():
                block = read()
                self.blocks += 1
                self._callback(block, len(block), None, 0)
        except Exception as exc:  # the device or the server went away
            if not self._stop.is_set():
                self.error = str(exc) or type(exc).__name__
        finally:
            self.active = False
            with contextlib.suppress(Exception):  # freeing a handle whose server is gone may fail too
                release()

    def abort(self) -> None:
        self._stop.set()

    def close(self, timeout_s: float = 1.0) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout_s)


class Pumper:
    """Drives a pull-mode backend (one with ``pump``) from a named thread, so its streams push blocks like the
    others (the loopback self-test). The backend is the thread's alone from ``start`` to ``stop``."""

    def __init__(self, backend: Any, name: str = "lugn-capture-pump", wait_s: float = 0.02) -> None:
        self.backend, self.wait_s = backend, wait_s
        self.error: str | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                self.backend.pump(self.wait_s)
        except Exception as exc:  # reported through the streams' ``active``/``error`` too
            self.error = str(exc) or type(exc).__name__

    def start(self) -> Pumper:
        if hasattr(self.backend, "pump"):
            self._thread.start()
        return self

    def stop(self, timeout_s: float = 1.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout_s)


def make_backend(name: str | None = None, sd_module: Any = None) -> CaptureBackend:
    """The backend to capture with: ``name`` or ``$LUGN_AUDIO_BACKEND``, else the platform's sound server if
    it answers, else PortAudio. ``sd_module`` (a sounddevice stand-in) always means PortAudio."""
    from device.audio.portaudio import PortAudioBackend

    if sd_module is not None:
        return PortAudioBackend(sd_module)
    wanted = name or os.environ.get(ENV_BACKEND) or "auto"
    if wanted not in (*BACKENDS, "auto"):
        raise ValueError(f"{ENV_BACKEND}={wanted!r}: expected one of {', '.join(BACKENDS)}")
    if wanted == "pulse" or (wanted == "auto" and sys.platform.startswith("linux")):
        from device.audio.pulse import PulseBackend, pulse_reachable

        if wanted == "pulse" or pulse_reachable():
            return PulseBackend()
    if wanted == "wasapi" or (wanted == "auto" and sys.platform == "win32"):
        from device.audio.wasapi import SoundcardBackend, soundcard_problem

        if wanted == "wasapi" or soundcard_problem() is None:
            return SoundcardBackend()
    return PortAudioBackend()


def query_devices(name: str | None = None) -> Inventory:
    """The inventory of the backend that ``LiveSource`` would use (``lugn devices``, ``lugn doctor``)."""
    try:
        backend = make_backend(name)
    except ValueError as exc:
        from device.hwinfo import Inventory

        return Inventory(error=str(exc))
    try:
        return backend.inventory()
    finally:
        backend.close()
