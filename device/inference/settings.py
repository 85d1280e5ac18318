"""Customer-tone settings (owned by the tone model's work)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ToneSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(
        True,
        title="Tone analysis",
        description="false: IT switches customer-tone analysis off for this site (the tone model is not "
        "loaded; levels, speech detection, delivery cues and breathing go on); the agent cannot change it",
    )
    threshold: float | None = Field(
        None,
        title="Frustrated from",
        description=(
            "Site calibration of the indicator's operating point (frustration score from which the customer "
            "counts as frustrated); none = the model's own. Noisy lines lower angry callers' scores: see the "
            "model card before changing it"
        ),
        ge=0.05,
        le=0.95,
    )
