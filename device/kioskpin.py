"""The kiosk PIN with which IT leaves kiosk mode: a slow hash, kept where only IT and the agent account can
read
it.

Why: a kiosk PIN is short, so its hash must not be searchable offline. The record is scrypt (cost 2^15, ~0.1 s
per try: a 6-digit PIN takes days on one core instead of minutes for the old PBKDF2 record) and lives in
``ui.kiosk_pin_file`` (e.g. ``/etc/lugn/kiosk-pin``, ``root:<agents group>`` mode 0640), not in the
world-readable policy. The policy check refuses plain PINs, old or cheap records, PINs shorter than
``MIN_PIN_LENGTH`` and files others can read; a refused PIN means no exit from the UI (IT then fixes the
policy as root).

Record: ``scrypt$ln=<log2 N>,r=<r>,p=<p>,len=<PIN length>$<salt b64>$<hash b64>``. The length is recorded so
the policy check can enforce the minimum without knowing the PIN.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from device.config import UiSettings

SCHEME = "scrypt"
MIN_PIN_LENGTH = 6
LOG_N = 15  # N = 32768, r = 8: 32 MiB and ~0.1 s per try
MIN_LOG_N = 14
_MAXMEM = 128 * 1024 * 1024


def hash_pin(
    pin: str, *, log_n: int = LOG_N, salt: bytes | None = None, min_length: int = MIN_PIN_LENGTH
) -> str:
    """The ``ui.kiosk_pin`` record for ``pin`` (refuses PINs shorter than ``min_length``)."""
    if len(pin) < min_length:
        raise ValueError(f"a kiosk PIN needs at least {min_length} characters (got {len(pin)})")
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**log_n, r=8, p=1, maxmem=_MAXMEM, dklen=32)
    b64 = base64.b64encode
    return f"{SCHEME}$ln={log_n},r=8,p=1,len={len(pin)}${b64(salt).decode()}${b64(digest).decode()}"


def parse(record: str) -> tuple[dict[str, int], bytes, bytes]:
    """(parameters, salt, hash) of a record; ``ValueError`` names what is wrong."""
    parts = record.split("$")
    if len(parts) != 4 or parts[0] != SCHEME:
        raise ValueError(f"not a {SCHEME} record (make one with: python -m device.policy hash-pin)")
    try:
        params = {k: int(v) for k, v in (kv.split("=", 1) for kv in parts[1].split(","))}
        salt, digest = base64.b64decode(parts[2], validate=True), base64.b64decode(parts[3], validate=True)
    except ValueError as exc:
        raise ValueError(f"malformed {SCHEME} record: {exc}") from exc
    if not {"ln", "r", "p", "len"} <= set(params) or not 1 <= params["ln"] <= 22 or len(digest) < 16:
        raise ValueError(f"malformed {SCHEME} record: needs ln, r, p, len and a hash")
    return params, salt, digest


def problem(record: str) -> str | None:
    """Why the policy must refuse ``record`` (plain text, old scheme, too cheap, PIN too short), or None."""
    if not record.startswith(SCHEME + "$"):
        kind = "an old PBKDF2 record" if record.startswith("pbkdf2") else "a plain-text PIN"
        return f"{kind} is not accepted: store a {SCHEME} record (python -m device.policy hash-pin)"
    try:
        params, _salt, _digest = parse(record)
    except ValueError as exc:
        return str(exc)
    if params["ln"] < MIN_LOG_N:
        return f"{SCHEME} cost 2^{params['ln']} is too cheap (at least 2^{MIN_LOG_N}): hash the PIN again"
    if params["len"] < MIN_PIN_LENGTH:
        return f"the PIN has {params['len']} characters; at least {MIN_PIN_LENGTH} are required"
    return None


def verify(record: str | None, pin: str) -> bool:
    """True if ``pin`` matches ``record``; no record means no exit. Constant-time comparison."""
    if not record or not pin:
        return False
    try:
        params, salt, digest = parse(record)
        got = hashlib.scrypt(
            pin.encode(),
            salt=salt,
            n=2 ** params["ln"],
            r=params["r"],
            p=params["p"],
            maxmem=_MAXMEM,
            dklen=len(digest),
        )
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(got, digest)


def read_pin_file(path: Path) -> str:
    """The record in ``path``; ``ValueError`` when others may read or write it, or it is not a plain file."""
    try:
        st = path.lstat()
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the kiosk PIN file ({exc.strerror})") from exc
    if not stat.S_ISREG(st.st_mode):
        raise ValueError(f"{path}: the kiosk PIN file must be a regular file (not a link)")
    if os.name == "posix":
        if st.st_mode & stat.S_IRWXO:
            raise ValueError(
                f"{path}: the kiosk PIN file is readable by everyone (mode {st.st_mode & 0o777:o}): "
                "chmod 640 and chown root:<agents' group>"
            )
        if st.st_mode & stat.S_IWGRP:
            raise ValueError(f"{path}: the kiosk PIN file is writable by its group: chmod 640")
    return path.read_text(encoding="utf-8").strip()


def write_pin_file(path: Path, record: str) -> Path:
    """Write ``record`` readable by owner and group only (0640); IT then sets the group to the agents'."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(record + "\n")
    os.chmod(path, 0o640)
    return path


def effective(ui: UiSettings, policy_path: Path | None, problems: list[str]) -> UiSettings:
    """Only a sound scrypt record that only IT and the agents can read opens the kiosk (else: why not)."""
    record, where = ui.kiosk_pin, f"{policy_path}: ui.kiosk_pin"
    if ui.kiosk_pin_file:
        where = f"ui.kiosk_pin_file {ui.kiosk_pin_file}"
        try:
            record = read_pin_file(Path(ui.kiosk_pin_file))
        except ValueError as exc:
            problems.append(f"{exc}; the kiosk cannot be left from the UI")
            record = None
    elif record and policy_path is not None and os.name == "posix" and policy_path.stat().st_mode & 0o004:
        problems.append(
            f"{where}: a PIN hash in a world-readable policy can be searched offline; move it to "
            "ui.kiosk_pin_file (mode 0640); the kiosk cannot be left from the UI until then"
        )
        record = None
    if record and (why := problem(record)):
        problems.append(f"{where}: {why}; the kiosk cannot be left from the UI")
        record = None
    return ui if record == ui.kiosk_pin else ui.model_copy(update={"kiosk_pin": record})
