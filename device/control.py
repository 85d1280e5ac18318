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
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)

IS_WINDOWS = sys.platform == "win32"
# Added by the agent UI (``AgentRuntime.add_control_action``); a headless agent answers that it has no UI.
UI_COMMANDS = ("dismiss", "breathe", "toggle-pause", "show")


class ControlError(RuntimeError):
    """The control socket cannot be served or reached."""


class Controllable(Protocol):
    """What the socket drives: the runtime's action table (command -> method; ``device.runtime``) and its
    status. New commands are added to that table, not here."""

    def control_actions(self) -> Mapping[str, Callable[[], object]]: ...
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
        if command == "status":
            return {"ok": True, "status": self.target.status()}
        actions = self.target.control_actions()
        if command not in actions:
            if command in UI_COMMANDS:
                return {
                    "ok": False,
                    "command": command,
                    "error": f"{command!r} needs the agent UI (headless here)",
                }
            known = ", ".join([*actions, "status"])
            return {"ok": False, "error": f"unknown command {command!r}; use one of: {known}"}
        try:
            result = actions[command]()
        except Exception as exc:  # an action's failure must not end the control thread
            log.exception("control command %s failed", command)
            return {"ok": False, "command": command, "error": f"{type(exc).__name__}: {exc}"}
        if isinstance(result, dict):  # an action that says what it did (the agent UI's dismiss, breathe)
            return {"command": command, **result, "ok": bool(result.get("ok", False))}
        return {"ok": bool(result), "command": command}


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
