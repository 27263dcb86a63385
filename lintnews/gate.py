"""Gating a pipeline on lint results: document scores, baselines, statistics, corpus splitting.

Score of a document (0–100): every diagnostic costs its severity weight (error 1.0, warning 0.5,
info 0.1) times ``0.03 + covered``, where ``covered`` is the share of the document's characters on
the lines the diagnostic spans. A single warning on one line of a long article costs about 2
points; an error spanning half the article costs about 53. Score = ``round(100 * (1 - cost))``,
floored at 0.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson

from lintnews import atomic
from lintnews.diagnostics import Diagnostic, Severity
from lintnews.document import Document
from lintnews.files import MiB, UnreadableFile, read_regular
from lintnews.sources import SpooledRecord, copy_line, write_record
from lintnews.textnorm import normalize

WEIGHTS = {Severity.ERROR: 1.0, Severity.WARNING: 0.5, Severity.INFO: 0.1}
BASE_COST = 0.03


def score(doc: Document, diagnostics: Iterable[Diagnostic]) -> int:
    """Quality score of ``doc`` given its diagnostics (see the module docstring)."""
    total = max(len(doc.text), 1)
    lines = doc.lines
    html = doc.kind == "html"
    # (the lines' lengths, each with its line break, summed as the difference of two line
    # starts: a sum over the covered lines cost ~1 % of a run, a comment thread or a footer
    # spanning hundreds of them)
    starts = doc.line_starts if diagnostics and not html else ()
    cost = 0.0
    for d in diagnostics:
        if html:
            covered = len(d.snippet)  # source lines of markup do not measure text
        else:
            first, last = max(d.line - 1, 0), min(d.end_line, len(lines))
            covered = starts[last - 1] + len(lines[last - 1]) + 1 - starts[first] if last > first else 0
        cost += WEIGHTS[d.severity] * (BASE_COST + min(covered / total, 1.0))
    return max(0, round(100 * (1 - cost)))


@dataclass
class DocumentSummary:
    """One line of the per-document summary (JSON ``documents``, ``--statistics``)."""

    path: str
    record: str | None
    score: int
    diagnostics: int
    record_line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "record": self.record,
            "score": self.score,
            "diagnostics": self.diagnostics,
        }


# --- baselines --------------------------------------------------------------------------------


#: Format of the baseline files written: 2 stores paths relative to the baseline file's folder;
#: 1 stored them relative to the working directory of the run that wrote it (still read).
BASELINE_VERSION = 2
#: The largest baseline file read (about three million entries).
MAX_BASELINE_FILE = 512 * MiB


def _folder_of(path: str) -> str:
    """The folder of file ``path``, absolute, symbolic links resolved."""
    return os.path.realpath(os.path.dirname(os.path.abspath(path)))


def _rel(path: str, root: str | None = None) -> str:
    """``path`` relative to folder ``root``, with ``/``; without a root, as version 1 baselines
    hold it: relative to the working directory, or its bare name when outside it."""
    if path == "-":
        return path
    if root is None:
        rel = os.path.relpath(os.path.abspath(path))
        return (os.path.basename(path) if rel.startswith("..") else rel).replace(os.sep, "/")
    full = os.path.join(_folder_of(path), os.path.basename(path))
    return os.path.relpath(full, root).replace(os.sep, "/")


def fingerprint(d: Diagnostic, root: str | None = None) -> tuple[str, str, str, str]:
    """What identifies a finding across edits: file (relative to folder ``root``, the baseline's
    folder; see `_rel`), record, code and the offending text (not its line number, so edits
    elsewhere in the file do not invalidate the baseline)."""
    digest = hashlib.sha1(normalize(d.snippet).encode("utf-8")).hexdigest()[:16]
    return (_rel(d.path, root), d.record or "", d.code, digest)


class BaselineError(Exception):
    pass


class OutputError(Exception):
    """An output of the run (report, baseline, split) that cannot be written: names the path and
    says what failed. Nothing half-written is left at the path (`lintnews.atomic`)."""

    def __init__(self, path: str, what: str, exc: OSError) -> None:
        self.path = path
        self.message = f"cannot write {what}: {describe_os_error(exc)}"
        super().__init__(f"{path}: {self.message}")


def describe_os_error(exc: OSError) -> str:
    """Why an operating-system call failed, in words (``exc.strerror``, else the exception)."""
    return exc.strerror or str(exc) or type(exc).__name__


@dataclass
class Baseline:
    entries: Counter[tuple[str, str, str, str]] = field(default_factory=Counter)
    #: The folder the entries' paths are relative to (None: the working directory, version 1).
    root: str | None = None

    @classmethod
    def for_file(cls, path: str) -> Baseline:
        """An empty baseline to be written to ``path`` (paths relative to its folder)."""
        return cls(Counter(), _folder_of(path))

    @classmethod
    def from_diagnostics(cls, diagnostics: Iterable[Diagnostic], root: str | None = None) -> Baseline:
        return cls(Counter(fingerprint(d, root) for d in diagnostics), root)

    def add(self, d: Diagnostic) -> None:
        self.entries[fingerprint(d, self.root)] += 1

    @classmethod
    def load(cls, path: str) -> Baseline:
        try:
            data = orjson.loads(read_regular(path, MAX_BASELINE_FILE))
        except UnreadableFile as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
        except orjson.JSONDecodeError as exc:
            raise BaselineError(f"{path}: not a lintnews baseline file (invalid JSON: {exc})") from None
        if not isinstance(data, dict):
            raise BaselineError(f"{path}: not a lintnews baseline file (not a JSON object)")
        version = data.get("version", 1)
        if type(version) is not int or not 1 <= version <= BASELINE_VERSION:
            raise BaselineError(
                f"{path}: baseline format version {str(version)[:20]} is not one this lintnews reads "
                f"(1 to {BASELINE_VERSION})"
            )
        entries: Counter[tuple[str, str, str, str]] = Counter()
        listed = data.get("entries")
        if not isinstance(listed, list):
            raise BaselineError(f"{path}: not a lintnews baseline file (no list of entries)")
        for number, e in enumerate(listed, 1):
            key = _entry_key(e)
            if key is None:
                raise BaselineError(
                    f"{path}: entry {number}: not a baseline entry (path, record, code, hash, count)"
                )
            entries[key] += e.get("count", 1)
        # Version 1 paths are relative to the working directory of the run that wrote the file:
        # read them so (the baseline's folder, the usual working directory, is the best guess,
        # but guessing would change what an existing baseline hides).
        return cls(entries, _folder_of(path) if version >= 2 else None)

    def write(self, path: str) -> None:
        entries = [
            {"path": p, "record": r or None, "code": c, "hash": h, "count": n}
            for (p, r, c, h), n in sorted(self.entries.items())
        ]
        try:
            with atomic.atomic_open(path) as fh:
                json.dump({"version": BASELINE_VERSION, "tool": "lintnews", "entries": entries}, fh, indent=1)
                fh.write("\n")
        except OSError as exc:
            raise OutputError(path, "the baseline", exc) from None

    def start(self) -> None:
        """Begin matching a run's findings (see `known`)."""
        self._left = Counter(self.entries)
        self.matched = 0

    def known(self, d: Diagnostic) -> bool:
        """Whether ``d`` is in the baseline (each entry matches as many findings as it counts)."""
        key = fingerprint(d, self.root)
        if self._left[key] > 0:
            self._left[key] -= 1
            self.matched += 1
            return True
        return False

    @property
    def gone(self) -> int:
        """Baseline entries no finding of the run matched."""
        return sum(n for n in self._left.values() if n > 0)


def _entry_key(e: object) -> tuple[str, str, str, str] | None:
    """The key of one baseline entry, or None when it is not one (a count must be a whole
    number from 1 to 2**63 - 1)."""
    if not isinstance(e, dict):
        return None
    path, record, code, digest, count = (
        e.get("path"),
        e.get("record"),
        e.get("code"),
        e.get("hash"),
        e.get("count", 1),
    )
    if not (isinstance(path, str) and isinstance(code, str) and isinstance(digest, str)):
        return None
    if record is not None and not isinstance(record, str):
        return None
    if type(count) is not int or not 1 <= count < 2**63:
        return None
    return (path, record or "", code, digest)


# --- statistics -------------------------------------------------------------------------------


class RuleCounts:
    """Per-rule counts for ``--statistics``, accumulated as diagnostics stream past."""

    def __init__(self) -> None:
        self.rules: dict[str, dict[str, Any]] = {}

    def add(self, d: Diagnostic, fixable: bool | None = None) -> None:
        """Count ``d``; ``fixable``: whether ``--fix`` applies its fix (default: it has one)."""
        entry = self.rules.setdefault(
            d.code, {"code": d.code, "name": d.name, "count": 0, "documents": set(), "fixable": 0}
        )
        entry["count"] += 1
        entry["documents"].add((d.path, d.record))
        entry["fixable"] += d.fix is not None if fixable is None else fixable

    def statistics(self, documents: list[DocumentSummary]) -> dict[str, Any]:
        rules = [
            {**e, "documents": len(e["documents"])}
            for e in sorted(self.rules.values(), key=lambda e: (-e["count"], e["code"]))
        ]
        scores = [s.score for s in documents]
        buckets = {"100": 0, "90-99": 0, "70-89": 0, "50-69": 0, "0-49": 0}
        for s in scores:
            key = (
                "100"
                if s == 100
                else "90-99"
                if s >= 90
                else "70-89"
                if s >= 70
                else "50-69"
                if s >= 50
                else "0-49"
            )
            buckets[key] += 1
        import statistics as stats  # (here: only --statistics and the html format need it)

        return {
            "documents": len(documents),
            "documents_with_diagnostics": sum(1 for s in documents if s.diagnostics),
            "diagnostics": sum(e["count"] for e in rules),
            "rules": rules,
            "scores": {
                "min": min(scores, default=None),
                "median": stats.median(scores) if scores else None,
                "mean": round(stats.fmean(scores), 1) if scores else None,
                "histogram": buckets,
            },
        }


def statistics(diagnostics: Iterable[Diagnostic], documents: list[DocumentSummary]) -> dict[str, Any]:
    counts = RuleCounts()
    for d in diagnostics:
        counts.add(d)
    return counts.statistics(documents)


def format_statistics(data: dict[str, Any]) -> str:
    lines = []
    for r in data["rules"]:
        fix = " [*]" if r["fixable"] else ""
        docs = f"{r['documents']} document{'s' if r['documents'] != 1 else ''}"
        lines.append(f"{r['count']:>7}  {r['code']}  {r['name']:<34} in {docs}{fix}")
    sc = data["scores"]
    affected, total = data["documents_with_diagnostics"], data["documents"]
    lines.append(
        f"{affected} of {total} document{'s' if total != 1 else ''} {'has' if affected == 1 else 'have'} diagnostics; "
        f"score min {sc['min']}, median {sc['median']}, mean {sc['mean']}"
    )
    lines.append("score distribution: " + ", ".join(f"{k}: {v}" for k, v in sc["histogram"].items()))
    return "\n".join(lines)


# --- splitting a JSONL corpus into accepted and rejected records ------------------------------


class Splitter:
    """Copies each JSONL record, byte for byte, to the accepted or the rejected output. Decisions
    can change until `finish` (the corpus phase runs after every record was read), so records are
    spooled to a temporary file first."""

    def __init__(self, accepted: str | None, rejected: str | None) -> None:
        self.accepted = accepted
        self.rejected = rejected
        import tempfile  # (a run that splits its records only)

        self._spool = tempfile.TemporaryFile()
        self._keys: list[tuple[str, str | None]] = []
        self.rejected_keys: set[tuple[str, str | None]] = set()

    def add(self, raw: bytes | SpooledRecord, path: str, record: str | None, rejected: bool) -> None:
        write_record(self._spool, raw)
        self._keys.append((path, record))
        if rejected:
            self.rejected_keys.add((path, record))

    @property
    def records(self) -> int:
        """How many records (readable or not) were added."""
        return len(self._keys)

    def reject(self, path: str, record: str | None) -> None:
        self.rejected_keys.add((path, record))

    def finish(self) -> tuple[int, int]:
        self._spool.seek(0)
        counts = [0, 0]
        with (
            _maybe_open(self.accepted, "the accepted records") as good,
            _maybe_open(self.rejected, "the rejected records") as bad,
        ):
            for key in self._keys:  # (each line copied in pieces: a record may be huge)
                is_bad = key in self.rejected_keys
                counts[is_bad] += 1
                target = bad if is_bad else good
                try:
                    copy_line(self._spool, target)
                except OSError as exc:
                    if target is None:
                        raise
                    which = self.rejected if is_bad else self.accepted
                    raise OutputError(
                        which or "", "the rejected records" if is_bad else "the accepted records", exc
                    ) from None
        self._spool.close()
        return counts[0], counts[1]


class _maybe_open:
    def __init__(self, path: str | None, what: str) -> None:
        self.path = path
        self.what = what
        self.cm: Any = None

    def __enter__(self) -> Any:
        if self.path is None:
            return None
        self.cm = atomic.atomic_open(self.path, "wb")
        try:
            return self.cm.__enter__()
        except OSError as exc:
            raise OutputError(self.path, self.what, exc) from None

    def __exit__(self, *exc: Any) -> None:
        if self.cm is not None:
            try:
                self.cm.__exit__(*exc)
            except OSError as error:  # the rename into place
                raise OutputError(self.path or "", self.what, error) from None
