"""``sarif``: SARIF 2.1.0, the format GitHub code scanning and most IDE viewers read.

One run with the lintnews driver, a ``rules`` entry (with the rule's documentation as help text)
for every rule that reported something, and one result per diagnostic. Paths become URIs
relative to the working directory (``%SRCROOT%``). A JSONL record's diagnostics point at the
record's physical line in the file; the record id and the position inside the record's text go
into ``properties`` and a logical location. Input errors become tool execution notifications.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from lintnews import __version__
from lintnews.diagnostics import SNIPPET_CHARS, Diagnostic, Location, Severity
from lintnews.registry import Rule, all_rules
from lintnews.reporters.base import Report, json_text, reporter
from lintnews.sources import kind_of

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
#: Used when the installed package declares no homepage (``[project.urls]`` in pyproject.toml).
FALLBACK_INFORMATION_URI = "https://pypi.org/project/lintnews/"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "lintnews/v1"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


@functools.lru_cache(maxsize=1)
def information_uri() -> str:
    """The project's homepage from the installed package's metadata."""
    try:
        meta = importlib.metadata.metadata("lintnews")
    except importlib.metadata.PackageNotFoundError:
        return FALLBACK_INFORMATION_URI
    urls = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    for label in ("homepage", "documentation", "repository", "source"):
        if urls.get(label, "").startswith(("https://", "http://")):
            return urls[label]
    home = meta["Home-page"] if "Home-page" in meta else ""
    return home if home.startswith(("https://", "http://")) else FALLBACK_INFORMATION_URI


def artifact_uri(path: str, cwd: str | None = None) -> tuple[str, bool]:
    """``(uri, relative)``: a path as a URI reference relative to ``cwd`` with forward slashes,
    or an absolute ``file:`` URI when it lies outside ``cwd``."""
    if path == "-":
        return "-", True
    cwd = cwd or os.getcwd()
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, cwd)
    except ValueError:  # another drive (Windows)
        rel = None
    if rel is None or rel == ".." or rel.startswith(".." + os.sep):
        return Path(absolute).as_uri(), False
    # The bytes of the name, percent-encoded: exact even for a name that is not UTF-8.
    return quote(os.fsencode(rel.replace(os.sep, "/")), safe="/"), True


def fingerprints(diagnostics: list[Diagnostic], cwd: str | None = None) -> list[str]:
    """A stable fingerprint per diagnostic: a hash of code, path, record and offending text
    (never line numbers), with an occurrence number so identical findings stay distinct."""
    seen: Counter[str] = Counter()
    out = []
    for d in diagnostics:
        uri, _ = artifact_uri(d.path, cwd)
        key = "\0".join([d.code, uri, d.record or "", " ".join(d.snippet.split())])
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        seen[digest] += 1
        out.append(f"{digest}:{seen[digest]}")
    return out


def _artifact(path: str, cwd: str) -> dict[str, Any]:
    uri, relative = artifact_uri(path, cwd)
    return {"uri": uri, "uriBaseId": SRCROOT} if relative else {"uri": uri}


def what_it_does(doc: str) -> str:
    """The body of a rule docstring's ``## What it does`` section (the whole text without one)."""
    match = re.search(r"^##\s*What it does\s*\n(.*?)(?=^##\s|\Z)", doc, re.DOTALL | re.MULTILINE)
    return (match.group(1) if match else doc).strip()


def _descriptor(code: str, name: str, rule: Rule | None) -> dict[str, Any]:
    if rule is None:
        return {"id": code, "name": name}
    doc = rule.doc or rule.summary or name
    short = rule.summary or rule.name
    description = what_it_does(doc) or short
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": description, "markdown": description},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.default},
        "properties": {"fixable": rule.fix_applicability or "none"},
    }


def _record_logical(path: str, record: str) -> dict[str, Any]:
    return {"name": record, "fullyQualifiedName": f"{path}#{record}", "kind": "object"}


def _related(i: int, d: Diagnostic, r: Location, cwd: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact(r.path, cwd)}
    loc: dict[str, Any] = {"id": i, "physicalLocation": physical}
    if r.record is None:
        physical["region"] = {"startLine": r.line, "startColumn": r.column}
        loc["message"] = {"text": f"Related location (line {r.line})"}
    else:
        if r.path == d.path and r.record == d.record and d.record_line is not None:
            physical["region"] = {"startLine": d.record_line}
        loc["logicalLocations"] = [_record_logical(r.path, r.record)]
        loc["properties"] = {"record": r.record, "recordLine": r.line, "recordColumn": r.column}
        loc["message"] = {"text": f"Related location (record {r.record}, line {r.line})"}
    return loc


def _result(d: Diagnostic, rule_index: int, fingerprint: str, cwd: str) -> dict[str, Any]:
    artifact = _artifact(d.path, cwd)
    properties: dict[str, Any] = {"name": d.name, "severity": str(d.severity)}
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact}}
    region: dict[str, Any]
    message = d.message
    if d.record is None:
        region = {
            "startLine": d.line,
            "startColumn": d.column,
            "endLine": d.end_line,
            "endColumn": d.end_column,
        }
    else:
        # The record's text is one JSON string on one physical line: point at that line, and
        # keep the position inside the record's text as properties.
        line = d.record_line if d.record_line is not None else 1
        region = {"startLine": line, "endLine": line}
        location["logicalLocations"] = [_record_logical(d.path, d.record)]
        properties.update(
            record=d.record,
            recordLine=d.line,
            recordColumn=d.column,
            recordEndLine=d.end_line,
            recordEndColumn=d.end_column,
        )
        message = f"{d.message} (record {d.record}, line {d.line}, column {d.column})"
    if d.snippet:
        text = region_text(d) if d.record is None and kind_of(d.path) != "html" else None
        if text is not None:
            region["snippet"] = {"text": text}
        else:  # not the file's text at that region (markup, JSON), or cut before its end
            properties["text"] = d.snippet
    location["physicalLocation"]["region"] = region
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": LEVELS[d.severity],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if d.related:
        result["relatedLocations"] = [_related(i, d, r, cwd) for i, r in enumerate(d.related, start=1)]
    if d.fix is not None:
        properties["fix"] = {"title": d.fix.title, "safe": d.fix.safe}
        if d.fix_edits and d.record is None:  # a record's edits are inside its text, not file lines
            kind = "safe" if d.fix.safe else "unsafe"
            replacements = []
            for line, col, end_line, end_col, text in d.fix_edits:
                replacement: dict[str, Any] = {
                    "deletedRegion": {
                        "startLine": line,
                        "startColumn": col,
                        "endLine": end_line,
                        "endColumn": end_col,
                    }
                }
                if text:
                    replacement["insertedContent"] = {"text": text}
                replacements.append(replacement)
            result["fixes"] = [
                {
                    "description": {"text": f"{d.fix.title} ({kind} fix)"},
                    "artifactChanges": [{"artifactLocation": artifact, "replacements": replacements}],
                }
            ]
    result["properties"] = properties
    return result


#: How much of a corpus diagnostic's first line (its region) the corpus phase keeps.
TITLE_CHARS = 100


def region_text(d: Diagnostic) -> str | None:
    """The text of ``d``'s region (what SARIF's ``region.snippet`` must be), for a plain file
    (where text and source coordinates agree); None when lintnews does not hold all of it.

    A per-document rule's snippet holds the lines the diagnostic spans (their first 200
    characters): the region is cut out of them, or kept apart (``region_text``) when the snippet
    ends first. lintnews's own diagnostics (E9: the comment's text) and the corpus rules' (the
    first line, stripped) keep the region's text itself as their snippet."""
    if d.region_text is not None:
        return d.region_text
    rule = all_rules().get(d.code)
    if d.code.startswith("E9") or (rule is not None and rule.corpus):
        limit = TITLE_CHARS if rule is not None and rule.corpus else SNIPPET_CHARS
        return d.snippet if len(d.snippet) < limit else None
    lines = d.snippet.split("\n")
    span = d.end_line - d.line
    if span < 0 or span >= len(lines):
        return None
    end = d.end_column - 1
    if len(d.snippet) >= SNIPPET_CHARS and (span == len(lines) - 1 and end > len(lines[span])):
        return None  # the snippet was cut inside the region, which is too long to keep apart
    if span == 0:
        return lines[0][d.column - 1 : end]
    return "\n".join([lines[0][d.column - 1 :], *lines[1:span], lines[span][:end]])


def _notification(error: Any, cwd: str) -> dict[str, Any]:
    note: dict[str, Any] = {"level": "error", "message": {"text": str(error)}}
    physical: dict[str, Any] = {"artifactLocation": _artifact(error.path, cwd)}
    if error.line is not None:
        physical["region"] = {"startLine": error.line}
    note["locations"] = [{"physicalLocation": physical}]
    if error.record is not None:
        note["locations"][0]["logicalLocations"] = [_record_logical(error.path, error.record)]
    return note


def sarif_log(report: Report, cwd: str | None = None) -> dict[str, Any]:
    """The SARIF log of a run, as a JSON-ready dict."""
    cwd = cwd or os.getcwd()
    codes = sorted({(d.code, d.name) for d in report.diagnostics})
    index = {code: i for i, (code, _) in enumerate(codes)}
    known = all_rules() if report.rules is None else report.rules
    rules = [_descriptor(code, name, known.get(code)) for code, name in codes]
    prints = fingerprints(report.diagnostics, cwd)
    results = [_result(d, index[d.code], fp, cwd) for d, fp in zip(report.diagnostics, prints)]
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [_notification(e, cwd) for e in report.errors]
    base = Path(cwd).resolve().as_uri()
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "lintnews",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": information_uri(),
                "rules": rules,
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": {SRCROOT: {"uri": base if base.endswith("/") else base + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


@reporter("sarif")
def write_sarif(report: Report, out: TextIO, color: bool) -> None:
    out.write(json_text(sarif_log(report), indent=True))
    out.write("\n")
