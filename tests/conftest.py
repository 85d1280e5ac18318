"""Shared fixtures: paths to the shared corpora and a folder for artifacts a person would want to look at."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The runtime's operation log, the outbox and the kiosk lockout default to the user's state folder: in tests,
# to a folder of this run (tests that look at them set their own).
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="lugn-tests-state-")

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("LUGN_SHARED_DATA", ROOT.parent / "shared" / "data"))
ARTIFACTS = Path(os.environ.get("LUGN_TEST_ARTIFACTS", ROOT / "test-artifacts"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "emodb" / "manifest.csv").is_file():
        pytest.skip(f"shared corpora not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
