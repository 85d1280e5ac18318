"""Frozen events that leave the pipeline thread.

Every event carries ``t_s``: seconds of audio since the pipeline started (stream time, not wall time), so a
recording replayed at any speed or in any chunk size yields the same sequence.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

EVENT_SCHEMA_VERSION = 1


class Side(str, Enum):
    AGENT = "agent"
    CUSTOMER = "customer"


class ToneState(str, Enum):
    CALM = "calm"
    UNEASY = "uneasy"
    FRUSTRATED = "frustrated"


class Trend(str, Enum):
    RISING = "rising"
    STEADY = "steady"
    FALLING = "falling"


@dataclass(frozen=True)
class Event:
    t_s: float

    @property
    def kind(self) -> str:
        return type(self).__name__


@dataclass(frozen=True)
class ToneSample(Event):
    """One model window on customer speech, after smoothing (emitted every hop while the customer speaks)."""

    score: float  # smoothed frustration in [0, 1]
    raw_score: float  # this window's frustration before smoothing
    arousal: float
    valence: float
    state: ToneState


@dataclass(frozen=True)
class ToneChanged(Event):
    """The customer's displayed tone changed (after hysteresis, patience and minimum dwell)."""

    state: ToneState
    previous: ToneState
    score: float
    trend: Trend


@dataclass(frozen=True)
class SpeechActivity(Event):
    side: Side
    active: bool


@dataclass(frozen=True)
class AgentDelivery(Event):
    """Readily observable facts about the agent's own delivery over the last ``window_s`` of agent speech.

    Never an inferred emotion (EU AI Act Art. 5(1)(f)); shown only to the agent, never exported.
    """

    window_s: float
    speech_s: float
    syllables_per_s: float
    level_dbfs: float


@dataclass(frozen=True)
class CallStarted(Event):
    source: str  # "auto" (far-end activity) or "control" (lugn call start / CTI)


@dataclass(frozen=True)
class CallEnded(Event):
    source: str
    duration_s: float


@dataclass(frozen=True)
class DeviceLost(Event):
    source: str  # "mic", "far_end" or "replay"
    reason: str


@dataclass(frozen=True)
class DeviceRestored(Event):
    source: str


@dataclass(frozen=True)
class SourceFailed(Event):
    """The source failed for good (a recording that cannot be decoded further): the stream ends here."""

    source: str
    reason: str


@dataclass(frozen=True)
class MetricsPaused(Event):
    """Team metrics cannot be kept or sent (``reason``; ``path`` is the outbox file): counts are held and
    retried. Tone analysis and coaching go on. Shown to the agent and IT on this seat only."""

    reason: str
    path: str


@dataclass(frozen=True)
class MetricsResumed(Event):
    """Team metrics work again after ``MetricsPaused``."""

    path: str


@dataclass(frozen=True)
class NoticeChanged(Event):
    """The caller-notice state of the current call (``device.notice``): ``waiting`` (the tone model hears
    nothing yet), ``given``, ``not_required`` (policy mode off), ``declined`` (no tone analysis for the
    rest of the call), ``tone_off`` (IT switched tone analysis off), or ``armed_given``/``armed_declined``
    (said before the call started; applies to the next call). ``mode`` is the policy's ``[notice] mode``."""

    state: str
    mode: str


@dataclass(frozen=True)
class CallShared(Event):
    """What the call that just ended added to this seat's team counts, right after its ``CallEnded`` (only
    when team metrics are on): ``(count, value)`` pairs, counted in the seat's ``bucket_s`` totals, of which
    supervisors see only sums over at least ``k_min`` seats. A declined call: ``(("declined", 1),)``. The
    after-call note says it; nothing here leaves the seat on its own."""

    counts: tuple[tuple[str, int], ...]
    bucket_s: int
    k_min: int


@dataclass(frozen=True)
class AnalysisUnavailable(Event):
    reason: str


@dataclass(frozen=True)
class Heartbeat(Event):
    """Once per second of stream time, so time-driven rules (cooldowns, silences) advance in silence too."""


@dataclass(frozen=True)
class PauseChanged(Event):
    paused: bool


@dataclass(frozen=True)
class AudioLevels(Event):
    """RMS level of each side over the last second of stream time (for level meters and source checks)."""

    agent_dbfs: float
    customer_dbfs: float


def event_to_dict(event: Event) -> dict[str, object]:
    """JSON-ready dict for ``lugn run --headless`` (enums as their values)."""
    out: dict[str, object] = {"event": event.kind}
    for key, value in vars(event).items():
        out[key] = value.value if isinstance(value, Enum) else value
    return out
