"""Coaching widgets offscreen: screenshots in every language, the presenter, the breathing guide."""

from __future__ import annotations

from pathlib import Path

import pytest
from PyQt6.QtCore import Qt
from test_coaching_i18n import build_coach_catalogues

from device.coach.events import (
    BreathingOffered,
    BreathingPattern,
    BreathingReason,
    BreathingWithdrawn,
    CallNote,
    CallNoteFaded,
    CueKind,
    DeliveryCue,
    TipDismissed,
    TipKind,
    TipShown,
)
from ui import i18n
from ui.agent.coaching import CoachingPresenter, phase_at, texts
from ui.agent.coaching import breathing as breathing_mod
from ui.agent.coaching.style import overflowing


def tip(kind: TipKind = TipKind.ACKNOWLEDGE, t: float = 18.0) -> TipShown:
    return TipShown(t_s=t, tip=kind, display_s=15.0, tip_number=1)


def cue(kind: CueKind = CueKind.TALK_OVER) -> DeliveryCue:
    return DeliveryCue(t_s=41.5, cue=kind, value=1.5, reference=1.0, unit="s", display_s=6.0)


def offer(
    reason: BreathingReason = BreathingReason.FRUSTRATED_SHARE, box: bool = False, can_snooze: bool = True
) -> BreathingOffered:
    phases = (4.0, 4.0, 4.0, 4.0) if box else (4.0, 0.0, 6.0, 0.0)
    return BreathingOffered(
        t_s=100.0,
        reason=reason,
        pattern=BreathingPattern.BOX if box else BreathingPattern.PACED,
        duration_s=60.0,
        inhale_s=phases[0],
        hold_in_s=phases[1],
        exhale_s=phases[2],
        hold_out_s=phases[3],
        can_snooze=can_snooze,
    )


NOTE = CallNote(t_s=100.0, call_s=312.0, frustrated_s=130.0, eased=True, tips_shown=(TipKind.ACKNOWLEDGE,))


@pytest.fixture
def coach_catalogues() -> dict[str, Path]:
    return build_coach_catalogues()


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):
    yield
    i18n.install_translators("en")


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_screenshots_in_every_language(
    qtbot, presenter: CoachingPresenter, coach_catalogues, artifacts_dir: Path, lang: str
) -> None:
    out = artifacts_dir / "coaching" / lang
    out.mkdir(parents=True, exist_ok=True)
    i18n.install_translators(lang)
    presenter.handle(tip(TipKind.ACKNOWLEDGE))
    presenter.handle(cue(CueKind.TALK_OVER))
    presenter.handle(NOTE)
    qtbot.wait(1)
    for name, widget in (("tip_card", presenter.tip_card), ("delivery_cue", presenter.cue_chip)):
        assert widget.isVisible() and overflowing(widget) == []
        widget.grab().save(str(out / f"{name}.png"))
    presenter.note_card.grab().save(str(out / "call_note.png"))
    presenter.panel.grab().save(str(out / "panel.png"))
    presenter.handle(offer())
    qtbot.wait(1)
    overlay = presenter.breathing
    assert overlay.isVisible() and overflowing(overlay.panel) == []
    overlay.grab().save(str(out / "breathing_offer.png"))
    overlay.start_guide()
    overlay.set_elapsed(2.5)
    assert overflowing(overlay.panel) == []
    overlay.grab().save(str(out / "breathing_guide.png"))
    box = offer(BreathingReason.REQUESTED, box=True)
    presenter.handle(box)
    overlay.start_guide()
    overlay.set_elapsed(6.0)  # holding, at the top of the square
    overlay.grab().save(str(out / "breathing_box.png"))
    for f in ("tip_card", "delivery_cue", "call_note", "breathing_offer", "breathing_guide", "breathing_box"):
        assert (out / f"{f}.png").stat().st_size > 2000
    if lang != "en":
        assert presenter.tip_card.title.text() != "Name the feeling before the facts"


def test_dismiss_by_button_or_shortcut_slot(qtbot, presenter: CoachingPresenter) -> None:
    presenter.handle(tip(TipKind.LET_FINISH))
    assert presenter.tip_card.isVisible()
    with qtbot.waitSignal(presenter.dismissed) as sig:
        qtbot.mouseClick(presenter.tip_card.close_button, Qt.MouseButton.LeftButton)
    assert sig.args == [TipKind.LET_FINISH]
    qtbot.waitUntil(lambda: not presenter.tip_card.isVisible(), timeout=2000)
    presenter.handle(tip(TipKind.THANK))
    with qtbot.waitSignal(presenter.dismissed) as sig:
        presenter.dismiss_current()
    assert sig.args == [TipKind.THANK]
    # the coach's confirmation of a dismissal does not come back as a second dismissal
    with qtbot.assertNotEmitted(presenter.dismissed):
        presenter.handle(TipDismissed(t_s=20.0, tip=TipKind.THANK))


def test_esc_dismisses_the_tip(qtbot, presenter: CoachingPresenter) -> None:
    presenter.handle(tip())
    presenter.panel.activateWindow()
    with qtbot.waitSignal(presenter.dismissed):
        presenter.tip_card.shortcut.activated.emit()  # what Esc triggers (no keyboard focus offscreen)
    assert presenter.tip_card.shortcut.key().toString() == "Esc"


def test_tip_and_cue_hide_after_their_display_time(qtbot, presenter: CoachingPresenter) -> None:
    presenter.handle(TipShown(t_s=1.0, tip=TipKind.THANK, display_s=0.2, tip_number=1))
    presenter.handle(
        DeliveryCue(t_s=1.0, cue=CueKind.SILENCE, value=25, reference=25, unit="s", display_s=0.2)
    )
    assert presenter.panel.isVisible()
    qtbot.waitUntil(lambda: not presenter.panel.isVisible(), timeout=3000)


def test_breathing_answers(qtbot, presenter: CoachingPresenter, monkeypatch) -> None:
    overlay = presenter.breathing
    presenter.handle(offer(can_snooze=False))
    assert overlay.isVisible() and not overlay.later.isVisibleTo(overlay)
    with qtbot.waitSignal(presenter.breathingResult) as sig:
        qtbot.mouseClick(overlay.skip, Qt.MouseButton.LeftButton)
    assert sig.args == ["skipped"] and not overlay.isVisible()

    presenter.handle(offer())
    assert overlay.later.isVisibleTo(overlay)
    with qtbot.waitSignal(presenter.breathingResult) as sig:
        qtbot.mouseClick(overlay.later, Qt.MouseButton.LeftButton)
    assert sig.args == ["snoozed"]

    monkeypatch.setattr(breathing_mod, "DONE_MS", 20)
    presenter.handle(offer())
    qtbot.mouseClick(overlay.start, Qt.MouseButton.LeftButton)
    assert overlay.pages.currentIndex() == 1
    with qtbot.waitSignal(presenter.breathingResult) as sig:
        overlay.set_elapsed(60.0)  # the minute is over: "well done", then it closes
        assert overlay.pages.currentIndex() == 2
    assert sig.args == ["taken"]

    presenter.handle(offer())
    overlay.start_guide()
    overlay.set_elapsed(3.0)  # stopped inside the first breath: not taken
    with qtbot.waitSignal(presenter.breathingResult) as sig:
        qtbot.mouseClick(overlay.stop, Qt.MouseButton.LeftButton)
    assert sig.args == ["skipped"]


def test_an_unanswered_offer_is_withdrawn_silently(qtbot, presenter: CoachingPresenter) -> None:
    presenter.handle(offer())
    with qtbot.assertNotEmitted(presenter.breathingResult):
        presenter.handle(BreathingWithdrawn(t_s=150.0))
    assert not presenter.breathing.isVisible()


def test_guide_runs_on_its_own_clock(qtbot, presenter: CoachingPresenter) -> None:
    presenter.handle(offer())
    presenter.breathing.start_guide()
    qtbot.waitUntil(lambda: presenter.breathing.elapsed_s > 0.2, timeout=3000)
    assert presenter.breathing.guide.phase().name == "in"


def test_pattern_switch_on_the_offer(presenter: CoachingPresenter) -> None:
    presenter.handle(offer())
    presenter.breathing.box.click()
    o = presenter.breathing.offer
    assert o is not None and o.pattern is BreathingPattern.BOX and o.cycle_s == 16.0
    presenter.breathing.paced.click()
    o = presenter.breathing.offer
    assert o is not None and (o.inhale_s, o.exhale_s, o.cycle_s) == (4.0, 6.0, 10.0)


def test_full_screen_option(qtbot, presenter: CoachingPresenter, artifacts_dir: Path) -> None:
    presenter.handle(offer())
    overlay = presenter.breathing
    overlay.start_guide()
    overlay.full.click()
    screen = overlay.screen()
    assert overlay.fullscreen and screen is not None and overlay.geometry() == screen.geometry()
    overlay.set_elapsed(7.0)
    (artifacts_dir / "coaching").mkdir(parents=True, exist_ok=True)
    overlay.grab().save(str(artifacts_dir / "coaching" / "breathing_fullscreen_en.png"))
    overlay.full.click()
    assert not overlay.fullscreen and overlay.width() == breathing_mod.PANEL_W


def test_note_stays_until_the_next_call_then_fades(qtbot, presenter: CoachingPresenter) -> None:
    presenter.handle(NOTE)
    assert presenter.note_card.eased.text() == texts.note_eased(True)
    assert "2 min 10 s" in presenter.note_card.frustrated.text()
    qtbot.wait(300)
    assert presenter.note_card.isVisible()
    presenter.handle(CallNoteFaded(t_s=200.0))
    qtbot.waitUntil(lambda: not presenter.note_card.isVisible(), timeout=3000)
    calm = CallNote(t_s=300.0, call_s=60.0, frustrated_s=0.0, eased=None, tips_shown=())
    presenter.handle(calm)
    assert presenter.note_card.frustrated.text() == texts.note_calm()
    assert not presenter.note_card.eased.isVisibleTo(presenter.note_card)
    assert presenter.note_card.tips.text() == texts.note_tips(0)


def test_live_language_switch_reaches_a_card_on_screen(
    qtbot, presenter: CoachingPresenter, coach_catalogues
) -> None:
    presenter.handle(tip(TipKind.SOLUTION_FOCUS))
    assert presenter.tip_card.title.text() == "Move on to what you can do now"
    i18n.install_translators("sv")
    qtbot.waitUntil(
        lambda: presenter.tip_card.title.text() == "Gå vidare till det du kan göra nu", timeout=2000
    )


def test_breathing_phases() -> None:
    paced = (4.0, 0.0, 6.0, 0.0)
    assert [(round(t, 1), phase_at(t, *paced).name) for t in (0, 3.9, 4.0, 9.9, 10.0)] == [
        (0, "in"),
        (3.9, "in"),
        (4.0, "out"),
        (9.9, "out"),
        (10.0, "in"),
    ]
    assert phase_at(0.0, *paced).size == 0.0 and phase_at(2.0, *paced).size == pytest.approx(0.5)
    assert phase_at(4.0, *paced).size == pytest.approx(1.0) and phase_at(7.0, *paced).size == pytest.approx(
        0.5
    )
    assert phase_at(5.0, *paced).left_s == pytest.approx(5.0)
    box = (4.0,) * 4
    assert [phase_at(t, *box).name for t in (1, 5, 9, 13, 17)] == ["in", "hold_in", "out", "hold_out", "in"]
    assert phase_at(6.0, *box).size == 1.0 and phase_at(14.0, *box).size == 0.0
    # 60 s at 6 breaths a minute: the sixth breath starts at 50 s, and 60 s starts a seventh
    starts = [t / 10 for t in range(600) if phase_at(t / 10, *paced).name == "in" and (t / 10) % 10 == 0]
    assert starts == [0, 10, 20, 30, 40, 50]


def test_panel_sits_next_to_the_indicator_and_inside_a_kiosk(qtbot) -> None:
    from PyQt6.QtWidgets import QWidget

    anchor = QWidget()
    qtbot.addWidget(anchor)
    anchor.setGeometry(100, 100, 360, 64)
    anchor.show()
    p = CoachingPresenter(anchor=anchor)
    qtbot.addWidget(p.panel)
    p.handle(tip())
    qtbot.wait(1)
    assert p.panel.isVisible()
    top = anchor.mapToGlobal(anchor.rect().bottomLeft()).y()
    assert p.panel.x() == anchor.mapToGlobal(anchor.rect().topLeft()).x() and p.panel.y() > top
    screen = anchor.screen()
    assert screen is not None
    anchor.setGeometry(screen.geometry())  # a full-screen kiosk window
    p.panel.relayout()
    assert screen.availableGeometry().contains(p.panel.geometry())
    p.close_all()
