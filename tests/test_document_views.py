"""A `Document`'s derived values are typed views computed once, not entries of a scratch dict."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from lintnews import packs, textnorm
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
