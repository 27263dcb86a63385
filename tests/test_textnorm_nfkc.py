"""`textnorm.SURELY_NFKC`: a text made of its characters alone is in NFKC, whatever their order,
so `textnorm.fold` skips `unicodedata.is_normalized` for it. Every character of the table is
checked against the properties `unicodedata` gives it, and `fold` stays NFKC and case folding
of the whole text on texts of those characters mixed with others."""

from __future__ import annotations

import random
import unicodedata
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintnews import _native, native, textnorm


@lru_cache(maxsize=1)
def second_of_a_composition() -> frozenset[int]:
    """Code points that are the second character of a canonical decomposition of two (so a
    character before them may compose with them), and the Hangul vowel and trailing jamo that
    compose with the syllable before them by the algorithm."""
    found = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
    for cp in range(0x110000):
        parts = unicodedata.decomposition(chr(cp)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            found.add(int(parts[1], 16))
    return frozenset(found)


def sure() -> list[int]:
    return [cp for cp in range(len(textnorm.SURELY_NFKC)) if textnorm.SURELY_NFKC[cp]]


def test_every_character_of_the_table_is_a_starter_in_nfkc_that_nothing_composes_with() -> None:
    second = second_of_a_composition()
    chars = sure()
    assert len(chars) > 30_000  # CJK, Hangul, Latin, Cyrillic, Arabic... (not a token table)
    for cp in chars:
        char = chr(cp)
        assert unicodedata.category(char) != "Cn", hex(cp)  # assigned: its properties are stable
        assert unicodedata.combining(char) == 0, hex(cp)
        assert unicodedata.is_normalized("NFKC", char), hex(cp)
        assert cp not in second, hex(cp)
    table = textnorm.SURELY_NFKC
    assert all(table[cp] == 1 for cp in range(128))
    for left_out in "\u00a0\u2026\uff0c\u3000\u0301\u09be\u1161\u0e33\u2122":  # NO or MAYBE
        assert not native.all_in(left_out, table)


def test_texts_of_those_characters_are_in_nfkc() -> None:
    chars = sure()
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(chr(rng.choice(chars)) for _ in range(rng.randint(1, 8)))
        assert native.all_in(text, textnorm.SURELY_NFKC)
        assert unicodedata.is_normalized("NFKC", text), [hex(ord(c)) for c in text]


MIXED = st.text(
    st.one_of(
        st.sampled_from("aZé ß\n–’“”…\u00a0\u3000，新闻Ωжা\u09be\u0301ে\u1100\u1161각ä\u0308ﬁ™①😀"),
        st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)),
    ),
    max_size=40,
)


@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(MIXED)
def test_fold_is_nfkc_and_case_folding_of_the_whole_text(text: str) -> None:
    assert textnorm.fold(text) == unicodedata.normalize("NFKC", text).casefold()


def test_the_compatibility_characters_fold_replaces_are_not_in_nfkc_and_become_ascii() -> None:
    """What lets `fold` replace them before it looks for lines to normalise: each is not in
    NFKC, and each is replaced by ASCII characters, its NFKC (so a line of `SURELY_NFKC` and
    those characters is in NFKC afterwards)."""
    for char, replacement in textnorm._DECOMPOSED.items():
        assert not unicodedata.is_normalized("NFKC", char), hex(ord(char))
        assert replacement.isascii() and replacement == unicodedata.normalize("NFKC", char)
    for text in ["Read\u00a0more…", "新闻，评论（２０２４）\u3000完", "plain"]:
        assert textnorm.fold(text) == unicodedata.normalize("NFKC", text).casefold()


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(MIXED)
def test_the_lines_that_may_need_normalising_are_those_of_the_definition(text: str) -> None:
    """`lines_outside`: the lines holding a character that is not `SURELY_NFKC`, each once,
    compiled and in Python; every other line is in NFKC."""
    found = textnorm.lines_outside(text, textnorm.SURELY_NFKC)
    assert found == textnorm.py_lines_outside(text, textnorm.SURELY_NFKC)
    assert _native.lines_outside(text, textnorm.SURELY_NFKC) == found
    lines = text.split("\n")
    assert all(unicodedata.is_normalized("NFKC", line) for i, line in enumerate(lines) if i not in found)


def test_the_lines_that_may_need_normalising_of_known_text() -> None:
    text = "plain\nBengali য়\n\n™ and ²\nCJK 新闻\n😀\n\u0301"
    assert _native.lines_outside(text, textnorm.SURELY_NFKC) == [1, 3, 5, 6]
    assert _native.lines_outside(text, b"") == [0, 1, 3, 4, 5, 6]
    assert _native.lines_outside("", textnorm.SURELY_NFKC) == []
    with pytest.raises(TypeError):
        _native.lines_outside(b"x", textnorm.SURELY_NFKC)
