"""The supervisor view from summaries (the payloads the aggregator publishes): readable at its default size
and at 1366×768 in every language, a legend that lists every team and covers no chart, time ranges, the site
roll-up, the CSV export, kept history, numbers in the language's format and contrast. The same window fed by a
real broker and aggregator is in test_dashboard.py."""

from __future__ import annotations

import csv
import io
import random
import re
from datetime import datetime
from pathlib import Path

import pytest
from PyQt6.QtCore import QPoint, QRect
from PyQt6.QtWidgets import QLabel, QWidget

from device.protocol.payloads import BucketSummary, Counts, Summary
from ui import i18n
from ui.agent import a11y
from ui.agent.coaching.style import overflowing
from ui.supervisor.model import DashboardModel, parse_shifts, range_bounds
from ui.supervisor.window import DashboardWindow

BUCKET = 900
# Wed 2026-03-11 10:20 local time: inside the 06:00 shift
NOW = int(datetime(2026, 3, 11, 10, 20).timestamp())
TEAMS = (("support", 8), ("billing", 6), ("sales", 7), ("nightowls", 3))


def summaries(
    site: str = "malmo", teams=TEAMS, hours: float = 30, now: int = NOW, seed: int = 7
) -> list[Summary]:
    """One summary per team with a bucket every 15 min for ``hours``; teams under 5 seats are suppressed."""
    rng = random.Random(seed)
    out = []
    last = now // BUCKET * BUCKET
    for team, seats in teams:
        buckets = []
        for i in range(int(hours * 4), 0, -1):
            start = last - i * BUCKET
            if seats < 5:
                buckets.append(BucketSummary(bucket_start=start, bucket_s=BUCKET, suppressed=True))
                continue
            calls = seats * rng.randint(2, 4)
            fr = rng.randint(1, calls // 3)
            de = rng.randint(0, fr)
            counts = Counts(
                calls=calls,
                calls_frustrated=fr,
                frustrated_s=fr * 40,
                deescalations=de,
                tips_shown=2 * fr,
                tips_dismissed=fr // 2,
                breathing_offered=seats // 2 + 1,
                breathing_taken=rng.randint(0, seats // 2 + 1),
            )
            buckets.append(
                BucketSummary(
                    bucket_start=start,
                    bucket_s=BUCKET,
                    suppressed=False,
                    contributors=seats,
                    counts=counts,
                    frustrated_call_share=fr / calls,
                    deescalation_rate=de / fr,
                )
            )
        out.append(Summary(site=site, team=team, k=5, generated_at=last, buckets=buckets[-96:]))
    return out


@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = DashboardWindow(history=tmp_path / "history.jsonl", clock=lambda: NOW)
    qtbot.addWidget(win)
    for s in summaries():
        win.on_summary(s)
    win.set_connection(True)
    win.show()
    qtbot.waitExposed(win)
    return win


def _rect(w: QWidget, root: QWidget) -> QRect:
    return QRect(w.mapTo(root, QPoint(0, 0)), w.size())


def _clipped(win: DashboardWindow) -> list[str]:
    out = [o for t in win.all_tiles() for o in overflowing(t)]
    for lab in [win.status, win.note, win.legend_title, *win.plot_titles.values()]:
        out += [o for o in overflowing(lab.parentWidget() or lab) if lab.objectName() in o] if False else []
        need = lab.heightForWidth(lab.width()) if lab.wordWrap() else lab.sizeHint().height()
        if lab.isVisible() and need > lab.height() + 1:
            out.append(f"{lab.text()!r} needs {need}px > {lab.height()}px")
    for b in [*win.range_button.values(), win.export_button]:
        if b.sizeHint().width() > b.width() + 1:
            out.append(f"button {b.text()!r}")
    for _sw, lab in win.legend.entries.values():
        if lab.sizeHint().width() > lab.width() + 1:
            out.append(f"legend {lab.text()!r}")
    return out


@pytest.mark.parametrize("size", [(1000, 900), (1366, 768)])
@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_readable_at_default_size_and_1366x768(qtbot, window, artifacts_dir: Path, lang: str, size) -> None:
    i18n.install_translators(lang)
    window.resize(*size)
    qtbot.wait(20)
    assert _clipped(window) == []
    # at least one full row of tiles is visible without scrolling
    first = window.all_tiles()[0]
    assert window.tiles_area.viewport().rect().contains(_rect(first, window.tiles_area.viewport()))
    # the legend names every team and covers none of the charts
    assert len(window.legend.entries) == len(TEAMS)
    legend = _rect(window.legend, window)
    for plot in window.plots.values():
        assert not legend.intersects(_rect(plot, window))
    shown = [t for t in window.tiles.values() if not t.suppressed]
    hidden = [t for t in window.tiles.values() if t.suppressed]
    assert len(shown) == 3 and [t.team for t in hidden] == ["nightowls"]
    if lang in ("en", "sv") and size == (1000, 900):
        out = artifacts_dir / "ux" / "dashboard"
        out.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(out / f"dashboard_default_{lang}.png"))
    if lang == "en" and size == (1366, 768):
        assert window.grab().save(str(artifacts_dir / "ux" / "dashboard" / "dashboard_1366x768_en.png"))
    i18n.install_translators("en")


def test_numbers_in_the_languages_format_and_no_letter_k(qtbot, window) -> None:
    for lang, decimal, percent in (
        ("sv", ",", "\u00a0%"),
        ("nb", ",", "\u00a0%"),
        ("fi", ",", "\u00a0%"),
        ("en", ".", "%"),
    ):
        i18n.install_translators(lang)
        qtbot.wait(1)
        text = "\n".join(t.figures_text() for t in window.all_tiles())
        assert re.search(rf"\d{re.escape(decimal)}\d\d ", text), (lang, text[:200])
        assert re.search(rf"\d+{percent}", text), lang
        labels = [w.text() for w in window.findChildren(QLabel)]
        assert not any(re.search(r"\bk\b", t) for t in labels), "the letter k shown to supervisors"
        assert not any("/call" in t for t in labels)
        if lang == "en":
            assert "1,0" not in text or "," in text  # thousands separators allowed in English
        else:
            assert not re.search(r"\d\.\d\d ", text), f"{lang}: decimal point"
    i18n.install_translators("en")


def test_time_ranges() -> None:
    shifts = parse_shifts("06:00,14:00,22:00")
    start, end = range_bounds("shift", NOW, shifts)
    assert datetime.fromtimestamp(start).strftime("%H:%M") == "06:00" and end > NOW
    early = int(datetime(2026, 3, 11, 3, 0).timestamp())  # before the first shift: last night's is on
    s2, _ = range_bounds("shift", early, shifts)
    assert datetime.fromtimestamp(s2) == datetime(2026, 3, 10, 22, 0)
    today, _ = range_bounds("today", NOW, shifts)
    assert datetime.fromtimestamp(today) == datetime(2026, 3, 11, 0, 0)
    week, _ = range_bounds("week", NOW, shifts)
    assert NOW - week == 7 * 86_400
    for bad in ("25:00", "6", "", "ab:cd"):
        with pytest.raises(ValueError):
            parse_shifts(bad)


def test_ranges_change_what_the_tiles_sum(window) -> None:
    support = window.tiles[("malmo", "support")]
    by_range = {}
    for kind in ("shift", "today", "week"):
        window.set_range(kind)
        calls = support.rows[0][1].text()
        by_range[kind] = int(re.sub(r"\D", "", calls))
    # 06:00-10:20 < 00:00-10:20 < the 24 h the summaries hold
    assert by_range["shift"] < by_range["today"] < by_range["week"]


def test_site_rollup_adds_only_shown_teams(window) -> None:
    start, end = window.bounds()
    model = window.model
    total = model.site_rollup("malmo", start, end)
    assert total is not None and total.teams == ("billing", "sales", "support")
    assert total.teams_left_out == ("nightowls",)
    parts = [model.teams[("malmo", t)].totals(start, end) for t in total.teams]
    assert total.counts.calls == sum(p.counts.calls for p in parts if p is not None)
    site = window.site_tiles["malmo"]
    assert "nightowls" in site.footer.text() and "3 of 4 teams" in site.state.text()


def test_two_sites_each_get_a_rollup(qtbot, tmp_path: Path) -> None:
    win = DashboardWindow(clock=lambda: NOW)
    qtbot.addWidget(win)
    for s in [*summaries("malmo"), *summaries("tampere", (("care", 9), ("tiny", 2)))]:
        win.on_summary(s)
    assert set(win.site_tiles) == {"malmo", "tampere"}
    assert win.tiles[("tampere", "care")].title.text() == "care (tampere)"  # several sites: named in titles


def test_csv_export_is_what_is_shown(window, tmp_path: Path) -> None:
    window.set_range("shift")
    path = window.export_csv(tmp_path / "out.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    start, end = window.bounds()
    team_rows = [r for r in rows if r["figures"] in ("shown", "hidden")]
    per_team = len([b for b in window.model.teams[("malmo", "support")].buckets if start <= b < end])
    assert len(team_rows) == per_team * len(TEAMS)
    hidden = [r for r in team_rows if r["figures"] == "hidden"]
    assert {r["team"] for r in hidden} == {"nightowls"} and all(r["calls"] == "" for r in hidden)
    site = [r for r in rows if r["figures"] == "site total"]
    assert len(site) == 1 and site[0]["team"] == "billing+sales+support"
    shown_calls = sum(int(r["calls"]) for r in team_rows if r["figures"] == "shown")
    assert int(site[0]["calls"]) == shown_calls
    tile_calls = int(re.sub(r"\D", "", window.site_tiles["malmo"].rows[0][1].text()))
    assert tile_calls == shown_calls, "the export and the screen must agree"


def test_history_survives_a_restart_and_forgets_after_a_week(qtbot, tmp_path: Path) -> None:
    history = tmp_path / "history.jsonl"
    old = summaries(teams=(("support", 8),), now=NOW - 3 * 86_400, hours=4)
    m = DashboardModel(history, clock=lambda: NOW)
    for s in [*old, *summaries(teams=(("support", 8),), hours=4)]:
        m.update(s)
    again = DashboardModel(history, clock=lambda: NOW)
    assert len(again.teams[("malmo", "support")].buckets) == 32  # both days' buckets are back
    history.write_text(history.read_text() + "not json\n")
    assert DashboardModel(history, clock=lambda: NOW).invalid == 1
    assert DashboardModel(history, clock=lambda: NOW + 9 * 86_400).teams == {}  # a week later: forgotten


def test_dashboard_text_contrast_is_aa(window) -> None:
    pairs = a11y.text_contrasts(window)
    for tile in window.all_tiles():  # each tile on its own: some are scrolled out of the window's view
        pairs += a11y.text_contrasts(tile)
    assert len(pairs) > 30
    assert [p for p in pairs if p[2] < 4.5] == []
    for b in [*window.range_button.values(), window.export_button]:
        assert b.accessibleName()


def test_late_releases_count_in_their_range_and_export(qtbot) -> None:
    from device.protocol.payloads import LateRelease

    win = DashboardWindow(clock=lambda: NOW)
    qtbot.addWidget(win)
    base = summaries(teams=(("support", 8),), hours=4)[0]
    first = NOW // BUCKET * BUCKET - 8 * BUCKET
    late = LateRelease(
        released_at=NOW - 60,
        first_bucket_start=first,
        last_bucket_end=first + 2 * BUCKET,
        contributors=5,
        counts=Counts(calls=7, calls_frustrated=2, frustrated_s=60),
    )
    win.on_summary(base)
    start, end = win.bounds()
    before = win.model.teams[("malmo", "support")].totals(start, end)
    win.on_summary(base.model_copy(update={"late": [late]}))
    after = win.model.teams[("malmo", "support")].totals(start, end)
    assert before is not None and after is not None and after.late == 1
    assert after.counts.calls == before.counts.calls + 7
    assert "late release" in win.tiles[("malmo", "support")].footer.text()
    rows = list(csv.DictReader(io.StringIO(win.model.csv_text(start, end))))
    assert [r["agents"] for r in rows if r["figures"] == "late release"] == ["5"]
