"""Run by the tests in a child process on a real X server (Xvfb + openbox, ``QT_QPA_PLATFORM=xcb``); prints
one JSON object. Sub-commands:

``placement OUT``  the indicator in every language: its frame (Qt and X11) inside the screen, its buttons too.
``desk OUT``       a stand-in softphone holds the keyboard while a tip, the after-call note and the
                   breathing offer appear and are clicked; typed keys reach it; global shortcuts and
                   ``lugn call …`` work.
``kiosk OUT``      the kiosk shows a tip card and the breathing guide inside its own full-screen window.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QPoint, QRect, QSettings
from PyQt6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from device.coach.events import (
    BreathingOffered,
    BreathingPattern,
    BreathingReason,
    CallNote,
    TipKind,
    TipShown,
)
from device.config import LugnConfig
from device.events import CallStarted, NoticeChanged, ToneChanged, ToneState, Trend
from ui import i18n

app = QApplication(sys.argv[:1])


def wait(cond: Callable[[], bool], timeout_s: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        app.processEvents()
        if cond():
            return True
        time.sleep(0.01)
    return bool(cond())


def settle(seconds: float = 0.15) -> None:
    wait(lambda: False, seconds)


def xdo(*args: str) -> str:
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=20).stdout.strip()


def xdo_async(*args: str) -> None:
    """Run xdotool while the Qt loop keeps turning (the keys are for a widget of this process)."""
    proc = subprocess.Popen(["xdotool", *args])
    wait(lambda: proc.poll() is not None, 20)
    settle(0.2)


def x_geometry(win: QWidget) -> dict[str, int]:
    """Where the X server has the window (physical pixels, relative to the root)."""
    out = xdo("getwindowgeometry", "--shell", str(int(win.winId())))
    return {
        k.lower(): int(v) for k, v in (line.split("=") for line in out.splitlines()) if k in "XYWIDTHEIGHT"
    }


def x_family(window: int) -> set[int]:
    """``window`` and every window below it (the window manager's frame holds the client window)."""
    out = subprocess.run(["xwininfo", "-tree", "-id", str(window)], capture_output=True, text=True).stdout
    return {window} | {int(m, 16) for m in re.findall(r"^\s+(0x[0-9a-f]+)", out, re.MULTILINE)}


def x_focus() -> int:
    return int(xdo("getwindowfocus") or 0)


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def global_rect(w: QWidget) -> QRect:
    return QRect(w.mapToGlobal(QPoint(0, 0)), w.size())


def physical(p: QPoint, widget: QWidget) -> tuple[int, int]:
    dpr = widget.devicePixelRatioF()
    return round(p.x() * dpr), round(p.y() * dpr)


def click(widget: QWidget) -> None:
    x, y = physical(widget.mapToGlobal(widget.rect().center()), widget)
    xdo_async("mousemove", str(x), str(y), "click", "1")


def screen_shot(path: Path, crop: QRect | None = None) -> None:
    screen = app.primaryScreen()
    assert screen is not None
    pm = screen.grabWindow(0)
    if crop is not None:
        dpr = pm.devicePixelRatio()
        pm = pm.copy(
            QRect(
                round(crop.x() * dpr),
                round(crop.y() * dpr),
                round(crop.width() * dpr),
                round(crop.height() * dpr),
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    pm.save(str(path))


def temp_settings() -> QSettings:
    return QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)


def make_app(config: LugnConfig) -> Any:
    """The agent UI on a real (not started) runtime, as ``lugn run`` builds it, without audio."""
    import numpy as np

    from device.audio.source import ReplaySource
    from device.runtime import AgentRuntime
    from ui.agent.app import AgentApp

    silence = np.zeros(16_000, np.float32)
    runtime = AgentRuntime(ReplaySource.from_arrays(silence, silence), config, metrics=False, control=False)
    return AgentApp(runtime, qsettings=temp_settings())


# -- placement -----------------------------------------------------------------------------------------------
def placement(out: Path) -> dict[str, Any]:
    from ui.agent.indicator import IndicatorWindow
    from ui.agent.placement import SETTINGS_GROUP, current_setup

    screen = app.primaryScreen()
    assert screen is not None
    avail, phys = screen.availableGeometry(), screen.geometry().size() * screen.devicePixelRatio()
    res: dict[str, Any] = {"scale": screen.devicePixelRatio(), "avail": rect(avail), "langs": {}}
    for lang in i18n.LANGUAGES:
        i18n.install_translators(lang)
        win = IndicatorWindow(temp_settings())
        win.show()
        wait(lambda w=win: w.isVisible() and bool(x_geometry(w).get("width")))
        settle(0.4)  # past the indicator's own re-check of its place (see IndicatorWindow.showEvent)
        xg = x_geometry(win)
        buttons = [global_rect(b) for b in (win.view.pause_button, win.view.breathe_button)]
        res["langs"][lang] = {
            "frame": rect(win.geometry()),  # frameless: the window is its frame
            "inside": avail.contains(win.geometry()),
            "buttons_inside": all(avail.contains(b) for b in buttons),
            "x11": xg,
            "x11_inside": xg["x"] >= 0
            and xg["y"] >= 0
            and xg["x"] + xg["width"] <= phys.width()
            and xg["y"] + xg["height"] <= phys.height(),
            "overflow": win.view.overflowing_labels(),
        }
        if lang == "fi":  # the longest language: what a person would look at
            f = win.geometry()
            screen_shot(
                out / f"indicator_scale{res['scale']:g}_{lang}.png",
                f.adjusted(-40, -40, 40, 40) & screen.geometry(),
            )
            screen_shot(out / f"screen_scale{res['scale']:g}_{lang}.png")
        win.close()
    # A place saved for this set-up but now outside it (a smaller monitor took the old one's name) comes back
    s = temp_settings()
    key, _ = current_setup()
    s.setValue(f"{SETTINGS_GROUP}/{key}", QPoint(avail.right() + 500, avail.bottom() + 300))
    win = IndicatorWindow(s)
    win.show()
    wait(lambda: win.isVisible() and bool(x_geometry(win).get("width")))
    settle(0.4)
    res["stale_place_inside"] = avail.contains(win.geometry())
    # ... and a monitor going away while it runs: the window is pulled back when the screens change
    win.move(avail.right() + 300, avail.top() + 40)
    settle()
    app.screenRemoved.emit(screen)  # what Qt emits when a monitor is unplugged
    res["after_monitor_change_inside"] = wait(lambda: avail.contains(win.geometry()), 3.0)
    win.close()
    return res


# -- the desk: softphone + Lugn ------------------------------------------------------------------------------
class Softphone(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Softphone – wrap-up notes")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("notes")
        self.returns = 0
        self.edit.returnPressed.connect(self._ret)
        QVBoxLayout(self).addWidget(self.edit)
        self.resize(520, 120)
        self.move(80, 400)

    def _ret(self) -> None:
        self.returns += 1


def offer(t_s: float = 100.0) -> BreathingOffered:
    return BreathingOffered(
        t_s=t_s,
        reason=BreathingReason.FRUSTRATED_SHARE,
        pattern=BreathingPattern.PACED,
        duration_s=60.0,
        inhale_s=4.0,
        hold_in_s=0.0,
        exhale_s=6.0,
        hold_out_s=0.0,
    )


def desk(out: Path) -> dict[str, Any]:
    from device.control import ControlServer, send

    res: dict[str, Any] = {}
    phone = Softphone()
    phone.show()
    phone.activateWindow()
    phone.edit.setFocus()
    res["phone_focused"] = wait(lambda: app.focusWidget() is phone.edit and x_focus() == int(phone.winId()))
    lugn = make_app(LugnConfig())
    lugn.show()
    wait(lambda: lugn.indicator is not None and lugn.indicator.isVisible())
    settle(0.3)
    focus_log: list[tuple[str, bool, bool]] = []

    def still_focused(step: str) -> None:
        qt_ok = app.focusWidget() is phone.edit and app.activeWindow() is phone
        focus_log.append((step, qt_ok, x_focus() == int(phone.winId())))

    still_focused("indicator shown")
    xdo_async("type", "--delay", "15", "Kund ")
    lugn.bridge.post(TipShown(t_s=10.0, tip=TipKind.ACKNOWLEDGE, display_s=30.0, tip_number=1))
    wait(lambda: lugn.coaching.tip_card.isVisible())
    still_focused("tip shown")
    xdo_async("type", "--delay", "15", "ringde ")
    lugn.bridge.post(
        CallNote(t_s=90.0, call_s=90.0, frustrated_s=40.0, eased=True, tips_shown=(TipKind.ACKNOWLEDGE,))
    )
    wait(lambda: lugn.coaching.note_card.isVisible())
    still_focused("note shown")
    xdo_async("type", "--delay", "15", "om ")
    lugn.bridge.post(offer())
    wait(lambda: lugn.coaching.breathing.isVisible())
    settle(0.3)
    still_focused("breathing offered")
    screen_shot(out / "desk_offer.png")
    xdo_async("type", "--delay", "15", "faktura")
    xdo_async("key", "Return")
    res["text"], res["returns"] = phone.edit.text(), phone.returns
    # A click on the breathing guide's Start button starts it and still leaves the keyboard with the softphone
    click(lugn.coaching.breathing.start)
    res["guide_started"] = wait(lambda: lugn.coaching.breathing.pages.currentIndex() == 1)
    still_focused("start clicked")
    lugn.coaching.breathing.escape()
    # global shortcuts (X11 grabs) while the softphone has the focus
    res["shortcuts"] = dict(lugn.actions.shortcut_status)
    before = phone.edit.text()
    lugn.bridge.post(TipShown(t_s=200.0, tip=TipKind.LET_FINISH, display_s=30.0, tip_number=1))
    wait(lambda: lugn.coaching.tip_card.isVisible())
    xdo_async("key", "ctrl+alt+d")
    res["hotkey_dismissed_tip"] = wait(lambda: not lugn.coaching.tip_card.isVisible(), 3.0)
    xdo_async("key", "ctrl+alt+p")
    res["hotkey_paused"] = wait(lambda: lugn.model.paused, 2.0)
    xdo_async("key", "ctrl+alt+p")
    res["hotkey_resumed"] = wait(lambda: not lugn.model.paused, 2.0)
    xdo_async("key", "ctrl+alt+b")
    res["hotkey_breathing_offered"] = wait(lambda: lugn.coaching.breathing.isVisible(), 3.0)
    xdo_async("key", "ctrl+alt+b")
    res["hotkey_breathing_started"] = wait(lambda: lugn.coaching.breathing.pages.currentIndex() == 1, 2.0)
    xdo_async("key", "ctrl+alt+d")
    res["hotkey_breathing_stopped"] = wait(lambda: not lugn.coaching.breathing.isVisible(), 2.0)
    res["text_after_hotkeys"] = phone.edit.text()
    res["hotkeys_kept_out_of_the_text"] = phone.edit.text() == before
    still_focused("after shortcuts")
    # the caller-notice prompt (issue #13): up at call start; a caller-language click and "Told" by mouse,
    # then the decline hotkey; the keyboard stays with the softphone throughout
    asked: list[str] = []
    lugn.runtime.pipeline._command = lambda name: asked.append(name) or True  # type: ignore[method-assign]
    lugn.runtime.on_pipeline_event(CallStarted(t_s=400.0, source="control"))
    lugn.runtime.on_pipeline_event(NoticeChanged(t_s=400.0, state="waiting", mode="agent"))
    card = lugn.coaching.panel.notice
    res["notice_prompt_shown"] = wait(card.isVisible, 3.0)
    settle(0.3)
    screen_shot(out / "desk_notice_prompt.png")
    still_focused("notice prompt shown")
    click(card.language_buttons["fi"])
    res["notice_language"] = card.language
    click(card.given_button)
    still_focused("notice told by a click")
    xdo_async("key", "ctrl+alt+o")
    wait(lambda: len(asked) >= 2, 3.0)
    res["notice_actions"] = list(asked)
    res["notice_kept_out_of_the_text"] = phone.edit.text() == before
    still_focused("declined by the hotkey")
    del lugn.runtime.pipeline._command
    # lugn call …: the runtime's control socket reaches the same actions (from the socket's thread)
    sock = Path(tempfile.mkdtemp()) / "lugn" / "control.sock"
    server = ControlServer(lugn.runtime, address=sock)
    server.start()
    replies: dict[str, Any] = {}

    def ask(command: str) -> None:
        box: list[dict[str, Any]] = []
        t = threading.Thread(target=lambda: box.append(send(command, sock, timeout_s=5.0)))
        t.start()
        wait(lambda: not t.is_alive(), 6.0)
        replies[command] = box[0] if box else {"ok": False, "error": "no reply"}

    lugn.bridge.post(TipShown(t_s=300.0, tip=TipKind.THANK, display_s=30.0, tip_number=1))
    wait(lambda: lugn.coaching.tip_card.isVisible())
    ask("dismiss")
    res["call_dismiss_hid_tip"] = wait(lambda: not lugn.coaching.tip_card.isVisible(), 3.0)
    ask("toggle-pause")
    ask("breathe")
    res["call_breathe_showed_offer"] = wait(lambda: lugn.coaching.breathing.isVisible(), 3.0)
    res["replies"] = replies
    server.stop()
    still_focused("after lugn call")
    res["focus_log"] = focus_log
    res["lugn_windows_active"] = [
        w.objectName()
        for w in app.topLevelWidgets()
        if w is not phone and w.isVisible() and w.isActiveWindow()
    ]
    lugn.close()
    lugn.runtime.stop()
    return res


# -- kiosk ---------------------------------------------------------------------------------------------------
def kiosk(out: Path) -> dict[str, Any]:
    from ui.agent.look import system_pt

    res: dict[str, Any] = {}
    lang = sys.argv[3] if len(sys.argv) > 3 else "en"
    cfg = LugnConfig.model_validate({"ui": {"kiosk": True, "language": lang}})
    lugn = make_app(cfg)
    lugn.privacy.qsettings.setValue("privacy/first_run_notice_seen", True)  # (its own test: test_what_leaves)
    lugn.show()
    win = lugn.kiosk_window
    assert win is not None
    wait(lambda: win.isVisible() and win.isFullScreen() and bool(x_geometry(win).get("width")))
    settle(0.3)
    lugn.runtime.on_pipeline_event(
        ToneChanged(
            t_s=3.0, state=ToneState.FRUSTRATED, previous=ToneState.CALM, score=0.8, trend=Trend.RISING
        )
    )
    lugn.bridge.post(TipShown(t_s=4.0, tip=TipKind.ACKNOWLEDGE, display_s=60.0, tip_number=1))
    card = lugn.coaching.tip_card
    res["tip_visible"] = wait(lambda: card.isVisible())
    settle(0.5)  # the fade-in and the compositor
    screen = app.primaryScreen()
    assert screen is not None
    res["tip_in_kiosk_window"] = card.window() is win
    res["tip_on_screen"] = screen.geometry().contains(global_rect(card))
    # the window under the card's centre, as the X server sees it, is the kiosk itself
    x, y = physical(card.mapToGlobal(card.rect().center()), card)
    xdo("mousemove", str(x), str(y))
    under = dict(line.split("=") for line in xdo("getmouselocation", "--shell").splitlines()).get(
        "WINDOW", "0"
    )
    res["x11_kiosk_under_card"] = int(win.winId()) in x_family(int(under))
    res["system_pt"] = system_pt()
    res["card_title_pt"] = card.title.font().pointSizeF()
    res["card_text_pt"] = min(w.font().pointSizeF() for w in (card.example, card.heading, card.title))
    screen_shot(out / f"kiosk_tip_{lang}.png")
    # the kiosk's own Breathe button shows the guide inside the kiosk
    click(win.view.breathe_button)
    overlay = lugn.coaching.breathing
    res["breathing_visible"] = wait(lambda: overlay.isVisible(), 3.0)
    res["breathing_in_kiosk_window"] = overlay.window() is win
    res["breathing_covers_kiosk"] = global_rect(overlay) == global_rect(win)
    res["breathing_title_pt"] = overlay.title.font().pointSizeF()
    settle(0.3)
    screen_shot(out / f"kiosk_breathing_{lang}.png")
    lugn.close()
    lugn.runtime.stop()
    return res


if __name__ == "__main__":
    what, out_dir = sys.argv[1], Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    i18n.install_translators(sys.argv[3] if what == "kiosk" and len(sys.argv) > 3 else "en")
    result = {"placement": placement, "desk": desk, "kiosk": kiosk}[what](out_dir)
    result["platform"] = app.platformName()
    print(json.dumps(result, default=str))
    sys.stdout.flush()
