"""Fixes: apply the edits rules attach to their violations, until none apply.

Text documents are edited in their text; HTML documents are edited in their markup (a removed
line removes the block element it came from, and only when that element holds nothing but the
line). Files are rewritten atomically, in their original encoding and line endings; JSONL corpora
are written to an output folder, never in place. An output folder (``--output-dir``) is written
under a temporary name beside it and moved into place at the end of the run (`StagedFolder`), so
a failed or killed run never leaves a half-written one.
"""

from __future__ import annotations

import codecs
import difflib
import html
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import charset_normalizer
import orjson

from lintnews import atomic
from lintnews.atomic import StagedFolder
from lintnews.config import Settings, _matches, check_selectors
from lintnews.document import Document
from lintnews.encoding import normalize_newlines
from lintnews.engine import Diagnostic
from lintnews.registry import Edit, Fix, all_rules
from lintnews.sources import html_document, markdown_document

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
        positive = 1 if self.fixable is None else max((_matches(s, rule) for s in self.fixable), default=0)
        negative = max((_matches(s, rule) for s in self.unfixable), default=0)
        return positive > negative


def apply_edits(text: str, fixes: list[Fix]) -> tuple[str, int]:
    """Apply the fixes whose edits do not overlap an earlier accepted fix; return the new text and
    how many fixes were applied. Skipped fixes get their turn in the next pass."""
    accepted: list[Edit] = []
    applied = 0
    for fix in sorted(fixes, key=lambda f: min((e.start for e in f.edits), default=0)):
        edits = sorted(fix.edits, key=lambda e: e.start)
        if any(_overlaps(e, a) for e in edits for a in accepted):
            continue
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
    if a.start == a.end or b.start == b.end:  # insertions only clash at the same point or inside
        return b.start < a.start < b.end or a.start < b.start < a.end or a.start == b.start
    return a.start < b.end and b.start < a.end


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
    opener = None
    for m in re.finditer(rf"<{tag}(?=[\s>/])", source[:begin], re.IGNORECASE):
        opener = m.start()
    closer = re.compile(rf"</{end_tag}\s*>", re.IGNORECASE).search(source, finish)
    if opener is None or closer is None:
        return None
    return opener, closer.end()


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


def unified_diff(old: str, new: str, name: str) -> str:
    name = name.lstrip("/")
    out = []
    for line in difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=f"a/{name}", tofile=f"b/{name}"
    ):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


# --- writing --------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class WriteError(Exception):
    pass


def encode_like(original: bytes, old_text: str, new_text: str) -> bytes:
    """Encode ``new_text`` in the encoding and line endings of ``original`` (whose decoded,
    newline-normalised form is ``old_text``); refuse when no encoding round-trips."""
    candidates = [codec for bom, codec in _BOMS if original.startswith(bom)] or ["utf-8"]
    best = charset_normalizer.from_bytes(original[: 1 << 20]).best()
    if best is not None and best.encoding:
        candidates.append(best.encoding)
    for codec in candidates:
        try:
            raw = original.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if normalize_newlines(raw) != old_text:
            continue
        text = new_text.replace("\n", "\r\n") if "\r\n" in raw else new_text
        try:
            return text.encode(codec)
        except UnicodeEncodeError:
            raise WriteError(f"the fixed text cannot be written back in {codec}") from None
    raise WriteError("cannot re-encode the file in its original encoding (mixed encodings?)")


def write_fixed_file(path: str, old_text: str, new_text: str, dest: str | None = None) -> None:
    """Rewrite ``path`` (or write ``dest``) with ``new_text``, atomically, keeping permissions,
    encoding, byte-order mark and line endings."""
    try:
        with open(path, "rb") as fh:
            original = fh.read()
    except OSError as exc:
        raise WriteError(f"cannot read for fixing: {exc.strerror}") from None
    data = encode_like(original, old_text, new_text)
    target = dest or path
    try:
        os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
        atomic.write_bytes(target, data, keep_mode_of=path)
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror}") from None


class JsonlFixWriter:
    """Writes a cleaned copy of one JSONL corpus: every record in input order, other fields
    untouched, the text field replaced by its fixed text. Records lintnews could not read (bad
    JSON, no text field) are copied byte for byte. Output goes to a temporary file renamed into
    place by `close`, after optionally dropping records (near-duplicates, with unsafe fixes)."""

    def __init__(self, dest: str, settings: Settings) -> None:
        self.dest = dest
        self.settings = settings
        os.makedirs(os.path.dirname(os.path.abspath(dest)), exist_ok=True)
        self._cm = atomic.atomic_open(dest, "wb")
        self._fh = self._cm.__enter__()
        self._record_lines: list[int] = []

    def write(self, raw: bytes, record_line: int, doc: Document | None = None, changed: bool = False) -> None:
        line = raw if raw.endswith(b"\n") else raw + b"\n"
        if doc is not None and changed:
            obj = orjson.loads(raw)
            field_name = self.settings.html_field if doc.kind == "html" else self.settings.text_field
            obj[field_name] = content(doc)
            line = orjson.dumps(obj) + b"\n"
        self._fh.write(line)
        self._record_lines.append(record_line)

    def close(self, drop: set[int] | None = None, error: BaseException | None = None) -> None:
        """Finish the file (or, given ``error``, discard it); then drop the records whose input
        lines are in ``drop`` with a second atomic rewrite."""
        if error is not None:
            self._cm.__exit__(type(error), error, error.__traceback__)
            return
        self._cm.__exit__(None, None, None)
        if not drop:
            return
        with open(self.dest, "rb") as src, atomic.atomic_open(self.dest, "wb") as out:
            for line, record_line in zip(src, self._record_lines):
                if record_line not in drop:
                    out.write(line)


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
    ) -> None:
        self.stdin_name = stdin_name
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

    def destination(self, path: str) -> str:
        """Where the fixed copy of ``path`` is written: ``DIR/<path relative to the working
        directory>`` (``.gz`` dropped), inside the staging folder of ``DIR``."""
        assert self.staging is not None
        rel = os.path.relpath(os.path.abspath(path))
        if rel.startswith(".."):
            rel = os.path.basename(path)
        if rel.lower().endswith(".gz"):
            rel = rel[:-3]
        return self.staging.staged(rel)

    def _writer(self, path: str) -> JsonlFixWriter | None:
        if self.staging is None or path in self._failed:
            return None
        writer = self.writers.get(path)
        if writer is None:
            try:
                writer = self.writers[path] = JsonlFixWriter(self.destination(path), self.settings)
            except OSError as exc:
                self._failed[path] = f"cannot write the fixed copy to {self.output_dir}: {exc.strerror or exc}"
                return None
        return writer

    def take_warnings(self) -> list[str]:
        """The warnings since the last call."""
        warnings, self._warnings = self._warnings, []
        return warnings

    def process(self, doc: Document) -> tuple[list[Diagnostic], str | None]:
        """Fix one document; return its remaining diagnostics and an error message, if any."""
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
            return self.lint(doc), None
        outcome = fix_document(doc, self.lint, self.policy)
        new_doc = outcome.document
        error = None
        if is_record:
            writer = self._writer(doc.path)
            if writer is not None:
                writer.write(doc.cache.get("raw", b"{}"), doc.record_line or 0, new_doc, outcome.changed)
            elif self._failed.get(doc.path):
                error, self._failed[doc.path] = self._failed[doc.path], None  # reported once per corpus
        if outcome.changed:
            if self.diff:
                self.emit(unified_diff(content(doc), content(new_doc), doc.display_name))
            elif not is_record and doc.path == self.stdin_name:
                self.emit(content(new_doc))
            elif not is_record:
                try:
                    write_fixed_file(doc.path, content(doc), content(new_doc), self._file_destination(doc.path))
                except WriteError as exc:
                    return self.lint(doc), str(exc)
        elif not is_record and doc.path == self.stdin_name and not self.diff:
            self.emit(content(doc))
        elif not is_record and self.staging is not None and os.path.isfile(doc.path):
            # Unchanged files still belong in the cleaned copy of the corpus.
            try:
                write_fixed_file(doc.path, content(doc), content(doc), self._file_destination(doc.path))
            except WriteError as exc:
                error = str(exc)
        if self.diff:
            self.fixed += outcome.fixed  # would be fixed
            return outcome.initial, error
        self.fixed += outcome.fixed
        return outcome.diagnostics, error

    def _file_destination(self, path: str) -> str | None:
        """The staged destination of a plain file (None: fixed in place)."""
        if self.staging is None:
            return None
        try:
            return self.destination(path)
        except OSError as exc:
            raise WriteError(f"cannot write the fixed copy to {self.output_dir}: {exc.strerror or exc}") from None

    def copy_unreadable(self, path: str, raw: bytes, line: int) -> str | None:
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
