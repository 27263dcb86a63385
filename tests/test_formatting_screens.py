"""The pre-screens of the F and G rules admit every line the rules would flag.

Each screen is a cheap test that skips the expensive part of a rule; these tests check the
invariant a screen relies on, either against the definition it stands in for (ftfy's badness
regex) or on generated text, comparing the rule's own slow test with the screen.
"""

from __future__ import annotations

import random
import re

import ftfy.badness
from lintnews.rules import formatting

# --- F005: the mojibake screen -----------------------------------------------------------------


def _badness_branches() -> list[list[set[str] | None]]:
    """Each alternative of ftfy's badness regex, as the list of its items' character sets (None
    for an item that is not a plain set of characters: ``\\s``, ``.``, ``[^A-Za-z]``, ``x?`` …)."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as parser

    tree = parser.parse(ftfy.badness.BADNESS_RE.pattern, ftfy.badness.BADNESS_RE.flags)
    assert len(tree) == 1 and tree[0][0] is c.BRANCH

    def chars(item: tuple) -> set[str] | None:
        op, av = item
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:
            out: set[str] = set()
            for o, a in av:
                if o is c.LITERAL:
                    out.add(chr(a))
                elif o is c.RANGE:
                    out.update(chr(x) for x in range(a[0], a[1] + 1))
                else:
                    return None
            return out
        return None

    # `^` takes no room, so the items on either side of it are adjacent characters.
    return [[chars(item) for item in branch if item[0] is not c.AT] for branch in tree[0][1][1]]


def test_mojibake_screen_is_implied_by_every_badness_alternative() -> None:
    """Each alternative of ftfy's badness regex needs a character the screen takes on its own,
    or two adjacent non-ASCII characters where one of the two classes is all rare characters."""
    single = re.compile(f"[{formatting._MOJIBAKE_SINGLES}]")
    rare = re.compile(f"[{formatting._MOJIBAKE_RARE}]")
    singles = {chr(x) for x in range(0x110000) if single.fullmatch(chr(x))}
    assert all(formatting._MAYBE_BAD.search(f"a{ch}b") for ch in singles)

    def wide(s: set[str] | None) -> bool:
        return s is not None and all(ord(ch) > 127 for ch in s)

    def all_rare(s: set[str] | None) -> bool:
        return s is not None and all(rare.fullmatch(ch) for ch in s)

    for sets in _badness_branches():
        alone = any(s is not None and s <= singles for s in sets)
        pair = any(
            wide(a) and wide(b) and (all_rare(a) or all_rare(b)) for a, b in zip(sets, sets[1:])
        )
        assert alone or pair, sets


def test_mojibake_screen_takes_a_rare_character_next_to_any_non_ascii_one() -> None:
    for ch in "€”“«»™°×²":
        assert formatting._MAYBE_BAD.search(f"a é{ch} b")
        assert formatting._MAYBE_BAD.search(f"a {ch}é b")
        assert formatting._MAYBE_BAD.search(f"a ж{ch}\n")
        assert not formatting._MAYBE_BAD.search(f"a {ch} é b")
    # letters of other scripts and German or Polish words are not suspects
    for text in ("größer", "Maße", "już", "πολύ", "Москва", "الحرب", "日期", "l’été", "«mot»", "\xa0—…"):
        assert not formatting._MAYBE_BAD.search(text), text


def test_mojibake_screen_on_generated_text() -> None:
    """Short strings of mojibake material, letters of several scripts and ASCII: every one that
    ftfy calls bad is admitted by the screen."""
    rng = random.Random(7)
    alphabet = (
        "ab Z.,\n"
        + "".join(ftfy.badness.MOJIBAKE_CATEGORIES.values()).replace("-", "")
        + "éäößñçłąжДЂвГРСβΓΟ€œŒÂÃ日ال’“”„«»\xa0–—…"
    )
    checked = 0
    for _ in range(40_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 8)))
        for line in text.split("\n"):
            if ftfy.badness.is_bad(line):
                checked += 1
                assert formatting._MAYBE_BAD.search(line), repr(line)
    assert checked > 1000
