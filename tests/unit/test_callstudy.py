"""``training.callstudy``: out-of-fold per-fold models, labelled calls from corpus speakers, pooled figures.

The turn-end / escalation decision in the model card rests on these: calls whose customer the scoring model
never heard. The tests check that a fold model is exactly that fold of the CV model, that each EmoDB
customer lands in the folder of the fold that never heard them, that the labels mark exactly the angry
sentences, and that ``lugn eval`` runs a call with a fold model.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from device.inference.models import load_model
from device.inference.tone import ToneModel
from lugn.cli import main as lugn_main
from training import calls, callstudy
from training.evaluate import CvArtifacts, FoldModel


@pytest.fixture(scope="module")
def folds(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return callstudy.fold_models(tmp_path_factory.mktemp("folds"))


def test_each_fold_model_is_that_fold_of_the_cv_model(folds: list[Path]) -> None:
    cv = CvArtifacts.load()
    assert cv is not None and cv.int8 is not None
    x = np.random.default_rng(0).standard_normal((3, 32_000)).astype(np.float32) * 0.05
    assert [f.name for f in folds] == [f"fold{k}" for k in range(5)]
    for k, folder in enumerate(folds):
        model = ToneModel.load(folder)  # hash-checked against the manifest written beside it
        assert model.loaded.manifest.version.endswith(f"-cv-fold{k}")
        assert model.threshold == cv.int8.threshold
        got, want = model.run(x), FoldModel(cv.int8, k).run(x)
        for name in want:
            assert got[name].shape == want[name].shape
            assert np.array_equal(got[name], want[name]), (k, name)
        load_model("silero_vad", folder)  # the pipeline's VAD is there too


def test_emodb_customers_are_in_the_folder_of_the_fold_that_never_heard_them(shared_data: Path) -> None:
    cv = json.loads((calls.CV_DIR / "cv.json").read_text())
    customers = calls.plan("emodb", shared_data)
    assert sorted(v.calm for _, v in customers) == sorted(cv["folds"])
    for sub, voice in customers:
        assert voice.calm == voice.angry and sub == f"fold{cv['folds'][voice.calm]}"


def test_a_call_labels_its_angry_sentences_and_runs_with_a_fold_model(
    shared_data: Path, folds: list[Path], tmp_path: Path
) -> None:
    pool = calls.Pool(shared_data / "emodb", use="train")
    customer = calls.Voice(pool, "emodb-08", "emodb-08")
    agent = calls.Voice(pool, "emodb-03", "emodb-03")
    turns = [("c", "NN"), ("a", "N"), ("c", "NW"), ("a", "N"), ("c", "WW"), ("a", "N"), ("c", "N")]
    row = calls.write_call(tmp_path, "c1", turns, customer, agent, np.random.default_rng(3))
    lines = (tmp_path / "c1.txt").read_text().splitlines()
    stretches = [tuple(float(v) for v in line.split("\t")[:2]) for line in lines]
    assert row["stretches"] == len(stretches) == 2  # "NW": only its W; "WW": one stretch
    audio, rate = sf.read(tmp_path / "c1.wav", dtype="float32")
    assert audio.shape[1] == 2 and rate == 16_000
    (a1, b1), (a2, b2) = stretches
    assert 0.5 < b1 - a1 <= 2.2 and b2 - a2 > b1 - a1 and a2 > b1
    # the customer speaks inside the stretches; the agent does not
    for a, b in stretches:
        part = audio[round(a * rate) : round(b * rate)]
        assert np.sqrt(np.mean(part[:, 1] ** 2)) > 10 * np.sqrt(np.mean(part[:, 0] ** 2))
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert lugn_main(["eval", str(tmp_path), "--model", str(folds[0]), "--json"]) == 0
    result = json.loads(out.getvalue())
    assert "cv-fold0" in result["run"]["model"]
    assert result["overall"]["episodes"] == 2 and result["calls"][0]["windows"] > 0


def test_pooling_sums_before_it_divides() -> None:
    def call(episodes: int, caught: list[float | None], false: int, hours: float) -> dict:
        return {
            "episodes": episodes,
            "caught": sum(x is not None for x in caught),
            "stretches": [{"caught": x is not None, "time_to_frustrated_s": x} for x in caught],
            "false_alarms": false,
            "late_false_alarms": 0,
            "unlabelled_speech_h": hours,
            "windows": 10,
        }

    a = {"calls": [call(2, [1.0, None], 1, 0.1)]}
    b = {"calls": [call(1, [3.0], 0, 0.3), call(0, [], 2, 0.1)]}
    pooled = callstudy.pool_results([a, b])
    assert pooled["calls"] == 3 and pooled["episodes"] == 3 and pooled["caught"] == 2
    assert pooled["episode_recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert pooled["median_time_to_frustrated_s"] == 2.0
    assert pooled["false_per_hour"] == pytest.approx(3 / 0.5)
    assert pooled["calls_with_false_alarm"] == pytest.approx(2 / 3, abs=1e-4)
    assert pooled["windows"] == 30
