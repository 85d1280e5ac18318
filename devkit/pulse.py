"""A private PulseAudio for tests, ``lugn bench`` and trials: a seat's sound server without a seat.

Starts ``pulseaudio`` on its own socket and folders (``-n``: no default.pa, so no hardware, no
autospawned modules), so nothing ever touches a user's server or makes a sound on real speakers. It works as
root with no display and no D-Bus session (CI): ``--system=false`` with private ``XDG_RUNTIME_DIR``,
``PULSE_RUNTIME_PATH``, ``HOME`` and ``XDG_CONFIG_HOME``, ``--use-pid-file=false``, anonymous auth on
the socket.

On top: a null sink standing in for the headset's speaker, a ``module-pipe-source`` fed in real time as the
headset microphone, and ``paplay`` of a recording into the sink as the far end of a call.

The mic feeder is a child process, not a thread: a 20 ms writer inside the process under test would compete
for its GIL every 20 ms and inflate what ``lugn bench`` measures (measured: ~55 extra context switches a
second on the pipeline thread), none of which a seat pays.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

START_TIMEOUT_S = 10.0


def find_pulseaudio() -> str | None:
    return shutil.which("pulseaudio") if shutil.which("pactl") and shutil.which("paplay") else None


class PrivatePulse:
    """One PulseAudio server under ``root``; ``env`` points clients at it (``PULSE_SERVER``)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root or tempfile.mkdtemp(prefix="lugn-pulse-"))
        self.socket = self.root / "native"
        self.proc: subprocess.Popen[bytes] | None = None
        self.env = {**os.environ, "PULSE_SERVER": f"unix:{self.socket}"}
        self._feeders: list[_Feeder] = []
        self._players: list[subprocess.Popen[bytes]] = []

    def start(self) -> PrivatePulse:
        exe = find_pulseaudio()
        if exe is None:
            raise FileNotFoundError(
                "pulseaudio/pactl/paplay not installed (apt-get install pulseaudio pulseaudio-utils)"
            )
        for sub in ("runtime", "home", "config"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        server_env = {
            **os.environ,
            "XDG_RUNTIME_DIR": str(self.root),
            "PULSE_RUNTIME_PATH": str(self.root / "runtime"),
            "HOME": str(self.root / "home"),
            "XDG_CONFIG_HOME": str(self.root / "config"),
        }
        server_env.pop("PULSE_SERVER", None)
        server_env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        log = (self.root / "pulseaudio.log").open("ab")
        self.proc = subprocess.Popen(
            [
                exe, "-n", "--daemonize=no", "--exit-idle-time=-1", "--system=false", "--use-pid-file=false",
                "--disallow-module-loading=false", "--log-target=stderr",
                "-L", f"module-native-protocol-unix socket={self.socket} auth-anonymous=1",
            ],
            env=server_env, stdout=log, stderr=log, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            if self.socket.exists() and self.pactl("info", check=False).returncode == 0:
                return self
            time.sleep(0.05)
        self.stop()
        tail = (self.root / "pulseaudio.log").read_text(errors="replace")[-800:]
        raise RuntimeError(f"pulseaudio did not start: {tail}")

    def pactl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["pactl", *args], env=self.env, capture_output=True, text=True, timeout=10, check=check
        )

    def load_sink(self, name: str = "headset", description: str = "Headset", default: bool = True) -> str:
        """A null sink (the headset's speaker); returns its module id (``unload`` it to "unplug" it)."""
        props = f"sink_properties=\"device.description='{description}'\""
        module = self.pactl("load-module", "module-null-sink", f"sink_name={name}", props).stdout.strip()
        if default:
            self.pactl("set-default-sink", name)
        return module

    def load_pipe_source(self, fifo: Path, name: str = "headset_mic", description: str = "Headset Mic",
                         rate_hz: int = 16000) -> str:  # fmt: skip
        props = f"source_properties=\"device.description='{description}'\""
        return self.pactl(
            "load-module", "module-pipe-source", f"source_name={name}", f"file={fifo}", "format=float32le",
            f"rate={rate_hz}", "channels=1", props,
        ).stdout.strip()  # fmt: skip

    def unload(self, module: str) -> None:
        self.pactl("unload-module", module)

    def feed_mic(self, fifo: Path, audio: np.ndarray, rate_hz: int = 16000) -> None:
        """Write ``audio`` (mono float32) into a pipe source in real time, then silence until ``stop``."""
        feeder = _Feeder(fifo, audio, rate_hz)
        self._feeders.append(feeder)
        feeder.start()

    def play(
        self, wav: Path, sink: str = "headset", latency_ms: int | None = None
    ) -> subprocess.Popen[bytes]:
        """``paplay`` a file into ``sink`` (the customer voice arriving on the headset). ``latency_ms``: as a
        softphone in a call plays (tens of ms), so the sink renders in pieces that small; default: paplay's
        own (~2 s buffer: the sink renders in 192 ms lumps once Lugn listens, far fewer than in a call)."""
        latency = [f"--latency-msec={latency_ms}"] if latency_ms else []
        proc = subprocess.Popen(
            ["paplay", f"--device={sink}", *latency, str(wav)], env=self.env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._players.append(proc)
        return proc

    def record(self, source: str, latency_ms: int = 20) -> subprocess.Popen[bytes]:
        """``parec`` from ``source`` into nothing: the softphone recording the headset mic during a call
        (the source then runs at the softphone's latency, and is read whether Lugn listens or not)."""
        proc = subprocess.Popen(
            ["parec", f"--device={source}", f"--latency-msec={latency_ms}", "--raw"], env=self.env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._players.append(proc)
        return proc

    def client_pids(self) -> list[int]:
        """The running stand-ins for the seat's other programs (mic feeders, ``paplay``): not Lugn's cost."""
        procs = [f.proc for f in self._feeders if f.proc is not None] + self._players
        return [p.pid for p in procs if p.poll() is None]

    def stop_clients(self) -> None:
        """Stop the mic feeders and players started here (the server keeps running)."""
        for feeder in self._feeders:
            feeder.stop()
        for player in self._players:
            if player.poll() is None:
                player.kill()
                player.wait(5)
        self._feeders, self._players = [], []

    def stop(self) -> None:
        self.stop_clients()
        _terminate(self.proc)
        self.proc = None


def _terminate(proc: subprocess.Popen[bytes] | None) -> None:
    """SIGTERM, then SIGKILL if it has not ended within 5 s."""
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


FEEDER = r"""
import os, sys, time
fifo, raw, rate, step_s = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
data = open(raw, "rb").read()
step = round(step_s * rate) * 4
silence = bytes(step)
fd = os.open(fifo, os.O_WRONLY)  # the module holds the read end open
t0, k = time.monotonic(), 0
try:
    while True:
        piece = data[k * step : (k + 1) * step]
        os.write(fd, piece if len(piece) == step else silence)
        k += 1
        time.sleep(max(0.0, t0 + k * step_s - time.monotonic()))
except (OSError, KeyboardInterrupt):  # the source was unloaded, or we were stopped
    pass
"""


class _Feeder:
    """Real-time writer into a ``module-pipe-source`` FIFO (the pipe has no clock of its own), in a child
    process: ``audio`` (mono float32) in ``STEP_S`` pieces, then silence until ``stop``."""

    STEP_S = 0.02
    _count = 0

    def __init__(self, fifo: Path, audio: np.ndarray, rate_hz: int) -> None:
        _Feeder._count += 1
        self.raw = fifo.with_name(f"{fifo.name}.{os.getpid()}.{_Feeder._count}.f32")
        self.raw.write_bytes(np.asarray(audio, "<f4").tobytes())
        self.fifo, self.rate = fifo, rate_hz
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", FEEDER, str(self.fifo), str(self.raw), str(self.rate), str(self.STEP_S)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def stop(self) -> None:
        _terminate(self.proc)
        self.raw.unlink(missing_ok=True)
