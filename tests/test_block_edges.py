"""The kernels that pick blocks by a character at an edge of their text (`open_blocks`,
`lower_start_blocks` in lintnews/_native.c) equal their pure-Python definitions
(`lintnews.block_edges.py_open_blocks`, `py_lower_start_blocks`), on the blocks of generated
documents of Latin, Cyrillic, CJK, Greek and Bengali text (words that end on a vowel sign or a
virama), blanks, commas and ``#`` marks."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintnews import _native, block_edges, native
from lintnews.document import Document
from lintnews.textnorm import normalized_lines, normalized_span

SOME = settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))

#: Words of lower-case, capitalised and caseless letters, and what ends or starts a line: blanks
#: (narrow and wide), commas, full stops, digits, '#' marks, an emoji outside the BMP.
PIECES = [
    "the",
    "word",
    "Word",
    "über",
    "École",
    "слово",
    "Слово",
    "新闻",
    "λόγος",
    "শুরু",
    "বি",
    "ি",
    "্",
    "।",
    "ǅemal",
    "ⅻ",
    "²",
    " ",
    "  ",
    "\t",
    "\u3000",
    "\u00a0",
    ",",
    "，",
    "、",
    "،",
    "。",
    ".",
    "3",
    "#",
    "## ",
    "😀",
    "_",
]
LINES = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)
TEXTS = st.lists(LINES, max_size=16).map("\n".join)


@SOME
@given(TEXTS)
def test_block_edges_equal_their_definitions(text: str) -> None:
    doc = Document("a.txt", text)
    blocks = doc.blocks
    lines = normalized_lines(doc)
    keys = [normalized_span(doc, b.start, b.end) for b in blocks]
    assert _native.block_keys(blocks, lines) == block_edges.py_block_keys(blocks, lines) == keys
    assert _native.open_blocks(blocks) == block_edges.py_open_blocks(blocks)
    assert _native.lower_start_blocks(blocks) == block_edges.py_lower_start_blocks(blocks)
    for kinds in (None, ("paragraph", "quote", "caption"), ("heading",), ()):
        for heading_like in (-1, 0, 1):
            for min_words in (0, 2, 6):
                expected = block_edges.py_blocks_where(blocks, kinds, heading_like, min_words)
                assert _native.blocks_where(blocks, kinds, heading_like, min_words) == expected


@pytest.mark.parametrize("make", [_native.Block, native.PyBlock])
def test_block_edges_of_known_blocks(make: type) -> None:
    prose = "the council met on Tuesday and said that the vote would take place next week"
    blocks = [
        make(0, 0, 0, f"{prose}.", "paragraph"),  # closed
        make(1, 1, 1, f"{prose} and", "paragraph"),  # open on a letter
        make(2, 2, 2, f"{prose},  \t", "paragraph"),  # open on a comma, before blanks
        make(3, 3, 3, f"{prose} 2024", "paragraph"),  # a number closes
        make(4, 4, 4, "short and", "paragraph"),  # no prose
        make(5, 5, 5, "  ## long-Term Implications of the Plan", "heading"),
        make(6, 6, 7, "two lines\nof text", "paragraph"),  # not one line
        make(7, 8, 8, "Capitalised Words Here", "heading"),
        make(8, 9, 9, " #", "paragraph"),
        make(9, 10, 10, "\u3000über alles in der Welt", "paragraph"),
    ]
    for kernel, definition in (
        (_native.open_blocks, block_edges.py_open_blocks),
        (_native.lower_start_blocks, block_edges.py_lower_start_blocks),
    ):
        if make is _native.Block:
            assert kernel(blocks) == definition(blocks)
    assert block_edges.py_open_blocks(blocks) == [1, 2]
    assert block_edges.py_lower_start_blocks(blocks) == [0, 1, 2, 3, 4, 5, 9]
    where = block_edges.blocks_where if make is _native.Block else block_edges.py_blocks_where
    assert [b.index for b in where(blocks, ("paragraph",), 0, 3)] == [0, 1, 2, 3, 6, 9]
    assert [b.index for b in where(blocks, None, 1, 0)] == [5, 7]
    assert [b.index for b in where(blocks, ("heading", "quote"), -1, 4)] == [5]
    keys = block_edges.block_keys if make is _native.Block else block_edges.py_block_keys
    lines = [f"line {i}" for i in range(11)]
    lines[7] = ""
    assert keys(blocks[5:7], lines) == ["line 5", "line 6"]  # (one line, and "line 7" left out)


def test_block_edges_take_lists_of_blocks() -> None:
    with pytest.raises(TypeError):
        _native.open_blocks([native.PyBlock(0, 0, 0, "a b", "paragraph")])
    with pytest.raises(TypeError):
        _native.lower_start_blocks(("a",))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        _native.blocks_where([], ["paragraph"], 0, 0)  # type: ignore[arg-type]
    with pytest.raises(IndexError):
        _native.block_keys([_native.Block(0, 0, 1, "a\nb", "paragraph")], ["a"])


def test_a_bengali_paragraph_open_on_a_vowel_sign() -> None:
    """A word of Bengali or Hindi cut after its vowel sign ends on no letter (the sign is a
    mark): `open_blocks` takes it, and leaves a paragraph that ends with a danda alone."""
    prose = "বন্দরের কর্মকর্তারা জানান, আরও বারোটি জাহাজ বন্দরের বাইরে অপেক্ষা করছে। পরিদর্শন আবার "
    texts = [
        f"{prose}শু",
        f"{prose}শুরু হবে।",
        f"{prose}শুরু",
        f"{prose}হবে",
        "पुलिस ने कहा कि, जांच अभी जारी है और नतीजे की",
    ]
    for make in (_native.Block, native.PyBlock):
        blocks = [make(i, i, i, t, "paragraph") for i, t in enumerate(texts)]
        assert all(b.prose for b in blocks)
        assert block_edges.py_open_blocks(blocks) == [0, 2, 3, 4]
        assert _native.open_blocks([_native.Block(i, i, i, t, "paragraph") for i, t in enumerate(texts)]) == [
            0,
            2,
            3,
            4,
        ]


def test_indic_signs_are_the_marks_of_devanagari_and_bengali() -> None:
    """`lintnews.caseless.py_indic_sign`, told by the place of a sign in its script's block,
    is the combining marks (Mn, Mc) of Devanagari and Bengali but the Bengali sandhi mark, and
    no letter, digit or punctuation."""
    import unicodedata

    from lintnews.caseless import py_indic_sign

    for code in range(0x0900, 0x0A00):
        ch = chr(code)
        category = unicodedata.category(ch)
        if category == "Cn" or code == 0x09FE:
            continue
        assert py_indic_sign(ch) == (category in ("Mn", "Mc")), hex(code)
    assert not any(map(py_indic_sign, "a।॥,कক"))
