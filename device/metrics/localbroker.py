"""A private Mosquitto on loopback, configured from ``deploy/mosquitto`` (the production template and ACLs).

Used by the integration tests, ``lugn demo`` and ``lugn simulate --local``: its own free ports, its own
folder,
a fresh test CA + broker certificate (openssl), hashed password files (``mosquitto_passwd -U``) and the real
ACLs.
"""

from __future__ import annotations

import getpass
import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

DEPLOY_DIR = Path(__file__).resolve().parents[2] / "deploy" / "mosquitto"
BACKEND_USERS = ("lugn-aggregator", "supervisor", "it-monitor")


class BrokerUnavailable(RuntimeError):
    pass


def find_mosquitto() -> str | None:
    return shutil.which("mosquitto") or next(
        (p for p in ("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto") if os.access(p, os.X_OK)), None
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LocalBroker:
    """``start()``, ``stop()``, ``kill()`` (SIGKILL) and ``restart()`` a Mosquitto bound to 127.0.0.1."""

    workdir: Path
    device_users: Iterable[str] = ("device-1",)
    extra_config: str = ""
    log_types: str = "error warning notice information"  # "all" logs every packet: slow under load
    device_port: int = 0
    backend_port: int = 0
    mtls_port: int = 0
    client_certs: Iterable[str] = ()  # CNs (asset tags) to issue client certificates for (mutual TLS)
    passwords: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen[bytes] | None = None

    def __post_init__(self) -> None:
        self.workdir = Path(self.workdir)
        self.exe = find_mosquitto()
        if self.exe is None:
            raise BrokerUnavailable("mosquitto is not installed (apt-get install mosquitto)")
        if not (DEPLOY_DIR / "lugn.conf.template").is_file():
            raise BrokerUnavailable(f"{DEPLOY_DIR}: broker template not found")
        self.device_port = self.device_port or free_port()
        self.backend_port = self.backend_port or free_port()
        self.mtls_port = self.mtls_port or free_port()
        self.client_certs = tuple(self.client_certs)
        self.device_users = tuple(self.device_users)

    @property
    def ca_file(self) -> str:
        return str(self.workdir / "certs" / "ca.crt")

    @property
    def conf_file(self) -> Path:
        return self.workdir / "mosquitto.conf"

    @property
    def log_file(self) -> Path:
        return self.workdir / "mosquitto.log"

    def device_url(self) -> str:
        return f"mqtts://localhost:{self.device_port}"

    def mtls_url(self) -> str:
        return f"mqtts://localhost:{self.mtls_port}"

    def client_cert(self, cn: str) -> tuple[str, str]:
        """(certificate, key) files of a device issued with ``client_certs``."""
        certs = self.workdir / "certs"
        return str(certs / f"client-{cn}.crt"), str(certs / f"client-{cn}.key")

    def backend_url(self) -> str:
        return f"mqtts://localhost:{self.backend_port}"

    def setup(self, shared_device_password: str | None = None) -> None:
        """Certificates, password files and the rendered config (once per workdir)."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        certs = self.workdir / "certs"
        if not (certs / "server.crt").is_file():
            subprocess.run(
                ["bash", str(DEPLOY_DIR / "make-test-certs.sh"), str(certs), "localhost"],
                check=True,
                capture_output=True,
                timeout=120,
                env={**os.environ, "CLIENTS": " ".join(self.client_certs)},
            )
        dev_pw = shared_device_password
        self._write_passwd(
            "devices.passwd", {u: dev_pw or secrets.token_urlsafe(12) for u in self.device_users}
        )
        self._write_passwd("backend.passwd", {u: secrets.token_urlsafe(12) for u in BACKEND_USERS})
        text = (DEPLOY_DIR / "lugn.conf.template").read_text()
        subs = {
            "@DIR@": str(self.workdir),
            "@ACL_DIR@": str(DEPLOY_DIR),
            "@CERT_DIR@": str(certs),
            "@DEVICE_PORT@": str(self.device_port),
            "@DEVICE_MTLS_PORT@": str(self.mtls_port),
            "@BACKEND_PORT@": str(self.backend_port),
            "@BIND@": "127.0.0.1",
            "@EXTRA@": (
                f"user {getpass.getuser()}\nlog_dest file {self.log_file}\n"
                + "".join(f"log_type {t}\n" for t in self.log_types.split())
                + self.extra_config
            ),
        }
        for key, value in subs.items():
            text = text.replace(key, value)
        self.conf_file.write_text(text)

    def _write_passwd(self, name: str, users: dict[str, str]) -> None:
        path = self.workdir / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.writelines(f"{u}:{p}\n" for u, p in users.items())
        subprocess.run(["mosquitto_passwd", "-U", str(path)], check=True, capture_output=True, timeout=300)
        self.passwords.update(users)

    def start(self, timeout_s: float = 10.0) -> LocalBroker:
        if not self.conf_file.is_file():
            self.setup()
        self.proc = subprocess.Popen(
            [str(self.exe), "-c", str(self.conf_file)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode(errors="replace") if self.proc.stderr else ""
                tail = self.log_file.read_text()[-2000:] if self.log_file.is_file() else ""
                raise BrokerUnavailable(f"mosquitto exited with {self.proc.returncode}: {err} {tail}")
            if all(_port_open(p) for p in (self.device_port, self.backend_port, self.mtls_port)):
                return self
            time.sleep(0.02)
        self.kill()
        raise BrokerUnavailable(f"mosquitto did not listen on {self.device_port}/{self.backend_port}")

    def stop(self, timeout_s: float = 5.0) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout_s)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout_s)
        self.proc = None

    def kill(self) -> None:
        """SIGKILL: no goodbye, no final save."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(5)
        self.proc = None

    def reset_state(self) -> None:
        """Forget retained messages and sessions (the persistence file); only while stopped."""
        if self.proc is not None:
            raise RuntimeError("stop the broker first")
        (self.workdir / "mosquitto.db").unlink(missing_ok=True)

    def restart(self) -> LocalBroker:
        self.stop()
        return self.start()

    def reload(self) -> None:
        """SIGHUP: re-read password files and ACLs."""
        if self.proc:
            self.proc.send_signal(signal.SIGHUP)

    def __enter__(self) -> LocalBroker:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0
