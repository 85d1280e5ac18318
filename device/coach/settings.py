"""Coaching settings (owned by the coaching work)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class CoachSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    tips_enabled: bool = Field(True, title="Empathy tips", description="Show empathy tips")
    delivery_cues_enabled: bool = Field(True, title="Delivery cues", description="Show delivery cues")
    breathing_enabled: bool = Field(True, title="Breathing prompts", description="Offer breathing prompts")
