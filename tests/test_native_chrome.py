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


#: Keys of B005's buttons and what stands between them: short and long keys, empty keys over
#: blank lines (spaces, a tab, a no-break space, a line separator) and over lines of marks alone.
KEYS = st.lists(
    st.tuples(
        st.sampled_from(["", "", "share", "a b c", "a b c d", "x" * 31, "поделиться", "分享 到", "😀 x"]),
        st.sampled_from(["", " ", "\t\u00a0", "\u2028", "**", "text"]),
    ),
    max_size=14,
)


def _buttons_then_runs(keys: list[str], lines: list[str], longest: int, spaces: int) -> list[list[int]]:
    """B005's runs as found before the kernel (session 31): the buttons, then runs of them
    joined where every line between two buttons has an empty key and a blank text."""
    buttons = [i for i, key in enumerate(keys) if key and len(key) <= longest and key.count(" ") <= spaces]
    runs: list[list[int]] = []
    run = buttons[:1]
    for prev, i in zip(buttons, buttons[1:]):
        if all(not keys[k] and not lines[k].strip() for k in range(prev + 1, i)):
            run.append(i)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [i]
    if len(run) >= 2:
        runs.append(run)
    return runs


@SOME
@given(KEYS, st.integers(-1, 36), st.integers(-1, 5))
def test_short_key_runs_equal_the_definition(pairs: list[tuple[str, str]], longest: int, spaces: int) -> None:
    keys = [k for k, _ in pairs]
    lines = [k or line for k, line in pairs]
    expected = native.py_short_key_runs(keys, lines, longest, spaces)
    assert _native.short_key_runs(keys, lines, longest, spaces) == expected
    assert expected == _buttons_then_runs(keys, lines, longest, spaces)


def test_short_key_runs_of_known_keys() -> None:
    keys = ["share", "", "facebook", "", "", "follow us on facebook", "twitter", "x", "", "分享", "微博"]
    lines = [
        "Share",
        " ",
        "Facebook",
        "**",
        "",
        "Follow us on Facebook",
        "Twitter",
        "X",
        "\u00a0",
        "分享",
        "微博",
    ]
    # the line of marks alone ends the first run; the long key ends a run of one
    assert _native.short_key_runs(keys, lines, 30, 2) == [[0, 2], [6, 7, 9, 10]]
    assert _native.short_key_runs(keys, lines, 30, 3) == [[0, 2], [5, 6, 7, 9, 10]]
    with pytest.raises(ValueError):
        _native.short_key_runs(keys, lines[:-1], 30, 2)
    with pytest.raises(TypeError):
        _native.short_key_runs([None], [""], 30, 2)  # type: ignore[list-item]
