"""Metrics settings (owned by the metrics work)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class MetricsSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(False, title="Publishing", description="Publish anonymised counts to the broker")
    broker_url: str | None = Field(None, title="Broker URL", description="mqtts://host:8883")
    site: str = Field("site", title="Site", description="Site identifier", pattern=r"^[a-z0-9][a-z0-9_-]{0,31}$")
    team: str = Field("team", title="Team", description="Team identifier", pattern=r"^[a-z0-9][a-z0-9_-]{0,31}$")
    k_min: int = Field(5, title="k", description="Minimum contributors for a team summary", ge=5)
    bucket_min: int = Field(15, title="Bucket", description="Window length in minutes", ge=1, le=1440)
