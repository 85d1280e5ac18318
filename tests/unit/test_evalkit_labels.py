"""Audacity label tracks and the call-corpus checks that run before any audio is decoded."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf
from hypothesis import given
from hypothesis import strategies as st

from lugn.evalkit.corpus import CallCorpusError, discover_calls, looks_like_calls
from lugn.evalkit.labels import LabelError, Stretch, decode_labels, format_labels, parse_labels, read_labels

P = Path("call.txt")


def test_an_audacity_export_with_spectral_lines_crlf_and_bom() -> None:
    text = "\ufeff1.500000\t4.250000\targ kund\r\n\\\t100.0\t3000.0\r\n\r\n10,5\t12\t\r\n"
    got = parse_labels(text, P)
    assert got == [Stretch(1.5, 4.25, "arg kund", 1), Stretch(10.5, 12.0, "", 4)]
    assert parse_labels("", P) == []  # an empty file: a calm call


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1.0\t3.0\tx\n2.0\t4.0\ty\n", "call.txt:2: the region 2-4 s overlaps the region 1-3 s on line 1"),
        ("3.0\t1.0\tx\n", "call.txt:1: the region 3-1 s ends before it starts"),
        (
            "1\t2\tok\n3.0\t3.0\tx\n",
            "call.txt:2: a point label at 3 s ('x') marks no stretch. In Audacity drag",
        ),
        ("-1\t3.0\tx\n", "before the recording begins"),
        ("1.0 3.0 x\n", "call.txt:1: expected 'start<TAB>end<TAB>label'"),
        ("1.0\tabc\tx\n", "call.txt:1: end 'abc' is not a number of seconds"),
        ("1.0\tinf\tx\n", "not a finite number"),
    ],
)
def test_bad_regions_name_file_line_and_problem(text: str, message: str) -> None:
    with pytest.raises(LabelError, match=re.escape(message)):
        parse_labels(text, P)


def test_touching_regions_are_fine_and_sorted() -> None:
    got = parse_labels("5\t6\tb\n1\t5\ta\n", P)
    assert [(s.start_s, s.end_s) for s in got] == [(1, 5), (5, 6)]


def test_regions_past_the_end_of_the_audio(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("1\t30.04\tok (rounding)\n")
    assert len(read_labels(path, 30.0)) == 1
    path.write_text("1\t31\tx\n")
    with pytest.raises(
        LabelError, match=r"c.txt:1: the region 1-31 s runs past the end of the audio \(30.00 s\)"
    ):
        read_labels(path, 30.0)


@given(
    st.lists(
        st.tuples(st.floats(0.01, 50, allow_nan=False), st.floats(0.01, 50, allow_nan=False)), max_size=12
    ),
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=8),
)
def test_format_then_parse_round_trips(gaps: list[tuple[float, float]], note: str) -> None:
    t, stretches = 0.0, []
    for gap, length in gaps:
        start = round(t + gap, 6)
        end = round(start + length, 6)
        stretches.append(Stretch(start, end, note.strip()))
        t = end
    got = parse_labels(format_labels(stretches), P)
    assert [(s.start_s, s.end_s, s.text) for s in got] == [(s.start_s, s.end_s, s.text) for s in stretches]


def _wav(path: Path, channels: int, seconds: float = 3.0) -> Path:
    x = np.zeros((int(16000 * seconds), channels), dtype=np.float32)
    sf.write(path, x if channels > 1 else x[:, 0], 16000)
    return path


def test_every_problem_of_a_folder_at_once(tmp_path: Path) -> None:
    _wav(tmp_path / "mono.wav", 1)
    (tmp_path / "mono.txt").write_text("")
    _wav(tmp_path / "late.wav", 2)
    (tmp_path / "late.txt").write_text("1\t9\tx\n")
    _wav(tmp_path / "overlap.flac", 2)
    (tmp_path / "overlap.txt").write_text("0.5\t2\tx\n1\t2.5\ty\n")
    _wav(tmp_path / "unlabelled.wav", 2)
    _wav(tmp_path / "half.agent.wav", 1)
    (tmp_path / "half.txt").write_text("")
    (tmp_path / "orphan.txt").write_text("")
    (tmp_path / "broken.wav").write_bytes(b"RIFF not really")
    (tmp_path / "broken.txt").write_text("")
    with pytest.raises(CallCorpusError) as err:
        discover_calls([tmp_path])
    text = "\n".join(err.value.problems)
    assert len(err.value.problems) == 7, text
    assert (
        "mono.wav: a mono file without a second file" in text and "mono.agent.wav + mono.customer.wav" in text
    )
    assert "late.txt:1: the region 1-9 s runs past the end of the audio (3.00 s)" in text
    assert "overlap.txt:2: the region 1-2.5 s overlaps the region 0.5-2 s on line 1" in text
    assert "unlabelled.txt: no label file beside the recording" in text
    assert "the customer's file half.customer.wav is missing" in text
    assert "orphan.txt: a label file without a recording" in text
    assert "broken.wav: cannot read it as WAV/FLAC audio" in text


def test_two_file_calls_stereo_calls_and_what_counts_as_calls(tmp_path: Path) -> None:
    _wav(tmp_path / "a.agent.wav", 1, 2.0)
    _wav(tmp_path / "a.customer.wav", 1, 3.0)
    (tmp_path / "a.txt").write_text("2.5\t3.0\tx\n")  # within the longer file
    _wav(tmp_path / "b.wav", 2)
    (tmp_path / "b.txt").write_text("")
    calls = {c.name: c for c in discover_calls([tmp_path])}
    assert calls["a"].audio == (tmp_path / "a.agent.wav", tmp_path / "a.customer.wav")
    assert calls["a"].duration_s == pytest.approx(3.0)
    assert calls["b"].stretches == ()
    # one file of a pair given alone finds its partner
    assert discover_calls([tmp_path / "a.customer.wav"])[0].audio == calls["a"].audio
    assert looks_like_calls([tmp_path]) and looks_like_calls([tmp_path / "b.wav"])
    clips = tmp_path / "clips"
    clips.mkdir()
    (clips / "manifest.csv").write_text("file,speaker,gender,label\n")
    assert not looks_like_calls([clips])
    with pytest.raises(CallCorpusError, match="given twice"):
        discover_calls([tmp_path, tmp_path / "b.wav"])


def test_what_audacity_and_windows_editors_really_write() -> None:
    # spectral selection on: Audacity's "\<TAB>f0<TAB>f1" line, and the same line without its backslash
    text = "1\t2\tx\n\\\t300.000000\t3400.000000\n3\t4\ty\n\t300.000000\t3400.000000\n5\t6\t\n"
    assert [(s.start_s, s.line) for s in parse_labels(text, P)] == [(1, 1), (3, 3), (5, 5)]
    # UTF-16 with a BOM (Notepad's "Unicode"), Windows-1252 (older Audacity on Windows), UTF-8 with a BOM
    for raw in (
        "1,5\t2\tirriterad kund åäö\r\n".encode("utf-16"),
        "1,5\t2\tirriterad kund åäö\r\n".encode("cp1252"),
        b"\xef\xbb\xbf" + "1.5\t2\tirriterad kund åäö\r\n".encode(),
    ):
        assert parse_labels(decode_labels(raw), P) == [Stretch(1.5, 2.0, "irriterad kund åäö", 1)]


def test_a_subtitle_export_gets_one_message() -> None:
    with pytest.raises(LabelError) as err:
        parse_labels("1\n00:00:01,000 --> 00:00:03,000\nfrustrated\n\n", P)
    assert err.value.problems == [
        "call.txt:2: subtitles (SubRip/WebVTT), not a label track: export the labels again choosing the "
        "plain text format (Audacity's default)"
    ]


def test_every_bad_line_of_a_file_at_once() -> None:
    text = "1\t2\tok\n3\t3\tfrustrerad\n5\t4\tx\n7\t7\t\n1.5\t2.5\tlapp\n\t300\t3400\nabc\t9\tx\n"
    with pytest.raises(LabelError) as err:
        parse_labels(text, P)
    assert [p.split(":")[1] for p in err.value.problems] == [
        "2",
        "3",
        "4",
        "7",
        "5",
    ]  # line 6: line 5's spectral line
    assert "call.txt:2: a point label at 3 s ('frustrerad') marks no stretch" in err.value.problems[0]
    assert "press Ctrl+B; delete point labels that are notes" in err.value.problems[0]
    assert err.value.problems[-1].startswith(
        "call.txt:5: the region 1.5-2.5 s overlaps the region 1-2 s on line 1"
    )


def test_a_site_folder_as_it_really_is(tmp_path: Path) -> None:
    """Subfolders per day, junk a Mac or Office leaves, a README, MP3s, Audacity's own files, odd names."""
    day = tmp_path / "2024-05-02"
    day.mkdir()
    _wav(day / "Samtal Åsa 1.WAV", 2)
    (day / "Samtal Åsa 1.TXT").write_text("0.5\t1\tx\n")  # a name in another case, as on Windows
    _wav(tmp_path / "c2.wav", 2)
    (tmp_path / "c2.wav.txt").write_text("")  # a save dialog's NAME.wav.txt
    for junk in ("._c2.wav", ".DS_Store", "~$notes.docx", "c2.aup3", "Thumbs.db"):
        (tmp_path / junk).write_bytes(b"\x00\x05junk")
    (tmp_path / "c2_data").mkdir()
    _wav(tmp_path / "c2_data" / "e0000.wav", 1)  # inside Audacity 2's project data: not a call
    (tmp_path / "README.txt").write_text("Calls for the pilot, labelled by Kim.\n")
    (tmp_path / "c9.mp3").write_bytes(b"ID3")
    skipped: list[str] = []
    calls = {c.name: c for c in discover_calls([tmp_path], skipped)}
    assert sorted(calls) == ["2024-05-02/Samtal Åsa 1", "c2"]
    assert calls["2024-05-02/Samtal Åsa 1"].stretches == (Stretch(0.5, 1.0, "x", 1),)
    assert skipped == [
        f"{tmp_path / 'README.txt'}: not an Audacity label track, and no recording of that name",
        f"{tmp_path / 'c9.mp3'}: not WAV or FLAC, and no label file",
    ]
    # the label file, a wildcard the shell left alone (Windows' cmd), as arguments
    assert [c.name for c in discover_calls([tmp_path / "c2.wav.txt"])] == ["c2"]
    assert [c.name for c in discover_calls([tmp_path / "c*.wav"])] == ["c2"]
    # an MP3 with labels is an error that says what to do; a path that is not there says so
    (tmp_path / "c9.txt").write_text("")
    with pytest.raises(CallCorpusError) as err:
        discover_calls([tmp_path, tmp_path / "nope", tmp_path / "x*.wav"])
    assert err.value.problems == [
        f"{tmp_path / 'x*.wav'}: no file or folder matches",
        f"{tmp_path / 'c9.txt'}: its recording c9.mp3 is not WAV or FLAC; export the call as WAV (or FLAC) "
        "from the recorder, or convert it (e.g. in Audacity: File > Export)",
        f"{tmp_path / 'nope'}: not found",
    ]


def test_recordings_the_replay_would_refuse_or_cut_short(tmp_path: Path) -> None:
    x = np.zeros((5000 * 3, 2), dtype=np.float32)
    sf.write(tmp_path / "low.wav", x, 5000)
    (tmp_path / "low.txt").write_text("")
    cut = tmp_path / "cut.wav"
    _wav(cut, 2, 10.0)
    cut.write_bytes(cut.read_bytes()[: 44 + 16000 * 4 * 4])  # the recorder stopped 4 s in
    (tmp_path / "cut.txt").write_text("1\t6\tx\n")
    with pytest.raises(CallCorpusError) as err:
        discover_calls([tmp_path])
    low, late = sorted(err.value.problems, reverse=True)
    assert "low.wav is sampled at 5000 Hz; Lugn needs at least 8000 Hz" in low
    assert late == (
        f"{tmp_path / 'cut.txt'}:1: the region 1-6 s runs past the end of the audio (4.00 s); "
        f"{cut} is truncated: its header declares 10.0 s, the file holds 4.0 s"
    )
    (tmp_path / "low.wav").unlink()
    (tmp_path / "low.txt").unlink()
    (tmp_path / "cut.txt").write_text("1\t3\tx\n")
    (call,) = discover_calls([tmp_path])
    assert call.notes == (
        f"{cut} is truncated: its header declares 10.0 s, the file holds 4.0 s; replaying what is there",
    )


def test_the_root_of_a_windows_drive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`lugn eval E:\\` on a USB stick: the recycle bin is passed over, a folder it may not read is named."""
    _wav(tmp_path / "c1.wav", 2)
    (tmp_path / "c1.txt").write_text("")
    for system in ("$RECYCLE.BIN", "System Volume Information"):
        (tmp_path / system).mkdir()
        _wav(tmp_path / system / "old.wav", 2)
    (tmp_path / "locked").mkdir()
    real = Path.iterdir

    def iterdir(self: Path) -> Any:
        if self.name == "locked":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    skipped: list[str] = []
    assert [c.name for c in discover_calls([tmp_path], skipped)] == ["c1"]
    assert skipped == [f"{tmp_path / 'locked'}: cannot be read (Permission denied)"]
