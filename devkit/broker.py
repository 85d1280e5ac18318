"""The trial broker: the SHIPPED Mosquitto configuration (``deploy/mosquitto``) on loopback, for IT to try
Lugn
and for the tests, the demo and the load simulator (``lugn broker``).

It renders the same template and generates the ACLs the same way as production (``fleet.brokerconf`` from an
account list), with its own free ports and folder, a fresh test CA + broker certificate + CRL (openssl), one
account per device (site and team bound), the backend accounts, hashed password files (``mosquitto_passwd
-U``) and every password in its own 0600 file under ``credentials/``. It also writes ``aggregator.toml`` with
the teams its devices belong to, so ``lugn aggregate --config`` summarises exactly those.
"""

from __future__ import annotations

import getpass
import logging
import os
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from device.metrics.credentials import write_password_file
from fleet.brokerconf import (
    DEPLOY_DIR,
    GUARD_SOURCE,
    Account,
    check_unique,
    render_conf,
    write_accounts,
    write_acls,
)
from fleet.policy import AggregatorPolicy, dump_policy

log = logging.getLogger(__name__)

AGGREGATOR, SUPERVISOR, IT_MONITOR = "lugn-aggregator", "supervisor", "it-monitor"
BACKEND_USERS = (AGGREGATOR, SUPERVISOR, IT_MONITOR)


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


def backend_accounts(aggregators: Iterable[str] = (AGGREGATOR,)) -> list[Account]:
    return [
        *(Account("aggregator", a) for a in aggregators),
        Account("supervisor", SUPERVISOR),
        Account("it-monitor", IT_MONITOR),
    ]


def fleet_accounts(
    devices: int, site: str = "trial", team_size: int = 5, prefix: str = "dev-", teams: int | None = None
) -> list[Account]:
    """``devices`` seats ``<prefix>0001``..., over ``teams`` teams (default: ``team_size`` seats each)."""
    width = max(4, len(str(devices)))

    def team(i: int) -> str:
        return f"team-{(i % teams) if teams else (i // max(1, team_size)):03d}"

    return [Account("device", f"{prefix}{i + 1:0{width}d}", site, team(i)) for i in range(devices)]


@dataclass
class TrialBroker:
    """``start()``, ``stop()``, ``kill()`` (SIGKILL), ``restart()``, ``reload()`` (SIGHUP), ``revoke(cn)``."""

    workdir: Path
    accounts: Sequence[Account] = ()  # default: backend accounts + one device "dev-0001"
    client_certs: Iterable[str] = ()  # CNs (device accounts) to issue client certificates for (mutual TLS)
    extra_config: str = ""
    log_types: str = "error warning notice information"  # "all" logs every packet: slow under load
    device_port: int = 0
    backend_port: int = 0
    mtls_port: int = 0
    bucket_s: int = 900
    grace_s: int = 120
    guard_rate_per_min: int = 60  # each device account's message budget (lugn_guard; the template's defaults)
    guard_burst: int = 300
    passwords: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen[bytes] | None = None

    def __post_init__(self) -> None:
        self.workdir = Path(self.workdir)
        self.exe = find_mosquitto()
        if self.exe is None:
            raise BrokerUnavailable("mosquitto is not installed (apt-get install mosquitto)")
        if not (DEPLOY_DIR / "lugn.conf.template").is_file():
            raise BrokerUnavailable(f"{DEPLOY_DIR}: broker template not found")
        accounts = list(self.accounts) or [*backend_accounts(), *fleet_accounts(1)]
        if not any(a.role == "aggregator" for a in accounts):
            accounts += backend_accounts()
        self.accounts = check_unique(accounts)
        self.device_port = self.device_port or free_port()
        self.backend_port = self.backend_port or free_port()
        self.mtls_port = self.mtls_port or free_port()
        self.client_certs = tuple(self.client_certs)

    # -- where things are
    @property
    def certs_dir(self) -> Path:
        return self.workdir / "certs"

    @property
    def ca_file(self) -> str:
        return str(self.certs_dir / "ca.crt")

    @property
    def crl_file(self) -> Path:
        return self.certs_dir / "crl.pem"

    @property
    def conf_file(self) -> Path:
        return self.workdir / "mosquitto.conf"

    @property
    def guard_plugin(self) -> Path:
        return self.workdir / "lugn_guard.so"

    @property
    def log_file(self) -> Path:
        return self.workdir / "mosquitto.log"

    @property
    def aggregator_config(self) -> Path:
        return self.workdir / "aggregator.toml"

    def credential_file(self, account: str) -> Path:
        return self.workdir / "credentials" / f"{account}.pw"

    def device_url(self) -> str:
        return f"mqtts://localhost:{self.device_port}"

    def mtls_url(self) -> str:
        return f"mqtts://localhost:{self.mtls_port}"

    def backend_url(self) -> str:
        return f"mqtts://localhost:{self.backend_port}"

    def client_cert(self, cn: str) -> tuple[str, str]:
        """(certificate, key) files of a device issued with ``client_certs`` or ``issue_cert``."""
        return str(self.certs_dir / f"client-{cn}.crt"), str(self.certs_dir / f"client-{cn}.key")

    def devices(self) -> list[Account]:
        return [a for a in self.accounts if a.role == "device"]

    def policy(self) -> AggregatorPolicy:
        teams: dict[str, set[str]] = {}
        for a in self.devices():
            if a.team:
                teams.setdefault(str(a.site), set()).add(a.team)
        return AggregatorPolicy(
            bucket_s=self.bucket_s, grace_s=self.grace_s, teams={s: sorted(t) for s, t in teams.items()}
        )

    # -- set-up
    def setup(self) -> None:
        """Certificates, credentials, password files, ACLs, aggregator policy and the rendered config."""
        self._own_workdir()
        if not (self.certs_dir / "server.crt").is_file():
            self._certs(self.client_certs)
        else:
            missing = [cn for cn in self.client_certs if not Path(self.client_cert(cn)[0]).is_file()]
            if missing:
                self._certs(missing, only_clients=True)
        for a in self.accounts:
            path = self.credential_file(a.name)
            self.passwords[a.name] = path.read_text().strip() if path.is_file() else secrets.token_urlsafe(12)
            if not path.is_file():
                write_password_file(path, self.passwords[a.name])
        devices = {a.name for a in self.devices()}
        self._write_passwd("devices.passwd", devices)
        self._write_passwd("backend.passwd", {a.name for a in self.accounts} - devices)
        (self.workdir / "accounts.csv").write_text(write_accounts(self.accounts))
        write_acls(self.accounts, self.workdir)
        self.aggregator_config.write_text(dump_policy(self.policy()))
        self._build_guard()
        extra = (
            f"user {getpass.getuser()}\nlog_dest file {self.log_file}\n"
            + "".join(f"log_type {t}\n" for t in self.log_types.split())
            + self.extra_config
        )
        values = {
            "DIR": str(self.workdir),
            "ACL_DIR": str(self.workdir),
            "CERT_DIR": str(self.certs_dir),
            "CRL_FILE": str(self.crl_file),
            "DEVICE_PORT": str(self.device_port),
            "DEVICE_MTLS_PORT": str(self.mtls_port),
            "BACKEND_PORT": str(self.backend_port),
            "BIND": "127.0.0.1",
            "GUARD_PLUGIN": str(self.guard_plugin),
            "GUARD_RATE_PER_MIN": str(self.guard_rate_per_min),
            "GUARD_BURST": str(self.guard_burst),
            "EXTRA": extra,
        }
        self.conf_file.write_text(render_conf(values))

    def _own_workdir(self) -> None:
        """Create the folder 0700, or use an existing one only if it is ours and nobody else may write in it.

        Why: the folder's existing password files, CA and keys are reused (a restarted trial broker keeps
        its accounts). In a shared /tmp another local user could pre-create ``/tmp/lugn-trial`` with password
        files and a CA of their own, then log in as any device account of the trial broker."""
        if not self.workdir.exists():
            self.workdir.parent.mkdir(parents=True, exist_ok=True)
            self.workdir.mkdir(mode=0o700)
        st = self.workdir.lstat()
        if os.name == "posix" and (
            not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o022
        ):
            raise BrokerUnavailable(
                f"{self.workdir}: not a folder of yours that only you can write (owner uid {st.st_uid}, "
                f"mode {st.st_mode & 0o777:o}); its credentials and CA could be someone else's: use another "
                "--workdir"
            )

    def _build_guard(self) -> None:
        """The device listeners' plugin (``deploy/mosquitto/build-guard.sh``), built once per workdir."""
        so = self.guard_plugin
        if so.is_file() and so.stat().st_mtime >= GUARD_SOURCE.stat().st_mtime:
            return
        proc = subprocess.run(
            ["bash", str(DEPLOY_DIR / "build-guard.sh"), str(so)], capture_output=True, text=True, timeout=120
        )
        if proc.returncode:
            raise BrokerUnavailable(f"cannot build the broker plugin lugn_guard: {proc.stderr.strip()}")

    def _certs(self, clients: Iterable[str], only_clients: bool = False) -> None:
        env = {**os.environ, "CLIENTS": " ".join(clients)}
        if only_clients:
            env["ONLY_CLIENTS"] = "1"
        subprocess.run(
            ["bash", str(DEPLOY_DIR / "make-test-certs.sh"), str(self.certs_dir), "localhost"],
            check=True,
            capture_output=True,
            timeout=120,
            env=env,
        )

    def issue_cert(self, cn: str) -> tuple[str, str]:
        """A client certificate for ``cn`` signed by the trial CA (a device on the mutual-TLS listener)."""
        self._certs([cn], only_clients=True)
        return self.client_cert(cn)

    def _write_passwd(self, name: str, users: set[str]) -> None:
        path = self.workdir / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.writelines(f"{u}:{self.passwords[u]}\n" for u in sorted(users))
        subprocess.run(["mosquitto_passwd", "-U", str(path)], check=True, capture_output=True, timeout=300)

    def info(self) -> dict[str, Any]:
        """What ``lugn broker`` prints: ports, URLs, CA, credential files by account."""
        return {
            "pid": self.proc.pid if self.proc else None,
            "host": "localhost",
            "ports": {
                "devices": self.device_port,
                "devices_mtls": self.mtls_port,
                "backend": self.backend_port,
            },
            "urls": {
                "devices": self.device_url(),
                "devices_mtls": self.mtls_url(),
                "backend": self.backend_url(),
            },
            "ca_file": self.ca_file,
            "crl_file": str(self.crl_file),
            "conf_file": str(self.conf_file),
            "log_file": str(self.log_file),
            "accounts_file": str(self.workdir / "accounts.csv"),
            "aggregator_config": str(self.aggregator_config),
            "credentials": {a.name: str(self.credential_file(a.name)) for a in self.accounts},
            "client_certs": {cn: list(self.client_cert(cn)) for cn in self.client_certs},
            "devices": [{"account": a.name, "site": a.site, "team": a.team} for a in self.devices()],
        }

    # -- process
    def start(self, timeout_s: float = 10.0) -> TrialBroker:
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

    def restart(self) -> TrialBroker:
        self.stop()
        return self.start()

    def reload(self) -> None:
        """SIGHUP: re-read password files and ACLs."""
        if self.proc:
            self.proc.send_signal(signal.SIGHUP)

    def revoke(self, cn: str) -> str:
        """The documented revocation procedure (deploy/mosquitto/revoke-device.sh), then a restart."""
        out = subprocess.run(
            ["bash", str(DEPLOY_DIR / "revoke-device.sh"), str(self.certs_dir), cn],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        if self.proc is not None:
            self.restart()
        return out

    def __enter__(self) -> TrialBroker:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0
