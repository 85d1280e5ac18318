"""Audacity label tracks: the customer's frustrated stretches of one call.

QA staff already mark calls in Audacity; "Export Labels" writes one region a line, ``start<TAB>end<TAB>text``
in seconds. Every region in the file is one frustrated stretch whatever its text (the text is kept as a note),
and an empty file says "no frustrated stretch in this call". Spectral selections (lines that start with a
backslash) are skipped. Anything else that is not a clean region is an error that names file and line: a
figure computed over a silently dropped or mis-read label would be worse than no figure.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class LabelError(ValueError):
    """A label file that cannot be used as it is."""


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


def _number(field: str, path: Path, line: int, what: str) -> float:
    # Audacity writes "12.345600"; a decimal comma (hand-edited in a Nordic locale) is accepted too.
    try:
        value = float(field.strip().replace(",", "."))
    except ValueError:
        raise LabelError(f"{path}:{line}: {what} {field.strip()!r} is not a number of seconds") from None
    if not math.isfinite(value):
        raise LabelError(f"{path}:{line}: {what} {field.strip()!r} is not a finite number of seconds")
    return value


def parse_labels(text: str, path: Path) -> list[Stretch]:
    """Regions of an Audacity label export, checked on their own (start < end, no overlaps), sorted."""
    out: list[Stretch] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.lstrip("\ufeff")
        if not line.strip() or line.startswith("\\"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            raise LabelError(
                f"{path}:{number}: expected 'start<TAB>end<TAB>label' (an Audacity label export), got {raw!r}"
            )
        start = _number(fields[0], path, number, "start")
        end = _number(fields[1], path, number, "end")
        note = "\t".join(fields[2:]).strip()
        if start < 0:
            raise LabelError(f"{path}:{number}: start {start:g} s is before the recording begins")
        if end <= start:
            kind = "is a point label" if end == start else "ends before it starts"
            raise LabelError(
                f"{path}:{number}: the region {start:g}-{end:g} s {kind}; mark the whole frustrated stretch"
            )
        out.append(Stretch(start, end, note, number))
    out.sort(key=lambda s: (s.start_s, s.end_s))
    for a, b in itertools.pairwise(out):
        if b.start_s < a.end_s:
            raise LabelError(
                f"{path}:{b.line}: the region {b.start_s:g}-{b.end_s:g} s overlaps the region "
                f"{a.start_s:g}-{a.end_s:g} s on line {a.line}; merge them into one stretch"
            )
    return out


def read_labels(path: Path, duration_s: float | None = None, *, tolerance_s: float = 0.05) -> list[Stretch]:
    """Read and check a label file; with ``duration_s``, also that no region runs past the audio's end
    (``tolerance_s`` allows for Audacity's rounding of a selection that ends at the very end)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LabelError(f"{path}: cannot read the label file: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # older Audacity on Windows: the label text is only a note
    stretches = parse_labels(text, path)
    if duration_s is not None:
        for s in stretches:
            if s.end_s > duration_s + tolerance_s:
                raise LabelError(
                    f"{path}:{s.line}: the region {s.start_s:g}-{s.end_s:g} s runs past the end of the audio "
                    f"({duration_s:.2f} s); is this the label file of another recording?"
                )
    return stretches


def format_labels(stretches: Iterable[Stretch | tuple[float, float, str]]) -> str:
    """Audacity's own export format (six decimals, tab-separated, one region a line)."""
    lines = []
    for s in stretches:
        start, end, text = (s.start_s, s.end_s, s.text) if isinstance(s, Stretch) else s
        lines.append(f"{start:.6f}\t{end:.6f}\t{text}")
    return "".join(line + "\n" for line in lines)
