"""Which recordings make a call corpus, and whether each one can be used, before any audio is decoded.

A call is a stereo ``NAME.wav``/``.flac`` (left = agent, right = customer) or a pair ``NAME.agent.wav`` +
``NAME.customer.wav``, with its label file ``NAME.txt`` beside it. Every problem in a folder is collected and
reported at once: a site that labelled 80 calls should not learn about the fifth typo after an hour of
fixing them one run at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lugn.evalkit.labels import LabelError, Stretch, read_labels

AUDIO_SUFFIXES = (".wav", ".flac")
LABEL_SUFFIX = ".txt"
SIDES = (".agent", ".customer")


class CallCorpusError(ValueError):
    """Recordings or labels that cannot be evaluated; ``problems`` lists every one found."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class CallSpec:
    """One labelled call, checked: its audio opens with the right channels and its labels fit inside it."""

    name: str
    audio: Path | tuple[Path, Path]  # stereo file, or (agent, customer)
    labels_path: Path
    duration_s: float
    stretches: tuple[Stretch, ...] = field(default_factory=tuple)

    @property
    def audio_text(self) -> str:
        if isinstance(self.audio, tuple):
            return f"{self.audio[0].name} + {self.audio[1].name}"
        return self.audio.name


def is_audio(path: Path) -> bool:
    return path.suffix.lower() in AUDIO_SUFFIXES


def looks_like_calls(paths: Sequence[Path]) -> bool:
    """True when the inputs are labelled calls rather than clip corpora (folders with a ``manifest.csv``)."""
    for path in paths:
        if path.is_file() and is_audio(path):
            return True
        if (
            path.is_dir()
            and not (path / "manifest.csv").is_file()
            and any(is_audio(p) or p.suffix.lower() == LABEL_SUFFIX for p in path.iterdir())
        ):
            return True
    return False


def _audio_info(path: Path) -> tuple[int, float]:
    import soundfile as sf

    try:
        info = sf.info(str(path))
    except Exception as exc:  # soundfile raises LibsndfileError / RuntimeError variants
        raise LabelError(f"{path}: cannot read it as WAV/FLAC audio: {exc}") from exc
    if info.samplerate <= 0 or info.frames <= 0:
        raise LabelError(f"{path}: holds no audio")
    return int(info.channels), info.frames / info.samplerate


def _side_stem(path: Path) -> tuple[str, str | None]:
    """``call.agent.wav`` -> (``call``, ``.agent``); ``call.wav`` -> (``call``, None)."""
    stem = path.stem
    for side in SIDES:
        if stem.lower().endswith(side) and len(stem) > len(side):
            return stem[: -len(side)], side
    return stem, None


def _check_call(name: str, folder: Path, files: dict[str | None, Path]) -> CallSpec:
    label_path = folder / f"{name}{LABEL_SUFFIX}"
    if None in files:
        audio: Path | tuple[Path, Path] = files[None]
        if ".agent" in files or ".customer" in files:
            raise LabelError(
                f"{files[None]}: both a single recording and a {name}.agent/.customer pair; keep one of them"
            )
        channels, duration = _audio_info(files[None])
        if channels == 1:
            raise LabelError(
                f"{files[None]}: a mono file without a second file. Give a stereo recording (left = agent, "
                f"right = customer) or two mono files {name}.agent{files[None].suffix} + "
                f"{name}.customer{files[None].suffix}"
            )
        if channels != 2:
            raise LabelError(
                f"{files[None]}: {channels} channels; expected 2 (left = agent, right = customer)"
            )
    else:
        missing = [side for side in SIDES if side not in files]
        if missing:
            have = next(iter(files.values()))
            raise LabelError(
                f"{have}: the {missing[0][1:]}'s file {name}{missing[0]}{have.suffix} is missing "
                "(two-file calls need NAME.agent.* and NAME.customer.*)"
            )
        durations = []
        for side in SIDES:
            channels, duration = _audio_info(files[side])
            if channels != 1:
                raise LabelError(
                    f"{files[side]}: {channels} channels; the {side[1:]}'s own file must be mono"
                )
            durations.append(duration)
        audio, duration = (files[".agent"], files[".customer"]), max(durations)
    if not label_path.is_file():
        raise LabelError(
            f"{label_path}: no label file beside the recording (an Audacity label export; an empty "
            "file means the customer was never frustrated in this call)"
        )
    stretches = read_labels(label_path, duration)
    return CallSpec(name, audio, label_path, duration, tuple(stretches))


def _folder_calls(folder: Path, problems: list[str]) -> list[CallSpec]:
    groups: dict[str, dict[str | None, Path]] = {}
    labels: set[str] = set()
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        if is_audio(path):
            stem, side = _side_stem(path)
            if side in groups.get(stem, {}):
                problems.append(f"{path}: a second recording for the call {stem!r} (another format?)")
                continue
            groups.setdefault(stem, {})[side] = path
        elif path.suffix.lower() == LABEL_SUFFIX:
            labels.add(path.stem)
    for orphan in sorted(labels - set(groups)):
        problems.append(
            f"{folder / (orphan + LABEL_SUFFIX)}: a label file without a recording {orphan}.wav/.flac"
        )
    if not groups:
        problems.append(f"{folder}: no recordings (.wav or .flac) in this folder")
    calls = []
    for stem, files in groups.items():
        try:
            calls.append(_check_call(stem, folder, files))
        except LabelError as exc:
            problems.append(str(exc))
    return calls


def discover_calls(paths: Sequence[Path]) -> list[CallSpec]:
    """Every call in the given folders and files, checked; raises :class:`CallCorpusError` listing all."""
    problems: list[str] = []
    calls: list[CallSpec] = []
    for path in paths:
        if path.is_dir():
            if (path / "manifest.csv").is_file():
                problems.append(
                    f"{path}: a clip corpus (manifest.csv); evaluate it apart from labelled calls"
                )
                continue
            calls += _folder_calls(path, problems)
        elif path.is_file() and is_audio(path):
            stem, side = _side_stem(path)
            files: dict[str | None, Path] = {side: path}
            if side is not None:  # one file of a pair given: take its partner from beside it
                for other in SIDES:
                    partner = path.with_name(f"{stem}{other}{path.suffix}")
                    if partner.is_file():
                        files[other] = partner
            try:
                calls.append(_check_call(stem, path.parent, files))
            except LabelError as exc:
                problems.append(str(exc))
        elif path.exists():
            problems.append(f"{path}: not a recording (.wav/.flac) nor a folder of labelled calls")
        else:
            problems.append(f"{path}: not found")
    calls = _unique(calls, problems)
    if problems:
        raise CallCorpusError(problems)
    return calls


def _unique(calls: list[CallSpec], problems: list[str]) -> list[CallSpec]:
    """The same call given twice (a file and its folder) is a mistake; two folders may share call names."""
    seen: dict[Path, CallSpec] = {}
    names: dict[str, int] = {}
    out = []
    for call in calls:
        key = call.labels_path.resolve()
        if key in seen:
            problems.append(f"{call.labels_path}: the call {call.name!r} is given twice")
            continue
        seen[key] = call
        names[call.name] = names.get(call.name, 0) + 1
        out.append(call)
    renamed = []
    for call in out:
        if names[call.name] > 1:
            call = CallSpec(
                f"{call.labels_path.parent.name}/{call.name}",
                call.audio,
                call.labels_path,
                call.duration_s,
                call.stretches,
            )
        renamed.append(call)
    return renamed
