"""The public Python API: lint a string, a document or a stream of them, and run the corpus phase.

Everything here is the CLI's own path: documents are linted by `lintnews.engine.Linter` through
`lintnews.analysis.analyze_document` (rules, then suppressions, then the score), fixed by
`lintnews.fixes.fix_document`, and compared by `lintnews.corpus.CorpusIndex`. ``lintnews check``
builds its per-document linting on `Linter` (see `lintnews.run.CheckRun` and
`lintnews.parallel.Analyzer`), so the API and the CLI report the same diagnostics.

The public names are re-exported by ``lintnews`` (see its ``__all__``); the README's "Python API"
section says what is stable.
"""

from __future__ import annotations

import copy
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import orjson

from lintnews.analysis import Analysis, Signer, analyze_document
from lintnews.config import ConfigError, Settings, build_settings, validate
from lintnews.configfile import check_values
from lintnews.configfile import load_config as _load_config_table
from lintnews.corpus.phase import make_signer
from lintnews.diagnostics import Diagnostic, Severity
from lintnews.document import Document
from lintnews.encoding import DecodeError, check_binary, normalize_newlines
from lintnews.engine import Linter as _Engine
from lintnews.fixes import FixPolicy, content, fix_document
from lintnews.sources import kind_of, record_document, text_document

if TYPE_CHECKING:
    from lintnews.corpus.index import CorpusIndex
    from lintnews.index.gate import IndexedCorpus

__all__ = ["Corpus", "DocumentError", "Kind", "Linter", "Report", "lint_text", "load_config"]

#: What a string holds: plain text, Markdown, or HTML (linted as the text a reader sees).
Kind = Literal["text", "markdown", "html"]
#: What `Linter.lint` takes: a `Document`, a string, or a record as a mapping (a JSONL line's
#: object: ``text`` or ``html``, ``id`` and metadata, with the field names of the configuration).
DocumentLike = Document | str | Mapping[str, Any]
#: A configuration: `Settings` (from `load_config`), a config file's path, the keys of a
#: ``lintnews.toml`` as a mapping (files it names, ``extend-packs``, relative to the working
#: directory), or None for the defaults.
ConfigLike = Settings | str | os.PathLike[str] | Mapping[str, Any] | None

#: One document of `Linter.lint_many` as given, with its kind, path, place and whether to fix it.
_Item = tuple[DocumentLike, "Kind | None", "str | None", int, bool]

#: The path diagnostics name when none is given (as for standard input on the command line).
DEFAULT_PATH = "-"


class DocumentError(ValueError):
    """A document that cannot be linted: binary data, a record without text, ... The message
    names the document, as the CLI's one-line input errors do."""


def load_config(path: str | os.PathLike[str]) -> Settings:
    """Read and validate a configuration file (``lintnews.toml``, ``.lintnews.toml`` or a
    ``pyproject.toml`` with ``[tool.lintnews]``), as ``lintnews check --config PATH`` does.
    Raises `lintnews.ConfigError` (a one-line message naming the file) when it is not valid."""
    p = Path(path)
    if not p.exists():
        raise ConfigError(f"{path}: configuration file not found")
    return build_settings(_load_config_table(p), str(p.resolve().parent), str(p))


def settings_of(config: ConfigLike) -> Settings:
    """The `Settings` a ``config`` argument stands for (see `ConfigLike`)."""
    if config is None:
        return Settings()
    if isinstance(config, Settings):
        return config
    if isinstance(config, (str, os.PathLike)):
        return load_config(config)
    if isinstance(config, Mapping):
        values = validate(dict(config), "config: ")
        try:
            check_values(values, "", Path.cwd())
        except ConfigError as exc:
            raise ConfigError(f"config: {exc}") from None
        return build_settings(values, str(Path.cwd()))
    raise TypeError(f"config must be Settings, a path, a mapping or None, not {type(config).__name__}")


@dataclass
class Report:
    """The result of linting one document."""

    #: Where the document is said to come from (``-`` unless a path was given).
    path: str
    #: The record id, for a record (a mapping, or a JSONL line); None for a text.
    record: str | None
    #: The diagnostics, sorted by position: after fixing, those left in the fixed text.
    diagnostics: list[Diagnostic]
    #: Quality score of the document, 0-100 (README, "Gating a pipeline", "Document scores").
    score: int
    #: The fixed text (markup for HTML, the record's text for a record), when fixing was asked
    #: for; None otherwise.
    fixed_text: str | None = None
    #: How many fixes were applied.
    fixes_applied: int = 0
    #: Metadata of a record (its fields other than the text), else empty.
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def codes(self) -> list[str]:
        """The distinct rule codes of the diagnostics, sorted."""
        return sorted({d.code for d in self.diagnostics})

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the diagnostics as in ``--output-format json``."""
        return {
            "path": self.path,
            "record": self.record,
            "score": self.score,
            "codes": self.codes,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "fixed_text": self.fixed_text,
            "fixes_applied": self.fixes_applied,
        }


class Linter:
    """Lints documents with one configuration; reuse it (rule selection is done once).

    ``config``: see `ConfigLike`. ``unsafe_fixes``: apply unsafe fixes too when fixing (None:
    the configuration's ``unsafe-fixes``), as ``--unsafe-fixes`` does."""

    def __init__(self, config: ConfigLike = None, *, unsafe_fixes: bool | None = None) -> None:
        self.settings = settings_of(config)
        self._unsafe_fixes = unsafe_fixes
        #: The rule engine (rule tables per path), shared with the CLI's run.
        self.engine = _Engine(self.settings)
        self.policy = FixPolicy.from_settings(self.settings, unsafe_fixes)

    # --- the CLI's per-document path ------------------------------------------------------

    def diagnostics(self, doc: Document) -> list[Diagnostic]:
        """The diagnostics of the per-document rules, after suppressions (no score)."""
        return self.engine.lint(doc).diagnostics

    def analyze(self, doc: Document, signer: Signer | None = None, keep_raw: bool = False) -> Analysis:
        """`lintnews.analysis.analyze_document` with this linter: what a ``check`` run keeps."""
        return analyze_document(doc, self.diagnostics, signer, keep_raw)

    def offer_fix(self, d: Diagnostic) -> Diagnostic:
        """``d`` without its fix when the configuration does not offer it (``unfixable``, or not
        ``fixable``), as ruff shows none then (`FixPolicy.offer`)."""
        return self.policy.offer(d)

    # --- documents ------------------------------------------------------------------------

    def document(
        self, item: DocumentLike, *, kind: Kind | None = None, path: str | None = None, line: int = 1
    ) -> Document:
        """The `Document` of a string (``kind`` from the argument, else the ``path``'s suffix,
        else text), of a record mapping (its ``line`` numbers records without an id), or
        ``item`` itself. Raises `DocumentError` for what the CLI reports as an input error."""
        if isinstance(item, Document):
            return item
        name = DEFAULT_PATH if path is None else str(path)
        if isinstance(item, str):
            chosen = kind or (kind_of(name, self.settings.formats) if path is not None else "text")
            try:  # (a stray NUL in HTML is a space, as browsers show nothing for it)
                text = check_binary(item, replacement=" ") if chosen == "html" else check_binary(item)
                return text_document(name, normalize_newlines(text), chosen)
            except DecodeError as exc:
                raise DocumentError(f"{name}: {exc}") from None
            except RecursionError:
                raise DocumentError(f"{name}: HTML is nested too deeply to read") from None
        if isinstance(item, Mapping):
            try:
                raw = orjson.dumps(dict(item), default=str, option=orjson.OPT_NON_STR_KEYS)
            except TypeError as exc:
                raise DocumentError(f"{name}:{line}: record cannot be read as JSON: {exc}") from None
            got = record_document(name, raw, line, self.settings)
            if not isinstance(got, Document):
                raise DocumentError(str(got))
            return got
        raise TypeError(f"cannot lint a {type(item).__name__}: expected a str, a mapping or a Document")

    def lint(
        self,
        doc: DocumentLike,
        *,
        kind: Kind | None = None,
        path: str | None = None,
        line: int = 1,
        fix: bool = False,
    ) -> Report:
        """Lint one document (see `document`); with ``fix``, apply the fixes the configuration
        allows and report what is left, with the fixed text."""
        return self._lint(self.document(doc, kind=kind, path=path, line=line), fix, None)[0]

    def lint_many(
        self,
        docs: Iterable[DocumentLike],
        *,
        jobs: int = 1,
        kind: Kind | None = None,
        path: str | None = None,
        fix: bool = False,
    ) -> Iterator[Report]:
        """Reports of ``docs``, streamed in input order. ``jobs`` > 1 lints in that many worker
        processes (results still in order, at most a few chunks read ahead). Records without an
        id are numbered by their place in ``docs`` (1-based), as JSONL lines are. A document that
        cannot be linted raises `DocumentError` where its report would come (lint one at a time
        with `lint` to go on past it)."""
        items = ((d, kind, path, i, fix) for i, d in enumerate(docs, 1))
        if jobs <= 1:
            for item in items:
                yield self._lint_item(item)
            return
        # (documents are made in the workers: extracting HTML's text is part of the work)
        from lintnews.api_workers import in_workers

        yield from in_workers(self, items, jobs)

    def _lint_item(self, item: _Item) -> Report:
        doc, kind, path, line, fix = item
        return self._lint(self.document(doc, kind=kind, path=path, line=line), fix, None)[0]

    def corpus(self, *, index: str | None = None, update: bool = False) -> Corpus:
        """A corpus: add documents one by one (each is linted), then `Corpus.finish` yields the
        corpus diagnostics (N001-N003) of all of them.

        With ``index`` (an SQLite file or a ``redis://`` URL, as ``lintnews check --index``),
        the documents are also compared with the indexed ones: a copy of an indexed document
        is reported, the indexed one kept. With ``update``, `Corpus.finish` then adds the
        documents that pass the gate (no diagnostic at or above ``fail-on``) to the index, in
        one transaction, as ``--index-update`` does. A missing index is an error
        (`ConfigError`) unless ``update`` creates it, as is one built with another scheme."""
        return Corpus(self, index=index, update=update)

    def _lint(self, doc: Document, fix: bool, signer: Signer | None) -> tuple[Report, Any]:
        fixed_text, applied = None, 0
        if fix:
            outcome = fix_document(doc, self.diagnostics, self.policy)
            remaining = outcome.diagnostics
            # scored (and signed) as the CLI does: the fixed document, what is left in it
            analysis = analyze_document(outcome.document, lambda _: remaining, signer)
            fixed_text, applied = content(outcome.document), outcome.fixed
        else:
            analysis = self.analyze(doc, signer)
        report = Report(
            doc.path,
            doc.record,
            [self.offer_fix(d) for d in analysis.diagnostics],
            analysis.score,
            fixed_text,
            applied,
            dict(doc.meta or {}),
        )
        return report, analysis.signature

    def __reduce__(self) -> tuple[Any, ...]:  # worker processes select their rules again
        return (Linter, (self.settings,), {"_unsafe": self._unsafe_fixes})

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._unsafe_fixes = state["_unsafe"]
        self.policy = FixPolicy.from_settings(self.settings, self._unsafe_fixes)


class Corpus:
    """The corpus phase over documents given one by one (`Linter.corpus`). `add` lints each
    document and returns its report; `finish` yields the corpus diagnostics (exact and near
    duplicates, site-template lines) once every document was added. Use it as a context manager
    to release its temporary storage when it is abandoned before `finish`."""

    def __init__(self, linter: Linter, *, index: str | None = None, update: bool = False) -> None:
        self.linter = linter
        settings = linter.settings
        #: With ``index``: the index's corpus phase (`lintnews.index` is imported only then).
        self._gate: IndexedCorpus | None = None
        if index is not None:
            from lintnews.index.gate import IndexedCorpus, index_settings

            # the signatures keep the date field, for `lintnews index prune`
            settings = index_settings(copy.copy(settings))
        self._signer = make_signer(settings)
        self._index: CorpusIndex | None = None
        if self._signer is not None:
            if index is None:
                from lintnews.corpus.index import CorpusIndex  # (numpy: only for a corpus)

                self._index = CorpusIndex(settings)
            else:
                self._index = self._gate = IndexedCorpus(settings, None, index, update)
                if self._gate.scheme_warning:
                    warnings.warn(self._gate.scheme_warning, UserWarning, stacklevel=2)
        self._threshold = Severity.parse(settings.fail_on)
        #: (path, record) of the documents that fail the gate: not added to the index.
        self._failing: set[tuple[str, str | None]] = set()
        self._count = 0
        self._finished = False

    def add(
        self,
        doc: DocumentLike,
        *,
        kind: Kind | None = None,
        path: str | None = None,
        line: int | None = None,
        fix: bool = False,
    ) -> Report:
        """Lint ``doc`` (see `Linter.document`; a record without an id is numbered ``line``,
        by default its place in the corpus) and keep its signature for `finish`."""
        if self._finished:
            raise RuntimeError("this corpus is finished: start another with Linter.corpus()")
        self._count += 1
        document = self.linter.document(doc, kind=kind, path=path, line=self._count if line is None else line)
        report, signature = self.linter._lint(document, fix, self._signer)
        if any(d.severity >= self._threshold for d in report.diagnostics):
            self._failing.add((document.path, document.record))
        if self._index is not None and signature is not None:
            self._index.add(signature)
        return report

    def __len__(self) -> int:
        return self._count

    def finish(self) -> Iterator[Diagnostic]:
        """The corpus diagnostics, in input order of the documents they are about (once)."""
        if self._finished:
            raise RuntimeError("this corpus is finished: its diagnostics were already given")
        self._finished = True
        if self._index is None:
            return iter(())
        found = [self.linter.offer_fix(d) for d in self._index.finish()]
        if self._gate is not None:  # the update, once every finding is known
            self._failing.update((d.path, d.record) for d in found if d.severity >= self._threshold)
            self._gate.commit(self._failing)
        return iter(found)

    def close(self) -> None:
        if not self._finished:
            self._finished = True
            if self._gate is not None:
                self._gate.store.close()
            if self._index is not None:
                self._index._close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def lint_text(
    text: str,
    *,
    kind: Kind | None = None,
    path: str | None = None,
    config: ConfigLike = None,
    fix: bool = False,
) -> Report:
    """Lint one text: plain text, Markdown or HTML (``kind``; default: from ``path``'s suffix,
    else plain text). ``config``: see `ConfigLike` (None: the defaults; no configuration file is
    looked for). ``fix``: apply the allowed fixes and return the fixed text too."""
    return Linter(config).lint(text, kind=kind, path=path, fix=fix)
