"""What the runtime writes to the operation log (``device.oplog``) at start and on a policy change.

Only facts an auditor needs to reconstruct what ran: versions and hashes, the policy in force and the settings
that govern analysis. Nothing about calls, the agent or the customer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from device import __version__
from device.oplog import file_sha256


def models(models_dir: Path | None) -> list[dict[str, Any]]:
    """Name, version and sha256 of every shipped model, from the hash-checked manifests."""
    from device.inference.models import ModelError, default_models_dir, read_manifest

    folder = Path(models_dir) if models_dir else default_models_dir()
    out: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.manifest.json")):
        try:
            m = read_manifest(path)
        except ModelError as exc:
            out.append({"manifest": path.name, "problem": str(exc)})
            continue
        out.append({"name": m.name, "version": m.version, "sha256": m.sha256})
    return out


def start_entry(runtime: Any) -> dict[str, Any]:
    config, eff = runtime.config, runtime.effective
    policy = getattr(eff, "policy_path", None)
    found = bool(getattr(eff, "policy_found", False))
    notice = config.notice
    return {
        "event": "start",
        "app_version": __version__,
        "models": models(runtime.models_dir),
        "policy": str(policy) if policy and found else None,
        "policy_sha256": file_sha256(Path(policy)) if policy and found else None,
        "safe_state": runtime.safe_state,
        "tone_enabled": config.tone.enabled,
        "notice_mode": notice.mode,
        "notice_off_statement": notice.off_statement,
        "metrics_enabled": runtime.metrics is not None,
        "source": type(runtime.source).__name__,
        "problems": list(runtime.problems),
    }


def _flat(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out.update(_flat(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    return out


def policy_entry(old: Any, new: Any, effective: Any) -> dict[str, Any] | None:
    """The settings that changed (names only: a value may be a path or a hash) and the policy's new hash."""
    before, after = _flat(old.model_dump()), _flat(new.model_dump())
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    policy = getattr(effective, "policy_path", None)
    found = bool(getattr(effective, "policy_found", False))
    if not changed:
        return None
    return {
        "event": "settings_changed",
        "changed": changed,
        "by_policy": sorted(k for k in changed if getattr(effective, "sources", {}).get(k) == "policy"),
        "policy": str(policy) if policy and found else None,
        "policy_sha256": file_sha256(Path(policy)) if policy and found else None,
        "safe_state": bool(getattr(effective, "safe_state", False)),
    }
