"""The recipe end to end on the tiny EmoDB fixture corpus (4 speakers -> 2 speaker folds), tiny settings."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from device.inference.models import sha256_file
from device.inference.tone import ToneModel
from training import recipe

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("recipe")
    rc = recipe.main(
        [
            "--data", str(DATA),
            "--train-corpus", "tiny_corpus",
            "--models-dir", str(out / "models"),
            "--cv-dir", str(out / "cv"),
            "--cache-dir", str(out / "cache"),
            "--work-dir", str(out / "runs"),
            "--epochs", "2",
            "--seeds", "1",
            "--linear-heads", "1",
            "--renderings", "2",
            "--eval", str(DATA / "tiny_corpus"),
        ]
    )  # fmt: skip
    assert rc == 0
    return out


def test_recipe_ships_a_loadable_hash_checked_model(run: Path) -> None:
    model = ToneModel.load(run / "models")
    manifest = json.loads((run / "models" / "tone.manifest.json").read_text())
    assert manifest["sha256"] == sha256_file(run / "models" / "tone.onnx")
    assert manifest["window_s"] == 2.0 and manifest["hop_s"] == 0.5
    assert 0.0 < model.threshold < 1.0
    audio, _ = sf.read(DATA / "tiny_corpus" / "08a01Wa.flac", dtype="float32")
    s = model.score(audio[: model.window_samples])
    assert 0.0 <= s.frustration <= 1.0


def test_recipe_stores_speaker_folds_and_fold_models(run: Path) -> None:
    cv = json.loads((run / "cv" / "cv.json").read_text())
    folds = cv["folds"]
    assert sorted(folds) == ["emodb-03", "emodb-08", "emodb-09", "emodb-10"]
    for k in set(folds.values()):  # each fold holds out exactly one male and one female speaker
        held = [s for s, f in folds.items() if f == k]
        assert len(held) == 2
    assert cv["shipped_sha256"] == sha256_file(run / "models" / "tone.onnx")
    assert len(cv["acoustic"]["folds"]) == 2
    for name in ("tone_cv_int8", "tone_cv_fp32", "tone_fp32"):
        assert (run / "cv" / f"{name}.manifest.json").is_file()


def test_recipe_report_and_cache(run: Path) -> None:
    report = json.loads((run / "runs" / "report.json").read_text())
    figs = report["corpora"]["tiny_corpus"]
    assert figs["clips"] == 21 and 0.0 <= figs["ua4"] <= 1.0
    assert report["model"]["cross_validated"] == ["tiny_corpus"]
    cached = list((run / "cache").glob("feats_*.npy"))
    assert len(cached) == 1
    from training.train import TrainConfig

    # the --renderings 2 of the run, plus the voice-shift renderings (1.3.0: a higher and a lower voice)
    assert np.load(cached[0]).shape[:2] == (21, 2 + len(TrainConfig.shift_semitones)) == (21, 4)


def test_recipe_onnx_matches_its_pytorch_weights(run: Path) -> None:
    import torch

    from device.inference.models import load_model
    from training.net import load_shipped_pytorch

    audio, _ = sf.read(DATA / "tiny_corpus" / "09a01Fa.flac", dtype="float32")
    x = audio[None, :32_000]
    with torch.no_grad():
        outs = load_shipped_pytorch(run / "cv")(torch.from_numpy(x))
    ref = dict(zip(("probs", "frustration", "arousal", "valence"), (o.numpy() for o in outs), strict=True))
    got = ToneModel(load_model("tone_fp32", run / "cv")).run(x)
    for k in ref:
        np.testing.assert_allclose(got[k], ref[k], atol=2e-4, err_msg=k)
