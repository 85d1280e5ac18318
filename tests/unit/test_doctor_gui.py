"""``lugn doctor``'s GUI check without a display, with Qt forced off screen, with a platform plugin that
cannot load, and the reading of Qt's plugin log (the real output of a fresh Debian without libxcb-icccm4)."""

from __future__ import annotations

import os

from lugn.commands._doctor_gui import check_gui, explain

# What QT_DEBUG_PLUGINS=1 printed on this machine before libxcb-icccm4/libxcb-keysyms1 were installed.
PLUGIN = "/opt/lugn/venv/lib/python3.11/site-packages/PyQt6/Qt6/plugins/platforms/libqxcb.so"
REAL_LOG = f"""qt.core.library: "{PLUGIN}" cannot load: Cannot load library {PLUGIN}: \
libxcb-icccm.so.4: cannot open shared object file: No such file or directory
qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin.
qt.qpa.plugin: Could not load the Qt platform plugin "xcb" in "" even though it was found.
"""


def _env(**kw: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(kw)
    return env


def test_headless_is_an_info_line() -> None:
    c = check_gui(_env())
    assert c.status == "info" and "headless" in c.message


def test_forced_offscreen_is_an_info_line() -> None:
    c = check_gui(_env(DISPLAY=":0", QT_QPA_PLATFORM="offscreen"))
    assert c.status == "info" and "off screen" in c.message


def test_a_plugin_that_cannot_load_fails_with_the_reason() -> None:
    c = check_gui(_env(DISPLAY=":0", QT_QPA_PLATFORM="nosuchplugin"))
    assert c.status == "fail" and "does not start" in c.message and c.details["exit_code"] != 0


def test_missing_libraries_are_named_with_their_package() -> None:
    assert explain(REAL_LOG) == (["libxcb-icccm.so.4"], ["libxcb-icccm4"])
    assert explain("nothing wrong") == ([], [])
