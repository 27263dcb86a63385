"""The signature's one pass over a document's lines (`lintnews.corpus.doclines`): the compiled
kernel equals its Python definition, and the signer keeps making the signatures it made
before the kernel existed (the result cache stores them: old entries must still compare)."""

from __future__ import annotations

import hashlib
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from story_copies import story

from lintnews import _native
from lintnews.config import Settings
from lintnews.corpus.doclines import py_signature_lines
from lintnews.corpus.signature import EDGE_LINES, LINE_DTYPE, CorpusSigner
from lintnews.diagnostics import Diagnostic, Severity
from lintnews.document import Document
from lintnews.hashing import py_shingle_hashes

SOME = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))

#: Line shapes a page gives: blank and space-only lines (ASCII and Unicode spaces), indented
#: and trailing-space lines, punctuation-only lines (non-blank, empty once normalised), long
#: paragraphs, other scripts and characters outside the BMP.
PIECES = [
    "",
    " ",
    "\t",
    "\u3000",
    "\xa0",
    "\x1c\x85\u2028",  # (whitespace to str.strip, as the kernel's test must agree)
    " \u200b ",  # (a zero-width space is not whitespace: the line is not blank)
    "  Home  ",
    "|",
    "© 2024",
    "a b c d e",
    "Ünïcödé wörds here",
    "新闻 报道 今天",
    "😀 emoji line",
    "x " * 160,
    "Share this: Facebook Twitter",
]
LINES = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.lists(st.sampled_from(PIECES), max_size=4).map(" ".join),
        st.text(max_size=12).map(lambda s: s.replace("\n", " ")),
    ),
    max_size=60,
)


def _both(lines: list[str], chrome: bytes, k: int, edge: int, max_chars: int, min_words: int) -> tuple:
    norms = Document("p.txt", "\n".join(lines)).normalized_lines
    got = _native.signature_lines(lines, norms, chrome, k, edge, max_chars, min_words)
    want = py_signature_lines(lines, norms, chrome, k, edge, max_chars, min_words)
    return got, want


@SOME
@given(
    LINES, st.binary(max_size=70), st.integers(0, 6), st.integers(0, 5), st.integers(0, 40), st.integers(0, 4)
)
def test_the_kernel_equals_the_definition(
    lines: list[str], chrome: bytes, k: int, edge: int, max_chars: int, min_words: int
) -> None:
    lines = "\n".join(lines).split("\n")  # (what Document.lines gives)
    got, want = _both(lines, chrome, k, edge, max_chars, min_words)
    assert got == want


def test_a_page_of_known_lines() -> None:
    lines = [
        "",
        "  Breaking: port strike enters day two  ",
        "   ",
        "The union said talks failed.",
        "Share on Facebook",
        "|",
        "Dockers walked out at dawn on Monday in the harbour.",
        "",
    ]
    norms = Document("p.txt", "\n".join(lines)).normalized_lines
    chrome = bytes([0, 0, 0, 0, 1])  # line 4 flagged by a chrome rule
    n, first, text, length, hashes, rows = _native.signature_lines(
        lines, norms, chrome, 2, EDGE_LINES, 300, 3
    )
    assert (n, first) == (5, 1)  # lines 1, 3, 4, 5 ("|" is not blank; "   " is) and 6
    assert text.decode() == (
        "breaking port strike enters day two the union said talks failed share on facebook "
        "dockers walked out at dawn on monday in the harbour"
    )
    assert length == len(text)
    shingled = [norms[i] for i in (1, 3, 6)]  # not "share on facebook" (chrome), not "|" (empty)
    values, counts = py_shingle_hashes(shingled, 2)
    assert bytes(hashes) == values.tobytes()
    assert counts.tolist() == [5, 4, 9]
    # (line, column, end column, rank from start, from end, words, shingle range)
    assert rows == [(1, 3, 39, 0, 4, 6, 0, 5), (3, 1, 29, 1, 3, 5, 5, 9), (6, 1, 53, 4, 0, 10, 9, 18)]


def test_only_the_edge_lines_are_candidates() -> None:
    lines = [f"line number {i} of the page" for i in range(10)]
    norms = Document("p.txt", "\n".join(lines)).normalized_lines
    rows = _native.signature_lines(lines, norms, b"", 0, 2, 300, 3)[5]
    assert [r[0] for r in rows] == [0, 1, 8, 9]
    assert [r[6:] for r in rows] == [(0, 0)] * 4  # no shingles without k
    assert [r[3:5] for r in rows] == [(0, 9), (1, 8), (8, 1), (9, 0)]


@pytest.mark.parametrize(
    "norms",
    [
        [
            "caf\xe9 cr\xe8me br\xfbl\xe9e et toi",
            "\xfc\xf1\xee \xe7\xf8d\xe9 w\xf6rds",
        ],  # one byte a character
        [
            "\u65b0\u95fb \u62a5\u9053 \u4eca\u5929 more",
            "\u03b1\u03b8\u03ae\u03bd\u03b1 \u043c\u043e\u0441\u043a\u0432\u0430 \u0985\u09be",
        ],  # two
        ["\U0001d518\U0001d52b\U0001d526 \U0001d7d9 x \u65b0", "plain ascii words here"],  # four
    ],
)
def test_norms_of_every_width_are_written_in_utf8(norms: list[str]) -> None:
    """The kernel writes the norms' UTF-8 itself (one, two, three and four bytes a character),
    the same text and shingle hashes as the definition's ``str.encode``."""
    lines = [norm.upper() for norm in norms]
    got = _native.signature_lines(lines, norms, b"", 2, EDGE_LINES, 300, 1)
    assert got == py_signature_lines(lines, norms, b"", 2, EDGE_LINES, 300, 1)
    assert got[2] == " ".join(norms).encode("utf-8") and got[3] == len(" ".join(norms))


def test_a_norm_with_a_surrogate_is_refused_as_str_encode_refuses_it() -> None:
    for sign in (_native.signature_lines, py_signature_lines):
        with pytest.raises(UnicodeEncodeError):
            sign(["a x", "b"], ["a x", "b \ud800"], b"", 2, 20, 300, 1)


def test_bad_input_is_refused() -> None:
    for sign in (_native.signature_lines, py_signature_lines):
        with pytest.raises(ValueError):
            sign(["a", "b"], ["a"], b"", 5, 20, 300, 3)
        with pytest.raises(ValueError):
            sign(["a"], ["a"], b"", -1, 20, 300, 3)
    with pytest.raises(TypeError):
        _native.signature_lines(["a"], [b"a"], b"", 5, 20, 300, 3)


# --- the signer: the same signatures as the per-line Python it replaced -----------------------


def _reference(signer: CorpusSigner, doc: Document, chrome: set[int]) -> tuple:
    """The fields the old `CorpusSigner.prepare` and `_hash` computed, written out as they were
    (Python loops over the lines): text hash, length, shingles and candidate rows."""
    lines, norms, keys = doc.lines, doc.normalized_lines, doc.line_keys
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    n = len(nonblank)
    content = [x for x in norms if x]
    normalized = " ".join(content)
    shingled = [i for i, x in enumerate(norms) if x and i not in chrome]
    values, per_line = py_shingle_hashes([norms[i] for i in shingled], signer.options.shingle_size)
    bounds = [0, *np.cumsum(per_line).tolist()]
    ranks = range(n) if n <= 2 * EDGE_LINES else [*range(EDGE_LINES), *range(n - EDGE_LINES, n)]
    rows = []
    for rank in ranks:
        i = nonblank[rank]
        words = norms[i].count(" ") + 1
        if not norms[i] or i in chrome or len(lines[i]) > 300 or words < signer.options.template_min_words:
            continue
        col = len(lines[i]) - len(lines[i].lstrip())
        at = shingled.index(i)
        digest = int.from_bytes(hashlib.blake2b(keys[i].encode(), digest_size=8).digest(), "little")
        rows.append(
            (
                digest,
                i + 1,
                col + 1,
                i + 1,
                max(len(lines[i].rstrip()) - 1, col) + 2,
                min(rank, 255),
                min(n - 1 - rank, 255),
                words,
                bounds[at],
                bounds[at + 1],
            )
        )
    text_hash = hashlib.blake2b(normalized.encode(), digest_size=16).digest() if normalized else None
    return text_hash, len(normalized), values.tolist(), rows


def _flag(line: int) -> Diagnostic:
    return Diagnostic("p.txt", None, line, 1, line, 5, "B005", "share-prompt", Severity.WARNING, "share")


@pytest.fixture(params=[True, False], ids=["vector", "scalar"])
def vector_paths(request: pytest.FixtureRequest) -> object:
    """The compiled kernels with and without their AVX2 paths (`_native._vector_paths`; on a CPU
    without AVX2 both runs take the other paths)."""
    was = _native._vector_paths(request.param)
    yield request.param
    _native._vector_paths(was)


def test_signatures_equal_the_per_line_definition(vector_paths: bool) -> None:
    rng = random.Random(7)
    signer = CorpusSigner(Settings())
    for round_ in range(30):
        paragraphs = story(rng, rng.randint(1, 60))
        pieces = [
            p
            if rng.random() < 0.7
            else rng.choice(["", "  ", "Share on Facebook", "|", "  Indented line here now"])
            for p in paragraphs
        ]
        doc = Document(text="\n".join(pieces), path="p.txt")
        flagged = sorted(rng.sample(range(1, len(pieces) + 1), k=min(3, len(pieces)))) if round_ % 2 else []
        sig = signer(doc, [_flag(line) for line in flagged])
        text_hash, length, shingles, rows = _reference(signer, doc, {line - 1 for line in flagged})
        assert (sig.text_hash, sig.length, sig.shingles.tolist()) == (text_hash, length, shingles)
        assert sig.lines.dtype == LINE_DTYPE
        assert [tuple(int(v) for v in row) for row in sig.lines.tolist()] == rows
        assert (sig.minhash is None) == (not shingles)


@pytest.mark.parametrize("vector", [True, False], ids=["vector", "scalar"])
def test_blake2b_is_hashlibs(vector: bool) -> None:
    """The kernel's BLAKE2b (the text hash and the line hashes `--index` archives store) gives
    hashlib's digests: every length around the 128-byte block (the last block is compressed
    with the final flag, a whole one included), long inputs, every digest size."""
    was = _native._vector_paths(vector)
    try:
        rng = random.Random(5)
        lengths = [*range(0, 300), 383, 384, 385, 1000, 4096, 65_537]
        for n in lengths:
            data = rng.randbytes(n)
            for size in (8, 16) if n > 3 else range(1, 65):
                want = hashlib.blake2b(data, digest_size=size).digest()
                assert _native.blake2b(data, size) == want, (n, size)
        want = hashlib.blake2b(b"abc", digest_size=16).digest()
        assert _native.blake2b(memoryview(b"xabc")[1:], 16) == want
        for size in (0, 65, -1):
            with pytest.raises(ValueError, match="digest_size"):
                _native.blake2b(b"abc", size)
    finally:
        _native._vector_paths(was)


def test_candidate_rows_refuses_what_it_cannot_pack() -> None:
    keys = ["a b c", "d e f"]
    row = (1, 1, 6, 0, 1, 3, 0, 1)
    assert len(_native.candidate_rows(keys, [row, row])) == 2 * LINE_DTYPE.itemsize
    with pytest.raises(ValueError, match="out of range"):
        _native.candidate_rows(keys, [(2, 1, 6, 0, 1, 3, 0, 1)])  # (no key of that line)
    with pytest.raises(ValueError, match="out of range"):
        _native.candidate_rows(keys, [(0, 1, 6, 256, 1, 3, 0, 1)])
    with pytest.raises(TypeError):
        _native.candidate_rows(keys, [(0, 1, 6)])
    with pytest.raises(TypeError):
        _native.candidate_rows([b"a b c"], [(0, 1, 6, 0, 1, 3, 0, 1)])  # type: ignore[list-item]
