"""Central policy (IT) layered above the agent's own settings, over built-in defaults.

Precedence, lowest first: defaults < policy < user settings < *locked* policy keys. Unlocked policy values act
as site defaults the agent may change; locked ones (``[locks] settings``, cues not in ``[cues] allowed``, and
everything under ``metrics`` and the kiosk keys) cannot be changed by the agent.

A bad policy never stops the agent: each problem is named by file, line and field, the bad keys are dropped,
and the agent runs in a *safe state* — analysis on, publishing off. An unparseable policy also locks every
setting, because we cannot know what IT meant to pin.

Which policy: the SYSTEM policy (``/etc/lugn/policy.toml``, ``%ProgramData%\\Lugn\\policy.toml``) whenever it
exists. ``LUGN_POLICY`` or an explicit path (tests, developers) is used only where there is no system policy,
or where the system policy itself allows it (``[developer] allow_policy_override = true``, for developer
machines); either way ``problems`` says so, and ``lugn doctor`` shows it. So an agent cannot lift IT's locks
with an environment variable or a file of their own.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from device import kioskpin
from device.config import LugnConfig
from device.policysource import default_policy_path, resolve_policy_path
from device.tomlfile import TomlFileError, describe_errors, dumps, key_lines, line_for, read_toml

ENV_USER_SETTINGS = "LUGN_USER_SETTINGS"
POLICY_SCHEMA_VERSION = 1
CONFIG_SECTIONS = tuple(LugnConfig.model_fields)
# The agent may never change these, whatever [locks] says: where counts go, how IT leaves a kiosk, how callers
# are told, the audit log, and whether tone analysis runs at all on this site.
ALWAYS_LOCKED = (
    "metrics",
    "ui.kiosk",
    "ui.kiosk_pin",
    "ui.kiosk_pin_file",
    "notice",
    "oplog",
    "tone.enabled",
)
# Cue name in ``[cues] allowed`` -> the coach setting that switches it.
CUE_SETTINGS = {
    "tips": "coach.tips_enabled",
    "delivery": "coach.delivery_cues_enabled",
    "breathing": "coach.breathing_enabled",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocksPolicy(_Strict):
    settings: list[str] = Field(
        default_factory=list,
        title="Locked settings",
        description="Dotted settings (coach.tips_enabled) or whole sections (coach) the agent may not change",
    )


class CuesPolicy(_Strict):
    allowed: list[Literal["tips", "delivery", "breathing"]] | None = Field(
        None, title="Allowed cues", description="Cues the agent may see; others are switched off and locked"
    )


class DeveloperPolicy(_Strict):
    allow_policy_override: bool = Field(
        False,
        title="Allow a policy override",
        description="Developer machines only: LUGN_POLICY or --policy may replace this system policy "
        "(lugn doctor shows it)",
    )


class PolicyMeta(_Strict):
    """The policy-only part of ``policy.toml`` (the rest are ``LugnConfig`` sections)."""

    schema_version: Literal[1] = Field(1, title="Schema version", description="Policy file format version")
    locks: LocksPolicy = Field(default_factory=LocksPolicy, title="Locks", description="Settings IT pins")
    cues: CuesPolicy = Field(default_factory=CuesPolicy, title="Cues", description="Which cues are allowed")
    developer: DeveloperPolicy = Field(
        default_factory=DeveloperPolicy, title="Developer", description="Honoured in the system policy only"
    )


@dataclass(frozen=True)
class Effective:
    """What the agent runs with, and why."""

    config: LugnConfig
    locked: frozenset[str]
    problems: list[str]
    safe_state: bool
    policy_path: Path | None = None
    user_path: Path | None = None
    policy_found: bool = False
    sources: Mapping[str, str] = field(default_factory=dict)  # dotted leaf -> default | policy | user

    def is_locked(self, dotted: str) -> bool:
        return dotted in self.locked


class LockedSettingError(PermissionError):
    """The agent tried to change a setting the policy locks."""


# -- paths ---------------------------------------------------------------------------------------------------


def default_user_path() -> Path:
    if env := os.environ.get(ENV_USER_SETTINGS):
        return Path(env)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "Lugn" / "settings.toml"
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "lugn" / "settings.toml"


# -- helpers over the config tree ----------------------------------------------------------------------------


def leaf_paths(model: type[BaseModel] = LugnConfig, prefix: str = "") -> list[str]:
    out: list[str] = []
    for name, info in model.model_fields.items():
        ann = info.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            out += leaf_paths(ann, f"{prefix}{name}.")
        else:
            out.append(prefix + name)
    return out


def _expand(dotted: str, leaves: list[str]) -> list[str]:
    dotted = dotted.removesuffix(".*")
    return [leaf for leaf in leaves if leaf == dotted or leaf.startswith(dotted + ".")]


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, Mapping):
            out.update(_flatten(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    return out


def _nest(flat: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for dotted, value in flat.items():
        node = out
        *parents, last = dotted.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return out


def _drop(data: dict[str, Any], loc: tuple[Any, ...]) -> bool:
    """Remove the deepest key of ``loc`` present in ``data``; False if nothing could be removed."""
    parts = [str(p) for p in loc if not isinstance(p, int)]
    node: Any = data
    for part in parts[:-1]:
        if not isinstance(node, dict) or part not in node or not isinstance(node[part], dict):
            break
        node = node[part]
    else:
        if parts and isinstance(node, dict) and parts[-1] in node:
            del node[parts[-1]]
            return True
    if parts and parts[0] in data:
        del data[parts[0]]
        return True
    return False


def _validated_layer(
    raw: dict[str, Any], model: type[BaseModel], path: Path, lines: Mapping[str, int], problems: list[str]
) -> tuple[BaseModel, dict[str, Any]]:
    """Validate one layer on its own, dropping (and reporting) each bad key until the rest validates."""
    data = _deepcopy(raw)
    for _ in range(64):
        try:
            return model.model_validate(data), data
        except ValidationError as exc:
            problems.extend(describe_errors(path, exc, lines))
            if not any([_drop(data, err["loc"]) for err in exc.errors()]):
                data = {}
    return model(), {}


def _deepcopy(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _deepcopy(v) if isinstance(v, Mapping) else v for k, v in data.items()}


# -- loading -------------------------------------------------------------------------------------------------


def load_effective(policy_path: Path | None = None, user_path: Path | None = None) -> Effective:
    """Compose defaults, the policy and the user settings; never raises for bad files (see ``problems``).

    ``policy_path`` (or ``LUGN_POLICY``) is used only where no system policy exists, or the system policy
    allows a developer override; see ``resolve_policy_path``."""
    policy_path, notes = resolve_policy_path(Path(policy_path) if policy_path else None)
    return compose(policy_path, user_path, notes)


def compose(policy_path: Path, user_path: Path | None = None, notes: list[str] | None = None) -> Effective:
    """Defaults, exactly this policy file and the user settings (``python -m device.policy check``)."""
    user_path = Path(user_path) if user_path else default_user_path()
    leaves = leaf_paths()
    problems: list[str] = list(notes or [])
    safe = False
    locked: set[str] = {leaf for dotted in ALWAYS_LOCKED for leaf in _expand(dotted, leaves)}
    policy_cfg: dict[str, Any] = {}
    meta = PolicyMeta()
    found = policy_path.is_file()

    if found:
        try:
            raw, text = read_toml(policy_path)
        except TomlFileError as exc:
            problems.append(str(exc))
            safe, raw, text = True, {}, ""
            locked.update(leaves)
        lines = key_lines(text)
        cfg_raw = {k: v for k, v in raw.items() if k in CONFIG_SECTIONS}
        meta_raw = {k: v for k, v in raw.items() if k not in CONFIG_SECTIONS}
        before = len(problems)
        meta_model, _ = _validated_layer(meta_raw, PolicyMeta, policy_path, lines, problems)
        _, policy_cfg = _validated_layer(cfg_raw, LugnConfig, policy_path, lines, problems)
        assert isinstance(meta_model, PolicyMeta)
        meta = meta_model
        safe = safe or len(problems) > before
        for dotted in meta.locks.settings:
            hits = _expand(dotted, leaves)
            if not hits:
                line = line_for(("locks", "settings"), lines)
                problems.append(f"{policy_path}:{line}: locks.settings: no such setting {dotted!r}")
                safe = True
            locked.update(hits)
        if meta.cues.allowed is not None:
            for cue, dotted in CUE_SETTINGS.items():
                if cue not in meta.cues.allowed and dotted in leaves:
                    policy_cfg = _nest({**_flatten(policy_cfg), dotted: False})
                    locked.add(dotted)

    user_cfg: dict[str, Any] = {}
    if user_path.is_file():
        try:
            uraw, utext = read_toml(user_path)
        except TomlFileError as exc:
            problems.append(f"{exc} (your own settings were ignored)")
            uraw, utext = {}, ""
        ulines = key_lines(utext)
        _, user_cfg = _validated_layer(uraw, LugnConfig, user_path, ulines, problems)
        for dotted in sorted(set(_flatten(user_cfg)) & locked):
            line = ulines.get(dotted)
            problems.append(f"{user_path}:{line}: {dotted}: locked by the policy; your value is ignored")

    sources = dict.fromkeys(leaves, "default")
    merged = _flatten(policy_cfg)
    sources.update(dict.fromkeys(merged, "policy"))
    for dotted, value in _flatten(user_cfg).items():
        if dotted not in locked:
            merged[dotted] = value
            sources[dotted] = "user"
    if safe:
        merged["metrics.enabled"] = False
        sources["metrics.enabled"] = "safe state"
    try:
        config = LugnConfig.model_validate(_nest(merged))
    except ValidationError as exc:  # a cross-field rule between layers
        problems.extend(describe_errors(policy_path, exc, {}))
        config, safe = LugnConfig.model_validate({"metrics": {"enabled": False}}), True
    if safe:
        problems.append("policy problems: running in the safe state (analysis on, publishing off)")
    secret = found and os.name == "posix" and _flatten(policy_cfg).get("metrics.password")
    if secret and policy_path.stat().st_mode & 0o004:
        # Every local user can read it, and a fleet policy gives every seat the same one: any seat could log
        # in as any device account and pose as k devices. Not used (like a kiosk PIN there), not just flagged.
        line = key_lines(policy_path.read_text("utf-8")).get("metrics.password")
        problems.append(
            f"{policy_path}:{line}: metrics.password: a secret in a world-readable policy is ignored "
            "(every seat and local user can read it); use the keyring or metrics.password_file"
        )
        config = config.model_copy(update={"metrics": config.metrics.model_copy(update={"password": None})})
    config = config.model_copy(
        update={"ui": kioskpin.effective(config.ui, policy_path if found else None, problems)}
    )
    return Effective(
        config=config,
        locked=frozenset(locked),
        problems=problems,
        safe_state=safe,
        policy_path=policy_path,
        user_path=user_path,
        policy_found=found,
        sources=sources,
    )


def save_user_settings(
    changes: Mapping[str, Any], user_path: Path | None = None, *, policy_path: Path | None = None
) -> Path:
    """Write the agent's changes (dotted or nested; ``None`` resets a key) to the user file, atomically.

    Raises :class:`LockedSettingError` for a locked key and ``ValueError`` for an unknown key or bad value;
    nothing is written then. An unreadable existing file is kept beside the new one as ``*.broken``.
    """
    user_path = Path(user_path) if user_path else default_user_path()
    effective = load_effective(policy_path, user_path)
    flat_changes = _flatten(changes)
    leaves = set(leaf_paths())
    if unknown := sorted(set(flat_changes) - leaves):
        raise ValueError(f"unknown setting(s): {', '.join(unknown)}")
    if refused := sorted(set(flat_changes) & effective.locked):
        raise LockedSettingError(f"locked by the policy {effective.policy_path}: {', '.join(refused)}")
    current: dict[str, Any] = {}
    if user_path.is_file():
        try:
            current = _flatten(read_toml(user_path)[0])
        except TomlFileError:
            user_path.replace(user_path.with_name(user_path.name + ".broken"))
    current = {k: v for k, v in current.items() if k in leaves}
    for dotted, value in flat_changes.items():
        if value is None:
            current.pop(dotted, None)
        else:
            current[dotted] = value
    try:
        LugnConfig.model_validate(_nest(current))
    except ValidationError as exc:
        raise ValueError("; ".join(describe_errors(user_path, exc, {}))) from exc
    user_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = user_path.with_name(user_path.name + ".tmp")
    tmp.write_text(dumps(_nest(current), "Lugn: your own settings (IT's policy may lock some)."), "utf-8")
    os.replace(tmp, user_path)
    return user_path


# -- kiosk PIN -----------------------------------------------------------------------------------------------


def check_kiosk_pin(config: LugnConfig, pin: str) -> bool:
    """True if ``pin`` leaves kiosk mode. No (accepted) PIN means no exit; compares in constant time."""
    return kioskpin.verify(config.ui.kiosk_pin, pin)


def policy_json_schema() -> dict[str, Any]:
    """JSON Schema of a whole ``policy.toml`` (policy-only tables + ``LugnConfig`` sections), for editors."""
    from pydantic import create_model

    sections: dict[str, Any] = {
        name: (info.annotation, info) for name, info in LugnConfig.model_fields.items()
    }
    model = create_model("LugnPolicy", __base__=PolicyMeta, **sections)
    return model.model_json_schema()


USAGE = """usage: python -m device.policy COMMAND
  check [POLICY]     validate a policy before rolling it out (file:line: field: problem; exit 1 if any)
  hash-pin [FILE]    a kiosk PIN's scrypt record (PIN from the terminal or stdin): printed, or written to FILE
                     (mode 0640; chown root:<agents' group>; point ui.kiosk_pin_file at it)
  schema             print the JSON Schema of policy.toml"""


def main(argv: list[str] | None = None) -> int:
    """IT's helpers: ``check``, ``hash-pin``, ``schema``."""
    import getpass
    import json
    import tempfile

    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else ""
    if command == "hash-pin":
        pin = getpass.getpass("Kiosk PIN: ") if sys.stdin.isatty() else sys.stdin.readline().strip()
        try:
            record = kioskpin.hash_pin(pin)
        except ValueError as exc:
            print(f"hash-pin: {exc}", file=sys.stderr)
            return 1
        if len(args) > 1:
            path = kioskpin.write_pin_file(Path(args[1]), record)
            print(f'{path} written (mode 0640); in the policy: [ui] kiosk_pin_file = "{path}"')
        else:
            print(f'kiosk_pin = "{record}"')
        return 0
    if command == "schema":
        print(json.dumps(policy_json_schema(), indent=2, ensure_ascii=False, default=str))
        return 0
    if command == "check":
        path = Path(args[1]) if len(args) > 1 else default_policy_path()
        if not path.is_file():
            print(f"{path}: file not found")
            return 1
        with tempfile.TemporaryDirectory() as empty:  # the policy alone, without anyone's user settings
            eff = compose(path, Path(empty) / "settings.toml")
        for problem in eff.problems:
            print(problem)
        if not eff.problems:
            publishing = "on" if eff.config.metrics.enabled else "off"
            print(f"{path}: OK ({len(eff.locked)} settings locked, publishing {publishing})")
        return 1 if eff.problems else 0
    print(USAGE)
    return 2


if __name__ == "__main__":
    sys.exit(main())
