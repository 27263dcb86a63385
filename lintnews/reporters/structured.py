"""Machine formats: ``json`` (the documented contract), ``jsonl``, ``github`` annotations."""

from __future__ import annotations

import re
from typing import TextIO

from lintnews.diagnostics import Diagnostic, Severity
from lintnews.reporters.base import Report, diagnostic_json, floats_in, json_text, printable, reporter
from lintnews.sources import InputError


@reporter("json")
def write_json(report: Report, out: TextIO, color: bool) -> None:
    """An array of diagnostics; with ``--statistics``, an object holding that array as
    ``diagnostics`` beside ``documents`` (per-document scores) and ``statistics``."""
    diagnostics = [d.to_dict() for d in report.diagnostics]
    floats = [d.similarity for d in report.diagnostics]  # (`diagnostic_json`)
    if report.stats is None:
        out.write(json_text(diagnostics, True, floats))
    else:
        data = {
            "diagnostics": diagnostics,
            "documents": [s.to_dict() for s in report.summaries],
            "statistics": report.stats,
        }
        out.write(json_text(data, True, floats + floats_in([data["documents"], data["statistics"]])))
    out.write("\n")


@reporter("jsonl")
def write_jsonl(report: Report, out: TextIO, color: bool) -> None:
    """One diagnostic object per line; with ``--statistics`` also one ``{"type": "document", ...}``
    line per document and a final ``{"type": "statistics", ...}`` line."""
    for d in report.diagnostics:
        out.write(diagnostic_json(d) + "\n")
    if report.stats is not None:
        for s in report.summaries:
            out.write(json_text({"type": "document", **s.to_dict()}) + "\n")
        out.write(json_text({"type": "statistics", **report.stats}) + "\n")


def _escape_data(s: str) -> str:
    # No terminal escapes in the Actions log; line breaks are the annotation's own (%0A).
    s = "".join(part if part in ("\r", "\n") else printable(part) for part in re.split("([\r\n])", s))
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github_line(d: Diagnostic) -> str:
    record = f" (record {d.record})" if d.record is not None else ""
    title = f"{d.code} {d.name}"
    props = f"file={_escape_prop(d.path)},line={d.file_line},"
    if d.record is None:
        props += f"endLine={d.end_line},col={d.column},"
    props += f"title={_escape_prop(title)}"
    return f"::{_LEVELS[d.severity]} {props}::{_escape_data(f'{d.code} {d.message}{record}')}\n"


def github_error_line(error: InputError) -> str:
    """An input error as an error annotation on its file (and line), so a pull request shows it."""
    props = f"file={_escape_prop(error.path)},"
    if error.line is not None:
        props += f"line={error.line},"
    props += f"title={_escape_prop('lintnews: input error')}"
    return f"::error {props}::{_escape_data(str(error))}\n"


@reporter("github")
def write_github(report: Report, out: TextIO, color: bool) -> None:
    for d in report.diagnostics:
        out.write(github_line(d))
    for e in report.errors:
        out.write(github_error_line(e))
