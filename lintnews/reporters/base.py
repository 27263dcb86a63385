"""What every reporter shares: the `Report` it writes, the `REPORTERS` table its ``@reporter``
decorator fills, and the helpers that make text safe to print or to serialise."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

import orjson

from lintnews.diagnostics import SEVERITY_BY_NUMBER, Diagnostic, Severity
from lintnews.registry import Rule
from lintnews.sources import InputError


@dataclass
class Tally:
    """Counts a summary needs, kept as diagnostics stream past."""

    total: int = 0
    by_severity: Counter[Severity] = field(default_factory=Counter)
    #: Diagnostics whose fix ``--fix`` applies (`fix_applies`), and unsafe ones it leaves.
    fixable: int = 0
    hidden_unsafe: int = 0
    #: Documents with at least one diagnostic.
    affected: set[tuple[str, str | None]] = field(default_factory=set)

    def add(self, d: Diagnostic, unsafe_fixes: bool = False) -> None:
        self.add_all((d,), unsafe_fixes)

    def add_all(self, diagnostics: Sequence[Diagnostic], unsafe_fixes: bool = False) -> None:
        """`add` each of ``diagnostics`` (a document's: its severities counted in one update)."""
        self.total += len(diagnostics)
        self.by_severity.update([d.severity for d in diagnostics])
        affected = self.affected
        for d in diagnostics:
            if fix_applies(d, unsafe_fixes):
                self.fixable += 1
            elif d.fix is not None:
                self.hidden_unsafe += 1
            affected.add((d.path, d.record))

    def merge(self, other: Tally) -> None:
        """Count what ``other`` counted too (a document's tally, made where it was formatted).
        (Added severity by severity: `Counter.update` checks its argument against the `Mapping`
        ABC first, and a cached re-run merges a tally a document.)"""
        self.total += other.total
        by_severity = self.by_severity
        for severity, n in other.by_severity.items():
            by_severity[severity] += n
        self.fixable += other.fixable
        self.hidden_unsafe += other.hidden_unsafe
        self.affected |= other.affected

    def __reduce__(self) -> tuple[Any, ...]:
        # (a document's tally travels from a worker with its text, `lintnews.reporters.formatted`:
        # severities as numbers, not enum members, which unpickle through `Severity.__call__`)
        counts = {int(s): n for s, n in self.by_severity.items()}
        return _tally, (self.total, counts, self.fixable, self.hidden_unsafe, self.affected)

    @classmethod
    def of(cls, diagnostics: Iterable[Diagnostic], unsafe_fixes: bool = False) -> Tally:
        tally = cls()
        for d in diagnostics:
            tally.add(d, unsafe_fixes)
        return tally


def _tally(
    total: int,
    counts: dict[int, int],
    fixable: int,
    hidden_unsafe: int,
    affected: set[tuple[str, str | None]],
) -> Tally:
    """A `Tally` from what `Tally.__reduce__` gave."""
    tally = Tally(total, Counter(), fixable, hidden_unsafe, affected)
    for severity, n in counts.items():
        tally.by_severity[SEVERITY_BY_NUMBER[severity]] = n
    return tally


def fix_applies(d: Diagnostic, unsafe_fixes: bool = False) -> bool:
    """Whether ``lintnews check --fix`` applies ``d``'s fix (marked ``[*]``): a safe fix, or an
    unsafe one with ``--unsafe-fixes``. A run removes the fixes of rules that ``fixable`` and
    ``unfixable`` leave out before anything is reported (as ruff does), so they never count."""
    return d.fix is not None and (d.fix.safe or unsafe_fixes)


@dataclass
class Report:
    """Everything a reporter may show about one run."""

    diagnostics: list[Diagnostic]
    errors: list[InputError] = field(default_factory=list)
    documents: int = 0
    #: Diagnostics fixed by ``--fix`` (they are no longer in ``diagnostics``).
    fixed: int = 0
    #: The rules by code (None: every rule, `all_rules`, which SARIF's descriptions read).
    rules: dict[str, Rule] | None = None
    #: ``--statistics`` summary and per-document summaries (json/jsonl formats carry them).
    stats: dict[str, Any] | None = None
    summaries: list[Any] = field(default_factory=list)
    #: Counts of the diagnostics when they were streamed instead of kept.
    tally: Tally | None = None
    #: How many of ``errors`` are inputs that could not be read (None: all of them); the others
    #: are fixes or outputs that failed.
    unreadable: int | None = None


Reporter = Callable[[Report, TextIO, bool], None]
REPORTERS: dict[str, Reporter] = {}


def reporter(name: str) -> Callable[[Reporter], Reporter]:
    def wrap(fn: Reporter) -> Reporter:
        REPORTERS[name] = fn
        return fn

    return wrap


#: What must not reach a terminal raw: C0 controls but the tab (a newline or ESC in a record id
#: or in scraped text would split or colour the output), DEL, C1 controls (0x9b is a CSI on some
#: terminals), the bidirectional overrides and isolates that reorder what is shown ("Trojan
#: Source"), and lone surrogates (the undecodable bytes of a file name, or JSON's ``\udXXX``).
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` as one line that is safe to print: control characters, bidirectional overrides
    and undecodable bytes become visible escapes (``\\n``, ``\\x1b``, ``\\u202e``, ``\\xe9``).

    Every character the pattern escapes is one `str.isprintable` refuses (controls, formats,
    surrogates), so text it accepts is returned at once: it runs twice for every diagnostic a
    text report prints, and the check costs half of the pattern's scan."""
    if text.isprintable():
        return text
    return _UNPRINTABLE.sub(_escape, text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(data: Any, indent: bool = False, floats: Iterable[Any] | None = None) -> str:
    """``json.dumps(data, ensure_ascii=False)`` (with ``indent=2`` if ``indent``), the same
    bytes, except that lone surrogates (a file name that is not UTF-8, a record id written as
    ``"\\ud800"``) become ``\\uXXXX`` escapes: the output is always valid UTF-8 and reads back
    (in Python, ``os.fsencode``) to the same name.

    Indented, it is orjson's text where that is json's bytes: json indents in pure Python (15 %
    of a ``--output-format json`` run). orjson's escapes, separators and indentation are json's,
    its floats too but for the exponent forms and NaN (`_plain_float`), and it refuses lone
    surrogates, integers beyond 64 bits and keys that are not strings, which json's path then
    writes (tested against json over every character and random floats). ``floats``: every
    float in ``data`` (or more), when the caller knows them (a diagnostic's is its similarity,
    `diagnostic_json`); None to look through ``data`` for them. Unindented (JSONL) json's own
    encoder is in C, and orjson's compact text has other separators: json writes it."""
    if indent:
        found = floats_in(data) if floats is None else floats
        if all(_plain_float(x) for x in found if x is not None):
            try:
                return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
            except orjson.JSONEncodeError:
                pass
    return stdlib_json_text(data, indent)


def stdlib_json_text(data: Any, indent: bool = False) -> str:
    """What `json_text` gives, by the standard library's json (its fallback and its reference)."""
    text = json.dumps(data, ensure_ascii=False, indent=2 if indent else None)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def diagnostic_json(d: Diagnostic, indent: bool = False) -> str:
    """`json_text` of ``d.to_dict()``, whose one float is the similarity (tested)."""
    return json_text(d.to_dict(), indent, (d.similarity,))


def _plain_float(x: Any) -> bool:
    """Whether orjson writes ``x`` as json does: a finite float that is zero or of a magnitude
    in [1e-4, 1e16), which both write positionally with the shortest digits that read back
    (outside it json writes ``1e-05``, orjson ``0.00001``; NaN is json's ``NaN``, orjson's
    ``null``). Whatever else is not plain (a float-like type): json's path writes it."""
    return isinstance(x, float) and (x == 0 or 1e-4 <= abs(x) < 1e16)


def floats_in(data: Any) -> list[Any]:
    """Every float in ``data`` (through dicts, lists and tuples)."""
    found, todo = [], [data]
    while todo:
        v = todo.pop()
        if type(v) is dict:
            todo.extend(v.values())
        elif type(v) is list or type(v) is tuple:
            todo.extend(v)
        elif isinstance(v, float):
            found.append(v)
    return found


def location(d: Diagnostic, place: str | None = None) -> str:
    """``path:line:col`` or, for a JSONL record, ``path#record:line:col`` (printable); ``place``:
    `place_of` ``d`` when the caller has it (the same for each diagnostic of a document)."""
    return f"{place_of(d) if place is None else place}:{d.line}:{d.column}"


def place_of(d: Diagnostic) -> str:
    """``path``, or for a JSONL record ``path#record``, printable (`place`)."""
    return place(d.path, d.record)


def place(path: str, record: str | None) -> str:
    """The place of a document's diagnostics: ``path``, or for a JSONL record ``path#record``,
    printable."""
    return printable(path if record is None else f"{path}#{record}")
