"""WASAPI capture through ``soundcard`` (BSD-3, cffi): the loopback of the headset's render endpoint for the
customer, the headset's capture endpoint for the agent. Windows is where this backend is meant to run.

Why soundcard and not PyAudioWPatch (a PortAudio fork with WASAPI loopback): WASAPI delivers no loopback
packets while nothing plays; soundcard fills that time with zeros, whereas a PortAudio loopback stream just
stops calling back, which looks the same as an unplugged headset. soundcard also ships a PyInstaller hook.
Its recorder polls WASAPI while it waits (sleeps of a quarter device period), so the capture thread sleeps
until a block is due before asking for it: one wake-up per block instead of hundreds.

The same code runs on Linux against PulseAudio (soundcard's libpulse implementation, where a sink's
loopback is its ``.monitor``), which is how the tests exercise this path for real. Linux seats use
``device.audio.pulse``: soundcard connects to the server once, at import, and cannot follow a restarted one.
"""

from __future__ import annotations

import sys
import time
from typing import Any

import numpy as np

from device.audio.capture import ReaderStream, StreamSpec
from device.hwinfo import Inventory
from device.profiles import DeviceInfo

HOSTAPI = "WASAPI" if sys.platform == "win32" else "soundcard"


def _soundcard() -> Any:
    saved = sys.argv
    if saved[:1] == ["-c"] and len(saved) < 2:  # soundcard names its client from argv[1] after "-c"
        sys.argv = ["-c", "lugn"]
    try:
        import soundcard
    finally:
        sys.argv = saved
    return soundcard


def soundcard_problem() -> str | None:
    """Why soundcard cannot be used here (None = it can)."""
    try:
        _soundcard()
    except Exception as exc:  # ImportError, or its import-time connection failing (AssertionError)
        return f"the soundcard library is not usable: {type(exc).__name__}: {exc}"
    return None


class SoundcardBackend:
    name = "wasapi"

    def __init__(self) -> None:
        self._default_speaker: str | None = None

    def inventory(self) -> Inventory:
        try:
            sc = _soundcard()
            speakers, mics = sc.all_speakers(), sc.all_microphones(include_loopback=False)
            default_spk, default_mic = sc.default_speaker(), sc.default_microphone()
        except Exception as exc:
            return Inventory(source=HOSTAPI, error=f"{HOSTAPI} devices cannot be listed: {exc}")
        endpoints = [(m, False, default_mic) for m in mics] + [(s, True, default_spk) for s in speakers]
        devices = [
            DeviceInfo(
                name=str(e.name),
                index=index,
                hostapi=HOSTAPI,
                default_samplerate=48000.0,
                id=str(e.id),
                is_default=e.id == default.id,
                max_input_channels=0 if output else int(e.channels),
                max_output_channels=int(e.channels) if output else 0,
            )
            for index, (e, output, default) in enumerate(endpoints)
        ]
        default_in = next((d.index for d in devices if d.is_default and d.max_input_channels), None)
        return Inventory(devices, source=f"{HOSTAPI} (soundcard)", default_input=default_in)

    def _microphone(self, dev: DeviceInfo, loopback: bool) -> Any:
        sc = _soundcard()
        if not loopback:
            return sc.get_microphone(dev.id, include_loopback=False)
        for mic in sc.all_microphones(include_loopback=True):
            # Windows: the loopback has the render endpoint's id; PulseAudio: "<sink>.monitor"
            if getattr(mic, "isloopback", False) and mic.id in (dev.id, f"{dev.id}.monitor"):
                return mic
        raise OSError(f"no loopback for {dev.name!r} (is it still connected?)")

    def open_input(self, dev: DeviceInfo, spec: StreamSpec) -> ReaderStream:
        rate_hz, block_frames, loopback = spec.rate_hz, spec.block_frames, spec.loopback
        block_s = block_frames / rate_hz

        def opener() -> tuple[Any, Any]:
            mic = self._microphone(dev, loopback)
            # a buffer of two blocks, so one that is due is already there when asked for
            recorder = mic.recorder(samplerate=rate_hz, channels=spec.channels, blocksize=2 * block_frames)
            recorder.__enter__()
            t0 = time.monotonic()
            count = [0]

            def read() -> np.ndarray:
                due = t0 + (count[0] + 1) * block_s - 0.1 * block_s
                if (wait := due - time.monotonic()) > 0:
                    time.sleep(wait)
                count[0] += 1
                data = recorder.record(numframes=block_frames)
                return np.asarray(data, np.float32).reshape(block_frames, -1)

            return read, lambda: recorder.__exit__(None, None, None)

        role = "far-end" if loopback else "mic"
        reader = ReaderStream(f"lugn-capture-{role}", opener, spec.callback)
        reader.start()
        return reader

    def play(self, dev: DeviceInfo, audio: np.ndarray, rate_hz: int) -> None:
        speaker = _soundcard().get_speaker(dev.id)
        speaker.play(audio.astype(np.float32), samplerate=rate_hz, channels=1)

    def default_output(self) -> str | None:
        try:
            return str(_soundcard().default_speaker().id)
        except Exception:
            return None

    def close(self) -> None:
        pass
