"""The pure-Python definitions of the site-chrome rules' screening kernels (`lintnews.native`
picks the compiled one when it is built): B011's short lines holding a header's words, B006's and
B026's separator lines, B005's runs of short keys, and a table test of every character. Apart from
`lintnews.native` so that each module reads in one sitting; `lintnews.native` re-exports them."""

from __future__ import annotations

import re

#: The characters that `re.IGNORECASE` equates with a letter that ``str.lower`` does not turn them
#: into (Python's ``re._casefix``: the micro sign and Greek mu, "ᲀ" and Cyrillic "в", "ϐ" and
#: "β", final sigma and sigma, ...), and "İ" (which lower-cases to two characters): a line
#: holding one cannot be screened for a word that is not ASCII (`py_short_lines_holding`).
ODD_FOLDS = (
    "\u00b5\u0130\u0131\u017f\u0345\u0390\u03b0\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5"
    "\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e9b\u1fbe\u1fd3\u1fe3\ufb05\ufb06"
)


def py_short_lines_holding(
    lines: list[str], first: int, longest: int, words: tuple[str, ...], before_digits: str
) -> list[int] | None:
    """The numbers ``i >= first`` of the lines whose text stripped is 1 to ``longest``
    characters long and that hold one of ``words`` (lower case, any script) once lower-cased, or a
    character of ``before_digits`` (ASCII) followed by two decimal digits; None when one of those
    lines holds "İ", "ı" or "ſ" (`re.IGNORECASE` equates them with an ASCII letter, ``lower``
    does not: a caller that screens for a case-insensitive pattern cannot screen those lines),
    or, when a word is not ASCII, a character of `ODD_FOLDS`. A word that is not ASCII holds no
    sigma (``str.lower`` gives a capital sigma as final sigma at a word's end, the kernel reads a
    character at a time) and no character of `ODD_FOLDS`. B011's comment-thread screen
    (`rules/chrome/thread_screen.py`): the compiled kernel reads the words that are not ASCII in
    a second pass over the lines that are not ASCII either, so the ASCII path costs what it did."""
    for w in words:
        if not w or w != w.lower() or (not w.isascii() and any(c in ODD_FOLDS or c == "\u03c3" for c in w)):
            raise ValueError(
                "short_lines_holding() takes lower-case words without sigma or a character re.IGNORECASE "
                "equates otherwise (lintnews.native.ODD_FOLDS)"
            )
    numbers = [i for i in range(max(first, 0), len(lines)) if 0 < len(lines[i].strip()) <= longest]
    odd = ODD_FOLDS if any(not w.isascii() for w in words) else "\u0130\u0131\u017f"
    if any(c in lines[i] for i in numbers for c in odd):
        return None
    hint = re.compile(f"[{re.escape(before_digits)}]\\d\\d") if before_digits else None
    return [
        i
        for i in numbers
        if any(w in lines[i].lower() for w in words) or (hint is not None and hint.search(lines[i]))
    ]


def py_lines_holding(text: str, chars: str, spaced: str) -> list[int]:
    """The numbers of the lines of ``text`` (``text.split("\\n")``) that hold a character of
    ``chars`` (at most 16, of the Basic Multilingual Plane, no line break or NUL); one that is
    also in ``spaced`` counts only with a space on each side (" / "). The separators of B006's
    trails and B026's rows of links (`rules/chrome/separators.py`): the kernel reads a text of
    one byte a character with ``strcspn`` and skips the rest of a line after its first hit, where
    ``str.find`` loops stopped in Python at every "/" of every web address."""
    if len(chars) > 16 or any(ord(c) > 0xFFFF or c in "\n\0" for c in chars):
        raise ValueError(
            "lines_holding() takes characters of the Basic Multilingual Plane, no line break or NUL"
        )
    needles = [f" {c} " if c in spaced else c for c in chars]
    return [i for i, line in enumerate(text.split("\n")) if any(needle in line for needle in needles)]


def py_short_key_runs(keys: list[str], lines: list[str], longest: int, spaces: int) -> list[list[int]]:
    """The runs of two or more short keys (non-empty, at most ``longest`` characters, at most
    ``spaces`` spaces), in order; a run goes on over lines whose key is empty and whose text
    (``lines``) is blank, and any other line ends it. B005's runs of buttons
    (`rules/chrome/share.py`): one pass of the kernel over the keys, where a comprehension
    found the buttons (fifty a document on a crawl of whole pages) and a Python loop joined
    them, reading the lines between two buttons."""
    if len(lines) < len(keys):
        raise ValueError("short_key_runs() takes a line for every key")
    runs: list[list[int]] = []
    run: list[int] = []
    for i, key in enumerate(keys):
        if key and len(key) <= longest and key.count(" ") <= spaces:
            run.append(i)
        elif key or lines[i].strip():
            if len(run) >= 2:
                runs.append(run)
            run = []
    if len(run) >= 2:
        runs.append(run)
    return runs


def py_all_in(text: str, table: bytes) -> bool:
    """Whether every character of ``text`` has a non-zero byte in ``table`` (indexed by code
    point; a character past its end has none)."""
    return all(ord(ch) < len(table) and table[ord(ch)] for ch in text)


#: What `py_menu_kinds` answers for a line it leaves to ``menu_shapes.line_kind``.
MENU_ASK = 255


def py_menu_kinds(lines: list[str]) -> bytes:
    """What each of ``lines`` is to a navigation menu (B028, ``rules/chrome/menu_shapes.py``): the
    bits ``line_kind`` gives, or `MENU_ASK` for a line left to it. The compiled kernel answers the
    lines it can read alone (blank lines, paragraphs, lines of words with no separator, digit or
    closing bracket at the end) and leaves the rest; this definition leaves every line to
    ``line_kind``, which reads them all the same way."""
    if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        raise TypeError("menu_kinds() takes a list of str")
    return bytes([MENU_ASK]) * len(lines)
