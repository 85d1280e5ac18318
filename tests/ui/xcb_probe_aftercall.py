"""Run by ``test_xcb_desk.py`` in a child process on a real X server (see ``xcb_probe.py``): the end of a hard
call as the agent sees it. The breathing offer, the after-call note and the indicator appear together; the
offer must leave the indicator's state and the note readable, at scale 2 on 1080p (where the offer is nearly
as tall as the screen) and with the indicator dragged to the middle of the screen. Prints one JSON object.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from xcb_probe import app, global_rect, offer, rect, screen_shot, settle, temp_settings, wait, x_geometry

from device.coach.events import CallNote, TipKind
from device.config import LugnConfig
from device.events import CallEnded, CallStarted


def overlap(a: dict[str, int], b: dict[str, int]) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def after_call(out: Path, place: str) -> dict[str, Any]:
    import numpy as np
    from PyQt6.QtCore import QPoint

    from device.audio.source import ReplaySource
    from device.runtime import AgentRuntime
    from ui.agent.app import AgentApp
    from ui.agent.placement import SETTINGS_GROUP, current_setup

    screen = app.primaryScreen()
    assert screen is not None
    avail = screen.availableGeometry()
    settings = temp_settings()
    if place == "middle":  # where an agent dragged it, out of the softphone's way
        key, _ = current_setup()
        settings.setValue(f"{SETTINGS_GROUP}/{key}", QPoint(avail.center().x() - 60, avail.center().y() - 40))
    silence = np.zeros(16_000, np.float32)
    runtime = AgentRuntime(ReplaySource.from_arrays(silence, silence), LugnConfig(), metrics=False,
                           control=False, oplog=False)  # fmt: skip
    lugn = AgentApp(runtime, qsettings=settings)
    lugn.show()
    win = lugn.indicator
    assert win is not None
    wait(lambda: win.isVisible() and bool(x_geometry(win).get("width")))
    page = lugn.privacy.notice  # the first-run notice (a fresh user): all of it on screen, the state readable
    wait(lambda: page.isVisible() and bool(x_geometry(page).get("width")))
    settle(0.4)
    phys = screen.geometry().size() * screen.devicePixelRatio()
    xp = x_geometry(page)
    buttons = (page.close_button, page.leaves_button)
    notice = {
        "inside": xp["x"] >= 0 and xp["y"] >= 0 and xp["x"] + xp["width"] <= phys.width()
        and xp["y"] + xp["height"] <= phys.height(),
        "buttons_inside": all(avail.contains(global_rect(b)) for b in buttons),
        "covers_indicator": overlap(xp, x_geometry(win)),
    }  # fmt: skip
    screen_shot(out / f"first_run_{place}_scale{screen.devicePixelRatio():g}.png")
    page.close_button.click()
    for event in (
        CallStarted(t_s=1.0, source="control"),
        CallEnded(t_s=90.0, source="control", duration_s=89.0),
        CallNote(t_s=90.0, call_s=89.0, frustrated_s=40.0, eased=False, tips_shown=(TipKind.ACKNOWLEDGE,)),
        offer(90.0),
    ):
        lugn.bridge.post(event)
    overlay, note = lugn.coaching.breathing, lugn.coaching.note_card
    wait(lambda: overlay.isVisible() and x_geometry(overlay).get("width", 0) > 100, 3.0)
    settle(0.4)
    o, i, n = global_rect(overlay), global_rect(win), global_rect(note)
    xo, xi = x_geometry(overlay), x_geometry(win)
    res = {
        "offer": rect(o),
        "indicator": rect(i),
        "note": rect(n),
        "offer_inside": avail.contains(o),
        "note_visible": note.isVisible() and not lugn.coaching.panel.tucked,
        "offer_covers_indicator": o.intersects(i),
        "offer_covers_note": o.intersects(n),
        # as the X server has them (physical pixels): the same, not just in Qt's bookkeeping
        "x11_offer_covers_indicator": overlap(xo, xi),
        "first_run_notice": notice,
    }
    screen_shot(out / f"after_call_{place}_scale{screen.devicePixelRatio():g}.png")
    lugn.close()
    runtime.stop()
    return res


if __name__ == "__main__":
    out_dir = Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {p: after_call(out_dir, p) for p in sys.argv[3].split(",")}
    result["platform"] = app.platformName()
    result["scale"] = app.primaryScreen().devicePixelRatio()  # type: ignore[union-attr]
    print(json.dumps(result, default=str))
    sys.stdout.flush()
