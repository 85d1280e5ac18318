"""``lugn demo``: the bundled demo call through the agent runtime into the real agent UI, with coaching.

The same ``AgentRuntime`` as on a seat, with the agent UI attached as on a seat; only the source (the demo
recording) and the screenshots are the demo's own. Offscreen (no display) it runs as fast as the pipeline
goes, saves a PNG of the indicator at every state change (and of the tip card and the breathing overlay)
and prints the timeline. With a display it plays in real time, without sound. ``listeners`` see every
runtime and coaching event, in order; ``metrics`` is a metrics service the caller owns (or None).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from device.coach.events import CoachEvent
from device.config import LugnConfig, UiSettings
from device.events import Event, event_to_dict
from devkit import demo_call

DEMO_CALL = demo_call()
QUIET_EVENTS = {"Heartbeat", "ToneSample", "AudioLevels", "SpeechActivity", "AgentDelivery"}


@dataclass
class DemoResult:
    out_dir: Path
    states: list[tuple[float, str]] = field(default_factory=list)  # indicator view changes (t_s, state)
    coach: list[tuple[float, str]] = field(default_factory=list)  # coaching events (t_s, kind)
    screenshots: list[Path] = field(default_factory=list)
    wall_s: float = 0.0
    # from pipeline start to the first calm/uneasy/frustrated on screen
    first_tone_wall_s: float | None = None
    lag_s: list[float] = field(default_factory=list)  # real time only: wall time on screen minus stream time
    realtime: bool = False
    stream_s: float = 0.0
    completed: bool = False


def _describe(item: object) -> str:
    data = event_to_dict(item) if isinstance(item, Event) else dict(vars(item))
    data.pop("t_s", None)
    data.pop("event", None)
    parts = []
    for k, v in data.items():
        v = getattr(v, "value", v)
        if isinstance(v, float):
            v = round(v, 2)
        if isinstance(v, tuple):
            v = ",".join(str(getattr(x, "value", x)) for x in v)
        parts.append(f"{k}={v}")
    return " ".join(parts)


def run_demo(
    out_dir: Path,
    *,
    audio: Path = DEMO_CALL,
    realtime: bool | None = None,
    language: str = "en",
    models_dir: Path | None = None,
    listeners: Sequence[Callable[[object], None]] = (),
    metrics: Any = None,
    echo: TextIO | None = None,
    verbose: bool = False,
    linger_s: float = 5.0,
) -> DemoResult:
    """Play ``audio`` into the agent UI; returns what happened. Creates the QApplication if needed."""
    from ui.agent.launch import has_display

    offscreen = not has_display()
    realtime = (not offscreen) if realtime is None else realtime
    echo = echo or sys.stdout

    from PyQt6.QtCore import QSettings, QTimer

    from device.audio.source import ReplaySource
    from device.runtime import AgentRuntime
    from ui.agent.app import AgentApp
    from ui.agent.launch import ensure_qapp
    from ui.agent.screens import Screenshotter

    qapp = ensure_qapp(["lugn-demo"])
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("[0-9][0-9]_*.png"):
        old.unlink()
    result = DemoResult(out_dir=out_dir, realtime=realtime)
    config = LugnConfig(ui=UiSettings(language=language))
    qsettings = QSettings(str(out_dir / "demo-ui.ini"), QSettings.Format.IniFormat)
    source = ReplaySource(audio, realtime=realtime)
    runtime = AgentRuntime(
        source,
        config,
        models_dir=models_dir,
        metrics=metrics or False,
        control=False,
        listeners=listeners,
        oplog=False,
    )
    # The policy's caller notice ([notice] mode "agent", the default) is not lifted for the demo: the call
    # starts, the prompt asks the agent to tell the caller, and the agent confirms 1.5 s later (as a click
    # would; offscreen nobody is there to click). No tone is analysed before that.
    runtime.schedule([(0.0, "call_start"), (1.5, "notice_given")])
    app = AgentApp(runtime, kiosk=False, qsettings=qsettings)
    app.quitRequested.connect(lambda: qapp.exit(0))
    shots = Screenshotter(app, out_dir)
    shots.attach()
    timeline = (out_dir / "timeline.jsonl").open("w", encoding="utf-8")

    def on_widget(kind: str, widget: Any, t_s: float) -> None:
        path = shots.save(widget, kind, t_s)
        if path is not None:
            line(t_s, "Screenshot", f"{kind}: {path.name}")
        if kind == "breathing" and offscreen:
            # Nobody is there to press Start: show the guide as it looks 2.5 s in (no result is sent).
            widget.start_guide()
            widget.set_elapsed(2.5)
            path = shots.save(widget, "breathing-guide", t_s)
            if path is not None:
                line(t_s, "Screenshot", f"breathing guide: {path.name}")

    app.coaching.widgetShown.connect(on_widget)

    def line(t_s: float, kind: str, detail: str) -> None:
        state = app.current_view().state.value
        echo.write(f"{t_s:8.2f} s  {kind:<19} {detail[:64]:<64}  {state}\n")
        echo.flush()

    def on_view(view: Any, t_s: float) -> None:
        if started:
            since_start = time.monotonic() - started[0]
            if view.state.is_tone and result.first_tone_wall_s is None:
                result.first_tone_wall_s = since_start
            if realtime:
                result.lag_s.append(since_start - t_s)
        result.states.append((t_s, view.state.value))
        if shots.shots:
            result.screenshots.append(shots.shots[-1].path)
        timeline.write(
            json.dumps({"t_s": t_s, "indicator": view.state.value, "trend": view.trend.value}) + "\n"
        )

    started: list[float] = []
    app.viewChanged.connect(on_view)

    def on_event(item: object) -> None:
        kind = type(item).__name__
        t_s = float(getattr(item, "t_s", 0.0))
        result.stream_s = max(result.stream_s, t_s)
        if isinstance(item, CoachEvent):
            result.coach.append((t_s, kind))
        if verbose or kind not in QUIET_EVENTS:
            line(t_s, kind, _describe(item))
            timeline.write(json.dumps({"t_s": t_s, "event": kind, "detail": _describe(item)}) + "\n")

    app.eventDelivered.connect(on_event)

    echo.write(
        f"lugn demo: {audio.name} ({source.duration_s:.1f} s), {'real time' if realtime else 'max speed'}, "
        f"{'offscreen' if offscreen else 'on screen'}, language {app.language}; screenshots -> {out_dir}\n"
        f"{'stream':>8}    {'event':<19} {'detail':<64}  indicator\n"
    )
    app.show()
    shots.save(app.main_window, "start", 0.0)
    t0 = time.monotonic()
    done_at: list[float] = []

    def poll() -> None:
        if runtime.running or app.bridge.pending:
            return
        if not done_at:
            done_at.append(time.monotonic())
            result.completed = True
        # Give the coaching widgets (e.g. the breathing offer after the call) a moment, then close.
        if time.monotonic() - done_at[0] >= (linger_s if not offscreen else 0.3):
            timer.stop()
            qapp.exit(0)

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    started.append(time.monotonic())
    runtime.start()
    try:
        qapp.exec()
    finally:
        runtime.stop(5.0)
        timer.stop()
        timeline.close()
        result.wall_s = time.monotonic() - t0
        app.tray.hide()
        app.main_window.close()
        app.coaching.close_all()
    result.screenshots = [s.path for s in shots.shots]
    return result


def summarise(result: DemoResult, echo: TextIO) -> None:
    reached = sorted({s for _, s in result.states})
    first: dict[str, float] = {}
    for t, s in result.states:
        first.setdefault(s, t)
    echo.write(
        f"\nlugn demo: {result.stream_s:.1f} s of call in {result.wall_s:.1f} s wall; "
        f"indicator states reached: {', '.join(reached)}\n"
    )
    if result.first_tone_wall_s is not None:
        echo.write(
            f"  first tone on screen {result.first_tone_wall_s:.2f} s (wall) after the pipeline started\n"
        )
    if result.lag_s:
        lag = sorted(result.lag_s)
        echo.write(
            f"  indicator behind the audio (real time): median {1000 * lag[len(lag) // 2]:.0f} ms, "
            f"max {1000 * lag[-1]:.0f} ms over {len(lag)} changes\n"
        )
    if "frustrated" in first:
        echo.write(f"  first 'frustrated' at {first['frustrated']:.2f} s stream time\n")
    kinds: dict[str, int] = {}
    for _, k in result.coach:
        kinds[k] = kinds.get(k, 0) + 1
    echo.write(f"  coaching: {', '.join(f'{k} x{n}' for k, n in kinds.items()) or 'none'}\n")
    echo.write(f"  {len(result.screenshots)} screenshots in {result.out_dir}\n")
