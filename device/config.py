"""Strict configuration: the central policy (IT) with the user's own settings layered below it.

Sections live next to the code that uses them; this module composes them. Loading, precedence and locking are
implemented in ``device.policy``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from device.audio.settings import AudioSettings
from device.coach.settings import CoachSettings
from device.inference.settings import ToneSettings
from device.metrics.settings import MetricsSettings
from device.notice import NoticeSettings
from device.oplog import OplogSettings


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UiSettings(StrictModel):
    """How the agent UI looks and behaves."""

    language: str = Field("auto", title="Language", description="auto (system locale), sv, nb, fi or en")
    kiosk: bool = Field(
        False, title="Kiosk mode", description="Full-screen indicator without quit or settings"
    )
    kiosk_pin: str | None = Field(
        None,
        title="Kiosk PIN",
        description="scrypt record of the PIN with which IT leaves kiosk mode (prefer kiosk_pin_file)",
    )
    kiosk_pin_file: str | None = Field(
        None,
        title="Kiosk PIN file",
        description="File with the PIN's scrypt record, readable only by IT and the agents (mode 0640)",
    )


class LugnConfig(StrictModel):
    """The effective configuration the agent runs with."""

    audio: AudioSettings = Field(default_factory=AudioSettings, title="Audio", description="Audio sources")
    tone: ToneSettings = Field(
        default_factory=ToneSettings, title="Customer tone", description="The indicator's operating point"
    )
    coach: CoachSettings = Field(default_factory=CoachSettings, title="Coaching", description="Tips and cues")
    metrics: MetricsSettings = Field(
        default_factory=MetricsSettings, title="Metrics", description="Anonymised team metrics over MQTT"
    )
    ui: UiSettings = Field(default_factory=UiSettings, title="User interface", description="Agent UI")
    notice: NoticeSettings = Field(
        default_factory=NoticeSettings, title="Caller notice", description="How callers are told (IT only)"
    )
    oplog: OplogSettings = Field(
        default_factory=OplogSettings, title="Operation log", description="Local audit log (IT only)"
    )
