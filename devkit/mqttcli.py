"""The attacker's and the supervisor's tools against a trial broker: the real ``mosquitto_pub`` and
``mosquitto_sub`` command-line clients, and ``lugn aggregate`` as its own process, as IT runs it.

Shared by the attack suite (``tests/attacks``) and the red-team demonstrator (``devkit.redteam``), so what the
demonstrator prints is what the tests run. Each command is built as an argument list first (``pub_cmd``,
``sub_cmd``) so it can be shown as a shell line with the password shortened (``shell_line``).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from devkit.broker import TrialBroker

ROOT = Path(__file__).resolve().parents[1]


def pub_cmd(
    broker: TrialBroker, user: str, topic: str, *args: str, backend: bool = False, client_id: str = ""
) -> list[str]:
    """``mosquitto_pub`` as ``user`` (MQTT v5, QoS 1, TLS); ``args`` e.g. ``-m PAYLOAD``, ``-l``, ``-r``."""
    port = broker.backend_port if backend else broker.device_port
    cmd = ["mosquitto_pub", "-h", "localhost", "-p", str(port), "--cafile", broker.ca_file]
    cmd += ["-V", "mqttv5", "-q", "1", "-u", user, "-P", broker.passwords[user], "-t", topic]
    if client_id:
        cmd += ["-i", client_id]
    return [*cmd, *args]


def pub_cert_cmd(broker: TrialBroker, cn: str, topic: str, *args: str) -> list[str]:
    """``mosquitto_pub`` on the mutual-TLS listener with the client certificate of workstation ``cn``."""
    cert, key = broker.client_cert(cn)
    cmd = ["mosquitto_pub", "-h", "localhost", "-p", str(broker.mtls_port), "--cafile", broker.ca_file]
    return [*cmd, "--cert", cert, "--key", key, "-V", "mqttv5", "-q", "1", "-t", topic, *args]


def run_pub(cmd: Sequence[str], stdin: str | None = None) -> str:
    """Run a ``mosquitto_pub`` command; its stderr ("... Not authorized" on a denial) and a non-zero exit."""
    proc = subprocess.run(list(cmd), input=stdin, capture_output=True, text=True, timeout=60)
    return proc.stderr + (f" (exit {proc.returncode})" if proc.returncode else "")


def pub(
    broker: TrialBroker, user: str, topic: str, *args: str, backend: bool = False, client_id: str = ""
) -> str:
    """``mosquitto_pub`` as ``user``: its stderr ("Not authorized" on a denial), empty when acknowledged."""
    return run_pub(pub_cmd(broker, user, topic, *args, backend=backend, client_id=client_id))


def pub_lines(broker: TrialBroker, user: str, topic: str, lines: str) -> str:
    """``mosquitto_pub -l``: every line on stdin is one message (an attacker's fastest way to send many)."""
    return run_pub(pub_cmd(broker, user, topic, "-l"), stdin=lines)


def sub_cmd(broker: TrialBroker, user: str, topic: str, *args: str, device: bool = False) -> list[str]:
    """``mosquitto_sub`` as ``user`` on the backend listener (supervisor, IT), or the device one."""
    port = broker.device_port if device else broker.backend_port
    cmd = ["mosquitto_sub", "-h", "localhost", "-p", str(port), "--cafile", broker.ca_file]
    return [*cmd, "-V", "mqttv5", "-u", user, "-P", broker.passwords[user], "-t", topic, *args]


def sub(
    broker: TrialBroker, user: str, topic: str, wait_s: float = 2.0, count: int = 0
) -> list[tuple[str, str]]:
    """``mosquitto_sub`` as ``user`` on the backend listener: (topic, payload) received within ``wait_s``."""
    cmd = sub_cmd(broker, user, topic, "-v", "-W", f"{wait_s:g}", *(["-C", str(count)] if count else []))
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=wait_s + 30)
    return [tuple(line.split(" ", 1)) for line in proc.stdout.splitlines() if " " in line]  # type: ignore[misc]


def shell_line(cmd: Sequence[str], stdin: str = "") -> str:
    """``cmd`` as one shell line a reader can retype: passwords shortened (never printed whole), the CA and
    keys by file name, and what was piped in (``-l``) described by its first line."""
    out: list[str] = []
    prev = ""
    for arg in cmd:
        if prev == "-P":
            arg = arg[:3] + "…"
        elif prev in ("--cafile", "--cert", "--key"):
            arg = Path(arg).name
        out.append(shlex.quote(arg))
        prev = arg
    line = " ".join(out)
    if stdin:
        n = stdin.count("\n")
        line = f"{line}   < {n:,} lines, one message each, like: {stdin.splitlines()[0]}"
    return line


class AggregateProcess:
    """``lugn aggregate`` as its own process, as IT runs it: ``start()``, ``kill()`` (SIGKILL), ``stop()``.

    ``args`` are the command's own options after the connection ones (``--config``, ``--teams``, ``--k``,
    ``--state``, ...); the broker account is also the MQTT client id."""

    def __init__(self, broker: TrialBroker, log: Path, username: str, *args: str) -> None:
        self.log = log
        self.username = username
        self.cmd = [sys.executable, "-m", "lugn", "aggregate", "--broker", broker.backend_url()]
        self.cmd += ["--ca", broker.ca_file, "--username", username]
        self.cmd += ["--password-file", str(broker.credential_file(username)), *args]
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout_s: float = 30.0) -> AggregateProcess:
        self.log.touch()
        n = self.connections()
        with open(self.log, "ab") as fh:
            self.proc = subprocess.Popen(
                self.cmd,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=fh,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
        deadline = time.monotonic() + timeout_s
        while self.connections() <= n:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"lugn aggregate did not connect: {self.log.read_text()[-2000:]}")
            time.sleep(0.05)
        time.sleep(0.3)  # subscriptions granted
        return self

    def connections(self) -> int:
        """How often it (re)connected to the broker, by its own log."""
        return self.log.read_text().count("connected to") if self.log.is_file() else 0

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
