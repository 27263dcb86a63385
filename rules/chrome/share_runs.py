"""B005's runs of buttons: the stretches of a run of short lines that, joined, a pack entry
matches ("Share" / "Facebook" / "Twitter" on three lines), searched longest first and only where
the lines' lengths and the strings the entries need leave a match possible (`ShareScreen`), the
answer kept per run (a site repeats its button rows on every page)."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from lintnews.packs import Entry, Matcher, PackSet, ScreenUnion
from lintnews.packs.regex_length import max_length
from lintnews.packs.screen import Screen, pattern_needs

from .share_occurrences import Occurrences, may_start

#: The longest run of lines a stretch may join.
_MAX_RUN = 12

#: How many runs of buttons `stretches` keeps the answer for, per screen.
_MEMO_SIZE = 5_000


def stretches(
    texts: tuple[str, ...], matchers: list[Matcher], screen: ShareScreen
) -> list[tuple[int, int, Entry]]:
    """The longest stretches ``(start, stop, entry)`` of a run of button keys ``texts`` (two lines
    or more, left to right) whose lines, joined, an entry of ``matchers`` matches.

    The answer depends on ``texts`` and on the screen and matchers (one pack set, rule and set
    of languages, which the screen stands for) only, so it is kept on the screen: whole pages
    of one site repeat the same menus and button rows in every article (on the crawl corpus
    half the runs are repeats)."""
    memo = screen.memo
    found = memo.get(texts)
    if found is None:
        found = _find_stretches(texts, matchers, screen)
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[texts] = found
    return found


def _find_stretches(
    texts: tuple[str, ...], matchers: list[Matcher], screen: ShareScreen
) -> list[tuple[int, int, Entry]]:
    """`stretches`, computed: from each start, the stretches longest first, each joined and
    given to the matchers only when the screen (`ShareScreen`) lets it through, and joined at
    all only when the lines' lengths and the strings they hold leave the screen a chance."""
    found: list[tuple[int, int, Entry]] = []
    whole = " ".join(texts)
    # Every stretch joined is a substring of the whole run joined: where the strings the
    # patterns need occur in it (found in one pass) tells which stretches hold one.
    occurs = Occurrences(whole, screen.automaton)
    rest = screen.rest_always or occurs.any(screen.needs)
    if not (rest or may_start(texts, screen, occurs)):
        return found  # no stretch passes the screen (nine runs in ten on the crawl)
    # Where each line starts in ``whole`` (and where a line after the last would): the stretch
    # from ``start`` to ``stop`` joined ends at ``ends[stop] - 1``.
    ends = list(itertools.accumulate((len(t) + 1 for t in texts), initial=0))
    literal = screen.union.literal
    start = 0
    while start < len(texts) - 1:
        best = None
        top = min(len(texts), start + _MAX_RUN)
        # A literal line that is a stretch starts with the first line and a space (one of the
        # `heads`), and is no longer than the longest literal line: the stretches that may be
        # one end by ``literal_end``.
        literal_end = ends[start] + 1 + screen.longest_literal if texts[start] in screen.heads else -1
        # A stretch starts with the first character of its first line (keys are never empty):
        # of the patterns of known first character, only those filed under it may match, and
        # only stretches no longer than their longest match (up to `first_top`) that hold one
        # of the strings they need (from `patterned`: the first stop that reaches the end of
        # the earliest ending such string after the start).
        char = texts[start][0]
        first = screen.union.compiled.get(char)
        first_top, patterned = top, top + 1
        if first is not None:
            limit = screen.longest_match[char]
            if limit is not None:
                first_top = min(top, bisect.bisect_right(ends, ends[start] + 1 + limit) - 1)
            patterned = occurs.first_stop(ends, start, screen.first_needs[char])
        # The patterns of unknown first character, the same way (from `rest_from`).
        rest_from = top + 1
        if rest:
            rest_from = occurs.first_stop(ends, start, None if screen.rest_always else screen.needs)
        if patterned <= first_top or rest_from <= top or literal_end >= ends[start + 2]:
            for stop in range(top, start + 1, -1):
                regexes = first if patterned <= stop <= first_top else None
                rested = stop >= rest_from
                if regexes is None and not rested and ends[stop] > literal_end:
                    continue  # no entry can match it
                joined = " ".join(texts[start:stop])
                if not (
                    joined in literal
                    or (regexes is not None and any(r.fullmatch(joined) for r in regexes))
                    or (rested and (screen.rest is None or any(r.fullmatch(joined) for r in screen.rest)))
                ):
                    continue  # the screen proves that no entry matches (see `share_screen`)
                entry = next((e for m in matchers if (e := m.match(joined)) is not None), None)
                if entry is not None:
                    best = (stop, entry)
                    break
        if best is None:
            start += 1
            continue
        stop, entry = best
        found.append((start, stop, entry))
        start = stop
    return found


@dataclass
class ShareScreen:
    """What a joined run of buttons must look like for an entry of the rule to match it, from the
    `Screen` of the rule's entries in each language (the screens that pick the candidate lines
    of every phrase rule, so exact in the same way): one of the literal lines, or a fullmatch of
    a pattern filed under the key's first character, or, for patterns whose first character is
    not known, a join holding one of ``needs`` (``rest_always``: such patterns need nothing
    known) that one of them matches (``rest``). A join that fails all three is matched by no
    matcher, and the costly matchers are not tried."""

    #: The rule's screens in the languages (literal lines, patterns by first character).
    union: ScreenUnion
    #: What literal lines start with before a space ("share", "share on" for "share on x").
    heads: frozenset[str]
    needs: frozenset[str]
    rest_always: bool
    #: The patterns of unknown first character of the languages, each once (None: not known, let every
    #: join holding one of ``needs`` through).
    rest: tuple[re.Pattern[str], ...] | None = None
    #: The length of the longest literal line, and by first character, the greatest length of
    #: a join that a literal line or a pattern filed under the character may match (None: no
    #: limit known).
    longest_literal: int = 0
    longest_match: dict[str, int | None] = field(default_factory=dict)
    #: By first character, strings one of which every match of a pattern filed under it holds
    #: (None: not known for every such pattern).
    first_needs: dict[str, frozenset[str] | None] = field(default_factory=dict)
    #: An automaton of ``needs`` and every ``first_needs`` (its values: the strings; None when
    #: there are none).
    automaton: ahocorasick.Automaton | None = None
    #: The words a button's line holds one of: the words of the literal lines and the term list
    #: `button-words` (networks and tools, ``rules/packs/B005.toml``).
    words: frozenset[str] = frozenset()
    #: `stretches` of the runs of buttons met so far.
    memo: dict[tuple[str, ...], list[tuple[int, int, Entry]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )


_max_length = lru_cache(maxsize=1024)(max_length)


@lru_cache(maxsize=256)
def _automaton(strings: frozenset[str]) -> ahocorasick.Automaton | None:
    """An automaton of ``strings`` (kept: the language sets of a crawl share most of them; a
    `ShareScreen` only reads it)."""
    if not strings:
        return None
    automaton = ahocorasick.Automaton()
    for string in strings:
        automaton.add_word(string, string)
    automaton.make_automaton()
    return automaton


_SHARE_SCREENS: dict[tuple[int, str, tuple[str, ...]], tuple[PackSet, ShareScreen]] = {}


def share_screen(packs: PackSet, rule: str, langs: list[str]) -> ShareScreen:
    """The `ShareScreen` of ``rule`` in ``langs``, made once per pack set and language set from
    the rule's screen in each language (`PackSet.rule_screen`: the entries of
    `PackSet.matcher`, the language's own and the ``*`` ones), without compiling anything.

    What the screen lets through does not depend on the order of the languages, and it is made
    once for all their orders (a multilingual crawl meets the same few languages in dozens of
    orders); each order has a memo of its own (`stretches`: which language's entry matches a
    stretch depends on the order)."""
    cache_key = (id(packs), rule, tuple(langs))
    hit = _SHARE_SCREENS.get(cache_key)
    if hit is not None and hit[0] is packs:
        return hit[1]
    shared_key = (id(packs), rule, tuple(sorted(langs)))
    shared = _SHARE_SCREENS.get(shared_key)
    if shared is None or shared[0] is not packs:
        shared = (packs, _made_share_screen(packs, rule, sorted(langs)))
        _keep_share_screen(shared_key, shared)
    found = dataclasses.replace(shared[1]) if shared_key != cache_key else shared[1]
    _keep_share_screen(cache_key, (packs, found))
    return found


def _keep_share_screen(key: tuple[int, str, tuple[str, ...]], value: tuple[PackSet, ShareScreen]) -> None:
    if len(_SHARE_SCREENS) > 1024:
        _SHARE_SCREENS.clear()
    _SHARE_SCREENS[key] = value


def _made_share_screen(packs: PackSet, rule: str, langs: list[str]) -> ShareScreen:
    """`share_screen`, made from what each language's screen gives (`_screen_facts`, once a
    screen: a multilingual crawl makes ~160 language sets of a few dozen screens)."""
    screens = [packs.rule_screen(rule, lang) for lang in langs]
    union = ScreenUnion.of(screens)
    needs: set[str] = set()
    rest_always = union.everything
    for screen in union.screens:
        if screen.rest is not None and screen.rest_needs is None:
            rest_always = True
        elif screen.rest is not None and screen.rest_needs is not None:
            needs.update(screen.rest_needs)
    facts = [_screen_facts(screen) for screen in union.screens]
    longest_literal = max((f[0] for f in facts), default=0)
    longest_match: dict[str, int | None] = {}
    first_needs: dict[str, frozenset[str] | None] = {}
    for _, by_first, _, _ in facts:
        for char, (longest, wanted) in by_first.items():
            before, held = longest_match.get(char, 0), first_needs.get(char, frozenset())
            longest_match[char] = (
                None if before is None or longest is None else max(longest_literal, before, longest)
            )
            first_needs[char] = None if held is None or wanted is None else held | wanted
    return ShareScreen(
        union,
        frozenset().union(*(f[2] for f in facts)),
        frozenset(needs),
        rest_always,
        # one regex each: the languages' screens share the ``*`` entries' patterns (the same
        # compiled regex, once per language), and a join tried against each copy cost B005 a
        # third of its time on a multilingual crawl
        None
        if union.everything
        else tuple(dict.fromkeys(s.rest for s in union.screens if s.rest is not None)),
        longest_literal,
        longest_match,
        first_needs,
        _automaton(frozenset(needs.union(*(n for n in first_needs.values() if n is not None)))),
        # the networks and tools a row of buttons names, whether or not a literal line does
        packs.term_set(rule, "button-words", tuple(langs)).union(*(f[3] for f in facts)),
    )


#: What `_made_share_screen` takes from one screen: the length of its longest literal line, by
#: first character the greatest length of its patterns' matches and the strings one of which
#: every match holds (None: not known for one of them), what its literal lines start with before
#: a space, and their words.
_Facts = tuple[int, dict[str, tuple[int | None, frozenset[str] | None]], frozenset[str], frozenset[str]]
_FACTS: dict[int, tuple[Screen, _Facts]] = {}


def _screen_facts(screen: Screen) -> _Facts:
    """`_Facts` of ``screen``, kept (by the screen itself: a pack set's screens live as long)."""
    hit = _FACTS.get(id(screen))
    if hit is not None and hit[0] is screen:
        return hit[1]
    by_first: dict[str, tuple[int | None, frozenset[str] | None]] = {}
    for char, patterns in screen.by_first.items():
        lengths = [*map(_max_length, patterns)]
        wanted: frozenset[str] | None = frozenset()
        for p in patterns:
            required = pattern_needs(p)[1]
            wanted = None if wanted is None or not required else wanted | required
        by_first[char] = (None if None in lengths else max(lengths, default=0), wanted)  # type: ignore[type-var]
    literal = screen.literal
    found = (
        max(map(len, literal), default=0),
        by_first,
        frozenset(line[:i] for line in literal for i, char in enumerate(line) if char == " "),
        frozenset().union(*(line.split() for line in literal)),
    )
    if len(_FACTS) > 4096:
        _FACTS.clear()
    _FACTS[id(screen)] = (screen, found)
    return found


def button_line(key: str, screen: ShareScreen) -> bool:
    """Does a line of a matched stretch hold a word of the rule's buttons (`ShareScreen.words`)?
    A pattern's wildcard ("follow .{1,60} on facebook") may reach over whole lines of a sidebar
    when a run is joined ("Follow @site" / "Shop at Amazon" / "Ad" / "Site on Facebook"): such a
    line is no button."""
    return not screen.words.isdisjoint(key.split())
