"""One pass of a call through the real pipeline, as ``lugn replay`` runs it, keeping what a sweep needs.

The pipeline (VAD, tone windows on customer speech, smoothing, call detection) runs once per call at the
policy's threshold. Through its public ``smoother`` parameter it builds a recording twin of its smoother (a
``ToneSmoother`` subclass, the model's parameters) that notes every window's exact, unrounded inputs and every
reset, in order with the call events. Re-running a fresh
smoother over that record at another threshold is then exactly what the pipeline would have shown at that
threshold; :func:`replay` is checked against the pipeline's own events on every call (not only in tests),
so a drift between the two is an error, never a silently wrong sweep.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from device.config import LugnConfig
from device.events import (
    AnalysisUnavailable,
    CallEnded,
    CallStarted,
    DeviceLost,
    Event,
    Side,
    SpeechActivity,
    ToneChanged,
    ToneSample,
)
from device.inference.smoothing import SmoothingParams, ToneSmoother
from lugn.evalkit.corpus import CallSpec

# a trace entry: ("reset",) | ("score", t_s, frustration, arousal, valence) | ("event", Event)
Entry = tuple[Any, ...]


class CallRunError(RuntimeError):
    """A call that went through the pipeline but cannot be evaluated (no customer speech, no tone model)."""


class _TapSmoother(ToneSmoother):
    """The pipeline's own smoother class, noting its inputs as they arrive (pipeline thread only)."""

    def __init__(self, params: SmoothingParams, entries: list[Entry]) -> None:
        self.entries = entries
        super().__init__(params)

    def reset(self) -> None:
        if hasattr(self, "entries"):
            self.entries.append(("reset",))
        super().reset()

    def process(
        self, t_s: float, frustration: float, arousal: float = 0.0, valence: float = 0.0
    ) -> tuple[ToneSample, ToneChanged | None]:
        self.entries.append(("score", t_s, frustration, arousal, valence))
        return super().process(t_s, frustration, arousal, valence)


@dataclass
class CallTrace:
    """What one pipeline pass of a call left: the ordered record, the customer's speech and the pipeline's
    own tone events (kept to check :func:`replay` against)."""

    spec: CallSpec
    threshold: float  # the smoother's frustrated_at in this pass
    entries: list[Entry]
    speech: list[tuple[float, float]]  # customer speech activity (debounced VAD), seconds
    tone_events: list[Event] = field(default_factory=list)
    end_s: float = 0.0

    @property
    def windows(self) -> int:
        return sum(1 for e in self.entries if e[0] == "score")


def run_call(spec: CallSpec, config: LugnConfig, models_dir: Path | None = None) -> CallTrace:
    """The call through ``device.pipeline.Pipeline`` fed by ``ReplaySource`` (full speed, 512-sample
    chunks, as ``lugn replay --speed max``)."""
    from device.audio.source import ReplaySource
    from device.pipeline import Pipeline

    entries: list[Entry] = []
    tone_events: list[Event] = []
    problems: list[str] = []

    def on_event(event: Event) -> None:
        if isinstance(event, ToneSample | ToneChanged):
            tone_events.append(event)
        elif isinstance(event, CallStarted | CallEnded | SpeechActivity):
            entries.append(("event", event))
        elif isinstance(event, AnalysisUnavailable | DeviceLost):
            problems.append(getattr(event, "reason", ""))

    from device.notice import told_elsewhere

    taps: list[_TapSmoother] = []

    def tap(params: SmoothingParams) -> _TapSmoother:
        taps.append(_TapSmoother(params, entries))
        return taps[-1]

    try:
        source = ReplaySource(spec.audio, realtime=False)
    except (OSError, ValueError) as exc:  # checked in discovery; a file changed since is still named here
        raise CallRunError(f"{spec.name}: {exc}") from exc
    config = told_elsewhere(config, "lugn eval: recorded calls, told when they were recorded")
    pipeline = Pipeline(source, config, on_event, models_dir=models_dir, smoother=tap)
    if len(taps) != 1:  # the hook must build the one smoother the pipeline uses, else the sweep would lie
        raise CallRunError(f"the pipeline built {len(taps)} smoothers through its smoother hook, not 1")
    pipeline.run_until_end()
    if pipeline.failure is not None and not problems:  # decoding stopped part way: half a call misleads
        problems.append(pipeline.failure)
    if problems:
        raise CallRunError(f"{spec.name}: the pipeline could not analyse this call: {'; '.join(problems)}")
    end_s = pipeline.t_s
    speech = _speech_intervals(entries, end_s)
    if not speech:
        raise CallRunError(
            f"{spec.name}: no customer speech found (right channel of a stereo file, or the .customer file). "
            "Are the channels swapped, or is the customer side silent?"
        )
    trace = CallTrace(spec, taps[0].params.frustrated_at, entries, speech, tone_events, end_s)
    if replay(trace, trace.threshold) != tone_events:
        raise CallRunError(
            f"{spec.name}: re-running the smoother did not reproduce the pipeline's tone events"
        )
    return trace


def _speech_intervals(entries: list[Entry], end_s: float) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    since: float | None = None
    for entry in entries:
        if entry[0] != "event" or not isinstance(entry[1], SpeechActivity):
            continue
        event: SpeechActivity = entry[1]
        if event.side is not Side.CUSTOMER:
            continue
        if event.active and since is None:
            since = event.t_s
        elif not event.active and since is not None:
            out.append((since, event.t_s))
            since = None
    if since is not None:
        out.append((since, end_s))
    return [(a, b) for a, b in out if b > a]


def replay(
    trace: CallTrace, threshold: float, on_entry: Callable[[Entry, list[Event]], None] | None = None
) -> list[Event]:
    """The tone events the pipeline would emit at ``threshold``: a fresh smoother over the record.

    ``on_entry`` sees each record entry with the tone events it produced (for the state timeline)."""
    smoother = ToneSmoother(SmoothingParams.for_threshold(threshold))
    out: list[Event] = []
    for entry in trace.entries:
        produced: list[Event] = []
        if entry[0] == "reset":
            smoother.reset()
        elif entry[0] == "score":
            sample, changed = smoother.process(*entry[1:])
            if changed is not None:
                produced.append(changed)
            produced.append(sample)
            out += produced
        if on_entry is not None:
            on_entry(entry, produced)
    return out
