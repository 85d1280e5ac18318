"""Which recordings make a call corpus, and whether each one can be used, before any audio is decoded.

A call is a stereo ``NAME.wav``/``.flac`` (left = agent, right = customer) or a pair ``NAME.agent.wav`` +
``NAME.customer.wav``, with its label file ``NAME.txt`` beside it (``NAME.wav.txt``, what a save dialog makes
of a typed ``NAME.wav``, is read too; names match whatever their case, as on Windows). A folder is searched
with its subfolders (a site may keep a folder per day or queue; on Windows no shell expands ``calls\\*``), and
what a copy from a Mac or an open Office document leaves there (``._NAME.wav``, ``.DS_Store``, ``~$notes``)
is passed over. Every problem is collected and reported at once: a site that labelled 80 calls should not
learn about the fifth typo after an hour of fixing them one run at a time. Files that are plainly not
calls (a ``README.txt`` that is no label track, an MP3 without labels) are skipped and named, never dropped
silently.
"""

from __future__ import annotations

import glob
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lugn.evalkit.labels import LabelError, Stretch, decode_labels, read_labels

AUDIO_SUFFIXES = (".wav", ".flac")
LABEL_SUFFIX = ".txt"
SIDES = (".agent", ".customer")
# what call recorders also export: named when skipped, so a site sees why those calls are not in the figures
OTHER_AUDIO = (".mp3", ".m4a", ".ogg", ".opus", ".wma", ".aac", ".amr", ".gsm", ".aif", ".aiff", ".vox")


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
    notes: tuple[str, ...] = ()  # what the report should say about the files (a truncated recording)

    @property
    def audio_text(self) -> str:
        if isinstance(self.audio, tuple):
            return f"{self.audio[0].name} + {self.audio[1].name}"
        return self.audio.name


def is_audio(path: Path) -> bool:
    return path.suffix.lower() in AUDIO_SUFFIXES


def _junk(path: Path) -> bool:
    """Hidden files (macOS ``._x``/``.DS_Store``), lock files of open documents (``~$x``), Audacity 2's
    ``NAME_data`` folders, what Windows keeps at a drive's root (``$RECYCLE.BIN``, ``System Volume
    Information``)."""
    if path.name.startswith((".", "~", "$")) or path.name == "System Volume Information":
        return True
    return path.is_dir() and path.name.endswith("_data")


def _listing(folder: Path, skipped: list[str]) -> list[Path]:
    """A folder's entries, sorted; one that cannot be read is named and passed over, not a traceback."""
    try:
        return sorted(folder.iterdir())
    except OSError as exc:
        skipped.append(f"{folder}: cannot be read ({exc.strerror or exc})")
        return []


def looks_like_calls(paths: Sequence[Path]) -> bool:
    """Labelled calls rather than clip corpora (folders with a ``manifest.csv``)? Anything else is taken as
    calls, whose checks say best what is wrong with a path that is neither."""
    return not all(p.is_dir() and (p / "manifest.csv").is_file() for p in paths)


def _is_label_text(path: Path) -> bool:
    """Does a ``.txt`` read as a label track (empty, or its first line starts with a number)?"""
    try:
        text = decode_labels(path.read_bytes()[:4096])
    except OSError:
        return True  # let read_labels say what is wrong with it
    for line in text.splitlines():
        if line.strip() and not line.startswith("\\"):
            first = line.split("\t")[0].strip().replace(",", ".")
            try:
                float(first)
            except ValueError:
                return False
            return True
    return True


def _audio_check(path: Path | tuple[Path, Path]) -> tuple[float, list[str]]:
    """Open the recording as the replay will (rate, frames, a header that promises more than the file
    holds) -> (duration, warnings)."""
    from device.audio.source import ReplaySource

    try:
        source = ReplaySource(path, realtime=False)
    except (OSError, ValueError) as exc:
        raise LabelError(str(exc)) from exc
    return source.duration_s, list(source.warnings)


def _channels(path: Path) -> int:
    import soundfile as sf

    try:
        info = sf.info(str(path))
    except Exception as exc:  # soundfile raises LibsndfileError / RuntimeError variants
        raise LabelError(f"{path}: cannot read it as WAV/FLAC audio: {exc}") from exc
    if info.samplerate <= 0 or info.frames <= 0:
        raise LabelError(f"{path}: holds no audio")
    return int(info.channels)


def _side_stem(path: Path) -> tuple[str, str | None]:
    """``call.agent.wav`` -> (``call``, ``.agent``); ``call.wav`` -> (``call``, None)."""
    stem = path.stem
    for side in SIDES:
        if stem.lower().endswith(side) and len(stem) > len(side):
            return stem[: -len(side)], side
    return stem, None


def _label_key(path: Path) -> str:
    stem = path.stem  # NAME.txt -> NAME; NAME.wav.txt -> NAME
    if Path(stem).suffix.lower() in AUDIO_SUFFIXES:
        stem = Path(stem).stem
    return stem.casefold()


def _check_call(name: str, files: dict[str | None, Path], label: Path | None) -> CallSpec:
    audio: Path | tuple[Path, Path]
    if None in files:
        audio = files[None]
        if ".agent" in files or ".customer" in files:
            raise LabelError(f"{audio}: both a single recording and a {name}.agent/.customer pair; keep one")
        channels = _channels(audio)
        if channels == 1:
            raise LabelError(
                f"{audio}: a mono file without a second file. Give a stereo recording (left = agent, "
                f"right = customer) or two mono files {name}.agent{audio.suffix} + "
                f"{name}.customer{audio.suffix}"
            )
        if channels != 2:
            raise LabelError(f"{audio}: {channels} channels; expected 2 (left = agent, right = customer)")
    else:
        missing = [side for side in SIDES if side not in files]
        if missing:
            have = next(iter(files.values()))
            raise LabelError(
                f"{have}: the {missing[0][1:]}'s file {name}{missing[0]}{have.suffix} is missing "
                "(two-file calls need NAME.agent.* and NAME.customer.*)"
            )
        for side in SIDES:
            if (channels := _channels(files[side])) != 1:
                raise LabelError(
                    f"{files[side]}: {channels} channels; the {side[1:]}'s own file must be mono"
                )
        audio = (files[".agent"], files[".customer"])
    duration, warnings = _audio_check(audio)
    first = audio[0] if isinstance(audio, tuple) else audio
    if label is None:
        raise LabelError(
            f"{first.with_name(name + LABEL_SUFFIX)}: no label file beside the recording (an Audacity label "
            "export; an empty file means the customer was never frustrated in this call)"
        )
    why = "; is this the label file of another recording?"
    if warnings:  # a recorder that crashed mid-call leaves a header promising more than the file holds
        why = "; " + warnings[0].removesuffix("; replaying what is there")
    stretches = read_labels(label, duration, why_late=why)
    return CallSpec(name, audio, label, duration, tuple(stretches), tuple(warnings))


@dataclass
class _Group:
    name: str = ""
    files: dict[str | None, Path] = field(default_factory=dict)
    labels: list[Path] = field(default_factory=list)

    @property
    def label(self) -> Path | None:
        return self.labels[0] if self.labels else None


def _index(folder: Path, problems: list[str], skipped: list[str]) -> dict[str, _Group]:
    """The calls of one folder (not its subfolders), keyed by their name folded to one case."""
    groups: dict[str, _Group] = {}
    others: dict[str, Path] = {}
    for path in _listing(folder, skipped):
        if not path.is_file() or _junk(path):
            continue
        suffix = path.suffix.lower()
        if is_audio(path):
            stem, side = _side_stem(path)
            group = groups.setdefault(stem.casefold(), _Group())
            group.name = stem  # the recording's own spelling names the call
            if side in group.files:
                problems.append(f"{path}: a second recording for the call {stem!r} (another format?)")
                continue
            group.files[side] = path
        elif suffix == LABEL_SUFFIX:
            groups.setdefault(_label_key(path), _Group()).labels.append(path)
        elif suffix in OTHER_AUDIO:
            others[_side_stem(path)[0].casefold()] = path
    for key, group in list(groups.items()):
        if group.files:
            if len(group.labels) > 1:
                names = " and ".join(p.name for p in group.labels)
                problems.append(f"{folder}: {names} are both label files of {group.name!r}; keep one")
                del groups[key]
            continue
        del groups[key]
        label = group.labels[0]  # a label file without a recording
        if key in others:
            problems.append(
                f"{label}: its recording {others.pop(key).name} is not WAV or FLAC; export the call as WAV "
                "(or FLAC) from the recorder, or convert it (e.g. in Audacity: File > Export)"
            )
        elif not _is_label_text(label):
            skipped.append(f"{label}: not an Audacity label track, and no recording of that name")
        else:
            problems.append(f"{label}: a label file without a recording {label.stem}.wav/.flac")
    skipped += [f"{p}: not WAV or FLAC, and no label file" for p in others.values()]
    return groups


def _folder_calls(
    folder: Path, root: Path, problems: list[str], skipped: list[str], seen: set[Path] | None = None
) -> tuple[list[CallSpec], int]:
    """The calls of a folder and its subfolders -> (calls, recordings found)."""
    seen = set() if seen is None else seen
    if folder.resolve() in seen:  # a link back up the tree
        return [], 0
    seen.add(folder.resolve())
    prefix = "" if folder == root else folder.relative_to(root).as_posix() + "/"
    calls, found = [], 0
    for group in _index(folder, problems, skipped).values():
        found += 1
        try:
            call = _check_call(group.name, group.files, group.label)
            calls.append(_renamed(call, prefix + call.name) if prefix else call)
        except LabelError as exc:
            problems.extend(exc.problems)
    for sub in [p for p in _listing(folder, []) if p.is_dir() and not _junk(p)]:
        if (sub / "manifest.csv").is_file():
            skipped.append(f"{sub}: a clip corpus (manifest.csv), not labelled calls")
            continue
        more, n = _folder_calls(sub, root, problems, skipped, seen)
        calls += more
        found += n
    return calls, found


def _renamed(call: CallSpec, name: str) -> CallSpec:
    return CallSpec(name, call.audio, call.labels_path, call.duration_s, call.stretches, call.notes)


def _one_file(path: Path, problems: list[str], skipped: list[str]) -> list[CallSpec]:
    """A recording (or one file of a pair, or the label file) given on its own: its call from its folder."""
    key = _label_key(path) if path.suffix.lower() == LABEL_SUFFIX else _side_stem(path)[0].casefold()
    group = _index(path.parent, [], []).get(key)
    if group is None:
        problems.append(f"{path}: no recording {path.stem}.wav/.flac beside this label file")
        return []
    try:
        return [_check_call(group.name, group.files, group.label)]
    except LabelError as exc:
        problems.extend(exc.problems)
        return []


def _expand(paths: Sequence[Path], problems: list[str]) -> list[Path]:
    """Wildcards the shell left alone (Windows' cmd does not expand ``calls\\*.wav``)."""
    out: list[Path] = []
    for path in paths:
        if path.exists() or not any(c in str(path) for c in "*?["):
            out.append(path)
            continue
        matches = sorted(glob.glob(str(path)))
        if not matches:
            problems.append(f"{path}: no file or folder matches")
        out += [Path(m) for m in matches]
    return out


def discover_calls(paths: Sequence[Path], skipped: list[str] | None = None) -> list[CallSpec]:
    """Every call in the given folders and files, checked; raises :class:`CallCorpusError` listing all.
    What was passed over on purpose is appended to ``skipped``."""
    problems: list[str] = []
    skipped = [] if skipped is None else skipped
    calls: list[CallSpec] = []
    for path in _expand(paths, problems):
        if path.is_dir():
            if (path / "manifest.csv").is_file():
                problems.append(
                    f"{path}: a clip corpus (manifest.csv); evaluate it apart from labelled calls"
                )
                continue
            more, found = _folder_calls(path, path, problems, skipped)
            calls += more
            if not found:
                problems.append(
                    f"{path}: no recordings (.wav or .flac, each with an Audacity label file NAME.txt beside "
                    "it) in this folder or its subfolders, nor a manifest.csv of a clip corpus"
                )
        elif path.is_file() and (is_audio(path) or path.suffix.lower() == LABEL_SUFFIX):
            calls += _one_file(path, problems, skipped)
        elif path.exists():
            problems.append(f"{path}: not a recording (.wav/.flac), label file or folder of labelled calls")
        elif path.parent.is_dir() or not str(path.parent):
            problems.append(f"{path}: not found")
        else:
            problems.append(f"{path}: not found (nor the folder {path.parent})")
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
    return [
        _renamed(call, f"{call.labels_path.parent.name}/{call.name}") if names[call.name] > 1 else call
        for call in out
    ]
