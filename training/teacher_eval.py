"""Helpers of issue 17's yardstick (``training.teacher_study``): speaker-CV scores of a logistic regression,
the cross-corpus report, and the encoder's cost as onnxruntime would run it (exported, quantised, timed)."""

from __future__ import annotations

import copy
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch

from training import augment
from training.data import Clip
from training.teacher import WhisperEncoder
from training.train import speaker_folds


def folds_of(clips: Sequence[Clip]) -> np.ndarray:
    folds = speaker_folds(clips)
    return np.array([folds[c.speaker] for c in clips])


def regression(c: float) -> Any:
    """The probes' classifier: standardised features -> class-balanced logistic regression of strength C."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=c, class_weight="balanced", max_iter=3000))


def speaker_cv_scores(feats: np.ndarray, yb: np.ndarray, fold: np.ndarray, c: float) -> np.ndarray:
    """Out-of-fold P(angry) of ``regression(c)`` (angry vs not frustrated; rows with ``yb`` < 0 are scored,
    never trained on)."""
    oof = np.zeros(len(feats))
    for k in sorted(set(fold.tolist())):
        tr, te = (yb >= 0) & (fold != k), fold == k
        oof[te] = regression(c).fit(feats[tr], yb[tr]).predict_proba(feats[te])[:, 1]
    return oof


def _windows(x: np.ndarray, n: int = 32_000, hop: int = 8_000) -> np.ndarray:
    if len(x) <= n:
        return np.pad(x, (0, n - len(x)))[None, :]
    return np.stack([x[i : i + n] for i in range(0, len(x) - n + 1, hop)])


def report(
    clips: Sequence[Clip],
    waves: Sequence[np.ndarray],
    enc: WhisperEncoder,
    corpora: Sequence[Path],
    layers: int,
) -> list[str]:
    from sklearn.metrics import roc_auc_score

    from training.evaluate import load_corpus
    from training.metrics import balanced_accuracy

    def pooled(audio: Sequence[np.ndarray]) -> list[np.ndarray]:
        out = []
        for x in audio:
            win = torch.from_numpy(np.ascontiguousarray(_windows(x), dtype=np.float32))
            out.append(enc.hidden(win, layers=layers)[layers])
        return out

    feats = np.stack([p[0] for p in pooled([augment.fit_length(w, 32_000) for w in waves])])
    yb = np.array([c.frustrated for c in clips])
    keep, fold = yb >= 0, folds_of(clips)
    oof = speaker_cv_scores(feats, yb, fold, 0.1)
    grid = np.linspace(0.05, 0.95, 91)
    thr = float(
        grid[np.argmax([balanced_accuracy(yb[keep], (oof[keep] >= t).astype(int), (0, 1)) for t in grid])]
    )
    final = regression(0.1).fit(feats[keep], yb[keep])
    name = "stem" if layers == 0 else f"layer {layers}"
    lines = [f"Whisper tiny {name} + logistic regression (C = 0.1) fitted on EmoDB; threshold {thr:.2f}"]
    lines.append(
        "corpus    AUC   AUC ang/hap  happy flagged  angry recall  binary_ua  women bUA / AUC   men bUA / AUC"
    )
    for folder in corpora:
        corpus = load_corpus(folder)
        score = np.array([final.predict_proba(p)[:, 1].mean() for p in pooled(corpus.audio)])
        lab = np.array([c.label for c in corpus.clips])
        y = np.array([c.frustrated for c in corpus.clips])
        g = np.array([c.gender for c in corpus.clips])
        ok, ah = y >= 0, (lab == "angry") | (lab == "happy")
        by_g = []
        for gg in ("f", "m"):
            m = ok & (g == gg)
            if len(set(y[m].tolist())) == 2:
                bua = balanced_accuracy(y[m], (score[m] >= thr).astype(int), (0, 1))
                by_g.append(f"{bua:.3f} / {roc_auc_score(y[m], score[m]):.3f}")
            elif m.any():
                by_g.append(f"flags {np.mean(score[m] >= thr):.3f} (one class)")
            else:
                by_g.append("-")
        auc_all, auc_ah = roc_auc_score(y[ok], score[ok]), roc_auc_score(lab[ah] == "angry", score[ah])
        happy, angry = np.mean(score[lab == "happy"] >= thr), np.mean(score[lab == "angry"] >= thr)
        bua = balanced_accuracy(y[ok], (score[ok] >= thr).astype(int), (0, 1))
        lines.append(
            f"{corpus.name:8s} {auc_all:.3f}  {auc_ah:.3f}        {happy:.3f}          {angry:.3f}"
            f"         {bua:.3f}      {by_g[0]:17s}  {by_g[1]}"
        )
    return lines


class _Pooled(torch.nn.Module):
    """Log-mel [1, 80, 200] -> the pooled state after ``depth`` layers (what ``hidden`` returns)."""

    def __init__(self, enc: WhisperEncoder, depth: int, positions: int = 100) -> None:
        super().__init__()
        self.enc, self.depth = copy.copy(enc), depth
        self.enc.p = dict(enc.p)  # only the positions a 2 s window uses: not 1500 x 384 constants
        pos = "encoder/position_encodings/encodings"
        self.enc.p[pos] = enc.p[pos][:positions].clone()

    def forward(self, mel: torch.Tensor) -> torch.Tensor:
        s = self.enc.states(mel, self.depth)[-1]
        return torch.cat([s.mean(dim=1), s.std(dim=1)], dim=1)


def _constants_to_initializers(path: Path) -> None:
    """The encoder's weights are exported as Constant nodes; the quantiser wants initializers."""
    import onnx

    model = onnx.load(str(path))
    for node in list(model.graph.node):
        if node.op_type == "Constant" and node.attribute and node.attribute[0].name == "value":
            tensor = node.attribute[0].t
            tensor.name = node.output[0]
            model.graph.initializer.append(tensor)
            model.graph.node.remove(node)
    onnx.save(model, str(path))


def onnx_cost(enc: WhisperEncoder, work: Path, depths: Sequence[int] = (0, 1, 2)) -> list[str]:
    """File size and onnxruntime ms per window (1 thread, median of 200 after 20) of the encoder up to each
    depth, FP32 and dynamically quantised INT8. The log-mel is not included (the tone model would compute
    it in its FP32 front end)."""
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from training.export import _torch_export

    work.mkdir(parents=True, exist_ok=True)
    mel = enc.logmel(torch.randn(1, 32_000) * 0.1).detach()
    lines = ["state      FP32 MB  FP32 ms   INT8 MB  INT8 ms   max |INT8 - FP32| / std"]
    for depth in depths:
        fp32, int8 = work / f"enc{depth}.onnx", work / f"enc{depth}_int8.onnx"
        _torch_export(_Pooled(enc, depth).eval(), mel, fp32, "mel", ["pooled"])
        _constants_to_initializers(fp32)
        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
        row, outs = [], []
        for path in (fp32, int8):
            so = ort.SessionOptions()
            so.intra_op_num_threads = so.inter_op_num_threads = 1
            sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
            x = {"mel": mel.numpy()}
            times = []
            for i in range(220):
                t0 = time.perf_counter()
                out = sess.run(None, x)[0]
                if i >= 20:
                    times.append(time.perf_counter() - t0)
            outs.append(out)
            row.append(f"{path.stat().st_size / 1e6:7.2f}  {1e3 * float(np.median(times)):7.2f}")
        err = float(np.max(np.abs(outs[1] - outs[0])) / (np.std(outs[0]) + 1e-9))
        name = "stem" if depth == 0 else f"layer {depth}"
        lines.append(f"{name:9s} {row[0]}   {row[1]}   {err:.3f}")
    return lines
