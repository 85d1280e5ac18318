"""A REAL PulseAudio for the capture tests: started by the tests on a private socket (``devkit.pulse``), never
the user's server. One server per test session; every test gets a fresh seat (its modules unloaded after)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from devkit.pulse import PrivatePulse, find_pulseaudio


@pytest.fixture(scope="session")
def pulse_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivatePulse]:
    if find_pulseaudio() is None:
        pytest.skip("pulseaudio/pulseaudio-utils not installed (scripts/bootstrap.sh installs them)")
    server = PrivatePulse(tmp_path_factory.mktemp("pulse"))
    try:
        server.start()
    except RuntimeError as exc:
        pytest.skip(f"pulseaudio is installed but cannot start here: {exc}")
    yield server
    server.stop()


@dataclass
class Seat:
    server: PrivatePulse
    root: Path
    modules: list[str] = field(default_factory=list)

    def sink(self, name: str, description: str, default: bool = True) -> str:
        module = self.server.load_sink(name, description, default)
        self.modules.append(module)
        return module

    def mic(self, name: str = "headset_mic", description: str = "Jabra Evolve2 65 Mono") -> Path:
        fifo = self.root / f"{name}.fifo"
        self.modules.append(self.server.load_pipe_source(fifo, name, description))
        return fifo


@pytest.fixture
def seat(pulse_server: PrivatePulse, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Seat]:
    """The private server for this test, on a clean slate; isolated policy/settings/state."""
    monkeypatch.setenv("PULSE_SERVER", pulse_server.env["PULSE_SERVER"])
    monkeypatch.setenv("LUGN_POLICY", str(tmp_path / "policy.toml"))
    monkeypatch.setenv("LUGN_USER_SETTINGS", str(tmp_path / "settings.toml"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("LUGN_CONTROL", str(tmp_path / "control.sock"))
    monkeypatch.delenv("LUGN_AUDIO_BACKEND", raising=False)
    s = Seat(pulse_server, tmp_path)
    yield s
    pulse_server.stop_clients()
    for module in reversed(s.modules):
        pulse_server.pactl("unload-module", module, check=False)
