"""The corpus phase's row helpers against their plain definitions: candidate-line rows packed by
`struct` are numpy's records of the same tuples, and `RowIndex.many` is `RowIndex.get` of each
document, concatenated."""

from __future__ import annotations

import array
import hashlib
import struct

import numpy as np
import pytest

from lintnews.corpus import signature, storage
from lintnews.corpus.signature import LINE_DTYPE
from lintnews.document import Document
from lintnews.sources.documents import html_document


def test_packed_rows_are_numpy_s_records_of_the_same_tuples() -> None:
    """A document's candidate rows (`_candidate_rows`) are numpy's records of (BLAKE2b line hash,
    source span, the candidate's ranks, words and shingle range): on the identity map the span is
    the candidate's own columns, on an HTML document's map `_source_span`."""
    plain = Document("a.txt", "Home\n  Share this story  \n\nThe council met on Monday.\n")
    html = html_document("a.html", "<p>Home</p><p>Share &amp; this <b>story</b></p><p>The council met.</p>")
    for doc in (plain, html):
        candidates = [
            (0, 1, 5, 0, 2, 1, 0, 0),
            (1, 3, 18, 1, 1, 3, 0, 1),
            (len(doc.lines) - 1, 1, 2, 255, 0, 65535, 2**32 - 1, 2**32 - 1),
        ]
        expected = np.array(
            [
                (
                    int.from_bytes(
                        hashlib.blake2b(doc.line_keys[i].encode(), digest_size=8).digest(), "little"
                    ),
                    *(
                        (i + 1, column, i + 1, end)
                        if doc.source_map.is_identity
                        else signature._source_span(doc, i)
                    ),
                    *rest,
                )
                for i, column, end, *rest in candidates
            ],
            dtype=LINE_DTYPE,
        )
        # (the compiled kernel packs the identity map's rows: `_native.candidate_rows`)
        for rows_of in (signature._candidate_rows, signature.py_candidate_rows):
            packed = rows_of(doc, candidates)
            assert packed.dtype == LINE_DTYPE
            assert packed.tobytes() == expected.tobytes()
            assert packed.flags.writeable
            assert rows_of(doc, []).tobytes() == np.array([], dtype=LINE_DTYPE).tobytes()
            # a field out of its range is an error (numpy: OverflowError; the kernel: ValueError)
            for bad in [(0, 1, 1, 256, 0, 1, 0, 0), (0, 1, 1, 0, 0, 65536, 0, 0), (0, 1, 1, 0, 0, 1, -1, 0)]:
                with pytest.raises((struct.error, ValueError)):
                    rows_of(doc, [bad])
    assert not html.source_map.is_identity and html.lines[1] == "Share & this story"
    assert signature._source_span(html, 1) != (2, 1, 2, len(html.lines[1]) + 1)  # (the entity: 4 more)


def test_rows_of_many_documents_are_each_document_s_rows_in_order() -> None:
    owners = array.array("I", [0, 3, 4, 9])  # documents with candidate lines, in input order
    counts = array.array("I", [2, 1, 3, 2])
    index = storage.RowIndex(owners, counts)
    for docs in ([9, 0, 4], [3], [4, 4, 0, 9, 3], []):
        rows, per_doc = index.many(np.array(docs, np.uint32))
        expected = [index[d].tolist() for d in docs]
        assert rows.tolist() == [r for part in expected for r in part]
        assert per_doc.tolist() == [len(part) for part in expected]
    with pytest.raises(KeyError):
        index.many(np.array([0, 5], np.uint32))  # document 5 has no rows
    with pytest.raises(KeyError):
        index.many(np.array([10], np.uint32))  # nor has one past the last


def test_template_ranges_are_each_document_s_template_lines_ranges() -> None:
    from lintnews.corpus.comparable import comparable_set, shingles_without, template_ranges
    from lintnews.corpus.signature import KEPT_DTYPE

    rng = np.random.default_rng(7)
    owners = [0, 0, 0, 2, 2, 5, 5, 5, 5, 9]  # the document of each candidate line, in order
    lines = np.zeros(len(owners), KEPT_DTYPE)
    lines["hash"] = [11, 2**64 - 3, 11, 40, 11, 2**64 - 3, 7, 40, 40, 8]
    lines["lo"] = [0, 5, 9, 0, 3, 0, 4, 6, 8, 0]
    lines["hi"] = [5, 9, 12, 3, 6, 4, 6, 8, 10, 2]
    docs = np.array(owners, np.uint32)
    template = {11, 40, 2**64 - 3}
    drops = template_ranges(lines, docs, template)
    assert drops == {0: [0, 5, 5, 9, 9, 12], 2: [0, 3, 3, 6], 5: [0, 4, 6, 8, 8, 10]}
    assert template_ranges(lines, docs, set()) == {}
    for doc in set(owners):
        shingles = rng.integers(0, 50, 14).astype(np.uint32)
        mine = lines[docs == doc]
        expected = comparable_set(shingles, mine, template)
        assert shingles_without(shingles, drops.get(doc, [])).tolist() == expected.tolist()
