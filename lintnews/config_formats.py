"""Which format a file or a JSONL record's text is read in, decided in one place: the kinds of
input by suffix, the ``formats`` table (Vale's ``[formats]``: `format_table`, checked; `kind_of`,
the kind of a path; `walked_suffixes`, what a folder walk reads), and the names a text format
goes by (`format_named`: ``text-format``, and a record's ``format-field``).

Extensions are compared as `suffix_of` spells them, so a table made by hand for the API
(``{".TXT": "md"}``) reads as the configuration's checked one (``{"txt": "markdown"}``) does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from lintnews.config_values import ConfigError, string

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: Files that hold records, not one text: their records' text has a format of its own
#: (``text-format``), never one of the ``formats`` table's.
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
ALL_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

#: What a file or a JSONL record's text may be read as (``formats``, ``text-format``), by every
#: name it may be given: lintnews's own, and Vale's short ones.
TEXT_FORMATS = {"text": "text", "txt": "text", "markdown": "markdown", "md": "markdown"}
_EXTENSION = re.compile(r"[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*")


def format_named(name: object) -> str | None:
    """The text format (``text`` or ``markdown``) a name stands for, in any case (``md``,
    ``Markdown``); None for any other name, or a value that is no string."""
    return TEXT_FORMATS.get(name.lower()) if isinstance(name, str) else None


def suffix_of(ext: str) -> str:
    """The suffix of file names an extension of the ``formats`` table stands for: ``.mdx`` for
    ``mdx``, ``MDX`` or ``.mdx``."""
    return "." + ext.lower().removeprefix(".")


def kind_of(path: str, formats: Mapping[str, str] | None = None) -> str:
    """How a file is read, by its name: ``jsonl``, ``html``, ``markdown`` or ``text``; ``formats``
    (the ``formats`` setting: extension to ``text`` or ``markdown``) overrides the suffix's kind,
    the longest configured extension the name ends with first (``mdx``, ``draft.txt``)."""
    lower = path.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if formats:
        found = max(
            (ext for ext in formats if lower.endswith(suffix_of(ext))),
            key=lambda ext: len(suffix_of(ext)),
            default=None,
        )
        if found is not None:
            return format_named(formats[found]) or "text"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return "text"


def walked_suffixes(formats: Mapping[str, str]) -> tuple[str, ...]:
    """The suffixes of the files a folder walk reads: the known ones and the configured
    ``formats``' extensions (Vale's ``[formats] mdx = md`` makes ``.mdx`` files linted)."""
    added = (suffix_of(ext) for ext in formats)
    return ALL_SUFFIXES + tuple(suffix for suffix in added if not suffix.endswith(ALL_SUFFIXES))


def text_format(key: str, value: Any) -> str:
    """A text format (`TEXT_FORMATS`), as lintnews names it: ``"md"`` is ``"markdown"``."""
    found = format_named(string(key, value))
    if found is None:
        raise ConfigError(f"`{key}` must be text or markdown (or txt, md); got {value!r}")
    return found


def format_table(key: str, value: Any) -> dict[str, str]:
    """Vale's ``[formats]``: file extensions (without the dot, lower-cased) to the text format
    their files are read as, ``{ txt = "md" }``. An extension a JSONL file's name would end with
    (``jsonl``, ``raw.jsonl``) is refused: a corpus's records are read as ``text-format`` says."""
    if not isinstance(value, dict):
        raise ConfigError(f'`{key}` must be a table of file extensions and formats, such as {{ txt = "md" }}')
    out: dict[str, str] = {}
    for ext, name in value.items():
        suffix = suffix_of(ext)
        if not _EXTENSION.fullmatch(suffix[1:]):
            raise ConfigError(f"`{key}`: {ext!r} is not a file extension (such as txt, or mdx)")
        if suffix.endswith(JSONL_SUFFIXES):  # (`kind_of` reads such a file as JSONL whatever the table says)
            raise ConfigError(
                f"`{key}.{ext}`: a JSONL file holds records; the format of their text is `text-format`"
            )
        out[suffix[1:]] = text_format(f"{key}.{ext}", name)
    return out
