"""The pilot's wording findings stay fixed (issue #14, point 6): the Swedish state never reads as the
product's name, the tray tooltip sets the name apart, and the listed phrases read as a native speaker would
write them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from device.events import Trend
from ui import i18n
from ui.agent import look
from ui.agent.coaching import texts
from ui.agent.state import IndicatorState, View
from ui.agent.tray import TrayController


def _catalogue(name: str) -> dict[str, str]:
    root = ET.parse(i18n.I18N_DIR / f"{name}.ts").getroot()
    return {
        m.findtext("source") or "": (m.findtext("translation") or "")
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    }


def test_swedish_state_is_not_the_product_name(qapp, built_catalogues) -> None:
    i18n.install_translators("sv")
    titles = {look.state_title(s) for s in IndicatorState}
    assert "Lugn" not in titles and look.state_title(IndicatorState.CALM) == "Sansad"
    assert not texts.pattern_paced().startswith("Lugn")
    tray = TrayController()
    tray.set_view(View(IndicatorState.CALM, Trend.STEADY))
    name, state = tray.tooltip().split("\n")
    assert name == "Lugn" and state == "Kundens ton: Sansad"
    tray.hide()


@pytest.mark.parametrize(
    ("catalogue", "must", "must_not"),
    [
        ("coach_sv", ["En minut med lugn andning. Följ cirkeln."], ["minut av lugn"]),
        ("supervisor_sv", ["Visade tips", "Tagna andningspauser"], ["Tips visade", "Andningspauser tagna"]),
        ("supervisor_nb", ["Viste tips", "Tatte pustepauser"], ["Tips vist", "Pustepauser tatt"]),
        (
            "coach_fi",
            ["Näin voin auttaa teitä heti."],
            ["Tämän voin tehdä asian eteen heti."],
        ),
        ("agent_fi", ["Tauota analyysi"], ["Keskeytä analyysi"]),
        (
            "supervisor_fi",
            ["Rauhoittumiset suhteessa turhautuneisiin puheluihin"],
            ["Rauhoittumiset turhautunutta puhelua kohden", "Alle %1 agenttia osallistui"],
        ),
    ],
)
def test_listed_wording_is_fixed(catalogue: str, must: list[str], must_not: list[str]) -> None:
    translations = set(_catalogue(catalogue).values())
    text = "\n".join(translations)
    for phrase in must:
        assert any(phrase in t for t in translations), f"{catalogue}: {phrase!r} missing"
    for phrase in must_not:
        assert phrase not in text, f"{catalogue}: {phrase!r} is back"


@pytest.mark.parametrize("lang", ["sv", "nb", "fi"])
def test_no_english_units_or_letter_k_in_supervisor_catalogues(lang: str) -> None:
    for source, translation in _catalogue(f"supervisor_{lang}").items():
        assert "/call" not in translation and " k " not in f" {translation} ", (source, translation)
