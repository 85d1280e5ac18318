"""Global shortcuts: the agent's actions (dismiss, pause/resume, breathe) while another application has the
focus.

Lugn never takes the keyboard, so a key pressed while the softphone has the focus can only reach Lugn as a
*global* shortcut, grabbed from the window system: X11 ``XGrabKey`` (``x11.py``) or Windows ``RegisterHotKey``
(``windows.py``). Wayland has no such grab for ordinary clients; there, and always, the same actions are
``lugn call dismiss|pause|resume|breathe`` on the control socket, which a softphone or a desktop hotkey tool
can bind. A shortcut that another application holds already is reported, never silently lost.

Each backend runs its own named thread (:class:`ThreadedHotkeys`) and calls back from it;
:class:`ui.agent.actions.AgentActions` carries the call into the GUI thread. ``FakeBackend`` stands in where
no window system can run the real one."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger(__name__)

ACTIONS = ("dismiss", "toggle_pause", "breathe")
MODIFIERS = ("ctrl", "alt", "shift", "meta")
NAMED_KEYS = ("space", "pause", "insert", "home", "end", "pageup", "pagedown")


class HotkeyError(RuntimeError):
    """A shortcut cannot be registered (taken by another application, or not a valid key here)."""


@dataclass(frozen=True)
class Chord:
    """A parsed shortcut: modifiers (lower case, from MODIFIERS) and one key (``d``, ``5``, ``f9``,
    ``space``)."""

    modifiers: frozenset[str]
    key: str

    def __str__(self) -> str:
        mods = [m.capitalize() for m in MODIFIERS if m in self.modifiers]
        key = self.key.upper() if len(self.key) == 1 or self.key.startswith("f") else self.key.capitalize()
        return "+".join([*mods, key])


def parse_chord(text: str) -> Chord:
    """``"Ctrl+Alt+D"`` -> Chord. ValueError with the reason for anything else (see ``device.config``)."""
    parts = [p.strip().lower() for p in text.split("+")]
    if len(parts) < 2 or not all(parts):
        raise ValueError(f"{text!r}: a shortcut is modifiers and a key, e.g. Ctrl+Alt+D")
    *mods, key = parts
    mods = ["meta" if m in ("super", "win") else "ctrl" if m == "control" else m for m in mods]
    if bad := [m for m in mods if m not in MODIFIERS]:
        raise ValueError(f"{text!r}: unknown modifier {bad[0]!r} (use Ctrl, Alt, Shift, Meta)")
    if not set(mods) & {"ctrl", "alt", "meta"}:
        raise ValueError(f"{text!r}: needs Ctrl, Alt or Meta, else it would swallow ordinary typing")
    valid = (len(key) == 1 and key.isascii() and key.isalnum()) or key in NAMED_KEYS
    valid = valid or (key.startswith("f") and key[1:].isdigit() and 1 <= int(key[1:]) <= 24)
    if not valid:
        raise ValueError(f"{text!r}: {key!r} is not a key Lugn can grab (A-Z, 0-9, F1-F24, Space, Pause, …)")
    return Chord(frozenset(mods), key)


class HotkeyBackend(Protocol):
    """What a platform offers: register chords, then call ``on_action`` (from its own thread) when pressed."""

    name: str

    def start(self, chords: Mapping[str, Chord], on_action: Callable[[str], None]) -> dict[str, str]:
        """Grab every chord; per action "ok" or why not. Starting again replaces the earlier grabs."""
        ...

    def stop(self) -> None: ...


def key_code(key: str, *, upper: bool, f1: int, named: Mapping[str, int]) -> int:
    """A Chord key's code in a window system's key table: a letter or digit is its ASCII code (of the upper-
    or the lower-case letter), F1..F24 count up from ``f1``, the other keys are looked up in ``named``."""
    if len(key) == 1:
        return ord(key.upper() if upper else key.lower())
    if key.startswith("f") and key[1:].isdigit():
        return f1 + int(key[1:]) - 1
    return named[key]


class ThreadedHotkeys:
    """The part the real backends share. A grab or a hot key belongs to the thread (or connection) that made
    it, so one named thread registers the chords, waits for key presses and releases them again: ``start``
    runs ``_serve`` on it and waits up to 5 s for its per-action result; ``stop`` asks it to end (the
    ``_stop`` event, and ``_interrupt`` for a thread blocked in the window system) and joins it."""

    name = "threaded"
    answers = "the window system"  # who did not answer, in the message when registering takes over 5 s

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def start(self, chords: Mapping[str, Chord], on_action: Callable[[str], None]) -> dict[str, str]:
        """Grab ``chords`` (action -> chord); per action "ok" or the reason it failed."""
        self.stop()
        self._stop.clear()
        result: dict[str, str] = {}
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._serve, args=(chords, on_action, result, ready), name="lugn-hotkeys", daemon=True
        )
        self._thread.start()
        if not ready.wait(5.0):
            return {a: f"{self.answers} did not answer in 5 s" for a in chords}
        if "_error" in result:  # _serve could not register anything: the same reason for every action
            return {a: result["_error"] for a in chords}
        return result

    def _serve(
        self,
        chords: Mapping[str, Chord],
        on_action: Callable[[str], None],
        result: dict[str, str],
        ready: threading.Event,
    ) -> None:
        """On the hotkeys thread: register, fill ``result``, set ``ready``, call ``on_action`` per press until
        asked to stop, then unregister."""
        raise NotImplementedError

    def _interrupt(self) -> None:
        """Wake the hotkeys thread so that it sees ``_stop`` (nothing to do for one that polls it)."""

    def stop(self) -> None:
        self._stop.set()
        self._interrupt()
        if self._thread is not None:
            self._thread.join(2.0)
            self._thread = None


class FakeBackend:
    """Stands in for a window system in tests: ``press(chord)`` acts as the key press would."""

    name = "fake"

    def __init__(self, taken: tuple[str, ...] = ()) -> None:
        self.taken = {parse_chord(t) for t in taken}  # chords "another application" holds
        self.chords: dict[str, Chord] = {}
        self._on_action: Callable[[str], None] | None = None
        self.stopped = False

    def start(self, chords: Mapping[str, Chord], on_action: Callable[[str], None]) -> dict[str, str]:
        self._on_action, self.stopped = on_action, False
        self.chords = {a: c for a, c in chords.items() if c not in self.taken}
        return {
            a: "ok" if a in self.chords else f"{c} is taken by another application" for a, c in chords.items()
        }

    def press(self, chord: str) -> bool:
        c = parse_chord(chord)
        for action, mine in self.chords.items():
            if mine == c and self._on_action is not None and not self.stopped:
                self._on_action(action)
                return True
        return False

    def stop(self) -> None:
        self.stopped = True


def platform_backend() -> tuple[HotkeyBackend | None, str]:
    """The real backend for this session, or None and why (Wayland, offscreen, no X library)."""
    if sys.platform == "win32":
        from ui.agent.hotkeys.windows import WindowsHotkeys

        return WindowsHotkeys(), "RegisterHotKey"
    qpa = os.environ.get("QT_QPA_PLATFORM", "")
    if qpa.startswith(("offscreen", "minimal")):
        return None, "no display (offscreen): use lugn call …"
    if os.environ.get("WAYLAND_DISPLAY") and not qpa.startswith("xcb"):
        return (
            None,
            "Wayland has no global shortcuts for applications: bind lugn call … in the desktop settings",
        )
    if not os.environ.get("DISPLAY"):
        return None, "no X display: use lugn call …"
    try:
        from ui.agent.hotkeys.x11 import X11Hotkeys

        return X11Hotkeys(os.environ["DISPLAY"]), "XGrabKey"
    except OSError as exc:
        return None, f"libX11 not available ({exc}): use lugn call …"


def chords_from(settings: Mapping[str, str]) -> tuple[dict[str, Chord], dict[str, str]]:
    """Action -> Chord for the configured shortcuts ("" = off), and per action a problem if any."""
    chords: dict[str, Chord] = {}
    problems: dict[str, str] = {}
    for action, text in settings.items():
        if not text:
            problems[action] = "off"
            continue
        try:
            chord = parse_chord(text)
        except ValueError as exc:
            problems[action] = str(exc)
            continue
        if clash := [a for a, c in chords.items() if c == chord]:
            problems[action] = f"{chord} is already the shortcut for {clash[0]}"
            continue
        chords[action] = chord
    return chords, problems
