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

from lintnews.config import ConfigError
from lintnews.textnorm import line_key

#: Lists that moved to another rule's file, by (code of the rule a user's file names, list name):
#: the code that reads them now. A user's file written for the old place gets an error that says
#: where to put the words (session 40's README extended S008's read-more links through S001).
MOVED = {("S001", "read-more-links"): "S008"}


def moved_hint(code: str, name: str) -> str:
    """What an error about an unknown list ``name`` in a file for rule ``code`` adds when the list
    moved (`MOVED`): the rule whose file holds it now."""
    target = MOVED.get((code, name))
    return f'; `{name}` moved to rule {target}: extend it with `rule = "{target}"`' if target else ""


def term_lists(
    data: dict[str, Any], where: str, rule: str, known: frozenset[str] | None
) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(language, list name, its words as line keys) for every list of every ``[terms.<lang>]``
    table of a rule file's ``data``; ``rule`` is "CODE (name)". ``known``: the names the rule
    reads (a user's file may name no other); None for a built-in file, which declares them."""
    terms = data.get("terms", {})
    if not isinstance(terms, dict):
        raise ConfigError(f"{where}: `terms` must be a table of languages ([terms.en], [terms.de], ...)")
    for language, table in terms.items():
        at = f"{where} [terms.{language}]"
        if not isinstance(table, dict):
            raise ConfigError(f"{at}: must be one table of named word lists (`name = [...]`)")
        for name, words in table.items():
            if known is not None and name not in known:
                reads = ", ".join(f"`{k}`" for k in sorted(known)) or "none"
                hint = moved_hint(rule.split()[0], name)
                raise ConfigError(f"{at}: unknown term list `{name}` (rule {rule} reads: {reads}){hint}")
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise ConfigError(f"{at}: `{name}` must be a list of strings")
            keys = []
            for word in words:
                key = line_key(word)
                if not key:
                    raise ConfigError(f"{at}: `{name}`: {word!r} normalises to nothing")
                keys.append(key)
            yield language, name, tuple(keys)


def declared(data: dict[str, Any]) -> frozenset[str]:
    """The names of the term lists a built-in rule file's ``data`` declares (in any language)."""
    terms = data.get("terms", {})
    if not isinstance(terms, dict):
        return frozenset()
    return frozenset(name for table in terms.values() if isinstance(table, dict) for name in table)
