"""The agent catalogues: complete, in sync with the code, placeholders kept, and nothing overflows under a
pseudo-locale that makes every string 40 % longer."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from device.events import Trend
from ui import i18n
from ui.agent import look
from ui.agent.state import IndicatorState, View

ROOT = Path(__file__).resolve().parents[2]
# Identical in every language: product name with a placeholder, and the letters "IT".
SAME_EVERYWHERE = {"Lugn: %1", "IT"}
PYLUPDATE = Path(sys.executable).with_name("pylupdate6")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element | None, bool]]:
    root = ET.parse(ts).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            out.append((name, m.findtext("source") or "", m.find("translation"), m.get("numerus") == "yes"))
    return out


def _texts(tr: ET.Element | None, numerus: bool) -> list[str]:
    if tr is None:
        return []
    if numerus:
        return [f.text or "" for f in tr.findall("numerusform")]
    return [tr.text or ""]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_catalogue_complete(lang: str) -> None:
    ts = i18n.I18N_DIR / f"agent_{lang}.ts"
    msgs = _messages(ts)
    assert len(msgs) > 40
    problems = []
    for ctx, source, tr, numerus in msgs:
        texts = _texts(tr, numerus)
        where = f"{ts.name} [{ctx}] {source!r}"
        if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{where}: unfinished")
            continue
        if not texts or any(not t.strip() for t in texts):
            problems.append(f"{where}: empty translation")
            continue
        if lang != "en" and source not in SAME_EVERYWHERE and any(t == source for t in texts):
            problems.append(f"{where}: left in English")
        for ph in re.findall(r"%\d|%n", source):
            if any(ph not in t for t in texts):
                problems.append(f"{where}: placeholder {ph} lost")
    assert problems == []


def test_catalogues_in_sync_with_code(tmp_path: Path) -> None:
    """Every tr() string in ui/agent is in the committed catalogues (run pylupdate6 after a change)."""
    if not PYLUPDATE.exists():
        pytest.skip("pylupdate6 not in the venv")
    fresh = tmp_path / "agent_xx.ts"
    subprocess.run(
        [
            str(PYLUPDATE),
            "--no-summary",
            "--exclude",
            "coaching*",
            str(ROOT / "ui" / "agent"),
            "-ts",
            str(fresh),
        ],
        check=True,
        cwd=ROOT,
    )
    in_code = {(c, s) for c, s, _, _ in _messages(fresh)}
    for lang in i18n.LANGUAGES:
        committed = {(c, s) for c, s, _, _ in _messages(i18n.I18N_DIR / f"agent_{lang}.ts")}
        assert in_code - committed == set(), f"agent_{lang}.ts lacks strings from the code"
        assert committed - in_code == set(), f"agent_{lang}.ts has strings the code no longer uses"


def test_norwegian_is_bokmal_not_swedish_or_danish() -> None:
    nb = {s: _texts(t, n)[0] for _, s, t, n in _messages(i18n.I18N_DIR / "agent_nb.ts")}
    sv = {s: _texts(t, n)[0] for _, s, t, n in _messages(i18n.I18N_DIR / "agent_sv.ts")}
    joined = " ".join(nb.values()).lower()
    # Swedish letters and words, and Danish spellings, have no place in Bokmål.
    for word in (
        "ä",
        "ö",
        "inställ",
        "ljud",
        "avsluta",
        "pausad",
        "indstil",
        "afslut",
        "hovedtelefon",
        "lyt ",
    ):
        assert word not in joined, word
    assert nb["Quit Lugn"] != sv["Quit Lugn"] and nb["Audio"] == "Lyd"


@pytest.mark.parametrize("lang", ["sv", "nb", "fi"])
def test_built_catalogue_is_used(qapp, built_catalogues, lang: str) -> None:
    assert lang in built_catalogues
    i18n.install_translators(lang)
    assert look.state_title(IndicatorState.FRUSTRATED) != "Frustrated" or lang == "en"
    i18n.install_translators("en")
    assert look.state_title(IndicatorState.FRUSTRATED) == "Frustrated"


def test_pseudo_locale_no_overflow(qtbot, qsettings, ui_artifacts: Path) -> None:
    """Every string 40 % longer: the compact indicator and the kiosk view still fit every state."""
    from ui.agent.indicator import IndicatorWindow
    from ui.agent.kiosk import KioskWindow

    i18n.install_translators("en")
    i18n.install_pseudo(1.4)
    assert look.state_title(IndicatorState.CALM).startswith("[Calm")
    win = IndicatorWindow(qsettings)
    qtbot.addWidget(win)
    win.retranslate()
    win.show()
    kiosk = KioskWindow(lambda pin: False)
    qtbot.addWidget(kiosk)
    kiosk.resize(1280, 800)
    kiosk.show()
    out = ui_artifacts / "pseudo"
    out.mkdir(parents=True, exist_ok=True)
    for state in IndicatorState:
        for trend in Trend if state.is_tone else [Trend.STEADY]:
            for view in (win.view, kiosk.view):
                view.set_view(View(state, trend))
                qtbot.wait(1)
                assert view.overflowing_labels() == [], (
                    f"pseudo {state}/{trend} overflows at scale {view.scale}"
                )
        win.grab().save(str(out / f"indicator_{state.value}.png"))
    assert win.view.width() <= 440
    kiosk.grab().save(str(out / "kiosk_frustrated.png"))
    _privacy_strings_fit_under_the_pseudo_locale(qtbot, out)


def _privacy_strings_fit_under_the_pseudo_locale(qtbot, out: Path) -> None:
    """Issue #13's strings, 40 % longer: the caller-notice prompt (desk and kiosk scale), the first-run
    notice, "What leaves this computer" (words and JSON) and the after-call note with its "shared" line."""
    from device.coach.events import CallNote
    from device.config import LugnConfig
    from device.events import CallShared
    from device.metrics.outbox import OutboxRow
    from device.metrics.service import WhatLeaves
    from ui.agent.coaching import style
    from ui.agent.coaching.cards import CallNoteCard
    from ui.agent.notice import NoticeCard
    from ui.agent.privacy import note_shared_line
    from ui.agent.privacy.pages import FirstRunNotice, WhatLeavesView

    assert look.state_title(IndicatorState.WAITING_NOTICE).startswith("[Notice first")
    for scale in (1.0, 2.0):
        card = NoticeCard(scale=scale)
        qtbot.addWidget(card)
        card.keys = {"notice": "Ctrl+Alt+N", "declined": "Ctrl+Alt+O"}
        card.ask()
        assert style.overflowing(card) == [], f"notice prompt at scale {scale}"
        card.grab().save(str(out / f"notice_prompt_x{scale:g}.png"))
    note = CallNoteCard()
    qtbot.addWidget(note)
    counts = (("calls", 1), ("calls_frustrated", 1), ("frustrated_s", 95), ("tips_shown", 2))
    shared = CallShared(60.0, counts, 900, 5)
    note.share_text = lambda _n: note_shared_line(shared)
    note.show_note(CallNote(60.0, 60.0, 95.0, True))
    assert style.overflowing(note) == [], "after-call note with the shared line"
    config = LugnConfig.model_validate({"metrics": {"enabled": True}})
    first = FirstRunNotice()
    qtbot.addWidget(first)
    first.configure(config)
    first.open_page()
    assert style.overflowing(first) == [], "first-run notice"
    first.grab().save(str(out / "first_run_notice.png"))
    payload = b'{"schema":2,"site":"s","team":"t","bucket_start":1800000000,"bucket_s":900,"message_id":"' + (
        b"0" * 32 + b'","counts":{"calls":1}}'
    )
    row = OutboxRow("0" * 32, "lugn/v1/s/t/contrib/ws-1", payload, 1.8e9)
    what = WhatLeaves(
        True, "mqtts://broker:8883", "s", "t", 5, 900, [row], (row, 1.8e9), b'{"state":"online"}', None
    )
    view = WhatLeavesView()
    qtbot.addWidget(view)
    view.refresh(what)
    view.open_page()
    for raw in (False, True):
        if raw:
            view.toggle_raw()
        assert style.overflowing(view) == [], f"what leaves (raw={raw})"
    view.grab().save(str(out / "what_leaves.png"))


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_real_languages_fit_the_kiosk_too(qtbot, built_catalogues, lang: str) -> None:
    from ui.agent.kiosk import KioskWindow

    i18n.install_translators(lang)
    kiosk = KioskWindow(lambda pin: False)
    qtbot.addWidget(kiosk)
    kiosk.resize(1280, 800)
    kiosk.show()
    for state in IndicatorState:
        kiosk.view.set_view(View(state, Trend.RISING))
        qtbot.wait(1)
        assert kiosk.view.overflowing_labels() == []
    assert kiosk.view.width() <= 1280


def test_lrelease_builds_every_catalogue(tmp_path: Path) -> None:
    lrelease = next(
        (p for p in ("/usr/lib/qt6/bin/lrelease", shutil.which("lrelease")) if p and Path(p).exists()), None
    )
    if lrelease is None:
        pytest.skip("lrelease not installed")
    for lang in i18n.LANGUAGES:
        res = subprocess.run(
            [lrelease, str(i18n.I18N_DIR / f"agent_{lang}.ts"), "-qm", str(tmp_path / f"{lang}.qm")],
            capture_output=True,
            text=True,
            check=True,
        )
        m = re.search(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)", res.stdout)
        assert m, res.stdout
        assert int(m.group(3)) == 0, res.stdout
