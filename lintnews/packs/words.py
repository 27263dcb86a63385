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

import re
from collections.abc import Iterable, Iterator
from typing import Any

from lintnews.config import ConfigError


def word_lists(
    data: dict[str, Any], where: str, rule: str, known: frozenset[str] | None
) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(language, list name, its words in lower case) for every list of every ``[words.<lang>]``
    table of a rule file's ``data``. ``known``: the names the rule reads (a user's file may name
    no other); None for a built-in file, which declares them."""
    words = data.get("words", {})
    if not isinstance(words, dict):
        raise ConfigError(f"{where}: `words` must be a table of languages ([words.en], [words.de], ...)")
    for language, table in words.items():
        at = f"{where} [words.{language}]"
        if not isinstance(table, dict):
            raise ConfigError(f"{at}: must be one table of named word lists (`name = [...]`)")
        for name, found in table.items():
            if known is not None and name not in known:
                reads = ", ".join(f"`{k}`" for k in sorted(known)) or "none"
                raise ConfigError(f"{at}: unknown word list `{name}` (rule {rule} reads: {reads})")
            if not isinstance(found, list) or not all(isinstance(w, str) for w in found):
                raise ConfigError(f"{at}: `{name}` must be a list of strings")
            kept = []
            for word in found:
                norm = " ".join(word.lower().split())
                if not norm:
                    raise ConfigError(f"{at}: `{name}`: {word!r} holds no word")
                kept.append(norm)
            yield language, name, tuple(kept)


def declared_words(data: dict[str, Any]) -> frozenset[str]:
    """The names of the word lists a built-in rule file's ``data`` declares (in any language)."""
    words = data.get("words", {})
    if not isinstance(words, dict):
        return frozenset()
    return frozenset(name for table in words.values() if isinstance(table, dict) for name in table)


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
