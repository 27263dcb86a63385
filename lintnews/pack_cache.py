"""The built-in phrase packs as they are once read and checked, kept beside them the way Python
keeps bytecode beside its sources (``rules/packs/__pycache__/``).

Every run read the 23 built-in rule files (``rules/packs/*.toml``): their TOML was parsed when
the phrase rules' classes are defined, and their ~390 patterns were compiled one by one when the
packs load, only to check that they compile (what a run matches with is compiled when first
needed: each pattern of the languages its documents are in, which the rules' matchers reuse).
On a one-file ``lintnews check`` that was a fifth of the instructions of the whole run (~0.39 of
~2.0 billion). The files stay the data: this cache only remembers what reading them gave.

The cache is keyed by a hash of what its content follows from: the rule files' bytes, the source
of the code that reads and checks them (`lintnews.packs`, `lintnews.config`, this module) and
that makes the term lists' line keys (`lintnews.textnorm`, `lintnews.native`), the
folder they are in (an entry's ``source`` names its file) and the Python version (tomllib,
`marshal`). A key that differs, a file that cannot be read or decoded: the packs are read as
before, and the cache is written again when it may be, as bytecode is (`lintnews.kept_files`,
which also keeps B011's compiled patterns and T002's word lists). Users' packs
(``extend-packs``, ``extra-phrases``) are read and checked on every run, as before.

`builtin_toml` answers `lintnews.packs.rulefile.builtin_data`, `builtin_entries` the built-in
part of `lintnews.packs.loading`; each is called there at one line.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lintnews import kept_files
from lintnews.diagnostics import Severity

if TYPE_CHECKING:
    from lintnews.packs.model import PackSet

#: Changes when what the cache holds changes shape.
FORMAT = 3
#: An environment variable naming another folder for the cache file (tests; a read-only install).
FOLDER_VARIABLE = kept_files.FOLDER_VARIABLE


class _State:
    """This process's view of the cache: its file, key and content (loaded once, when first
    asked), and what was read while it missed (written once the built-in packs are loaded)."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.key = b""
        self.content: dict[str, Any] | None = None
        self.toml: dict[str, dict[str, Any]] = {}

    def open(self, folder: Path) -> None:
        if self.folder == folder:
            return
        self.folder, self.toml = folder, {}
        self.key = _key(folder)
        self.content = _read(_path(folder), self.key)


_STATE = _State()


def builtin_toml(folder: Path, code: str, read: Callable[[Path], dict[str, Any]]) -> dict[str, Any]:
    """The TOML of the built-in rule file ``<code>.toml`` in ``folder``: from the cache, else
    ``read`` (and remembered for the cache)."""
    _STATE.open(folder)
    if _STATE.content is not None and code in _STATE.content["toml"]:
        return _STATE.content["toml"][code]  # type: ignore[no-any-return]
    data = _STATE.toml[code] = read(folder / f"{code}.toml")
    return data


def builtin_entries(packs: PackSet, folder: Path, load: Callable[[Path], None]) -> None:
    """Add the entries, term and word lists of every built-in rule file in ``folder`` to the empty ``packs``:
    from the cache, else by ``load`` of each file, in name order (then written to the cache)."""
    from lintnews.packs.model import Entry  # (`lintnews.packs` imports this module)

    _STATE.open(folder)
    if _STATE.content is not None:
        for language, rule, message, severity, lines, patterns, source in _STATE.content["entries"]:
            sev = None if severity is None else Severity(severity)
            packs.add(language, Entry(rule, message, sev, list(lines), list(patterns), source))
        for language, rule, name, words in _STATE.content["terms"]:
            packs.add_terms(language, rule, name, tuple(words))
        for language, rule, name, words in _STATE.content["words"]:
            packs.add_words(language, rule, name, tuple(words))
        return
    for path in sorted(folder.glob("*.toml")):
        load(path)
    entries = [
        (
            language,
            e.rule,
            e.message,
            None if e.severity is None else int(e.severity),
            e.lines,
            e.patterns,
            e.source,
        )
        for language, by_rule in packs.by_language.items()
        for found in by_rule.values()
        for e in found
    ]
    terms = [
        (language, rule, name, list(words))
        for (rule, name), by_language in packs.terms.items()
        for language, words in by_language.items()
    ]
    words = [
        (language, rule, name, list(found))
        for (rule, name), by_language in packs.words.items()
        for language, found in by_language.items()
    ]
    codes = sorted(path.stem for path in folder.glob("*.toml"))
    if all(code in _STATE.toml for code in codes):  # (else a rule file was never read: a stale listing)
        content = {
            "toml": {code: _STATE.toml[code] for code in codes},
            "entries": entries,
            "terms": terms,
            "words": words,
        }
        kept_files.write(_path(folder), _STATE.key, content)
        _STATE.content = content


def _path(folder: Path) -> Path:
    return kept_files.path(folder, "packs")


def _key(folder: Path) -> bytes:
    """The hash of everything the cache's content follows from (see the module docstring)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT} {sys.version} {folder}".encode("utf-8", "surrogateescape"))
    here = Path(__file__).parent
    sources = [
        *sorted(folder.glob("*.toml")),
        *sorted((here / "packs").glob("*.py")),
        here / "config.py",
        # (the term lists' words are kept as line keys: what `line_key` makes of them)
        here / "textnorm.py",
        here / "native.py",
        Path(__file__),
    ]
    for path in sources:
        h.update(b"\0" + path.name.encode("utf-8", "surrogateescape") + b"\0")
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"(unreadable)")
    return h.digest()


def _read(path: Path, key: bytes) -> dict[str, Any] | None:
    content = kept_files.read(path, key)
    return (
        content
        if isinstance(content, dict) and {"toml", "entries", "terms", "words"} <= set(content)
        else None
    )
