"""Units of work of a check run: what the main process splits its inputs into (a file, or one
JSONL record's raw line), how a unit becomes documents, what of it keys the result cache, and its
results when the cache has them. The main process (`lintnews.parallel`) and each worker
(`lintnews.workers`) both use them.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from lintnews import cache as cache_mod
from lintnews.analysis import Analysis
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.sources import (
    InputError,
    NotRegularFile,
    iter_paths,
    jsonl_lines,
    kind_of,
    load_record,
    open_regular,
    read_path,
)

if TYPE_CHECKING:
    from lintnews.reporters.formatted import DocumentFormat

#: A unit of work: a file path, or (path, line number, raw line) of a JSONL record.
Unit = tuple[str] | tuple[str, int, bytes]


def iter_units(
    paths: Iterable[str], settings: Settings, keep_raw: bool = False
) -> Iterator[Unit | InputError]:
    for path in iter_paths(paths, settings):
        if isinstance(path, InputError):
            yield path
        elif kind_of(path) == "jsonl" and path != "-":
            for line in jsonl_lines(path, settings.max_document_size, settings.id_field, keep_raw):
                yield line if isinstance(line, InputError) else (path, line[0], line[1])
        else:
            yield (path,)


def load_unit(unit: Unit, settings: Settings, stdin_name: str = "-") -> Iterator[Document | InputError]:
    if len(unit) == 1:
        yield from read_path(unit[0], settings, stdin_name)
    else:
        path, lineno, raw = unit  # type: ignore[misc]
        yield load_record(path, raw, lineno, settings)


#: Files above this size are not cached (hashing them costs about what linting saves).
MAX_CACHED_FILE = 64 << 20


def unit_payload(unit: Unit, max_size: int = 0) -> tuple[str, bytes] | None:
    """Cache key material of a unit: its name and its bytes (None: not cacheable). Files above
    ``max_size`` (when not 0) are refused by the loader: they are not read here either."""
    if len(unit) == 1:
        if unit[0] == "-":
            return None
        limit = min(MAX_CACHED_FILE, max_size) if max_size else MAX_CACHED_FILE
        try:
            with open_regular(unit[0]) as fh:
                # Files too large to be worth caching, and binary ones, are linted (or refused)
                # without reading them twice.
                if os.fstat(fh.fileno()).st_size > limit or b"\0" in fh.read(8000):
                    return None
                fh.seek(0)
                return unit[0], fh.read()
        except (OSError, NotRegularFile):
            return None
    path, lineno, raw = unit  # type: ignore[misc]
    return f"{path}\0{lineno}", raw


def from_unit(items: list[Analysis | InputError], unit: Unit, keep_raw: bool) -> None:
    """Give the analyses of a JSONL record unit its size (and its raw line, when kept)."""
    if len(unit) == 3:
        raw: bytes = unit[2]  # type: ignore[misc]
        for item in items:
            if isinstance(item, Analysis):
                item.size = len(raw)
                if keep_raw:
                    item.raw = raw


def cached_items(
    hit: bytes | None,
    unit: Unit,
    spec: cache_mod.SignatureSpec | None,
    document_format: DocumentFormat | None = None,
) -> list[Analysis | InputError] | None:
    """The results of a cache hit for ``unit``, their signatures left in the cache
    (``signature`` is None; `Analysis.cached` is set by `_store`), raw lines restored from the
    unit; None when there is no entry or it does not check out (`cache_mod.load_unit`: the cache
    is untrusted input). ``spec``: the corpus phase runs and needs signatures of this shape.
    ``document_format``: how the run has its documents' diagnostics formatted, when it needs
    nothing else of them; a one-line format's are formatted from the entry's rows at once
    (`Analysis.formatted`), never made into diagnostics."""
    if hit is None:
        return None
    line = unit[1] if len(unit) == 3 else None  # type: ignore[misc]
    brief = document_format.format_briefs if document_format is not None and document_format.brief else None
    items = cache_mod.load_unit(hit, unit[0], line, spec, brief)
    if items is not None and len(unit) == 3 and isinstance(items[0], InputError):
        (error,) = items  # (a unit's one result: `cache_mod.load_unit`)
        items = [dataclasses.replace(error, raw=unit[2])]  # type: ignore[misc]
    return items
