"""Run by test_placement.py in a child process whose offscreen platform has the screens of a JSON config
(``QT_QPA_PLATFORM=offscreen:configfile=…``): ``screens_probe.py SETTINGS [X Y]`` shows the indicator,
moves it to (X, Y) as a drag would and saves, then prints where it is and the screens as one JSON line."""

from __future__ import annotations

import json
import sys

from PyQt6.QtCore import QPoint, QSettings
from PyQt6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])

from ui.agent.indicator import IndicatorWindow  # noqa: E402  (after the QApplication)

settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
win = IndicatorWindow(settings)
win.show()
app.processEvents()
if len(sys.argv) > 3:
    win.move(QPoint(int(sys.argv[2]), int(sys.argv[3])))
    win.placer.keep_inside()  # as on mouse release
    win.save_position()
g = win.geometry()
print(
    json.dumps(
        {
            "pos": [g.x(), g.y(), g.width(), g.height()],
            "screens": {s.name(): [*s.availableGeometry().getRect()] for s in app.screens()},
            "inside": any(s.availableGeometry().contains(g) for s in app.screens()),
        }
    )
)
