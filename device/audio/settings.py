"""Audio source settings (owned by the live-agent work)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class AudioSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    mic_device: str | None = Field(
        None,
        title="Microphone",
        description="Input device name (substring) for the agent; none = headset default",
    )
    far_end_device: str | None = Field(
        None, title="Far end", description="Loopback/monitor device name (substring) for the customer"
    )
    profile: str | None = Field(
        None, title="Headset profile", description="Force a firmware profile by name instead of matching"
    )
    mic_channel: int | None = Field(
        None,
        ge=0,
        title="Microphone channel",
        description="Channel index of the agent on the mic device; none = mix",
    )
    far_end_channel: int | None = Field(
        None,
        ge=0,
        title="Far-end channel",
        description="Channel index of the customer (e.g. 1 on a stereo call recorder); none = mix all",
    )
    vad_threshold: float = Field(
        0.5,
        gt=0.15,
        lt=1.0,
        title="Speech threshold",
        description="Silero VAD start threshold; stop = start - 0.15",
    )
    auto_call_detection: bool = Field(
        True,
        title="Detect calls",
        description="Start a call on far-end speech, end it after a far-end silence",
    )
    call_end_silence_s: float = Field(
        20.0,
        ge=2.0,
        le=600.0,
        title="Call end silence",
        description="Far-end silence (s) that ends a detected call",
    )
