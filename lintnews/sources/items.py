"""What sources yield: a `Document` or an `InputError` (`Item`), the kinds of input by file
suffix (`kind_of`), and `SpooledRecord`, a JSONL line too large to hold in memory.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, BinaryIO

from lintnews.config_values import TEXT_FORMATS
from lintnews.document import Document

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
ALL_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES


@dataclass(frozen=True)
class InputError:
    """A problem with one input: a file, or one record or line of it."""

    path: str
    message: str
    record: str | None = None
    line: int | None = None
    #: The raw JSONL line, so `--fix --output-dir` can copy unreadable records unchanged (a
    #: `SpooledRecord` for a line above ``max-document-size``).
    raw: bytes | SpooledRecord | None = field(default=None, compare=False, repr=False)
    #: The file could not be read to its end (a truncated gzip stream): no cleaned copy of it
    #: may be written, it would lack the records after the error.
    incomplete: bool = field(default=False, compare=False, repr=False)

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.record is not None:
            where += f" (record {self.record})"
        return f"{where}: {self.message}"


def walked_suffixes(formats: Mapping[str, str]) -> tuple[str, ...]:
    """The suffixes of the files a folder walk reads: the known ones and the configured
    ``formats``' extensions (Vale's ``[formats] mdx = md`` makes ``.mdx`` files linted)."""
    added = ("." + ext.lower().lstrip(".") for ext in formats)
    return ALL_SUFFIXES + tuple(suffix for suffix in added if not suffix.endswith(ALL_SUFFIXES))


Item = Document | InputError
_TOO_DEEP = "HTML is nested too deeply to read"


def kind_of(path: str, formats: Mapping[str, str] | None = None) -> str:
    """How a file is read, by its name: ``jsonl``, ``html``, ``markdown`` or ``text``; ``formats``
    (the ``formats`` setting: extension to ``text`` or ``markdown``) overrides the suffix's kind,
    the longest configured extension the name ends with first (``mdx``, ``draft.txt``)."""
    lower = path.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if formats:  # (as the configuration gives them; the API's own Settings may spell them otherwise)
        found = max(
            (ext for ext in formats if lower.endswith("." + ext.lower().lstrip("."))), key=len, default=None
        )
        if found is not None:
            return TEXT_FORMATS.get(formats[found].lower(), "text")
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return "text"


class SpooledRecord:
    """A JSONL line above ``max-document-size``, kept in an anonymous temporary file (never in
    memory) so that outputs which copy every record unchanged (``--output-dir``,
    ``--rejected-output``) can still copy it: `copy_to` writes it, line break included."""

    def __init__(self, fh: BinaryIO, size: int) -> None:
        self._fh = fh
        self.size = size

    def copy_to(self, out: IO[bytes]) -> None:
        import shutil  # (oversized records only)

        self._fh.seek(0)
        shutil.copyfileobj(self._fh, out, COPY_CHUNK)
        self._fh.seek(-1, os.SEEK_END)
        if self._fh.read(1) != b"\n":
            out.write(b"\n")

    def close(self) -> None:
        self._fh.close()


#: Pieces in which lines above the size limit are read (and copied), never whole.
COPY_CHUNK = 1 << 20
