"""The longest match of a pattern, read from `regex_facts`' parse of it: B005 joins a stretch of
button lines and tries the patterns on it only when it is no longer than their longest match."""

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


def max_width(items: list[Node]) -> int | None:
    """The greatest number of characters a match of the sequence ``items`` can span, or None
    when there is no limit or it is not known."""
    total = 0
    for node in items:
        width: int | None
        if isinstance(node, (Lit, In)):
            width = 1
        elif isinstance(node, (At, Ahead)):  # (what a lookahead sees is not part of the match)
            width = 0
        elif isinstance(node, Group):
            width = max_width(node.items)
        elif isinstance(node, Branch):
            widths = [max_width(a) for a in node.alternatives]
            width = None if None in widths else max(widths)  # type: ignore[type-var]
        elif isinstance(node, Repeat):
            inner = max_width(node.items)
            if inner == 0:
                width = 0
            elif inner is None or node.high is None:
                width = None
            else:
                width = inner * node.high
        else:
            width = None
        if width is None:
            return None
        total += width
    return total


def max_length(pattern: str) -> int | None:
    """The greatest length of a match of ``pattern`` (None: no limit, or not known): a string
    longer than that is never matched whole, and need not be tried. Raises `re.error` for a
    pattern that does not compile."""
    re.compile(pattern)
    if GLOBAL_FLAGS.search(pattern):  # (?x) and the like change what every part means
        return None
    try:
        return max_width(parse(pattern))
    except (Unreadable, KeyError, ValueError):
        return None
