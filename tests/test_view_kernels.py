"""Session 44's kernels behind the shared document views equal their Python definitions on text of
every script a crawl holds (see tests/test_language_kernels.py for the texts): a document's
normalised lines with its stop-word scores (`language.normalized_scores`), the quotes its line keys
straighten as they are read (`native.line_keys`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_language_kernels import ANY_TEXT, SAMPLES, SOME, TABLE, VOCABULARY

from lintnews import _native, language, native, textnorm

SETS, LANGUAGES = language._SET_LANGUAGES, language._LANGUAGES


@SOME
@given(ANY_TEXT, st.sampled_from(SAMPLES))
def test_normalized_scores_equal_their_definition(text: str, sample: int) -> None:
    """The kernel, its twin, and the counts and `_scores` of `normalized_counts` they replace."""
    expected = language.py_normalized_scores(text, VOCABULARY, sample, SETS, LANGUAGES)
    assert _native.normalized_scores(text, TABLE, sample, SETS, LANGUAGES) == expected
    assert _native.normalized_scores(text, VOCABULARY, sample, SETS, LANGUAGES) == expected
    lines, counts, words, numbers = language.py_normalized_counts(text, VOCABULARY, sample)
    assert expected == (lines, counts[: len(SETS)], language._scores(counts), words, numbers)
    assert list(expected[2]) == list(LANGUAGES)


def test_normalized_scores_of_known_text() -> None:
    """Each language's score sums the counts of the sets it is in; counted up to the sample as
    `normalized_counts` counts."""
    text = "The cat, the DOG\nund die 2024 ½\n\nles 12 the"
    lines = ["The cat the DOG", "und die 2024 ½", "", "les 12 the"]
    vocabulary = {"the": 0, "und": 1, "die": 2, "les": 3}
    sets = ((0,), (1,), (1, 2), (2, 0))
    found = _native.normalized_scores(text, vocabulary, 50, sets, ("en", "de", "fr"))
    # ("The" is no "the": the text is folded before, not here)
    assert found == (lines, [2, 1, 1, 1], {"en": 3, "de": 2, "fr": 2}, 11, 2)
    found = _native.normalized_scores(text, vocabulary, 16, sets, ("en", "de", "fr"))
    assert found == (lines, [1, 0, 0, 0], {"en": 1, "de": 0, "fr": 0}, 4, 0)
    assert _native.normalized_scores("", vocabulary, 50, sets, ("en", "de", "fr")) == (
        [""],
        [0, 0, 0, 0],
        {"en": 0, "de": 0, "fr": 0},
        0,
        0,
    )


def test_normalized_scores_refuse_sets_that_do_not_fit() -> None:
    """A word of an index with no set, a set naming no language, sets that are no tuples."""
    vocabulary = {"der": 0, "und": 1}
    for run in (_native.normalized_scores, language.py_normalized_scores):
        with pytest.raises(ValueError, match="set for every index"):
            run("der und", vocabulary, 10, ((0,),), ("de",))
        assert run("der", vocabulary, 10, ((0,),), ("de",))[1:3] == ([1], {"de": 1})
    with pytest.raises(ValueError, match="indices into languages"):
        _native.normalized_scores("der", vocabulary, 10, ((0,), (1,)), ("de",))
    with pytest.raises(TypeError):
        _native.normalized_scores("der", vocabulary, 10, [(0,), (0,)], ("de",))
    with pytest.raises(TypeError):
        _native.normalized_scores("der", vocabulary, 10, ((0,), [0]), ("de",))


#: Characters to replace and replace them by: the quotes `line_keys_of` straightens, white space of
#: every kind, emphasis marks, ASCII, Latin-1, marks that combine, CJK, astral characters, a lone
#: surrogate (the kernel refuses some of them: its twin refuses the same).
SOME_CHARS = "’‘“”„«»\xa0'\" a_*\n\t\u2028\u3000\u2009\x85é\u0301ß€—文\uff0c𝔘😀\ud800"


@SOME
@given(
    ANY_TEXT,
    st.lists(st.sampled_from(SOME_CHARS), max_size=12),
    st.lists(st.sampled_from(SOME_CHARS), max_size=12),
    st.sampled_from(["", "*", "_ *", "**", "*_~"]),
)
def test_line_keys_replacing_characters_equal_their_definition(
    text: str, froms: list[str], tos: list[str], marks: str
) -> None:
    """The keys of the text with the characters replaced as they are read, or both refuse."""
    text = marks.join((text, "".join(froms[::2]), text, "".join(froms[1::3])))
    froms_s, tos_s = "".join(froms), "".join(tos[: len(froms)]).ljust(len(froms), "x")
    strip = textnorm.EDGE_CHARS
    try:
        expected = native.py_line_keys(text, strip, froms_s, tos_s)
    except ValueError:
        with pytest.raises(ValueError):
            _native.line_keys(text, strip, froms_s, tos_s)
        return
    assert _native.line_keys(text, strip, froms_s, tos_s) == expected


@SOME
@given(ANY_TEXT, st.text(alphabet=SOME_CHARS, max_size=30))
def test_line_keys_straighten_quotes_as_one_replace_a_quote(text: str, more: str) -> None:
    """`line_keys_of` of a folded text: the keys of the text with each quote replaced in turn."""
    folded = textnorm.fold(text + more + text)
    straight = folded
    for char, replacement in textnorm.QUOTE_PAIRS:
        straight = straight.replace(char, replacement)
    keys = textnorm.line_keys_of(folded)
    assert keys == native.py_line_keys(straight, textnorm.EDGE_CHARS)


def test_line_keys_replacing_quotes_of_known_text() -> None:
    froms, tos, strip = textnorm._QUOTE_FROMS, textnorm._QUOTE_TOS, textnorm.EDGE_CHARS
    text = "«Nein», sagt’s\xa0er\n**„Mehr“**\n*Tipp’*:  siehe «hier»\n文’"
    # (quotes straightened before the emphasis goes: the "*" after "Tipp’" goes as after a "'")
    assert _native.line_keys(text, strip, froms, tos) == [
        "Nein\", sagt's er",
        "Mehr",
        "Tipp': siehe \"hier",
        "文",
    ]
    assert _native.line_keys("no quote", strip, froms, tos) == ["no quote"]
    with pytest.raises(ValueError, match="same length"):
        _native.line_keys("ab", strip, "«»", "'")
    with pytest.raises(ValueError, match="no wider"):
        _native.line_keys("ab«", strip, "«", "文")
    with pytest.raises(ValueError, match="U\\+0080"):
        _native.line_keys("ab", strip, "a", "b")
