"""JSONL output: the fixed field spliced into each record's own bytes (`splice_field`), written
record by record to an output file (`JsonlFixWriter`).
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import re
from typing import IO

import orjson

from lintnews import atomic
from lintnews.atomic import AlreadyWritten
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.fixes.apply import content
from lintnews.fixes.output import restore_line_endings
from lintnews.sources import SpooledRecord, copy_line

# --- JSONL: the fixed field is spliced into the record's own bytes ---------------------------

_WS = re.compile(rb"[ \t\r\n]*")
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_SCALAR = re.compile(rb"[^,}\]\s]+")
_NESTED = re.compile(rb'["\[\]{}]')


def _skip_value(raw: bytes, pos: int) -> int:
    """The end of the JSON value starting at ``pos`` of ``raw`` (valid JSON)."""
    first = raw[pos : pos + 1]
    if first == b'"':
        m = _STRING.match(raw, pos)
        if m is None:
            raise ValueError("unterminated string")
        return m.end()
    if first not in (b"{", b"["):
        m = _SCALAR.match(raw, pos)
        if m is None:
            raise ValueError("no value")
        return m.end()
    depth = 0
    while True:
        m = _NESTED.search(raw, pos)
        if m is None:
            raise ValueError("unterminated value")
        if m.group() == b'"':
            pos = _skip_value(raw, m.start())
            continue
        depth += 1 if m.group() in (b"{", b"[") else -1
        pos = m.end()
        if depth == 0:
            return pos


def field_spans(raw: bytes, name: str) -> list[tuple[int, int]]:
    """Byte spans of the values of the top-level key ``name`` of the JSON object ``raw``, in
    order (a key given twice has two: parsers, orjson among them, use the last)."""
    pos = _WS.match(raw, 0).end()  # type: ignore[union-attr]
    if raw[pos : pos + 1] != b"{":
        raise ValueError("not an object")
    pos += 1
    spans: list[tuple[int, int]] = []
    while True:
        pos = _WS.match(raw, pos).end()  # type: ignore[union-attr]
        if raw[pos : pos + 1] == b"}":
            return spans
        m = _STRING.match(raw, pos)
        if m is None:
            raise ValueError("no key")
        key = orjson.loads(m.group())
        pos = _WS.match(raw, m.end()).end()  # type: ignore[union-attr]
        if raw[pos : pos + 1] != b":":
            raise ValueError("no colon")
        start = _WS.match(raw, pos + 1).end()  # type: ignore[union-attr]
        end = _skip_value(raw, start)
        if key == name:
            spans.append((start, end))
        pos = _WS.match(raw, end).end()  # type: ignore[union-attr]
        sep = raw[pos : pos + 1]
        if sep == b"}":
            return spans
        if sep != b",":
            raise ValueError("no comma")
        pos += 1


def splice_field(raw: bytes, name: str, new_text: str) -> bytes:
    """The JSONL line ``raw`` with the string value of its field ``name`` replaced by
    ``new_text``, every other byte as it was (numbers of any size, duplicate keys, escapes,
    spacing). The new value keeps the line endings of the old one (`restore_line_endings`)
    and its style: ``\\uXXXX`` escapes when the old value was written in ASCII with them."""
    spans = field_spans(raw, name)
    if not spans:
        raise ValueError(f"no `{name}` field")
    start, end = spans[-1]
    old_value = raw[start:end]
    old_text = orjson.loads(old_value)
    if not isinstance(old_text, str):
        raise ValueError(f"`{name}` is not a string")
    text = restore_line_endings(old_text, new_text)
    if old_value.isascii() and b"\\u" in old_value:
        encoded = json.dumps(text, ensure_ascii=True).encode("ascii")
    else:
        encoded = orjson.dumps(text)
    return raw[:start] + encoded + raw[end:]


class JsonlFixWriter:
    """Writes a cleaned copy of one JSONL corpus: every record in input order, byte for byte,
    except the text (or html) field of a fixed record, spliced in (`splice_field`). Records
    lintnews could not read (bad JSON, no text field) are copied unchanged. A ``.gz`` corpus
    gives a ``.gz`` copy. Output goes to a temporary file renamed into place by `close`, after
    optionally dropping records (near-duplicates, with unsafe fixes)."""

    def __init__(self, dest: str, settings: Settings) -> None:
        self.dest = dest
        self.settings = settings
        self.compress = dest.lower().endswith(".gz")
        os.makedirs(os.path.dirname(os.path.abspath(dest)), exist_ok=True)
        # The name is taken now (an empty file the copy replaces at `close`), so a file system
        # that folds case finds two corpora meeting here, before any record is dropped for one.
        try:
            os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            raise AlreadyWritten(errno.EEXIST, "a file of that name was already written", dest) from None
        try:
            self._cm = atomic.atomic_open(dest, "wb")
            self._file = self._cm.__enter__()
        except BaseException:
            os.unlink(dest)
            raise
        self._fh = self._gzip(self._file) if self.compress else self._file
        self._record_lines: list[int] = []
        #: Lines met a second time (the same file read twice): never dropped, see `close`.
        self.rereads: set[int] = set()

    @staticmethod
    def _gzip(fh: IO[bytes]) -> IO[bytes]:
        return gzip.GzipFile(filename="", mode="wb", fileobj=fh, compresslevel=6, mtime=0)  # type: ignore[return-value]

    def write(
        self, raw: bytes | SpooledRecord, record_line: int, doc: Document | None = None, changed: bool = False
    ) -> None:
        if self._record_lines and record_line <= self._record_lines[-1]:
            # Lines of one reading only grow: this record was written already.
            self.rereads.add(record_line)
            return
        if isinstance(raw, SpooledRecord):  # a record above max-document-size, copied from disk
            raw.copy_to(self._fh)
        else:
            line = raw if raw.endswith(b"\n") else raw + b"\n"
            if doc is not None and changed:
                field_name = self.settings.html_field if doc.kind == "html" else self.settings.text_field
                line = splice_field(line, field_name, content(doc))
            self._fh.write(line)
        self._record_lines.append(record_line)

    def close(self, drop: set[int] | None = None, error: BaseException | None = None) -> None:
        """Finish the file (or, given ``error``, discard it); then drop the records whose input
        lines are in ``drop`` with a second atomic rewrite. A line read twice is never dropped:
        its kept copy (the first reading) would go with it."""
        if self._fh is not self._file:
            self._fh.close()  # the gzip trailer (the file itself stays open)
        if error is not None:
            self._cm.__exit__(type(error), error, error.__traceback__)
            try:
                os.unlink(self.dest)  # the name taken by __init__
            except OSError:
                pass
            return
        self._cm.__exit__(None, None, None)
        drop = (drop or set()) - self.rereads
        if not drop:
            return
        opener = gzip.open if self.compress else open
        with opener(self.dest, "rb") as src, atomic.atomic_open(self.dest, "wb") as out:
            sink = self._gzip(out) if self.compress else out
            for record_line in self._record_lines:  # (in pieces: a record may be huge)
                copy_line(src, sink if record_line not in drop else None)  # type: ignore[arg-type]
            if sink is not out:
                sink.close()
