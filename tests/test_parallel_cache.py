"""--jobs gives the same output in the same order; the cache never returns stale results."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import lintnews
from lintnews import cache
from lintnews.cli import main

LEDE = "Talks resumed in Geneva on Monday after a two-week pause, officials from both delegations said."
SECOND = "Both sides said they expected a long week of negotiations over the prisoner exchange."
THIRD = "The mediators declined to say when a joint statement might be published."


def corpus(path: Path, n: int = 150) -> None:
    """``n`` records; every third one repeats its first paragraph, every seventh is broken."""
    with path.open("w") as fh:
        for i in range(n):
            if i % 7 == 3:
                fh.write('{"id": "broken"\n')
                continue
            paras = [f"{LEDE} Record {i}.", SECOND, THIRD]
            if i % 3 == 0:
                paras.append(paras[0])
            fh.write(json.dumps({"id": f"r{i}", "text": "\n\n".join(paras)}) + "\n")


def run(args: list[str], cwd: Path) -> tuple[int, str, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, ["check", "--isolated", "--no-corpus", *args])
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def test_jobs_do_not_change_output_or_order(tmp_path: Path) -> None:
    corpus(tmp_path / "c.jsonl")
    one = run(["--no-cache", "-j", "1", "--format", "json", "c.jsonl"], tmp_path)
    two = run(["--no-cache", "-j", "2", "--format", "json", "c.jsonl"], tmp_path)
    assert one == two
    code, out, err = one
    assert code == 2  # the broken records
    records = [d["record"] for d in json.loads(out)]
    expected = [f"r{i}" for i in range(150) if i % 3 == 0 and i % 7 != 3]
    assert records == expected
    assert err.count("not valid JSON") == len([i for i in range(150) if i % 7 == 3])


def test_cache_rerun_is_identical_and_written_under_cache_dir(tmp_path: Path) -> None:
    corpus(tmp_path / "c.jsonl")
    first = run(["--cache-dir", "cc", "--format", "json", "c.jsonl"], tmp_path)
    assert (tmp_path / "cc" / "results.sqlite3").exists()
    second = run(["--cache-dir", "cc", "--format", "json", "c.jsonl"], tmp_path)
    assert first == second


def test_an_unchanged_corpus_starts_no_workers_and_a_change_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lintnews import pool

    corpus(tmp_path / "c.jsonl", n=300)
    first = run(["--cache-dir", "cc", "-j", "2", "--format", "json", "c.jsonl"], tmp_path)
    started: list[int] = []
    real_pool = pool.WorkerPool

    def counting_pool(*args: object, **kwargs: object) -> pool.WorkerPool:
        started.append(1)
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(pool, "WorkerPool", counting_pool)
    assert run(["--cache-dir", "cc", "-j", "2", "--format", "json", "c.jsonl"], tmp_path) == first
    assert started == []
    # one record changed, past the first chunk: the workers start there, the output is the same
    lines = (tmp_path / "c.jsonl").read_text().splitlines(keepends=True)
    lines[200] = lines[200].replace("Record 200.", "Record 200 (updated).")
    (tmp_path / "c.jsonl").write_text("".join(lines))
    changed = run(["--cache-dir", "cc", "-j", "2", "--format", "json", "c.jsonl"], tmp_path)
    assert started == [1]
    assert changed == run(["--no-cache", "-j", "1", "--format", "json", "c.jsonl"], tmp_path)


def test_get_many_returns_what_get_returns(tmp_path: Path) -> None:
    store = cache.ResultCache(str(tmp_path / "cc"), writable=True)
    for i in range(700):  # more than one query's worth of parameters
        store.put(bytes([i % 256, i // 256]), b"value %d" % i)
    store.flush()
    keys = [bytes([i % 256, i // 256]) for i in range(0, 700, 3)] + [b"missing"]
    found = store.get_many(keys)
    assert found == {k: store.get(k) for k in keys if k != b"missing"}
    assert len(found) == len(keys) - 1
    store.close()


def test_cache_is_not_stale_after_config_change(tmp_path: Path) -> None:
    corpus(tmp_path / "c.jsonl", n=20)
    base = ["--cache-dir", "cc", "--format", "json", "c.jsonl"]
    assert json.loads(run(base, tmp_path)[1])[0]["severity"] == "error"
    (tmp_path / "lintnews.toml").write_text('[severity]\nD001 = "info"\n')
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["check", "--no-corpus", *base])
    finally:
        os.chdir(old)
    assert json.loads(result.stdout)[0]["severity"] == "info"
    assert json.loads(run([*base, "--ignore", "D001"], tmp_path)[1]) == []


def test_cache_is_not_stale_after_content_or_version_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f"{LEDE}\n\n{SECOND}\n\n{LEDE}\n")
    args = ["--cache-dir", "cc", "--format", "json", "a.txt"]
    assert len(json.loads(run(args, tmp_path)[1])) == 1
    article.write_text(f"{LEDE}\n\n{SECOND}\n")
    assert json.loads(run(args, tmp_path)[1]) == []
    from lintnews.config import Settings

    fp = cache.fingerprint(Settings(), ["D001"])
    monkeypatch.setattr(
        cache.store, "__version__", lintnews.__version__ + ".post1"
    )  # the fingerprint reads it there
    assert cache.fingerprint(Settings(), ["D001"]) != fp


def test_clean_removes_the_cache(tmp_path: Path) -> None:
    corpus(tmp_path / "c.jsonl", n=5)
    run(["--cache-dir", "cc", "c.jsonl"], tmp_path)
    result = CliRunner().invoke(main, ["clean", "--cache-dir", str(tmp_path / "cc")])
    assert result.exit_code == 0 and "Removed" in result.stdout
    assert not (tmp_path / "cc").exists()


def test_cache_key_changes_when_rule_code_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lintnews import rule_index
    from lintnews.config import Settings

    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    module = rules_dir / "__init__.py"
    module.write_text("# version 1\n")
    fp = cache.fingerprint(Settings(), ["D001"])
    monkeypatch.setattr(rule_index, "_folders", lambda: [str(rules_dir)])
    monkeypatch.setattr(rule_index, "_INDEX", rule_index._Index())
    moved = cache.fingerprint(Settings(), ["D001"])
    assert moved != fp
    edited = rules_dir / "edited.tmp"  # (as an editor saves: a new file in its place)
    edited.write_text("# version 2\n")
    edited.replace(module)
    assert cache.fingerprint(Settings(), ["D001"]) != moved


def test_cache_key_changes_when_the_compiled_kernels_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.machinery
    import types

    from lintnews import native, rule_index
    from lintnews.config import Settings

    monkeypatch.setattr(rule_index, "_folders", lambda: [str(tmp_path)])
    monkeypatch.setattr(rule_index, "_INDEX", rule_index._Index())
    library = tmp_path / f"_native{importlib.machinery.EXTENSION_SUFFIXES[0]}"
    library.write_bytes(b"build 1")
    first = cache.fingerprint(Settings(), ["D001"])
    rebuilt = tmp_path / "rebuilt"
    rebuilt.write_bytes(b"build 2")
    rebuilt.replace(library)
    assert cache.fingerprint(Settings(), ["D001"]) != first
    # Results of the pure-Python kernels are kept apart from the compiled ones'.
    compiled = cache.fingerprint(Settings(), ["D001"])
    monkeypatch.setattr(native, "compiled", None if native.compiled is not None else types.SimpleNamespace())
    assert cache.fingerprint(Settings(), ["D001"]) != compiled


def test_corpus_phase_is_deterministic_across_jobs_and_cache(tmp_path: Path) -> None:
    corpus(tmp_path / "c.jsonl", n=140)

    def with_corpus(args: list[str]) -> tuple[int, str]:
        old = os.getcwd()
        os.chdir(tmp_path)
        try:
            result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", *args, "c.jsonl"])
        finally:
            os.chdir(old)
        return result.exit_code, result.stdout

    one = with_corpus(["--no-cache", "-j", "1"])
    two = with_corpus(["--no-cache", "-j", "2"])
    cold = with_corpus(["--cache-dir", "cc", "-j", "2"])
    warm = with_corpus(["--cache-dir", "cc", "-j", "2"])
    assert one == two == cold == warm
    codes = {d["code"] for d in json.loads(one[1])}
    assert {"D001", "N003"} <= codes  # the shared lines of 120 near-identical records are a template


def test_report_only_settings_keep_the_cache_and_the_others_do_not() -> None:
    from lintnews.config import Settings

    fp = cache.fingerprint(Settings(), ["D001"])
    assert cache.fingerprint(Settings(output_format="sarif", fail_on="info"), ["D001"]) == fp
    assert cache.fingerprint(Settings(language="de"), ["D001"]) != fp
    assert cache.fingerprint(Settings(text_field="body"), ["D001"]) != fp
    assert cache.fingerprint(Settings(), ["D001", "D002"]) != fp


def test_a_cache_written_without_the_corpus_phase_does_not_hide_duplicates(tmp_path: Path) -> None:
    text = f"{LEDE}\n\n{SECOND}\n\n{THIRD}\n"
    (tmp_path / "c.jsonl").write_text("".join(json.dumps({"id": i, "text": text}) + "\n" for i in "abc"))
    args = ["--isolated", "--cache-dir", "cc", "--format", "json", "c.jsonl"]
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        without = CliRunner().invoke(main, ["check", "--no-corpus", *args])
        with_corpus = CliRunner().invoke(main, ["check", *args])
    finally:
        os.chdir(old)
    assert json.loads(without.stdout) == []
    assert [(d["record"], d["code"]) for d in json.loads(with_corpus.stdout)] == [
        ("b", "N002"),
        ("c", "N002"),
    ]


def check_json(tmp_path: Path, *args: str) -> list[dict[str, object]]:
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", *args])
    finally:
        os.chdir(old)
    assert result.exit_code in (0, 1, 2), result.output  # 2: `corpus` writes broken records
    out: list[dict[str, object]] = json.loads(result.stdout)
    return out


def test_signatures_left_in_the_cache_are_read_back_when_the_corpus_phase_must_run(tmp_path: Path) -> None:
    """Every unit a cache hit, but in another order: the corpus phase's own result is not cached,
    so the deferred signatures are read back, in the new order."""
    text = f"{LEDE}\n\n{SECOND}\n\n{THIRD}\n"
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a1", "text": text}) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b1", "text": text.upper()}) + "\n")
    first = check_json(tmp_path, "--cache-dir", "cc", "a.jsonl", "b.jsonl")
    assert [(d["record"], d["code"]) for d in first] == [("b1", "N002")]
    swapped = check_json(tmp_path, "--cache-dir", "cc", "b.jsonl", "a.jsonl")
    assert [(d["record"], d["code"]) for d in swapped] == [("a1", "N002")]
    assert swapped == check_json(tmp_path, "--no-cache", "b.jsonl", "a.jsonl")


def test_a_partly_cached_corpus_gives_the_uncached_result(tmp_path: Path) -> None:
    """Hits before and after new records: the signatures deferred so far are added in order when
    the first fresh one comes, later hits at once."""
    corpus(tmp_path / "c.jsonl", n=140)
    check_json(tmp_path, "--cache-dir", "cc", "-j", "1", "c.jsonl")
    lines = (tmp_path / "c.jsonl").read_text().splitlines(keepends=True)
    new = (
        json.dumps({"id": "new", "text": f"{LEDE} Record 0.\n\n{SECOND}\n\n{THIRD}\n\n{LEDE} Record 0.\n"})
        + "\n"
    )
    # Appending keeps the earlier lines' keys (name and line number): hits, then a fresh record.
    (tmp_path / "c.jsonl").write_text("".join(lines) + new + lines[0])
    for jobs in ("1", "2"):
        assert check_json(tmp_path, "--cache-dir", "cc", "-j", jobs, "c.jsonl") == check_json(
            tmp_path, "--no-cache", "-j", "1", "c.jsonl"
        )
    result = check_json(tmp_path, "--no-cache", "c.jsonl")
    assert ("new", "N002") in [(d["record"], d["code"]) for d in result]
