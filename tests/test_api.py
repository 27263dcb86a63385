"""The public Python API (`lintnews.api`, exported by ``lintnews``): what the README promises."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from console import run_lintnews
from index_helpers import corpora, findings
from index_helpers import lintnews as index_cli

import lintnews

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

STRIKE = (
    "Dock workers walked out at dawn on Monday, halting cargo at the port for the first time in a decade.\n"
    "\n"
    "The union said talks with the operator had broken down over pay and the length of shifts.\n"
    "\n"
    "The union said talks with the operator had broken down over pay and the length of shifts.\n"
    "\n"
    "Ships were waiting offshore by the afternoon, and the operator said it would return to the table on\n"
)


def _cli_json(args: list[str], cwd: Path) -> list[dict]:
    proc = run_lintnews(["check", "--isolated", "--output-format", "json", *args], cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_import_is_lazy() -> None:
    """``import lintnews`` loads none of the linter; the first public name used does."""
    code = (
        "import sys, lintnews; before = 'lintnews.api' in sys.modules; lintnews.lint_text; "
        "print(before, 'lintnews.api' in sys.modules, sorted(lintnews.__all__) == sorted(dir(lintnews)[0:0] or "
        "lintnews.__all__))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True", "True"]
    for name in lintnews.__all__:
        assert getattr(lintnews, name) is not None
    with pytest.raises(AttributeError):
        lintnews.no_such_name  # noqa: B018


def test_api_and_cli_agree_on_the_fixtures(tmp_path: Path) -> None:
    """Every fixture through the API (per-document reports, then the corpus phase) gives exactly
    the diagnostics ``lintnews check --output-format json`` gives, in the same order."""
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    cli = _cli_json(["fixtures"], tmp_path)
    api: list[dict] = []
    linter = lintnews.Linter()
    with linter.corpus() as corpus:
        for path in sorted((tmp_path / "fixtures").iterdir()):
            name = f"fixtures/{path.name}"
            if path.suffix == ".jsonl":
                for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    api += [d.to_dict() for d in corpus.add(json.loads(line), path=name, line=i).diagnostics]
            else:
                api += [
                    d.to_dict() for d in corpus.add(path.read_text(encoding="utf-8"), path=name).diagnostics
                ]
        api += [d.to_dict() for d in corpus.finish()]
    assert len(cli) == 13
    assert api == cli
    # and lint_text, one file at a time, gives each file's share of them
    for path in sorted((tmp_path / "fixtures").glob("*.[mht]*")):
        name = f"fixtures/{path.name}"
        report = lintnews.lint_text(path.read_text(encoding="utf-8"), path=name)
        assert [d.to_dict() for d in report.diagnostics] == [d for d in cli if d["path"] == name]


@pytest.mark.parametrize(
    "name",
    [
        "en-port-strike-duplicated-truncated.txt",
        "de-brueckensperrung-site-chrome.md",
        "en-grain-corridor.html",
    ],
    ids=["txt", "md", "html"],
)
def test_fix_gives_the_cli_fixed_file(tmp_path: Path, name: str) -> None:
    """``fix=True`` returns exactly the bytes ``lintnews check --fix`` writes, and the diagnostics
    left in them."""
    shutil.copy(FIXTURES / name, tmp_path / name)
    original = (tmp_path / name).read_text(encoding="utf-8")
    report = lintnews.lint_text(original, path=name, fix=True)
    run_lintnews(["check", "--isolated", "--fix", name], tmp_path)
    assert report.fixed_text == (tmp_path / name).read_text(encoding="utf-8")
    assert (
        report.fixes_applied
        == {
            "en-port-strike-duplicated-truncated.txt": 1,
            "de-brueckensperrung-site-chrome.md": 7,
            "en-grain-corridor.html": 1,
        }[name]
    )
    left = _cli_json([name], tmp_path)
    assert [d.to_dict() for d in report.diagnostics] == left
    assert report.score == lintnews.lint_text(report.fixed_text, path=name).score


def test_lint_text_report() -> None:
    report = lintnews.lint_text(STRIKE)
    assert [(d.code, d.line, d.column) for d in report.diagnostics] == [("D001", 5, 1), ("T002", 7, 98)]
    assert report.codes == ["D001", "T002"]
    assert report.path == "-" and report.record is None and report.fixed_text is None
    assert all(d.document_score == report.score for d in report.diagnostics)
    assert 0 <= report.score < 100
    d = report.diagnostics[0]
    assert isinstance(d, lintnews.Diagnostic) and d.severity is lintnews.Severity.ERROR
    assert d.to_dict()["code"] == "D001" and d.to_dict()["related"] == [
        {"path": "-", "record": None, "line": 3, "column": 1}
    ]
    assert report.to_dict()["codes"] == ["D001", "T002"]
    fixed = lintnews.lint_text(STRIKE, fix=True)
    assert fixed.fixed_text == STRIKE.replace(
        "The union said talks with the operator had broken down over pay and the length of shifts.\n\n", "", 1
    )
    assert [d.code for d in fixed.diagnostics] == ["T002"] and fixed.fixes_applied == 1


def test_kinds() -> None:
    html = (
        "<html><body><h1>Port strike</h1>\n<p>" + STRIKE.replace("\n\n", "</p>\n<p>") + "</p></body></html>"
    )
    report = lintnews.lint_text(html, kind="html")
    assert [(d.code, d.line) for d in report.diagnostics] == [("D001", 4), ("T002", 5)]
    # the kind follows the path's suffix unless given
    assert [d.code for d in lintnews.lint_text(html, path="page.html").diagnostics] == ["D001", "T002"]
    md = "Startseite » Region » Verkehr\n\n" + STRIKE
    assert lintnews.lint_text(md, kind="markdown").codes == ["B006", "D001", "T002"]
    # a suppression comment in Markdown works as in a file
    quiet = "<!-- lintnews: disable=D001,T002,B006 -->\n" + md
    assert lintnews.lint_text(quiet, kind="markdown").codes == []


def test_config_forms(tmp_path: Path) -> None:
    (tmp_path / "lintnews.toml").write_text('ignore = ["T002"]\n', encoding="utf-8")
    settings = lintnews.load_config(tmp_path / "lintnews.toml")
    assert isinstance(settings, lintnews.Settings)
    assert lintnews.lint_text(STRIKE, config=settings).codes == ["D001"]
    assert lintnews.lint_text(STRIKE, config=str(tmp_path / "lintnews.toml")).codes == ["D001"]
    assert lintnews.lint_text(STRIKE, config={"select": ["T"]}).codes == ["T002"]
    (tmp_path / "bad.toml").write_text('select = ["Q999"]\n', encoding="utf-8")
    with pytest.raises(lintnews.ConfigError) as err:
        lintnews.load_config(tmp_path / "bad.toml")
    assert "bad.toml" in str(err.value) and "Q999" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(lintnews.ConfigError, match="not found"):
        lintnews.load_config(tmp_path / "missing.toml")
    with pytest.raises(lintnews.ConfigError, match="unknown configuration key `selct`"):
        lintnews.Linter({"selct": ["T"]})


def test_unfixable_fixes_are_not_offered() -> None:
    """As on the command line: a rule in ``unfixable`` shows no fix, and ``fix=True`` leaves it."""
    report = lintnews.lint_text(STRIKE, config={"unfixable": ["D001"]}, fix=True)
    assert report.fixed_text == STRIKE and report.fixes_applied == 0
    assert [(d.code, d.fix) for d in report.diagnostics] == [("D001", None), ("T002", None)]


def test_records_and_errors() -> None:
    linter = lintnews.Linter()
    report = linter.lint({"id": "a-1", "url": "https://example.org/a", "text": STRIKE}, path="batch.jsonl")
    assert (report.path, report.record, report.codes) == ("batch.jsonl", "a-1", ["D001", "T002"])
    assert report.meta == {"id": "a-1", "url": "https://example.org/a"}
    assert report.diagnostics[0].record_line == 1
    with pytest.raises(lintnews.DocumentError) as err:
        linter.lint({"id": "b", "body": "x"}, path="batch.jsonl", line=7)
    assert str(err.value) == "batch.jsonl:7 (record b): record has no `text` or `html` field"
    with pytest.raises(lintnews.DocumentError, match="binary"):
        linter.lint("\0" * 10 + "text")
    with pytest.raises(TypeError):
        linter.lint(42)  # type: ignore[arg-type]
    # in a stream, where its report would come, from a worker process too
    for jobs in (1, 2):
        with pytest.raises(lintnews.DocumentError, match=r"^x.jsonl:71 \(record 71\): record has no `text`"):
            list(linter.lint_many([{"text": STRIKE}] * 70 + [{"body": ""}], path="x.jsonl", jobs=jobs))


@pytest.mark.parametrize("jobs", [1, 2], ids=["serial", "pool"])
def test_lint_many_streams_in_order(jobs: int) -> None:
    pulled = 0
    total = 600

    def docs():
        nonlocal pulled
        for i in range(total):
            pulled += 1
            yield {"id": f"r{i}", "text": STRIKE if i % 3 == 0 else STRIKE.replace("on\n", "on Tuesday.\n")}

    reports = lintnews.Linter().lint_many(docs(), jobs=jobs)
    first = next(reports)
    assert first.record == "r0" and first.codes == ["D001", "T002"]
    assert pulled < total  # streamed: not read ahead whole
    rest = list(reports)
    assert [r.record for r in rest] == [f"r{i}" for i in range(1, total)]
    assert [r.codes for r in rest[:3]] == [["D001"], ["D001"], ["D001", "T002"]]


def test_corpus_phase() -> None:
    linter = lintnews.Linter()
    corpus = linter.corpus()
    story = "The harbour master said the new crane would double the number of containers handled each week. "
    other = (
        "Council members voted on Tuesday to extend the tram line to the airport by the end of next year. "
    )
    for i, text in enumerate([story * 2, other * 2, story * 2]):
        assert corpus.add({"id": f"d{i}", "text": text}, path="c.jsonl").codes == []
    assert len(corpus) == 3
    found = list(corpus.finish())
    assert [(d.code, d.record, d.related[0].record) for d in found] == [("N002", "d2", "d0")]
    with pytest.raises(RuntimeError):
        corpus.add("more")
    with pytest.raises(RuntimeError):
        corpus.finish()
    # no corpus rule selected: nothing to compare, nothing reported
    quiet = lintnews.Linter({"ignore": ["N"]}).corpus()
    quiet.add(story)
    quiet.add(story)
    assert list(quiet.finish()) == []


def _names(d: lintnews.Diagnostic) -> tuple[Any, ...]:
    def name(loc: Any) -> str:
        return f"{loc.path}#{loc.record}" if loc.record is not None else loc.path

    return (d.record, d.code, d.message, [name(r) for r in d.related], name(d.kept))


def _index_archive(tmp_path: Path) -> None:
    """`lintnews index add` of the archive a.jsonl (`corpora`) into tmp_path/idx.db."""
    assert (
        index_cli("index", "add", "--isolated", "--index", "idx.db", "a.jsonl", cwd=tmp_path).returncode == 0
    )


def _indexed(db_path: Path, where: str = "") -> set[str]:
    """The names of the documents in the SQLite index ``db_path``."""
    db = sqlite3.connect(db_path)
    names = {r[0] for r in db.execute(f"SELECT name FROM docs {where}")}
    db.close()
    return names


def test_corpus_against_an_index_finds_what_check_index_finds(tmp_path: Path) -> None:
    """`Linter.corpus(index=...)` is ``lintnews check --index``: the same findings against the
    same index; with ``update``, the documents that pass the gate are added, the others not."""
    corpora(tmp_path)
    _index_archive(tmp_path)
    cli = index_cli(
        "check",
        "--isolated",
        "--no-cache",
        "--format",
        "json",
        "-q",
        "--select",
        "N001,N002",
        "--index",
        "idx.db",
        "b.jsonl",
        cwd=tmp_path,
    )
    expected = findings(cli.stdout)
    assert [(f[0], f[1]) for f in expected] == [
        ("b-12", "N001"),
        ("b-21", "N001"),
        ("b-3", "N002"),
        ("b-7", "N001"),
    ]
    records = [json.loads(line) for line in (tmp_path / "b.jsonl").read_text().splitlines()]
    linter = lintnews.Linter({"select": ["N001", "N002"]})
    with linter.corpus(index=str(tmp_path / "idx.db"), update=True) as corpus:
        for i, rec in enumerate(records, 1):
            corpus.add(rec, path="b.jsonl", line=i)
        found = list(corpus.finish())
    # the index names its documents as `index add` was given them (relative to its folder)
    assert sorted(_names(d) for d in found) == expected
    names = _indexed(tmp_path / "idx.db")
    # N002 is an error by default (not added), N001 a warning: as `check --index-update` adds them
    assert names == {f"a.jsonl#a-{i}" for i in range(60)} | {f"b.jsonl#{r['id']}" for r in records} - {
        "b.jsonl#b-3"
    }
    shutil.copy(tmp_path / "idx.db", tmp_path / "api.db")
    (tmp_path / "idx.db").unlink()
    _index_archive(tmp_path)
    update = index_cli(
        "check",
        "--isolated",
        "--no-cache",
        "-q",
        "--select",
        "N001,N002",
        "--index",
        "idx.db",
        "--index-update",
        "b.jsonl",
        cwd=tmp_path,
    )
    assert update.returncode == 1
    assert _indexed(tmp_path / "idx.db") == names


def test_corpus_index_errors(tmp_path: Path) -> None:
    with pytest.raises(lintnews.ConfigError, match="missing.db"):
        lintnews.Linter().corpus(index=str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()
    # without update nothing is written, even to a new index
    corpora(tmp_path)
    _index_archive(tmp_path)
    with lintnews.Linter().corpus(index=str(tmp_path / "idx.db")) as corpus:
        corpus.add({"id": "n", "text": "A short new story about the harbour and its new crane. " * 5})
        assert list(corpus.finish()) == []
    assert len(_indexed(tmp_path / "idx.db")) == 60
    # phrases added since the index was built: one warning (a UserWarning), the findings as before
    other = lintnews.Linter({"extra-phrases": {"seo-filler": ["Don't miss:"]}})
    with pytest.warns(
        UserWarning, match=r"idx\.db: the index was built by lintnews .* other rule code or phrase"
    ):
        with other.corpus(index=str(tmp_path / "idx.db")) as corpus:
            assert list(corpus.finish()) == []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with lintnews.Linter().corpus(index=str(tmp_path / "idx.db")) as corpus:
            assert list(corpus.finish()) == []


def test_corpus_index_update_follows_fail_on(tmp_path: Path) -> None:
    corpora(tmp_path)
    _index_archive(tmp_path)
    records = [json.loads(line) for line in (tmp_path / "b.jsonl").read_text().splitlines()]
    linter = lintnews.Linter({"select": ["N001", "N002"], "fail-on": "warning"})
    with linter.corpus(index=str(tmp_path / "idx.db"), update=True) as corpus:
        for rec in records:
            corpus.add(rec, path="b.jsonl")
        assert len(list(corpus.finish())) == 4
    added = _indexed(tmp_path / "idx.db", "WHERE name LIKE 'b.jsonl#%'")
    assert added == {f"b.jsonl#b-{i}" for i in range(30)} - {
        "b.jsonl#b-3",
        "b.jsonl#b-7",
        "b.jsonl#b-12",
        "b.jsonl#b-21",
    }
