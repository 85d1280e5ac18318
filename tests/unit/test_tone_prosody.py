"""The in-graph statistics of the tone model's statistics member (training/prosody.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import torch

from training.acoustic import features as baseline_features
from training.net import N_FEATURES, N_NET_FEATURES, Frontend
from training.prosody import ProsodyStats, weighted_quantiles

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests" / "data" / "tiny_corpus"


def _numpy_quantile(x: np.ndarray, w: np.ndarray, q: float) -> float:
    order = np.argsort(x, kind="stable")
    cw = np.cumsum(w[order]) / w.sum()
    return float(x[order][min(int(np.sum(cw[:-1] < q)), len(x) - 1)])


def test_weighted_quantiles_match_numpy() -> None:
    rng = np.random.default_rng(3)
    x = rng.standard_normal((3, 2, 50)).astype(np.float32)
    w = rng.uniform(0, 1, (3, 1, 50)).astype(np.float32)
    w[0, 0, :25] = 0.0  # inactive frames must not count
    got = weighted_quantiles(torch.from_numpy(x), torch.from_numpy(w)).numpy()
    for b in range(3):
        for c in range(2):
            for j, q in enumerate((0.1, 0.9)):
                assert got[b, c, j] == pytest.approx(_numpy_quantile(x[b, c], w[b, 0], q))
    # all weights zero: still an index in range (no NaN, no out-of-range gather)
    zero = weighted_quantiles(torch.from_numpy(x), torch.zeros(3, 1, 50))
    assert torch.isfinite(zero).all()


@pytest.fixture(scope="module")
def clips() -> np.ndarray:
    files = sorted(TINY.glob("*.flac"))[:12]
    return np.stack([sf.read(f, dtype="float32")[0][:32_000] for f in files])


def test_statistics_are_gain_free_and_finite(clips: np.ndarray) -> None:
    fe = Frontend().eval()
    with torch.no_grad():
        a = fe(torch.from_numpy(clips))[:, N_NET_FEATURES:]
        b = fe(torch.from_numpy(clips * 0.05))[:, N_NET_FEATURES:]
    assert a.shape == (len(clips), ProsodyStats.n_features) and N_NET_FEATURES + a.shape[1] == N_FEATURES
    assert torch.isfinite(a).all()
    np.testing.assert_allclose(b.numpy(), a.numpy(), rtol=1e-3, atol=1e-3)


def test_statistics_track_the_numpy_acoustic_baseline(clips: np.ndarray) -> None:
    """Centroid / roll-off / tilt means and F0 mean in the graph follow the numpy baseline's features."""
    with torch.no_grad():
        ours = Frontend().eval()(torch.from_numpy(clips))[:, N_NET_FEATURES:].numpy()
    base = np.stack([baseline_features(c) for c in clips])
    # (ours index, baseline index): centroid mean, roll-off mean, tilt mean, F0 mean
    for i, j in ((4, 17), (8, 21), (12, 29), (24, 8)):
        r = np.corrcoef(ours[:, i], base[:, j])[0, 1]
        assert r > 0.8, (i, j, r)


def test_onnx_front_end_matches_pytorch_statistics(clips: np.ndarray) -> None:
    import onnxruntime as ort

    from training.export import FEATS, INPUT, export_frontend

    fe = Frontend().eval()
    model = export_frontend(fe, 32_000)
    assert any(n.op_type == "TopK" for n in model.graph.node)
    sess = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    got = sess.run([FEATS], {INPUT: clips})[0]
    with torch.no_grad():
        ref = fe(torch.from_numpy(clips)).numpy()
    # percentiles are order statistics: a last-bit difference may pick the neighbouring frame, so compare
    # the member block with a tolerance relative to each feature's spread
    spread = ref.std(axis=0) + 1e-3
    assert np.max(np.abs(got - ref) / spread) < 0.05
