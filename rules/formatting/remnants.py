"""F006: HTML entities and tags left in the text."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.entities import html5

from lintnews import native
from lintnews.block_edges import CODE_LINES
from lintnews.config import Settings
from lintnews.diagnostics import Edit, Fix, Severity
from lintnews.document import Document
from lintnews.registry import Rule, Violation, register

from .common import _CODE_SPAN

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG_NAMES = (
    "a|abbr|article|aside|b|big|blockquote|br|caption|center|cite|code|dd|del|div|dl|dt|em|figcaption"
    "|figure|font|footer|h[1-6]|header|hr|i|iframe|img|ins|li|link|mark|meta|nav|noscript|ol|p|pre|q"
    "|s|script|section|small|span|strike|strong|style|sub|sup|table|tbody|td|tfoot|th|thead|tr|tt|u|ul"
)
_TAG = re.compile(
    rf"</(?:{_TAG_NAMES})\s*>"
    rf"|<(?:{_TAG_NAMES})(?:\s+[a-zA-Z_:][\w:.-]*(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?)*\s*/?>",
    re.IGNORECASE,
)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|h[1-6]|tr|td|th|table|ul|ol|blockquote|section|article|hr)\b", re.IGNORECASE
)
#: What follows a tag the text names rather than holds: "an <img> tag", "the <ul> element".
_NAMED = re.compile(r"\s*(?:tags?|elements?)\b", re.IGNORECASE)
#: A bare opening tag ("<img>", "<ul>"), the way a title names an element; not of a line break,
#: a rule or a paragraph, the tags an extractor leaves most ("Read more <br>").
_BARE_TAG = re.compile(r"<(?!(?:br|hr|p)>)[a-zA-Z][a-zA-Z0-9]*>", re.IGNORECASE)
#: Most words of a title naming tags ("<ul> List of <figure>"), the tags counted.
_TITLE_WORDS = 8
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")
#: A sentence that introduces a listing ("... adding this line to your HTML test file:").
_LEAD_IN = re.compile(r"\w\W{0,3}:\s*$")
_LEAD_IN_WORDS = 5
#: A definition of an abbreviation in Markdown Extra's form, as html2text appends one for each
#: `<abbr>` of the page, at the end of the text: "*[HTML]: HyperText Markup Language",
#: "*[RSS]: Really Simple Syndication", "*[2 hrs ago]: 2012-11-07T15:12:00+0000".
ABBREVIATION_DEFINITION = re.compile(r"^ {0,4}\*\[[^\]\n]{0,100}\]: [^\n]{1,300}$", re.MULTILINE)


@register
class HtmlRemnant(Rule):
    """## What it does
    Checks text and Markdown documents for HTML left over from the page: character references
    (`&amp;`, `&nbsp;`, `&#8217;`) and tags of known HTML elements (`<p>`, `</div>`, `<br/>`).

    HTML documents are not checked (there markup is expected), nor Markdown code spans and code
    blocks, nor what a tutorial shows of HTML: lines of markup right under a sentence that
    introduces them ("… add this line to your HTML test file:"), tags the prose names ("an
    `<img>` tag", "the `<p>` element") and bare tags a short title names as words of their own
    ("Single <img>", "<ul> List of <figure>"). A `<` used as less-than (`a < b`, `<3`) is not a tag.

    Also the definitions of abbreviations that html2text appends to the text, one line for each
    `<abbr>` element of the page ("*[HTML]: HyperText Markup Language", "*[RSS]: Really Simple
    Syndication"): a line of the converter's, not of the article.

    ## Why is this bad?
    An extractor that decodes the page once too few times, or a feed that escapes its content
    twice, leaves markup in the text. Readers see `&amp;` where an `&` belongs; search and models
    see tokens that are not words.

    ## Example
    ```text
    Johnson &amp; Johnson said the recall was voluntary.<br/>
    ```

    Use instead:
    ```text
    Johnson & Johnson said the recall was voluntary.
    ```

    ## Fix
    Decodes the character reference, or removes the tag (a tag between two words becomes a space),
    or removes an abbreviation's definition line (safe).
    """

    code = "F006"
    name = "html-remnant"
    severity = Severity.WARNING
    summary = "HTML entity or tag left in the text"
    fix_applicability = "safe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        if doc.kind == "html":
            return
        if "*[" in doc.text:
            yield from self._definitions(doc)
        if "&" not in doc.text and "<" not in doc.text:
            return
        code_lines = CODE_LINES.of(doc)
        # (the lines holding either character, found by one pass of a kernel over the text)
        holding = native.lines_holding(doc.text, "&<", "")
        shown = _shown_markup(doc.lines, holding) if "<" in doc.text else set()
        for line in holding:
            text = doc.lines[line]
            if line in code_lines or line in shown:
                continue
            masked = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text) if "`" in text else text
            for m in _ENTITY.finditer(masked):
                name = m.group(0)[1:]
                if not name.startswith("#") and name not in html5:
                    continue
                decoded = html.unescape(m.group(0))
                yield self._report(
                    doc,
                    line,
                    m.start(),
                    m.end(),
                    f'HTML entity "{m.group(0)}"',
                    f'Decode "{m.group(0)}"',
                    decoded,
                )
            tags = list(_TAG.finditer(masked))
            if tags and _names_tags(masked, tags):
                continue  # a title naming elements ("Single <img>", "<ul> List of <figure>")
            for m in tags:
                if _NAMED.match(masked, m.end()):
                    continue  # a tag the text names ("the <img> tag"): a tutorial's word
                replacement = ""
                before = text[m.start() - 1 : m.start()]
                after = text[m.end() : m.end() + 1]
                if _BLOCK_TAG.match(m.group(0)) and before.strip() and after.strip():
                    replacement = " "
                yield self._report(
                    doc,
                    line,
                    m.start(),
                    m.end(),
                    f'HTML tag "{m.group(0)[:40]}"',
                    f'Remove "{m.group(0)[:40]}"',
                    replacement,
                )

    def _definitions(self, doc: Document) -> Iterator[Violation]:
        """The lines that define an abbreviation (`ABBREVIATION_DEFINITION`), outside code blocks:
        the whole line is the converter's, and its fix removes it."""
        code_lines = CODE_LINES.of(doc)
        # (found in the text by one search: a line loop cost more than the rest of F006 on the crawl)
        for m in ABBREVIATION_DEFINITION.finditer(doc.text):
            i = doc.position(m.start())[0]
            if i in code_lines:
                continue
            text = doc.lines[i].strip()
            shown = text if len(text) <= 40 else text[:39] + "…"
            yield self.removable_lines(
                doc, i, i, f'Abbreviation definition "{shown}" left in the text', "Remove the definition"
            )

    def _report(
        self, doc: Document, line: int, start: int, end: int, message: str, title: str, replacement: str
    ) -> Violation:
        fix = Fix(title, (Edit(doc.offset(line, start), doc.offset(line, end), replacement),), True)
        return self.violation(line, start, line, end, message + " left in the text", fix=fix)


def _names_tags(line: str, tags: list[re.Match[str]]) -> bool:
    """``line`` is a title that names the elements its ``tags`` are ("Single <img>", "## <ul>
    List of <figure>", a test page's headings): a short line (`_TITLE_WORDS` words at most)
    whose words end with no sentence mark, whose tags are all bare opening tags standing as words of
    their own between spaces, among words of letters. Markup left over from a page wraps
    text ("<p>The council met.</p>"), carries attributes or is glued to the words."""
    text = _HEADING_MARK.sub("", line).strip()
    rest = _TAG.sub(" ", text).strip()  # the title's words, the tags left out
    if not rest or rest[-1] in ".!?;," or len(text.split()) > _TITLE_WORDS:
        return False
    for m in tags:
        if not _BARE_TAG.fullmatch(m.group(0)):
            return False
        if line[m.start() - 1 : m.start()].strip() or line[m.end() : m.end() + 1].strip():
            return False  # glued to a word: "<p>The", "said.<br>"
    return any(w[:1].isalpha() for w in rest.split())


def _shown_markup(lines: list[str], holding: list[int]) -> set[int]:
    """Lines of markup a tutorial shows: the run of lines that start with a tag (or go on with
    the attributes of a tag the line above left open) right under a sentence that introduces
    it ("Let's create the HTML test file for it:"). Markup an extractor leaves in starts a line
    anywhere, and under no such sentence."""
    shown: set[int] = set()
    for i in holding:
        if i in shown or not lines[i].lstrip().startswith("<") or i == 0:
            continue
        lead = lines[i - 1]
        if lead.lstrip().startswith("<") or not _LEAD_IN.search(lead) or len(lead.split()) < _LEAD_IN_WORDS:
            continue
        j, open_tag = i, False
        while j < len(lines) and (lines[j].lstrip().startswith("<") or (open_tag and lines[j].strip())):
            shown.add(j)
            open_tag = lines[j].rfind("<") > lines[j].rfind(">")
            j += 1
    return shown
