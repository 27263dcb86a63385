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
    assert textnorm.fold(text) == unicodedata.normalize("NFKC", text).casefold().replace("i\u0307", "i")


def test_the_compatibility_characters_fold_replaces_are_not_in_nfkc_and_become_ascii() -> None:
    """What lets `fold` replace them before it looks for lines to normalise: each is not in
    NFKC, and each is replaced by ASCII characters, its NFKC (so a line of `SURELY_NFKC` and
    those characters is in NFKC afterwards)."""
    for char, replacement in textnorm._DECOMPOSED.items():
        assert not unicodedata.is_normalized("NFKC", char), hex(ord(char))
        assert replacement.isascii() and replacement == unicodedata.normalize("NFKC", char)
    for text in ["Read\u00a0more…", "新闻，评论（２０２４）\u3000完", "plain"]:
        assert textnorm.fold(text) == unicodedata.normalize("NFKC", text).casefold().replace("i\u0307", "i")


@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(MIXED)
def test_the_spans_that_may_need_normalising_are_those_of_the_definition(text: str) -> None:
    """`fold_scan`, compiled and in Python: the text with the compatibility characters
    replaced, and spans from a stable character to the next; outside them the text is in
    NFKC, and each span's NFKC put in its place gives the NFKC of the whole text."""
    found = _native.fold_scan(text, textnorm._FOLD_TABLE, textnorm._REPLACEMENTS)
    assert found == textnorm.py_fold_scan(text, textnorm._FOLD_TABLE, textnorm._REPLACEMENTS)
    if found is None:
        assert unicodedata.is_normalized("NFKC", text)
        return
    replaced, spans = found
    assert spans == sorted(spans) and len(spans) % 2 == 0
    pieces, at = [], 0
    for start, end in zip(spans[::2], spans[1::2]):
        assert unicodedata.is_normalized("NFKC", replaced[at:start])
        pieces += [replaced[at:start], unicodedata.normalize("NFKC", replaced[start:end])]
        at = end
    assert "".join([*pieces, replaced[at:]]) == unicodedata.normalize("NFKC", text)


def test_runs_of_ascii_read_a_vector_at_a_time_end_where_the_definition_s_do() -> None:
    """`fold_scan` skips runs of ASCII characters 16 bytes at a time when its table marks every
    ASCII character stable (fold's does), else a character at a time: a character of each kind
    (stable, replaced, to normalise) at every place of runs of up to 40 ASCII characters, in
    texts of one, two and four bytes a character, with fold's table and with one that marks "q"
    unstable."""
    table, replacements = textnorm._FOLD_TABLE, textnorm._REPLACEMENTS
    no_q = table[: ord("q")] + b"\x00" + table[ord("q") + 1 :]
    for other in ("é", "\u0301", "\xa0", "…", "新", "™", "😀"):
        for width in ("", "\u2019", "😀"):  # (a character that makes the text two or four bytes wide)
            for size in range(41):
                for at in range(size + 1):
                    text = width + "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMN"[:size]
                    text = text[: len(width) + at] + other + text[len(width) + at :]
                    for scan_table in (table, no_q):
                        found = _native.fold_scan(text, scan_table, replacements)
                        assert found == textnorm.py_fold_scan(text, scan_table, replacements), ascii(text)


def test_the_spans_that_may_need_normalising_of_known_text() -> None:
    """A span starts at the stable character before (here "e", "a" and the start) and ends
    before the next (" ", "b" and the end); "…" and "，" are replaced, not spans."""
    scan = textnorm.fold_scan
    table, replacements = textnorm._FOLD_TABLE, textnorm._REPLACEMENTS
    assert scan("plain text 新闻", table, replacements) is None
    assert scan("", table, replacements) is None
    assert scan("wait… ok，ok", table, replacements) == ("wait... ok,ok", [])
    assert scan("cafe\u0301 ok", table, replacements) == ("cafe\u0301 ok", [3, 5])
    assert scan("\u0301a\u0301\u0308b™", table, replacements) == ("\u0301a\u0301\u0308b™", [0, 1, 1, 4, 4, 6])
    assert scan("x…\u0301", table, replacements) == ("x...\u0301", [3, 5])
    with pytest.raises(TypeError):
        _native.fold_scan(b"x", table, replacements)
    with pytest.raises(KeyError):
        _native.fold_scan("…", table, {})


def test_a_dotted_capital_i_folds_to_a_plain_i_in_line_keys_and_folded_text() -> None:
    """Case folding makes the Turkish "İ" an "i" and a combining dot above: `textnorm.undotted`
    drops the dot, so a heading in capitals has the key of the same words in lower case, in the
    one-line `line_key` and in a document's keys (`fold`, then the kernel's `line_keys_of`)."""
    lines = ["İLGİLİ HABERLER", "Diğer Haberler", "DİĞER HABERLER", "İstanbul'da SİZİN İÇİN", "KIŞ"]
    assert [textnorm.line_key(line) for line in lines] == [
        "ilgili haberler",
        "diğer haberler",
        "diğer haberler",
        "istanbul'da sizin için",
        "kiş",  # (a dotless capital "I" folds to "i": which letter it stands for is the language's)
    ]
    folded = textnorm.fold("\n".join(lines))
    assert "\u0307" not in folded and len(folded) == len("\n".join(lines))
    assert textnorm.line_keys_of(folded) == [textnorm.line_key(line) for line in lines]
    # a combining dot above anything but an "i" is kept (NFKC composes most: "Ż" is one letter; "q" takes none)
    assert textnorm.fold("Ż Q\u0307") == "ż q\u0307"
