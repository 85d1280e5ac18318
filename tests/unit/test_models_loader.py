"""The one model loader: manifest + sha256 check + I/O contract, on the real shipped tone model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from device.inference.models import ModelError, default_models_dir, load_model, read_manifest
from device.inference.tone import ToneModel


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    src = default_models_dir()
    for name in ("tone.onnx", "tone.manifest.json"):
        shutil.copy(src / name, tmp_path / name)
    return tmp_path


def test_shipped_tone_model_loads_and_matches_manifest() -> None:
    model = ToneModel.load()
    m = model.loaded.manifest
    assert m.name == "tone" and m.sample_rate_hz == 16_000
    assert m.window_s is not None and m.hop_s is not None
    assert model.window_samples == round(m.window_s * 16_000) and model.hop_samples == round(m.hop_s * 16_000)
    assert list(model.labels) == ["neutral", "happy", "sad", "angry"]
    assert 0.0 < model.threshold < 1.0
    assert (default_models_dir() / "tone.onnx").stat().st_size <= 1_000_000
    assert any("CC0" in c.licence for c in m.trained_on)


def test_tampered_model_is_refused_with_a_clear_error(model_copy: Path) -> None:
    onnx_path = model_copy / "tone.onnx"
    data = bytearray(onnx_path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit somewhere in the weights
    onnx_path.write_bytes(bytes(data))
    with pytest.raises(ModelError, match=r"fails its hash check.*reinstall"):
        ToneModel.load(model_copy)


def test_missing_manifest_and_missing_model_are_named(model_copy: Path) -> None:
    (model_copy / "tone.onnx").unlink()
    with pytest.raises(ModelError, match=r"model file not found: .*tone\.onnx"):
        load_model("tone", model_copy)
    (model_copy / "tone.manifest.json").unlink()
    with pytest.raises(ModelError, match=r"manifest not found: .*tone\.manifest\.json"):
        load_model("tone", model_copy)


def test_invalid_manifest_is_refused(model_copy: Path) -> None:
    path = model_copy / "tone.manifest.json"
    doc = json.loads(path.read_text())
    doc["surprise"] = 1
    path.write_text(json.dumps(doc))
    with pytest.raises(ModelError, match="is invalid"):
        read_manifest(path)


def test_manifest_io_mismatch_is_refused(model_copy: Path) -> None:
    path = model_copy / "tone.manifest.json"
    doc = json.loads(path.read_text())
    doc["inputs"] = ["audio"]
    path.write_text(json.dumps(doc))
    with pytest.raises(ModelError, match="does not match its manifest"):
        ToneModel.load(model_copy)
