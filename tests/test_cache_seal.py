"""Sealed report entries (`lintnews.cache.seal`): a re-run with this installation's secret
writes each document's report as a worker formatted it, and prints exactly what an uncached run
prints; an entry whose seal does not check out (planted, changed, moved to another key, sealed
with another secret) is ignored and the document's results entry is read and checked as before.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from pathlib import Path

import msgpack
import pytest
from console import lintnews_script as script
from test_cache_briefs import corpus, run

from lintnews.cache import entries, seal, units
from lintnews.reporters.formatted import DocumentFormat

SECRET = bytes(range(32))


@pytest.fixture
def sealed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A secret of this installation (in ``tmp_path``), and ``tmp_path/articles``: 97 units
    (files and JSONL records), so that a check run starts worker processes (they format the
    reports it seals)."""
    file = tmp_path / "kept" / "cache-seal"
    file.parent.mkdir()
    file.write_bytes(SECRET)
    file.chmod(0o600)
    monkeypatch.setattr(seal, "secret_file", lambda: file)
    corpus(tmp_path / "articles")
    return tmp_path


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths whose results entries a run decoded (`load_unit`), and ``corpus`` for each
    corpus phase's entry it decoded (`load_corpus`)."""
    calls: list[str] = []
    load, load_corpus = units.load_unit, entries.load_corpus

    def counting(blob: object, path: str, *args: object, **kwargs: object) -> object:
        calls.append(path)
        return load(blob, path, *args, **kwargs)  # type: ignore[arg-type]

    def counting_corpus(*args: object, **kwargs: object) -> object:
        calls.append("corpus")
        return load_corpus(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(units, "load_unit", counting)
    monkeypatch.setattr("lintnews.cache.load_unit", counting)
    monkeypatch.setattr(entries, "load_corpus", counting_corpus)
    monkeypatch.setattr("lintnews.cache.load_corpus", counting_corpus)
    return calls


def entries_of(root: Path) -> dict[bytes, bytes]:
    with sqlite3.connect(root / "cc" / "results.sqlite3") as db:
        found = dict(db.execute("SELECT key, value FROM results").fetchall())
    db.close()
    return found


def units_of(root: Path) -> int:
    """How many units (files, JSONL records) have a results entry."""
    return sum(len(k) == 20 and msgpack.unpackb(v)[2] == "unit" for k, v in entries_of(root).items())


def sealed_of(root: Path, kind: str = "report") -> dict[bytes, bytes]:
    """The sealed entries of a kind: the documents' reports, or the corpus phase's
    (``corpus-report``)."""
    return {
        k: v
        for k, v in entries_of(root).items()
        if len(k) in (21, 29) and k[20:21] == seal.REPORT and msgpack.unpackb(v[seal.SEAL :])[2] == kind
    }


def reports_of(root: Path) -> dict[bytes, bytes]:
    return sealed_of(root)


def set_values(root: Path, values: dict[bytes, bytes]) -> None:
    db = sqlite3.connect(root / "cc" / "results.sqlite3")
    with db:
        db.executemany("UPDATE results SET value = ? WHERE key = ?", [(v, k) for k, v in values.items()])
    db.close()


@pytest.mark.parametrize("fmt", ["text", "full", "json", "jsonl", "github"])
@pytest.mark.parametrize("extra", [[], ["-q"], ["-q", "--unsafe-fixes"]])
def test_a_sealed_rerun_prints_what_an_uncached_run_prints(
    sealed: Path, decoded: list[str], fmt: str, extra: list[str]
) -> None:
    args = ["--format", fmt, *extra, "articles"]
    uncached = run(["--no-cache", *args], sealed)
    cold = run(["--cache-dir", "cc", *args], sealed)
    # every document's report, those without a diagnostic too, and the corpus phase's
    assert len(reports_of(sealed)) == units_of(sealed) > 64
    assert len(sealed_of(sealed, "corpus-report")) == 1
    decoded.clear()
    warm = run(["--cache-dir", "cc", *args], sealed)
    assert uncached == cold == warm
    assert uncached[0] == 1 and uncached[1].count("articles/") > 100
    assert re.search(r"articles/\S+:\d+:\d+: N00\d|N00\d", uncached[1])  # (corpus findings)
    assert decoded == []  # (no entry read and checked: each report written as it was made)


def test_reports_of_other_report_settings_are_not_used(sealed: Path, decoded: list[str]) -> None:
    run(["--cache-dir", "cc", "articles"], sealed)
    for args in (["--format", "json"], ["--unsafe-fixes"], ["--format", "full"]):
        decoded.clear()
        assert run(["--cache-dir", "cc", *args, "articles"], sealed) == run(
            ["--no-cache", *args, "articles"], sealed
        )
        assert decoded.count("corpus") == 1 and len(decoded) == units_of(sealed) + 1


def test_reports_whose_seal_does_not_check_out_are_ignored(sealed: Path, decoded: list[str]) -> None:
    expected = run(["--no-cache", "articles"], sealed)
    run(["--cache-dir", "cc", "articles"], sealed)
    reports = reports_of(sealed)
    keys = sorted(reports)
    planted, forged = {}, {}
    for i, k in enumerate(keys):
        data = msgpack.unpackb(reports[k][seal.SEAL :])
        data[3][5] = f"{data[3][1]}:1:1: B001 PLANTED\n"  # (the report's text)
        data[3][6] = 1
        body = entries._pack("report", data[3])
        assert body is not None
        forged[k] = body
        planted[k] = [
            seal.seal(k, bytes(32), body),  # another installation's secret
            reports[k][: seal.SEAL] + body,  # the seal of the real report
            body,  # no seal
            reports[keys[(i + 1) % len(keys)]],  # another document's sealed report
            reports[k][:-1],  # cut short
        ][i % 5]
    ((corpus_key, corpus_report),) = sealed_of(sealed, "corpus-report").items()
    data = msgpack.unpackb(corpus_report[seal.SEAL :])
    data[3][1][0][0] = "articles/x.md:1:1: N002 PLANTED\n" + data[3][1][0][0]
    data[3][1][0][1] += 1
    body = entries._pack("corpus-report", data[3])
    assert body is not None
    forged[corpus_key] = body
    planted[corpus_key] = corpus_report[: seal.SEAL] + body
    set_values(sealed, planted)
    decoded.clear()
    assert run(["--cache-dir", "cc", "articles"], sealed) == expected
    assert decoded.count("corpus") == 1 and len(decoded) == units_of(sealed) + 1
    assert {k: v for k, v in entries_of(sealed).items() if k in planted} == planted  # (none replaced)
    # (the control: the forged reports sealed with this installation's secret are printed)
    set_values(sealed, {k: seal.seal(k, SECRET, body) for k, body in forged.items()})
    assert run(["--cache-dir", "cc", "articles"], sealed)[1].count("PLANTED") == len(forged)


def test_only_a_secret_file_of_this_user_that_others_cannot_read_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "cache-seal"
    monkeypatch.setattr(seal, "secret_file", lambda: file)
    monkeypatch.setattr("sys.dont_write_bytecode", True)  # (nothing is made: only read)
    assert seal.secret(create=True) is None  # no file
    file.write_bytes(SECRET)
    file.chmod(0o600)
    seal.forget()
    assert seal.secret() == SECRET
    for mode, data in [(0o644, SECRET), (0o640, SECRET), (0o600, SECRET[:31]), (0o600, SECRET + b"x")]:
        file.write_bytes(data)
        file.chmod(mode)
        seal.forget()
        assert seal.secret() is None, (oct(mode), len(data))
    good = tmp_path / "good"
    good.write_bytes(SECRET)
    good.chmod(0o600)
    file.unlink()
    file.symlink_to(good)  # (a planted link)
    seal.forget()
    assert seal.secret() is None
    file.unlink()
    file.mkdir()
    seal.forget()
    assert seal.secret() is None


def test_a_secret_is_made_only_where_bytecode_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "kept" / "cache-seal"
    monkeypatch.setattr(seal, "secret_file", lambda: file)
    monkeypatch.setattr("sys.dont_write_bytecode", True)
    seal.forget()
    assert seal.secret(create=True) is None and not file.parent.exists()
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    made = seal.secret(create=True)
    assert made is not None and len(made) == 32 and file.read_bytes() == made
    assert file.stat().st_mode & 0o777 == 0o600
    seal.forget()
    assert seal.secret() == made  # (read back, not made again)
    assert list(file.parent.iterdir()) == [file]  # (no temporary file left)


def test_seals_bind_the_key_and_the_secret() -> None:
    value = seal.seal(b"k" * 21, SECRET, b"body")
    assert seal.opened(b"k" * 21, SECRET, value) == b"body"
    assert seal.opened(b"j" * 21, SECRET, value) is None
    assert seal.opened(b"k" * 21, bytes(32), value) is None
    assert seal.opened(b"k" * 21, SECRET, value[:-1] + b"x") is None
    assert seal.opened(b"k" * 21, SECRET, value[:15]) is None
    assert seal.opened(b"k" * 21, SECRET, "text") is None


def test_the_command_makes_its_secret_beside_its_kept_files_and_a_rerun_uses_it(tmp_path: Path) -> None:
    """The installed script, as a user runs it: the first run (bytecode written) makes the
    secret, 0600, in the kept files' folder; the re-run prints the same report; without bytecode
    (``PYTHONDONTWRITEBYTECODE``) no secret is made and nothing is sealed."""
    corpus(tmp_path / "articles")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["LINTNEWS_PACK_CACHE"] = str(tmp_path / "kept")
    env["NO_COLOR"] = "1"

    def check(*args: str, environ: dict[str, str] = env) -> tuple[int, bytes]:
        proc = subprocess.run(
            [script(), "check", "--isolated", *args, "articles"],
            cwd=tmp_path,
            capture_output=True,
            env=environ,
        )
        return proc.returncode, proc.stdout

    nothing = {**env, "PYTHONDONTWRITEBYTECODE": "1", "LINTNEWS_PACK_CACHE": str(tmp_path / "none")}
    expected = check("--no-cache", environ=nothing)
    assert check("--cache-dir", "unsealed", environ=nothing) == expected
    assert not (tmp_path / "none").exists()
    assert check("--cache-dir", "cc") == expected
    (secret,) = (tmp_path / "kept").glob("cache-seal.*")
    assert secret.stat().st_mode & 0o777 == 0o600 and len(secret.read_bytes()) == 32
    assert len(reports_of(tmp_path)) == units_of(tmp_path) > 64
    assert check("--cache-dir", "cc") == expected
    with sqlite3.connect(tmp_path / "unsealed" / "results.sqlite3") as db:
        assert all(
            not (len(k) == 21 and k.endswith(seal.REPORT)) for (k,) in db.execute("SELECT key FROM results")
        )
    db.close()


def test_the_report_settings_tag_names_what_the_text_follows_from() -> None:
    from lintnews.fixes.apply import FixPolicy

    tags = {
        seal.format_tag(DocumentFormat(fmt, color, quiet, marks, FixPolicy(unsafe, fixable, unfixable)))
        for fmt in ("text", "json")
        for color in (False, True)
        for quiet in (False, True)
        for marks in (False, True)
        for unsafe in (False, True)
        for fixable in (None, ["B"])
        for unfixable in ([], ["D001"])
    }
    assert len(tags) == 2**7


@pytest.mark.parametrize("args", [["--statistics"], ["--format", "sarif"], ["--format", "junit"]])
def test_runs_that_need_more_than_the_report_seal_nothing(sealed: Path, args: list[str]) -> None:
    """A run that needs its diagnostics (statistics, a whole-run format) formats nothing in its
    workers: it seals no report, and a re-run reads its entries as before."""
    uncached = run(["--no-cache", *args, "articles"], sealed)
    assert run(["--cache-dir", "cc", *args, "articles"], sealed) == uncached
    assert sealed_of(sealed) == {} and sealed_of(sealed, "corpus-report") == {}
    assert run(["--cache-dir", "cc", *args, "articles"], sealed) == uncached
