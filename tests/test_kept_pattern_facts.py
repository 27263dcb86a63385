"""`pattern_facts.kept_facts`: what the phrase screens need of each pattern (`pattern_needs`,
`pattern_heads`, `pattern_deep_heads`: `lintnews.packs.pattern_facts`), found once and kept beside lintnews as bytecode is, read back by a later
`PackSet.compile_all` (a check run's warm-up before its workers fork) instead of reading every
pattern again; the screens are the same either way."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lintnews import kept_files, packs
from lintnews.config import Settings
from lintnews.packs import pattern_facts, regex_facts, regex_prefix


def _fresh() -> packs.PackSet:
    """The built-in packs with nothing compiled, in a process that met no pattern yet."""
    loaded = packs.load_packs(Settings())
    pattern_facts._KEPT.clear()
    pattern_facts.pattern_needs.cache_clear()
    pattern_facts.pattern_heads.cache_clear()
    pattern_facts.pattern_deep_heads.cache_clear()
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
        lang: (
            s.literal,
            s.by_first,
            s.by_head,
            s.headless,
            s.by_deep,
            s.rest_needs,
            s.rest_each,
            s.everything,
        )
        for lang, s in pack_set.screens.items()
    }


def test_a_second_compile_reads_the_facts_kept_by_the_first_and_builds_the_same_screens(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _fresh()
    first.compile_all()
    (kept,) = folder.glob("pattern-facts.*.marshal")
    facts = dict(pattern_facts._KEPT)
    patterns = {p for which, p in facts if which == "needs"}
    heads = {p for which, p in facts if which == "heads"}
    assert len(patterns) > 300 and heads <= patterns and {p for which, p in facts if which == "deep"} <= heads
    # what was kept is what the readers find
    readers = {"needs": regex_facts.analyse, "heads": regex_prefix.heads, "deep": regex_prefix.deep_heads}
    for which, pattern in facts:
        assert facts[(which, pattern)] == readers[which](pattern)

    second = _fresh()
    read: list[str] = []

    def no_reading(pattern: str) -> object:
        read.append(pattern)
        raise AssertionError(pattern)

    monkeypatch.setattr(pattern_facts, "analyse", no_reading)
    monkeypatch.setattr(pattern_facts, "heads", no_reading)
    monkeypatch.setattr(pattern_facts, "deep_heads", no_reading)
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
    real_analyse = pattern_facts.analyse

    def reading(pattern: str) -> object:
        read.append(pattern)
        return real_analyse(pattern)

    monkeypatch.setattr(Path, "read_bytes", edited)
    monkeypatch.setattr(pattern_facts, "analyse", reading)
    _fresh().compile_all()
    assert len(read) > 300
    new_key = kept.read_bytes().split(b"\n", 1)[0]
    assert new_key != old_key and new_key.startswith(b"lintnews pattern facts 1 ")
