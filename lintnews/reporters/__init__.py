"""Reporters: write a run's diagnostics in one output format.

Each format is a function ``(report, stream, color) -> None`` registered in `REPORTERS` under its
``--format`` name. A run does not keep its diagnostics: it hands each one, as it is found, to a
`StreamWriter`, which writes the line-oriented formats (text, full, json, jsonl, github) at once
and buffers only for the formats that need the whole run (sarif, junit, gitlab, html).

The modules of the whole-run formats are imported when their format is asked for
(`reporter_for`): SARIF's needs `importlib.metadata` (and with it `email`), JUnit's an XML
library, and a re-run answered from the cache costs little more than starting Python, so every
module imported at start-up shows (about 30 ms of a 0.5 s run on the 20 MB crawl corpus).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TextIO

from lintnews.diagnostics import Diagnostic
from lintnews.fixes.apply import FixPolicy
from lintnews.gate import format_statistics
from lintnews.reporters import structured, text
from lintnews.reporters.base import REPORTERS, Report, Reporter, json_text
from lintnews.reporters.formatted import DocumentFormat, FormattedDocument, format_diagnostic
from lintnews.sources import InputError

#: The module of each whole-run format, which registers it in `REPORTERS` when imported.
_WHOLE_RUN = {"sarif": "sarif", "junit": "junit", "gitlab": "gitlab", "html": "html"}


def reporter_for(fmt: str) -> Reporter:
    """The reporter of format ``fmt`` (KeyError for a format there is none of), its module
    imported now if it is a whole-run format's."""
    if fmt not in REPORTERS and fmt in _WHOLE_RUN:
        importlib.import_module(f"lintnews.reporters.{_WHOLE_RUN[fmt]}")
    return REPORTERS[fmt]


class StreamWriter:
    """Writes diagnostics in format ``fmt`` as they arrive; `close` writes what follows them
    (summary, statistics) or, for whole-run formats, everything."""

    STREAMING = ("text", "full", "json", "jsonl", "github")
    #: Formats that carry ``--statistics`` in the report itself (the others: on stderr).
    WITH_STATISTICS = ("text", "full", "json", "jsonl")

    def __init__(
        self,
        fmt: str,
        out: TextIO,
        color: bool = False,
        quiet: bool = False,
        stats: bool = False,
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
        #: Formatted text of diagnostics not written yet (`flush`).
        self.held: list[str] = []
        #: What `write` calls when it holds 1,000 diagnostics (a long corpus phase): `flush`, or
        #: the run's flush that clears the progress bars around it.
        self.when_full: Callable[[], object] = self.flush
        self.count = 0
        self.closed = False

    def write(self, d: Diagnostic) -> None:
        """Format ``d``; the line-oriented formats hold its text until `flush` (the run flushes
        after each document: one write a document, not one a diagnostic, which on an
        unbuffered stream, ``PYTHONUNBUFFERED``, is one system call each)."""
        if self.fmt not in self.STREAMING:
            self.buffer.append(d)
            return
        self._hold(format_diagnostic(d, self.fmt, self.color, self.quiet, self.unsafe_fixes), 1)

    def write_formatted(self, document: FormattedDocument) -> None:
        """What `write` writes for each of a document's diagnostics, formatted already (by a
        worker process: `document_format`)."""
        self._hold(document.text, document.tally.total)

    def document_format(self, policy: FixPolicy) -> DocumentFormat | None:
        """How a worker formats a document's diagnostics as `write` would, the run offering
        fixes by ``policy`` (None: a whole-run format, which keeps the diagnostics)."""
        if self.fmt not in self.STREAMING:
            return None
        return DocumentFormat(self.fmt, self.color, self.quiet, self.unsafe_fixes, policy)

    def _hold(self, text: str, count: int) -> None:
        """Hold ``text``, the formatted text of ``count`` diagnostics (json: array elements
        joined by their separator, preceded here by the array's opening or a separator)."""
        put = self.held.append
        if self.fmt == "json":  # an array, opened lazily, one pretty-printed object per element
            if self.count == 0:
                put('{"diagnostics": [\n' if self.stats else "[\n")
            else:
                put(",\n")
        put(text)
        self.count += count
        if len(self.held) >= 1000:
            self.when_full()

    def flush(self, _: object = None) -> None:
        """Write what `write` holds (the run calls this after each document's diagnostics)."""
        if self.held:
            self.out.write("".join(self.held))
            self.held.clear()

    def error(self, error: InputError) -> None:
        """An input error, as it happens: ``github`` makes it an annotation (the other formats
        carry errors at the end, or leave them to stderr)."""
        if self.fmt == "github":
            self.flush()
            self.out.write(structured.github_error_line(error))

    def abort(self) -> None:
        """The run stopped (an error, an interrupt) before `close`: end a ``json`` array that was
        begun, or print an empty one, so standard output still holds valid JSON: the findings
        reported before the run stopped (the exit code says it did)."""
        self.flush()
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
        self.flush()
        self.closed = True
        fmt, out = self.fmt, self.out
        if fmt not in self.STREAMING:
            report.diagnostics = self.buffer
            reporter_for(fmt)(report, out, self.color)
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
                documents = json_text([s.to_dict() for s in report.summaries], indent=True)
                statistics = json_text(report.stats, indent=True)
                out.write(f'],\n  "documents": {documents},\n  "statistics": {statistics}\n}}\n')
            else:
                out.write("]\n")
        out.flush()
