"""The dashboard's tiles (a team's figures for the chosen range, or the site's roll-up) and its legend.

Figures are label pairs in a grid that wraps, never one rich-text table: a table cut the figures off at the
default window size ("5 (23 %"). Numbers are written the language's way (``ui.i18n.fmt_*``), and the privacy
threshold is written as a number of agents, never as the letter k.
"""

from __future__ import annotations

from collections.abc import Sequence

from PyQt6.QtCore import QCoreApplication, Qt
from PyQt6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PyQt6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui import i18n
from ui.supervisor import theme
from ui.supervisor.model import Totals

# One context for every tile class (PyQt's self.tr() would use the subclass's name, which the catalogue
# lacks).
translate = QCoreApplication.translate


def _label(text: str = "", role: str = "", wrap: bool = True) -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(wrap)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        lab.setProperty("role", role)
    lab.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return lab


class Tile(QFrame):
    """Title, a state line, figure rows, a footer. Subclasses fill them from a ``Totals``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setMinimumWidth(theme.TILE_MIN_W)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.suppressed = False
        self.kind = "shown"  # "shown" | "hidden" | "empty" | "site"
        self.title = _label(title, "title", wrap=True)
        self.state = _label(role="state")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(1, 1)
        self.footer = _label(role="dim")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 10)
        lay.setSpacing(6)
        lay.addWidget(self.title)
        lay.addWidget(self.state)
        lay.addLayout(self.grid)
        lay.addWidget(self.footer)
        lay.addStretch(1)
        self.rows: list[tuple[QLabel, QLabel]] = []

    def set_rows(self, rows: Sequence[tuple[str, str]]) -> None:
        while len(self.rows) < len(rows):
            name, value = _label(role="name"), _label(role="value")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            n = len(self.rows)
            self.grid.addWidget(name, n, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(value, n, 1)
            self.rows.append((name, value))
        for i, (name, value) in enumerate(self.rows):
            on = i < len(rows)
            name.setVisible(on)
            value.setVisible(on)
            if on:
                name.setText(rows[i][0])
                value.setText(rows[i][1])
                for lab in (name, value):  # the longest word never breaks out of its column (Finnish)
                    fm = lab.fontMetrics()
                    lab.setMinimumWidth(max(fm.horizontalAdvance(w) for w in lab.text().split()) + 2)
        self.setAccessibleDescription("; ".join(f"{a}: {b}" for a, b in rows))

    def figures_text(self) -> str:
        return "\n".join(f"{n.text()}\t{v.text()}" for n, v in self.rows if n.isVisibleTo(self))

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.suppressed = kind in ("hidden", "empty")
        self.update()

    def paintEvent(self, _e: QPaintEvent | None) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(theme.BORDER_HIDDEN if self.suppressed else theme.BORDER_SHOWN, 2)
        if self.suppressed:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(theme.TILE_SITE_BG if self.kind == "site" else theme.TILE_BG)
        p.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 8, 8)
        p.end()

    def fill(self, totals: Totals | None, k: int) -> None:
        """Show ``totals`` (None: nothing in the range); ``k`` is the team's privacy threshold."""
        if totals is None:
            self.set_kind("empty")
            self.state.setText(translate("Tile", "No figures in this time range"))
            self.state.setProperty("role", "dim")
            self.set_rows([])
            self.footer.setText("")
            self._restyle()
            return
        if totals.shown == 0 and totals.late == 0:
            self.set_kind("hidden")
            text = translate("Tile", "Fewer than %1 agents: figures hidden to protect privacy")
            self.state.setText(text.replace("%1", i18n.fmt_int(k)))
            self.state.setProperty("role", "warn")
            self.set_rows([])
        else:
            self.set_kind("shown")
            if totals.contributors_latest is not None:
                line = translate("Tile", "%1 agents in the latest period").replace(
                    "%1", i18n.fmt_int(totals.contributors_latest)
                )
            else:
                line = ""
            self.state.setText(line)
            self.state.setProperty("role", "ok")
            self.set_rows(figure_rows(totals))
        notes = []
        if totals.hidden and totals.shown:
            hidden = translate("Tile", "%1 of %2 periods hidden (fewer than %3 agents)")
            hidden = hidden.replace("%1", i18n.fmt_int(totals.hidden))
            hidden = hidden.replace("%2", i18n.fmt_int(totals.hidden + totals.shown))
            notes.append(hidden.replace("%3", i18n.fmt_int(k)))
        if totals.late:
            late = translate("Tile", "Includes %1 late release(s): figures that arrived after their period")
            notes.append(late.replace("%1", i18n.fmt_int(totals.late)))
        self.footer.setText("\n".join(notes))
        self._restyle()

    def _restyle(self) -> None:
        for lab in (self.state, self.footer):
            lab.setVisible(bool(lab.text()))
            theme.repolish(lab)  # the role property changed: apply its colour
        self.setAccessibleName(f"{self.title.text()}. {self.state.text()}".strip(". "))


def figure_rows(t: Totals) -> list[tuple[str, str]]:
    c = t.counts
    share = i18n.fmt_percent(t.frustrated_share) if t.frustrated_share is not None else "–"
    rate = i18n.fmt_decimal(t.deescalation_rate, 2) if t.deescalation_rate is not None else "–"
    return [
        (translate("Tile", "Calls"), i18n.fmt_int(c.calls)),
        (
            translate("Tile", "Frustrated customer"),
            translate("Tile", "%1 (%2 of calls)")
            .replace("%1", i18n.fmt_int(c.calls_frustrated))
            .replace("%2", share),
        ),
        (
            translate("Tile", "De-escalations"),
            translate("Tile", "%1 (%2 per frustrated call)")
            .replace("%1", i18n.fmt_int(c.deescalations))
            .replace("%2", rate),
        ),
        (
            translate("Tile", "Breathers taken"),
            translate("Tile", "%1 of %2 offered")
            .replace("%1", i18n.fmt_int(c.breathing_taken))
            .replace("%2", i18n.fmt_int(c.breathing_offered)),
        ),
        (translate("Tile", "Tips shown"), i18n.fmt_int(c.tips_shown)),
    ]


class TeamTile(Tile):
    def __init__(self, site: str, team: str, show_site: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(f"{team} ({site})" if show_site else team, parent)
        self.site, self.team = site, team
        self.setToolTip(f"{site}/{team}")


class SiteTile(Tile):
    """A site's roll-up over the teams that have figures; the teams left out are named."""

    def __init__(self, site: str, parent: QWidget | None = None) -> None:
        super().__init__(site, parent)
        self.site = site
        self.setObjectName("siteTile")

    def fill_site(self, totals: Totals | None, k: int) -> None:
        self.title.setText(translate("Tile", "Site %1: all teams with figures").replace("%1", self.site))
        self.fill(totals, k)
        if totals is not None and totals.shown:
            self.set_kind("site")
            teams = translate("Tile", "%1 of %2 teams").replace("%1", i18n.fmt_int(len(totals.teams)))
            self.state.setText(
                teams.replace("%2", i18n.fmt_int(len(totals.teams) + len(totals.teams_left_out)))
            )
            if totals.teams_left_out:
                left = translate("Tile", "Not included (no figures in this range): %1")
                self.footer.setText(left.replace("%1", ", ".join(totals.teams_left_out)))
            else:
                self.footer.setText("")
            self._restyle()


class Swatch(QWidget):
    def __init__(self, colour: QColor, dashed: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour, self.dashed = colour, dashed
        self.setFixedSize(26, 14)

    def paintEvent(self, _e: QPaintEvent | None) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.colour, 3)
        if self.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        y = self.height() / 2
        p.drawLine(2, round(y), self.width() - 2, round(y))
        p.setBrush(self.colour)
        p.drawEllipse(self.width() // 2 - 3, round(y) - 3, 6, 6)
        p.end()


class Legend(QWidget):
    """Every team's colour, in a grid above the plots: it never covers a line and never drops a team."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(2)
        self.entries: dict[str, tuple[Swatch, QLabel]] = {}
        self.columns = 4

    def set_entries(self, entries: Sequence[tuple[str, QColor, bool]]) -> None:
        """(team, colour, hidden) for every team shown in the tiles."""
        for sw, lab in self.entries.values():
            for w in (sw, lab):
                self.grid.removeWidget(w)
                w.hide()
                w.deleteLater()
        self.entries.clear()
        for i, (name, colour, hidden) in enumerate(entries):
            sw = Swatch(colour, hidden, self)
            text = name if not hidden else translate("Tile", "%1 (no figures)").replace("%1", name)
            lab = _label(text, "legend", wrap=False)
            r, c = divmod(i, self.columns)
            self.grid.addWidget(sw, r, 2 * c)
            self.grid.addWidget(lab, r, 2 * c + 1)
            self.entries[name] = (sw, lab)
        for col in range(2 * self.columns):
            self.grid.setColumnStretch(col, 1 if col % 2 else 0)
