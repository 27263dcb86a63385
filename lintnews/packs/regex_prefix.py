"""The first few characters of every match of a pattern, read from `regex_facts`' parse of it:
the phrase screen files each pattern under them, so that a line is tried only against the few
patterns whose matches can start the way it starts (`lintnews.packs.dispatch`).

The answer is a set of strings, one of which is the first `HEAD` characters of every match
(the whole match when it is shorter): a superset of what the pattern can produce, so filing
the pattern under each never drops a line it matches. Whatever is not known in those first
characters (``.``, a category, a negated class, a group with flags) makes the answer None."""

from __future__ import annotations

import re

from lintnews.packs.regex_facts import (
    GLOBAL_FLAGS,
    Ahead,
    At,
    Branch,
    Group,
    In,
    Lit,
    Node,
    Repeat,
    Unreadable,
    parse,
)

#: How many characters of a line decide which patterns it is tried against.
HEAD = 3
#: How many characters of a line the phrase screen reads at most to tell which patterns it may
#: be tried against (`deep_heads`), and how many heads a pattern may have at that depth.
DEEP = 8
_MAX_DEEP_HEADS = 64
#: Past this many heads a pattern is filed under its first character only (an alternation of
#: classes multiplies them, and a long list of heads would cost more to file than it saves).
_MAX_HEADS = 256


def _extend(heads: set[str], items: list[Node], k: int) -> set[str] | None:
    """The heads (strings of at most ``k`` characters) after a match of ``items`` follows one
    of ``heads``; None when not known or too many."""
    for node in items:
        if all(len(h) >= k for h in heads):
            return heads  # the rest of the match adds nothing to its first k characters
        got: set[str] | None
        if isinstance(node, Lit):
            got = {h if len(h) >= k else h + node.char for h in heads}
        elif isinstance(node, In):
            if node.chars is None:
                return None
            got = {h if len(h) >= k else h + c for h in heads for c in node.chars}
        elif isinstance(node, (At, Ahead)):  # zero-width: the heads stay (a superset)
            got = heads
        elif isinstance(node, Group):
            got = _extend(heads, node.items, k)
        elif isinstance(node, Branch):
            got = set()
            for alternative in node.alternatives:
                one = _extend(heads, alternative, k)
                if one is None:
                    return None
                got |= one
        elif isinstance(node, Repeat):
            got = _repeat(heads, node, k)
        else:
            return None
        if got is None or len(got) > _MAX_HEADS:
            return None
        heads = got
    return heads


def _repeat(heads: set[str], node: Repeat, k: int) -> set[str] | None:
    """`_extend` over a repeat: the heads after ``low`` to ``high`` repetitions. Past ``low``,
    a repetition that leaves a head as it is can be left out, and one that changes it adds a
    character, so ``low + k`` repetitions reach every head more would."""
    high = node.low + k if node.high is None else min(node.high, node.low + k)
    found: set[str] = set()
    current = heads
    for count in range(high + 1):
        if count >= node.low:
            found |= current
        if count == high:
            break
        got = _extend(current, node.items, k)
        if got is None or len(got) > _MAX_HEADS:
            return None
        current = got
    return found


def heads(pattern: str, k: int = HEAD) -> frozenset[str] | None:
    """Strings one of which is the first ``k`` characters of every match of ``pattern`` (the
    whole match when shorter), or None when not known. Raises `re.error` for a pattern that
    does not compile."""
    re.compile(pattern)
    if GLOBAL_FLAGS.search(pattern):  # (?i) and the like change what every part means
        return None
    try:
        found = _extend({""}, parse(pattern), k)
    except (Unreadable, KeyError, ValueError):
        return None
    return None if found is None or "" in found else frozenset(found)


def deep_heads(pattern: str) -> frozenset[str] | None:
    """`heads` of ``pattern`` at the greatest depth from `DEEP` down to `HEAD` characters that
    leaves it `_MAX_DEEP_HEADS` heads at most (its `HEAD` heads when none does), or None when
    those are not known. A line the pattern matches whole starts with one of them (one shorter
    than the depth is the whole line): the phrase screen's first pass admits a line on them,
    and its select tries a line against the patterns one of whose heads it starts with
    (`lintnews.packs.screen.ScreenUnion`). Three characters left four lines in five the screen
    tried against a pattern on the crawl corpus failing ("the president ..." against "the posting
    of advertisements ..."); eight left one in eight."""
    for k in range(DEEP, HEAD, -1):
        found = heads(pattern, k)
        if found is not None and len(found) <= _MAX_DEEP_HEADS:
            return found
    return heads(pattern, HEAD)
