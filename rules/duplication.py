"""D: text duplicated within one document."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from lintnews.config import Settings
from lintnews.diagnostics import RelatedLocation, Severity
from lintnews.document import Block, Document
from lintnews.registry import Rule, Violation, register
from lintnews.textnorm import normalized_lines, normalized_span

#: Marks of code, paths, markup and tables, which repeat by design (``FROM python:3.7``,
#: ``File "<stdin>", line 2``): such lines are not titles.
_CODE_LIKE = re.compile(r"""[{}<>=\\|$@#\[\]]|\w:\w|(?:^|\s)/\w|^(?:\s{2,}|\t)""")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
#: How a pull-quote is set off: quotation marks or emphasis around the whole text.
_QUOTED = re.compile(r"""^\s*(?:["'„“”‘’«»‚‹›].*["'“”‘’«»‹›][.!?…]?|(\*\*|__|\*|_)\S.*\S\1)\s*$""", re.DOTALL)
#: The characters a text `_QUOTED` matches can start with, besides whitespace, and end with
#: (before trailing whitespace and a full stop, question or exclamation mark).
_QUOTED_FIRST = frozenset("\"'„“”‘’«»‚‹›*_")
_QUOTED_LAST = frozenset("\"'“”‘’«»‹›*_")
_SENTENCE_MARKS = frozenset(".!?…")


def _quoted(text: str) -> bool:
    """``_QUOTED.match(text)``, after a test of the first and the last characters that rules most
    texts out without the regex (which, on a text that opens with a quotation mark, scans all of
    it back from the end)."""
    first = text[:1]
    if first not in _QUOTED_FIRST and not first.isspace():
        return False
    end = text.rstrip()[-2:]  # `\s*$`: trailing whitespace (the same set as str.rstrip)
    if end[-1:] not in _QUOTED_LAST and not (end[-1:] in _SENTENCE_MARKS and end[:1] in _QUOTED_LAST):
        return False
    return _QUOTED.match(text) is not None


def _key(doc: Document, block: Block) -> str:
    """``normalize(block.text)``, from the document's normalised lines."""
    return normalized_span(doc, block.start, block.end)


def _keys(doc: Document, blocks: list[Block]) -> list[str]:
    """`_key` of every block of ``blocks``; a one-line block's is its normalised line."""
    lines = normalized_lines(doc)
    return [lines[b.start] if b.start == b.end else normalized_span(doc, b.start, b.end) for b in blocks]


def _first_copies(doc: Document, blocks: list[Block], keys: list[str]) -> Iterator[tuple[Block, Block]]:
    """(repeat, first copy) pairs among ``blocks``, comparing their normalised text ``keys``."""
    if len(set(keys)) == len(keys):
        return  # all keys differ (which a set tells in C): no copies
    seen: dict[str, Block] = {}
    for block, key in zip(blocks, keys):
        if not key:
            continue
        first = seen.get(key)
        if first is None:
            seen[key] = block
        else:
            yield block, first


def _contained(blocks: list[Block], keys: list[str], min_words: int) -> Iterator[tuple[Block, Block]]:
    """(quote, paragraph) pairs: a quotation or a wholly emphasised line of at least
    ``min_words`` words whose text reappears inside a longer block (a pull-quote); ``keys`` are
    the blocks' normalised texts. The paragraph is the first such block.

    Copies of one quotation are looked for once (`_containers`), so the cost does not grow with
    the square of the number of identical quotations."""
    # The quotations first: few blocks are, and without one there is nothing to look for.
    quotes = [
        i for i, block in enumerate(blocks)
        # (a quoted text starts with a quotation mark, an emphasis marker or a blank: not with a
        # letter or digit, as most paragraphs do, which rules them out without a call)
        if (block.kind == "quote" or not block.text[:1].isalnum() and _quoted(block.text))
        and len(keys[i].split()) >= min_words
    ]
    if not quotes:
        return
    found = _containers(keys, list(dict.fromkeys(keys[i] for i in quotes)))
    for i in quotes:
        j = found.get(keys[i])
        if j is not None:
            yield blocks[i], blocks[j]


#: Above this many characters searched (distinct quotations × length of the text), `_containers`
#: matches all quotations in one pass (`_containers_scan`) instead of one search per quotation.
_SEARCH_BUDGET = 1 << 22


def _containers(keys: list[str], needles: list[str], budget: int = _SEARCH_BUDGET) -> dict[str, int]:
    """For each of the distinct normalised texts ``needles``, the index of the first of ``keys``
    that holds it as a run of whole words and is longer (so not a copy of it); needles no longer
    key holds are left out.

    A few needles are searched for one by one in the joined keys (`str.find` runs in C: the
    fastest way for the few quotations of an article); many, in one pass over the words of all
    keys (`_containers_scan`), which costs the same whatever their number."""
    padded = [f" {k} " for k in keys]
    total = sum(len(p) + 1 for p in padded)
    if len(needles) * total > budget:
        return _containers_scan(keys, needles)
    starts: list[int] = []
    pos = 0
    for p in padded:
        starts.append(pos)
        pos += len(p) + 1
    joined = "\n".join(padded)
    found: dict[str, int] = {}
    for key in needles:
        needle = f" {key} "
        at = joined.find(needle)
        while at >= 0:
            j = bisect.bisect_right(starts, at) - 1
            if len(keys[j]) > len(key):
                found[key] = j
                break
            at = joined.find(needle, starts[j] + len(padded[j]))  # (the rest of block j is a copy)
        # (a hit in a block of the same length is a copy of the needle: it holds no other hit)
    return found


def _containers_scan(keys: list[str], needles: list[str]) -> dict[str, int]:
    """`_containers` in one pass over the words of ``keys``, with an Aho-Corasick automaton of
    the needles' words: linear in the number of words (plus the number of needles), however
    many needles there are and however they overlap.

    A needle found in a key is resolved there unless the key is the needle itself (a copy); a
    resolved needle is skipped from then on (the dictionary links are path-compressed past it),
    so each needle is reported once and each position of the text costs amortised constant
    time."""
    vocab: dict[str, int] = {}
    # The trie: children per node, the needle ending at each node (-1: none).
    children: list[dict[int, int]] = [{}]
    ends: list[int] = [-1]
    lengths = [len(key) for key in needles]
    for n, key in enumerate(needles):
        node = 0
        for word in key.split(" "):
            w = vocab.setdefault(word, len(vocab))
            nxt = children[node].get(w)
            if nxt is None:
                nxt = children[node][w] = len(children)
                children.append({})
                ends.append(-1)
            node = nxt
        ends[node] = n
    # Failure links (breadth first) and dictionary links: the nearest proper suffix node that
    # ends a needle not yet resolved (0: none).
    fail = [0] * len(children)
    out = [0] * len(children)
    order = list(children[0].values())
    for node in order:
        for w, child in children[node].items():
            f = fail[node]
            while f and w not in children[f]:
                f = fail[f]
            g = children[f].get(w, 0)
            fail[child] = g if g != child else 0
            out[child] = g if ends[g] >= 0 else out[g]
            order.append(child)
    resolved = [False] * len(needles)
    found: dict[str, int] = {}
    left = len(needles)
    get_vocab = vocab.get
    for j, key in enumerate(keys):
        node = 0
        size = len(key)
        for word in key.split(" "):
            w = get_vocab(word, -1)
            if w < 0:
                node = 0
                continue
            while node and w not in children[node]:
                node = fail[node]
            node = children[node].get(w, 0)
            # the needles ending here: this node's, then along the dictionary links
            t = node if ends[node] >= 0 else out[node]
            prev = -1
            while t:
                n = ends[t]
                if not resolved[n] and lengths[n] < size:
                    resolved[n] = True
                    found[needles[n]] = j
                    left -= 1
                if resolved[n] and prev >= 0:
                    out[prev] = out[t]  # path compression: skip it from now on
                else:
                    prev = t
                t = out[t]
        if not left:
            break
    return found


def _paragraph_candidates(doc: Document, min_words: int) -> list[Block]:
    """Blocks D001 compares: running text and quotes, not headings, list items, table rows or
    code, which repeat by design (the same label in every item of a list or table)."""
    return [
        b
        for b in doc.blocks
        if b.kind in ("paragraph", "quote", "caption") and not b.heading_like and b.word_count >= min_words
    ]


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
    Whitespace, case, punctuation and quote style are ignored when comparing.

    List items, table rows, headings and code are not compared: the same item in two lists, or
    the same cell in two rows, is structure rather than a copy.

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
        for block, first in _first_copies(doc, blocks, keys):
            reported.add(block.index)
            yield self.line_violation(
                doc,
                block.start,
                f"Paragraph repeats line {doc.to_source(first.start, 0).line}",
                end_line=block.end,
                fix=self.remove_lines_fix(doc, block.start, block.end, "Remove the repeated paragraph"),
                related=[RelatedLocation(first.start, 0)],
            )
        for block, longer in _contained(blocks, keys, max(min_quote_words, min_words)):
            if block.index in reported:
                continue
            yield self.line_violation(
                doc,
                block.start,
                f"Paragraph repeats text of line {doc.to_source(longer.start, 0).line}",
                end_line=block.end,
                fix=self.remove_lines_fix(doc, block.start, block.end, "Remove the pull-quote", safe=False),
                related=[RelatedLocation(longer.start, 0)],
            )


def _heading_candidates(doc: Document, min_words: int) -> tuple[list[Block], list[str]]:
    """Titles and headings D002 compares, with their `_key`: heading-shaped blocks of
    ``min_words`` words with letters, which do not look like code, a path or a table row.

    Only blocks whose key is shared by another heading-shaped block can repeat one, or count
    towards a label that recurs three times, so the (costly) word and code tests are left out
    for the others: they are dropped, which changes no finding of D002."""
    headings = [b for b in doc.blocks if b.heading_like]
    keys = _keys(doc, headings)
    if len(set(keys)) == len(keys):
        return [], []  # no key is shared (which a set tells in C)
    counts = Counter(keys)
    found = [
        (b, key)
        for b, key in zip(headings, keys)
        if counts[key] >= 2
        and len(_LETTER_WORD.findall(b.text)) >= min_words
        and not _CODE_LIKE.search(_MD_HEADING.sub("", b.text))
    ]
    return [b for b, _ in found], [key for _, key in found]


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


@register
class DuplicateHeading(Rule):
    """## What it does
    Checks for a title or heading that repeats an earlier one, ignoring case and punctuation.

    Not reported: labels that recur three times or more ("Full solution" above every answer,
    "Pros and cons" under every product), a run of three or more repeated headings in a row (a
    navigation menu printed twice, which the chrome rules judge), and lines that look like code.

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
        for block, first in pairs:
            if _in_menu(doc.blocks, block.index, repeated):
                continue  # a menu or a list of links printed twice
            yield self.line_violation(
                doc,
                block.start,
                f"Heading repeats line {doc.to_source(first.start, 0).line}",
                end_line=block.end,
                fix=self.remove_lines_fix(doc, block.start, block.end, "Remove the repeated heading"),
                related=[RelatedLocation(first.start, 0)],
            )
