"""``lugn doctor``'s GUI check: can Qt's platform plugin load on this seat's display?

Why in a child process: when the plugin cannot load (a missing ``libxcb-*`` library is the usual reason on a
fresh Linux install), Qt aborts the whole process. The child (``lugn doctor --gui-probe``) runs with
``QT_DEBUG_PLUGINS=1`` so its output names the missing library, which this check turns into the package to
install. Without a display (a server, an SSH session) the check only says so.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from lugn.commands._doctor_checks import Check

TIMEOUT_S = 20.0
# shared library -> Debian/Ubuntu package (what Qt 6's xcb plugin and QtGui need beyond libc)
PACKAGES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}
_MISSING = re.compile(r"([\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")


def probe() -> int:
    """In the child: start Qt's GUI on the display and print the platform's name (Qt aborts if it cannot)."""
    from PyQt6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    screen = app.primaryScreen()
    size = screen.size() if screen is not None else None
    print(
        f"platform={app.platformName()} screen={size.width() if size else 0}x{size.height() if size else 0}"
    )
    return 0


def explain(output: str) -> tuple[list[str], list[str]]:
    """(missing libraries, packages to install) named in Qt's plugin-loading output."""
    libs = sorted(set(_MISSING.findall(output)))
    return libs, sorted({PACKAGES[lib] for lib in libs if lib in PACKAGES})


def check_gui(env: dict[str, str] | None = None) -> Check:
    env = dict(os.environ if env is None else env)
    forced = env.get("QT_QPA_PLATFORM", "")
    if forced.startswith(("offscreen", "minimal")):
        return Check("gui", "info", f"QT_QPA_PLATFORM={forced}: the agent UI is drawn off screen here")
    display = env.get("WAYLAND_DISPLAY") or env.get("DISPLAY")
    if not sys.platform.startswith(("win", "darwin")) and not display:
        return Check(
            "gui", "info", "no display on this seat (headless): the agent UI cannot show; lugn run --headless"
        )
    cmd = [sys.executable, "doctor", "--gui-probe"]
    if not getattr(sys, "frozen", False):
        cmd[1:1] = ["-m", "lugn"]
    env["QT_DEBUG_PLUGINS"] = "1"
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return Check("gui", "fail", f"Qt did not start on display {display!r} within {TIMEOUT_S:g} s")
    out = proc.stdout + proc.stderr
    found = re.search(r"platform=(\S+) screen=(\S+)", proc.stdout)
    if proc.returncode == 0 and found:
        name, size = found.groups()
        return Check("gui", "ok", f"Qt platform plugin '{name}' loads on {display or 'the desktop'} ({size})")
    libs, pkgs = explain(out)
    details = {"exit_code": proc.returncode, "missing_libraries": libs, "output_tail": out[-1500:]}
    if libs:
        fix = f"apt-get install {' '.join(pkgs)}" if pkgs else "install the libraries"
        return Check(
            "gui", "fail", f"Qt cannot load its platform plugin: missing {', '.join(libs)} ({fix})", details
        )
    if "could not connect to display" in out:
        return Check("gui", "fail", f"Qt cannot connect to the display {display!r}", details)
    last = next((ln for ln in reversed(out.splitlines()) if ln.strip()), "no output")
    return Check(
        "gui", "fail", f"the Qt platform plugin does not start (exit {proc.returncode}): {last}", details
    )
