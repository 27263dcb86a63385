"""A rule's patterns in one language tried one by one, only those that may match a key: how a
`lintnews.packs.model.Matcher` matches, without compiling its entries' patterns again as one
alternation.

Each pattern is compiled alone once a process (`lintnews.packs.screen.compiled`, which the screen of
its language has already called), and filed the way the `Screen` of the rule's entries
files it: under the first `HEAD` characters of its matches, under their first character, or,
of unknown first character, with the strings a key needs for it to match. A key is tried
against the patterns filed under its own first characters and those whose needed strings it
holds, in the order of the entries: the first that matches it gives the entry, as the first
branch of the alternation that matches would. A joined alternation of a rule's patterns in each
language cost 55 ms of compiling in every process (75 regexes on 1,000 documents of the crawl,
2.6 % of a ``-j1`` run), for patterns already compiled alone for the screen.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from lintnews.packs.regex_prefix import HEAD
from lintnews.packs.screen import Screen, compiled

if TYPE_CHECKING:
    from lintnews.packs.model import Entry

#: A pattern as tried: its place among the rule's patterns, its regex and its entry.
Tried = tuple[int, re.Pattern[str], "Entry"]


class TriedPatterns(NamedTuple):
    """Which of a rule's patterns to try on a key, each list in the order of the patterns."""

    #: By the key's first `HEAD` characters (with those of its first character and `always`).
    by_head: dict[str, tuple[Tried, ...]]
    #: By its first character, for a key of another head (with `always`).
    by_first: dict[str, tuple[Tried, ...]]
    #: Tried on every key (of unknown first character, no needed string known; every pattern
    #: when the screen could not file them).
    always: tuple[Tried, ...]
    #: Tried on a key that holds one of its needed strings.
    needy: tuple[tuple[tuple[str, ...], Tried], ...]
    #: Any of the strings of ``needy`` (None: no ``needy``): one search of a key tells whether
    #: it holds one at all, which most keys do not (a test of each string of each of ``needy``
    #: in Python cost ~2 % of a ``-j1`` run of the crawl, B026 asking for every segment).
    any_needed: re.Pattern[str] | None = None

    @classmethod
    def of(cls, entries: list[Entry], screen: Screen) -> TriedPatterns:
        """The patterns of ``entries`` filed as ``screen`` (their `Screen`) files them."""
        order: dict[str, Tried] = {}
        for entry in entries:
            for p in entry.patterns:
                if p not in order:  # (a pattern of two entries is the first one's)
                    order[p] = (len(order), compiled(p), entry)
        if screen.everything:
            return cls({}, {}, tuple(order.values()), ())
        always = tuple(order[p] for p, needs in screen.rest_each if needs is None)
        needy = tuple((needs, order[p]) for p, needs in screen.rest_each if needs is not None)

        def tried(patterns: tuple[str, ...]) -> tuple[Tried, ...]:
            return _merged(tuple(order[p] for p in patterns), always)

        needed = sorted({n for needs, _ in needy for n in needs})
        return cls(
            {
                head: tried((*patterns, *screen.headless.get(head[0], ())))
                for head, patterns in screen.by_head.items()
            },
            {char: tried(patterns) for char, patterns in screen.headless.items()},
            always,
            needy,
            re.compile("|".join(map(re.escape, needed))) if needy else None,
        )

    def match(self, key: str) -> Entry | None:
        """The entry of the first pattern that fullmatches ``key``, or None."""
        for _, regex, entry in self.tried(key):
            if regex.fullmatch(key) is not None:
                return entry
        return None

    def tried(self, key: str) -> tuple[Tried, ...]:
        """The patterns that may match ``key``, in their order (every other one cannot)."""
        found = self.by_head.get(key[:HEAD])
        if found is None:
            found = self.by_first.get(key[:1], self.always)
        if self.any_needed is not None and self.any_needed.search(key) is not None:
            held = [t for needs, t in self.needy if any(n in key for n in needs)]
            if held:
                return _merged(found, held)
        return found


def _merged(*lists: tuple[Tried, ...] | list[Tried]) -> tuple[Tried, ...]:
    """The patterns of ``lists``, each once, in their order."""
    return tuple(sorted({t[0]: t for found in lists for t in found}.values(), key=_place))


def _place(tried: Tried) -> int:
    return tried[0]
