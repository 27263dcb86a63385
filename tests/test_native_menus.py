"""B028's kernel (`menu_kinds` in lintnews/_native.c) answers what `menu_shapes.line_kind` answers
for every line it does not leave to it, on generated lines of menu items, rows of links, archive
entries, bylines and prose in Latin, Cyrillic, CJK, Bengali, Arabic and Thai text; its pure-Python
definition leaves every line to `line_kind`."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lintnews.rules.chrome.menu_shapes import BLANK, ITEM, TITLED, line_kind

from lintnews import _native, native
from lintnews.native_chrome import MENU_ASK

SOME = settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))

#: Pieces of menu lines and of what is not one: markers, words of every case and script, the
#: characters an item may hold and those it may not, separators, digits of years and counts,
#: brackets, full stops, blanks of every width, the first words of bylines (one written with a
#: ligature that folds to ASCII), and a character outside the Basic Multilingual Plane.
PIECES = st.sampled_from(
    [
        "* ",
        "- ",
        "## ",
        "####### ",
        "> ",
        "• ",
        "► ",
        "#",
        "*",
        " ",
        "  ",
        "\t",
        "\u00a0",
        "\u3000",
        "Home",
        "News",
        "sport",
        "Arts",
        "culture",
        "Q&A",
        "Sci-Fi",
        "Children's",
        "Children’s",
        "&",
        "Новости",
        "новости",
        "新闻",
        "社情民意调查",
        "𠀀",
        "খেলা",
        "\u09be",
        "رياضة",
        "ข่าว",
        "ภาพ",
        "\u064e",
        "\u0301",
        "ʻ",
        "Ärzte",
        "ÉTÉ",
        "²",
        "_",
        "x_y",
        "İ",
        "ǅ",
        "By",
        "by",
        "BY",
        "Posted",
        "Von",
        "written",
        "poﬆed",
        "ſ",
        "K",
        " | ",
        "|",
        " • ",
        "·",
        " : ",
        ":",
        " / ",
        "/",
        " – ",
        "—",
        " » ",
        "›",
        "2012",
        "1999",
        "20",
        "7",
        "٣",
        "(",
        ")",
        "(5)",
        "(123456)",
        "November",
        "nov",
        ".",
        "U.S.",
        ",",
        "!",
        "…",
        '"',
        "”",
        "'",
        "😀",
    ]
)
LINES = st.lists(PIECES, max_size=9).map("".join)


@SOME
@given(st.lists(LINES, max_size=12))
def test_menu_kinds_agree_with_line_kind(lines: list[str]) -> None:
    kinds = _native.menu_kinds(lines)
    assert len(kinds) == len(lines)
    for line, kind in zip(lines, kinds):
        assert kind == MENU_ASK or kind == line_kind.__wrapped__(line), (line, kind)


def test_menu_kinds_of_known_lines() -> None:
    lines = [
        "Home",  # an item in title case
        "  * Arts and culture",  # an item whose long word is in lower case
        "## Q&A",  # a heading's marker, an item of one word with "&" in it
        "The council approved the budget on Tuesday.",  # a sentence
        "",  # a blank line
        "   \u00a0",  # white space of other widths
        "By Jane Smith",  # a byline
        "новости",  # a lower-case first word
        "Новости спорта",  # a Cyrillic item, its second word in lower case
        "新闻",  # no letter case in Chinese: an item in title case
        "রাজনীতি",  # Bengali's vowel signs (combining marks): left to line_kind
        "الأحوال الجوية",  # Arabic, no letter case: an item in title case
        "出去露營能吃到如此豐盛",  # eleven Chinese characters: a comment's sentence, no item
        "ภาพ",  # Thai (no marks): unmeasured, no item
        "About Us | Contact | Privacy",  # maybe a row of links: left to line_kind
        "Candy (5)",  # maybe an archive entry
        "November 2012",  # maybe an archive entry
        "Updated 12",  # a digit at the end, but no year: nothing
        "Call (555) 123",  # a bracket inside, a digit at the end: nothing
        "U.S.",  # maybe an abbreviation
        "|",  # a separator alone
        "Poﬆed Today",  # a first word that folds to a byline's
        "One Two Three Four Five",  # five words
        "x" * 300,  # a paragraph
        "  *   *     * Portal",  # a nested list's empty parents: left to line_kind (MARKER takes all)
        "  * #### Car Reviews",  # a heading in an item: left to line_kind
    ]
    expected = [
        ITEM | TITLED, ITEM, ITEM | TITLED, 0, BLANK, BLANK, 0, 0, ITEM, ITEM | TITLED,
        MENU_ASK, ITEM | TITLED, 0, 0, MENU_ASK, MENU_ASK, MENU_ASK, 0, 0, MENU_ASK, MENU_ASK, MENU_ASK, 0, 0,
        MENU_ASK, MENU_ASK,
    ]  # fmt: skip
    assert list(_native.menu_kinds(lines)) == expected
    # every marker is taken: the items are "Portal" and "Car Reviews"
    assert [line_kind.__wrapped__(line) for line in lines[-2:]] == [ITEM | TITLED, ITEM | TITLED]
    # a Bengali section name is read without its vowel signs: one word, uncased
    assert line_kind.__wrapped__("রাজনীতি") == ITEM | TITLED
    assert line_kind.__wrapped__("* রাজনীতি, খেলা") == 0
    # Thai, Lao, Myanmar and Khmer start no item, marks or none (`menu_items.UNSPACED`)
    assert line_kind.__wrapped__("* ข่าว") == line_kind.__wrapped__("ภาพ") == 0
    for line, kind in zip(lines, expected):
        if kind != MENU_ASK:
            assert line_kind.__wrapped__(line) == kind, line
    assert native.py_menu_kinds(lines) == bytes([MENU_ASK]) * len(lines)
    assert _native.menu_kinds([]) == b""
    for bad in (("Home",), ["Home", b"News"]):
        with pytest.raises(TypeError):
            _native.menu_kinds(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            native.py_menu_kinds(bad)  # type: ignore[arg-type]
