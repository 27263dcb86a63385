"""The site-chrome rules' kernels (`lines_holding`, `short_keys` in lintnews/_native.c) equal
their pure-Python definitions (`lintnews.native.py_lines_holding`, `py_short_keys`), on
generated lines of Latin, Cyrillic and CJK text, separators wide and narrow, and blanks."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintnews import _native, native

SOME = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))

#: Characters of trails, rows of links and buttons: the separators (one byte, two bytes wide),
#: spaces and other blanks, Latin, Cyrillic and CJK letters, a character outside the BMP.
SEPARATED = " \u00a0\t\n\x00/|>»›→•·:-abcЖжя新闻首页😀"
#: Texts of one byte a character (Latin-1), two (Cyrillic, CJK) and four (an emoji).
TEXTS = st.one_of(
    st.text(st.sampled_from(" \t\n\x00/|>»·:-abc"), max_size=60),
    st.text(st.sampled_from(SEPARATED[:-1]), max_size=60),
    st.text(st.sampled_from(SEPARATED), max_size=60),
)
#: What the rules ask for (`rules/chrome/breadcrumb.py`, `rules/chrome/toolbars.py`), and more.
CHARS = st.sampled_from(["»›>→/|", "|•·:", "/", "→", "", "a新😀"[:2], "首"])
SPACED = st.sampled_from(["/|", ":", "", "→", "»›>→/|•·:"])


@SOME
@given(TEXTS, CHARS, SPACED)
def test_lines_holding_equals_the_definition(text: str, chars: str, spaced: str) -> None:
    assert _native.lines_holding(text, chars, spaced) == native.py_lines_holding(text, chars, spaced)


def test_lines_holding_of_known_lines() -> None:
    lines = [
        "Home » World",  # an arrow (one byte wide)
        "Главная → Новости",  # an arrow in a Cyrillic line (two bytes)
        "http://example.com/a/b",  # slashes, none spaced
        "首页 / 新闻",  # a spaced slash in a CJK line
        "/ a /",  # a slash at either end, no space on its other side
        "a  |  b",  # two spaces on each side still hold " | "
        "",
        "😀 | x",  # a line of four-byte characters
    ]
    for text in ("\n".join(lines), "\n".join(lines[:1] + lines[2:3] + lines[4:7])):
        expected = native.py_lines_holding(text, "»›>→/|", "/|")
        assert _native.lines_holding(text, "»›>→/|", "/|") == expected
    assert _native.lines_holding("\n".join(lines), "»›>→/|", "/|") == [0, 1, 3, 5, 7]
    assert _native.lines_holding("\n".join(lines), "/", "") == [2, 3, 4]
    assert _native.lines_holding("a\x00 / b\n/", "/", "/") == [0]  # a NUL inside the text
    assert _native.lines_holding("", "/", "") == []
    for chars in ("😀", "abcdefghijklmnopq", "\n", "\x00"):
        with pytest.raises(ValueError):
            _native.lines_holding("a", chars, "")
        with pytest.raises(ValueError):
            native.py_lines_holding("a", chars, "")
    with pytest.raises(TypeError):
        _native.lines_holding(b"a / b", "/", "/")  # type: ignore[arg-type]


KEYS = st.lists(st.text(st.sampled_from(" abЖ新😀"), max_size=35), max_size=8)


@SOME
@given(KEYS, st.integers(-1, 36), st.integers(-1, 5))
def test_short_keys_equal_the_definition(keys: list[str], longest: int, spaces: int) -> None:
    assert _native.short_keys(keys, longest, spaces) == native.py_short_keys(keys, longest, spaces)


def test_short_keys_of_known_keys() -> None:
    keys = ["share", "", "follow us on facebook", "поделиться в вк", "分享", "x" * 31, "a b c d"]
    assert _native.short_keys(keys, 30, 2) == [0, 3, 4]
    assert _native.short_keys(keys, 30, 3) == [0, 2, 3, 4, 6]
    with pytest.raises(TypeError):
        _native.short_keys([None], 30, 2)  # type: ignore[list-item]
