"""The PortAudio backend (sounddevice): plain ALSA seats, stereo call recorders, the simulated headset.

PortAudio calls the callback from its own thread; the callback copies and enqueues (``LiveSource``).
Debian's PortAudio has no PulseAudio host API and sounddevice's has no WASAPI loopback, which is why the
``pulse`` and ``wasapi`` backends exist; this one stays for seats without a sound server.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from device.audio.capture import StreamSpec
from device.audio.source import DeviceError
from device.hwinfo import Inventory, query_portaudio
from device.profiles import DeviceInfo


def import_sounddevice() -> Any:
    try:
        import sounddevice as sd
    except OSError as exc:  # the PortAudio library itself is missing
        raise DeviceError(f"PortAudio is not installed ({exc}); install libportaudio2", "mic") from exc
    return sd


class PortAudioBackend:
    name = "portaudio"

    def __init__(self, sd_module: Any = None) -> None:
        self._sd = sd_module
        self._opened_before = False

    @property
    def sd(self) -> Any:
        if self._sd is None:
            self._sd = import_sounddevice()
        return self._sd

    def inventory(self) -> Inventory:
        if self._opened_before:
            try:
                self.sd._terminate()  # re-scan devices so a re-plugged headset is seen
                self.sd._initialize()
            except Exception:  # best effort; older sounddevice versions lack these
                pass
        self._opened_before = True
        try:
            return query_portaudio(self.sd)
        except DeviceError as exc:
            return Inventory(error=str(exc))

    def open_input(self, dev: DeviceInfo, spec: StreamSpec) -> Any:
        extra = None
        if spec.loopback:
            try:
                extra = self.sd.WasapiSettings(loopback=True)
            except TypeError as exc:
                raise DeviceError(
                    "this sounddevice/PortAudio build cannot open WASAPI loopback; use the wasapi backend "
                    "(LUGN_AUDIO_BACKEND=wasapi, needs the soundcard package) or set audio.far_end_device "
                    "to a loopback input",
                    "far_end",
                ) from exc
        stream = self.sd.InputStream(
            device=dev.index,
            samplerate=spec.rate_hz,
            channels=spec.channels,
            dtype="float32",
            blocksize=spec.block_frames,
            latency=spec.latency_s,
            extra_settings=extra,
            callback=spec.callback,
        )
        stream.start()
        return stream

    def play(self, dev: DeviceInfo, audio: np.ndarray, rate_hz: int) -> None:
        self.sd.play(audio.astype(np.float32), samplerate=rate_hz, device=dev.index, blocking=True)

    def default_output(self) -> str | None:
        return None  # PortAudio's defaults are fixed at initialisation: nothing to notice mid-call

    def close(self) -> None:
        pass
