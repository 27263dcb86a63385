"""JSONL corpora, read one record at a time: each line parsed (or refused with an `InputError`
naming its record), lines above ``max-document-size`` spooled to disk unparsed, and the raw
line kept on the document for outputs that write records back.
"""

from __future__ import annotations

import codecs
import re
import sys
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, BinaryIO

import orjson

from lintnews.config import Settings
from lintnews.config_formats import format_named
from lintnews.document import Document
from lintnews.encoding import normalize_newlines
from lintnews.sources.discovery import NotRegularFile, open_regular
from lintnews.sources.documents import SNIFF_BYTES, TooLarge, html_document, text_document, too_large
from lintnews.sources.items import _TOO_DEEP, COPY_CHUNK, InputError, Item, SpooledRecord

#: The read buffer of a JSONL file: its lines are read one by one (`jsonl_lines`), and with the
#: default 8 KB buffer a line of a 10 KB article costs two reads and a join (0.13 CPU-s for
#: the 200 MB crawl corpus's lines, 0.04 with this).
READ_BUFFER = 1 << 20


def _open_jsonl(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    raw = open_regular(path, READ_BUFFER)
    if path.lower().endswith(".gz"):
        import gzip  # (compressed corpora only)

        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    return raw


def read_jsonl(
    path: str, settings: Settings, name: str | None = None, keep_raw: bool = False
) -> Iterator[Item]:
    """One `Document` per JSONL record. The record is named by its id field when it has one,
    else by its 1-based line number in the file. ``name`` is the path to report (stdin's).
    ``keep_raw``: keep records above ``max-document-size`` (in a temporary file) for outputs
    that copy every record."""
    name = name or path
    for line in jsonl_lines(path, settings.max_document_size, settings.id_field, keep_raw):
        if isinstance(line, InputError):
            yield line if name == path else replace(line, path=name)
        else:
            yield load_record(name, line[1], line[0], settings)


def write_record(out: BinaryIO, raw: bytes | SpooledRecord) -> None:
    """Write a raw JSONL record to ``out``, with its line break."""
    if isinstance(raw, SpooledRecord):
        raw.copy_to(out)
    else:
        out.write(raw if raw.endswith(b"\n") else raw + b"\n")


def copy_line(src: BinaryIO, out: BinaryIO | None) -> bool:
    """Copy the next line of ``src`` to ``out`` (or skip it, when None) in `COPY_CHUNK` pieces,
    so that a huge record is never held whole; False when ``src`` had no line left."""
    found = False
    while True:
        piece = src.readline(COPY_CHUNK)
        if not piece:
            return found
        found = True
        if out is not None:
            out.write(piece)
        if piece.endswith(b"\n"):
            return True


def _rest_of_line(fh: BinaryIO, spool: BinaryIO | None) -> tuple[int, bool]:
    """Read ``fh`` up to the end of the current line (or of the file), in `COPY_CHUNK` pieces,
    writing them to ``spool`` when given; return how many bytes that was and whether they were
    all whitespace."""
    size, blank = 0, True
    while True:
        piece = fh.readline(COPY_CHUNK)
        if not piece:
            return size, blank
        size += len(piece)
        blank = blank and not piece.strip()
        if spool is not None:
            spool.write(piece)
        if piece.endswith(b"\n"):
            return size, blank


def jsonl_lines(
    path: str, limit: int = 0, id_field: str = "id", keep_raw: bool = False
) -> Iterator[tuple[int, bytes] | InputError]:
    """(1-based line number, raw bytes) of every non-blank line of a JSONL file, streamed.

    A file (not stdin) with no record at all is an error; so is one whose first line is
    UTF-16/32 or binary, and then it is not read further (one error, not one per line).

    A line longer than ``limit`` bytes (``max-document-size``; 0: no limit) is an `InputError`
    found while reading: at most ``limit`` bytes of it are ever held, the rest is read through
    in pieces (to report its size and go on with the next line), so a gzip bomb of one huge
    line costs no memory. With ``keep_raw`` the line is kept in a temporary file
    (`SpooledRecord`) for outputs that copy every record; the error names the record when its
    id is its first field (``id_field``)."""
    try:
        fh = _open_jsonl(path)
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    except NotRegularFile as exc:
        yield InputError(path, str(exc))
        return
    lineno = 0
    records = 0
    try:
        with fh:
            peek = getattr(fh, "peek", None)
            head = peek(SNIFF_BYTES)[:SNIFF_BYTES] if peek is not None else b""
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
                yield InputError(path, "file is UTF-16 or UTF-32 (byte-order mark): JSONL must be UTF-8")
                return
            if (
                head.count(0) > 8
            ):  # one error for a binary file, not one per "line"; a stray NUL spoils one record
                yield InputError(
                    path, "contains NUL bytes (binary file, or UTF-16 without a byte-order mark?)"
                )
                return
            while True:
                n = lineno + 1  # (lineno: the lines read whole, for the errors below)
                # (at most limit + 1 bytes, and the byte-order mark of the first line)
                raw = (
                    fh.readline(limit + 1 + (len(codecs.BOM_UTF8) if n == 1 else 0))
                    if limit
                    else fh.readline()
                )
                if not raw:
                    break
                if n == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8) :]
                if too_large(len(raw), limit):
                    error = _oversized(path, fh, raw, n, limit, id_field, keep_raw)
                    lineno = n
                    if error is not None:
                        records += 1
                        yield error
                    continue
                lineno = n
                if not raw.strip():
                    continue
                records += 1
                yield lineno, raw
    except (OSError, EOFError, zlib.error) as exc:
        if lineno == 0:
            yield InputError(path, f"cannot read: {exc}")
        else:
            yield InputError(path, f"cannot read past line {lineno}: {exc}", line=lineno + 1, incomplete=True)
        return
    if not records and path != "-":
        yield InputError(path, "empty file" if lineno == 0 else "no records: the file holds only blank lines")


def _oversized(
    path: str, fh: BinaryIO, head: bytes, lineno: int, limit: int, id_field: str, keep_raw: bool
) -> InputError | None:
    """The error for a JSONL line of which ``head`` (more than ``limit`` bytes) was read: the rest
    is read through (into a temporary file with ``keep_raw``); None when the line turns out to be
    blank."""
    spool: BinaryIO | None = None
    if keep_raw:
        import tempfile  # (an oversized record of a run that copies records: rare)

        spool = tempfile.TemporaryFile()  # noqa: SIM115 (owned by the SpooledRecord)
        spool.write(head)
    complete = head.endswith(b"\n")
    rest, blank = (0, True) if complete else _rest_of_line(fh, spool)
    if blank and not head.strip():
        if spool is not None:
            spool.close()
        return None
    size = len(head) + rest
    record = _leading_id(head, id_field)
    return InputError(
        path,
        str(TooLarge(size, limit)),
        record,
        lineno,
        raw=SpooledRecord(spool, size) if spool is not None else None,
    )


def load_record(path: str, raw: bytes, lineno: int, settings: Settings) -> Item:
    """The `Document` of one JSONL line (keeping the raw line for fixes and splitting)."""
    return _with_raw(record_document(path, raw, lineno, settings), raw)


def _with_raw(item: Item, raw: bytes) -> Item:
    if isinstance(item, Document):
        item.raw = raw
        return item
    return replace(item, raw=raw)


def record_document(path: str, raw: bytes, lineno: int, settings: Settings) -> Item:
    if too_large(len(raw), settings.max_document_size):
        # Checked on the raw line, before it is parsed: the text would be copied several times over.
        error = str(TooLarge(len(raw), settings.max_document_size))
        return InputError(path, error, _leading_id(raw, settings.id_field), lineno)
    try:
        obj: Any = loads_record(raw)
    except orjson.JSONDecodeError as exc:
        return _not_json(path, raw, lineno, settings, exc)
    if not isinstance(obj, dict):
        return InputError(path, f"record is a JSON {type(obj).__name__}, not an object", line=lineno)
    rid = obj.get(settings.id_field)
    record = str(rid) if rid is not None and not isinstance(rid, (dict, list)) else str(lineno)
    text = obj.get(settings.text_field)
    html = obj.get(settings.html_field)
    meta = {k: v for k, v in obj.items() if k not in (settings.text_field, settings.html_field)}
    if text is None and html is None:
        return InputError(
            path,
            f"record has no `{settings.text_field}` or `{settings.html_field}` field",
            record=record,
            line=lineno,
        )
    if text is not None and not isinstance(text, str):
        return InputError(
            path, f"`{settings.text_field}` is a {type(text).__name__}, not a string", record, lineno
        )
    if text is not None and (text.strip() or not (isinstance(html, str) and html.strip())):
        if not text.strip():  # an empty extraction is a failed one, never an article
            return InputError(
                path,
                f"`{settings.text_field}` is {'empty' if not text else 'only whitespace'}",
                record,
                lineno,
            )
        kind = _text_format(obj, settings)
        if kind is None:
            return InputError(path, _bad_format(obj, settings), record, lineno)
        doc = text_document(path, normalize_newlines(text), kind, record, lineno)
    else:
        if not isinstance(html, str):
            return InputError(
                path, f"`{settings.html_field}` is a {type(html).__name__}, not a string", record, lineno
            )
        if not html.strip():
            return InputError(
                path,
                f"`{settings.html_field}` is {'empty' if not html else 'only whitespace'}",
                record,
                lineno,
            )
        try:
            doc = html_document(path, normalize_newlines(html), record, lineno)
        except RecursionError:
            return InputError(path, _TOO_DEEP, record, lineno)
    doc.meta = meta
    return doc


def _text_format(obj: dict[str, Any], settings: Settings) -> str | None:
    """How a record's text is read: ``text`` or ``markdown``, as its ``format-field`` says when
    one is configured and the record has it, else as ``text-format`` says; None for any other
    value of the field (an input error: the record is not read on a guess)."""
    value = obj.get(settings.format_field) if settings.format_field is not None else None
    if value is None:
        return settings.text_format
    return format_named(value)


def _bad_format(obj: dict[str, Any], settings: Settings) -> str:
    value = obj.get(settings.format_field or "")
    shown = repr(value)[:60] if isinstance(value, str) else f"a {type(value).__name__}"
    return (
        f"`{settings.format_field}` is {shown}: the format of `{settings.text_field}` must be text or "
        "markdown (or txt, md)"
    )


def loads_record(raw: bytes) -> Any:
    """Parse one JSONL line. orjson refuses numbers outside the range of a double (``1e400``),
    which JSON allows: such a line is parsed by the standard library instead (which reads
    ``1e400`` as infinity and integers of any size exactly); other errors stand."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        if "number" not in str(exc):
            raise
        error = exc
    import json

    def refuse(name: str) -> Any:  # NaN and Infinity are not JSON
        raise ValueError(name)

    try:
        return json.loads(raw, parse_constant=refuse)
    except ValueError:
        raise error from None


_LEADING_VALUE = re.compile(rb'\s*:\s*("(?:[^"\\\x00-\x1f]|\\.)*"|-?\d+)\s*[,}]')


def _leading_id(raw: bytes, id_field: str) -> str | None:
    """The id of a record that is not parsed whole, when the id is its first field (the usual
    layout: ``{"id": "a-17", "text": …}``), else None. Exact: the first key of the top-level
    object is read, never a field of a nested one."""
    head = raw[:4096].lstrip()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if not head.startswith(b"{"):
        return None
    head = head[1:].lstrip()
    key = orjson.dumps(id_field)
    if not head.startswith(key):
        return None
    m = _LEADING_VALUE.match(head, len(key))
    if m is None:
        return None
    try:
        value = orjson.loads(m.group(1))
    except orjson.JSONDecodeError:
        return None
    return str(value)


def _not_json(path: str, raw: bytes, lineno: int, settings: Settings, exc: Exception) -> InputError:
    """The error for a line orjson refused: a line in another encoding than UTF-8 (a Latin-1
    record appended to a UTF-8 file) is named as such, with the record's id when it has one."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        record = None
        try:
            obj = orjson.loads(raw.decode("utf-8", errors="replace"))
            rid = obj.get(settings.id_field) if isinstance(obj, dict) else None
            record = str(rid) if rid is not None and not isinstance(rid, (dict, list)) else None
        except orjson.JSONDecodeError:
            pass
        return InputError(
            path,
            f"not UTF-8: byte 0x{raw[bad.start]:02X} at column {bad.start + 1} (a record written in another "
            f"encoding, such as Latin-1?); JSONL must be UTF-8",
            record,
            lineno,
        )
    return InputError(path, f"not valid JSON: {exc}", line=lineno)
