"""`screen.kept_facts`: what the phrase screens need of each pattern (`pattern_needs`,
`pattern_heads`), found once and kept beside lintnews as bytecode is, read back by a later
`PackSet.compile_all` (a check run's warm-up before its workers fork) instead of reading every
pattern again; the screens are the same either way."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lintnews import kept_files, packs
from lintnews.config import Settings
from lintnews.packs import regex_facts, regex_prefix, screen


def _fresh() -> packs.PackSet:
    """The built-in packs with nothing compiled, in a process that met no pattern yet."""
    loaded = packs.load_packs(Settings())
    screen._KEPT.clear()
    screen.pattern_needs.cache_clear()
    screen.pattern_heads.cache_clear()
    return packs.PackSet(by_language={lang: dict(rules) for lang, rules in loaded.by_language.items()})


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    where = tmp_path / "kept"
    monkeypatch.setenv(kept_files.FOLDER_VARIABLE, str(where))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    yield where
    _fresh()  # (no kept answer outlives the test)


def _screens(pack_set: packs.PackSet) -> dict[str, tuple[object, ...]]:
    return {
        lang: (s.literal, s.by_first, s.by_head, s.headless, s.rest_needs, s.rest_each, s.everything)
        for lang, s in pack_set.screens.items()
    }


def test_a_second_compile_reads_the_facts_kept_by_the_first_and_builds_the_same_screens(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _fresh()
    first.compile_all()
    (kept,) = folder.glob("pattern-facts.*.marshal")
    facts = dict(screen._KEPT)
    patterns = {p for which, p in facts if which == "needs"}
    assert len(patterns) > 300 and {p for which, p in facts if which == "heads"} <= patterns
    # what was kept is what the readers find
    for which, pattern in facts:
        got = regex_facts.analyse(pattern) if which == "needs" else regex_prefix.heads(pattern)
        assert facts[(which, pattern)] == got

    second = _fresh()
    read: list[str] = []

    def no_reading(pattern: str) -> object:
        read.append(pattern)
        raise AssertionError(pattern)

    monkeypatch.setattr(screen, "analyse", no_reading)
    monkeypatch.setattr(screen, "heads", no_reading)
    before = kept.stat().st_mtime_ns
    second.compile_all()
    assert read == []
    assert _screens(second) == _screens(first) and len(second.screens) > 10
    assert kept.stat().st_mtime_ns == before  # (nothing new: not written again)


def test_facts_kept_by_another_reader_are_not_used(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh().compile_all()
    (kept,) = folder.glob("pattern-facts.*.marshal")
    old_key = kept.read_bytes().split(b"\n", 1)[0]
    # the kept file was written by another regex_facts (an edited one): every pattern is read
    source = Path(regex_facts.__file__).read_bytes() + b"\n# edited\n"
    real_read_bytes = Path.read_bytes

    def edited(path: Path) -> bytes:
        return source if path == Path(regex_facts.__file__) else real_read_bytes(path)

    read: list[str] = []
    real_analyse = screen.analyse

    def reading(pattern: str) -> object:
        read.append(pattern)
        return real_analyse(pattern)

    monkeypatch.setattr(Path, "read_bytes", edited)
    monkeypatch.setattr(screen, "analyse", reading)
    _fresh().compile_all()
    assert len(read) > 300
    new_key = kept.read_bytes().split(b"\n", 1)[0]
    assert new_key != old_key and new_key.startswith(b"lintnews pattern facts 1 ")
