"""The persistent near-duplicate index (issue 18), SQLite store: `lintnews index ...` and
`lintnews check --index`, driven through the installed script."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from index_helpers import corpora, findings, lintnews, records, write_jsonl

CHECK = ("check", "--isolated", "--no-cache", "--format", "json", "-q", "--select", "N001,N002")


def test_check_against_the_index_equals_one_run_over_both(tmp_path: Path) -> None:
    corpora(tmp_path)
    both = lintnews(*CHECK, "a.jsonl", "b.jsonl", cwd=tmp_path)
    assert both.returncode == 1, both.stderr
    expected = [f for f in findings(both.stdout) if f[0].startswith("b-")]
    assert [(f[0], f[1]) for f in expected] == [
        ("b-12", "N001"),
        ("b-21", "N001"),
        ("b-3", "N002"),
        ("b-7", "N001"),
    ]
    added = lintnews("index", "add", "--isolated", "--index", "idx.db", "a.jsonl", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert added.stderr == "Indexed 60 documents in idx.db (60 in the index).\n"
    got = lintnews(*CHECK, "--index", "idx.db", "b.jsonl", cwd=tmp_path)
    assert got.returncode == 1, got.stderr
    assert findings(got.stdout) == expected
    # related names the indexed document, and the indexed copy is the kept one
    by_record = {f[0]: f for f in expected}
    assert by_record["b-3"][3:] == (["a.jsonl#a-5"], "a.jsonl#a-5")
    assert by_record["b-12"][4] == "a.jsonl#a-10"  # the cluster's first, found through a-11
    assert "cluster of 3 kept as a.jsonl#a-10" in by_record["b-12"][2]
    assert by_record["b-21"][3:] == (["b.jsonl#b-20"], "b.jsonl#b-20")


def test_index_update_adds_only_documents_that_pass_the_gate(tmp_path: Path) -> None:
    corpora(tmp_path)
    assert (
        lintnews("index", "add", "--isolated", "--index", "idx.db", "a.jsonl", cwd=tmp_path).returncode == 0
    )
    # N002 is an error: b-3 fails the gate (default --fail-on error); N001 is a warning, b-7 passes
    run = lintnews(*CHECK, "--index", "idx.db", "--index-update", "b.jsonl", cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    stats = json.loads(
        lintnews("index", "stats", "--index", "idx.db", "--format", "json", cwd=tmp_path).stdout
    )
    assert stats["documents"] == 60 + 29
    db = sqlite3.connect(tmp_path / "idx.db")
    names = {r[0] for r in db.execute("SELECT name FROM docs")}
    db.close()
    assert "b.jsonl#b-3" not in names and "b.jsonl#b-7" in names
    # tomorrow's batch repeats one of today's documents: it is caught
    c = records("c", 5, 3)
    c[2]["text"] = json.loads((tmp_path / "b.jsonl").read_text().splitlines()[15])["text"]
    write_jsonl(tmp_path / "c.jsonl", c)
    got = lintnews(*CHECK, "--index", "idx.db", "c.jsonl", cwd=tmp_path)
    assert [(f[0], f[1], f[4]) for f in findings(got.stdout)] == [("c-2", "N002", "b.jsonl#b-15")]
    # checking the indexed batch again: a document is not a copy of itself (the same findings)
    again = lintnews(*CHECK, "--index", "idx.db", "b.jsonl", cwd=tmp_path)
    assert findings(again.stdout) == findings(run.stdout)
    assert len(findings(run.stdout)) == 4


def test_a_run_killed_part_way_adds_nothing(tmp_path: Path) -> None:
    corpora(tmp_path)
    assert (
        lintnews("index", "add", "--isolated", "--index", "idx.db", "a.jsonl", cwd=tmp_path).returncode == 0
    )
    before = (tmp_path / "idx.db").read_bytes()
    exe = os.path.join(os.path.dirname(sys.executable), "lintnews")
    proc = subprocess.Popen(
        [exe, *CHECK, "--index", "idx.db", "--index-update", "--stdin-filename", "s.jsonl", "-"],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None
    lines = (tmp_path / "b.jsonl").read_bytes().splitlines(keepends=True)
    proc.stdin.write(b"".join(lines[:20]))
    proc.stdin.flush()
    time.sleep(2)  # the run reads and lints what it was given, and waits for more
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    stats = json.loads(
        lintnews("index", "stats", "--index", "idx.db", "--format", "json", cwd=tmp_path).stdout
    )
    assert stats["documents"] == 60
    # the same run, completed, adds them
    done = lintnews(
        *CHECK,
        "--index",
        "idx.db",
        "--index-update",
        "--stdin-filename",
        "s.jsonl",
        "-",
        cwd=tmp_path,
        stdin=b"".join(lines[:20]),
    )
    assert done.returncode == 1, done.stderr  # b-3 is an exact copy
    stats = json.loads(
        lintnews("index", "stats", "--index", "idx.db", "--format", "json", cwd=tmp_path).stdout
    )
    assert stats["documents"] == 60 + 19
    assert before  # (the file existed before the killed run)


def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "p.jsonl", records("p", 300, 11))
    write_jsonl(tmp_path / "q.jsonl", records("q", 300, 12))
    exe = os.path.join(os.path.dirname(sys.executable), "lintnews")
    procs = [
        subprocess.Popen(
            [exe, "index", "add", "--isolated", "-j", "1", "--index", "idx.db", name],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("p.jsonl", "q.jsonl")
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    db = sqlite3.connect(tmp_path / "idx.db")
    names = {r[0] for r in db.execute("SELECT name FROM docs")}
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
    assert names == {f"p.jsonl#p-{i}" for i in range(300)} | {f"q.jsonl#q-{i}" for i in range(300)}
    # both sets are searchable: a copy of each is found
    p = json.loads((tmp_path / "p.jsonl").read_text().splitlines()[299])["text"]
    q = json.loads((tmp_path / "q.jsonl").read_text().splitlines()[0])["text"]
    write_jsonl(tmp_path / "new.jsonl", [{"id": "x", "text": p}, {"id": "y", "text": q}])
    got = lintnews(*CHECK, "--index", "idx.db", "new.jsonl", cwd=tmp_path)
    assert [(f[0], f[4]) for f in findings(got.stdout)] == [("x", "p.jsonl#p-299"), ("y", "q.jsonl#q-0")]


def test_scheme_is_recorded_and_a_different_one_refused(tmp_path: Path) -> None:
    corpora(tmp_path)
    assert (
        lintnews("index", "add", "--isolated", "--index", "idx.db", "a.jsonl", cwd=tmp_path).returncode == 0
    )
    stats = json.loads(
        lintnews("index", "stats", "--index", "idx.db", "--format", "json", cwd=tmp_path).stdout
    )
    assert {k: v for k, v in stats["scheme"].items() if k not in ("written-by", "rules")} == {
        "format": 1,
        "hash": "xxh3-64-low32/affine32/1",
        "num-perm": 128,
        "bands": 42,
        "rows": 3,
        "shingle-size": 5,
        "normalization": 1,
    }
    assert stats["scheme"]["written-by"].startswith("lintnews ")
    assert len(stats["scheme"]["rules"]) == 16  # a digest of the rules' code and phrases
    (tmp_path / "lintnews.toml").write_text("[corpus]\nshingle-size = 4\n")
    got = lintnews("check", "--no-cache", "--index", "idx.db", "b.jsonl", cwd=tmp_path)
    assert got.returncode == 2
    assert got.stdout == ""
    assert got.stderr.count("\n") == 1
    assert got.stderr.startswith(
        "lintnews: error: idx.db: the index was built with another scheme: shingle-size 5 (this run: 4)"
    )
    add = lintnews("index", "add", "--index", "idx.db", "b.jsonl", cwd=tmp_path)
    assert add.returncode == 2 and "another scheme" in add.stderr and add.stderr.count("\n") == 1


def test_an_index_built_with_other_rules_or_phrases_warns_once(tmp_path: Path) -> None:
    """The site-chrome rules decide which lines a signature leaves out: an index built by
    another lintnews, or before the user's phrases changed, can still be checked against, with
    one warning line saying why its similarities may differ."""
    corpora(tmp_path)
    added = lintnews("index", "add", "--index", "idx.db", "a.jsonl", cwd=tmp_path)
    assert added.returncode == 0 and "warning" not in added.stderr, added.stderr
    same = lintnews(*CHECK[:1], *CHECK[2:], "--index", "idx.db", "b.jsonl", cwd=tmp_path)
    assert same.returncode == 1 and same.stderr == "", same.stderr
    warning = "lintnews: warning: idx.db: the index was built by lintnews "
    (tmp_path / "our-site.toml").write_text(
        'rule = "B004"\n[phrases."*"]\nlines = ["Get the morning briefing"]\n'
    )
    (tmp_path / "lintnews.toml").write_text('extend-packs = ["our-site.toml"]\n')
    other = lintnews(*CHECK[:1], *CHECK[2:], "--index", "idx.db", "b.jsonl", cwd=tmp_path)
    assert other.returncode == 1
    assert other.stderr.count("\n") == 1 and other.stderr.startswith(warning), other.stderr
    assert "with other rule code or phrase packs than this run's" in other.stderr
    assert findings(other.stdout) == findings(same.stdout)
    again = lintnews("index", "add", "--index", "idx.db", "b.jsonl", cwd=tmp_path)
    assert again.returncode == 0 and again.stderr.count(warning) == 1, again.stderr
    # an index written before the scheme recorded the rules' digest: the same warning
    (tmp_path / "lintnews.toml").unlink()
    with sqlite3.connect(tmp_path / "idx.db") as db:
        scheme = json.loads(db.execute("SELECT value FROM meta WHERE key='scheme'").fetchone()[0])
        del scheme["rules"]
        db.execute("UPDATE meta SET value=? WHERE key='scheme'", (json.dumps(scheme),))
    old = lintnews(*CHECK[:1], *CHECK[2:], "--index", "idx.db", "b.jsonl", cwd=tmp_path)
    assert old.stderr.count("\n") == 1 and old.stderr.startswith(warning), old.stderr


@pytest.mark.parametrize("damage", ["truncated", "garbage", "entry", "empty-other", "zero"], ids=str)
def test_a_corrupt_index_is_an_error_naming_it(tmp_path: Path, damage: str) -> None:
    corpora(tmp_path)
    assert (
        lintnews("index", "add", "--isolated", "--index", "idx.db", "a.jsonl", cwd=tmp_path).returncode == 0
    )
    db_path = tmp_path / "idx.db"
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if damage == "entry":
        db.execute("UPDATE docs SET sig = x'789c0300' WHERE name = 'a.jsonl#a-5'")  # b-3 copies a-5
        db.commit()
    db.close()
    data = db_path.read_bytes()
    if damage == "truncated":
        db_path.write_bytes(data[: len(data) // 3])
    elif damage == "garbage":
        db_path.write_bytes(b"not an index at all\n" * 100)
    elif damage == "zero":  # truncated to nothing: an error, not an empty index
        db_path.write_bytes(b"")
    elif damage == "empty-other":
        other = sqlite3.connect(db_path.with_name("other.db"))
        other.execute("CREATE TABLE t(x)")
        other.commit()
        other.close()
        db_path = db_path.with_name("other.db")
    got = lintnews(*CHECK, "--index", db_path.name, "b.jsonl", cwd=tmp_path)
    assert got.returncode == 2, got.stderr
    assert "Traceback" not in got.stderr
    assert got.stderr.count("\n") == 1, got.stderr
    assert got.stderr.startswith(f"lintnews: error: {db_path.name}: ")
    if damage == "entry":
        assert (
            got.stderr == "lintnews: error: idx.db: corrupt index: the entry of a.jsonl#a-5 is unreadable\n"
        )
    if damage in ("garbage", "empty-other"):
        assert got.stderr.endswith("not a lintnews index\n") or "file is not a database" in got.stderr
    if damage == "zero":
        assert got.stderr == "lintnews: error: idx.db: an empty file, not a lintnews index\n"
    stats = lintnews("index", "stats", "--index", db_path.name, cwd=tmp_path)
    if damage != "entry":
        assert stats.returncode == 2 and stats.stderr.startswith(f"lintnews: error: {db_path.name}: ")
    # a reader writes nothing into what it refuses
    if damage == "zero":
        assert db_path.stat().st_size == 0
    if damage == "empty-other":
        other = sqlite3.connect(db_path)
        assert [r[0] for r in other.execute("SELECT name FROM sqlite_master")] == ["t"]
        other.close()


def test_missing_index_and_option_errors(tmp_path: Path) -> None:
    corpora(tmp_path)
    got = lintnews(*CHECK, "--index", "nope.db", "b.jsonl", cwd=tmp_path)
    assert (got.returncode, got.stderr) == (
        2,
        "lintnews: error: nope.db: no index there (`lintnews index add --index nope.db PATH...` creates one)\n",
    )
    assert not (tmp_path / "nope.db").exists()
    got = lintnews(*CHECK, "--index-update", "b.jsonl", cwd=tmp_path)
    assert (got.returncode, got.stderr) == (2, "lintnews: error: --index-update needs --index LOCATION\n")
    # --index-update creates the index on first use
    got = lintnews(*CHECK, "--index", "new.db", "--index-update", "a.jsonl", cwd=tmp_path)
    assert got.returncode == 0, got.stderr
    stats = json.loads(
        lintnews("index", "stats", "--index", "new.db", "--format", "json", cwd=tmp_path).stdout
    )
    assert stats["documents"] == 60


def test_remove_and_prune(tmp_path: Path) -> None:
    corpora(tmp_path)
    assert (
        lintnews("index", "add", "--isolated", "--index", "idx.db", "a.jsonl", cwd=tmp_path).returncode == 0
    )
    got = lintnews("index", "remove", "--index", "idx.db", "a.jsonl#a-5", "a.jsonl#zzz", cwd=tmp_path)
    assert got.returncode == 2
    assert got.stderr == (
        "lintnews: error: idx.db: a.jsonl#zzz: not in the index\nRemoved 1 document(s) from idx.db.\n"
    )
    # a-5 is gone: its copy b-3 passes
    check = lintnews(*CHECK, "--index", "idx.db", "b.jsonl", cwd=tmp_path)
    assert "b-3" not in [f[0] for f in findings(check.stdout)]
    db = sqlite3.connect(tmp_path / "idx.db")
    assert db.execute("SELECT count(*) FROM bands").fetchone()[0] == 59 * 42
    db.close()
    # dates: a-i is dated 2026-(1 + i % 9)-01; before March: months 1 and 2
    got = lintnews("index", "prune", "--index", "idx.db", "--before", "2026-03-01", cwd=tmp_path)
    assert got.returncode == 0, got.stderr
    removed = sum(1 for i in range(60) if i != 5 and 1 + i % 9 < 3)
    assert got.stderr == f"Pruned {removed} document(s) dated before 2026-03-01 from idx.db.\n"
    stats = json.loads(
        lintnews("index", "stats", "--index", "idx.db", "--format", "json", cwd=tmp_path).stdout
    )
    assert stats["documents"] == 59 - removed
    assert stats["oldest"] == "2026-03-01"
    bad = lintnews("index", "prune", "--index", "idx.db", "--before", "last tuesday", cwd=tmp_path)
    assert (bad.returncode, bad.stderr) == (
        2,
        "lintnews: error: --before last tuesday: not an ISO 8601 date (YYYY-MM-DD)\n",
    )


def test_results_from_the_cache_are_checked_against_the_index_too(tmp_path: Path) -> None:
    corpora(tmp_path)
    assert (
        lintnews("index", "add", "--isolated", "--index", "idx.db", "a.jsonl", cwd=tmp_path).returncode == 0
    )
    cached = (
        "check",
        "--isolated",
        "--cache-dir",
        "cache",
        "--format",
        "json",
        "-q",
        "--select",
        "N001,N002",
    )
    first = lintnews(*cached, "--index", "idx.db", "b.jsonl", cwd=tmp_path)
    second = lintnews(*cached, "--index", "idx.db", "b.jsonl", cwd=tmp_path)  # every document from the cache
    assert findings(second.stdout) == findings(first.stdout)
    assert [(f[0], f[1]) for f in findings(second.stdout)] == [
        ("b-12", "N001"),
        ("b-21", "N001"),
        ("b-3", "N002"),
        ("b-7", "N001"),
    ]


def test_documents_are_linted_before_the_index_is_locked(tmp_path: Path) -> None:
    """`index add` and `check --index-update` hold the write lock only to copy what they
    linted: while the entries are still being made, another writer gets in at once (no wait);
    a run that fails while making them adds nothing."""
    from lintnews.index.sqlite import SqliteStore
    from lintnews.index.store import Entry

    path = str(tmp_path / "idx.db")
    store = SqliteStore(path, create=True)

    def entries(fail_at: int | None = None) -> Iterator[Entry]:
        for i in range(3):
            other = sqlite3.connect(path, timeout=0, isolation_level=None)  # no waiting: locked would raise
            other.execute("BEGIN IMMEDIATE")
            other.execute("INSERT OR REPLACE INTO meta VALUES (?, 'another writer')", (f"w{i}",))
            other.execute("COMMIT")
            other.close()
            if i == fail_at:
                raise KeyboardInterrupt
            yield Entry(f"d{i}", bytes([i]) * 8, None, [i, 100 + i], b"sig")

    with pytest.raises(KeyboardInterrupt):
        store.add(entries(fail_at=2), {"format": 1})
    assert store.db.execute("SELECT count(*) FROM docs").fetchone()[0] == 0
    assert store.add(entries(), {"format": 1}) == 3
    assert [r[0] for r in store.db.execute("SELECT name FROM docs ORDER BY seq")] == ["d0", "d1", "d2"]
    assert store.db.execute("SELECT count(*) FROM bands").fetchone()[0] == 6
    assert store.add(iter([Entry("d1", b"x" * 8, None, [7], b"new")]), {"format": 1}) == 1  # replaced
    assert store.db.execute("SELECT sig FROM docs WHERE name='d1'").fetchone()[0] == b"new"
    store.close()


def test_a_syndicated_batch_is_looked_up_in_a_few_statements(tmp_path: Path) -> None:
    """A story with many indexed copies, and a batch of more: each round of the candidate search
    (the batch, then its candidates) asks SQLite one statement for all its band keys and one per
    500 text hashes, whatever their number -- not two probes per band key (42 keys per document:
    on a real crawl, 427,000 probes and most of a check's time)."""
    import lintnews as api

    story = records("s", 1, 5)[0]["text"]
    copies = [{"id": f"c-{i}", "text": f"Syndicated by desk {i}.\n{story}"} for i in range(80)]
    write_jsonl(tmp_path / "archive.jsonl", [*copies, *records("a", 40, 1)])
    added = lintnews("index", "add", "--isolated", "--index", "idx.db", "archive.jsonl", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    batch = [
        *({"id": f"n-{i}", "text": f"Syndicated by another desk {i}.\n{story}"} for i in range(40)),
        *records("b", 20, 2),
    ]
    with api.Linter({"select": ["N001", "N002"]}).corpus(index=str(tmp_path / "idx.db")) as corpus:
        statements: list[str] = []
        gate = corpus._gate
        assert gate is not None
        gate.store.db.set_trace_callback(statements.append)  # type: ignore[attr-defined]
        for i, rec in enumerate(batch, 1):
            corpus.add(rec, path="batch.jsonl", line=i)
        found = list(corpus.finish())
    assert sorted({d.record for d in found}) == sorted(f"n-{i}" for i in range(40))
    assert {d.kept.record for d in found if d.kept is not None} == {"c-0"}  # the first indexed copy
    bands = [s for s in statements if "FROM bands" in s]
    hashes = [s for s in statements if "text_hash IN" in s]
    # two rounds (the batch, then the 80 copies it found) and the candidates' round, which finds
    # nothing new: a statement each for the band keys, and one for the text hashes
    assert (len(bands), len(hashes)) == (2, 2), statements
    assert len(statements) <= 8, statements


def test_an_sqlite_without_json_functions_finds_the_same_candidates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An SQLite built without its JSON functions (an option before 3.38) probes each band key
    apart, and finds what the one statement finds."""
    import lintnews as api
    from lintnews.index import sqlite as store

    corpora(tmp_path)
    assert (
        lintnews("index", "add", "--isolated", "--index", "idx.db", "a.jsonl", cwd=tmp_path).returncode == 0
    )
    batch = [json.loads(line) for line in (tmp_path / "b.jsonl").read_text().splitlines()]

    def check() -> tuple[list[tuple[str | None, str, str]], int]:
        with api.Linter({"select": ["N001", "N002"]}).corpus(index=str(tmp_path / "idx.db")) as corpus:
            statements: list[str] = []
            assert corpus._gate is not None
            corpus._gate.store.db.set_trace_callback(statements.append)  # type: ignore[attr-defined]
            for i, rec in enumerate(batch, 1):
                corpus.add(rec, path="b.jsonl", line=i)
            found = sorted((d.record, d.code, d.message) for d in corpus.finish())
        return found, sum("FROM bands" in s for s in statements)

    found, probes = check()
    assert [f[:2] for f in found] == [("b-12", "N001"), ("b-21", "N001"), ("b-3", "N002"), ("b-7", "N001")]
    assert probes <= 3
    monkeypatch.setattr(store, "_has_json", lambda: False)
    apart, probes = check()
    assert apart == found
    assert probes > 1000  # a probe or two for each of the batch's ~1,200 band keys, and the candidates'


def test_the_check_against_the_index_computes_each_shingle_set_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The documents a check compares are bounded by the candidate limit, so it keeps every
    comparable shingle set while verifying, where a single run keeps `SET_CACHE` (here 4): in a
    syndicated cluster the verification asks for each set several times."""
    import lintnews as api
    from lintnews.corpus import index as corpus_index

    monkeypatch.setattr(corpus_index, "SET_CACHE", 4)
    story = records("s", 1, 5)[0]["text"]
    copies = [{"id": f"c-{i}", "text": f"Syndicated by desk {i}.\n{story}"} for i in range(30)]
    write_jsonl(tmp_path / "archive.jsonl", copies)
    assert (
        lintnews("index", "add", "--isolated", "--index", "idx.db", "archive.jsonl", cwd=tmp_path).returncode
        == 0
    )
    computed: list[int] = []
    real = corpus_index.CorpusIndex._comparable_set

    def counted(self: Any, i: int, *args: Any) -> Any:
        computed.append(i)
        return real(self, i, *args)

    monkeypatch.setattr(corpus_index.CorpusIndex, "_comparable_set", counted)
    batch = [{"id": f"n-{i}", "text": f"Syndicated by another desk {i}.\n{story}"} for i in range(20)]
    with api.Linter({"select": ["N001", "N002"]}).corpus(index=str(tmp_path / "idx.db")) as corpus:
        for i, rec in enumerate(batch, 1):
            corpus.add(rec, path="batch.jsonl", line=i)
        found = list(corpus.finish())
    assert sorted(d.record for d in found) == sorted(r["id"] for r in batch)
    # each document compared once: the 20 new ones and the 20 indexed copies they found
    assert len(computed) == len(set(computed)) == 40
    # a single run over the same documents keeps 4 sets, and computes some again
    computed.clear()
    with api.Linter({"select": ["N001", "N002"]}).corpus() as corpus:
        for i, rec in enumerate([*copies, *batch], 1):
            corpus.add(rec, path="all.jsonl", line=i)
        assert len(list(corpus.finish())) == 49
    assert len(computed) > 50
