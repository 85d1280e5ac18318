"""Turns raw counts into a publishable ``Contribution``: no identifier, bounded counts, random ids.

The contributor token is random per bucket. It is kept (in the outbox database) for the bucket's lifetime so
an
agent restart inside a bucket does not make one agent look like two contributors (which would weaken k).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping

from device.metrics.payloads import MAX_COUNT, Contribution, Counts


def random_hex32() -> str:
    return secrets.token_hex(16)


class Anonymiser:
    def __init__(self, site: str, team: str, token_for_bucket: Callable[[int], str] | None = None) -> None:
        self._site = site
        self._team = team
        self._tokens: dict[int, str] = {}
        self._token_for_bucket = token_for_bucket or self._memory_token

    def _memory_token(self, bucket_start: int) -> str:
        return self._tokens.setdefault(bucket_start, random_hex32())

    def contribution(self, bucket_start: int, bucket_s: int, counts: Mapping[str, int]) -> Contribution:
        clamped = {k: max(0, min(int(v), MAX_COUNT)) for k, v in counts.items()}
        clamped["frustrated_s"] = min(clamped.get("frustrated_s", 0), bucket_s)
        clamped["calls_frustrated"] = min(clamped.get("calls_frustrated", 0), clamped.get("calls", 0))
        return Contribution(
            site=self._site,
            team=self._team,
            bucket_start=bucket_start,
            bucket_s=bucket_s,
            message_id=random_hex32(),
            contributor=self._token_for_bucket(bucket_start),
            counts=Counts(**clamped),
        )
