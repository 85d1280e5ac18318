"""Windows global shortcuts with ``RegisterHotKey`` through ctypes.

A hot key belongs to the thread that registered it and arrives as ``WM_HOTKEY`` in that thread's message
queue, so one named thread registers, runs ``GetMessageW`` and unregisters; ``stop()`` posts ``WM_QUIT`` to
it. ``MOD_NOREPEAT`` keeps a held key from firing again and again. Not testable on Linux: the tests drive the
same interface with ``FakeBackend``, and the virtual-key table below is checked there."""

from __future__ import annotations

import ctypes
import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any

from ui.agent.hotkeys import Chord, ThreadedHotkeys, key_code

log = logging.getLogger(__name__)

MOD = {"alt": 0x0001, "ctrl": 0x0002, "shift": 0x0004, "meta": 0x0008}
MOD_NOREPEAT = 0x4000
WM_HOTKEY, WM_QUIT = 0x0312, 0x0012
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
_NAMED_VK = {
    "space": 0x20,
    "pause": 0x13,
    "insert": 0x2D,
    "home": 0x24,
    "end": 0x23,
    "pageup": 0x21,
    "pagedown": 0x22,
}


def virtual_key(key: str) -> int:
    """The Windows virtual-key code of a Chord key: VK_A..VK_Z, VK_0..VK_9 are their ASCII codes, VK_F1 = 0x70
    .. VK_F24 = 0x87."""
    return key_code(key, upper=True, f1=0x70, named=_NAMED_VK)


class _Msg(ctypes.Structure):
    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_uint32),
        ("pt_x", ctypes.c_long),
        ("pt_y", ctypes.c_long),
    ]


class WindowsHotkeys(ThreadedHotkeys):
    name = "windows"
    answers = "RegisterHotKey"

    def __init__(self) -> None:
        dll: Any = getattr(ctypes, "WinDLL")  # noqa: B009 - only on Windows
        self.user32 = dll("user32", use_last_error=True)
        self.kernel32 = dll("kernel32", use_last_error=True)
        super().__init__()
        self._thread_id = 0

    def _serve(
        self,
        chords: Mapping[str, Chord],
        on_action: Callable[[str], None],
        result: dict[str, str],
        ready: threading.Event,
    ) -> None:
        u = self.user32
        self._thread_id = int(self.kernel32.GetCurrentThreadId())
        ids: dict[int, str] = {}
        for n, (action, chord) in enumerate(chords.items(), start=1):
            mods = MOD_NOREPEAT
            for m in chord.modifiers:
                mods |= MOD[m]
            if u.RegisterHotKey(None, n, mods, virtual_key(chord.key)):
                ids[n] = action
                result[action] = "ok"
            else:
                err = ctypes.get_last_error()  # type: ignore[attr-defined]
                taken = err == ERROR_HOTKEY_ALREADY_REGISTERED
                result[action] = f"{chord}: " + ("taken by another application" if taken else f"error {err}")
        ready.set()
        msg = _Msg()
        try:
            while u.GetMessageW(ctypes.byref(msg), None, 0, 0) > 0:
                if msg.message == WM_HOTKEY and int(msg.wParam) in ids:
                    try:
                        on_action(ids[int(msg.wParam)])
                    except Exception:
                        log.exception("a global shortcut's action failed")
        finally:
            for n in ids:
                u.UnregisterHotKey(None, n)

    def _interrupt(self) -> None:
        """``GetMessageW`` blocks: ``WM_QUIT`` ends the loop."""
        if self._thread is not None and self._thread_id:
            self.user32.PostThreadMessageW(self._thread_id, WM_QUIT, 0, 0)
        self._thread_id = 0
