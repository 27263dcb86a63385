"""The HTML report: ``check --output-format html`` and ``lintnews report RUN.json``.

The page is tested as a reader uses it, in a real headless Chromium (Debian's ``chromium``
package, driven by Playwright with that system browser: `.ci/run` installs it): it loads with no
console error and no request beyond itself, the charts and the rows render, the filters show
exactly the diagnostics they name, and a run of 100,000 diagnostics is paged with a bounded DOM.
The runs come from the installed ``lintnews`` script on the bundled fixtures, or are generated.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sysconfig
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PAGE_SIZE = 50


def lintnews(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    script = Path(sysconfig.get_path("scripts")) / "lintnews"
    command = [str(script) if script.is_file() else "lintnews", *args]
    return subprocess.run(
        command,
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1", "TQDM_DISABLE": "1"},
    )


@pytest.fixture
def fixtures_copy(tmp_path: Path) -> Path:
    """The bundled fixtures in a scratch folder (the run's cache must not land in the repository)."""
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    return tmp_path


def data_of(page_html: str) -> dict[str, Any]:
    """The run embedded in a report page."""
    match = re.search(
        r'<script type="application/json" id="lintnews-data">(.*?)</script>', page_html, re.DOTALL
    )
    assert match is not None
    return json.loads(match.group(1))


# --- the command line -------------------------------------------------------------------------


def readme_commands() -> list[list[str]]:
    """The commands of the README's HTML report example (its ```sh block), without comments."""
    text = (ROOT / "README.md").read_text(encoding="utf-8").split("### The HTML report\n", 1)[1]
    block = re.search(r"```sh\n(.*?)```", text, re.DOTALL)
    assert block is not None
    return [shlex.split(line.split("#", 1)[0]) for line in block.group(1).splitlines()]


def test_the_readme_commands_write_the_same_page_both_ways(fixtures_copy: Path) -> None:
    cwd = fixtures_copy
    write_page, keep_run, report_run = readme_commands()
    assert write_page[:2] == keep_run[:2] == ["lintnews", "check"] and report_run[:2] == [
        "lintnews",
        "report",
    ]
    cache = ["--cache-dir", str(cwd / "cache")]  # the later runs are answered from the cache
    html = lintnews(*write_page[1:], *cache, cwd=cwd)
    assert html.returncode == 1, html.stderr  # findings: the gate's exit code, whatever the format
    assert html.stdout == "" and html.stderr == ""  # the statistics the page shows are not printed
    (cwd / "report.html").rename(cwd / "a.html")
    run = lintnews(*keep_run[1:], *cache, cwd=cwd)
    assert run.returncode == 1
    report = lintnews(*report_run[1:], cwd=cwd)
    assert (report.returncode, report.stdout, report.stderr) == (0, "", "")
    (cwd / "report.html").rename(cwd / "b.html")
    to_stdout = lintnews("check", "fixtures", *cache, "--output-format", "html", cwd=cwd)
    jsonl = lintnews(
        "check", "fixtures", *cache, "--format", "jsonl", "--statistics", "-o", "run.jsonl", cwd=cwd
    )
    assert jsonl.returncode == 1
    from_jsonl = lintnews("report", "run.jsonl", cwd=cwd)
    page = (cwd / "a.html").read_text(encoding="utf-8")
    assert page == (cwd / "b.html").read_text(encoding="utf-8") == to_stdout.stdout == from_jsonl.stdout
    data = data_of(page)
    diagnostics = json.loads((cwd / "run.json").read_text(encoding="utf-8"))["diagnostics"]
    assert len(data["diagnostics"]) == len(diagnostics) == 13
    docs = data["documents"]
    assert (docs["count"], docs["with_findings"], docs["complete"]) == (7, 4, True)
    assert sorted(docs["scores"]) == [63, 70, 82, 100, 100, 100, 100]
    # one file: nothing to fetch, and a policy that forbids fetching anything
    assert not re.search(r"""\s(src|href)\s*=|@import|url\(""", page)
    assert "default-src 'none'" in page


def test_the_readme_shows_the_report_screenshot() -> None:
    assert "![The HTML report of the bundled fixtures](docs/report.png)" in (ROOT / "README.md").read_text(
        "utf-8"
    )
    assert (ROOT / "docs" / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_without_statistics_knows_only_the_documents_with_findings(fixtures_copy: Path) -> None:
    run = lintnews("check", "fixtures", "--no-cache", "--format", "json", "-o", "run.json", cwd=fixtures_copy)
    assert run.returncode == 1
    report = lintnews("report", "-", cwd=fixtures_copy, stdin=(fixtures_copy / "run.json").read_text())
    assert report.returncode == 0
    docs = data_of(report.stdout)["documents"]
    assert (docs["count"], docs["with_findings"], docs["complete"]) == (None, 4, False)
    assert sorted(docs["scores"]) == [63, 70, 82]  # the N002 copy's score is not in its diagnostic


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "missing.json: cannot read: No such file or directory"),
        (
            "{not json",
            "run.json: not a lintnews JSON run: Expecting property name enclosed in double quotes: "
            "line 1 column 2 (char 1)",
        ),
        (
            '{"a": 1}',
            "run.json: not a lintnews JSON run: expected the array (or, with --statistics, the object) "
            "that `lintnews check --output-format json` writes",
        ),
        (
            '[{"path": "a.txt", "line": 1, "column": 1, "code": "D001", "severity": "error", "message": "m"}, {"path": "b"}]',
            "run.json: diagnostic 2: `line` is missing or not a int",
        ),
        (
            '[{"path": "a.txt", "line": 1, "column": 1, "code": "D001", "severity": "fatal", "message": "m"}]',
            "run.json: diagnostic 1: unknown severity `fatal`",
        ),
        (
            '{"diagnostics": [], "documents": [{"path": "a.txt", "score": "high"}]}',
            "run.json: document 1: not a document summary (`path` and an integer `score`)",
        ),
        (
            '{"path": "a.txt", "line": 1, "column": 1, "code": "D001", "severity": "error", "message": "m"}\n[1]\n',
            "run.json: line 2: not a diagnostic object",
        ),
    ],
)
def test_report_of_a_bad_run_file_is_one_line_and_exit_2(
    tmp_path: Path, content: str | None, message: str
) -> None:
    name = "missing.json" if content is None else "run.json"
    if content is not None:
        (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "old.html").write_text("old", encoding="utf-8")
    result = lintnews("report", name, "-o", "old.html", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"lintnews: error: {message}\n")
    assert (tmp_path / "old.html").read_text(encoding="utf-8") == "old"  # never a half-written report
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({name, "old.html"} - ({"missing.json"}))


HOSTILE = (
    'Breaking: </script><script>window.pwned = 1</script> <img src=x onerror="window.pwned = 2"> <!-- '
    "& &amp; \u2028 \U0001f600 text\n\nRelated Articles\n\nThe council met on Monday and agreed the budget for the "
    "coming year after a long debate about schools and roads in the district.\n"
)


def test_article_text_cannot_break_out_of_the_embedded_json(tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    result = lintnews(
        "check", "evil.txt", "--no-cache", "--isolated", "--format", "html", "--exit-zero", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    page = result.stdout
    data_block = page.split('id="lintnews-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data_block and ">" not in data_block and "&" not in data_block
    assert page.count("<script") == 2 and page.count("</script>") == 2  # the data and the code, nothing else
    snippets = [row[10] for row in data_of(page)["diagnostics"]]  # read back intact
    assert snippets[0] == HOSTILE.split("\n")[0] and "S001" in data_of(page)["strings"]


# --- the JSON additions the page reads ------------------------------------------------------------

PARAGRAPHS = [
    "Dock workers at the country's three largest grain terminals walked off the job on Wednesday after wage "
    "talks with the port authority collapsed late on Tuesday night.",
    "The strike halted loading at berths that handle roughly two thirds of the nation's wheat and barley "
    "exports, with at least fourteen bulk carriers waiting at anchor offshore.",
    "Union leaders said the authority's final offer of a three percent raise over two years fell far short of "
    "inflation, which reached seven percent in the year to March.",
    "The port authority said it remained open to talks but warned that every day of disruption cost exporters "
    "an estimated twenty million dollars in demurrage and lost sales.",
]


def _corpus(folder: Path) -> None:
    original = "Port strike halts grain exports\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    near = original.replace("walked off", "walkd off").replace("inflation", "inflaton") + (
        "\nThe minister will meet both sides on Friday.\n"
    )
    records = [
        {"id": "wire", "text": original},
        {"id": "copy", "text": original},
        {"id": "local", "text": near},
        {
            "id": "fixme",
            "text": "Talks resume\n\nThe talks resumed.Both sides met on Monday in the capital city.\n",
        },
    ]
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_json_gains_snippet_fix_edits_similarity_and_kept(tmp_path: Path) -> None:
    _corpus(tmp_path)
    result = lintnews("check", "feed.jsonl", "--no-cache", "--isolated", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    by_code = {(d["code"], d["record"]): d for d in data}
    assert sorted(by_code) == [("F001", "fixme"), ("N001", "local"), ("N002", "copy")]
    exact, near, fix = by_code["N002", "copy"], by_code["N001", "local"], by_code["F001", "fixme"]
    kept = {"path": "feed.jsonl", "record": "wire", "line": 1, "column": 1}
    assert (exact["similarity"], exact["kept"], exact["snippet"]) == (
        1.0,
        kept,
        "Port strike halts grain exports",
    )
    assert near["kept"] == kept and 0.5 <= near["similarity"] < 1
    assert f"(Jaccard {near['similarity']:.2f};" in near["message"]
    # a JSONL record's fix edits, in the record's text coordinates like its position
    assert fix["snippet"] == "The talks resumed.Both sides met on Monday in the capital city."
    assert fix["fix"]["edits"] == [
        {"line": 3, "column": 19, "end_line": 3, "end_column": 19, "content": " ", "original": ""}
    ]
    assert "similarity" not in fix and "kept" not in fix
    # a re-run answered from the result cache (documents and corpus phase) gives the same keys
    cached = [
        lintnews("check", "feed.jsonl", "--isolated", "--format", "json", "--cache-dir", "c", cwd=tmp_path)
        for _ in range(2)
    ]
    assert (tmp_path / "c").is_dir() and cached[0].stdout == cached[1].stdout == result.stdout
    # SARIF points at the record's line in the file: edits inside its text are not file edits
    sarif = lintnews("check", "feed.jsonl", "--no-cache", "--isolated", "--format", "sarif", cwd=tmp_path)
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    assert [r["ruleId"] for r in results if "fixes" in r] == []
    assert next(r for r in results if r["ruleId"] == "F001")["properties"]["fix"]["safe"] is True


# --- in a real browser --------------------------------------------------------------------------


def chromium_path() -> str:
    """Debian's Chromium (``apt-get install chromium``; `.ci/run` installs it when missing)."""
    for name in (os.environ.get("LINTNEWS_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name) if name else None
        if found:
            return found
    raise AssertionError(
        "no Chromium to run the report's tests: `apt-get install chromium` (as .ci/run does)"
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        yield instance
        instance.close()


class Opened:
    """A report open in a tab, with everything the tab logged or asked for."""

    def __init__(self, browser: Browser, path: Path, viewport: dict[str, int] | None = None) -> None:
        self.page: Page = browser.new_page(viewport=viewport or {"width": 1280, "height": 900})
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on(
            "console",
            lambda m: m.type in ("error", "warning") and self.problems.append(f"{m.type}: {m.text}"),
        )
        self.page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("html[data-ready]", timeout=30_000)

    def rows(self) -> list[tuple[str, str, str]]:
        """(code, severity, location) of every diagnostic row in the DOM."""
        rows = self.page.eval_on_selector_all(
            "#rows > li",
            "els => els.map(e => [e.dataset.code, e.dataset.severity, e.querySelector('.loc').textContent])",
        )
        return [tuple(row) for row in rows]

    def status(self) -> str:
        return self.page.text_content("#status") or ""

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def fixtures_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("fixtures-report")
    shutil.copytree(FIXTURES, folder / "fixtures")
    (folder / "fixtures" / "zz-hostile.txt").write_text(HOSTILE, encoding="utf-8")
    lintnews(
        "check", "fixtures", "--no-cache", "--format", "json", "--statistics", "-o", "run.json", cwd=folder
    )
    result = lintnews("report", "run.json", "-o", "report.html", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "report.html", json.loads((folder / "run.json").read_text(encoding="utf-8"))[
        "diagnostics"
    ]


def test_fixtures_report_loads_cleanly_and_renders(
    browser: Browser, fixtures_report: tuple[Path, list[Any]]
) -> None:
    path, diagnostics = fixtures_report
    tab = Opened(browser, path)
    try:
        assert tab.problems == [] and tab.dialogs == []
        assert tab.requests == [path.as_uri()]  # the page itself, nothing else
        per_rule = Counter(d["code"] for d in diagnostics)
        bars = tab.page.eval_on_selector_all("#rule-chart rect.bar", "els => els.map(e => e.dataset.code)")
        assert sorted(bars) == sorted(per_rule) and len(bars) == len(per_rule) >= 10
        assert tab.page.locator("#score-chart rect.hist").count() == 11
        rows = tab.rows()
        assert len(rows) == len(diagnostics) == 19  # the fixtures' 13 and the hostile article's 6
        assert tab.status() == "Showing 1\u201319 of 19 diagnostics."
        # the cluster: the kept copy, the copy and the similarity
        cluster = tab.page.text_content("#clusters .cluster") or ""
        assert "Kept: fixtures/corpus-harbour.jsonl#harbour-2024-031" in cluster
        assert "fixtures/corpus-harbour.jsonl#harbour-2024-033" in cluster and "1.00" in cluster
        # the snippet and the fix as a diff
        dup = tab.page.locator("#rows > li", has_text="fixtures/en-port-strike-duplicated-truncated.txt:8:1")
        assert dup.locator(".snippet .tx").first.text_content().startswith("The vote, held in a sports hall")
        assert dup.locator(".diff .ln.del").count() == 1 and dup.locator(".diff .ln.ins").count() == 0
        # hostile text is text: no element came from it, and no script of it ran
        evil = tab.page.locator("#rows > li", has_text="zz-hostile.txt").first
        assert "</script><script>window.pwned = 1</script> <img src=x" in (evil.text_content() or "")
        assert tab.page.evaluate("() => window.pwned === undefined && document.images.length === 0")
        assert tab.page.locator("#rows img, #rows script").count() == 0
    finally:
        tab.close()


def test_filters_show_exactly_the_chosen_diagnostics(
    browser: Browser, fixtures_report: tuple[Path, list[Any]]
) -> None:
    path, diagnostics = fixtures_report
    tab = Opened(browser, path)
    try:

        def expected(keep: Any) -> list[tuple[str, str, str]]:
            return [
                (
                    d["code"],
                    d["severity"],
                    f"{d['path'] if d['record'] is None else d['path'] + '#' + d['record']}"
                    f":{d['line']}:{d['column']}",
                )
                for d in diagnostics
                if keep(d)
            ]

        tab.page.select_option("#f-rule", "B002")
        assert tab.rows() == expected(lambda d: d["code"] == "B002") and len(tab.rows()) == 3
        assert tab.page.input_value("#f-rule") == "B002"
        assert tab.status() == "Showing 1\u20133 of 3 diagnostics (filtered from 19)."
        tab.page.select_option("#f-rule", "")
        tab.page.select_option("#f-severity", "error")
        assert tab.rows() == expected(lambda d: d["severity"] == "error")
        tab.page.select_option("#f-rule", "D001")
        assert tab.rows() == expected(lambda d: d["severity"] == "error" and d["code"] == "D001")
        tab.page.click("#f-clear")
        tab.page.fill("#f-text", "sports hall")  # searches the text in context too
        tab.page.wait_for_function("() => document.querySelectorAll('#rows > li').length === 1")
        assert tab.rows() == expected(lambda d: "sports hall" in d["snippet"])
        tab.page.click("#f-clear")
        tab.page.click("#rule-chart rect.bar[data-code='D001']")  # a bar of the chart filters too
        assert tab.rows() == expected(lambda d: d["code"] == "D001")
        assert tab.page.input_value("#f-rule") == "D001"
        assert "rule=D001" in tab.page.evaluate("() => location.hash")
        assert tab.problems == []
    finally:
        tab.close()


SEVERITIES = ("error", "warning", "info")


def big_run(n_docs: int) -> dict[str, Any]:
    """A --statistics JSON run of ``n_docs`` JSONL records with one diagnostic each, over 20 rules."""
    codes = [f"X{k:03d}" for k in range(20)]
    diagnostics = [
        {
            "path": "corpus.jsonl",
            "record": f"doc-{i:06d}",
            "line": 1 + i % 7,
            "column": 1,
            "end_line": 1 + i % 7,
            "end_column": 30,
            "code": codes[i % 20],
            "name": f"rule-{i % 20}",
            "severity": SEVERITIES[i % 3],
            "message": f"Finding number {i}",
            "fix": None,
            "related": [],
            "document_score": i % 101,
            "snippet": f"Text of finding {i} in context",
        }
        for i in range(n_docs)
    ]
    documents = [
        {"path": "corpus.jsonl", "record": f"doc-{i:06d}", "score": i % 101, "diagnostics": 1}
        for i in range(n_docs)
    ]
    return {"diagnostics": diagnostics, "documents": documents, "statistics": {}}


def test_a_run_of_100000_diagnostics_is_paged(browser: Browser, tmp_path: Path) -> None:
    n = 100_000
    (tmp_path / "run.json").write_text(json.dumps(big_run(n)), encoding="utf-8")
    result = lintnews("report", "run.json", "-o", "big.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    tab = Opened(browser, tmp_path / "big.html")
    try:
        page = tab.page
        assert tab.problems == []
        assert tab.status() == "Showing 1\u201350 of 100,000 diagnostics."
        rows = tab.rows()
        assert [loc for _, _, loc in rows] == [
            f"corpus.jsonl#doc-{i:06d}:{1 + i % 7}:1" for i in range(PAGE_SIZE)
        ]
        assert page.locator("#rule-chart rect.bar").count() == 20
        assert (
            page.eval_on_selector("#cards", "e => e.textContent").count("100,000") == 3
        )  # documents, with findings, diagnostics
        page.click("#pager-top button[data-page='next']")
        assert tab.rows()[0][2] == f"corpus.jsonl#doc-{PAGE_SIZE:06d}:{1 + PAGE_SIZE % 7}:1"
        page.click("#pager-top button[data-page='last']")
        assert tab.status() == "Showing 99,951\u2013100,000 of 100,000 diagnostics."
        assert tab.rows()[-1][2] == f"corpus.jsonl#doc-{n - 1:06d}:{1 + (n - 1) % 7}:1"
        # a filter over all 100,000: X007 is every 20th diagnostic
        page.select_option("#f-rule", "X007")
        assert tab.status() == "Showing 1\u201350 of 5,000 diagnostics (filtered from 100,000)."
        assert {code for code, _, _ in tab.rows()} == {"X007"}
        page.fill("#pager-top input", "100")
        page.press("#pager-top input", "Enter")
        assert tab.status() == "Showing 4,951\u20135,000 of 5,000 diagnostics (filtered from 100,000)."
        assert tab.rows()[-1][2] == f"corpus.jsonl#doc-{99_987:06d}:{1 + 99_987 % 7}:1"
        page.fill("#f-text", "finding number 99987")
        page.wait_for_function("() => document.querySelectorAll('#rows > li').length === 1")
        assert tab.status() == "Showing 1\u20131 of 1 diagnostic (filtered from 100,000)."
        assert tab.rows() == [("X007", "error", f"corpus.jsonl#doc-{99_987:06d}:{1 + 99_987 % 7}:1")]
        # the DOM holds one page of rows whatever the run's size
        assert page.evaluate("() => document.getElementsByTagName('*').length") < 3000
        assert page.locator("#rows > li").count() <= PAGE_SIZE
        assert tab.problems == []
    finally:
        tab.close()


def test_clusters_and_in_line_fixes_in_the_page(browser: Browser, tmp_path: Path) -> None:
    _corpus(tmp_path)
    run = lintnews(
        "check", "feed.jsonl", "--no-cache", "--isolated", "--format", "html", "-o", "r.html", cwd=tmp_path
    )
    assert run.returncode == 1, run.stderr
    tab = Opened(browser, tmp_path / "r.html")
    try:
        assert tab.problems == []
        clusters = tab.page.locator("#clusters .cluster")
        assert clusters.count() == 1
        assert clusters.locator(".kept + .loc").text_content() == "feed.jsonl#wire"
        cells = clusters.locator("tbody tr").evaluate_all(
            "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
        )
        near = json.loads(
            lintnews(
                "check", "feed.jsonl", "--no-cache", "--isolated", "--format", "json", cwd=tmp_path
            ).stdout
        )
        similarity = next(d["similarity"] for d in near if d["code"] == "N001")
        assert [row[:4] for row in cells] == [
            ["N002", "feed.jsonl#copy", "1.00", "Port strike halts grain exports"],
            ["N001", "feed.jsonl#local", f"{similarity:.2f}", "Port strike halts grain exports"],
        ]
        # the F001 fix of a JSONL record: the line before and after, the inserted space marked
        fix = tab.page.locator("#rows > li[data-code='F001']")
        assert fix.locator(".snippet mark").text_content() == ".Both"
        assert (
            fix.locator(".diff .ln.del .tx").text_content()
            == "-The talks resumed.Both sides met on Monday in the capital city."
        )
        assert (
            fix.locator(".diff .ln.ins .tx").text_content()
            == "+The talks resumed. Both sides met on Monday in the capital city."
        )
        assert fix.locator(".diff .ln.ins ins").text_content() == " "
        assert fix.locator(".diff .ln .no").all_text_contents() == ["3", "3"]
    finally:
        tab.close()
