"""HTML: visible text one block per line, and diagnostics that point into the markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintnews.config import Settings
from lintnews.diagnostics import Diagnostic
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.html_source import extract
from lintnews.sources import InputError, iter_documents


def src_pos(source: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset in ``source``."""
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def lint_html(tmp_path: Path, source: str, select: list[str]) -> list[Diagnostic]:
    path = tmp_path / "article.html"
    path.write_text(source, encoding="utf-8")
    settings = Settings(select=select)
    linter = Linter(settings)
    out: list[Diagnostic] = []
    for doc in iter_documents([str(path)], settings):
        assert not isinstance(doc, InputError), doc
        out.extend(linter.lint(doc).diagnostics)
    return out


# --- extracted text ------------------------------------------------------------------------


def test_one_block_element_per_line() -> None:
    source = """<!DOCTYPE html>
<html><head><title>Not text</title><style>p { color: red }</style>
<script>var s = "<p>not text either</p>";</script></head>
<body>
<noscript><p>Please enable JavaScript</p></noscript>
<h1>Harbour strike ends</h1><h2>Deal</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>
<p>Dock workers <b>voted</b> on <a href="/x">Thursday</a>.<br>A second line after br.</p>
<ul><li>First item</li><li>Second <em>item</em></li></ul>
<table><tr><th>Port</th><th>Ships waiting</th></tr><tr><td>North</td><td>14</td></tr></table>
<div>Loose text in a div<p>a paragraph inside</p>and its tail</div>
<template><p>template text</p></template>
<svg><text>svg label</text></svg>
</body></html>"""
    ex = extract(source)
    assert ex.text.split("\n") == [
        "Harbour strike ends",
        "Deal",
        "Three",
        "Four",
        "Five",
        "Six",
        "Dock workers voted on Thursday.",
        "A second line after br.",
        "First item",
        "Second item",
        "Port | Ships waiting",
        "North | 14",
        "Loose text in a div",
        "a paragraph inside",
        "and its tail",
    ]
    assert ex.line_tags == [
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "p",
        "li",
        "li",
        "tr",
        "tr",
        "div",
        "p",
        "div",
    ]


def test_entities_are_decoded_and_whitespace_collapsed() -> None:
    source = "<p>Caf&eacute; &amp; bar&nbsp;owners   said\n   &#8220;no&#x201D; &mdash; twice&hellip;</p>"
    assert extract(source).text == "Café & bar owners said “no” — twice…"


def test_empty_cells_and_spaces_around_cells() -> None:
    source = "<table><tr><td> Ana </td><td></td><td>\n 12 </td></tr></table>"
    assert extract(source).text == "Ana | 12"


def test_document_kinds_follow_the_tags() -> None:
    doc = Document(path="a.html", text="")
    source = "<h2>Deal</h2><ul><li>Item</li></ul><table><tr><td>A</td></tr></table><figure><figcaption>Cap</figcaption></figure><blockquote>Quote</blockquote><p>Para</p>"
    ex = extract(source)
    doc = Document(path="a.html", text=ex.text, kind="html", source_map=ex.source_map, line_tags=ex.line_tags)
    assert [doc.line_kind(i) for i in range(len(doc.lines))] == [
        "heading",
        "list",
        "table",
        "caption",
        "quote",
        "paragraph",
    ]


def test_words_in_attributes_scripts_and_comments_are_never_matched() -> None:
    source = (
        '<html><head><title>Talks resumed</title><script>x = "Talks resumed";</script></head>\n'
        "<body><!-- Talks resumed --><a title=\"Talks resumed\" data-x='Talks > resumed'\n"
        '   href="/a">Talks resumed</a></body></html>'
    )
    ex = extract(source)
    assert ex.text == "Talks resumed"
    expected = src_pos(source, source.index(">Talks resumed</a>") + 1)
    got = ex.source_map.to_source(0, 0)
    assert (got.line, got.column) == expected
    got = ex.source_map.to_source(0, len("Talks r"))
    assert (got.line, got.column) == (expected[0], expected[1] + len("Talks r"))


def test_stray_quote_in_a_tag_does_not_swallow_the_page() -> None:
    source = '<p><img src="a.png" height="63""></p>\n<p>Dock workers voted.</p>'
    ex = extract(source)
    assert ex.text == "Dock workers voted."
    got = ex.source_map.to_source(0, 5)
    assert (got.line, got.column) == src_pos(source, source.index("workers"))


def test_unclosed_noscript_element_does_not_hide_the_page() -> None:
    # Browsers end <noscript> at the first </noscript>; libxml2 alone would nest the page in it.
    source = '<body><noscript><div id="nojs"></noscript>\n<div><p>Dock workers voted.</p></div></body>'
    ex = extract(source)
    assert ex.text == "Dock workers voted."
    got = ex.source_map.to_source(0, 0)
    assert (got.line, got.column) == src_pos(source, source.index("Dock"))


def test_title_misplaced_in_the_body_is_not_text() -> None:
    source = "<p>Intro</p><title>Harbour strike ends</title><p>Harbour strike ends today.</p>"
    ex = extract(source)
    assert ex.text == "Intro\nHarbour strike ends today."
    got = ex.source_map.to_source(1, 0)
    assert (got.line, got.column) == src_pos(source, source.index("Harbour strike ends today"))


def test_deeply_nested_page_does_not_crash() -> None:
    depth = 10_000
    source = (
        "<html><body>\n"
        + "<div>" * depth
        + "<span>" * 100
        + "<p>Deep in the <b>nest</b>.</p>"
        + "</span>" * 100
        + "</div>" * depth
        + "\n<p>After the nest.</p></body></html>"
    )
    ex = extract(source)
    assert ex.text == "Deep in the nest.\nAfter the nest."
    got = ex.source_map.to_source(0, ex.text.index("nest"))
    assert (got.line, got.column) == src_pos(source, source.index("nest</b>"))
    got = ex.source_map.to_source(1, 0)
    assert (got.line, got.column) == src_pos(source, source.index("After"))


def test_deeply_nested_page_through_the_source_reader(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<div>" * 10_000 + "Dock workers voted." + "</div>" * 10_000)
    (doc,) = list(iter_documents([str(path)], Settings()))
    assert isinstance(doc, Document) and doc.text == "Dock workers voted."


# --- diagnostics point into the markup -----------------------------------------------------

ARTICLE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Talks resume in Geneva | The Daily Ledger</title>
  <meta name="description" content="Talks resumed in Geneva on Monday after a two-week pause.">
  <script>window.dataLayer = ["Talks resumed in Geneva on Monday after a two-week pause"];</script>
</head>
<body>
  <nav><a href="/" title="Talks resumed">Home</a> &middot; <a href="/world">World</a></nav>
  <article>
    <h1 class="headline">Talks resume in Geneva</h1>
    <p class="lede">
      <a href="/tag/geneva" title="Talks resumed in Geneva">Talks resumed</a> in Geneva on Monday
      after a two&#8209;week pause, with both delegations saying they expected a long week.
    </p>
    <p>The mediators&rsquo; proposal, circulated on Sunday, covers prisoner exchanges &amp; grain shipments.</p>
    <h2>What the sides want</h2>
    <p>Officials declined to say how long the round would last, or where the next one would be held.</p>
    <h2 class="repeat">TALKS RESUME IN GENEVA</h2>
    <div class="dup">
        <p>
          <a href="/tag/geneva" title="Talks resumed in Geneva">Talks resumed</a>
          in Geneva on Monday after a two&#8209;week pause, with both delegations
          saying they expected a <em>long</em> week.
        </p>
    </div>
  </article>
</body>
</html>
"""


def test_article_text_as_rules_see_it() -> None:
    assert extract(ARTICLE).text.split("\n") == [
        "Home · World",
        "Talks resume in Geneva",
        (
            "Talks resumed in Geneva on Monday after a two\u2011week pause, with both delegations saying "
            "they expected a long week."
        ),
        "The mediators’ proposal, circulated on Sunday, covers prisoner exchanges & grain shipments.",
        "What the sides want",
        "Officials declined to say how long the round would last, or where the next one would be held.",
        "TALKS RESUME IN GENEVA",
        (
            "Talks resumed in Geneva on Monday after a two\u2011week pause, with both delegations saying "
            "they expected a long week."
        ),
    ]


def test_duplicate_paragraph_and_heading_point_into_the_html(tmp_path: Path) -> None:
    diags = lint_html(tmp_path, ARTICLE, ["D"])
    assert [d.code for d in diags] == ["D002", "D001"]
    heading, para = diags

    # D002: the repeated heading's first letter, related to the <h1> text.
    at = src_pos(ARTICLE, ARTICLE.index("TALKS RESUME IN GENEVA"))
    assert (heading.line, heading.column) == at
    assert (heading.end_line, heading.end_column) == (at[0], at[1] + len("TALKS RESUME IN GENEVA"))
    first = src_pos(ARTICLE, ARTICLE.index(">Talks resume in Geneva</h1>") + 1)
    assert [(r.line, r.column) for r in heading.related] == [first]

    # D001: starts at the link text (not the title attribute with the same words) of the second
    # copy, ends after "week." two source lines further down, related to the first copy.
    second = ARTICLE.index('<div class="dup">')
    start = ARTICLE.index(">Talks resumed</a>", second) + 1
    assert (para.line, para.column) == src_pos(ARTICLE, start)
    end = ARTICLE.index("</em> week.", second) + len("</em> week")
    assert (para.end_line, para.end_column) == (src_pos(ARTICLE, end)[0], src_pos(ARTICLE, end)[1] + 1)
    first_copy = ARTICLE.index(">Talks resumed</a> in Geneva on Monday") + 1
    assert [(r.line, r.column) for r in para.related] == [src_pos(ARTICLE, first_copy)]
    assert para.message == f"Paragraph repeats line {src_pos(ARTICLE, first_copy)[0]}"


TRUNCATED = """<html><body>
  <h1>Grain corridor reopens</h1>
  <p>Ships carrying grain left the port on Tuesday &ndash; the first in a month &ndash;
     after insurers agreed to resume cover, <a title="according to the ministry">according</a> to</p>
  <h2>What comes next</h2>
  <p>Port officials said another twelve vessels were waiting and that inspections would
     resume on Wednesday, subject to the weather and to the <i>security</i> of the corridor.
     Navy escorts and security patrols would stay in place.</p>
  <p>Insurers warned that cover could be withdrawn again at short notice if the
     securit</p>
</body></html>
"""


@pytest.mark.parametrize(
    "code, needle",
    [
        ("T001", "</a> to</p>"),
        ("T002", "securit</p>"),
    ],
)
def test_truncation_points_at_the_last_word_in_the_html(tmp_path: Path, code: str, needle: str) -> None:
    diags = [d for d in lint_html(tmp_path, TRUNCATED, ["T"]) if d.code == code]
    assert len(diags) == 1
    word = needle.split("</p>")[0].split()[-1]
    offset = TRUNCATED.index(needle) + needle.index(word)
    line, col = src_pos(TRUNCATED, offset)
    assert (diags[0].line, diags[0].column) == (line, col)
    assert (diags[0].end_line, diags[0].end_column) == (line, col + len(word))


def test_jsonl_html_record_positions_are_inside_the_record(tmp_path: Path) -> None:
    import orjson

    path = tmp_path / "pages.jsonl"
    path.write_bytes(orjson.dumps({"id": "geneva", "html": ARTICLE}) + b"\n")
    diags = []
    settings = Settings(select=["D002"])
    for doc in iter_documents([str(path)], settings):
        assert not isinstance(doc, InputError)
        diags.extend(Linter(settings).lint(doc).diagnostics)
    (d,) = diags
    assert d.record == "geneva" and d.record_line == 1
    assert (d.line, d.column) == src_pos(ARTICLE, ARTICLE.index("TALKS RESUME IN GENEVA"))


def test_a_parser_that_recurses_gives_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # lintnews itself walks the tree with a stack; should a parser version recurse on a deep
    # page, the user gets one line naming the file, and the other files are still read.
    import lintnews.html_source as hs

    def deep(_: str) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(hs, "extract", deep)
    (tmp_path / "deep.html").write_text("<div>" * 50 + "x" + "</div>" * 50)
    (tmp_path / "ok.txt").write_text("Dock workers voted.\n")
    items = list(iter_documents([str(tmp_path)], Settings()))
    assert isinstance(items[0], InputError) and items[0].path == str(tmp_path / "deep.html")
    assert "nested too deeply" in items[0].message
    assert isinstance(items[1], Document)
