"""Every word the agent reads about privacy: the first-run notice, the "What leaves this computer" view and
the after-call note's "shared" line. Translated in the agent catalogues (context ``Privacy``).

Each statement here must stay true of the code (docs/privacy.md, docs/works-council/): what the tone model
hears (``device.pipeline``: the far end only), what the delivery meter measures and where it goes (nowhere:
``device.metrics.window`` counts by an allow-list), what a contribution holds (``device.protocol.payloads``)
and who can read it (docs/mqtt.md). ``tests/ui/test_what_leaves.py`` checks that every count has a label.
"""

from __future__ import annotations

import time
from typing import Any

from PyQt6.QtCore import QCoreApplication

from ui import i18n

translate = QCoreApplication.translate


def count_label(field: str) -> str:
    """A contribution's count, in words (``counts.<field>``)."""
    return {
        "calls": translate("Privacy", "Calls"),
        "calls_frustrated": translate("Privacy", "Calls with a frustrated customer"),
        "frustrated_s": translate("Privacy", "Seconds the customer sounded frustrated"),
        "deescalations": translate("Privacy", "Times a frustrated customer calmed down"),
        "tips_shown": translate("Privacy", "Tips shown"),
        "tips_dismissed": translate("Privacy", "Tips you closed"),
        "breathing_offered": translate("Privacy", "Breathing exercises offered"),
        "breathing_taken": translate("Privacy", "Breathing exercises taken"),
        "declined": translate("Privacy", "Calls where the caller declined"),
    }[field]


def field_label(field: str) -> str:
    return {
        "schema": translate("Privacy", "Message format"),
        "site": translate("Privacy", "Site"),
        "team": translate("Privacy", "Your team"),
        "bucket": translate("Privacy", "Time interval"),
        "message_id": translate("Privacy", "Random number (so a resent message counts once)"),
        "topic": translate("Privacy", "Sent to (MQTT topic)"),
    }[field]


def interval(start: int, length_s: int) -> str:
    """``06.12. 10:00–10:15`` in local time, the language's own date order."""
    loc = i18n.locale()
    first, last = time.localtime(start), time.localtime(start + length_s)
    day = loc.toString(_qdate(first), loc.dateFormat(loc.FormatType.ShortFormat))
    return f"{day} {time.strftime('%H:%M', first)}–{time.strftime('%H:%M', last)}"


def _qdate(t: time.struct_time) -> Any:
    from PyQt6.QtCore import QDate

    return QDate(t.tm_year, t.tm_mon, t.tm_mday)


# -- the first-run notice ----------------------------------------------------------------------------------
def notice_title() -> str:
    return translate("Privacy", "What Lugn does during your calls")


def notice_customer_head() -> str:
    return translate("Privacy", "Only the customer's voice is tone-analysed")


def notice_customer_body() -> str:
    return translate(
        "Privacy",
        "A small model on this computer estimates from the sound of the customer's voice – not the words – "
        "whether they sound calm, uneasy or frustrated. Nothing is recorded.",
    )


def notice_agent_head() -> str:
    return translate("Privacy", "Your own voice: pace, loudness and overlap only")


def notice_agent_body() -> str:
    return translate(
        "Privacy",
        "From your microphone Lugn measures how fast and how loud you speak and whether you talk over the "
        "customer. It never judges your emotions. These cues are shown only to you, kept only during "
        "the call, "
        "and never stored or sent.",
    )


def notice_leaves_head() -> str:
    return translate("Privacy", "What leaves this computer")


def notice_leaves_on(minutes: int) -> str:
    return translate(
        "Privacy",
        "Counts only, once per %1 minutes: calls, calls with a frustrated customer, frustrated seconds, "
        "calmed-down moments, tips, breathing exercises and declined calls. No audio, no words, no names.",
    ).replace("%1", i18n.fmt_int(minutes))


def notice_leaves_off() -> str:
    return translate("Privacy", "Team metrics are off on this computer: nothing about your calls leaves it.")


def notice_who_head() -> str:
    return translate("Privacy", "Who sees it")


def notice_who_on(k: int, minutes: int) -> str:
    return (
        translate(
            "Privacy",
            "Your supervisor sees only your team's totals, and only for %2-minute intervals in which "
            "at least %1 "
            "computers sent counts; otherwise no numbers at all. Nobody sees your own counts in the "
            "dashboard. "
            "IT staff who run the message servers could technically tell one computer's counts apart.",
        )
        .replace("%1", i18n.fmt_int(k))
        .replace("%2", i18n.fmt_int(minutes))
    )


def notice_who_off() -> str:
    return translate("Privacy", "Nobody else: your indicator, tips and notes are only on your screen.")


def notice_caller_head() -> str:
    return translate("Privacy", "Callers are told")


def notice_caller(mode: str) -> str:
    if mode == "agent":
        return translate(
            "Privacy",
            "At the start of each call you read a short notice to the caller. Until you confirm it, "
            "the tone of "
            "the caller is not analysed. If the caller declines, Lugn stops for the rest of the call.",
        )
    if mode == "ivr":
        return translate(
            "Privacy",
            "The phone system tells callers before they reach you. Until it confirms that, the tone is not "
            "analysed. If the caller declines, Lugn stops for the rest of the call.",
        )
    return translate(
        "Privacy",
        "Your employer tells callers in another way. If a caller declines, Lugn stops for the call.",
    )


def notice_control_head() -> str:
    return translate("Privacy", "You are in control")


def notice_control() -> str:
    return translate(
        "Privacy", "Pause the analysis at any time: the pause button, the tray menu or your shortcut."
    )


def notice_tone_off() -> str:
    return translate(
        "Privacy", "Tone analysis is switched off at this site: Lugn does not analyse callers at all."
    )


def open_what_leaves() -> str:
    return translate("Privacy", "What leaves this computer…")


def understood() -> str:
    return translate("Privacy", "Understood")


def close() -> str:
    return translate("Privacy", "Close")


# -- "What leaves this computer" ---------------------------------------------------------------------------
def leaves_title() -> str:
    return translate("Privacy", "What leaves this computer")


def publishing_on(where: str, minutes: int) -> str:
    return (
        translate("Privacy", "Team metrics are on: counts go to %1 once per %2 minutes.")
        .replace("%1", where)
        .replace("%2", i18n.fmt_int(minutes))
    )


def publishing_waiting(minutes: int) -> str:
    return translate(
        "Privacy",
        "Team metrics are switched on but not connected: counts wait here (once per %1 minutes) and "
        "are not sent.",
    ).replace("%1", i18n.fmt_int(minutes))


def publishing_off() -> str:
    return translate("Privacy", "Team metrics are off: nothing about your calls leaves this computer.")


def counting_head(when: str) -> str:
    return translate("Privacy", "Counted now, sent after %1").replace("%1", when)


def counting_none() -> str:
    return translate("Privacy", "Nothing counted yet in this interval.")


def pending_head(n: int) -> str:
    return translate("Privacy", "Waiting to be sent: %1").replace("%1", i18n.fmt_int(n))


def nothing_pending() -> str:
    return translate("Privacy", "Nothing is waiting to be sent.")


def last_sent_head(when: str) -> str:
    return translate("Privacy", "Last sent, confirmed at %1").replace("%1", when)


def nothing_sent() -> str:
    return translate("Privacy", "Nothing has been sent since Lugn started.")


def supervisor_head() -> str:
    return translate("Privacy", "What your supervisor sees for the team")


def supervisor_suppressed(k: int) -> str:
    return translate(
        "Privacy", "An interval in which fewer than %1 computers of your team sent counts: no numbers at all."
    ).replace("%1", i18n.fmt_int(k))


def supervisor_example(k: int) -> str:
    return translate(
        "Privacy",
        "An interval with at least %1 computers: only the team's totals, like this example (made-up "
        "numbers).",
    ).replace("%1", i18n.fmt_int(k))


def suppressed_word() -> str:
    return translate("Privacy", "Not enough computers: no figures")


def contributors_label() -> str:
    return translate("Privacy", "Computers that sent counts")


def share_label() -> str:
    return translate("Privacy", "Share of calls with a frustrated customer")


def status_head() -> str:
    return translate("Privacy", "For IT: this computer's status")


def status_body() -> str:
    return translate(
        "Privacy",
        "Whether Lugn is running, its versions, and how many counts wait to be sent. Nothing about calls.",
    )


def show_raw() -> str:
    return translate("Privacy", "Show the exact messages (JSON)")


def show_readable() -> str:
    return translate("Privacy", "Show in words")


# -- the after-call note -----------------------------------------------------------------------------------
def shared_nothing() -> str:
    return translate("Privacy", "Shared: nothing (team metrics are off).")


def shared_declined() -> str:
    return translate("Privacy", "Shared: only one “declined” count; nothing else of this call.")


def shared_call(parts: list[str], minutes: int, k: int) -> str:
    return (
        translate(
            "Privacy",
            "Shared, in this computer's %1-minute totals: %2. Your supervisor sees only sums of %3 "
            "or more computers.",
        )
        .replace("%1", i18n.fmt_int(minutes))
        .replace("%2", ", ".join(parts))
        .replace("%3", i18n.fmt_int(k))
    )


def shared_part(field: str, value: int) -> str:
    """One count of this call, as the note lists it."""
    return f"{count_label(field)} {i18n.fmt_int(value)}"
