"""Named lists of a rule file, per language: how `[terms.<lang>]` tables (whole lines,
`lintnews.packs.terms`) and `[words.<lang>]` tables (words a rule's regex is built around,
`lintnews.packs.words`) are read and checked. The two kinds differ only in the form their
entries are kept in; a bad table is a configuration error naming the file and the table."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from lintnews.config import ConfigError

#: Lists that moved to another rule's file, by (code of the rule a user's file names, list name):
#: the code that reads them now. A user's file written for the old place gets an error that says
#: where to put the words (session 40's README extended S008's read-more links through S001).
MOVED = {("S001", "read-more-links"): "S008"}


def moved_hint(code: str, name: str) -> str:
    """What an error about an unknown list ``name`` in a file for rule ``code`` adds when the list
    moved (`MOVED`): the rule whose file holds it now."""
    target = MOVED.get((code, name))
    return f'; `{name}` moved to rule {target}: extend it with `rule = "{target}"`' if target else ""


def named_lists(
    data: dict[str, Any],
    where: str,
    rule: str,
    known: frozenset[str] | None,
    kind: str,
    keep: Callable[[str], str],
    empty: str,
) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(language, list name, its entries as ``keep`` makes them) for every list of every
    ``[<kind>.<lang>]`` table of a rule file's ``data``; ``rule`` is "CODE (name)". ``known``: the
    names the rule reads (a user's file may name no other); None for a built-in file, which
    declares them. An entry ``keep`` makes empty is an error saying it ``empty``."""
    noun = f"{kind.rstrip('s')} list"
    tables = data.get(kind, {})
    if not isinstance(tables, dict):
        raise ConfigError(f"{where}: `{kind}` must be a table of languages ([{kind}.en], [{kind}.de], ...)")
    for language, table in tables.items():
        at = f"{where} [{kind}.{language}]"
        if not isinstance(table, dict):
            raise ConfigError(f"{at}: must be one table of named word lists (`name = [...]`)")
        for name, entries in table.items():
            if known is not None and name not in known:
                reads = ", ".join(f"`{k}`" for k in sorted(known)) or "none"
                hint = moved_hint(rule.split()[0], name)
                raise ConfigError(f"{at}: unknown {noun} `{name}` (rule {rule} reads: {reads}){hint}")
            if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
                raise ConfigError(f"{at}: `{name}` must be a list of strings")
            kept = []
            for entry in entries:
                form = keep(entry)
                if not form:
                    raise ConfigError(f"{at}: `{name}`: {entry!r} {empty}")
                kept.append(form)
            yield language, name, tuple(kept)


def declared_lists(data: dict[str, Any], kind: str) -> frozenset[str]:
    """The names of the ``kind`` lists a built-in rule file's ``data`` declares (in any language)."""
    tables = data.get(kind, {})
    if not isinstance(tables, dict):
        return frozenset()
    return frozenset(name for table in tables.values() if isinstance(table, dict) for name in table)
