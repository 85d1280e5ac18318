"""Export to ONNX: FP32 front end + (FP32 or INT8) head ensemble, merged into one graph.

The front end and the head are exported separately so that only the head is quantised (onnxruntime static
quantisation, per-channel, QDQ, calibrated on features of training audio); an 8-bit power spectrum keeps too
little dynamic range (whole-graph INT8 collapsed to chance in the feasibility run). Then the two are merged
with ``onnx.compose`` so the runtime feeds waveform and gets scores.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import onnx
import torch

from training.net import OUTPUTS, Frontend

INPUT = "waveform"
FEATS = "features"
OPSET = 17


def _export(
    module: torch.nn.Module, example: torch.Tensor, in_name: str, out_names: list[str]
) -> onnx.ModelProto:
    module.eval()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.onnx"
        _torch_export(module, example, path, in_name, out_names)
        model = onnx.load(str(path))
    onnx.checker.check_model(model)
    return model


def _torch_export(
    module: torch.nn.Module, example: torch.Tensor, path: Path, in_name: str, out_names: list[str]
) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the TorchScript exporter: exact, and fast here
        _export_call(module, example, path, in_name, out_names)


def _export_call(
    module: torch.nn.Module, example: torch.Tensor, path: Path, in_name: str, out_names: list[str]
) -> None:
    torch.onnx.export(
        module,
        (example,),
        str(path),
        input_names=[in_name],
        output_names=out_names,
        dynamic_axes={in_name: {0: "batch"}, **{o: {0: "batch"} for o in out_names}},
        opset_version=OPSET,
        dynamo=False,
    )


def export_frontend(frontend: Frontend, window_samples: int) -> onnx.ModelProto:
    return _export(frontend, torch.zeros(1, window_samples), INPUT, [FEATS])


def export_head(ensemble: torch.nn.Module, n_features: int) -> onnx.ModelProto:
    return _export(ensemble, torch.zeros(1, n_features), FEATS, list(OUTPUTS))


class _FeatureReader:
    """Calibration data reader for onnxruntime quantisation."""

    def __init__(self, feats: np.ndarray, batch: int = 64) -> None:
        self._batches = [feats[i : i + batch].astype(np.float32) for i in range(0, len(feats), batch)]
        self._i = 0

    def get_next(self) -> dict[str, np.ndarray] | None:
        if self._i >= len(self._batches):
            return None
        self._i += 1
        return {FEATS: self._batches[self._i - 1]}

    def rewind(self) -> None:
        self._i = 0


def quantise_head(head: onnx.ModelProto, calib_feats: np.ndarray, workdir: Path) -> onnx.ModelProto:
    from onnxruntime.quantization import CalibrationMethod, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    workdir.mkdir(parents=True, exist_ok=True)
    src, pre, dst = workdir / "head_fp32.onnx", workdir / "head_pre.onnx", workdir / "head_int8.onnx"
    onnx.save(head, src)
    quant_pre_process(str(src), str(pre), skip_symbolic_shape=True)
    # The 7-unit output layers stay FP32 (a few hundred weights; 8-bit logits flipped close 4-class calls),
    # and so does the statistics member (a linear model on standardised statistics: nothing to gain).
    keep_fp32 = [
        n.name
        for n in onnx.load(str(pre)).graph.node
        if n.op_type in ("Gemm", "MatMul") and ("/out" in n.name or "/member/" in n.name)
    ]
    quantize_static(
        str(pre),
        str(dst),
        _FeatureReader(calib_feats),
        quant_format=QuantFormat.QDQ,
        per_channel=True,
        op_types_to_quantize=["Gemm", "MatMul"],
        nodes_to_exclude=keep_fp32,
        activation_type=QuantType.QInt8,
        weight_type=QuantType.QInt8,
        calibrate_method=CalibrationMethod.MinMax,
        extra_options={"ActivationSymmetric": False, "WeightSymmetric": True},
    )
    return onnx.load(str(dst))


def merge(frontend: onnx.ModelProto, head: onnx.ModelProto, *, name: str, version: str) -> onnx.ModelProto:
    # The pre-processed/quantised head may carry a different opset import; align both to the larger.
    fe_ops = {o.domain: o.version for o in frontend.opset_import}
    hd_ops = {o.domain: o.version for o in head.opset_import}
    target = max(fe_ops.get("", OPSET), hd_ops.get("", OPSET))
    if fe_ops.get("", OPSET) != target:
        frontend = onnx.version_converter.convert_version(frontend, target)
    if hd_ops.get("", OPSET) != target:
        head = onnx.version_converter.convert_version(head, target)
    head = onnx.compose.add_prefix(head, prefix="head/", rename_inputs=False, rename_outputs=False)
    frontend = onnx.compose.add_prefix(
        frontend, prefix="frontend/", rename_inputs=False, rename_outputs=False
    )
    if frontend.ir_version != head.ir_version:
        ir = max(frontend.ir_version, head.ir_version)
        frontend.ir_version = head.ir_version = ir
    merged = onnx.compose.merge_models(frontend, head, io_map=[(FEATS, FEATS)])
    merged.producer_name = "lugn-training"
    merged.graph.name = name
    merged.model_version = 1
    meta = merged.metadata_props.add()
    meta.key, meta.value = "version", version
    short_tensor_names(merged)
    onnx.checker.check_model(merged)
    return merged


def short_tensor_names(model: onnx.ModelProto) -> None:
    """Rename every intermediate tensor and initializer to a short id, in place (the graph's inputs and
    outputs and the node names stay). The exporter's tensor names ("/head/ensemble/heads.3/body/body.1/
    Relu_output_0") were ~50 KB of the 1.2.0 file, 5 % of the 1 MB budget, and carry nothing the runtime
    uses; the same graph with short names gives bit-identical outputs."""
    g = model.graph
    keep = {v.name for v in g.input} | {v.name for v in g.output}
    names: dict[str, str] = {}

    def short(name: str) -> str:
        if not name or name in keep:
            return name
        if name not in names:
            names[name] = f"t{len(names):x}"
        return names[name]

    for init in g.initializer:
        init.name = short(init.name)
    for node in g.node:
        node.input[:] = [short(n) for n in node.input]
        node.output[:] = [short(n) for n in node.output]
    for vi in g.value_info:
        vi.name = short(vi.name)
