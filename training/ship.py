"""Write the shipped model and its manifest (name, version, sha256, window, hop, I/O, labels, corpora,
licences)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import onnx

from training.export import INPUT
from training.net import OUTPUTS

LABELS = ["neutral", "happy", "sad", "angry"]
TRAINED_ON = [
    {
        "name": "emodb (Berlin Database of Emotional Speech, Burkhardt et al. 2005; audEERING republication)",
        "licence": "CC0 1.0",
        "clips": 535,
    }
]


def ship(
    model: onnx.ModelProto,
    models_dir: Path,
    *,
    version: str,
    window_s: float,
    hop_s: float,
    metadata: dict[str, Any],
    name: str = "tone",
) -> Path:
    models_dir.mkdir(parents=True, exist_ok=True)
    onnx_path = models_dir / f"{name}.onnx"
    onnx.save(model, onnx_path)
    digest = hashlib.sha256(onnx_path.read_bytes()).hexdigest()
    manifest = {
        "name": name,
        "version": version,
        "file": onnx_path.name,
        "sha256": digest,
        "sample_rate_hz": 16000,
        "window_s": window_s,
        "hop_s": hop_s,
        "inputs": [INPUT],
        "outputs": list(OUTPUTS),
        "labels": LABELS,
        "trained_on": TRAINED_ON,
        "licence": "Proprietary (Lugn); trained only on CC0 data",
        "metadata": metadata,
    }
    path = models_dir / f"{name}.manifest.json"
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return path
