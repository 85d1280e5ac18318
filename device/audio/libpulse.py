"""libpulse through ctypes: one connection per backend, record streams pulled by the reading thread.

Why not a thread per stream (``pa_simple``, as before): ``pa_simple_read`` runs its own libpulse thread per
connection and wakes the reader on every packet the server sends. A headset mic that a softphone also
records at low latency (and the bench's pipe source) arrives in ~20 ms packets, so two streams cost four
threads and ~300 context switches a second (measured, ``lugn bench``'s private server: 0.35-0.5 % of a core
in those threads alone). Here a context runs on a plain ``pa_mainloop`` that nobody polls in between:
packets wait in shared memory and the socket until the pipeline thread, once per 192 ms read, dispatches them
all in one go (``Connection.pump``) and copies what the stream has (``RecordStream.pull``). No Python runs
per packet, no thread is added, and the server writes to a reader that is not woken.

``PA_STREAM_DONT_MOVE`` keeps a stream on the device it was opened on: when that device goes away the server
ends the stream (PulseAudio >= 14 would otherwise move it to the default source, and the far end would
silently become the agent's microphone), and ``pull`` reports it at the next read.

Not thread-safe: one thread opens, pumps, pulls and closes (the pipeline thread; ``device.audio.capture``'s
``Pumper`` for callers that want blocks pushed).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import time
from typing import Any

import numpy as np

PA_STREAM_PLAYBACK, PA_STREAM_RECORD = 1, 2
PA_SAMPLE_FLOAT32LE = 5
NO_VALUE = 0xFFFFFFFF  # (uint32_t) -1: "server default" in pa_buffer_attr
PA_CONTEXT_NOAUTOSPAWN = 0x0001
PA_CONTEXT_READY, PA_CONTEXT_FAILED, PA_CONTEXT_TERMINATED = 4, 5, 6
PA_STREAM_READY, PA_STREAM_FAILED, PA_STREAM_TERMINATED = 2, 3, 4
PA_STREAM_DONT_MOVE = 0x0200
PA_STREAM_ADJUST_LATENCY = 0x2000
SIZE_ERROR = 2 ** (8 * ctypes.sizeof(ctypes.c_size_t)) - 1  # (size_t) -1
MAX_DISPATCH = 256  # events handled per pump at most (a server that floods us cannot hold the reader)


class SampleSpec(ctypes.Structure):
    _fields_ = [("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8)]


class BufferAttr(ctypes.Structure):
    _fields_ = [
        ("maxlength", ctypes.c_uint32),
        ("tlength", ctypes.c_uint32),
        ("prebuf", ctypes.c_uint32),
        ("minreq", ctypes.c_uint32),
        ("fragsize", ctypes.c_uint32),
    ]


_LIBS: dict[str, Any] = {}
_P = ctypes.c_void_p
_INT, _SIZE = ctypes.c_int, ctypes.c_size_t


def _sig(lib: Any, name: str, restype: Any, *argtypes: Any) -> None:
    fn = getattr(lib, name)
    fn.restype, fn.argtypes = restype, list(argtypes)


def lib() -> Any:
    """libpulse (async API), loaded once, on first use: no connection is made at import time."""
    if "pulse" not in _LIBS:
        pulse = ctypes.CDLL(ctypes.util.find_library("pulse") or "libpulse.so.0")
        _sig(pulse, "pa_strerror", ctypes.c_char_p, _INT)
        _sig(pulse, "pa_mainloop_new", _P)
        _sig(pulse, "pa_mainloop_get_api", _P, _P)
        _sig(pulse, "pa_mainloop_prepare", _INT, _P, _INT)
        _sig(pulse, "pa_mainloop_poll", _INT, _P)
        _sig(pulse, "pa_mainloop_dispatch", _INT, _P)
        _sig(pulse, "pa_mainloop_iterate", _INT, _P, _INT, ctypes.POINTER(_INT))
        _sig(pulse, "pa_mainloop_free", None, _P)
        _sig(pulse, "pa_context_new", _P, _P, ctypes.c_char_p)
        _sig(pulse, "pa_context_connect", _INT, _P, ctypes.c_char_p, _INT, _P)
        _sig(pulse, "pa_context_get_state", _INT, _P)
        _sig(pulse, "pa_context_errno", _INT, _P)
        _sig(pulse, "pa_context_disconnect", None, _P)
        _sig(pulse, "pa_context_unref", None, _P)
        _sig(pulse, "pa_stream_new", _P, _P, ctypes.c_char_p, ctypes.POINTER(SampleSpec), _P)
        _sig(pulse, "pa_stream_connect_record", _INT, _P, ctypes.c_char_p, ctypes.POINTER(BufferAttr), _INT)
        _sig(pulse, "pa_stream_get_state", _INT, _P)
        _sig(pulse, "pa_stream_get_device_name", ctypes.c_char_p, _P)
        _sig(pulse, "pa_stream_readable_size", _SIZE, _P)
        _sig(pulse, "pa_stream_peek", _INT, _P, ctypes.POINTER(_P), ctypes.POINTER(_SIZE))
        _sig(pulse, "pa_stream_drop", _INT, _P)
        _sig(pulse, "pa_stream_disconnect", _INT, _P)
        _sig(pulse, "pa_stream_unref", None, _P)
        _LIBS["pulse"] = pulse
    return _LIBS["pulse"]


def strerror(code: int) -> str:
    text = lib().pa_strerror(code)
    return text.decode(errors="replace") if text else f"error {code}"


def simple_lib() -> Any:
    """libpulse-simple, for the self-test's one blocking playback."""
    if "simple" not in _LIBS:
        simple = ctypes.CDLL(ctypes.util.find_library("pulse-simple") or "libpulse-simple.so.0")
        _sig(simple, "pa_simple_new", _P, ctypes.c_char_p, ctypes.c_char_p, _INT, ctypes.c_char_p,
             ctypes.c_char_p, ctypes.POINTER(SampleSpec), _P, ctypes.POINTER(BufferAttr),
             ctypes.POINTER(_INT))  # fmt: skip
        _sig(simple, "pa_simple_write", _INT, _P, _P, _SIZE, ctypes.POINTER(_INT))
        _sig(simple, "pa_simple_drain", _INT, _P, ctypes.POINTER(_INT))
        _sig(simple, "pa_simple_free", None, _P)
        _LIBS["simple"] = simple
    return _LIBS["simple"]


class SimplePlayback:
    """One blocking libpulse-simple playback stream (the loopback self-test's chirp)."""

    def __init__(self, device: str | None, rate_hz: int, name: str = "Lugn self-test") -> None:
        lib()  # pa_strerror
        spec = SampleSpec(PA_SAMPLE_FLOAT32LE, rate_hz, 1)
        err = ctypes.c_int(0)
        handle = simple_lib().pa_simple_new(
            None, b"Lugn", PA_STREAM_PLAYBACK, device.encode() if device else None, name.encode(),
            ctypes.byref(spec), None, None, ctypes.byref(err),
        )  # fmt: skip
        if not handle:
            where = device or "the default device"
            raise OSError(f"PulseAudio refused to open {where}: {strerror(err.value)}")
        self._handle: int | None = handle

    def write(self, audio: np.ndarray) -> None:
        data = np.ascontiguousarray(audio, np.float32)
        err = ctypes.c_int(0)
        if simple_lib().pa_simple_write(self._handle, data.ctypes.data, data.nbytes, ctypes.byref(err)) < 0:
            raise OSError(f"PulseAudio playback failed: {strerror(err.value)}")
        if simple_lib().pa_simple_drain(self._handle, ctypes.byref(err)) < 0:
            raise OSError(f"PulseAudio playback failed: {strerror(err.value)}")

    def free(self) -> None:
        if self._handle:
            simple_lib().pa_simple_free(self._handle)
            self._handle = None


class Connection:
    """One context on a ``pa_mainloop`` that only runs when ``pump`` is called (no libpulse thread)."""

    def __init__(self, name: str = "Lugn", timeout_s: float = 5.0) -> None:
        pa = lib()
        self._ml: int | None = pa.pa_mainloop_new()
        self._ctx: int | None = pa.pa_context_new(pa.pa_mainloop_get_api(self._ml), name.encode())
        if not self._ctx:
            self.close()
            raise OSError("libpulse could not create a context")
        # no server name: $PULSE_SERVER and client.conf are honoured, as by every PulseAudio client
        if pa.pa_context_connect(self._ctx, None, PA_CONTEXT_NOAUTOSPAWN, None) < 0:
            why = strerror(pa.pa_context_errno(self._ctx))
            self.close()
            raise OSError(f"cannot connect to PulseAudio: {why}")
        try:
            self.wait_until(lambda: self._state() == PA_CONTEXT_READY, timeout_s, "connect to PulseAudio")
        except Exception:
            self.close()
            raise

    @property
    def context(self) -> int:
        if not self._ctx:
            raise OSError("the PulseAudio connection is closed")
        return self._ctx

    def _state(self) -> int:
        state = int(lib().pa_context_get_state(self._ctx))
        if state in (PA_CONTEXT_FAILED, PA_CONTEXT_TERMINATED):
            raise OSError(f"the PulseAudio connection ended: {self.error()}")
        return state

    def error(self) -> str:
        return strerror(lib().pa_context_errno(self._ctx)) if self._ctx else "closed"

    @property
    def alive(self) -> bool:
        return bool(self._ctx) and int(lib().pa_context_get_state(self._ctx)) == PA_CONTEXT_READY

    def pump(self, wait_s: float = 0.0) -> None:
        """Handle what the server sent since the last call; first wait up to ``wait_s`` (in ``poll()``,
        GIL released) for something to arrive if ``wait_s`` > 0."""
        pa, ml = lib(), self._ml
        if not ml:
            return
        if wait_s > 0 and pa.pa_mainloop_prepare(ml, int(wait_s * 1e6)) >= 0 and pa.pa_mainloop_poll(ml) >= 0:
            pa.pa_mainloop_dispatch(ml)
        for _ in range(MAX_DISPATCH):  # then everything that is ready, without blocking
            if pa.pa_mainloop_iterate(ml, 0, None) <= 0:
                break

    def wait_until(self, done: Any, timeout_s: float, what: str) -> None:
        deadline = time.monotonic() + timeout_s
        while not done():
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"could not {what} within {timeout_s:g} s")
            self.pump(min(left, 0.1))

    def close(self) -> None:
        pa = lib()
        if self._ctx:
            pa.pa_context_disconnect(self._ctx)
            pa.pa_context_unref(self._ctx)
            self._ctx = None
        if self._ml:
            pa.pa_mainloop_free(self._ml)
            self._ml = None


class RecordStream:
    """A record stream on a ``Connection``; ``pull`` hands what has arrived to ``callback`` in one block.

    ``active``/``error`` follow the ``device.audio.capture.Stream`` contract: the stream turns inactive when
    the server ends it (device removed: ``PA_STREAM_DONT_MOVE``), moves it anyway, or the connection drops."""

    def __init__(
        self, conn: Connection, device: str | None, rate_hz: int, channels: int, block_frames: int,
        name: str, callback: Any, timeout_s: float = 5.0,
    ) -> None:  # fmt: skip
        pa = lib()
        self.conn, self.device, self.channels, self.callback = conn, device, channels, callback
        self.active = False
        self.error: str | None = None
        self.blocks = 0
        self._frame_bytes = 4 * channels
        spec = SampleSpec(PA_SAMPLE_FLOAT32LE, rate_hz, channels)
        self._s: int | None = pa.pa_stream_new(conn.context, name.encode(), ctypes.byref(spec), None)
        if not self._s:
            raise OSError(f"PulseAudio refused a stream: {conn.error()}")
        attr = BufferAttr(NO_VALUE, NO_VALUE, NO_VALUE, NO_VALUE, block_frames * self._frame_bytes)
        flags = PA_STREAM_ADJUST_LATENCY | PA_STREAM_DONT_MOVE  # the source's latency follows fragsize
        dev = device.encode() if device else None
        try:
            if pa.pa_stream_connect_record(self._s, dev, ctypes.byref(attr), flags) < 0:
                raise OSError(conn.error())
            conn.wait_until(self._ready, timeout_s, f"open {device or 'the default source'}")
        except Exception as exc:
            self.close()
            raise OSError(f"PulseAudio refused to open {device or 'the default source'}: {exc}") from exc
        self.active = True
        self._device_b = device.encode() if device else None
        self._data, self._size = ctypes.c_void_p(), ctypes.c_size_t()
        self._data_ref, self._size_ref = ctypes.byref(self._data), ctypes.byref(self._size)

    def _ready(self) -> bool:
        state = int(lib().pa_stream_get_state(self._s))
        if state in (PA_STREAM_FAILED, PA_STREAM_TERMINATED):
            raise OSError(self.conn.error())
        return state == PA_STREAM_READY

    def readable_frames(self) -> int:
        """Frames received and not yet pulled (as of the last ``Connection.pump``); -1 once the stream has
        ended, so that the reader stops waiting and ``pull`` says why."""
        if not self.active or not self._s:
            return -1
        pa = lib()
        if int(pa.pa_stream_get_state(self._s)) != PA_STREAM_READY:
            return -1
        size = int(pa.pa_stream_readable_size(self._s))
        return -1 if size == SIZE_ERROR else size // self._frame_bytes

    def pull(self) -> None:
        """Everything received since the last pull, as one (frames, channels) float32 block to the callback.
        Call after ``Connection.pump``."""
        if not self.active or not self._s:
            return
        pa, s = lib(), self._s
        if int(pa.pa_stream_get_state(s)) != PA_STREAM_READY:
            self._end(
                f"the sound server ended the stream from {self.device!r} (device removed?)"
                if self.conn.alive
                else f"lost the connection to the sound server ({self.conn.error()})"
            )
            return
        now = pa.pa_stream_get_device_name(s)
        if self._device_b and now is not None and now != self._device_b:
            self._end(
                f"the sound server moved the stream from {self.device!r} to {now.decode(errors='replace')!r}"
            )
            return
        size = int(pa.pa_stream_readable_size(s))
        if size <= 0 or size == SIZE_ERROR:
            return
        # np.empty, not np.zeros: on an idle-between-reads core each distinct numpy call costs ~30-100 us
        # cold, and holes (the only gaps) are rare; they are zeroed below
        out = np.empty(size // 4, np.float32)
        base, at, limit = out.ctypes.data, 0, out.nbytes
        while at < limit and pa.pa_stream_peek(s, self._data_ref, self._size_ref) == 0:
            n = int(self._size.value)
            if n == 0:
                break
            take = min(n, limit - at)
            if self._data.value:
                ctypes.memmove(base + at, self._data.value, take)
            else:  # a hole in the stream (the server dropped data): silence keeps the time
                ctypes.memset(base + at, 0, take)
            at += take
            pa.pa_stream_drop(s)
        frames = at // self._frame_bytes
        if frames:
            self.blocks += 1
            block = out[: frames * self.channels].reshape(frames, self.channels)
            self.callback(block, frames, None, 0)

    def _end(self, why: str) -> None:
        self.active = False
        self.error = why

    def abort(self) -> None:
        self.active = False

    def close(self) -> None:
        self.active = False
        if self._s:
            pa = lib()
            pa.pa_stream_disconnect(self._s)
            pa.pa_stream_unref(self._s)
            self._s = None
