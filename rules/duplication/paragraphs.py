"""D001: a paragraph that repeats an earlier paragraph of the document."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from lintnews.config import Settings
from lintnews.diagnostics import RelatedLocation, Severity
from lintnews.document import Block, Document, words
from lintnews.registry import Rule, Violation, register

from .keys import _contained, _first_copies, _key, _keys, _paragraph_candidates, _same_signs
from .listings import _in_code


@dataclass(frozen=True)
class DuplicateParagraphOptions:
    """``[rule-options.D001]``."""

    min_words: int = field(default=6, metadata={"min": 1})
    min_quote_words: int = field(default=8, metadata={"min": 1})


@dataclass(frozen=True)
class DuplicateHeadingOptions:
    """``[rule-options.D002]``."""

    min_words: int = field(default=3, metadata={"min": 1})


@register
class DuplicateParagraph(Rule):
    """## What it does
    Checks for a paragraph that repeats an earlier paragraph of the same document, and for a
    quotation or an emphasised line whose whole text reappears inside a longer paragraph (a
    pull-quote).
    Whitespace, case, punctuation and quote style are ignored when comparing, but not the signs
    that change what a line says (`<`, `>`, `=`, `+`, `%`, currency symbols): "for versions >= 8.0"
    and "for versions < 8.0" are two lines.

    A quotation set as a section's subheading (a line of the paragraph right below it, with no
    sentence mark, in a document that has other subheadings or in single quotation marks as
    headlines quote: 'They say they want less help for themselves') is no pull-quote: the German
    and English press title sections so. Nor is an excerpt cut by an ellipsis at either end
    (“…a 40-something female writer…”, “… Fares have increased to encourage more drivers”): a
    writer quotes it to discuss it, a pull-quote repeats a sentence whole. Nor is a quotation set
    well above a paragraph that quotes it in quotation marks, four paragraphs or more between
    them (a verse over the sermon that cites it further down, “Are you the one who is to come, or
    shall we look for another?”, then “So he sent two of his disciples to ask Jesus, “Are you
    the one …?””): a pull-quote stands beside the passage it repeats.

    List items, table rows, headings and code are not compared: the same item in two lists, or
    the same cell in two rows, is structure rather than a copy. Nor is a poem's or a hymn's first
    line under the title it gives the text ("I wander often from the way" over "I wander often
    from the way, / And sin afflicts me every day:"), its sentence going on in the next line.
    Nor are lines of a code listing, a shell session or a query's result set out as plain text
    (a line that ends no sentence among lines with code marks: `AVG(entries) OVER w AS mean,`,
    a result row drawn with `│`, "added 1 changesets" after each `$ hg pull`): the same
    expression or row recurs there by design. Nor is a lead-in, one sentence on a line ending
    in a colon right over what it introduces, when the two copies introduce different things
    ("And the server may respond with a 412 Conflict or a 200 OK status:" over two responses).

    ## Why is this bad?
    Scrapers that follow pagination, merge an AMP and a canonical page, or retry a failed fetch
    paste whole paragraphs twice, and extractors keep pull-quotes that repeat the body. Readers
    see the repeat; models trained on the text learn it.

    ## Example
    ```text
    Talks resumed in Geneva on Monday after a two-week pause.
    Both delegations said they expected a long week.
    Talks resumed in Geneva on Monday after a two-week pause.
    ```

    Use instead:
    ```text
    Talks resumed in Geneva on Monday after a two-week pause.
    Both delegations said they expected a long week.
    ```

    ## Fix
    Removes the repeated paragraph (safe: the first copy stays). Removing a pull-quote is an
    unsafe fix: the writer may have meant it as a highlight.

    ## Options
    `[rule-options.D001] min-words` (default 6): shorter paragraphs are left to the chrome rules.
    `[rule-options.D001] min-quote-words` (default 8): the shortest text reported as a pull-quote.
    """

    code = "D001"
    name = "duplicate-paragraph"
    severity = Severity.ERROR
    summary = "Paragraph repeats an earlier paragraph of the document"
    fix_applicability = "mixed"  # a pull-quote's removal is unsafe
    options = DuplicateParagraphOptions

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        opts: DuplicateParagraphOptions = settings.options_of(self)
        min_words, min_quote_words = opts.min_words, opts.min_quote_words
        blocks = _paragraph_candidates(doc, min_words)
        keys = _keys(doc, blocks)
        reported: set[int] = set()
        copies: Counter[str] | None = None  # how often each key recurs, made for a lead-in only
        for block, first in _first_copies(doc, blocks, keys):
            reported.add(block.index)
            if _in_code(doc, block):
                continue  # a line of a code listing or of a query's result: lines repeat there
            if not _same_signs(block.text, first.text):
                continue  # "(… versions >= 8.0):" and "(… versions < 8.0):": the same words only
            if _first_line_title(doc, block, first):
                continue  # a hymn or a poem titled by its first line
            if _lead_in(doc, block) and _lead_in(doc, first) and _next(doc, block) != _next(doc, first):
                copies = copies or Counter(keys)
                if copies[_key(doc, block)] <= _LEAD_IN_COPIES:
                    continue  # "And the server may respond with …:" over two different examples
            yield self.removable_lines(
                doc,
                block.start,
                block.end,
                f"Paragraph repeats line {doc.to_source(first.start, 0).line}",
                "Remove the repeated paragraph",
                related=[RelatedLocation(first.start, 0)],
            )
        for block, longer in _contained(blocks, keys, max(min_quote_words, min_words)):
            if block.index in reported or _quoted_subheading(doc, block, longer) or _excerpt(block.text):
                continue
            if _cited_below(doc, block, longer):
                continue  # a verse or a statement set above the paragraph that quotes it
            yield self.removable_lines(
                doc,
                block.start,
                block.end,
                f"Paragraph repeats text of line {doc.to_source(longer.start, 0).line}",
                "Remove the pull-quote",
                safe=False,
                related=[RelatedLocation(longer.start, 0)],
            )


#: A quotation cut by an ellipsis at either end: opening (“… Fares have increased”) or closing
#: (“We are all concerned with events in CBD …”) inside its quotation marks.
_EXCERPT = re.compile(
    r"""^\s*(?:>\s*)?["'„“”‘’«»*_]+\s*(?:(?:\.\.\.|…)\s*\S.*\S|\S.*\S\s*(?:\.\.\.|…))"""
    r"""\s*["'“”‘’«»*_]+[.!?]?\s*$""",
    re.DOTALL,
)


#: One sentence that introduces what follows: a capital first, a colon last, and no other colon
#: or sentence end between ("First name: Last name: Phone:" is a form, "Over 30,000 readers
#: cannot be wrong. Sign up here:" a pitch).
_LEAD_IN = re.compile(r"^\s*[A-ZÀ-Þ][^:.!?]*(?:[.!?](?!\s)[^:.!?]*)*:\s*$")


#: A line recurring more often than this is a widget's ("Find it at a retailer near you:" over
#: each book of a shop's list), whatever follows it.
_LEAD_IN_COPIES = 3


def _lead_in(doc: Document, block: Block) -> bool:
    """``block`` is one line of one sentence that introduces what follows, right under it with
    no blank line between: a specification's "And the server may respond with a 412 Conflict or
    a 200 OK status:" over a response, the first line of a reference ("Fielding et al.,
    "Hypertext Transfer Protocol (HTTP/1.1):") over the rest. D001 leaves it alone when the two
    copies introduce different things. A form's label ("Leave this field empty if you're
    human:") stands over a blank line or over a copy of what followed it before."""
    end = block.end
    return (
        block.start == end
        and end + 1 < len(doc.lines)
        and doc.lines[end + 1].strip() != ""
        and _LEAD_IN.match(block.text) is not None
    )


#: A quotation mark that opens a quotation in a paragraph.
_OPENING_QUOTES = frozenset("\"'„“”‘’«»‚‹›")
#: How many of a quotation's first words `_cited_below` looks for in the paragraph.
_CITED_WORDS = 4
#: Fewest paragraphs of prose between a quotation and the paragraph below that cites it for the
#: quotation to be the text's own (a verse, an epigraph): a pull-quote stands beside the passage
#: it repeats, a paragraph or two away.
_CITED_AFTER = 4


def _cited_below(doc: Document, quote: Block, source: Block) -> bool:
    """``quote`` stands well above ``source`` (`_CITED_AFTER` paragraphs of prose or more between
    them), which quotes it in quotation marks (its first words right after an opening quotation
    mark, emphasis markers aside): a verse, an epigraph or a statement the text comes back to
    (“Are you the one who is to come, or shall we look for another?” over a sermon that tells,
    twelve paragraphs on, how John's disciples asked Jesus, “Are you the one …?”). A pull-quote
    is set beside the passage it repeats; a reader quoting the article quotes what came before.
    The paragraph that quotes it may come before ``source`` (the first container that is no
    teaser, `_contained`): a paragraph of the post that trails off in an ellipsis ("… ask them
    to “strike down the MINIMUM FARE language from the Uber Amendment.” … I won't ask that of
    you…") is passed over as a teaser, and ``source`` is a reader's e-mail further down
    ("Subject: RE: Strike down …")."""
    if source.index < quote.index:
        return False
    first = words(quote.text)[:_CITED_WORDS]
    if not first:
        return False
    needle = re.compile(r"\W+".join(map(re.escape, first)), re.IGNORECASE)
    prose = 0
    for block in doc.blocks[quote.index + 1 : source.index + 1]:
        if prose >= _CITED_AFTER and any(
            block.text[: m.start()].rstrip(" *_")[-1:] in _OPENING_QUOTES for m in needle.finditer(block.text)
        ):
            return True
        prose += block.prose
    return False


#: The end of a verse line whose sentence goes on in the next line.
_VERSE_GOES_ON = re.compile(r"""[,;][\"'”’»*_]*\s*$""")


def _first_line_title(doc: Document, block: Block, first: Block) -> bool:
    """``first`` is the text's title, and ``block`` the first line of a poem or a hymn titled by
    it ("I wander often from the way" over "I wander often from the way, / And sin afflicts me
    every day:"): a one-line title (the text's first block, or heading-shaped), and a one-line
    repeat whose sentence goes on in the line right below it (ending in a comma or a semicolon).
    A paragraph pasted twice ends its sentence."""
    end = block.end
    return (
        first.start == first.end
        and (first.index == 0 or first.heading_like)
        and block.start == end
        and _VERSE_GOES_ON.search(block.text) is not None
        and end + 1 < len(doc.lines)
        and doc.lines[end + 1].strip() != ""
    )


def _next(doc: Document, block: Block) -> str:
    return doc.lines[block.end + 1].strip()


def _excerpt(text: str) -> bool:
    """An excerpt the writer quotes to discuss it (“…my desire to be a 40-something female
    writer…”, “… Fares have increased to encourage more drivers”): a pull-quote repeats a
    sentence whole, an excerpt is cut short by an ellipsis."""
    return _EXCERPT.match(text) is not None


#: A sentence mark at the end of a line, before closing quotes, brackets or emphasis markers.
_SENTENCE_END = re.compile(r"""[.!?…:;][\"'”“»«’‘)\]*_]*\s*$""")


#: A quotation in single quotation marks, the way the British press quotes in headlines and
#: crossheads ('They say they want less help for themselves'); its body text quotes in double ones.
_HEADLINE_QUOTE = re.compile(r"^\s*['‘][^'‘’\"“”]+['’]\s*$")


def _quoted_subheading(doc: Document, quote: Block, source: Block) -> bool:
    """``quote`` titles the section ``source`` opens (`„Wir sind Kirche mit Geflüchteten, und
    das wird auch so bleiben“` over the paragraph that says it): it stands right above its
    source, is no block quote, ends without a sentence mark, and is quoted as headlines quote
    (`_HEADLINE_QUOTE`) or the document has another subheading (`_subheading`). A pull-quote is
    set off as a block quote, ends a sentence, or sits in a text without sections."""
    if quote.kind == "quote" or source.index != quote.index + 1 or _SENTENCE_END.search(quote.text):
        return False
    if _HEADLINE_QUOTE.match(quote.text):
        return True
    blocks = doc.blocks
    return any(_subheading(blocks, i) for i in range(1, len(blocks) - 1) if i != quote.index)


def _subheading(blocks: list[Block], i: int) -> bool:
    """Block ``i`` is a heading, or a one-line paragraph of at most 12 words without a sentence
    mark between two paragraphs of prose."""
    block = blocks[i]
    if block.kind == "heading":
        return True
    return (
        block.kind == "paragraph"
        and block.start == block.end
        and 0 < block.word_count <= 12
        and _SENTENCE_END.search(block.text) is None
        and blocks[i - 1].prose
        and blocks[i + 1].prose
    )
