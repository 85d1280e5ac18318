"""The one model loader: manifest, sha256 check, a single-threaded CPU onnxruntime session, loaded once.

Each shipped model ``device/models/<name>.onnx`` has a manifest ``device/models/<name>.manifest.json``.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class ModelError(RuntimeError):
    """A model cannot be used: missing, tampered, corrupt or not what its manifest says."""


class CorpusInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    licence: str
    clips: int | None = None


class ModelManifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    version: str
    file: str = Field(description="ONNX file name, relative to the manifest")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    sample_rate_hz: int = 16_000
    window_s: float | None = None
    hop_s: float | None = None
    inputs: list[str]
    outputs: list[str]
    labels: list[str] = Field(default_factory=list)
    trained_on: list[CorpusInfo] = Field(default_factory=list)
    licence: str | None = None
    metadata: dict[str, Any] = Field(
        default_factory=dict, description="Model-specific settings, e.g. thresholds"
    )


@dataclass(frozen=True)
class LoadedModel:
    manifest: ModelManifest
    path: Path
    session: Any  # onnxruntime.InferenceSession


def default_models_dir() -> Path:
    return Path(str(resources.files("device") / "models"))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest_path(name: str, models_dir: Path | None = None) -> Path:
    return (models_dir or default_models_dir()) / f"{name}.manifest.json"


def read_manifest(path: Path) -> ModelManifest:
    if not path.is_file():
        raise ModelError(f"model manifest not found: {path}")
    try:
        return ModelManifest.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (json.JSONDecodeError, ValidationError) as exc:
        raise ModelError(f"model manifest {path} is invalid: {exc}") from exc


def verify(manifest: ModelManifest, onnx_path: Path) -> None:
    if not onnx_path.is_file():
        raise ModelError(f"model file not found: {onnx_path} (named by the {manifest.name} manifest)")
    actual = sha256_file(onnx_path)
    if actual != manifest.sha256:
        raise ModelError(
            f"model {onnx_path} fails its hash check: sha256 {actual[:12]}… but the manifest says "
            f"{manifest.sha256[:12]}…; the file was changed or corrupted — reinstall Lugn"
        )


_cache: dict[tuple[str, str], LoadedModel] = {}
_lock = threading.Lock()


def load_model(name: str, models_dir: Path | None = None, *, onnx_path: Path | None = None) -> LoadedModel:
    """Load model ``name`` (or ``onnx_path`` against that model's manifest) after checking its hash."""
    mpath = manifest_path(name, models_dir)
    manifest = read_manifest(mpath)
    path = onnx_path or (mpath.parent / manifest.file)
    verify(manifest, path)
    key = (str(path.resolve()), manifest.sha256)
    with _lock:
        if key in _cache:
            return _cache[key]
        loaded = LoadedModel(manifest=manifest, path=path, session=_session(path, manifest))
        _cache[key] = loaded
        return loaded


def load_unverified(onnx_path: Path, manifest: ModelManifest) -> LoadedModel:
    """For evaluating a candidate (e.g. FP32 beside the shipped INT8) against a manifest's I/O contract."""
    return LoadedModel(manifest=manifest, path=onnx_path, session=_session(onnx_path, manifest))


def _session(path: Path, manifest: ModelManifest) -> Any:
    import onnxruntime as ort

    from device.telemetry import disable_session_telemetry

    disable_session_telemetry(ort)  # nothing about this seat goes to onnxruntime's vendor either
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    try:
        session = ort.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises several unrelated types for a corrupt file
        raise ModelError(f"model {path} could not be loaded by onnxruntime: {exc}") from exc
    inputs = [i.name for i in session.get_inputs()]
    outputs = [o.name for o in session.get_outputs()]
    if inputs != manifest.inputs or not set(manifest.outputs) <= set(outputs):
        raise ModelError(
            f"model {path} does not match its manifest: inputs {inputs} / outputs {outputs}, "
            f"manifest says {manifest.inputs} / {manifest.outputs}"
        )
    return session
