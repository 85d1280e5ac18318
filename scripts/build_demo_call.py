"""Build the bundled demo call from CC0 EmoDB clips: ``device/assets/demo_call.flac`` + timeline JSON + the
Audacity label track of the customer's frustrated stretch (``demo_call.txt``, for ``lugn eval``).

A stereo 16 kHz FLAC (left = agent, right = customer). One customer (EmoDB speaker 08, female) throughout:
calm, then sustained angry speech, then calmer again; the agent (EmoDB speaker 03, male, neutral) answers in
turn, with some overlap in the heated part. Deterministic: same clips, gaps and noise seed on every run.

    .venv/bin/python scripts/build_demo_call.py [--data ../shared/data/emodb]
    .venv/bin/python scripts/build_demo_call.py --labels-only   # demo_call.txt from the timeline JSON
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
RATE = 16_000
CUSTOMER, AGENT = "emodb-08", "emodb-03"
WITHIN_TURN_GAP_S = 0.25
TURN_GAP_S = 0.7
SPEECH_DBFS = -24.0
NOISE_DBFS = -58.0

# (side, phase, labels of consecutive sentences, overlap with the previous turn in s)
SCRIPT: list[tuple[str, str, str, float]] = [
    ("customer", "calm", "NN", 0.0),
    ("agent", "calm", "N", 0.0),
    ("customer", "calm", "NN", 0.0),
    ("agent", "calm", "NN", 0.0),
    ("customer", "calm", "NN", 0.0),
    ("agent", "calm", "N", 0.0),
    ("customer", "angry", "WWWW", 0.0),
    ("agent", "angry", "N", 0.6),
    ("customer", "angry", "WWW", 0.4),
    ("agent", "angry", "N", 0.0),
    ("customer", "angry", "WWWWW", 0.0),
    ("agent", "calmer", "NN", 0.0),
    ("customer", "calmer", "NN", 0.0),
    ("agent", "calmer", "N", 0.0),
    ("customer", "calmer", "NN", 0.0),
    ("agent", "calmer", "NN", 0.0),
    ("customer", "calmer", "NN", 0.0),
    ("agent", "calmer", "N", 0.0),
]
LABELS = {"N": "neutral", "W": "angry"}


def trim(x: np.ndarray, floor_db: float = 35.0) -> np.ndarray:
    """Cut the clip's leading/trailing padding: keep from the first to the last 20 ms frame within
    ``floor_db`` of the loudest, plus 50 ms either side."""
    hop = 320
    n = len(x) // hop
    ms = np.array([np.mean(x[i * hop : (i + 1) * hop] ** 2) + 1e-12 for i in range(n)])
    db = 10 * np.log10(ms)
    keep = np.where(db > db.max() - floor_db)[0]
    start = max(0, keep[0] * hop - 800)
    end = min(len(x), (keep[-1] + 1) * hop + 800)
    return x[start:end]


def clips(data: Path, speaker: str) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {"neutral": [], "angry": []}
    with (data / "manifest.csv").open(newline="") as fh:
        for row in csv.DictReader(fh):
            if row["speaker"] == speaker and row["label"] in out:
                out[row["label"]].append(data / row["file"])
    for label, paths in out.items():
        if not paths:
            raise SystemExit(f"{data / 'manifest.csv'}: no {label} clips for {speaker}")
        paths.sort()
    return out


def speaker_gain(paths: list[Path]) -> float:
    """One gain per speaker (so angry stays louder than neutral, as it was recorded)."""
    ms = np.mean([np.mean(trim(sf.read(p, dtype="float32")[0]) ** 2) for p in paths])
    return float(10 ** (SPEECH_DBFS / 20) / np.sqrt(ms))


def build(data: Path, out_dir: Path) -> dict[str, object]:
    pools = {"customer": clips(data, CUSTOMER), "agent": clips(data, AGENT)}
    gains = {side: speaker_gain(pool["neutral"] + pool["angry"]) for side, pool in pools.items()}
    used = {(side, label): 0 for side in pools for label in ("neutral", "angry")}
    segments: list[dict[str, object]] = []
    pieces: list[tuple[str, int, np.ndarray]] = []
    t, last_end = 0.5, 0.0
    for side, phase, labels, overlap in SCRIPT:
        if overlap > 0:  # this turn cuts into the end of the previous one
            t = last_end - overlap
        for k, code in enumerate(labels):
            label = LABELS[code]
            pool = pools[side][label]
            path = pool[used[(side, label)] % len(pool)]  # reused only when a speaker's pool runs out
            used[(side, label)] += 1
            audio = trim(sf.read(path, dtype="float32")[0]) * gains[side]
            start = round(t * RATE)
            pieces.append((side, start, audio))
            end_s = (start + len(audio)) / RATE
            segments.append(
                {
                    "side": side,
                    "phase": phase,
                    "label": label,
                    "clip": f"emodb/{path.name}",
                    "start_s": round(start / RATE, 3),
                    "end_s": round(end_s, 3),
                }
            )
            last_end = end_s
            t = end_s + (WITHIN_TURN_GAP_S if k < len(labels) - 1 else TURN_GAP_S)
    n = round((t + 0.8) * RATE)
    rng = np.random.default_rng(20250101)
    stereo = rng.standard_normal((n, 2)).astype(np.float32) * 10 ** (NOISE_DBFS / 20)
    for side, start, audio in pieces:
        stereo[start : start + len(audio), 0 if side == "agent" else 1] += audio
    np.clip(stereo, -1.0, 1.0, out=stereo)
    out_dir.mkdir(parents=True, exist_ok=True)
    sf.write(out_dir / "demo_call.flac", stereo, RATE, subtype="PCM_16")
    cust = [s for s in segments if s["side"] == "customer"]
    angry = [s for s in cust if s["phase"] == "angry"]
    timeline: dict[str, object] = {
        "schema_version": 1,
        "file": "demo_call.flac",
        "sample_rate_hz": RATE,
        "channels": {"left": "agent", "right": "customer"},
        "duration_s": round(n / RATE, 3),
        "speakers": {"customer": CUSTOMER, "agent": AGENT},
        "phases": {
            "calm": [0.0, angry[0]["start_s"]],
            "angry": [angry[0]["start_s"], angry[-1]["end_s"]],
            "calmer": [angry[-1]["end_s"], round(n / RATE, 3)],
        },
        "angry_speech_start_s": angry[0]["start_s"],
        "angry_speech_end_s": angry[-1]["end_s"],
        "segments": segments,
    }
    (out_dir / "demo_call.timeline.json").write_text(json.dumps(timeline, indent=1) + "\n", encoding="utf-8")
    write_labels(timeline, out_dir)
    return timeline


def labels_text(timeline: dict[str, object]) -> str:
    """What a QA labeller marks in Audacity: the customer's angry phase as one frustrated stretch, from the
    first angry sentence's start to the last one's end (the agent's turns inside it included)."""
    start, end = timeline["angry_speech_start_s"], timeline["angry_speech_end_s"]
    return f"{float(start):.6f}\t{float(end):.6f}\tfrustrated\n"


def write_labels(timeline: dict[str, object], out_dir: Path) -> None:
    (out_dir / "demo_call.txt").write_text(labels_text(timeline), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "emodb")
    parser.add_argument("--out", type=Path, default=ROOT / "device" / "assets")
    parser.add_argument("--labels-only", action="store_true", help="only demo_call.txt, from the timeline")
    args = parser.parse_args()
    if args.labels_only:
        timeline = json.loads((args.out / "demo_call.timeline.json").read_text(encoding="utf-8"))
        write_labels(timeline, args.out)
        print(f"wrote {args.out / 'demo_call.txt'}")
        return
    timeline = build(args.data, args.out)
    print(f"wrote {args.out / 'demo_call.flac'}: {timeline['duration_s']} s, phases {timeline['phases']}")


if __name__ == "__main__":
    main()
