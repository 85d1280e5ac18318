"""A real X server for the tests that must not trust the offscreen platform: Xvfb on a free display number
(``-displayfd``: the server picks it and tells us) with openbox as the window manager, so that focus,
activation and placement behave as on an agent's desk. ``run_probe`` runs ``xcb_probe.py`` in a child process
with ``QT_QPA_PLATFORM=xcb`` on that display (a process has one Qt platform; the test session's own is
offscreen).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PROBE = HERE / "xcb_probe.py"


@dataclass
class XServer:
    display: str
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    log_dir: Path | None = None

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
        env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb", PYTHONPATH=f"{ROOT}{os.pathsep}{HERE}")
        env.update(extra)
        return env

    def stop(self) -> None:
        for p in reversed(self.procs):
            p.terminate()
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()


def missing_tools() -> list[str]:
    return [t for t in ("Xvfb", "openbox", "xdotool", "xprop") if shutil.which(t) is None]


def start(width: int = 1920, height: int = 1080, log_dir: Path | None = None) -> XServer:
    """Start Xvfb + openbox; RuntimeError if the server does not come up (the caller skips the test)."""
    r, w = os.pipe()
    xlog = open(log_dir / "xvfb.log", "wb") if log_dir else subprocess.DEVNULL  # noqa: SIM115 (the server's life)
    xvfb = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(w),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(w,),
        stdout=xlog,
        stderr=xlog,
    )
    os.close(w)
    number = b""
    deadline = time.monotonic() + 10
    os.set_blocking(r, False)
    while not number.endswith(b"\n") and time.monotonic() < deadline and xvfb.poll() is None:
        try:
            number += os.read(r, 16)
        except BlockingIOError:
            time.sleep(0.02)
    os.close(r)
    if not number.strip():
        xvfb.kill()
        raise RuntimeError("Xvfb did not start")
    server = XServer(f":{int(number)}", [xvfb], log_dir)
    wm_log = open(log_dir / "openbox.log", "wb") if log_dir else subprocess.DEVNULL  # noqa: SIM115
    env = server.env()
    server.procs.append(subprocess.Popen(["openbox"], env=env, stdout=wm_log, stderr=wm_log))
    while time.monotonic() < deadline:  # the window manager is up when it announces itself on the root
        out = subprocess.run(
            ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=env, capture_output=True, text=True
        )
        if "window id" in out.stdout:
            return server
        time.sleep(0.05)
    server.stop()
    raise RuntimeError("openbox did not start on Xvfb")


def run_probe(
    server: XServer, *args: str, timeout_s: float = 60.0, probe: Path = PROBE, **env: str
) -> dict[str, Any]:
    """Run ``xcb_probe.py args`` (or another ``probe`` beside it) on the X server; its last stdout line is a
    JSON object."""
    proc = subprocess.run(
        [sys.executable, str(probe), *args],
        env=server.env(**env),
        capture_output=True,
        text=True,
        timeout=timeout_s,
        cwd=ROOT,
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise AssertionError(
            f"probe {args} failed (rc {proc.returncode}):\n{proc.stdout}\n{proc.stderr[-3000:]}"
        )
    return dict(json.loads(lines[-1]))
