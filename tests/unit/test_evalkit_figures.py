"""Call-level figures on hand-made traces and timelines, with every number worked out by hand in the comments;
the recommendation rule and its refusals on hand-made sweeps."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from device.events import CallEnded, CallStarted
from lugn.evalkit.corpus import CallSpec
from lugn.evalkit.figures import CallFigures, call_figures, summary, timeline
from lugn.evalkit.labels import Stretch
from lugn.evalkit.sweep import RecommendationRefused, Sweep, _pick, poisson_rate_95, recommend
from lugn.evalkit.trace import CallTrace


def _trace(
    stretches: list[tuple[float, float]], speech: list[tuple[float, float]], entries: list
) -> CallTrace:
    spec = CallSpec("c", Path("c.wav"), Path("c.txt"), 30.0, tuple(Stretch(a, b) for a, b in stretches))
    return CallTrace(spec, 0.42, entries, speech, [], 30.0)


ENTRIES = [
    ("event", CallStarted(t_s=0.5, source="auto")),
    ("reset",),
    ("score", 3.0, 0.05, 0.1, 0.5),
    ("score", 3.5, 0.05, 0.1, 0.5),
    ("score", 10.0, 0.9, 0.9, 0.1),  # far above 0.42 + 0.4 * 0.58: frustrated at once, no patience
    ("event", CallEnded(t_s=20.0, source="auto", duration_s=19.5)),
]


def test_the_timeline_is_what_the_agent_saw() -> None:
    line = timeline(_trace([], [], ENTRIES), 0.42)
    assert line.segments == [
        (0.0, 0.5, "no_call"),
        (0.5, 3.0, "listening"),
        (3.0, 10.0, "calm"),
        (10.0, 20.0, "frustrated"),
        (20.0, 30.0, "no_call"),
    ]
    assert line.onsets == [10.0]
    assert [t for t, _, _ in line.samples] == [3.0, 3.5, 10.0]
    # at a threshold above the score nothing turns frustrated
    assert timeline(_trace([], [], ENTRIES), 0.95).onsets == []


def test_the_two_second_rule_late_flags_precision_and_unlabelled_speech() -> None:
    speech = [(2.5, 4.0), (9.0, 12.0)]
    line = timeline(_trace([], speech, ENTRIES), 0.42)
    # stretch 8-9.5: zone 8-11.5, the flag at 10.0 is 2.0 s after its start
    caught = call_figures(_trace([(8.0, 9.5)], speech, ENTRIES), line)
    assert (caught.episodes, caught.caught, caught.latencies_s, caught.false_alarms) == (1, 1, (2.0,), 0)
    assert caught.frustrated_s == 10.0 and caught.frustrated_in_zone_s == pytest.approx(1.5)  # 10-11.5
    assert caught.speech_s == 4.5 and caught.unlabelled_speech_s == pytest.approx(2.0)  # minus 9-11.5
    # stretch 5-7.9: zone ends at 9.9; the flag at 10.0 is a miss, a false alarm, and late
    missed = call_figures(_trace([(5.0, 7.9)], speech, ENTRIES), line)
    assert (missed.caught, missed.false_alarms, missed.late_false_alarms) == (0, 1, 1)
    assert missed.frustrated_in_zone_s == 0.0 and missed.latency_per_stretch == (None,)
    # ... but not "late" when the customer had another turn in between (8.5-9.0), the flag on the one after
    other = call_figures(_trace([(5.0, 7.9)], [(2.5, 4.0), (8.5, 9.0), (9.5, 12.0)], ENTRIES), line)
    assert (other.false_alarms, other.late_false_alarms) == (1, 0)
    # "frustrated" already showing when a stretch starts: caught after 0 s, and no false alarm for it
    already = call_figures(_trace([(5.0, 7.9), (12.0, 14.0)], speech, ENTRIES), line)
    assert already.latency_per_stretch == (None, 0.0) and already.false_alarms == 1
    # the exact boundary, zone 6-10 (stretch 6-8): a flag at the zone's last instant catches it, not false
    edge = call_figures(_trace([(6.0, 8.0)], speech, ENTRIES), line)
    assert (edge.caught, edge.latencies_s, edge.false_alarms) == (1, (4.0,), 0)


def test_pooled_figures_weigh_calls_by_their_counts() -> None:
    def figs(
        episodes: int, caught: int, lat: tuple[float, ...], false: int, unlabelled_s: float
    ) -> CallFigures:
        per = tuple([*lat, *([None] * (episodes - caught))])
        return CallFigures(episodes, caught, per, 10.0, 5.0, false, (), 0, unlabelled_s, unlabelled_s + 5)

    out = summary([figs(2, 2, (1.0, 3.0), 0, 1800.0), figs(2, 1, (2.0,), 3, 1800.0), figs(0, 0, (), 0, 3600)])
    assert out["episode_recall"] == 0.75
    assert out["median_time_to_frustrated_s"] == 2.0
    assert out["p90_time_to_frustrated_s"] == pytest.approx(2.8)
    assert out["false_per_hour"] == 1.5  # 3 false alarms over 2 h
    assert out["calls_with_false_alarm"] == pytest.approx(1 / 3)
    assert out["precision_by_time"] == 0.5
    empty = summary([figs(0, 0, (), 0, 0.0)])
    assert empty["episode_recall"] is None and empty["false_per_hour"] is None


def _sweep(caught: list[list[int]], false: list[list[int]], episodes: list[int], hours: list[float]) -> Sweep:
    thresholds = [0.3, 0.4, 0.5, 0.6, 0.7][: len(caught)]
    per_call = [
        [
            CallFigures(e, c, tuple([1.0] * c + [None] * (e - c)), 0, 0, f, (), 0, h * 3600, h * 3600)
            for c, f, e, h in zip(cs, fs, episodes, hours, strict=True)
        ]
        for cs, fs in zip(caught, false, strict=True)
    ]
    rows = [{"threshold": t, **summary(figs)} for t, figs in zip(thresholds, per_call, strict=True)]
    return Sweep(thresholds, per_call, rows)


def test_the_rule_and_its_ties() -> None:
    th = np.array([0.3, 0.4, 0.5, 0.6, 0.7])
    # 0.3 is over budget; of the best recall (0.9), 0.5 and 0.6 have the fewest false alarms: the lower middle
    assert _pick(np.array([1.0, 0.9, 0.9, 0.9, 0.5]), np.array([3.0, 1.0, 0.5, 0.5, 0.0]), th, 1.0) == 2
    assert _pick(np.array([0.8, 0.8, 0.8, 0.8, 0.8]), np.zeros(5), th, 1.0) == 2  # the middle of a plateau
    assert _pick(np.array([0.8, 0.8]), np.array([2.0, 1.5]), th[:2], 1.0) is None


def test_recommendation_bootstrap_and_refusals() -> None:
    # 4 calls of 6 episodes, 1 h of unlabelled speech each; per threshold: caught per call, false per call
    caught = [[6, 6, 6, 6], [6, 5, 6, 5], [5, 5, 4, 5], [3, 4, 3, 3]]
    false = [[3, 2, 4, 1], [1, 1, 2, 0], [0, 1, 0, 0], [0, 0, 0, 0]]
    sw = _sweep(caught, false, [6, 6, 6, 6], [1.0, 1.0, 1.0, 1.0])
    rec = recommend(sw, 1.0)  # 0.3: 10/4 h; 0.4: 4/4 h = 1.0 within budget, recall 22/24
    assert rec["threshold"] == 0.4
    assert rec["figures"]["episode_recall"] == pytest.approx(22 / 24)
    b = rec["bootstrap"]
    assert b["resamples"] == 1000 and b["unit"] == "call"
    assert 0.8 <= b["episode_recall_95"][0] <= 22 / 24 <= b["episode_recall_95"][1] <= 1.0
    assert 0 < b["within_budget_share"] < 1  # 1.0/h sits on the budget: resamples fall either side
    assert rec == recommend(sw, 1.0)  # seeded
    assert recommend(sw, 0.3)["threshold"] == 0.5
    with pytest.raises(
        RecommendationRefused, match=r"only 16 labelled frustrated episode\(s\) in 4 call\(s\)"
    ):
        recommend(_sweep(caught, false, [4, 4, 4, 4], [1.0] * 4), 1.0)
    with pytest.raises(
        RecommendationRefused, match=r"no threshold from 0.30 to 0.50 keeps false alarms within 0"
    ):
        recommend(_sweep(caught[:3], false[:3], [6, 6, 6, 6], [1.0] * 4), 0.0)
    # 0.2 h of calm speech in all: one false alarm is 5/h, so a budget of 1/h cannot be resolved: say that
    with pytest.raises(RecommendationRefused) as err:
        recommend(_sweep(caught, [*false[:3], [0, 1, 0, 0]], [6, 6, 6, 6], [0.05] * 4), 1.0)
    assert str(err.value).endswith(
        "(the fewest: 5.00/h at 0.50); these calls hold 0.20 h of unlabelled customer speech, so one false "
        "alarm is already 5.0/h: a budget of 1/h needs at least 1.0 h of it, about 4 h to show it (label "
        "more ordinary calls, see docs/pilot.md), or a higher --max-false-per-hour"
    )


def test_poisson_interval() -> None:
    lo, hi = poisson_rate_95(0, 1.0)
    assert lo == 0.0 and hi == pytest.approx(3.689, abs=1e-3)  # the "rule of three", exactly
    lo, hi = poisson_rate_95(10, 2.0)
    assert lo == pytest.approx(4.795 / 2, abs=1e-3) and hi == pytest.approx(18.39 / 2, abs=1e-2)
