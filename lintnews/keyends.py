"""Patterns that need a character which a line key never has at its ends.

Phrase patterns match a line's key (`lintnews.textnorm.line_key`), whose ends lose punctuation,
spaces, bullets and arrows (`EDGE_CHARS`): "Click to share on Twitter (Opens in new window)" is
matched as ``click to share on twitter (opens in new window``. A pattern whose match must end
(or start) with one of those characters, ``share on twitter(?: \\(opens in new window\\))?``,
has a part that never matches: here the line is missed, and in general the author meant the part
to match. `dead_end` finds such a part from the pattern alone. A lone optional character at an
end (``now!?``, ``required\\.?``) is the usual way to say "with or without it", and is left.
"""

from __future__ import annotations

from typing import Any

try:  # the regex parser of the standard library
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]  # private, 3.11+ (the stubs target 3.10)
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from lintnews.textnorm import EDGE_CHARS

_EDGE = frozenset(EDGE_CHARS)
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT))


def dead_end(pattern: str) -> tuple[str, str] | None:
    """(the character, "end" or "start") that some way of matching ``pattern`` must have at that
    end of the line, which no line key has there; None when there is none. Raises `re.error` for
    a pattern that does not compile."""
    parsed = _sre_parse.parse(pattern)
    for side, last in (("end", True), ("start", False)):
        char = _needed(list(parsed), last)
        if char is not None:
            return char, side
    return None


def _needed(items: list[tuple[Any, Any]], last: bool) -> str | None:
    """An edge character that one way through ``items`` (a parsed sequence) must put at its last
    (or first) place. Walks in from that end past zero-width items and lone optional characters;
    an optional item further in (``.{0,60}``) is looked into, not past: where it matches nothing
    the item before it ends the match, but the pattern meant it to match something."""
    for op, av in reversed(items) if last else items:
        if op in _ZERO_WIDTH:
            continue
        found, lone_optional = _item(op, av, last)
        if found is not None or not lone_optional:
            return found
    return None


def _item(op: Any, av: Any, last: bool) -> tuple[str | None, bool]:
    """(an edge character the item must put at that end, whether it is a lone optional character)."""
    if op is _sre.LITERAL:
        return (chr(av) if chr(av) in _EDGE else None), False
    if op is _sre.IN:
        chars = [chr(a) for o, a in av if o is _sre.LITERAL]
        whole = len(chars) == len(av) and chars and all(c in _EDGE for c in chars)
        return (chars[0] if whole else None), False
    if op is _sre.SUBPATTERN:
        return _needed(list(av[-1]), last), False
    if op is _sre.BRANCH:
        for branch in av[1]:
            found = _needed(list(branch), last)
            if found is not None:
                return found, False
        return None, False
    if op in _REPEATS:
        low, high, inner = av
        inner = list(inner)
        if len(inner) == 1 and inner[0][0] is _sre.LITERAL and low == 0:
            return None, True  # "!?": with or without it
        if high != 1:  # (a repeated item's other rounds are not at the end: "(?:« )*" may be alive)
            return None, False
        return _needed(inner, last), False
    return None, False
