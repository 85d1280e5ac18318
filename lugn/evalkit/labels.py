"""Audacity label tracks: the customer's frustrated stretches of one call.

QA staff already mark calls in Audacity; "Export Labels" writes one region a line, ``start<TAB>end<TAB>text``
in seconds. Every region in the file is one frustrated stretch whatever its text (the text is kept as a note),
and an empty file says "no frustrated stretch in this call". What Audacity really writes is accepted: CRLF or
LF line ends, a UTF-8 (or UTF-16) byte-order mark, a decimal comma (Audacity 2.x in a Nordic locale), regions
in any order, and the extra line it writes after a region when spectral selection is on (``\\<TAB>f0<TAB>f1``,
also read without its backslash). Anything else that is not a clean region is an error that names file and
line, every such line of a file at once: a figure computed over a silently dropped or mis-read label would be
worse than no figure. A *point* label (start == end, what Ctrl+B makes with nothing selected) is such an
error: it has no stretch to count, and whether it meant "frustrated from here" or was a note only its
labeller knows.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


class LabelError(ValueError):
    """A label file (or recording) that cannot be used as it is; ``problems`` lists every one found."""

    def __init__(self, problems: str | Sequence[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Stretch:
    """One labelled frustrated stretch, in seconds from the start of the recording."""

    start_s: float
    end_s: float
    text: str = ""
    line: int = 0  # where it came from, for messages

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


def _number(field: str) -> float | None:
    # Audacity writes "12.345600"; a decimal comma (Audacity 2.x, or hand-edited, in a Nordic locale) too.
    try:
        return float(field.strip().replace(",", "."))
    except ValueError:
        return None


def _is_frequency_line(fields: list[str]) -> bool:
    """Audacity's second line of a spectral selection, ``\\<TAB>f0<TAB>f1``, as it arrives without the
    backslash (a tool or an editor that dropped it): an empty first field, then only numbers."""
    rest = [f for f in fields[1:] if f.strip()]
    return not fields[0].strip() and 0 < len(rest) <= 2 and all(_number(f) is not None for f in rest)


def _region(fields: list[str], where: str, raw: str) -> tuple[float, float, str] | str:
    """-> (start, end, text), or the problem with this line."""
    if len(fields) < 2:
        return f"{where}: expected 'start<TAB>end<TAB>label' (an Audacity label export), got {raw!r}"
    values = []
    for what, field in (("start", fields[0]), ("end", fields[1])):
        value = _number(field)
        if value is None:
            return f"{where}: {what} {field.strip()!r} is not a number of seconds (in {raw!r})"
        if not math.isfinite(value):
            return f"{where}: {what} {field.strip()!r} is not a finite number of seconds"
        values.append(value)
    start, end = values
    note = "\t".join(fields[2:]).strip()
    if start < 0:
        return f"{where}: start {start:g} s is before the recording begins"
    if end == start:
        return (
            f"{where}: a point label at {start:g} s{f' ({note!r})' if note else ''} marks no stretch. In "
            "Audacity drag over the whole frustrated stretch and press Ctrl+B; delete point labels that are "
            "notes (every label in this file counts as frustration)"
        )
    if end < start:
        return f"{where}: the region {start:g}-{end:g} s ends before it starts"
    return start, end, note


def parse_labels(text: str, path: Path) -> list[Stretch]:
    """Regions of an Audacity label export, checked on their own (start < end, no overlaps), sorted;
    raises :class:`LabelError` listing every bad line."""
    out: list[Stretch] = []
    problems: list[str] = []
    after_region = False
    lines = text.splitlines()
    for number, raw in enumerate(lines, start=1):
        if "-->" in raw or raw.lstrip("\ufeff").startswith("WEBVTT"):  # one message, not one per line
            raise LabelError(
                f"{path}:{number}: subtitles (SubRip/WebVTT), not a label track: export the labels again "
                "choosing the plain text format (Audacity's default)"
            )
    for number, raw in enumerate(lines, start=1):
        line = raw.lstrip("\ufeff")
        fields = line.split("\t")
        if not line.strip() or line.startswith("\\") or (after_region and _is_frequency_line(fields)):
            after_region = False  # blank, or a region's extra line (spectral selection, later formats)
            continue
        got = _region(fields, f"{path}:{number}", raw)
        after_region = len(fields) >= 2 and _number(fields[0]) is not None  # a region, good or bad
        if isinstance(got, str):
            problems.append(got)
        else:
            out.append(Stretch(*got, number))
    out.sort(key=lambda s: (s.start_s, s.end_s))
    for a, b in itertools.pairwise(out):
        if b.start_s < a.end_s:
            first, second = sorted((a, b), key=lambda s: s.line)
            problems.append(
                f"{path}:{second.line}: the region {second.start_s:g}-{second.end_s:g} s overlaps the region "
                f"{first.start_s:g}-{first.end_s:g} s on line {first.line}; merge them into one stretch"
            )
    if problems:
        raise LabelError(problems)
    return out


def decode_labels(raw: bytes) -> str:
    """The text of a label file: UTF-8 (Audacity 3), with or without a BOM; UTF-16 with a BOM (saved as
    "Unicode" in Notepad); else Windows-1252 (older Audacity on Windows; the text is only a note)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_labels(
    path: Path,
    duration_s: float | None = None,
    *,
    tolerance_s: float = 0.05,
    why_late: str = "; is this the label file of another recording?",
) -> list[Stretch]:
    """Read and check a label file; with ``duration_s``, also that no region runs past the audio's end
    (``tolerance_s`` allows for Audacity's rounding of a selection that ends at the very end; ``why_late``
    is the likely reason the message gives)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LabelError(f"{path}: cannot read the label file: {exc.strerror or exc}") from exc
    stretches = parse_labels(decode_labels(raw), path)
    if duration_s is not None:
        late = [
            f"{path}:{s.line}: the region {s.start_s:g}-{s.end_s:g} s runs past the end of the audio "
            f"({duration_s:.2f} s){why_late}"
            for s in stretches
            if s.end_s > duration_s + tolerance_s
        ]
        if late:
            raise LabelError(late)
    return stretches


def format_labels(stretches: Iterable[Stretch | tuple[float, float, str]]) -> str:
    """Audacity's own export format (six decimals, tab-separated, one region a line)."""
    lines = []
    for s in stretches:
        start, end, text = (s.start_s, s.end_s, s.text) if isinstance(s, Stretch) else s
        lines.append(f"{start:.6f}\t{end:.6f}\t{text}")
    return "".join(line + "\n" for line in lines)
