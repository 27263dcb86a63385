"""The result cache: per-document results keyed by content, rules, configuration and version.

A key is the SHA-1 of the run's fingerprint (lintnews version, every setting, the bytes of every
phrase pack in use, the selected rules) plus the document's name and raw bytes. Anything that can
change a result changes the key, so a stale entry is never returned: it is just never asked for
again. Entries live in one SQLite file under the cache folder (`lintnews clean` removes it).

The cache is untrusted input: a repository can ship a ``.lintnews_cache`` folder, and with the
default settings its keys can be computed in advance. So entries are plain data (msgpack: lists,
strings, numbers, byte strings; never pickle or anything else that runs code when read), every
entry is checked field by field against the shape and the document it is read for, and an entry
that does not fit is a miss: the document is linted again. A cache file SQLite cannot read
(corrupt, truncated, a folder, an unexpected schema) is rebuilt with a one-line warning; a cache
folder that cannot be made or written (its path is a file, no permission) is a one-line warning
and the run goes on without the cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import msgpack

from lintnews import __version__
from lintnews.analysis import Analysis
from lintnews.config import Settings
from lintnews.corpus.lsh import lsh_bands
from lintnews.corpus.options import CorpusOptions
from lintnews.corpus.signature import _DTYPE_CODES, _DTYPES, DocSignature
from lintnews.diagnostics import Diagnostic, Edit, Fix, Location, Severity
from lintnews.registry import all_rules
from lintnews.sources import InputError

DEFAULT_DIR = ".lintnews_cache"
#: Settings the per-document results do not depend on (the run applies them to the results).
_REPORT_ONLY = frozenset({"output_format", "fail_on"})
_FILE = "results.sqlite3"
_SCHEMA = "CREATE TABLE results (key BLOB PRIMARY KEY, value BLOB NOT NULL)"
#: Every object of a cache file lintnews made: anything else (views, triggers, other tables) is
#: not ours, and the file is rebuilt.
_OBJECTS = {("table", "results", _SCHEMA), ("index", "sqlite_autoindex_results_1", None)}


def fingerprint(settings: Settings, rule_codes: Iterable[str]) -> bytes:
    from lintnews.packs import builtin_dir

    h = hashlib.sha1()
    h.update(__version__.encode())
    # Settings that only decide how results are reported, not what they are, stay out: a re-run
    # with another ``--format`` is answered from the cache.
    values = {k: v for k, v in dataclasses.asdict(settings).items() if k not in _REPORT_ONLY}
    h.update(json.dumps(values, sort_keys=True, default=str).encode())
    h.update(",".join(sorted(rule_codes)).encode())
    # The code itself: an edited rule (an editable install, a patched site-packages) must not be
    # answered from results of the old code.
    import lintnews
    import lintnews.rules
    from lintnews import native

    code = sorted(Path(lintnews.__file__).parent.glob("**/*.py")) + sorted(Path(lintnews.rules.__file__).parent.glob("**/*.py"))
    if native.compiled is not None and native.compiled.__file__:  # the compiled kernels are code too
        code.append(Path(native.compiled.__file__))
    packs = sorted(builtin_dir().glob("*.toml")) + [os.path.join(settings.root, p) for p in settings.extend_packs]
    for path in [*code, *packs]:
        try:
            with open(path, "rb") as fh:
                h.update(fh.read())
        except OSError:
            h.update(b"missing:" + str(path).encode())
    return h.digest()


def key(fp: bytes, name: str, payload: bytes) -> bytes:
    h = hashlib.sha1(fp)
    h.update(name.encode("utf-8", "surrogateescape"))
    h.update(b"\0")
    h.update(payload)
    return h.digest()


# --- the file -------------------------------------------------------------------------------


class _NotOurs(Exception):
    """The SQLite file holds objects a lintnews cache never has."""


def _damaged(exc: sqlite3.Error) -> bool:
    """Whether SQLite says the file is not a (sound) database, as opposed to locked, read-only
    or out of space, which say nothing about its content."""
    name = getattr(exc, "sqlite_errorname", None)  # Python 3.11+
    if name is not None:
        return name in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
    return str(exc) in ("file is not a database", "database disk image is malformed")


def _not_a_file(path: str) -> str | None:
    """Why ``path`` cannot be the cache file (a folder, a symlink, a device …), or None."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "it is a folder"
    if stat.S_ISLNK(mode):
        return "it is a symbolic link"
    return "it is not a regular file"


class ResultCache:
    """Readers (worker processes) look results up; the main process writes them in batches.

    Values are bytes (see `dump_unit`, `dump_corpus`); `get` returns them as stored, and the
    ``load_*`` functions check them. ``warn`` is told (one line, naming the file) when the cache
    is rebuilt or cannot be used; readers never warn (the run's writer already did)."""

    def __init__(self, folder: str, writable: bool = False, warn: Callable[[str], None] | None = None) -> None:
        self.folder = folder
        self.writable = writable
        self.path = os.path.join(folder, _FILE)
        self._warn_to = warn if writable else None
        self._pending: list[tuple[bytes, bytes]] = []
        self._db: sqlite3.Connection | None = None
        if not writable:
            if _not_a_file(self.path) is None and os.path.exists(self.path):
                try:
                    self._db = self._connect(create=False)
                except (sqlite3.Error, _NotOurs):
                    self._db = None  # a miss for every key
            return
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            # (`lintnews.run.cache_problem` says so before the run; this is the race after it)
            why = "it is a file, not a folder" if os.path.isfile(folder) else exc.strerror or str(exc)
            self._warn(f"{folder}: cannot use the result cache: {why}; linting without it")
            return
        _write_gitignore(folder)
        problem = _not_a_file(self.path)
        if problem is None:
            try:
                self._db = self._connect(create=True)
                return
            except sqlite3.Error as exc:
                if not _damaged(exc):
                    self._warn(f"{self.path}: cannot use the result cache: {exc}; linting without it")
                    return
                problem = str(exc)
            except _NotOurs:
                problem = "it holds tables lintnews did not make"
        self._rebuild(problem)

    def _warn(self, message: str) -> None:
        if self._warn_to is not None:
            self._warn_to(message)

    def _connect(self, create: bool) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level="DEFERRED" if create else None)
        try:
            # Views and triggers of a planted file must not run functions (SQLite 3.31+).
            db.execute("PRAGMA trusted_schema=OFF")
            if create:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(_SCHEMA.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS", 1))
                db.commit()
            if set(db.execute("SELECT type, name, sql FROM sqlite_master").fetchall()) != _OBJECTS:
                raise _NotOurs
            db.execute("SELECT key, value FROM results LIMIT 1").fetchall()
        except BaseException:
            db.close()
            raise
        return db

    def _rebuild(self, problem: str) -> None:
        """Replace a damaged cache file with an empty one (its entries are lost, not wrong)."""
        if self._db is not None:
            self._db.close()
            self._db = None
        try:
            for path in (self.path, self.path + "-wal", self.path + "-shm", self.path + "-journal"):
                if os.path.isdir(path) and not os.path.islink(path):
                    shutil.rmtree(path)
                elif os.path.lexists(path):
                    os.unlink(path)
            self._db = self._connect(create=True)
        except (OSError, sqlite3.Error, _NotOurs) as exc:
            self._warn(f"{self.path}: the result cache is damaged ({problem}) and cannot be rebuilt ({exc}); linting without it")
            return
        self._warn(f"{self.path}: the result cache was damaged ({problem}); rebuilt it")

    def _failed(self, exc: sqlite3.Error) -> None:
        """An error of a query: a damaged file is rebuilt (writer) or no longer read (reader);
        anything else (locked, no space) only costs this query."""
        if not _damaged(exc):
            return
        if self.writable:
            self._rebuild(str(exc))
        elif self._db is not None:
            self._db.close()
            self._db = None

    def get(self, k: bytes) -> bytes | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM results WHERE key = ?", (k,)).fetchone()
        except sqlite3.Error as exc:
            self._failed(exc)
            return None
        return row[0] if row is not None and type(row[0]) is bytes else None

    def get_many(self, keys: list[bytes]) -> dict[bytes, bytes]:
        """`get` of several keys in one query: the keys found, with their values."""
        found: dict[bytes, bytes] = {}
        for lo in range(0, len(keys), 500):  # SQLite allows 999 parameters a statement
            if self._db is None:
                break
            part = keys[lo : lo + 500]
            try:
                rows = self._db.execute(
                    f"SELECT key, value FROM results WHERE key IN ({','.join('?' * len(part))})", part
                ).fetchall()
            except sqlite3.Error as exc:
                self._failed(exc)
                continue
            for k, blob in rows:
                if type(blob) is bytes:
                    found[k] = blob
        return found

    def put(self, k: bytes, value: bytes | None) -> None:
        if self._db is None or not self.writable or value is None:
            return
        self._pending.append((k, value))
        if len(self._pending) >= 2000:
            self.flush()

    def flush(self) -> None:
        if self._db is None or not self._pending:
            return
        try:
            self._db.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", self._pending)
            self._db.commit()
        except sqlite3.Error as exc:
            self._failed(exc)  # a cache that cannot be written only costs time
        self._pending.clear()

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None


# --- entries ------------------------------------------------------------------------------------
#
# An entry is msgpack of ``[MAGIC, FORMAT, kind, payload]``; every object is a list of fields in
# a fixed order (see the ``_*_data`` functions). Decoding checks each field's type and range and
# raises `_Invalid` on anything else, which callers turn into a miss.

MAGIC = "lintnews-cache"
#: Bumped whenever the layout below changes (old entries are then misses).
FORMAT = 4
_MAX = (1 << 31) - 1


class _Invalid(Exception):
    """An entry that is not what lintnews writes."""


def _no_ext(code: int, data: bytes) -> Any:
    raise _Invalid


def _pack(kind: str, payload: Any) -> bytes | None:
    """The entry, or None when something in it has no msgpack form (then it is not cached)."""
    try:
        out: bytes = msgpack.packb([MAGIC, FORMAT, kind, payload], use_bin_type=True, unicode_errors="surrogatepass")
    except (TypeError, ValueError, OverflowError):
        return None
    return out


def _unpack(blob: Any, kind: str) -> Any:
    if type(blob) is not bytes:
        raise _Invalid
    try:
        # No maps, no extension types: an entry is lists, strings, numbers and bytes only.
        data = msgpack.unpackb(blob, raw=False, use_list=True, unicode_errors="surrogatepass", ext_hook=_no_ext)
    except Exception:  # msgpack's errors for malformed, truncated or too deep data
        raise _Invalid from None
    if type(data) is not list or len(data) != 4 or data[:3] != [MAGIC, FORMAT, kind]:
        raise _Invalid
    return data[3]


def _list(v: Any, n: int | None = None) -> list[Any]:
    if type(v) is not list or (n is not None and len(v) != n):
        raise _Invalid
    return v


def _int(v: Any, lo: int = 0, hi: int = _MAX) -> int:
    if type(v) is not int or not lo <= v <= hi:
        raise _Invalid
    return v


def _opt_int(v: Any, lo: int = 0, hi: int = _MAX) -> int | None:
    return None if v is None else _int(v, lo, hi)


def _str(v: Any) -> str:
    if type(v) is not str:
        raise _Invalid
    return v


def _opt_str(v: Any) -> str | None:
    return None if v is None else _str(v)


def _fraction(v: Any) -> float:
    if type(v) is not float or not 0.0 <= v <= 1.0:
        raise _Invalid
    return v


def _bool(v: Any) -> bool:
    if type(v) is not bool:
        raise _Invalid
    return v


def _diagnostic_data(d: Diagnostic) -> list[Any]:
    fix = None if d.fix is None else [d.fix.title, d.fix.safe, [[e.start, e.end, e.replacement] for e in d.fix.edits]]
    return [
        d.path, d.record, d.line, d.column, d.end_line, d.end_column, d.code, d.name, int(d.severity), d.message,
        fix, [[r.path, r.record, r.line, r.column] for r in d.related], d.record_line, d.snippet,
        d.document_score, [list(e) for e in d.fix_edits], d.region_text, list(d.fix_replaced), d.similarity,
        None if d.kept is None else [d.kept.path, d.kept.record, d.kept.line, d.kept.column],
    ]  # fmt: skip


def _diagnostic(v: Any) -> Diagnostic:
    f = _list(v, 20)
    line, column, end_line, end_column = _int(f[2], 1), _int(f[3], 1), _int(f[4], 1), _int(f[5], 1)
    if end_line < line:
        raise _Invalid
    code, name = _str(f[6]), _str(f[7])
    rule = all_rules().get(code)
    if rule is None or rule.name != name:
        raise _Invalid
    fix = None
    if f[10] is not None:
        title, safe, edits = _list(f[10], 3)
        parts = []
        for e in _list(edits):
            start, end, replacement = _list(e, 3)
            parts.append(Edit(_int(start), _int(end, _int(start)), _str(replacement)))
        fix = Fix(_str(title), tuple(parts), _bool(safe))
    related = []
    for r in _list(f[11]):
        path, record, r_line, r_column = _list(r, 4)
        related.append(Location(_str(path), _opt_str(record), _int(r_line, 1), _int(r_column, 1)))
    fix_edits = []
    for e in _list(f[15]):
        a, b, c, d, text = _list(e, 5)
        fix_edits.append((_int(a, 1), _int(b, 1), _int(c, 1), _int(d, 1), _str(text)))
    fix_replaced = tuple(_str(t) for t in _list(f[17], len(fix_edits)))
    similarity = None if f[18] is None else _fraction(f[18])
    kept = None
    if f[19] is not None:
        k_path, k_record, k_line, k_column = _list(f[19], 4)
        kept = Location(_str(k_path), _opt_str(k_record), _int(k_line, 1), _int(k_column, 1))
    return Diagnostic(
        path=_str(f[0]),
        record=_opt_str(f[1]),
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        code=code,
        name=name,
        severity=Severity(_int(f[8], 1, 3)),
        message=_str(f[9]),
        fix=fix,
        related=related,
        record_line=_opt_int(f[12], 1),
        snippet=_str(f[13]),
        document_score=_opt_int(f[14], 0, 100),
        fix_edits=tuple(fix_edits),
        region_text=_opt_str(f[16]),
        fix_replaced=fix_replaced,
        similarity=similarity,
        kept=kept,
    )


# --- unit entries: the results of one file or JSONL record, with their corpus signatures -----

#: What the corpus phase needs of a signature: (MinHash permutations, LSH bands, rows per band).
SignatureSpec = tuple[int, int, int]


def signature_spec(settings: Settings) -> SignatureSpec:
    options = CorpusOptions.from_settings(settings)
    return (options.num_perm, *lsh_bands(options.threshold, options.num_perm))


def dump_unit(items: list[Analysis | InputError], signatures: list[DocSignature | None] | None) -> bytes | None:
    """The entry of a unit's results (``signatures``: one per result, or None without the corpus
    phase). Raw lines and signatures on the results themselves are not stored."""
    data: list[Any] = []
    for item in items:
        if isinstance(item, InputError):
            data.append(["e", item.path, item.message, item.record, item.line])
        else:
            data.append(["a", item.path, item.record, item.record_line, item.score,
                         [_diagnostic_data(d) for d in item.diagnostics]])  # fmt: skip
    sigs = None if signatures is None else [None if s is None else _signature_data(s) for s in signatures]
    return _pack("unit", [data, sigs])


def load_unit(
    blob: Any, path: str, line: int | None, spec: SignatureSpec | None
) -> list[Analysis | InputError] | None:
    """The results stored in ``blob`` for the unit ``path`` (and JSONL ``line``), or None when
    the entry is not exactly what this run would have stored for it: wrong shape or types, or
    results of another file or line, or no signatures when the corpus phase (``spec``) needs
    them. Signatures are checked, not kept: `load_signatures` reads them when needed."""
    try:
        data, sigs = _list(_unpack(blob, "unit"), 2)
        # Reading a unit gives exactly one result: its document or its input error.
        (item,) = _list(data, 1)
        return [_unit_item(item, path, line, sigs, spec)]
    except Exception:  # whatever a planted entry makes the checks trip on: a miss
        return None


def _unit_item(v: Any, path: str, line: int | None, sigs: Any, spec: SignatureSpec | None) -> Analysis | InputError:
    if _str(_list(v)[0]) == "e":
        _, e_path, message, record, e_line = _list(v, 5)
        # (a unit that is an input error has no signature: `parallel.cache_value` stores None)
        if e_path != path or e_line != line or sigs is not None:
            raise _Invalid
        return InputError(path, _str(message), _opt_str(record) if line is not None else _none(record), line)
    kind, a_path, record, record_line, doc_score, diagnostics = _list(v, 6)
    if kind != "a" or a_path != path or record_line != line:
        raise _Invalid
    record = _str(record) if line is not None else _none(record)
    found = [_diagnostic(d) for d in _list(diagnostics)]
    if any(d.path != path or d.record != record or d.record_line != line for d in found):
        raise _Invalid
    if spec is None:
        if sigs is not None:
            raise _Invalid
    else:
        sig = _signature_fields(_list(sigs, 1)[0], spec)
        if sig[:3] != [path, record, line]:
            raise _Invalid
    return Analysis(path, record, line, found, _int(doc_score, 0, 100))


def _none(v: Any) -> None:
    if v is not None:
        raise _Invalid
    return None


def load_signatures(blob: Any, spec: SignatureSpec) -> list[DocSignature | None] | None:
    """The corpus signatures stored with a unit's results (one per result, None for an input
    error), or None when the entry has none or is not what lintnews writes."""
    try:
        sigs = _list(_list(_unpack(blob, "unit"), 2)[1])
        return [None if s is None else _signature(s, spec) for s in sigs]
    except Exception:  # whatever a planted entry makes the checks trip on: a miss
        return None


def _array_data(a: Any) -> list[Any] | None:
    if a is None:
        return None
    return [_DTYPE_CODES[a.dtype], len(a), a.tobytes()]


def _signature_data(s: DocSignature) -> list[Any]:
    return [
        s.path, s.record, s.record_line, s.enabled, list(s.first), s.title, s.text_hash, s.length, s.date,
        _array_data(s.minhash), _array_data(s.shingles), _array_data(s.lines), s.distinct,
        _array_data(s.band_keys), None if s.lsh is None else list(s.lsh), s.scheme,
    ]  # fmt: skip


_ITEMSIZES: list[int] = []


def _array(v: Any, codes: tuple[int, ...]) -> tuple[int, bytes, int]:
    """An array's dtype code, bytes and length, checked without making the array."""
    if not _ITEMSIZES:
        _ITEMSIZES.extend(d.itemsize for d in _DTYPES)
    if type(v) is not list or len(v) != 3:
        raise _Invalid
    code, length, data = v
    if code not in codes or type(data) is not bytes or type(length) is not int or len(data) != length * _ITEMSIZES[code]:
        raise _Invalid
    return code, data, length


def _signature_fields(v: Any, spec: SignatureSpec) -> list[Any]:
    """The fields of a signature, checked against what the corpus index relies on to work
    (types, array kinds, the MinHash and LSH sizes), arrays as (dtype code, bytes). Values the
    index takes as they are (hashes, positions, line ranges) are not checked: no value of
    theirs can make it fail. This runs for every cache hit, so it makes no numpy arrays."""
    from lintnews.hashing import SCHEME

    num_perm, _bands, _rows = spec
    f = _list(v, 16)
    if f[15] != SCHEME:  # hashed another way (another lintnews): not comparable, a miss
        raise _Invalid
    _str(f[0]), _opt_str(f[1]), _opt_int(f[2], 1), _int(f[3], 0, 0xFFFF)
    f[4] = tuple(_int(x) for x in _list(f[4], 4))
    _str(f[5])
    if f[6] is not None and (type(f[6]) is not bytes or len(f[6]) != 16):
        raise _Invalid
    _int(f[7])
    date = f[8]
    if not (date is None or type(date) in (str, int) or (type(date) is float and math.isfinite(date))):
        raise _Invalid
    minhash = f[9] = None if f[9] is None else _array(f[9], (0, 1))
    if minhash is not None and minhash[2] != num_perm:
        raise _Invalid
    f[10] = None if f[10] is None else _array(f[10], (0,))
    f[11] = _array(f[11], (2,))
    _opt_int(f[12])
    band_keys = f[13] = None if f[13] is None else _array(f[13], (1,))
    if f[14] is not None:
        b, r = _list(f[14], 2)
        f[14] = (_int(b, 1), _int(r, 1))
        if f[14][0] * f[14][1] > num_perm:
            raise _Invalid
    if (band_keys is None) != (f[14] is None):
        raise _Invalid
    if band_keys is not None and (minhash is None or band_keys[2] != f[14][0]):
        raise _Invalid
    return f


def _signature(v: Any, spec: SignatureSpec) -> DocSignature:
    import numpy as np

    from lintnews.corpus.signature import _DTYPES, DocSignature

    f = _signature_fields(v, spec)
    arrays = [None if a is None else np.frombuffer(bytearray(a[1]), _DTYPES[a[0]]) for a in (f[9], f[10], f[11], f[13])]
    return DocSignature(
        path=f[0], record=f[1], record_line=f[2], enabled=f[3], first=f[4], title=f[5], text_hash=f[6],
        length=f[7], date=f[8], minhash=arrays[0], shingles=arrays[1], lines=arrays[2], distinct=f[12],
        band_keys=arrays[3], lsh=f[14], scheme=f[15],
    )  # fmt: skip


# --- corpus entries: the diagnostics of the corpus phase -------------------------------------


def dump_corpus(diagnostics: list[Diagnostic]) -> bytes | None:
    return _pack("corpus", [_diagnostic_data(d) for d in diagnostics])


def load_corpus(blob: Any) -> list[Diagnostic] | None:
    """The corpus phase's diagnostics stored in ``blob`` (only corpus rules), or None."""
    try:
        found = [_diagnostic(d) for d in _list(_unpack(blob, "corpus"))]
    except Exception:  # whatever a planted entry makes the checks trip on: a miss
        return None
    if any(not d.code.startswith("N") for d in found):
        return None
    return found


def _write_gitignore(folder: str) -> None:
    # O_EXCL: never through a symbolic link a planted folder may hold in its place.
    try:
        fd = os.open(os.path.join(folder, ".gitignore"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except OSError:
        return  # there already, or not writable: the cache still works
    with os.fdopen(fd, "w") as fh:
        fh.write("# Automatically created by lintnews.\n*\n")


def clean(folder: str) -> bool:
    if os.path.isdir(folder):
        shutil.rmtree(folder)
        return True
    return False
