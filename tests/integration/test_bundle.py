"""The PyInstaller one-folder bundle (deploy/windows/lugn.spec).

Building it takes ~110 s on 2 busy cores, more than this area's test budget, so ``make bundle`` builds it
and these tests run the built ``dist/lugn/lugn`` when it is there (skipped otherwise). ``LUGN_BUILD_BUNDLE=1``
lets the ``slow`` test build a fresh bundle into a temporary folder first.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from device import __version__

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "deploy" / "windows" / "lugn.spec"
ISS = ROOT / "deploy" / "windows" / "lugn.iss"
BUILT = ROOT / "dist" / "lugn" / "lugn"


def test_spec_and_installer_agree() -> None:
    """The installer packs what the spec builds: dist\\lugn, lugn.exe + lugnw.exe, and the same version."""
    spec, iss = SPEC.read_text(), ISS.read_text()
    assert 'name="lugn", console=True' in spec and 'name="lugnw", console=False' in spec
    assert 'name="lugn")' in spec  # COLLECT -> dist/lugn
    assert 'Source: "..\\..\\dist\\lugn\\*"' in iss
    assert re.search(r'ValueData: """\{app\}\\lugnw\.exe"" run"', iss)
    assert f'#define AppVersion "{__version__}"' in iss
    for switch in ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/POLICY="):
        assert switch in iss
    assert "uninsneveruninstall" in iss  # the policy survives an uninstall


def run_bundle(exe: Path, tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "LUGN_POLICY": str(tmp_path / "policy.toml"),
        "LUGN_USER_SETTINGS": str(tmp_path / "settings.toml"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, env=env, timeout=60)
    assert version.returncode == 0 and version.stdout.strip() == f"lugn {__version__}"
    doctor = subprocess.run([exe, "doctor", "--json"], capture_output=True, text=True, env=env, timeout=60)
    report = json.loads(doctor.stdout)
    checks = {c["id"]: c for c in report["checks"]}
    assert report["runtime"]["frozen"] is True
    assert checks["model.tone"]["status"] == checks["model.silero_vad"]["status"] == "ok"
    assert checks["telemetry"]["status"] == "ok", checks["telemetry"]  # onnxruntime's own, off in the bundle
    assert (
        checks["profiles"]["status"] == "ok"
        and "_internal/firmware_profiles" in checks["profiles"]["details"]["dirs"][0]
    )
    # the whole stack (Qt offscreen, numpy/scipy, onnxruntime, soundfile) through the bundled demo call
    demo = subprocess.run(
        [exe, "demo", "--speed", "max", "--out", tmp_path / "demo", "--linger", "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert demo.returncode == 0, demo.stdout[-2000:] + demo.stderr[-2000:]
    assert list((tmp_path / "demo").glob("*.png"))
    # the pilot kit as a site's QA lead runs it from the installed app (docs/pilot.md: the bundle's own demo
    # call and its label file): matplotlib (Agg only) is in the bundle
    report = tmp_path / "pilot report"
    demo_call = exe.parent / "_internal" / "device" / "assets" / "demo_call.flac"
    pilot = subprocess.run(
        [exe, "eval", demo_call, "--json", "--report", report],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert pilot.returncode == 0, pilot.stderr[-3000:]
    result = json.loads(pilot.stdout)
    (row,) = result["calls"]
    assert (row["episodes"], row["caught"], row["false_alarms"]) == (1, 1, 0)
    assert result["report"] == str(report / "index.html") and "at least 20" in result["refused"]
    for png in (report / "sweep.png", report / row["png"]):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    assert 'src="calls/demo_call.png"' in (report / "index.html").read_text()
    # nothing but the refusal on stderr: no "needs matplotlib", no warning from a pruned matplotlib part
    assert pilot.stderr.strip().splitlines() == [f"lugn eval: no recommendation: {result['refused']}"]
    # the demo and the eval loaded the models: onnxruntime left no device id or event queue behind
    assert not (tmp_path / ".cache" / "Microsoft").exists()


@pytest.mark.skipif(not BUILT.is_file(), reason="no dist/lugn/lugn: run `make bundle` first")
def test_built_bundle_runs(tmp_path: Path) -> None:
    run_bundle(BUILT, tmp_path)


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("LUGN_BUILD_BUNDLE") != "1", reason="set LUGN_BUILD_BUNDLE=1 (~2 min build)"
)
def test_build_bundle_from_the_spec(tmp_path: Path) -> None:
    pyinstaller = Path(sys.prefix) / "bin" / "pyinstaller"
    args = [pyinstaller, "--noconfirm", "--log-level", "WARN", "--distpath", tmp_path / "dist",
            "--workpath", tmp_path / "build", SPEC]  # fmt: skip
    proc = subprocess.run(args, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    run_bundle(tmp_path / "dist" / "lugn" / "lugn", tmp_path)
