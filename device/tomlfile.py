"""TOML files that explain themselves: parse errors and pydantic errors named by file, line and dotted field.

``tomllib`` reports the line of a syntax error but keeps no positions for keys, so :func:`key_lines` scans the
text once for table headers and ``key =`` lines; that is enough to point IT at the line of a bad value.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_LINE_IN_MSG = re.compile(r"at line (\d+)")
_NAMED_FIELD = re.compile(r"^Value error, ([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*): (.*)$", re.S)


class TomlFileError(ValueError):
    """A TOML file that cannot be read or parsed; ``line`` is 1-based or ``None``."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


def _split_dotted(key: str) -> list[str]:
    parts = re.findall(r'"[^"]*"|\'[^\']*\'|[A-Za-z0-9_-]+', key)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def key_lines(text: str) -> dict[str, int]:
    """Dotted key path -> 1-based line where it is defined (tables map to their header line)."""
    lines: dict[str, int] = {}
    table: list[str] = []
    in_multiline: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if in_multiline in raw:
                in_multiline = None
            continue
        header = _HEADER.match(raw)
        if header:
            table = _split_dotted(header.group(1))
            lines.setdefault(".".join(table), number)
            continue
        key = _KEY.match(raw)
        if key:
            path = [*table, *_split_dotted(key.group(1))]
            for depth in range(len(table) + 1, len(path) + 1):
                lines.setdefault(".".join(path[:depth]), number)
            value = raw[key.end() :].lstrip()
            for quote in ('"""', "'''"):
                if value.startswith(quote) and quote not in value[3:]:
                    in_multiline = quote  # a multi-line string: its lines are not keys
    return lines


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """Parse ``path``; raise :class:`TomlFileError` with the line for syntax errors."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise TomlFileError(path, None, "file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise TomlFileError(path, None, f"cannot be read: {exc}") from exc
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        match = _LINE_IN_MSG.search(str(exc))
        raise TomlFileError(path, int(match.group(1)) if match else None, f"not valid TOML: {exc}") from exc


def line_for(loc: Iterable[Any], lines: Mapping[str, int]) -> int | None:
    """Line of the longest prefix of a pydantic error location that the file defines."""
    parts = [str(p) for p in loc if not isinstance(p, int)]
    while parts:
        hit = lines.get(".".join(parts))
        if hit:
            return hit
        parts.pop()
    return None


def describe_errors(path: Path, exc: ValidationError, lines: Mapping[str, int]) -> list[str]:
    """One ``file:line: field: problem`` string per pydantic error."""
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        msg = err["msg"]
        # model-level validators name the field they blame as "field.path: problem" (see device.profiles)
        if named := _NAMED_FIELD.match(msg):
            loc = (*loc, *named.group(1).split("."))
            msg = named.group(2)
        field = ".".join(str(p) for p in loc) or "(top level)"
        line = line_for(loc, lines)
        where = f"{path}:{line}" if line else str(path)
        value = err.get("input")
        shown = "" if isinstance(value, dict) or err["type"] == "missing" else f" (got {value!r})"
        out.append(f"{where}: {field}: {msg}{shown}")
    return out


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        out = []
        for ch in value:
            if ch in '"\\':
                out.append("\\" + ch)
            elif ord(ch) < 0x20 or ord(ch) == 0x7F:  # TOML forbids raw control characters in strings
                out.append(f"\\u{ord(ch):04x}")
            else:
                out.append(ch)
        return '"' + "".join(out) + '"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def dumps(data: Mapping[str, Any], header: str = "") -> str:
    """Write a two-level mapping (top-level scalars, then ``[section]`` tables of scalars/lists) as TOML."""
    out = [f"# {line}" for line in header.splitlines()]
    tables = {k: v for k, v in data.items() if isinstance(v, Mapping)}
    for key, value in data.items():
        if key not in tables and value is not None:
            out.append(f"{key} = {_scalar(value)}")
    for name, table in tables.items():
        body = [f"{k} = {_scalar(v)}" for k, v in table.items() if v is not None]
        if body:
            out += ["", f"[{name}]", *body]
    return "\n".join(out).lstrip("\n") + "\n"
