"""``python -m training.robustness``: the operating point under contact-centre renderings."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from lugn.cli import main as lugn_main
from training import robustness

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests" / "data" / "tiny_corpus"


@pytest.fixture(scope="module")
def report() -> dict:
    return robustness.run(TINY)


def test_clean_and_telephone_rows_agree_with_lugn_eval(report: dict) -> None:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert lugn_main(["eval", str(TINY), "--json"]) == 0
    ev = json.loads(buf.getvalue())["corpora"]["tiny_corpus"]
    rows = {r["rendering"]: r for r in report["renderings"]}
    assert report["out_of_fold"] is True  # tiny_corpus is EmoDB training rows: fold models score it
    assert rows["clean"]["binary_ua"] == pytest.approx(ev["binary_ua"], abs=1e-9)
    assert rows["clean"]["binary_auc"] == pytest.approx(ev["binary_auc"], abs=1e-9)
    assert rows["telephone 8 kHz"]["binary_ua"] == pytest.approx(ev["binary_ua_8khz"], abs=1e-9)


def test_every_rendering_is_scored_and_changes_the_scores(report: dict) -> None:
    rows = report["renderings"]
    assert [r["rendering"] for r in rows] == list(robustness.RENDERINGS)
    for r in rows:
        assert 0.0 <= r["binary_auc"] <= 1.0 and 0.0 <= r["binary_ua_at_best"] <= 1.0
        assert r["binary_ua_at_best"] >= r["binary_ua"] - 1e-12  # best-for-this-rendering is an upper bound
    clean = rows[0]["mean_score_angry"]
    noisy = next(r for r in rows if r["rendering"] == "pink noise 10 dB")["mean_score_angry"]
    assert noisy != pytest.approx(clean, abs=1e-6)


def test_cli_prints_a_table_and_refuses_a_one_class_corpus(tmp_path: Path, capsys) -> None:
    assert robustness.main([str(TINY)]) == 0
    out = capsys.readouterr().out
    assert "shipped threshold" in out and "babble 15 dB" in out
    d = tmp_path / "calm_only"
    d.mkdir()
    rows = [ln for ln in (TINY / "manifest.csv").read_text().splitlines() if ",angry," not in ln]
    (d / "manifest.csv").write_text("\n".join(rows) + "\n")
    for ln in rows[1:]:
        (d / ln.split(",")[0]).symlink_to(TINY / ln.split(",")[0])
    with pytest.raises(ValueError, match="needs both angry and not-angry clips"):
        robustness.run(d)
