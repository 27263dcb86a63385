"""The cache of the built-in phrase packs (`lintnews.pack_cache`): a run that finds it gets the
same packs without reading a rule file, any change to a rule file is read again, and it is
written only where bytecode would be."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lintnews import pack_cache
from lintnews.diagnostics import Severity
from lintnews.packs import PackSet, builtin_dir, load_pack
from lintnews.packs.model import Entry
from lintnews.packs.rulefile import builtin_data, read_toml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of its own for the cache file, written as bytecode would be, and a fresh state."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(pack_cache.FOLDER_VARIABLE, str(folder))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    fresh_process(monkeypatch)
    return folder


def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a new process knows of the cache: nothing until it reads the file (nor has it read
    a rule file: `builtin_data` keeps what it read)."""
    monkeypatch.setattr(pack_cache, "_STATE", pack_cache._State())
    builtin_data.cache_clear()


def load_builtin(folder: Path, loads: list[Path], reads: list[str]) -> PackSet:
    """The built-in packs of ``folder`` as `lintnews.packs.loading` loads them, noting each file
    the loader reads (``loads``) and each rule file's TOML read (``reads``)."""
    packs = PackSet()

    def read(path: Path) -> dict:
        reads.append(path.stem)
        return read_toml(path)

    def load(path: Path) -> None:
        loads.append(path)
        data = pack_cache.builtin_toml(folder, path.stem, read)
        for language, table in data.get("phrases", {}).items():
            for t in table if isinstance(table, list) else [table]:
                sev = Severity.parse(t["severity"]) if "severity" in t else None
                packs.add(
                    language,
                    Entry(
                        data["code"],
                        t.get("message", ""),
                        sev,
                        t.get("lines", []),
                        t.get("patterns", []),
                        str(path),
                    ),
                )

    pack_cache.builtin_entries(packs, folder, load)
    return packs


def test_the_second_process_gets_the_same_builtin_packs_without_reading_a_rule_file(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = builtin_dir()
    loads: list[Path] = []
    reads: list[str] = []
    first = load_builtin(folder, loads, reads)
    toml_files = sorted(folder.glob("*.toml"))
    assert loads == toml_files and sorted(reads) == [p.stem for p in toml_files]
    assert [p.name for p in cache_dir.iterdir()] == [f"packs.{sys.implementation.cache_tag}.marshal"]

    fresh_process(monkeypatch)
    loads, reads = [], []
    second = PackSet()
    pack_cache.builtin_entries(second, folder, loads.append)
    assert loads == []
    assert second.by_language == first.by_language
    assert list(second.by_language) == list(first.by_language)
    for code in [p.stem for p in toml_files]:
        assert pack_cache.builtin_toml(folder, code, lambda p: reads.append(p.stem)) == read_toml(
            folder / f"{code}.toml"
        )  # type: ignore[func-returns-value]
    assert reads == []


def test_the_real_loader_gives_the_same_packs_from_the_cache(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = builtin_dir()
    cold = PackSet()
    pack_cache.builtin_entries(cold, folder, lambda p: load_pack(p, cold, check_patterns=False, builtin=True))
    fresh_process(monkeypatch)
    warm = PackSet()
    pack_cache.builtin_entries(warm, folder, lambda p: pytest.fail(f"{p} read again"))
    assert warm.by_language == cold.by_language
    assert sum(len(es) for by_rule in warm.by_language.values() for es in by_rule.values()) > 100
    assert all(
        isinstance(e.severity, (Severity, type(None)))
        for by_rule in warm.by_language.values()
        for es in by_rule.values()
        for e in es
    )


def test_a_changed_rule_file_is_read_again(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "packs"
    shutil.copytree(builtin_dir(), folder)
    load_builtin(folder, [], [])
    fresh_process(monkeypatch)
    b001 = folder / "B001.toml"
    b001.write_text(
        b001.read_text(encoding="utf-8").replace("[phrases.en]", '[phrases.en]\nmessage = "changed"', 1),
        encoding="utf-8",
    )
    loads: list[Path] = []
    reads: list[str] = []
    packs = load_builtin(folder, loads, reads)
    assert len(loads) == len(list(folder.glob("*.toml"))) and "B001" in reads
    assert any(e.message == "changed" for e in packs.by_language["en"]["B001"])
    fresh_process(monkeypatch)  # (and the new content is what the cache now holds)
    again = PackSet()
    pack_cache.builtin_entries(again, folder, lambda p: pytest.fail(f"{p} read again"))
    assert again.by_language == packs.by_language


@pytest.mark.parametrize("damage", [b"", b"not a cache", "key then garbage"])
def test_a_damaged_cache_file_is_read_around_and_replaced(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes | str
) -> None:
    folder = builtin_dir()
    first = load_builtin(folder, [], [])
    (path,) = cache_dir.iterdir()
    good = path.read_bytes()
    path.write_bytes(good[:16] + b"\xff\x00garbage" if damage == "key then garbage" else damage)  # type: ignore[operator]
    fresh_process(monkeypatch)
    loads: list[Path] = []
    assert load_builtin(folder, loads, []).by_language == first.by_language
    assert loads  # read from the files
    fresh_process(monkeypatch)  # (and written again)
    again = PackSet()
    pack_cache.builtin_entries(again, folder, lambda p: pytest.fail(f"{p} read again"))
    assert again.by_language == first.by_language


def test_nothing_is_written_when_bytecode_is_not(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    load_builtin(builtin_dir(), [], [])
    assert not cache_dir.exists()


def test_an_unwritable_cache_folder_only_costs_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv(pack_cache.FOLDER_VARIABLE, str(blocker / "cache"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    fresh_process(monkeypatch)
    loads: list[Path] = []
    packs = load_builtin(builtin_dir(), loads, [])
    assert loads and packs.by_language


def test_a_check_run_reports_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    env = {**os.environ, pack_cache.FOLDER_VARIABLE: str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-m", "lintnews", "check", "--isolated", "--no-cache", "--select", "ALL", "."]
    runs = [
        subprocess.run(command, cwd=FIXTURES, capture_output=True, text=True, env=env, timeout=120)
        for _ in range(2)
    ]
    kept = sorted(p.name.split(".")[0] for p in (tmp_path / "cache").iterdir())
    # (beside the packs, what `lintnews.kept_files` keeps of what the run needed: here the
    # corpus phase's MinHash permutations, the command line's dataclass code and the patterns its
    # imports compile, and what a small run's warm-up reads (`Linter.warm`: the packs' patterns
    # and pattern facts, B011's header forms, the patterns its imports compile); and
    # `lintnews.rule_index`, in the same folder)
    assert kept == [
        "dataclass-code",
        "minhash-affine32-128-1",
        "packs",
        "pattern-facts",
        "regex-cli",
        "regex-comment-header-forms",
        "regex-packs",
        "regex-warm",
        "rules",
    ]
    assert runs[0].returncode == runs[1].returncode == 1
    assert runs[0].stdout == runs[1].stdout
    assert "B006" in runs[1].stdout  # (a phrase rule's finding in fixtures/)


def test_the_key_follows_the_code_that_makes_line_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """The term lists' words are kept in the cache as line keys: a change to `line_key`
    (`lintnews.textnorm`, `lintnews.native`) must make the cache read the files again, as a change
    to the loader does (session 55: the key hashed the loader only)."""
    read: list[str] = []
    real = Path.read_bytes

    def noting(path: Path) -> bytes:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", noting)
    pack_cache._key(builtin_dir())
    assert {"textnorm.py", "native.py", "config.py", "pack_cache.py", "B001.toml"} <= set(read)
