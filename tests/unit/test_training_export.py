"""The shipped ONNX graph against the PyTorch model it was exported from, on a fixed EmoDB clip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import torch

from device.inference.models import default_models_dir, load_model
from device.inference.tone import ToneModel
from training.net import (
    N_FEATURES,
    N_NET_FEATURES,
    N_VOICE_FEATURES,
    BlendedHeads,
    ToneNet,
    load_shipped_pytorch,
)

ROOT = Path(__file__).resolve().parents[2]
CV = ROOT / "training" / "cv"
CLIP = ROOT / "tests" / "data" / "tiny_corpus" / "03a01Wa.flac"


def torch_outputs(net: ToneNet, x: np.ndarray) -> dict[str, np.ndarray]:
    with torch.no_grad():
        outs = net(torch.from_numpy(x))
    return {k: v.numpy() for k, v in zip(("probs", "frustration", "arousal", "valence"), outs, strict=True)}


@pytest.fixture(scope="module")
def window() -> np.ndarray:
    audio, _ = sf.read(CLIP, dtype="float32")
    return audio[None, :32_000]


def test_fp32_onnx_matches_pytorch(window: np.ndarray) -> None:
    ref = torch_outputs(load_shipped_pytorch(CV), window)
    got = ToneModel(load_model("tone_fp32", CV)).run(window)
    for k in ref:
        np.testing.assert_allclose(got[k], ref[k], atol=2e-4, err_msg=k)


def test_shipped_int8_onnx_is_close_to_pytorch(window: np.ndarray) -> None:
    ref = torch_outputs(load_shipped_pytorch(CV), window)
    got = ToneModel.load().run(window)
    for k in ref:
        np.testing.assert_allclose(got[k], ref[k], atol=0.05, err_msg=k)
    assert int(got["probs"].argmax()) == int(ref["probs"].argmax())


def test_front_end_stays_fp32_and_only_the_network_is_quantised() -> None:
    import onnx

    graph = onnx.load(str(default_models_dir() / "tone.onnx")).graph
    quantised_inputs = {i for n in graph.node if n.op_type == "DequantizeLinear" for i in n.output}
    conv = [n for n in graph.node if n.op_type == "Conv"]
    assert conv and not any(i in quantised_inputs for n in conv for i in n.input)
    gemm = [n for n in graph.node if n.op_type == "Gemm"]
    hidden = [n for n in gemm if "/out" not in n.name and "/member/" not in n.name]
    assert hidden and all(n.input[1] in quantised_inputs for n in hidden)
    # the statistics member (a linear model on standardised statistics) stays FP32
    member = [n for n in gemm if "/member/" in n.name]
    assert len(member) == 2 and not any(i in quantised_inputs for n in member for i in n.input)
    # the statistics' percentiles are computed in the graph (sort = TopK), not approximated
    assert any(n.op_type == "TopK" for n in graph.node)


def test_statistics_member_is_blended_into_the_outputs(window: np.ndarray) -> None:
    """The shipped outputs are (1 - a) x head ensemble + a x statistics member, as PyTorch computes them."""
    net = load_shipped_pytorch(CV)
    blended = net.ensemble
    assert isinstance(blended, BlendedHeads)
    with torch.no_grad():
        feats = net.frontend(torch.from_numpy(window))
        probs, frustration, _, _ = blended.ensemble(feats[:, : blended.head_features])
        m_probs, m_frustration = blended.member(
            feats[:, N_NET_FEATURES : N_NET_FEATURES + blended.member_features]
        )
    a = blended.weight
    assert 0.0 < a < 1.0
    # since 1.2.0 the heads see the statistics block too, since 1.3.0 the voice-quality block as well; the
    # member sees the statistics block only
    assert blended.head_features == N_FEATURES + N_VOICE_FEATURES == feats.shape[1]
    assert blended.member_features == N_FEATURES - N_NET_FEATURES
    got = ToneModel(load_model("tone_fp32", CV)).run(window)
    np.testing.assert_allclose(got["probs"], (1 - a) * probs.numpy() + a * m_probs.numpy(), atol=2e-4)
    np.testing.assert_allclose(
        got["frustration"], (1 - a) * frustration.numpy() + a * m_frustration.numpy(), atol=2e-4
    )
    # the member is not a copy of the ensemble: the blend moves the scores
    assert not np.allclose(m_probs.numpy(), probs.numpy(), atol=1e-3)
