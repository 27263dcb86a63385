"""Sets of characters of the Basic Multilingual Plane as bitmaps, and where a text holds one of
a set beside another's (F005's mojibake screen, `lintnews.rules.formatting.mojibake`): the compiled
kernel `lintnews._native.chars_beside` when it is built, else `py_chars_beside`, its definition (a
regex of one character class and look-arounds; tests/test_formatting_screens.py compares them).
Kept out of `lintnews.native` for that module's size; the same pattern as the phrase screen's first
pass (`lintnews.packs.first_pass`)."""

from __future__ import annotations

import functools
import re

from lintnews.native import compiled


def bmp_bitmap(chars: str) -> bytes:
    """The bitmap of a set of characters of the Basic Multilingual Plane that `chars_beside`
    takes: 8192 bytes, bit ``c & 7`` of byte ``c >> 3`` for character ``c``."""
    bits = bytearray(0x10000 // 8)
    for ch in chars:
        c = ord(ch)
        if c > 0xFFFF:
            raise ValueError("bmp_bitmap() takes characters of the Basic Multilingual Plane")
        bits[c >> 3] |= 1 << (c & 7)
    return bytes(bits)


@functools.lru_cache(maxsize=8)
def _beside_pattern(chars: bytes, alone: bytes, beside: bytes) -> re.Pattern[str]:
    def members(bits: bytes) -> str:
        found = "".join(re.escape(chr(c)) for c in range(0x10000) if bits[c >> 3] >> (c & 7) & 1)
        return f"[{found}]" if found else "(?!)"

    near = members(beside)
    return re.compile(f"{members(chars)}(?:(?<={members(alone)})|(?<={near}(?s:.))|(?={near}))")


def py_chars_beside(text: str, chars: bytes, alone: bytes, beside: bytes) -> list[int]:
    """The offsets ``i`` (ascending) of the characters ``text[i]`` of ``chars`` that are in
    ``alone``, or next to a character of ``beside`` (``text[i - 1]`` or ``text[i + 1]``); each
    set a `bmp_bitmap`. A regex of one character class and look-arounds (F005's mojibake screen,
    `lintnews.rules.formatting.mojibake.Screen`)."""
    if not len(chars) == len(alone) == len(beside) == 0x10000 // 8:
        raise ValueError("chars_beside() takes bitmaps of 8192 bytes")
    return [m.start() for m in _beside_pattern(chars, alone, beside).finditer(text)]


chars_beside = compiled.chars_beside if compiled else py_chars_beside
