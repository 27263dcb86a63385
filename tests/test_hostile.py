"""Hostile input: pipes and devices, empty inputs, foreign encodings in JSONL, binary data spotted
early, link loops, files that vanish, and folder walks in bounded memory (small inputs only; the
timings and the big inputs are in bench/hostile.py)."""

from __future__ import annotations

import io
import os
import random
import sys
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from lintnews import sources
from lintnews.cli import main
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.sources import (
    InputError,
    iter_documents,
    iter_paths,
    read_path,
    record_document,
    sorted_listing,
)

ARTICLE = (
    "Ferry service to the islands resumes\n"
    "\n"
    "The first ferry in eleven days left the mainland pier on Saturday morning after the storm\n"
    "damage to the landing ramp was repaired, the operator said.\n"
)
STORY = "Ferry service resumes. The operator said the ramp was repaired on Friday night.\n"


def docs(paths: list[str], settings: Settings | None = None) -> list[Document | InputError]:
    return list(iter_documents(paths, settings or Settings()))


def kinds(items: list[Document | InputError]) -> list[str]:
    return [type(i).__name__ for i in items]


def errors(items: list[Document | InputError]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


# --- not regular files -------------------------------------------------------------------


def test_named_pipe_named_or_in_a_folder_is_an_error_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "feed.jsonl")
    (folder / "story.txt").write_text(ARTICLE)
    items = docs([str(tmp_path / "pipe.txt"), str(folder)])
    assert kinds(items) == ["InputError", "InputError", "Document"]
    first, second = errors(items)
    assert first.path == str(tmp_path / "pipe.txt") and "named pipe" in first.message
    assert second.path == str(folder / "feed.jsonl") and "named pipe" in second.message


def test_a_pipe_that_replaced_a_listed_file_is_refused_when_opened(tmp_path: Path) -> None:
    for name in ("late.txt", "late.jsonl"):
        os.mkfifo(tmp_path / name)
        (err,) = read_path(str(tmp_path / name), Settings())
        assert isinstance(err, InputError) and "named pipe, not a regular file" in err.message


def test_device_files_are_errors(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(ARTICLE)
    items = docs(["/dev/null", str(tmp_path / "ok.txt")])
    assert kinds(items) == ["InputError", "Document"]
    assert "character device" in errors(items)[0].message


def test_symbolic_link_loop_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (err,) = docs([str(tmp_path / "a.txt")])
    assert isinstance(err, InputError) and err.message == "symbolic link loop"


def test_links_in_a_folder_to_files_are_read_and_to_folders_skipped(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    (target / "inner").mkdir(parents=True)
    (target / "story.txt").write_text(ARTICLE)
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "linked.txt").symlink_to(target / "story.txt")
    (folder / "section.md").symlink_to(target / "inner")  # a folder link with a text suffix
    (folder / "up").symlink_to(folder)  # a cycle, never followed
    items = docs([str(folder)])
    assert kinds(items) == ["Document"] and items[0].path == str(folder / "linked.txt")


def test_a_file_deleted_after_listing_is_an_error_and_the_rest_is_read(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.jsonl"):
        (tmp_path / name).write_text(ARTICLE if name.endswith(".txt") else '{"text": "Ferry resumes."}\n')
    paths = list(iter_paths([str(tmp_path)], Settings()))
    os.remove(tmp_path / "b.txt")
    os.remove(tmp_path / "c.jsonl")
    items = [item for p in paths for item in read_path(p, Settings())]  # type: ignore[arg-type]
    assert kinds(items) == ["Document", "InputError", "InputError"]
    assert all("No such file" in e.message for e in items[1:])  # type: ignore[union-attr]


def test_cli_reports_a_pipe_and_still_lints_the_other_files(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "ok.txt").write_text(ARTICLE + "Read more:\n")
    result = CliRunner().invoke(
        main,
        ["check", "--isolated", "--no-cache", "-j", "1", str(tmp_path / "pipe.md"), str(tmp_path / "ok.txt")],
    )
    assert result.exit_code == 2
    assert f"lintnews: error: {tmp_path / 'pipe.md'}: a named pipe, not a regular file" in result.output
    assert f"{tmp_path / 'ok.txt'}:5:1: S001" in result.output


# --- empty inputs ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.html"])
def test_empty_file_is_an_error(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")
    (tmp_path / "zz.txt").write_text(ARTICLE)
    items = docs([str(tmp_path)])
    assert kinds(items) == ["InputError", "Document"]
    assert items[0].path == str(tmp_path / name) and items[0].message == "empty file"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "name, data",
    [
        ("blank.txt", b" \n\t\r\n"),
        ("blank.md", b"\n\n"),
        ("bom.txt", b"\xef\xbb\xbf\n"),
        ("blank.html", b"  \n "),
    ],
)
def test_file_of_whitespace_is_an_error(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    (err,) = docs([str(tmp_path / name)])
    assert isinstance(err, InputError) and "only whitespace" in err.message


def test_html_with_markup_but_no_visible_text_is_a_document(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<html><head><title>T</title></head><body></body></html>")
    (doc,) = docs([str(tmp_path / "page.html")])
    assert isinstance(doc, Document) and doc.text == ""


def test_empty_stdin_is_an_empty_document(monkeypatch: pytest.MonkeyPatch) -> None:
    # An editor piping in a new, empty buffer must not get an error.
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    (doc,) = read_path("-", Settings(), stdin_name="new.md")
    assert isinstance(doc, Document) and doc.text == ""


@pytest.mark.parametrize(
    "data, message", [(b"", "empty file"), (b"\n \n\r\n", "no records: the file holds only blank lines")]
)
@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_jsonl_without_records_is_an_error(tmp_path: Path, data: bytes, message: str, suffix: str) -> None:
    import gzip

    path = tmp_path / f"batch{suffix}"
    path.write_bytes(gzip.compress(data, mtime=0) if suffix.endswith(".gz") else data)
    (err,) = docs([str(path)])
    assert isinstance(err, InputError) and err.message == message and err.path == str(path)


def test_empty_jsonl_on_stdin_is_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert list(read_path("-", Settings(), stdin_name="batch.jsonl")) == []


@pytest.mark.parametrize(
    "record, message",
    [
        ({"id": "a", "text": ""}, "`text` is empty"),
        ({"id": "a", "text": " \n\t"}, "`text` is only whitespace"),
        ({"id": "a", "html": ""}, "`html` is empty"),
        ({"id": "a", "text": "", "html": "  "}, "`text` is empty"),
    ],
)
def test_record_with_empty_text_is_an_error_naming_it(record: dict[str, str], message: str) -> None:
    err = record_document("c.jsonl", orjson.dumps(record), 4, Settings())
    assert isinstance(err, InputError)
    assert (err.message, err.record, err.line) == (message, "a", 4)


def test_record_with_empty_text_but_html_reads_the_html() -> None:
    raw = orjson.dumps({"id": "a", "text": "", "html": "<p>Ferry service resumes.</p>"})
    doc = record_document("c.jsonl", raw, 1, Settings())
    assert isinstance(doc, Document) and doc.kind == "html" and doc.text == "Ferry service resumes."


# --- encodings and binary data -------------------------------------------------------------


def test_latin1_record_in_a_utf8_jsonl_is_named_with_its_id(tmp_path: Path) -> None:
    good = orjson.dumps({"id": "r1", "text": "Die Fähre fährt wieder."})
    latin = '{"id": "r2", "text": "Die Fähre fährt wieder."}'.encode("latin-1")
    broken = '{"text": "Straße'.encode("latin-1")
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join([good, latin, broken, good]) + b"\n")
    items = docs([str(path)])
    assert kinds(items) == ["Document", "InputError", "InputError", "Document"]
    err = items[1]
    assert isinstance(err, InputError) and (err.line, err.record) == (2, "r2")
    assert (
        err.message.startswith("not UTF-8: byte 0xE4 at column 28") and "JSONL must be UTF-8" in err.message
    )
    assert isinstance(items[2], InputError) and items[2].record is None and "byte 0xDF" in items[2].message


def test_a_stray_nul_in_one_record_spoils_only_that_record(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(
        orjson.dumps({"text": "Ferry\x00 resumes."}).replace(b"\\u0000", b"\x00")
        + b"\n"
        + orjson.dumps({"text": STORY})
        + b"\n"
    )
    assert kinds(docs([str(path)])) == ["InputError", "Document"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_jsonl_is_one_error_not_one_per_line(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes("".join(f'{{"text": "Story {i}."}}\n' for i in range(50)).encode(codec))
    (err,) = docs([str(path)])
    assert isinstance(err, InputError) and "JSONL must be UTF-8" in err.message


def test_utf16_jsonl_without_a_byte_order_mark_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes("".join(f'{{"text": "Story {i}."}}\n' for i in range(50)).encode("utf-16-le"))
    (err,) = docs([str(path)])
    assert isinstance(err, InputError) and "UTF-16" in err.message


def test_binary_jsonl_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n" + random.Random(0).randbytes(20_000))
    (err,) = docs([str(path)])
    assert isinstance(err, InputError) and "binary" in err.message and err.path == str(path)


def test_binary_file_is_refused_after_its_first_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "zeros.txt"
    with open(path, "wb") as fh:
        fh.truncate(1 << 20)
    reads: list[int] = []
    real = sources.open_regular

    def counting(p: str):  # type: ignore[no-untyped-def]
        fh = real(p)
        raw_read = fh.read

        def read(n: int = -1) -> bytes:
            data = raw_read(n)
            reads.append(len(data))
            return data

        fh.read = read  # type: ignore[method-assign]
        return fh

    monkeypatch.setattr(sources.documents, "open_regular", counting)  # where files are read
    (err,) = docs([str(path)])
    assert isinstance(err, InputError) and "binary" in err.message
    assert reads == [sources.SNIFF_BYTES]


def test_utf16_html_without_a_byte_order_mark_is_still_read(tmp_path: Path) -> None:
    # NULs on one side of the byte pairs (and U+3000, a NUL on the other side): text, not binary.
    page = (
        '<html><head><meta charset="utf-16le"></head><body><p>Ferry\u3000service resumes.</p></body></html>'
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("utf-16-le"))
    (doc,) = docs([str(path)])
    assert isinstance(doc, Document) and doc.text == "Ferry service resumes."


def test_text_with_one_early_nul_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"Ferry\x00 service resumes.\n" + ARTICLE.encode())
    (err,) = docs([str(path)])
    assert isinstance(err, InputError) and "NUL" in err.message


# --- folder walks in bounded memory ----------------------------------------------------------


def test_listing_merged_from_sorted_runs_is_in_name_order(tmp_path: Path) -> None:
    names = ["b.txt", "a.txt", "a-b.txt", "A.txt", "ä.txt", "line\nbreak.txt", "10.txt", "9.txt", "z", "a"]
    for n in names:
        (tmp_path / n).write_text("x")
    expected = sorted(names, key=os.fsencode)
    for run in (1, 3, 1000):
        assert [name for name, _ in sorted_listing(str(tmp_path), run)] == expected


def test_walk_spilling_to_disk_gives_the_same_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(25):
        folder = tmp_path / f"d{i % 3}"
        folder.mkdir(exist_ok=True)
        (folder / f"story-{(i * 7) % 25:02d}.txt").write_text(STORY)
        (tmp_path / f"top-{i:02d}.md").write_text(STORY)
    in_memory = list(iter_paths([str(tmp_path)], Settings()))
    monkeypatch.setattr(sources.discovery, "SORT_RUN", 4)  # where folders are walked
    spilled = list(iter_paths([str(tmp_path)], Settings()))
    assert spilled == in_memory
    paths = [p for p in in_memory if isinstance(p, str)]
    assert paths == in_memory and paths == sorted(paths, key=os.fsencode) and len(paths) == 50


def test_walk_reports_non_regular_files_only_with_a_known_suffix(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "control")  # not a name lintnews would read: ignored like any other
    os.mkfifo(tmp_path / "news.html")
    items = list(iter_paths([str(tmp_path)], Settings()))
    assert (
        len(items) == 1 and isinstance(items[0], InputError) and items[0].path == str(tmp_path / "news.html")
    )


# --- documents above max-document-size ------------------------------------------------------


def cli(args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", ["big.txt", "big.md", "big.html"])
def test_a_file_above_max_document_size_is_an_input_error(tmp_path: Path, name: str) -> None:
    big = tmp_path / name
    big.write_text(ARTICLE * 20)
    assert big.stat().st_size == 3760
    (tmp_path / "ok.txt").write_text(ARTICLE + "Read more:\n")
    for jobs in ("1", "2"):  # in this process, and in worker processes
        code, out, err = cli(["-j", jobs, "--max-document-size", "1KB", str(tmp_path)])
        assert code == 2
        assert err == (
            f"lintnews: error: {big}: document too large to lint: 3.8 KB (max-document-size is 1 KB; "
            "raise it with --max-document-size)\n"
        )
        assert f"{tmp_path / 'ok.txt'}:5:1: S001" in out
    assert cli(["--exit-zero", "--max-document-size", "3760", str(big)])[0] == 0
    assert cli(["--exit-zero", "--max-document-size", "0", str(big)])[0] == 0  # no limit


def test_a_big_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path) -> None:
    sparse = tmp_path / "zeros.txt"
    with open(sparse, "wb") as fh:
        fh.truncate(1 << 30)  # a sparse GiB of NULs: reading any of it would say "binary"
    (item,) = docs([str(sparse)], Settings(max_document_size=1 << 20))
    assert isinstance(item, InputError)
    assert item.message.startswith("document too large to lint: 1.1 GB (max-document-size is 1 MB;")


def test_a_file_that_grows_past_the_limit_is_not_read_past_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing.txt"
    path.write_text(ARTICLE * 20)
    real_fstat = os.fstat
    monkeypatch.setattr(
        os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:]))
    )
    (item,) = docs([str(path)], Settings(max_document_size=1000))
    assert isinstance(item, InputError)
    assert item.message.startswith("document too large to lint: more than 1 KB")


def test_a_jsonl_record_above_max_document_size_is_an_input_error(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [
        orjson.dumps({"id": "small", "text": ARTICLE}),
        orjson.dumps({"id": "huge", "text": ARTICLE * 20, "url": "u"}),
        orjson.dumps({"text": ARTICLE * 20, "id": "id-not-first"}),
        orjson.dumps({"id": "small-2", "text": STORY + "Read more:\n"}),
    ]
    corpus.write_bytes(b"\n".join(lines) + b"\n")
    size = f"{len(lines[1]) / 1000:.1f} KB"
    for jobs in ("1", "2"):
        code, out, err = cli(["-j", jobs, "--max-document-size", "2KB", "--format", "json", str(corpus)])
        assert code == 2
        assert err.splitlines() == [
            f"lintnews: error: {corpus}:2 (record huge): document too large to lint: {size} "
            "(max-document-size is 2 KB; raise it with --max-document-size)",
            f"lintnews: error: {corpus}:3: document too large to lint: {size} "
            "(max-document-size is 2 KB; raise it with --max-document-size)",
        ]
        assert {d["record"] for d in orjson.loads(out)} == {"small-2"}
    # --fix copies the refused records byte for byte; --rejected-output rejects them.
    out_dir, rejected = tmp_path / "out", tmp_path / "rejected.jsonl"
    code, _, _ = cli(["--max-document-size", "2KB", "--fix", "--output-dir", str(out_dir), str(corpus)])
    assert code == 2
    written = (out_dir / "c.jsonl").read_bytes().splitlines()  # (the corpus is outside the working directory)
    assert len(written) == 4 and written[1:3] == lines[1:3]
    code, _, _ = cli(["--max-document-size", "2KB", "--rejected-output", str(rejected), str(corpus)])
    assert code == 2
    assert rejected.read_bytes().splitlines() == lines[1:3]


def test_stdin_above_max_document_size_is_an_input_error() -> None:
    code, _, err = cli(
        ["--max-document-size", "100", "--stdin-filename", "brief.txt", "-"], stdin=ARTICLE.encode()
    )
    assert code == 2
    assert err.startswith("lintnews: error: brief.txt: document too large to lint: more than 100 bytes")
    assert cli(["--max-document-size", "1KB", "-"], stdin=ARTICLE.encode())[0] == 0


def test_record_document_checks_the_raw_line_before_parsing_it() -> None:
    raw = b'{"id": 17, "text": "' + b"x" * 100 + b'"'  # not even valid JSON: never parsed
    item = record_document("c.jsonl", raw, 4, Settings(max_document_size=50))
    assert isinstance(item, InputError)
    assert (item.record, item.line) == ("17", 4)
    assert item.message.startswith("document too large to lint: 121 bytes")
