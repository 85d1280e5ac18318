"""Which policy file applies on this machine, and what IT is told about the choice.

The SYSTEM policy (``/etc/lugn/policy.toml``, ``%ProgramData%\\Lugn\\policy.toml``) applies whenever it
exists. ``LUGN_POLICY`` or an explicit ``--policy`` path (tests, developers) is honoured only where there is
no system policy, or where the system policy allows it (``[developer] allow_policy_override = true``, for
developer machines). Either way the choice is reported (``Effective.problems``, shown by ``lugn doctor``), so
an agent cannot lift IT's locks with an environment variable or a file of their own, and a developer override
is never silent.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from device.tomlfile import TomlFileError, read_toml

ENV_POLICY = "LUGN_POLICY"


def system_policy_path() -> Path:
    """Where IT puts the policy. Nothing the agent sets moves it (but see docs/privacy.md on Windows)."""
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "Lugn" / "policy.toml"
    return Path("/etc/lugn/policy.toml")


def default_policy_path() -> Path:
    """The path asked for: ``LUGN_POLICY`` or the system path (``resolve_policy_path`` picks the one used)."""
    if env := os.environ.get(ENV_POLICY):
        return Path(env)
    return system_policy_path()


def _allows_override(system: Path) -> bool:
    try:
        raw, _ = read_toml(system)
    except TomlFileError:
        return False
    dev = raw.get("developer")
    return isinstance(dev, dict) and dev.get("allow_policy_override") is True


def resolve_policy_path(requested: Path | None) -> tuple[Path, list[str]]:
    """The policy that applies, and what IT should be told about the choice (shown by ``lugn doctor``)."""
    system = system_policy_path()
    source = "--policy" if requested is not None else ENV_POLICY
    if requested is None and os.environ.get(ENV_POLICY):
        requested = Path(os.environ[ENV_POLICY])
    if requested is None or _same_file(requested, system):
        return system, []
    if not system.is_file():
        return requested, []
    if _allows_override(system):
        return requested, [
            f"developer override: {requested} ({source}) replaces the system policy {system} "
            "(developer.allow_policy_override there); not for agents' machines"
        ]
    return system, [
        f"{requested} ({source}) ignored: the system policy {system} is in force and allows no override"
    ]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
