"""What runs inside Spark tasks: Arrow record batches in, Arrow record batches out.

Every function here is a plain function of Arrow batches and lintnews objects (no pyspark
import), given to ``mapInArrow`` by `lintnews.spark.api` and `lintnews.spark.corpus`. The rules
run through `lintnews.parallel.Analyzer` -> `lintnews.analysis.analyze_document`, the corpus
decisions through the local engine's own functions (`find_duplicates`, `block_words`,
`template_diagnostic`, `comparable_set`): nothing is implemented twice.
"""

from __future__ import annotations

import array
import io
import pickle
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

import numpy as np
import orjson
import pyarrow as pa

from lintnews.analysis import Analysis
from lintnews.config import Settings
from lintnews.corpus.comparable import comparable_set, lsh_keys, shingles_of
from lintnews.corpus.duplicates import find_duplicates
from lintnews.corpus.folding import IndexedDoc
from lintnews.corpus.options import FLAGS, TEMPLATE, CorpusOptions, CorpusSelection, lsh_bands
from lintnews.corpus.phase import make_signer
from lintnews.corpus.signature import KEPT_DTYPE, DocSignature
from lintnews.corpus.storage import RowIndex
from lintnews.corpus.templates import block_words, template_diagnostic
from lintnews.diagnostics import Diagnostic
from lintnews.document import Document
from lintnews.parallel import Analyzer
from lintnews.sources import InputError, SpooledRecord, read_path, record_document
from lintnews.spark.schemas import BATCH, BLOCK_SCHEMA, DIAG_SCHEMA, DOC_SCHEMA, ORD_SHIFT


def _signed(values: np.ndarray) -> list[int]:
    return np.ascontiguousarray(values, np.uint64).view(np.int64).tolist()


def _unsigned(value: int) -> int:
    return value & 0xFFFFFFFFFFFFFFFF


class DocumentTask:
    """Lints and signs documents in a task (built once per task from picklable settings)."""

    def __init__(self, settings: Settings, corpus: bool, keep_raw: bool) -> None:
        self.settings = settings
        self.corpus = corpus
        self.keep_raw = keep_raw

    def _analyzer(self) -> Analyzer:
        signer = make_signer(self.settings, enabled=self.corpus)
        return Analyzer(self.settings, self.keep_raw, signer, None, None)

    def rows(self, items: Iterable[tuple[int, Document | InputError]]) -> Iterator[pa.RecordBatch]:
        analyzer = self._analyzer()
        options = CorpusOptions.from_settings(self.settings)
        lsh = lsh_bands(options.threshold, options.num_perm)
        out: list[dict[str, Any]] = []
        for ord_, item in items:
            if isinstance(item, InputError):
                out.append(_error_row(ord_, item))
            else:
                out.append(_analysis_row(ord_, analyzer.analyze_document(item), lsh))
            if len(out) >= BATCH:
                yield pa.RecordBatch.from_pylist(out, DOC_SCHEMA)
                out = []
        if out:
            yield pa.RecordBatch.from_pylist(out, DOC_SCHEMA)

    def files(self, batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        """Rows ``(file, path)``: read each file with `lintnews.sources.read_path` (JSONL records,
        or one document), as the local engine does."""

        def items() -> Iterator[tuple[int, Document | InputError]]:
            for batch in batches:
                for file_index, path in zip(
                    batch.column("file").to_pylist(), batch.column("path").to_pylist()
                ):
                    for item in read_path(path, self.settings, keep_raw=self.keep_raw):
                        line = item.record_line if isinstance(item, Document) else item.line
                        yield (file_index << ORD_SHIFT) | (line or 0), item

        yield from self.rows(items())

    def records(
        self,
        batches: Iterable[pa.RecordBatch],
        text_col: str,
        id_col: str | None,
        path: str,
        path_col: str | None,
        line_col: str | None,
    ) -> Iterator[pa.RecordBatch]:
        """Rows of a DataFrame of documents (plus the ``__ord`` column): each row is read as the
        JSONL record it would be (`lintnews.sources.record_document`), its other columns as the
        record's other fields (``[corpus] date-field`` among them)."""
        s = self.settings

        def items() -> Iterator[tuple[int, Document | InputError]]:
            for batch in batches:
                for row in batch.to_pylist():
                    ord_ = row.pop("__ord")
                    where = row.pop(path_col) if path_col else path
                    line = row.get(line_col) if line_col else None
                    obj = {k: v for k, v in row.items() if k not in (text_col, id_col, line_col)}
                    obj[s.text_field] = row.get(text_col)
                    if id_col is not None:
                        obj[s.id_field] = row.get(id_col)
                    raw = orjson.dumps(obj, default=str)
                    item = record_document(where, raw, int(line) if line is not None else ord_ + 1, s)
                    if isinstance(item, Document):
                        item.record_line = int(line) if line is not None else None
                        item.raw = raw
                    yield ord_, item

        yield from self.rows(items())


def _error_row(ord_: int, error: InputError) -> dict[str, Any]:
    raw = error.raw
    if isinstance(raw, SpooledRecord):
        buffer = io.BytesIO()
        raw.copy_to(buffer)
        raw.close()
        error = replace(error, raw=buffer.getvalue())
    return {
        "ord": ord_,
        "path": error.path,
        "record": error.record,
        "record_line": error.line,
        "error": pickle.dumps(error),
        "error_message": str(error),
    }


def _analysis_row(ord_: int, a: Analysis, lsh: tuple[int, int]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "ord": ord_,
        "path": a.path,
        "record": a.record,
        "record_line": a.record_line,
        "score": a.score,
        "diagnostics": [pickle.dumps(d) for d in a.diagnostics],
        "raw": a.raw if isinstance(a.raw, bytes) else None,
    }
    sig: DocSignature | None = a.signature
    if sig is None:
        return row
    keys = lsh_keys(sig, *lsh)
    lines = sig.lines
    row.update(
        sig=pickle.dumps(sig),
        text_hash=sig.text_hash,
        comparable=keys is not None,
        enabled=sig.enabled,
        band_keys=_signed(keys) if keys is not None else None,
        lines=[
            {
                "hash": h,
                "k": k,
                "from_start": int(fs),
                "from_end": int(fe),
                "words": int(w),
                "line": int(ln),
                "column": int(c),
                "end_line": int(el),
                "end_column": int(ec),
            }
            for k, (h, fs, fe, w, ln, c, el, ec) in enumerate(
                zip(
                    _signed(lines["hash"]),
                    lines["from_start"],
                    lines["from_end"],
                    lines["words"],
                    lines["line"],
                    lines["column"],
                    lines["end_line"],
                    lines["end_column"],
                )
            )
        ],
    )
    return row


def block_task(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Rows ``(hash, sample)``: a recurring line and the candidate lines (``ord``, ``k``,
    ``hash``, ``words``) of the documents of its sample; the words of its block (`block_words`)."""
    for batch in batches:
        hashes, words = [], []
        for h, sample in zip(batch.column("hash").to_pylist(), batch.column("sample").to_pylist()):
            sample.sort(key=lambda r: (r["ord"], r["k"]))
            lines = np.zeros(len(sample), KEPT_DTYPE)
            lines["hash"] = [_unsigned(r["hash"]) for r in sample]
            lines["words"] = [r["words"] for r in sample]
            owner, count = array.array("I"), array.array("I")
            previous = None
            for r in sample:
                if r["ord"] != previous:
                    owner.append(len(owner))
                    count.append(0)
                    previous = r["ord"]
                count[-1] += 1
            hashes.append(h)
            words.append(block_words(lines, np.arange(len(owner), dtype=np.uint32), RowIndex(owner, count)))
        yield pa.RecordBatch.from_pydict({"hash": hashes, "words": words}, BLOCK_SCHEMA)


class _Named:
    """What `template_diagnostic` needs of a document."""

    def __init__(self, path: str, record: str | None, record_line: int | None) -> None:
        self.path, self.record, self.record_line = path, record, record_line


def template_task(
    settings: Settings, n: int
) -> Callable[[Iterable[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """Rows ``(ord, path, record, record_line, enabled, count, line, column, end_line,
    end_column)``: the first occurrence in a document of a reported template line -> N003."""
    selection = CorpusSelection(settings)

    def task(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        rule, severity = selection.rules[TEMPLATE], selection.severity(TEMPLATE)
        for batch in batches:
            ords, diags = [], []
            for r in batch.to_pylist():
                if not r["enabled"] & FLAGS[TEMPLATE]:
                    continue
                d = template_diagnostic(
                    _Named(r["path"], r["record"], r["record_line"]),
                    (r["line"], r["column"], r["end_line"], r["end_column"]),
                    r["count"],
                    n,
                    rule,
                    severity,
                )
                ords.append(r["ord"])
                diags.append(pickle.dumps(d))
            yield pa.RecordBatch.from_pydict({"ord": ords, "diagnostic": diags}, DIAG_SCHEMA)

    return task


def _no_step(name: str, total: int) -> Callable[[int], None]:
    return lambda done: None


def component_task(
    settings: Settings, template: set[int]
) -> Callable[[Iterable[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """Rows ``(docs, pairs)``: one connected component of the candidate pairs and exact copies,
    its documents' signatures (``ord``, ``sig``) and its candidate pairs (``a``, ``b``: places in
    input order). Runs the local engine's `find_duplicates` on it: a component holds every pair
    and copy its decisions depend on, so they are the local engine's (clusters, kept copies,
    closest matches, messages)."""
    options = CorpusOptions.from_settings(settings)
    selection = CorpusSelection(settings)

    def task(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            ords_out: list[int] = []
            out: list[bytes] = []
            for docs_in, pairs_in in zip(batch.column("docs").to_pylist(), batch.column("pairs").to_pylist()):
                for ord_, d in _component(docs_in, pairs_in or [], options, selection, template):
                    ords_out.append(ord_)
                    out.append(pickle.dumps(d))
            yield pa.RecordBatch.from_pydict({"ord": ords_out, "diagnostic": out}, DIAG_SCHEMA)

    return task


def _component(
    docs_in: list[dict[str, Any]],
    pairs_in: list[dict[str, int]],
    options: CorpusOptions,
    selection: CorpusSelection,
    template: set[int],
) -> Iterator[tuple[int, Diagnostic]]:
    docs_in.sort(key=lambda r: r["ord"])
    ords = [r["ord"] for r in docs_in]
    local = {o: i for i, o in enumerate(ords)}
    sigs: list[DocSignature] = [pickle.loads(r["sig"]) for r in docs_in]
    docs = [
        IndexedDoc(
            s.path, s.record, s.record_line, s.enabled, s.first, i, s.text_hash, s.length, s.date, True
        )
        for i, s in enumerate(sigs)
    ]
    first_of: dict[bytes, int] = {}
    twin: dict[int, int] = {}
    for i, s in enumerate(sigs):
        if s.text_hash is not None:
            j = first_of.setdefault(s.text_hash, i)
            if j != i:
                twin[i] = j
    pairs = sorted({(local[p["a"]], local[p["b"]]) for p in pairs_in})
    earlier = np.array([a for a, _ in pairs], np.int64)
    later = np.array([b for _, b in pairs], np.int64)
    cache: dict[int, np.ndarray] = {}

    def shingle_set(i: int) -> np.ndarray:
        got = cache.get(i)
        if got is None:
            s = sigs[i]
            got = cache[i] = comparable_set(shingles_of(s), s.lines, template)
        return got

    found = find_duplicates(
        docs, twin, earlier, later, shingle_set, options, selection, lambda i: sigs[i].title, _no_step
    )
    where = {(d.path, d.record, d.record_line): ords[i] for i, d in enumerate(docs)}
    for d in found:
        yield where[(d.path, d.record, d.record_line)], d
