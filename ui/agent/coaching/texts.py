"""Every coaching text the agent sees, translated (Qt Linguist catalogues ``ui/i18n/coach_<lang>.ts``).

The coach emits kinds; these functions turn them into words. Tips are at most 12 words with an optional
one-line example phrase; delivery cues state an observable fact about the agent's own speech and a small,
practical suggestion, never a judgement and never an emotion.

Update the catalogues after changing a string::

    .venv/bin/pylupdate6 --no-obsolete ui/agent/coaching -ts ui/i18n/coach_sv.ts   # and nb, fi, en
"""

from __future__ import annotations

from PyQt6.QtCore import QCoreApplication

from device.coach.events import BreathingReason, CueKind, TipKind
from ui import i18n

translate = QCoreApplication.translate  # the name pylupdate6 looks for


def tip_title(tip: TipKind) -> str:
    return {
        TipKind.ACKNOWLEDGE: translate("CoachTip", "Name the feeling before the facts"),
        TipKind.LET_FINISH: translate("CoachTip", "Let them finish, then answer"),
        TipKind.APOLOGISE: translate("CoachTip", "If we got something wrong, say sorry plainly"),
        TipKind.SOLUTION_FOCUS: translate("CoachTip", "Move on to what you can do now"),
        TipKind.THANK: translate("CoachTip", "Thank them for explaining"),
    }[tip]


def tip_example(tip: TipKind) -> str:
    return {
        TipKind.ACKNOWLEDGE: translate("CoachTip", "I can hear this has been really frustrating."),
        TipKind.LET_FINISH: translate("CoachTip", "Sorry, go ahead. I'm listening."),
        TipKind.APOLOGISE: translate("CoachTip", "I'm sorry, that shouldn't have happened."),
        TipKind.SOLUTION_FOCUS: translate("CoachTip", "Here's what I can do for you right now."),
        TipKind.THANK: translate("CoachTip", "Thank you for taking the time to explain."),
    }[tip]


def tip_heading() -> str:
    return translate("CoachTip", "Tip")


def dismiss_hint(key: str = "") -> str:
    """The close button's name; with the global shortcut that dismisses the tip from any application."""
    if not key:
        return translate("CoachTip", "Dismiss")
    return translate("CoachTip", "Dismiss (%1)").replace("%1", key)


def cue_fact(cue: CueKind) -> str:
    return {
        CueKind.TALK_OVER: translate("CoachCue", "You're both talking"),
        CueKind.TALK_SHARE: translate("CoachCue", "You've done most of the talking"),
        CueKind.PACE_FAST: translate("CoachCue", "Faster than your usual pace"),
        CueKind.LOUD: translate("CoachCue", "Louder than your usual level"),
        CueKind.SILENCE: translate("CoachCue", "It has been quiet for a while"),
    }[cue]


def cue_hint(cue: CueKind) -> str:
    return {
        CueKind.TALK_OVER: translate("CoachCue", "Pause and let them finish"),
        CueKind.TALK_SHARE: translate("CoachCue", "Ask an open question"),
        CueKind.PACE_FAST: translate("CoachCue", "Slow down a little"),
        CueKind.LOUD: translate("CoachCue", "Soften your voice a little"),
        CueKind.SILENCE: translate("CoachCue", "Check in with the customer"),
    }[cue]


def cue_private() -> str:
    return translate("CoachCue", "Only you see this")


def breathing_title() -> str:
    return translate("Breathing", "Take a minute to breathe?")


def breathing_reason(reason: BreathingReason) -> str:
    return {
        BreathingReason.FRUSTRATED_SHARE: translate(
            "Breathing", "That was a demanding call. A minute of slow breathing helps you reset."
        ),
        BreathingReason.LONG_CALL: translate(
            "Breathing", "That was a long call. A minute of slow breathing helps you reset."
        ),
        BreathingReason.REQUESTED: translate("Breathing", "A minute of slow breathing. Follow the circle."),
        BreathingReason.SNOOZED: translate(
            "Breathing", "Ready now? A minute of slow breathing helps you reset."
        ),
    }[reason]


def breathing_start() -> str:
    return translate("Breathing", "Start")


def breathing_later() -> str:
    return translate("Breathing", "Later")


def breathing_skip() -> str:
    return translate("Breathing", "Skip")


def breathing_stop() -> str:
    return translate("Breathing", "Stop")


def breathing_fullscreen() -> str:
    return translate("Breathing", "Full screen")


def pattern_paced() -> str:
    return translate("Breathing", "Slow: in 4, out 6")


def pattern_box() -> str:
    return translate("Breathing", "Box: 4-4-4-4")


def phase_in() -> str:
    return translate("Breathing", "Breathe in")


def phase_hold() -> str:
    return translate("Breathing", "Hold")


def phase_out() -> str:
    return translate("Breathing", "Breathe out")


def time_left(mm_ss: str) -> str:
    return translate("Breathing", "%1 left").replace("%1", mm_ss)


def breathing_done() -> str:
    return translate("Breathing", "Well done. Back when you're ready.")


def note_title() -> str:
    return translate("CallNote", "After the call")


def note_private() -> str:
    return translate("CallNote", "This note is only on your screen")


def note_declined() -> str:
    return translate("CallNote", "The caller declined: nothing of the tone was kept")


def note_frustrated(duration: str) -> str:
    return translate("CallNote", "Customer sounded frustrated for %1").replace("%1", duration)


def note_calm() -> str:
    return translate("CallNote", "The customer sounded calm throughout")


def note_eased(eased: bool) -> str:
    if eased:
        return translate("CallNote", "It eased before the end")
    return translate("CallNote", "It had not eased by the end")


def note_tips(count: int) -> str:
    if count == 0:
        return translate("CallNote", "No tips shown")
    return translate("CallNote", "Tips shown: %1").replace("%1", i18n.fmt_int(count))


def close_hint() -> str:
    return translate("CallNote", "Close")


def close_note_hint() -> str:
    return translate("CallNote", "Close the note")


def duration(seconds: float) -> str:
    """``2 min 5 s`` / ``45 s`` in the language's own way."""
    s = max(0, round(seconds))
    if s < 60:
        return translate("CallNote", "%1 s").replace("%1", i18n.fmt_int(s))
    m = i18n.fmt_int(s // 60)
    return translate("CallNote", "%1 min %2 s").replace("%1", m).replace("%2", i18n.fmt_int(s % 60))
