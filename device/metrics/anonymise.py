"""Turns raw counts into a publishable ``Contribution``: no identifier, bounded counts, a random message id.

Who sent it is not in the payload at all: the broker knows the device by its account and lets it publish only
under its own topic; the aggregator counts devices from that, and keeps them only as a keyed hash for the
bucket's life (docs/privacy.md). So nothing here can be forged into "more contributors".
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping

from device.protocol.payloads import MAX_COUNT, Contribution, Counts


def random_hex32() -> str:
    return secrets.token_hex(16)


class Anonymiser:
    def __init__(self, site: str, team: str) -> None:
        self._site = site
        self._team = team

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
            counts=Counts(**clamped),
        )
