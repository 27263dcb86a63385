"""The kernels behind a document's normalised lines, stop-word profile and folded text equal their
Python definitions: on text of every script a crawl holds (Latin, Cyrillic, Greek, CJK, Arabic,
Hebrew, Indic, Thai, Hangul, emoji), mixed, empty, with lone surrogates, and on every code point."""

from __future__ import annotations

import random
from array import array

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintnews import _native, document, language, native, textnorm
from lintnews.document import Document

SOME = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))

#: Words of the scripts of a news crawl, stop words of several languages among them, numbers
#: of several scripts, and characters a word scanner could get wrong.
SCRIPT_WORDS = (
    "the of and said der die und nicht les est une que el los por het een się już "
    "новости москва и не в Αθήνα και το 新闻 预算 東京 ニュース 한국어 서울 "
    "الأخبار في من חדשות של समाचार और খবর এবং য় ข่าว และ "
    "2024 12 ½ ٣ ६ 𝟙 Ⅻ 三 ß ſ İ ı ﬁ é e\u0301 😀 𝔘𝔫𝔦 \ud800 \udfff x_y a’b"
).split()
SEPARATORS = (
    " ",
    "  ",
    "\n",
    "\n\n",
    ", ",
    " — ",
    "\t",
    "\u3000",
    "\xa0",
    "\u2028",
    "…",
    "«",
    "»",
    "_",
    "\r\n",
)


def script_text(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(SCRIPT_WORDS) + rng.choice(SEPARATORS) for _ in range(words))


TEXT = st.builds(
    lambda seed, n: script_text(random.Random(seed), n), st.integers(0, 2**32), st.integers(0, 80)
)
ANY_TEXT = st.one_of(TEXT, st.text(max_size=80))
SAMPLES = (1, 2, 3, 7, 40, 50_000)
TABLE = language._VOCABULARY
VOCABULARY = language._STOPWORD_INDEX


@SOME
@given(ANY_TEXT, st.sampled_from(SAMPLES))
def test_normalized_counts_equal_their_definition(text: str, sample: int) -> None:
    """The lines and the counts of their sampled words, from the table or the dict."""
    expected = language.py_normalized_counts(text, VOCABULARY, sample)
    assert expected[0] == native.py_normalized_lines(text)
    assert _native.normalized_counts(text, TABLE, sample) == expected
    assert _native.normalized_counts(text, VOCABULARY, sample) == expected


def test_normalized_counts_of_known_text() -> None:
    """Counted up to and including the line whose end reaches the sample: a line of 8
    characters ends at 8, so a sample of 9 reads the second line and one of 8 does not (the
    cut is at the first line break at or after sample - 1)."""
    text = "The cat, the DOG\nund die 2024 ½\n\nles 12"
    lines = ["The cat the DOG", "und die 2024 ½", "", "les 12"]
    vocabulary = {"the": 0, "und": 1, "die": 2, "les": 3}
    assert _native.normalized_counts(text, vocabulary, 50) == (lines, [1, 1, 1, 1], 10, 2)
    assert _native.normalized_counts(text, vocabulary, 16) == (lines, [1, 0, 0, 0], 4, 0)
    assert _native.normalized_counts(text, vocabulary, 17) == (lines, [1, 1, 1, 0], 8, 1)
    assert _native.normalized_counts("", vocabulary, 50) == ([""], [0, 0, 0, 0], 0, 0)


def test_alphanumeric_characters_are_those_of_str_isalnum_for_every_code_point() -> None:
    """The kernel's table of the Basic Multilingual Plane and its test above it: each code
    point but the line break and the space, surrogates too, between two letters on a line of its
    own."""
    chars = [chr(cp) for cp in range(0x110000) if cp not in (0x0A, 0x20)]
    text = "\n".join(f"a{c}b" for c in chars)
    lines = _native.normalized_counts(text, TABLE, 100)[0]
    assert lines == native.py_normalized_lines(text)
    assert sum(line == f"a{c}b" for c, line in zip(chars, lines)) == sum(c.isalnum() for c in chars)


def test_normalized_counts_refuse_what_count_words_refuses() -> None:
    with pytest.raises(ValueError, match="indices"):
        _native.normalized_counts("der", {"der": 5}, 10)
    with pytest.raises(TypeError):
        _native.normalized_counts("der", ["der"], 10)
    with pytest.raises(TypeError):
        _native.normalized_counts(b"der", TABLE, 10)


@SOME
@given(TEXT)
def test_a_document_s_lines_and_profile_are_those_of_their_definitions(text: str) -> None:
    doc = Document("a.txt", text)
    folded = textnorm.fold(text)
    assert doc.normalized_lines == native.py_normalized_lines(folded)
    assert doc.stopword_profile == language.profile_of_lines(native.py_normalized_lines(folded))


def test_casefold_of_ascii_read_a_word_at_a_time() -> None:
    """`casefold` folds eight (one byte a character) or four (two bytes) ASCII characters at a
    time: every ASCII character at every place of a word, beside characters of each width that
    fold to themselves or not, in texts of every length up to three words."""
    rng = random.Random(5)
    ascii_chars = [chr(c) for c in range(128)]
    others = ["é", "É", "ß", "ÿ", "µ", "’", "Σ", "ж", "Ж", "新", "İ", "K", "😀", "𐐀"]
    for _ in range(3000):
        chars = [rng.choice(ascii_chars) for _ in range(rng.randint(0, 26))]
        for _ in range(rng.randint(0, 2)):
            chars.insert(rng.randint(0, len(chars)), rng.choice(others))
        text = "".join(chars)
        assert _native.casefold(text) == text.casefold(), ascii(text)
    for c in ascii_chars:
        for at in range(9):
            for other in ("", "é", "’", "😀"):
                text = "Ab" * 4 + "x" * at + c + "Z" * (8 - at) + other + "QRSTUVWX"
                assert _native.casefold(text) == text.casefold(), ascii(text)


@SOME
@given(
    st.text(st.sampled_from([chr(c) for c in range(128)] + ["é", "’", "\u3000", "\u2028", "😀"]), max_size=60)
)
def test_line_keys_of_ascii_runs_equal_their_definition(text: str) -> None:
    """`line_keys` copies runs of ASCII characters that are neither white space nor emphasis
    marks without testing each: text of every ASCII character (controls, spaces, marks)."""
    assert _native.line_keys(text, textnorm.EDGE_CHARS) == native.py_line_keys(text, textnorm.EDGE_CHARS)
    lines = text.split("\n")
    assert _native.collapse_lines(lines, textnorm.EDGE_CHARS) == native.py_collapse_lines(
        lines, textnorm.EDGE_CHARS
    )


def test_digits_and_lower_case_are_those_of_str_for_every_code_point() -> None:
    """The kernels' table of the Basic Multilingual Plane (made when the module is) and their
    tests above it: each word character alone is a number to `normalized_counts` when
    `str.isdigit`, and a block's word starting in lower case when `str.islower`."""
    chars = [chr(cp) for cp in range(0x110000) if chr(cp).isalnum()]
    _, _, words, numbers = _native.normalized_counts("\n".join(chars), TABLE, 10**9)
    assert (words, numbers) == (len(chars), sum(c.isdigit() for c in chars))
    for c in chars:
        block = _native.Block(0, 0, 0, c, "list")
        assert (block.word_count, block.lower_count) == (1, c.islower()), hex(ord(c))


def test_word_characters_are_those_of_re_for_every_code_point() -> None:
    """`re`'s ``\\w`` (alphanumeric or "_") from the kernels' table: the words of every code
    point, each on a line of its own, and the block traits counting them."""
    text = "\n".join(chr(cp) for cp in range(0x110000) if cp != 0x0A)
    assert _native.words(text) == native.py_words(text)
    assert _native.Block(0, 0, 0, text, "list").word_count == len(native.py_words(text))


@SOME
@given(ANY_TEXT)
def test_line_starts_from_the_lines_are_those_of_the_text(text: str) -> None:
    """`Document.line_starts` summed from its lines' lengths, compiled and in Python: 0 and the
    offset after each line break of the text."""
    lines = text.split("\n")
    expected = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
    assert (
        _native.line_starts_of(lines) == document.py_line_starts_of(lines) == array("q", expected).tobytes()
    )
    assert list(Document("a.txt", text).line_starts) == expected


def test_line_starts_from_the_lines_refuse_what_is_not_lines() -> None:
    with pytest.raises(TypeError):
        _native.line_starts_of(("a", "b"))
    with pytest.raises(TypeError):
        _native.line_starts_of(["a", b"b"])


def test_lines_and_keys_are_made_in_the_width_of_their_widest_character() -> None:
    """The normalised lines and the line keys are made from the kernels' buffers in the width
    their widest character needs (``str_of``: from the characters or'ed as they are copied), or
    the line's own width when an edge character stripped off was the widest: a str of another
    width than that is unequal to the same characters in the right one, so each line equals its
    definition's. Each character at the edges and inside lines of text of every width."""
    wide = ["é", "ÿ", "Ā", "»", "–", "▶", "’", "新", "😀", "𝔘", "\xa0", "*"]
    lines = []
    for a in wide:
        for b in wide:
            lines += [f"{a}word{b}", f"{a} word {b}", f"x{a}y{b}z", f"{a}", f"  {a}{b}  ", f"word {a}{b}"]
    for text in (
        "\n".join(lines),
        "\n".join(lines) + "\n新",
        "\n".join(lines) + "\n😀",
        "\n".join(lines).casefold(),
    ):
        expected = language.py_normalized_counts(text, VOCABULARY, 50_000)
        assert _native.normalized_counts(text, TABLE, 50_000) == expected
        keys = _native.line_keys(text, textnorm.EDGE_CHARS)
        assert keys == native.py_line_keys(text, textnorm.EDGE_CHARS)
        split = text.split("\n")
        assert _native.collapse_lines(split, textnorm.EDGE_CHARS) == native.py_collapse_lines(
            split, textnorm.EDGE_CHARS
        )


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("", [""]),
        ("\n", ["", ""]),
        ("a\n", ["a", ""]),
        ("\n\n  b  ", ["", "", "b"]),
        (" **Read more:** \n\n_Share_\n", ["read more", "", "share", ""]),
        ("x\r\ny\t\n»\u3000z«\n", ["x", "y", "z", ""]),
    ],
)
def test_line_keys_end_each_line_at_its_line_break(text: str, keys: list[str]) -> None:
    """`line_keys` finds where each line ends in the pass that collapses it: empty lines at the
    start, the end and in a row, and lines that emphasis is stripped from (read again)."""
    assert _native.line_keys(text.casefold(), textnorm.EDGE_CHARS) == keys
    assert native.py_line_keys(text.casefold(), textnorm.EDGE_CHARS) == keys
