"""Corpus folders: a ``manifest.csv`` (file, speaker, gender, label, ...) and the audio files it names.

Bad input gets a :class:`CorpusError` naming the file (and row) at fault. Audio is read as 16 kHz mono
float32. An optional ``intensity`` column (the acted intensity, e.g. normal / strong) is carried on each
clip so ``lugn eval`` can report angry recall by intensity; none of the shared corpora has one.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SAMPLE_RATE_HZ = 16_000
LABELS4 = ("neutral", "happy", "sad", "angry")
KNOWN_LABELS = frozenset(
    {"neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised", "boredom"}
)
NOT_FRUSTRATED = frozenset({"neutral", "calm", "happy", "sad", "boredom"})
REQUIRED_COLUMNS = ("file", "speaker", "gender", "label")

# Category -> (arousal, valence) in [0, 1], from the circumplex placement of the basic emotions (Russell 1980;
# the usual mapping in dimensional SER). Used to train the arousal/valence outputs from categorical labels.
AROUSAL_VALENCE = {
    "neutral": (0.35, 0.55),
    "calm": (0.2, 0.65),
    "happy": (0.75, 0.9),
    "sad": (0.2, 0.15),
    "angry": (0.9, 0.1),
    "fearful": (0.8, 0.15),
    "disgust": (0.55, 0.15),
    "surprised": (0.8, 0.65),
    "boredom": (0.15, 0.35),
}


class CorpusError(ValueError):
    """A corpus folder cannot be used; the message names the file (and row) at fault."""


@dataclass(frozen=True)
class Clip:
    path: Path
    speaker: str
    gender: str
    label: str
    use: str
    # the corpus's own intensity of the acted emotion (e.g. "normal" / "strong"), from an optional
    # ``intensity`` manifest column; "" where the corpus has none (EmoDB, tess and urdu have none)
    intensity: str = ""

    @property
    def label4(self) -> int:
        """Index into LABELS4 (calm counts as neutral), or -1 for labels outside the 4 classes."""
        lab = "neutral" if self.label == "calm" else self.label
        return LABELS4.index(lab) if lab in LABELS4 else -1

    @property
    def frustrated(self) -> int:
        """1 = angry, 0 = not frustrated, -1 = left out of the binary task (fear, disgust, surprise)."""
        if self.label == "angry":
            return 1
        return 0 if self.label in NOT_FRUSTRATED else -1


def read_manifest(folder: Path) -> list[Clip]:
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(f"{folder}: not a folder")
    mpath = folder / "manifest.csv"
    if not mpath.is_file():
        raise CorpusError(f"{mpath}: manifest.csv not found (a corpus folder needs one; see the README)")
    with mpath.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise CorpusError(f"{mpath}: missing column(s) {', '.join(missing)}")
        clips = []
        for lineno, row in enumerate(reader, start=2):
            label = (row["label"] or "").strip().lower()
            if label not in KNOWN_LABELS:
                raise CorpusError(
                    f"{mpath}, line {lineno}: unknown label {row['label']!r} for {row['file']!r} "
                    f"(known: {', '.join(sorted(KNOWN_LABELS))})"
                )
            name = (row["file"] or "").strip()
            if not name:
                raise CorpusError(f"{mpath}, line {lineno}: empty file name")
            clips.append(
                Clip(
                    path=folder / name,
                    speaker=(row["speaker"] or "").strip() or "unknown",
                    gender=(row["gender"] or "").strip().lower() or "unknown",
                    label=label,
                    use=(row.get("use") or "").strip().lower(),
                    intensity=(row.get("intensity") or "").strip().lower(),
                )
            )
    if not clips:
        raise CorpusError(f"{mpath}: the manifest lists no clips")
    return clips


def load_audio(path: Path) -> np.ndarray:
    """Read one clip as 16 kHz mono float32; raise CorpusError naming the file if it cannot be used."""
    import soundfile as sf

    if not path.is_file():
        raise CorpusError(f"{path}: audio file named in the manifest not found")
    try:
        audio, rate = sf.read(str(path), dtype="float32", always_2d=True)
    except Exception as exc:  # soundfile raises RuntimeError/LibsndfileError/TypeError for bad files
        raise CorpusError(f"{path}: unreadable audio ({exc})") from exc
    audio = audio.mean(axis=1)
    if rate != SAMPLE_RATE_HZ:
        from scipy.signal import resample_poly

        g = np.gcd(int(rate), SAMPLE_RATE_HZ)
        audio = resample_poly(audio, SAMPLE_RATE_HZ // g, int(rate) // g).astype(np.float32)
    if audio.size == 0:
        raise CorpusError(f"{path}: audio file is empty")
    return np.ascontiguousarray(audio, dtype=np.float32)
