"""Sealed report entries: a document's report as a run formatted it, which a re-run writes out as
it is, sealed with a secret of this installation so that nobody else can make one.

The result cache is untrusted input (see `lintnews.cache`): every entry is checked field by field
before its diagnostics are believed, and on a cached re-run of a crawl that checking, with the
decoding and formatting it feeds, was half of the CPU. A worker of a run that formats its
documents' diagnostics for the report (`lintnews.reporters.formatted`) hands the main process
each document's report text and counts; the main process also stores them, as a *report entry*
(under the document's key and `REPORT`), sealed with an HMAC-SHA256 of the key and the entry
under a secret. A re-run with the same report settings (`format_tag`) that finds a report entry
whose seal checks out writes its text as it is: it was made by this installation's own code,
from this document (the key is the document's bytes and name, the run's settings and lintnews's
source). An entry without a valid seal (planted, damaged, another installation's, made before
the secret changed) is ignored, and the document's results entry is read and checked as before.

The secret is 32 random bytes in a file beside lintnews's bytecode (``__pycache__/``, or the
folder `lintnews.kept_files.FOLDER_VARIABLE` names), which only its owner may read (mode 0600):
anyone who could write it could write lintnews's bytecode too, so it is trusted as that is. It is
made by the first run that seals, and only where bytecode is written (not under
``PYTHONDONTWRITEBYTECODE``, nor in a folder this user cannot write): without it nothing is
sealed and every re-run checks every entry, as before. A secret file that is not a regular file
of this user's, that others may read, or that is not 32 bytes is not used.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lintnews import kept_files
from lintnews.analysis import Analysis
from lintnews.cache.entries import _pack, _unpack
from lintnews.diagnostics import SEVERITY_BY_NUMBER, Severity
from lintnews.reporters.base import Tally
from lintnews.reporters.formatted import FormattedDocument

if TYPE_CHECKING:
    from lintnews.cache.store import ResultCache
    from lintnews.corpus.index import CorpusIndex
    from lintnews.reporters.formatted import DocumentFormat

#: What a document's report entry is stored under: its results entry's key with this after it.
REPORT = b"t"
_SIZE = 32
#: Bytes of the seal at the start of a sealed value (an HMAC-SHA256, cut to 128 bits).
SEAL = 16
#: The secret of each file once looked up: None when there is none (not looked up again).
_known: dict[Path, bytes | None] = {}


def secret_file() -> Path:
    return kept_files.path(Path(__file__).resolve().parent.parent, "cache-seal")


def secret(create: bool = False) -> bytes | None:
    """This installation's secret (made now if ``create`` and it may be written), or None."""
    file = secret_file()
    found = _known.get(file)
    if found is not None or file in _known and not create:
        return found
    found = _read(file)
    if found is None and create:
        found = _make(file)
    _known[file] = found
    return found


def forget() -> None:
    """Look the secret up again next time (tests)."""
    _known.clear()


def _read(file: Path) -> bytes | None:
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if (
            not (st.st_mode & 0o170000 == 0o100000)  # a regular file
            or st.st_size != _SIZE
            or (hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o077))
        ):
            return None
        data = os.read(fd, _SIZE + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) == _SIZE else None


def _make(file: Path) -> bytes | None:
    """A new secret written to ``file`` (whole, mode 0600), read back as written; None where
    bytecode is not written or the file cannot be."""
    if not kept_files.writable(file) or not kept_files.write_bytes(file, os.urandom(_SIZE), private=True):
        return None
    # (read back: of two runs making one at once, the later file is the secret of both)
    return _read(file)


def format_tag(document_format: DocumentFormat) -> str:
    """What a report entry's text follows from beside its document and the run's settings (which
    its key holds): the report format and how it shows fixes."""
    f, p = document_format, document_format.policy
    return repr((f.fmt, f.color, f.quiet, f.unsafe_fixes, p.unsafe, p.fixable, p.unfixable))


def seal(key: bytes, secret: bytes, body: bytes) -> bytes:
    """``body`` sealed for ``key``: its seal, then it."""
    return hmac.digest(secret, key + body, "sha256")[:SEAL] + body


def opened(key: bytes, secret: bytes, value: Any) -> bytes | None:
    """The body of ``value`` if it is sealed for ``key`` with ``secret``, else None."""
    if type(value) is not bytes or len(value) < SEAL:
        return None
    body = value[SEAL:]
    if not hmac.compare_digest(hmac.digest(secret, key + body, "sha256")[:SEAL], value[:SEAL]):
        return None
    return body


def dump_report(analysis: Analysis, tag: str) -> bytes | None:
    """The report entry of a document whose report a worker formatted (`Analysis.formatted`),
    or which has no diagnostic; None for any other (its report was not made where it was
    found)."""
    formatted = analysis.formatted
    path, record = analysis.path, analysis.record
    if formatted is None:
        if analysis.diagnostics:
            return None
        text, total, severities, fixable, hidden = "", 0, [], 0, 0
    else:
        t = formatted.tally
        if t.affected != ({(path, record)} if t.total else set()):
            return None
        text, total, fixable, hidden = formatted.text, t.total, t.fixable, t.hidden_unsafe
        severities = [[int(s), n] for s, n in t.by_severity.items()]
    return _pack(
        "report",
        [tag, path, record, analysis.record_line, analysis.score, text, total, severities, fixable, hidden],
    )


def load_report(body: bytes | None, tag: str, path: str, line: int | None) -> Analysis | None:
    """The document of an opened report entry (``body``) made for the unit ``path`` (JSONL
    ``line``) in a run of the report settings ``tag``, its report as it was formatted
    (`Analysis.formatted`, None without diagnostics); None if it is not one."""
    if body is None:
        return None
    try:
        (t, a_path, record, record_line, score, text, total, severities, fixable, hidden) = _unpack(
            body, "report"
        )
        if t != tag or a_path != path or record_line != line:
            return None
        formatted = None
        if total:
            # (set count by count: `Counter`'s constructor checks its argument against the
            # `Mapping` ABC, once a document)
            by_severity: Counter[Severity] = Counter()
            for n, c in severities:
                by_severity[SEVERITY_BY_NUMBER[n]] = c
            formatted = FormattedDocument(text, Tally(total, by_severity, fixable, hidden, {(path, record)}))
        found = Analysis(path, record, record_line, [], score)
    except Exception:  # (sealed, so made by this installation; but never trusted to crash)
        return None
    found.formatted = formatted
    return found


def store_report(cache: ResultCache, key: bytes, analysis: Analysis, secret: bytes, tag: str) -> None:
    """Store the sealed report entry of ``analysis`` (see `dump_report`) for the key ``key``."""
    body = dump_report(analysis, tag)
    if body is not None:
        cache.put_entry(key + REPORT, seal(key + REPORT, secret, body))


def reports(cache: ResultCache, keys: list[bytes | None], secret: bytes) -> dict[bytes, bytes]:
    """The opened report entries (`opened`) of those of ``keys`` that have one sealed with
    ``secret``, by key."""
    found = cache.get_many([k + REPORT for k in keys if k is not None])
    out: dict[bytes, bytes] = {}
    for rk, value in found.items():
        body = opened(rk, secret, value)
        if body is not None:
            out[rk[:-1]] = body
    return out


class CorpusReport:
    """The corpus phase's report of a run (its findings formatted as `FormattedDocument` parts),
    sealed in the result cache under the corpus's key (`CorpusIndex.result_key`), `REPORT` and
    8 bytes of the SHA-1 of the report settings (`format_tag`), as a document's report is: a re-run of the same documents with the same report settings
    writes the parts as they are (`parts`), without decoding and checking the corpus entry."""

    def __init__(self, index: CorpusIndex, cache_dir: str | None, document_format: DocumentFormat) -> None:
        key = index.result_key() if cache_dir else None
        self.secret = secret() if key is not None else None
        self.index, self.cache_dir, self.tag = index, cache_dir, format_tag(document_format)
        # (one a report setting: a re-run in another format does not replace it)
        tag_digest = hashlib.sha1(self.tag.encode()).digest()[:8]
        self.key = None if key is None or self.secret is None else key + REPORT + tag_digest

    def parts(self) -> list[FormattedDocument] | None:
        if self.key is None or self.secret is None or self.cache_dir is None:
            return None
        from lintnews.cache.store import ResultCache

        store = ResultCache(self.cache_dir)
        try:
            body = opened(self.key, self.secret, store.get(self.key))
        finally:
            store.close()
        if body is None:
            return None
        try:
            tag, parts = _unpack(body, "corpus-report")
            if tag != self.tag:
                return None
            found = [_part(*p) for p in parts]
        except Exception:  # (sealed, so made by this installation; but never trusted to crash)
            return None
        self.index.answered()
        return found

    def store(self, parts: list[FormattedDocument]) -> None:
        if self.key is None or self.secret is None or self.cache_dir is None:
            return
        data = [
            [
                p.text,
                p.tally.total,
                [[int(s), n] for s, n in p.tally.by_severity.items()],
                p.tally.fixable,
                p.tally.hidden_unsafe,
                sorted(p.tally.affected, key=lambda a: (a[0], a[1] or "")),
            ]
            for p in parts
        ]
        body = _pack("corpus-report", [self.tag, data])
        if body is None:
            return
        from lintnews.cache.store import ResultCache

        store = ResultCache(self.cache_dir, writable=True)
        try:
            store.put_entry(self.key, seal(self.key, self.secret, body))
        finally:
            store.close()


def _part(
    text: str, total: int, severities: Any, fixable: int, hidden: int, affected: Any
) -> FormattedDocument:
    by_severity: Counter[Severity] = Counter()
    for n, c in severities:
        by_severity[SEVERITY_BY_NUMBER[n]] = c
    return FormattedDocument(text, Tally(total, by_severity, fixable, hidden, {(p, r) for p, r in affected}))
