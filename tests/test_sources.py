"""Sources: files, folders, encodings and JSONL records become Documents or InputErrors."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import sys
from pathlib import Path

import orjson
import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.sources import InputError, iter_documents, iter_paths, read_path

ARTICLE = (
    "Harbour workers end strike after pay deal\n"
    "\n"
    "Dock workers in the port city voted on Thursday to accept a 6 percent raise, ending a strike\n"
    "that had left container ships waiting at anchor for nine days.\n"
)

#: Long enough for charset detection to be sure; full of umlauts and ß.
GERMAN = (
    "Die Bürgermeisterin äußerte sich am Montag erstmals öffentlich zur Sperrung der Brücke über die "
    "Mosel. Nach Angaben der Straßenbaubehörde müssen Lastwagen über zwölf Tonnen künftig einen Umweg "
    "von gut dreißig Kilometern fahren. Anwohner befürchten längere Staus in den Dörfern, Händler "
    "klagen über Einbußen. Ein Gutachten soll bis Ende März klären, ob die Brücke noch zu retten ist "
    "oder durch einen Neubau ersetzt werden muss.\n"
)


def docs(paths: list[str], settings: Settings | None = None) -> list[Document | InputError]:
    return list(iter_documents(paths, settings or Settings()))


def only_doc(path: Path | str) -> Document:
    items = docs([str(path)])
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def only_error(path: Path | str) -> InputError:
    items = docs([str(path)])
    assert len(items) == 1 and isinstance(items[0], InputError), items
    return items[0]


# --- plain text and Markdown ---------------------------------------------------------------


@pytest.mark.parametrize("name, kind", [("story.txt", "text"), ("story.md", "markdown")])
def test_txt_and_md_are_read_as_is(tmp_path: Path, name: str, kind: str) -> None:
    text = "# Harbour strike ends\n\n**Dock workers** voted to accept the offer.\n"
    (tmp_path / name).write_text(text, encoding="utf-8")
    doc = only_doc(tmp_path / name)
    assert doc.text == text
    assert doc.kind == kind
    assert doc.record is None
    assert doc.to_source(2, 3) == (doc.source_map.to_source(2, 3))
    assert (doc.to_source(2, 3).line, doc.to_source(2, 3).column) == (3, 4)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_become_newlines(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.replace("\n", newline).encode("utf-8"))
    doc = only_doc(path)
    assert doc.text == ARTICLE
    assert doc.lines[2].startswith("Dock workers")


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + GERMAN.encode("utf-8"),
        codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"),
        GERMAN.encode("cp1252"),
        GERMAN.encode("latin-1"),
    ],
    ids=["utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252", "latin-1"],
)
def test_encodings_are_detected(tmp_path: Path, encoded: bytes) -> None:
    path = tmp_path / "bruecke.txt"
    path.write_bytes(encoded)
    assert only_doc(path).text == GERMAN


def test_utf16_with_crlf(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-16"))  # BOM + native order
    assert only_doc(path).text == ARTICLE


def test_utf8_with_one_stray_byte_stays_utf8(tmp_path: Path) -> None:
    # A legacy-charset guess would garble every umlaut to fix one bad byte.
    path = tmp_path / "bruecke.txt"
    path.write_bytes(GERMAN.encode("utf-8") + b"Ende\xff.\n")
    text = only_doc(path).text
    assert text.startswith(GERMAN)
    assert text.endswith("Ende\ufffd.\n")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        gzip.compress(ARTICLE.encode("utf-8") * 20, mtime=0),
        bytes((i * 7919) % 255 + 1 for i in range(4000)),  # no NUL, no charset fits
    ],
    ids=["png", "gzip", "noise"],
)
@pytest.mark.parametrize("name", ["photo.txt", "photo.md"])
def test_binary_input_is_an_input_error_naming_the_file(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    err = only_error(path)
    assert err.path == str(path)
    assert str(err).startswith(f"{path}: ")


def test_binary_html_is_an_input_error(tmp_path: Path) -> None:
    # HTML falls back to windows-1252 like a browser, so only NUL bytes mark it as binary.
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    err = only_error(path)
    assert err.path == str(path) and "binary" in err.message


def test_stray_nul_late_in_a_text_file_is_kept_as_replacement(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    body = ARTICLE * 200  # well past the first 8000 characters
    path.write_bytes(body.encode("utf-8") + b"Tail\x00\x00 line.\n")
    assert only_doc(path).text.endswith("Tail\ufffd\ufffd line.\n")


def test_html_file_with_late_nul_bytes_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    filler = "<!-- " + "x" * 9000 + " -->"
    path.write_bytes(f"<html><body>{filler}<p>Dock workers voted.</p>\x00\x00</body></html>".encode())
    assert only_doc(path).text == "Dock workers voted."


# --- paths and folders ---------------------------------------------------------------------


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    files = [
        "b.txt",
        "a/z.md",
        "a/b/deep.html",
        "a/a.jsonl",
        "c.htm",
        "sub/notes.markdown",
        "data.jsonl.gz",
    ]
    for rel in files:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")
    for rel in ["image.png", "a/script.py", "README", ".git/HEAD.txt", "node_modules/pkg/readme.md"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")
    got = [os.path.relpath(p, tmp_path) for p in iter_paths([str(tmp_path)], Settings())]
    assert got == sorted(files)


def test_extend_exclude_skips_matching_files_and_folders(tmp_path: Path) -> None:
    for rel in ["keep.txt", "drafts/old.txt", "archive/2019.txt", "skip.tmp.txt"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    settings = Settings(extend_exclude=["drafts", "archive/*", "*.tmp.txt"])
    got = [os.path.relpath(p, tmp_path) for p in iter_paths([str(tmp_path)], settings)]
    assert got == ["keep.txt"]


def test_named_files_keep_their_order_and_any_suffix(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.log").write_text("a")
    got = list(iter_paths([str(tmp_path / "b.txt"), str(tmp_path / "a.log")], Settings()))
    assert got == [str(tmp_path / "b.txt"), str(tmp_path / "a.log")]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    err = only_error(tmp_path / "nope.txt")
    assert err.path == str(tmp_path / "nope.txt")
    assert "no such file" in err.message


def test_broken_symlink_is_an_input_error_named_or_found_in_a_folder(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    (tmp_path / "ok.txt").write_text("Dock workers voted.\n")
    err = only_error(link)
    assert err.path == str(link) and "broken symbolic link" in err.message
    items = docs([str(tmp_path)])
    assert [type(i).__name__ for i in items] == ["InputError", "Document"]
    assert items[0].path == str(link)


def test_errors_do_not_stop_the_other_inputs(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Dock workers voted.\n")
    items = docs([str(tmp_path / "missing.txt"), str(tmp_path / "ok.txt")])
    assert isinstance(items[0], InputError) and isinstance(items[1], Document)


def test_stdin_is_read_with_the_stdin_name(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(GERMAN.encode("cp1252")))
    monkeypatch.setattr(sys, "stdin", fake)
    items = list(read_path("-", Settings(), stdin_name="brief.txt"))
    assert len(items) == 1 and isinstance(items[0], Document)
    assert items[0].path == "brief.txt" and items[0].text == GERMAN


# --- JSONL ---------------------------------------------------------------------------------


def jsonl(records: list[object]) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in records)


RECORDS = [
    {"id": "harbour-1", "text": "Dock workers voted on Thursday.\nThe strike is over.", "url": "https://x"},
    {"text": "A second article without an id."},
    {"id": 17, "text": "A numeric id names the record."},
]


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".ndjson"])
def test_one_document_per_record_named_by_id_or_line(tmp_path: Path, suffix: str) -> None:
    data = jsonl(RECORDS)
    path = tmp_path / f"corpus{suffix}"
    path.write_bytes(gzip.compress(data, mtime=0) if suffix.endswith(".gz") else data)
    items = docs([str(path)])
    assert all(isinstance(i, Document) for i in items)
    assert [(d.record, d.record_line) for d in items] == [("harbour-1", 1), ("2", 2), ("17", 3)]
    first = items[0]
    assert first.text == "Dock workers voted on Thursday.\nThe strike is over."
    assert first.meta == {"id": "harbour-1", "url": "https://x"}
    assert first.display_name == f"{path}#harbour-1"
    # Lines inside a record are counted from the start of its text.
    assert (first.to_source(1, 4).line, first.to_source(1, 4).column) == (2, 5)


def test_blank_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"\n" + jsonl([{"text": "First."}]) + b"   \n\n" + jsonl([{"text": "Second."}]))
    items = docs([str(path)])
    assert [(d.record, d.text) for d in items] == [("2", "First."), ("5", "Second.")]


def test_crlf_jsonl_and_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(
        codecs.BOM_UTF8 + jsonl([{"text": "One.\r\nTwo."}, {"text": "Three."}]).replace(b"\n", b"\r\n")
    )
    items = docs([str(path)])
    assert [(d.record, d.text) for d in items] == [("1", "One.\nTwo."), ("2", "Three.")]


def test_configurable_field_names(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(jsonl([{"doc_id": "a1", "body": "Body text.", "text": "not this"}]))
    settings = Settings(text_field="body", id_field="doc_id")
    (doc,) = docs([str(path)], settings)
    assert isinstance(doc, Document)
    assert (doc.record, doc.text) == ("a1", "Body text.")


def test_record_with_html_is_parsed_as_html(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    page = "<html><body><h1>Strike ends</h1>\n<p>Dock workers <b>voted</b> &amp; left.</p></body></html>"
    path.write_bytes(jsonl([{"id": "p1", "html": page}, {"id": "p2", "markup": "<p>Custom field.</p>"}]))
    a, b = docs([str(path)], Settings())
    assert isinstance(a, Document) and a.kind == "html"
    assert a.text == "Strike ends\nDock workers voted & left."
    assert a.line_kind(0) == "heading"
    pos = a.to_source(1, a.lines[1].index("voted"))
    assert (pos.line, pos.column) == (2, page.split("\n")[1].index("voted") + 1)
    assert isinstance(b, InputError)  # no `text` or `html` field
    (c,) = [i for i in docs([str(path)], Settings(html_field="markup")) if isinstance(i, Document)]
    assert (c.record, c.text) == ("p2", "Custom field.")


def test_bad_records_are_errors_and_the_others_are_still_read(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [
        orjson.dumps({"id": "good-1", "text": "Fine."}),
        b'{"id": "broken", "text": "unterminated',
        orjson.dumps({"id": "no-text", "title": "Only a title"}),
        orjson.dumps({"id": "num", "text": 42}),
        orjson.dumps(["a", "list"]),
        orjson.dumps({"id": "bad-html", "html": {"p": "x"}}),
        orjson.dumps({"id": "good-2", "text": "Also fine."}),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = docs([str(path)])
    assert [type(i).__name__ for i in items] == [
        "Document",
        "InputError",
        "InputError",
        "InputError",
        "InputError",
        "InputError",
        "Document",
    ]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(e.path, e.line) for e in errors] == [(str(path), n) for n in (2, 3, 4, 5, 6)]
    assert "not valid JSON" in errors[0].message
    assert "`text`" in errors[1].message and errors[1].record == "no-text"
    assert "not a string" in errors[2].message and errors[2].record == "num"
    assert "not an object" in errors[3].message
    assert "`html`" in errors[4].message and "not a string" in errors[4].message
    assert str(errors[1]) == f"{path}:3 (record no-text): {errors[1].message}"
    assert [d.record for d in items if isinstance(d, Document)] == ["good-1", "good-2"]


def test_truncated_gzip_gives_the_good_records_then_an_error(tmp_path: Path) -> None:
    records = [{"id": f"r{i}", "text": f"Article number {i} about the harbour strike."} for i in range(400)]
    packed = gzip.compress(jsonl(records), mtime=0)
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    items = docs([str(path)])
    good = [i for i in items if isinstance(i, Document)]
    assert len(good) > 10
    assert [d.record for d in good] == [f"r{i}" for i in range(len(good))]
    assert isinstance(items[-1], InputError)
    assert items[-1].path == str(path) and "cannot read" in items[-1].message
    assert all(isinstance(i, Document) for i in items[:-1])


def test_not_gzip_at_all(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(jsonl(RECORDS))
    err = only_error(path)
    assert err.path == str(path) and err.line is None and "cannot read" in err.message


def test_invalid_utf8_in_a_record_is_an_error_for_that_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"text": "Stra\xdfe"}\n' + jsonl([{"text": "Fine."}]))
    items = docs([str(path)])
    assert isinstance(items[0], InputError) and items[0].line == 1
    assert isinstance(items[1], Document) and items[1].record == "2"


@pytest.mark.parametrize("limit", [0, 5 << 20])
def test_jsonl_lines_across_the_read_buffer_come_back_whole(tmp_path: Path, limit: int) -> None:
    from lintnews.sources import jsonl_lines
    from lintnews.sources.jsonl import READ_BUFFER

    # lines shorter than the buffer, one over three buffers long, one nearly a buffer long,
    # and a blank line
    sizes = [100, 3 * READ_BUFFER + 17, 5, READ_BUFFER - 40, 200]
    lines = []
    for i, n in enumerate(sizes):
        lines.append(b'{"id": "' + str(i).encode() + b'", "text": "' + b"x" * n + b'"}\n')
    path = tmp_path / "c.jsonl"
    path.write_bytes(lines[0] + lines[1] + b"\n" + b"".join(lines[2:]))
    got = list(jsonl_lines(str(path), limit, "id"))
    assert got == [(1, lines[0]), (2, lines[1]), (4, lines[2]), (5, lines[3]), (6, lines[4])]
