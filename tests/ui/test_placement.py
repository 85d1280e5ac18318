"""Where the indicator goes: the geometry rules, and its place remembered per screen set-up across monitor
changes (offscreen platform with configured screens, one child process per "boot")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QPoint, QRect

from ui.agent.placement import best_area, clamp_into, default_place, place_clear_of, setup_key

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def test_clamp_and_default_place() -> None:
    area = QRect(0, 0, 1920, 1040)  # a taskbar takes the bottom 40 px
    assert clamp_into(QRect(1600, 20, 397, 62), area) == QPoint(1523, 20)  # the pilot's sv case: 70 px out
    assert clamp_into(QRect(-50, 2000, 100, 50), area) == QPoint(0, 990)
    assert clamp_into(QRect(10, 10, 3000, 50), area).x() == 0  # wider than the screen: the left edge shows
    assert default_place(397, 62, area) == QPoint(1920 - 397 - 24, 24)
    tiny = QRect(0, 0, 420, 200)  # 2x scale on a small screen, or a huge OS font: margins shrink first
    p = default_place(409, 62, tiny)
    assert tiny.contains(QRect(p, QPoint(p.x() + 408, p.y() + 61)))


def test_best_area_prefers_overlap_then_the_nearest() -> None:
    left, right = QRect(0, 0, 1920, 1080), QRect(1920, 0, 1280, 1024)
    assert best_area(QRect(1900, 10, 400, 60), [left, right], left) == right  # mostly on the right one
    assert best_area(QRect(5000, 10, 400, 60), [left, right], left) == right  # gone: the nearest screen
    assert best_area(QRect(5000, 10, 400, 60), [], left) == left


def test_the_breathing_offer_is_placed_clear_of_the_indicator() -> None:
    area = QRect(0, 0, 1920, 1080)
    far = QRect(1500, 0, 400, 1080)  # the indicator's column, top right
    assert place_clear_of(440, 520, far, area) == QPoint(740, 280)  # centred: clear of it already
    middle = QRect(900, 0, 420, 1080)  # dragged to the middle: the roomier side, left
    p = place_clear_of(440, 520, middle, area)
    assert p is not None and QRect(p.x(), p.y(), 440, 520).right() < middle.left() and p.x() >= 0
    small = QRect(0, 0, 960, 540)  # 1080p at scale 2, the indicator top right: left of it
    p = place_clear_of(440, 520, QRect(528, 0, 410, 540), small)
    assert p is not None and p.x() + 440 <= 528 and small.contains(QRect(p.x(), p.y(), 440, 520))
    assert place_clear_of(440, 520, QRect(260, 0, 420, 540), small) is None  # no room on either side


def test_setup_key_ignores_order_and_sees_geometry() -> None:
    a, b = ("DP-1", QRect(0, 0, 1920, 1080)), ("HDMI-1", QRect(1920, 0, 1280, 1024))
    assert setup_key([a, b]) == setup_key([b, a])
    assert setup_key([a]) != setup_key([a, b])
    assert setup_key([a, ("HDMI-1", QRect(1920, 0, 1024, 768))]) != setup_key([a, b])


def _boot(tmp: Path, screens: list[tuple[str, int, int, int, int]], *move: int) -> dict[str, Any]:
    config = tmp / f"screens-{len(screens)}-{screens[-1][3]}.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": n,
                        "x": x,
                        "y": y,
                        "width": w,
                        "height": h,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                    }
                    for n, x, y, w, h in screens
                ]
            }
        )
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, str(HERE / "screens_probe.py"), str(tmp / "lugn.ini"), *map(str, move)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def test_place_is_remembered_per_screen_setup(tmp_path: Path) -> None:
    office = [("DP-1", 0, 0, 1920, 1080), ("HDMI-1", 1920, 0, 1280, 1024)]
    laptop = [("DP-1", 0, 0, 1920, 1080)]
    first = _boot(tmp_path, office, 2600, 1000)  # the agent drags it to the second monitor, near its bottom
    assert first["screens"]["HDMI-1"] and first["inside"]
    assert first["pos"][:2] == [2600, 1024 - 62]  # dropped half off the bottom: pulled back in
    undocked = _boot(tmp_path, laptop)  # the second monitor is gone: back on the one that is there
    assert undocked["inside"] and undocked["pos"][0] + undocked["pos"][2] <= 1920
    docked = _boot(tmp_path, office)  # docked again: the office place comes back
    assert docked["pos"][:2] == first["pos"][:2]
    other = _boot(tmp_path, [("DP-1", 0, 0, 1920, 1080), ("HDMI-1", 1920, 0, 1024, 768)])  # another monitor
    assert other["inside"]
