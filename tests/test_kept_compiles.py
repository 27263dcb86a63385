"""`regex_cache.kept_compiles`: the patterns modules compile as a check run's warm-up imports them,
kept beside lintnews as bytecode is and built from there by a later process (`re` compiles none of
them again); anything else compiles as before."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lintnews import kept_files, regex_cache

#: Patterns as modules compile them at import (flags, a bytes pattern, named groups).
PATTERNS: list[tuple[Any, int]] = [
    (r"^\W*(?:posted|written)\s+by\s+(?P<author>[^|]+)\|", re.IGNORECASE),
    (r"(?m)^(?:share|tweet|email)\s*$", 0),
    (rb"[\xc2-\xdf][\x80-\xbf]", 0),
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder of its own for the kept files, written as bytecode would be, and a `re` whose
    table is emptied before and after (as in a new process)."""
    where = tmp_path / "kept"
    monkeypatch.setenv(kept_files.FOLDER_VARIABLE, str(where))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    re.purge()
    yield where
    re.purge()


def import_time() -> list[re.Pattern[Any]]:
    """What a module's top level does."""
    return [re.compile(p, f) for p, f in PATTERNS]


def kept(folder: Path) -> list[tuple[object, int, object]]:
    data = kept_files.read(
        kept_files.path(Path(regex_cache.__file__).parent, "regex-warm"), regex_cache._key([])
    )
    assert isinstance(data, list)
    return data


def no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(pattern: object, flags: int = 0) -> None:
        raise AssertionError(f"compiled {pattern!r:.40}")

    monkeypatch.setattr(re._compiler, "compile", fail)  # type: ignore[attr-defined]


def test_patterns_compiled_in_the_block_come_back_built_from_the_kept_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with regex_cache.kept_compiles("warm"):
        first = import_time()
    assert {(p, f) for p, f, _ in kept(folder)} == {(p, int(f)) for p, f in PATTERNS}
    re.purge()  # (a new process)
    with monkeypatch.context() as m:
        no_compiling(m)
        with regex_cache.kept_compiles("warm"):
            again = import_time()
        assert re.match(PATTERNS[0][0], "Posted by Jane Miller | Oct 13", PATTERNS[0][1])
    assert again == first
    found = again[0].match("POSTED BY Jane Miller | Oct 13")
    assert found is not None and found.group("author") == "Jane Miller "
    assert again[2].search("caf\xc3\xa9".encode("latin-1")) is not None
    re.purge()
    assert again == import_time()


def test_only_what_the_block_compiled_is_kept(folder: Path) -> None:
    re.compile("before the block")
    with regex_cache.kept_compiles("warm"):
        re.compile("before the block")  # (in `re`'s table already)
        regex_cache.compile_all("elsewhere", [("kept in a file of its own", 0)], share=True)
        re.search("in the block", "text")
    re.compile("after the block")
    assert [p for p, _, _ in kept(folder)] == ["in the block"]
    assert kept_files.path(Path(regex_cache.__file__).parent, "regex-elsewhere").exists()


def test_a_later_block_adds_what_it_compiled_and_a_known_set_is_not_written_again(folder: Path) -> None:
    with regex_cache.kept_compiles("warm"):
        re.compile("first")
    file = kept_files.path(Path(regex_cache.__file__).parent, "regex-warm")
    re.purge()
    with regex_cache.kept_compiles("warm"):
        re.compile("first")
        re.compile("second")
    assert [p for p, _, _ in kept(folder)] == ["first", "second"]
    os.utime(file, ns=(10**18, 10**18))
    re.purge()
    with regex_cache.kept_compiles("warm"):
        re.compile("second")
    assert file.stat().st_mtime_ns == 10**18


def test_a_pattern_that_cannot_be_kept_is_noted_and_compiled_each_time(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regex_cache, "_parts", lambda *a: None)  # (another Python's `re`)
    with regex_cache.kept_compiles("warm"):
        first = re.compile("not keepable")
    assert kept(folder) == [("not keepable", 0, None)]
    re.purge()
    with regex_cache.kept_compiles("warm"):
        assert re.compile("not keepable") == first
    assert kept(folder) == [("not keepable", 0, None)]


def test_nothing_is_dropped_from_re_s_table_in_the_block_and_its_limit_comes_back(folder: Path) -> None:
    limit = re._MAXCACHE  # type: ignore[attr-defined]
    with regex_cache.kept_compiles("warm"):
        for i in range(limit + 100):
            re.compile(f"pattern {i}")
        assert len(re._cache) == limit + 100  # type: ignore[attr-defined]
    assert re._MAXCACHE == limit  # type: ignore[attr-defined]
    assert len(kept(folder)) == limit + 100


def test_past_the_limit_the_file_is_made_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "KEPT_COMPILES_LIMIT", 3)
    with regex_cache.kept_compiles("warm"):
        for i in range(3):
            re.compile(f"old version {i}")
    assert len(kept(folder)) == 3
    re.purge()
    with regex_cache.kept_compiles("warm"):
        re.compile("edited")
    file = kept_files.path(Path(regex_cache.__file__).parent, "regex-warm")
    assert not file.exists()
    re.purge()
    with regex_cache.kept_compiles("warm"):
        re.compile("edited")
    assert kept(folder) == [("edited", 0, regex_cache._parts("edited", 0, re.compile("edited")))]


@pytest.mark.parametrize("damage", ["empty", "cut", "other"])
def test_a_damaged_file_is_compiled_around_and_made_again(folder: Path, damage: str) -> None:
    with regex_cache.kept_compiles("warm"):
        first = import_time()
    file = kept_files.path(Path(regex_cache.__file__).parent, "regex-warm")
    data = file.read_bytes()
    if damage == "empty":
        file.write_bytes(b"")
    elif damage == "cut":
        file.write_bytes(data[: len(data) // 2])
    else:  # a file of the right key holding something else
        kept_files.write(file, regex_cache._key([]), [("x", "not flags")])
    re.purge()
    with regex_cache.kept_compiles("warm"):
        assert import_time() == first
    assert {(p, f) for p, f, _ in kept(folder)} == {(p, int(f)) for p, f in PATTERNS}


def test_nothing_is_kept_when_bytecode_is_not_written(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    with regex_cache.kept_compiles("warm"):
        import_time()
    assert not folder.exists()


def test_patterns_used_without_flags_by_sub_and_split_are_kept(folder: Path) -> None:
    # (Python 3.13 keys these by `re._ZeroSentinel`, an int marshal cannot write: one of them kept
    # the whole file from being written)
    with regex_cache.kept_compiles("warm"):
        assert re.sub(r"(?m)^ {4}", "", "    a\n    b") == "a\nb"
        assert re.split(r"[;,]\s*", "a, b;c") == ["a", "b", "c"]
        import_time()
    held = {(pattern, flags) for pattern, flags, _ in kept(folder)}
    assert {(r"(?m)^ {4}", 0), (r"[;,]\s*", 0), *PATTERNS} <= held
    assert all(type(flags) is int for _, flags in held)


def test_shared_patterns_are_answered_after_re_s_table_dropped_them(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`compile_all(..., share=True)` of more patterns than `re` keeps (512; the built-in packs
    hold ~930): `regex_cache.compiled` answers every one with what was built, the first file-less
    run's and a later run's from the kept file, where `re.compile` would compile the dropped ones
    again."""
    specs = [(rf"item {i} (?:of|von) \d+", 0) for i in range(700)]
    monkeypatch.setattr(regex_cache, "_SHARED", {})
    first = regex_cache.compile_all("many", specs, share=True)  # (compiled by `re`, file written)
    assert (str, specs[0][0], 0) not in re._cache  # type: ignore[attr-defined]
    no_compiling(monkeypatch)
    assert [regex_cache.compiled(p, f) for p, f in specs] == first
    monkeypatch.setattr(regex_cache, "_SHARED", {})
    built = regex_cache.compile_all("many", specs, share=True)  # (from the kept file)
    assert (str, specs[0][0], 0) not in re._cache  # type: ignore[attr-defined]
    assert all(regex_cache.compiled(p, f) is b for (p, f), b in zip(specs, built))
    assert built == first
    try:
        regex_cache.compiled("another (?:one)")  # (anything else is `re`'s to compile)
    except AssertionError as error:  # (`no_compiling`'s; pytest.raises(match=) would compile)
        assert "another" in str(error)
    else:
        raise AssertionError("a pattern compile_all never built came from regex_cache")
