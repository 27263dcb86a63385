"""Reporters: write a run's diagnostics in one output format.

Each format is a function ``(report, stream, color) -> None`` registered in `REPORTERS` under its
``--format`` name. A run does not keep its diagnostics: it hands each one, as it is found, to a
`StreamWriter`, which writes the line-oriented formats (text, full, json, jsonl, github) at once
and buffers only for the formats that need the whole run (sarif, junit, gitlab).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TextIO

from lintnews.diagnostics import Diagnostic, Severity
from lintnews.gate import format_statistics
from lintnews.registry import Rule, all_rules
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
        self.total += 1
        self.by_severity[d.severity] += 1
        if fix_applies(d, unsafe_fixes):
            self.fixable += 1
        elif d.fix is not None:
            self.hidden_unsafe += 1
        self.affected.add((d.path, d.record))

    @classmethod
    def of(cls, diagnostics: Iterable[Diagnostic], unsafe_fixes: bool = False) -> Tally:
        tally = cls()
        for d in diagnostics:
            tally.add(d, unsafe_fixes)
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
    rules: dict[str, Rule] = field(default_factory=all_rules)
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
    and undecodable bytes become visible escapes (``\\n``, ``\\x1b``, ``\\u202e``, ``\\xe9``)."""
    return _UNPRINTABLE.sub(_escape, text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(data: Any, **options: Any) -> str:
    """``json.dumps`` with non-ASCII text kept as it is, except lone surrogates (a file name that
    is not UTF-8, a record id written as ``"\\ud800"``), which become ``\\uXXXX`` escapes: the
    output is always valid UTF-8 and reads back (in Python, ``os.fsencode``) to the same name."""
    text = json.dumps(data, ensure_ascii=False, **options)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def location(d: Diagnostic) -> str:
    """``path:line:col`` or, for a JSONL record, ``path#record:line:col`` (printable)."""
    where = d.path if d.record is None else f"{d.path}#{d.record}"
    return f"{printable(where)}:{d.line}:{d.column}"


class StreamWriter:
    """Writes diagnostics in format ``fmt`` as they arrive; `close` writes what follows them
    (summary, statistics) or, for whole-run formats, everything."""

    STREAMING = ("text", "full", "json", "jsonl", "github")
    #: Formats that carry ``--statistics`` in the report itself (the others: on stderr).
    WITH_STATISTICS = ("text", "full", "json", "jsonl")

    def __init__(
        self, fmt: str, out: TextIO, color: bool = False, quiet: bool = False, stats: bool = False,
        unsafe_fixes: bool = False,
    ) -> None:
        self.fmt = fmt
        self.out = out
        self.color = color
        self.quiet = quiet
        self.stats = stats
        #: Whether unsafe fixes apply (``[*]`` marks them too).
        self.unsafe_fixes = unsafe_fixes
        self.buffer: list[Diagnostic] = []
        self.count = 0
        self.closed = False

    def write(self, d: Diagnostic) -> None:
        fmt, out = self.fmt, self.out
        if fmt not in self.STREAMING:
            self.buffer.append(d)
        elif fmt == "text":
            out.write(text.diagnostic_line(d, self.color, self.unsafe_fixes) + "\n")
        elif fmt == "full":
            line = text.diagnostic_line(d, self.color, self.unsafe_fixes) + "\n"
            out.write(line if self.quiet else text.full_block(d, self.color, self.unsafe_fixes))
        elif fmt == "jsonl":
            out.write(json_text(d.to_dict()) + "\n")
        elif fmt == "github":
            out.write(structured.github_line(d))
        else:  # json: an array, opened lazily, one pretty-printed object per element
            if self.count == 0:
                out.write('{"diagnostics": [\n' if self.stats else "[\n")
            else:
                out.write(",\n")
            out.write(_indent(json_text(d.to_dict(), indent=2)))
        self.count += 1

    def error(self, error: InputError) -> None:
        """An input error, as it happens: ``github`` makes it an annotation (the other formats
        carry errors at the end, or leave them to stderr)."""
        if self.fmt == "github":
            self.out.write(structured.github_error_line(error))

    def abort(self) -> None:
        """The run stopped (an error, an interrupt) before `close`: end a ``json`` array that was
        begun, or print an empty one, so standard output still holds valid JSON: the findings
        reported before the run stopped (the exit code says it did)."""
        if self.fmt != "json" or self.closed:
            return
        self.closed = True
        out = self.out
        if self.count == 0:
            out.write('{"diagnostics": [' if self.stats else "[")
        else:
            out.write("\n")
        out.write('],\n  "documents": [],\n  "statistics": null\n}\n' if self.stats else "]\n")
        out.flush()

    def close(self, report: Report) -> None:
        self.closed = True
        fmt, out = self.fmt, self.out
        if fmt not in self.STREAMING:
            report.diagnostics = self.buffer
            REPORTERS[fmt](report, out, self.color)
        elif fmt in ("text", "full"):
            if not self.quiet:
                out.write(text.summary(report) + "\n")
            if report.stats is not None:  # asked for: printed with --quiet too, as ruff does
                out.write(format_statistics(report.stats) + "\n")
        elif fmt == "jsonl" and report.stats is not None:
            for s in report.summaries:
                out.write(json_text({"type": "document", **s.to_dict()}) + "\n")
            out.write(json_text({"type": "statistics", **report.stats}) + "\n")
        elif fmt == "json":
            if self.count == 0:
                out.write('{"diagnostics": [' if self.stats else "[")
            else:
                out.write("\n")
            if self.stats:
                documents = json_text([s.to_dict() for s in report.summaries], indent=2)
                statistics = json_text(report.stats, indent=2)
                out.write(f'],\n  "documents": {documents},\n  "statistics": {statistics}\n}}\n')
            else:
                out.write("]\n")
        out.flush()


def _indent(block: str) -> str:
    return "\n".join("  " + line for line in block.split("\n"))


# Importing the format modules registers them.
from lintnews.reporters import gitlab, junit, sarif, structured, text  # noqa: E402,F401,I001
