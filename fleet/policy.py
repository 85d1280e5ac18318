"""The aggregator's own policy: which teams exist, k, the bucket, when a bucket is final, plausibility limits.

A TOML file (``lugn aggregate --config aggregator.toml``), strict like every Lugn config::

    k = 5                 # never below the compiled-in floor of 5
    bucket_s = 900        # must match the seats' metrics.bucket_min * 60
    grace_s = 120         # a bucket is published once, this long after it closed
    [teams]
    malmo = ["support-1", "support-2"]

Only the teams listed here are subscribed to and summarised: a made-up site or team produces no summary.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from device.metrics.settings import K_FLOOR
from device.protocol.limits import MIN_CALL_S
from device.protocol.payloads import MAX_HISTORY
from device.protocol.topics import check_id
from device.tomlfile import TomlFileError, describe_errors, dumps, key_lines, read_toml


class AggregatorPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    k: int = Field(
        K_FLOOR, ge=K_FLOOR, title="k", description="Minimum distinct devices for counts to be shown"
    )
    bucket_s: int = Field(
        900,
        ge=10,
        le=86_400,
        title="Bucket",
        description="Bucket length, seconds (the seats' bucket_min * 60)",
    )
    grace_s: int = Field(
        120,
        ge=1,
        le=86_400,
        title="Grace",
        description="A bucket is final (and published once) this long after it ends",
    )
    max_age_days: float = Field(
        8.0,
        gt=0,
        le=90,
        title="Maximum age",
        description="Older contributions are rejected (outboxes keep 7 days)",
    )
    clock_tolerance_s: int = Field(
        30,
        ge=1,
        le=3600,
        title="Clock tolerance",
        description="Device clock offsets below this are not corrected",
    )
    min_call_s: int = Field(
        MIN_CALL_S,
        ge=1,
        le=3600,
        title="Shortest call",
        description="Plausibility: at most bucket_s / this calls",
    )
    history: int = Field(
        16,
        ge=1,
        le=MAX_HISTORY,
        title="History",
        description="Latest final buckets per retained summary (and as many of the latest with figures)",
    )
    health_interval_s: float = Field(
        30.0, ge=1, le=3600, title="Health interval", description="How often the health topic is refreshed"
    )
    log_interval_s: float = Field(
        60.0, ge=1, le=3600, title="Log interval", description="Rejects are summarised in the log this often"
    )
    teams: dict[str, list[str]] = Field(
        default_factory=dict, title="Teams", description="site -> its teams; nothing else is summarised"
    )

    @field_validator("teams")
    @classmethod
    def _ids(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        for site, teams in v.items():
            check_id("site", site)
            for team in teams:
                check_id("team", team)
        return {site: sorted(set(teams)) for site, teams in v.items()}

    @model_validator(mode="after")
    def _bucket(self) -> AggregatorPolicy:
        if self.bucket_s % 10:
            raise ValueError("bucket_s must be a multiple of 10 (seats use whole minutes)")
        return self

    @property
    def max_age_s(self) -> float:
        return self.max_age_days * 86_400

    @property
    def dedup_retention_s(self) -> float:
        """Message ids are kept this long: after it, a replay is rejected for its age anyway."""
        return self.max_age_s + self.bucket_s + 86_400

    def team_pairs(self) -> list[tuple[str, str]]:
        return [(site, team) for site in sorted(self.teams) for team in self.teams[site]]

    def owns(self, site: str, team: str) -> bool:
        return team in self.teams.get(site, ())


def parse_teams(spec: str, site: str | None = None) -> dict[str, list[str]]:
    """``"malmo/support-1,malmo/support-2"`` (or bare team names with ``site``) -> ``{site: [teams]}``."""
    out: dict[str, list[str]] = {}
    for item in (s.strip() for s in spec.split(",")):
        if not item:
            continue
        s, _, t = item.rpartition("/")
        s = s or (site if site and site != "+" else "")
        if not s:
            raise ValueError(f"team {item!r}: give it as site/team (or pass --site)")
        out.setdefault(check_id("site", s), []).append(check_id("team", t))
    return out


class PolicyFileError(ValueError):
    pass


def load_policy(path: Path) -> AggregatorPolicy:
    """Read and validate ``aggregator.toml``; errors name the file, line and field."""
    try:
        raw, text = read_toml(path)
    except TomlFileError as exc:
        raise PolicyFileError(str(exc)) from exc
    try:
        return AggregatorPolicy.model_validate(raw)
    except ValidationError as exc:
        raise PolicyFileError("; ".join(describe_errors(path, exc, key_lines(text)))) from exc


def dump_policy(policy: AggregatorPolicy) -> str:
    """TOML text of ``policy`` (the trial broker writes one that matches its accounts)."""
    return dumps(policy.model_dump(), "Lugn aggregator policy (lugn aggregate --config FILE)")
