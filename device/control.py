"""Local control socket for softphones / CTI: ``call start``, ``call end``, ``pause``, ``resume``, ``status``,
and, while the agent UI runs, its actions without the keyboard focus: ``dismiss``, ``breathe``,
``toggle-pause``.

POSIX: a Unix socket in a private (0700) directory, ``$XDG_RUNTIME_DIR/lugn/control.sock`` or
``<tmp>/lugn-<uid>/control.sock``; only this user can connect. Both the agent and ``lugn call`` check that the
directory is a real directory owned by this user with no access for others, and that the socket is this
user's, and refuse otherwise: in a shared /tmp another local user could pre-create ``lugn-<uid>`` and answer
the victim's commands. Windows: loopback TCP on a free port, written with a random token to
``%LOCALAPPDATA%/Lugn/control.json``; a request must carry the token. ``LUGN_CONTROL`` overrides the socket
path (tests, several instances); the same checks apply to it.

Protocol: one request line per connection (``call start``), one JSON reply line (``{"ok": true, ...}``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import socket
import stat
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)

COMMANDS = ("call start", "call end", "pause", "resume", "status")
# Served by the agent UI when it registers them (``ControlServer.register_ui_action``); headless, they say so.
UI_COMMANDS = ("dismiss", "breathe", "toggle-pause")
IS_WINDOWS = sys.platform == "win32"


class ControlError(RuntimeError):
    """The control socket cannot be served or reached."""


class Controllable(Protocol):
    def call_start(self) -> bool: ...
    def call_end(self) -> bool: ...
    def pause(self) -> bool: ...
    def resume(self) -> bool: ...
    def status(self) -> dict[str, object]: ...


def default_address() -> Path:
    """Socket path (POSIX) or the file holding port + token (Windows)."""
    if os.environ.get("LUGN_CONTROL"):
        return Path(os.environ["LUGN_CONTROL"])
    if IS_WINDOWS:
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "Lugn" / "control.json"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) / "lugn" if runtime else Path(tempfile.gettempdir()) / f"lugn-{os.getuid()}"
    return base / "control.sock"


def private_dir(path: Path, create: bool = False) -> Path:
    """``path`` as a directory only this user can use; ``ControlError`` (saying why) when it is not one."""
    if create:
        with contextlib.suppress(FileExistsError):
            os.mkdir(path, 0o700)
    try:
        st = os.lstat(path)
    except FileNotFoundError as exc:
        raise ControlError(f"Lugn is not running (no control folder {path})") from exc
    if not stat.S_ISDIR(st.st_mode):
        raise ControlError(f"{path} is not a directory (a link?): refusing to use it for the control socket")
    if st.st_uid != os.getuid():
        raise ControlError(
            f"{path} belongs to uid {st.st_uid}, not to you: another user may be posing as Lugn; refusing "
            "(set XDG_RUNTIME_DIR, or remove that folder)"
        )
    if st.st_mode & 0o077:
        raise ControlError(f"{path} is open to others (mode {st.st_mode & 0o777:o}): refusing; chmod 700 it")
    return path


def _own_socket(path: Path) -> None:
    try:
        st = os.lstat(path)
    except FileNotFoundError as exc:
        raise ControlError(f"Lugn is not running (no control socket at {path})") from exc
    if not stat.S_ISSOCK(st.st_mode) or st.st_uid != os.getuid():
        raise ControlError(
            f"{path} is not your Lugn's socket (owner uid {st.st_uid}): refusing to talk to it"
        )


class ControlServer:
    """Serves control requests on a named thread; ``stop()`` joins it and removes the socket."""

    def __init__(self, target: Controllable, address: Path | None = None, use_tcp: bool = IS_WINDOWS) -> None:
        self.target = target
        self.address = address or default_address()
        self.use_tcp = use_tcp
        self._token = secrets.token_hex(16)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._sock: socket.socket | None = None
        self.requests = 0
        self.ui_actions: dict[str, Callable[[], dict[str, Any]]] = {}

    def register_ui_action(self, command: str, action: Callable[[], dict[str, Any]]) -> None:
        """Serve ``command`` (one of UI_COMMANDS) with ``action``, called on the control thread; it returns
        the reply's fields (``ok`` and what happened)."""
        if command not in UI_COMMANDS:
            raise ValueError(f"not a UI command: {command!r}")
        self.ui_actions[command] = action

    def start(self) -> None:
        if self.use_tcp:
            self.address.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
            self.address.write_text(json.dumps({"port": port, "token": self._token}), encoding="utf-8")
        else:
            self.address.parent.parent.mkdir(parents=True, exist_ok=True)
            private_dir(self.address.parent, create=True)
            if self.address.exists():
                if _alive(self.address):
                    raise ControlError(f"another Lugn already serves {self.address}")
                self.address.unlink()
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.bind(str(self.address))
            os.chmod(self.address, 0o600)
        sock.listen(4)
        sock.settimeout(0.2)
        self._sock = sock
        self._thread = threading.Thread(target=self._serve, name="lugn-control", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        with contextlib.suppress(OSError):
            self.address.unlink()

    def _serve(self) -> None:
        assert self._sock is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(1.0)
                try:
                    reply = self.handle(_read_line(conn))
                except (OSError, UnicodeDecodeError) as exc:
                    reply = {"ok": False, "error": f"bad request: {exc}"}
                with contextlib.suppress(OSError):
                    conn.sendall((json.dumps(reply) + "\n").encode())

    def handle(self, line: str) -> dict[str, Any]:
        self.requests += 1
        words = line.strip().split()
        if self.use_tcp:
            if not words or not secrets.compare_digest(words[0], self._token):
                return {"ok": False, "error": "missing or wrong token"}
            words = words[1:]
        command = " ".join(words).lower()
        actions = {
            "call start": self.target.call_start,
            "call end": self.target.call_end,
            "pause": self.target.pause,
            "resume": self.target.resume,
        }
        if command == "status":
            return {"ok": True, "status": self.target.status()}
        if command in UI_COMMANDS:
            return self._ui_command(command)
        if command not in actions:
            known = ", ".join((*COMMANDS, *UI_COMMANDS))
            return {"ok": False, "error": f"unknown command {command!r}; use one of: {known}"}
        return {"ok": bool(actions[command]()), "command": command}

    def _ui_command(self, command: str) -> dict[str, Any]:
        action = self.ui_actions.get(command)
        if action is None:
            return {
                "ok": False,
                "command": command,
                "error": f"{command!r} needs the agent UI (this Lugn is headless)",
            }
        try:
            out = dict(action())
        except Exception as exc:  # the UI's problem must not end the control thread
            log.exception("control command %s failed", command)
            return {"ok": False, "command": command, "error": f"{type(exc).__name__}: {exc}"}
        return {"command": command, **out, "ok": bool(out.get("ok", False))}


def send(command: str, address: Path | None = None, timeout_s: float = 2.0) -> dict[str, Any]:
    """Send one control command to a running Lugn; the JSON reply as a dict. Raises ControlError."""
    address = address or default_address()
    try:
        if IS_WINDOWS or address.suffix == ".json":
            info = json.loads(address.read_text(encoding="utf-8"))
            sock = socket.create_connection(("127.0.0.1", int(info["port"])), timeout=timeout_s)
            line = f"{info['token']} {command}\n"
        else:
            private_dir(address.parent)
            _own_socket(address)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(timeout_s)
            sock.connect(str(address))
            line = command + "\n"
        with sock:
            sock.sendall(line.encode())
            return dict(json.loads(_read_line(sock)))
    except FileNotFoundError as exc:
        raise ControlError(f"Lugn is not running (no control socket at {address})") from exc
    except (OSError, ValueError, KeyError) as exc:
        raise ControlError(f"cannot talk to Lugn at {address}: {exc}") from exc


def _read_line(sock: socket.socket, limit: int = 4096) -> str:
    data = b""
    while b"\n" not in data and len(data) < limit:
        part = sock.recv(1024)
        if not part:
            break
        data += part
    return data.split(b"\n", 1)[0].decode("utf-8")


def _alive(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        try:
            probe.connect(str(path))
            return True
        except OSError:
            return False
