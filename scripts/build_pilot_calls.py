"""A pilot-like folder of labelled calls for trying ``lugn eval CALLS`` (24 calls, 41.8 min): mostly calm
customers, some angry stretches of 3-5 sentences labelled as a QA labeller would, ten customer voices, stereo
(one call as two files). Built from EmoDB ``use=train`` clips (CC0), so the shipped model has heard these
speakers: the figures show the kit working, not the model's accuracy on new callers.

    .venv/bin/python scripts/build_pilot_calls.py /tmp/pilotcalls
    lugn eval /tmp/pilotcalls --report /tmp/pilotreport
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.evalkit_calls import ClipPool, Turn, build_call  # noqa: E402

SPEAKERS = [f"emodb-{n:02d}" for n in (8, 9, 10, 11, 12, 13, 14, 15, 16, 3)]
CALM_CODES = list("NNNNNNNNLLTF")


def main(out: Path) -> int:
    pool = ClipPool(ROOT.parent / "shared" / "data" / "emodb")
    shutil.rmtree(out, ignore_errors=True)
    rng = np.random.default_rng(11)

    def calm_exchange() -> list[Turn]:
        customer = "".join(rng.choice(CALM_CODES) for _ in range(int(rng.integers(2, 5))))
        return [("c", customer, False), ("a", "N" * int(rng.integers(1, 3)), False)]

    total = 0
    for i in range(24):
        customer = SPEAKERS[i % len(SPEAKERS)]
        agent = "emodb-11" if customer == "emodb-03" else "emodb-03"
        episodes = [0, 1, 2, 1][i % 4]
        turns: list[Turn] = []
        for _ in range(4):
            turns += calm_exchange()
        for _ in range(episodes):
            turns += [("c", "W" * int(rng.integers(3, 6)), True), ("a", "N", False)]
            for _ in range(3):
                turns += calm_exchange()
        for _ in range(2):
            turns += calm_exchange()
        total += episodes
        name = f"call{i + 1:02d}"
        build_call(pool, out, name, turns, customer=customer, agent=agent, seed=i, offset=i, two_files=i == 5)
    print(f"{out}: 24 calls, {total} labelled episodes")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
