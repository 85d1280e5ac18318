"""Coaching texts: catalogues complete and in sync with the code, every string translated at run time, and
nothing overflows its widget in any language or under a pseudo-locale that makes every string 40 % longer."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from device.coach.events import BreathingReason, CallNote, CueKind, DeliveryCue, TipKind, TipShown
from ui import i18n
from ui.agent.coaching import CoachingPresenter, texts
from ui.agent.coaching.style import overflowing

ROOT = Path(__file__).resolve().parents[2]
PYLUPDATE = Path(sys.executable).with_name("pylupdate6")
LRELEASE = next(
    (p for p in ("/usr/lib/qt6/bin/lrelease", shutil.which("lrelease6"), shutil.which("lrelease")) if p),
    None,
)
# Units and numbers read the same in every language here.
SAME_EVERYWHERE = {"%1 s", "%1 min %2 s"}


def build_coach_catalogues() -> dict[str, Path]:
    """``ui/i18n/coach_<lang>.qm`` from the committed ``.ts`` when missing or stale."""
    for lang in i18n.LANGUAGES:
        ts = i18n.I18N_DIR / f"coach_{lang}.ts"
        qm = ts.with_suffix(".qm")
        if qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if LRELEASE is None or not Path(LRELEASE).exists():
            pytest.skip("lrelease not installed (apt-get install qt6-l10n-tools)")
        subprocess.run([LRELEASE, "-silent", str(ts), "-qm", str(qm)], check=True)
    return i18n.available_catalogues("coach")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element | None]]:
    root = ET.parse(ts).getroot()
    return [
        (ctx.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    ]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_catalogue_complete(lang: str) -> None:
    ts = i18n.I18N_DIR / f"coach_{lang}.ts"
    msgs = _messages(ts)
    assert len(msgs) >= 50
    problems = []
    for ctx, source, tr in msgs:
        where = f"{ts.name} [{ctx}] {source!r}"
        text = (tr.text or "") if tr is not None else ""
        if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{where}: unfinished")
        elif not text.strip():
            problems.append(f"{where}: empty")
        elif lang != "en" and text == source and source not in SAME_EVERYWHERE:
            problems.append(f"{where}: left in English")
        for ph in re.findall(r"%\d", source):
            if ph not in text:
                problems.append(f"{where}: placeholder {ph} lost")
    assert problems == []


def test_catalogues_in_sync_with_code(tmp_path: Path) -> None:
    if not PYLUPDATE.exists():
        pytest.skip("pylupdate6 not in the venv")
    fresh = tmp_path / "coach_xx.ts"
    subprocess.run(
        [str(PYLUPDATE), "--no-summary", str(ROOT / "ui" / "agent" / "coaching"), "-ts", str(fresh)],
        check=True,
        cwd=ROOT,
    )
    in_code = {(c, s) for c, s, _ in _messages(fresh)}
    assert len(in_code) >= 50
    for lang in i18n.LANGUAGES:
        committed = {(c, s) for c, s, _ in _messages(i18n.I18N_DIR / f"coach_{lang}.ts")}
        assert in_code - committed == set(), f"coach_{lang}.ts lacks strings from the code (run pylupdate6)"
        assert committed - in_code == set(), f"coach_{lang}.ts has strings the code no longer uses"


def test_tips_are_short() -> None:
    for tip in TipKind:
        assert len(texts.tip_title(tip).split()) <= 12, tip
        assert len(texts.tip_example(tip).split()) <= 12, tip


def _every_text() -> list[tuple[str, Callable[[], str]]]:
    """Every coaching string the UI can show, as (name, producer)."""
    out: list[tuple[str, Callable[[], str]]] = []
    for tip in TipKind:
        out += [(f"tip_title:{tip}", partial(texts.tip_title, tip))]
        out += [(f"tip_example:{tip}", partial(texts.tip_example, tip))]
    for c in CueKind:
        out += [(f"cue_fact:{c}", partial(texts.cue_fact, c)), (f"cue_hint:{c}", partial(texts.cue_hint, c))]
    for r in BreathingReason:
        out += [(f"breathing_reason:{r}", partial(texts.breathing_reason, r))]
    for name in [
        "tip_heading",
        "dismiss_hint",
        "cue_private",
        "breathing_title",
        "breathing_start",
        "breathing_later",
        "breathing_skip",
        "breathing_stop",
        "breathing_fullscreen",
        "pattern_paced",
        "pattern_box",
        "phase_in",
        "phase_hold",
        "phase_out",
        "breathing_done",
        "note_title",
        "note_private",
        "note_calm",
        "close_hint",
    ]:
        out.append((name, getattr(texts, name)))
    out += [
        ("note_eased:True", lambda: texts.note_eased(True)),
        ("note_eased:False", lambda: texts.note_eased(False)),
        ("note_tips:0", lambda: texts.note_tips(0)),
        ("note_tips:2", lambda: texts.note_tips(2)),
        ("note_frustrated", lambda: texts.note_frustrated("X")),
        ("time_left", lambda: texts.time_left("0:42")),
    ]
    return out


@pytest.mark.parametrize("lang", ["sv", "nb", "fi"])
def test_no_coach_string_left_untranslated_at_run_time(qapp, lang: str) -> None:
    build_coach_catalogues()
    i18n.install_translators("en")
    english = {name: fn() for name, fn in _every_text()}
    assert i18n.install_translators(lang) == lang
    untranslated = [name for name, fn in _every_text() if fn() == english[name]]
    i18n.install_translators("en")
    assert untranslated == []


def _show_everything(presenter: CoachingPresenter, qtbot) -> list[str]:
    """Every tip, cue, note variant and breathing page; returns what overflowed."""
    problems: list[str] = []
    for tip in TipKind:
        presenter.handle(TipShown(t_s=1.0, tip=tip, display_s=15.0, tip_number=1))
        qtbot.wait(1)
        problems += [f"tip {tip}: {p}" for p in overflowing(presenter.tip_card)]
    for i, c in enumerate(CueKind):
        presenter.handle(DeliveryCue(t_s=1.0, cue=c, value=1, reference=1, unit="s", display_s=6.0))
        presenter.cue_chip.private.setVisible(i == 0)
        qtbot.wait(1)
        problems += [f"cue {c}: {p}" for p in overflowing(presenter.cue_chip)]
    for eased in (True, False, None):
        tips = (TipKind.ACKNOWLEDGE, TipKind.THANK)
        presenter.handle(CallNote(t_s=1.0, call_s=1000.0, frustrated_s=754.0, eased=eased, tips_shown=tips))
        qtbot.wait(1)
        problems += [f"note {eased}: {p}" for p in overflowing(presenter.note_card)]
    from test_coaching import offer

    overlay = presenter.breathing
    for reason in BreathingReason:
        presenter.handle(offer(reason))
        qtbot.wait(1)
        problems += [f"offer {reason}: {p}" for p in overflowing(overlay.panel)]
    overlay.start_guide()
    for t in (1.0, 5.0):
        overlay.set_elapsed(t)
        qtbot.wait(1)
        problems += [f"guide {t}: {p}" for p in overflowing(overlay.panel)]
    overlay.set_elapsed(61.0)
    problems += [f"done: {p}" for p in overflowing(overlay.panel)]
    return problems


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_string_fits_in_every_language(qtbot, lang: str) -> None:
    build_coach_catalogues()
    i18n.install_translators(lang)
    p = CoachingPresenter()
    qtbot.addWidget(p.panel)
    qtbot.addWidget(p.breathing)
    try:
        assert _show_everything(p, qtbot) == []
    finally:
        p.close_all()
        i18n.install_translators("en")


def test_pseudo_locale_40_percent_longer_still_fits(qtbot, artifacts_dir: Path) -> None:
    i18n.install_translators("en")
    i18n.install_pseudo(1.4)
    assert texts.tip_title(TipKind.THANK).startswith("[Thank them")
    p = CoachingPresenter()
    qtbot.addWidget(p.panel)
    qtbot.addWidget(p.breathing)
    try:
        assert _show_everything(p, qtbot) == []
        out = artifacts_dir / "coaching" / "pseudo"
        out.mkdir(parents=True, exist_ok=True)
        p.handle(TipShown(t_s=1.0, tip=TipKind.APOLOGISE, display_s=15.0, tip_number=1))
        p.handle(DeliveryCue(t_s=1.0, cue=CueKind.TALK_SHARE, value=1, reference=1, unit="s", display_s=6.0))
        qtbot.wait(1)
        p.panel.grab().save(str(out / "panel.png"))
        from test_coaching import offer

        p.handle(offer(BreathingReason.SNOOZED))
        p.breathing.grab().save(str(out / "breathing_offer.png"))
    finally:
        p.close_all()
        i18n.install_translators("en")


def test_overflow_check_can_fail(qtbot) -> None:
    """The fit check itself: a card squeezed too small is reported."""
    p = CoachingPresenter()
    qtbot.addWidget(p.panel)
    p.handle(TipShown(t_s=1.0, tip=TipKind.APOLOGISE, display_s=15.0, tip_number=1))
    p.tip_card.setMaximumHeight(40)
    p.tip_card.setFixedHeight(40)
    qtbot.wait(1)
    assert overflowing(p.tip_card) != []
    p.close_all()
