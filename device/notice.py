"""The caller notice: no customer audio reaches the tone model until the caller was told (AI Act Art. 50(3)).

Policy ``[notice] mode``:
- ``ivr``: the IVR/CTI says the caller was told (``lugn call notice-given``, or ``lugn call start
  --notice-given``);
- ``agent``: the agent reads a one-line notice at call start and confirms it (click, hotkey, ``lugn call
  notice-given``);
- ``off``: only with ``off_statement`` (outside the EU, or the notice is given elsewhere); ``lugn doctor``
  warns.

``NoticeGate`` runs on the pipeline thread and is asked, frame by frame, whether the tone model may hear the
customer (``tone_allowed``). Until the notice is given for the current call it may not: the customer's frames
are not scored at all (levels, speech detection and the agent's delivery go on). A decline (any mode) stops
tone analysis for the rest of that call; the pipeline then drops what the scorer and smoother hold. A new call
starts fresh. A notice or decline that comes while no call is running (an IVR that tells Lugn before routing
the call) applies to the next call if it starts within ``ARMED_S`` seconds of stream time, never later.

The default is ``agent``: a seat with no policy asks before it analyses.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from device.events import NoticeChanged

if TYPE_CHECKING:
    from device.config import LugnConfig

ARMED_S = 30.0  # a notice/decline sent before the call starts holds for this long, then lapses
LANGUAGES = ("sv", "nb", "fi", "en")

# Variant A of docs/caller-notice.md ("inform, offer to decline"); the policy may replace each line with the
# wording its counsel approved ([notice.lines]).
DEFAULT_LINES = {
    "sv": "Bara så att du vet: jag använder ett AI-verktyg som lyssnar på tonläget i din röst – inte på "
    "vad du säger – som stöd för mig i samtalet. Det spelar inte in samtalet. Säg till om du hellre vill "
    "att jag inte använder det.",
    "nb": "Bare så du vet det: Jeg bruker et KI-verktøy som lytter til tonefallet i stemmen din – ikke til "
    "hva du sier – som hjelp for meg i samtalen. Det tar ikke opp samtalen. Si fra hvis du heller vil at "
    "jeg ikke bruker det.",
    "fi": "Tiedoksi: käytän tekoälytyökalua, joka kuuntelee äänesi sävyä – ei sitä, mitä sanot – apunani "
    "tässä puhelussa. Se ei tallenna puhelua. Kerro, jos et halua, että käytän sitä.",
    "en": "Just so you know, I'm using an AI tool that listens to the tone of your voice – not your words – "
    "to help me on this call. It doesn't record the call. Just say if you'd rather I didn't use it.",
}


class NoticeLines(BaseModel):
    """The line the agent reads, per language (the deployer's approved wording; default: docs/caller-notice.md
    variant A)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sv: str = Field(DEFAULT_LINES["sv"], min_length=10, max_length=600, title="Swedish", description="Line")
    nb: str = Field(DEFAULT_LINES["nb"], min_length=10, max_length=600, title="Norwegian", description="Line")
    fi: str = Field(DEFAULT_LINES["fi"], min_length=10, max_length=600, title="Finnish", description="Line")
    en: str = Field(DEFAULT_LINES["en"], min_length=10, max_length=600, title="English", description="Line")

    def line(self, language: str) -> str:
        return str(getattr(self, language if language in LANGUAGES else "en"))


class NoticeSettings(BaseModel):
    """Policy ``[notice]``: how the caller is told that an emotion recognition system is in use."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    mode: Literal["ivr", "agent", "off"] = Field(
        "agent",
        title="Caller notice",
        description="ivr: the IVR/CTI confirms the notice; agent: the agent reads a line and confirms it; "
        "off: no notice (needs off_statement)",
    )
    off_statement: Literal["outside_eu", "notice_given_elsewhere"] | None = Field(
        None,
        title="Why no notice",
        description="Required with mode = off: the deployment is outside the EU, or callers are told "
        "elsewhere (e.g. in the contract); lugn doctor warns about mode = off",
    )
    off_detail: str | None = Field(
        None,
        max_length=300,
        title="Where callers are told",
        description="With mode = off: where or why (shown by lugn doctor and in the operation log)",
    )
    lines: NoticeLines = Field(
        default_factory=NoticeLines, title="Notice lines", description="The line to read, per language"
    )

    @model_validator(mode="after")
    def _off_needs_a_statement(self) -> NoticeSettings:
        if self.mode == "off" and self.off_statement is None:
            raise ValueError(
                'mode = "off" needs off_statement = "outside_eu" or "notice_given_elsewhere" (callers in the '
                "EU must be told: AI Act Art. 50(3))"
            )
        if self.mode != "off" and (self.off_statement is not None or self.off_detail is not None):
            raise ValueError(f'off_statement/off_detail apply only to mode = "off", not to {self.mode!r}')
        return self


class NoticeState(StrEnum):
    NO_CALL = "no_call"
    WAITING = "waiting"  # in a call, the notice not yet given: the tone model hears nothing
    GIVEN = "given"
    NOT_REQUIRED = "not_required"  # mode off
    DECLINED = "declined"  # for the rest of this call
    ARMED_GIVEN = "armed_given"  # given before the call started; applies to the next call (ARMED_S)
    ARMED_DECLINED = "armed_declined"
    TONE_OFF = "tone_off"  # IT switched tone analysis off for the site ([tone] enabled = false)


TONE_STATES = (NoticeState.GIVEN, NoticeState.NOT_REQUIRED)
HELD_STATES = (NoticeState.WAITING, NoticeState.DECLINED, NoticeState.TONE_OFF)


class NoticeGate:
    """Per-call notice state, driven on the pipeline thread; ``tone_allowed`` is read once per frame."""

    def __init__(self, settings: NoticeSettings | None = None, tone_enabled: bool = True) -> None:
        self.settings = settings or NoticeSettings()
        self.tone_enabled = tone_enabled
        self.state = NoticeState.NO_CALL
        self._armed: tuple[NoticeState, float] | None = None

    @property
    def mode(self) -> str:
        return self.settings.mode

    @property
    def tone_allowed(self) -> bool:
        return self.state in TONE_STATES

    def _event(self, t_s: float) -> NoticeChanged:
        return NoticeChanged(t_s=t_s, state=self.state.value, mode=self.mode)

    def call_started(self, t_s: float, told: bool = False) -> list[NoticeChanged]:
        """``told``: the call-start command said the caller was already told (``start --notice-given``)."""
        armed, self._armed = self._armed, None
        if told:
            armed = (NoticeState.ARMED_GIVEN, t_s)
        if not self.tone_enabled:
            self.state = NoticeState.TONE_OFF
        elif armed is not None and t_s - armed[1] <= ARMED_S:
            self.state = NoticeState.GIVEN if armed[0] is NoticeState.ARMED_GIVEN else NoticeState.DECLINED
            if self.mode == "off" and self.state is NoticeState.GIVEN:
                self.state = NoticeState.NOT_REQUIRED
        elif self.mode == "off":
            self.state = NoticeState.NOT_REQUIRED
        else:
            self.state = NoticeState.WAITING
        return [self._event(t_s)]

    def call_ended(self, t_s: float) -> list[NoticeChanged]:
        """The call is over: nothing of its notice state carries into the next one."""
        self.state = NoticeState.NO_CALL
        return []

    def notice_given(self, t_s: float, in_call: bool) -> list[NoticeChanged]:
        if not in_call:
            self._armed = (NoticeState.ARMED_GIVEN, t_s)
            return [NoticeChanged(t_s=t_s, state=NoticeState.ARMED_GIVEN.value, mode=self.mode)]
        if self.state is NoticeState.WAITING:
            self.state = NoticeState.GIVEN
            return [self._event(t_s)]
        return []  # given already, not required, declined (a decline stands for the call) or tone off

    def declined(self, t_s: float, in_call: bool) -> list[NoticeChanged]:
        """Any mode: a caller may always decline. True change only once per call."""
        if not in_call:
            self._armed = (NoticeState.ARMED_DECLINED, t_s)
            return [NoticeChanged(t_s=t_s, state=NoticeState.ARMED_DECLINED.value, mode=self.mode)]
        if self.state is NoticeState.DECLINED:
            return []
        self.state = NoticeState.DECLINED
        return [self._event(t_s)]

    def reset(self) -> None:
        self.state = NoticeState.NO_CALL
        self._armed = None


def told_elsewhere(config: LugnConfig, detail: str) -> LugnConfig:
    """``config`` with the notice gate open because callers were told elsewhere (``detail`` says where): for
    tools on recordings whose callers were told when they were recorded (``lugn eval``, ``lugn bench``),
    never for a seat."""
    notice = NoticeSettings(mode="off", off_statement="notice_given_elsewhere", off_detail=detail)
    return config.model_copy(update={"notice": notice})
