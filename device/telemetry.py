"""Third-party telemetry off, for the whole process: nothing but the team counts leaves a seat.

onnxruntime's official builds collect usage telemetry. On Windows they always have (ETW TraceLogging, shared
with the OS's diagnostic data); from onnxruntime 1.2x (PR microsoft/onnxruntime#27379) the PyPI builds for
Linux and macOS also carry a 1DS uploader to ``mobile.events.data.microsoft.com`` that is ON by default: at
the first session it writes a persistent device id and an offline event queue to
``~/.cache/Microsoft/DeveloperTools/.onnxruntime/`` and sends a ``ProcessInfo`` event (OS, process name, a
machine hash, network type), then session, model and error events. Seen here with onnxruntime 1.32.0.

* ``ORT_DISABLE_TELEMETRY=1`` is the full opt-out on Linux/macOS: no uploader, no events, no device id, no
  queue. onnxruntime reads it once, when its library initialises, so it must be in the environment before
  ``import onnxruntime`` (set later, the device id and the queued event appear anyway; the Python API below
  does not stop them). ``device/__init__.py`` calls :func:`disable_library_telemetry` first thing.
* ``onnxruntime.disable_telemetry_events()`` switches off the Windows (ETW) provider; the model loader calls
  :func:`disable_session_telemetry` right after importing onnxruntime.

Forced, not defaulted: a seat has no reason to turn it back on. ``lugn doctor`` reports both (``telemetry``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

ORT_OPT_OUT = "ORT_DISABLE_TELEMETRY"


def disable_library_telemetry() -> None:
    """Before any onnxruntime import: the 1DS uploader is never created in this process or its children."""
    os.environ[ORT_OPT_OUT] = "1"


def disable_session_telemetry(ort: Any) -> None:
    """After ``import onnxruntime``: the platform (Windows ETW) events off too."""
    disable_library_telemetry()
    off = getattr(ort, "disable_telemetry_events", None)
    if off is not None:
        off()


def ort_cache_dir(home: Path | None = None) -> Path:
    """Where an onnxruntime without the opt-out keeps its device id and queued events (POSIX)."""
    base = os.environ.get("XDG_CACHE_HOME") if home is None else None
    return (
        (Path(base) if base else (home or Path.home()) / ".cache")
        / "Microsoft"
        / "DeveloperTools"
        / (".onnxruntime")
    )
