"""Agent UI fixtures: an isolated QSettings file, built catalogues, and English after every test."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ui import i18n

LRELEASE = next(
    (
        p
        for p in ("/usr/lib/qt6/bin/lrelease", shutil.which("lrelease6"), shutil.which("lrelease"))
        if p and Path(p).exists()
    ),
    None,
)


@pytest.fixture(scope="session")
def built_catalogues() -> dict[str, Path]:
    """``ui/i18n/agent_<lang>.qm`` built from the committed ``.ts`` when missing or stale."""
    for lang in i18n.LANGUAGES:
        ts = i18n.I18N_DIR / f"agent_{lang}.ts"
        qm = ts.with_suffix(".qm")
        if qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if LRELEASE is None:
            pytest.skip("lrelease not installed (apt-get install qt6-l10n-tools)")
        subprocess.run([LRELEASE, "-silent", str(ts), "-qm", str(qm)], check=True)
    return i18n.available_catalogues("agent")


@pytest.fixture
def qsettings(tmp_path: Path):
    from PyQt6.QtCore import QSettings

    return QSettings(str(tmp_path / "lugn-agent.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):
    yield
    i18n.install_translators("en")


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Per-test state folder: the kiosk's persisted PIN lockout must not carry over between tests."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("LOCALAPPDATA", raising=False)


@pytest.fixture
def ui_artifacts(artifacts_dir: Path) -> Path:
    out = artifacts_dir / "ui" / "agent"
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture
def agent_app(qsettings):
    """A factory for AgentApp objects, each attached to its own (real, not started) ``AgentRuntime`` and
    closed after the test (so no window or shortcut outlives it). ``listeners`` attach to the runtime;
    ``app.runtime.on_pipeline_event(e)`` feeds it as the pipeline thread does."""
    import numpy as np

    from device.audio.source import ReplaySource
    from device.runtime import AgentRuntime
    from ui.agent.app import AgentApp

    made: list[AgentApp] = []

    def make(config_effective=None, *, listeners=(), **kwargs) -> AgentApp:
        kwargs.setdefault("qsettings", qsettings)
        silence = np.zeros(16_000, np.float32)
        runtime = AgentRuntime(
            ReplaySource.from_arrays(silence, silence),
            config_effective,
            metrics=False,
            control=False,
            listeners=listeners,
        )
        app = AgentApp(runtime, **kwargs)
        made.append(app)
        return app

    yield make
    for app in made:
        app.close()
        app.runtime.stop()


TEAM_ARTIFACTS = Path("/work/team/artifacts/i13")


@pytest.fixture
def notice_shot(artifacts_dir: Path):
    """Save a widget as ``test-artifacts/notice/<lang>/<name>`` (issue #13's screenshots), and a copy where
    the lead collects them when that folder exists on this machine."""

    def save(widget, lang: str, name: str) -> Path:  # type: ignore[no-untyped-def]
        out = artifacts_dir / "notice" / lang
        out.mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(out / name))
        if TEAM_ARTIFACTS.parent.is_dir():
            (TEAM_ARTIFACTS / lang).mkdir(parents=True, exist_ok=True)
            shutil.copy(out / name, TEAM_ARTIFACTS / lang / name)
        return out / name

    return save
