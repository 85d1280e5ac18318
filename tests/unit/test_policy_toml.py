"""The TOML helpers behind file:line errors: written files parse back, and every key's line is found."""

from __future__ import annotations

import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from device.tomlfile import dumps, key_lines, line_for

KEY = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)
SCALAR = st.one_of(
    st.booleans(),
    st.integers(-(2**31), 2**31),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.lists(st.text("abc\"'\\=[]#", max_size=5), max_size=3),
)
TABLE = st.dictionaries(KEY, SCALAR, min_size=1, max_size=5)
DOC = st.dictionaries(KEY, TABLE, min_size=1, max_size=4)


@settings(max_examples=60, deadline=None)
@given(DOC, st.dictionaries(KEY, SCALAR, max_size=3))
def test_dumps_round_trips_and_key_lines_point_at_each_key(tables: dict, top: dict) -> None:
    doc = {**{k: v for k, v in top.items() if k not in tables}, **tables}
    text = dumps(doc, header="a header # with a hash\nsecond line")
    assert tomllib.loads(text) == doc
    lines = key_lines(text)
    source = text.splitlines()
    for section, table in tables.items():
        assert source[lines[section] - 1] == f"[{section}]"
        for key in table:
            assert source[lines[f"{section}.{key}"] - 1].startswith(f"{key} = ")
            assert line_for((section, key, 0), lines) == lines[f"{section}.{key}"]
    for key in doc.keys() - tables.keys():
        assert source[lines[key] - 1].startswith(f"{key} = ")


def test_key_lines_handles_dotted_keys_quotes_and_multiline_strings() -> None:
    text = '''
title = """
[not.a.table]
fake = 1
"""
metrics.k_min = 3
[ui]
"kiosk_pin" = "x"  # comment
[locks] # trailing comment
settings = [
  "a",
]
'''
    lines = key_lines(text)
    assert lines["metrics.k_min"] == 6 and lines["metrics"] == 6
    assert "not.a.table" not in lines and "fake" not in lines
    assert lines["ui.kiosk_pin"] == 8 and lines["locks"] == 9 and lines["locks.settings"] == 10
