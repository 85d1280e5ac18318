"""Nothing but the team counts leaves a seat, and that includes what the libraries send: onnxruntime's
official builds (1.2x on Linux too) write a device id and queue usage events for Microsoft at the first
session unless ``ORT_DISABLE_TELEMETRY=1`` is set before onnxruntime loads. Importing ``device`` sets it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from device.telemetry import ORT_OPT_OUT, ort_cache_dir
from lugn.commands._doctor_oversight import check_telemetry

ROOT = Path(__file__).resolve().parents[2]
# onnxruntime stays quiet by itself on these CI systems; a seat has none of them
CI_VARS = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "CIRCLECI", "TF_BUILD")

LUGN_LOADS_A_MODEL = "import device; from device.inference.models import load_model; load_model('tone')"
BARE_ORT_SESSION = (
    "import onnxruntime as ort; ort.InferenceSession('device/models/tone.onnx', "
    "providers=['CPUExecutionProvider'])"
)


def _run(code: str, home: Path) -> Path:
    env = {k: v for k, v in os.environ.items() if k not in CI_VARS and k != ORT_OPT_OUT}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    return ort_cache_dir(home)


def test_lugn_loads_its_models_without_onnxruntime_telemetry(tmp_path: Path) -> None:
    bare = _run(BARE_ORT_SESSION, tmp_path / "bare")
    if not (bare / "deviceid").exists():
        pytest.skip("this onnxruntime build has no telemetry of its own (nothing to switch off)")
    # the same library, through Lugn's loader: no device id, no event queue
    assert not _run(LUGN_LOADS_A_MODEL, tmp_path / "lugn").exists()


def test_doctor_reports_the_opt_out_and_leftovers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert os.environ[ORT_OPT_OUT] == "1"  # set by importing device
    assert check_telemetry().status == "ok"
    cache = ort_cache_dir()
    cache.mkdir(parents=True)
    (cache / "deviceid").write_text("e3a06c29-6d95-4693-a1ed-05ccfbf0fd12\n")
    c = check_telemetry()
    assert c.status == "warn" and str(cache) in c.message and "deviceid" in c.message
    monkeypatch.setenv(ORT_OPT_OUT, "0")
    assert check_telemetry().status == "fail"
