"""The bytes of one file (or record) to a `Document`: the size limit, binary sniffing, decoding,
and the text, Markdown and HTML document kinds.
"""

from __future__ import annotations

import codecs
import os
import re
import sys

from lintnews.config import format_size
from lintnews.document import Document
from lintnews.encoding import DecodeError, decode, decode_html
from lintnews.sources.discovery import open_regular

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
    if b"\x00" not in head or head.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
    ):
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return min(even, odd) * 8 >= max(even, odd)


def make_document(
    path: str, data: bytes, kind: str, record: str | None = None, record_line: int | None = None
) -> Document:
    """The `Document` of a file's bytes read as ``kind`` (`text_document`), decoded as its kind
    is: HTML by the HTML standard's sniffing, text and Markdown by `lintnews.encoding.decode`."""
    return text_document(
        path, decode_html(data) if kind == "html" else decode(data), kind, record, record_line
    )


def text_document(
    path: str, text: str, kind: str, record: str | None = None, record_line: int | None = None
) -> Document:
    """The `Document` of a decoded ``text`` (its line ends normalised) read as ``kind``: ``html``
    (`html_document`), ``markdown`` (`markdown_document`), or anything else as plain text."""
    if kind == "html":
        return html_document(path, text, record, record_line)
    if kind == "markdown":
        return markdown_document(path, text, record, record_line)
    return Document(path=path, text=text, record=record, record_line=record_line, kind="text")


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


#: A Markdown link or image as html2text and other converters write them: ``[text](address)``,
#: ``![alt](address "title")``; the address may hold escaped or paired brackets
#: (``javascript:void\\(0\\)``, ``wiki/Rust_(language)``), and a wrapped text a line break in
#: its text or address (html2text wraps long links at a hyphen), never a blank line. The text
#: holds no bracket: a link around an image (``[![alt](src)](href)``) is read in two passes, the
#: image first.
_MD_LINK = re.compile(
    r"!?\[((?:[^\[\]\n]|\n(?![ \t]*\n))*)\]"
    r'\((?:[^()\s\\]|\\.|\n(?![ \t]*\n)|\([^()\s]*\))*(?:[ \t]+"[^"\n]*")?\)'
)
#: An autolink (``<http://example.com/a>``): the reader sees the address without its brackets.
_MD_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]*)>", re.IGNORECASE)


def _link_text(m: re.Match[str]) -> str:
    """A link's text with spaces in place of the rest, line breaks kept."""
    whole, start, end = m.group(0), m.start(1) - m.start(), m.end(1) - m.start()
    return _NOT_NEWLINE.sub(" ", whole[:start]) + whole[start:end] + _NOT_NEWLINE.sub(" ", whole[end:])


def blank_markdown_links(text: str) -> str:
    """``text`` with each Markdown link and image reduced to the words a reader sees: the
    brackets, the address and the title replaced by spaces, so every position stays where it
    was (``  * [Twitter](http://twitter.com/x)`` is a share button, as ``  * Twitter`` is); an
    autolink is its address. A line that only held the end of a wrapped link's address
    (``dropped-from-pbs-show/)``) stays as written: blanked, it would split its paragraph."""
    blanked = text
    if "](" in blanked:
        for _ in range(2):
            blanked = _MD_LINK.sub(_link_text, blanked)
    if "<" in blanked:
        blanked = _MD_AUTOLINK.sub(_link_text, blanked)
    if blanked == text:
        return text
    lines, written = blanked.split("\n"), text.split("\n")
    for i, line in enumerate(lines):
        if not line.strip() and written[i].strip() and not written[i].lstrip().startswith(("[", "![")):
            lines[i] = written[i]
    return "\n".join(lines)


def unseen_markdown(source: str, text: str, start: int, end: int, replacement: str) -> bool:
    """Whether an edit of ``start:end`` in ``text`` (a Markdown document's text as rules see it)
    would change, in ``source``, what rules did not see: part of an HTML comment (never deleted
    unseen), or a link's address when the edit keeps or cuts the link (deleting whole links with
    their line is what a fix of a share row or a menu does)."""
    written, seen = source[start:end], text[start:end]
    if written == seen:
        return False
    if replacement or "<!--" in written or "-->" in written:
        return True
    return blank_markdown_links(written) != seen


def markdown_document(
    path: str, text: str, record: str | None = None, record_line: int | None = None
) -> Document:
    """A Markdown document. HTML comments (suppression directives among them) are not article
    text, and the address of a link is not either: rules see them blanked out with spaces
    (`blank_html_comments`, `blank_markdown_links`), so every position stays where it was, and
    fixes edit ``source``, the text as written. A line that held only links or images without
    words is one of the document's ``void_lines``: blank, but no paragraph break."""
    uncommented = blank_html_comments(text) if "<!--" in text else text
    blanked = blank_markdown_links(uncommented)
    if blanked == text:
        return Document(path=path, text=text, record=record, record_line=record_line, kind="markdown")
    doc = Document(
        path=path, text=blanked, record=record, record_line=record_line, kind="markdown", source=text
    )
    if blanked != uncommented:
        doc.void_lines = void_lines(uncommented, blanked)
    return doc


def void_lines(written: str, seen: str) -> frozenset[int]:
    """The lines (0-based) that are blank in ``seen`` but held something in ``written``."""
    return frozenset(
        i
        for i, (w, s) in enumerate(zip(written.split("\n"), seen.split("\n")))
        if not s.strip() and w.strip()
    )


def html_document(
    path: str, markup: str, record: str | None = None, record_line: int | None = None
) -> Document:
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
        markup_marks=extracted.marks,
        source=markup,
    )
