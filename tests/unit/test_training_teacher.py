"""The teacher yardstick of issue 17 (training/teacher.py): the CTranslate2 reader, Whisper's log-mel and the
encoder's shapes, on synthetic weights (the real ones are a 70 MB optional package, not in CI)."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest
import torch

from training.teacher import WhisperEncoder, WhisperLogMel, read_ct2, slaney_mel

D, HEADS, FFN = 8, 2, 16


def _write_ct2(
    path: Path, variables: dict[str, np.ndarray], dtype_code: dict[type, int], spec: str = "WhisperSpec"
) -> None:
    def s(text: str) -> bytes:
        raw = text.encode() + b"\0"
        return struct.pack("<H", len(raw)) + raw

    out = struct.pack("<I", 6) + s(spec) + struct.pack("<I", 3) + struct.pack("<I", len(variables))
    for name, arr in variables.items():
        out += s(name) + struct.pack("<B", arr.ndim) + b"".join(struct.pack("<I", d) for d in arr.shape)
        raw = arr.tobytes()
        out += struct.pack("<B", dtype_code[arr.dtype.type]) + struct.pack("<I", len(raw)) + raw
    out += struct.pack("<I", 0)  # no aliases
    path.write_bytes(out)


def _tiny_whisper(rng: np.random.Generator) -> dict[str, np.ndarray]:
    def w(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.1).astype(np.float16)

    v = {
        "encoder/conv1/weight": w(D, 80, 3),
        "encoder/conv1/bias": w(D),
        "encoder/conv2/weight": w(D, D, 3),
        "encoder/conv2/bias": w(D),
        "encoder/position_encodings/encodings": w(1500, D),
        "encoder/layer_norm/gamma": np.ones(D, np.float16),
        "encoder/layer_norm/beta": np.zeros(D, np.float16),
        "encoder/num_heads": np.array([HEADS], np.int16),
    }
    for i in range(2):
        p = f"encoder/layer_{i}"
        for ln in ("self_attention", "ffn"):
            v[f"{p}/{ln}/layer_norm/gamma"] = np.ones(D, np.float16)
            v[f"{p}/{ln}/layer_norm/beta"] = np.zeros(D, np.float16)
        v[f"{p}/self_attention/linear_0/weight"], v[f"{p}/self_attention/linear_0/bias"] = (
            w(3 * D, D),
            w(3 * D),
        )
        v[f"{p}/self_attention/linear_1/weight"], v[f"{p}/self_attention/linear_1/bias"] = w(D, D), w(D)
        v[f"{p}/ffn/linear_0/weight"], v[f"{p}/ffn/linear_0/bias"] = w(FFN, D), w(FFN)
        v[f"{p}/ffn/linear_1/weight"], v[f"{p}/ffn/linear_1/bias"] = w(D, FFN), w(D)
    return v


def test_ct2_reader_round_trips_names_shapes_and_values(tmp_path: Path) -> None:
    variables = _tiny_whisper(np.random.default_rng(0))
    path = tmp_path / "model.bin"
    _write_ct2(path, variables, {np.float16: 4, np.int16: 2})
    back = read_ct2(path)
    assert set(back) == set(variables)
    for name, arr in variables.items():
        assert back[name].shape == arr.shape and back[name].dtype == arr.dtype
        np.testing.assert_array_equal(back[name], arr)


def test_ct2_reader_refuses_an_old_format_and_unknown_types(tmp_path: Path) -> None:
    old = tmp_path / "old.bin"
    old.write_bytes(struct.pack("<I", 3) + b"\0" * 16)
    with pytest.raises(ValueError, match="format 3 is not supported"):
        read_ct2(old)
    odd = tmp_path / "odd.bin"
    _write_ct2(odd, {"x": np.zeros(2, np.float32)}, {np.float32: 9})
    with pytest.raises(ValueError, match="variable x has unknown data type 9"):
        read_ct2(odd)
    other = tmp_path / "other.bin"
    _write_ct2(other, {"x": np.zeros(2, np.float32)}, {np.float32: 0}, spec="TransformerSpec")
    with pytest.raises(ValueError, match="a CTranslate2 TransformerSpec model, not Whisper"):
        read_ct2(other)
    with pytest.raises(ValueError, match=r"missing\.bin: cannot read"):
        read_ct2(tmp_path / "missing.bin")


def test_ct2_reader_names_a_truncated_file_and_a_shape_that_does_not_fit(tmp_path: Path) -> None:
    good = tmp_path / "good.bin"
    _write_ct2(good, _tiny_whisper(np.random.default_rng(4)), {np.float16: 4, np.int16: 2})
    cut = tmp_path / "cut.bin"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(ValueError, match=r"cut\.bin: truncated CTranslate2 file"):
        read_ct2(cut)
    odd = tmp_path / "shape.bin"
    _write_ct2(odd, {"w": np.zeros(6, np.float32)}, {np.float32: 0})
    raw = bytearray(odd.read_bytes())
    at = raw.index(struct.pack("<I", 6), raw.index(b"w\0"))  # the dimension 6 -> 7
    raw[at : at + 4] = struct.pack("<I", 7)
    odd.write_bytes(bytes(raw))
    with pytest.raises(ValueError, match=r"variable w holds 6 values for shape \(7,\)"):
        read_ct2(odd)


def test_whisper_logmel_ignores_gain_and_keeps_eight_decades() -> None:
    rng = np.random.default_rng(1)
    t = np.arange(32_000) / 16_000
    wave = (0.3 * np.sin(2 * np.pi * 220 * t) + 0.01 * rng.standard_normal(32_000)).astype(np.float32)
    mel = WhisperLogMel()
    a = mel(torch.from_numpy(wave)[None])
    b = mel(torch.from_numpy(wave * 0.05)[None])
    assert a.shape == (1, 80, 200)
    assert torch.allclose(a, b, atol=1e-4)
    assert float(a.max()) == pytest.approx((1.5 + 4.0) / 4.0, abs=1e-5)
    assert float(a.max() - a.min()) <= 8.0 / 4.0 + 1e-5
    # 220 Hz lands in the mel band whose centre is nearest to it
    band = int(a[0].mean(dim=1).argmax())
    fb = slaney_mel()
    centre = (fb[band] * np.linspace(0, 8000, 201)).sum() / fb[band].sum()
    assert abs(centre - 220) < 60


def test_encoder_states_are_stem_then_each_layer_pooled(tmp_path: Path) -> None:
    enc = WhisperEncoder(_tiny_whisper(np.random.default_rng(2)))
    assert enc.n_layers == 2 and enc.n_heads == HEADS
    wave = torch.from_numpy(np.random.default_rng(3).standard_normal((3, 32_000)).astype(np.float32) * 0.1)
    states = enc.states(enc.logmel(wave))
    assert [tuple(s.shape) for s in states] == [(3, 100, D)] * 3
    # the last state is layer-normed: zero mean, unit variance over channels
    assert torch.allclose(states[-1].mean(dim=2), torch.zeros(3, 100), atol=1e-4)
    pooled = enc.hidden(wave, layers=1)
    assert [p.shape for p in pooled] == [(3, 2 * D), (3, 2 * D)]
    # a window is pooled on its own: the batch does not leak between windows
    alone = enc.hidden(wave[1:2], layers=1)
    np.testing.assert_allclose(alone[1][0], pooled[1][1], rtol=1e-4, atol=1e-5)
