"""Cache entries: msgpack of plain data (never pickle), each field checked against its type and
range when read, so a planted entry is a miss; diagnostics, and the corpus phase's entries.
"""

from __future__ import annotations

from typing import Any

import msgpack

from lintnews.diagnostics import Diagnostic, Edit, Fix, Location, Severity
from lintnews.registry import all_rules

# --- entries ------------------------------------------------------------------------------------
#
# An entry is msgpack of ``[MAGIC, FORMAT, kind, payload]``; every object is a list of fields in
# a fixed order (see the ``_*_data`` functions). Decoding checks each field's type and range and
# raises `_Invalid` on anything else, which callers turn into a miss.

MAGIC = "lintnews-cache"
#: Bumped whenever the layout below changes (old entries are then misses).
FORMAT = 4
_MAX = (1 << 31) - 1


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
        # No maps, no extension types: an entry is lists, strings, numbers and bytes only.
        data = msgpack.unpackb(
            blob, raw=False, use_list=True, unicode_errors="surrogatepass", ext_hook=_no_ext
        )
    except Exception:  # msgpack's errors for malformed, truncated or too deep data
        raise _Invalid from None
    if type(data) is not list or len(data) != 4 or data[:3] != [MAGIC, FORMAT, kind]:
        raise _Invalid
    return data[3]


def _list(v: Any, n: int | None = None) -> list[Any]:
    if type(v) is not list or (n is not None and len(v) != n):
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


def _diagnostic(v: Any) -> Diagnostic:
    f = _list(v, 20)
    line, column, end_line, end_column = _int(f[2], 1), _int(f[3], 1), _int(f[4], 1), _int(f[5], 1)
    if end_line < line:
        raise _Invalid
    code, name = _str(f[6]), _str(f[7])
    rule = all_rules().get(code)
    if rule is None or rule.name != name:
        raise _Invalid
    fix = None
    if f[10] is not None:
        title, safe, edits = _list(f[10], 3)
        parts = []
        for e in _list(edits):
            start, end, replacement = _list(e, 3)
            parts.append(Edit(_int(start), _int(end, _int(start)), _str(replacement)))
        fix = Fix(_str(title), tuple(parts), _bool(safe))
    related = []
    for r in _list(f[11]):
        path, record, r_line, r_column = _list(r, 4)
        related.append(Location(_str(path), _opt_str(record), _int(r_line, 1), _int(r_column, 1)))
    fix_edits = []
    for e in _list(f[15]):
        a, b, c, d, text = _list(e, 5)
        fix_edits.append((_int(a, 1), _int(b, 1), _int(c, 1), _int(d, 1), _str(text)))
    fix_replaced = tuple(_str(t) for t in _list(f[17], len(fix_edits)))
    similarity = None if f[18] is None else _fraction(f[18])
    kept = None
    if f[19] is not None:
        k_path, k_record, k_line, k_column = _list(f[19], 4)
        kept = Location(_str(k_path), _opt_str(k_record), _int(k_line, 1), _int(k_column, 1))
    return Diagnostic(
        path=_str(f[0]),
        record=_opt_str(f[1]),
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        code=code,
        name=name,
        severity=Severity(_int(f[8], 1, 3)),
        message=_str(f[9]),
        fix=fix,
        related=related,
        record_line=_opt_int(f[12], 1),
        snippet=_str(f[13]),
        document_score=_opt_int(f[14], 0, 100),
        fix_edits=tuple(fix_edits),
        region_text=_opt_str(f[16]),
        fix_replaced=fix_replaced,
        similarity=similarity,
        kept=kept,
    )


# --- corpus entries: the diagnostics of the corpus phase -------------------------------------


def dump_corpus(diagnostics: list[Diagnostic]) -> bytes | None:
    return _pack("corpus", [_diagnostic_data(d) for d in diagnostics])


def load_corpus(blob: Any) -> list[Diagnostic] | None:
    """The corpus phase's diagnostics stored in ``blob`` (only corpus rules), or None."""
    try:
        found = [_diagnostic(d) for d in _list(_unpack(blob, "corpus"))]
    except Exception:  # whatever a planted entry makes the checks trip on: a miss
        return None
    if any(not d.code.startswith("N") for d in found):
        return None
    return found
