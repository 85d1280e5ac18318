"""``lugn doctor``'s oversight checks (issue #13): how callers are told, whether tone analysis runs on this
site, and where the operation log is and how big it is."""

from __future__ import annotations

from device.oplog import OperationLog
from device.policy import Effective
from lugn.commands._doctor_checks import Check

STATEMENTS = {
    "outside_eu": "the deployment is outside the EU",
    "notice_given_elsewhere": "callers are told elsewhere",
}


def check_notice(eff: Effective) -> Check:
    n = eff.config.notice
    details = {"mode": n.mode, "off_statement": n.off_statement, "off_detail": n.off_detail}
    if n.mode == "off":
        why = STATEMENTS.get(n.off_statement or "", str(n.off_statement))
        detail = f" ({n.off_detail})" if n.off_detail else ""
        return Check(
            "caller_notice",
            "warn",
            f"caller notice OFF by policy: {why}{detail}; Lugn analyses callers' tone without asking whether "
            "they were told. Right only outside the EU or where callers are told elsewhere (AI Act "
            "Art. 50(3))",
            details,
        )
    how = (
        "the agent reads the notice line at call start and confirms it"
        if n.mode == "agent"
        else "the IVR/CTI confirms it (lugn call notice-given, or lugn call start --notice-given)"
    )
    return Check(
        "caller_notice", "ok", f"caller notice: {n.mode} mode, {how}; no tone analysis before", details
    )


def check_tone(eff: Effective) -> Check | None:
    if eff.config.tone.enabled:
        return None
    return Check(
        "tone_analysis",
        "info",
        "tone analysis is OFF for this site ([tone] enabled = false): no customer audio reaches the tone "
        "model; levels, delivery cues and breathing go on",
        {"enabled": False},
    )


def check_oplog(eff: Effective) -> Check:
    s = eff.config.oplog
    if not s.enabled:
        return Check(
            "operation_log",
            "warn",
            "operation log OFF by policy ([oplog] enabled = false): no audit trail on this seat (AI Act "
            "Art. 12, 26(6))",
            {"enabled": False},
        )
    log = OperationLog(s)
    files = log.files()
    size_bytes = log.size_bytes()
    details = {
        "path": str(log.path),
        "bytes": size_bytes,
        "files": len(files),
        "retention_days": s.retention_days,
        "max_file_kb": s.max_file_kb,
    }
    if log.problem:
        return Check("operation_log", "warn", log.problem, details)
    size = f"{size_bytes / 1024:.1f} KiB in {len(files)} file(s)" if files else "empty so far"
    return Check(
        "operation_log",
        "ok",
        f"{log.path}: {size}; rotated files kept {s.retention_days} days (no audio, words or scores)",
        details,
    )


def check_telemetry() -> Check:
    """What leaves a seat includes what the libraries send: onnxruntime's own telemetry must be off, and a
    device id or event queue left by an earlier run without the opt-out is named so IT can remove it."""
    import os
    from importlib.metadata import PackageNotFoundError, version

    from device.telemetry import ORT_OPT_OUT, ort_cache_dir

    try:
        ort_version = version("onnxruntime")
    except PackageNotFoundError:
        ort_version = "?"
    cache = ort_cache_dir()
    left = sorted(p.name for p in cache.iterdir()) if cache.is_dir() else []
    details = {"onnxruntime": ort_version, ORT_OPT_OUT: os.environ.get(ORT_OPT_OUT), "cache": str(cache),
               "cache_files": left}  # fmt: skip
    if os.environ.get(ORT_OPT_OUT) != "1":
        why = f"{ORT_OPT_OUT} not set before onnxruntime loaded"
        return Check("telemetry", "fail", f"onnxruntime {ort_version} telemetry is ON ({why}): usage events "
                     "with a device id may be sent", details)  # fmt: skip
    if left:
        return Check(
            "telemetry",
            "warn",
            f"onnxruntime telemetry off, but {cache} holds {', '.join(left)} from a run without the opt-out "
            "(a device id and events queued for upload to Microsoft): remove that folder",
            details,
        )
    return Check(
        "telemetry",
        "ok",
        f"onnxruntime {ort_version} telemetry off ({ORT_OPT_OUT}=1; no device id, nothing queued)",
        details,
    )
