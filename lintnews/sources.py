"""Sources: turn the paths given on the command line into a stream of `Document`s.

Folders are walked lazily, JSONL is read one record at a time, and every problem with an input is
yielded as an `InputError` (naming the file and record) instead of stopping the run.
"""

from __future__ import annotations

import codecs
import fnmatch
import gzip
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO

import orjson
from bs4.dammit import UnicodeDammit

from lintnews import html_source
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.encoding import DecodeError, check_binary, decode, normalize_newlines

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
ALL_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES


@dataclass(frozen=True)
class InputError:
    """A problem with one input: a file, or one record or line of it."""

    path: str
    message: str
    record: str | None = None
    line: int | None = None
    #: The raw JSONL line, so `--fix --output-dir` can copy unreadable records unchanged.
    raw: bytes | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.record is not None:
            where += f" (record {self.record})"
        return f"{where}: {self.message}"


Item = Document | InputError
_TOO_DEEP = "HTML is nested too deeply to read"


def kind_of(path: str) -> str:
    lower = path.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return "text"


def iter_paths(paths: Iterable[str], settings: Settings) -> Iterator[str | InputError]:
    """Files to lint, in a deterministic order: named files as given, folders walked in sorted
    order (only files with a known suffix), excluded names skipped."""
    excludes = [*settings.exclude, *settings.extend_exclude]
    for path in paths:
        if path == "-":
            yield path
        elif os.path.isdir(path):
            yield from _walk(path, excludes)
        elif os.path.lexists(path):
            if not os.path.exists(path):
                yield InputError(path, "broken symbolic link")
            else:
                yield path
        else:
            yield InputError(path, "no such file or directory")


def _excluded(name: str, rel: str, excludes: list[str]) -> bool:
    return any(fnmatch.fnmatch(name, pat) or fnmatch.fnmatch(rel, pat) for pat in excludes)


def _walk(root: str, excludes: list[str]) -> Iterator[str | InputError]:
    """Files under ``root`` in sorted path order (a folder's files and subfolders interleaved by
    name, as ``find | sort`` lists them). Symbolic links to folders are not followed."""
    stack: list[Iterator[tuple[str, str, bool]]] = []

    def listing(folder: str) -> Iterator[tuple[str, str, bool]] | InputError:
        try:
            with os.scandir(folder) as it:
                return iter(sorted((e.name, e.path, e.is_dir(follow_symlinks=False)) for e in it))
        except OSError as exc:
            return InputError(folder, f"cannot list folder: {exc.strerror}")

    first = listing(root)
    if isinstance(first, InputError):
        yield first
        return
    stack.append(first)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        name, path, is_dir = entry
        rel = os.path.relpath(path, root).replace(os.sep, "/")
        if _excluded(name, rel, excludes):
            continue
        if is_dir:
            sub = listing(path)
            if isinstance(sub, InputError):
                yield sub
            else:
                stack.append(sub)
        elif name.lower().endswith(ALL_SUFFIXES):
            if os.path.islink(path) and not os.path.exists(path):
                yield InputError(path, "broken symbolic link")
            else:
                yield path


def iter_documents(paths: Iterable[str], settings: Settings, stdin_name: str = "-") -> Iterator[Item]:
    """Every document (or input error) of the given paths, in input order."""
    for path in iter_paths(paths, settings):
        if isinstance(path, InputError):
            yield path
            continue
        yield from read_path(path, settings, stdin_name)


def read_path(path: str, settings: Settings, stdin_name: str = "-") -> Iterator[Item]:
    kind = kind_of(stdin_name if path == "-" else path)
    if kind == "jsonl":
        yield from read_jsonl(path, settings, stdin_name if path == "-" else path)
        return
    try:
        data = sys.stdin.buffer.read() if path == "-" else _read_bytes(path)
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    name = stdin_name if path == "-" else path
    try:
        doc = make_document(name, data, kind)
    except DecodeError as exc:
        yield InputError(name, str(exc))
        return
    except RecursionError:  # lintnews walks HTML without recursion; an older parser might not
        yield InputError(name, _TOO_DEEP)
        return
    yield doc


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def make_document(path: str, data: bytes, kind: str, record: str | None = None, record_line: int | None = None) -> Document:
    if kind == "html":
        return html_document(path, decode_html(data), record, record_line)
    if kind == "markdown":
        return markdown_document(path, decode(data), record, record_line)
    return Document(path=path, text=decode(data), record=record, record_line=record_line, kind=kind)


_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def markdown_document(path: str, text: str, record: str | None = None, record_line: int | None = None) -> Document:
    """A Markdown document. HTML comments (suppression directives among them) are not article
    text: rules see them blanked out with spaces, so every position stays where it was, and
    fixes edit ``source``, the text as written."""
    if "<!--" not in text:
        return Document(path=path, text=text, record=record, record_line=record_line, kind="markdown")
    blanked = _HTML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    return Document(path=path, text=blanked, record=record, record_line=record_line, kind="markdown", source=text)


def decode_html(data: bytes) -> str:
    """HTML bytes to text: BOM, then the declared charset, then detection (UnicodeDammit)."""
    dammit = UnicodeDammit(data, is_html=True)
    if dammit.unicode_markup is None:
        raise DecodeError("cannot detect the HTML page's encoding")
    return normalize_newlines(check_binary(dammit.unicode_markup, replacement=" "))


def html_document(path: str, markup: str, record: str | None = None, record_line: int | None = None) -> Document:
    extracted = html_source.extract(markup)
    return Document(
        path=path,
        text=extracted.text,
        record=record,
        record_line=record_line,
        kind="html",
        source_map=extracted.source_map,
        line_tags=extracted.line_tags,
        soft_breaks=extracted.soft_breaks,
        source=markup,
    )


def _open_jsonl(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    raw = open(path, "rb")
    if path.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    return raw


def read_jsonl(path: str, settings: Settings, name: str | None = None) -> Iterator[Item]:
    """One `Document` per JSONL record. The record is named by its id field when it has one,
    else by its 1-based line number in the file. ``name`` is the path to report (stdin's)."""
    name = name or path
    for line in jsonl_lines(path):
        if isinstance(line, InputError):
            yield line if name == path else replace(line, path=name)
        else:
            yield load_record(name, line[1], line[0], settings)


def jsonl_lines(path: str) -> Iterator[tuple[int, bytes] | InputError]:
    """(1-based line number, raw bytes) of every non-blank line of a JSONL file, streamed."""
    try:
        fh = _open_jsonl(path)
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    lineno = 0
    try:
        with fh:
            for lineno, raw in enumerate(fh, start=1):
                if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8) :]
                if not raw.strip():
                    continue
                yield lineno, raw
    except (OSError, EOFError, zlib.error) as exc:
        if lineno == 0:
            yield InputError(path, f"cannot read: {exc}")
        else:
            yield InputError(path, f"cannot read past line {lineno}: {exc}", line=lineno + 1)


def load_record(path: str, raw: bytes, lineno: int, settings: Settings) -> Item:
    """The `Document` of one JSONL line (keeping the raw line for fixes and splitting)."""
    return _with_raw(record_document(path, raw, lineno, settings), raw)


def _with_raw(item: Item, raw: bytes) -> Item:
    if isinstance(item, Document):
        item.cache["raw"] = raw
        return item
    return replace(item, raw=raw)


def record_document(path: str, raw: bytes, lineno: int, settings: Settings) -> Item:
    try:
        obj: Any = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return InputError(path, f"not valid JSON: {exc}", line=lineno)
    if not isinstance(obj, dict):
        return InputError(path, f"record is a JSON {type(obj).__name__}, not an object", line=lineno)
    rid = obj.get(settings.id_field)
    record = str(rid) if rid is not None and not isinstance(rid, (dict, list)) else str(lineno)
    text = obj.get(settings.text_field)
    html = obj.get(settings.html_field)
    meta = {k: v for k, v in obj.items() if k not in (settings.text_field, settings.html_field)}
    if text is None and html is None:
        return InputError(
            path, f"record has no `{settings.text_field}` or `{settings.html_field}` field", record=record, line=lineno
        )
    if text is not None:
        if not isinstance(text, str):
            return InputError(path, f"`{settings.text_field}` is a {type(text).__name__}, not a string", record, lineno)
        doc = Document(path=path, text=normalize_newlines(text), record=record, record_line=lineno, kind="text")
    else:
        if not isinstance(html, str):
            return InputError(path, f"`{settings.html_field}` is a {type(html).__name__}, not a string", record, lineno)
        try:
            doc = html_document(path, normalize_newlines(html), record, lineno)
        except RecursionError:
            return InputError(path, _TOO_DEEP, record, lineno)
    doc.meta = meta
    return doc

