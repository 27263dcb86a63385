"""Helpers of the duplication rules: paragraph keys, first copies, and containment searches."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from lintnews.block_edges import block_keys, blocks_where
from lintnews.document import Block, Document
from lintnews.textnorm import normalized_lines, normalized_span

#: Text that looks like code, a path or a table row (the definition; `_code_like` tests it).
_CODE_LIKE = re.compile(r"""[{}<>=\\|$@#\[\]]|\w:\w|(?:^|\s)/\w|^(?:\s{2,}|\t)""")
#: `_CODE_LIKE`'s branches one by one.
_CODE_CHARS = re.compile(r"[{}<>=\\|$@#\[\]]")
_WORD_COLON = re.compile(r"\w:\w")
_PATH_START = re.compile(r"(?:^|\s)/\w")
_INDENTED = re.compile(r"^(?:\s{2,}|\t)")
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


def _code_like(text: str) -> bool:
    """``_CODE_LIKE.search(text)``, a branch at a time, the colon's and the slash's only on a
    text holding one: ~0.6 µs a heading where the pattern, whose branches begin with a word
    character or a blank, was entered at every character (~1.7 µs)."""
    return (
        _CODE_CHARS.search(text) is not None
        or (":" in text and _WORD_COLON.search(text) is not None)
        or ("/" in text and _PATH_START.search(text) is not None)
        or _INDENTED.match(text) is not None
    )


def _key(doc: Document, block: Block) -> str:
    """``normalize(block.text)``, from the document's normalised lines."""
    return normalized_span(doc, block.start, block.end)


def _keys(doc: Document, blocks: list[Block]) -> list[str]:
    """`_key` of every block of ``blocks``; a one-line block's is its normalised line (made by a
    kernel, `block_keys`, where a list comprehension cost ~0.2 µs a block)."""
    return block_keys(blocks, normalized_lines(doc))


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
    the blocks' normalised texts. The paragraph is the first such block that is no teaser
    (`_teaser`): a teaser is a cut copy of an article's opening, so the line it repeats is the
    article's own text, not a pull-quote of it.

    Copies of one quotation are looked for once (`_containers`), so the cost does not grow with
    the square of the number of identical quotations."""
    # The quotations first: few blocks are, and without one there is nothing to look for.
    quotes = [
        i
        for i, block in enumerate(blocks)
        # (a quoted text starts with a quotation mark, an emphasis marker or a blank: not with a
        # letter or digit, as most paragraphs do, which rules them out without a call)
        if (block.kind == "quote" or not block.text[:1].isalnum() and _quoted(block.text))
        and len(keys[i].split()) >= min_words
    ]
    if not quotes:
        return
    needles = list(dict.fromkeys(keys[i] for i in quotes))
    found = _containers(keys, needles)
    # teasers found as sources are left out and the search is run again (rare: most documents
    # have none, and pay for no test of every block)
    teasers = {j for j in found.values() if _teaser(blocks[j].text)}
    sources = keys
    while teasers:
        sources = ["" if j in teasers else key for j, key in enumerate(sources)]
        found = _containers(sources, needles)
        teasers = {j for j in found.values() if _teaser(blocks[j].text)}
    for i in quotes:
        j = found.get(keys[i])
        if j is not None:
            yield blocks[i], blocks[j]


_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")


def _teaser(text: str) -> bool:
    """A block cut short with an ellipsis (`… Kein Wunder -...`): how lists of other articles
    (and of this one) show the opening of an article. (An ellipsis is tested on the end only.)"""
    return _ELLIPSIS.search(text[-8:]) is not None


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
    if not keys:
        return {}
    # The keys padded with a space at both ends (a needle matches whole words), joined by line
    # breaks: " k0 \n k1 \n … ", key j from starts[j] (made by one join, not a string a key).
    sizes = [len(k) + 3 for k in keys]  # (" k " and the line break)
    total = sum(sizes)
    if len(needles) * total > budget:
        return _containers_scan(keys, needles)
    starts = [0, *itertools.accumulate(sizes[:-1])]
    joined = " " + " \n ".join(keys) + " "
    found: dict[str, int] = {}
    for key in needles:
        needle = f" {key} "
        at = joined.find(needle)
        while at >= 0:
            j = bisect.bisect_right(starts, at) - 1
            if len(keys[j]) > len(key):
                found[key] = j
                break
            at = joined.find(needle, starts[j] + len(keys[j]) + 2)  # (the rest of block j is a copy)
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


#: The kinds of blocks D001 compares.
_PARAGRAPH_KINDS = ("paragraph", "quote", "caption")


def _paragraph_candidates(doc: Document, min_words: int) -> list[Block]:
    """Blocks D001 compares: running text and quotes, not headings, list items, table rows or
    code, which repeat by design (the same label in every item of a list or table)."""
    return blocks_where(doc.blocks, _PARAGRAPH_KINDS, 0, min_words)


#: Signs a key drops that change what a line says: comparisons, plus, per cent and currencies
#: ("for Redis versions >= 8.0" and "for Redis versions < 8.0" have one key).
_SIGN = re.compile(r"[<>=+%$€£¥]")
#: A Markdown quotation's ">" at the start of a line: a paragraph quoted is the same text.
_QUOTE_MARK = re.compile(r"^[ \t]*(?:>[ \t]*)+", re.MULTILINE)


def _same_signs(text: str, other: str) -> bool:
    """Whether two texts of one key hold the same signs (`_SIGN`) in the same order, a quotation's
    marks aside: a copy pasted twice does; "(for Redis versions >= 8.0):" over one command and
    "(for Redis versions < 8.0):" over another do not."""
    if _SIGN.search(text) is None and _SIGN.search(other) is None:
        return True
    return _SIGN.findall(_QUOTE_MARK.sub("", text)) == _SIGN.findall(_QUOTE_MARK.sub("", other))
