"""``make model``: rebuild the shipped tone model from ``../shared/data`` deterministically.

1. EmoDB ``use=train`` rows; speaker folds (each holds out one male + one female speaker).
2. Contact-centre renderings of every clip (cached under ``training/cache/``) -> in-graph front-end
   features.
3. Cross-validation: a head ensemble per fold -> the out-of-fold models (FP32 + INT8) stored in
   ``training/cv/`` so that ``lugn eval`` scores the training corpus speaker-independently.
4. Operating threshold (and speaker-baseline prior) from EmoDB out-of-fold scores only, scored the runtime
   way, clean and under contact-centre renderings (``training.calibrate``).
5. The shipped model: the same recipe on all training rows -> FP32 twin + INT8 (network only), INT8 ships
   only if it is within 0.01 of FP32 on every figure.
6. The plain acoustic baseline (logistic regression) for comparison, then the final table.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import onnx
import torch
from tqdm import tqdm

from device.inference.models import sha256_file
from training import export, ship
from training.acoustic import AcousticLR, features
from training.augment import telephone_g711
from training.data import load_audio, read_manifest
from training.net import Frontend
from training.train import (
    TrainConfig,
    rendered_features,
    set_determinism,
    speaker_folds,
    targets,
    train_ensemble,
)

ROOT = Path(__file__).resolve().parents[1]
VERSION = "1.3.0"
WINDOW_S, HOP_S = 2.0, 0.5


class StackedHeads(torch.nn.Module):
    """Fold ensembles side by side: outputs [B, K, ...] (the cross-validation model)."""

    def __init__(self, ensembles: Sequence[torch.nn.Module]) -> None:
        super().__init__()
        self.ensembles = torch.nn.ModuleList(ensembles)

    def forward(self, feats: torch.Tensor) -> tuple[torch.Tensor, ...]:
        outs = [e(feats) for e in self.ensembles]
        return tuple(torch.stack([o[i] for o in outs], dim=1) for i in range(4))


def _build(
    frontend: Frontend, head: torch.nn.Module, calib: np.ndarray, workdir: Path, name: str
) -> tuple[onnx.ModelProto, onnx.ModelProto]:
    """-> (FP32 model, INT8-head model), both waveform in."""
    fe = export.export_frontend(frontend, int(WINDOW_S * 16_000))
    hd = export.export_head(head, calib.shape[1])
    fp32 = export.merge(fe, hd, name=name, version=VERSION)
    int8 = export.merge(fe, export.quantise_head(hd, calib, workdir / name), name=name, version=VERSION)
    return fp32, int8


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m training.recipe", description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help="shared corpora folder")
    p.add_argument("--train-corpus", default="emodb", help="folder under --data with use=train rows")
    p.add_argument(
        "--models-dir", type=Path, default=ROOT / "device" / "models", help="where to ship the model"
    )
    p.add_argument("--cv-dir", type=Path, default=ROOT / "training" / "cv", help="where to store fold models")
    p.add_argument("--cache-dir", type=Path, default=ROOT / "training" / "cache")
    p.add_argument("--work-dir", type=Path, default=ROOT / "training" / "runs")
    p.add_argument(
        "--max-clips", type=int, default=0, help="use only the first N clips per speaker (CI smoke)"
    )
    p.add_argument("--epochs", type=int, default=TrainConfig.epochs)
    p.add_argument("--seeds", type=int, default=TrainConfig.seeds, help="MLP heads per ensemble")
    p.add_argument(
        "--linear-heads", type=int, default=TrainConfig.linear_heads, help="linear heads per ensemble"
    )
    p.add_argument("--renderings", type=int, default=TrainConfig.renderings)
    # issue-17 parts, for the per-change figures in the model card (1.2.0's recipe: --no-voice-features
    # --no-pitch-octave-check --shift-semitones "")
    p.add_argument(
        "--voice-features", action=argparse.BooleanOptionalAction, default=TrainConfig.voice_features
    )
    p.add_argument(
        "--pitch-octave-check", action=argparse.BooleanOptionalAction, default=TrainConfig.pitch_octave_check
    )
    p.add_argument(
        "--shift-semitones",
        default=",".join(f"{v:g}" for v in TrainConfig.shift_semitones),
        help="voice-shift renderings, comma-separated semitones ('' for none)",
    )
    p.add_argument(
        "--eval", nargs="*", default=None, help="corpus folders for the final table (default: all)"
    )
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    t0 = time.time()
    cfg = TrainConfig(
        epochs=args.epochs,
        seeds=args.seeds,
        linear_heads=args.linear_heads,
        renderings=args.renderings,
        voice_features=args.voice_features,
        pitch_octave_check=args.pitch_octave_check,
        shift_semitones=tuple(float(v) for v in args.shift_semitones.split(",") if v.strip()),
    )
    set_determinism(cfg.seed)
    corpus_dir = args.data / args.train_corpus
    clips = [c for c in read_manifest(corpus_dir) if c.use == "train"]
    if args.max_clips:
        per: dict[str, int] = {}
        kept = []
        for c in clips:
            if per.get(c.speaker, 0) < args.max_clips:
                kept.append(c)
                per[c.speaker] = per.get(c.speaker, 0) + 1
        clips = kept
    if not clips:
        print(f"{corpus_dir}/manifest.csv has no use=train rows", file=sys.stderr)
        return 2
    waves = [load_audio(c.path) for c in tqdm(clips, desc="load audio")]
    folds = speaker_folds(clips)
    n_folds = max(folds.values()) + 1
    feats = rendered_features(clips, waves, folds, cfg, args.cache_dir, progress=tqdm)
    fold_of_clip = np.array([folds[c.speaker] for c in clips])
    frontend = Frontend(voice=cfg.voice_features, octave_check=cfg.pitch_octave_check).eval()

    # 3. cross-validation fold ensembles
    ensembles = []
    for k in tqdm(range(n_folds), desc="cross-validation folds"):
        tr = np.where(fold_of_clip != k)[0]
        ensembles.append(train_ensemble(feats[tr], [clips[i] for i in tr], cfg))
    # 5. the shipped model on all training rows
    with tqdm(total=1, desc="final model (all training rows)") as bar:
        final = train_ensemble(feats, clips, cfg)
        bar.update()

    calib = feats.reshape(-1, feats.shape[2])[:: max(1, cfg.total_renderings // 2)]
    work = args.work_dir
    # Heads stay separate nodes in the graph: each hidden layer then gets its own activation scale in INT8
    # (one fused 320-wide layer sharing a scale missed the 0.01 rule on EmoDB ua4).
    cv_fp32, cv_int8 = _build(frontend, StackedHeads(ensembles).eval(), calib, work, "tone_cv")
    fp32, int8 = _build(frontend, final, calib, work, "tone")

    # 6. acoustic baseline: clean + G.711 telephone copies, fold models + full model
    Xc = np.stack([features(w) for w in tqdm(waves, desc="acoustic baseline features")])
    Xt = np.stack([features(telephone_g711(w)) for w in waves])
    y4, yb, _ = targets(clips)
    lr_folds, oof_b = [], np.zeros(len(clips))
    for k in range(n_folds):
        tr = fold_of_clip != k
        m = AcousticLR.fit(
            np.concatenate([Xc[tr], Xt[tr]]), np.concatenate([y4[tr]] * 2), np.concatenate([yb[tr]] * 2)
        )
        lr_folds.append(m)
        oof_b[~tr] = m.predict(Xc[~tr])[1]
    lr_full = AcousticLR.fit(np.concatenate([Xc, Xt]), np.concatenate([y4] * 2), np.concatenate([yb] * 2))
    from training.metrics import best_threshold

    keep = yb >= 0
    lr_threshold = best_threshold(oof_b[keep], yb[keep])

    # 4. operating threshold + speaker-baseline prior from out-of-fold scores (runtime scoring path)
    from training.calibrate import choose_operating_point

    point = choose_operating_point(cv_int8, clips, waves, folds, work)
    shifts = f" + voice shifts {list(cfg.shift_semitones)} st" if cfg.shift_semitones else ""
    happy = f", happy x{cfg.happy_weight:g} in the frustration loss" if cfg.happy_weight != 1.0 else ""
    metadata = {
        "threshold": point["threshold"],
        "threshold_without_baseline": point["threshold_without_baseline"],
        "baseline": point["baseline"],
        "precision": "int8",
        "quantised": (
            "INT8 hidden layers of the MLP heads (per-channel QDQ, calibrated on training renderings); FP32 "
            "front end, 7-unit output layers and statistics member"
        ),
        "front_end": (
            "in-graph FP32: DFT conv (25 ms window / 20 ms hop, the 188 bins of 80-7560 Hz), 40 log-mel, "
            "gain-only normalisation, statistics over time; 4 kHz autocorrelation pitch/voicing statistics "
            f"(20 ms hop{', octave-checked' if cfg.pitch_octave_check else ''}); acoustic-baseline "
            "statistics (energy, F0, centroid, roll-off, flux, tilt: mean, std, 10th/90th percentile; MFCC "
            "mean/std)"
            + (
                "; voice quality and contour over voiced frames (HNR, F0 and level irregularity, alpha "
                "ratio, Hammarberg index, spectral slope 0-500 / 500-1500 Hz, F0 slope/curvature/rising "
                "share, "
                "energy attack/decay/modulation)"
                if cfg.voice_features
                else ""
            )
        ),
        "ensemble": (
            f"{1 - cfg.member_weight:.2f} x ({cfg.seeds} MLP + {cfg.linear_heads} linear heads on "
            f"{'all features' if cfg.heads_see_statistics else 'log-mel + pitch statistics'}, "
            f"all renderings{shifts}{happy}) "
            f"+ {cfg.member_weight:.2f} x statistics member (L2 logistic regression, C={cfg.member_c}, on "
            f"{cfg.member_renderings} renderings: clean + G.711); probabilities and frustration averaged, "
            "arousal/valence from the heads"
        ),
        "threshold_rule": point["threshold_rule"],
        "threshold_clean_optimum": point["threshold_clean_optimum"],
    }
    cv_info = {
        "corpus": args.train_corpus,
        "folds": folds,
        "train_files": sorted(c.path.name for c in clips),
        "acoustic": {
            "full": lr_full.params,
            "folds": [m.params for m in lr_folds],
            "threshold": lr_threshold,
        },
        "operating_point": point,
        "config": {k: getattr(cfg, k) for k in cfg.__dataclass_fields__},
    }
    cv_meta = dict(metadata, note="cross-validation fold models; outputs stacked [batch, fold, ...]")
    ship.ship(
        cv_int8,
        args.cv_dir,
        version=VERSION,
        window_s=WINDOW_S,
        hop_s=HOP_S,
        metadata=cv_meta,
        name="tone_cv_int8",
    )
    ship.ship(
        cv_fp32,
        args.cv_dir,
        version=VERSION,
        window_s=WINDOW_S,
        hop_s=HOP_S,
        metadata=cv_meta,
        name="tone_cv_fp32",
    )
    ship.ship(
        fp32,
        args.cv_dir,
        version=VERSION,
        window_s=WINDOW_S,
        hop_s=HOP_S,
        metadata=metadata,
        name="tone_fp32",
    )
    shipped = ship.ship(
        int8, args.models_dir, version=VERSION, window_s=WINDOW_S, hop_s=HOP_S, metadata=metadata
    )
    cv_info["shipped_sha256"] = sha256_file(args.models_dir / "tone.onnx")
    # the PyTorch weights of the shipped network, so tests can check the ONNX graph against PyTorch
    torch.save(final.state_dict(), args.cv_dir / "tone_heads.pt")
    (args.cv_dir / "cv.json").write_text(json.dumps(cv_info, indent=1) + "\n", encoding="utf-8")
    print(f"shipped {shipped} ({(args.models_dir / 'tone.onnx').stat().st_size / 1024:.0f} KiB)")

    # final table
    from training.report import final_report

    dirs = (
        [Path(d) for d in args.eval]
        if args.eval is not None
        else [args.data / n for n in ("emodb", "tess", "urdu") if (args.data / n / "manifest.csv").is_file()]
    )
    ok = final_report(dirs, args.models_dir, args.cv_dir, args.data, work)
    if not ok:
        # The rule: INT8 ships only if within 0.01 of FP32 on every figure. Otherwise the FP32 twin ships.
        print("INT8 missed the 0.01 rule: shipping the FP32 model instead")
        metadata |= {"precision": "fp32", "quantised": "none (INT8 was not within 0.01 of FP32)"}
        ship.ship(fp32, args.models_dir, version=VERSION, window_s=WINDOW_S, hop_s=HOP_S, metadata=metadata)
        cv_info["shipped_sha256"] = sha256_file(args.models_dir / "tone.onnx")
        (args.cv_dir / "cv.json").write_text(json.dumps(cv_info, indent=1) + "\n", encoding="utf-8")
        final_report(dirs, args.models_dir, args.cv_dir, args.data, work)
    print(f"make model: {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
