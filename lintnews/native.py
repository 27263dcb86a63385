"""The compiled kernels (`lintnews._native`, built from ``_native.c`` when a C compiler is there)
and the pure-Python definitions they must equal.

Each name below is the compiled function when the extension is importable, else its Python
definition (``py_*``); set ``LINTNEWS_PURE_PYTHON=1`` to run the Python definitions anyway.
tests/test_native.py checks that both give the same results on generated text. The kernels
exist for speed only: every result, and so every diagnostic, is the same either way.
"""

from __future__ import annotations

import os
import re
from types import ModuleType

#: A run of non-word characters within one line (the underscore, a word character for `re`,
#: is turned into a space first).
_NON_WORD_IN_LINE = re.compile(r"[^\w\n]+")
#: A word: letters and digits, with inner apostrophes and hyphens.
WORD = re.compile(r"\w+(?:[’'\-]\w+)*", re.UNICODE)


def py_normalized_lines(text: str) -> list[str]:
    """Per line of ``text``, its runs of alphanumeric characters joined by single spaces."""
    return [line.strip() for line in _NON_WORD_IN_LINE.sub(" ", text.replace("_", " ")).split("\n")]


def py_words(text: str) -> list[str]:
    """The words of ``text`` (see `WORD`)."""
    return WORD.findall(text)


def py_word_stats(text: str) -> tuple[int, int]:
    """The number of `py_words` of ``text``, and how many start with a lower-case letter."""
    words = py_words(text)
    return len(words), sum(map(str.islower, "".join([w[0] for w in words])))


def py_count_words(text: str, vocabulary: dict[str, int]) -> tuple[list[int], int, int]:
    """Over the whitespace-separated words of ``text``: how often each word of ``vocabulary``
    (word -> its index, 0 to len - 1) occurs, by index; the number of words; and the number of
    words that are `str.isdigit`."""
    words = text.split()
    counts = [0] * len(vocabulary)
    for word in words:
        at = vocabulary.get(word)
        if at is not None:
            counts[at] += 1
    return counts, len(words), sum(map(str.isdigit, words))


def py_collapse_lines(lines: list[str], strip: str) -> list[str]:
    """Every line with its whitespace runs made one space, then ``strip`` characters taken off
    both ends."""
    return [" ".join(line.split()).strip(strip) for line in lines]


def _load() -> ModuleType | None:
    if os.environ.get("LINTNEWS_PURE_PYTHON"):
        return None
    try:
        from lintnews import _native
    except ImportError:
        return None
    return _native


#: The compiled module, or None.
compiled = _load()


def describe() -> str:
    """Which kernels run, for ``lintnews --version``."""
    if compiled is not None:
        return "compiled kernels"
    if os.environ.get("LINTNEWS_PURE_PYTHON"):
        return "pure-Python kernels: LINTNEWS_PURE_PYTHON is set"
    return "pure-Python kernels: the C extension is not built"


normalized_lines = compiled.normalized_lines if compiled else py_normalized_lines
words = compiled.words if compiled else py_words
word_stats = compiled.word_stats if compiled else py_word_stats
count_words = compiled.count_words if compiled else py_count_words
collapse_lines = compiled.collapse_lines if compiled else py_collapse_lines
