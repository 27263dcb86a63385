"""A re-run answered from the result cache that only reports its findings in a one-line format
(``text``, ``full --quiet``) formats them straight from the cache's rows (`lintnews.cache.rows.
briefs`, `DocumentFormat.format_briefs`) without making a `Diagnostic`: it must print, count
and gate exactly as the run that makes them, in every format and with every option that changes
the lines (colour, offered and unsafe fixes, escaped names)."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lintnews.analysis import Analysis
from lintnews.api import Linter
from lintnews.cache import dump_results, load_unit, seal
from lintnews.cli import main
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.fixes.apply import FixPolicy
from lintnews.reporters.formatted import DocumentFormat
from lintnews.sources import iter_documents

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


#: A wire record with junk (most findings of a crawl are in records), its id to be escaped.
WIRE = "\n\n".join([
    "Advertisement",
    "Dockworkers in the port returned to work on Tuesday after a nine-day strike, the union said.",
    "Share this article on Facebook",
    "Read more: Port strike talks stall",
    "The agreement includes a pay rise of 6 percent over two years.",
    "Subscribe to our newsletter",
    "The agreement includes a pay rise of 6 percent over two years.",
    "\u00a9 2024 Harbour Times. All rights reserved.",
])  # fmt: skip


def analyses(folder: Path, settings: Settings) -> list[Analysis]:
    """The fixtures' documents analysed (a JSONL corpus among them: records), one of them
    under a name that must be escaped to be printed."""
    shutil.copytree(FIXTURES, folder)
    shutil.copy(FIXTURES / "de-brueckensperrung-site-chrome.md", folder / "odd\u202ename\x1b.md")
    (folder / "wire.jsonl").write_text(json.dumps({"id": "wire\u202e-7\x1b", "text": WIRE}) + "\n")
    linter = Linter(settings)
    docs = [d for d in iter_documents([str(folder)], settings) if isinstance(d, Document)]
    return [linter.analyze(doc, None, False) for doc in docs]


@pytest.mark.parametrize("fmt, quiet", [("text", False), ("text", True), ("full", True)])
@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("unsafe", [False, True])
def test_a_documents_rows_are_formatted_as_its_diagnostics_would_be(
    tmp_path: Path, fmt: str, quiet: bool, color: bool, unsafe: bool
) -> None:
    found = analyses(tmp_path / "in", Settings())
    assert sum(len(a.diagnostics) for a in found) > 15 and any(a.record for a in found)
    # (fixes of B rules not offered: the briefs are offered by the same policy)
    policy = FixPolicy(unsafe, None, ["B"])
    document_format = DocumentFormat(fmt, color, quiet, unsafe, policy)
    assert document_format.brief
    checked = 0
    for a in found:
        blob = dump_results([a])
        line = a.record_line
        (made,) = load_unit(blob, a.path, line, None) or [None]
        (brief,) = load_unit(blob, a.path, line, None, document_format.format_briefs) or [None]
        assert isinstance(made, Analysis) and isinstance(brief, Analysis)
        assert brief.diagnostics == [] and (made.score, made.record) == (brief.score, brief.record)
        if not made.diagnostics:
            assert brief.formatted is None
            continue
        assert brief.formatted is not None
        want = document_format.format(made.diagnostics)
        assert (brief.formatted.text, brief.formatted.tally) == (want.text, want.tally)
        checked += 1
    assert checked >= 5 and any(a.record and a.diagnostics for a in found)
    tally = document_format.format([d for a in found for d in a.diagnostics]).tally
    assert tally.fixable and (tally.hidden_unsafe or unsafe) and len(tally.by_severity) > 1


def test_only_one_line_formats_are_brief() -> None:
    policy = FixPolicy()
    brief = {
        (fmt, quiet)
        for fmt in ("text", "full", "json", "jsonl", "github")
        for quiet in (False, True)
        if DocumentFormat(fmt, False, quiet, False, policy).brief
    }
    assert brief == {("text", False), ("text", True), ("full", True)}


def corpus(folder: Path) -> Path:
    """64 copies of the fixtures (workers start), one under a name that must be escaped."""
    folder.mkdir()
    for i in range(16):
        for source in sorted(FIXTURES.iterdir()):
            if source.name != "README.md":
                shutil.copy(source, folder / f"{i:02d}-{source.name}")
    shutil.copy(FIXTURES / "de-brueckensperrung-site-chrome.md", folder / "odd\u202ename\x1b.md")
    return folder


def run(args: list[str], cwd: Path) -> tuple[int, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, ["check", "--isolated", *args])
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout


@pytest.fixture
def brief_documents(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many diagnostics each document formatted from its cache rows had (the runs seal no
    report: `test_cache_seal.py` tests those)."""
    monkeypatch.setattr(seal, "secret", lambda create=False: None)
    calls: list[int] = []
    # (what `format_briefs` and `format_placed` show of each: `_shown`, or without colour `_lines`)
    shown, lines = DocumentFormat._shown, DocumentFormat._lines

    def counting_shown(self: DocumentFormat, briefs: list[object]) -> object:
        calls.append(len(briefs))
        return shown(self, briefs)  # type: ignore[arg-type]

    def counting_lines(self: DocumentFormat, briefs: list[object], where: str) -> object:
        calls.append(len(briefs))
        return lines(self, briefs, where)  # type: ignore[arg-type]

    monkeypatch.setattr(DocumentFormat, "_shown", counting_shown)
    monkeypatch.setattr(DocumentFormat, "_lines", counting_lines)
    return calls


FORMATS = ["text", "full", "json", "jsonl", "github", "sarif", "junit", "gitlab"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("extra", [[], ["-q"], ["--statistics"], ["-q", "--unsafe-fixes"]])
def test_a_cached_rerun_prints_what_an_uncached_run_prints(
    tmp_path: Path, brief_documents: list[int], fmt: str, extra: list[str]
) -> None:
    corpus(tmp_path / "articles")
    args = ["--format", fmt, *extra, "articles"]
    uncached = run(["--no-cache", *args], tmp_path)
    cold = run(["--cache-dir", "cc", *args], tmp_path)
    assert brief_documents == []
    warm = run(["--cache-dir", "cc", *args], tmp_path)
    assert uncached == cold == warm
    assert uncached[0] == 1 and uncached[1]
    # Only a one-line report without statistics is formatted from the rows: every document's.
    briefly = (fmt == "text" or fmt == "full" and "-q" in extra) and "--statistics" not in extra
    assert bool(brief_documents) is briefly
    if briefly:
        # (every finding, the corpus phase's too: those come after the documents, from its entry)
        lines = [line for line in warm[1].splitlines() if re.match(r"\S+:\d+:\d+: [A-Z]\d{3} ", line)]
        assert sum(brief_documents) == len(lines) > 100 and len(brief_documents) > 32
        assert any(re.match(r"\S+:\d+:\d+: N00\d ", line) for line in lines)
        assert "odd\\u202ename\\x1b.md:" in warm[1]


def test_a_cached_rerun_that_fixes_or_diffs_prints_what_an_uncached_one_prints(tmp_path: Path) -> None:
    """``--fix --diff`` never reads the cache (it rewrites documents): the same diff either way."""
    corpus(tmp_path / "articles")
    args = ["--fix", "--diff", "articles"]
    uncached = run(["--no-cache", *args], tmp_path)
    run(["--cache-dir", "cc", "articles"], tmp_path)  # (a cache of the same documents)
    assert run(["--cache-dir", "cc", *args], tmp_path) == uncached
    assert "+++" in uncached[1] and "---" in uncached[1]
