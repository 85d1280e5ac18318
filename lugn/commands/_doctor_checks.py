"""The checks behind ``lugn doctor``. Each returns :class:`Check` objects; none raises for a broken setup."""

from __future__ import annotations

import os
import socket
import ssl
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from device.hwinfo import FarEndPlan, Inventory, plan_far_end, plan_seat
from device.policy import Effective
from device.profiles import DeviceInfo, Match, ProfileSet

Status = Literal["ok", "info", "warn", "fail"]
OUTBOX_WARN_ROWS = 200  # ~2 days of 15-minute buckets on one seat: the broker has been away for a while


@dataclass
class Check:
    id: str
    status: Status
    message: str
    details: dict[str, Any] = field(default_factory=dict)


def check_policy(eff: Effective) -> list[Check]:
    details = {
        "policy_path": str(eff.policy_path),
        "policy_found": eff.policy_found,
        "user_path": str(eff.user_path),
        "locked": sorted(eff.locked),
        "problems": eff.problems,
        "safe_state": eff.safe_state,
    }
    if eff.safe_state:
        first = next((p for p in eff.problems if not p.startswith("policy problems")), "")
        return [
            Check(
                "policy",
                "fail",
                f"policy is broken, running in the safe state (publishing off): {first}",
                details,
            )
        ]
    where = f"{eff.policy_path}" if eff.policy_found else f"no policy at {eff.policy_path}; built-in defaults"
    if eff.problems:
        return [Check("policy", "warn", f"{where}: {eff.problems[0]}", details)]
    return [
        Check(
            "policy",
            "ok",
            f"{where}; {len(eff.locked)} settings locked (always: metrics.*, ui.kiosk*, notice.*, oplog.*, "
            "tone.enabled)",
            details,
        )
    ]


def check_audio(
    eff: Effective, inventory: Inventory, profiles: ProfileSet
) -> tuple[list[Check], DeviceInfo | None, Match | None]:
    out = [
        Check(
            "profiles",
            "warn",
            f"{len(profiles.problems)} broken headset profile(s): {p}",
            {"problems": profiles.problems},
        )
        for p in profiles.problems[:1]
    ]
    dirs = sorted({str(p.parent) for p in profiles.files.values()})
    if not out and not profiles.profiles:
        from device.profiles import ENV_PROFILES_DIR

        out.append(
            Check("profiles", "warn", f"no headset profiles found (set {ENV_PROFILES_DIR}); generic settings")
        )
    if not out:
        out.append(
            Check("profiles", "ok", f"{len(profiles.profiles)} headset profiles valid", {"dirs": dirs})
        )
    audio = eff.config.audio
    seat = plan_seat(audio, inventory, profiles)
    mic, match = seat.mic, seat.match
    if seat.problem or mic is None or match is None:
        out.append(
            Check("audio", "fail", seat.problem or "no microphone", {"devices": len(inventory.devices)})
        )
        return out, None, None
    forced = audio.profile and match.profile.name == audio.profile
    details = {
        "device": mic.name,
        "usb_id": mic.usb_id,
        "firmware": mic.firmware,
        "profile": match.profile.name,
    }
    msg = f"microphone {mic.name!r} -> profile {match.profile.name} ({match.why})"
    status: Status = "ok"
    if audio.profile and not forced:
        status, msg = "warn", f"{msg}; audio.profile {audio.profile!r} does not exist"
    elif (refused := _opens_with_profile(inventory, mic, match)) is not None:
        status, msg = "warn", f"{msg}; {refused}"
    details["format"] = f"{match.profile.audio.sample_rate_hz} Hz x {match.profile.audio.channels} ch"
    out.append(Check("audio", status, msg, details))
    return out, mic, match


def _opens_with_profile(inventory: Inventory, mic: DeviceInfo, match: Match) -> str | None:
    """Ask PortAudio whether the mic accepts the profile's rate and channels (None = yes, or not askable)."""
    if inventory.source != "PortAudio" or mic.index is None:
        return None
    fmt = match.profile.audio
    try:
        import sounddevice as sd

        sd.check_input_settings(device=mic.index, samplerate=fmt.sample_rate_hz, channels=fmt.channels)
    except Exception as exc:  # sounddevice raises PortAudioError/ValueError with PortAudio's reason
        return (
            f"PortAudio refuses the profile's {fmt.sample_rate_hz} Hz x {fmt.channels} ch ({exc}); "
            f"capture falls back to the device default ({mic.default_samplerate:.0f} Hz)"
        )
    return None


def check_far_end(eff: Effective, inventory: Inventory, mic: DeviceInfo | None, match: Match | None) -> Check:
    if mic is None or match is None:
        return Check(
            "far_end", "fail", "far-end capture not possible: there is no microphone device to pair it with"
        )
    plan: FarEndPlan = plan_far_end(mic, match.profile, inventory, eff.config.audio.far_end_device)
    details = {
        "method": plan.method,
        "device": plan.device.name if plan.device else None,
        "rule": plan.rule,
        "backend": inventory.source,
    }
    if plan.possible:
        by = f" (by {plan.rule})" if plan.rule else ""
        return Check("far_end", "ok", f"customer side from {plan.detail}{by}", details)
    return Check("far_end", "fail", f"far-end source missing: {plan.detail}", details)


def check_loopback(eff: Effective, devices_from: Path | None = None) -> Check:
    """``--loopback-test``: chirp on the headset output, listen on the far-end capture."""
    if devices_from is not None:
        return Check(
            "loopback_test", "fail", "not run: --loopback-test needs this seat's devices, not --devices-from"
        )
    from device.audio.selftest import run_loopback_test

    try:
        result = run_loopback_test(eff.config.audio)
    except Exception as exc:  # a backend failing in a way the test did not foresee: report, do not crash
        return Check("loopback_test", "fail", f"self-test failed: {type(exc).__name__}: {exc}")
    details = {
        "correlation": result.correlation,
        "level_dbfs": result.level_dbfs,
        "delay_ms": result.delay_ms,
    }
    status: Status = "ok" if result.heard else ("warn" if result.refused else "fail")
    return Check("loopback_test", status, result.message, details)


def check_models(models_dir: Path | None) -> list[Check]:
    from device.inference.models import ModelError, default_models_dir, read_manifest, verify

    folder = models_dir or default_models_dir()
    manifests = sorted(folder.glob("*.manifest.json"))
    if not manifests:
        return [Check("models", "fail", f"no model manifests in {folder}: reinstall Lugn")]
    out = []
    for path in manifests:
        name = path.name.removesuffix(".manifest.json")
        try:
            manifest = read_manifest(path)
            started = time.perf_counter()
            verify(manifest, path.parent / manifest.file)
            ms = (time.perf_counter() - started) * 1e3
            out.append(
                Check(
                    f"model.{name}",
                    "ok",
                    f"{manifest.file} {manifest.version}: sha256 matches",
                    {"verify_ms": round(ms, 1), "manifest": str(path)},
                )
            )
        except ModelError as exc:
            out.append(Check(f"model.{name}", "fail", str(exc), {"manifest": str(path)}))
    return out


def _connect_mqtt(params: Any, timeout_s: float) -> tuple[Status, str]:
    """TCP, then TLS, then MQTT CONNECT; the first that fails is named."""
    from device.protocol.transport import make_client

    try:
        with socket.create_connection((params.host, params.port), timeout=timeout_s):
            pass
    except socket.gaierror as exc:
        return "fail", f"broker host {params.host!r} does not resolve ({exc.strerror})"
    except OSError as exc:
        return "fail", f"broker {params.host}:{params.port} unreachable: {exc.strerror or exc}"
    try:
        client = make_client(params)
    except (OSError, ssl.SSLError) as exc:
        return "fail", f"TLS files unusable: {exc}"
    result: dict[str, Any] = {}
    client.on_connect = lambda _c, _u, _f, rc, _p: result.setdefault("rc", rc)
    try:
        client.connect(params.host, params.port, keepalive=10)
    except ssl.SSLCertVerificationError as exc:
        return "fail", f"TLS: the broker certificate does not verify against the CA: {exc.verify_message}"
    except (ssl.SSLError, OSError) as exc:
        return "fail", f"TLS handshake with {params.host}:{params.port} failed: {exc}"
    deadline = time.monotonic() + timeout_s
    while "rc" not in result and time.monotonic() < deadline:
        client.loop(timeout=0.1)
    client.disconnect()
    rc = result.get("rc")
    if rc is None:
        return (
            "fail",
            f"broker {params.host}:{params.port} accepted TLS but sent no CONNACK within {timeout_s:g} s",
        )
    if getattr(rc, "is_failure", False):
        return "fail", f"broker refused the login: {rc} (check the username/password or client certificate)"
    return "ok", f"connected to {params.host}:{params.port} ({'TLS' if params.tls else 'PLAIN, no TLS'})"


def check_broker(eff: Effective, timeout_s: float) -> list[Check]:
    m = eff.config.metrics
    if not m.enabled:
        why = "safe state" if eff.safe_state else "metrics.enabled = false"
        return [Check("broker", "info", f"publishing is off ({why}); broker not checked")]
    if not m.broker_url:
        return [Check("broker", "fail", "metrics.enabled but no metrics.broker_url in the policy")]
    try:
        from device.metrics.credentials import CredentialsError, resolve_password
        from device.metrics.service import default_asset_id
        from device.protocol.transport import BrokerParams
    except ImportError as exc:  # the metrics package is not installed in this build
        return [Check("broker", "warn", f"metrics components missing, broker not checked: {exc}")]
    user = m.username or m.asset_id or default_asset_id()
    out = []
    try:
        password = resolve_password(m, user)
        source = _credential_source(m, user, password)
        status: Status = "ok" if password else "info"
        out.append(Check("credentials", status, f"broker user {user!r}: {source}", {"source": source}))
    except CredentialsError as exc:
        out.append(Check("credentials", "fail", f"{exc}{_keyring_hint(m)}"))
        password = None
    try:
        params = BrokerParams.from_url(
            m.broker_url,
            ca_file=m.ca_file,
            cert_file=m.cert_file,
            key_file=m.key_file,
            username=user,
            password=password,
        )
    except ValueError as exc:
        return [*out, Check("broker", "fail", str(exc))]
    if params.tls and m.ca_file and not Path(m.ca_file).is_file():
        return [*out, Check("broker", "fail", f"metrics.ca_file {m.ca_file} does not exist")]
    status, msg = _connect_mqtt(params, timeout_s)
    if not params.tls and status == "ok":
        status, msg = "warn", msg + "; use mqtts:// outside a test bench"
    return [*out, Check("broker", status, f"{m.broker_url}: {msg}", {"url": m.broker_url, "tls": params.tls})]


def _credential_source(m: Any, user: str, password: str | None) -> str:
    """Which store the password came from (same order as ``resolve_password``), for IT to see."""
    if password is None:
        return "no password (anonymous or client certificate)"
    if m.credentials in ("auto", "policy") and m.password:
        return "password in the policy"
    note = ""
    if m.credentials in ("auto", "keyring"):
        try:
            import keyring

            from device.metrics.credentials import KEYRING_SERVICE

            if keyring.get_password(KEYRING_SERVICE, user) == password:
                return f"OS keyring ({type(keyring.get_keyring()).__name__})"
        except Exception as exc:  # NoKeyringError on headless Linux, or a locked keyring
            note = f"no OS keyring ({type(exc).__name__}); "
    return f"{note}password file {m.password_file} (owner-only)"


def _keyring_hint(m: Any) -> str:
    if m.credentials not in ("auto", "keyring"):
        return ""
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:
        return ""
    if type(backend).__module__.endswith("fail"):  # keyring.backends.fail: every call raises NoKeyringError
        return (
            "; this machine has no OS keyring (NoKeyringError, e.g. headless Linux): use "
            'credentials = "file" with metrics.password_file (mode 0600)'
        )
    return f"; keyring backend: {type(backend).__name__}"


def check_policy_file(eff: Effective) -> Check | None:
    """A policy that users can write defeats the locks; IT should see that."""
    path = eff.policy_path
    if not eff.policy_found or path is None or os.name != "posix":
        return None
    st = path.stat()
    if st.st_mode & 0o022:
        return Check(
            "policy_file",
            "warn",
            f"{path} is writable by group/others (mode {st.st_mode & 0o777:o}): agents could lift the locks; "
            "chmod 644, owned by root",
        )
    if st.st_uid != 0:
        return Check("policy_file", "warn", f"{path} is not owned by root (uid {st.st_uid}): chown root:root")
    return None


AUTOSTART_XDG = "etc/xdg/autostart/lugn.desktop"
AUTOSTART_UNIT = "etc/systemd/user/graphical-session.target.wants/lugn-agent.service"


def check_autostart(sysroot: Path = Path("/")) -> Check:
    """Exactly one way to start the agent at sign-in (two would start it twice)."""
    if sys.platform == "win32":
        try:
            import winreg

            key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"Software\Microsoft\Windows\CurrentVersion\Run")
            value, _ = winreg.QueryValueEx(key, "Lugn")
            return Check("autostart", "ok", f"HKLM Run: {value}")
        except OSError:
            return Check("autostart", "info", "no HKLM Run entry: Lugn does not start at sign-in")
    found = [
        p for p in (AUTOSTART_XDG, AUTOSTART_UNIT) if (sysroot / p).is_file() or (sysroot / p).is_symlink()
    ]
    if len(found) == 2:
        why = "both the XDG autostart entry and the systemd user unit are enabled: the agent starts twice"
        return Check("autostart", "warn", f"{why}; re-run install.sh with one --autostart")
    if found:
        return Check("autostart", "ok", f"/{found[0]}")
    return Check("autostart", "info", "no autostart installed: Lugn does not start at sign-in")


def check_outbox(eff: Effective) -> Check:
    try:
        from device.metrics.outbox import Outbox
        from device.metrics.service import default_outbox_path
    except ImportError as exc:
        return Check("outbox", "info", f"metrics outbox not available in this build: {exc}")
    path = Path(eff.config.metrics.outbox_path or default_outbox_path()).expanduser()
    if not path.is_file():
        return Check(
            "outbox", "ok", f"no outbox yet at {path} (nothing waiting)", {"path": str(path), "pending": 0}
        )
    box = Outbox(path)  # never raises: a read-only, full or corrupt store is reported in its health
    pending, dropped, health = box.pending_count(), box.dropped_count(), box.health()
    box.close()
    if not health.ok:  # the agent keeps analysing and coaching; team metrics wait (in memory) until fixed
        problem = {"path": str(path), "problem": health.problem}
        return Check("outbox", "warn", f"metrics paused: outbox {path}: {health.problem}", problem)
    details = {"path": str(path), "pending": pending, "dropped": dropped}
    if pending > OUTBOX_WARN_ROWS:
        return Check(
            "outbox",
            "warn",
            f"{pending} contributions waiting in {path}: the broker is not taking them",
            details,
        )
    return Check("outbox", "ok", f"{pending} waiting, {dropped} dropped ({path})", details)


def check_kiosk(eff: Effective) -> Check | None:
    ui = eff.config.ui
    if not ui.kiosk:
        return None
    if not ui.kiosk_pin:
        return Check("kiosk", "warn", "kiosk mode without ui.kiosk_pin: IT cannot leave it on the seat")
    hashed = ui.kiosk_pin.startswith("pbkdf2-sha256$")
    return Check(
        "kiosk", "ok" if hashed else "warn", f"kiosk mode, exit PIN {'hashed' if hashed else 'in PLAIN TEXT'}"
    )


def runtime_info() -> dict[str, Any]:
    return {
        "python": sys.version.split()[0],
        "frozen": bool(getattr(sys, "frozen", False)),
        "executable": sys.executable,
        "host": socket.gethostname(),
        "user": os.environ.get("USER") or os.environ.get("USERNAME"),
    }
