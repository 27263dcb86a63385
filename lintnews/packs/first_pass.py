"""The phrase screen's first pass (`lintnews.packs.screen.ScreenUnion.passing_lines`): which line
keys may pass a screen at all, by their first characters and the strings they hold, for all keys
of a document in one pass of a compiled kernel (``lintnews._native``). As in `lintnews.native`,
each name below is the compiled function when the extension is importable, else its Python
definition (``py_*``), which tests/test_native.py checks it equals."""

from __future__ import annotations

from typing import NamedTuple

from lintnews import native

#: How many first characters of a line key `py_maybe_keys` looks up among a screen's heads
#: (`lintnews.packs.regex_prefix.HEAD`, which a test keeps equal).
KEY_HEAD = 3


class PyKeyScreen(NamedTuple):
    """What `py_maybe_keys` tests each line key against (`py_key_screen`)."""

    heads: frozenset[str]
    firsts: frozenset[str]
    needles: tuple[str, ...]
    everything: bool


def py_key_screen(
    heads: tuple[str, ...], firsts: str, needles: tuple[str, ...], everything: bool
) -> PyKeyScreen:
    """The screen `py_maybe_keys` reads, made once: ``heads`` (strings of 1 to `KEY_HEAD`
    characters), ``firsts`` (characters), ``needles`` and whether every key may pass. (The
    compiled one is an opaque object only the compiled `maybe_keys` reads.)"""
    if any(not 1 <= len(h) <= KEY_HEAD for h in heads):
        raise ValueError("key_screen() heads must be str of 1 to 3 characters")
    return PyKeyScreen(frozenset(heads), frozenset(firsts), tuple(needles), everything or "" in needles)


def py_maybe_keys(screen: PyKeyScreen, keys: list[str], longest: int) -> list[int]:
    """The indices of the ``keys`` of 1 to ``longest`` characters that ``screen`` may let
    through: every such key when it was made with ``everything``, else those whose first
    `KEY_HEAD` characters (all of a shorter key) are one of its heads, whose first character is
    one of its firsts, or that hold one of its needles. The phrase screen's first pass
    (`lintnews.packs.screen.ScreenUnion.passing_lines`): a key it leaves out passes no screen."""
    heads, firsts, needles = screen.heads, screen.firsts, screen.needles
    return [
        j
        for j, key in enumerate(keys)
        if 0 < len(key) <= longest
        and (
            screen.everything
            or key[:KEY_HEAD] in heads
            or key[0] in firsts
            or any(needle in key for needle in needles)
        )
    ]


# (the compiled screen is an opaque object: each `maybe_keys` reads its own `key_screen`'s)
key_screen = native.compiled.key_screen if native.compiled else py_key_screen
maybe_keys = native.compiled.maybe_keys if native.compiled else py_maybe_keys
