"""Build labelled stereo calls from EmoDB clips (CC0, ``use=train``) the way a QA labeller would mark them.

A call is a script of turns; each turn is one side's run of consecutive sentences (codes: N neutral, W angry,
F happy, L boredom, T sad, A fearful) and whether the labeller marks it as a frustrated stretch. The marking
is independent of the clips, so a test can label a calm turn (a designed miss) or leave an angry one
unmarked (a designed false alarm). Deterministic: same clips, gaps and noise seed every time. Written beside
the tests' own files only, never into the repository.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from training.calls import Pool

RATE = 16_000
CODES = {"N": "neutral", "W": "angry", "F": "happy", "L": "boredom", "T": "sad", "A": "fearful"}
SPEECH_DBFS, NOISE_DBFS = -24.0, -58.0
WITHIN_TURN_GAP_S, TURN_GAP_S = 0.25, 0.7

Turn = tuple[str, str, bool]  # side ("c" customer / "a" agent), sentence codes, labelled frustrated


@dataclass(frozen=True)
class BuiltCall:
    name: str
    audio: Path | tuple[Path, Path]
    labels: Path
    stretches: list[tuple[float, float]]  # what the label file says
    turns: list[tuple[str, str, bool, float, float]]  # side, codes, labelled, start_s, end_s
    duration_s: float


class ClipPool(Pool):
    """EmoDB clips by speaker and label (train rows only), trimmed; one gain per speaker from its neutral and
    angry clips (the calls here use only those)."""

    def __init__(self, emodb: Path) -> None:
        super().__init__(emodb, use="train")
        self.emodb = emodb

    def gain(self, speaker: str) -> float:
        if speaker not in self._gain:
            paths = self.rows[(speaker, "neutral")] + self.rows[(speaker, "angry")]
            ms = np.mean([np.mean(self.clip(p) ** 2) for p in paths])
            self._gain[speaker] = float(10 ** (SPEECH_DBFS / 20) / np.sqrt(ms))
        return self._gain[speaker]


def build_call(
    pool: ClipPool,
    out: Path,
    name: str,
    turns: Sequence[Turn],
    *,
    customer: str = "emodb-08",
    agent: str = "emodb-03",
    two_files: bool = False,
    seed: int = 0,
    offset: int = 0,
) -> BuiltCall:
    """Write ``out/name.wav`` (or ``name.agent.wav`` + ``name.customer.wav``) and ``out/name.txt``."""
    used: dict[tuple[str, str], int] = {}
    pieces: list[tuple[int, int, np.ndarray]] = []
    laid: list[tuple[str, str, bool, float, float]] = []
    t = 0.5
    for side, codes, labelled in turns:
        speaker = customer if side == "c" else agent
        start_turn = t
        for k, code in enumerate(codes):
            paths = pool.rows[(speaker, CODES[code])]
            key = (speaker, code)
            path = paths[(used.get(key, 0) + offset) % len(paths)]
            used[key] = used.get(key, 0) + 1
            audio = pool.clip(path) * pool.gain(speaker)
            start = round(t * RATE)
            pieces.append((0 if side == "a" else 1, start, audio))
            t = (start + len(audio)) / RATE + (WITHIN_TURN_GAP_S if k < len(codes) - 1 else 0.0)
        laid.append((side, codes, labelled, round(start_turn, 3), round(t, 3)))
        t += TURN_GAP_S
    n = round((t + 0.8) * RATE)
    rng = np.random.default_rng(seed)
    stereo = rng.standard_normal((n, 2)).astype(np.float32) * 10 ** (NOISE_DBFS / 20)
    for channel, start, audio in pieces:
        stereo[start : start + len(audio), channel] += audio
    np.clip(stereo, -1.0, 1.0, out=stereo)
    out.mkdir(parents=True, exist_ok=True)
    audio_path: Path | tuple[Path, Path]
    if two_files:
        audio_path = (out / f"{name}.agent.wav", out / f"{name}.customer.wav")
        sf.write(audio_path[0], stereo[:, 0], RATE, subtype="PCM_16")
        sf.write(audio_path[1], stereo[:, 1], RATE, subtype="PCM_16")
    else:
        audio_path = out / f"{name}.wav"
        sf.write(audio_path, stereo, RATE, subtype="PCM_16")
    stretches = [(start, end) for side, _, labelled, start, end in laid if side == "c" and labelled]
    labels = out / f"{name}.txt"
    labels.write_text("".join(f"{a:.6f}\t{b:.6f}\tfrustrated\n" for a, b in stretches), encoding="utf-8")
    return BuiltCall(name, audio_path, labels, stretches, laid, n / RATE)


def calm_and_angry(episodes: int, calm: str = "NNN") -> list[Turn]:
    """A call with ``episodes`` labelled angry customer turns, each after a calm turn and an agent reply,
    with calm speech enough between them for the indicator to relax."""
    turns: list[Turn] = [("c", calm, False), ("a", "N", False)]
    for _ in range(episodes):
        turns += [("c", "WWW", True), ("a", "N", False), ("c", calm, False), ("a", "N", False)]
    return turns
