"""The phrase screen's first pass (`lintnews.packs.screen.ScreenUnion.passing_lines`): which line
keys may pass a screen at all, by their first characters (the heads of the screen's literal
lines and patterns, up to `lintnews.packs.regex_prefix.DEEP` characters) and the strings they
hold, for all keys of a document in one pass of a compiled kernel (``lintnews._native``). As in
`lintnews.native`, each name below is the compiled function when the extension is importable,
else its Python definition (``py_*``), which tests/test_native.py checks it equals."""

from __future__ import annotations

from typing import NamedTuple

from lintnews import native


class PyKeyScreen(NamedTuple):
    """What `py_maybe_keys` tests each line key against (`py_key_screen`)."""

    heads: frozenset[str]
    firsts: frozenset[str]
    needles: tuple[str, ...]
    everything: bool
    #: The lengths of the heads, shortest first.
    lengths: tuple[int, ...] = ()


def py_key_screen(
    heads: tuple[str, ...], firsts: str, needles: tuple[str, ...], everything: bool
) -> PyKeyScreen:
    """The screen `py_maybe_keys` reads, made once: ``heads`` (non-empty strings), ``firsts``
    (characters), ``needles`` and whether every key may pass. (The compiled one is an opaque
    object only the compiled `maybe_keys` reads: its heads a trie.)"""
    if any(not isinstance(h, str) or not h for h in heads):
        raise ValueError("key_screen() heads must be non-empty str")
    return PyKeyScreen(
        frozenset(heads),
        frozenset(firsts),
        tuple(needles),
        everything or "" in needles,
        tuple(sorted({len(h) for h in heads})),
    )


def py_maybe_keys(screen: PyKeyScreen, keys: list[str], longest: int) -> list[int]:
    """The indices of the ``keys`` of 1 to ``longest`` characters that ``screen`` may let
    through: every such key when it was made with ``everything``, else those that start with one
    of its heads, whose first character is one of its firsts, or that hold one of its needles.
    The phrase screen's first pass (`lintnews.packs.screen.ScreenUnion.passing_lines`): a key it
    leaves out passes no screen."""
    heads, firsts, needles, lengths = screen.heads, screen.firsts, screen.needles, screen.lengths
    return [
        j
        for j, key in enumerate(keys)
        if 0 < len(key) <= longest
        and (
            screen.everything
            or key[0] in firsts
            or any(key[:n] in heads for n in lengths if n <= len(key))
            or any(needle in key for needle in needles)
        )
    ]


def py_screen_keys(
    screen: PyKeyScreen, keys: list[str], longest: int, kept: dict[str, bool]
) -> tuple[list[int], list[int]]:
    """`py_maybe_keys` split by the answers ``kept`` for the keys met before (line key ->
    whether it passes): the indices of the admitted keys kept as passing, and those of the
    admitted keys with no kept answer, to be screened (`ScreenUnion.passing_lines`). One pass of
    the kernel, where looking the admitted keys up in Python took as long as admitting them."""
    passing, fresh = [], []
    for j in py_maybe_keys(screen, keys, longest):
        answer = kept.get(keys[j])
        if answer is None:
            fresh.append(j)
        elif answer:
            passing.append(j)
    return passing, fresh


def py_key_needles(screen: PyKeyScreen, key: str) -> tuple[int, ...]:
    """The indices of ``screen``'s needles that ``key`` holds: which patterns of unknown first
    character `ScreenUnion.select` tries on a key (those that need one of them)."""
    return tuple(i for i, needle in enumerate(screen.needles) if needle and needle in key)


# (the compiled screen is an opaque object: each kernel reads its own `key_screen`'s)
key_screen = native.compiled.key_screen if native.compiled else py_key_screen
maybe_keys = native.compiled.maybe_keys if native.compiled else py_maybe_keys
screen_keys = native.compiled.screen_keys if native.compiled else py_screen_keys
key_needles = native.compiled.key_needles if native.compiled else py_key_needles
