"""Agent actions without the keyboard focus: the shortcut grammar, the backends' key tables, and the app's
actions driven through a fake window system (the real X11 grabs are tested in test_xcb_desk.py)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from device.coach.events import CallNote, TipKind, TipShown
from device.config import LugnConfig, UiSettings
from ui.agent.hotkeys import Chord, FakeBackend, chords_from, parse_chord
from ui.agent.hotkeys.windows import virtual_key
from ui.agent.hotkeys.x11 import keysym


@pytest.mark.parametrize(
    ("text", "mods", "key"),
    [
        ("Ctrl+Alt+D", {"ctrl", "alt"}, "d"),
        ("ctrl+shift+f9", {"ctrl", "shift"}, "f9"),
        ("Super+1", {"meta"}, "1"),
        ("Control+Alt+Space", {"ctrl", "alt"}, "space"),
    ],
)
def test_chords_parse(text: str, mods: set[str], key: str) -> None:
    chord = parse_chord(text)
    assert chord == Chord(frozenset(mods), key)
    assert parse_chord(str(chord)) == chord  # printed as it is parsed


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("D", "modifiers and a key"),
        ("Shift+D", "swallow ordinary typing"),
        ("Ctrl+Alt+Ö", "not a key Lugn can grab"),
        ("Hyper+D", "unknown modifier"),
        ("Ctrl++", "modifiers and a key"),
        ("Ctrl+F25", "not a key"),
    ],
)
def test_bad_chords_say_why(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parse_chord(text)


def test_config_refuses_a_shortcut_that_would_eat_typing() -> None:
    with pytest.raises(ValidationError, match="Ctrl, Alt or Meta"):
        UiSettings(shortcut_dismiss="Shift+D")
    assert UiSettings(shortcut_pause="").shortcut_pause == ""
    # every default parses, and they differ
    ui = UiSettings()
    chords, problems = chords_from(
        {"dismiss": ui.shortcut_dismiss, "toggle_pause": ui.shortcut_pause, "breathe": ui.shortcut_breathe}
    )
    assert problems == {} and len(set(chords.values())) == 3


def test_two_actions_on_one_chord_is_reported() -> None:
    chords, problems = chords_from({"dismiss": "Ctrl+Alt+D", "breathe": "ctrl+alt+d", "toggle_pause": ""})
    assert list(chords) == ["dismiss"]
    assert "already the shortcut for dismiss" in problems["breathe"] and problems["toggle_pause"] == "off"


def test_key_tables() -> None:
    assert keysym("d") == 0x64 and keysym("5") == 0x35 and keysym("f1") == 0xFFBE and keysym("f24") == 0xFFD5
    assert keysym("space") == 0x20 and keysym("pause") == 0xFF13
    assert virtual_key("d") == 0x44 and virtual_key("5") == 0x35
    assert virtual_key("f1") == 0x70 and virtual_key("f24") == 0x87 and virtual_key("pagedown") == 0x22


def tip(t: float = 5.0) -> TipShown:
    return TipShown(t_s=t, tip=TipKind.ACKNOWLEDGE, display_s=30.0, tip_number=1)


def test_shortcuts_drive_the_app_through_the_gui_thread(agent_app, qtbot) -> None:
    fake = FakeBackend()
    app = agent_app(LugnConfig(), hotkeys=fake)
    app.show()
    assert app.actions.shortcut_status == dict.fromkeys(
        ("dismiss", "toggle_pause", "breathe", "notice_given", "declined"), "ok"
    )
    # the tray menu and the tip's close button name the working shortcut
    assert app.tray.dismiss_action.text().endswith("\tCtrl+Alt+D")
    app.bridge.post(tip())
    qtbot.waitUntil(app.coaching.tip_card.isVisible, timeout=2000)
    assert "Ctrl+Alt+D" in app.coaching.tip_card.close_button.accessibleName()
    assert fake.press("ctrl+alt+d")  # pressed while another application has the focus
    qtbot.waitUntil(lambda: not app.coaching.tip_card.isVisible(), timeout=3000)
    fake.press("Ctrl+Alt+P")
    qtbot.waitUntil(lambda: app.model.paused, timeout=2000)
    fake.press("Ctrl+Alt+P")
    qtbot.waitUntil(lambda: not app.model.paused, timeout=2000)
    fake.press("Ctrl+Alt+B")
    qtbot.waitUntil(app.coaching.breathing.isVisible, timeout=2000)
    fake.press("Ctrl+Alt+B")
    qtbot.waitUntil(lambda: app.coaching.breathing.pages.currentIndex() == 1, timeout=2000)
    fake.press("Ctrl+Alt+D")  # stops the guide
    qtbot.waitUntil(lambda: not app.coaching.breathing.isVisible(), timeout=2000)
    assert not fake.press("Ctrl+Alt+X")


def test_dismiss_closes_one_thing_at_a_time(agent_app, qtbot) -> None:
    app = agent_app(LugnConfig(), hotkeys=FakeBackend())
    app.bridge.post(CallNote(t_s=9.0, call_s=60.0, frustrated_s=0.0, eased=None))
    app.bridge.post(tip(10.0))
    qtbot.waitUntil(app.coaching.tip_card.isVisible, timeout=2000)
    assert app.actions.run("dismiss") == {"ok": True, "closed": "tip"}
    qtbot.waitUntil(lambda: not app.coaching.tip_card.isVisible(), timeout=3000)
    assert app.coaching.note_card.isVisible()
    assert app.actions.run("dismiss") == {"ok": True, "closed": "note"}
    qtbot.waitUntil(lambda: not app.coaching.note_card.isVisible(), timeout=3000)
    assert app.actions.run("dismiss") == {"ok": False, "closed": None, "error": "nothing to dismiss"}
    assert app.actions.run("pause")["paused"] is True and app.actions.run("pause")["paused"] is True
    assert app.actions.run("resume")["paused"] is False
    assert app.actions.run("fly")["ok"] is False


def test_a_taken_shortcut_is_reported_and_settings_regrab(agent_app, qtbot, tmp_path) -> None:
    fake = FakeBackend(taken=("Ctrl+Alt+D",))
    saved: list[dict[str, object]] = []
    app = agent_app(LugnConfig(), hotkeys=fake, save_settings=saved.append)
    assert app.actions.shortcut_status["dismiss"] == "Ctrl+Alt+D is taken by another application"
    assert app.tray.dismiss_action.text() == "Dismiss tip"  # no hint for a shortcut that does not work
    assert app.apply_settings({"ui.shortcut_dismiss": "Ctrl+Shift+F9"})
    assert app.actions.shortcut_status["dismiss"] == "ok" and saved
    assert fake.chords["dismiss"] == parse_chord("Ctrl+Shift+F9")


def test_offscreen_there_is_no_global_grab_but_lugn_call_works(agent_app) -> None:
    app = agent_app(LugnConfig())  # the real platform choice: offscreen here
    assert app.actions.backend is None
    assert all("lugn call" in s for s in app.actions.shortcut_status.values())


def test_shortcut_problems_are_one_line_and_quiet_offscreen(agent_app, caplog, monkeypatch) -> None:
    """``lugn demo`` offscreen printed five lines, one per shortcut, about a keyboard nobody can press."""
    import logging

    from ui.agent.actions import AgentActions

    app = agent_app(hotkeys=FakeBackend(taken=("Ctrl+Alt+D", "Ctrl+Alt+P")))
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="ui.agent.actions"):
        app.actions.start_shortcuts(app.config)
    (line,) = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert "dismiss: Ctrl+Alt+D is taken" in line and "toggle_pause: Ctrl+Alt+P" in line
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    offscreen = AgentActions(app)  # the platform's own backend: none offscreen
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="ui.agent.actions"):
        status = offscreen.start_shortcuts(app.config)
    assert set(status.values()) == {"no display (offscreen): use lugn call …"}
    assert [r.levelno for r in caplog.records] == [logging.INFO]  # one line, not shown by default
    assert "dismiss, toggle_pause, breathe, notice_given, declined" in caplog.records[0].getMessage()
