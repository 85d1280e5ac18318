"""LiveSource: the real code path up to PortAudio (there is no sound card here).

Device selection, the PortAudio callback (copy + enqueue, overflows counted), conversion to 16 kHz, pairing
of two device clocks and the errors a user sees. A fake ``sounddevice`` module stands in for the hardware;
the real one is used where it can run (no devices).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from device.audio import live
from device.audio.live import DeviceInfo, LiveSource, input_devices, select_device
from device.audio.settings import AudioSettings
from device.audio.source import DeviceError

DEVICES = [
    {
        "name": "HDA Intel PCH: ALC257 Analog",
        "hostapi": 0,
        "max_input_channels": 2,
        "default_samplerate": 44100.0,
    },
    {"name": "HDMI output", "hostapi": 0, "max_input_channels": 0, "default_samplerate": 48000.0},
    {"name": "Jabra Evolve2 65 Mono", "hostapi": 1, "max_input_channels": 1, "default_samplerate": 48000.0},
    {
        "name": "Monitor of Jabra Evolve2 65 Analog Stereo",
        "hostapi": 1,
        "max_input_channels": 2,
        "default_samplerate": 44100.0,
    },
    {"name": "Call recorder (stereo)", "hostapi": 1, "max_input_channels": 2, "default_samplerate": 8000.0},
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

        self.default = type("Default", (), {"device": (default_in, -1)})()

    def query_hostapis(self) -> list[dict[str, Any]]:
        return [{"name": "ALSA"}, {"name": "PulseAudio"}]

    def query_devices(self) -> list[dict[str, Any]]:
        return self.devices

    def InputStream(self, **kwargs: Any) -> FakeStream:
        stream = FakeStream(**kwargs)
        self.streams.append(stream)
        return stream


def test_device_selection_rules() -> None:
    devs = input_devices(FakeSd(DEVICES))
    assert [d.index for d in devs] == [0, 2, 3, 4]  # output-only HDMI is not a capture device
    assert select_device(devs, None, "mic", default_index=2).name == "Jabra Evolve2 65 Mono"
    assert select_device(devs, None, "far_end").name.startswith("Monitor of Jabra")
    assert select_device(devs, "recorder", "far_end").index == 4
    with pytest.raises(DeviceError, match=r"audio\.mic_device 'Poly' matches none of the input devices"):
        select_device(devs, "Poly", "mic")
    no_loop = [d for d in devs if "Monitor" not in d.name]
    with pytest.raises(DeviceError, match="no loopback/monitor input found"):
        select_device(no_loop, None, "far_end")
    with pytest.raises(DeviceError, match="PortAudio reports no audio input devices"):
        select_device([], None, "mic")


def test_real_portaudio_without_devices_gives_a_clear_error() -> None:
    sd = pytest.importorskip("sounddevice")
    if any(int(d["max_input_channels"]) > 0 for d in sd.query_devices()):
        pytest.skip("this machine has a capture device")
    with pytest.raises(DeviceError, match="no audio input devices"):
        LiveSource(AudioSettings()).open()


def _block(rate: int, channels: int, value: float | list[float], ms: int = 32) -> np.ndarray:
    n = rate * ms // 1000
    vals = value if isinstance(value, list) else [value] * channels
    return np.tile(np.asarray(vals, np.float32), (n, 1))


def test_two_devices_callback_to_16k_chunks() -> None:
    sd = FakeSd(DEVICES)
    src = LiveSource(AudioSettings(mic_device="Jabra Evolve2 65 Mono"), sd_module=sd)
    src.open()
    mic_stream, far_stream = sd.streams
    assert mic_stream.kwargs["device"] == 2 and mic_stream.kwargs["samplerate"] == 48000.0
    assert far_stream.kwargs["device"] == 3 and far_stream.kwargs["channels"] == 2
    mic_cb, far_cb = mic_stream.kwargs["callback"], far_stream.kwargs["callback"]
    for _ in range(30):  # ~1 s from each device, each at its own rate
        mic_cb(_block(48_000, 1, 0.25), 1536, None, None)
        far_cb(_block(44_100, 2, [0.5, -0.1]), 1411, None, None)
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


def test_stereo_call_recorder_is_one_stream_split_by_channel() -> None:
    sd = FakeSd(DEVICES)
    src = LiveSource(AudioSettings(mic_device="recorder", far_end_device="recorder"), sd_module=sd)
    src.open()
    assert len(sd.streams) == 1 and sd.streams[0].kwargs["channels"] == 2
    cb = sd.streams[0].kwargs["callback"]
    for _ in range(40):
        cb(_block(8_000, 2, [0.1, 0.6]), 256, None, None)
    chunk = src.read(0.05)
    assert chunk is not None and len(chunk) > 2000
    np.testing.assert_allclose(chunk.agent[100:], 0.1, atol=2e-3)
    np.testing.assert_allclose(chunk.customer[100:], 0.6, atol=2e-3)


def test_channel_beyond_the_device_is_a_clear_error() -> None:
    sd = FakeSd(DEVICES)
    with pytest.raises(DeviceError, match="has 2 input channel"):
        LiveSource(AudioSettings(far_end_device="Monitor", far_end_channel=3), sd_module=sd).open()


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
    src.open()
    assert len(sd.streams) == 4  # re-opened: two fresh streams
    with pytest.raises(DeviceError, match="no audio from the device"):
        for _ in range(20):
            src.read(0.01)


def test_device_info_is_plain_data() -> None:
    info = DeviceInfo(1, "x", "ALSA", 2, 48000.0)
    assert info.max_input_channels == 2
