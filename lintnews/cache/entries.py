"""Cache entries: msgpack of plain data (never pickle), each field checked against its type and
range when read, so a planted entry is a miss; diagnostics, and the corpus phase's entries.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from typing import Any, Literal, overload

import msgpack

from lintnews.diagnostics import SEVERITY_BY_NUMBER, Brief, Diagnostic, Edit, Fix, Location
from lintnews.registry import rule_names

# --- entries ------------------------------------------------------------------------------------
#
# An entry is msgpack of ``[MAGIC, FORMAT, kind, payload]``; every object is a list of fields in
# a fixed order (see the ``_*_data`` functions). Decoding checks each field's type and range and
# raises `_Invalid` on anything else, which callers turn into a miss.
#
# Entries are read with msgpack's arrays as tuples (``use_list=False``): a tuple is one
# allocation where a list is two, and a cached re-run reads over a million arrays (unpacking the
# 200 MB crawl's unit entries: 0.36 -> 0.24 CPU-s). The checks take an array in either form,
# tuple or list (`ARRAY`): the corpus index reads signatures with lists, and there is no third
# kind of array a decoder could be handed. What a decoder gives back has the types it always had
# (a diagnostic's related places a list, its fix's edits a tuple).

MAGIC = "lintnews-cache"
#: Bumped whenever the layout below changes (old entries are then misses). 5: a unit's
#: diagnostics as rows (`lintnews.cache.rows`); 6: a row with one fix edit flat (`rows._one_edit`);
#: 7: a unit's signatures in an entry of their own (`lintnews.cache.store.pair`).
FORMAT = 7
_MAX = (1 << 31) - 1
#: The Python types of a msgpack array: a tuple as entries are read (`_unpack`), a list as the
#: corpus index reads its signatures and as `_diagnostic_data` writes them.
ARRAY = (tuple, list)


class _Invalid(Exception):
    """An entry that is not what lintnews writes."""


def _no_ext(code: int, data: bytes) -> Any:
    raise _Invalid


def _pack(kind: str, payload: Any) -> bytes | None:
    """The entry, or None when something in it has no msgpack form (then it is not cached)."""
    try:
        out: bytes = msgpack.packb(
            [MAGIC, FORMAT, kind, payload], use_bin_type=True, unicode_errors="surrogatepass"
        )
    except (TypeError, ValueError, OverflowError):
        return None
    return out


def _unpack(blob: Any, kind: str) -> Any:
    if type(blob) is not bytes:
        raise _Invalid
    try:
        # No maps, no extension types: an entry is arrays, strings, numbers and bytes only.
        data = msgpack.unpackb(
            blob, raw=False, use_list=False, unicode_errors="surrogatepass", ext_hook=_no_ext
        )
    except Exception:  # msgpack's errors for malformed, truncated or too deep data
        raise _Invalid from None
    if type(data) is not tuple or len(data) != 4 or data[:3] != (MAGIC, FORMAT, kind):
        raise _Invalid
    return data[3]


def _list(v: Any, n: int | None = None) -> tuple[Any, ...] | list[Any]:
    """``v``, a msgpack array (`ARRAY`) of ``n`` elements (any number if None)."""
    if type(v) not in ARRAY or (n is not None and len(v) != n):
        raise _Invalid
    return v


def _int(v: Any, lo: int = 0, hi: int = _MAX) -> int:
    if type(v) is not int or not lo <= v <= hi:
        raise _Invalid
    return v


def _opt_int(v: Any, lo: int = 0, hi: int = _MAX) -> int | None:
    return None if v is None else _int(v, lo, hi)


def _str(v: Any) -> str:
    if type(v) is not str:
        raise _Invalid
    return v


def _opt_str(v: Any) -> str | None:
    return None if v is None else _str(v)


def _fraction(v: Any) -> float:
    if type(v) is not float or not 0.0 <= v <= 1.0:
        raise _Invalid
    return v


def _bool(v: Any) -> bool:
    if type(v) is not bool:
        raise _Invalid
    return v


def _diagnostic_data(d: Diagnostic) -> list[Any]:
    fix = (
        None
        if d.fix is None
        else [d.fix.title, d.fix.safe, [[e.start, e.end, e.replacement] for e in d.fix.edits]]
    )
    return [
        d.path, d.record, d.line, d.column, d.end_line, d.end_column, d.code, d.name, int(d.severity), d.message,
        fix, [[r.path, r.record, r.line, r.column] for r in d.related], d.record_line, d.snippet,
        d.document_score, [list(e) for e in d.fix_edits], d.region_text, list(d.fix_replaced), d.similarity,
        None if d.kept is None else [d.kept.path, d.kept.record, d.kept.line, d.kept.column],
    ]  # fmt: skip


#: A corpus finding as a one-line report shows it: its document's path and record, and its
#: `Brief` (`load_corpus` with ``brief``).
PlacedBrief = tuple[str, "str | None", Brief]


def _diagnostic(v: Any, brief: bool = False) -> Any:
    """The diagnostic of a cache entry, every field checked (`_Invalid` otherwise); with
    ``brief``, what a one-line report shows of it (`PlacedBrief`), checked alike, not made.

    This runs for every diagnostic a cached re-run reports (a quarter of a million on the 200 MB
    crawl corpus), so the common fields are checked inline in one expression rather than through
    the helpers above, and the rarely present ones (a fix, related places, the kept copy) only
    when they are there; what it accepts is exactly what the helpers would (tested)."""
    if type(v) not in ARRAY or len(v) != 20:
        raise _Invalid
    (path, record, line, column, end_line, end_column, code, name, severity, message, fix, related,
     record_line, snippet, score, fix_edits, region_text, fix_replaced, similarity, kept) = v  # fmt: skip
    if not (
        type(path) is str
        and (record is None or type(record) is str)
        and type(line) is int
        and type(column) is int
        and type(end_line) is int
        and type(end_column) is int
        and 1 <= line <= end_line <= _MAX
        and 1 <= column <= _MAX
        and 1 <= end_column <= _MAX
        and type(code) is str
        and type(name) is str
        and rule_names().get(code) == name
        and type(severity) is int
        and type(message) is str
        and (record_line is None or (type(record_line) is int and 1 <= record_line <= _MAX))
        and type(snippet) is str
        and (score is None or (type(score) is int and 0 <= score <= 100))
    ):
        raise _Invalid
    sev = SEVERITY_BY_NUMBER.get(severity)
    if sev is None:
        raise _Invalid
    fix, related, edits_at, region_text, replaced, similarity, kept = _rare(
        fix, related, fix_edits, region_text, fix_replaced, similarity, kept, brief
    )
    if brief:
        return path, record, (line, column, code, sev, message, fix)
    return Diagnostic(
        path, record, line, column, end_line, end_column, code, name, sev, message, fix, related,
        record_line, snippet, score, edits_at, region_text, replaced, similarity, kept,
    )  # fmt: skip


def _rare(
    fix: Any,
    related: Any,
    fix_edits: Any,
    region_text: Any,
    fix_replaced: Any,
    similarity: Any,
    kept: Any,
    brief: bool = False,
) -> tuple[Any, ...]:
    """The fields most diagnostics leave empty (a fix, related places, the fix's regions, the
    region's text, a duplicate's similarity and kept copy), checked (`_Invalid` otherwise) and
    made into what `Diagnostic` holds: checked only past a cheap test when they are empty.

    With ``brief`` (what a one-line report shows: `_diagnostic`), the same checks, and nothing
    made: the fix is only whether it is safe (None: no fix), the related places and the kept
    copy are left out (a cached corpus phase has one to four of them for each N001 finding)."""
    if not (
        type(related) in ARRAY
        and type(fix_edits) in ARRAY
        and (region_text is None or type(region_text) is str)
        and type(fix_replaced) in ARRAY
        and (similarity is None or (type(similarity) is float and 0.0 <= similarity <= 1.0))
    ):
        raise _Invalid
    if fix is not None:
        fix = _fix(fix, brief)
    related = [_location(r, brief) for r in related] if related else []
    if brief:
        related = []
    edits_at: tuple[tuple[int, int, int, int, str], ...] = ()
    replaced: tuple[str, ...] = ()
    if fix_edits or fix_replaced:
        edits_at, replaced = _fix_regions(fix_edits, fix_replaced)
    if kept is not None:
        kept = _location(kept, brief)
    return fix, related, edits_at, region_text, replaced, similarity, kept


def _fix(fix: Any, brief: bool) -> Fix | bool:
    """A cached fix (title, safe, edits), checked; with ``brief``, only whether it is safe."""
    if type(fix) not in ARRAY or len(fix) != 3:
        raise _Invalid
    title, safe, edits = fix
    if type(title) is not str or type(safe) is not bool or type(edits) not in ARRAY:
        raise _Invalid
    parts = []
    for e in edits:
        if type(e) not in ARRAY or len(e) != 3:
            raise _Invalid
        start, end, replacement = e
        if not (
            type(start) is int and type(end) is int and 0 <= start <= end <= _MAX and type(replacement) is str
        ):
            raise _Invalid
        if not brief:
            parts.append(Edit(start, end, replacement))
    return safe if brief else Fix(title, tuple(parts), safe)


def _fix_regions(
    fix_edits: Any, fix_replaced: Any
) -> tuple[tuple[tuple[int, int, int, int, str], ...], tuple[str, ...]]:
    """A cached fix's regions (line, column, end line, end column, text) and the texts it
    replaced, checked."""
    if len(fix_replaced) != len(fix_edits):
        raise _Invalid
    regions = []
    for e in fix_edits:
        if type(e) not in ARRAY or len(e) != 5:
            raise _Invalid
        a, b, c, d, text = e
        if not (
            type(a) is int
            and type(b) is int
            and type(c) is int
            and type(d) is int
            and 1 <= a <= _MAX
            and 1 <= b <= _MAX
            and 1 <= c <= _MAX
            and 1 <= d <= _MAX
            and type(text) is str
        ):
            raise _Invalid
        regions.append((a, b, c, d, text))
    for t in fix_replaced:
        if type(t) is not str:
            raise _Invalid
    return tuple(regions), tuple(fix_replaced)


def _location(v: Any, brief: bool = False) -> Location | None:
    """A related place or a duplicate's kept copy, checked inline (a cached corpus phase reads
    one to three for each of its N001 findings): what the helpers would accept (tested); with
    ``brief``, checked only (None)."""
    if type(v) not in ARRAY or len(v) != 4:
        raise _Invalid
    path, record, line, column = v
    if not (
        type(path) is str
        and (record is None or type(record) is str)
        and type(line) is int
        and type(column) is int
        and 1 <= line <= _MAX
        and 1 <= column <= _MAX
    ):
        raise _Invalid
    return None if brief else Location(path, record, line, column)


# --- corpus entries: the diagnostics of the corpus phase -------------------------------------


def dump_corpus(diagnostics: list[Diagnostic]) -> bytes | None:
    return _pack("corpus", [_diagnostic_data(d) for d in diagnostics])


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection while a large entry is decoded (as msgpack's documentation advises
    for large messages): the containers it makes all live until the entry is checked, so every
    pass the collector would make over them, and over the older objects at each full pass,
    frees nothing. The corpus phase's entry of the 200 MB crawl corpus is 12 MB, 29,000
    findings and over 200,000 lists: decoding it (five times in one process, at a check run's
    thresholds, `lintnews.gcpace`) took 0.24-0.43 CPU-s with the collector's passes and
    0.20-0.31 without. The collector is left as it was found (a program using lintnews may have
    turned it off)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@overload
def load_corpus(blob: Any, brief: Literal[False] = False) -> list[Diagnostic] | None: ...
@overload
def load_corpus(blob: Any, brief: Literal[True]) -> list[PlacedBrief] | None: ...
def load_corpus(blob: Any, brief: bool = False) -> list[Diagnostic] | list[PlacedBrief] | None:
    """The corpus phase's diagnostics stored in ``blob`` (only corpus rules), or None; with
    ``brief``, what a one-line report shows of each (`PlacedBrief`), every field checked as for
    the diagnostic, which is not made (a re-run of the 200 MB crawl corpus reports 29,000)."""
    try:
        with collector_paused():
            found = [_diagnostic(d, brief) for d in _list(_unpack(blob, "corpus"))]
    except Exception:  # whatever a planted entry makes the checks trip on: a miss
        return None
    if any(not (d[2][2] if brief else d.code).startswith("N") for d in found):
        return None
    return found
