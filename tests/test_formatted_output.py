"""Worker processes format what the main process would: a parallel run whose workers send each
document's diagnostics as formatted text (`lintnews.reporters.formatted`) prints the bytes, the
summary and the exit code of a run that formats them in the main process."""

from __future__ import annotations

import copy
import io
import os
import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lintnews.analysis import Analysis
from lintnews.api import Linter
from lintnews.cli import main
from lintnews.config import Settings
from lintnews.diagnostics import Diagnostic, Severity
from lintnews.document import Document
from lintnews.reporters import StreamWriter
from lintnews.reporters.base import Report, Tally
from lintnews.run import CheckOptions, CheckRun
from lintnews.sources import iter_documents

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
STREAMING = ("text", "full", "json", "jsonl", "github")


def corpus(folder: Path) -> Path:
    """85 files, 127 documents (enough units to start workers): copies of the example articles,
    one with a name that must be escaped to be printed."""
    folder.mkdir()
    sources = sorted(p for p in FIXTURES.iterdir() if p.name != "README.md")
    assert len(sources) == 4
    for i in range(21):
        for source in sources:
            shutil.copy(source, folder / f"{i:02d}-{source.name}")
    markdown = next(p for p in sources if p.suffix == ".md")
    shutil.copy(markdown, folder / "odd\u202ename\x1b.md")
    return folder


def run(args: list[str], cwd: Path, isolated: bool = True) -> tuple[int, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(
            main, ["check", *(["--isolated"] if isolated else []), "--no-cache", *args]
        )
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout


@pytest.fixture
def formatted_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many diagnostics each document the run took formatted by a worker had."""
    calls: list[int] = []
    real = CheckRun.accept

    def counting(self: CheckRun, analysis: Analysis) -> None:
        if analysis.formatted is not None:
            assert analysis.diagnostics == []
            calls.append(analysis.formatted.tally.total)
        real(self, analysis)

    monkeypatch.setattr(CheckRun, "accept", counting)
    return calls


@pytest.mark.parametrize(
    "fmt, extra",
    [
        ("text", []),
        ("text", ["--unsafe-fixes"]),
        ("full", []),
        ("json", []),
        ("jsonl", []),
        ("github", ["--unsafe-fixes"]),
    ],
)
def test_workers_print_what_the_main_process_prints(
    tmp_path: Path, formatted_calls: list[int], fmt: str, extra: list[str]
) -> None:
    folder = corpus(tmp_path / "articles")
    one = run(["-j", "1", "--format", fmt, *extra, "articles"], tmp_path)
    assert formatted_calls == []  # (one process: nothing formatted ahead)
    two = run(["-j", "2", "--format", fmt, *extra, "articles"], tmp_path)
    assert two == one
    assert one[0] == 1  # errors among the findings
    # Every document's findings came formatted (the corpus phase's are the main process's own).
    found = diagnostics_of(folder)
    assert len(formatted_calls) == sum(1 for f in found if f) > 60
    assert sum(formatted_calls) == sum(map(len, found))
    if fmt == "text":
        assert "odd\\u202ename\\x1b.md:" in one[1]
        assert "[*]" in one[1]
        assert "of 127 documents" in one[1]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_run_that_formats_prints_what_one_that_reports_each_diagnostic_does(
    tmp_path: Path, jobs: str
) -> None:
    """``--statistics`` needs the diagnostics themselves (nothing is formatted ahead): its report
    is the same lines and summary, then the statistics; the corpus phase's findings included."""
    corpus(tmp_path / "articles")
    formatted = run(["-j", jobs, "articles"], tmp_path)
    each = run(["-j", jobs, "--statistics", "articles"], tmp_path)
    assert each[1].startswith(formatted[1]) and len(each[1]) > len(formatted[1])
    assert formatted[0] == each[0] == 1
    assert ": N002 Exact duplicate of" in formatted[1]


def test_a_run_that_offers_fewer_fixes_counts_them_the_same(
    tmp_path: Path, formatted_calls: list[int]
) -> None:
    corpus(tmp_path / "articles")
    (tmp_path / "lintnews.toml").write_text('unfixable = ["B"]\n')
    args = ["--config", "lintnews.toml", "articles"]
    one, two = run(["-j", "1", *args], tmp_path, False), run(["-j", "2", *args], tmp_path, False)
    assert one == two and formatted_calls
    plain = run(["-j", "1", "articles"], tmp_path)
    assert plain[1] != one[1]  # the configuration took fixes away


def diagnostics_of(folder: Path) -> list[list[Diagnostic]]:
    linter = Linter(Settings())
    docs = [doc for doc in iter_documents([str(folder)], Settings()) if isinstance(doc, Document)]
    return [linter.diagnostics(doc) for doc in docs]


@pytest.mark.parametrize("fmt", STREAMING)
@pytest.mark.parametrize("color", [False, True])
def test_a_document_formatted_elsewhere_is_written_as_its_diagnostics_would_be(
    tmp_path: Path, fmt: str, color: bool
) -> None:
    """Coloured too (a terminal, which the command-line tests do not have); the document's
    diagnostics are offered, counted and formatted in the same order as `CheckRun.report` does."""
    found = diagnostics_of(corpus(tmp_path / "articles"))
    assert sum(map(len, found)) > 200

    def report(formatted: bool) -> tuple[str, Tally, bool]:
        out = io.StringIO()
        writer = StreamWriter(fmt, out, color, unsafe_fixes=False)
        # (fixes of B rules not offered: a worker's copy of the policy takes them off)
        settings = Settings(unfixable=["B"])
        checker = CheckRun(
            settings, CheckOptions(corpus=False), sink=writer.write, flush=writer.flush, writer=writer
        )
        document_format = checker.document_format()
        assert document_format is not None and document_format.color == color
        # (pickled as it travels to a worker, and the document's text and tally back)
        document_format = pickle.loads(pickle.dumps(document_format))
        for diagnostics in copy.deepcopy(found):
            if not diagnostics:
                continue
            if formatted:
                back = pickle.loads(pickle.dumps(document_format.format(diagnostics)))
                checker.report_formatted(back)
            else:
                for d in diagnostics:
                    checker.report(d)
                checker.flush()
        writer.close(Report([], documents=len(found), tally=checker.result.tally))
        return out.getvalue(), checker.result.tally, checker.result.failing

    formatted, tally, failing = report(True)
    assert (formatted, tally, failing) == report(False)
    assert failing and 0 < tally.fixable < tally.total and tally.hidden_unsafe


def test_a_tally_travels_and_adds_up() -> None:
    tally = Tally(3, Tally().by_severity, 2, 1, {("a.md", None)})
    tally.by_severity.update({Severity.ERROR: 2, Severity.INFO: 1})
    back = pickle.loads(pickle.dumps(tally))
    assert back == tally and all(type(s) is Severity for s in back.by_severity)
    total = Tally(1, Tally().by_severity, 0, 0, {("b.jsonl", "r1")})
    total.by_severity[Severity.ERROR] += 1
    total.merge(back)
    assert (total.total, total.fixable, total.hidden_unsafe) == (4, 2, 1)
    assert total.by_severity == {Severity.ERROR: 3, Severity.INFO: 1}
    assert total.affected == {("a.md", None), ("b.jsonl", "r1")}


@pytest.mark.parametrize(
    "fmt, options, formats",
    [
        ("text", CheckOptions(), True),
        ("sarif", CheckOptions(), False),  # a whole-run format keeps the diagnostics
        ("text", CheckOptions(statistics=True), False),
        ("text", CheckOptions(write_baseline="b.json"), False),
        ("text", CheckOptions(accepted_output="a.jsonl"), False),
        ("text", CheckOptions(index_update=True, index=None), False),
    ],
)
def test_only_a_run_that_needs_nothing_else_of_its_diagnostics_has_them_formatted(
    fmt: str, options: CheckOptions, formats: bool
) -> None:
    writer = StreamWriter(fmt, io.StringIO())
    checker = CheckRun(Settings(), options, sink=writer.write, flush=writer.flush, writer=writer)
    assert (checker.document_format() is not None) is formats
    # A sink that is not a writer's (no writer given): nothing is formatted for it.
    assert CheckRun(Settings(), options, sink=writer.write).document_format() is None
