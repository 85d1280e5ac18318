"""The JSON-lines front end (``--headless``): one line per runtime or coaching event, always valid JSON.

A thin client, a VDI host, a softphone integration or an IT smoke test reads these lines, so a number that
is not finite is written as ``null`` (JSON has no NaN), never as a bare ``NaN``, and a closed pipe ends the
output quietly instead of failing on every event.
"""

from __future__ import annotations

import json
import math
import sys
import threading
from enum import Enum
from typing import Any, TextIO


def item_to_dict(item: object) -> dict[str, object]:
    """``{"event": kind, "t_s": ..., fields...}`` for a runtime or coaching event (enums as their values)."""
    out: dict[str, object] = {"event": type(item).__name__}
    for key, value in vars(item).items():
        out[key] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def to_line(item: object) -> str:
    return json.dumps(item_to_dict(item), ensure_ascii=False, allow_nan=False)


class JsonLinesPrinter:
    """A runtime listener writing each event as one JSON line (thread-safe, flushed per line)."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self.closed = False  # the reader went away (a closed pipe)
        self._lock = threading.Lock()

    def __call__(self, item: object) -> None:
        line = to_line(item)
        with self._lock:
            if self.closed:
                return
            try:
                self.out.write(line + "\n")
                self.out.flush()
            except (BrokenPipeError, ValueError):  # ValueError: the stream was closed
                self.closed = True
