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


#: A tree of prefixes: each next character (a space standing for any run of white space) and its
#: subtree; "" marks the end of a word.
_Tree = dict[str, "_Tree"]


def prefix_alternation(words: tuple[str, ...]) -> str:
    """``words`` as one group that matches what `alternation` matches (each word literally, a
    space as any run of white space), written as the tree of their prefixes ("mar(?:ch|s|zo|ca|
    ta)?" for "mar", "march", "mars", "marzo", "marca", "marta"): between word boundaries, as the
    months and weekdays of B011's stamps stand, the same words at the same places. The regex
    engine tries a flat alternation's words one after the other at every place of a line; with
    the months of a dozen languages (~200 words) that was most of B011's time on lines holding a
    time."""
    tree: _Tree = {}
    for word in words:
        node = tree
        for char in " ".join(word.split()):
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: _Tree) -> str:
        parts = [
            (r"\s+" if char == " " else re.escape(char)) + branch(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"
        if "" not in node:
            return body
        return f"{body}?" if len(parts) > 1 or len(parts[0]) == 1 else f"(?:{body})?"

    return f"(?:{branch(tree)})" if words else "(?!)"


@functools.lru_cache(maxsize=16)
def any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``words`` as a whole word (``\\b`` on both sides), in any case: the pattern of a
    word list that a rule looks for anywhere in a text, as it is (a bio's trade, a publication),
    compiled once a list."""
    return re.compile(rf"\b{alternation(words)}\b", re.IGNORECASE)
