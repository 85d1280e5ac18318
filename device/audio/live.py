"""Live capture: the agent's microphone and the far end (the customer), through a capture backend.

The far end is what the headset plays: the monitor of its PulseAudio/PipeWire sink, the WASAPI loopback of
its render endpoint, or one channel of a stereo call-recorder device (then both sides come from one stream).
Backends (``device.audio.capture``: pulse, wasapi, portaudio) call back with each block; the callback only
copies and enqueues it (bounded queue, overflows counted); conversion to 16 kHz mono happens in ``read()`` on
the pipeline thread. WASAPI and PortAudio call back from their own thread; the pulse backend is pulled:
``read()`` pumps it, so on a PulseAudio/PipeWire seat capture runs on the pipeline thread and costs no thread
and no wake-up of its own (see ``_wait_pulled``).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
from typing import Any

import numpy as np

from device.audio import SAMPLE_RATE_HZ
from device.audio.capture import StreamSpec
from device.audio.resample import DeviceConverter
from device.audio.settings import AudioSettings
from device.audio.source import Chunk, DeviceError
from device.inference.vad import FRAME_SAMPLES, GROUP_FRAMES

log = logging.getLogger(__name__)
STALL_S = 2.0  # a started stream that delivers nothing for this long is treated as gone
# ... except right after opening: an idle PulseAudio sink renders in up to 2 s pieces until a monitor
# stream's latency request reaches it (measured: first block 2.0 s after opening a null sink's monitor).
FIRST_BLOCK_S = 4.0
DEFAULT_CHECK_S = 2.0  # how often the default output is compared with the one at open
MAX_SKEW_S = 0.5  # two device clocks drift; beyond this the side that is ahead drops its oldest audio
# Audio goes to the pipeline in 192 ms pieces (one VAD group: GROUP_FRAMES x FRAME_SAMPLES, one model
# call for both sides), and PortAudio delivers the same 192 ms per callback. At real-time pacing every
# wake-up pays for cold caches, so wake-ups, not arithmetic, are most of the CPU cost. Measured with `lugn
# bench`'s simulated 48 kHz headset, pipeline thread, 3 alternated 20 s runs each: 32 ms blocks woken per
# block ~3.5 %; 96 ms reads 2.25-2.6 %; 192 ms reads + 6-frame VAD groups 1.75-1.85 %. The price: audio
# reaches the pipeline up to ~0.2 s later (~0.1 s more than with 96 ms), on top of ~1.9 s of tone smoothing.
MIN_READ_S = GROUP_FRAMES * FRAME_SAMPLES / SAMPLE_RATE_HZ  # one VAD group: 0.192 s
DEVICE_BLOCK_S = MIN_READ_S
WAKE_SLACK_S = 0.004  # sleep a little past the expected arrival so both streams' blocks are in
# Pulled backends: wake this much before the missing audio can all be there, then wait in poll() for the
# packet that completes it. Waking on the packet keeps the read on the arrival (a timer alone drifts later
# by its slack every block when a stream comes in 192 ms lumps: up to a whole block of extra latency).
PULL_EARLY_S = 0.002


class LiveSource:
    """Agent mic + far end from sounddevice, as 16 kHz mono float32 chunks.

    Which devices, rates and channels come from the seat plan: the audio settings, the matched headset
    profile (``firmware_profiles/``) and the far-end method it names (monitor, WASAPI loopback, a channel)."""

    name = "live"

    def __init__(
        self,
        settings: AudioSettings | None = None,
        queue_blocks: int = 256,
        sd_module: Any = None,
        backend: Any = None,
    ) -> None:
        self.settings = settings or AudioSettings()
        self._sd = sd_module
        self.backend: Any = backend  # device.audio.capture.CaptureBackend; chosen at the first open
        # PortAudio thread -> pipeline thread. A deque's append/popleft are atomic: no lock, no condition
        # variable (queue.Queue's cost ~10 us per block on each side); the bound is checked by hand.
        self._queue: deque[tuple[str, np.ndarray]] = deque()
        self._queue_blocks = queue_blocks
        self.overflows = 0  # blocks dropped because the pipeline fell behind
        self.status_flags = 0  # PortAudio over/underflow reports
        self.bad_blocks = 0  # blocks with NaN/inf samples (zeroed)
        self._lock = threading.Lock()
        self._streams: list[Any] = []
        self._converters: dict[str, DeviceConverter] = {}
        self._pending: dict[str, np.ndarray] = {}
        self._last_data = 0.0
        self._last_arrival = 0.0
        self._got_first = False
        self._heard: set[str] = set()  # the sides that have delivered audio since the open
        self._aligned = False  # ... and whether both sides were then cut to the same length (_take)
        self._default_out: str | None = None
        self._next_default_check = 0.0
        self._roles: list[str] = []
        self._feeds: dict[str, Any] = {}  # side -> the stream that delivers it
        self._pulled = False  # the backend delivers only when pumped (pulse): see _wait_pulled
        self._gain = 1.0
        self.min_read_samples = round(MIN_READ_S * SAMPLE_RATE_HZ)
        self.plan: Any = None
        self.devices: dict[str, Any] = {}  # device.profiles.DeviceInfo by role

    # --- device side (PortAudio thread) -------------------------------------------------------------------
    def callback_for(self, sides: tuple[str, ...]) -> Any:
        """The PortAudio callback for a stream feeding ``sides``: copy + enqueue, nothing else. A backend
        whose blocks are fresh arrays (``fresh_blocks``: pulse) is not copied again."""
        copy = not getattr(self.backend, "fresh_blocks", False)

        def callback(indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
            if status:
                self.status_flags += 1
            block = indata.copy() if copy else indata
            self._last_arrival = time.monotonic()  # the pipeline times its next wake-up from the arrivals
            for side in sides:
                if len(self._queue) >= self._queue_blocks:
                    self.overflows += 1
                else:
                    self._queue.append((side, block))

        return callback

    # --- pipeline side --------------------------------------------------------------------------------------
    def open(self) -> None:
        """Plan the seat (mic, headset profile, far end: ``device.hwinfo.plan_seat``); start the streams."""
        from device.audio.capture import make_backend
        from device.hwinfo import plan_seat

        self.close()
        if self.backend is None:
            try:
                self.backend = make_backend(sd_module=self._sd)
            except ValueError as exc:
                raise DeviceError(str(exc), "mic") from exc
        self._pulled = all(hasattr(self.backend, m) for m in ("dispatch", "pull"))
        inventory = self.backend.inventory()
        if inventory.error:
            raise DeviceError(inventory.error, "mic")
        plan = plan_seat(self.settings, inventory)
        if plan.problem or plan.mic is None or plan.match is None or plan.far_end is None:
            raise DeviceError(plan.problem or "no microphone found", "mic")
        if not plan.far_end.possible or plan.far_end.device is None:
            raise DeviceError(f"customer side: {plan.far_end.detail}", "far_end")
        self.plan = plan
        profile = plan.match.profile
        mic, far = plan.mic, plan.far_end.device
        same = mic.index == far.index
        mic_ch = self.settings.mic_channel
        if mic_ch is None:
            mic_ch = profile.capture.mic_channel if (same or profile.audio.channels > 1) else None
        far_ch = self.settings.far_end_channel
        if far_ch is None and (same or plan.far_end.method == "stereo_channel"):
            far_ch = profile.capture.far_end.channel if profile.capture.far_end.channel is not None else 1
        loopback = plan.far_end.loopback or (
            plan.far_end.method == "wasapi_loopback" and far.max_input_channels == 0
        )
        streams: list[tuple[Any, tuple[str, ...], int | None]] = (
            [(mic, ("agent", "customer"), None)]
            if same
            else [(mic, ("agent",), None), (far, ("customer",), None)]
        )
        wanted = {"agent": mic_ch, "customer": far_ch}
        gain = 10.0 ** (profile.capture.mic_calibration_db / 20.0)
        self._pending = {"agent": np.zeros(0, np.float32), "customer": np.zeros(0, np.float32)}
        self._converters = {}
        try:
            for dev, sides, _ in streams:
                picks = [wanted[side] for side in sides]
                chosen = [int(p) for p in picks if p is not None]
                need = max(chosen) + 1 if chosen else 1
                available = dev.max_output_channels if (loopback and dev is far) else dev.max_input_channels
                if need > available:
                    raise DeviceError(
                        f"{dev.name!r} has {available} input channel(s); the audio settings / headset "
                        f"profile ask for channel index {need - 1}",
                        "far_end" if "customer" in sides else "mic",
                    )
                # Mixing (no channel chosen) uses up to two channels, or one from a sound server, which
                # mixes itself; a chosen channel needs that many.
                mix = 1 if getattr(self.backend, "converts", False) else min(available, 2)
                channels = max(need, mix) if None in picks else need
                rate = self._open_stream(dev, channels, sides, profile, loopback and dev is far)
                for side in sides:
                    self._feeds[side] = self._streams[-1]
                    self._converters[side] = conv = DeviceConverter(rate, wanted[side])
                    # The filter's look-ahead holds back a few output samples per block (10 at 48 kHz);
                    # that many leading zeros keep each device block = whole VAD groups, so the last group
                    # of a block does not wait for the next block (measured: +0.19 s to the indicator).
                    self._pending[side] = np.zeros(conv.resampler.output_lag(), np.float32)
        except DeviceError:
            self.close()
            raise
        except Exception as exc:
            self.close()
            raise DeviceError(f"cannot open audio device: {exc}", "mic") from exc
        self._gain = gain
        self.devices = {"mic": mic, "far_end": far}
        self._last_data = time.monotonic()
        self._got_first = False
        self._heard, self._aligned = set(), False
        self._default_out = self.backend.default_output()
        self._next_default_check = self._last_data + DEFAULT_CHECK_S

    def _open_stream(
        self, dev: Any, channels: int, sides: tuple[str, ...], profile: Any, loopback: bool
    ) -> int:
        """Start one input stream at the profile's rate, else the device's own; returns the rate used. A
        sound server (``backend.converts``) is asked for the pipeline's rate first: it converts from the
        device's rate anyway, and the profile's rate is about opening the hardware, which the server does."""
        role = "far_end" if "customer" in sides else "mic"
        last: Exception | None = None
        rates = [int(profile.audio.sample_rate_hz), int(dev.default_samplerate or 0)]
        if getattr(self.backend, "converts", False):
            rates.insert(0, SAMPLE_RATE_HZ)
        for rate in dict.fromkeys(rates):
            if rate <= 0:
                continue
            try:
                spec = StreamSpec(
                    rate, channels, int(rate * DEVICE_BLOCK_S), self.callback_for(sides), loopback,
                    profile.audio.latency_ms / 1000.0,
                )  # fmt: skip
                stream = self.backend.open_input(dev, spec)
            except DeviceError:
                raise
            except Exception as exc:  # PortAudioError / OSError: rate or channel count not supported
                last = exc
                continue
            self._streams.append(stream)
            self._roles.append(role)
            return rate
        raise DeviceError(f"cannot open {dev.name!r}: {last}", role)

    def read(self, timeout_s: float) -> Chunk | None:
        deadline = time.monotonic() + timeout_s
        got = self._wait_pulled(deadline) if self._pulled else self._wait_pushed(deadline)
        now = time.monotonic()
        if got:
            self._last_data, self._got_first = now, True
        for stream, role in zip(self._streams, self._roles, strict=True):
            if not getattr(stream, "active", True):
                why = getattr(stream, "error", None) or "device unplugged?"
                raise DeviceError(f"audio stream stopped ({why})", role)
        limit = STALL_S if self._got_first else FIRST_BLOCK_S
        if now - self._last_data > limit:
            raise DeviceError(f"no audio from the device for {limit:.0f} s (device unplugged?)", "mic")
        if now >= self._next_default_check:
            self._check_default(now)
        return self._take(self.min_read_samples)

    def _wait_pushed(self, deadline: float) -> bool:
        """Backends that call back from their own thread: convert what they queued until a read is complete.
        Sleeps until the next device block is due, timed from the last arrival (not from now: that would
        drift later by the processing time every read until the pipeline ran a whole block behind); a block
        that is late is polled for every WAKE_SLACK_S."""
        got = self._drain(deadline)
        while self._short() and (now := time.monotonic()) < deadline:
            due = self._last_arrival + DEVICE_BLOCK_S + WAKE_SLACK_S
            time.sleep(max(min(deadline, due) - now, WAKE_SLACK_S))
            got = self._drain(max(deadline, time.monotonic() + WAKE_SLACK_S)) or got
        return got

    def _wait_pulled(self, deadline: float) -> bool:
        """A pulled backend (pulse): wait until every side's audio for one read has arrived, then pull each
        stream once and convert each side once. On this 2-vCPU VM every separate step pays ~0.1-0.2 ms of
        cold caches after an idle 192 ms (a 48 -> 16 kHz conversion: 25 us warm, 210-270 us cold), so
        while waiting only the readable sizes are looked at. The wait: once, sleep until the missing audio
        can have been captured (it comes in real time) less PULL_EARLY_S; then wait in poll() for packets of
        the stream that is still short. Typically two short wake-ups per read."""
        backend = self.backend
        backend.dispatch()
        slept = False
        while (short := self._missing()) is not None and (now := time.monotonic()) < deadline:
            side, missing = short
            sleep_s = missing / SAMPLE_RATE_HZ - PULL_EARLY_S
            if not slept and sleep_s > 0:
                time.sleep(min(sleep_s, deadline - now))
                backend.dispatch()
            else:
                backend.dispatch(deadline - now, self._feeds.get(side))
            slept = True
        backend.pull()  # every stream's audio to the queue (and a stream that ended says why)
        return self._drain(deadline)

    def _missing(self) -> tuple[str, int] | None:
        """The side furthest from a whole read (16 kHz samples it lacks, counting what has arrived but is not
        pulled yet), or None when every side has enough or a stream has ended."""
        worst: tuple[str, int] | None = None
        for side, pending in self._pending.items():
            stream, conv = self._feeds.get(side), self._converters.get(side)
            frames = stream.readable_frames() if stream is not None else 0
            if frames < 0:
                return None  # ended: stop waiting, the pull reports it
            have = len(pending) + (conv.resampler.outputs_for(frames) if conv is not None else 0)
            lack = self.min_read_samples - have
            if lack > 0 and (worst is None or lack > worst[1]):
                worst = (side, lack)
        return worst

    def _check_default(self, now: float) -> None:
        """A new default output mid-call: follow it only if the far end was the default, and say so."""
        self._next_default_check = now + DEFAULT_CHECK_S
        if self.backend is None or self._default_out is None or self.plan is None:
            return
        current = self.backend.default_output()
        if current is None or current == self._default_out:
            return
        before, self._default_out = self._default_out, current
        far = self.plan.far_end
        if far.follows_default:
            raise DeviceError(
                f"the default output changed from {before!r} to {current!r}; the far end followed the "
                "default, so it is re-chosen now",
                "far_end",
            )
        out = far.output.name if far.output else far.device.name
        log.warning(
            "the default output changed from %r to %r; still capturing %r (picked by %s)",
            before, current, out, far.rule,
        )  # fmt: skip

    def _short(self) -> bool:
        return min((len(p) for p in self._pending.values()), default=0) < self.min_read_samples

    def _drain(self, deadline: float) -> bool:
        """Convert what is queued, but never past ``deadline`` (a device may deliver faster than real time).
        Each side's blocks are converted together: one resampler call per side per read, not per block."""
        blocks: dict[str, list[np.ndarray]] = {}
        while time.monotonic() < deadline or not blocks:
            try:
                side, block = self._queue.popleft()
            except IndexError:
                break
            blocks.setdefault(side, []).append(block)
        for side, got in blocks.items():
            self._accept(side, got[0] if len(got) == 1 else np.concatenate(got))
        return bool(blocks)

    def close(self) -> None:
        for stream in self._streams:
            try:
                stream.abort()
                stream.close()
            except Exception:  # a vanished device may fail to close
                pass
        self._streams = []
        self._roles = []
        self._feeds = {}
        self._queue.clear()
        if self.backend is not None:
            self.backend.close()  # its control connection: a re-open connects afresh (a restarted server)

    def _accept(self, side: str, block: np.ndarray) -> None:
        conv = self._converters.get(side)
        if conv is None:
            return
        # the block is ours (the callback copied it): sanitise in place
        if not math.isfinite(block.sum()):  # a broken driver must not poison the filters and the VAD state
            self.bad_blocks += 1
            np.nan_to_num(block, copy=False, nan=0.0, posinf=0.0, neginf=0.0)
        out = conv.process(np.clip(block, -1.0, 1.0, out=block))
        if side == "agent" and self._gain != 1.0:
            out *= self._gain
        self._pending[side] = np.concatenate([self._pending[side], out])
        self._heard.add(side)

    def _take(self, at_least: int = 1) -> Chunk | None:
        a, c = self._pending["agent"], self._pending["customer"]
        if not self._aligned and len(self._heard) == 2:
            # Both sides have now delivered, each up to about now: keep the newest of each, the same length.
            # Else the side that started first stays ahead for the whole call (an idle null sink's monitor
            # sends its first block ~2 s late: the mic was then MAX_SKEW_S ahead, and every late far-end
            # packet after that cut ~60-80 ms of the agent's speech).
            n = min(len(a), len(c))
            a, c = a[len(a) - n :], c[len(c) - n :]
            self._aligned = True
        skew = int(MAX_SKEW_S * SAMPLE_RATE_HZ)
        if len(a) - len(c) > skew:
            a = a[len(a) - len(c) - skew :]
        elif len(c) - len(a) > skew:
            c = c[len(c) - len(a) - skew :]
        n = min(len(a), len(c))
        if n < max(at_least, 1):
            self._pending = {"agent": a, "customer": c}
            return None
        self._pending = {"agent": a[n:], "customer": c[n:]}
        return Chunk(a[:n], c[:n])


def _import_sounddevice() -> Any:
    from device.audio.portaudio import import_sounddevice

    return import_sounddevice()


def describe_devices(sd_module: Any = None) -> list[Any]:
    """Capture devices, for ``lugn run --list-devices`` (the backend ``lugn run`` would use)."""
    from device.audio.capture import make_backend

    backend = make_backend(sd_module=sd_module)
    try:
        inventory = backend.inventory()
    finally:
        backend.close()
    if inventory.error:
        raise DeviceError(inventory.error, "mic")
    return inventory.inputs
