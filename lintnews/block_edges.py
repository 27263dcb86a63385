"""Blocks picked by the first or the last character of their text, or by their kind, shape and
length, for rules that loop over every block of a document to test a little of each: T001 looks
at paragraphs of prose that end open (`open_blocks`), F002 at headings that start in lower case
(`lower_start_blocks`), D001 and D002 compare paragraphs and headings (`blocks_where`) by their
normalised text (`block_keys`). The
compiled kernels of `lintnews._native` when they are built, else the ``py_`` functions here, their
definitions (tests/test_block_edges.py compares them). Kept out of `lintnews.native` for that
module's size.

A page has ~100 blocks; the loop in Python cost ~0.1 µs a block before the test (T001 ~10 µs a
document of the 200 MB crawl of its ~18, F002's headings ~12 of its ~19), the kernels a few
nanoseconds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lintnews.caseless import COMMAS, py_letter_end
from lintnews.document import Document, View
from lintnews.native import compiled


def py_open_blocks(blocks: Sequence[Any]) -> list[int]:
    """The indices (ascending) of the blocks of prose whose text ends, before its trailing white
    space, on a letter (or an Indic vowel sign: `lintnews.caseless.py_letter_end`) or a comma
    ("," or the "，", "、", "،" of Chinese, Japanese, Arabic): where a sentence may be cut off."""
    found = []
    for i, block in enumerate(blocks):
        if block.prose:
            last = block.text.rstrip()[-1:]
            if (last and py_letter_end(last)) or last in COMMAS:
                found.append(i)
    return found


def py_lower_start_blocks(blocks: Sequence[Any]) -> list[int]:
    """The indices (ascending) of the blocks of one line whose text starts, after white space,
    ``#`` marks and white space again, with a lower-case letter: the headings that may start in
    lower case."""
    return [
        i
        for i, block in enumerate(blocks)
        if block.start == block.end and block.text.strip().lstrip("#").strip()[:1].islower()
    ]


def py_blocks_where(
    blocks: Sequence[Any], kinds: tuple[str, ...] | None, heading_like: int, min_words: int
) -> list[Any]:
    """The blocks (in order) of a kind in ``kinds`` (None: any), heading-like or not as
    ``heading_like`` says (1 or 0; -1: either), and of ``min_words`` words or more: the blocks
    the duplication rules compare."""
    return [
        b
        for b in blocks
        if b.word_count >= min_words
        and (heading_like < 0 or b.heading_like == heading_like)
        and (kinds is None or b.kind in kinds)
    ]


def py_block_keys(blocks: Sequence[Any], lines: list[str]) -> list[str]:
    """The key of each block, from a document's normalised ``lines``: its line for a block of
    one line, else its lines that are not empty joined by spaces (`normalized_span`)."""
    return [
        lines[b.start] if b.start == b.end else " ".join(n for n in lines[b.start : b.end + 1] if n)
        for b in blocks
    ]


block_keys = compiled.block_keys if compiled else py_block_keys
blocks_where = compiled.blocks_where if compiled else py_blocks_where
open_blocks = compiled.open_blocks if compiled else py_open_blocks
lower_start_blocks = compiled.lower_start_blocks if compiled else py_lower_start_blocks


def _code_lines(doc: Document) -> frozenset[int]:
    """The lines of ``doc``'s code blocks: a Markdown fence's (`lintnews.native.fence_step`; not
    the fence's own lines), an HTML ``<pre>``'s. (Picked by a kernel, `blocks_where`: looking for
    a fence in every document's text, two searches of it, cost 0.5 % of a run's instructions.)"""
    code = blocks_where(doc.blocks, _CODE_KIND, -1, 0)
    return frozenset(i for b in code for i in range(b.start, b.end + 1)) if code else frozenset()


_CODE_KIND = ("code",)

#: Per document: `_code_lines`, which the phrase rules (`lintnews.packs.matching`) and F006 leave
#: alone: a program's `print()` is no print button, its `&amp;` no entity left by an extractor.
CODE_LINES: View[frozenset[int]] = View("code_lines", _code_lines)
