"""Large regular expressions compiled once per install rather than once per process: what
CPython's `re` makes of a pattern (its matching code for ``_sre``) kept in a file beside lintnews
(`lintnews.kept_files`), from which a later process builds the compiled pattern directly.

`re` parses and compiles a pattern in Python; for B011's comment-header pattern (29,000 characters
once its parts are filled in, twice: with ``re.IGNORECASE`` and without) that took ~90 ms, which
every check run paid on one core before its workers fork (`lintnews.engine.Linter.warm`), and a
one-process run on its first candidate line. Built from the kept code: ~2 ms.

What is kept is exactly what ``re._compiler.compile`` hands ``_sre.compile`` (the pattern's
flags, code, group count and names); a pattern is kept only when the one built from it equals
``re.compile``'s (`re.Pattern` equality compares the code), and the file's key holds the Python
version (the code's format is CPython's own, version to version) and every pattern and flag it
holds: a changed pattern is a new key, compiled by `re` and kept again. Where any of this is not
there (another Python, PyPy) or fails, `re.compile` does it all, as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from lintnews import kept_files

#: Changes when what the file holds changes shape.
FORMAT = 1
#: Patterns `compile_all` keeps in files of their own, which `kept_compiles` leaves out.
_ELSEWHERE: set[tuple[str, int]] = set()
#: Past this many patterns a `kept_compiles` file is started afresh (see there).
KEPT_COMPILES_LIMIT = 2048


def compile_all(name: str, specs: Sequence[tuple[str, int]], share: bool = False) -> list[re.Pattern[str]]:
    """``re.compile(pattern, flags)`` of each of ``specs``, from the kept file ``name`` when it
    holds them (see the module docstring), else compiled and kept. With ``share``, `re.compile`
    of any of them answers what was built from then on (`_share`)."""
    specs = [(pattern, int(flags)) for pattern, flags in specs]
    _ELSEWHERE.update(specs)
    file = kept_files.path(Path(__file__).parent, f"regex-{name}")
    key = _key(specs)
    kept = kept_files.read(file, key)
    if isinstance(kept, list) and len(kept) == len(specs):
        built = [_build(pattern, parts) for (pattern, _), parts in zip(specs, kept)]
        if all(p is not None for p in built):
            if share:
                _share(specs, built)  # type: ignore[arg-type]
            return built  # type: ignore[return-value]
    compiled = [re.compile(pattern, flags) for pattern, flags in specs]  # (`re` shares them)
    if share:
        _SHARED.update(zip(specs, compiled))  # (`re` keeps only the last 512 of them)
    if kept_files.writable(file):  # (making the parts costs a second compile: only to keep them)
        parts = [_parts(pattern, flags, p) for (pattern, flags), p in zip(specs, compiled)]
        if all(p is not None for p in parts):
            kept_files.write(file, key, parts)
    return compiled


@contextlib.contextmanager
def kept_compiles(name: str) -> Iterator[None]:
    """Have every pattern that `re` compiles inside the block (through `re.compile`, `re.match`
    and the like: lintnews's modules and the libraries they import, as they are imported) built
    from the kept file ``name`` when it holds it; what it did not hold is added to it after the
    block. Where `re` has no table to share into (`_share`), nothing is done.

    A check run's warm-up before its workers fork imports the rules, ftfy, wordfreq (and
    langcodes) and numpy, whose modules compile ~250 patterns as they load: 0.07 of the ~0.37
    CPU-s the main process spent before its first fork, while the other core waited. Each kept
    pattern is keyed by itself (pattern and flags), so a changed pattern is simply not found
    and compiled by `re` as before; the file's key holds the Python version only. A pattern is
    added only once the one built from it equals `re`'s (`_parts`); one that cannot be kept is
    noted as such, so it does not make the file written again on every run. An edited pattern
    leaves its old version in the file: past `KEPT_COMPILES_LIMIT` patterns the file is removed
    and made again by the next run. While the block runs `re` drops nothing from its table (it
    drops the oldest past 512 entries, and the phrase packs' ~390 are shared into it too)."""
    table, limit = _re_table()
    if table is None:
        yield
        return
    file = kept_files.path(Path(__file__).parent, f"regex-{name}")
    key = _key([])
    known = {(pattern, flags) for pattern, flags, _ in _preload(table, file, key)}
    before = set(table)
    re._MAXCACHE = max(limit, len(table) + 1_000_000)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        re._MAXCACHE = limit  # type: ignore[attr-defined]
    # (flags as an int: 3.13's `re.sub` and `re.split` key a pattern called without flags by
    # `re._ZeroSentinel`, an int that marshal cannot write, and one such entry kept the whole
    # file from being written)
    new = [
        (k[1], int(k[2]))
        for k in table
        if k not in before
        and k[0] in (str, bytes)
        and (k[1], k[2]) not in known
        and (k[1], k[2]) not in _ELSEWHERE
    ]
    if not new or not kept_files.writable(file):
        return
    entries = _entries(kept_files.read(file, key))
    if len(entries) + len(new) > KEPT_COMPILES_LIMIT:
        with contextlib.suppress(OSError):
            file.unlink()
        return
    entries.extend(
        (pattern, flags, _parts(pattern, flags, table[type(pattern), pattern, flags]))
        for pattern, flags in new
    )
    kept_files.write(file, key, entries)


def _entries(kept: Any) -> list[tuple[Any, int, Any]]:
    """The (pattern, flags, parts) entries of a `kept_compiles` file's content (none: not a file
    this code wrote, which is then made again)."""
    ok = isinstance(kept, list) and all(
        isinstance(e, tuple) and len(e) == 3 and isinstance(e[0], (str, bytes)) for e in kept
    )
    return kept if ok else []


def _preload(table: dict[Any, Any], file: Path, key: bytes) -> list[tuple[Any, int, Any]]:
    """Put in `re`'s ``table`` the patterns ``file`` holds, built from their kept parts; returns
    its entries with their parts dropped (the built pattern holds its code: the lists of ints
    read back, ~2 MB for the warm-up's, are let go at once)."""
    entries = _entries(kept_files.read(file, key))
    for at, (pattern, flags, parts) in enumerate(entries):
        if parts is not None and (type(pattern), pattern, flags) not in table:
            built = _build(pattern, parts)
            if built is not None:
                table[type(pattern), pattern, flags] = built
        entries[at] = (pattern, flags, None)
    return entries


#: What `_share` built, by pattern and flags: `compiled` answers from it what `re`'s table of 512
#: has dropped (the built-in packs hold ~930 patterns since session 45's languages).
_SHARED: dict[tuple[str, int], re.Pattern[str]] = {}


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, answered from what `compile_all` built and shared when it
    built this pattern (`re`'s own table keeps only the last 512: a screen asking for the packs'
    ~930 patterns in turn found half of them dropped and compiled them again, ~0.25 CPU-s)."""
    found = _SHARED.get((pattern, flags))
    return found if found is not None else re.compile(pattern, flags)


def _share(specs: list[tuple[str, int]], built: list[re.Pattern[str]]) -> None:
    """Have `re.compile` answer each built pattern in this process (and in the workers it forks)
    as it answers one it compiled itself, from its table of the last 512 it compiled (what
    `re.purge` empties), where it is the dict of CPython 3.11 to 3.13: the phrase packs' screens
    check and compile each pattern through `re.compile` (`lintnews.packs.screen`,
    `regex_facts.analyse`, `regex_prefix.heads`). As `re` does, the oldest entry makes room;
    `compiled` answers every one of them, dropped or not. Elsewhere nothing is shared with `re`,
    which compiles them as before."""
    _SHARED.update(zip(specs, built))
    table, limit = _re_table()
    if table is None:
        return
    for (pattern, flags), one in zip(specs, built):
        while table and len(table) >= limit:
            del table[next(iter(table))]
        table[str, pattern, flags] = one


def _re_table() -> tuple[dict[Any, Any] | None, int]:
    """`re`'s table of compiled patterns and its size limit where it is the dict of CPython 3.11
    to 3.13 (`_share`, `kept_compiles`); (None, 0) elsewhere, where nothing is shared."""
    table, limit = getattr(re, "_cache", None), getattr(re, "_MAXCACHE", None)
    if not isinstance(table, dict) or not isinstance(limit, int):
        return None, 0
    return table, limit


def _key(specs: list[tuple[str, int]]) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT} {sys.implementation.name} {sys.version}".encode())
    for pattern, flags in specs:
        h.update(f"\0{flags}\0{pattern}".encode("utf-8", "surrogatepass"))
    return h.digest()


def _build(pattern: Any, parts: Any) -> re.Pattern[Any] | None:
    """The compiled pattern from its kept parts (None: they do not fit this Python)."""
    try:
        import _sre

        compiled: re.Pattern[Any] = _sre.compile(pattern, *parts)
    except Exception:  # (_sre checks the code it is given: RuntimeError "invalid SRE code")
        return None
    return compiled if isinstance(compiled, re.Pattern) else None


def _parts(pattern: Any, flags: int, compiled: re.Pattern[Any]) -> tuple[Any, ...] | None:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for ``pattern`` (after the pattern
    itself), as plain data; None where this Python's `re` is not built so, or the pattern built
    from them is not ``compiled``."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        tree = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(tree, flags)]
        groupindex = dict(tree.state.groupdict)
        indexgroup: list[str | None] = [None] * tree.state.groups
        for group, index in groupindex.items():
            indexgroup[index] = group
        parts = (flags | tree.state.flags, code, tree.state.groups - 1, groupindex, tuple(indexgroup))
    except Exception:  # (another Python's `re`)
        return None
    return parts if _build(pattern, parts) == compiled else None
