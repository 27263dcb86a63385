"""S008's listing of teasers set out over lines, each closed by a read-more link of its own line.

A widget or an archive page lists other posts as blocks of a few lines: the title, maybe the
date and the first words, then "READ MORE" on a line of its own ("- Will Smith & Family Catch A
BasketBall Game" / "18 March 2012" / "READ MORE"). One such link closes an article's teaser on
a front page; `_MIN_LINKS` of them, each block between two of them `_MOST_LINES` lines or fewer,
are a listing, and the blocks between the links are other pages' teasers. The listing is taken
to start at its first link: where the first teaser starts is not known (a listing may put each
teaser's date under the link before it), and the lines above may be the article's.
"""

from __future__ import annotations

from lintnews.document import Document
from lintnews.packs import line_keys

#: Fewest links of a listing; most lines of text (blank lines aside) in one teaser's block.
_MIN_LINKS = 3
_MOST_LINES = 4


def read_more_runs(doc: Document, read_more: frozenset[str]) -> list[tuple[int, int, int]]:
    """The listings of ``doc`` (see the module's docstring), each as its first link, its last
    and how many links it holds; a link is a line whose key is one of ``read_more`` (the term
    list `read-more-links` of ``rules/packs/S001.toml``)."""
    keys = line_keys(doc)
    # (most documents hold no link: one pass at C speed, where the loop below cost S008 a sixth
    # of its time)
    if read_more.isdisjoint(keys):
        return []
    links = [i for i, key in enumerate(keys) if key in read_more]
    if len(links) < _MIN_LINKS:
        return []
    lines = doc.lines
    groups: list[list[int]] = []
    for i in links:
        if groups and _texts(lines, groups[-1][-1], i):
            groups[-1].append(i)
        else:
            groups.append([i])
    return [(run[0], run[-1], len(run)) for run in groups if len(run) >= _MIN_LINKS]


def _texts(lines: list[str], a: int, b: int) -> list[int]:
    """The lines of text between two links (blank lines aside), or none when they are more than
    a teaser's."""
    found = [k for k in range(a + 1, b) if lines[k].strip()]
    return found if len(found) <= _MOST_LINES else []
