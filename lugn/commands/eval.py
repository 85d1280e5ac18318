"""``lugn eval DIR [DIR ...] [--json] [--model PATH]``: evaluate the tone model on labelled calls (the pilot
kit, :mod:`lugn.evalkit`) or on clip corpus folders.

A clip corpus DIR holds a ``manifest.csv`` (file, speaker, gender, label, ...) and the audio it names. Clips
are scored the way the runtime scores them (ToneScorer: sliding windows, pooled; the speaker baseline when the
model ships one). Clips of the training corpus are scored by the out-of-fold cross-validation models
(speaker-independent).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from lugn.evalkit import command as calls

NAME = "eval"
HELP = "Evaluate the customer tone model on a site's labelled calls (docs/pilot.md) or on clip corpora"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "dirs",
        nargs="+",
        type=Path,
        metavar="DIR",
        help="folder(s) of labelled calls, or call recordings (see below); or clip corpus folder(s) with a "
        "manifest.csv",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    p.add_argument(
        "--model", type=Path, default=None, help="a models folder or .onnx file (default: shipped)"
    )
    p.add_argument(
        "--arousal",
        type=Path,
        default=None,
        metavar="DIR",
        help="also check the arousal/valence outputs against DIR/arousal.csv and DIR/valence.csv (Spearman)",
    )
    calls.add_arguments(p)


def run(args: argparse.Namespace) -> int:
    if calls.wanted(args):  # labelled calls: the pilot kit (no training code needed)
        return calls.run(args)
    from device.inference.models import ModelError
    from training.data import CorpusError
    from training.evaluate import check_corpus_dirs
    from training.report import confusion_text, run_eval, table

    try:
        check_corpus_dirs(args.dirs)
        if args.arousal is not None:
            for kind in ("arousal", "valence"):
                if not (args.arousal / f"{kind}.csv").is_file():
                    raise CorpusError(f"{args.arousal / (kind + '.csv')}: not found (needed by --arousal)")
        progress = None
        if not args.json and sys.stderr.isatty():
            from tqdm import tqdm

            def progress(clips: Any) -> Any:
                return tqdm(clips, desc="load audio", leave=False)

        result = run_eval(args.dirs, args.model, progress=progress, arousal_dir=args.arousal)
    except (CorpusError, ModelError) as exc:
        print(f"lugn eval: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(table(result))
        print(confusion_text(result))
    return 0
