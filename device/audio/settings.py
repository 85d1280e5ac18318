"""Audio source settings (owned by the live-agent work)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class AudioSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    mic_device: str | None = Field(
        None, title="Microphone", description="Input device name (substring) for the agent; none = headset default"
    )
    far_end_device: str | None = Field(
        None, title="Far end", description="Loopback/monitor device name (substring) for the customer"
    )
    profile: str | None = Field(
        None, title="Headset profile", description="Force a firmware profile by name instead of matching"
    )
