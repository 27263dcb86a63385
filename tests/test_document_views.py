"""A `Document`'s derived values are typed views computed once, not entries of a scratch dict."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from lintnews import packs, textnorm
from lintnews.caseless import py_caseless_prose
from lintnews.config import Settings
from lintnews.document import Document, View
from lintnews.language import detect
from lintnews.sources import read_path

TEXT = "Die Regierung hat am Montag einen Plan vorgelegt, der auch von der Opposition begrüßt wird.\n**Mehr lesen:**  “Weiter”\n"


def test_a_document_has_typed_views_and_no_scratch_dict() -> None:
    doc = Document("a.txt", TEXT)
    assert "cache" not in {f.name for f in dataclasses.fields(Document)}
    assert not hasattr(doc, "cache")
    assert doc.folded_text == textnorm.fold(TEXT)
    assert doc.normalized_lines == [textnorm.normalize(line) for line in doc.lines]
    assert doc.line_keys == [textnorm.line_key(line) for line in doc.lines]
    assert doc.line_keys[1] == 'mehr lesen: "weiter'
    assert doc.language == detect(TEXT) == "de"
    # computed once: the second read is the same object
    assert doc.line_keys is doc.line_keys and doc.normalized_lines is doc.normalized_lines
    assert packs.line_keys(doc) is doc.line_keys and textnorm.normalized_lines(doc) is doc.normalized_lines


def test_a_view_is_computed_once_per_document_and_keyed_by_its_object() -> None:
    calls: list[str] = []
    first = View("t.first", lambda d: calls.append(d.path) or len(d.lines))
    second = View("t.second", lambda d: d.path.upper())
    a, b = Document("a.txt", "x\ny"), Document("b.txt", "z")
    assert [first.of(a), first.of(a), first.of(b), second.of(a)] == [2, 2, 1, "A.TXT"]
    assert calls == ["a.txt", "b.txt"]


def test_sources_set_the_raw_record_and_the_file_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"One line.\r\nTwo lines.\r\n")
    (tmp_path / "b.jsonl").write_bytes(b'{"id": "x", "text": "First."}\n{"id": "y", "text": "Second."}\n')
    settings = Settings()
    [doc] = read_path(str(tmp_path / "a.txt"), settings)
    assert isinstance(doc, Document)
    assert (doc.file_bytes, doc.raw) == (b"One line.\r\nTwo lines.\r\n", None)
    records = list(read_path(str(tmp_path / "b.jsonl"), settings, keep_raw=True))
    assert [(d.record, d.raw, d.file_bytes) for d in records if isinstance(d, Document)] == [
        ("x", b'{"id": "x", "text": "First."}\n', None),
        ("y", b'{"id": "y", "text": "Second."}\n', None),
    ]


def test_the_traits_of_blocks_are_those_of_their_words_and_lines(tmp_path: Path) -> None:
    """What a `Block` computes when it is made equals what its docstrings define, on plain
    text and on HTML (the two ways blocks are made)."""
    plain = (
        "Council Approves Sea Wall Repairs\n\n"
        "The harbour council voted on Tuesday to spend four million pounds on the old sea wall, and\n"
        "work starts in March.\n"
        "Name   Age   Town\n"
        "> quoted words that run on for more than eight words in all here\n"
        "- A list item that is not a title\n"
        "Share this story:\n"
    )
    html = (
        "<html><body><h2>Sea wall</h2><p>The council voted on Tuesday<br>to spend four million"
        " pounds on repairs.</p><p>More News</p><blockquote>we said so, and so it was done in the"
        " end of it all</blockquote><figure><figcaption>The wall in 1990</figcaption></figure>"
        "</body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [page] = read_path(str(tmp_path / "page.html"), Settings())
    assert isinstance(page, Document) and page.line_tags is not None
    docs = [Document("a.txt", plain), page]
    seen = set()
    for doc in docs:
        for b in doc.blocks:
            words = b.words
            assert b.word_count == len(words)
            assert b.lower_count == sum(1 for w in words if w[0].islower())
            assert b.prose == (
                b.kind in ("paragraph", "quote")
                and ((len(words) >= 8 and b.lower_count >= 0.45 * len(words)) or py_caseless_prose(b.text))
            )
            one_line = b.start == b.end
            text = b.text.strip()
            title = (
                one_line
                and b.kind == "paragraph"
                and len(text) <= 160
                and (text[:1].isupper() or text[:1].isdigit())
                and not text.endswith((".", "!", ",", ";", ":"))
                and 1 <= len(words) <= 20
                and "   " not in text
            )
            assert b.heading_like == (b.kind == "heading" or title), b
            seen.add((b.kind, b.heading_like, b.prose))
    assert {("heading", True, False), ("paragraph", True, False), ("paragraph", False, True)} <= seen
    assert ("quote", False, True) in seen and ("list", False, False) in seen
