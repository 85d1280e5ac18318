"""The source contract the pipeline reads from, and the file replay source.

A source yields ``Chunk``s: equal-length 16 kHz mono float32 arrays for the agent and the customer. It raises
``DeviceError`` when its device goes away (the pipeline reports it and re-opens the source with backoff),
a *fatal* ``DeviceError`` when retrying cannot help (a recording that cannot be decoded further: the stream
ends there) and ``EndOfStream`` when a recording is over.

A recording is checked before it plays: no audio at all, or a rate below ``MIN_RATE_HZ``, is refused with a
clear error; a file shorter than its header says plays what it has and is reported in ``warnings``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from device.audio import SAMPLE_RATE_HZ
from device.audio.resample import DeviceConverter

MIN_RATE_HZ = 8_000  # narrow-band telephone audio; below it the voice band the models need is not there


class DeviceError(RuntimeError):
    """An audio device cannot be opened or stopped delivering audio; ``fatal``: retrying cannot help."""

    def __init__(self, message: str, source: str = "mic", *, fatal: bool = False) -> None:
        super().__init__(message)
        self.source = source  # "mic", "far_end" or "replay"
        self.fatal = fatal


class EndOfStream(Exception):
    """The recording is over."""


@dataclass(frozen=True)
class Chunk:
    agent: np.ndarray
    customer: np.ndarray

    def __post_init__(self) -> None:
        if self.agent.shape != self.customer.shape or self.agent.ndim != 1:
            raise ValueError(f"chunk sides differ: agent {self.agent.shape}, customer {self.customer.shape}")

    def __len__(self) -> int:
        return int(self.agent.shape[0])


class AudioSource(Protocol):
    name: str

    def open(self) -> None: ...

    def read(self, timeout_s: float) -> Chunk | None:
        """Next chunk, or None if nothing arrived within ``timeout_s``. Raises DeviceError / EndOfStream."""
        ...

    def close(self) -> None: ...


class ReplaySource:
    """A stereo WAV/FLAC (left = agent, right = customer) or two mono files, in real time or at full speed.

    Decoded block by block (memory stays flat for an hour-long recording); files at other rates are converted
    to 16 kHz once, here. Re-opening after a fault resumes where it stopped.
    """

    name = "replay"

    def __init__(
        self,
        path: str | Path | tuple[str | Path, str | Path],
        realtime: bool = False,
        chunk_samples: int = 512,
    ) -> None:
        if chunk_samples <= 0:
            raise ValueError(f"chunk_samples must be positive, got {chunk_samples}")
        self.realtime = realtime
        self.chunk_samples = int(chunk_samples)
        if isinstance(path, tuple):
            self._readers = [_FileReader(Path(path[0]), 1), _FileReader(Path(path[1]), 1)]
        else:
            self._readers = [_FileReader(Path(path), 2)]
        self.duration_s = max(r.duration_s for r in self._readers)
        self.warnings: list[str] = [w for r in self._readers for w in r.warnings]
        self._pending = [np.zeros(0, np.float32), np.zeros(0, np.float32)]
        self._pos = 0
        self._t0: float | None = None

    @classmethod
    def from_arrays(
        cls, agent: np.ndarray, customer: np.ndarray, realtime: bool = False, chunk_samples: int = 512
    ) -> ReplaySource:
        """Replay 16 kHz audio already in memory (benchmarks, synthetic tests)."""
        if agent.shape != customer.shape or agent.ndim != 1:
            raise ValueError(f"agent {agent.shape} and customer {customer.shape} must be equal 1-D arrays")
        self = cls.__new__(cls)
        self.realtime, self.chunk_samples = realtime, int(chunk_samples)
        self._readers = []
        self.warnings = []
        self._pending = [agent.astype(np.float32), customer.astype(np.float32)]
        self.duration_s = len(agent) / SAMPLE_RATE_HZ
        self._pos, self._t0 = 0, None
        return self

    def open(self) -> None:
        try:
            for reader in self._readers:
                reader.open()
        except Exception as exc:  # the file went away or changed under us: a re-open cannot fix that
            raise DeviceError(f"cannot re-open the recording: {exc}", "replay", fatal=True) from exc
        # Real-time pacing restarts from the current position after a re-open.
        self._t0 = time.monotonic() - self._pos / SAMPLE_RATE_HZ

    def read(self, timeout_s: float) -> Chunk | None:
        try:
            self._fill(self.chunk_samples)
        except Exception as exc:  # a decoding error does not go away by reading again
            raise DeviceError(str(exc), "replay", fatal=True) from exc
        for reader in self._readers:
            if reader.eof and reader.short_by_s > 0 and reader.warned_short is False:
                reader.warned_short = True
                self.warnings.append(reader.short_message())
        n = min(self.chunk_samples, len(self._pending[0]), len(self._pending[1]))
        if n == 0:
            raise EndOfStream
        end = self._pos + n
        if self.realtime:
            if self._t0 is None:
                self.open()
            assert self._t0 is not None
            wait = self._t0 + end / SAMPLE_RATE_HZ - time.monotonic()
            if wait > timeout_s:
                time.sleep(timeout_s)
                return None
            if wait > 0:
                time.sleep(wait)
        agent, customer = self._pending
        chunk = Chunk(agent[:n], customer[:n])
        self._pending = [agent[n:], customer[n:]]
        self._pos = end
        return chunk

    def close(self) -> None:
        for reader in self._readers:
            reader.close()
        self._t0 = None

    def _fill(self, need: int) -> None:
        if len(self._readers) == 1:
            reader = self._readers[0]
            while len(self._pending[0]) < need and not reader.eof:
                agent, customer = reader.read()
                self._pending = [
                    np.concatenate([self._pending[0], agent]),
                    np.concatenate([self._pending[1], customer]),
                ]
            return
        for side, reader in enumerate(self._readers):  # two files
            while len(self._pending[side]) < need and not reader.eof:
                (block,) = reader.read()
                self._pending[side] = np.concatenate([self._pending[side], block])
        longest = max(len(p) for p in self._pending)
        for side, reader in enumerate(self._readers):
            if reader.eof:  # the shorter file is over: silence from here on
                self._pending[side] = np.pad(self._pending[side], (0, longest - len(self._pending[side])))


class _FileReader:
    """One file, decoded in blocks, each channel converted to 16 kHz mono float32."""

    BLOCK_S = 1.0

    def __init__(self, path: Path, channels: int) -> None:
        import soundfile as sf

        if not path.is_file():
            raise FileNotFoundError(f"recording not found: {path}")
        try:
            info = sf.info(str(path))
        except Exception as exc:  # soundfile raises LibsndfileError / RuntimeError variants
            raise ValueError(f"cannot read {path} as WAV/FLAC audio: {exc}") from exc
        if info.channels != channels:
            what = "a stereo file (left = agent, right = customer)" if channels == 2 else "a mono file"
            raise ValueError(f"{path} has {info.channels} channel(s); expected {what}")
        if info.samplerate < MIN_RATE_HZ:
            raise ValueError(
                f"{path} is sampled at {info.samplerate} Hz; Lugn needs at least {MIN_RATE_HZ} Hz "
                "(telephone audio): below that the voice the tone model listens to is not in the file"
            )
        if info.frames <= 0:
            raise ValueError(f"{path} holds no audio (0 frames)")
        self.path, self.channels, self.rate = path, channels, int(info.samplerate)
        self.duration_s = info.frames / self.rate
        self._converters = [DeviceConverter(self.rate, channel=ch) for ch in range(channels)]
        self._file: Any = None
        self._frames_read = 0
        self.eof = False
        self.expected_frames = info.frames
        self.warnings: list[str] = []
        declared = _declared_wav_frames(path, info)
        if declared is not None and declared > info.frames:
            self.expected_frames = declared
            self.warnings.append(self.short_message())
        self.warned_short = bool(self.warnings)

    def open(self) -> None:
        import soundfile as sf

        if self._file is None and not self.eof:
            self._file = sf.SoundFile(str(self.path))
            self._file.seek(self._frames_read)

    def read(self) -> list[np.ndarray]:
        if self._file is None:
            self.open()
        try:
            block = self._file.read(round(self.BLOCK_S * self.rate), dtype="float32", always_2d=True)
        except Exception as exc:
            raise ValueError(f"{self.path}: decoding failed after {self._frames_read} frames: {exc}") from exc
        self._frames_read += len(block)
        out = [conv.process(block) for conv in self._converters]
        if len(block) == 0:
            self.eof = True
            out = [
                np.concatenate([o, conv.resampler.flush()])
                for o, conv in zip(out, self._converters, strict=True)
            ]
            self.close()
        return out

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    @property
    def short_by_s(self) -> float:
        """How much less audio the file holds (known once read to the end) than its header declares."""
        have = self._frames_read if self.eof else self.duration_s * self.rate
        return max(0.0, (self.expected_frames - have) / self.rate)

    def short_message(self) -> str:
        have = (self._frames_read if self.eof else self.duration_s * self.rate) / self.rate
        return (
            f"{self.path} is truncated: its header declares {self.expected_frames / self.rate:.1f} s, "
            f"the file holds {have:.1f} s; replaying what is there"
        )


def _declared_wav_frames(path: Path, info: Any) -> int | None:
    """The frame count a RIFF/WAVE header declares for its ``data`` chunk (libsndfile quietly shortens it to
    what the file holds, so a cut-off recording would otherwise replay without a word)."""
    if info.format != "WAV" or info.channels <= 0:
        return None
    try:
        with path.open("rb") as fh:
            head = fh.read(12)
            if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
                return None
            block = 0
            while True:
                chunk = fh.read(8)
                if len(chunk) < 8:
                    return None
                size = int.from_bytes(chunk[4:8], "little")
                if chunk[:4] == b"fmt ":
                    fmt = fh.read(size + (size & 1))
                    block = int.from_bytes(fmt[12:14], "little")  # bytes per frame, all channels
                    continue
                if chunk[:4] == b"data":
                    return size // block if block else None
                fh.seek(size + (size & 1), 1)
    except OSError:
        return None
