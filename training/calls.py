"""Labelled stereo calls built from corpus clips (customer right, agent left), with the customer's angry
stretches in an Audacity label file beside each: what ``training.callstudy`` measures the turn and smoothing
logic on, and what the pilot kit's tests build their calls from.

A call is a script of turns. Customer turns are runs of sentences (clips); an angry sentence is labelled, and
consecutive angry sentences of one turn form one stretch, as a QA labeller marks "from the first frustrated
word to the last". Gaps are drawn at random (seeded): within a turn 0.15–0.45 s, with a hesitation of
0.7–1.3 s one time in five; between turns 0.3–1.2 s, so a turn end and a hesitation look alike to a pause
rule, as on a real line.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

RATE = 16_000
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CV_DIR = Path(__file__).resolve().parent / "cv"
CODES = {"N": "neutral", "W": "angry", "F": "happy", "L": "boredom", "T": "sad"}
SPEECH_DBFS, NOISE_DBFS = -24.0, -58.0
CALM = "NNNNNNNNLLTF"  # the calm sentences' mix (the pilot kit's demo set uses the same)
AGENTS = ("emodb-03", "emodb-11")  # agents' voices (EmoDB neutral clips; the agent side is never scored)


def trim_speech(x: np.ndarray, floor_db: float = 35.0) -> np.ndarray:
    """The clip's speech (frames within ``floor_db`` of its loudest) and 50 ms either side."""
    hop = 320
    n = len(x) // hop
    db = 10 * np.log10(np.array([np.mean(x[i * hop : (i + 1) * hop] ** 2) + 1e-12 for i in range(n)]))
    keep = np.flatnonzero(db > db.max() - floor_db)
    return x[max(0, keep[0] * hop - 800) : min(len(x), (keep[-1] + 1) * hop + 800)]


class Pool:
    """A corpus's clips by speaker and label, trimmed, one gain per speaker (all its clips at -24 dBFS)."""

    def __init__(self, folder: Path, use: str | None = None) -> None:
        self.folder = folder
        self.rows: dict[tuple[str, str], list[Path]] = {}
        self.gender: dict[str, str] = {}
        with (folder / "manifest.csv").open(newline="") as fh:
            for row in csv.DictReader(fh):
                if use is None or row["use"] == use:
                    self.rows.setdefault((row["speaker"], row["label"]), []).append(folder / row["file"])
                    self.gender[row["speaker"]] = row["gender"]
        for paths in self.rows.values():
            paths.sort()
        self._cache: dict[Path, np.ndarray] = {}
        self._gain: dict[str, float] = {}

    def clip(self, path: Path) -> np.ndarray:
        if path not in self._cache:
            import soundfile as sf

            audio, rate = sf.read(path, dtype="float32")
            if rate != RATE:
                raise ValueError(f"{path}: {rate} Hz, expected {RATE}")
            self._cache[path] = trim_speech(audio if audio.ndim == 1 else audio.mean(axis=1))
        return self._cache[path]

    def clips(self, speaker: str, label: str) -> list[Path]:
        """The speaker's clips of ``label``; for a calm label the speaker lacks, neutral ones, else any calm
        ones (urdu's speakers mostly have one emotion each)."""
        if self.rows.get((speaker, label)) or label == "angry":
            return self.rows.get((speaker, label), [])
        for other in ("neutral", *sorted(lab for s, lab in self.rows if s == speaker)):
            if other != "angry" and self.rows.get((speaker, other)):
                return self.rows[(speaker, other)]
        return []

    def gain(self, speaker: str) -> float:
        if speaker not in self._gain:
            paths = [p for (s, _), ps in self.rows.items() if s == speaker for p in ps]
            ms = np.mean([np.mean(self.clip(p) ** 2) for p in paths])
            self._gain[speaker] = float(10 ** (SPEECH_DBFS / 20) / np.sqrt(ms))
        return self._gain[speaker]


@dataclass(frozen=True)
class Voice:
    """Who speaks a side: calm sentences from ``calm``, angry ones from ``angry`` (the same speaker, except
    in urdu, where no speaker has both)."""

    pool: Pool
    calm: str
    angry: str

    def speaker(self, code: str) -> str:
        return self.angry if code == "W" else self.calm


Turn = tuple[str, str]  # side ("c" customer / "a" agent), sentence codes


def write_call(
    out: Path, name: str, turns: Sequence[Turn], customer: Voice, agent: Voice, rng: np.random.Generator
) -> dict[str, Any]:
    """``out/name.wav`` (stereo: agent left, customer right) and ``out/name.txt`` (the angry stretches)."""
    import soundfile as sf

    used: dict[tuple[str, str], int] = {}
    start_index = int(rng.integers(0, 1000))
    pieces: list[tuple[int, int, np.ndarray]] = []
    stretches: list[tuple[float, float]] = []
    t = 0.5
    for side, codes in turns:
        voice = customer if side == "c" else agent
        run: list[float] | None = None
        for k, code in enumerate(codes):
            speaker = voice.speaker(code)
            paths = voice.pool.clips(speaker, CODES[code])
            if not paths:
                raise ValueError(f"{speaker}: no {CODES[code]} clips")
            key = (speaker, code)
            path = paths[(used.get(key, 0) + start_index) % len(paths)]
            used[key] = used.get(key, 0) + 1
            audio = voice.pool.clip(path) * voice.pool.gain(speaker)
            start = round(t * RATE)
            pieces.append((0 if side == "a" else 1, start, audio))
            end = (start + len(audio)) / RATE
            if side == "c" and code == "W":
                run = [start / RATE, end] if run is None else [run[0], end]
            elif run is not None:
                stretches.append((run[0], run[1]))
                run = None
            t = end
            if k < len(codes) - 1:
                hesitate = rng.random() < 0.2
                t += float(rng.uniform(0.7, 1.3) if hesitate else rng.uniform(0.15, 0.45))
        if run is not None:
            stretches.append((run[0], run[1]))
        t += float(rng.uniform(0.3, 1.2))
    n = round((t + 1.0) * RATE)
    stereo = rng.standard_normal((n, 2)).astype(np.float32) * 10 ** (NOISE_DBFS / 20)
    for channel, start, audio in pieces:
        stereo[start : start + len(audio), channel] += audio
    np.clip(stereo, -1.0, 1.0, out=stereo)
    out.mkdir(parents=True, exist_ok=True)
    sf.write(out / f"{name}.wav", stereo, RATE, subtype="PCM_16")
    (out / f"{name}.txt").write_text(
        "".join(f"{a:.6f}\t{b:.6f}\tfrustrated\n" for a, b in stretches), encoding="utf-8"
    )
    return {"name": name, "duration_s": round(n / RATE, 2), "stretches": len(stretches)}


def scripts(rng: np.random.Generator) -> dict[str, list[Turn]]:
    """Four calls for one customer: calm; one-sentence outbursts; an escalation; a cheerful caller."""

    def calm(lo: int = 1, hi: int = 4, mix: str = CALM) -> str:
        return "".join(rng.choice(list(mix)) for _ in range(int(rng.integers(lo, hi + 1))))

    def reply() -> Turn:
        return ("a", "N" * int(rng.integers(1, 3)))

    def calm_turns(n: int, mix: str = CALM) -> list[Turn]:
        out: list[Turn] = []
        for _ in range(n):
            out += [("c", calm(mix=mix)), reply()]
        return out

    return {
        "calm": calm_turns(10),
        # a lone angry sentence as its own turn, and one at the end of a calm turn (its last sentence)
        "outburst": [
            *calm_turns(3),
            ("c", "W"),
            reply(),
            *calm_turns(4),
            ("c", calm(1, 2) + "W"),
            reply(),
            *calm_turns(3),
        ],
        # a longer angry turn, calm again, a short angry turn
        "escalation": [
            *calm_turns(3),
            ("c", "W" * int(rng.integers(2, 5))),
            reply(),
            *calm_turns(4),
            ("c", "WW"),
            reply(),
            *calm_turns(2),
        ],
        # a cheerful caller (happy sentences drive false alarms) with one two-sentence outburst
        "cheerful": [*calm_turns(4, "NNFF"), ("c", "WW"), reply(), *calm_turns(4, "NNFF")],
    }


def plan(corpus: str, data: Path = DATA) -> list[tuple[str, Voice]]:
    """The customers of ``corpus``: (subfolder, voice). EmoDB: each speaker in the folder of the CV fold
    whose model never heard it."""
    if corpus == "emodb":
        pool = Pool(data / "emodb", use="train")
        folds = json.loads((CV_DIR / "cv.json").read_text(encoding="utf-8"))["folds"]
        return [(f"fold{k}", Voice(pool, s, s)) for s, k in sorted(folds.items(), key=lambda kv: kv[1])]
    if corpus == "tess":
        pool = Pool(data / "tess")
        return [("", Voice(pool, s, s)) for s in ("tess-OAF", "tess-YAF")]
    if corpus == "urdu":
        # no urdu speaker has both angry and calm clips: a calm male voice and an angry male one per caller
        pool = Pool(data / "urdu")
        pairs = [("urdu-SM5", "urdu-SM4"), ("urdu-SM20", "urdu-SM1"), ("urdu-SM3", "urdu-SM2")]
        return [("", Voice(pool, c, a)) for c, a in pairs]
    raise SystemExit(f"callstudy: unknown corpus {corpus!r} (emodb, tess, urdu)")


def build(corpus: str, out: Path, data: Path = DATA, rounds: int = 3) -> list[dict[str, Any]]:
    """Every call of ``corpus`` into ``out`` (EmoDB: a folder per CV fold, named by the fold's model):
    ``rounds`` times the four scripts for each customer voice."""
    agents = Pool(data / "emodb", use="train")
    rows = []
    for i, (sub, customer) in enumerate(plan(corpus, data)):
        agent_id = AGENTS[1] if customer.calm == AGENTS[0] else AGENTS[0]
        agent = Voice(agents, agent_id, agent_id)
        rng = np.random.default_rng(1000 + i)
        for r in range(rounds):
            for kind, turns in scripts(rng).items():
                name = f"{customer.calm.split('-', 1)[1]}_{kind}{r + 1}"
                rows.append(write_call(out / sub, name, turns, customer, agent, rng) | {"folder": sub})
    return rows
