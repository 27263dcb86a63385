"""Unit entries: the results of one file or JSONL record (its analyses and input errors), with
their corpus signatures, checked against the document they are read for.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from lintnews.analysis import Analysis
from lintnews.cache.entries import _MAX, ARRAY, _int, _Invalid, _list, _opt_str, _pack, _str, _unpack
from lintnews.cache.rows import _row_data, _rows, briefs, fits_row
from lintnews.cache.store import pair
from lintnews.config import Settings
from lintnews.corpus.options import CorpusOptions, lsh_bands
from lintnews.diagnostics import Brief
from lintnews.registry import rule_names
from lintnews.sources import InputError

if TYPE_CHECKING:
    # (`lintnews.corpus.signature` needs numpy: imported where signatures are made or read)
    from lintnews.corpus.signature import DocSignature
    from lintnews.reporters.formatted import FormattedDocument

# --- unit entries: the results of one file or JSONL record, with their corpus signatures -----

#: What the corpus phase needs of a signature: (MinHash permutations, LSH bands, rows per band).
SignatureSpec = tuple[int, int, int]


def signature_spec(settings: Settings) -> SignatureSpec:
    options = CorpusOptions.from_settings(settings)
    return (options.num_perm, *lsh_bands(options.threshold, options.num_perm))


def dump_unit(
    items: list[Analysis | InputError], signatures: list[DocSignature | None] | None
) -> bytes | None:
    """The entry of a unit's results (``signatures``: one per result, or None without the corpus
    phase), or None when it cannot be stored: with signatures, a `pair` of two entries, the
    results (which say that signatures were stored) and the signatures, which only a re-run
    whose corpus phase is not cached reads (`load_signatures`). Raw lines and signatures on the
    results themselves are not stored; diagnostics are rows (`lintnews.cache.rows`), which leave
    out what they share with their document: one that does not share it (none does today)
    makes the unit uncached rather than cached wrong."""
    data: list[Any] = []
    for item in items:
        if isinstance(item, InputError):
            data.append(["e", item.path, item.message, item.record, item.line])
            continue
        path, record, line, doc_score = item.path, item.record, item.record_line, item.score
        if not all(fits_row(d, path, record, line, doc_score) for d in item.diagnostics):
            return None
        data.append(["a", path, record, line, doc_score, [_row_data(d) for d in item.diagnostics]])
    results = _pack("unit", [data, signatures is not None])
    if signatures is None or results is None:
        return results
    sigs = _pack("sigs", [None if s is None else signature_data(s) for s in signatures])
    return None if sigs is None else pair(results, sigs)


def dump_results(items: list[Analysis | InputError]) -> bytes | None:
    """What the result cache keeps of a unit (`dump_unit`): its results without raw lines, and
    their corpus signatures in an entry of their own (a re-run whose corpus phase is cached too
    never reads them; see `lintnews.corpus.CorpusIndex.defer`)."""
    sigs = [item.signature if isinstance(item, Analysis) else None for item in items]
    return dump_unit(items, sigs if any(s is not None for s in sigs) else None)


#: How a run that only reports a document's diagnostics has them formatted straight from the
#: cache's rows (`lintnews.reporters.formatted.DocumentFormat.format_briefs`): from their
#: `Brief` tuples, the document's path and record, what the report shows of them.
BriefFormat = Callable[[list[Brief], str, "str | None"], "FormattedDocument"]


def load_unit(
    blob: Any, path: str, line: int | None, spec: SignatureSpec | None, formatter: BriefFormat | None = None
) -> list[Analysis | InputError] | None:
    """The results stored in ``blob`` (a unit's results entry, `unpair` of what `dump_unit`
    gives) for the unit ``path`` (and JSONL ``line``), or None when the entry is not exactly
    what this run would have stored for it: wrong shape or types, or results of another file or
    line, or made without signatures when the corpus phase (``spec``) needs them (or with them
    when it does not run). The signatures are in their own entry: `load_signatures` reads and
    checks them when the corpus phase needs them.

    With a ``formatter``, a document's diagnostics come formatted by it (`Analysis.formatted`,
    ``diagnostics`` left empty) and are never made: the rows are checked all the same."""
    try:
        data, signed = _list(_unpack(blob, "unit"), 2)
        # Reading a unit gives exactly one result: its document or its input error.
        (item,) = _list(data, 1)
        result, shown = _unit_item(item, path, line, signed, spec, formatter is not None)
    except Exception:  # whatever a planted entry makes the checks trip on: a miss
        return None
    if shown and formatter is not None:
        assert isinstance(result, Analysis)
        result.formatted = formatter(shown, path, result.record)
    return [result]


def _unit_item(
    v: Any, path: str, line: int | None, signed: Any, spec: SignatureSpec | None, brief: bool
) -> tuple[Analysis | InputError, list[Brief]]:
    """The result of a unit entry and, with ``brief``, its diagnostics' briefs instead of them."""
    if type(signed) is not bool:
        raise _Invalid
    if _str(_list(v)[0]) == "e":
        _, e_path, message, record, e_line = _list(v, 5)
        # (a unit that is an input error has no signature: `dump_results` stores none)
        if e_path != path or e_line != line or signed:
            raise _Invalid
        return InputError(
            path, _str(message), _opt_str(record) if line is not None else _none(record), line
        ), []
    kind, a_path, record, record_line, doc_score, diagnostics = _list(v, 6)
    if kind != "a" or a_path != path or record_line != line or signed != (spec is not None):
        raise _Invalid
    record = _str(record) if line is not None else _none(record)
    doc_score = _int(doc_score, 0, 100)
    names = rule_names()
    found, shown = [], []
    if brief:
        shown = briefs(_list(diagnostics), path, record, line, doc_score, names)
    else:
        found = _rows(_list(diagnostics), path, record, line, doc_score, names)
    return Analysis(path, record, line, found, doc_score), shown


def _none(v: Any) -> str | None:
    """``v``, which must be None (an optional field that is absent)."""
    if v is not None:
        raise _Invalid
    return None


def load_signatures(
    blob: Any, spec: SignatureSpec, place: tuple[str, str | None, int | None] | None = None
) -> list[DocSignature | None] | None:
    """The corpus signatures of a unit's signatures entry (one per result, None for an input
    error), or None when it is not what lintnews writes, or (``place``: the path, record and
    record line of the unit's document) when its signature is another document's."""
    try:
        sigs = _list(_unpack(blob, "sigs"))
        found = [None if s is None else signature_from_data(s, spec) for s in sigs]
    except Exception:  # whatever a planted entry makes the checks trip on: a miss
        return None
    if place is not None and any(s is not None and (s.path, s.record, s.record_line) != place for s in found):
        return None
    return found


def _array_data(a: Any, codes: dict[Any, int]) -> list[Any] | None:
    if a is None:
        return None
    return [codes[a.dtype], len(a), a.tobytes()]


def signature_data(s: DocSignature) -> list[Any]:
    from lintnews.corpus.signature import SIGNATURE_DTYPE_CODES as codes

    return [
        s.path, s.record, s.record_line, s.enabled, list(s.first), s.title, s.text_hash, s.length, s.date,
        _array_data(s.minhash, codes), _array_data(s.shingles, codes), _array_data(s.lines, codes), s.distinct,
        _array_data(s.band_keys, codes), None if s.lsh is None else list(s.lsh), s.scheme,
    ]  # fmt: skip


@functools.cache
def _signature_format() -> tuple[str, tuple[int, ...]]:
    """This lintnews's hashing scheme and the item size of each signature array kind (from a
    module without numpy, which a fully cached re-run never loads)."""
    from lintnews.corpus.scheme import SCHEME, SIGNATURE_ITEMSIZES

    return SCHEME, SIGNATURE_ITEMSIZES


def _array(v: Any, codes: tuple[int, ...], itemsizes: tuple[int, ...]) -> tuple[int, bytes, int]:
    """An array's dtype code, bytes and length, checked without making the array."""
    if type(v) not in ARRAY or len(v) != 3:
        raise _Invalid
    code, length, data = v
    if (
        code not in codes
        or type(data) is not bytes
        or type(length) is not int
        or len(data) != length * itemsizes[code]
    ):
        raise _Invalid
    return code, data, length


def _signature_fields(v: Any, spec: SignatureSpec) -> list[Any]:
    """The fields of a signature, checked against what the corpus index relies on to work
    (types, array kinds, the MinHash and LSH sizes), arrays as (dtype code, bytes). Values the
    index takes as they are (hashes, positions, line ranges) are not checked: no value of
    theirs can make it fail. This runs for every cache hit, so it makes no numpy arrays, and
    the scalar fields are checked in one expression rather than through the helpers; what it
    accepts is exactly what the helpers would (`tests/test_cache_signatures.py`)."""
    scheme, itemsizes = _signature_format()
    num_perm, _bands, _rows = spec
    f = list(_list(v, 16))  # (its checked fields replace the read ones)
    if f[15] != scheme:  # hashed another way (another lintnews): not comparable, a miss
        raise _Invalid
    path, record, record_line, enabled, first, title, text_hash, length, date = f[:9]
    if not (
        type(path) is str
        and (record is None or type(record) is str)
        and (record_line is None or (type(record_line) is int and 1 <= record_line <= _MAX))
        and type(enabled) is int
        and 0 <= enabled <= 0xFFFF
        and type(first) in ARRAY
        and len(first) == 4
        and type(title) is str
        and (text_hash is None or (type(text_hash) is bytes and len(text_hash) == 16))
        and type(length) is int
        and 0 <= length <= _MAX
        and (date is None or type(date) in (str, int) or (type(date) is float and math.isfinite(date)))
        and (f[12] is None or (type(f[12]) is int and 0 <= f[12] <= _MAX))
    ):
        raise _Invalid
    a, b, c, d = first
    if not (
        type(a) is int
        and type(b) is int
        and type(c) is int
        and type(d) is int
        and 0 <= a <= _MAX
        and 0 <= b <= _MAX
        and 0 <= c <= _MAX
        and 0 <= d <= _MAX
    ):
        raise _Invalid
    f[4] = (a, b, c, d)
    minhash = f[9] = None if f[9] is None else _array(f[9], (0, 1), itemsizes)
    if minhash is not None and minhash[2] != num_perm:
        raise _Invalid
    f[10] = None if f[10] is None else _array(f[10], (0,), itemsizes)
    f[11] = _array(f[11], (2,), itemsizes)
    band_keys = f[13] = None if f[13] is None else _array(f[13], (1,), itemsizes)
    if f[14] is not None:
        b, r = _list(f[14], 2)
        f[14] = (_int(b, 1), _int(r, 1))
        if f[14][0] * f[14][1] > num_perm:
            raise _Invalid
    if (band_keys is None) != (f[14] is None):
        raise _Invalid
    if band_keys is not None and (minhash is None or band_keys[2] != f[14][0]):
        raise _Invalid
    return f


def signature_from_data(v: Any, spec: SignatureSpec) -> DocSignature:
    import numpy as np

    from lintnews.corpus.signature import SIGNATURE_DTYPES, DocSignature

    f = _signature_fields(v, spec)
    arrays = [
        None if a is None else np.frombuffer(bytearray(a[1]), SIGNATURE_DTYPES[a[0]])
        for a in (f[9], f[10], f[13])
    ]
    lines = np.frombuffer(bytearray(f[11][1]), SIGNATURE_DTYPES[f[11][0]])  # never None (`_signature_fields`)
    return DocSignature(
        path=f[0], record=f[1], record_line=f[2], enabled=f[3], first=f[4], title=f[5], text_hash=f[6],
        length=f[7], date=f[8], minhash=arrays[0], shingles=arrays[1], lines=lines, distinct=f[12],
        band_keys=arrays[2], lsh=f[14], scheme=f[15],
    )  # fmt: skip
