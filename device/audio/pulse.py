"""PulseAudio / PipeWire (pipewire-pulse) capture: sink monitors for the customer, sources for the agent.

Discovery (sinks, sources, which source monitors which sink, the defaults, the USB card behind each) goes
through ``pulsectl`` (MIT; ctypes over libpulse). Audio goes through libpulse's own API, bound with ctypes in
``device.audio.libpulse``: each stream on its own connection whose mainloop runs only when the reader pumps
it (``PulseBackend.pump``, called by ``LiveSource.read`` on the pipeline thread), so capture adds no thread
and no wake-up per packet. One connection per stream (not one for both) lets the reader wait in ``poll()``
for the one stream it is short of: a shared socket would wake it for every 20 ms packet of the other one
(measured: 70-86 wake-ups a second instead of ~10). Each open makes fresh connections, so a restarted
pipewire-pulse is picked up by the next re-open, and no connection is made at import time. Streams are
opened with ``PA_STREAM_DONT_MOVE``: a removed sink ends its monitor stream at once (measured: 3 ms after
the unload) instead of the server moving it to the default source.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any

import numpy as np

from device.audio.capture import StreamSpec
from device.audio.libpulse import Connection, RecordStream, SimplePlayback
from device.hwinfo import Inventory, _usb_info
from device.profiles import DeviceInfo


def _connect() -> Any:
    """A pulsectl connection to the user's server (``$PULSE_SERVER`` honoured); never starts a server."""
    import pulsectl

    pulse = pulsectl.Pulse("Lugn", connect=False)
    try:
        pulse.connect(autospawn=False)  # no timeout argument: pulsectl then polls out the whole timeout
    except Exception:
        pulse.close()
        raise
    return pulse


def pulse_reachable() -> bool:
    """Is a PulseAudio-compatible server running for this user (and libpulse installed)?"""
    if not sys.platform.startswith("linux"):
        return False
    try:
        _connect().close()
    except Exception:  # ImportError/OSError without libpulse, PulseError without a server
        return False
    return True


def _bus(proplist: dict[str, str]) -> str | None:
    """What physical device a sink/source sits on, so the headset's mic and speaker can be paired."""
    for key in ("device.bus_path", "sysfs.path", "alsa.card"):
        if proplist.get(key):
            return f"{key}={proplist[key]}"
    return None


def _ids(proplist: dict[str, str]) -> tuple[str | None, str | None]:
    card = proplist.get("alsa.card", "")
    if card.isdigit() and sys.platform.startswith("linux"):
        usb_id, firmware = _usb_info(int(card), Path("/"))
        if usb_id:
            return usb_id, firmware
    vendor, product = proplist.get("device.vendor.id"), proplist.get("device.product.id")
    if proplist.get("device.bus") == "usb" and vendor and product:
        return f"{vendor}:{product}".lower(), None
    return None, None


def _device(
    s: Any, index: int, is_default: bool, *, output: bool, monitor_of: str | None = None
) -> DeviceInfo:
    """A pulsectl source (``output=False``) or sink as a DeviceInfo."""
    props = dict(s.proplist)
    channels = int(s.channel_count)
    usb_id, firmware = _ids(props)
    return DeviceInfo(
        name=str(s.description),
        usb_id=usb_id,
        firmware=firmware,
        index=index,
        hostapi="PulseAudio",
        default_samplerate=float(s.sample_spec.rate),
        id=str(s.name),
        bus=_bus(props),
        is_default=is_default,
        max_input_channels=0 if output else channels,
        max_output_channels=channels if output else 0,
        monitor_of=monitor_of,
    )


class PulseBackend:
    name = "pulse"
    fresh_blocks = True  # each pulled block is a new array: LiveSource's callback need not copy it
    # The sound server converts any client stream from the device's own rate and channels (in C, once): asked
    # for the pipeline's 16 kHz mono it hands over what the pipeline needs, where 48 kHz stereo made the
    # server convert to 48 kHz and Lugn convert again to 16 kHz (Lugn's process 1.65-2.80 % of a core
    # against 1.45-1.60 %, the server the same, in alternated 20 s runs on the bench's seat).
    converts = True

    def __init__(self) -> None:
        self._pulse: Any = None  # pulsectl control connection: discovery, the default-output check
        self._streams: list[RecordStream] = []  # each on its own Connection

    def _control(self) -> Any:
        if self._pulse is None:
            self._pulse = _connect()
        return self._pulse

    def inventory(self) -> Inventory:
        try:
            pulse = self._control()
            info = pulse.server_info()
            sinks, sources = pulse.sink_list(), pulse.source_list()
        except Exception as exc:
            self._close_control()
            return Inventory(source="PulseAudio", error=f"PulseAudio/PipeWire is not reachable: {exc}")
        devices: list[DeviceInfo] = []
        sink_names = {s.index: s.name for s in sinks}
        for s in sources:
            devices.append(
                _device(s, len(devices), s.name == info.default_source_name, output=False,
                        monitor_of=sink_names.get(s.monitor_of_sink))
            )  # fmt: skip
        for s in sinks:
            devices.append(_device(s, len(devices), s.name == info.default_sink_name, output=True))
        default_in = next((d.index for d in devices if d.is_default and d.max_input_channels), None)
        server = os.environ.get("PULSE_SERVER") or "default socket"
        what = f"PulseAudio {info.server_version}" if "PipeWire" not in info.server_name else info.server_name
        return Inventory(devices, source=f"{what} ({server})", default_input=default_in)

    def open_input(self, dev: DeviceInfo, spec: StreamSpec) -> RecordStream:
        """A record stream on a connection of its own. Nothing arrives until ``pump`` runs: the caller's
        thread (or ``device.audio.capture.Pumper``) drives the stream."""
        device = dev.id
        if spec.loopback:  # an output was chosen: capture its monitor
            device = f"{dev.id}.monitor"
        role = "far-end" if dev.monitor_of or spec.loopback else "mic"
        conn = Connection("Lugn")
        try:
            stream = RecordStream(
                conn, str(device), spec.rate_hz, spec.channels, spec.block_frames,
                f"Lugn {role} {len(self._streams)}", spec.callback,
            )  # fmt: skip
        except Exception:
            conn.close()
            raise
        self._streams.append(stream)
        return stream

    def dispatch(self, wait_s: float = 0.0, stream: Any = None) -> None:
        """Handle what the server sent (``RecordStream.readable_frames`` then counts it), delivering nothing.
        With ``wait_s`` > 0: wait (in ``poll()``) up to that long for the next packet of ``stream`` (default:
        the first), and handle that stream's connection only."""
        if wait_s > 0 and self._streams:
            (stream or self._streams[0]).conn.pump(wait_s)
            return
        for each in self._streams:
            each.conn.pump(0.0)

    def pull(self) -> None:
        """Hand what each stream has received (as of the last dispatch) to its callback, on this thread."""
        for each in self._streams:
            each.pull()

    def pump(self, wait_s: float = 0.0, stream: Any = None) -> None:
        """``dispatch`` + ``pull``: for callers that want blocks pushed (``device.audio.capture.Pumper``)."""
        self.dispatch(wait_s, stream)
        if wait_s > 0:
            self.dispatch()
        self.pull()

    def play(self, dev: DeviceInfo, audio: np.ndarray, rate_hz: int) -> None:
        stream = SimplePlayback(dev.id, rate_hz)
        try:
            stream.write(audio.astype(np.float32).reshape(-1, 1))
        finally:
            stream.free()

    def busy(self, dev: DeviceInfo) -> list[str]:
        """Other programs playing on output ``dev`` right now (a softphone in a call)."""
        pulse = self._control()
        sink = next((s for s in pulse.sink_list() if s.name == dev.id), None)
        if sink is None:
            return []
        return [
            str(i.proplist.get("application.name") or i.name)
            for i in pulse.sink_input_list()
            if i.sink == sink.index and not i.corked
        ]

    def default_output(self) -> str | None:
        try:
            return str(self._control().server_info().default_sink_name) or None
        except Exception:
            self._close_control()  # (not the streams: a failed query is not a lost device)
            return None

    def close_streams(self) -> None:
        """Close every stream, then its connection (the stream first: it lives on that mainloop)."""
        for stream in self._streams:
            with contextlib.suppress(Exception):  # a server that is gone may fail the disconnect too
                stream.close()
            stream.conn.close()
        self._streams = []

    def _close_control(self) -> None:
        if self._pulse is not None:
            with contextlib.suppress(Exception):
                self._pulse.close()
            self._pulse = None

    def close(self) -> None:
        self.close_streams()
        self._close_control()
