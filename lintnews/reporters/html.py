"""``html``: one self-contained page to look at a run (``--format html``, ``lintnews report``).

The page is a single file that works offline: CSS and vanilla JavaScript inline (allowed by a
Content-Security-Policy that names their hashes and nothing else, so the page makes no request),
and the run embedded as JSON in a ``<script type="application/json">`` element. Every ``<`` in
that JSON is written as ``\\u003c``, so no article text can close the element, and the script
inserts all text with ``textContent``: scraped text is hostile.

There is one renderer, `render`, and it takes the run as the ``json`` format writes it (the
diagnostic objects of the JSON contract, with ``--statistics`` the per-document summaries):
``check --format html`` hands it its diagnostics as those objects, and ``lintnews report
RUN.json`` reads them back from the file (`load_run`), so both give the same page for the same
run. The diagnostics are packed into arrays of interned strings to keep a 100,000-finding page
small, and the page shows one page of rows at a time.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any, TextIO

from lintnews.registry import all_rules
from lintnews.reporters.base import Report, reporter
from lintnews.sources import kind_of

SEVERITIES = ("error", "warning", "info")
#: Score below which a document counts as "below score" until the reader picks another threshold.
DEFAULT_THRESHOLD = 80
_SURROGATE = re.compile("[\ud800-\udfff]")
_REQUIRED = {"path": str, "line": int, "column": int, "code": str, "severity": str, "message": str}


class RunFileError(Exception):
    """A run file that cannot be read as lintnews JSON output (one line, naming the file)."""


@reporter("html")
def write_html(report: Report, out: TextIO, color: bool) -> None:
    documents = [s.to_dict() for s in report.summaries] if report.stats is not None else None
    out.write(render((d.to_dict() for d in report.diagnostics), documents))


# --- reading a run file -------------------------------------------------------------------


def load_run(path: str, text: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]] | None]:
    """The diagnostics and the per-document summaries (None without ``--statistics``) of what
    ``--format json`` (an array, or with ``--statistics`` an object) or ``--format jsonl``
    wrote; `RunFileError` naming ``path`` (and the diagnostic or line) when it is not that."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        if text.lstrip().startswith("{") and "\n" in text.strip():
            return _load_jsonl(path, text)
        raise RunFileError(f"{path}: not a lintnews JSON run: {exc}") from None
    if isinstance(data, dict) and "diagnostics" in data:
        diagnostics, documents = data["diagnostics"], data.get("documents")
        if not isinstance(documents, (list, type(None))):
            raise RunFileError(f"{path}: `documents` is not a list")
    elif isinstance(data, dict) and "code" in data:  # JSONL output holding a single diagnostic
        diagnostics, documents = [data], None
    elif isinstance(data, list):
        diagnostics, documents = data, None
    else:
        raise RunFileError(
            f"{path}: not a lintnews JSON run: expected the array (or, with --statistics, the object) "
            "that `lintnews check --output-format json` writes"
        )
    if not isinstance(diagnostics, list):
        raise RunFileError(f"{path}: `diagnostics` is not a list")
    for i, d in enumerate(diagnostics, start=1):
        _check_diagnostic(path, f"diagnostic {i}", d)
    for i, s in enumerate(documents or [], start=1):
        if not isinstance(s, dict) or not isinstance(s.get("path"), str) or not _is_int(s.get("score")):
            raise RunFileError(
                f"{path}: document {i}: not a document summary (`path` and an integer `score`)"
            )
    return diagnostics, documents


def _load_jsonl(path: str, text: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]] | None]:
    diagnostics: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] | None = None
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise RunFileError(f"{path}:{n}: not valid JSON: {exc}") from None
        kind = obj.get("type") if isinstance(obj, dict) else None
        if kind == "document":
            if not isinstance(obj.get("path"), str) or not _is_int(obj.get("score")):
                raise RunFileError(f"{path}:{n}: not a document summary (`path` and an integer `score`)")
            documents = documents if documents is not None else []
            documents.append(obj)
        elif kind == "statistics":
            documents = documents if documents is not None else []
        else:
            _check_diagnostic(path, f"line {n}", obj)
            diagnostics.append(obj)
    return diagnostics, documents


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_diagnostic(path: str, where: str, d: Any) -> None:
    if not isinstance(d, dict):
        raise RunFileError(f"{path}: {where}: not a diagnostic object")
    for key, kind in _REQUIRED.items():
        value = d.get(key)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise RunFileError(f"{path}: {where}: `{key}` is missing or not a {kind.__name__}")
    if d["severity"] not in SEVERITIES:
        raise RunFileError(f"{path}: {where}: unknown severity `{d['severity']}`")


# --- the page -----------------------------------------------------------------------------


class _Strings:
    """Interns the strings that repeat (paths, codes, messages, fix titles) as indexes."""

    def __init__(self) -> None:
        self.table: list[str] = []
        self.index: dict[str, int] = {}

    def __call__(self, s: str) -> int:
        i = self.index.get(s)
        if i is None:
            i = self.index[s] = len(self.table)
            self.table.append(s)
        return i


def _location(strings: _Strings, loc: Any) -> list[Any] | None:
    if not isinstance(loc, dict) or not isinstance(loc.get("path"), str):
        return None
    return [strings(loc["path"]), loc.get("record"), loc.get("line"), loc.get("column")]


def pack(diagnostics: Iterable[dict[str, Any]], documents: list[dict[str, Any]] | None) -> dict[str, Any]:
    """The page's data: each diagnostic as one array (see ``COLUMNS`` in ``report.js``) with
    its repeated strings interned, the rules that reported, and the document scores."""
    strings = _Strings()
    rows: list[list[Any]] = []
    names: dict[str, str] = {}
    doc_scores: dict[tuple[str, Any], Any] = {}
    for d in diagnostics:
        fix = d.get("fix")
        packed_fix = None
        if isinstance(fix, dict):
            edits = [
                [
                    e.get("line"),
                    e.get("column"),
                    e.get("end_line"),
                    e.get("end_column"),
                    e.get("content", ""),
                    e.get("original"),
                ]
                for e in fix.get("edits") or []
                if isinstance(e, dict)
            ]
            packed_fix = [strings(str(fix.get("title", ""))), 1 if fix.get("safe") else 0, edits or None]
        record = d.get("record")
        path = d["path"]
        # Columns index the snippet only where source and text coordinates agree: plain text
        # and Markdown files (HTML positions are in the markup; a JSONL record's text may be HTML),
        # or wherever the fix's edits are known (they are only given in text coordinates).
        text_coordinates = (record is None and kind_of(path) in ("text", "markdown")) or bool(
            packed_fix and packed_fix[2]
        )
        similarity = d.get("similarity")
        rows.append(
            [
                strings(path),
                record,
                d["line"],
                d["column"],
                d.get("end_line", d["line"]),
                d.get("end_column", d["column"]),
                strings(d["code"]),
                SEVERITIES.index(d["severity"]),
                strings(d["message"]),
                d.get("document_score"),
                d.get("snippet") or "",
                packed_fix,
                [loc for loc in (_location(strings, r) for r in d.get("related") or []) if loc is not None],
                similarity
                if isinstance(similarity, (int, float)) and not isinstance(similarity, bool)
                else None,
                _location(strings, d.get("kept")),
                1 if text_coordinates else 0,
            ]
        )
        names.setdefault(d["code"], str(d.get("name", "")))
        if documents is None and d.get("document_score") is not None:
            doc_scores.setdefault((path, record), d["document_score"])
    known = all_rules()
    rules = {
        code: {
            "name": known[code].name if code in known else names[code],
            "summary": known[code].summary if code in known else "",
            "severity": str(known[code].severity) if code in known else "",
        }
        for code in sorted(names)
    }
    if documents is not None:
        scores = [s["score"] for s in documents]
        complete = True
    else:  # without --statistics: only the documents with findings are known
        scores = list(doc_scores.values())
        complete = False
    # as in the text summary, corpus findings (N) count: a summary's count leaves them out
    with_findings = len({(r[0], r[1]) for r in rows})
    return {
        "version": 1,
        "strings": strings.table,
        "rules": rules,
        "diagnostics": rows,
        "documents": {
            "count": len(scores) if complete else None,
            "with_findings": with_findings,
            "scores": scores,
            "complete": complete,
        },
        "threshold": DEFAULT_THRESHOLD,
    }


def embed_json(data: Any) -> str:
    """JSON that can sit inside a ``<script>`` element: ``<`` (so no ``</script>`` or
    ``<!--``), ``>`` and ``&`` escaped, lone surrogates (undecodable input) as escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _asset(name: str) -> str:
    return (
        resources.files("lintnews.reporters")
        .joinpath("html_assets")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def render(diagnostics: Iterable[dict[str, Any]], documents: list[dict[str, Any]] | None) -> str:
    """The whole page for a run: ``diagnostics`` as JSON-contract objects, ``documents`` the
    per-document summaries (None when the run did not keep them)."""
    css, js, body = _asset("report.css"), _asset("report.js"), _asset("report.html")
    csp = (
        "default-src 'none'; "
        f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    data = embed_json(pack(diagnostics, documents))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="lintnews">\n'
        "<title>lintnews report</title>\n"
        f"<style>{css}</style>\n</head>\n<body>\n{body}"
        f'<script type="application/json" id="lintnews-data">{data}</script>\n'
        f"<script>{js}</script>\n</body>\n</html>\n"
    )
