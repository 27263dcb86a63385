"""F004's kernel of blank-line runs (`blank_runs` in lintnews/_native.c) equals its pure-Python
definition (`lintnews.blank_lines.py_blank_runs`, a regex search), on generated texts of line
breaks, blanks of one, two and four bytes, and letters, and on the shapes F004 meets."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintnews import _native, blank_lines

SOME = settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))

#: Line breaks, white space `str.strip` removes (narrow, wide and a carriage return), and other
#: characters: a letter, a Cyrillic and a CJK letter, a zero-width space (not white space), an
#: emoji outside the BMP.
CHARS = "\n\n\n \t\r\x0b\u3000\u2028ab\u0436\u65b0\u200b😀"
#: Lines long and short, blank and not, of one, two and four bytes a character (the kernel skips
#: to the end of a line 8 characters at a time on text of two bytes).
LINES = st.lists(
    st.one_of(
        st.text(st.sampled_from(" \t\u3000"), max_size=3),
        st.text(st.sampled_from(CHARS[3:]), max_size=40),
    ),
    max_size=12,
).map("\n".join)
TEXTS = st.one_of(
    st.text(st.sampled_from("\n\n \ta"), max_size=40),
    st.text(st.sampled_from(CHARS[:-1]), max_size=60),
    st.text(st.sampled_from(CHARS), max_size=60),
    LINES,
)


@SOME
@given(TEXTS, st.integers(1, 4))
def test_blank_runs_equal_the_regex(text: str, least: int) -> None:
    assert _native.blank_runs(text, least) == blank_lines.py_blank_runs(text, least)


@pytest.mark.parametrize("kernel", [_native.blank_runs, blank_lines.py_blank_runs])
def test_blank_runs_shapes(kernel: object) -> None:
    assert callable(kernel)
    # a run after a line: from that line's break; the lines are 1 .. 3
    assert kernel("a\n\n\n\nb", 3) == [0, 3]
    # a run that starts the text: from the first line's break (line 0 is blank too)
    assert kernel("\n\n\n\nb", 3) == [0, 3]
    assert kernel("  \n\n\n\n", 3) == [0, 3]
    # white space other than spaces, two runs, the last one ending the text
    assert kernel("a\n \t\n\u3000\n\r\n\nb\nc\n\n\n\n", 3) == [0, 4, 6, 3]
    # two blank lines are not three; a blank last line without a line break is not counted
    assert kernel("a\n\n\nb\n\n\n  ", 3) == []
    assert kernel("a\n\n\nb\n\n\n  ", 2) == [0, 2, 3, 2]
    # a zero-width space is not white space
    assert kernel("a\n\n\u200b\n\n\nb", 3) == []
    assert kernel("", 1) == [] and kernel("\n", 1) == [] and kernel("\n\n", 1) == [0, 1]


@pytest.mark.parametrize("kernel", [_native.blank_runs, blank_lines.py_blank_runs])
def test_blank_runs_refuse_no_least(kernel: object) -> None:
    assert callable(kernel)
    with pytest.raises(ValueError):
        kernel("a\n\n\nb", 0)
