"""On a real X server (Xvfb + openbox, Qt's xcb platform), as an agent's desk behaves: the indicator stays on
screen in every language and scale, nothing Lugn shows takes the keyboard from the softphone, global shortcuts
and ``lugn call …`` reach the agent's actions, and the kiosk shows its coaching inside itself.

The checks run in a child process (``xcb_probe.py``; a process has one Qt platform and this session's is
offscreen). Skipped only when Xvfb cannot start; ``scripts/bootstrap.sh`` installs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from xserver import HERE, XServer, missing_tools, run_probe, start

from ui import i18n


@pytest.fixture(scope="module")
def xserver(artifacts_dir: Path) -> Iterator[XServer]:
    if missing := missing_tools():
        pytest.skip(
            f"no X test server here ({', '.join(missing)} missing; scripts/bootstrap.sh installs them)"
        )
    logs = artifacts_dir / "ux" / "x11-logs"
    logs.mkdir(parents=True, exist_ok=True)
    try:
        server = start(log_dir=logs)
    except RuntimeError as exc:
        pytest.skip(str(exc))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def ux_dir(artifacts_dir: Path) -> Path:
    out = artifacts_dir / "ux"
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.mark.parametrize("scale", ["1", "1.5", "2"])
def test_indicator_inside_the_screen_in_every_language(
    xserver: XServer, ux_dir: Path, built_catalogues, scale: str
) -> None:
    r = run_probe(xserver, "placement", str(ux_dir / "indicator"), QT_SCALE_FACTOR=scale)
    assert r["platform"] == "xcb" and r["scale"] == float(scale)
    assert set(r["langs"]) == set(i18n.LANGUAGES)
    for lang, v in r["langs"].items():
        # as Qt sees it (logical pixels) and as the X server has it (physical pixels)
        assert v["inside"] and v["x11_inside"], (
            f"{lang} at scale {scale}: {v['frame']} / {v['x11']} off screen"
        )
        assert v["buttons_inside"], f"{lang} at scale {scale}: Pause or Breathe off screen"
        assert v["overflow"] == [], f"{lang} at scale {scale}: {v['overflow']}"
        assert abs(v["x11"]["width"] - v["frame"][2] * float(scale)) <= 1.5  # fractional scales round
    assert r["stale_place_inside"], "a saved place outside the screen must not be used as is"
    assert r["after_monitor_change_inside"], "after a monitor change the indicator must come back on screen"
    shot = ux_dir / "indicator" / f"indicator_scale{float(scale):g}_fi.png"
    assert shot.stat().st_size > 3000


@pytest.mark.parametrize(("scale", "places"), [("1", "default,middle"), ("2", "default")])
def test_the_breathing_offer_leaves_the_indicator_and_the_note_readable(
    xserver: XServer, ux_dir: Path, scale: str, places: str
) -> None:
    """At call end the offer, the after-call note and the indicator come up together. Before, the offer was
    centred on the screen whatever was there: at scale 2 on 1080p it covered the indicator's state and the
    note was hidden until the offer went; an indicator dragged to the middle was covered at any scale. (At
    scale 2 with the indicator in the middle no side has room: the offer is centred and the cards wait.)"""
    r = run_probe(xserver, "after-call", str(ux_dir / "after_call"), places, QT_SCALE_FACTOR=scale,
                  probe=HERE / "xcb_probe_aftercall.py")  # fmt: skip
    assert r["platform"] == "xcb" and r["scale"] == float(scale)
    for place in places.split(","):
        v = r[place]
        assert v["offer_inside"], (place, v)
        assert not v["offer_covers_indicator"] and not v["x11_offer_covers_indicator"], (place, v)
        assert v["note_visible"] and not v["offer_covers_note"], (place, v)
        # the first-run notice fits the screen (at scale 2 it was 1240 px tall, its buttons off the bottom)
        # and sits beside the indicator (narrower if need be)
        n = v["first_run_notice"]
        assert n["inside"] and n["buttons_inside"] and not n["covers_indicator"], (place, n)


def test_the_softphone_keeps_the_keyboard_and_shortcuts_work_without_focus(
    xserver: XServer, ux_dir: Path
) -> None:
    r = run_probe(xserver, "desk", str(ux_dir / "desk"))
    assert r["phone_focused"], "the stand-in softphone never got the focus: the test proves nothing"
    # Typed while a tip, the after-call note and the breathing offer appeared: every key reached the softphone
    assert r["text"] == "Kund ringde om faktura" and r["returns"] == 1
    for step, qt_focus, x_focus in r["focus_log"]:
        assert qt_focus and x_focus, f"the softphone lost the keyboard when: {step}"
    assert r["guide_started"], "a click on Start must start the guide (without taking the focus)"
    assert r["lugn_windows_active"] == []
    # global shortcuts (XGrabKey) act while the softphone has the focus, and never type into it
    assert r["shortcuts"] == dict.fromkeys(
        ("dismiss", "toggle_pause", "breathe", "notice_given", "declined"), "ok"
    )
    for key in (
        "hotkey_dismissed_tip",
        "hotkey_paused",
        "hotkey_resumed",
        "hotkey_breathing_offered",
        "hotkey_breathing_started",
        "hotkey_breathing_stopped",
        "hotkeys_kept_out_of_the_text",
    ):
        assert r[key], key
    # the caller-notice prompt: clicked and its hotkey used, the softphone keeping the keyboard (focus_log)
    assert r["notice_prompt_shown"] and r["notice_language"] == "fi"
    assert r["notice_actions"] == ["notice_given", "declined"] and r["notice_kept_out_of_the_text"]
    # lugn call dismiss|toggle-pause|breathe over the control socket
    replies = r["replies"]
    assert replies["dismiss"] == {"command": "dismiss", "ok": True, "closed": "tip"}
    assert replies["toggle-pause"]["ok"] and replies["toggle-pause"]["paused"] is True
    assert replies["breathe"] == {"command": "breathe", "ok": True, "breathing": "offered"}
    assert r["call_dismiss_hid_tip"] and r["call_breathe_showed_offer"]


def test_kiosk_shows_the_tip_and_the_breathing_guide_inside_itself(xserver: XServer, ux_dir: Path) -> None:
    r = run_probe(xserver, "kiosk", str(ux_dir / "kiosk"), "en")
    assert r["tip_visible"] and r["tip_in_kiosk_window"] and r["tip_on_screen"]
    assert r["x11_kiosk_under_card"], "the X server shows something else where the tip card should be"
    # readable from a metre away: about twice the desktop font (18 pt on a 9 pt desktop)
    assert r["card_text_pt"] >= 2 * r["system_pt"] - 0.01 and r["card_title_pt"] > r["card_text_pt"]
    assert r["breathing_visible"] and r["breathing_in_kiosk_window"] and r["breathing_covers_kiosk"]
    assert r["breathing_title_pt"] >= 2 * r["system_pt"]
    for name in ("kiosk_tip_en.png", "kiosk_breathing_en.png"):
        assert (ux_dir / "kiosk" / name).stat().st_size > 10_000


def test_doctor_gui_check_on_the_display(xserver: XServer) -> None:
    from lugn.commands._doctor_gui import check_gui

    c = check_gui(xserver.env())
    assert c.status == "ok" and "'xcb'" in c.message and xserver.display in c.message
    broken = check_gui(xserver.env(DISPLAY=":4242"))  # a display that is not there
    assert broken.status == "fail" and "cannot connect" in broken.message
