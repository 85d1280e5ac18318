"""Backoff with jitter, for every retry loop in the runtime (audio device re-opens, the metrics outbox).

A retry that fails again waits twice as long, up to a ceiling, and each wait is spread at random by
``jitter``: a retry loop never spins, and a room of seats that lost the same thing does not retry in step.
"""

from __future__ import annotations

import random
from collections.abc import Callable


class Backoff:
    """``next()`` gives the wait before the next try: ``initial_s``, doubling per failure, at most ``max_s``,
    each times a random factor in ``[1 - jitter, 1 + jitter]``. ``reset()`` after a success."""

    def __init__(
        self,
        initial_s: float,
        max_s: float,
        jitter: float = 0.2,
        rng: Callable[[], float] = random.random,
    ) -> None:
        if initial_s <= 0 or max_s < initial_s:
            raise ValueError(f"need 0 < initial_s <= max_s, got {initial_s}, {max_s}")
        if not 0.0 <= jitter < 1.0:
            raise ValueError(f"jitter must be in [0, 1), got {jitter}")
        self.initial_s = initial_s
        self.max_s = max_s
        self.jitter = jitter
        self._rng = rng
        self.failures = 0

    def next(self) -> float:
        base = min(self.initial_s * 2.0 ** min(self.failures, 60), self.max_s)
        self.failures += 1
        return base * (1.0 + self.jitter * (2.0 * self._rng() - 1.0))

    def reset(self) -> None:
        self.failures = 0
