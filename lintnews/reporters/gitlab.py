"""``gitlab``: the GitLab Code Quality report (a subset of the Code Climate issue format).

A JSON array of ``{description, check_name, fingerprint, severity, location: {path, lines:
{begin, end}}}``. Fingerprints hash the SARIF ones (code, path, record and offending text, never
line numbers), so an unchanged finding keeps its identity across merge requests. A JSONL record's
findings point at the record's physical line.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any, TextIO

from lintnews.diagnostics import Diagnostic, Severity
from lintnews.reporters.base import Report, json_text, reporter
from lintnews.reporters.sarif import fingerprints

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _path(path: str, cwd: str) -> str:
    if path == "-":
        return path
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, cwd)
    except ValueError:
        return absolute
    if rel == ".." or rel.startswith(".." + os.sep):
        return absolute
    return rel.replace(os.sep, "/")


def _issue(d: Diagnostic, fingerprint: str, cwd: str) -> dict[str, Any]:
    if d.record is None:
        begin, end = d.line, d.end_line
        description = f"{d.code} {d.message}"
    else:
        begin = end = d.file_line
        description = f"{d.code} {d.message} (record {d.record}, line {d.line})"
    return {
        "description": description,
        "check_name": d.code,
        "fingerprint": hashlib.sha256(fingerprint.encode()).hexdigest()[:32],
        "severity": SEVERITIES[d.severity],
        "location": {"path": _path(d.path, cwd), "lines": {"begin": begin, "end": end}},
    }


@reporter("gitlab")
def write_gitlab(report: Report, out: TextIO, color: bool) -> None:
    cwd = os.getcwd()
    prints = fingerprints(report.diagnostics, cwd)
    issues = [_issue(d, fp, cwd) for d, fp in zip(report.diagnostics, prints)]
    out.write(json_text(issues, indent=True))
    out.write("\n")
