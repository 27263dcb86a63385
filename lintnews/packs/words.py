"""Word lists: the words a rule's regular expression is built around, kept in its rule file.

A term list (`lintnews.packs.terms`) holds whole lines; a word list holds words a rule looks for
*inside* a line, where its code puts them in a regular expression of its own shape: the month
names of an archive's items, the verbs of a comment's header ("says", "sagt", "schreibt")::

    [words.en]
    months = ["january", "february", "jan", "feb"]

    [words.de]
    months = ["januar", "märz", "mai"]

A word is text, never regular-expression syntax: each is lower-cased, escaped (`re.escape`) and
its spaces match any run of whitespace (``a dit`` is ``a\\s+dit``); the rule's code adds what
surrounds the words (word boundaries, an optional full stop, a suffix it allows). So a user's
``"st. gallen"`` matches those letters and that full stop only, and no entry can widen the
pattern around it. A word list is read in every language at once (`PackSet.word_list`): it is
compiled into a pattern once per configuration, not per document, and the stamps and headings
it finds are in the site's language, which a page's detected language does not always give (an
English navigation over a German archive). The built-in file declares the names; a user's file
extending the rule adds words to those lists only.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any

from lintnews.packs.lists import declared_lists, named_lists


def word_lists(
    data: dict[str, Any], where: str, rule: str, known: frozenset[str] | None
) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(language, list name, its words in lower case, single-spaced) for every list of every
    ``[words.<lang>]`` table of a rule file's ``data`` (`named_lists`)."""
    return named_lists(data, where, rule, known, "words", _lower_words, "holds no word")


def _lower_words(word: str) -> str:
    return " ".join(word.lower().split())


def declared_words(data: dict[str, Any]) -> frozenset[str]:
    """The names of the word lists a built-in rule file's ``data`` declares (in any language)."""
    return declared_lists(data, "words")


def ordered(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` without repeats, longest first (then in alphabetical order): the order a
    regular expression's alternation tries them, so that "sept" is tried before "sep"."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def alternation(words: Iterable[str]) -> str:
    """``words`` as one regular-expression group, ``(?:word|word …)``: each word escaped (its
    text is matched literally) and its spaces matching any run of whitespace. A group that can
    never match when there is no word."""
    parts = [r"\s+".join(re.escape(piece) for piece in word.split()) for word in ordered(words)]
    return f"(?:{'|'.join(parts)})" if parts else "(?!)"


@functools.lru_cache(maxsize=16)
def any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``words`` as a whole word (``\\b`` on both sides), in any case: the pattern of a
    word list that a rule looks for anywhere in a text, as it is (a bio's trade, a publication),
    compiled once a list."""
    return re.compile(rf"\b{alternation(words)}\b", re.IGNORECASE)
