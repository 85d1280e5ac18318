"""Strict configuration: the central policy (IT) with the user's own settings layered below it.

Sections live next to the code that uses them; this module composes them. Loading, precedence and locking are
implemented in ``device.policy``.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from device.audio.settings import AudioSettings
from device.coach.settings import CoachSettings
from device.inference.settings import ToneSettings
from device.metrics.settings import MetricsSettings
from device.notice import NoticeSettings
from device.oplog import OplogSettings


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# A global shortcut: one or more of Ctrl/Alt/Shift/Meta, then one key; "" switches it off. At least Ctrl,
# Alt or Meta, so that a shortcut can never swallow ordinary typing (a grabbed key never reaches the
# softphone).
SHORTCUT_RE = re.compile(
    r"^(?:(?:(?:Ctrl|Shift|Meta)\+)*(?:Ctrl|Alt|Meta)\+(?:(?:Ctrl|Alt|Shift|Meta)\+)*"
    r"(?:[A-Z0-9]|F(?:[1-9]|1[0-9]|2[0-4])|Space|Pause|Insert|Home|End|PageUp|PageDown))?$",
    re.IGNORECASE,
)


def _shortcut(default: str, action: str) -> Any:
    return Field(
        default,
        title=f"Shortcut: {action}",
        description=f"Global shortcut to {action} while another application has the focus, e.g. Ctrl+Alt+D; "
        '"" for none. Also: lugn call …',
    )


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
    shortcut_dismiss: str = _shortcut("Ctrl+Alt+D", "dismiss the tip (or the breathing offer, or the note)")
    shortcut_pause: str = _shortcut("Ctrl+Alt+P", "pause or resume the analysis")
    shortcut_breathe: str = _shortcut("Ctrl+Alt+B", "start a breathing exercise")
    shortcut_notice: str = _shortcut("Ctrl+Alt+N", "confirm that the caller was told (caller notice)")
    shortcut_declined: str = _shortcut(
        "Ctrl+Alt+O", "mark that the caller declined (opted out of) the tone analysis"
    )

    @field_validator(
        "shortcut_dismiss", "shortcut_pause", "shortcut_breathe", "shortcut_notice", "shortcut_declined"
    )
    @classmethod
    def _valid_shortcut(cls, v: str) -> str:
        v = v.strip()
        if not SHORTCUT_RE.match(v):
            raise ValueError(
                f"{v!r} is not a shortcut: use Ctrl, Alt or Meta (and optionally Shift) plus one key, "
                'e.g. "Ctrl+Alt+D" or "Ctrl+Shift+F9", or "" for none'
            )
        return v


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
