"""The fuzz target shared by the hypothesis test (tests/test_fuzz_rules.py) and the atheris
harness (tests/fuzz_atheris.py): build a document of every kind from hostile article text, run
every rule on it and fix it, and check what must always hold.

- A document is built from the text as text, Markdown, HTML and a JSONL record, or refused as
  an `InputError`; nothing else comes out of a builder.
- No rule raises (no E900), and every diagnostic points into the source: lines from 1 to the
  number of source lines, columns from 1 to one past the line's end, the end not before the
  start; every fix edit lies within the text and does not end before it starts.
- Fixing (safe and unsafe fixes) never raises, and fixing the result again changes nothing.
"""

from __future__ import annotations

import orjson

from lintnews.config import Settings
from lintnews.diagnostics import Diagnostic
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.fixes import FixPolicy, content, fix_document
from lintnews.sources import InputError, html_document, markdown_document, record_document

SETTINGS = Settings(select=["ALL"], require_suppression_reason=True)
LINTER = Linter(SETTINGS)
KINDS = ("text", "markdown", "html", "jsonl")

#: Pieces of articles and of what scrapers, generators and hostile users leave in them.
ATOMS = [
    "Talks resumed in Geneva on Monday after a two-week pause, officials said.",
    "Both sides said they expected a long week of negotiations over the exchange.",
    "> Talks resumed in Geneva on Monday after a two-week pause, officials said.",
    '"Talks resumed in Geneva on Monday after a two-week pause, officials said."',
    "The plan was signed in France.Those talks failed,leaving the question open.",
    "It rose by approx. the same amount. the talks resume in March.",
    "Read more:",
    "Read more about the harbour strike and the talks",
    "You may also like",
    "Adblock detected",
    "Leave a Comment",
    "Share on Facebook",
    "by",
    "Advertisement",
    "Next post",
    "Subscribe to continue reading",
    "Home » News » World",
    "About the People Mentioned",
    "Frequently asked questions",
    "Benefits of Understanding the Summit's Outcome",
    "As an AI language model, I cannot browse the web.",
    "## Geneva Talks Resume After Pause",
    "Geneva Talks Resume After Pause",
    "- item one",
    "1. first",
    "| Party | Seats |",
    "|---|---|",
    "| Greens | 12 | +2 |",
    "```",
    "    code block",
    "He took over the business in 1971[1][3].",
    "Johnson &amp; Johnson said<br/> &#8217;no&#8217;",
    "The Kremlinâ€™s position has not changed.",
    "Ã¼ber cafÃ© Ã",
    "<!-- lintnews: disable-next-line=D001 -->",
    "<!-- lintnews: disable=F -->",
    "<!-- lintnews: enable -->",
    "<!-- lintnews: disabel=X -->",
    "<!--",
    "Die Brücke über die Förde wird gesperrt, teilte die Behörde mit.",
    "À lire aussi",
    "Mehr zum Thema",
    "e\u0301 combining",
    "\u202eRTL override\u202c",
    "zero\u200bwidth\u200d",
    "\ufeffBOM inside",
    "\u00a0\u00a0nbsp",
    "ﬁnancial ﬂows",
    "İstanbul ıI",
    "STRASSE straße ẞ",
    "👩‍👩‍👧 family",
    "中文文本。日本語",
    "العربية",
    "line\u2028separator",
    "para\u2029separator",
    "next\x85line",
    "tab\there",
    "form\x0cfeed",
    "vertical\x0btab",
    "\x00nul",
    "\ufffd",
    "\U0001d400",
    "Ⅻ ½ ² ٣",
    "a" * 300,
    "." * 120,
    " " * 60,
    "-" * 80,
    "(" * 50 + ")" * 50,
    "securit",
    "Security and security checks",
    "In conclusion, the talks continue to",
]
BLOCK_TAGS = ("p", "h2", "li", "td", "blockquote", "div", "pre", "figcaption")


def build(kind: str, text: str, tags: list[int] | None = None) -> Document | InputError:
    """The document of ``kind`` made from ``text`` (for HTML: each line in a block element)."""
    if kind == "text":
        return Document(path="f.txt", text=text)
    if kind == "markdown":
        return markdown_document("f.md", text)
    if kind == "html":
        tags = tags or [0]
        rows = []
        for i, line in enumerate(text.split("\n")):
            tag = BLOCK_TAGS[tags[i % len(tags)] % len(BLOCK_TAGS)]
            escaped = line.replace("&", "&amp;").replace("<", "&lt;") if i % 3 else line
            rows.append(f"<{tag}>{escaped}</{tag}>")
        return html_document("f.html", "<html><body>\n" + "\n".join(rows) + "\n</body></html>")
    raw = orjson.dumps({"id": "r1", "text": text, "lintnews_ignore": "F004"})
    return record_document("f.jsonl", raw, 1, SETTINGS)


def lint(doc: Document) -> list[Diagnostic]:
    return LINTER.lint(doc).diagnostics


def check_positions(doc: Document, diagnostics: list[Diagnostic]) -> None:
    source = content(doc) if doc.kind == "html" else doc.text
    lines = source.split("\n")
    for d in diagnostics:
        where = f"{d.code} {d.line}:{d.column}-{d.end_line}:{d.end_column} {d.message!r}"
        assert d.code != "E900", d.message
        assert 1 <= d.line <= d.end_line <= len(lines), where
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, where
        assert 1 <= d.end_column <= len(lines[d.end_line - 1]) + 1, where
        assert (d.end_line, d.end_column) >= (d.line, d.column), where
        if d.fix is not None:
            for e in d.fix.edits:
                assert 0 <= e.start <= e.end <= len(doc.text), f"{where}: edit {e}"


def check(kind: str, text: str, tags: list[int] | None = None) -> None:
    """Every property of the module docstring, for one document."""
    doc = build(kind, text, tags)
    if isinstance(doc, InputError):
        assert kind == "jsonl", doc
        return
    assert isinstance(doc, Document)
    check_positions(doc, lint(doc))
    policy = FixPolicy(unsafe=True)
    once = fix_document(doc, lint, policy)
    check_positions(once.document, once.diagnostics)
    twice = fix_document(once.document, lint, policy)
    assert content(twice.document) == content(once.document), "fixing the fixed document changed it"
