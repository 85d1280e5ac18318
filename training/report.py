"""The evaluation run behind ``lugn eval`` and the recipe's final table.

Variants scored in one run: the shipped model (INT8, scored as the runtime scores it, speaker baseline
included when shipped), the same without the speaker baseline, its FP32 twin, and the plain acoustic
baseline.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from device.inference.models import ModelError, default_models_dir, load_model, sha256_file
from device.inference.tone import ToneModel, ToneScorer
from training.evaluate import (
    CV_DIR,
    CvArtifacts,
    ToneVariant,
    acoustic_variant,
    latency_ms,
    load_corpus,
)

FIGURES = ("ua4", "wa4", "f1_4", "binary_ua", "binary_auc", "binary_ua_8khz")
SHIPPED, NO_BASE, FP32, ACOUSTIC = "shipped", "shipped, no speaker baseline", "fp32", "acoustic baseline (LR)"


def load_shipped(model: Path | None) -> tuple[ToneModel, bool]:
    """-> (model, is_the_shipped_one). ``model`` may be a models folder or an .onnx (manifest beside it, or
    the
    shipped manifest's contract)."""
    if model is None:
        return ToneModel.load(), True
    model = Path(model)
    if model.is_dir():
        return ToneModel.load(model), False
    if not model.is_file():
        raise ModelError(f"model file not found: {model}")
    own = model.with_suffix("").with_suffix(".manifest.json")
    if own.is_file():
        return ToneModel(load_model(model.stem, model.parent)), False
    return ToneModel.load_candidate(model, default_models_dir() / "tone.manifest.json"), False


def build_variants(model: ToneModel, cv: CvArtifacts | None, cv_dir: Path = CV_DIR) -> dict[str, ToneVariant]:
    """The tone-model variants to compare; fold models only if they belong to this model (same training
    run)."""
    same_run = cv is not None and cv.info.get("shipped_sha256") == sha256_file(model.loaded.path)
    fold_models = None
    if cv is not None and same_run:
        fold_models = (
            cv.int8 if model.loaded.manifest.metadata.get("precision", "int8") == "int8" else cv.fp32
        )
    variants = {SHIPPED: ToneVariant(SHIPPED, model, fold_models, True)}
    if model.baseline.enabled:
        raw = ToneVariant(NO_BASE, model, fold_models, False)
        raw.threshold = float(
            model.loaded.manifest.metadata.get("threshold_without_baseline", model.threshold)
        )
        variants[NO_BASE] = raw
    fp32_path = cv_dir / "tone_fp32.onnx"
    if same_run and fp32_path.is_file():
        fp32 = ToneModel(load_model("tone_fp32", cv_dir))
        variants[FP32] = ToneVariant(FP32, fp32, cv.fp32 if cv else None, True)
    return variants


def run_eval(
    dirs: Sequence[Path],
    model_path: Path | None = None,
    progress: Any = None,
    arousal_dir: Path | None = None,
    cv_dir: Path = CV_DIR,
) -> dict[str, Any]:
    model, shipped = load_shipped(model_path)
    cv = CvArtifacts.load(cv_dir)
    variants = build_variants(model, cv, cv_dir)
    acoustic = acoustic_variant(cv)
    comparisons: dict[str, dict[str, Any]] = {name: {} for name in variants if name != SHIPPED}
    if acoustic:
        comparisons[ACOUSTIC] = {}
    corpora: dict[str, Any] = {}
    cross_validated = []
    for d in dirs:
        corpus = load_corpus(d, progress=progress)
        for name, variant in variants.items():
            figs, used_cv = variant.evaluate(corpus, cv)
            if name == SHIPPED:
                corpora[corpus.name] = figs
                if used_cv:
                    cross_validated.append(corpus.name)
            else:
                comparisons[name][corpus.name] = figs
        if acoustic:
            comparisons[ACOUSTIC][corpus.name] = acoustic.evaluate(corpus, cv)[0]
    m = model.loaded.manifest
    info: dict[str, Any] = {
        "name": m.name,
        "version": m.version,
        "path": str(model.loaded.path),
        "sha256": sha256_file(model.loaded.path),
        "size_bytes": model.loaded.path.stat().st_size,
        "shipped": shipped,
        "precision": m.metadata.get("precision", "unknown"),
        "threshold": model.threshold,
        "speaker_baseline": model.baseline.enabled,
        "window_s": m.window_s,
        "hop_s": m.hop_s,
        "latency_ms_median": round(latency_ms(model), 3),
        "cross_validated": cross_validated,
        "comparisons": comparisons,
    }
    if FP32 in variants:
        info["latency_ms_median_fp32"] = round(latency_ms(variants[FP32].model), 3)
    if arousal_dir is not None:
        info["arousal_spearman"], info["valence_spearman"] = dimension_check(model, arousal_dir)
    return {"model": info, "corpora": corpora}


def dimension_check(model: ToneModel, folder: Path) -> tuple[float, float]:
    """Spearman of the arousal/valence outputs (pooled over a clip's windows) vs arousal.csv / valence.csv."""
    from scipy.stats import spearmanr

    from training.data import load_audio

    res = []
    for kind in ("arousal", "valence"):
        with (folder / f"{kind}.csv").open(newline="") as fh:
            rows = [(r[0], float(r[1])) for r in csv.reader(fh) if r]
        pred = []
        for name, _ in rows:
            scorer = ToneScorer(model, use_baseline=False)
            out = scorer.process(load_audio(folder / name), True) + scorer.end_turn()
            pred.append(np.mean([getattr(o, kind) for o in out]))
        res.append(round(float(spearmanr(pred, [v for _, v in rows]).statistic), 4))
    return res[0], res[1]


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def table(result: dict[str, Any]) -> str:
    lines = []
    info = result["model"]
    lines.append(
        f"model {info['name']} {info['version']} ({info['size_bytes'] / 1024:.0f} KiB, "
        f"sha256 {info['sha256'][:12]}), {info['precision']}, threshold {info['threshold']:.3f}, "
        f"speaker baseline {'on' if info['speaker_baseline'] else 'off'}, "
        f"window {info['window_s']} s / hop {info['hop_s']} s"
    )
    lat = f"latency per window (median, 1 thread): {info['latency_ms_median']:.2f} ms"
    if "latency_ms_median_fp32" in info:
        lat += f" (FP32 {info['latency_ms_median_fp32']:.2f} ms)"
    lines.append(lat)
    if "arousal_spearman" in info:
        lines.append(
            f"arousal Spearman vs pyaa: {info['arousal_spearman']:.3f} "
            f"(valence {info['valence_spearman']:.3f})"
        )
    header = (
        f"{'corpus':<8} {'variant':<28} {'clips':>5} "
        + " ".join(f"{f:>14}" for f in FIGURES)
        + "  ua4 by gender"
    )
    lines.append(header)
    lines.append("-" * len(header))
    for corpus, figs in result["corpora"].items():
        rows = [
            (
                f"{SHIPPED} {info['precision']}"
                + (" (speaker-CV)" if corpus in info["cross_validated"] else ""),
                figs,
            )
        ]
        rows += [(name, c[corpus]) for name, c in info["comparisons"].items() if corpus in c]
        for name, f in rows:
            by_g = " ".join(f"{g}={v:.3f}" for g, v in f["ua4_by_gender"].items())
            lines.append(
                f"{corpus:<8} {name:<28} {f['clips']:>5} "
                + " ".join(f"{_fmt(f[k]):>14}" for k in FIGURES)
                + f"  {by_g}"
            )
    lines.append("")
    lines += group_table(result)
    return "\n".join(lines)


def _gender_cell(g: dict[str, Any]) -> str:
    """'bUA / AUC', or, where the gender lacks angry (or not-angry) clips, what can be said: the false-alarm
    share (or the angry recall)."""
    if g["binary_ua"] is not None:
        return f"{g['binary_ua']:.3f} / {g['binary_auc']:.3f}"
    if g["not_angry_flagged"] is not None:
        return f"no angry; flags {g['not_angry_flagged']:.3f}"
    return f"only angry; recall {g['angry_recall']:.3f}"


def group_table(result: dict[str, Any]) -> list[str]:
    """Frustration-score figures by emotion, gender and intensity (issue 17), one row per corpus and
    variant."""
    info = result["model"]
    header = (
        f"{'corpus':<8} {'variant':<28} {'AUC ang/hap':>11} {'happy flagged':>13} {'angry recall':>12}"
        f"  {'women bUA / AUC':<23}  {'men bUA / AUC':<23}  angry recall by intensity"
    )
    lines = [
        f"frustration score by emotion, gender, intensity (at threshold {info['threshold']:.3f})",
        header,
    ]
    lines.append("-" * len(header))
    for corpus, figs in result["corpora"].items():
        rows = [(f"{SHIPPED} {info['precision']}", figs)]
        rows += [(name, c[corpus]) for name, c in info["comparisons"].items() if corpus in c]
        for name, f in rows:
            g = f["by_gender"]
            inten = f["angry_recall_by_intensity"]
            by_i = (
                " ".join(f"{k}={v['recall']:.3f} (n={v['clips']})" for k, v in inten.items())
                if inten
                else "no intensity field"
            )
            lines.append(
                f"{corpus:<8} {name:<28} {_fmt(f['angry_vs_happy_auc']):>11} {_fmt(f['happy_flagged']):>13} "
                f"{_fmt(f['angry_recall']):>12}  {_gender_cell(g['f']) if 'f' in g else '-':<23}  "
                f"{_gender_cell(g['m']) if 'm' in g else '-':<23}  {by_i}"
            )
    return lines


def confusion_text(result: dict[str, Any]) -> str:
    labels = ("neutral", "happy", "sad", "angry")
    out = []
    for corpus, figs in result["corpora"].items():
        out.append(f"{corpus}: confusion (rows true, columns predicted: {', '.join(labels)})")
        out += ["  " + " ".join(f"{v:>5}" for v in row) for row in figs["confusion4"]]
    return "\n".join(out)


def int8_within(result: dict[str, Any], tol: float = 0.01) -> list[str]:
    """Figures on which INT8 differs from FP32 by more than ``tol`` (empty = INT8 may ship)."""
    fp32 = result["model"]["comparisons"].get(FP32)
    if fp32 is None:
        return ["no FP32 twin to compare with"]
    bad = []
    for corpus, figs in result["corpora"].items():
        for k in FIGURES:
            if abs(figs[k] - fp32[corpus][k]) > tol:
                bad.append(f"{corpus} {k}: int8 {figs[k]:.3f} vs fp32 {fp32[corpus][k]:.3f}")
    return bad


def final_report(dirs: Sequence[Path], models_dir: Path, cv_dir: Path, data_dir: Path, work: Path) -> bool:
    from tqdm import tqdm

    pyaa = data_dir / "pyaa"
    result = run_eval(
        dirs,
        models_dir / "tone.onnx",
        progress=lambda c: tqdm(c, desc="eval: load audio"),
        arousal_dir=pyaa if (pyaa / "arousal.csv").is_file() else None,
        cv_dir=cv_dir,
    )
    work.mkdir(parents=True, exist_ok=True)
    (work / "report.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(table(result))
    print(confusion_text(result))
    bad = int8_within(result)
    print("INT8 within 0.01 of FP32 on every figure: " + ("yes" if not bad else "NO: " + "; ".join(bad)))
    return not bad
