"""The result cache is untrusted input (issue 21): a repository can ship `.lintnews_cache/`.

Planted entries never run code and never change the output: what lintnews does not recognise
as exactly what it would have stored is a miss, and the document is linted again. A cache file
SQLite cannot read is rebuilt with one warning line; a cache folder that cannot be used is one
warning line and a run without the cache. Every test runs the installed ``lintnews`` script on
a small project and compares with an uncached run.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import msgpack
import pytest
from console import lintnews_script as script
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintnews import cache
from lintnews.analysis import Analysis
from lintnews.cache import seal
from lintnews.config import Settings
from lintnews.fixes.apply import FixPolicy
from lintnews.parallel import cached_items
from lintnews.reporters.base import _UNPRINTABLE
from lintnews.reporters.formatted import DocumentFormat
from lintnews.sources import InputError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LEDE = "Talks resumed in Geneva on Monday after a two-week pause, officials from both delegations said."
SECOND = "Both sides said they expected a long week of negotiations over the prisoner exchange."
THIRD = "The mediators declined to say when a joint statement might be published."


def lintnews(cwd: Path, *args: str) -> tuple[int, str, str]:
    proc = subprocess.run(
        [script(), "check", *args, "."],
        cwd=cwd,
        capture_output=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1"},
    )
    # (a file name that is not UTF-8 is printed as its bytes)
    return proc.returncode, os.fsdecode(proc.stdout), os.fsdecode(proc.stderr)


def make_project(root: Path, records: int) -> Path:
    """The bundled fixtures, a JSONL corpus (copies for N002, broken lines for input errors;
    more than 64 records start worker processes) and a file whose name is not UTF-8."""
    shutil.copytree(FIXTURES, root)
    with (root / "wire.jsonl").open("w") as fh:
        for i in range(records):
            if i % 9 == 4:
                fh.write('{"id": "broken"\n')
                continue
            paras = [f"{LEDE} Record {i % 30}.", SECOND, THIRD] + (
                [f"{LEDE} Record {i % 30}."] if i % 3 == 0 else []
            )
            fh.write(json.dumps({"id": f"r{i}", "text": "\n\n".join(paras)}) + "\n")
    (root / os.fsdecode(b"caf\xe9 notes.txt")).write_text(f"{LEDE}\n\n{LEDE}\n")
    return root


class Project:
    """A project linted once without the cache (``expected``) and once with it; `reset` puts
    that cache back before each test. (Cache keys depend on the project's folder, so the tests
    of a module share one.)"""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.expected = lintnews(root, "--no-cache")
        assert (
            self.expected[0] == 2 and "not valid JSON" in self.expected[2]
        )  # the broken records: a real run
        assert lintnews(root) == self.expected
        drop_reports(root)  # (these tests plant results entries: never bypassed by a report)
        self.pristine = root.parent / f"{root.name}-cache"
        shutil.copytree(root / ".lintnews_cache", self.pristine)

    def reset(self) -> Path:
        folder = self.root / ".lintnews_cache"
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder)
        elif os.path.lexists(folder):
            folder.unlink()
        for extra in ("elsewhere.sqlite3", "cache-file"):
            (self.root / extra).unlink(missing_ok=True)
        shutil.copytree(self.pristine, folder)
        return self.root


@pytest.fixture(scope="module")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project(make_project(tmp_path_factory.mktemp("small") / "project", 8))


@pytest.fixture(scope="module")
def large_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project(make_project(tmp_path_factory.mktemp("large") / "project", 80))


def rows(root: Path) -> list[tuple[bytes, bytes]]:
    """The cache's entries but the sealed reports (`lintnews.cache.seal`: written only where
    this installation has a secret; `test_cache_seal.py` tests them)."""
    with sqlite3.connect(root / ".lintnews_cache" / "results.sqlite3") as db:
        found = db.execute("SELECT key, value FROM results ORDER BY key").fetchall()
    db.close()
    return [(k, v) for k, v in found if not is_report(k)]


def is_report(k: bytes) -> bool:
    return len(k) in (21, 29) and k[20:21] == seal.REPORT


def drop_reports(root: Path) -> None:
    """Delete the sealed reports: a re-run then reads every document's results entry."""
    db = sqlite3.connect(root / ".lintnews_cache" / "results.sqlite3")
    with db:
        db.execute(
            "DELETE FROM results WHERE length(key) IN (21, 29) AND substr(key, 21, 1) = ?", (seal.REPORT,)
        )
    db.close()


def replace_values(root: Path, new_value: Callable[[int, bytes], Any]) -> None:
    db = sqlite3.connect(root / ".lintnews_cache" / "results.sqlite3")
    with db:
        for i, (k, v) in enumerate(rows(root)):
            db.execute("UPDATE results SET value = ? WHERE key = ?", (new_value(i, v), k))
    db.close()


class _Payload:
    """Unpickling this creates ``marker``: what a planted pickle would do, harmlessly."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (self.marker, "w"))


def test_a_planted_pickle_runs_nothing_and_changes_nothing(large_project: Project, tmp_path: Path) -> None:
    """Every entry (those of the 80 records, the files, the corpus phase), under the keys a
    real run computed, replaced by a pickle that would create a file when loaded."""
    root = large_project.reset()
    marker = tmp_path / "planted-code-ran"
    payload = pickle.dumps(_Payload(marker))
    assert len(rows(root)) > 80
    replace_values(root, lambda i, v: payload)
    assert lintnews(root) == large_project.expected
    assert not marker.exists()
    # the planted rows were replaced by real results
    values = [v for _, v in rows(root)]
    assert len(values) > 80 and all(decode(v)[:2] == [cache.MAGIC, cache.FORMAT] for v in values)
    assert b"planted-code-ran" not in b"".join(values)


def test_a_fix_run_never_reads_the_cache(small_project: Project, tmp_path: Path) -> None:
    root = small_project.reset()
    work = tmp_path / "copy"
    shutil.copytree(root, work, symlinks=True)  # --fix rewrites files: not the shared project
    marker = tmp_path / "planted-code-ran"
    replace_values(work, lambda i, v: pickle.dumps(_Payload(marker)))
    code, _, err = lintnews(work, "--fix")
    assert code == 2 and "Traceback" not in err
    assert not marker.exists()


# --- shape-fuzzed entries: each is a miss, and the output is that of an uncached run ---------


def nodes(value: Any, path: tuple[int, ...] = ()) -> Iterator[tuple[int, ...]]:
    """Paths to every element of a decoded entry (lists nest; everything else is a leaf)."""
    yield path
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield from nodes(item, (*path, i))


def mutate(value: Any, path: tuple[int, ...], change: Callable[[Any], Any]) -> Any:
    if not path:
        return change(value)
    copy = list(value)
    copy[path[0]] = mutate(value[path[0]], path[1:], change)
    return copy


def decode(value: bytes) -> Any:
    return msgpack.unpackb(value, unicode_errors="surrogatepass")


def encode(value: Any) -> bytes:
    return msgpack.packb(value, use_bin_type=True, unicode_errors="surrogatepass")


#: Changes that make any element invalid wherever it is: entries never hold maps or floats
#: outside a signature's date, every record is a list of a fixed length, and the lists of a
#: variable length only hold records.
MUTATIONS: list[Callable[[Any], Any]] = [
    lambda v: {"x": 1},
    lambda v: [*v, {}] if isinstance(v, list) else {"v": v},
    # (the last element replaced, not dropped, and a wrapped value given a map beside it: a list
    # of a variable length one record shorter, or a missing signature wrapped as `[None]`, are
    # valid entries, which a different order of the keys, e.g. after a settings change, hits)
    lambda v: [*v[:-1], {}] if isinstance(v, list) and v else {},
    lambda v: [v, {}],
]


def test_shape_fuzzed_entries_are_misses(large_project: Project) -> None:
    """Each row gets a different element changed (row n: its element 7n, wrapping; the change
    n mod 4), so one run covers every part of the entries: results, input errors, diagnostics,
    fixes, related places, signatures and their arrays, the corpus phase's entry."""
    root = large_project.reset()
    spec = cache.signature_spec(Settings())

    def fuzzed(i: int, value: bytes) -> bytes:
        data = decode(value)
        paths = list(nodes(data))
        out = encode(mutate(data, paths[(i * 7) % len(paths)], MUTATIONS[i % len(MUTATIONS)]))
        if data[2] == "unit":
            item = data[3][0][0]
            assert cache.load_unit(out, item[1], item[3] if item[0] == "a" else item[4], spec) is None
        elif data[2] == "sigs":  # (the run signs such a unit's document again)
            assert cache.load_signatures(out, spec) is None
        else:
            assert cache.load_corpus(out) is None
        return out

    replace_values(root, fuzzed)
    assert lintnews(root) == large_project.expected


def kinds(root: Path) -> dict[bytes, str]:
    return {k: decode(v)[2] for k, v in rows(root)}


def test_bad_signatures_entries_are_signed_again_when_the_corpus_phase_runs(large_project: Project) -> None:
    """A unit's signatures are an entry of their own, read only when the corpus phase's result
    is not cached: every one of them planted (or gone), with the corpus phase's entry gone, the
    run reads the documents' results from the cache and signs the documents again."""
    root = large_project.reset()
    signatures = [k for k, kind in kinds(root).items() if kind == "sigs"]
    assert len(signatures) > 64
    replace_values(
        root,
        lambda i, v: encode([cache.MAGIC, cache.FORMAT, "sigs", [None]]) if decode(v)[2] == "sigs" else v,
    )
    db = sqlite3.connect(root / ".lintnews_cache" / "results.sqlite3")
    with db:
        db.execute("DELETE FROM results WHERE key IN (?, ?)", (signatures[0], signatures[1]))  # gone
        for k, kind in kinds(root).items():
            if kind == "corpus":
                db.execute("DELETE FROM results WHERE key = ?", (k,))
    db.close()
    assert lintnews(root) == large_project.expected


def test_a_re_run_whose_corpus_phase_is_cached_reads_no_signatures(large_project: Project) -> None:
    root = large_project.reset()
    db = sqlite3.connect(root / ".lintnews_cache" / "results.sqlite3")
    with db:
        db.execute("DELETE FROM results WHERE length(key) = 21")  # (every signatures entry)
    db.close()
    left = kinds(root)
    assert "sigs" not in left.values() and "corpus" in left.values()
    assert lintnews(root) == large_project.expected
    assert kinds(root) == left  # (nothing linted again, nothing written)


def test_wrong_types_foreign_bytes_and_other_documents_entries_are_misses(small_project: Project) -> None:
    root = small_project.reset()

    def stringify(v: Any) -> Any:
        if isinstance(v, list):
            return [stringify(x) for x in v]
        return v if isinstance(v, str) else str(v)

    values = [v for _, v in rows(root)]
    foreign: list[Callable[[int, bytes], Any]] = [
        lambda i, v: encode(stringify(decode(v))),  # every number and byte string a string
        lambda i, v: v[: len(v) // 2],  # truncated
        lambda i, v: v + b"\x00",  # trailing data
        lambda i, v: json.dumps(decode(v)[:3]).encode(),  # JSON text
        lambda i, v: encode([cache.MAGIC, cache.FORMAT + 1, *decode(v)[2:]]),  # another format
        lambda i, v: b"\xc7\x03\x05abc",  # a msgpack extension type
        lambda i, v: b"\x91" * 5000 + b"\xc0",  # nested 5000 deep
        lambda i, v: b"\xdd\xff\xff\xff\xff",  # an array claiming 4 billion elements
        lambda i, v: "a text value",  # not even bytes
        # a well-formed entry of another file or record (each names its own)
        lambda i, v: values[(i + 1) % len(values)],
    ]
    assert len(values) >= len(foreign)
    replace_values(root, lambda i, v: foreign[i % len(foreign)](i, v))
    assert lintnews(root) == small_project.expected


# --- in process: any change to a real entry is a miss or a well-typed result --------------------


def _real_entries(tmp_path: Path) -> list[tuple[str, int | None, bytes, bytes | None]]:
    """(path, JSONL line, results entry, signatures entry) of each unit of a real run."""
    (tmp_path / "a.txt").write_text(f"{LEDE}\n\n{SECOND}\n\n{LEDE}\n\n{THIRD} Read more:\n")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "x", "text": f"{LEDE}\n\n{LEDE}\n\n{SECOND}"}) + "\n" + '{"id": 1\n'
    )
    proc = subprocess.run(
        [script(), "check", "--isolated", "a.txt", "c.jsonl"], cwd=tmp_path, capture_output=True
    )
    assert proc.returncode == 2
    found = []
    stored = dict(rows(tmp_path))
    for k, value in stored.items():
        data = decode(value)
        if data[2] == "unit":
            item = data[3][0][0]
            found.append(
                (item[1], item[3] if item[0] == "a" else item[4], value, stored.get(k + cache.SIGNATURES))
            )
    assert len(found) == 3 and len(stored) == 3 + 2 + 1  # (two documents' signatures, the corpus phase)
    return found


#: How a run in the ``text`` format has its documents' diagnostics formatted.
LINES = DocumentFormat("text", False, False, False, FixPolicy())

_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**64 - 1),
    st.floats(),
    st.text(),
    st.binary(max_size=64),
    st.dictionaries(st.text(max_size=3), st.integers(-5, 5), max_size=2),
)
_VALUES = st.recursive(_LEAVES, lambda inner: st.lists(inner, max_size=6), max_leaves=20)


def test_any_change_to_a_real_entry_is_a_miss_or_well_typed(tmp_path: Path) -> None:
    entries = _real_entries(tmp_path)
    spec = cache.signature_spec(Settings())

    @settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", "400")),
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def check(data: st.DataObject) -> None:
        path, line, value, signatures = data.draw(st.sampled_from(entries))
        decoded = decode(value)
        where = data.draw(st.sampled_from(list(nodes(decoded))))
        new = data.draw(_VALUES)
        blob = encode(mutate(decoded, where, lambda v: new))
        unit = (path,) if line is None else (path, line, b"{}")
        found = cached_items(blob, unit, spec)  # type: ignore[arg-type]
        # (a run that only prints lines has them formatted from the rows: the same entries hit)
        briefly = cached_items(blob, unit, spec, LINES)  # type: ignore[arg-type]
        assert (briefly is None) == (found is None)
        if found is None or briefly is None:
            return
        (item,), (brief,) = found, briefly
        assert isinstance(item, (Analysis, InputError)) and item.path == path
        if isinstance(item, Analysis):
            assert item.record_line == line
            for d in item.diagnostics:
                assert (d.path, d.record_line) == (path, line) and d.line >= 1 and d.column >= 1
                json.dumps(d.to_dict())
            assert signatures is not None  # what the corpus phase reads
            # (an entry whose record id was changed to another string names another document than
            # its signatures entry: the corpus phase signs it again)
            real = cache.load_signatures(signatures, spec, (path, decoded[3][0][0][2], line)) is not None
            assert real and (
                cache.load_signatures(signatures, spec, (path, item.record, line)) is not None
            ) == (item.record == decoded[3][0][0][2])
            assert isinstance(brief, Analysis) and brief.diagnostics == []
            want = LINES.format(item.diagnostics) if item.diagnostics else None
            got = brief.formatted
            assert got == want and (got is None or not _UNPRINTABLE.search(got.text.replace("\n", "")))
        else:
            assert brief == item

    check()


# --- the cache file and folder ---------------------------------------------------------------


def _damage_garbage(db: Path) -> None:
    db.write_bytes(b"this is not a database " * 400)


def _damage_truncated(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


def _damage_folder(db: Path) -> None:
    db.unlink()
    db.mkdir()
    (db / "inside").write_text("x")


def _damage_foreign_schema(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE evil (x)")
        conn.execute("CREATE TRIGGER t AFTER INSERT ON results BEGIN INSERT INTO evil VALUES (1); END")
    conn.close()


def _damage_symlink(db: Path) -> None:
    target = db.parent.parent / "elsewhere.sqlite3"
    db.rename(target)
    db.symlink_to(target)


DAMAGE = {
    "garbage": (_damage_garbage, "file is not a database"),
    "truncated": (_damage_truncated, "database disk image is malformed"),
    "folder": (_damage_folder, "it is a folder"),
    "foreign-schema": (_damage_foreign_schema, "it holds tables lintnews did not make"),
    "symlink": (_damage_symlink, "it is a symbolic link"),
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_damaged_cache_file_is_rebuilt_with_one_warning(small_project: Project, kind: str) -> None:
    root = small_project.reset()
    for name in ("results.sqlite3-wal", "results.sqlite3-shm"):
        (root / ".lintnews_cache" / name).unlink(missing_ok=True)
    db = root / ".lintnews_cache" / "results.sqlite3"
    damage, reason = DAMAGE[kind]
    damage(db)
    code, out, err = lintnews(root)
    expected = small_project.expected
    assert (code, out) == expected[:2]
    warning = f"lintnews: warning: .lintnews_cache/results.sqlite3: the result cache was damaged ({reason}); rebuilt it\n"
    assert err == warning + expected[2]
    assert db.is_file() and not db.is_symlink()
    assert len(rows(root)) == len(rows_of(small_project))  # rebuilt and filled
    if kind == "symlink":
        assert (root / "elsewhere.sqlite3").is_file()  # the link's target is left alone


def rows_of(project: Project) -> list[tuple[bytes, bytes]]:
    """The rows of the project's cache as its first run wrote them."""
    with sqlite3.connect(project.pristine / "results.sqlite3") as db:
        found = db.execute("SELECT key, value FROM results").fetchall()
    db.close()
    return found


def test_a_cache_folder_that_is_a_file_is_one_warning_and_no_cache(small_project: Project) -> None:
    """The default folder, or LINTNEWS_CACHE_DIR, naming a file (a checkout can hold one):
    one warning line, and the run goes on without the cache. (An explicit ``--cache-dir``
    naming a file is a usage error, as for every other option naming a folder.)"""
    root = small_project.reset()
    shutil.rmtree(root / ".lintnews_cache")
    (root / ".lintnews_cache").write_text("not a folder\n")
    code, out, err = lintnews(root)
    assert (code, out) == small_project.expected[:2]
    warning = "lintnews: warning: .lintnews_cache: cannot use the result cache: it is a file, not a folder; linting without it\n"
    assert err == warning + small_project.expected[2]
    assert (root / ".lintnews_cache").read_text() == "not a folder\n"
    env = {**os.environ, "NO_COLOR": "1", "LINTNEWS_CACHE_DIR": ".lintnews_cache/sub"}
    proc = subprocess.run([script(), "check", "."], cwd=root, capture_output=True, env=env, timeout=300)
    err = os.fsdecode(proc.stderr)
    assert (proc.returncode, os.fsdecode(proc.stdout)) == small_project.expected[:2]
    first, rest = err.split("\n", 1)
    assert first.startswith("lintnews: warning: .lintnews_cache/sub: cannot use the result cache: ")
    assert first.endswith("; linting without it") and rest == small_project.expected[2]
    code, out, err = lintnews(root, "--cache-dir", ".lintnews_cache")
    assert code == 2 and "'--cache-dir': Directory '.lintnews_cache' is a file" in err and not out


def test_a_planted_gitignore_link_is_not_followed(small_project: Project, tmp_path: Path) -> None:
    root = small_project.reset()
    target = tmp_path / "outside.txt"
    (root / ".lintnews_cache" / ".gitignore").unlink()
    (root / ".lintnews_cache" / ".gitignore").symlink_to(target)
    (root / ".lintnews_cache" / "results.sqlite3").unlink()  # a first run: the folder is set up
    assert lintnews(root) == small_project.expected
    assert not target.exists()


def test_the_cache_itself_warns_through_the_run_and_never_raises(tmp_path: Path) -> None:
    """A folder that turns into a file after the run checked it (or any unusable path): the
    cache says so once, through the run's warning channel, and answers every key with a miss."""
    (tmp_path / "cache-file").write_text("x")
    said: list[str] = []
    store = cache.ResultCache(str(tmp_path / "cache-file"), writable=True, warn=said.append)
    store.put(b"k", b"v")
    store.flush()
    assert store.get(b"k") is None and store.get_many([b"k"]) == {}
    store.close()
    assert said == [
        f"{tmp_path / 'cache-file'}: cannot use the result cache: it is a file, not a folder; linting without it"
    ]
    assert cache.ResultCache(str(tmp_path / "cache-file")).get(b"k") is None  # a reader says nothing


def test_a_cached_run_keeps_the_sarif_region_text_of_long_regions(tmp_path: Path) -> None:
    """The region's own text (kept apart when the 200-character snippet cuts it) survives the
    cache: a cached re-run writes the same SARIF snippet as the first run."""
    long_paragraph = " ".join([LEDE, SECOND, THIRD, LEDE.replace("Monday", "Tuesday")])
    assert len(long_paragraph) > 300
    (tmp_path / "story.txt").write_text(f"{SECOND}\n\n{long_paragraph}\n\n{THIRD}\n\n{long_paragraph}\n")
    first = lintnews(tmp_path, "--output-format", "sarif", "--exit-zero")
    second = lintnews(tmp_path, "--output-format", "sarif", "--exit-zero")
    assert (tmp_path / ".lintnews_cache").is_dir()
    snippets = [
        r["locations"][0]["physicalLocation"]["region"].get("snippet", {}).get("text")
        for r in json.loads(first[1])["runs"][0]["results"]
        if r["ruleId"] == "D001"
    ]
    assert snippets == [long_paragraph]
    assert second[1] == first[1]
