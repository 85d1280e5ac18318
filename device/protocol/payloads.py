"""Every MQTT payload Lugn publishes, as strict pydantic models with a schema version.

JSON Schemas for consumers (Node-RED, Grafana, Home Assistant) are generated from these models into
``schemas/`` (``python -m device.protocol.schemas schemas``; ``--check`` fails when the committed files are
stale).

Privacy: a ``Contribution`` carries no agent, user or device identifier, only where (site/team, which are in
the topic too), when (the bucket), how much (counts) and a random message id for de-duplication. *Who*
contributed is the broker-authenticated account at the end of the topic (see ``device.protocol.topics``),
which only the aggregator reads, and keeps only as a keyed hash until the bucket is final.

A ``Summary`` carries final buckets only: each bucket is published once, after it closed plus a grace period,
and never changes afterwards; contributions that arrive later are released only together with at least k other
late devices (``LateRelease``). So no two summaries differ by one agent's counts (docs/privacy.md).
"""

from __future__ import annotations

from typing import Literal, cast, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from device.protocol.topics import ID_PATTERN

MAX_PAYLOAD_BYTES = 4096  # contributions are ~300 bytes; anything bigger is rejected unread
MAX_COUNT = 10_000
MAX_HISTORY = 96  # most buckets of each kind (latest, latest with figures) in a summary
_ID = ID_PATTERN
_HEX32 = r"^[0-9a-f]{32}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)

    def to_json(self) -> bytes:
        return self.model_dump_json(by_alias=True).encode()


class Counts(_Strict):
    """What one workstation counted in one bucket. Counts only; never delivery cues, never the agent's
    voice."""

    calls: int = Field(
        0,
        ge=0,
        le=MAX_COUNT,
        title="Calls",
        description="Calls that ended in the bucket, declined calls not included (see declined)",
    )
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
        description="Seconds with the customer's tone shown as frustrated, in the calls that ended in the "
        "bucket (at most the bucket's length)",
    )
    deescalations: int = Field(
        0,
        ge=0,
        le=MAX_COUNT,
        title="De-escalations",
        description="Times a frustrated customer became calm again, in the calls that ended in the bucket",
    )
    tips_shown: int = Field(0, ge=0, le=MAX_COUNT, title="Tips shown", description="Empathy tips shown")
    tips_dismissed: int = Field(0, ge=0, le=MAX_COUNT, title="Tips dismissed", description="Tips dismissed")
    breathing_offered: int = Field(
        0, ge=0, le=MAX_COUNT, title="Breathing offered", description="Breathing exercises offered"
    )
    breathing_taken: int = Field(
        0, ge=0, le=MAX_COUNT, title="Breathing taken", description="Breathing exercises taken"
    )
    declined: int = Field(
        0,
        ge=0,
        le=MAX_COUNT,
        title="Declined calls",
        description="Calls that ended in the bucket whose caller declined the tone analysis; such a call "
        "adds nothing else to any count",
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

    def as_dict(self) -> dict[str, int]:
        return {k: int(getattr(self, k)) for k in COUNT_FIELDS}


COUNT_FIELDS = tuple(Counts.model_fields)


class Contribution(_Strict):
    """One workstation's counts for one bucket, on ``lugn/v1/<site>/<team>/contrib/<account>``."""

    schema_version: Literal[2] = Field(
        2, alias="schema", title="Schema version", description="Payload schema"
    )
    site: str = Field(pattern=_ID, title="Site", description="Site identifier (also in the topic)")
    team: str = Field(pattern=_ID, title="Team", description="Team identifier (also in the topic)")
    bucket_start: int = Field(
        ge=1_600_000_000,
        le=4_102_444_800,
        title="Bucket start",
        description="Start of the bucket by the seat's clock, Unix seconds UTC, a multiple of bucket_s",
    )
    bucket_s: int = Field(
        ge=10,
        le=86_400,
        title="Bucket length",
        description="Seconds, a multiple of 10 (seats use whole minutes; shorter buckets are for trials)",
    )
    message_id: str = Field(pattern=_HEX32, title="Message id", description="Random; for de-duplication")
    counts: Counts = Field(title="Counts", description="What was counted in the bucket")

    @model_validator(mode="after")
    def _bucket(self) -> Contribution:
        if self.bucket_s % 10:
            raise ValueError("bucket_s must be a multiple of 10")
        if self.bucket_start % self.bucket_s:
            raise ValueError("bucket_start must be aligned to bucket_s")
        if self.counts.frustrated_s > self.bucket_s:
            raise ValueError("frustrated_s exceeds the bucket length")
        return self


class BucketSummary(_Strict):
    """One team's final result for one bucket: sums when at least k devices contributed, else 'suppressed'."""

    bucket_start: int = Field(title="Bucket start", description="Unix seconds UTC")
    bucket_s: int = Field(title="Bucket length", description="Seconds")
    suppressed: bool = Field(
        title="Suppressed", description="True when fewer than k devices contributed: no counts are given"
    )
    contributors: int | None = Field(
        None, ge=0, title="Contributors", description="Distinct devices (only when not suppressed)"
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


class LateRelease(_Strict):
    """Contributions that arrived after their bucket was published, released together once at least k devices
    were late. Never merged into a published bucket (the change would be one late agent's counts)."""

    released_at: int = Field(title="Released at", description="Unix seconds UTC")
    first_bucket_start: int = Field(title="First bucket", description="Earliest bucket covered, Unix seconds")
    last_bucket_end: int = Field(title="Last bucket end", description="End of the latest bucket covered")
    contributors: int = Field(ge=0, title="Contributors", description="Distinct late devices (at least k)")
    counts: Counts = Field(title="Counts", description="Sums over the late contributions")


class Summary(_Strict):
    """Retained on ``lugn/v1/<site>/<team>/summary``: the team's recent final buckets, oldest first."""

    schema_version: Literal[2] = Field(
        2, alias="schema", title="Schema version", description="Payload schema"
    )
    site: str = Field(pattern=_ID, title="Site", description="Site identifier")
    team: str = Field(pattern=_ID, title="Team", description="Team identifier")
    k: int = Field(ge=5, title="k", description="Minimum distinct devices for counts to be shown")
    generated_at: int = Field(title="Generated at", description="Unix seconds UTC")
    buckets: list[BucketSummary] = Field(
        max_length=2 * MAX_HISTORY,
        title="Buckets",
        description="Latest final buckets and latest ones with figures, oldest first; each never changes",
    )
    late: list[LateRelease] = Field(
        default_factory=list, max_length=96, title="Late releases", description="Recent late releases"
    )

    @model_validator(mode="after")
    def _k_holds(self) -> Summary:
        for b in self.buckets:
            if not b.suppressed and (b.contributors or 0) < self.k:
                raise ValueError("bucket with fewer than k contributors is not suppressed")
        for r in self.late:
            if r.contributors < self.k:
                raise ValueError("late release with fewer than k contributors")
        return self


# Why a seat's metrics are paused, as it may say on the status topic: a fixed code, never a path or a name.
PauseReason = Literal[
    "outbox_read_only",
    "outbox_disk_full",
    "outbox_corrupt",
    "outbox_no_permission",
    "outbox_unusable",
    "broker_unreachable",
    "publishing_misconfigured",
]
PAUSE_REASONS: tuple[str, ...] = get_args(PauseReason)


def pause_reason(code: str) -> PauseReason | None:
    return cast(PauseReason, code) if code in PAUSE_REASONS else None


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
    outbox_backlog: int | None = Field(
        None,
        ge=0,
        title="Outbox backlog",
        description="Contributions unsent for over an hour (stuck), rounded up to a power of ten; 0 if none",
    )
    outbox_dropped: int | None = Field(
        None, ge=0, title="Outbox dropped", description="Contributions dropped for age/size since install"
    )
    updated_at: int | None = Field(None, title="Updated at", description="Unix seconds UTC")
    metrics_paused: bool | None = Field(
        None,
        title="Metrics paused",
        description="True while this seat cannot keep or send its counts (they are held and retried)",
    )
    metrics_paused_reason: PauseReason | None = Field(
        None,
        title="Why metrics are paused",
        description="A fixed reason code (never a path or a name); the seat's lugn doctor gives the details",
    )

    def to_json(self) -> bytes:
        return self.model_dump_json(by_alias=True, exclude_none=True).encode()


class AggregatorHealth(_Strict):
    """Retained on ``lugn/v1/_sys/aggregator/<account>/health`` for IT: what happened to every acknowledged
    contribution, fleet-wide totals only (nothing per team, nothing per device)."""

    schema_version: Literal[1] = Field(
        1, alias="schema", title="Schema version", description="Payload schema"
    )
    state: Literal["online", "offline"] = Field(title="State", description="offline is also the last will")
    started_at: int | None = Field(None, title="Started at", description="Unix seconds UTC")
    updated_at: int | None = Field(None, title="Updated at", description="Unix seconds UTC")
    received: int | None = Field(
        None, ge=0, title="Received", description="Contributions received, all outcomes"
    )
    accepted: int | None = Field(None, ge=0, title="Accepted", description="Counted into an open bucket")
    late_held: int | None = Field(None, ge=0, title="Late, held", description="Held for a late release")
    late_released: int | None = Field(None, ge=0, title="Late, released", description="Released late")
    late_expired: int | None = Field(
        None,
        ge=0,
        title="Late, expired",
        description="Late contributions dropped: fewer than k late devices in time",
    )
    duplicates: int | None = Field(
        None, ge=0, title="Duplicates", description="Re-sent message ids, counted once"
    )
    rejected: int | None = Field(
        None, ge=0, title="Rejected", description="Refused contributions, all reasons"
    )
    rejected_by_reason: dict[str, int] = Field(
        default_factory=dict,
        title="Rejected by reason",
        description="reason -> count since the state was created",
    )
    clock_corrected: int | None = Field(
        None,
        ge=0,
        title="Clock corrected",
        description="Contributions moved to the bucket the real clock gives",
    )
    max_clock_skew_s: int | None = Field(
        None, title="Largest clock skew", description="Largest device clock offset corrected, seconds"
    )
    open_buckets: int | None = Field(None, ge=0, title="Open buckets", description="Buckets not yet final")
    last_rejected_at: int | None = Field(None, title="Last rejected at", description="Unix seconds UTC")
    last_rejected_reason: str | None = Field(
        None, max_length=64, title="Last reject reason", description="Reason"
    )

    def to_json(self) -> bytes:
        return self.model_dump_json(by_alias=True, exclude_none=True).encode()


PAYLOADS: dict[str, type[BaseModel]] = {
    "contribution": Contribution,
    "summary": Summary,
    "device_status": DeviceStatus,
    "aggregator_health": AggregatorHealth,
}
