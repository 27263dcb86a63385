"""HTML documents are fixed in their markup: `html_fix` turns a fix of the extracted text into
an edit of the source (a removed line removes the block element it came from, and only when
that element holds nothing but the line).
"""

from __future__ import annotations

import re

from lintnews.diagnostics import Edit, Fix
from lintnews.document import Document

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
    import html  # (here: a run answered from the cache never fixes markup; html.entities is big)

    return _ENTITY.sub(lambda m: html.unescape(m.group()), markup)


def _inside_markup(source: str, offset: int) -> bool:
    """Whether ``offset`` falls inside a tag, comment or entity of ``source`` (where no edit may
    start or end). Checked on every edit, whatever the source map says."""
    if source.rfind("<", 0, offset) > source.rfind(">", 0, offset):
        return True
    return any(
        m.start() < offset < m.end() for m in _ENTITY.finditer(source, max(0, offset - 40), offset + 40)
    )


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
        whole_lines = not e.replacement and (
            col == 0 or e.start == len(doc.text) or doc.text[e.start] == "\n"
        )
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
        import html

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
