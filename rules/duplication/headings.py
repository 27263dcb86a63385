"""D002: a title or heading that repeats an earlier one."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from lintnews.block_edges import blocks_where
from lintnews.config import Settings
from lintnews.diagnostics import RelatedLocation, Severity
from lintnews.document import Block, Document, words
from lintnews.registry import Rule, Violation, register

from .heading_places import listed_parts, photo_credit, pipe_table_line, table_cell
from .keys import _LETTER_WORD, _MD_HEADING, _code_like, _first_copies, _key, _keys, _same_signs
from .listings import _in_code
from .paragraphs import DuplicateHeadingOptions


def _heading_candidates(doc: Document, min_words: int) -> tuple[list[Block], list[str]]:
    """Titles and headings D002 compares, with their `_key`: heading-shaped blocks of
    ``min_words`` words with letters, which do not look like code, a path or a table row.

    Only blocks whose key is shared by another heading-shaped block can repeat one, or count
    towards a label that recurs three times, so the (costly) word and code tests are left out
    for the others: they are dropped, which changes no finding of D002. Those tests read the
    block's text alone, and a page that repeats headings repeats most of them verbatim (a menu
    printed twice; 10,479 shared-key headings of 4,016 texts in 2,000 crawl documents), so each
    text is tested once."""
    headings = blocks_where(doc.blocks, None, 1, 0)
    keys = _keys(doc, headings)
    if len(set(keys)) == len(keys):
        return [], []  # no key is shared (which a set tells in C)
    counts = Counter(keys)
    titled: dict[str, bool] = {}  # text: whether it passes the word and code tests
    blocks, found = [], []
    for b, key in zip(headings, keys):
        if counts[key] < 2:
            continue
        text = b.text
        ok = titled.get(text)
        if ok is None:
            ok = titled[text] = len(_LETTER_WORD.findall(text)) >= min_words and not _code_like(
                _MD_HEADING.sub("", text)
            )
        if ok:
            blocks.append(b)
            found.append(key)
    return blocks, found


#: A byline set as a heading ("BY AARON BACK", "### By Jane Holt and Tom Weir"): a blog of many
#: posts repeats it over each post, and it is no title.
_BYLINE = re.compile(
    r"^\W*(?i:by|von|par|por)\s+[A-ZÀ-Þ][\w'’.-]*(?:\s*,?\s+(?:[A-ZÀ-Þ][\w'’.-]*|and|und|et|y|&)){0,5}\W*$"
)


def _in_menu(blocks: list[Block], index: int, repeated: set[int]) -> bool:
    """Whether ``blocks[index]`` sits in a stretch of short lines (headings, title-shaped
    lines, list items) with at least three repeated headings: a navigation menu printed twice."""
    count = 0
    for step in (-1, 1):
        i = index + step
        while (
            0 <= i < len(blocks)
            and (blocks[i].heading_like or blocks[i].kind == "list")
            and blocks[i].word_count <= 8
        ):
            count += i in repeated
            if count >= 2:
                return True  # with this block, three: the rest of the stretch cannot change that
            i += step
    return False


#: The share of words (Jaccard) from which the paragraphs below two copies of a heading are one
#: paragraph, edited or re-scraped (a copied post whose words moved), rather than two sections.
_SAME_SECTION = 0.5


def _parallel_sections(doc: Document, block: Block, first: Block) -> bool:
    """``first`` and ``block`` title two different sections of one text: a guide that compares
    two systems gives each the same subheading ("Third-party packages" over Slackware's, then
    over Arch's, T102). Both copies stand between paragraphs of prose (above, a paragraph or a
    parent heading right under one: `_after_prose`), each paragraph right below
    takes up a word of four letters or more of the heading ("What are third-party packages?"),
    and the two share fewer than half of their words. A photo credit or a reader's sign-off
    repeated between paragraphs names nothing the next paragraph is about; a headline repeated
    over a copied story stands over the copy of its first paragraph (D001 reports that one too);
    a title repeated in a list of links, or as the page's heading under its `<title>`, has no
    prose right above it; a copy over a paragraph pasted again from earlier in the text titles no
    section of its own, nor does a copy under which, once that paragraph is gone, the first copy
    stands right above (a paragraph and its heading pasted again as one)."""
    blocks = doc.blocks
    topic = {w.lower() for w in words(block.text) if len(w) >= 4}
    below = []
    for b in (first, block):
        i = b.index
        if i == 0 or i + 1 >= len(blocks) or not (_after_prose(blocks, i) and blocks[i + 1].prose):
            return False
        below.append({w.lower() for w in words(blocks[i + 1].text)})
        if not topic & below[-1]:
            return False  # the paragraph is not about what the line names: a credit, a sign-off
    if _repeats_earlier(blocks, block.index + 1) or _repeats_earlier(blocks, first.index + 1):
        return False  # a section is a paragraph pasted again: D001 reports it, and then this copy
        # of the heading stands over nothing or right under the first (the fix's next pass would
        # remove it)
    shared = len(below[0] & below[1]) / len(below[0] | below[1])
    return shared < _SAME_SECTION


def _after_prose(blocks: list[Block], i: int) -> bool:
    """Block ``i`` follows a paragraph of prose, or the heading of a section that does (a
    section's first subsection: "System guarantees", then "At-least-once task execution")."""
    above = blocks[i - 1]
    return above.prose or (i >= 2 and above.heading_like and blocks[i - 2].prose)


def _titles_text(blocks: list[Block], block: Block, copies: set[int]) -> bool:
    """``block`` titles a paragraph of prose of its own: right below it, or below one more
    heading (a section's first subsection), a paragraph that is none of ``copies``
    (`_prose_copies`)."""
    for b in blocks[block.index + 1 : block.index + 3]:
        if b.prose:
            return b.index not in copies
        if not b.heading_like:
            return False
    return False


def _prose_copies(blocks: list[Block]) -> set[int]:
    """The paragraphs of prose that have the words of an earlier one, in order (`_repeats_earlier`
    of each, in one pass)."""
    seen: set[tuple[str, ...]] = set()
    copies = set()
    for b in blocks:
        if b.prose:
            key = tuple(w.lower() for w in words(b.text))
            if key in seen:
                copies.add(b.index)
            seen.add(key)
    return copies


def _repeats_earlier(blocks: list[Block], index: int) -> bool:
    """Whether block ``index`` has the words of an earlier paragraph of prose, in order."""
    key = [w.lower() for w in words(blocks[index].text)]
    return any(b.prose and [w.lower() for w in words(b.text)] == key for b in blocks[:index])


@register
class DuplicateHeading(Rule):
    """## What it does
    Checks for a title or heading that repeats an earlier one, ignoring case and punctuation.

    Not reported: labels that recur three times or more ("Full solution" above every answer,
    "Pros and cons" under every product), bylines set as headings ("BY JANE HOLT" over two
    posts of one author), a subheading given to two different sections (each copy between
    paragraphs of prose, over a paragraph that takes up its words, the two paragraphs different:
    "Third-party packages" in Slackware's part of a guide, then in Arch's), a run of three or
    more repeated headings in a row (a navigation menu printed twice, which the chrome rules
    judge), the headings of sections listed in a table of contents above them (three entries or
    more of one list, each heading over a paragraph of its own; also a list of a text's parts of
    one or two words each, "Frontend", "Task Store", "Queue", over their sections), cells of a
    table set out one cell a line ("Bay of Plenty" among populations and codes), lines of a
    Markdown table's cells ("SV: Fernando Rodney" in each row of a box score), photo credits
    under each picture ("Jane Roe/iStock/Getty Images", which `image-credit` reports when
    selected), and lines that look like code or stand in a code listing or a command's output
    ("2 files updated, 0 files merged" after each `$ hg clone`).

    ## Why is this bad?
    Extractors often emit the page title (from `<title>` or `og:title`) and then the article's
    `<h1>`, or a template repeats the headline above a second copy of the story. The repeat is
    noise, and it often marks the start of a duplicated block.

    ## Example
    ```text
    Trump-Putin Summit: A Cold Exchange of Promises
    ...
    Trump-Putin summit: a cold exchange of promises
    ```

    ## Fix
    Removes the repeated heading line (safe).

    ## Options
    `[rule-options.D002] min-words` (default 3): the fewest words (with letters) a title needs.
    """

    code = "D002"
    name = "duplicate-heading"
    severity = Severity.ERROR
    summary = "Title or heading repeats an earlier one"
    fix_applicability = "safe"
    options = DuplicateHeadingOptions

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        min_words = settings.options_of(self).min_words
        blocks, keys = _heading_candidates(doc, min_words)
        if not blocks:
            return
        counts = Counter(keys)
        pairs = [(b, f) for b, f in _first_copies(doc, blocks, keys) if counts[_key(doc, b)] < 3]
        repeated = {b.index for b, _ in pairs}
        # A table of contents: the first copies of three headings or more that title sections
        # of their own ("Preparing the Data" over its paragraphs) stand in one stretch of short
        # lines. A list of headlines printed twice repeats its items between other short lines,
        # a page printed twice its headline over a copy of the story (which D001 reports).
        firsts = {f.index for _, f in pairs}
        listed = [(b, f) for b, f in pairs if _in_menu(doc.blocks, f.index, firsts)]
        sections: set[int] = set()
        if len(listed) >= 3:
            copies = _prose_copies(doc.blocks)
            sections = {f.index for b, f in listed if _titles_text(doc.blocks, b, copies)}
        for block, first in pairs:
            if _in_menu(doc.blocks, block.index, repeated):
                continue  # a menu or a list of links printed twice
            if first.index in sections and _in_menu(doc.blocks, first.index, sections):
                continue  # a section's heading, listed in the table of contents above
            if _in_code(doc, block):
                continue  # a line of a code listing or of a command's output
            if not _same_signs(block.text, first.text):
                continue  # "Versions >= 8.0" and "Versions < 8.0": the same words only
            if _BYLINE.match(_MD_HEADING.sub("", block.text).strip()):
                continue  # the same author over two posts
            if _parallel_sections(doc, block, first):
                continue  # the same subheading over two different sections
            if table_cell(doc, block) and table_cell(doc, first, sides=1):
                continue  # a name or a region down a column of a flattened table
            if pipe_table_line(doc, block) and pipe_table_line(doc, first):
                continue  # a line of a cell down a Markdown table's column (a box score's pitcher)
            if photo_credit(doc, settings, block):
                continue  # a photographer's credit under each picture (B021's)
            if listed_parts(doc, settings, block, first):
                continue  # a part's section, the parts listed above
            yield self.removable_lines(
                doc,
                block.start,
                block.end,
                f"Heading repeats line {doc.to_source(first.start, 0).line}",
                "Remove the repeated heading",
                related=[RelatedLocation(first.start, 0)],
            )
