"""S006's titles: the compiled kernel `lintnews._native.title_lines` equals its definition,
`rules.seo.title_lines.py_title_lines` (strip, candidate test, bullet, number, words), on lines
built from the characters where the two could part (Unicode white space, digits that are not
decimal, title-case letters, bullets and quotes) and on lines of several scripts; and the
definition itself on known lines."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lintnews.rules.seo.title_lines import MARKER_START, py_title, py_title_lines, title_lines
from lintnews.rules.seo.titles import TITLE_LONGEST, TITLE_QUOTES, TITLE_WORDS

from lintnews import _native

SOME = settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))

#: White space of `str.strip` beyond ASCII (\x1c-\x1f, NEL, no-break, ideographic, line
#: separator), bullets and quotes, ends no title has, decimal and non-decimal digits, upper,
#: lower and title-case letters (ǅ is neither upper nor lower), joiners of words, CJK, astral.
TRICKY = " \t\r\x0b\x0c\x1c\x1f\x85\xa0\u2000\u2028\u3000-*+•·▪►>\"“‘'’.,;:)!?_0129²½٣६ⅫAZÉΣЖabzéßσжǅİ三〇😀𝔸"
WORD = st.text(st.sampled_from(TRICKY), min_size=1, max_size=6)
#: Lines of a few words (most titles are) and lines of any length and character.
LINE = st.one_of(
    st.lists(WORD, max_size=18).map(" ".join),
    st.text(st.sampled_from(TRICKY), max_size=200),
    st.text(max_size=40),
)


def kernel(lines: list[str]) -> list[int]:
    return _native.title_lines(
        lines, TITLE_LONGEST, TITLE_WORDS[0], TITLE_WORDS[1], TITLE_QUOTES, MARKER_START
    )


@SOME
@given(st.lists(LINE, max_size=12))
def test_the_kernel_equals_the_definition(lines: list[str]) -> None:
    assert kernel(lines) == py_title_lines(lines)


#: Real-shaped lines of several scripts, titles and not.
SCRIPTS = [
    "John Edwards Trial: Bizarre Alternate Jury Antics",
    "  - Easy Triple Layer Mud Pie  ",
    "• Cajun Red Beans and Rice",
    "12. Moral Clarity in a Time of War",
    "4\\. Moral Clarity",
    "3 Ways to Cook a Perfect Steak",
    "² Footnote Like Line Here",
    "Die Regierung plant neue Steuern für Unternehmen",
    "Правительство объявило о новых мерах поддержки",
    "Η κυβέρνηση ανακοίνωσε νέα μέτρα στήριξης",
    "中国 经济 增长 放缓",
    "東京 の 天気 予報 です",
    "الحكومة تعلن عن إجراءات جديدة للدعم",
    "“Quoted Headline Starts Here Today”",
    "the council will vote on the plan in March.",
    "A Sentence That Ends With a Full Stop.",
    "Recipes:",
    "* * *",
    "\u3000Ideographic Space Around Title Words\u3000",
    "Title\u00a0With\u00a0No Plain Spaces",
    "ǅemal Title Case Letter First",
    "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen",
    "x" * 150 + " A B",
    "",
    "   ",
]


def test_the_kernel_equals_the_definition_on_lines_of_several_scripts() -> None:
    assert kernel(SCRIPTS) == py_title_lines(SCRIPTS)
    assert title_lines(SCRIPTS) == py_title_lines(SCRIPTS)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("John Edwards Trial: Bizarre Alternate Jury Antics", True),
        ("  - Easy Triple Layer Mud Pie  ", True),  # a bullet and the spaces around it stripped
        ("12. Moral Clarity in a Time of War", True),  # a number stripped (`headline`)
        ("3 Ways to Cook a Perfect Steak", True),  # a title's first digit
        ("12. ends in lower case", False),
        ("Правительство объявило о новых мерах поддержки", True),
        ("the council will vote on the plan in March", False),  # lower-case start
        ("A Sentence That Ends With a Full Stop.", False),
        ("Title\u00a0With\u00a0No\u00a0Plain Spaces", False),  # one space (U+0020) only
        ("Two Words", False),
        ("- two words", False),
        ("* * *", False),
        (
            "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen",
            False,
        ),
        ("x" * 150 + " A B C D E F G H I", False),  # longer than a title
    ],
)
def test_titles_of_known_lines(line: str, title: bool) -> None:
    assert py_title(line.strip()) is title
    assert kernel([line]) == ([0] if title else [])


def test_the_kernel_refuses_what_is_not_text() -> None:
    lines: list[object] = ["A Title Here", b"bytes"]
    with pytest.raises(TypeError):
        _native.title_lines(
            lines,  # type: ignore[arg-type]
            TITLE_LONGEST,
            TITLE_WORDS[0],
            TITLE_WORDS[1],
            TITLE_QUOTES,
            MARKER_START,
        )
