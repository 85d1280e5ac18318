"""Broker password: from the policy, the OS keyring, or a file only its owner can read.

On headless Linux the keyring has no backend and raises ``NoKeyringError``; that is not an error for Lugn, it
falls back to the password file. A password file readable by group or others is refused (it names the file).
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from device.metrics.settings import MetricsSettings

log = logging.getLogger(__name__)
KEYRING_SERVICE = "lugn-mqtt"


class CredentialsError(RuntimeError):
    pass


def read_password_file(path: str | Path) -> str:
    p = Path(path).expanduser()
    try:
        st = p.stat()
    except OSError as exc:
        raise CredentialsError(f"{p}: cannot read the broker password file ({exc.strerror})") from exc
    if os.name == "posix" and st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise CredentialsError(f"{p}: broker password file must be readable only by its owner (chmod 600)")
    text = p.read_text(encoding="utf-8").strip()
    if not text:
        raise CredentialsError(f"{p}: broker password file is empty")
    return text


def write_password_file(path: str | Path, password: str) -> Path:
    p = Path(path).expanduser()
    p.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(password + "\n")
    os.chmod(p, 0o600)
    return p


def _from_keyring(username: str) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError, NoKeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, username)
    except NoKeyringError:
        log.debug("no OS keyring backend; falling back to the password file")
    except KeyringError as exc:
        log.warning("OS keyring unavailable (%s); falling back to the password file", exc)
    return None


def resolve_password(settings: MetricsSettings, username: str) -> str | None:
    """The broker password for ``username`` by ``settings.credentials`` (auto: policy, keyring, file)."""
    src = settings.credentials
    if src in ("auto", "policy") and settings.password:
        return settings.password
    if src in ("auto", "keyring"):
        pw = _from_keyring(username)
        if pw:
            return pw
    if src in ("auto", "file") and settings.password_file:
        return read_password_file(settings.password_file)
    if src != "auto":
        raise CredentialsError(f"metrics.credentials = {src!r}, but no password was found there")
    return None
