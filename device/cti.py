"""A CTI timeline for ``lugn replay FILE --cti TIMELINE.jsonl``: what a softphone/IVR integration would send,
at stream times, so an integration can be tried on recordings before it meets a caller.

One JSON object per line: ``{"t_s": 12.0, "action": "notice_given"}`` with ``action`` one of ``call_start``,
``notice_given``, ``declined``, ``pause``, ``resume``, ``call_end``. Blank lines and lines starting with ``#``
are skipped. Times must not go backwards (a CTI log out of order is a bug worth seeing). Every problem names
the file, the line and what is wrong; nothing is half-applied, the whole file is refused.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

ACTIONS = ("call_start", "notice_given", "declined", "pause", "resume", "call_end")
MAX_LINES = 100_000


class TimelineError(ValueError):
    """The timeline cannot be used; ``str()`` names the file and line."""


class _Line(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    t_s: float = Field(ge=0.0, le=86_400.0)
    action: Literal["call_start", "notice_given", "declined", "pause", "resume", "call_end"]


@dataclass(frozen=True)
class CtiAction:
    t_s: float
    action: str
    line: int


def parse_timeline(text: str, name: str = "<timeline>") -> list[CtiAction]:
    out: list[CtiAction] = []
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise TimelineError(f"{name}: {len(lines)} lines; at most {MAX_LINES}")
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        where = f"{name}:{number}"
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise TimelineError(f"{where}: not a JSON object ({exc.msg} at column {exc.colno})") from exc
        if not isinstance(data, dict):
            raise TimelineError(f"{where}: expected a JSON object like {{\"t_s\": 12.0, \"action\": "
                                f"\"notice_given\"}}, got {type(data).__name__}")  # fmt: skip
        if isinstance(data.get("t_s"), int) and not isinstance(data.get("t_s"), bool):
            data["t_s"] = float(data["t_s"])  # 12 and 12.0 mean the same second
        try:
            item = _Line.model_validate(data)
        except ValidationError as exc:
            raise TimelineError(f"{where}: {_describe(exc)}") from exc
        if not math.isfinite(item.t_s):
            raise TimelineError(f"{where}: t_s must be a finite number of seconds")
        if out and item.t_s < out[-1].t_s:
            raise TimelineError(
                f"{where}: t_s {item.t_s:g} is before the previous action's {out[-1].t_s:g} "
                f"(line {out[-1].line}); keep the timeline in time order"
            )
        out.append(CtiAction(item.t_s, item.action, number))
    return out


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or "line"
        if err["type"] == "literal_error":
            parts.append(f"{field}: {err['input']!r} is not one of {', '.join(ACTIONS)}")
        elif err["type"] == "extra_forbidden":
            parts.append(f"{field}: unknown key (only t_s and action)")
        elif err["type"] == "missing":
            parts.append(f"{field}: missing")
        else:
            parts.append(f"{field}: {err['msg']}")
    return "; ".join(parts)


def read_timeline(path: Path) -> list[CtiAction]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise TimelineError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise TimelineError(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    return parse_timeline(text, str(path))
