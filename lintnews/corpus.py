"""The corpus phase: rules that compare documents with each other (N001, N002, N003).

Data flows one way. While documents stream through the per-document rules, `CorpusSigner` turns
each one into a small `DocSignature` (a pure function of the document, its per-document
diagnostics and the settings; it may run in a worker process and is cached with the results).
`CorpusIndex` folds the signatures in input order and, once everything was read, yields the
corpus diagnostics. No text is kept: a signature holds hashes and the few fields a diagnostic
needs.

What a signature holds (``n`` shingles, ``m`` candidate template lines):

- ``minhash``: datasketch-compatible MinHash values (``num-perm`` uint32, 512 bytes by default);
- ``shingles``: the uint32 SHA-1 hashes of the word shingles, line after line (4n bytes); the
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

import array
import hashlib
import math
import os
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from lintnews import native
from lintnews.config import ConfigError, Settings
from lintnews.diagnostics import Diagnostic, Fix, Location, Severity
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.minhash import MinHasher, shingle_hashes
from lintnews.packs import line_keys
from lintnews.registry import all_rules
from lintnews.textnorm import normalized_lines

CODES = ("N001", "N002", "N003")
_N001, _N002, _N003 = 1, 2, 4
_FLAGS = {"N001": _N001, "N002": _N002, "N003": _N003}
#: Per-document diagnostics of these families mark lines as chrome: they are not shingled.
CHROME_FAMILIES = ("S", "B")
#: Template-line candidates are taken among the first and the last this many non-empty lines.
EDGE_LINES = 20
#: Documents with fewer shingles (after chrome is removed) are not compared for N001.
MIN_SHINGLES = 20
#: Candidate pairs per document and LSH bucket: each member is compared with at most this many
#: earlier members of the bucket.
MAX_PEERS = 16
#: An LSH bucket of more members than this (one story in hundreds of copies) gives each member
#: two candidates, the member before it and the bucket's first member, instead of `MAX_PEERS`:
#: the candidate pairs stay linear in the number of documents with a small constant.
BIG_BUCKET = 64
#: Verified clusters of at least this many documents are not verified pair by pair: a
#: candidate pair whose documents are already in one such cluster is skipped, so a story with
#: hundreds of copies costs about one verification per copy instead of one per pair. (Smaller
#: clusters verify every candidate pair, so each document's message names its closest match.)
BIG_CLUSTER = 32
#: A template line's block (the lines recurring with it) of more words is a shared article body.
MAX_TEMPLATE_BLOCK_WORDS = 150
#: Documents of a template line examined for its block.
TEMPLATE_SAMPLE = 200
#: Lines longer than this (characters) are paragraphs of prose, never template candidates.
MAX_TEMPLATE_CHARS = 300


# --- options ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusOptions:
    """The ``[corpus]`` table of the configuration."""

    shingle_size: int = 5
    num_perm: int = 128
    #: LSH threshold: pairs with a Jaccard similarity around this are found as candidates.
    threshold: float = 0.5
    min_jaccard: float = 0.5
    min_containment: float = 0.8
    template_min_docs: int = 5
    template_min_share: float = 0.01
    template_min_words: int = 4
    #: Share of a template line's documents in which it sits at the same place.
    template_min_stability: float = 0.5
    keep: str = "first"
    date_field: str | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> CorpusOptions:
        raw = settings.corpus or {}
        values: dict[str, Any] = {}
        for key, value in raw.items():
            spec = _OPTION_SPECS.get(key)
            if spec is None:
                known = ", ".join(sorted(_OPTION_SPECS))
                raise ConfigError(f"unknown configuration key `corpus.{key}` (expected one of {known})")
            values[key.replace("-", "_")] = spec(f"corpus.{key}", value)
        options = cls(**values)
        if options.keep == "oldest" and not options.date_field:
            raise ConfigError('`corpus.keep = "oldest"` needs `corpus.date-field` (the JSONL field with the date)')
        return options


def _int_in(lo: int, hi: int) -> Any:
    def check(key: str, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise ConfigError(f"`{key}` must be an integer from {lo} to {hi}")
        return value

    return check


def _fraction(key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ConfigError(f"`{key}` must be a number from 0 to 1")
    return float(value)


def _keep(key: str, value: Any) -> str:
    if value not in ("first", "longest", "oldest"):
        raise ConfigError(f"`{key}` must be one of first, longest, oldest; got {value!r}")
    return str(value)


def _field_name(key: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"`{key}` must be a field name")
    return value


_OPTION_SPECS = {
    "shingle-size": _int_in(1, 32),
    "num-perm": _int_in(8, 1024),
    "threshold": _fraction,
    "min-jaccard": _fraction,
    "min-containment": _fraction,
    "template-min-docs": _int_in(2, 1 << 31),
    "template-min-share": _fraction,
    "template-min-words": _int_in(1, 100),
    "template-min-stability": _fraction,
    "keep": _keep,
    "date-field": _field_name,
}


def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(bands, rows)`` for LSH: the most rows per band (fewest chance candidates) that still
    make a pair with Jaccard similarity ``threshold`` a candidate with probability ≥ 0.95."""
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if 1 - (1 - threshold**rows) ** bands >= 0.95:
            best = (bands, rows)
        else:
            break
    return best


# --- signatures -------------------------------------------------------------------------------


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
                code = _DTYPE_CODES.get(value.dtype)
                state[name] = (code, value.shape, value.tobytes()) if code is not None else value
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name in _SIG_ARRAYS:
            value = state.get(name)
            if type(value) is tuple:
                code, shape, data = value
                state[name] = np.frombuffer(bytearray(data), _DTYPES[code]).reshape(shape)
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
_DTYPES = (np.dtype("<u4"), np.dtype("<u8"), LINE_DTYPE)
_DTYPE_CODES = {dtype: code for code, dtype in enumerate(_DTYPES)}
#: What the index keeps in memory of a candidate line: the source position goes to disk, it is
#: only read for the lines reported as N003.
_KEPT = ("hash", "from_start", "from_end", "words", "lo", "hi")
KEPT_DTYPE = np.dtype([(name, LINE_DTYPE.fields[name][0]) for name in _KEPT])  # type: ignore[index]
_POSITION = ("line", "column", "end_line", "end_column")
POSITION_DTYPE = np.dtype([(name, "<i4") for name in _POSITION])


@dataclass
class _Prepared:
    """A document reduced to its normalised lines, waiting for its shingles to be hashed."""

    sig: DocSignature
    #: Normalised lines to shingle, in order, and for each the row in ``sig.lines`` (or -1).
    lines: list[str] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)


class CorpusSigner:
    """Turns documents into `DocSignature`s. Picklable; call it per document, or give a batch
    to `sign_batch` to hash all shingles of the batch in one vectorised pass."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.options = CorpusOptions.from_settings(settings)
        self._linter: Linter | None = None
        self._hasher: MinHasher | None = None
        #: Shingles and MinHash values are only needed for near duplicates.
        self.shingle = "N001" in corpus_codes(settings)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_linter": None, "_hasher": None}

    @property
    def linter(self) -> Linter:
        if self._linter is None:
            self._linter = Linter(self.settings)
        return self._linter

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

    def enabled(self, doc: Document) -> int:
        codes = {r.code for r in self.linter.table(doc.path).rules}
        return sum(flag for code, flag in _FLAGS.items() if code in codes)

    def prepare(self, doc: Document, diagnostics: Sequence[Diagnostic]) -> _Prepared:
        opts = self.options
        enabled = self.enabled(doc)
        chrome = _chrome_lines(doc, diagnostics)
        # The lines with content, counted and walked without listing them (a list of their
        # numbers and a dict of their normalised texts cost ~140 bytes per line of a text of
        # short lines, more than the text itself).
        n = sum(1 for line in doc.lines if line.strip())
        first_line = next((i for i, line in enumerate(doc.lines) if line.strip()), 0)
        first = _source_span(doc, first_line)
        all_norms = normalized_lines(doc)
        # the same as normalize(doc.text): non-word runs, line breaks included, become one space
        # (blank lines normalise to nothing)
        normalized = " ".join(t for t in all_norms if t)
        date = doc.meta.get(opts.date_field) if opts.date_field else None
        sig = DocSignature(
            path=doc.path,
            record=doc.record,
            record_line=doc.record_line,
            enabled=enabled,
            first=first,
            title=doc.lines[first_line].strip()[:100] if n else "",
            text_hash=hashlib.blake2b(normalized.encode("utf-8"), digest_size=16).digest() if normalized else None,
            length=len(normalized),
            date=date if isinstance(date, (str, int, float)) and not isinstance(date, bool) else None,
            minhash=None,
            shingles=None,
            lines=np.zeros(0, LINE_DTYPE),
        )
        prepared = _Prepared(sig)
        rows: list[tuple[Any, ...]] = []
        keys = line_keys(doc)
        rank = -1
        for i, line in enumerate(doc.lines):
            if not line.strip():
                continue
            rank += 1
            if i in chrome:
                continue
            norm = all_norms[i]
            if not norm:
                continue
            row = -1
            edge = rank < EDGE_LINES or n - 1 - rank < EDGE_LINES
            if edge and len(line) <= MAX_TEMPLATE_CHARS and norm.count(" ") + 1 >= opts.template_min_words:
                key = keys[i].encode("utf-8")
                digest = int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "little")
                row = len(rows)
                words = min(norm.count(" ") + 1, 65535)
                rows.append((digest, *_source_span(doc, i), min(rank, 255), min(n - 1 - rank, 255), words, 0, 0))
            if self.shingle:
                prepared.lines.append(norm)
                prepared.rows.append(row)
        sig.lines = np.array(rows, dtype=LINE_DTYPE)
        return prepared

    def _hash(self, prepared: list[_Prepared]) -> None:
        """Shingle every prepared line, hash all shingles of the batch at once, fill in the
        signatures' shingles, line ranges and MinHash values."""
        k = self.options.shingle_size
        all_lines = [line for p in prepared for line in p.lines]
        if not all_lines:
            for p in prepared:
                p.sig.shingles = np.zeros(0, np.uint32)
                p.sig.distinct = 0
            return
        hashes, per_line = shingle_hashes(all_lines, k)
        # split back per document
        line_bounds = np.concatenate(([0], np.cumsum(per_line)))
        counts = []
        at = 0
        for p in prepared:
            nl = len(p.lines)
            lo, hi = int(line_bounds[at]), int(line_bounds[at + nl])
            p.sig.shingles = hashes[lo:hi].copy()
            for r, row in enumerate(p.rows):
                if row >= 0:
                    p.sig.lines[row]["lo"] = line_bounds[at + r] - lo
                    p.sig.lines[row]["hi"] = line_bounds[at + r + 1] - lo
            counts.append(hi - lo)
            at += nl
        sigs = self.hasher.signatures(hashes, np.array(counts))
        lsh = lsh_bands(self.options.threshold, self.options.num_perm)
        band_keys = _band_keys_many(sigs, *lsh)
        distinct = _distinct_counts(hashes, counts).tolist()
        for p, mh, keys, d in zip(prepared, sigs, band_keys, distinct):
            p.sig.minhash = mh if p.sig.shingles is not None and len(p.sig.shingles) else None
            p.sig.distinct = d
            if p.sig.minhash is not None:
                p.sig.band_keys, p.sig.lsh = keys, lsh


def _chrome_lines(doc: Document, diagnostics: Sequence[Diagnostic]) -> set[int]:
    """Text lines that per-document rules of the chrome families flagged."""
    source_lines: set[int] = set()
    for d in diagnostics:
        if d.code[:1] in CHROME_FAMILIES:
            source_lines.update(range(d.line, d.end_line + 1))
    if not source_lines:
        return set()
    if doc.source_map.is_identity:
        return {line - 1 for line in source_lines}
    return {i for i in range(len(doc.lines)) if doc.to_source(i, 0).line in source_lines}


#: The fix of N001 and N002 on a JSONL record.
DROP_TITLE = "Leave the record out of the cleaned corpus (--output-dir)"


def _source_span(doc: Document, i: int) -> tuple[int, int, int, int]:
    text = doc.lines[i] if i < len(doc.lines) else ""
    col = len(text) - len(text.lstrip())
    if doc.source_map.is_identity:  # what the source map's identity gives, without the calls
        return i + 1, col + 1, i + 1, max(len(text.rstrip()) - 1, col) + 2
    start = doc.to_source(i, col)
    end = doc.source_map.to_source_after(i, max(len(text.rstrip()) - 1, col))
    return start.line, start.column, max(end.line, start.line), end.column


# --- the index --------------------------------------------------------------------------------


class _ShingleStore:
    """Shingle hashes (or other byte strings) of every document, in a temporary file, read
    back when needed; memory holds 16 bytes per record."""

    def __init__(self) -> None:
        # A large buffer: one write call per megabyte, not one per document.
        self._file = tempfile.TemporaryFile(prefix="lintnews-shingles-", buffering=1 << 20)  # noqa: SIM115 (closed in close())
        self._size = 0
        self._offset = array.array("q")
        self._length = array.array("q")
        #: Bytes known to be in the file (the rest may still be in the write buffer).
        self._flushed = 0

    def add_bytes(self, data: bytes) -> int:
        self._file.write(data)
        self._offset.append(self._size)
        self._length.append(len(data))
        self._size += len(data)
        return len(self._offset) - 1

    def get_bytes(self, i: int) -> bytes:
        offset, length = self._offset[i], self._length[i]
        if offset + length > self._flushed:  # the record is (partly) still in the write buffer
            self._file.flush()
            self._flushed = self._size
        return os.pread(self._file.fileno(), length, offset)

    def add(self, values: np.ndarray) -> int:
        return self.add_bytes(values.astype("<u4").tobytes())

    def get(self, i: int) -> np.ndarray:
        return np.frombuffer(self.get_bytes(i), dtype="<u4")

    def close(self) -> None:
        self._file.close()


class _RowFile:
    """Rows of ``width`` uint64 values in a temporary file, read back a few columns at a time."""

    #: Rows read at once.
    CHUNK = 1 << 15

    def __init__(self, width: int) -> None:
        self.width = width
        self.rows = 0
        self._file = tempfile.TemporaryFile(prefix="lintnews-bands-", buffering=1 << 20)  # noqa: SIM115 (closed in close())

    def append(self, row: np.ndarray) -> None:
        self._file.write(np.ascontiguousarray(row, "<u8").tobytes())
        self.rows += 1

    def columns(self, lo: int, hi: int) -> np.ndarray:
        """Columns ``lo`` to ``hi`` (exclusive) of every row: shape ``(hi - lo, rows)``."""
        self._file.flush()
        out = np.empty((hi - lo, self.rows), np.uint64)
        row_bytes = 8 * self.width
        for first in range(0, self.rows, self.CHUNK):
            last = min(first + self.CHUNK, self.rows)
            data = os.pread(self._file.fileno(), (last - first) * row_bytes, first * row_bytes)
            out[:, first:last] = np.frombuffer(data, "<u8").reshape(-1, self.width)[:, lo:hi].T
        return out

    def close(self) -> None:
        self._file.close()


@dataclass(slots=True)
class _Doc:
    """Per-document state the index keeps in memory."""

    path: str
    record: str | None
    record_line: int | None
    enabled: int
    first: tuple[int, int, int, int]
    #: Where the title is in the index's title store (read back for the few reported documents).
    title_at: int
    text_hash: bytes | None
    length: int
    date: Any
    comparable: bool

    @property
    def name(self) -> str:
        return f"{self.path}#{self.record}" if self.record is not None else self.path


def _no_progress(n: int) -> None:
    return None


class CorpusIndex:
    """Folds `DocSignature`s in input order; `finish` yields the corpus diagnostics.

    With a ``cache_dir``, when every signature came with the result-cache key of its document
    (see `append`), the diagnostics are cached under a key made of all those keys in order:
    re-linting an unchanged corpus skips the comparison too."""

    def __init__(self, settings: Settings, cache_dir: str | None = None) -> None:
        self.settings = settings
        self._cache_dir = cache_dir
        self._corpus_key = hashlib.sha1(b"lintnews corpus phase\0") if cache_dir else None
        self.options = CorpusOptions.from_settings(settings)
        self.bands, self.rows = lsh_bands(self.options.threshold, self.options.num_perm)
        self.docs: list[_Doc] = []
        # Per-document arrays are merged into large blocks as they come (small numpy arrays cost
        # ~100 bytes of overhead each).
        self._band_keys = _RowFile(self.bands)
        self._band_docs = array.array("q")
        self._titles = _ShingleStore()
        self._lines = _ByteBlocks()  # rows of KEPT_DTYPE
        self._positions = _ShingleStore()  # the rows' POSITION_DTYPE values, one record per document
        self._line_owner = array.array("I")  # per document with candidate lines: its index
        self._line_count = array.array("I")  # and how many rows it has
        self._store = _ShingleStore()
        self._snippets: OrderedDict[int, str] = OrderedDict()
        #: Result-cache places of signatures not read yet (see `defer`); None once one was added.
        self._deferred: list[tuple[bytes, int]] | None = [] if cache_dir else None
        self._reader: Any = None
        #: Told about the steps of `finish` (a step's name and amount of work; it returns the
        #: function to call with each amount done): the progress bar of a terminal run.
        self.progress: Callable[[str, int], Callable[[int], None]] | None = None

    def _step(self, name: str, total: int) -> Callable[[int], None]:
        return self.progress(name, total) if self.progress is not None else _no_progress

    def add(self, sig: DocSignature) -> None:
        index = len(self.docs)
        shingles = sig.shingles if sig.shingles is not None else np.zeros(0, np.uint32)
        comparable = (
            sig.minhash is not None
            and len(shingles) >= MIN_SHINGLES
            and (sig.distinct if sig.distinct is not None else len(_distinct(shingles))) >= MIN_SHINGLES
        )
        self.docs.append(
            _Doc(sig.path, sig.record, sig.record_line, sig.enabled, sig.first,
                 self._titles.add_bytes(sig.title.encode("utf-8", "surrogatepass")), sig.text_hash,
                 sig.length, sig.date, comparable)
        )
        self._store.add(shingles)
        if comparable:
            assert sig.minhash is not None
            keys = sig.band_keys
            if keys is None or sig.lsh != (self.bands, self.rows):
                keys = _band_keys(sig.minhash, self.bands, self.rows)
            self._band_keys.append(keys)
            self._band_docs.append(index)
        if len(sig.lines):
            rows = np.ascontiguousarray(sig.lines, LINE_DTYPE)
            kept = np.empty(len(rows), KEPT_DTYPE)
            for name in _KEPT:
                kept[name] = rows[name]
            position = np.empty(len(rows), POSITION_DTYPE)
            for name in _POSITION:
                position[name] = rows[name]
            self._lines.append(kept.tobytes())
            self._positions.add_bytes(position.tobytes())
            self._line_owner.append(index)
            self._line_count.append(len(sig.lines))

    def append(self, sig: DocSignature | None, cache_key: bytes | None = None, cache_index: int = 0) -> None:
        """`add`, so the index can stand in for a list of signatures; ``cache_key`` is the
        result-cache key of the unit the document came from (None: not cacheable) and
        ``cache_index`` its place among the unit's results."""
        if sig is not None:
            self._materialize()
            self.add(sig)
            self._update_key(cache_key, cache_index)

    def defer(self, cache_key: bytes, cache_index: int) -> None:
        """The next document's signature is in the result cache under ``cache_key``: while every
        document so far came from the cache, only its place is noted; `finish` reads the
        signatures back only when the corpus phase's own result is not cached (so re-linting an
        unchanged corpus never loads them). Once a fresh signature came, they are read at once."""
        if self._deferred is not None:
            self._deferred.append((cache_key, cache_index))
        else:
            self._add_cached(cache_key, cache_index)
        self._update_key(cache_key, cache_index)

    def _update_key(self, cache_key: bytes | None, cache_index: int) -> None:
        if self._corpus_key is not None:
            if cache_key is None:
                self._corpus_key = None
            else:
                self._corpus_key.update(cache_key + cache_index.to_bytes(4, "little"))

    def _materialize(self) -> None:
        """Add the deferred signatures, in order; from now on signatures are added as they come."""
        deferred, self._deferred = self._deferred, None
        for cache_key, cache_index in deferred or ():
            self._add_cached(cache_key, cache_index)

    def _add_cached(self, cache_key: bytes, cache_index: int) -> None:
        from lintnews.cache import ResultCache, load_signatures

        if self._reader is None:
            assert self._cache_dir is not None
            self._reader = ResultCache(self._cache_dir)
        # (the entry was checked, signatures included, when its results were read: see
        # `lintnews.cache.load_unit`)
        sigs = load_signatures(self._reader.get(cache_key), (self.options.num_perm, self.bands, self.rows)) or []
        if cache_index >= len(sigs) or sigs[cache_index] is None:
            # The entry vanished or changed (`lintnews clean` during the run): the result is unknown.
            raise ConfigError(f"the result cache in {self._cache_dir} changed during the run: run again")
        self.add(sigs[cache_index])

    @property
    def size(self) -> int:
        """Documents in the index, deferred ones included."""
        return len(self.docs) + len(self._deferred or ())

    def add_all(self, sigs: Iterable[DocSignature]) -> None:
        for sig in sigs:
            self.add(sig)

    # --- at the end ---------------------------------------------------------------------------

    def finish(self) -> list[Diagnostic]:
        if self._corpus_key is None or self._cache_dir is None or not self.size:
            self._materialize()
            return self._finish()
        from lintnews.cache import ResultCache, dump_corpus, load_corpus

        # The unit keys cover the content, the settings and the code, so they decide the result.
        k = self._corpus_key.digest()
        # (the run's first writable handle already warned about a cache it could not use)
        store = ResultCache(self._cache_dir, writable=True)
        try:
            hit = load_corpus(store.get(k))
            if hit is not None:
                self._close()
                return hit
            self._materialize()
            out = self._finish()
            store.put(k, dump_corpus(out))
            return out
        finally:
            store.close()

    def _finish(self) -> list[Diagnostic]:
        try:
            twin = self._exact_groups()
            template, lines, line_docs = self._templates(twin)
            out = self._duplicates(twin, template, lines, line_docs)
            need = max(self.options.template_min_docs, math.ceil(self.options.template_min_share * len(self.docs)))
            reported = {h for h in template if self._template_counts[h] >= need}
            out.extend(self._template_diagnostics(reported, lines, line_docs))
        finally:
            self._close()
        order = {(d.path, d.record): i for i, d in enumerate(self.docs)}
        out.sort(key=lambda d: (order.get((d.path, d.record), 0), d.line, d.column, d.code))
        return out

    def _close(self) -> None:
        for store in (self._store, self._titles, self._band_keys, self._positions):
            store.close()
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def _exact_groups(self) -> dict[int, int]:
        """For every document whose normalised text equals an earlier one's: that earlier one."""
        first_of: dict[bytes, int] = {}
        twin: dict[int, int] = {}
        for i, d in enumerate(self.docs):
            if d.text_hash is not None:
                j = first_of.setdefault(d.text_hash, i)
                if j != i:
                    twin[i] = j
        return twin

    def _templates(self, twin: dict[int, int]) -> tuple[set[int], np.ndarray, np.ndarray]:
        """Hashes of the template lines, and every candidate line with its document.

        A template line recurs in `template-min-docs` documents (exact copies count once) at the same place,
        and the block of lines that comes with it is small: when the lines that recur with it add
        up to more than `MAX_TEMPLATE_BLOCK_WORDS` words, the documents share an article body
        (syndicated copies, for N001), not a site template."""
        self._template_counts: dict[int, int] = {}
        if not self._lines:
            return set(), np.zeros(0, KEPT_DTYPE), np.zeros(0, np.uint32)
        lines = self._lines.array(KEPT_DTYPE)
        docs = np.repeat(np.frombuffer(self._line_owner, np.uint32), np.frombuffer(self._line_count, np.uint32))
        opts = self.options
        # The share of the corpus only decides what is reported (N003): a footer on ten pages of a
        # site is chrome to strip before comparing, even in a corpus of a million documents.
        need = opts.template_min_docs
        # one occurrence per (exact-duplicate group, line): the first
        if twin:
            group_of = np.arange(len(self.docs), dtype=np.uint32)
            group_of[np.fromiter(twin.keys(), np.int64, len(twin))] = np.fromiter(twin.values(), np.uint32, len(twin))
            groups = group_of[docs]
            del group_of
        else:
            groups = docs
        hashes = lines["hash"]
        order = np.lexsort((groups, hashes))  # stable: rows in input order within a (line, group)
        sorted_hashes, sorted_groups = hashes[order], groups[order]
        del groups
        new = np.ones(len(order), bool)
        new[1:] = (sorted_hashes[1:] != sorted_hashes[:-1]) | (sorted_groups[1:] != sorted_groups[:-1])
        first = order[new]  # the first row of each (line, group)
        del order, new, sorted_hashes, sorted_groups
        # The occurrences of each line in input order, and per line how many there are.
        by_line = first[np.lexsort((first, hashes[first]))]
        del first
        line_hashes = hashes[by_line]
        starts = np.flatnonzero(np.concatenate(([True], line_hashes[1:] != line_hashes[:-1])))
        uh = line_hashes[starts]
        counts = np.diff(np.append(starts, len(by_line)))
        del line_hashes
        rows_of_doc = _RowIndex(self._line_owner, self._line_count)
        template: set[int] = set()
        bounds = np.append(starts, len(by_line)).tolist()
        from_start, from_end = lines["from_start"], lines["from_end"]
        # The lines of one article recur in the same documents: their block is measured once.
        block_words: dict[bytes, int] = {}
        recurring = np.flatnonzero(counts >= need).tolist()
        tick = self._step("recurring lines checked for site template", len(recurring))
        for idx in recurring:
            tick(1)
            occ = by_line[bounds[idx] : bounds[idx + 1]]
            stable = max(np.bincount(from_start[occ]).max(), np.bincount(from_end[occ]).max())
            if stable < opts.template_min_stability * len(occ):
                continue
            sample = docs[occ[:TEMPLATE_SAMPLE]]
            words = block_words.get(sample.tobytes())
            if words is None:
                words = block_words[sample.tobytes()] = _block_words(lines, sample, rows_of_doc)
            if words > MAX_TEMPLATE_BLOCK_WORDS:
                continue
            template.add(int(uh[idx]))
        # (only the template lines' counts are ever looked up)
        self._template_counts = {int(h): int(c) for h, c in zip(uh, counts) if int(h) in template}
        return template, lines, docs

    def _comparable_set(self, i: int, template: set[int], lines: np.ndarray, line_docs: np.ndarray,
                        by_doc: _RowIndex) -> np.ndarray:
        values = self._store.get(i)
        rows = by_doc.get(i)
        if rows is not None and template:
            # the document's template lines (a few rows: a set lookup each, not a numpy call)
            mine = [k for k, h in enumerate(lines["hash"][rows].tolist()) if h in template]
            if mine:
                keep = np.ones(len(values), bool)
                for lo, hi in zip(lines["lo"][rows[mine]].tolist(), lines["hi"][rows[mine]].tolist()):
                    keep[lo:hi] = False
                values = values[keep]
        return _distinct(values)

    def _candidates(self) -> tuple[np.ndarray, np.ndarray]:
        """Candidate pairs from the LSH buckets: (earlier, later) documents, sorted."""
        if not self._band_keys.rows:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        docs = np.frombuffer(self._band_docs, np.int64)
        n = len(self.docs)
        # Pairs (earlier, later) are coded as earlier * n + later; sorted codes are sorted pairs.
        pairs = np.zeros(0, np.int64)
        tick = self._step("LSH bands searched for candidates", self.bands)
        for band in range(self.bands):
            tick(1)
            if band % 8 == 0:  # the keys come from disk, eight bands at a time
                keys = self._band_keys.columns(band, min(band + 8, self.bands))
            col = keys[band % 8]
            order = np.argsort(col, kind="stable")
            sorted_keys = col[order]
            members = docs[order]  # a bucket is a run of equal keys, its members in input order
            found = []
            # every member with each of the (at most MAX_PEERS) members before it in its bucket;
            # in a bucket of more than BIG_BUCKET members, with the one before it and the first
            big = None
            for gap in range(1, min(MAX_PEERS, len(col) - 1) + 1):
                same = sorted_keys[gap:] == sorted_keys[:-gap]
                if not same.any():
                    break  # no bucket has more than ``gap`` members
                if gap == 2 and len(col) > BIG_BUCKET:
                    first, big = _big_buckets(sorted_keys)
                    if big is not None:
                        at = np.flatnonzero(big)
                        at = at[at > first[at] + 1]  # (the second member's pair with the first is gap 1)
                        found.append(members[first[at]] * n + members[at])
                if big is not None and gap > 1:
                    same &= ~big[gap:]
                found.append(members[:-gap][same] * n + members[gap:][same])
            if found:
                pairs = _distinct(np.concatenate([pairs, *found]))
        return pairs // n, pairs % n

    def _duplicates(self, twin: dict[int, int], template: set[int], lines: np.ndarray,
                    line_docs: np.ndarray) -> list[Diagnostic]:
        """N001 and N002: cluster exact and verified near duplicates, report all but the kept one."""
        n = len(self.docs)
        clustered = _UnionFind(n)
        find, union = clustered.find, clustered.union
        for i, j in twin.items():
            union(j, i)
        # near duplicates among documents that are not exact copies of an earlier one
        by_doc = _RowIndex(self._line_owner, self._line_count)
        cache: OrderedDict[int, np.ndarray] = OrderedDict()

        def shingle_set(i: int) -> np.ndarray:
            # `_verify` asks for a document's set about once (see there): the few sets asked for
            # again after they left the cache are computed again rather than written to disk.
            got = cache.get(i)
            if got is None:
                got = cache[i] = self._comparable_set(i, template, lines, line_docs, by_doc)
                if len(cache) > 1024:
                    cache.popitem(last=False)
            return got

        best: dict[int, tuple[float, float, float, int]] = {}
        opts = self.options
        earlier, later = self._candidates()
        live, common, size = self._verify(earlier, later, twin, shingle_set)
        # The verified pairs are applied in pair order (earlier, later), whatever order they
        # were verified in: ties in `best` go to the first pair.
        sizes = size.tolist()
        for a, b, inter in _pair_rows(np.flatnonzero(live), earlier, later, common):
            len_a, len_b = sizes[a], sizes[b]
            if not _similar(inter, len_a, len_b, opts):
                continue
            jaccard = inter / (len_a + len_b - inter)
            c_b = inter / len_b  # share of the later document's shingles found in the earlier
            c_a = inter / len_a
            union(a, b)
            for this, other, mine, theirs in ((b, a, c_b, c_a), (a, b, c_a, c_b)):
                if this not in best or jaccard > best[this][0]:
                    best[this] = (jaccard, mine, theirs, other)
        clusters: dict[int, list[int]] = {}
        for i in range(n):
            clusters.setdefault(find(i), []).append(i)
        out: list[Diagnostic] = []
        rules = all_rules()
        severities = Linter(self.settings).base_table.severities
        for members in clusters.values():
            if len(members) < 2:
                continue
            kept = self._kept(members)
            for i in members:
                if i == kept:
                    continue
                d = self.docs[i]
                same = d.text_hash is not None and d.text_hash == self.docs[kept].text_hash
                earlier = twin.get(i)
                if same or (earlier is not None and earlier != i):
                    if not d.enabled & _N002:
                        continue
                    target = kept if same else earlier
                    assert target is not None
                    msg = f"Exact duplicate of {self.docs[target].name} (same text after normalisation)"
                    if not same:
                        msg += f"; cluster of {len(members)} kept as {self.docs[kept].name}"
                    out.append(self._doc_diagnostic(
                        rules["N002"], severities, i, msg, [kept] if same else [target, kept], 1.0, kept))
                    continue
                if not d.enabled & _N001:
                    continue
                source = i if i in best else twin.get(i, i)
                jaccard, mine, theirs, other = best[source]
                if theirs > mine:
                    share = f"{round(theirs * 100)} % of its shingles occur in this article"
                else:
                    share = f"{round(mine * 100)} % of this article's shingles occur in it"
                msg = f"Near-duplicate of {self.docs[other].name} (Jaccard {jaccard:.2f}; {share})"
                related = [kept]
                if other != kept:
                    msg += f"; cluster of {len(members)} kept as {self.docs[kept].name}"
                    related.append(other)
                out.append(self._doc_diagnostic(rules["N001"], severities, i, msg, related, round(jaccard, 4), kept))
        return out

    def _verify(
        self, earlier: np.ndarray, later: np.ndarray, twin: dict[int, int], shingle_set: Callable[[int], np.ndarray]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The shingles each candidate pair has in common: (which pairs count: neither document
        is an exact copy of an earlier one; the common shingles of each such pair whose documents
        both have `MIN_SHINGLES`; the size of every document's comparable set that was read, -1
        for the others).

        The pairs are verified one connected group of candidates after the other, each group's
        pairs by their earlier document, so a document's set is read from disk about once: in
        pair order, the later documents of successive pairs are scattered over the corpus and
        the sets would be read back for most pairs."""
        n = len(self.docs)
        size = np.full(n, -1, np.int64)
        common = np.zeros(len(earlier), np.int64)
        if twin:
            copy = np.zeros(n, bool)
            copy[np.fromiter(twin.keys(), np.int64, len(twin))] = True
            live = ~(copy[earlier] | copy[later])
        else:
            live = np.ones(len(earlier), bool)
        pairs = np.flatnonzero(live)
        if not len(pairs):
            return live, common, size
        groups = _UnionFind(n)
        for a, b in _pair_rows(pairs, earlier, later):
            groups.union(a, b)
        roots = np.empty(len(pairs), np.int64)
        for lo in range(0, len(pairs), _PAIR_CHUNK):
            roots[lo : lo + _PAIR_CHUNK] = [groups.find(a) for a in earlier[pairs[lo : lo + _PAIR_CHUNK]].tolist()]
        # by group; within a group, in pair order (so grouped by earlier document)
        order = pairs[np.argsort(roots, kind="stable")]
        del roots
        ordered = earlier[order]
        runs = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
        bounds = [*runs.tolist(), len(order)]
        tick = self._step("candidate pairs verified", len(order))
        # Verified near duplicates so far, to skip pairs inside a large cluster (see `BIG_CLUSTER`).
        joined = _UnionFind(n)
        members: dict[int, int] = {}  # root: size, for clusters of more than one document
        opts = self.options
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            tick(hi - lo)
            a = int(ordered[lo])
            sa = shingle_set(a)
            size[a] = len(sa)
            if len(sa) < MIN_SHINGLES:
                continue
            run = order[lo:hi]
            sets = []
            root_a = joined.find(a)
            big = members.get(root_a, 1) >= BIG_CLUSTER
            for p, b in zip(run.tolist(), later[run].tolist()):
                if big and joined.find(b) == root_a:
                    live[p] = False  # already in a's cluster: nothing to learn
                    continue
                sb = shingle_set(b)
                size[b] = len(sb)
                if len(sb) >= MIN_SHINGLES:
                    sets.append((p, b, sb))
            if not sets:
                continue
            counts = _common_many(sa, [sb for _, _, sb in sets])
            for (p, b, sb), inter in zip(sets, counts):
                common[p] = inter
                if _similar(inter, len(sa), len(sb), opts):
                    ra, rb = joined.find(a), joined.find(b)
                    if ra != rb:
                        joined.union(ra, rb)
                        members[joined.find(ra)] = members.pop(ra, 1) + members.pop(rb, 1)
        return live, common, size

    def _kept(self, members: list[int]) -> int:
        keep = self.options.keep
        if keep == "longest":
            return min(members, key=lambda i: (-self.docs[i].length, i))
        if keep == "oldest":
            def age(i: int) -> tuple[int, Any, int]:
                date = self.docs[i].date
                if date is None:
                    return (2, 0, i)
                return (0, date, i) if isinstance(date, (int, float)) else (1, date, i)

            return min(members, key=age)
        return min(members)

    def _location(self, i: int) -> Location:
        d = self.docs[i]
        return Location(d.path, d.record, d.first[0], d.first[1])

    def _doc_diagnostic(self, rule: Any, severities: dict[str, Severity], i: int, message: str,
                        related: list[int], similarity: float, kept: int) -> Diagnostic:
        d = self.docs[i]
        line, column, end_line, end_column = d.first
        # A JSONL record that is a copy can be left out of the cleaned corpus (`--fix
        # --unsafe-fixes --output-dir`: lintnews.run.CheckRun.dropped); a file is never deleted.
        fix = None if d.record_line is None else Fix(DROP_TITLE, (), safe=False)
        return Diagnostic(
            path=d.path,
            record=d.record,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            code=rule.code,
            name=rule.name,
            severity=severities.get(rule.code, rule.severity),
            message=message,
            fix=fix,
            related=[self._location(r) for r in related],
            record_line=d.record_line,
            snippet=self._titles.get_bytes(d.title_at).decode("utf-8", "surrogatepass"),
            similarity=similarity,
            kept=self._location(kept),
        )

    def _template_diagnostics(self, template: set[int], lines: np.ndarray, line_docs: np.ndarray) -> list[Diagnostic]:
        if not template:
            return []
        rule = all_rules()["N003"]
        severity = Linter(self.settings).base_table.severities.get("N003", rule.severity)
        out: list[Diagnostic] = []
        seen: set[tuple[int, int]] = set()
        n = len(self.docs)
        # the rows of each document are one range; its positions one record in `_positions`
        owner_rows = _RowIndex(self._line_owner, self._line_count)
        record_of = {doc: k for k, doc in enumerate(self._line_owner)}
        wanted = np.flatnonzero(np.isin(lines["hash"], np.fromiter(template, np.uint64, len(template))))
        for r, h, i in zip(wanted.tolist(), lines["hash"][wanted].tolist(), line_docs[wanted].tolist()):
            if (i, h) in seen or not self.docs[i].enabled & _N003:
                continue
            seen.add((i, h))
            d = self.docs[i]
            count = self._template_counts[h]
            k = record_of[i]
            at = 16 * (r - owner_rows.start[i])
            row = np.frombuffer(self._positions.get_bytes(k)[at : at + 16], POSITION_DTYPE)[0]
            out.append(
                Diagnostic(
                    path=d.path,
                    record=d.record,
                    line=int(row["line"]),
                    column=int(row["column"]),
                    end_line=int(row["end_line"]),
                    end_column=int(row["end_column"]),
                    code=rule.code,
                    name=rule.name,
                    severity=severity,
                    message=f"Line recurs in {count} of {n} documents at the same place (site template)",
                    record_line=d.record_line,
                )
            )
        return out


class _ByteBlocks:
    """A growing concatenation of byte strings, merged every `SIZE` appends."""

    SIZE = 4096

    def __init__(self) -> None:
        self._blocks: list[bytearray] = []
        self._pending: list[bytes] = []

    def append(self, data: bytes) -> None:
        self._pending.append(data)
        if len(self._pending) >= self.SIZE:
            self._blocks.append(bytearray().join(self._pending))
            self._pending = []

    def __len__(self) -> int:
        return len(self._blocks) + len(self._pending)

    def array(self, dtype: np.dtype) -> np.ndarray:
        """Everything appended, as one array. The blocks are released as they are copied, so
        the peak is the array plus one block; the array then is the only block."""
        if self._pending:
            self._blocks.append(bytearray().join(self._pending))
            self._pending = []
        out = np.empty(sum(len(b) for b in self._blocks) // dtype.itemsize, dtype)
        flat = out.view(np.uint8).reshape(-1)
        at = 0
        self._blocks.reverse()
        while self._blocks:
            block = self._blocks.pop()
            flat[at : at + len(block)] = np.frombuffer(block, np.uint8)
            at += len(block)
            del block
        self._blocks = [flat.data]  # type: ignore[list-item]  # a memoryview: bytes-like, not copied
        return out


class _Blocks:
    """A growing concatenation of 1-D arrays, merged every `SIZE` appends."""

    SIZE = 4096

    def __init__(self) -> None:
        self._blocks: list[np.ndarray] = []
        self._pending: list[np.ndarray] = []

    def append(self, values: np.ndarray) -> None:
        self._pending.append(values)
        if len(self._pending) >= self.SIZE:
            self._blocks.append(np.concatenate(self._pending))
            self._pending = []

    def __len__(self) -> int:
        return len(self._blocks) + len(self._pending)

    def array(self) -> np.ndarray:
        """Everything appended, as one array (blocks released as they are copied, as in
        `_ByteBlocks.array`)."""
        if self._pending:
            self._blocks.append(np.concatenate(self._pending))
            self._pending = []
        if len(self._blocks) == 1:
            return self._blocks[0]
        out = np.empty(sum(len(b) for b in self._blocks), self._blocks[0].dtype)
        at = 0
        self._blocks.reverse()
        while self._blocks:
            block = self._blocks.pop()
            out[at : at + len(block)] = block
            at += len(block)
            del block
        self._blocks = [out]
        return out


def _big_buckets(sorted_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """For each position of the sorted band keys, the position of the first member of its bucket
    (the run of equal keys), and whether the bucket has more than `BIG_BUCKET` members (None
    when no bucket has)."""
    n = len(sorted_keys)
    starts = np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))
    sizes = np.diff(np.append(starts, n))
    if sizes.max() <= BIG_BUCKET:
        return starts, None
    first = np.repeat(starts, sizes)
    return first, np.repeat(sizes > BIG_BUCKET, sizes)


def _similar(inter: int, len_a: int, len_b: int, opts: CorpusOptions) -> bool:
    """Whether two comparable sets of these sizes with ``inter`` shingles in common are near
    duplicates (`min-jaccard`, or `min-containment` of the smaller in the larger)."""
    if len_a < MIN_SHINGLES or len_b < MIN_SHINGLES:
        return False
    return inter / (len_a + len_b - inter) >= opts.min_jaccard or inter / min(len_a, len_b) >= opts.min_containment


class _UnionFind:
    """Disjoint sets of the numbers 0 to n - 1, each named by its smallest member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


#: Candidate pairs turned into Python values at once (a list of ints costs ~36 bytes an item).
_PAIR_CHUNK = 1 << 16


def _pair_rows(pairs: np.ndarray, *columns: np.ndarray) -> Iterator[tuple[int, ...]]:
    """``(columns[0][p], columns[1][p], ...)`` as Python ints for every index ``p`` of ``pairs``,
    in order, converted a chunk at a time so memory does not grow with the number of pairs."""
    for lo in range(0, len(pairs), _PAIR_CHUNK):
        part = pairs[lo : lo + _PAIR_CHUNK]
        yield from zip(*(column[part].tolist() for column in columns))


def _distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` of a 1-D array, by sorting (numpy 2's hash-based `unique` is several
    times slower on arrays of this size)."""
    out = np.sort(values)
    if len(out) > 1:
        keep = np.empty(len(out), bool)
        keep[0] = True
        np.not_equal(out[1:], out[:-1], out=keep[1:])
        out = out[keep]
    return out


def _common_many(a: np.ndarray, others: list[np.ndarray]) -> list[int]:
    """How many values ``a`` shares with each of ``others`` (all sorted uint32 arrays of
    distinct values, none empty): by merging in the compiled kernel (`lintnews.native`) when it
    is built, else with `_py_common_many`."""
    if native.compiled is not None:
        found: list[int] = native.compiled.common_counts(
            np.ascontiguousarray(a, np.uint32), [np.ascontiguousarray(o, np.uint32) for o in others]
        )
        return found
    return _py_common_many(a, others)


def _py_common_many(a: np.ndarray, others: list[np.ndarray]) -> list[int]:
    """`_common_many` in numpy: a binary search of ``a`` for every value of ``others``."""
    joined = np.concatenate(others)
    at = np.searchsorted(a, joined)
    np.minimum(at, len(a) - 1, out=at)
    hits = (a[at] == joined).astype(np.int64)
    starts = np.cumsum([0, *(len(o) for o in others[:-1])])
    counts: list[int] = np.add.reduceat(hits, starts).tolist()
    return counts


class _RowIndex:
    """The candidate-line rows of each document: documents add their rows in input order, so a
    document's rows are one contiguous range. Looked up by document number in O(1) (plain
    lists: the corpus phase asks for one document at a time, hundreds of thousands of times)."""

    def __init__(self, owner: array.array, count: array.array) -> None:
        owners = np.frombuffer(owner, np.uint32) if len(owner) else np.zeros(0, np.uint32)
        counts = np.frombuffer(count, np.uint32).astype(np.int64) if len(count) else np.zeros(0, np.int64)
        size = int(owners.max()) + 1 if len(owners) else 0
        start = np.zeros(size, np.int64)
        number = np.zeros(size, np.int64)
        start[owners] = np.cumsum(counts) - counts
        number[owners] = counts
        self.start: list[int] = start.tolist()
        self.count: list[int] = number.tolist()

    def get(self, doc: int) -> np.ndarray | None:
        if doc >= len(self.count) or not self.count[doc]:
            return None
        start = self.start[doc]
        return np.arange(start, start + self.count[doc])

    def __getitem__(self, doc: int) -> np.ndarray:
        rows = self.get(doc)
        if rows is None:
            raise KeyError(doc)
        return rows


def _group_rows(line_docs: np.ndarray) -> dict[int, np.ndarray]:
    """Rows of the candidate-line table by document."""
    by_doc: dict[int, np.ndarray] = {}
    if len(line_docs):
        order = np.argsort(line_docs, kind="stable")
        sorted_docs = line_docs[order]
        bounds = np.flatnonzero(np.concatenate(([True], sorted_docs[1:] != sorted_docs[:-1], [True])))
        for s, e in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
            by_doc[int(sorted_docs[s])] = order[s:e]
    return by_doc


def _block_words(lines: np.ndarray, docs: np.ndarray, rows_of_doc: _RowIndex | dict[int, np.ndarray]) -> int:
    """Words in the lines that recur in at least 80 % of ``docs`` (a template line's block)."""
    parts = [rows_of_doc[int(d)] for d in docs]
    rows = np.concatenate(parts)
    hashes = lines["hash"][rows]
    owner = np.repeat(docs.astype(np.int64), [len(part) for part in parts])
    # count each line once per document: distinct (hash, document) pairs, then documents per hash
    order = np.lexsort((owner, hashes))
    h, o = hashes[order], owner[order]
    new_pair = np.ones(len(h), bool)
    new_pair[1:] = (h[1:] != h[:-1]) | (o[1:] != o[:-1])
    h = h[new_pair]
    starts = np.flatnonzero(np.concatenate(([True], h[1:] != h[:-1])))
    counts = np.diff(np.append(starts, len(h)))
    block = h[starts][counts >= 0.8 * len(docs)]  # sorted
    if not len(block):
        return 0
    at = np.searchsorted(block, hashes)
    np.minimum(at, len(block) - 1, out=at)
    inside = np.flatnonzero(block[at] == hashes)
    # each block line counts with the words of its last row
    by_hash = np.argsort(hashes[inside], kind="stable")
    sorted_hashes = hashes[inside][by_hash]
    last = np.ones(len(sorted_hashes), bool)
    last[:-1] = sorted_hashes[1:] != sorted_hashes[:-1]
    return int(lines["words"][rows[inside][by_hash][last]].astype(np.int64).sum())


def _band_keys(minhash: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One 64-bit key per LSH band of a MinHash signature."""
    out: np.ndarray = _band_keys_many(minhash[None, :], bands, rows)[0]
    return out


def _band_keys_many(minhashes: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """`_band_keys` of every row of ``minhashes``: shape ``(len(minhashes), bands)``."""
    values = minhashes[:, : bands * rows].astype(np.uint64).reshape(len(minhashes), bands, rows)
    key = np.broadcast_to(np.arange(bands, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15), (len(minhashes), bands))
    for r in range(rows):
        key = (key ^ values[:, :, r]) * np.uint64(0x100000001B3)
        key ^= key >> np.uint64(29)
    out: np.ndarray = key
    return out


def _distinct_counts(hashes: np.ndarray, counts: list[int]) -> np.ndarray:
    """Number of distinct values in each document's run of ``hashes`` (``counts[i]`` values
    belong to document ``i``)."""
    owner = np.repeat(np.arange(len(counts), dtype=np.uint64), counts)
    both = np.sort((owner << np.uint64(32)) | hashes.astype(np.uint64))
    new = np.ones(len(both), bool)
    new[1:] = both[1:] != both[:-1]
    out: np.ndarray = np.bincount((both[new] >> np.uint64(32)).astype(np.int64), minlength=len(counts))
    return out


# --- the phase as the run uses it -------------------------------------------------------------


def corpus_codes(settings: Settings) -> set[str]:
    """Corpus rules selected anywhere in the run (per-file ignores are applied per document)."""
    return {r.code for r in Linter(settings).base_table.rules if r.corpus} & set(CODES)


def make_signer(settings: Settings, enabled: bool = True) -> CorpusSigner | None:
    """The signer for a run, or None when the phase is off (``--no-corpus``) or no corpus rule
    is selected. Validates ``[corpus]`` either way."""
    CorpusOptions.from_settings(settings)
    if not enabled or not corpus_codes(settings):
        return None
    return CorpusSigner(settings)


def run_corpus(settings: Settings, signatures: Iterable[DocSignature | None]) -> list[Diagnostic]:
    """Fold the signatures of a run (in input order) and return the corpus diagnostics."""
    index = CorpusIndex(settings)
    for sig in signatures:
        if sig is not None:
            index.add(sig)
    return index.finish()


def check_corpus(docs: Iterable[Document], settings: Settings) -> Iterator[Diagnostic]:
    """Corpus diagnostics of documents linted with ``settings`` (per-document rules included, so
    chrome lines are stripped as in a real run). For tests and library use."""
    linter = Linter(settings)
    signer = CorpusSigner(settings)
    index = CorpusIndex(settings)
    for doc in docs:
        index.add(signer(doc, linter.lint(doc).diagnostics))
    yield from index.finish()
