"""What lintnews keeps beside its sources besides the phrase packs (`lintnews.kept_files`): B011's
compiled comment-header patterns (`lintnews.regex_cache`), T002's word lists and the MinHash
permutations. Each is the same thing its source gives, read back in a later process; any change
of that source is made again; nothing is written where bytecode would not be, and a folder that
cannot be written only costs the keeping."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import wordfreq
from lintnews.rules.chrome.thread_words import HeaderPatterns, header_patterns_for, header_words
from lintnews.rules.truncation import wordlist

from lintnews import engine, kept_files, minhash, regex_cache
from lintnews.config import Settings, build_settings
from lintnews.packs.loading import load_packs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
#: The comment header's pattern, of the built-in words (rules/packs/B011.toml).
BUILTIN_WORDS = header_patterns_for(Settings())
HEADER = BUILTIN_WORDS.source


def fresh() -> HeaderPatterns:
    """The header's patterns of the built-in words, not yet compiled (B011 and B012 keep theirs)."""
    return HeaderPatterns(*header_words(load_packs(Settings())))


#: A line of a comment thread as Dragnet's pages have them, and a dateline that is no header.
COMMENT = "Posted by: Jane Miller | October 13, 2012 at 04:31 PM"
DATELINE = "WASHINGTON, October 13, 2012 — The Senate voted on Friday."


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of its own for the kept files, written as bytecode would be."""
    where = tmp_path / "kept"
    monkeypatch.setenv(kept_files.FOLDER_VARIABLE, str(where))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return where


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process whose `re` cannot compile (as if it had nothing in its own cache)."""

    def fail(pattern: str, flags: int = 0) -> re.Pattern[str]:
        raise AssertionError(f"compiled {pattern[:40]!r}")

    monkeypatch.setattr(regex_cache.re, "compile", fail)


# --- regular expressions ------------------------------------------------------------------------


def test_the_comment_header_patterns_come_back_from_the_kept_file_equal_to_re_compile(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = [(HEADER, re.IGNORECASE | re.VERBOSE), (HEADER, re.VERBOSE)]
    first = regex_cache.compile_all("comment-headers", specs)
    assert names(folder) == [f"regex-comment-headers.{sys.implementation.cache_tag}.marshal"]
    expected = [re.compile(p, f) for p, f in specs]
    with monkeypatch.context() as m:
        no_compiling(m)
        again = regex_cache.compile_all("comment-headers", specs)
    assert first == expected and again == expected  # (a Pattern's equality compares its code)
    assert [p.flags for p in again] == [p.flags for p in expected]
    header, cased = again
    assert header.match(COMMENT) and cased.match(COMMENT.lower())
    assert not header.match(DATELINE) and not cased.match(DATELINE.lower())


def test_b011_gets_the_kept_patterns(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = fresh().compiled()
    again = fresh()  # (its other patterns compiled now: only the header's is kept)
    with monkeypatch.context() as m:
        no_compiling(m)
        kept = again.compiled()
    assert kept == made == (re.compile(HEADER, re.IGNORECASE | re.VERBOSE), re.compile(HEADER, re.VERBOSE))


def test_a_changed_pattern_is_compiled_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regex_cache.compile_all("dates", [(r"\d{4}-\d\d-\d\d", 0), (r"(?P<day>\d\d)\.", re.IGNORECASE)])
    (file,) = folder.iterdir()
    before = file.read_bytes()
    changed = [(r"\d{4}-\d\d", 0), (r"(?P<day>\d\d)\.", re.IGNORECASE)]
    got = regex_cache.compile_all("dates", changed)
    assert got == [re.compile(p, f) for p, f in changed]
    assert got[0].match("2012-10") and got[1].groupindex == {"day": 1}
    assert file.read_bytes() != before  # (kept again, for the new pattern)
    with monkeypatch.context() as m:
        no_compiling(m)
        assert regex_cache.compile_all("dates", changed) == got


@pytest.mark.parametrize("damage", ["empty", "garbage", "bad code"])
def test_a_damaged_regex_file_is_compiled_around(folder: Path, damage: str) -> None:
    specs = [(r"(?i)posted\s+by:?\s+(\w+)", 0)]
    regex_cache.compile_all("posted", specs)
    (file,) = folder.iterdir()
    key = regex_cache._key(specs)
    if damage == "empty":
        file.write_bytes(b"")
    elif damage == "garbage":
        file.write_bytes(key + b"\xff\x00garbage")
    else:  # the right key, but code `_sre` refuses (it checks what it is given)
        ((flags, code, groups, groupindex, indexgroup),) = kept_files.read(file, key)
        kept_files.write(file, key, [(flags, [99999, *code[1:]], groups, groupindex, indexgroup)])
    (got,) = regex_cache.compile_all("posted", specs)
    assert got == re.compile(specs[0][0]) and got.match("Posted by: Jane").group(1) == "Jane"


def test_nothing_is_kept_when_bytecode_is_not_written(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert regex_cache.compile_all("words", [(r"\bsays:\s*$", 0)]) == [re.compile(r"\bsays:\s*$")]
    wordlist._list_bytes.cache_clear()
    assert wordlist._list_bytes("en") == wordlist._read_list(wordfreq.available_languages()["en"])
    wordlist._list_bytes.cache_clear()
    minhash.permutations.cache_clear()
    assert [x.tolist() for x in minhash.permutations(16, 3)] == [
        x.tolist() for x in minhash._draw_permutations(16, 3, minhash.AFFINE32)
    ]
    minhash.permutations.cache_clear()
    assert not folder.exists()


def test_a_folder_that_cannot_be_written_only_costs_the_keeping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder of kept files would be")
    monkeypatch.setenv(kept_files.FOLDER_VARIABLE, str(blocker / "kept"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert fresh().compiled()[1] == re.compile(HEADER, re.VERBOSE)
    minhash.permutations.cache_clear()
    a, b = minhash.permutations(32, 5)
    minhash.permutations.cache_clear()
    assert a.tolist() == minhash._draw_permutations(32, 5, minhash.AFFINE32)[0].tolist()
    assert blocker.read_text().startswith("a file")


# --- T002's word lists --------------------------------------------------------------------------


@pytest.fixture
def english(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of wordfreq's English list that the test may change, as wordfreq's list of "en"."""
    copy = tmp_path / "large_en.msgpack.gz"
    shutil.copyfile(wordfreq.available_languages()["en"], copy)
    monkeypatch.setattr(wordfreq, "available_languages", lambda: {"en": str(copy)})
    wordlist._list_bytes.cache_clear()
    yield copy
    wordlist._list_bytes.cache_clear()


def test_a_word_list_is_read_back_the_same(
    english: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = wordlist._list_bytes("en")
    assert names(folder) == [f"wordlist-en.{sys.implementation.cache_tag}.marshal"]
    wordlist._list_bytes.cache_clear()
    with monkeypatch.context() as m:
        m.setattr(wordlist, "_read_list", lambda path: pytest.fail(f"{path} read again"))
        kept = wordlist._list_bytes("en")
        assert wordlist.in_buckets("the", "en", 200) and not wordlist.in_buckets("xqzvvw", "en", 700)
    assert kept == read == wordlist._read_list(str(english))


def test_a_changed_word_list_is_read_again(
    english: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wordlist._list_bytes("en")
    wordlist._list_bytes.cache_clear()
    german = Path(wordfreq.__file__).parent / "data" / "large_de.msgpack.gz"
    shutil.copyfile(german, english)  # (wordfreq updated: another list under the same name)
    reads: list[str] = []
    real = wordlist._read_list

    def read(path: str) -> tuple[bytes, list[int]]:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(wordlist, "_read_list", read)
    assert wordlist._list_bytes("en") == real(str(german))
    assert reads == [str(english)]
    assert wordlist.in_buckets("und", "en", 200)


# --- MinHash permutations -----------------------------------------------------------------------


@pytest.mark.parametrize("scheme", minhash.SCHEMES)
def test_the_kept_permutations_are_the_drawn_numbers(
    folder: Path, monkeypatch: pytest.MonkeyPatch, scheme: str
) -> None:
    minhash.permutations.cache_clear()
    drawn = minhash.permutations(128, 1, scheme)
    minhash.permutations.cache_clear()
    with monkeypatch.context() as m:
        m.setattr(minhash, "_draw_permutations", lambda *a: pytest.fail("drawn again"))
        kept = minhash.permutations(128, 1, scheme)
    minhash.permutations.cache_clear()
    expected = minhash._draw_permutations(128, 1, scheme)
    for got in (drawn, kept):
        assert [x.dtype for x in got] == [x.dtype for x in expected]
        assert all(np.array_equal(x, y) for x, y in zip(got, expected))
    assert names(folder) == [f"minhash-{scheme}-128-1.{sys.implementation.cache_tag}.marshal"]


# --- the phrase packs' patterns, shared with `re` before the workers fork -----------------------


def test_shared_patterns_are_what_re_compile_answers(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    specs = [(r"(?:share|tweet) this", 0), (r"^\W*advertisement\W*$", 0)]
    regex_cache.compile_all("shared", specs, share=True)
    re.purge()  # (as in a new process)
    built = regex_cache.compile_all("shared", specs, share=True)
    with monkeypatch.context() as m:
        m.setattr(re._compiler, "compile", lambda *a: pytest.fail("compiled again"))
        assert [re.compile(p) for p, _ in specs] == built
        assert all(re.compile(p) is b for (p, _), b in zip(specs, built))
    re.purge()
    assert built == [re.compile(p) for p, _ in specs]


def test_the_warm_up_keeps_only_the_builtin_packs_patterns(folder: Path, tmp_path: Path) -> None:
    extra = tmp_path / "our-site.toml"
    extra.write_text(
        'code = "B001"\n[phrases.en]\npatterns = ["our site newsletter \\\\d+"]\n', encoding="utf-8"
    )
    packs = load_packs(build_settings({"extend-packs": [str(extra)]}))
    builtin = engine.builtin_patterns(packs)
    everything = {
        p for by_rule in packs.by_language.values() for es in by_rule.values() for e in es for p in e.patterns
    }
    assert everything - set(builtin) == {r"our site newsletter \d+"}
    assert builtin == sorted(set(builtin)) and len(builtin) > 300


def test_a_parallel_run_reports_the_same_with_kept_files_without_and_while_making_them(
    tmp_path: Path,
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    sources = sorted(p for p in FIXTURES.iterdir() if p.name != "README.md")
    for i in range(20):  # (enough units to start the workers, which `Linter.warm` is for)
        for source in sources:
            shutil.copy(source, articles / f"{i:02d}-{source.name}")
    env = {**os.environ, kept_files.FOLDER_VARIABLE: str(tmp_path / "kept"), "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-m", "lintnews", "check", "--isolated", "--no-cache", "-j", "2", "articles"]
    runs = [
        subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=run_env, timeout=300)
        for run_env in (
            env,
            env,
            {**env, "PYTHONDONTWRITEBYTECODE": "1", kept_files.FOLDER_VARIABLE: str(tmp_path / "none")},
        )
    ]
    kept = sorted(p.name.split(".")[0] for p in (tmp_path / "kept").iterdir())
    assert {
        "packs",
        "regex-packs",
        "regex-warm",
        "regex-cli",
        "dataclass-code",
        "minhash-affine32-128-1",
    } <= set(kept)
    assert not (tmp_path / "none").exists()
    assert [r.returncode for r in runs] == [1, 1, 1]
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout and "B006" in runs[0].stdout
