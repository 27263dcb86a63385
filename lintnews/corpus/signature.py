"""What the corpus phase keeps of one document: `DocSignature`, and `CorpusSigner` that makes it.

Data flows one way. While documents stream through the per-document rules, `CorpusSigner` turns
each one into a small `DocSignature` (a pure function of the document, its per-document
diagnostics and the settings; it may run in a worker process and is cached with the results).
`CorpusIndex` folds the signatures in input order and, once everything was read, yields the
corpus diagnostics. No text is kept: a signature holds hashes and the few fields a diagnostic
needs.

What a signature holds (``n`` shingles, ``m`` candidate template lines):

- ``minhash``: MinHash values (``num-perm`` uint32, 512 bytes by default) of the scheme
  ``scheme`` (`lintnews.hashing.SCHEME`);
- ``shingles``: the uint32 XXH3 hashes of the word shingles, line after line (4n bytes); the
  index moves them to a temporary file at once and reads back only those of candidate pairs, so
  memory holds per document the LSH band keys (8 bytes per band) and a file offset;
- ``text_hash``: 16-byte BLAKE2 digest of the normalised text, for exact duplicates;
- the candidate template lines of the first and last `EDGE_LINES` non-empty lines: 64-bit line
  hash, position, source coordinates and the range of their shingles (about 40 bytes each);
- path, record, record line, the first line's source position and up to 100 characters of it.

Shingles never cross a line (a line is a paragraph in scraped text), so the shingles of a line
that turns out to be site chrome (N003) can be removed exactly before two articles are compared:
articles from one site are not duplicates because they share a footer. Lines the phrase-pack
rules (families S and B) flagged in the document are not shingled at all.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from lintnews import native
from lintnews.config import Settings
from lintnews.corpus.doclines import Row, signature_lines
from lintnews.corpus.lsh import band_keys_many
from lintnews.corpus.options import NEAR, CorpusOptions, CorpusSelection, chrome_families, lsh_bands
from lintnews.corpus.scheme import SIGNATURE_ITEMSIZES
from lintnews.diagnostics import Diagnostic
from lintnews.document import Document
from lintnews.hashing import SCHEME
from lintnews.minhash import MinHasher

#: Template-line candidates are taken among the first and the last this many non-empty lines.
EDGE_LINES = 20

#: Lines longer than this (characters) are paragraphs of prose, never template candidates.
MAX_TEMPLATE_CHARS = 300


@dataclass
class DocSignature:
    """What the corpus phase keeps of one document (see the module docstring)."""

    path: str
    record: str | None
    record_line: int | None
    #: Bit set of the corpus rules that apply to this document (per-file ignores).
    enabled: int
    #: Source position of the first non-empty line: (line, column, end line, end column), 1-based.
    first: tuple[int, int, int, int]
    title: str
    text_hash: bytes | None
    length: int
    date: Any
    minhash: np.ndarray | None
    shingles: np.ndarray | None
    #: Candidate template lines, one row each (see `LINE_DTYPE`).
    lines: np.ndarray
    #: Number of distinct shingles, and the LSH band keys of ``minhash`` for ``lsh`` = (bands,
    #: rows): computed by the signer (in a worker) so the index only stores them.
    distinct: int | None = None
    band_keys: np.ndarray | None = None
    lsh: tuple[int, int] | None = None
    #: The hashing scheme of ``shingles`` and ``minhash``: signatures of another are not comparable.
    scheme: str = SCHEME

    @property
    def name(self) -> str:
        return f"{self.path}#{self.record}" if self.record is not None else self.path

    # Signatures travel from workers to the main process and live in the result cache: their
    # arrays are pickled as raw bytes (numpy's own pickling costs ~15 us an array, 4x the rest).
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        for name in _SIG_ARRAYS:
            value = state[name]
            if value is not None:
                code = SIGNATURE_DTYPE_CODES.get(value.dtype)
                state[name] = (code, value.shape, value.tobytes()) if code is not None else value
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name in _SIG_ARRAYS:
            value = state.get(name)
            if type(value) is tuple:
                code, shape, data = value
                state[name] = np.frombuffer(bytearray(data), SIGNATURE_DTYPES[code]).reshape(shape)
        self.__dict__.update(state)


#: The array fields of `DocSignature`, and the dtypes their pickled form names by number.
_SIG_ARRAYS = ("minhash", "shingles", "lines", "band_keys")

LINE_DTYPE = np.dtype(
    [
        ("hash", "<u8"),
        ("line", "<i4"),  # source position (1-based) and end column (exclusive)
        ("column", "<i4"),
        ("end_line", "<i4"),
        ("end_column", "<i4"),
        ("from_start", "u1"),  # index among non-empty lines, from the start and from the end
        ("from_end", "u1"),
        ("words", "<u2"),
        ("lo", "<u4"),  # its shingles are shingles[lo:hi]
        ("hi", "<u4"),
    ]
)

#: The dtypes of `DocSignature`'s arrays, numbered: their pickled form (and the cache's records,
#: `lintnews.cache.units`) name a dtype by its index here. Only append to it.
SIGNATURE_DTYPES = (np.dtype("<u4"), np.dtype("<u8"), LINE_DTYPE)

assert tuple(d.itemsize for d in SIGNATURE_DTYPES) == SIGNATURE_ITEMSIZES

#: The index of each of `SIGNATURE_DTYPES`.
SIGNATURE_DTYPE_CODES = {dtype: code for code, dtype in enumerate(SIGNATURE_DTYPES)}

#: What the index keeps in memory of a candidate line: the source position goes to disk, it is
#: only read for the lines reported as N003.
_KEPT = ("hash", "from_start", "from_end", "words", "lo", "hi")

KEPT_DTYPE = np.dtype([(name, LINE_DTYPE.fields[name][0]) for name in _KEPT])  # type: ignore[index]

_POSITION = ("line", "column", "end_line", "end_column")

POSITION_DTYPE = np.dtype([(name, "<i4") for name in _POSITION])

#: One row of `LINE_DTYPE` packed by `struct`: rows are made a few at a time in Python, where
#: packing them costs a fraction of numpy's conversion of a list of tuples to records.
_ROW = struct.Struct("<Q4iBBHII")
assert _ROW.size == LINE_DTYPE.itemsize


def _candidate_rows(doc: Document, candidates: list[Row]) -> np.ndarray:
    """`py_candidate_rows`, from the compiled kernel on the identity source map when it is built
    (`lintnews._native.candidate_rows`: the rows hashed and packed in one call, where hashlib's
    digest and `struct` cost a few Python calls a row)."""
    if not candidates:
        return _NO_LINES
    if native.compiled is not None and doc.source_map.is_identity:
        return np.frombuffer(bytearray(native.compiled.candidate_rows(doc.line_keys, candidates)), LINE_DTYPE)
    return py_candidate_rows(doc, candidates)


def py_candidate_rows(doc: Document, candidates: list[Row]) -> np.ndarray:
    """The `LINE_DTYPE` array of a document's template candidates (`signature_lines`' rows):
    each row packed straight from its line hash (the first 8 bytes of the BLAKE2b digest of its
    line key), its source span (on the identity map, the candidate's own columns) and the rest of
    the candidate, without a tuple of the fields in between."""
    if not candidates:
        return _NO_LINES
    keys, blake2b, pack = doc.line_keys, hashlib.blake2b, _ROW.pack
    hashes = [
        int.from_bytes(blake2b(keys[row[0]].encode("utf-8"), digest_size=8).digest(), "little")
        for row in candidates
    ]
    if doc.source_map.is_identity:
        packed = [
            pack(h, i + 1, column, i + 1, end, start_rank, end_rank, words, lo, hi)
            for h, (i, column, end, start_rank, end_rank, words, lo, hi) in zip(hashes, candidates)
        ]
    else:
        packed = [
            pack(h, *_source_span(doc, i), start_rank, end_rank, words, lo, hi)
            for h, (i, _, _, start_rank, end_rank, words, lo, hi) in zip(hashes, candidates)
        ]
    return np.frombuffer(bytearray(b"".join(packed)), LINE_DTYPE)


#: The candidate lines of a document without any (one array for all of them; nothing writes
#: to a signature's arrays).
_NO_LINES = np.zeros(0, LINE_DTYPE)


@dataclass
class _Prepared:
    """A document's signature waiting for its MinHash values, with its shingle hashes (native
    uint32; `lintnews.corpus.doclines`)."""

    sig: DocSignature
    hashes: bytearray


class CorpusSigner:
    """Turns documents into `DocSignature`s. Picklable; call it per document, or give a batch
    to `sign_batch`, which computes the MinHash values of all its documents in one pass."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.options = CorpusOptions.from_settings(settings)
        self.selection = CorpusSelection(settings)
        self._hasher: MinHasher | None = None
        #: Shingles and MinHash values are only needed for near duplicates.
        self.shingle = NEAR in self.selection.roles
        self.chrome = chrome_families()

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_hasher": None}

    @property
    def hasher(self) -> MinHasher:
        if self._hasher is None:
            self._hasher = MinHasher(self.options.num_perm)
        return self._hasher

    def __call__(self, doc: Document, diagnostics: Sequence[Diagnostic] = ()) -> DocSignature:
        return self.sign_batch([(doc, diagnostics)])[0]

    def sign_batch(self, items: Iterable[tuple[Document, Sequence[Diagnostic]]]) -> list[DocSignature]:
        prepared = [self.prepare(doc, diags) for doc, diags in items]
        self._hash(prepared)
        return [p.sig for p in prepared]

    def prepare(self, doc: Document, diagnostics: Sequence[Diagnostic]) -> _Prepared:
        opts = self.options
        chrome = _chrome_lines(doc, diagnostics, self.chrome)
        lines = doc.lines
        mask = bytearray(len(lines) if chrome else 0)  # (a byte per line: 1 for a chrome line)
        for i in chrome:
            if i < len(mask):
                mask[i] = 1
        # One pass over the lines (`signature_lines`): non-blank lines, the normalised text (the
        # same as normalize(doc.text): blank lines normalise to nothing), the shingles of the
        # lines no chrome rule flagged, and the template candidates among the edge lines.
        n, first_line, text, length, hashes, candidates = signature_lines(
            lines,
            doc.normalized_lines,
            mask,
            opts.shingle_size if self.shingle else 0,
            EDGE_LINES,
            MAX_TEMPLATE_CHARS,
            opts.template_min_words,
        )
        date = doc.meta.get(opts.date_field) if opts.date_field else None
        sig = DocSignature(
            path=doc.path,
            record=doc.record,
            record_line=doc.record_line,
            enabled=self.selection.flags(doc.path),
            first=_source_span(doc, first_line),
            title=lines[first_line].strip()[:100] if n else "",
            text_hash=_text_hash(text) if text else None,
            length=length,
            date=date if isinstance(date, (str, int, float)) and not isinstance(date, bool) else None,
            minhash=None,
            shingles=None,
            lines=_candidate_rows(doc, candidates),
        )
        return _Prepared(sig, hashes)

    def _hash(self, prepared: list[_Prepared]) -> None:
        """Fill in the signatures' shingles and, over all shingles of the batch at once, their
        MinHash values, distinct shingle counts and LSH band keys."""
        if not any(p.hashes for p in prepared):
            for p in prepared:
                p.sig.shingles = np.zeros(0, np.uint32)
                p.sig.distinct = 0
            return
        hashes = np.frombuffer(b"".join([p.hashes for p in prepared]), np.uint32)
        for p in prepared:
            p.sig.shingles = np.frombuffer(p.hashes, np.uint32)
        doc_counts = np.array([len(p.hashes) >> 2 for p in prepared], np.int64)
        sigs = self.hasher.signatures(hashes, doc_counts)
        lsh = lsh_bands(self.options.threshold, self.options.num_perm)
        band_keys = band_keys_many(sigs, *lsh)
        distinct = _distinct_counts(hashes, doc_counts).tolist()
        for p, mh, keys, d in zip(prepared, sigs, band_keys, distinct):
            p.sig.minhash = mh if len(p.hashes) else None
            p.sig.distinct = d
            if p.sig.minhash is not None:
                p.sig.band_keys, p.sig.lsh = keys, lsh


def _text_hash(text: bytes) -> bytes:
    """The 16-byte BLAKE2b digest of a document's normalised text: hashlib's, or the same from
    the compiled kernel (`lintnews._native.blake2b`, about half of hashlib's instructions where
    the CPU has AVX2)."""
    if native.compiled is not None:
        return native.compiled.blake2b(text, 16)
    return hashlib.blake2b(text, digest_size=16).digest()


def _chrome_lines(doc: Document, diagnostics: Sequence[Diagnostic], families: tuple[str, ...]) -> set[int]:
    """Text lines that per-document rules of the chrome ``families`` flagged."""
    source_lines: set[int] = set()
    for d in diagnostics:
        if d.code[:1] in families:
            source_lines.update(range(d.line, d.end_line + 1))
    if not source_lines:
        return set()
    if doc.source_map.is_identity:
        return {line - 1 for line in source_lines}
    return {i for i in range(len(doc.lines)) if doc.to_source(i, 0).line in source_lines}


def _source_span(doc: Document, i: int) -> tuple[int, int, int, int]:
    text = doc.lines[i] if i < len(doc.lines) else ""
    col = len(text) - len(text.lstrip())
    if doc.source_map.is_identity:  # what the source map's identity gives, without the calls
        return i + 1, col + 1, i + 1, max(len(text.rstrip()) - 1, col) + 2
    start = doc.to_source(i, col)
    end = doc.source_map.to_source_after(i, max(len(text.rstrip()) - 1, col))
    return start.line, start.column, max(end.line, start.line), end.column


def _distinct_counts(hashes: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Number of distinct values in each document's run of ``hashes`` (``counts[i]`` values
    belong to document ``i``; int64): from the compiled kernel when it is built, else
    `py_distinct_counts`."""
    if native.compiled is not None:
        return np.frombuffer(native.compiled.distinct_counts(hashes, counts), np.int64)
    return py_distinct_counts(hashes, counts)


def py_distinct_counts(hashes: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """`_distinct_counts` in numpy: the values tagged with their document, sorted, and the
    first of each run of equal ones counted per document."""
    owner = np.repeat(np.arange(len(counts), dtype=np.uint64), counts)
    both = np.sort((owner << np.uint64(32)) | hashes.astype(np.uint64))
    new = np.ones(len(both), bool)
    new[1:] = both[1:] != both[:-1]
    out: np.ndarray = np.bincount((both[new] >> np.uint64(32)).astype(np.int64), minlength=len(counts))
    return out
