"""Coaching widgets: tip card, delivery cue, breathing overlay, end-of-call note, and the presenter that shows
coach events with them (``CoachingPresenter``)."""

from ui.agent.coaching.breathing import BreathingOverlay
from ui.agent.coaching.cards import CallNoteCard, DeliveryCueChip, TipCard
from ui.agent.coaching.guide import BreathingGuide, phase_at
from ui.agent.coaching.presenter import CoachingPanel, CoachingPresenter

__all__ = [
    "BreathingGuide",
    "BreathingOverlay",
    "CallNoteCard",
    "CoachingPanel",
    "CoachingPresenter",
    "DeliveryCueChip",
    "TipCard",
    "phase_at",
]
