"""Term lists: the words a rule's logic reads, kept in its rule file beside its phrases.

A phrase is a whole line the rule reports; a term list is a set of words the rule's code looks
lines up in, a heading under which it judges the next lines by their shape ("Recent Comments"),
a button that counts only between other buttons ("E-mail"). Each list has a name in the rule's
file, per language::

    [terms.en]
    recent-comments-headings = ["Recent Comments", "Latest Comments"]

    [terms.de]
    recent-comments-headings = ["Neueste Kommentare"]

Its words are kept as line keys (`line_key`), and a document reads those of the languages whose
phrases apply to it, plus ``[terms."*"]`` (`PackSet.term_set`, `lintnews.packs.pack_terms`).
The built-in file declares the names; a user's file that extends the rule may add words to
those lists only: an unknown name or a value that is not a list of strings is a configuration
error naming the file and the table.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lintnews.packs.lists import declared_lists, named_lists
from lintnews.textnorm import line_key


def term_lists(
    data: dict[str, Any], where: str, rule: str, known: frozenset[str] | None
) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(language, list name, its words as line keys) for every list of every ``[terms.<lang>]``
    table of a rule file's ``data`` (`named_lists`)."""
    return named_lists(data, where, rule, known, "terms", line_key, "normalises to nothing")


def declared(data: dict[str, Any]) -> frozenset[str]:
    """The names of the term lists a built-in rule file's ``data`` declares (in any language)."""
    return declared_lists(data, "terms")
