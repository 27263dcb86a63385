"""Sources: turn the paths given on the command line into a stream of `Document`s.

Folders are walked lazily, JSONL is read one record at a time, and every problem with an input is
yielded as an `InputError` (naming the file and record) instead of stopping the run.

What counts as bad input (each is one `InputError`, and the run goes on):

- anything but a regular file named or found in a folder: a named pipe, a device, a socket (a pipe
  with no writer would block forever, ``/dev/zero`` never ends; stream data in with ``-``);
- an empty file, or one holding only whitespace (a failed download or extraction, never an
  article); JSONL with no record, a record whose text is empty. Standard input is exempt: an
  editor piping in a new, empty buffer is not an error;
- binary data (a NUL among the first 8,000 bytes is spotted before the rest is read, so a
  multi-gigabyte image or sparse file costs nothing), text in no recognisable encoding, a JSONL
  line that is not UTF-8 JSON or lacks the text field, a truncated gzip stream;
- missing files, broken symbolic links and link loops, unreadable files and folders;
- a document larger than ``max-document-size`` (a file, by its size before it is read; a JSONL
  record, by the length of its line before it is parsed; standard input, once that much is read).
"""

from __future__ import annotations

import codecs
import errno
import fnmatch
import gzip
import heapq
import os
import re
import shutil
import stat
import sys
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO

import orjson

from lintnews.atomic import STAGING_MARK
from lintnews.config import Settings, format_size
from lintnews.document import Document
from lintnews.encoding import DecodeError, decode, decode_html, normalize_newlines
from lintnews.ignore import IgnoreStack

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
    #: The raw JSONL line, so `--fix --output-dir` can copy unreadable records unchanged (a
    #: `SpooledRecord` for a line above ``max-document-size``).
    raw: bytes | SpooledRecord | None = field(default=None, compare=False, repr=False)
    #: The file could not be read to its end (a truncated gzip stream): no cleaned copy of it
    #: may be written, it would lack the records after the error.
    incomplete: bool = field(default=False, compare=False, repr=False)

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


def iter_paths(paths: Iterable[str], settings: Settings, skip: Iterable[str] = ()) -> Iterator[str | InputError]:
    """Files to lint, in a deterministic order: named files as given, folders walked in sorted
    order (only files with a known suffix), excluded names, ignored paths (`lintnews.ignore`)
    and the folders in ``skip`` left out. Anything that is not a regular file is an
    `InputError` here, before anyone tries to open it.

    A file reached twice (named twice, named and inside a named folder, or through a symbolic
    or hard link) is yielded once, under the first name it was reached by: read twice, it
    would be reported as a duplicate of itself, and a cleaned corpus would drop both copies."""
    excludes = [*settings.exclude, *settings.extend_exclude]
    seen = SeenFiles()
    stdin = False
    for path in paths:
        if path == "-":
            if not stdin:
                stdin = True
                yield path
        elif os.path.isdir(path):
            walk = _walk(
                path, excludes, IgnoreStack(path) if settings.respect_gitignore else None, {os.path.abspath(f) for f in skip}
            )
            for found in walk:
                if isinstance(found, InputError) or seen.add_path(found):
                    yield found
        else:
            problem = _not_a_file(path)
            if problem:
                yield InputError(path, problem)
            elif seen.add_path(path):
                yield path


class SeenFiles:
    """The files (device and inode numbers) a run has read, to read none twice. Exact, in about
    8 bytes a file: recent ones in a set, older ones in sorted arrays (numpy), so a walk of
    millions of files stays in bounded memory."""

    FLUSH = 1 << 16

    def __init__(self) -> None:
        self._recent: set[tuple[int, int]] = set()
        self._sorted: dict[int, Any] = {}

    def add_path(self, path: str) -> bool:
        """Record the file ``path`` (links followed); False when it was recorded before. A file
        that cannot be looked at is not recorded (reading it reports the problem)."""
        try:
            st = os.stat(path)
        except OSError:
            return True
        return self.add(st.st_dev, st.st_ino)

    def add(self, dev: int, ino: int) -> bool:
        key = (dev, ino)
        if key in self._recent:
            return False
        older = self._sorted.get(dev)
        if older is not None:
            i = int(older.searchsorted(ino))
            if i < len(older) and int(older[i]) == ino:
                return False
        self._recent.add(key)
        if len(self._recent) >= self.FLUSH:
            self._flush()
        return True

    def _flush(self) -> None:
        import numpy as np  # only for runs of more than FLUSH files

        by_dev: dict[int, list[int]] = {}
        for dev, ino in self._recent:
            by_dev.setdefault(dev, []).append(ino)
        for dev, inodes in by_dev.items():
            new = np.array(inodes, dtype=np.uint64)
            older = self._sorted.get(dev)
            merged = new if older is None else np.concatenate((older, new))
            merged.sort(kind="stable")
            self._sorted[dev] = merged
        self._recent.clear()


def reaches(paths: Iterable[str], target: str, settings: Settings) -> str | None:
    """The input among ``paths`` (a named file, or a file a named folder's walk would lint) that
    is the same file as ``target``, or None. The walk is only that of the folders on the way
    to ``target``, with the walk's own exclusions and ignore files."""
    try:
        want = os.stat(target)
    except OSError:
        return None
    if not stat.S_ISREG(want.st_mode):
        return None
    key = (want.st_dev, want.st_ino)
    real_target = os.path.realpath(target)
    excludes = [*settings.exclude, *settings.extend_exclude]
    for path in paths:
        if path == "-":
            continue
        if not os.path.isdir(path):
            try:
                st = os.stat(path)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) == key:
                return path
            continue
        real_root = os.path.realpath(path)
        if not real_target.startswith(real_root.rstrip(os.sep) + os.sep):
            continue
        toward = os.path.join(os.path.abspath(path), os.path.relpath(real_target, real_root))
        ignores = IgnoreStack(path) if settings.respect_gitignore else None
        for found in _walk(path, excludes, ignores, toward=toward):
            if isinstance(found, str) and (os.path.abspath(found) == toward or os.path.islink(found)):
                try:
                    st = os.stat(found)
                except OSError:
                    continue
                if (st.st_dev, st.st_ino) == key:
                    return found
    return None


class NotRegularFile(Exception):
    """Opened something that is not a regular file (its kind is the message)."""


def _kind_of_node(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _not_regular(mode: int) -> str:
    kind = _kind_of_node(mode)
    what = kind if kind == "not a regular file" else f"{kind}, not a regular file"
    return f"{what}: skipped (to lint a stream, pipe it to `lintnews check -`)"


def _not_a_file(path: str) -> str | None:
    """Why ``path`` (not a folder) cannot be read as a file, or None when it is a regular file."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT:
            return "broken symbolic link" if os.path.lexists(path) else "no such file or directory"
        return f"cannot read: {exc.strerror or exc}"
    return None if stat.S_ISREG(mode) else _not_regular(mode)


def open_regular(path: str) -> BinaryIO:
    """Open ``path`` for reading, refusing anything but a regular file (`NotRegularFile`).

    The file is opened without blocking and checked on the open descriptor, so a named pipe that
    replaced a file after the folder was listed cannot hang the run either."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(_not_regular(mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _excluded(name: str, rel: str, excludes: list[str]) -> bool:
    return any(fnmatch.fnmatch(name, pat) or fnmatch.fnmatch(rel, pat) for pat in excludes)


#: A folder listing longer than this is sorted in runs of this many names, spilled to temporary
#: files and merged, so a folder of millions of files costs bounded memory.
SORT_RUN = 100_000
_DIR, _FILE, _LINK, _OTHER = b"d", b"f", b"l", b"o"


def _entry_record(entry: os.DirEntry[str]) -> bytes:
    """``name NUL kind``: sorting these sorts by name (NUL sorts first, names never hold one)."""
    if entry.is_symlink():
        kind = _LINK
    elif entry.is_dir(follow_symlinks=False):
        kind = _DIR
    elif entry.is_file(follow_symlinks=False):
        kind = _FILE
    else:
        kind = _OTHER
    return os.fsencode(entry.name) + b"\0" + kind


def _spill(records: list[bytes]) -> Iterator[bytes]:
    """Sort ``records`` and park them in an anonymous temporary file; iterate it to read them back.
    Records are separated by "/", which no file name holds."""
    records.sort()
    fh = tempfile.TemporaryFile()
    fh.write(b"/".join(records))
    records.clear()

    def read() -> Iterator[bytes]:
        with fh:
            fh.seek(0)
            rest = b""
            while True:
                block = fh.read(1 << 16)
                if not block:
                    break
                parts = (rest + block).split(b"/")
                rest = parts.pop()
                yield from parts
            if rest:
                yield rest

    return read()


def sorted_listing(folder: str, run: int | None = None) -> Iterator[tuple[str, bytes]]:
    """(name, kind) of every entry of ``folder`` in byte order of the names, in bounded memory:
    up to ``run`` names are sorted in memory, longer listings are merged from sorted runs kept in
    temporary files. Listing errors (``OSError``) are raised before the first entry is returned."""
    run = run or SORT_RUN
    chunk: list[bytes] = []
    runs: list[Iterator[bytes]] = []
    with os.scandir(folder) as it:
        for entry in it:
            chunk.append(_entry_record(entry))
            if len(chunk) >= run:
                runs.append(_spill(chunk))
    if runs:
        if chunk:
            runs.append(_spill(chunk))
        merged: Iterable[bytes] = heapq.merge(*runs)
    else:
        chunk.sort()
        merged = chunk
    return ((os.fsdecode(rec[:-2]), rec[-1:]) for rec in merged)


def _walk(
    root: str,
    excludes: list[str],
    ignores: IgnoreStack | None = None,
    skip: set[str] | frozenset[str] = frozenset(),
    toward: str | None = None,
) -> Iterator[str | InputError]:
    """Files under ``root`` in sorted path order (a folder's files and subfolders interleaved by
    name, compared as bytes, as ``LC_ALL=C find | sort`` lists them), streamed: memory does not
    grow with the size of a folder. Symbolic links to folders are not followed. ``ignores``
    leaves out what ignore files ignore (`lintnews.ignore`). Given ``toward`` (a path under
    ``root``), only the folders on the way to it are entered."""
    stack: list[tuple[str, Iterator[tuple[str, bytes]]]] = []

    def listing(folder: str) -> list[InputError]:
        try:
            stack.append((folder, iter(sorted_listing(folder))))
        except OSError as exc:
            return [InputError(folder, f"cannot list folder: {exc.strerror or exc}")]
        if ignores is not None:
            ignores.push(folder)
            return [InputError(path, message, line=line) for path, line, message in ignores.take_errors()]
        return []

    first = listing(root)
    yield from first
    if not stack:
        return
    while stack:
        folder, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            if ignores is not None:
                ignores.pop()
            continue
        name, kind = entry
        path = os.path.join(folder, name)
        rel = os.path.relpath(path, root).replace(os.sep, "/")
        if _excluded(name, rel, excludes):
            continue
        if ignores is not None and ignores.ignored(path, kind == _DIR):
            continue
        if kind == _DIR:
            if STAGING_MARK in name and name.startswith("."):
                continue  # the output folder of a --fix --output-dir run, being written
            if skip and os.path.abspath(path) in skip:
                continue  # this run's own output folder
            if toward is not None and not toward.startswith(os.path.abspath(path) + os.sep):
                continue
            yield from listing(path)
        elif name.lower().endswith(ALL_SUFFIXES):
            if kind == _FILE:
                yield path
                continue
            problem = _not_a_file(path)
            if problem is None:
                yield path
            elif kind == _LINK and problem.startswith("a folder"):
                continue  # a link to a folder: not followed, like every other one
            else:
                yield InputError(path, problem)


def iter_documents(
    paths: Iterable[str], settings: Settings, stdin_name: str = "-", skip: Iterable[str] = (), keep_raw: bool = False
) -> Iterator[Item]:
    """Every document (or input error) of the given paths, in input order; folders in ``skip``
    are not walked into; ``keep_raw``: see `read_jsonl`."""
    for path in iter_paths(paths, settings, skip):
        if isinstance(path, InputError):
            yield path
            continue
        yield from read_path(path, settings, stdin_name, keep_raw)


def read_path(path: str, settings: Settings, stdin_name: str = "-", keep_raw: bool = False) -> Iterator[Item]:
    """The documents of one path (one, or one per JSONL record); ``keep_raw``: see `read_jsonl`."""
    kind = kind_of(stdin_name if path == "-" else path)
    if kind == "jsonl":
        yield from read_jsonl(path, settings, stdin_name if path == "-" else path, keep_raw)
        return
    limit = settings.max_document_size
    try:
        data = _read_stdin(limit) if path == "-" else _read_bytes(path, limit)
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    except (NotRegularFile, DecodeError) as exc:
        yield InputError(path, str(exc))
        return
    except TooLarge as exc:
        yield InputError(stdin_name if path == "-" else path, str(exc))
        return
    name = stdin_name if path == "-" else path
    if not data and path != "-":
        yield InputError(name, "empty file")
        return
    try:
        doc = make_document(name, data, kind)
    except DecodeError as exc:
        yield InputError(name, str(exc))
        return
    except RecursionError:  # lintnews walks HTML without recursion; an older parser might not
        yield InputError(name, _TOO_DEEP)
        return
    if path != "-" and not (doc.source if doc.source is not None else doc.text).strip():
        yield InputError(name, "no text: the file holds only whitespace")
        return
    # The bytes as read: a fix is written in their encoding and line endings, and only if the
    # file still holds them (another program may have changed it meanwhile).
    doc.file_bytes = data
    yield doc


#: How much of a file is looked at for NUL bytes before the rest is read.
SNIFF_BYTES = 8000


class TooLarge(Exception):
    """A document above ``max-document-size``: refused before it is read whole or decoded."""

    def __init__(self, size: int, limit: int, more: bool = False) -> None:
        what = f"more than {format_size(limit)}" if more else format_size(size)
        super().__init__(
            f"document too large to lint: {what} (max-document-size is {format_size(limit)}; "
            f"raise it with --max-document-size)"
        )


def too_large(size: int, limit: int) -> bool:
    """Whether ``size`` bytes exceed the ``max-document-size`` ``limit`` (0: no limit)."""
    return 0 < limit < size


def _read_bytes(path: str, limit: int = 0) -> bytes:
    """The bytes of a regular file; binary data is refused after its first block (`DecodeError`),
    so a huge image or a sparse file of zeros is never read whole. A file of more than ``limit``
    bytes (0: no limit) is refused from its size before anything is read (`TooLarge`), and never
    read past the limit should it grow (or lie about its size)."""
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if too_large(size, limit):
            raise TooLarge(size, limit)
        head = fh.read(SNIFF_BYTES)
        if _binary_head(head):
            raise DecodeError("contains NUL bytes (binary file?)")
        rest = fh.read(max(limit + 1 - len(head), 0)) if limit else fh.read()
        if too_large(len(head) + len(rest), limit):
            raise TooLarge(len(head) + len(rest), limit, more=True)
    return head + rest if rest else head


def _read_stdin(limit: int = 0) -> bytes:
    """Standard input, read up to ``limit`` bytes (0: no limit); more than that is `TooLarge`."""
    data = sys.stdin.buffer.read(limit + 1) if limit else sys.stdin.buffer.read()
    if too_large(len(data), limit):
        raise TooLarge(len(data), limit, more=True)
    return data


def _binary_head(head: bytes) -> bool:
    """A NUL in the first block marks binary data, except in UTF-16/32 text: a byte-order mark,
    or NULs nearly all on one side of the byte pairs (Latin letters in UTF-16 without a mark,
    which HTML detection can still read). What this lets through is decoded and checked whole."""
    if b"\x00" not in head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return min(even, odd) * 8 >= max(even, odd)


def make_document(path: str, data: bytes, kind: str, record: str | None = None, record_line: int | None = None) -> Document:
    if kind == "html":
        return html_document(path, decode_html(data), record, record_line)
    if kind == "markdown":
        return markdown_document(path, decode(data), record, record_line)
    return Document(path=path, text=decode(data), record=record, record_line=record_line, kind=kind)


_NOT_NEWLINE = re.compile(r"[^\n]")


def blank_html_comments(text: str) -> str:
    """``text`` with every ``<!-- … -->`` comment replaced by spaces (newlines kept). A plain scan:
    the regex ``<!--.*?-->`` is quadratic on text with thousands of unclosed ``<!--``."""
    parts: list[str] = []
    pos = 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            break
        end = text.find("-->", start + 4)
        if end < 0:
            break  # unclosed: neither this nor any later "<!--" is a comment
        parts.append(text[pos:start])
        parts.append(_NOT_NEWLINE.sub(" ", text[start : end + 3]))
        pos = end + 3
    parts.append(text[pos:])
    return "".join(parts)


def markdown_document(path: str, text: str, record: str | None = None, record_line: int | None = None) -> Document:
    """A Markdown document. HTML comments (suppression directives among them) are not article
    text: rules see them blanked out with spaces, so every position stays where it was, and
    fixes edit ``source``, the text as written."""
    if "<!--" not in text:
        return Document(path=path, text=text, record=record, record_line=record_line, kind="markdown")
    blanked = blank_html_comments(text)
    return Document(path=path, text=blanked, record=record, record_line=record_line, kind="markdown", source=text)


def html_document(path: str, markup: str, record: str | None = None, record_line: int | None = None) -> Document:
    from lintnews import html_source  # BeautifulSoup and lxml: only for HTML

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
    raw = open_regular(path)
    if path.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    return raw


def read_jsonl(path: str, settings: Settings, name: str | None = None, keep_raw: bool = False) -> Iterator[Item]:
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


class SpooledRecord:
    """A JSONL line above ``max-document-size``, kept in an anonymous temporary file (never in
    memory) so that outputs which copy every record unchanged (``--output-dir``,
    ``--rejected-output``) can still copy it: `copy_to` writes it, line break included."""

    def __init__(self, fh: BinaryIO, size: int) -> None:
        self._fh = fh
        self.size = size

    def copy_to(self, out: BinaryIO) -> None:
        self._fh.seek(0)
        shutil.copyfileobj(self._fh, out, COPY_CHUNK)
        self._fh.seek(-1, os.SEEK_END)
        if self._fh.read(1) != b"\n":
            out.write(b"\n")

    def close(self) -> None:
        self._fh.close()


#: Pieces in which lines above the size limit are read (and copied), never whole.
COPY_CHUNK = 1 << 20


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
            if head.count(0) > 8:  # one error for a binary file, not one per "line"; a stray NUL spoils one record
                yield InputError(path, "contains NUL bytes (binary file, or UTF-16 without a byte-order mark?)")
                return
            while True:
                n = lineno + 1  # (lineno: the lines read whole, for the errors below)
                # (at most limit + 1 bytes, and the byte-order mark of the first line)
                raw = fh.readline(limit + 1 + (len(codecs.BOM_UTF8) if n == 1 else 0)) if limit else fh.readline()
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
        path, str(TooLarge(size, limit)), record, lineno, raw=SpooledRecord(spool, size) if spool is not None else None
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
            path, f"record has no `{settings.text_field}` or `{settings.html_field}` field", record=record, line=lineno
        )
    if text is not None and not isinstance(text, str):
        return InputError(path, f"`{settings.text_field}` is a {type(text).__name__}, not a string", record, lineno)
    if text is not None and (text.strip() or not (isinstance(html, str) and html.strip())):
        if not text.strip():  # an empty extraction is a failed one, never an article
            return InputError(path, f"`{settings.text_field}` is {'empty' if not text else 'only whitespace'}", record, lineno)
        doc = Document(path=path, text=normalize_newlines(text), record=record, record_line=lineno, kind="text")
    else:
        if not isinstance(html, str):
            return InputError(path, f"`{settings.html_field}` is a {type(html).__name__}, not a string", record, lineno)
        if not html.strip():
            return InputError(path, f"`{settings.html_field}` is {'empty' if not html else 'only whitespace'}", record, lineno)
        try:
            doc = html_document(path, normalize_newlines(html), record, lineno)
        except RecursionError:
            return InputError(path, _TOO_DEEP, record, lineno)
    doc.meta = meta
    return doc


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
