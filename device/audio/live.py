"""Live capture with sounddevice: the agent's microphone and the far end (the customer).

The far end is a loopback of what the headset plays: a PipeWire/PulseAudio ``monitor`` source, a WASAPI
loopback device on Windows, or one channel of a stereo call-recorder device (then both sides come from one
stream). The PortAudio callback only copies the block and enqueues it (bounded queue, overflows counted);
conversion to 16 kHz mono happens in ``read()`` on the pipeline thread.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from device.audio import SAMPLE_RATE_HZ
from device.audio.resample import DeviceConverter
from device.audio.settings import AudioSettings
from device.audio.source import Chunk, DeviceError

LOOPBACK_HINTS = ("monitor", "loopback", "stereo mix", "what u hear")
STALL_S = 2.0  # a started stream that delivers nothing for this long is treated as gone
MAX_SKEW_S = 0.5  # two device clocks drift; beyond this the side that is ahead drops its oldest audio


@dataclass(frozen=True)
class DeviceInfo:
    index: int
    name: str
    hostapi: str
    max_input_channels: int
    default_samplerate: float


def input_devices(sd: Any) -> list[DeviceInfo]:
    """All capture-capable devices PortAudio reports."""
    apis = sd.query_hostapis()
    out = []
    for i, dev in enumerate(sd.query_devices()):
        if int(dev["max_input_channels"]) > 0:
            api = apis[int(dev["hostapi"])]["name"] if apis else ""
            out.append(
                DeviceInfo(
                    i, str(dev["name"]), api, int(dev["max_input_channels"]), float(dev["default_samplerate"])
                )
            )
    return out


def select_device(
    devices: list[DeviceInfo], wanted: str | None, role: str, default_index: int = -1
) -> DeviceInfo:
    """The device for ``role`` ("mic" or "far_end"): by name substring, else the default mic / a loopback."""
    if not devices:
        raise DeviceError(
            "PortAudio reports no audio input devices (no sound card, or PulseAudio/PipeWire not running "
            "for this user); plug in the headset or check `lugn run --list-devices`",
            role,
        )
    if wanted:
        matches = [d for d in devices if wanted.lower() in d.name.lower()]
        if not matches:
            names = ", ".join(repr(d.name) for d in devices)
            raise DeviceError(
                f"audio.{role}_device {wanted!r} matches none of the input devices: {names}", role
            )
        return matches[0]
    loopbacks = [d for d in devices if any(h in d.name.lower() for h in LOOPBACK_HINTS)]
    if role == "far_end":
        if not loopbacks:
            raise DeviceError(
                "no loopback/monitor input found for the customer's side; set audio.far_end_device "
                "(e.g. the PulseAudio '… Monitor of <headset>' source) or a stereo call-recorder device",
                role,
            )
        return loopbacks[0]
    for d in devices:
        if d.index == default_index:
            return d
    non_loop = [d for d in devices if d not in loopbacks]
    return (non_loop or devices)[0]


class LiveSource:
    """Agent mic + far end from sounddevice, as 16 kHz mono float32 chunks."""

    name = "live"

    def __init__(
        self, settings: AudioSettings | None = None, queue_blocks: int = 256, sd_module: Any = None
    ) -> None:
        self.settings = settings or AudioSettings()
        self._sd = sd_module
        self._queue: queue.Queue[tuple[str, np.ndarray]] = queue.Queue(maxsize=queue_blocks)
        self.overflows = 0  # blocks dropped because the pipeline fell behind
        self.status_flags = 0  # PortAudio over/underflow reports
        self._lock = threading.Lock()
        self._streams: list[Any] = []
        self._converters: dict[str, DeviceConverter] = {}
        self._pending: dict[str, np.ndarray] = {}
        self._last_data = 0.0
        self._opened_before = False
        self.devices: dict[str, DeviceInfo] = {}

    # --- device side (PortAudio thread) -------------------------------------------------------------------
    def callback_for(self, sides: tuple[str, ...]) -> Any:
        """The PortAudio callback for a stream feeding ``sides``: copy + enqueue, nothing else."""

        def callback(indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
            if status:
                self.status_flags += 1
            block = indata.copy()
            for side in sides:
                try:
                    self._queue.put_nowait((side, block))
                except queue.Full:
                    self.overflows += 1

        return callback

    # --- pipeline side --------------------------------------------------------------------------------------
    def open(self) -> None:
        sd = self._sd or _import_sounddevice()
        self.close()
        if self._opened_before:
            try:
                sd._terminate()  # re-scan devices so a re-plugged headset is seen
                sd._initialize()
            except Exception:  # best effort; older sounddevice versions lack these
                pass
        self._opened_before = True
        devices = input_devices(sd)
        default_in = _default_input(sd)
        mic = select_device(devices, self.settings.mic_device, "mic", default_in)
        far = select_device(devices, self.settings.far_end_device, "far_end", default_in)
        self.devices = {"mic": mic, "far_end": far}
        plan: list[tuple[DeviceInfo, tuple[str, ...]]]
        if mic.index == far.index:  # a stereo call recorder: both sides in one stream
            plan = [(mic, ("agent", "customer"))]
        else:
            plan = [(mic, ("agent",)), (far, ("customer",))]
        same = mic.index == far.index
        mic_ch = self.settings.mic_channel if self.settings.mic_channel is not None else (0 if same else None)
        far_ch = self.settings.far_end_channel
        if far_ch is None and same:
            far_ch = 1
        self._converters = {
            "agent": DeviceConverter(int(mic.default_samplerate), mic_ch),
            "customer": DeviceConverter(int(far.default_samplerate), far_ch),
        }
        wanted = {"agent": mic_ch, "customer": far_ch}
        self._pending = {"agent": np.zeros(0, np.float32), "customer": np.zeros(0, np.float32)}
        try:
            for dev, sides in plan:
                picks = [wanted[side] for side in sides]
                chosen = [int(p) for p in picks if p is not None]
                need = max(chosen) + 1 if chosen else 1
                if need > dev.max_input_channels:
                    raise DeviceError(
                        f"{dev.name!r} has {dev.max_input_channels} input channel(s); audio settings ask for "
                        f"channel index {need - 1}",
                        "far_end" if "customer" in sides else "mic",
                    )
                # Mixing (no channel chosen) uses up to two channels; a chosen channel needs that many.
                channels = max(need, min(dev.max_input_channels, 2)) if None in picks else need
                stream = sd.InputStream(
                    device=dev.index,
                    samplerate=dev.default_samplerate,
                    channels=channels,
                    dtype="float32",
                    blocksize=int(dev.default_samplerate * 0.032),
                    callback=self.callback_for(sides),
                )
                self._streams.append(stream)
                stream.start()
        except DeviceError:
            self.close()
            raise
        except Exception as exc:
            self.close()
            raise DeviceError(f"cannot open audio device: {exc}", "mic") from exc
        self._last_data = time.monotonic()

    def read(self, timeout_s: float) -> Chunk | None:
        deadline = time.monotonic() + timeout_s
        got = False
        while True:
            try:
                side, block = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            self._accept(side, block)
            got = True
            if self._queue.empty():
                break
        now = time.monotonic()
        if got:
            self._last_data = now
        for stream in self._streams:
            if not getattr(stream, "active", True):
                raise DeviceError("audio stream stopped (device unplugged?)", "mic")
        if now - self._last_data > STALL_S:
            raise DeviceError(f"no audio from the device for {STALL_S:.0f} s (device unplugged?)", "mic")
        return self._take()

    def close(self) -> None:
        for stream in self._streams:
            try:
                stream.abort()
                stream.close()
            except Exception:  # a vanished device may fail to close
                pass
        self._streams = []
        while not self._queue.empty():
            self._queue.get_nowait()

    def _accept(self, side: str, block: np.ndarray) -> None:
        conv = self._converters.get(side)
        if conv is None:
            return
        self._pending[side] = np.concatenate([self._pending[side], conv.process(block)])

    def _take(self) -> Chunk | None:
        a, c = self._pending["agent"], self._pending["customer"]
        skew = int(MAX_SKEW_S * SAMPLE_RATE_HZ)
        if len(a) - len(c) > skew:
            a = a[len(a) - len(c) - skew :]
        elif len(c) - len(a) > skew:
            c = c[len(c) - len(a) - skew :]
        n = min(len(a), len(c))
        self._pending = {"agent": a[n:], "customer": c[n:]}
        if n == 0:
            return None
        return Chunk(a[:n], c[:n])


def _default_input(sd: Any) -> int:
    try:
        default = sd.default.device
        return int(default[0] if isinstance(default, list | tuple) else default)
    except Exception:
        return -1


def _import_sounddevice() -> Any:
    try:
        import sounddevice as sd
    except OSError as exc:  # the PortAudio library itself is missing
        raise DeviceError(f"PortAudio is not installed ({exc}); install libportaudio2", "mic") from exc
    return sd


def describe_devices(sd_module: Any = None) -> list[DeviceInfo]:
    """For ``lugn run --list-devices`` and the settings dialog."""
    return input_devices(sd_module or _import_sounddevice())
