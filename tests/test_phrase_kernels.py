"""The phrase screen's kernels of session 33 (`lintnews._native.screen_keys`, `key_needles`)
equal their pure-Python definitions (`lintnews.packs.first_pass.py_screen_keys`,
`py_key_needles`), on generated keys and screens in many scripts and on known keys."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintnews import _native
from lintnews.packs import first_pass

#: Line keys and what a phrase screen's first pass looks for in them, in many scripts: Latin,
#: Cyrillic, Arabic, Thai, Chinese and Japanese, and characters outside the BMP.
KEY_CHARS = "abcnext /»›©(ç新闻評論читатьالمزيدอ่านต่อ😀𝔘"
KEY_TEXT = st.text(st.sampled_from(KEY_CHARS), max_size=12)
KEY_SCREENS = st.tuples(
    st.lists(st.text(st.sampled_from(KEY_CHARS), min_size=1, max_size=3), max_size=12),
    st.text(st.sampled_from(KEY_CHARS), max_size=4),
    st.lists(KEY_TEXT, max_size=8),
    st.booleans(),
)
KEYS = st.lists(st.one_of(KEY_TEXT, st.text(max_size=14)), max_size=12)


def both(screen: tuple[list[str], str, list[str], bool]) -> tuple[object, first_pass.PyKeyScreen]:
    heads, firsts, needles, everything = tuple(screen[0]), screen[1], tuple(screen[2]), screen[3]
    return (
        _native.key_screen(heads, firsts, needles, everything),
        first_pass.py_key_screen(heads, firsts, needles, everything),
    )


@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(KEY_SCREENS, KEYS, st.integers(0, 14), st.data())
def test_screen_keys_equal_the_definition(
    screen: tuple[list[str], str, list[str], bool], keys: list[str], longest: int, data: st.DataObject
) -> None:
    compiled, python = both(screen)
    kept = data.draw(st.dictionaries(st.sampled_from(keys) if keys else st.just("a"), st.booleans()))
    got = _native.screen_keys(compiled, keys, longest, kept)
    assert got == first_pass.py_screen_keys(python, keys, longest, kept)
    passing, fresh = got  # every admitted key is kept as passing, kept as failing or new
    admitted = _native.maybe_keys(compiled, keys, longest)
    assert sorted(passing + fresh) == [j for j in admitted if kept.get(keys[j]) is not False]


@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(KEY_SCREENS, KEYS)
def test_key_needles_equal_the_definition(
    screen: tuple[list[str], str, list[str], bool], keys: list[str]
) -> None:
    compiled, python = both(screen)
    for key in keys:
        assert _native.key_needles(compiled, key) == first_pass.py_key_needles(python, key)


@pytest.mark.parametrize("kernels", ["compiled", "python"])
def test_screen_keys_and_needles_of_known_keys(kernels: str) -> None:
    key_screen, screen_keys, key_needles = (
        (_native.key_screen, _native.screen_keys, _native.key_needles)
        if kernels == "compiled"
        else (first_pass.py_key_screen, first_pass.py_screen_keys, first_pass.py_key_needles)
    )
    needles = ("comment", "/", "»", "อ่านต่อ", "comments", "😀", "ment")
    screen = key_screen(("rea",), "©", needles, False)
    keys = [
        "read more",  # 0: a head, kept as passing
        "read less",  # 1: a head, kept as failing
        "© 2024 acme",  # 2: a first character, new
        "12 comments / 3 » 😀",  # 3: needles, new
        "the council met",  # never admitted
        "",  # never: empty
        "read more",  # 6: the same key again
        "ข่าว อ่านต่อ",  # 7: Thai needle
    ]
    kept = {"read more": True, "read less": False, "the council met": True}
    assert screen_keys(screen, keys, 40, kept) == ([0, 6], [2, 3, 7])
    assert screen_keys(screen, keys, 40, {}) == ([], [0, 1, 2, 3, 6, 7])
    assert screen_keys(key_screen((), "", (), True), keys, 40, kept) == ([0, 4, 6], [2, 3, 7])
    # every needle a key holds, once, in the needles' order (overlapping ones too)
    assert key_needles(screen, keys[3]) == (0, 1, 2, 4, 5, 6)
    assert key_needles(screen, keys[7]) == (3,)
    assert key_needles(screen, "commen") == ()
    assert key_needles(screen, "") == ()
    assert key_needles(key_screen((), "", ("", "x"), False), "axb") == (1,)  # ("": every key)


@pytest.mark.parametrize("count", [20, 70, 1500])
def test_key_needles_of_many_needles_equal_the_definition(count: int) -> None:
    """`key_needles` reads the needles a key holds a byte of needles at a time (a phrase union
    has hundreds): with more needles than a byte, a 64-bit word or its buffer on the stack
    holds (1,500), every index found is the definition's, in order."""
    import random

    rng = random.Random(count)
    needles = tuple(dict.fromkeys("".join(rng.choices(KEY_CHARS, k=rng.randint(1, 3))) for _ in range(count)))
    compiled, python = both(([], "", list(needles), False))
    keys = ["".join(rng.choices(KEY_CHARS, k=rng.randint(0, 40))) for _ in range(300)]
    found: set[int] = set()
    for key in keys:
        got = _native.key_needles(compiled, key)
        assert got == first_pass.py_key_needles(python, key)
        found.update(got)
    assert len(found) > 8 and max(found) >= len(needles) - 8  # (indices in the last byte too)
