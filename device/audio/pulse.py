"""PulseAudio / PipeWire (pipewire-pulse) capture: sink monitors for the customer, sources for the agent.

Discovery (sinks, sources, which source monitors which sink, the defaults, the USB card behind each) goes
through ``pulsectl`` (MIT; ctypes over libpulse). Audio goes through libpulse-simple, bound here with ctypes
(six functions of a C API that has not changed since 2006): one blocking ``pa_simple_read`` per block in a
capture thread. Measured against soundcard's libpulse recorder on a private PulseAudio 16.1 (null sink,
192 ms blocks, 48 kHz): the same CPU (0.2-0.4 % of a core), but a removed sink fails the read within 6 ms
(soundcard notices after its 1 s poll), there is no connection made at import time, and every open makes
a fresh connection, so a restarted pipewire-pulse is picked up by the next re-open.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import sys
import threading
from pathlib import Path
from typing import Any

import numpy as np

from device.audio.capture import BlockCallback, ReaderStream
from device.hwinfo import Inventory, _usb_info
from device.profiles import DeviceInfo

PA_STREAM_PLAYBACK, PA_STREAM_RECORD = 1, 2
PA_SAMPLE_FLOAT32LE = 5
_NO_VALUE = 0xFFFFFFFF  # (uint32_t) -1: "server default" in pa_buffer_attr


class _SampleSpec(ctypes.Structure):
    _fields_ = [("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8)]


class _BufferAttr(ctypes.Structure):
    _fields_ = [
        ("maxlength", ctypes.c_uint32),
        ("tlength", ctypes.c_uint32),
        ("prebuf", ctypes.c_uint32),
        ("minreq", ctypes.c_uint32),
        ("fragsize", ctypes.c_uint32),
    ]


_LIBS: dict[str, Any] = {}


def _lib() -> Any:
    """libpulse-simple (and libpulse for error texts), loaded once, on first use."""
    if "simple" not in _LIBS:
        simple = ctypes.CDLL(ctypes.util.find_library("pulse-simple") or "libpulse-simple.so.0")
        pulse = ctypes.CDLL(ctypes.util.find_library("pulse") or "libpulse.so.0")
        simple.pa_simple_new.restype = ctypes.c_void_p
        simple.pa_simple_new.argtypes = [
            ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p,
            ctypes.POINTER(_SampleSpec), ctypes.c_void_p, ctypes.POINTER(_BufferAttr),
            ctypes.POINTER(ctypes.c_int),
        ]  # fmt: skip
        for fn in (simple.pa_simple_read, simple.pa_simple_write):
            fn.restype = ctypes.c_int
            fn.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_int)]
        simple.pa_simple_drain.restype = ctypes.c_int
        simple.pa_simple_drain.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
        simple.pa_simple_free.restype = None
        simple.pa_simple_free.argtypes = [ctypes.c_void_p]
        pulse.pa_strerror.restype = ctypes.c_char_p
        pulse.pa_strerror.argtypes = [ctypes.c_int]
        _LIBS.update(simple=simple, pulse=pulse)
    return _LIBS["simple"]


def _strerror(code: int) -> str:
    text = _LIBS["pulse"].pa_strerror(code)
    return text.decode(errors="replace") if text else f"error {code}"


class SimpleStream:
    """One libpulse-simple stream (record or playback); one thread opens, uses and frees it (unsafe)."""

    def __init__(
        self, device: str | None, direction: int, rate_hz: int, channels: int, block_frames: int,
        name: str = "Lugn",
    ) -> None:  # fmt: skip
        lib = _lib()
        self.channels = channels
        spec = _SampleSpec(PA_SAMPLE_FLOAT32LE, rate_hz, channels)
        block_bytes = block_frames * channels * 4
        attr = _BufferAttr(_NO_VALUE, _NO_VALUE, _NO_VALUE, _NO_VALUE, _NO_VALUE)
        attr.fragsize = block_bytes  # record: the server hands over one block per read, one wake-up each
        err = ctypes.c_int(0)
        handle = lib.pa_simple_new(
            None,
            b"Lugn",
            direction,
            device.encode() if device else None,
            name.encode(),
            ctypes.byref(spec),
            None,
            ctypes.byref(attr) if direction == PA_STREAM_RECORD else None,
            ctypes.byref(err),
        )
        if not handle:
            raise OSError(
                f"PulseAudio refused to open {device or 'the default device'}: {_strerror(err.value)}"
            )
        self._handle: int | None = handle

    def read(self, frames: int) -> np.ndarray:
        out = np.empty((frames, self.channels), np.float32)
        err = ctypes.c_int(0)
        if _lib().pa_simple_read(self._handle, out.ctypes.data, out.nbytes, ctypes.byref(err)) < 0:
            raise OSError(f"PulseAudio stream ended: {_strerror(err.value)}")
        return out

    def write(self, audio: np.ndarray) -> None:
        data = np.ascontiguousarray(audio, np.float32)
        err = ctypes.c_int(0)
        if _lib().pa_simple_write(self._handle, data.ctypes.data, data.nbytes, ctypes.byref(err)) < 0:
            raise OSError(f"PulseAudio playback failed: {_strerror(err.value)}")

    def drain(self) -> None:
        err = ctypes.c_int(0)
        if _lib().pa_simple_drain(self._handle, ctypes.byref(err)) < 0:
            raise OSError(f"PulseAudio playback failed: {_strerror(err.value)}")

    def free(self) -> None:
        if self._handle:
            _lib().pa_simple_free(self._handle)
            self._handle = None


def _connect() -> Any:
    """A pulsectl connection to the user's server (``$PULSE_SERVER`` honoured); never starts a server."""
    import pulsectl

    pulse = pulsectl.Pulse("Lugn", connect=False)
    try:
        pulse.connect(autospawn=False)  # no timeout argument: pulsectl then polls out the whole timeout
    except Exception:
        pulse.close()
        raise
    return pulse


def pulse_reachable() -> bool:
    """Is a PulseAudio-compatible server running for this user (and libpulse installed)?"""
    if not sys.platform.startswith("linux"):
        return False
    try:
        _connect().close()
    except Exception:  # ImportError/OSError without libpulse, PulseError without a server
        return False
    return True


def _bus(proplist: dict[str, str]) -> str | None:
    """What physical device a sink/source sits on, so the headset's mic and speaker can be paired."""
    for key in ("device.bus_path", "sysfs.path", "alsa.card"):
        if proplist.get(key):
            return f"{key}={proplist[key]}"
    return None


def _ids(proplist: dict[str, str]) -> tuple[str | None, str | None]:
    card = proplist.get("alsa.card", "")
    if card.isdigit() and sys.platform.startswith("linux"):
        usb_id, firmware = _usb_info(int(card), Path("/"))
        if usb_id:
            return usb_id, firmware
    vendor, product = proplist.get("device.vendor.id"), proplist.get("device.product.id")
    if proplist.get("device.bus") == "usb" and vendor and product:
        return f"{vendor}:{product}".lower(), None
    return None, None


class _Watcher:
    """Sound-server events -> "this stream is no longer where we put it".

    pa_simple cannot ask for PA_STREAM_DONT_MOVE, and since PulseAudio 14 the server moves a stream whose
    source disappears to the default source: unloading the headset's sink would silently turn the far end
    into the agent's microphone. So a thread with its own connection listens for sink/source/stream events
    (it sleeps in poll() between them: no CPU while nothing changes) and, on each, checks that every stream
    of ours still records from the source it was opened on.
    """

    def __init__(self, expected: dict[str, str]) -> None:
        self.expected = expected  # stream name -> source name
        self.problem: tuple[str, str] | None = None  # (role, why)
        self._stop = False
        self._lock = threading.Lock()  # event_listen_stop() must never reach a closed connection
        self._closed = False
        self._pulse = _connect()
        self._thread = threading.Thread(target=self._run, name="lugn-pulse-watch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import pulsectl

        pulse = self._pulse
        events: list[object] = []

        def on_event(ev: object) -> None:
            events.append(ev)
            _raise_stop()

        pulse.event_mask_set("sink", "source", "source_output", "server")
        pulse.event_callback_set(on_event)
        try:
            while not self._stop and self.problem is None:
                try:
                    pulse.event_listen(timeout=5.0)  # stop() interrupts it; no event, no work
                except pulsectl.PulseDisconnected:
                    self.problem = ("far_end", "lost the connection to the sound server")
                    return
                if events and not self._stop:
                    events.clear()
                    self.problem = self.check(pulse)
        except Exception as exc:  # the watcher must never take the agent down; say why it stopped
            if not self._stop:
                self.problem = ("far_end", f"sound-server watch failed: {exc}")
        finally:
            with self._lock:
                self._closed = True
                pulse.close()

    def check(self, pulse: Any) -> tuple[str, str] | None:
        sources = {s.index: s.name for s in pulse.source_list()}
        ours = {
            str(o.proplist.get("media.name")): sources.get(o.source, "?")
            for o in pulse.source_output_list()
            if o.proplist.get("application.process.id") == str(os.getpid())
        }
        for stream, source in self.expected.items():
            role = "far_end" if "far-end" in stream else "mic"
            now = ours.get(stream)
            if now is None:
                return role, f"the sound server ended the stream from {source!r} (device removed?)"
            if now != source:
                return role, f"the sound server moved the stream from {source!r} to {now!r} (device removed?)"
        return None

    def stop(self) -> None:
        self._stop = True
        with self._lock:
            if not self._closed:
                with contextlib.suppress(Exception):
                    self._pulse.event_listen_stop()
        self._thread.join(2.0)


def _raise_stop() -> None:
    import pulsectl

    raise pulsectl.PulseLoopStop


class PulseBackend:
    name = "pulse"

    def __init__(self) -> None:
        self._pulse: Any = None  # a control connection kept open while streams run (default-output check)
        self._expected: dict[str, str] = {}
        self._watcher: _Watcher | None = None

    def problem(self) -> tuple[str, str] | None:
        """(role, why) once a stream of ours was ended or moved by the server; None while all is well."""
        if self._expected and self._watcher is None:
            self._watcher = _Watcher(dict(self._expected))
        return self._watcher.problem if self._watcher else None

    def _control(self) -> Any:
        if self._pulse is None:
            self._pulse = _connect()
        return self._pulse

    def inventory(self) -> Inventory:
        try:
            pulse = self._control()
            info = pulse.server_info()
            sinks, sources = pulse.sink_list(), pulse.source_list()
        except Exception as exc:
            self.close()
            return Inventory(source="PulseAudio", error=f"PulseAudio/PipeWire is not reachable: {exc}")
        devices: list[DeviceInfo] = []
        sink_names = {s.index: s.name for s in sinks}
        for s in sources:
            props = dict(s.proplist)
            usb_id, firmware = _ids(props)
            devices.append(
                DeviceInfo(
                    name=str(s.description),
                    usb_id=usb_id,
                    firmware=firmware,
                    index=len(devices),
                    hostapi="PulseAudio",
                    max_input_channels=int(s.channel_count),
                    default_samplerate=float(s.sample_spec.rate),
                    id=str(s.name),
                    monitor_of=sink_names.get(s.monitor_of_sink),
                    bus=_bus(props),
                    is_default=s.name == info.default_source_name,
                )
            )
        for s in sinks:
            props = dict(s.proplist)
            usb_id, firmware = _ids(props)
            devices.append(
                DeviceInfo(
                    name=str(s.description),
                    usb_id=usb_id,
                    firmware=firmware,
                    index=len(devices),
                    hostapi="PulseAudio",
                    max_output_channels=int(s.channel_count),
                    default_samplerate=float(s.sample_spec.rate),
                    id=str(s.name),
                    bus=_bus(props),
                    is_default=s.name == info.default_sink_name,
                )
            )
        default_in = next((d.index for d in devices if d.is_default and d.max_input_channels), None)
        server = os.environ.get("PULSE_SERVER") or "default socket"
        what = f"PulseAudio {info.server_version}" if "PipeWire" not in info.server_name else info.server_name
        return Inventory(devices, source=f"{what} ({server})", default_input=default_in)

    def open_input(
        self,
        dev: DeviceInfo,
        rate_hz: int,
        channels: int,
        block_frames: int,
        callback: BlockCallback,
        *,
        loopback: bool = False,
        latency_s: float = 0.04,
    ) -> ReaderStream:
        device = dev.id
        if loopback:  # an output was chosen: capture its monitor
            device = f"{dev.id}.monitor"

        role = "far-end" if dev.monitor_of or loopback else "mic"
        stream_name = f"Lugn {role} {len(self._expected)}"

        def opener() -> tuple[Any, Any]:
            stream = SimpleStream(device, PA_STREAM_RECORD, rate_hz, channels, block_frames, stream_name)
            return (lambda: stream.read(block_frames)), stream.free

        reader = ReaderStream(f"lugn-capture-{role}", opener, callback)
        reader.start()
        self._expected[stream_name] = str(device)
        if self._watcher is not None:  # a new stream: watch all of them afresh
            self._watcher.stop()
            self._watcher = None
        return reader

    def play(self, dev: DeviceInfo, audio: np.ndarray, rate_hz: int) -> None:
        stream = SimpleStream(dev.id, PA_STREAM_PLAYBACK, rate_hz, 1, max(1, rate_hz // 50), "Lugn self-test")
        try:
            stream.write(audio.astype(np.float32).reshape(-1, 1))
            stream.drain()
        finally:
            stream.free()

    def busy(self, dev: DeviceInfo) -> list[str]:
        """Other programs playing on output ``dev`` right now (a softphone in a call)."""
        pulse = self._control()
        sink = next((s for s in pulse.sink_list() if s.name == dev.id), None)
        if sink is None:
            return []
        return [
            str(i.proplist.get("application.name") or i.name)
            for i in pulse.sink_input_list()
            if i.sink == sink.index and not i.corked
        ]

    def default_output(self) -> str | None:
        try:
            return str(self._control().server_info().default_sink_name) or None
        except Exception:
            self.close()
            return None

    def close(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        self._expected = {}
        if self._pulse is not None:
            with contextlib.suppress(Exception):
                self._pulse.close()
            self._pulse = None
