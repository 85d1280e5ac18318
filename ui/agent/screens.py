"""PNG screenshots of the agent UI at each state change (offscreen demo, tests, support)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PyQt6.QtWidgets import QWidget

from ui.agent.state import View


@dataclass(frozen=True)
class Shot:
    t_s: float
    name: str
    path: Path


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "shot"


class Screenshotter:
    """Saves the indicator on every view change, and any other widget on request, numbered in order."""

    def __init__(self, app: object, out_dir: Path) -> None:
        self.app = app
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.shots: list[Shot] = []

    def attach(self) -> None:
        self.app.viewChanged.connect(self._on_view)  # type: ignore[attr-defined]

    def _on_view(self, view: View, t_s: float) -> None:
        name = view.state.value + (f"-{view.trend.value}" if view.state.is_tone else "")
        self.save(self.app.main_window, name, t_s)  # type: ignore[attr-defined]

    def save(self, widget: QWidget, name: str, t_s: float) -> Path | None:
        """Render ``widget`` (shown or not) to ``NN_<t>s_<name>.png``."""
        widget.ensurePolished()
        if widget.layout() is not None:
            widget.layout().activate()  # type: ignore[union-attr]
        if not widget.isVisible():
            widget.adjustSize()
        path = self.out_dir / f"{len(self.shots) + 1:02d}_{t_s:07.2f}s_{_slug(name)}.png"
        if not widget.grab().save(str(path)):
            return None
        self.shots.append(Shot(t_s, name, path))
        return path
