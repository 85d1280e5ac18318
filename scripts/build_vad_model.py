"""Build ``device/models/silero_vad.onnx``: Silero VAD's 16 kHz *sequence* graph with a channel axis.

The ``silero-vad`` wheel (MIT) ships ``silero_vad_16k_sequence.onnx``: many 512-sample frames (each with its
64-sample context, rows of 576) through the convolutional encoder at once, then the LSTM over them, for ONE
stream. The runtime has two streams (agent, customer) and wakes every ~0.1 s with ~3 frames of each, so one
call per wake-up for both is what keeps its CPU low (measured: ~0.35 ms per frame for the step graph run once
per frame for both channels vs ~0.14 ms per frame for this graph on groups of 3).

One edit: the encoder output ``[C*G, 128, 1]`` (channel-major rows) is reshaped to ``[G, C, 128]`` for the
LSTM (C taken from the state input ``h``, shape ``[1, C, 128]``) instead of ``[G, 1, 128]``;
``speech_probs`` comes out channel-major ``[C*G]``. Weights are untouched. The script refuses to write unless
the result equals the wheel's step graph (``silero_vad_16k_op15.onnx``) on real speech for 1 and 2 channels
and several group sizes.

    .venv/bin/python scripts/build_vad_model.py        # needs the [train] extra (silero-vad, onnx)
"""

from __future__ import annotations

import hashlib
import json
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "device" / "models"
SOURCE = "silero_vad_16k_sequence.onnx"
REFERENCE = "silero_vad_16k_op15.onnx"
FRAME, CONTEXT = 512, 64


def batched(src: Path) -> bytes:
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(src))
    graph = model.graph
    found = [
        i for i, n in enumerate(graph.node) if n.op_type == "Transpose" and n.output[0] in _lstm_inputs(graph)
    ]
    if len(found) != 1:
        raise SystemExit(
            f"{src}: expected one Transpose feeding the LSTM, found {len(found)}; new upstream graph?"
        )
    i = found[0]
    old = graph.node[i]
    perm = next(a for a in old.attribute if a.name == "perm").ints
    if list(perm) != [0, 2, 1]:
        raise SystemExit(f"{src}: the Transpose before the LSTM has perm {list(perm)}, expected [0, 2, 1]")
    x, y = old.input[0], old.output[0]
    graph.initializer.extend(
        [
            numpy_helper.from_array(np.array([1], np.int64), "lugn_1"),
            numpy_helper.from_array(np.array([2], np.int64), "lugn_2"),
            numpy_helper.from_array(np.array([-1, 128], np.int64), "lugn_rest"),
        ]
    )
    new = [
        helper.make_node("Shape", ["h"], ["lugn_h_shape"]),
        helper.make_node("Slice", ["lugn_h_shape", "lugn_1", "lugn_2"], ["lugn_channels"]),
        helper.make_node("Concat", ["lugn_channels", "lugn_rest"], ["lugn_cg_shape"], axis=0),
        helper.make_node("Reshape", [x, "lugn_cg_shape"], ["lugn_cg"]),  # [C, G, 128]
        helper.make_node("Transpose", ["lugn_cg"], [y], perm=[1, 0, 2]),  # [G, C, 128]
    ]
    del graph.node[i]
    for k, node in enumerate(new):
        graph.node.insert(i + k, node)
    for vi in [*graph.input, *graph.output]:
        dims = vi.type.tensor_type.shape.dim
        if vi.name in ("h", "c", "hn", "cn"):
            dims[1].dim_param = "channels"
        elif vi.name in ("input", "speech_probs"):
            dims[0].dim_param = "channels_x_frames"
    del graph.value_info[:]
    model.doc_string = f"Silero VAD (MIT) {SOURCE} with a channel axis (Lugn scripts/build_vad_model.py)"
    onnx.checker.check_model(model)
    return bytes(model.SerializeToString())


def _lstm_inputs(graph: Any) -> set[str]:
    return {n.input[0] for n in graph.node if n.op_type == "LSTM"}


def _rows(x: np.ndarray) -> np.ndarray:
    n = len(x) // FRAME
    frames = x[: n * FRAME].reshape(n, FRAME)
    rows = np.zeros((n, CONTEXT + FRAME), np.float32)
    rows[:, CONTEXT:] = frames
    rows[1:, :CONTEXT] = frames[:-1, -CONTEXT:]
    return rows


def verify(blob: bytes, reference: Path, audio: np.ndarray) -> float:
    """Largest difference in speech probability between this graph and the wheel's step graph."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    step = ort.InferenceSession(str(reference), opts, providers=["CPUExecutionProvider"])
    seq = ort.InferenceSession(blob, opts, providers=["CPUExecutionProvider"])
    rows = np.stack([_rows(audio[:, c]) for c in range(audio.shape[1])])  # [C, N, 576]
    channels, n = rows.shape[:2]
    state = np.zeros((2, channels, 128), np.float32)
    want = np.zeros((channels, n), np.float32)
    for t in range(n):
        out, state = step.run(None, {"input": rows[:, t], "state": state, "sr": np.array(16000, np.int64)})
        want[:, t] = out[:, 0]
    worst = 0.0
    for group in (1, 3, 7):
        h = np.zeros((1, channels, 128), np.float32)
        c = h.copy()
        got = np.zeros_like(want)
        for t in range(0, n, group):
            g = min(group, n - t)
            probs, h, c = seq.run(
                None, {"input": rows[:, t : t + g].reshape(-1, CONTEXT + FRAME), "h": h, "c": c}
            )
            got[:, t : t + g] = probs.reshape(channels, g)
        worst = max(worst, float(np.abs(got - want).max()))
    return worst


def main() -> int:
    import silero_vad
    import soundfile as sf

    data = Path(silero_vad.__file__).parent / "data"
    blob = batched(data / SOURCE)
    audio, sr = sf.read(ROOT / "device" / "assets" / "demo_call.flac", dtype="float32", always_2d=True)
    assert sr == 16000
    clip = audio[: 20 * sr]
    worst = max(verify(blob, data / REFERENCE, clip), verify(blob, data / REFERENCE, clip[:, 1:]))
    print(f"largest difference vs {REFERENCE} (1 and 2 channels, groups of 1/3/7 frames): {worst:.2e}")
    if worst > 1e-5:
        print("refusing to write: the batched graph does not match the step graph", file=sys.stderr)
        return 1
    out = MODELS / "silero_vad.onnx"
    out.write_bytes(blob)
    version = metadata.version("silero-vad")
    manifest: dict[str, Any] = {
        "name": "silero_vad",
        "version": version,
        "file": out.name,
        "sha256": hashlib.sha256(blob).hexdigest(),
        "sample_rate_hz": 16000,
        "window_s": 0.032,
        "hop_s": 0.032,
        "inputs": ["input", "h", "c"],
        "outputs": ["speech_probs", "hn", "cn"],
        "labels": ["speech"],
        "trained_on": [],
        "licence": "MIT (Silero Team), see LICENSE.silero_vad",
        "metadata": {
            "source": f"PyPI wheel silero-vad {version}, package data silero_vad/data/{SOURCE}, "
            "with a channel axis added by scripts/build_vad_model.py (weights unchanged)",
            "source_sha256": hashlib.sha256((data / SOURCE).read_bytes()).hexdigest(),
            "verified_against": f"silero_vad/data/{REFERENCE}, largest difference {worst:.1e}",
            "upstream": "https://github.com/snakers4/silero-vad",
            "frame_samples": FRAME,
            "context_samples": CONTEXT,
            "input_layout": "[channels * frames, 64 + 512] channel-major; h, c: [1, channels, 128]",
        },
    }
    path = MODELS / "silero_vad.manifest.json"
    path.write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"wrote {out} ({len(blob)} bytes, sha256 {manifest['sha256'][:12]}) and {path.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
