"""The site-chrome rules' shortcuts give the answers of the definitions they stand for: B006's
`_breadcrumb_segments` (a quote or table row turned down before the bullet is removed, the
separator test left to `_separator_lines`) equals the full segment test on every line holding a
separator, blanks of every kind included."""

from __future__ import annotations

import random
import re

from lintnews.rules.chrome import breadcrumb

_ARROWS = "»›>→"
_BULLET = re.compile(r"^\s*(?:[-*+•·▪]\s+)?")
#: B006's and B026's splits as written before their lookaheads (session 32).
_REFERENCE_SPLIT = re.compile(r"(?<!\s)\s+(?:>>|[»›>→])\s*|(?:>>|[»›>→])\s*|(?<!\s)\s+[/|]\s+")
_REFERENCE_LINK_SPLIT = re.compile(r"\s*[|•·]\s*|\s+:\s+")


def _reference_segments(line: str) -> list[str] | None:
    """B006's segments as written before the shortcut (session 31)."""
    if not any(ch in line for ch in _ARROWS) and " / " not in line and " | " not in line:
        return None
    text = _BULLET.sub("", line).strip()
    if not text or text.startswith(("|", ">")) or breadcrumb._MARKUP.search(text):
        return None
    if not any(ch in text for ch in _ARROWS) and " / " not in text and " | " not in text:
        return None
    parts = _REFERENCE_SPLIT.split(text)
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    parts = [p.strip() for p in parts]
    if len(parts) < 2 or any(not p or not breadcrumb._HAS_LETTER.search(p) for p in parts):
        return None
    return parts


def test_segments_equal_the_full_test_on_lines_with_a_separator() -> None:
    pieces = [
        ">",
        "> ",
        "|",
        " | ",
        " / ",
        "»",
        "›",
        "→",
        "- ",
        "* ",
        "• ",
        "-",
        " ",
        "\t",
        "\u00a0",
        "\u2028",
        "\x1c",
        "\u3000",
        "Home",
        "News",
        "新闻",
        "Новости",
        "2012",
        "<b>",
        "=",
    ]
    rng = random.Random(32)
    checked = kept = quoted = 0
    for _ in range(20_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        if any(ch in line for ch in _ARROWS) or " / " in line or " | " in line:
            expected = _reference_segments(line)
            assert breadcrumb._breadcrumb_segments(line) == expected, repr(line)
            checked += 1
            kept += expected is not None
            quoted += line.lstrip().startswith((">", "|"))
    assert checked > 10_000 and kept > 300 and quoted > 2_000


def test_the_splits_of_trails_and_rows_are_those_of_the_patterns_without_lookahead() -> None:
    """B006's and B026's splits start with a lookahead of what their matches start with: the
    same splits, on generated lines of separators, blanks of every kind and words."""
    from lintnews.rules.chrome import toolbars

    pieces = [">", ">>", "|", "•", "·", ":", " : ", "/", " / ", "»", "›", "→", " ", "  ", "\t", "\u00a0"]
    pieces += ["\u3000", "Home", "News", "新闻", "a:b", "-", "*"]
    rng = random.Random(33)
    split = 0
    for _ in range(20_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        expected = _REFERENCE_SPLIT.split(line)
        assert breadcrumb._SPLIT.split(line) == expected, repr(line)
        expected = _REFERENCE_LINK_SPLIT.split(line)
        assert toolbars._LINK_SPLIT.split(line) == expected, repr(line)
        split += len(expected) > 1
    assert split > 10_000
