"""Every MQTT payload Lugn publishes, as strict pydantic models with a schema version.

JSON Schemas for consumers (Node-RED, Grafana, Home Assistant) are generated from these models into
``schemas/``:
``python -m device.metrics.payloads --write schemas`` (``--check`` fails when the committed files are stale).

Privacy: a ``Contribution`` carries no agent, user or device identifier, only where (site/team, which are in
the
topic too), when (the bucket), how much (counts) and two random values: a message id for de-duplication and a
contributor token drawn fresh for every bucket, so contributors can be counted but not linked across buckets.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = 1
MAX_PAYLOAD_BYTES = 4096  # contributions are ~350 bytes; anything bigger is rejected unread
MAX_COUNT = 10_000
_ID = r"^[a-z0-9][a-z0-9_-]{0,31}$"
_HEX32 = r"^[0-9a-f]{32}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Counts(_Strict):
    """What one workstation counted in one bucket. Counts only; never delivery cues, never the agent's
    voice."""

    calls: int = Field(0, ge=0, le=MAX_COUNT, title="Calls", description="Calls that ended in the bucket")
    calls_frustrated: int = Field(
        0,
        ge=0,
        le=MAX_COUNT,
        title="Calls with frustration",
        description="Calls that ended in the bucket during which the customer was frustrated at least once",
    )
    frustrated_s: int = Field(
        0,
        ge=0,
        le=86_400,
        title="Frustrated seconds",
        description="Seconds of call time in the bucket with the customer's tone shown as frustrated",
    )
    deescalations: int = Field(
        0,
        ge=0,
        le=MAX_COUNT,
        title="De-escalations",
        description="Times a frustrated customer became calm again within a call",
    )
    tips_shown: int = Field(0, ge=0, le=MAX_COUNT, title="Tips shown", description="Empathy tips shown")
    tips_dismissed: int = Field(0, ge=0, le=MAX_COUNT, title="Tips dismissed", description="Tips dismissed")
    breathing_offered: int = Field(
        0, ge=0, le=MAX_COUNT, title="Breathing offered", description="Breathing exercises offered"
    )
    breathing_taken: int = Field(
        0, ge=0, le=MAX_COUNT, title="Breathing taken", description="Breathing exercises taken"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Counts:
        if self.calls_frustrated > self.calls:
            raise ValueError("calls_frustrated exceeds calls")
        return self

    def __add__(self, other: Counts) -> Counts:
        """Sum without re-validation: a team total may exceed the per-contribution bounds."""
        data = {k: getattr(self, k) + getattr(other, k) for k in type(self).model_fields}
        return type(self).model_construct(**data)


class Contribution(_Strict):
    """One workstation's anonymised counts for one bucket, published to ``lugn/v1/<site>/<team>/contrib``."""

    schema_version: Literal[1] = Field(
        1, alias="schema", title="Schema version", description="Payload schema"
    )
    site: str = Field(pattern=_ID, title="Site", description="Site identifier (also in the topic)")
    team: str = Field(pattern=_ID, title="Team", description="Team identifier (also in the topic)")
    bucket_start: int = Field(
        ge=1_600_000_000,
        le=4_102_444_800,
        title="Bucket start",
        description="Start of the bucket, Unix seconds UTC, a multiple of bucket_s",
    )
    bucket_s: int = Field(ge=60, le=86_400, title="Bucket length", description="Seconds, a multiple of 60")
    message_id: str = Field(pattern=_HEX32, title="Message id", description="Random; for de-duplication")
    contributor: str = Field(
        pattern=_HEX32,
        title="Contributor token",
        description="Random per bucket: counts distinct contributors, links nothing across buckets",
    )
    counts: Counts = Field(title="Counts", description="What was counted in the bucket")

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)

    @model_validator(mode="after")
    def _bucket(self) -> Contribution:
        if self.bucket_s % 60:
            raise ValueError("bucket_s must be a multiple of 60")
        if self.bucket_start % self.bucket_s:
            raise ValueError("bucket_start must be aligned to bucket_s")
        if self.counts.frustrated_s > self.bucket_s:
            raise ValueError("frustrated_s exceeds the bucket length")
        return self

    def to_json(self) -> bytes:
        return self.model_dump_json(by_alias=True).encode()


class BucketSummary(_Strict):
    """One team's result for one bucket: sums when at least k contributors, otherwise only 'suppressed'."""

    bucket_start: int = Field(title="Bucket start", description="Unix seconds UTC")
    bucket_s: int = Field(title="Bucket length", description="Seconds")
    suppressed: bool = Field(
        title="Suppressed", description="True when fewer than k agents contributed: no counts are given"
    )
    contributors: int | None = Field(
        None, ge=0, title="Contributors", description="Distinct contributors (only when not suppressed)"
    )
    counts: Counts | None = Field(None, title="Counts", description="Team sums (only when not suppressed)")
    frustrated_call_share: float | None = Field(
        None, ge=0, le=1, title="Frustration share", description="calls_frustrated / calls"
    )
    deescalation_rate: float | None = Field(
        None, ge=0, title="De-escalation rate", description="deescalations / calls_frustrated"
    )

    @model_validator(mode="after")
    def _k(self) -> BucketSummary:
        if self.suppressed and (self.counts is not None or self.contributors is not None):
            raise ValueError("a suppressed bucket carries no counts")
        if not self.suppressed and (self.counts is None or self.contributors is None):
            raise ValueError("an unsuppressed bucket carries counts and contributors")
        return self


class Summary(_Strict):
    """Retained on ``lugn/v1/<site>/<team>/summary``: the team's recent buckets, newest last."""

    schema_version: Literal[1] = Field(
        1, alias="schema", title="Schema version", description="Payload schema"
    )
    site: str = Field(pattern=_ID, title="Site", description="Site identifier")
    team: str = Field(pattern=_ID, title="Team", description="Team identifier")
    k: int = Field(ge=5, title="k", description="Minimum distinct contributors for counts to be shown")
    generated_at: int = Field(title="Generated at", description="Unix seconds UTC")
    buckets: list[BucketSummary] = Field(
        max_length=96, title="Buckets", description="Recent buckets, oldest first"
    )

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)

    @model_validator(mode="after")
    def _k_holds(self) -> Summary:
        for b in self.buckets:
            if not b.suppressed and (b.contributors or 0) < self.k:
                raise ValueError("bucket with fewer than k contributors is not suppressed")
        return self

    def to_json(self) -> bytes:
        return self.model_dump_json(by_alias=True).encode()


class DeviceStatus(_Strict):
    """Retained on ``lugn/v1/<site>/devices/<asset>/status`` for IT. Nothing about calls."""

    schema_version: Literal[1] = Field(
        1, alias="schema", title="Schema version", description="Payload schema"
    )
    state: Literal["online", "offline"] = Field(
        title="State", description="offline is also the last will, sent by the broker if the device vanishes"
    )
    app_version: str | None = Field(None, max_length=64, title="App version", description="Lugn version")
    model_version: str | None = Field(None, max_length=64, title="Model version", description="Tone model")
    profile_version: str | None = Field(
        None, max_length=64, title="Headset profile", description="Headset profile in use"
    )
    outbox_backlog: int | None = Field(None, ge=0, title="Outbox backlog", description="Unsent contributions")
    outbox_dropped: int | None = Field(
        None, ge=0, title="Outbox dropped", description="Contributions dropped for age/size since install"
    )
    updated_at: int | None = Field(None, title="Updated at", description="Unix seconds UTC")

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)

    def to_json(self) -> bytes:
        return self.model_dump_json(by_alias=True, exclude_none=True).encode()


PAYLOADS: dict[str, type[BaseModel]] = {
    "contribution": Contribution,
    "summary": Summary,
    "device_status": DeviceStatus,
}


def schema_documents() -> dict[str, str]:
    """File name -> JSON Schema text, exactly as committed under ``schemas/``."""
    docs = {}
    for name, model in PAYLOADS.items():
        schema = model.model_json_schema(by_alias=True, mode="serialization")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://lugn.example/schemas/v{SCHEMA_VERSION}/{name}.schema.json"
        docs[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write or check the committed JSON Schemas")
    parser.add_argument("folder", nargs="?", default="schemas")
    parser.add_argument("--check", action="store_true", help="fail when a committed schema is stale")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    stale = []
    for name, text in schema_documents().items():
        path = folder / name
        if args.check:
            if not path.is_file() or path.read_text() != text:
                stale.append(str(path))
        else:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if stale:
        print("stale JSON Schemas (run: python -m device.metrics.payloads schemas):", *stale, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
