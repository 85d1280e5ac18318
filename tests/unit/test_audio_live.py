"""LiveSource: the real code path up to PortAudio (there is no sound card here).

Device selection, the PortAudio callback (copy + enqueue, overflows counted), conversion to 16 kHz, pairing
of two device clocks and the errors a user sees. A fake ``sounddevice`` module stands in for the hardware;
the real one is used where it can run (no devices).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from device.audio import live
from device.audio.live import MIN_READ_S, LiveSource, describe_devices
from device.audio.settings import AudioSettings
from device.audio.source import DeviceError

ROOT = Path(__file__).resolve().parents[2]


def _dev(name: str, api: int, ins: int, outs: int, rate: float) -> dict[str, Any]:
    return {
        "name": name,
        "hostapi": api,
        "max_input_channels": ins,
        "max_output_channels": outs,
        "default_samplerate": rate,
    }


DEVICES = [
    _dev("HDA Intel PCH: ALC257 Analog", 0, 2, 2, 44100.0),
    _dev("HDMI output", 0, 0, 8, 48000.0),
    _dev("Jabra Evolve2 65 Mono", 1, 1, 0, 48000.0),
    _dev("Monitor of Jabra Evolve2 65 Analog Stereo", 1, 2, 0, 44100.0),
    _dev("Call recorder (stereo)", 1, 2, 0, 8000.0),
]


class FakeStream:
    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self.active = False
        self.closed = False

    def start(self) -> None:
        self.active = True

    def abort(self) -> None:
        self.active = False

    def close(self) -> None:
        self.closed = True


class FakeSd:
    def __init__(self, devices: list[dict[str, Any]], default_in: int = 2) -> None:
        self.devices = devices
        self.streams: list[FakeStream] = []
        self.rates_ok = {8000, 44100, 48000}
        self.refuse: set[tuple[int, int]] = set()

        self.default = type("Default", (), {"device": (default_in, -1)})()

    def query_hostapis(self) -> list[dict[str, Any]]:
        return [{"name": "ALSA"}, {"name": "PulseAudio"}]

    def query_devices(self) -> list[dict[str, Any]]:
        return self.devices

    def InputStream(self, **kwargs: Any) -> FakeStream:
        if (
            kwargs["samplerate"] not in self.rates_ok
            or (kwargs["device"], kwargs["samplerate"]) in self.refuse
        ):
            raise RuntimeError(f"Invalid sample rate {kwargs['samplerate']}")  # like PortAudioError
        stream = FakeStream(**kwargs)
        self.streams.append(stream)
        return stream


def _opened(settings: AudioSettings, sd: FakeSd | None = None) -> tuple[LiveSource, FakeSd]:
    sd = sd or FakeSd(DEVICES)
    src = LiveSource(settings, sd_module=sd)
    src.open()
    return src, sd


def test_seat_plan_picks_mic_profile_and_monitor() -> None:
    src, sd = _opened(AudioSettings())
    assert src.devices["mic"].name == "Jabra Evolve2 65 Mono"  # the default input
    assert src.devices["far_end"].name.startswith("Monitor of Jabra")  # the profile's sink regex
    assert src.plan.match.profile.name.startswith("jabra-evolve2")
    mic = sd.streams[0].kwargs
    assert (mic["device"], mic["samplerate"], mic["channels"]) == (2, 48000, 1)
    assert mic["latency"] == pytest.approx(src.plan.match.profile.audio.latency_ms / 1000)
    assert [d.index for d in describe_devices(sd)] == [0, 2, 3, 4]  # output-only HDMI is not a capture device


def test_configured_names_and_clear_errors() -> None:
    src, _ = _opened(AudioSettings(mic_device="ALC257", far_end_device="recorder"))
    assert src.devices["far_end"].index == 4
    with pytest.raises(DeviceError, match=r"audio\.mic_device 'Poly' matches no input"):
        _opened(AudioSettings(mic_device="Poly"))
    no_loop = [d for d in DEVICES if "Monitor" not in d["name"]]
    with pytest.raises(DeviceError, match="customer side: no monitor/loopback input"):
        _opened(AudioSettings(), FakeSd(no_loop))
    with pytest.raises(DeviceError, match="found no audio input devices"):
        _opened(AudioSettings(), FakeSd([]))


def test_falls_back_to_the_device_rate_when_the_profile_rate_fails() -> None:
    sd = FakeSd(DEVICES)
    sd.rates_ok = {44100}
    src, _ = _opened(AudioSettings(mic_device="ALC257"), sd)
    assert [s.kwargs["samplerate"] for s in sd.streams] == [44100, 44100]
    assert src.devices["mic"].index == 0


def test_real_portaudio_without_devices_gives_a_clear_error() -> None:
    sd = pytest.importorskip("sounddevice")
    if any(int(d["max_input_channels"]) > 0 for d in sd.query_devices()):
        pytest.skip("this machine has a capture device")
    with pytest.raises(DeviceError, match="no audio input devices"):
        LiveSource(AudioSettings()).open()
    assert describe_devices() == []


def _block(rate: int, channels: int, value: float | list[float], ms: int = 32) -> np.ndarray:
    n = rate * ms // 1000
    vals = value if isinstance(value, list) else [value] * channels
    return np.tile(np.asarray(vals, np.float32), (n, 1))


def test_two_devices_callback_to_16k_chunks() -> None:
    sd = FakeSd(DEVICES)
    sd.refuse = {(3, 48000)}  # the monitor refuses the profile's 48 kHz and runs at its own 44.1 kHz
    src = LiveSource(AudioSettings(mic_device="Jabra Evolve2 65 Mono"), sd_module=sd)
    src.open()
    mic_stream, far_stream = sd.streams
    assert mic_stream.kwargs["device"] == 2 and mic_stream.kwargs["samplerate"] == 48000.0
    assert far_stream.kwargs["device"] == 3 and far_stream.kwargs["channels"] == 2
    mic_cb, far_cb = mic_stream.kwargs["callback"], far_stream.kwargs["callback"]
    far_rate = int(far_stream.kwargs["samplerate"])
    for _ in range(30):  # ~1 s from each device, each at its own rate
        mic_cb(_block(48_000, 1, 0.25), 1536, None, None)
        far_cb(_block(far_rate, 2, [0.5, -0.1]), far_rate * 32 // 1000, None, None)
    got = []
    while (chunk := src.read(0.05)) is not None:
        got.append(chunk)
    agent = np.concatenate([c.agent for c in got])
    customer = np.concatenate([c.customer for c in got])
    assert len(agent) == len(customer) > 15_000  # paired, same length; the filter delay holds back a few
    np.testing.assert_allclose(agent[200:], 0.25, atol=2e-3)
    np.testing.assert_allclose(customer[200:], 0.2, atol=2e-3)  # far end: both channels mixed
    assert agent.dtype == np.float32
    src.close()
    assert all(s.closed for s in sd.streams)


def test_each_device_block_is_whole_vad_groups_at_once() -> None:
    """48 kHz blocks of MIN_READ_S reach the pipeline as whole reads as they arrive: the resampler's
    look-ahead is primed, so no part of a block waits for the next one (that cost the indicator ~0.19 s)."""
    src, sd = _opened(AudioSettings(mic_device="Jabra Evolve2 65 Mono"))
    mic, far = sd.streams
    assert mic.kwargs["blocksize"] == far.kwargs["blocksize"] == int(48_000 * MIN_READ_S)
    rate_far = int(far.kwargs["samplerate"])
    for k in range(3):
        mic.kwargs["callback"](_block(48_000, 1, 0.25, ms=192), 9216, None, None)
        far.kwargs["callback"](_block(rate_far, 2, 0.1, ms=192), rate_far * 192 // 1000, None, None)
        t0 = time.monotonic()
        chunk = src.read(0.5)
        assert time.monotonic() - t0 < 0.15  # all there: no waiting for the next block (~0.2 s)
        assert chunk is not None and len(chunk) == src.min_read_samples == 3072, (k, chunk and len(chunk))
    src.close()


def test_sides_are_aligned_when_the_late_one_starts_and_a_late_block_cuts_nothing() -> None:
    """A far end whose first block comes late (an idle PulseAudio null sink's monitor: ~2 s) must not leave
    the mic ahead for the whole call: what the mic said before the far end started is dropped, so the sides
    pair up in time, and a later far-end block that is 0.4 s late then cuts none of the agent's audio."""
    src, sd = _opened(AudioSettings(mic_device="Jabra Evolve2 65 Mono"))
    mic, far = sd.streams
    rate_far = int(far.kwargs["samplerate"])

    def send(stream: FakeStream, rate: int, channels: int, value: float) -> None:
        stream.kwargs["callback"](_block(rate, channels, value, ms=192), rate * 192 // 1000, None, None)

    got = []
    for _ in range(6):  # 1.15 s from the mic only
        send(mic, 48_000, 1, 0.9)
        assert src.read(0.01) is None
    for _ in range(5):  # then both, in step
        send(mic, 48_000, 1, 0.25)
        send(far, rate_far, 2, 0.1)
        got.append(src.read(0.05))
    for _ in range(2):  # the far end is 0.38 s late once ...
        send(mic, 48_000, 1, 0.25)
        got.append(src.read(0.01))
    for _ in range(2):  # ... and catches up
        send(far, rate_far, 2, 0.1)
    got.append(src.read(0.05))
    src.close()
    agent = np.concatenate([c.agent for c in got if c is not None])
    customer = np.concatenate([c.customer for c in got if c is not None])
    assert len(agent) == len(customer) >= 7 * 3072 - 100  # all 7 blocks of both sides, less the filter lag
    # none of the mic-only 0.9 is paired with the far end
    np.testing.assert_allclose(agent[100:], 0.25, atol=2e-3)


def test_stereo_call_recorder_is_one_stream_split_by_channel() -> None:
    sd = FakeSd(DEVICES)
    src = LiveSource(AudioSettings(mic_device="recorder", far_end_device="recorder"), sd_module=sd)
    src.open()
    assert len(sd.streams) == 1 and sd.streams[0].kwargs["channels"] == 2
    cb, rate = sd.streams[0].kwargs["callback"], int(sd.streams[0].kwargs["samplerate"])
    for _ in range(40):
        cb(_block(rate, 2, [0.1, 0.6]), rate * 32 // 1000, None, None)
    chunk = src.read(0.05)
    assert chunk is not None and len(chunk) > 2000
    np.testing.assert_allclose(chunk.agent[100:], 0.1, atol=2e-3)
    np.testing.assert_allclose(chunk.customer[100:], 0.6, atol=2e-3)


def test_channel_beyond_the_device_is_a_clear_error() -> None:
    sd = FakeSd(DEVICES)
    with pytest.raises(DeviceError, match="has 2 input channel"):
        LiveSource(AudioSettings(far_end_device="Monitor", far_end_channel=3), sd_module=sd).open()
    assert all(s.closed for s in sd.streams)


def test_callback_overflow_is_counted_not_blocking() -> None:
    sd = FakeSd(DEVICES)
    src = LiveSource(AudioSettings(), queue_blocks=4, sd_module=sd)
    src.open()
    cb = sd.streams[0].kwargs["callback"]
    for _ in range(10):
        cb(_block(48_000, 1, 0.1), 1536, None, "input overflow")
    assert src.overflows == 6 and src.status_flags == 10


def test_stream_that_stops_or_stalls_raises_device_error(monkeypatch: pytest.MonkeyPatch) -> None:
    sd = FakeSd(DEVICES)
    src = LiveSource(AudioSettings(), sd_module=sd)
    src.open()
    sd.streams[0].active = False  # PortAudio stopped the stream: the headset was pulled
    with pytest.raises(DeviceError, match="stream stopped"):
        src.read(0.01)
    monkeypatch.setattr(live, "STALL_S", 0.05)
    monkeypatch.setattr(live, "FIRST_BLOCK_S", 0.3)
    src.open()
    assert len(sd.streams) == 4  # re-opened: two fresh streams
    t0 = time.monotonic()
    with pytest.raises(DeviceError, match="no audio from the device for 0 s"):
        for _ in range(100):
            src.read(0.01)
    # before its first block a stream gets FIRST_BLOCK_S (an idle PulseAudio sink starts slowly), not STALL_S
    assert time.monotonic() - t0 >= 0.3
    cb = sd.streams[2].kwargs["callback"]
    cb(np.zeros((9216, 1), np.float32), 9216, None, 0)
    src.read(0.01)  # the first block arrived: from now on STALL_S applies
    t1 = time.monotonic()
    with pytest.raises(DeviceError, match="no audio from the device"):
        for _ in range(100):
            src.read(0.01)
    assert time.monotonic() - t1 < 0.3


ASOUNDRC = """
pcm."Jabra Evolve2 65 Mono" { type null hint { show on description "headset" } }
pcm."Monitor of Jabra Evolve2 65 Stereo" { type null hint { show on description "monitor" } }
"""


def test_real_portaudio_streams_through_the_headless_runtime(tmp_path: Path) -> None:
    """ALSA null PCMs give real PortAudio devices (a 'headset' and its 'monitor'): ``lugn run --headless``
    opens real streams, audio reaches the pipeline, and SIGINT stops it cleanly. (A null PCM delivers
    garbage as fast as it can, which also checks that reads stay bounded and input is sanitised.)"""
    (tmp_path / ".asoundrc").write_text(ASOUNDRC)
    env = {**os.environ, "HOME": str(tmp_path), "LUGN_POLICY": str(tmp_path / "p.toml")}
    env.pop("LUGN_USER_SETTINGS", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "lugn", "run", "--headless", "--control", str(tmp_path / "c.sock")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    watchdog = threading.Timer(30.0, proc.kill)  # a hung runtime fails the test instead of hanging it
    watchdog.start()
    first = proc.stdout.readline()
    if '"DeviceLost"' in first and "no audio input devices" in first:
        proc.kill()
        pytest.skip("PortAudio has no ALSA host API here")
    beats = 0
    for line in proc.stdout:
        beats += '"Heartbeat"' in line
        if beats >= 2:
            break
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    watchdog.cancel()
    assert beats >= 2, err
    assert proc.returncode == 0 and "did not stop" not in err
