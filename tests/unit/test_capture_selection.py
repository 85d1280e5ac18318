"""Far-end selection and the capture-backend contract, with a fake backend (Windows cannot run here).

Inventories are shaped like what ``SoundcardBackend`` reports on Windows (WASAPI endpoint names) and what
``PulseBackend`` reports on Linux (sinks with monitors); the rules, the override, the loopback flag, the
default-output policy and the error path through ``LiveSource`` are the real code."""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from typing import Any

import numpy as np
import pytest

from device.audio.capture import ENV_BACKEND, ReaderStream, StreamSpec, make_backend
from device.audio.farend import capturable_outputs, plan_far_end
from device.audio.live import LiveSource
from device.audio.settings import AudioSettings
from device.audio.source import DeviceError
from device.hwinfo import Inventory, plan_seat
from device.profiles import DeviceInfo, load_profiles

PROFILES = load_profiles()
REALTEK_MIC = "Microphone Array (Realtek(R) Audio)"


def wasapi_seat(default_speaker: str = "Speakers (Realtek(R) Audio)") -> Inventory:
    mk = lambda i, name, ins, outs, ident: DeviceInfo(  # noqa: E731
        name, index=i, hostapi="WASAPI", max_input_channels=ins, max_output_channels=outs,
        default_samplerate=48000.0, id=ident, is_default=name in (default_speaker, REALTEK_MIC),
    )  # fmt: skip
    return Inventory(
        [
            mk(0, "Microphone Array (Realtek(R) Audio)", 2, 0, "{0.0.1.00000000}.{mic-rt}"),
            mk(1, "Headset Microphone (Jabra Evolve2 65)", 1, 0, "{0.0.1.00000000}.{mic-jabra}"),
            mk(2, "Speakers (Realtek(R) Audio)", 0, 2, "{0.0.0.00000000}.{spk-rt}"),
            mk(3, "Headset Earphone (Jabra Evolve2 65)", 0, 2, "{0.0.0.00000000}.{spk-jabra}"),
            mk(4, "DELL U2720Q (NVIDIA High Definition Audio)", 0, 2, "{0.0.0.00000000}.{hdmi}"),
            mk(5, "Microphone (Acme Desk Phone)", 1, 0, "{0.0.1.00000000}.{mic-acme}"),  # no profile: generic
        ],
        source="WASAPI (soundcard)",
        default_input=0,
    )


def test_windows_headset_endpoint_is_picked_by_the_profile_not_the_default() -> None:
    seat = plan_seat(AudioSettings(mic_device="Jabra"), wasapi_seat(), PROFILES, platform="win32")
    assert seat.match is not None and seat.match.profile.name == "jabra-evolve2"
    far = seat.far_end
    assert far is not None and far.possible and far.method == "wasapi_loopback"
    assert far.loopback and far.device is not None and far.device.id == "{0.0.0.00000000}.{spk-jabra}"
    assert far.rule == "capture.far_end.sink_regex /(?i)jabra/ of profile jabra-evolve2"
    assert not far.follows_default


def test_windows_generic_mic_follows_the_default_render_endpoint() -> None:
    inv = wasapi_seat(default_speaker="DELL U2720Q (NVIDIA High Definition Audio)")
    seat = plan_seat(AudioSettings(mic_device="Acme"), inv, PROFILES, platform="win32")
    assert seat.match is not None and seat.match.profile.name == "generic"
    far = seat.far_end
    assert far is not None and far.output is not None and far.output.name.startswith("DELL")
    assert far.follows_default and far.rule.startswith("the default output")


def test_far_end_device_override_beats_every_rule() -> None:
    inv = wasapi_seat()
    seat = plan_seat(
        AudioSettings(mic_device="Jabra", far_end_device="dell"), inv, PROFILES, platform="win32"
    )
    far = seat.far_end
    assert far is not None and far.output is not None and far.output.name.startswith("DELL") and far.loopback
    assert far.rule == "audio.far_end_device 'dell'"
    missing = plan_seat(AudioSettings(far_end_device="Bose"), inv, PROFILES, platform="win32").far_end
    assert (
        missing is not None
        and not missing.possible
        and "matches no input or capturable output" in missing.detail
    )


def test_pulse_monitor_of_the_sink_on_the_same_card_as_the_mic() -> None:
    USB_OUT = "alsa_output.usb-x"
    bus = "device.bus_path=pci-0000:00:14.0-usb-0:3:1.0"
    inv = Inventory(
        [
            DeviceInfo("Acme Desk Phone Mono", index=0, max_input_channels=1, id="alsa_input.usb-x", bus=bus),
            DeviceInfo("Monitor of Built-in", index=1, max_input_channels=2, id="bi.mon", monitor_of="bi"),
            DeviceInfo("Monitor of Acme", index=2, max_input_channels=2, id="usb.mon", monitor_of=USB_OUT),
            DeviceInfo("Built-in", index=3, max_output_channels=2, id="bi", is_default=True),
            DeviceInfo("Acme Output", index=4, max_output_channels=2, id="alsa_output.usb-x", bus=bus),
        ],
        source="PulseAudio 16.1",
    )  # fmt: skip
    assert [d.id for d in capturable_outputs(inv)] == ["bi", "alsa_output.usb-x"]
    mic = inv.devices[0]
    far = plan_far_end(mic, PROFILES.match(mic, "linux").profile, inv, platform="linux")
    assert far.possible and far.device is not None and far.device.id == "usb.mon" and not far.loopback
    assert far.rule == f"same device as the microphone ({bus})"


def test_backend_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_BACKEND, "bogus")
    with pytest.raises(ValueError, match="pulse, wasapi, portaudio"):
        make_backend()
    monkeypatch.setenv(ENV_BACKEND, "portaudio")
    assert make_backend().name == "portaudio"
    assert make_backend(sd_module=object()).name == "portaudio"  # a sounddevice stand-in means PortAudio


class FakeBackend:
    """A WASAPI-like backend: streams are ReaderStreams fed by a fake device clock."""

    name = "wasapi"

    def __init__(self, inventory: Inventory) -> None:
        self.inv = inventory
        self.default = next(d.id for d in inventory.devices if d.is_default and d.max_output_channels)
        self.opened: list[tuple[str, bool, int]] = []
        self.fail_after: dict[str, int] = {}

    def inventory(self) -> Inventory:
        """As the OS sees it now: the default output is whatever ``self.default`` says."""
        devices = [
            dataclasses.replace(d, is_default=d.id == self.default) if d.max_output_channels else d
            for d in self.inv.devices
        ]
        return dataclasses.replace(self.inv, devices=devices)

    def open_input(self, dev: DeviceInfo, spec: StreamSpec) -> ReaderStream:
        rate_hz, channels, block_frames = spec.rate_hz, spec.channels, spec.block_frames
        self.opened.append((dev.name, spec.loopback, rate_hz))
        left = [self.fail_after.get(dev.name, 10**9)]

        def opener() -> Any:
            def read() -> np.ndarray:
                time.sleep(block_frames / rate_hz / 4)  # 4x real time: the test stays short
                left[0] -= 1
                if left[0] < 0:
                    raise OSError("AUDCLNT_E_DEVICE_INVALIDATED")
                return np.full((block_frames, channels), 0.1, np.float32)

            return read, lambda: None

        stream = ReaderStream("lugn-capture-test", opener, spec.callback)
        stream.start()
        return stream

    def play(self, dev: DeviceInfo, audio: np.ndarray, rate_hz: int) -> None:
        pass

    def default_output(self) -> str | None:
        return self.default

    def close(self) -> None:
        pass


def read_until_error(src: LiveSource, timeout_s: float) -> DeviceError:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            src.read(0.05)
        except DeviceError as exc:
            return exc
    raise AssertionError("no DeviceError")


def test_live_source_on_a_fake_wasapi_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "win32")
    backend = FakeBackend(wasapi_seat())
    backend.fail_after["Headset Earphone (Jabra Evolve2 65)"] = 3  # the headset is unplugged mid-call
    src = LiveSource(AudioSettings(mic_device="Jabra"), backend=backend)
    src.open()
    try:
        assert backend.opened == [
            ("Headset Microphone (Jabra Evolve2 65)", False, 48000),
            ("Headset Earphone (Jabra Evolve2 65)", True, 48000),  # the render endpoint, by loopback
        ]
        err = read_until_error(src, 5.0)
        assert err.source == "far_end" and "AUDCLNT_E_DEVICE_INVALIDATED" in str(err)
    finally:
        src.close()
    assert not [t for t in threading.enumerate() if t.name == "lugn-capture-test" and t.is_alive()]


def test_default_change_follows_only_a_default_far_end(monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setattr("device.audio.live.DEFAULT_CHECK_S", 0.05)
    backend = FakeBackend(wasapi_seat())
    src = LiveSource(AudioSettings(mic_device="Acme"), backend=backend)  # generic: far end = the default
    src.open()
    backend.default = "{0.0.0.00000000}.{hdmi}"
    err = read_until_error(src, 3.0)
    assert err.source == "far_end" and "default output changed" in str(err)
    src.close()
    src.open()
    assert src.devices["far_end"].name.startswith("DELL")  # re-chosen: the new default
    src.close()
    caplog.set_level(logging.WARNING, logger="device.audio.live")
    headset = LiveSource(AudioSettings(mic_device="Jabra"), backend=FakeBackend(wasapi_seat()))
    headset.open()
    try:
        headset.backend.default = "{0.0.0.00000000}.{hdmi}"
        t0 = time.monotonic()
        while time.monotonic() - t0 < 0.5:
            headset.read(0.05)  # no error: a headset picked by its name rule stays
        assert "still capturing 'Headset Earphone (Jabra Evolve2 65)'" in caplog.text
    finally:
        headset.close()
