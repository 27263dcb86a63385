"""The compiled kernels (lintnews/_native.c) equal their pure-Python definitions (lintnews/native.py).

The extension is optional for users (the install succeeds without a C compiler), but this suite
expects it built: every machine the project runs its tests on has gcc, and a kernel that failed
to build would otherwise go unnoticed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintnews import _native, language, language_scripts, native
from lintnews.packs import first_pass

SOME = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
ROOT = Path(__file__).resolve().parent.parent

#: Characters where a word scanner could go wrong: the apostrophes and hyphen that join words,
#: the underscore (a word character for `re`, not a letter), digits and numerals of other
#: scripts, combining marks, line breaks and other separators, characters outside the BMP.
TRICKY = " \n\r\t\x0b\x0c\x1c\x85\u2028\u00a0'’‘-–—_.,;:!?\"()[]abcXYZßİﬁ019²½٣६Ⅻ三〇\u0301\u0308é😀𝔸𝟙"
TEXT = st.one_of(st.text(st.sampled_from(TRICKY), max_size=60), st.text(max_size=60))


def test_the_extension_is_built_and_used() -> None:
    assert native.compiled is _native or os.environ.get("LINTNEWS_PURE_PYTHON")
    assert not hasattr(_native, "sha1_hash32_spans")  # one shingle hash: XXH3 (lintnews.hashing)


@SOME
@given(TEXT)
def test_words_equal_the_regex_definition(text: str) -> None:
    assert _native.words(text) == native.py_words(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("It's a well-known state-of-the-art fact", ["It's", "a", "well-known", "state-of-the-art", "fact"]),
        ("rock 'n' roll -- end- -start", ["rock", "n", "roll", "end", "start"]),
        ("l’homme d’État snake_case x1", ["l’homme", "d’État", "snake_case", "x1"]),
        ("", []),
    ],
)
def test_words_of_known_text(text: str, words: list[str]) -> None:
    assert _native.words(text) == words


def test_normalized_lines_of_known_text() -> None:
    text = "Héllo, WORLD_wide —  it's\n\n  ½ x\r\nlast…"
    lines = ["Héllo WORLD wide it s", "", "½ x", "last"]
    assert native.py_normalized_lines(text) == lines == _native.normalized_counts(text, {}, 1)[0]


@pytest.mark.parametrize("prefix", ["", "— ", "中"])
def test_normalized_counts_of_words_at_any_length(prefix: str) -> None:
    """Words of ASCII letters and digits (copied 16 characters at a time) of every length, ended
    by a letter of another script, a mark, a line break or the text's end, are the lines and
    counts of the definition, in texts of one, two and four bytes a character."""
    vocabulary = {"the": 0, "and": 1, "x" * 20: 2, "der": 3}
    for k in range(1, 40):
        for end in ("", " ", "\n", "é", "Д", "’", "_", "0", "𝟙", ", the and"):
            text = prefix + " the " + "x" * k + end + " der 2024 Und the\nand " + "y" * k
            expected = language.py_normalized_counts(text, vocabulary, 50_000)
            assert _native.normalized_counts(text, vocabulary, 50_000) == expected, text
    assert _native.normalized_counts(
        "the " + "x" * 20 + "\nand 12345678901234567 the", vocabulary, 50_000
    ) == (
        ["the " + "x" * 20, "and 12345678901234567 the"],
        [2, 1, 1, 0],
        5,
        1,
    )


def test_kernels_refuse_what_is_not_text() -> None:
    with pytest.raises(TypeError):
        _native.words(b"bytes")
    with pytest.raises(TypeError):
        _native.normalized_counts(None, {}, 1)


def _lint(env: dict[str, str]) -> list[dict[str, object]]:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "lintnews",
            "check",
            "--isolated",
            "--no-cache",
            "--select",
            "ALL",
            "--format",
            "json",
            "fixtures",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    found: list[dict[str, object]] = json.loads(proc.stdout)
    return found


def test_every_diagnostic_is_the_same_without_the_extension() -> None:
    env = {k: v for k, v in os.environ.items() if k != "LINTNEWS_PURE_PYTHON"}
    compiled = _lint(env)
    pure = _lint({**env, "LINTNEWS_PURE_PYTHON": "1"})
    assert len(compiled) >= 13
    assert compiled == pure


VOCABULARY = {w: i for i, w in enumerate(["der", "the", "de", "la", "ı", "ß", "2", "a b"])}
WORDISH = st.lists(
    st.one_of(
        st.sampled_from([*VOCABULARY, "2024", "²", "٣", "x", "Der"]),
        st.text(st.sampled_from(TRICKY), max_size=5),
    ),
    max_size=30,
)


@SOME
@given(WORDISH, st.sampled_from([" ", "\n", "  \t", "\u2028", "\xa0"]))
def test_count_words_equals_the_split_definition(words: list[str], sep: str) -> None:
    text = sep.join(words)
    assert _native.count_words(text, VOCABULARY) == native.py_count_words(text, VOCABULARY)


def test_count_words_refuses_a_bad_vocabulary() -> None:
    with pytest.raises(ValueError, match="indices"):
        _native.count_words("der", {"der": 5})
    with pytest.raises(TypeError):
        _native.count_words("der", {1: 0})


@SOME
@given(st.lists(TEXT, max_size=8), st.sampled_from([" -–—•*#>|».,!?…_'\"()", "", "x", "😀é"]))
def test_collapse_lines_equals_the_split_definition(lines: list[str], strip: str) -> None:
    assert _native.collapse_lines(lines, strip) == native.py_collapse_lines(lines, strip)


#: Line text where the emphasis branches of `line_keys` could go wrong: runs of one to five
#: "*" and "_" (the underscore a word character too) after and before words, spaces, the
#: punctuation of the look-behind, the "¿" and "¡" of the look-ahead, a line's ends.
MARKED = st.text(st.sampled_from(" \t\n*_*_**__a9É三.!?:…)\"'¿¡-#😀"), max_size=40)


@SOME
@given(st.one_of(TEXT, MARKED), st.sampled_from([" -–—•*#>|».,!?…_'\"()", "", "😀é"]))
def test_line_keys_equal_the_regex_definition(text: str, strip: str) -> None:
    assert _native.line_keys(text, strip) == native.py_line_keys(text, strip)


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("**read more:**", "read more"),
        ("* item", "* item"),  # a bullet's star: no emphasis
        ("_ähnliche beiträge_", "ähnliche beiträge"),
        ("marked with * are required", "marked with * are required"),
        ("snake_case and __init__", "snake_case and init"),
        ("****a", "*a"),  # three marks at most, the first star left
        ("¿**qué?**", "¿qué"),
        ("done.*** next", "done. next"),
    ],
)
def test_line_keys_of_known_text(line: str, key: str) -> None:
    assert _native.line_keys(f"{line}\n", " :?") == [key, ""]


@SOME
@given(
    st.one_of(TEXT, st.text(st.sampled_from("ab\u00a0\u2026\u3000\uff01\uff5e\uff5f三😀"), max_size=40)), TEXT
)
def test_chars_in_equals_the_set_definition(text: str, chars: str) -> None:
    chars = "".join(c for c in chars if ord(c) <= 0xFFFF) + "\u00a0\u2026\uff01"
    assert _native.chars_in(text, chars) == native.py_chars_in(text, chars)


def test_chars_in_of_known_text() -> None:
    assert _native.chars_in("a\u00a0b\uff01\uff01…三", "\uff01\u00a0\u3000…") == {"\u00a0", "\uff01", "…"}
    assert _native.chars_in("😀 text", "") == set()
    with pytest.raises(ValueError, match="Multilingual"):
        _native.chars_in("a", "😀")


@SOME
@given(st.one_of(TEXT, st.text(st.sampled_from("AZaz@[`{ÀÞßİıſﬁΣσςẞᾈ\u0130Ǆǅ三😀𐐀𞤀\ud800"), max_size=60)))
def test_casefold_equals_str_casefold(text: str) -> None:
    assert _native.casefold(text) == native.py_casefold(text) == text.casefold()


def test_casefold_folds_every_character_as_str_casefold_does() -> None:
    """Every code point alone, after an ASCII letter, and all of them in one text (of each
    width: Latin-1, BMP, astral)."""
    every = [chr(c) for c in range(0x110000)]
    for ch in every:
        assert _native.casefold(ch) == ch.casefold(), hex(ord(ch))
        assert _native.casefold("Q" + ch) == ("Q" + ch).casefold(), hex(ord(ch))
    for text in ("".join(every[:256]), "".join(every[:0x10000]), "".join(every)):
        assert _native.casefold(text) == text.casefold()
    assert _native.casefold("Straße İstanbul ΣΑΣ ﬁ") == "strasse i̇stanbul σασ fi"
    assert _native.casefold("") == ""
    with pytest.raises(TypeError):
        _native.casefold(b"abc")  # type: ignore[arg-type]


def test_minhash_refuses_counts_that_do_not_add_up() -> None:
    a = b = np.ones(4, dtype=np.uint32)
    hashes = np.arange(5, dtype=np.uint32)
    with pytest.raises(ValueError, match="add up"):
        _native.minhash_affine32(hashes, np.array([2, 2], dtype=np.int64), a, b)
    with pytest.raises(ValueError, match="add up"):
        _native.minhash_affine32(hashes, np.array([6, -1], dtype=np.int64), a, b)
    with pytest.raises(ValueError, match="one length"):
        _native.minhash_affine32(hashes, np.array([5], dtype=np.int64), a, np.ones(3, dtype=np.uint32))


@pytest.mark.parametrize("vector", [True, False], ids=["vector", "scalar"])
@pytest.mark.parametrize("perms", [1, 7, 8, 9, 31, 32, 33, 40, 64, 100, 128, 131, 256])
def test_minhash_equals_its_numpy_definition(perms: int, vector: bool) -> None:
    """The kernel (blocked by 32 and 8 permutations where the CPU has AVX2, the rest one by one)
    gives numpy's minimum of ``a * fmix32(h) + b`` (mod 2**32) for every permutation and
    document, on random permutations (even multipliers too) and documents of 0 to 700 hashes."""
    from lintnews.minhash import fmix32

    rng = np.random.default_rng(perms)
    was = _native._vector_paths(vector)
    try:
        _minhash_rounds(rng, perms, fmix32)
    finally:
        _native._vector_paths(was)


def _minhash_rounds(rng: np.random.Generator, perms: int, fmix32: Any) -> None:
    for _ in range(5):
        counts = rng.integers(0, 700, size=int(rng.integers(1, 9)))
        counts[rng.integers(0, len(counts))] = 0  # (a document without shingles)
        hashes = rng.integers(0, 1 << 32, size=int(counts.sum()), dtype=np.uint32)
        if len(hashes):  # (the extremes, and one value many times)
            hashes[: min(3, len(hashes))] = [0, 0xFFFFFFFF, 7][: min(3, len(hashes))]
        a = rng.integers(0, 1 << 32, size=perms, dtype=np.uint32)
        b = rng.integers(0, 1 << 32, size=perms, dtype=np.uint32)
        got = np.frombuffer(_native.minhash_affine32(hashes, counts.astype(np.int64), a, b), np.uint32)
        got = got.reshape(len(counts), perms)
        bounds = np.concatenate(([0], np.cumsum(counts)))
        for d in range(len(counts)):
            mixed = fmix32(hashes[bounds[d] : bounds[d + 1]])
            want = (a[:, None] * mixed[None, :] + b[:, None]).min(axis=1, initial=0xFFFFFFFF)
            assert np.array_equal(got[d], want), (perms, d)


SORTED_SETS = st.lists(st.integers(0, 60), max_size=40).map(lambda xs: sorted(set(xs)))


@SOME
@given(SORTED_SETS.filter(bool), st.lists(SORTED_SETS.filter(bool), min_size=1, max_size=6))
def test_common_counts_equal_the_binary_search_definition(a: list[int], others: list[list[int]]) -> None:
    from lintnews.corpus.verification import _py_common_many

    arr = np.array(a, dtype=np.uint32)
    rest = [np.array(o, dtype=np.uint32) for o in others]
    assert (
        _native.common_counts(arr, rest)
        == _py_common_many(arr, rest)
        == [len(set(a) & set(o)) for o in others]
    )


def test_common_counts_refuse_what_is_not_uint32() -> None:
    with pytest.raises(ValueError, match="uint32"):
        _native.common_counts(np.arange(3, dtype=np.uint32), [b"abc"])
    with pytest.raises(TypeError):
        _native.common_counts(np.arange(3, dtype=np.uint32), 5)


WORD = st.text(st.sampled_from("abzéß三😀019"), min_size=1, max_size=12)
LINES = st.lists(st.lists(WORD, min_size=1, max_size=12).map(" ".join), max_size=8)


def _shingles_by_definition(lines: list[str], k: int) -> tuple[list[int], list[int]]:
    import xxhash

    values, counts = [], []
    for line in lines:
        words = line.split(" ")
        m = max(len(words) - k + 1, 1)
        values += [
            xxhash.xxh3_64_intdigest(" ".join(words[j : j + k]).encode("utf-8")) & 0xFFFFFFFF
            for j in range(m)
        ]
        counts.append(m)
    return values, counts


@SOME
@given(LINES, st.integers(1, 6))
def test_shingle_hashes_equal_numpy_and_the_definition(lines: list[str], k: int) -> None:
    from lintnews.hashing import py_shingle_hashes

    values, counts = _native.shingle_hashes(lines, k)
    got = (np.frombuffer(values, np.uint32).tolist(), np.frombuffer(counts, np.int64).tolist())
    ref_values, ref_counts = py_shingle_hashes(lines, k)
    assert got == (ref_values.tolist(), ref_counts.tolist()) == _shingles_by_definition(lines, k)


def test_shingle_hashes_of_long_lines_and_empty_words() -> None:
    """Lines read 16 bytes at a time (every space in a block a word's end) and then byte by
    byte: spaces at every position of a block, runs of spaces (empty words), leading and
    trailing spaces, multi-byte UTF-8, lines of 0 to 300 bytes."""
    import random

    from lintnews.hashing import py_shingle_hashes

    rng = random.Random(3)
    pieces = ["", "", "a", "bb", "word", "Straße", "新闻报道", "😀x", "fifteen-letters", "x" * 33]
    lines = [" " * n for n in range(40)] + [" ".join(rng.choice(pieces) for _ in range(n)) for n in range(80)]
    lines += ["".join(rng.choice(["a", " "]) for _ in range(rng.randint(0, 300))) for _ in range(300)]
    for k in (1, 2, 5):
        values, counts = _native.shingle_hashes(lines, k)
        got = (np.frombuffer(values, np.uint32).tolist(), np.frombuffer(counts, np.int64).tolist())
        ref_values, ref_counts = py_shingle_hashes(lines, k)
        assert got == (ref_values.tolist(), ref_counts.tolist()) == _shingles_by_definition(lines, k)
    for at in (0, 15, 16, 17, 40, 63):  # (a line break in a block read at once, or after the last)
        with pytest.raises(ValueError, match="line breaks"):
            _native.shingle_hashes(["ab " * 30, ("x" * at + "\n" + "y " * 30)[:70]], 5)


def test_shingle_hashes_refuse_bad_input() -> None:
    from lintnews.hashing import py_shingle_hashes

    for shingle in (_native.shingle_hashes, py_shingle_hashes):
        with pytest.raises(ValueError, match="line breaks"):
            shingle(["a b", "c\nd"], 5)
        with pytest.raises(ValueError, match="at least 1"):
            shingle(["a b"], 0)
    with pytest.raises(TypeError):
        _native.shingle_hashes([b"a b"], 5)


def test_version_says_which_kernels_run() -> None:
    env = {k: v for k, v in os.environ.items() if k != "LINTNEWS_PURE_PYTHON"}
    for extra, expected in (
        ({}, "compiled kernels"),
        ({"LINTNEWS_PURE_PYTHON": "1"}, "LINTNEWS_PURE_PYTHON is set"),
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "lintnews", "--version"],
            env={**env, **extra},
            capture_output=True,
            text=True,
            check=True,
        )
        assert proc.stdout.startswith("lintnews ") and expected in proc.stdout


def test_misaligned_buffers_are_refused() -> None:
    def misaligned(arr: np.ndarray) -> memoryview:
        return memoryview(b"\0" + arr.tobytes())[1:]

    four = np.ones(4, np.uint32)
    with pytest.raises(ValueError, match="aligned"):
        _native.minhash_affine32(misaligned(four), np.array([4], np.int64), four, four)
    with pytest.raises(ValueError, match="aligned"):
        _native.common_counts(four, [misaligned(four)])


#: Pieces of lines where the block kernel could go wrong: the marks of headings, lists, tables,
#: quotes and fences, runs of them (`#######`, `1234.`, "````"), the starts of info strings,
#: whitespace of every sort, digits of other scripts, lower- and upper-case starts, sentence ends
#: and letters that are not cased.
BLOCK_PIECES = st.sampled_from(
    [
        "#", "###", "#######", "```", "~~~", "``", "|", "||", ">", "> ", ">>", "-", "*", "+", "•", "·",
        "▪", "►", "1", "12", "123", "1234", "٣", "²", ".", ")", ":", "…", "”", "’", "»", "]", "\"",
        " ", "  ", "\t", "\xa0", "\u2028", "\x0b", "\x1c", "\u3000", "word", "Word", "ölçü", "Été",
        "ǅ", "ª", "三", "a" * 45, "The council met to discuss the budget for next", "x",
        # fences: longer runs, info strings and what may not start one ("~~~~__", "`x`", "½")
        "`", "~", "````", "~~~~", "   ", "    ", "_", "__", "{", "{.py}", "python", "½", "Ⅻ", "`x`",
    ]
)  # fmt: skip
BLOCK_LINES = st.lists(st.lists(BLOCK_PIECES, max_size=6).map("".join), max_size=14)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(BLOCK_LINES)
def test_plain_blocks_equal_the_definition(lines: list[str]) -> None:
    compiled, pure = _native.plain_blocks(lines), native.py_plain_blocks(lines)
    assert [_block_shape(b) for b in compiled] == [_block_shape(b) for b in pure]
    assert all(type(b) is _native.Block for b in compiled)
    assert [(b.start, b.end, native.BLOCK_KINDS.index(b.kind)) for b in pure] == native.py_plain_block_spans(
        lines
    )


@SOME
@given(BLOCK_LINES)
def test_the_blocks_of_plain_text_are_those_of_the_general_loop(lines: list[str]) -> None:
    """`Document.blocks` of plain text (the kernel) equals its general loop, which a soft break
    on no line sends a document through without changing anything."""
    from lintnews.document import Block, Document

    text = "\n".join(lines)
    fast = Document(path="a.txt", text=text).blocks
    general = Document(path="a.txt", text=text, soft_breaks=frozenset({10**9})).blocks

    def shape(b: Block) -> tuple[object, ...]:
        return (b.index, b.start, b.end, b.text, b.kind, b.word_count, b.lower_count, b.heading_like, b.prose)

    assert [shape(b) for b in fast] == [shape(b) for b in general]


#: Lines made mostly of fences: runs of marks, indents, info strings and what may not start one.
FENCE_LINES = st.lists(
    st.lists(
        st.sampled_from(
            [
                "```",
                "~~~",
                "`",
                "~",
                " ",
                "  ",
                "\t",
                "\xa0",
                "\u3000",
                "_",
                "{",
                "py",
                "½",
                "²",
                "`x`",
                "Word",
            ]
        ),
        max_size=5,
    ).map("".join),
    max_size=16,
)


@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(FENCE_LINES)
def test_plain_blocks_read_fences_as_the_definition(lines: list[str]) -> None:
    """The kernel's fences are `native.fence_step`'s (and those of `Document.blocks`'s general
    loop), and a document's code blocks hold exactly the lines inside `native.fence_spans` (the
    fences' own lines in no block)."""
    from lintnews.document import Document

    compiled = [(b.start, b.end, native.BLOCK_KINDS.index(b.kind)) for b in _native.plain_blocks(lines)]
    assert compiled == native.py_plain_block_spans(lines)
    general = Document(path="a.txt", text="\n".join(lines), soft_breaks=frozenset({10**9})).blocks
    assert [(b.start, b.end, native.BLOCK_KINDS.index(b.kind)) for b in general] == compiled
    code = {i for start, end, kind in compiled if kind == 5 for i in range(start, end + 1)}
    assert code == {i for start, end in native.fence_spans(lines) for i in range(start + 1, end)}


def test_plain_blocks_of_known_text() -> None:
    lines = [
        "# Title",
        "The council met on Tuesday to discuss the budget for the coming",
        "year, and agreed on it.",
        "",
        "- item one",
        "12) item two",
        "1234. not a list",
        "| a | b |",
        "> quoted",
        "```",
        "code",
        "```",
        "    ",
        "####### seven marks",
    ]
    expected = [
        (0, 0, 1),
        (1, 2, 0),
        (4, 4, 2),
        (5, 5, 2),
        (6, 6, 0),
        (7, 7, 3),
        (8, 8, 4),
        (10, 10, 5),
        (13, 13, 0),
    ]
    assert native.py_plain_block_spans(lines) == expected
    for blocks in (_native.plain_blocks(lines), native.py_plain_blocks(lines)):
        assert [(b.start, b.end, native.BLOCK_KINDS.index(b.kind)) for b in blocks] == expected
        assert [b.text for b in blocks][:2] == [
            "# Title",
            "The council met on Tuesday to discuss the budget for the coming\nyear, and agreed on it.",
        ]
    with pytest.raises(TypeError):
        _native.plain_blocks(["a", 3])
    with pytest.raises(TypeError):
        _native.plain_blocks(("a",))


BLOCK_KIND_NAMES = st.sampled_from(["paragraph", "heading", "quote", "list", "table", "code", "caption"])
#: Pieces of block texts where the traits could go wrong: capitals, digits and title-case letters
#: at the start, sentence ends and colons at the end (behind whitespace), runs of spaces, tabs and
#: no-break spaces inside (a table laid out with spaces), line breaks, long lines, many words.
TRAIT_PIECES = st.sampled_from(
    [
        "Word", "word", "ölçü", "Été", "ǅ", "ª", "三", "1", "²", "٣", "_", "it's", "-", ".", "!", ",", ";", ":",
        "?", " ", "  ", "   ", "\t", "\xa0", " \xa0 ", "\xa0\xa0\xa0", "\u3000", "\n", "x" * 70, "a b c d e f g",
        # s37-script: caseless scripts (Han, kana, Hangul, Arabic, Hebrew, Devanagari, Thai), their
        # marks, a title-case letter past U+0590 and an astral Han letter
        "该公司表示今年的收入", "港湾局はを再開した", "한국어 문장", "قال المتحدث", "שלום", "नमस्ते", "ภาษาไทย",
        "。", "，", "、", "！", "？", "؟", "،", "۔", "।", "ᾈ", "𠀀", "ー",
    ]
)  # fmt: skip
TRAIT_TEXT = st.one_of(st.lists(TRAIT_PIECES, max_size=30).map("".join), TEXT)


def _block_shape(b: native.PyBlock | _native.Block) -> tuple[object, ...]:
    return (
        b.index,
        b.start,
        b.end,
        b.text,
        b.kind,
        b.word_count,
        b.lower_count,
        b.heading_like,
        b.prose,
        repr(b),
    )


@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(TRAIT_TEXT, BLOCK_KIND_NAMES, st.integers(0, 10**6))
def test_compiled_blocks_equal_the_definition(text: str, kind: str, start: int) -> None:
    end = start + text.count("\n")
    compiled, pure = _native.Block(3, start, end, text, kind), native.PyBlock(3, start, end, text, kind)
    assert _block_shape(compiled) == _block_shape(pure)
    assert compiled.cached_words() is None and pure.cached_words() is None
    assert compiled.words == pure.words == native.py_words(text)
    assert compiled.cached_words() is compiled.words and pure.cached_words() is pure.words


@SOME
@given(TRAIT_TEXT, BLOCK_KIND_NAMES)
def test_block_traits_count_the_words_and_their_lower_case_starts(text: str, kind: str) -> None:
    """The word counts of a block are those of its word list itself."""
    for block in (
        _native.Block(0, 0, text.count("\n"), text, kind),
        native.PyBlock(0, 0, text.count("\n"), text, kind),
    ):
        words = block.words
        assert (block.word_count, block.lower_count) == (len(words), sum(1 for w in words if w[0].islower()))
        cased = len(words) >= 8 and block.lower_count / len(words) >= 0.45
        caseless = [
            c
            for c in text
            if c >= "\u0590" and c.isalpha() and not (c.islower() or c.isupper() or c.istitle())
        ]
        by_script = (
            len(caseless) >= 20
            and 2 * len(caseless) > sum(map(str.isalpha, text))
            and any(c in ".!?,;。．｡！？，、；؟،؛۔।॥" for c in text)
        )
        assert block.prose == (kind in ("paragraph", "quote") and (cased or by_script))


@pytest.mark.parametrize(
    ("text", "kind", "heading_like", "prose"),
    [
        ("Council Approves Sea Wall Repairs", "paragraph", True, False),
        ("2024 in review", "paragraph", True, False),
        ("Share this story:", "paragraph", False, False),  # a label, not a title
        ("Name   Age   Town", "paragraph", False, False),  # a table row laid out with spaces
        ("Name\tAge", "paragraph", False, False),
        ("Name \t Age", "paragraph", True, False),  # (a tab after a space is no column gap)
        ("Council Approves\nSea Wall Repairs", "paragraph", False, False),  # two lines
        ("Council Approves Sea Wall Repairs", "list", False, False),
        ("anything at all.", "heading", True, False),
        ("The council voted on Tuesday to spend four million pounds.", "paragraph", False, True),
        ("The council voted on Tuesday to spend four million pounds", "paragraph", True, True),
        ("> The council voted on Tuesday to spend four million pounds", "quote", False, True),
        ("The Council Voted On Tuesday To Spend Four Million Pounds", "paragraph", True, False),
        ("", "paragraph", False, False),
        # s37-script: scripts without letter case are prose by their letters and a sentence mark
        ("该公司表示，今年的收入预计将比去年增长百分之十。", "paragraph", False, True),
        ("该公司表示，今年的收入预计将比去年增长百分之十。", "quote", False, True),
        ("该公司表示，今年的收入预计将比去年增长百分之十。", "list", False, False),
        ("该公司表示今年的收入预计将比去年增长百分之十", "paragraph", False, False),  # no mark: a headline
        ("该公司表示，今年的收入。", "paragraph", False, False),  # 10 letters
        ("首页 新闻 体育 财经 娱乐 科技 汽车 房产 教育 时尚 旅游 健康", "paragraph", False, False),  # a menu
        ("港湾局は火曜日、穀物の輸送を再開したと発表した。", "paragraph", False, True),
        ("وقال مسؤولو الميناء إن عمليات التفتيش ستستأنف يوم الأربعاء.", "paragraph", False, True),
        ("항만 당국은 화요일에 곡물 수송을 재개했다고 밝혔다.", "paragraph", False, True),
        # Latin letters in the majority: the words' case decides (here: Title Case, not prose)
        (
            "The Port Of Shanghai 上海港 Reopens Its Grain Terminal After Four Weeks, 官员说。",
            "paragraph",
            True,
            False,
        ),
    ],
)
def test_block_traits_of_known_text(text: str, kind: str, heading_like: bool, prose: bool) -> None:
    for block in (_native.Block(0, 0, 0, text, kind), native.PyBlock(0, 0, 0, text, kind)):
        assert (block.heading_like, block.prose) == (heading_like, prose)


def test_block_words_of_long_ascii_text() -> None:
    """Runs of ASCII (counted 16 characters at a time) hold joined words and start them in
    lower case; one and two bytes a character (the dash makes the text two)."""
    for prefix in ("", "— "):
        text = prefix + "It's a well-known state-of-the-art fact. " * 3
        for block in (_native.Block(0, 0, 0, text, "paragraph"), native.PyBlock(0, 0, 0, text, "paragraph")):
            assert (block.word_count, block.lower_count) == (15, 12)


@pytest.mark.parametrize("prefix", ["", "— ", "中"])
def test_block_words_across_the_ends_of_ascii_runs(prefix: str) -> None:
    """A word or a joiner at any place of a run of ASCII (so at the end of each 16 characters
    read at once, and where a character that is not ASCII stops the run) is read as the
    definition reads it, in texts of one, two and four bytes a character."""
    for k in range(40):
        for joiner in ("'", "-", "’", "--", " ", "\n", "_", "é", "Д"):
            for tail in ("b", "B", " b", "1", "", "𝟙"):
                text = prefix + "x" * k + joiner + tail + " Word and word" * 3
                for kind in ("paragraph", "quote"):
                    compiled, pure = _native.Block(0, 0, 0, text, kind), native.PyBlock(0, 0, 0, text, kind)
                    assert _block_shape(compiled) == _block_shape(pure), text


def test_blocks_pickle_and_copy_as_what_made_them() -> None:
    import copy
    import pickle

    for block in (
        _native.Block(2, 4, 5, "Sea wall\nrepairs begin", "quote"),
        native.PyBlock(2, 4, 5, "x y", "list"),
    ):
        for twin in (pickle.loads(pickle.dumps(block)), copy.deepcopy(block)):
            assert type(twin) is type(block) and _block_shape(twin) == _block_shape(block)


def test_compiled_blocks_are_read_only_and_refuse_what_is_not_text() -> None:
    block = _native.Block(0, 0, 0, "text", "paragraph")
    with pytest.raises(AttributeError):
        block.prose = True  # type: ignore[misc]
    with pytest.raises(AttributeError):
        block.extra = 1  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        _native.Block(0, 0, 0, b"text", "paragraph")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        _native.Block(0, 0, 0, "text")  # type: ignore[call-arg]


#: Characters of comment headers and of what `short_lines_holding` must tell apart: the words'
#: letters in both cases, the Kelvin sign (lower-cases to "k"), the three characters that make
#: the answer None, digits of other scripts (``\d`` matches them) and numerals that are no
#: decimal digits, and blanks that `str.strip` takes off.
SCREENED = "sayomentkrhSAYOMENTKRH\u212a:.(0129٣²½ \t\u00a0\u2028\u0130\u0131\u017f-é"
SCREEN_WORDS = ("says", "comment", "kommentar", "score:", "dit", "k", "(")


@SOME
@given(
    st.lists(st.text(st.sampled_from(SCREENED), max_size=12), max_size=8),
    st.integers(-2, 9),
    st.integers(0, 10),
    st.lists(st.sampled_from(SCREEN_WORDS), max_size=4, unique=True),
    st.sampled_from(["", ":.hH", "h"]),
)
def test_short_lines_holding_equals_the_definition(
    lines: list[str], first: int, longest: int, words: list[str], before: str
) -> None:
    expected = native.py_short_lines_holding(lines, first, longest, tuple(words), before)
    assert _native.short_lines_holding(lines, first, longest, tuple(words), before) == expected


def test_short_lines_holding_of_known_lines() -> None:
    lines = [
        "Chris — July 10th, 2012, 10:03 am",  # a time
        "  ",
        "Prose that says things " * 10,  # too long (after stripping)
        "  NAME SAYS:  ",  # a word in upper case
        "\u212aommentar",  # "Kommentar" with the Kelvin sign
        "at 1٣h",  # a digit that is no ":.hH" before two digits
        "a:1٣",  # two decimal digits of another script
        "x:1²",  # a superscript is no decimal digit
    ]
    words = ("says", "kommentar")
    assert _native.short_lines_holding(lines, 0, 160, words, ":.hH") == [0, 3, 4, 6]
    assert _native.short_lines_holding(lines, 1, 160, words, "") == [3, 4]
    assert _native.short_lines_holding([*lines, "Kızılay"], 0, 160, words, "") is None
    assert _native.short_lines_holding([*lines, "x" * 200 + "ı"], 0, 160, words, "") == [3, 4]


def test_short_lines_holding_refuses_bad_words() -> None:
    # (since session 47 a word may be of any script, but in lower case, without sigma and without
    # a character re.IGNORECASE equates with a letter str.lower does not give: native.ODD_FOLDS)
    for words in (
        ("Says",),
        ("",),
        ("sagt\u00c9",),
        ("\u03bb\u03ad\u03c3",),
        ("\u1c80\u0430",),
        ("\u00b5g",),
    ):
        with pytest.raises(ValueError):
            _native.short_lines_holding(["says"], 0, 160, words, "")
        with pytest.raises(ValueError):
            native.py_short_lines_holding(["says"], 0, 160, words, "")
    with pytest.raises(ValueError):
        _native.short_lines_holding(["says"], 0, 160, ("says",), "\u00e9")
    with pytest.raises(TypeError):
        _native.short_lines_holding([b"says"], 0, 160, ("says",), "")


#: Line keys and what a phrase screen's first pass looks for in them, in many scripts: Latin,
#: Cyrillic, Arabic, Thai, Chinese and Japanese, and characters outside the BMP.
KEY_CHARS = "abcnext /»›©(ç新闻評論читатьالمزيدอ่านต่อ😀𝔘"
KEY_TEXT = st.text(st.sampled_from(KEY_CHARS), max_size=12)
KEY_SCREENS = st.tuples(
    st.lists(st.text(st.sampled_from(KEY_CHARS), min_size=1, max_size=9), max_size=12),
    st.text(st.sampled_from(KEY_CHARS), max_size=4),
    st.lists(KEY_TEXT.filter(bool), max_size=8),
    st.booleans(),
)


@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(KEY_SCREENS, st.lists(st.one_of(KEY_TEXT, st.text(max_size=14)), max_size=12), st.integers(0, 14))
def test_maybe_keys_equal_the_definition(
    screen: tuple[list[str], str, list[str], bool], keys: list[str], longest: int
) -> None:
    heads, firsts, needles, everything = tuple(screen[0]), screen[1], tuple(screen[2]), screen[3]
    compiled = _native.maybe_keys(_native.key_screen(heads, firsts, needles, everything), keys, longest)
    assert compiled == first_pass.py_maybe_keys(
        first_pass.py_key_screen(heads, firsts, needles, everything), keys, longest
    )


@pytest.mark.parametrize("kernels", ["compiled", "python"])
def test_maybe_keys_of_known_keys(kernels: str) -> None:
    key_screen, maybe_keys = (
        (_native.key_screen, _native.maybe_keys)
        if kernels == "compiled"
        else (first_pass.py_key_screen, first_pass.py_maybe_keys)
    )
    screen = key_screen(("rea", "新闻", "😀x", "share this"), "©", ("comment", "/", "»", "อ่านต่อ"), False)
    keys = [
        "read more",  # 0: a head
        "re",  # a key shorter than a head does not start with it
        "新闻",  # 2: a head of two characters, the whole key
        "新闻网",  # 3: a key starting with a head
        "😀x",  # 4: astral
        "© 2024 acme",  # 5: a first character
        "12 comments",  # 6: a needle inside
        "photo: afp/getty",  # 7: a needle of one character
        "",  # never: empty
        "x" * 20 + "/",  # never: too long
        "ข่าว อ่านต่อ",  # 10: Thai needle
        "the council met",
        "share this story",  # 12: a long head
        "share that",  # the long head's first characters only
        "😀",
    ]
    assert maybe_keys(screen, keys, 20) == [0, 2, 3, 4, 5, 6, 7, 10, 12]
    assert maybe_keys(key_screen((), "", (), True), keys, 20) == [
        j for j, k in enumerate(keys) if 0 < len(k) <= 20
    ]
    assert maybe_keys(key_screen((), "", ("",), False), keys, 20) == maybe_keys(
        key_screen((), "", (), True), keys, 20
    )
    # heads that start one another: each admits the keys starting with it
    nested = key_screen(("sh", "share this", "shar", "x"), "", (), False)
    assert maybe_keys(nested, ["s", "sh", "sha", "shar", "share that", "xyz", "y"], 20) == [1, 2, 3, 4, 5]
    with pytest.raises(ValueError):
        key_screen(("",), "", (), False)


@SOME
@given(
    st.one_of(TEXT, st.text(st.sampled_from("ab\x7f\x80\xff\u0100\u3000新😀"), max_size=20)),
    st.binary(max_size=300),
)
def test_all_in_equals_the_definition(text: str, table: bytes) -> None:
    assert _native.all_in(text, table) == native.py_all_in(text, table)


def test_all_in_of_known_text() -> None:
    table = bytes([0] * 97 + [1, 1] + [0] * 100 + [1])  # "a", "b" and "Ç" (199)
    assert _native.all_in("", table) and _native.all_in("abÇba", table)
    assert not _native.all_in("abc", table) and not _native.all_in("ab新", table)
    assert not _native.all_in("ab😀", table) and not _native.all_in("a", b"")


@SOME
@given(WORDISH, st.sampled_from([" ", "\n", "  \t", "\u2028", "\xa0", "\u3000", "\u1680"]))
def test_count_words_with_a_vocabulary_table_equals_the_split_definition(words: list[str], sep: str) -> None:
    """`vocabulary` makes the kernel's table once; `count_words` reads it as it reads the dict,
    and a later change to the dict does not reach the table (it was made from a copy)."""
    vocabulary = dict(VOCABULARY)
    table = _native.vocabulary(vocabulary)
    vocabulary.clear()
    text = sep.join(words)
    assert _native.count_words(text, table) == native.py_count_words(text, VOCABULARY)
    assert native.py_count_words(text, native.py_vocabulary(VOCABULARY)) == native.py_count_words(
        text, VOCABULARY
    )


def test_a_vocabulary_table_refuses_what_a_dict_refuses() -> None:
    with pytest.raises(ValueError, match="indices"):
        _native.vocabulary({"der": 5})
    with pytest.raises(TypeError):
        _native.vocabulary({1: 0})
    with pytest.raises(TypeError):
        _native.vocabulary(["der"])
    with pytest.raises(TypeError):
        _native.count_words("der", ["der"])


def test_white_space_is_str_isspace_for_every_code_point() -> None:
    """The kernels that split at white space (`count_words`, `collapse_lines` and `line_keys`)
    test it without CPython's database below U+1680 and above U+3000: the same answer as
    `str.isspace` for every code point."""
    chars = [chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF]
    texts = [f"a{c}b" for c in chars]
    vocabulary = _native.vocabulary({"a": 0})
    assert [_native.count_words(t, vocabulary)[1] for t in texts] == [len(t.split()) for t in texts]
    assert _native.collapse_lines(texts, "") == native.py_collapse_lines(texts, "")


@SOME
@given(
    st.one_of(
        TEXT,
        st.text(st.sampled_from("aé\u0391\u03b1\u0416\u0436\u05d0\u0628\u0661\u0995\u09be\u3042三한😀𝔸")),
    ),
    st.one_of(st.binary(max_size=0x1200), st.binary(max_size=0x30).map(lambda b: bytes(x % 14 for x in b))),
)
def test_letters_by_table_equals_the_definition(text: str, table: bytes) -> None:
    assert _native.letters_by_table(text, table, 12) == language_scripts.py_letters_by_table(text, table, 12)
    groups = len(language_scripts.SCRIPT_RANGES) + 1
    assert _native.letters_by_table(text, language_scripts.SCRIPT_TABLE, groups) == (
        language_scripts.py_letters_by_table(text, language_scripts.SCRIPT_TABLE, groups)
    )


def test_letters_by_table_of_known_text() -> None:
    table = language_scripts.SCRIPT_TABLE
    groups = len(language_scripts.SCRIPT_RANGES) + 1
    # letters only: not the Arabic comma and digit, the Bengali vowel sign, the ideographic stop
    counts = _native.letters_by_table("Жж ءب،١ কা。三かカ한 Ωω aé 𝔸", table, groups)
    assert dict(zip(("-", *language_scripts.SCRIPT_RANGES), counts)) == {
        "-": 0, "Grek": 2, "Cyrl": 2, "Hebr": 0, "Arab": 2, "Deva": 0, "Beng": 1,
        "Thai": 0, "Hang": 1, "Hira": 1, "Kana": 1, "Hani": 1,
    }  # fmt: skip
    assert _native.letters_by_table("plain text", table, groups) == [0] * groups
    assert _native.letters_by_table("abc", bytes([0] * 6 + [1]), 2) == [0, 3]  # (ASCII in a group)
    assert _native.letters_by_table("abc", bytes([0] * 6 + [2]), 2) == [0, 0]  # (no group 2 of 2)
    for bad in (0, 257):
        with pytest.raises(ValueError):
            _native.letters_by_table("a", b"", bad)
        with pytest.raises(ValueError):
            language_scripts.py_letters_by_table("a", b"", bad)
