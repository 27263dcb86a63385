"""Fixes: apply the edits rules attach to their violations, until none apply.

Text documents are edited in their text; HTML documents are edited in their markup (a removed
line removes the block element it came from, and only when that element holds nothing but the
line). Files are rewritten atomically (`lintnews.atomic.write_plan` says what is done with links),
in their original encoding and with each line's own ending; JSONL corpora are written to an
output folder, never in place, the fixed field spliced into each record's own bytes. An output folder (``--output-dir``) is written
under a temporary name beside it and moved into place at the end of the run (`StagedFolder`), so
a failed or killed run never leaves a half-written one.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import errno
import gzip
import html
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO

import charset_normalizer
import orjson

from lintnews import atomic
from lintnews.atomic import AlreadyWritten, StagedFolder
from lintnews.config import Settings
from lintnews.diagnostics import Diagnostic, Edit, Fix
from lintnews.document import Document
from lintnews.encoding import normalize_newlines
from lintnews.registry import all_rules
from lintnews.selection import check_selectors, matches
from lintnews.sources import SpooledRecord, copy_line, html_document, markdown_document

#: A removed line can make another fix applicable (a blank-line run, a now-adjacent duplicate).
MAX_PASSES = 8


@dataclass
class FixPolicy:
    """Which diagnostics' fixes may be applied."""

    unsafe: bool = False
    fixable: list[str] | None = None
    unfixable: list[str] = field(default_factory=list)

    @classmethod
    def from_settings(cls, settings: Settings, unsafe: bool | None = None) -> FixPolicy:
        fixable = settings.fixable
        check_selectors(fixable or [], "fixable")
        check_selectors(settings.unfixable, "unfixable")
        return cls(settings.unsafe_fixes if unsafe is None else unsafe, fixable, list(settings.unfixable))

    def allows(self, d: Diagnostic) -> bool:
        if d.fix is None:
            return False
        return self.allows_rule(d.code, d.fix.safe)

    def allows_rule(self, code: str, safe: bool) -> bool:
        """Whether a fix of rule ``code`` (safe or not) may be applied."""
        if not safe and not self.unsafe:
            return False
        rule = all_rules().get(code)
        if rule is None:
            return False
        positive = 1 if self.fixable is None else max((matches(s, rule) for s in self.fixable), default=0)
        negative = max((matches(s, rule) for s in self.unfixable), default=0)
        return positive > negative


def apply_edits(text: str, fixes: list[Fix]) -> tuple[str, int]:
    """Apply the fixes whose edits do not overlap an earlier accepted fix; return the new text and
    how many fixes were applied. Skipped fixes get their turn in the next pass.

    Each edit is checked against the accepted ones through `_Accepted` (logarithmic time), not
    against each of them: thousands of fixes in one document cost n log n, not n²."""
    accepted: list[Edit] = []
    index = _Accepted([e.start for f in fixes for e in f.edits])
    applied = 0
    for fix in sorted(fixes, key=lambda f: min((e.start for e in f.edits), default=0)):
        edits = sorted(fix.edits, key=lambda e: e.start)
        if any(index.clashes(e) for e in edits):
            continue
        for e in edits:
            index.add(e)
        accepted.extend(edits)
        applied += 1
    accepted.sort(key=lambda e: e.start)
    out: list[str] = []
    pos = 0
    for e in accepted:
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out), applied


def _overlaps(a: Edit, b: Edit) -> bool:
    """Whether two edits clash (`_Accepted.clashes` answers this for a set of edits)."""
    if a.start == a.end or b.start == b.end:  # insertions only clash at the same point or inside
        return b.start < a.start < b.end or a.start < b.start < a.end or a.start == b.start
    return a.start < b.end and b.start < a.end


class _Accepted:
    """The edits accepted so far, indexed so that `clashes` is `_overlaps` against all of them
    in logarithmic time. ``starts`` are the start offsets of every edit that may be added.

    An edit clashes with an accepted replacement ``[s, t)`` (``s < t``) when their open spans
    overlap, or, for an insertion at ``p``, when ``s <= p < t``; two insertions clash at the
    same point. So it is enough to know, over the accepted replacements that start before a
    point, the largest end (a Fenwick tree of prefix maxima over the ranks of the starts), and
    how many accepted insertions lie in a range (a Fenwick tree of counts)."""

    def __init__(self, starts: list[int]) -> None:
        self.coords = sorted(set(starts))
        self.size = len(self.coords)
        self.max_end = [-1] * (self.size + 1)
        self.points = [0] * (self.size + 1)

    def _rank(self, offset: int) -> int:
        return bisect.bisect_left(self.coords, offset)

    def _prefix_max(self, n: int) -> int:
        """The largest end of an accepted replacement among the first ``n`` ranks of starts."""
        best = -1
        while n > 0:
            best = max(best, self.max_end[n])
            n -= n & -n
        return best

    def _points_below(self, n: int) -> int:
        """How many accepted insertions are at the first ``n`` ranks of starts."""
        count = 0
        while n > 0:
            count += self.points[n]
            n -= n & -n
        return count

    def clashes(self, e: Edit) -> bool:
        if e.start == e.end:
            p = e.start
            # a replacement with s <= p < t, or an insertion at p
            below = bisect.bisect_right(self.coords, p)
            return self._prefix_max(below) > p or self._points_below(below) > self._points_below(self._rank(p))
        # a replacement with s < e.end and t > e.start, or an insertion with e.start <= p < e.end
        return (
            self._prefix_max(self._rank(e.end)) > e.start
            or self._points_below(self._rank(e.end)) > self._points_below(self._rank(e.start))
        )

    def add(self, e: Edit) -> None:
        i = self._rank(e.start) + 1
        if e.start == e.end:
            while i <= self.size:
                self.points[i] += 1
                i += i & -i
        else:
            while i <= self.size:
                self.max_end[i] = max(self.max_end[i], e.end)
                i += i & -i


# --- HTML: text edits become markup edits ---------------------------------------------------


def _span(doc: Document, offset: int) -> tuple[int, int]:
    """Source offsets ``(start, end)`` of the markup the text character at ``offset`` came from."""
    line, col = doc.position(offset)
    span = doc.source_map.span(line, col)
    assert span is not None  # HTML documents have a span map
    return span


#: An entity as `lintnews.html_source` decodes them.
_ENTITY = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)")


def _decoded(markup: str) -> str | None:
    """The text a stretch of markup shows, or None when it holds a tag, comment or other markup
    (``<``): a text edit may only replace literal text and whole entities."""
    if "<" in markup:
        return None
    return _ENTITY.sub(lambda m: html.unescape(m.group()), markup)


def _inside_markup(source: str, offset: int) -> bool:
    """Whether ``offset`` falls inside a tag, comment or entity of ``source`` (where no edit may
    start or end). Checked on every edit, whatever the source map says."""
    if source.rfind("<", 0, offset) > source.rfind(">", 0, offset):
        return True
    return any(m.start() < offset < m.end() for m in _ENTITY.finditer(source, max(0, offset - 40), offset + 40))


def html_fix(doc: Document, fix: Fix) -> Fix | None:
    """Translate a text fix of an HTML document into an edit of its markup, or None when that
    cannot be done without touching text the fix did not cover.

    Every character of the text knows the markup it came from (`lintnews.document.SpanMap`):
    a replaced or deleted stretch becomes the markup from its first character's start to its
    last character's end, and must show exactly that text (literal text and whole entities, no
    tags); an insertion goes before the markup of the character it precedes (after the last one
    at the end of a line), never between the characters an entity decodes to. No edit starts or
    ends inside a tag or an entity, and inserted text is escaped (``&``, ``<``, ``>``)."""
    assert doc.source is not None
    source = doc.source
    edits = []
    for e in fix.edits:
        line, col = doc.position(e.start)
        end_line, end_col = doc.position(e.end)
        whole_lines = not e.replacement and (col == 0 or e.start == len(doc.text) or doc.text[e.start] == "\n")
        if whole_lines:
            first = line if col == 0 else line + 1
            last = end_line - 1 if end_col == 0 else end_line
            last = min(last, len(doc.lines) - 1)
            texts = [doc.lines[i] for i in range(first, last + 1) if doc.lines[i].strip()]
            if not texts:
                continue
            lines = [i for i in range(first, last + 1) if doc.lines[i].strip()]
            span = _element_span(doc, lines)
            if span is None:
                return None
            a, b = span
            if _visible(source[a:b]) != " ".join(" ".join(texts).split()):
                return None
            edits.append(Edit(*_whole_source_lines(source, a, b), ""))
            continue
        if e.end > e.start:
            if "\n" in doc.text[e.start : e.end]:
                return None  # lines of text are separate elements: only whole ones are removed
            a, b = _span(doc, e.start)[0], _span(doc, e.end - 1)[1]
            if _decoded(source[a:b]) != doc.text[e.start : e.end]:
                return None
        else:
            text_line = doc.lines[line]
            if col < len(text_line):
                a = _span(doc, e.start)[0]
                if col > 0 and _span(doc, e.start - 1) == _span(doc, e.start):
                    return None  # between two characters of one entity
            elif text_line:
                a = _span(doc, e.start - 1)[1]
            else:
                return None
            b = a
        if _inside_markup(source, a) or (b != a and _inside_markup(source, b)):
            return None
        edits.append(Edit(a, b, html.escape(e.replacement, quote=False)))
    return Fix(fix.title, tuple(edits), fix.safe) if edits else None


def _whole_source_lines(source: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` widened to whole lines (the line break after them included) when nothing but
    spaces and tabs shares their lines, so that removing an element leaves no blank line."""
    start = source.rfind("\n", 0, a) + 1
    end = source.find("\n", b)
    end = len(source) if end < 0 else end
    if source[start:a].strip(" \t") or source[b:end].strip(" \t"):
        return a, b
    if end < len(source):
        return start, end + 1
    return (start - 1 if start else start), end  # the last line: the break before it goes


def _element_span(doc: Document, lines: list[int]) -> tuple[int, int] | None:
    """Markup offsets of the block element(s) that produced text lines ``lines``."""
    tags = doc.line_tags or []
    first, last = lines[0], lines[-1]
    tag = tags[first] if first < len(tags) else None
    end_tag = tags[last] if last < len(tags) else None
    if tag is None or end_tag is None or tag in ("body", "html"):
        return None
    assert doc.source is not None
    source = doc.source
    first_text, last_text = doc.lines[first], doc.lines[last]
    begin = _span(doc, doc.offset(first, len(first_text) - len(first_text.lstrip())))[0]
    finish = _span(doc, doc.offset(last, max(len(last_text.rstrip()) - 1, 0)))[1]
    opener = _last_match(re.compile(rf"<{tag}(?=[\s>/])", re.IGNORECASE), source, begin)
    closer = re.compile(rf"</{end_tag}\s*>", re.IGNORECASE).search(source, finish)
    if opener is None or closer is None:
        return None
    return opener, closer.end()


def _last_match(pattern: re.Pattern[str], text: str, end: int) -> int | None:
    """Where the last match of ``pattern`` in ``text[:end]`` starts (None: nowhere), searched
    backwards from ``end`` in growing windows: the cost is the distance to the match, not the
    length of the text before it (once per fix, that made thousands of HTML fixes quadratic).
    (Matches of a pattern that starts with ``<`` and has no other ``<`` cannot overlap, so a
    window's last match is the text's.)"""
    size = 256
    while True:
        lo = max(end - size, 0)
        found = None
        for m in pattern.finditer(text, lo, end):
            found = m.start()
        if found is not None or lo == 0:
            return found
        size *= 4


def _visible(markup: str) -> str:
    from bs4 import BeautifulSoup  # only HTML fixes need it

    return " ".join(BeautifulSoup(markup, "lxml").get_text(" ").split())


# --- documents ------------------------------------------------------------------------------


def with_text(doc: Document, text: str) -> Document:
    """A copy of ``doc`` with new content (markup for HTML documents, text otherwise)."""
    if doc.kind == "html":
        new = html_document(doc.path, text, doc.record, doc.record_line)
    elif doc.kind == "markdown":
        new = markdown_document(doc.path, text, doc.record, doc.record_line)
    else:
        new = Document(path=doc.path, text=text, record=doc.record, record_line=doc.record_line, kind=doc.kind)
    new.meta = doc.meta
    return new


def content(doc: Document) -> str:
    """What a fix rewrites: the source as written (markup of HTML, Markdown with its comments)."""
    return doc.source if doc.source is not None else doc.text


@dataclass
class FixOutcome:
    document: Document
    #: Diagnostics left after fixing.
    diagnostics: list[Diagnostic]
    fixed: int
    #: Diagnostics of the document as it was.
    initial: list[Diagnostic] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed > 0


def fix_document(
    doc: Document, lint: Callable[[Document], list[Diagnostic]], policy: FixPolicy, max_passes: int = MAX_PASSES
) -> FixOutcome:
    """Lint and fix ``doc`` until no allowed fix applies (at most ``max_passes`` rounds)."""
    fixed = 0
    diagnostics = initial = lint(doc)
    for _ in range(max_passes):
        fixes = [d.fix for d in diagnostics if d.fix is not None and policy.allows(d)]
        if doc.kind == "html" and doc.source is not None:
            fixes = [f for f in (html_fix(doc, f) for f in fixes) if f is not None]
        elif doc.source is not None:
            # Markdown comments are blank in the text rules see: never delete one unseen.
            fixes = [f for f in fixes if all(doc.source[e.start : e.end] == doc.text[e.start : e.end] for e in f.edits)]
        if not fixes:
            break
        before = content(doc)
        after, applied = apply_edits(before, fixes)
        if after == before:
            break
        fixed += applied
        doc = with_text(doc, after)
        diagnostics = lint(doc)
    return FixOutcome(doc, diagnostics, fixed, initial)


def patch_name(path: str) -> str:
    """``path`` as a patch names it (after ``a/`` and ``b/``): relative to the working directory,
    normalised (no ``./``, ``..`` or doubled slashes); a file outside the working directory by its
    absolute path without the leading slash (apply such a patch from ``/``)."""
    full = os.path.abspath(path)
    rel = os.path.relpath(full)
    name = full if rel == ".." or rel.startswith(".." + os.sep) else rel
    return name.replace(os.sep, "/").lstrip("/")


def unified_diff_bytes(old: bytes, new: bytes, name: str) -> bytes:
    """A unified diff of two versions of a file, byte for byte (line endings included), that
    ``git apply`` and ``patch -p1`` accept: ``a/NAME`` and ``b/NAME``, and the "No newline at end
    of file" marker after a last line without one."""
    out = []
    label = name.encode("utf-8", "surrogateescape")
    for line in difflib.diff_bytes(
        difflib.unified_diff,
        _split_lf(old),
        _split_lf(new),
        fromfile=b"a/" + label,
        tofile=b"b/" + label,
    ):
        out.append(line if line.endswith(b"\n") else line + b"\n\\ No newline at end of file\n")
    return b"".join(out)


def _split_lf(data: bytes) -> list[bytes]:
    """Lines of ``data`` as patch tools see them: ended by ``\\n`` only (a ``\\r`` before it, a
    form feed or a Unicode line separator is part of the line)."""
    lines = data.split(b"\n")
    out = [line + b"\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def unified_diff(old: str, new: str, name: str) -> str:
    """A unified diff of two texts (for text that is not a file: stdin, a JSONL record)."""
    return unified_diff_bytes(old.encode("utf-8", "surrogatepass"), new.encode("utf-8", "surrogatepass"), name).decode(
        "utf-8", "surrogatepass"
    )


# --- writing --------------------------------------------------------------------------------

#: Byte-order marks and the codec of the text after them (UTF-32 before UTF-16: FF FE 00 00
#: starts with FF FE). The mark is written back as found, so UTF-16BE stays big-endian.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class WriteError(Exception):
    pass


_ENDING = re.compile(r"\r\n|\r|\n")


def restore_line_endings(original: str, new_text: str) -> str:
    """``new_text`` (``\\n`` line breaks) with the line endings of ``original`` (the text it was
    fixed from, endings as found): each line keeps its own ending (CRLF, CR or LF), so a fix
    changes no byte it did not fix, in files with mixed endings too.

    A line of ``new_text`` takes the ending of the line of ``original`` it comes from: the next
    line with the same text (no further ahead than the lines the fixes removed), else the line
    at the same place (a line a fix changed)."""
    if "\r" not in original:
        return new_text
    endings = _ENDING.findall(original)
    if len(set(endings)) == 1:
        return new_text.replace("\n", endings[0])
    old_lines = normalize_newlines(original).split("\n")[: len(endings)]
    new_lines = new_text.split("\n")
    where: dict[str, list[int]] = {}
    for i, line in enumerate(old_lines):
        where.setdefault(line, []).append(i)
    budget = max(len(old_lines) - (len(new_lines) - 1), 0)  # lines the fixes removed
    pointer = 0
    out: list[str] = []
    for line in new_lines[:-1]:
        k = None
        found = where.get(line)
        if found:
            i = bisect.bisect_left(found, pointer)
            if i < len(found) and found[i] - pointer <= budget:
                k = found[i]
                budget -= k - pointer
        if k is None:
            k = min(pointer, len(endings) - 1)
        out.append(line)
        out.append(endings[k])
        pointer = k + 1
    out.append(new_lines[-1])
    return "".join(out)


def encode_like(original: bytes, old_text: str, new_text: str) -> bytes:
    """Encode ``new_text`` as ``original`` is written (``original`` decodes to ``old_text`` once
    its line endings are normalised): the same encoding and byte-order mark, and each line's
    own ending. Refused when no encoding round-trips."""
    bom, candidates = b"", ["utf-8"]
    for mark, codec in _BOMS:
        if original.startswith(mark):
            bom, candidates = mark, [codec]
            break
    body = original[len(bom) :]

    def decoded() -> Iterator[tuple[str, str]]:
        for codec in candidates:
            try:
                yield codec, body.decode(codec)
            except (UnicodeDecodeError, LookupError):
                pass
        if not bom:  # the detector only when UTF-8 does not do: it is slow
            best = charset_normalizer.from_bytes(body[: 1 << 20]).best()
            if best is not None and best.encoding:
                try:
                    yield best.encoding, body.decode(best.encoding)
                except (UnicodeDecodeError, LookupError):
                    pass

    for codec, raw in decoded():
        if normalize_newlines(raw) != old_text:
            continue
        text = restore_line_endings(raw, new_text)
        try:
            return bom + text.encode(codec)
        except UnicodeEncodeError:
            raise WriteError(f"the fixed text cannot be written back in {codec}") from None
    raise WriteError("cannot re-encode the file in its original encoding (mixed encodings?)")


def _read_for_fixing(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise WriteError(f"cannot read for fixing: {exc.strerror}") from None


def fixed_file_bytes(path: str, old_text: str, new_text: str, original: bytes | None = None) -> tuple[bytes, bytes]:
    """The bytes of file ``path`` (whose text is ``old_text``; ``original`` when they were read
    already) and the bytes `write_fixed_file` writes for ``new_text``."""
    if original is None:
        original = _read_for_fixing(path)
    return original, encode_like(original, old_text, new_text)


CHANGED = "changed on disk while it was being fixed (by another program or run?): not written; run lintnews again"


def write_fixed_file(
    path: str, old_text: str, new_text: str, dest: str | None = None, original: bytes | None = None
) -> None:
    """Rewrite ``path`` (or write ``dest``) with ``new_text``, keeping permissions, encoding,
    byte-order mark and each line's ending. ``original`` is the file's content as it was read
    and linted: ``path`` is rewritten only if it still holds exactly that (checked just before
    the new content replaces it), so a change made meanwhile is never lost.

    How the file is replaced (`lintnews.atomic.write_plan`): atomically, by renaming a
    temporary file over it; through a symbolic link, the file it points to (the link stays);
    a file with several hard links is rewritten in place (every name sees the fix); a
    read-only file is not written. ``dest`` (a copy in ``--output-dir``) must not exist yet."""
    if original is not None and dest is None and _read_for_fixing(path) != original:
        raise WriteError(CHANGED)
    original, data = fixed_file_bytes(path, old_text, new_text, original)

    def unchanged() -> None:
        if _read_for_fixing(path) != original:
            raise WriteError(CHANGED)

    write_copy(path, data, dest) if dest is not None else _write(path, data, unchanged)


def _write(path: str, data: bytes, verify: Callable[[], None]) -> None:
    try:
        atomic.write_bytes(path, data, keep_mode_of=path, verify=verify)
    except atomic.ReadOnlyFile:
        raise WriteError("read-only file: not fixed (make it writable to fix it)") from None
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror or exc}") from None


def write_copy(path: str, data: bytes, dest: str) -> None:
    """Write ``data``, the fixed copy of ``path``, to ``dest`` in the staging folder of
    ``--output-dir`` (with the permissions of ``path``); a file already written there by another
    input of the run is not replaced (`AlreadyWritten`)."""
    try:
        os.makedirs(os.path.dirname(os.path.abspath(dest)), exist_ok=True)
        atomic.write_bytes(dest, data, keep_mode_of=path, exclusive=True)
    except AlreadyWritten:
        raise
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror or exc}") from None


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
    spans = []
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


def output_base(paths: list[str]) -> str:
    """The folder whose layout ``--output-dir`` mirrors: the working directory when every path
    named on the command line is inside it (``src/a.jsonl`` goes to ``DIR/src/a.jsonl``), else
    the deepest folder holding every named path (``../x/c.jsonl ../y/c.jsonl`` go to
    ``DIR/x/c.jsonl`` and ``DIR/y/c.jsonl``; ``/data/c.jsonl`` alone goes to ``DIR/c.jsonl``).
    Distinct files get distinct copies."""
    cwd = os.getcwd()
    named = [os.path.abspath(p) for p in paths if p != "-"]
    inside = cwd.rstrip(os.sep) + os.sep
    if all(p == cwd or p.startswith(inside) for p in named):
        return cwd
    return os.path.commonpath([os.path.dirname(p) for p in named])


class Fixer:
    """Applies fixes during a ``check`` run and decides where the result goes: the file itself
    (plain text, Markdown, HTML), ``--output-dir`` (always for JSONL), or a diff (``--diff``)."""

    def __init__(
        self,
        lint: Callable[[Document], list[Diagnostic]],
        policy: FixPolicy,
        settings: Settings,
        diff: bool = False,
        output_dir: str | None = None,
        emit: Callable[[str], None] = print,
        stdin_name: str = "-",
        emit_bytes: Callable[[bytes], None] | None = None,
    ) -> None:
        self.stdin_name = stdin_name
        #: Where diffs of files go, byte for byte (default: decoded as UTF-8, for tests).
        self.emit_bytes = emit_bytes or (lambda data: emit(data.decode("utf-8", "replace")))
        self.lint = lint
        self.policy = policy
        self.settings = settings
        self.diff = diff
        self.output_dir = output_dir
        self.emit = emit
        self.fixed = 0
        self.writers: dict[str, JsonlFixWriter] = {}
        self._refused: set[str] = set()
        #: What to tell the user that fails nothing (see `take_warnings`).
        self._warnings: list[str] = []
        #: JSONL corpora whose cleaned copy could not be started, with the reason.
        self._failed: dict[str, str | None] = {}
        #: Everything for ``--output-dir`` is written here and moved into place by `finish`.
        self.staging = StagedFolder(output_dir) if output_dir is not None and not diff else None
        #: The folder fixed copies mirror (`start`), and the input of each staged copy.
        self._base: str | None = None
        self._sources: dict[str, str] = {}
        #: Input paths whose fixed copy goes to ``--output-dir``, with that copy's path: what is
        #: left to report of them is in the copy, and is reported there (`shown_path`).
        self.copies: dict[str, str] = {}

    def start(self, paths: list[str]) -> None:
        """Take the paths named on the command line: they decide where fixed copies go."""
        self._base = output_base(paths)

    def _relative(self, path: str) -> str:
        """``path`` relative to the folder `destination` mirrors (see `output_base`)."""
        base = self._base if self._base is not None else os.getcwd()
        rel = os.path.relpath(os.path.abspath(path), base)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):  # not under it (no `start`)
            rel = os.path.basename(path)
        return rel

    def destination(self, path: str) -> str:
        """Where the fixed copy of ``path`` is written: ``DIR/<path relative to the base>`` (see
        `output_base`; a ``.gz`` corpus keeps its name and is compressed), inside the staging
        folder of ``DIR``. Two inputs never share a copy: the second is refused
        (`AlreadyWritten`, naming the first)."""
        assert self.staging is not None
        dest = self.staging.staged(self._relative(path))
        other = self._sources.setdefault(dest, path)
        if other != path:
            raise AlreadyWritten(errno.EEXIST, self._clash(path, other), dest)
        assert self.output_dir is not None
        self.copies[path] = os.path.join(self.output_dir, self._relative(path))
        return dest

    def shown_path(self, path: str) -> str:
        """The path diagnostics of input ``path`` are reported under: its copy in ``--output-dir``
        when one is written (their lines and columns are those of the fixed copy), else itself."""
        return self.copies.get(path, path)

    def _clash(self, path: str, other: str) -> str:
        rel = self._relative(other)
        return f"its fixed copy would replace that of {other} (both map to {os.path.join(self.output_dir or '', rel)}): not written"

    def _clash_at(self, path: str, dest: str) -> str:
        """The message for ``path``, whose copy ``dest`` met one already written (a file system
        that folds case or normalises names maps both to one file)."""
        for other_dest, other in self._sources.items():
            if other != path and os.path.exists(other_dest) and os.path.samefile(other_dest, dest):
                return self._clash(path, other)
        return f"its fixed copy would replace another file of {self.output_dir}: not written"

    def _writer(self, path: str) -> JsonlFixWriter | None:
        if self.staging is None or path in self._failed:
            return None
        writer = self.writers.get(path)
        if writer is None:
            try:
                writer = self.writers[path] = JsonlFixWriter(self.destination(path), self.settings)
            except AlreadyWritten as exc:
                self.copies.pop(path, None)
                self._failed[path] = self._clash_message(path, exc)
                return None
            except OSError as exc:
                self.copies.pop(path, None)
                self._failed[path] = f"cannot write the fixed copy to {self.output_dir}: {exc.strerror or exc}"
                return None
        return writer

    def take_warnings(self) -> list[str]:
        """The warnings since the last call."""
        warnings, self._warnings = self._warnings, []
        return warnings

    def writes(self, path: str) -> bool:
        """Whether the text of ``path`` survives the run: a file fixed in place or copied, or a
        corpus whose cleaned copy is written (not one given up, see `abandon`)."""
        return path not in self._failed

    def abandon(self, path: str) -> bool:
        """Discard the cleaned copy of ``path`` (a JSONL corpus that could not be read to its
        end: the copy would lack its last records); nothing more is written for it. Whether a
        copy was being written."""
        writer = self.writers.pop(path, None)
        self._failed[path] = None
        self.copies.pop(path, None)
        if writer is None:
            return False
        writer.close(error=WriteError("the input could not be read to its end"))
        return True

    def process(self, doc: Document) -> tuple[list[Diagnostic], str | None, Document]:
        """Fix one document; return its remaining diagnostics, an error message, if any, and the
        document the diagnostics are positioned in (the fixed one, unless nothing was written)."""
        is_record = doc.record is not None
        if is_record and not self.diff and self.output_dir is None:
            if doc.path not in self._refused:
                # Not an error: `--fix` on a folder that holds a corpus fixes the files and reports
                # the corpus's findings, which gate the run as any others do.
                self._refused.add(doc.path)
                self._warnings.append(
                    f"{doc.path}: JSONL corpora are not rewritten in place: its findings are reported, not fixed "
                    "(add --output-dir DIR for a cleaned copy)"
                )
            return self.lint(doc), None, doc
        outcome = fix_document(doc, self.lint, self.policy)
        new_doc = outcome.document
        error = None
        original = doc.file_bytes
        if is_record and not self.diff:
            writer = self._writer(doc.path)
            if writer is not None:
                try:
                    writer.write(doc.raw if doc.raw is not None else b"{}", doc.record_line or 0, new_doc, outcome.changed)
                except WriteError as exc:
                    error = str(exc)
            else:
                if self._failed.get(doc.path):
                    error, self._failed[doc.path] = self._failed[doc.path], None  # reported once per corpus
                return outcome.initial, error, doc  # nothing written: the findings are in the input
        if outcome.changed:
            if self.diff:
                try:
                    self._emit_diff(doc, new_doc)
                except WriteError as exc:
                    return outcome.initial, str(exc), doc
            elif not is_record and doc.path == self.stdin_name:
                self.emit(content(new_doc))
            elif not is_record:
                try:
                    dest = self._file_destination(doc.path)
                    write_fixed_file(doc.path, content(doc), content(new_doc), dest, original)
                except AlreadyWritten as exc:
                    self.copies.pop(doc.path, None)
                    return self.lint(doc), self._clash_message(doc.path, exc), doc
                except WriteError as exc:
                    self.copies.pop(doc.path, None)
                    return self.lint(doc), str(exc), doc
        elif not is_record and doc.path == self.stdin_name and not self.diff:
            self.emit(content(doc))
        elif not is_record and self.staging is not None and os.path.isfile(doc.path):
            # Unchanged files still belong in the cleaned copy of the corpus: copied as they were.
            try:
                dest = self._file_destination(doc.path)
                assert dest is not None
                if original is not None:
                    write_copy(doc.path, original, dest)
                else:
                    write_fixed_file(doc.path, content(doc), content(doc), dest)
            except AlreadyWritten as exc:
                self.copies.pop(doc.path, None)
                error = self._clash_message(doc.path, exc)
            except WriteError as exc:
                self.copies.pop(doc.path, None)
                error = str(exc)
        if self.diff:
            self.fixed += outcome.fixed  # would be fixed
            return outcome.initial, error, doc
        self.fixed += outcome.fixed
        return outcome.diagnostics, error, new_doc

    def _emit_diff(self, doc: Document, new_doc: Document) -> None:
        """Print the patch that turns ``doc``'s file into what `write_fixed_file` would write: of
        the bytes (line endings, encoding and final newline as they are and will be), unless the
        file is not ASCII-compatible (UTF-16, UTF-32: NUL bytes) or is not a file (stdin, a JSONL
        record), where the text is diffed."""
        if doc.record is None and doc.path != self.stdin_name:
            original, data = fixed_file_bytes(doc.path, content(doc), content(new_doc), doc.file_bytes)
            if b"\0" not in original and b"\0" not in data:
                self.emit_bytes(unified_diff_bytes(original, data, patch_name(doc.path)))
                return
        name = doc.display_name if doc.path == self.stdin_name else patch_name(doc.path) + doc.display_name[len(doc.path) :]
        self.emit(unified_diff(content(doc), content(new_doc), name))

    def _clash_message(self, path: str, exc: AlreadyWritten) -> str:
        if exc.strerror and exc.strerror.startswith("its fixed copy"):
            return exc.strerror
        return self._clash_at(path, str(exc.filename))

    def _file_destination(self, path: str) -> str | None:
        """The staged destination of a plain file (None: fixed in place)."""
        if self.staging is None:
            return None
        try:
            return self.destination(path)
        except AlreadyWritten:
            raise
        except OSError as exc:
            raise WriteError(f"cannot write the fixed copy to {self.output_dir}: {exc.strerror or exc}") from None

    def copy_unreadable(self, path: str, raw: bytes | SpooledRecord, line: int) -> str | None:
        """Copy a record lintnews could not read to the cleaned corpus unchanged; return an error
        message when the cleaned copy cannot be written (once per corpus)."""
        writer = self._writer(path)
        if writer is not None:
            writer.write(raw, line)
            return None
        error = self._failed.get(path)
        if error:
            self._failed[path] = None
        return error

    def finish(self, drop: dict[str, set[int]] | None = None, error: BaseException | None = None) -> None:
        """Close the JSONL copies and move the output folder into place; given ``error`` (the
        run failed or was interrupted), discard everything written to the output folder instead.
        A failure to move the output into place is a `WriteError` (and nothing is left staged)."""
        writers, self.writers = self.writers, {}
        try:
            for path, writer in writers.items():
                writer.close((drop or {}).get(path), error)
        except BaseException:
            if self.staging is not None:
                self.staging.abort()
            raise
        if self.staging is None:
            return
        if error is not None:
            self.staging.abort()
            return
        try:
            self.staging.commit()
        except OSError as exc:
            self.staging.abort()
            where = f" ({exc.filename})" if exc.filename else ""
            raise WriteError(f"cannot move the fixed files into place: {exc.strerror or exc}{where}") from None
