"""Shared by ``lugn run`` and ``lugn replay``: settings, the one runtime, and the front end that attaches to
it (headless JSON lines or the agent UI)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from typing import Any


def add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--headless", action="store_true", help="print events as JSON lines instead of the UI")
    p.add_argument("--models-dir", type=Path, default=None, help="models folder (default: the shipped one)")
    p.add_argument("--no-control", action="store_true", help="do not open the local control socket")
    p.add_argument("--control", type=Path, default=None, help="control socket path (default: per user)")


def effective(args: argparse.Namespace) -> Any:
    """The policy + user settings (``device.policy``); problems go to stderr, the agent runs on regardless."""
    from device.policy import load_effective

    eff = load_effective()
    for problem in eff.problems:
        print(f"lugn: settings: {problem}", file=sys.stderr)
    return eff


def with_audio(eff: Any, **changes: Any) -> Any:
    """``eff`` with audio settings overridden from the command line (None = keep)."""
    changes = {k: v for k, v in changes.items() if v is not None}
    if not changes:
        return eff
    import dataclasses

    from device.audio.settings import AudioSettings

    locked = [k for k in changes if f"audio.{k}" in eff.locked]
    if locked:
        print(f"lugn: locked by policy, command-line value ignored: {', '.join(locked)}", file=sys.stderr)
        changes = {k: v for k, v in changes.items() if k not in locked}
    audio = AudioSettings.model_validate({**eff.config.audio.model_dump(), **changes})
    return dataclasses.replace(eff, config=eff.config.model_copy(update={"audio": audio}))


def build(source: Any, eff: Any, args: argparse.Namespace, *, exclusive: bool = False) -> Any:
    """The one ``AgentRuntime`` for ``lugn run`` / ``lugn replay``; the front end then only attaches.
    ``exclusive`` (the live agent): raises ``device.seatlock.AlreadyRunning`` if one already runs."""
    from device.runtime import AgentRuntime

    return AgentRuntime(
        source,
        eff,
        models_dir=args.models_dir,
        control=not args.no_control,
        control_address=args.control,
        exclusive=exclusive,
    )


def already_running(exc: Any, args: argparse.Namespace, *, ui: bool) -> int:
    """A second ``lugn run``: nothing is opened twice. With the UI the running agent is asked to bring its
    indicator back on screen (what the agent wanted from a second click); 0 when it did, else 3."""
    from device.control import ControlError, send

    print(f"lugn run: {exc}", file=sys.stderr)
    if not ui:
        print("lugn run: nothing started; ask the running one with: lugn call status", file=sys.stderr)
        return 3
    try:
        reply = send("show", args.control)
    except ControlError as why:
        print(f"lugn run: could not ask it to show itself: {why}", file=sys.stderr)
        return 3
    if not reply.get("ok"):
        print(f"lugn run: it did not show itself: {reply.get('error', reply)}", file=sys.stderr)
        return 3
    print("lugn run: its indicator is back on screen; nothing else started", file=sys.stderr)
    return 0


def finish(runtime: Any, command: str) -> int:
    """What the run ended with, for the shell: 1 with the reason when the source failed for good."""
    health = runtime.metrics.health() if runtime.metrics is not None else None
    if health is not None and health.paused:
        print(f"lugn {command}: metrics paused: {health.reason}", file=sys.stderr)
    if runtime.failure:
        print(f"lugn {command}: stopped at {runtime.last_t_s:.1f} s: {runtime.failure}", file=sys.stderr)
        return 1
    return 0


def run_headless(runtime: Any, command: str, *, until_end: bool) -> int:
    """The JSON-lines front end: every runtime and coaching event as one line on stdout."""
    from device.runtime import JsonLinesPrinter

    printer = JsonLinesPrinter()
    runtime.attach(printer)
    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        stop.set()

    stops = [signal.SIGINT, signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    old = {s: signal.signal(s, on_signal) for s in stops}
    try:
        runtime.start()
        while not stop.is_set() and not printer.closed:
            if runtime.wait(0.2) and until_end:
                break
    finally:
        if not runtime.stop(5.0):
            print("lugn: the pipeline thread did not stop within 5 s", file=sys.stderr)
        for s, handler in old.items():
            signal.signal(s, handler)
    return finish(runtime, command)


def run_ui(runtime: Any, command: str, **kwargs: Any) -> int:
    try:
        from ui.agent.launch import run_agent
    except ImportError as exc:
        print(f"lugn: the agent UI is not available ({exc}); use --headless", file=sys.stderr)
        return 2
    code = int(run_agent(runtime, **kwargs))
    return finish(runtime, command) or code
