"""Metrics settings (owned by the metrics work).

All of this normally comes from the IT policy. Secrets are never required in the policy itself: the password
may come from the OS keyring or a file readable only by the agent (see ``device.metrics.credentials``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# The k-anonymity floor is compiled in: policy may raise k, never lower it (the field's ``ge`` enforces it
# and the
# aggregator clamps again).
K_FLOOR = 5
_ID = r"^[a-z0-9][a-z0-9_-]{0,31}$"


class MetricsSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(False, title="Publishing", description="Publish anonymised counts to the broker")
    broker_url: str | None = Field(
        None,
        title="Broker URL",
        description="mqtts://host:8883 (TLS) or mqtt://host:1883 (plain, loopback tests only)",
        pattern=r"^mqtts?://[A-Za-z0-9._\-\[\]:]+(:\d{1,5})?/?$",
    )
    site: str = Field("site", title="Site", description="Site identifier", pattern=_ID)
    team: str = Field("team", title="Team", description="Team identifier", pattern=_ID)
    k_min: int = Field(K_FLOOR, title="k", description="Minimum contributors for a team summary", ge=K_FLOOR)
    bucket_min: int = Field(15, title="Bucket", description="Window length in minutes", ge=1, le=1440)
    asset_id: str | None = Field(
        None,
        title="Asset tag",
        description=(
            "IT asset tag: the MQTT client id and the default broker account (username); default: host name"
        ),
        pattern=_ID,
    )
    username: str | None = Field(
        None, title="MQTT user", description="Broker account of this device; default: the asset tag"
    )
    password: str | None = Field(
        None, title="MQTT password", description="Prefer the OS keyring or password_file over a policy secret"
    )
    password_file: str | None = Field(
        None,
        title="Password file",
        description="File holding the broker password; must be readable only by its owner (mode 0600)",
    )
    credentials: Literal["auto", "policy", "keyring", "file"] = Field(
        "auto",
        title="Credentials source",
        description="auto: policy password, then OS keyring, then password_file",
    )
    ca_file: str | None = Field(
        None, title="CA certificate", description="PEM file of the CA that signed the broker certificate"
    )
    cert_file: str | None = Field(
        None, title="Client certificate", description="PEM client certificate for mutual TLS (optional)"
    )
    key_file: str | None = Field(None, title="Client key", description="PEM key for the client certificate")
    outbox_path: str | None = Field(
        None, title="Outbox", description="SQLite outbox file; default: the user's data folder"
    )
    outbox_max_days: float = Field(
        7.0,
        title="Outbox age limit",
        description="Unsent contributions older than this are dropped",
        gt=0,
        le=90,
    )
    outbox_max_rows: int = Field(
        5000,
        title="Outbox size limit",
        description="At most this many unsent contributions",
        ge=10,
        le=1_000_000,
    )
    status_interval_s: float = Field(
        300.0, title="Status interval", description="How often the device status is refreshed", ge=5, le=86400
    )
