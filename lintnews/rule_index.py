"""What a run needs to know of the rules without running them, kept beside the code the way
Python keeps bytecode: every rule's metadata (`RuleInfo`) and the hash of lintnews's source.

A run selects rules (codes, names, default selection), checks selectors, keys the result cache
by the selected codes and the source of lintnews and its rules, and names the rule of every
cached diagnostic: none of that runs a rule, yet it imported every rule module (compiling their
regular expressions and defining ~120 classes) and read and hashed the whole source (1.2 MB),
which was most of a re-run answered from the cache. This index remembers both.

It is keyed by the stat of every source file of lintnews and its rules (``.py``, the phrase
packs' ``.toml``, the compiled kernels): path, size, modification and change times and inode.
Editing, replacing or adding a file changes its change time at least, so the index then misses,
the rules are imported and the source read as before, and the index is written again. An edit in
the same tick of the file system's clock as the index was written (git's "racy" case: a coarse
clock, the same size, the file edited in place) would leave every stat as it was: an index no
newer than the newest modification or change time of the source files is not trusted (read as
missing, and written again; once written in a later tick it is current). It is a
kept file (`lintnews.kept_files`, as the pack cache is): nothing is written when
``PYTHONDONTWRITEBYTECODE`` (or ``-B``) is set or the folder cannot be written, and such runs
import the rules every time.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lintnews import kept_files
from lintnews.diagnostics import Severity

if TYPE_CHECKING:
    from lintnews.registry import Rule

#: Changes when what the index holds changes shape.
FORMAT = 1
#: The files whose bytes are lintnews's source (`source_hash`) and whose stats key the index.
_SUFFIXES = (".py", ".toml", *importlib.machinery.EXTENSION_SUFFIXES)


class RuleInfo:
    """A rule's metadata: what `Rule` declares as class attributes, without its code. Selection,
    fix policies and the result cache need no more (`lintnews.registry.rule_catalogue`)."""

    __slots__ = (
        "code",
        "name",
        "severity",
        "summary",
        "fix_applicability",
        "default",
        "corpus",
        "reads_packs",
        "role",
        "drops_record",
        "chrome_families",
    )

    def __init__(self, fields: tuple[Any, ...]) -> None:
        (
            self.code,
            self.name,
            severity,
            self.summary,
            self.fix_applicability,
            self.default,
            self.corpus,
            self.reads_packs,
            self.role,
            self.drops_record,
            self.chrome_families,
        ) = fields
        self.severity = Severity(severity)

    @classmethod
    def of(cls, rule: type[Rule] | Rule) -> RuleInfo:
        return cls(fields_of(rule))

    def fields(self) -> tuple[Any, ...]:
        return tuple(int(self.severity) if k == "severity" else getattr(self, k) for k in self.__slots__)

    def __repr__(self) -> str:
        return f"<{self.code} {self.name}>"


def fields_of(rule: type[Rule] | Rule) -> tuple[Any, ...]:
    """A rule's `RuleInfo` fields, plain data (what `marshal` stores)."""
    return (
        rule.code,
        rule.name,
        int(rule.severity),
        rule.summary,
        rule.fix_applicability,
        bool(rule.default),
        bool(rule.corpus),
        bool(rule.reads_packs),
        getattr(rule, "role", None),
        bool(getattr(rule, "drops_record", False)),
        tuple(getattr(rule, "chrome_families", ())),
    )


def _folders() -> list[str]:
    """The folders of lintnews and of its rules (one inside the other in a regular install; side
    by side in an editable one), found without importing the rules."""
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.find_spec("lintnews.rules")
    places = list(spec.submodule_search_locations or []) if spec is not None else []
    rules = [os.path.abspath(p) for p in places]
    return [here, *(p for p in rules if not (p + os.sep).startswith(here + os.sep))]


def _files(folders: list[str]) -> list[tuple[str, int, os.stat_result]]:
    """Every source file under ``folders`` (`_SUFFIXES`, no ``__pycache__``), sorted, with the
    length of its folder's path (what its name inside the folder starts after) and its stat."""
    out: list[tuple[str, int, os.stat_result]] = []
    stack = [(folder, len(os.path.dirname(folder))) for folder in folders]
    while stack:
        folder, root = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        stack.append((entry.path, root))
                elif entry.name.endswith(_SUFFIXES):
                    out.append((entry.path, root, entry.stat()))
            except OSError:
                continue
    out.sort()
    return out


class _Index:
    """This process's view of the index: the key of the source files as they are, and what the
    index file holds for that key (read again only when the key changes)."""

    def __init__(self) -> None:
        self.files: list[tuple[str, int, os.stat_result]] = []
        self.key = b""
        self.content: dict[str, Any] | None = None
        #: The source hash computed here for ``key`` (when the index missed).
        self.source: bytes | None = None
        self.opened = False
        #: Whether the files are keyed once in this process (`key_once`).
        self.once = False

    def open(self, again: bool = False) -> None:
        """Key the source files (once, or ``again``: the result cache's fingerprint asks each
        time, as it read the files each time, unless `key_once`) and read the index for that key."""
        if self.opened and (not again or self.once):
            return
        self.opened = True
        files = _files(_folders())
        h = hashlib.blake2b(digest_size=16)
        h.update(f"{FORMAT} {sys.version}".encode())
        newest = 0
        for path, _, st in files:
            stamp = f"\0{path}\0{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}"
            h.update(stamp.encode("utf-8", "surrogateescape"))
            newest = max(newest, st.st_mtime_ns, st.st_ctime_ns)
        key = h.digest()
        if key != self.key:
            self.files, self.key, self.source = files, key, None
            self.content = _read(_path(), key, newest)


_INDEX = _Index()


def key_once() -> None:
    """Key the source files once in this process: a command-line run, which selects its rules
    and keys its result cache within moments (a walk and ~200 stats each time). A library
    process that lives on keys them again for every fingerprint, as it read them each time."""
    _INDEX.once = True


def stored_rules() -> list[RuleInfo] | None:
    """Every rule's metadata as the index holds it, or None when it is missing or stale."""
    _INDEX.open()
    if _INDEX.content is None:
        return None
    return [RuleInfo(fields) for fields in _INDEX.content["rules"]]


def source_hash() -> bytes:
    """The hash of the bytes of every source file of lintnews and its rules (the result cache's
    fingerprint holds it): from the index, else read (and kept for the index)."""
    _INDEX.open(again=True)
    if _INDEX.content is not None:
        return _INDEX.content["source"]  # type: ignore[no-any-return]
    if _INDEX.source is None:
        h = hashlib.sha1()
        for path, root, _ in _INDEX.files:  # (named inside their folder: a moved install hashes the same)
            h.update(b"\0" + path[root:].encode("utf-8", "surrogateescape") + b"\0")
            try:
                with open(path, "rb") as fh:
                    h.update(fh.read())
            except OSError:
                h.update(b"missing:" + path.encode("utf-8", "surrogateescape"))
        _INDEX.source = h.digest()
    return _INDEX.source


def save(rules: list[tuple[Any, ...]]) -> None:
    """Write the index for the rules' metadata ``rules`` (`fields_of` each), when it was missing
    or stale (as bytecode is written: see the module)."""
    _INDEX.open()
    if _INDEX.content is not None:
        return
    content = {"rules": rules, "source": source_hash()}
    _write(_path(), _INDEX.key, content)
    _INDEX.content = content


def _path() -> Path:
    return kept_files.path(Path(__file__).parent, "rules")


def _written(path: Path) -> int:
    """When the index file was last written (ns), 0 if it cannot be told."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _read(path: Path, key: bytes, newest: int) -> dict[str, Any] | None:
    """The index's content, if it was written under ``key``, after ``newest`` (the latest
    modification or change time of the source files: see the module on the racy case), and is
    shaped as this lintnews writes it; else None."""
    if _written(path) <= newest:
        return None
    content = kept_files.read(path, key)
    try:
        rules, source = content["rules"], content["source"]
        for fields in rules:
            RuleInfo(fields)
    except Exception:  # a damaged or foreign file: read as missing
        return None
    return content if type(source) is bytes else None  # type: ignore[no-any-return]


def _write(path: Path, key: bytes, content: dict[str, Any]) -> None:
    kept_files.write(path, key, content)
