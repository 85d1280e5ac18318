"""Shared by ``lugn run`` and ``lugn replay``: config, control socket, headless JSON lines, the UI."""

from __future__ import annotations

import argparse
import json
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


def json_printer(out: Any = None) -> Any:
    from device.events import event_to_dict

    stream = out or sys.stdout
    lock = threading.Lock()

    def emit(event: Any) -> None:
        line = json.dumps(event_to_dict(event), ensure_ascii=False)
        with lock:
            stream.write(line + "\n")
            stream.flush()

    return emit


def attach_control(pipeline: Any, args: argparse.Namespace) -> None:
    if args.no_control:
        return
    from device.control import ControlError, ControlServer

    server = ControlServer(pipeline, address=args.control)
    try:
        server.start()
    except (ControlError, OSError) as exc:
        print(f"lugn: control socket off: {exc}", file=sys.stderr)
        return
    pipeline.stop_hooks.append(server.stop)
    pipeline.control_server = server  # the agent UI registers its actions (dismiss, breathe) here


def run_headless(source: Any, eff: Any, args: argparse.Namespace, *, until_end: bool) -> int:
    from device.pipeline import Pipeline

    pipeline = Pipeline(source, eff.config, json_printer(), models_dir=args.models_dir)
    attach_control(pipeline, args)
    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        stop.set()

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        pipeline.start()
        while not stop.is_set():
            if pipeline.wait(0.2) and until_end:
                break
        return 0
    finally:
        if not pipeline.stop(5.0):
            print("lugn: the pipeline thread did not stop within 5 s", file=sys.stderr)
        for s, handler in old.items():
            signal.signal(s, handler)


def run_ui(source: Any, eff: Any, args: argparse.Namespace, **kwargs: Any) -> int:
    try:
        from ui.agent.app import run_agent
    except ImportError as exc:
        print(f"lugn: the agent UI is not available ({exc}); use --headless", file=sys.stderr)
        return 2
    from device.pipeline import Pipeline

    def factory(src: Any, config: Any, on_event: Any, models_dir: Path | None = None) -> Pipeline:
        pipeline = Pipeline(src, config, on_event, models_dir=models_dir)
        attach_control(pipeline, args)
        return pipeline

    return int(run_agent(source, eff, models_dir=args.models_dir, pipeline_factory=factory, **kwargs))
