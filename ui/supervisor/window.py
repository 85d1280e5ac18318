"""The supervisor dashboard: a tile per team and time series of frustration share, de-escalation rate and
breathers taken. A team with fewer than k contributing agents shows an explicit "fewer than k agents" state
and
no figures; its plots show a gap for that bucket."""

from __future__ import annotations

import time

import pyqtgraph as pg
from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PyQt6.QtWidgets import QFrame, QGridLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from device.protocol.payloads import Summary
from ui.supervisor.model import DashboardModel, TeamView

PALETTE = ["#4cb38a", "#5b9bd5", "#e3b341", "#e8735a", "#a77dc2", "#6cc3c9", "#d98fb0", "#9aa64b"]
SERIES = (
    ("frustration_share", QT_TRANSLATE_NOOP("DashboardWindow", "Share of calls with a frustrated customer")),
    ("deescalation_rate", QT_TRANSLATE_NOOP("DashboardWindow", "De-escalations per frustrated call")),
    ("breathers_taken", QT_TRANSLATE_NOOP("DashboardWindow", "Breathers taken")),
)
TILE_COLUMNS = 4


class TeamTile(QFrame):
    def __init__(self, team: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(220)
        lay = QVBoxLayout(self)
        self.title = QLabel(team)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.figures = QLabel()
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.when = QLabel()
        self.when.setStyleSheet("color: #93a4b0;")
        for w in (self.title, self.state, self.figures, self.when):
            lay.addWidget(w)
        lay.addStretch(1)
        self.suppressed = False

    def show_view(self, view: TeamView) -> None:
        b = view.latest
        if b is None:
            return
        start = time.strftime("%H:%M", time.localtime(b.bucket_start))
        end = time.strftime("%H:%M", time.localtime(b.bucket_start + b.bucket_s))
        self.when.setText(self.tr("Bucket %1–%2").replace("%1", start).replace("%2", end))
        self.suppressed = b.suppressed
        if b.suppressed or b.counts is None:
            self.state.setText(
                self.tr("Fewer than %1 agents contributed: no figures shown").replace("%1", str(view.k))
            )
            self.state.setStyleSheet("color: #d9a35b; font-weight: 600;")
            self.figures.setText("")
            self.setStyleSheet("#teamTile { border: 2px dashed #93a4b0; border-radius: 8px; }")
            return
        c = b.counts
        share = f"{100 * b.frustrated_call_share:.0f} %" if b.frustrated_call_share is not None else "–"
        rate = f"{b.deescalation_rate:.2f}" if b.deescalation_rate is not None else "–"
        self.state.setText(self.tr("%1 agents").replace("%1", str(b.contributors)))
        self.state.setStyleSheet("color: #4cb38a; font-weight: 600;")
        rows = [
            (self.tr("Calls"), str(c.calls)),
            (self.tr("Frustrated customer"), f"{c.calls_frustrated} ({share})"),
            (self.tr("De-escalations"), f"{c.deescalations} ({rate}/call)"),
            (self.tr("Breathers taken"), f"{c.breathing_taken} / {c.breathing_offered}"),
            (self.tr("Tips shown"), str(c.tips_shown)),
        ]
        self.figures.setText(
            "<table>"
            + "".join(f"<tr><td>{k}</td><td align='right'>&nbsp;&nbsp;<b>{v}</b></td></tr>" for k, v in rows)
            + "</table>"
        )
        self.setStyleSheet("#teamTile { border: 2px solid #4cb38a; border-radius: 8px; }")


class DashboardWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lugn – team overview"))
        self.model = DashboardModel()
        self.tiles: dict[tuple[str, str], TeamTile] = {}
        self._curves: dict[tuple[str, str, str], pg.PlotDataItem] = {}
        central = QWidget()
        outer = QVBoxLayout(central)
        self.status = QLabel(self.tr("Connecting…"))
        outer.addWidget(self.status)
        self.note = QLabel(
            self.tr(
                "Team figures only: no agent can be seen on their own. "
                "Buckets with fewer than k agents are hidden."
            )
        )
        self.note.setStyleSheet("color: #93a4b0;")
        outer.addWidget(self.note)
        tile_box = QWidget()
        self.tile_grid = QGridLayout(tile_box)
        outer.addWidget(tile_box)
        self.plots: dict[str, pg.PlotWidget] = {}
        for name, title in SERIES:
            plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
            plot.setTitle(QCoreApplication.translate("DashboardWindow", title))
            plot.setMinimumHeight(150)
            plot.addLegend(offset=(5, 5))
            plot.showGrid(x=True, y=True, alpha=0.2)
            if name == "frustration_share":
                plot.setYRange(0, 1)
            outer.addWidget(plot)
            self.plots[name] = plot
        self.setCentralWidget(central)
        self.resize(1000, 900)

    def set_connection(self, up: bool, detail: str = "") -> None:
        if up:
            self.status.setText(self.tr("Connected: live team summaries"))
            self.status.setStyleSheet("color: #4cb38a;")
        else:
            text = self.tr("Not connected: reconnecting…")
            self.status.setText(text + (f" ({detail})" if detail else ""))
            self.status.setStyleSheet("color: #d9a35b;")

    def on_summary(self, summary: Summary) -> None:
        view = self.model.update(summary)
        key = (view.site, view.team)
        tile = self.tiles.get(key)
        if tile is None:
            tile = TeamTile(view.team if view.site == "+" else f"{view.team}")
            tile.setToolTip(f"{view.site}/{view.team}")
            n = len(self.tiles)
            self.tile_grid.addWidget(tile, n // TILE_COLUMNS, n % TILE_COLUMNS)
            self.tiles[key] = tile
        tile.show_view(view)
        colour = PALETTE[list(self.tiles).index(key) % len(PALETTE)]
        for name, _title in SERIES:
            xs, ys = view.series(name)
            curve = self._curves.get((*key, name))
            if curve is None:
                curve = self.plots[name].plot(
                    name=view.team,
                    pen=pg.mkPen(colour, width=2),
                    symbol="o",
                    symbolSize=6,
                    symbolBrush=colour,
                    connect="finite",
                )
                self._curves[(*key, name)] = curve
            if all(y != y for y in ys):  # all suppressed: nothing to draw (not a zero line)
                xs, ys = [], []
            curve.setData(xs, ys, connect="finite")
