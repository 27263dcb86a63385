"""What the phrase screens need of each pattern (`lintnews.packs.screen`): the characters and
strings its matches start with and hold (`regex_facts`, `regex_prefix`), found once a pattern and
kept in a file beside lintnews (`kept_facts`)."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from lintnews.packs.regex_facts import analyse
from lintnews.packs.regex_prefix import deep_heads, heads


@lru_cache(maxsize=4096)
def pattern_needs(pattern: str) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """What a `Screen` needs of a pattern: the characters its matches start with (None: not
    known, or it can match the empty string) and strings one of which they contain."""
    return _kept("needs", pattern, analyse)  # type: ignore[no-any-return]


@lru_cache(maxsize=4096)
def pattern_heads(pattern: str) -> frozenset[str] | None:
    """The first `HEAD` characters of every match of a pattern (see `regex_prefix.heads`)."""
    return _kept("heads", pattern, heads)  # type: ignore[no-any-return]


@lru_cache(maxsize=4096)
def pattern_deep_heads(pattern: str) -> frozenset[str] | None:
    """The heads of a pattern up to `DEEP` characters (see `regex_prefix.deep_heads`)."""
    return _kept("deep", pattern, deep_heads)  # type: ignore[no-any-return]


def _kept(which: str, pattern: str, find: Callable[[str], Any]) -> Any:
    """``find(pattern)``, as kept under ``(which, pattern)`` or found and kept now."""
    kept = _KEPT.get((which, pattern), _UNKNOWN)
    if kept is _UNKNOWN:
        kept = _KEPT[(which, pattern)] = find(pattern)
    return kept


#: `pattern_needs`, `pattern_heads` and `pattern_deep_heads` of the patterns met, by (which,
#: pattern); filled from a kept file inside `kept_facts`.
_KEPT: dict[tuple[str, str], Any] = {}
_UNKNOWN = object()


def load_kept_facts() -> bool:
    """Read the facts the kept file holds (see `kept_facts`) without building anything: a small
    run then builds the screens of the languages it meets alone, from them. Whether the file held
    any (when not, the caller builds every screen inside `kept_facts`, which writes it)."""
    found = _kept_file()
    return found is not None and _read_kept(*found)


def _read_kept(file: Path, key: bytes) -> bool:
    """Add the facts the kept ``file`` holds under ``key`` to `_KEPT`; whether it held any."""
    from lintnews import kept_files

    kept = kept_files.read(file, key)
    if not isinstance(kept, dict):
        return False
    for (which, pattern), fact in kept.items():
        _KEPT.setdefault((which, pattern), fact)
    return True


def _kept_file() -> tuple[Path, bytes] | None:
    """The kept file of the facts and its key (None: no sources to key it by)."""
    from lintnews import kept_files
    from lintnews.packs import regex_facts, regex_prefix

    try:
        code = b"".join(Path(m.__file__ or "").read_bytes() for m in (regex_facts, regex_prefix))
    except OSError:
        return None
    file = kept_files.path(Path(__file__).parent, "pattern-facts")
    return file, b"lintnews pattern facts 1 " + hashlib.sha1(code).hexdigest().encode() + b"\n"


@contextlib.contextmanager
def kept_facts() -> Iterator[None]:
    """Inside the block, `pattern_needs`, `pattern_heads` and `pattern_deep_heads` answer the
    patterns a kept file (`lintnews.kept_files`) holds from it, and what they found of others is
    kept after it.

    Reading the built-in packs' ~460 patterns to find their facts (`regex_facts`,
    `regex_prefix`) was three quarters of `PackSet.compile_all` (0.04 of 0.05 CPU-s), which a
    check run does before its workers fork while the other core waits. The facts follow from
    the pattern and the code that reads it: the file's key holds the source of both modules,
    so an edited reader starts a new file, and each fact is keyed by its pattern."""
    from lintnews import kept_files

    found = _kept_file()
    if found is None:  # (no sources: nothing kept)
        yield
        return
    file, key = found
    held = _read_kept(file, key)
    before = len(_KEPT)
    yield
    if len(_KEPT) != before or not held:
        kept_files.write(file, key, _KEPT)
