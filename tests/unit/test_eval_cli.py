"""``lugn eval`` on the tiny EmoDB fixture corpus, checked against figures computed by a different route:
onnxruntime directly on the out-of-fold model + scikit-learn metrics. And its errors on bad input."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
import soundfile as sf
from sklearn.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    confusion_matrix,
    f1_score,
    roc_auc_score,
)

from device.inference.models import default_models_dir
from lugn.cli import main
from training.augment import telephone

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests" / "data" / "tiny_corpus"
CV = ROOT / "training" / "cv"
LAB4 = {"neutral": 0, "calm": 0, "happy": 1, "sad": 2, "angry": 3}
NOT_FRUSTRATED = {"neutral", "calm", "happy", "sad", "boredom"}


@pytest.fixture(scope="module")
def result() -> dict:
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rc = main(["eval", str(TINY), "--json"])
    assert rc == 0
    return json.loads(buf.getvalue())


def _expected() -> dict:
    manifest = json.loads((default_models_dir() / "tone.manifest.json").read_text())
    meta = manifest["metadata"]
    cv = json.loads((CV / "cv.json").read_text())
    rows = list(csv.DictReader((TINY / "manifest.csv").open()))
    per_speaker = {r["speaker"]: sum(x["speaker"] == r["speaker"] for x in rows) for r in rows}
    # With fewer windows per speaker than the baseline's warm-up, the runtime scores are the raw model scores.
    assert max(per_speaker.values()) < meta["baseline"]["warmup"]
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    sess = ort.InferenceSession(str(CV / "tone_cv_int8.onnx"), opts, providers=["CPUExecutionProvider"])
    probs: list[np.ndarray] = []
    fr: list[float] = []
    fr8: list[float] = []
    for r in rows:
        audio, _ = sf.read(TINY / r["file"], dtype="float32")
        assert len(audio) == 32_000  # one 2.0 s window each
        fold = cv["folds"][r["speaker"]]
        for x, sink in ((audio, fr), (telephone(audio), fr8)):
            p, f = sess.run(["probs", "frustration"], {"waveform": x[None, :].astype(np.float32)})
            sink.append(float(f[0, fold]))
            if sink is fr:
                probs.append(p[0, fold])
    probs_a = np.array(probs)
    y4 = np.array([LAB4.get(r["label"], -1) for r in rows])
    k4 = y4 >= 0
    pred = probs_a.argmax(axis=1)
    yb = np.array([1 if r["label"] == "angry" else (0 if r["label"] in NOT_FRUSTRATED else -1) for r in rows])
    kb = yb >= 0
    thr = meta["threshold"]
    gender = np.array([r["gender"] for r in rows])
    return {
        "clips": len(rows),
        "ua4": balanced_accuracy_score(y4[k4], pred[k4]),
        "wa4": accuracy_score(y4[k4], pred[k4]),
        "f1_4": f1_score(y4[k4], pred[k4], average="macro", labels=[0, 1, 2, 3], zero_division=0),
        "binary_ua": balanced_accuracy_score(yb[kb], np.array(fr)[kb] >= thr),
        "binary_auc": roc_auc_score(yb[kb], np.array(fr)[kb]),
        "binary_ua_8khz": balanced_accuracy_score(yb[kb], np.array(fr8)[kb] >= thr),
        "ua4_by_gender": {
            g: balanced_accuracy_score(y4[k4 & (gender == g)], pred[k4 & (gender == g)]) for g in ("f", "m")
        },
        "confusion4": confusion_matrix(y4[k4], pred[k4], labels=[0, 1, 2, 3]).tolist(),
        **_groups(rows, np.array(fr), thr),
    }


def _groups(rows: list[dict[str, str]], fr: np.ndarray, thr: float) -> dict:
    """The issue-17 figures by another route (scikit-learn on the raw rows)."""
    label = np.array([r["label"] for r in rows])
    gender = np.array([r["gender"] for r in rows])
    yb = np.array([1 if x == "angry" else (0 if x in NOT_FRUSTRATED else -1) for x in label])
    ah = np.isin(label, ["angry", "happy"])
    by_gender = {}
    for g in ("f", "m"):
        m = (yb >= 0) & (gender == g)
        mah = ah & (gender == g)
        by_gender[g] = {
            "clips": int(m.sum()),
            "binary_ua": balanced_accuracy_score(yb[m], fr[m] >= thr),
            "binary_auc": roc_auc_score(yb[m], fr[m]),
            "angry_recall": float(np.mean(fr[m & (yb == 1)] >= thr)),
            "not_angry_flagged": float(np.mean(fr[m & (yb == 0)] >= thr)),
            "happy_flagged": float(np.mean(fr[(label == "happy") & (gender == g)] >= thr)),
            "angry_vs_happy_auc": roc_auc_score(label[mah] == "angry", fr[mah]),
        }
    return {
        "angry_vs_happy_auc": roc_auc_score(label[ah] == "angry", fr[ah]),
        "happy_flagged": float(np.mean(fr[label == "happy"] >= thr)),
        "angry_recall": float(np.mean(fr[yb == 1] >= thr)),
        "by_gender": by_gender,
        "angry_recall_by_intensity": {},  # the fixture, like EmoDB, has no intensity field
    }


def test_eval_json_matches_independent_computation(result: dict) -> None:
    got = result["corpora"]["tiny_corpus"]
    exp = _expected()
    assert set(got) == set(exp)
    for key in ("clips", "confusion4"):
        assert got[key] == exp[key]
    for key in ("ua4", "wa4", "f1_4", "binary_ua", "binary_auc", "binary_ua_8khz"):
        assert got[key] == pytest.approx(exp[key], abs=1e-9), key
    assert got["ua4_by_gender"] == pytest.approx(exp["ua4_by_gender"], abs=1e-9)
    for key in ("angry_vs_happy_auc", "happy_flagged", "angry_recall"):
        assert got[key] == pytest.approx(exp[key], abs=1e-9), key
    assert got["angry_recall_by_intensity"] == {}
    assert set(got["by_gender"]) == {"f", "m"}
    for g, figs in exp["by_gender"].items():
        assert got["by_gender"][g] == pytest.approx(figs, abs=1e-9), g
    # the figures are not degenerate on this fixture (a test that could not fail would prove nothing)
    assert 0.0 < got["happy_flagged"] < 1.0 and got["angry_vs_happy_auc"] < 1.0


def test_eval_reports_model_comparisons_and_latency(result: dict) -> None:
    info = result["model"]
    assert info["cross_validated"] == ["tiny_corpus"]
    assert info["latency_ms_median"] > 0
    comps = info["comparisons"]
    assert "fp32" in comps and "acoustic baseline (LR)" in comps
    for figs in comps.values():
        assert figs["tiny_corpus"]["clips"] == 21


def _corpus_copy(tmp_path: Path, n: int = 3) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    rows = list(csv.DictReader((TINY / "manifest.csv").open()))[:n]
    with (d / "manifest.csv").open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    for r in rows:
        shutil.copy(TINY / r["file"], d / r["file"])
    return d


def _err(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    assert main(["eval", *args]) == 2
    return capsys.readouterr().err


def test_missing_manifest_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a folder without a manifest could be either kind: the message names both (calls or a clip corpus)
    err = _err(capsys, [str(tmp_path)])
    assert "no recordings (.wav or .flac" in err and "nor a manifest.csv of a clip corpus" in err


def test_empty_manifest_and_not_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "manifest.csv").write_text("file,speaker,gender,label\n")
    assert "lists no clips" in _err(capsys, [str(tmp_path)])
    assert f"{tmp_path / 'nope'}: not found" in _err(capsys, [str(tmp_path / "nope")])


def test_unknown_label_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = _corpus_copy(tmp_path)
    text = (d / "manifest.csv").read_text().replace(",happy,", ",grumpy,")
    (d / "manifest.csv").write_text(text)
    err = _err(capsys, [str(d)])
    assert "manifest.csv, line 3" in err and "grumpy" in err


def test_unreadable_and_missing_audio_name_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = _corpus_copy(tmp_path)
    (d / "03a01Fa.flac").write_bytes(b"not a flac file at all")
    err = _err(capsys, [str(d)])
    assert "03a01Fa.flac: unreadable audio" in err
    (d / "03a01Fa.flac").unlink()
    assert "03a01Fa.flac: audio file named in the manifest not found" in _err(capsys, [str(d)])


def test_intensity_field_and_a_gender_without_angry_clips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A manifest with an ``intensity`` column gets angry recall per intensity; a gender without angry clips
    (as urdu's women) gets no balanced accuracy (null), only its false-alarm share."""
    rows = list(csv.DictReader((TINY / "manifest.csv").open()))
    rows = [r for r in rows if not (r["gender"] == "f" and r["label"] == "angry")]
    levels = iter(["normal", "strong"] * 10)
    for r in rows:
        r["intensity"] = next(levels) if r["label"] == "angry" else ""
    d = tmp_path / "intense"
    d.mkdir()
    with (d / "manifest.csv").open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    for r in rows:
        shutil.copy(TINY / r["file"], d / r["file"])
    assert main(["eval", str(d), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)["corpora"]["intense"]
    inten = got["angry_recall_by_intensity"]
    assert set(inten) == {"normal", "strong"}
    assert inten["normal"]["clips"] + inten["strong"]["clips"] == sum(r["label"] == "angry" for r in rows)
    women = got["by_gender"]["f"]
    assert women["binary_ua"] is None and women["binary_auc"] is None and women["angry_recall"] is None
    assert women["not_angry_flagged"] is not None and got["by_gender"]["m"]["binary_ua"] is not None
    # recall per intensity, recomputed from the per-gender figures: all angry clips are men's here
    n = {k: v["clips"] for k, v in inten.items()}
    recall_all = sum(inten[k]["recall"] * n[k] for k in n) / sum(n.values())
    assert (
        recall_all
        == pytest.approx(got["angry_recall"])
        == pytest.approx(got["by_gender"]["m"]["angry_recall"])
    )
    assert main(["eval", str(d)]) == 0
    text = capsys.readouterr().out
    assert "no angry; flags" in text and "normal=" in text and "strong=" in text
