"""The supervisor dashboard: for the chosen time range (current shift, today, 7 days) a roll-up per site and a
tile per team, a legend of every team, and time series of frustration share, de-escalation rate and breathers
taken; "Export CSV…" writes what is shown.

A team period with fewer than k contributing agents shows no figures (a dashed tile, a gap in its line).
Readable at the default size and at 1366×768: tiles and legend wrap into as many columns as fit, in a scroll
area; the legend sits above the plots, so it covers no line and lists every team.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PyQt6.QtGui import QColor, QResizeEvent
from PyQt6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from device.protocol.payloads import Summary
from ui import i18n
from ui.supervisor import theme
from ui.supervisor.model import DEFAULT_SHIFTS, RANGES, DashboardModel, parse_shifts, range_bounds
from ui.supervisor.tiles import Legend, SiteTile, TeamTile, Tile

SERIES = (
    ("frustration_share", QT_TRANSLATE_NOOP("DashboardWindow", "Share of calls with a frustrated customer")),
    ("deescalation_rate", QT_TRANSLATE_NOOP("DashboardWindow", "De-escalations per frustrated call")),
    ("breathers_taken", QT_TRANSLATE_NOOP("DashboardWindow", "Breathers taken")),
)
RANGE_NAMES = {
    "shift": QT_TRANSLATE_NOOP("DashboardWindow", "Current shift"),
    "today": QT_TRANSLATE_NOOP("DashboardWindow", "Today"),
    "week": QT_TRANSLATE_NOOP("DashboardWindow", "7 days"),
}
PALETTE = theme.TEAM_COLOURS


class DashboardWindow(QMainWindow):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        history: Path | None = None,
        shifts: str = ",".join(DEFAULT_SHIFTS),
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self.model = DashboardModel(history, clock)
        self.shifts = parse_shifts(shifts)
        self._clock = clock
        self.range = "shift"
        self.tiles: dict[tuple[str, str], TeamTile] = {}
        self.site_tiles: dict[str, SiteTile] = {}
        self._curves: dict[tuple[str, str, str], pg.PlotDataItem] = {}
        self._colours: dict[tuple[str, str], QColor] = {}
        self._columns = 0
        central = QWidget()
        central.setObjectName("central")
        outer = QVBoxLayout(central)
        outer.setSpacing(8)
        top = QHBoxLayout()
        self.status = QLabel()
        self.status.setProperty("role", "status-warn")
        self.status.setWordWrap(True)
        top.addWidget(self.status, 1)
        self.range_label = QLabel()
        top.addWidget(self.range_label)
        self.range_buttons = QButtonGroup(self)
        self.range_buttons.setExclusive(True)
        self.range_button: dict[str, QPushButton] = {}
        for kind in RANGES:
            b = QPushButton()
            b.setCheckable(True)
            b.setChecked(kind == self.range)
            b.clicked.connect(lambda _on, k=kind: self.set_range(k))
            self.range_buttons.addButton(b)
            self.range_button[kind] = b
            top.addWidget(b)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._ask_export)
        top.addWidget(self.export_button)
        outer.addLayout(top)
        self.note = QLabel()
        self.note.setProperty("role", "note")
        self.note.setWordWrap(True)
        outer.addWidget(self.note)
        self.tile_box = QWidget()
        self.tile_grid = QGridLayout(self.tile_box)
        self.tile_grid.setContentsMargins(0, 0, 0, 0)
        self.tile_grid.setSpacing(10)
        self.tiles_area = QScrollArea()
        self.tiles_area.setWidgetResizable(True)
        self.tiles_area.setWidget(self.tile_box)
        viewport = self.tiles_area.viewport()
        if viewport is not None:
            viewport.installEventFilter(self)
        self.tiles_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # tiles above, legend and charts below, in a splitter: they can never overlap, and a supervisor can
        # give either more room
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tiles_area)
        charts = QWidget()
        below = QVBoxLayout(charts)
        below.setContentsMargins(0, 4, 0, 0)
        self.legend_title = QLabel()
        self.legend_title.setProperty("role", "dim")
        below.addWidget(self.legend_title)
        self.legend = Legend()
        below.addWidget(self.legend)
        self.plots: dict[str, pg.PlotWidget] = {}
        self.plot_titles: dict[str, QLabel] = {}
        plots = QHBoxLayout()  # side by side: each keeps a readable height at 1366×768
        for name, _title in SERIES:
            column = QVBoxLayout()
            title = QLabel()  # a label, not the plot's own title: it wraps instead of being cut off
            title.setWordWrap(True)
            title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            title.setProperty("role", "plot-title")
            column.addWidget(title)
            self.plot_titles[name] = title
            plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()}, background="w")
            plot.setMinimumHeight(170)
            plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            plot.showGrid(x=True, y=True, alpha=0.25)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setTextPen(pg.mkPen(theme.TEXT.name()))
                plot.getAxis(axis).setPen(pg.mkPen(theme.DIM.name()))
            if name == "frustration_share":
                plot.setYRange(0, 1)
            column.addWidget(plot, 1)
            plots.addLayout(column)
            self.plots[name] = plot
        below.addLayout(plots, 1)
        self.splitter.addWidget(charts)
        outer.addWidget(self.splitter, 1)
        self._split_for = (-1, -1)
        self.setCentralWidget(central)
        self.setStyleSheet(theme.qss())
        self.resize(1000, 900)
        self.connected = False
        self.retranslate()

    # -- text ----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lugn – team overview"))
        self.range_label.setText(self.tr("Time range:"))
        for kind, b in self.range_button.items():
            b.setText(QCoreApplication.translate("DashboardWindow", RANGE_NAMES[kind]))
            b.setAccessibleName(self.tr("Show: %1").replace("%1", b.text()))
        self.export_button.setText(self.tr("Export CSV…"))
        self.export_button.setAccessibleName(self.tr("Export what is shown as CSV"))
        self.legend_title.setText(self.tr("Teams in the charts:"))
        for name, title in SERIES:
            self.plot_titles[name].setText(QCoreApplication.translate("DashboardWindow", title))
            self.plots[name].setAccessibleName(self.plot_titles[name].text())
        self.set_connection(self.connected, "")
        self.refresh()

    def changeEvent(self, e: QEvent | None) -> None:
        if e is not None and e.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(e)

    def set_connection(self, up: bool, detail: str = "") -> None:
        self.connected = up
        if up:
            self.status.setText(self.tr("Connected: live team summaries"))
        elif not self.model.teams:
            self.status.setText(self.tr("Connecting…") + (f" ({detail})" if detail else ""))
        else:
            self.status.setText(self.tr("Not connected: reconnecting…") + (f" ({detail})" if detail else ""))
        self.status.setProperty("role", "status-ok" if up else "status-warn")
        theme.repolish(self.status)

    # -- data ----------------------------------------------------------------------------------------------
    def bounds(self) -> tuple[int, int]:
        return range_bounds(self.range, self._clock(), self.shifts)

    def set_range(self, kind: str) -> None:
        self.range = kind
        self.range_button[kind].setChecked(True)
        self.refresh()

    def on_summary(self, summary: Summary) -> None:
        self.model.update(summary)
        self.refresh()

    def refresh(self) -> None:
        start, end = self.bounds()
        multi_site = len(self.model.sites()) > 1
        for key, view in sorted(self.model.teams.items()):
            if key not in self.tiles:
                self.tiles[key] = TeamTile(*key, show_site=multi_site)
            self.tiles[key].fill(view.totals(start, end), view.k)
        for site in self.model.sites():
            if site not in self.site_tiles:
                self.site_tiles[site] = SiteTile(site)
            k = max(v.k for (s, _t), v in self.model.teams.items() if s == site)
            self.site_tiles[site].fill_site(self.model.site_rollup(site, start, end), k)
        self._relayout(force=True)
        entries = []
        for key in sorted(self.model.teams):
            # a team keeps its colour from the moment it first appears (lines and legend agree)
            colour = self._colours.setdefault(key, QColor(PALETTE[len(self._colours) % len(PALETTE)]))
            tile = self.tiles[key]
            name = self.tiles[key].title.text()
            entries.append((name, colour, tile.suppressed))
            self._plot_team(key, name, colour, start, end)
        self.legend.set_entries(entries)
        # from the first period shown (not from midnight when the day's data begins at 14:00)
        firsts = [
            min(b for b in v.buckets if start <= b < end)
            for v in self.model.teams.values()
            if v.in_range(start, end)
        ]
        spans = [v.buckets[max(v.buckets)].bucket_s for v in self.model.teams.values() if v.buckets]
        x0 = max(start, min(firsts) - max(spans, default=0)) if firsts else start
        for plot in self.plots.values():
            plot.setXRange(x0, end, padding=0.01)
        k = max((v.k for v in self.model.teams.values()), default=5)
        self.note.setText(
            self.tr(
                "Team figures only: no agent can be seen on their own. "
                "A team period with fewer than %1 agents shows no figures."
            ).replace("%1", i18n.fmt_int(k))
        )

    def _plot_team(self, key: tuple[str, str], name: str, colour: QColor, start: int, end: int) -> None:
        view = self.model.teams[key]
        for series, _title in SERIES:
            xs, ys = view.series(series, start, end)
            curve = self._curves.get((*key, series))
            if curve is None:
                curve = self.plots[series].plot(
                    pen=pg.mkPen(colour, width=2.5),
                    symbol="o",
                    symbolSize=6,
                    symbolBrush=colour,
                    symbolPen=colour,
                    connect="finite",
                )
                self._curves[(*key, series)] = curve
            if all(math.isnan(y) for y in ys):  # all suppressed: nothing to draw (not a zero line)
                xs, ys = [], []
            curve.setData(xs, ys, connect="finite")

    # -- layout --------------------------------------------------------------------------------------------
    def all_tiles(self) -> list[Tile]:
        return [*self.site_tiles.values(), *(self.tiles[k] for k in sorted(self.tiles))]

    def _relayout(self, force: bool = False) -> None:
        viewport = self.tiles_area.viewport()
        width = viewport.width() if viewport is not None and self.isVisible() else self.width() - 40
        widest = max([theme.TILE_MIN_W, *(t.minimumSizeHint().width() for t in self.all_tiles())])
        columns = max(1, (width + self.tile_grid.spacing()) // (widest + self.tile_grid.spacing()))
        if columns == self._columns and not force:
            self._fit_first_row()
            return
        self._columns = columns
        for tile in self.all_tiles():
            self.tile_grid.removeWidget(tile)
        tiles = self.all_tiles()
        for n, tile in enumerate(tiles):
            self.tile_grid.addWidget(tile, n // columns, n % columns, Qt.AlignmentFlag.AlignTop)
        for c in range(self.tile_grid.columnCount()):
            self.tile_grid.setColumnStretch(c, 1 if c < columns else 0)
        rows = -(-len(tiles) // columns)
        for r in range(max(rows + 1, self.tile_grid.rowCount())):
            self.tile_grid.setRowStretch(r, 1 if r >= rows else 0)  # rows keep their own height
        self._fit_first_row()

    def _fit_first_row(self) -> None:
        """The tiles get the height they need, up to 55 % of the splitter (then they scroll), and always
        their first row whole; the charts keep the rest. Set when the tiles change, not on every resize, so a
        supervisor's own split stays."""
        columns = max(1, self._columns)
        tiles = self.all_tiles()
        viewport = self.tiles_area.viewport()
        room = viewport.width() if viewport is not None else self.width()
        width = max(theme.TILE_MIN_W, room // columns - 10)
        rows: list[int] = []
        for n, t in enumerate(tiles):
            lay = t.layout()
            h = lay.totalHeightForWidth(width) if lay is not None and lay.hasHeightForWidth() else -1
            h = max(h, t.sizeHint().height())
            if n % columns == 0:
                rows.append(h)
            else:
                rows[-1] = max(rows[-1], h)
        spacing = self.tile_grid.spacing()
        need = sum(rows) + spacing * max(0, len(rows) - 1) + 8
        first = (rows[0] + 8) if rows else 0
        total = sum(self.splitter.sizes()) or self.splitter.height()
        key = (len(tiles), columns)
        first_row_cut = self.splitter.sizes()[0] < first
        if (key == self._split_for and not first_row_cut) or total <= 0:
            return
        self._split_for = key
        charts_min = self.splitter.widget(1).minimumSizeHint().height()  # type: ignore[union-attr]
        top = min(total - charts_min, max(first, min(need, int(total * 0.55))))
        self.splitter.setSizes([max(60, top), max(charts_min, total - top)])

    def eventFilter(self, obj: QObject | None, e: QEvent | None) -> bool:
        if e is not None and e.type() == QEvent.Type.Resize and obj is self.tiles_area.viewport():
            self._relayout()  # the tiles' columns follow the room they really have
        return False

    def resizeEvent(self, e: QResizeEvent | None) -> None:
        super().resizeEvent(e)
        columns = max(1, self.width() // 210)
        if columns != self.legend.columns:
            self.legend.columns = columns
            if self.model.teams:
                self.refresh()
        self._fit_first_row()

    # -- export --------------------------------------------------------------------------------------------
    def export_csv(self, path: Path) -> Path:
        start, end = self.bounds()
        path.write_text(self.model.csv_text(start, end), encoding="utf-8")
        return path

    def _ask_export(self) -> None:
        name = f"lugn-teams-{self.range}-{time.strftime('%Y%m%d-%H%M')}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV…"), name, self.tr("CSV files (*.csv)")
        )
        if path:
            try:
                self.export_csv(Path(path))
                message, ms = self.tr("Saved %1").replace("%1", path), 8000
            except OSError as exc:
                message, ms = self.tr("Not saved: %1").replace("%1", str(exc)), 12000
            bar = self.statusBar()
            if bar is not None:
                bar.showMessage(message, ms)
