"""How the frustration operating point holds up under contact-centre conditions.

``python -m training.robustness [DIR] [--json]`` scores one corpus (default: EmoDB, the training corpus,
out-of-fold as ``lugn eval`` does) clean and after each rendering below, and prints per rendering the AUC,
the balanced accuracy at the model's shipped threshold, and the threshold that would have been best for that
rendering alone. It reads training data only by default, so what it shows may inform the recipe; run on an
evaluation corpus it is a report, never a tuning signal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from training import augment
from training.evaluate import Corpus, CvArtifacts, load_corpus, score_tone
from training.metrics import auc, balanced_accuracy, best_threshold
from training.report import SHIPPED, build_variants, load_shipped

Rendering = Callable[[np.ndarray, int, Corpus], np.ndarray]


def _noise(kind: float | str, snr_db: float) -> Rendering:
    def render(x: np.ndarray, i: int, corpus: Corpus) -> np.ndarray:
        rng = np.random.default_rng(i)
        if kind == "babble":
            noise = augment.babble(len(x), corpus.audio, rng)
        else:
            noise = augment.coloured_noise(len(x), rng, float(kind))
        return augment.add_noise(x, noise, snr_db)

    return render


RENDERINGS: dict[str, Rendering] = {
    "clean": lambda x, i, c: x,
    "telephone 8 kHz": lambda x, i, c: augment.telephone(x),
    "G.711 mu-law": lambda x, i, c: augment.telephone_g711(x),
    "gain -12 dB": lambda x, i, c: augment.gain_db(x, -12.0),
    "gain +12 dB, clipped": lambda x, i, c: np.clip(augment.gain_db(x, 12.0), -1.0, 1.0),
    "pink noise 20 dB": _noise(1.0, 20.0),
    "pink noise 10 dB": _noise(1.0, 10.0),
    "babble 15 dB": _noise("babble", 15.0),
    "reverb RT60 0.4 s": lambda x, i, c: augment.reverb(x, np.random.default_rng(i), 0.4),
    "G.711 + pink 20 dB": lambda x, i, c: augment.telephone_g711(_noise(1.0, 20.0)(x, i, c)),
}


def rendered(corpus: Corpus) -> Iterator[tuple[str, list[np.ndarray]]]:
    """(name, the corpus's audio after that rendering) for each of RENDERINGS, one at a time."""
    for name, render in RENDERINGS.items():
        yield name, [np.asarray(render(a, i, corpus), dtype=np.float32) for i, a in enumerate(corpus.audio)]


def run(folder: Path, model_path: Path | None = None) -> dict[str, Any]:
    model, _ = load_shipped(model_path)
    cv = CvArtifacts.load()
    variant = build_variants(model, cv)[SHIPPED]
    corpus = load_corpus(folder)
    model_for, out_of_fold = variant.model_picker(corpus, cv)
    truth = np.array([c.frustrated for c in corpus.clips])
    keep = truth >= 0
    if keep.sum() == 0 or len(set(truth[keep].tolist())) < 2:
        raise ValueError(f"{folder}: needs both angry and not-angry clips")
    rows = []
    for name, audio in rendered(corpus):
        _, fr = score_tone(model_for, corpus.clips, audio, use_baseline=variant.use_baseline)
        s, y = fr[keep], truth[keep]
        best = best_threshold(s, y)
        rows.append(
            {
                "rendering": name,
                "binary_auc": auc(s, y),
                "binary_ua": balanced_accuracy(y, (s >= model.threshold).astype(int), (0, 1)),
                "best_threshold": best,
                "binary_ua_at_best": balanced_accuracy(y, (s >= best).astype(int), (0, 1)),
                "mean_score_angry": float(s[y == 1].mean()),
                "mean_score_other": float(s[y == 0].mean()),
            }
        )
    return {
        "corpus": corpus.name,
        "clips": int(keep.sum()),
        "out_of_fold": out_of_fold,
        "threshold": model.threshold,
        "renderings": rows,
    }


def table(result: dict[str, Any]) -> str:
    how = "out-of-fold" if result["out_of_fold"] else "shipped model"
    lines = [
        f"{result['corpus']} ({result['clips']} clips, {how}), shipped threshold {result['threshold']:.3f}",
        f"{'rendering':20s} {'AUC':>6s} {'bUA':>6s} {'best t':>7s} {'bUA@t':>6s} {'angry':>6s} {'other':>6s}",
    ]
    for r in result["renderings"]:
        lines.append(
            f"{r['rendering']:20s} {r['binary_auc']:6.3f} {r['binary_ua']:6.3f} {r['best_threshold']:7.3f} "
            f"{r['binary_ua_at_best']:6.3f} {r['mean_score_angry']:6.3f} {r['mean_score_other']:6.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(prog="python -m training.robustness", description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=root.parent / "shared" / "data" / "emodb")
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    result = run(a.folder, a.model)
    print(json.dumps(result, indent=2) if a.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
