"""X11 global shortcuts with ``xcb_grab_key`` through ctypes (libxcb + libxcb-keysyms, which Qt's xcb plugin
needs anyway, so no new dependency).

Why xcb and not Xlib: xcb reports a failed grab on the request itself (``xcb_request_check``), so a shortcut
held by another application is detected without installing a process-wide Xlib error handler that Qt's own
Xlib display shares. Our connection is our own and is only used from the ``lugn-hotkeys`` thread.

Each chord is grabbed four times, with and without Caps Lock and Num Lock, so the shortcut works whatever the
lock keys are; the grabbed key never reaches the focused application."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import select
import threading
from collections.abc import Callable, Mapping
from typing import Any

from ui.agent.hotkeys import Chord, HotkeyError, ThreadedHotkeys, key_code

log = logging.getLogger(__name__)

MOD_MASK = {"shift": 1, "ctrl": 4, "alt": 8, "meta": 64}  # Shift, Control, Mod1, Mod4
LOCK_MASK, NUMLOCK_MASK = 2, 16  # Lock, Mod2
IGNORED = (0, LOCK_MASK, NUMLOCK_MASK, LOCK_MASK | NUMLOCK_MASK)
KEY_PRESS = 2
BAD_ACCESS = 10
GRAB_MODE_ASYNC = 1
_NAMED = {
    "space": 0x20,
    "pause": 0xFF13,
    "insert": 0xFF63,
    "home": 0xFF50,
    "end": 0xFF57,
    "pageup": 0xFF55,
    "pagedown": 0xFF56,
}


def keysym(key: str) -> int:
    """The X keysym of a Chord key (lower-case letters are their ASCII code; F1 is 0xFFBE)."""
    return key_code(key, upper=False, f1=0xFFBE, named=_NAMED)


class _Cookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class _GenericError(ctypes.Structure):
    _fields_ = [("response_type", ctypes.c_uint8), ("error_code", ctypes.c_uint8)]


class _KeyPress(ctypes.Structure):
    _fields_ = [
        ("response_type", ctypes.c_uint8),
        ("detail", ctypes.c_uint8),
        ("sequence", ctypes.c_uint16),
        ("time", ctypes.c_uint32),
        ("root", ctypes.c_uint32),
        ("event", ctypes.c_uint32),
        ("child", ctypes.c_uint32),
        ("root_x", ctypes.c_int16),
        ("root_y", ctypes.c_int16),
        ("event_x", ctypes.c_int16),
        ("event_y", ctypes.c_int16),
        ("state", ctypes.c_uint16),
        ("same_screen", ctypes.c_uint8),
    ]


def _lib(name: str, soname: str) -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library(name) or soname)


class _Xcb:
    """The few libxcb calls we need, typed."""

    def __init__(self) -> None:
        x, ks, c = (
            _lib("xcb", "libxcb.so.1"),
            _lib("xcb-keysyms", "libxcb-keysyms.so.1"),
            _lib("c", "libc.so.6"),
        )
        vp, u8, u16, u32 = ctypes.c_void_p, ctypes.c_uint8, ctypes.c_uint16, ctypes.c_uint32
        self.connect = _fn(x.xcb_connect, vp, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int))
        self.connection_has_error = _fn(x.xcb_connection_has_error, ctypes.c_int, vp)
        self.disconnect = _fn(x.xcb_disconnect, None, vp)
        self.get_setup = _fn(x.xcb_get_setup, vp, vp)
        self.get_fd = _fn(x.xcb_get_file_descriptor, ctypes.c_int, vp)
        self.flush = _fn(x.xcb_flush, ctypes.c_int, vp)
        self.poll = _fn(x.xcb_poll_for_event, vp, vp)
        self.grab_key_checked = _fn(x.xcb_grab_key_checked, _Cookie, vp, u8, u32, u16, u8, u8, u8)
        self.ungrab_key = _fn(x.xcb_ungrab_key, _Cookie, vp, u8, u32, u16)
        self.request_check = _fn(x.xcb_request_check, vp, vp, _Cookie)
        self.roots_iterator = x.xcb_setup_roots_iterator  # returns a struct {xcb_screen_t *data; ...}
        self.symbols_alloc = _fn(ks.xcb_key_symbols_alloc, vp, vp)
        self.symbols_free = _fn(ks.xcb_key_symbols_free, None, vp)
        self.get_keycode = _fn(ks.xcb_key_symbols_get_keycode, ctypes.POINTER(u8), vp, u32)
        self.free = _fn(c.free, None, vp)

    def root_window(self, conn: int) -> int:
        class _Iter(ctypes.Structure):
            _fields_ = [
                ("data", ctypes.POINTER(ctypes.c_uint32)),
                ("rem", ctypes.c_int),
                ("index", ctypes.c_int),
            ]

        it = _fn(self.roots_iterator, _Iter, ctypes.c_void_p)(self.get_setup(conn))
        if not it.data:
            raise HotkeyError("the X server reports no screen")
        return int(it.data[0])  # xcb_screen_t starts with its root window


def _fn(f: Any, restype: object, *argtypes: object) -> Any:
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


class X11Hotkeys(ThreadedHotkeys):
    """Grabs chords on the X display ``display`` and calls back on its own thread when one is pressed (the
    loop polls ``_stop`` every 0.2 s)."""

    name = "x11"
    answers = "the X server"

    def __init__(self, display: str | None = None) -> None:
        self.display = display if display is not None else os.environ.get("DISPLAY", "")
        self.xcb = _Xcb()  # OSError here when libxcb is missing: the caller falls back to lugn call
        super().__init__()
        self.pressed = 0

    def _serve(
        self,
        chords: Mapping[str, Chord],
        on_action: Callable[[str], None],
        result: dict[str, str],
        ready: threading.Event,
    ) -> None:
        try:
            self._grab_and_listen(chords, on_action, result, ready)
        except Exception as exc:  # never let a grab problem take the indicator down
            log.exception("global shortcuts stopped")
            result.setdefault("_error", f"{type(exc).__name__}: {exc}")
            ready.set()

    def _grab_and_listen(
        self,
        chords: Mapping[str, Chord],
        on_action: Callable[[str], None],
        result: dict[str, str],
        ready: threading.Event,
    ) -> None:
        x = self.xcb
        conn = x.connect(self.display.encode() or None, None)
        if not conn or x.connection_has_error(conn):
            raise HotkeyError(f"cannot connect to the X display {self.display!r}")
        syms = x.symbols_alloc(conn)
        grabbed: list[tuple[int, int]] = []
        by_key: dict[tuple[int, int], str] = {}
        root = 0
        try:
            root = x.root_window(conn)
            for action, chord in chords.items():
                result[action] = self._grab(conn, syms, root, chord, action, grabbed, by_key)
            x.flush(conn)
            ready.set()
            fd = x.get_fd(conn)
            while not self._stop.is_set():
                readable, _, _ = select.select([fd], [], [], 0.2)
                if not readable:
                    continue
                while ev := x.poll(conn):
                    kp = _KeyPress.from_address(ev)
                    if kp.response_type & 0x7F == KEY_PRESS:
                        mods = kp.state & ~(LOCK_MASK | NUMLOCK_MASK) & 0xFF
                        hit = by_key.get((kp.detail, mods))
                        if hit is not None:
                            self.pressed += 1
                            on_action(hit)
                    x.free(ev)
                if x.connection_has_error(conn):
                    log.error("the X connection for global shortcuts broke")
                    return
        finally:
            for keycode, mods in grabbed:
                x.ungrab_key(conn, keycode, root, mods)
            x.flush(conn)
            if syms:
                x.symbols_free(syms)
            x.disconnect(conn)

    def _grab(
        self,
        conn: int,
        syms: int,
        root: int,
        chord: Chord,
        action: str,
        grabbed: list[tuple[int, int]],
        by_key: dict[tuple[int, int], str],
    ) -> str:
        x = self.xcb
        codes = x.get_keycode(syms, keysym(chord.key))
        if not codes or not codes[0]:
            return f"{chord}: no key {chord.key!r} on this keyboard layout"
        keycode = int(codes[0])
        x.free(ctypes.cast(codes, ctypes.c_void_p))
        mods = 0
        for name in chord.modifiers:
            mods |= MOD_MASK[name]
        mine: list[tuple[int, int]] = []
        for extra in IGNORED:
            cookie = x.grab_key_checked(
                conn, 0, root, mods | extra, keycode, GRAB_MODE_ASYNC, GRAB_MODE_ASYNC
            )
            err = x.request_check(conn, cookie)
            if err:
                error_code = _GenericError.from_address(err).error_code
                x.free(err)
                for kc, m in mine:  # all or nothing
                    x.ungrab_key(conn, kc, root, m)
                why = "taken by another application" if error_code == BAD_ACCESS else f"X error {error_code}"
                return f"{chord}: {why}"
            mine.append((keycode, mods | extra))
        grabbed.extend(mine)
        by_key[(keycode, mods)] = action
        return "ok"
