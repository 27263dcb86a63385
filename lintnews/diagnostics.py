"""What lintnews reports: severities, fixes and their edits, locations, and the `Diagnostic`.

Plain data with no behaviour beyond serialising itself; it imports nothing of lintnews, so every
other module (rules, engine, corpus, reporters, cache) can depend on it without a cycle.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

#: How much of the lines it spans a diagnostic keeps as its ``snippet``; the longest region text
#: kept beside it when the snippet ends first.
SNIPPET_CHARS, REGION_CHARS = 200, 1000


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


_set = object.__setattr__


@dataclass(frozen=True, init=False)
class Edit:
    """Replace ``text[start:end]`` (character offsets in `Document.text`) with ``replacement``."""

    start: int
    end: int
    replacement: str = ""

    def __init__(self, start: int, end: int, replacement: str = "") -> None:
        # The fields in one dictionary set at once: a frozen dataclass's own `__init__` sets each
        # through `object.__setattr__`, most of its cost; one or two a finding, made by rules,
        # the cache's row decoder and unpickling (`Violation` does the same).
        _set(self, "__dict__", {"start": start, "end": end, "replacement": replacement})

    # (`__reduce__` here and below: results travel from worker processes to the main one
    # pickled, and the default pickling of a (frozen, slotted) dataclass, through copyreg and
    # `dataclasses.fields`, cost 20 us a diagnostic; see `Diagnostic.__reduce__`.)
    def __reduce__(self) -> tuple[Any, ...]:
        return Edit, (self.start, self.end, self.replacement)


@dataclass(frozen=True, init=False)
class Fix:
    """A titled set of edits. ``safe`` fixes run with ``--fix``; unsafe ones need ``--unsafe-fixes``."""

    title: str
    edits: tuple[Edit, ...]
    safe: bool = True

    def __init__(self, title: str, edits: tuple[Edit, ...], safe: bool = True) -> None:
        _set(self, "__dict__", {"title": title, "edits": edits, "safe": safe})  # (see `Edit`)

    def __reduce__(self) -> tuple[Any, ...]:
        return Fix, (self.title, self.edits, self.safe)


@dataclass(frozen=True)
class RelatedLocation:
    """Another place a violation refers to, in 0-based text coordinates of the same document
    unless ``path`` is given (corpus rules point into other documents)."""

    line: int
    column: int = 0
    path: str | None = None
    record: str | None = None
    #: Already-mapped 1-based source position, for locations in other documents.
    source_line: int | None = None
    source_column: int | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """A 1-based position in a file (and record)."""

    path: str
    record: str | None
    line: int
    column: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "record": self.record, "line": self.line, "column": self.column}

    def __reduce__(self) -> tuple[Any, ...]:
        return Location, (self.path, self.record, self.line, self.column)


@dataclass(slots=True)  # slots: a large run holds many (a third of the memory of a dict-based object)
class Diagnostic:
    """One finding as reported: source coordinates are 1-based, ``end_line`` inclusive and
    ``end_column`` exclusive (the column just after the last character)."""

    path: str
    record: str | None
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    fix: Fix | None = None
    related: list[Location] = field(default_factory=list)
    #: 1-based line of the JSONL record in its file (None for plain files).
    record_line: int | None = None
    #: The offending text (first 200 characters), for reporters that show it and for baselines:
    #: the lines the diagnostic spans (lintnews's own E9 and corpus diagnostics: the region).
    snippet: str = ""
    #: Quality score (0-100) of the document the diagnostic is in (see `lintnews.gate.score`).
    document_score: int | None = None
    #: The fix's edits as 1-based source regions ``(line, column, end_line, end_column, text)``
    #: (end exclusive), only where text and source coordinates agree: plain files (SARIF) and
    #: the text of JSONL records (positions inside the record's text, as in JSON output).
    fix_edits: tuple[tuple[int, int, int, int, str], ...] = ()
    #: The region's own text, only when ``snippet`` was cut before the region's end (a word at
    #: the end of a long line), in a plain file, and up to `REGION_CHARS` long (SARIF's snippet).
    region_text: str | None = None
    #: The text each of ``fix_edits`` replaces (JSON ``fix.edits[].original``, the HTML report's diffs).
    fix_replaced: tuple[str, ...] = ()
    #: Corpus duplicates (N001, N002): Jaccard similarity of the shingles with the nearest copy
    #: (1.0 for an exact duplicate), and where the kept copy of the cluster is.
    similarity: float | None = None
    kept: Location | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its field values in order, the severity as its number and the fix as a
        tuple (`_diagnostic` makes it again): worker processes send every diagnostic to the main
        one, and the default (copyreg, the `Severity` enum's own reduction, `Fix` and `Edit` as
        dataclasses) cost ~20 us to pickle and ~12 to unpickle a diagnostic, a tenth of the
        CPU of a two-worker run on the crawl corpus."""
        fix = self.fix
        return _diagnostic, (
            self.path,
            self.record,
            self.line,
            self.column,
            self.end_line,
            self.end_column,
            self.code,
            self.name,
            int(self.severity),  # (`.value` is a Python-level property: 1 us)
            self.message,
            None
            if fix is None
            else (fix.title, [(e.start, e.end, e.replacement) for e in fix.edits], fix.safe),
            self.related,
            self.record_line,
            self.snippet,
            self.document_score,
            self.fix_edits,
            self.region_text,
            self.fix_replaced,
            self.similarity,
            self.kept,
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "record": self.record,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "fix": None if self.fix is None else {"title": self.fix.title, "safe": self.fix.safe},
            "related": [r.to_dict() for r in self.related],
            "document_score": self.document_score,
        }
        # Keys added after the first contract (consumers ignore keys they do not know).
        out["snippet"] = self.snippet
        if self.fix_edits and out["fix"] is not None:
            out["fix"]["edits"] = [
                {
                    "line": line,
                    "column": col,
                    "end_line": end_line,
                    "end_column": end_col,
                    "content": text,
                    "original": original,
                }
                for (line, col, end_line, end_col, text), original in zip(self.fix_edits, self.fix_replaced)
            ]
        if self.similarity is not None:
            out["similarity"] = self.similarity
        if self.kept is not None:
            out["kept"] = self.kept.to_dict()
        return out

    @property
    def file_line(self) -> int:
        """The physical line in the file: the record's line for JSONL, else the diagnostic's."""
        return self.record_line if self.record_line is not None else self.line


#: What a one-line report (``text``) shows of a diagnostic, as the result cache gives it to a
#: re-run that only reports (`lintnews.cache.rows`, `lintnews.reporters.formatted`), without
#: making the diagnostic: ``(line, column, code, severity, message, fix)``, where ``fix`` is
#: None when there is none, else whether it is safe.
Brief = tuple[int, int, str, Severity, str, "bool | None"]

#: Every severity by its number (what pickles and cache entries carry).
SEVERITY_BY_NUMBER = {s.value: s for s in Severity}


def _diagnostic(*values: Any) -> Diagnostic:
    """A `Diagnostic` from what `Diagnostic.__reduce__` gave."""
    fields = list(values)
    fields[8] = SEVERITY_BY_NUMBER[fields[8]]
    fix = fields[10]
    if fix is not None:
        title, edits, safe = fix
        fields[10] = Fix(title, tuple([Edit(start, end, text) for start, end, text in edits]), safe)
    return Diagnostic(*fields)
