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

normalized_lines = compiled.normalized_lines if compiled else py_normalized_lines
words = compiled.words if compiled else py_words
