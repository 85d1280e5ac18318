"""Coaching settings (owned by the coaching work).

Every threshold, cooldown and switch the coach uses lives here, so IT can set or lock it in the policy and the
agent can change what is not locked (``device.policy`` does the layering). Times are stream seconds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

TipKindName = Literal["acknowledge", "let_finish", "apologise", "solution_focus", "thank"]
ALL_TIP_KINDS: tuple[TipKindName, ...] = ("acknowledge", "let_finish", "apologise", "solution_focus", "thank")


class CoachSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # --- master switches -----------------------------------------------------------------------------------
    tips_enabled: bool = Field(True, title="Empathy tips", description="Show empathy tips")
    delivery_cues_enabled: bool = Field(True, title="Delivery cues", description="Show delivery cues")
    breathing_enabled: bool = Field(True, title="Breathing prompts", description="Offer breathing prompts")
    call_note_enabled: bool = Field(
        True, title="End-of-call note", description="Show the private end-of-call note to the agent"
    )

    # --- empathy tips ---------------------------------------------------------------------------------------
    tip_kinds: tuple[TipKindName, ...] = Field(
        ALL_TIP_KINDS,
        title="Tip kinds",
        description="Which tips may be shown: acknowledge, let_finish, apologise, solution_focus, thank",
    )
    tip_sustain_s: float = Field(
        8.0,
        title="Sustained frustration",
        description="Seconds the customer must sound frustrated without a break before a tip",
        ge=1.0,
        le=120.0,
    )
    tip_rolling_window_s: float = Field(
        30.0,
        title="Rolling window",
        description="Window of the rolling frustration average that also counts as sustained",
        ge=5.0,
        le=300.0,
    )
    tip_rolling_min_samples: int = Field(
        8,
        title="Rolling minimum",
        description="Tone samples the rolling window needs before its average counts",
        ge=1,
        le=300,
    )
    tip_score_threshold: float | None = Field(
        None,
        title="Frustration threshold",
        description="Score from which a tone sample counts as frustrated; none = the model's operating point",
        ge=0.0,
        le=1.0,
    )
    tip_persist_s: float = Field(
        45.0,
        title="Persisting frustration",
        description="Seconds of an ongoing frustrated stretch after which the solution-focus tip may follow",
        ge=10.0,
        le=600.0,
    )
    tip_cooldown_s: float = Field(
        180.0,
        title="Tip cooldown",
        description="Seconds before the same tip kind may show again",
        ge=180.0,
        le=3600.0,
    )
    tip_min_gap_s: float = Field(
        20.0,
        title="Gap between tips",
        description="Seconds between any two tips",
        ge=0.0,
        le=600.0,
    )
    tips_per_call_max: int = Field(
        4, title="Tips per call", description="At most this many tips in one call", ge=0, le=4
    )
    tip_display_s: float = Field(
        15.0,
        title="Tip display time",
        description="Seconds a tip card stays up unless dismissed",
        ge=3.0,
        le=120.0,
    )
    tip_overlap_recent_s: float = Field(
        5.0,
        title="Recent talk-over",
        description="Seconds within which a talk-over makes 'let them finish' the tip of choice",
        ge=0.0,
        le=60.0,
    )

    # --- delivery cues (the agent's own, observable delivery; never an inferred emotion) --------------------
    cue_talk_over_enabled: bool = Field(
        True, title="Talk-over cue", description="Cue when both sides talk at once"
    )
    cue_talk_share_enabled: bool = Field(
        True, title="Talk-share cue", description="Cue when the agent does most of the talking"
    )
    cue_pace_enabled: bool = Field(
        True, title="Pace cue", description="Cue when speaking faster than one's own baseline this call"
    )
    cue_loudness_enabled: bool = Field(
        True, title="Loudness cue", description="Cue when speaking louder than one's own baseline this call"
    )
    cue_silence_enabled: bool = Field(
        True, title="Silence cue", description="Cue after a long silence in a call"
    )
    cue_overlap_s: float = Field(
        1.0, title="Talk-over time", description="Seconds both sides must speak at once", ge=0.3, le=10.0
    )
    cue_talk_share_window_s: float = Field(
        120.0,
        title="Talk-share window",
        description="Window of the agent's talk-time share",
        ge=30.0,
        le=900.0,
    )
    cue_talk_share_max: float = Field(
        0.75,
        title="Talk-share limit",
        description="Agent's share of talk time in the window above which the cue shows",
        ge=0.5,
        le=0.95,
    )
    cue_talk_share_min_speech_s: float = Field(
        40.0,
        title="Talk-share minimum",
        description="Seconds of speech (both sides) the window needs before the share counts",
        ge=5.0,
        le=600.0,
    )
    cue_baseline_min_windows: int = Field(
        3,
        title="Baseline windows",
        description="Delivery windows of the agent's speech this call before pace/loudness cues may show",
        ge=1,
        le=50,
    )
    cue_pace_rel: float = Field(
        0.25,
        title="Pace margin",
        description="Fraction above the agent's own syllable-rate baseline that counts as fast",
        ge=0.05,
        le=2.0,
    )
    cue_loudness_db: float = Field(
        6.0,
        title="Loudness margin",
        description="Decibels above the agent's own level baseline that count as loud",
        ge=1.0,
        le=30.0,
    )
    cue_silence_s: float = Field(
        25.0,
        title="Long silence",
        description="Seconds without speech from either side during a call",
        ge=5.0,
        le=600.0,
    )
    cue_cooldown_s: float = Field(
        120.0,
        title="Cue cooldown",
        description="Seconds before the same cue may show again",
        ge=10.0,
        le=3600.0,
    )
    cue_min_gap_s: float = Field(
        20.0, title="Gap between cues", description="Seconds between any two cues", ge=0.0, le=600.0
    )
    cues_per_call_max: int = Field(
        6, title="Cues per call", description="At most this many delivery cues in one call", ge=0, le=50
    )
    cue_display_s: float = Field(
        6.0, title="Cue display time", description="Seconds a delivery cue stays up", ge=2.0, le=60.0
    )

    # --- breathing ------------------------------------------------------------------------------------------
    breathing_frustrated_share: float = Field(
        0.20,
        title="Hard call: frustrated share",
        description="Share of the call the customer sounded frustrated that makes it a hard call",
        ge=0.05,
        le=1.0,
    )
    breathing_long_call_s: float = Field(
        900.0,
        title="Hard call: length",
        description="Calls longer than this many seconds count as hard",
        ge=60.0,
        le=14400.0,
    )
    breathing_min_interval_s: float = Field(
        1800.0,
        title="Offer interval",
        description="Seconds between two unasked-for breathing offers",
        ge=1800.0,
        le=86400.0,
    )
    breathing_max_per_shift: int = Field(
        6, title="Offers per shift", description="Unasked-for breathing offers per shift", ge=0, le=6
    )
    breathing_shift_gap_s: float = Field(
        14400.0,
        title="Shift break",
        description="A gap without calls this long starts a new shift (per-shift limits start again)",
        ge=1800.0,
        le=86400.0,
    )
    breathing_snooze_s: float = Field(
        300.0,
        title="Snooze",
        description="Seconds a snoozed offer waits before it comes back",
        ge=60.0,
        le=3600.0,
    )
    breathing_snoozes_max: int = Field(
        2, title="Snoozes", description="Times one offer may be snoozed before it lapses", ge=0, le=5
    )
    breathing_pattern: Literal["paced", "box"] = Field(
        "paced",
        title="Breathing pattern",
        description="paced: 6 breaths a minute (in 4 s, out 6 s); box: 4-4-4-4",
    )
    breathing_duration_s: float = Field(
        60.0, title="Exercise length", description="Seconds of the breathing exercise", ge=20.0, le=600.0
    )
    breathing_paced_inhale_s: float = Field(
        4.0, title="Paced: in", description="Seconds breathing in (paced pattern)", ge=2.0, le=10.0
    )
    breathing_paced_exhale_s: float = Field(
        6.0, title="Paced: out", description="Seconds breathing out (paced pattern)", ge=2.0, le=12.0
    )
    breathing_box_phase_s: float = Field(
        4.0, title="Box: phase", description="Seconds of each box-breathing phase", ge=2.0, le=8.0
    )
