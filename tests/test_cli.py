"""End to end: the ``lintnews`` command line, in process (click's CliRunner) and as a real
subprocess (``python -m lintnews`` and the installed ``lintnews`` script).

Written against the first rules only (D001, D002, T001, T002) so later rule families cannot break
it; selections are spelled out (``--select D,T``) wherever the default set could grow.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from console import lintnews_script

from lintnews.cli import main

# --- articles ---------------------------------------------------------------------------------

#: D001 at line 7 (repeats line 3).
DUPLICATE = """\
Harbour Council Approves Sea Wall Repairs

The harbour council voted on Tuesday to spend four million pounds on repairs to the old sea wall.

Work is due to start in March and should take about eighteen months, the council's engineer said.

The harbour council voted on Tuesday to spend four million pounds on repairs to the old sea wall.

Local traders said they welcomed the decision but worried about access to the pier during the works.
"""

#: T002 at line 5 (ends on "the").
TRUNCATED = """\
# Rail Strike Called Off After Late Talks

Union leaders called off Friday's rail strike after talks with the operator ran late into the night.

Passengers had been warned to expect severe disruption on every line into the city, and the
"""

#: D002 at line 5 (repeats the headline of line 1, in capitals).
HEADINGS = """\
Storm Brings Flooding to Coastal Towns

Heavy rain caused flooding in several coastal towns overnight, and roads were closed near the river.

STORM BRINGS FLOODING TO COASTAL TOWNS

Emergency crews worked through the night to pump water out of homes and shops on the seafront.
"""

#: T001 at line 3 (a paragraph that stops on "to" before the next section).
MID_CUT = """\
Budget Talks Stall

Ministers met again on Monday but failed to agree on spending for schools. As tensions continue to

Reactions

Teachers' unions said they would wait for the final figures before deciding on any action.
"""

CLEAN = """\
Library Reopens After Renovation

The central library reopened on Saturday after a two-year renovation that added a new reading room.

Visitors queued from early morning, and staff said more than two thousand people came through the doors.
"""

ALL_FOUR = {"dup.txt": DUPLICATE, "cut.md": TRUNCATED, "heads.txt": HEADINGS, "mid.txt": MID_CUT}
EXPECTED = {("dup.txt", "D001", 7), ("cut.md", "T002", 5), ("heads.txt", "D002", 5), ("mid.txt", "T001", 3)}

#: Only the first rules, so rules added later cannot change what these tests see.
FOUR = {"D001", "D002", "T001", "T002"}
FIRST = ["--select", ",".join(sorted(FOUR))]

LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) ", re.MULTILINE)


def write(folder: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def found(output: str) -> set[tuple[str, str, int]]:
    """(path, code, line) of every concise diagnostic line in ``output``."""
    return {(m["path"], m["code"], int(m["line"])) for m in LINE.finditer(output)}


def codes(output: str) -> set[str]:
    """The codes reported in ``output``, among the first four rules (selectors like ``D`` may
    grow to rules added later)."""
    return {code for _, code, _ in found(output)} & FOUR


def invoke(args: list[str], stdin: str | bytes | None = None) -> tuple[int, str, str]:
    """Run the CLI in process; (exit code, stdout, stderr)."""
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(main, args, input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def run_process(
    command: list[str], cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        command,
        check=False,
        cwd=cwd,
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with one article per first rule, as the working directory."""
    write(tmp_path, {**ALL_FOUR, "clean.txt": CLEAN})
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- exit codes -------------------------------------------------------------------------------


def test_clean_file_exits_0_with_summary(project: Path) -> None:
    code, out, err = invoke(["check", *FIRST, "clean.txt"])
    assert (code, err) == (0, "")
    assert out == "All checks passed (1 document).\n"


def test_each_first_rule_reports_its_line_and_exit_1(project: Path) -> None:
    code, out, err = invoke(["check", *FIRST, *ALL_FOUR, "clean.txt"])
    assert code == 1 and err == ""
    assert found(out) == EXPECTED
    assert "Found 4 diagnostics (4 error) in 4 of 5 documents." in out


def test_folder_is_walked(project: Path) -> None:
    code, out, _ = invoke(["check", *FIRST, "."])
    assert code == 1
    assert {(Path(p).name, c, n) for p, c, n in found(out)} == EXPECTED


def test_exit_zero_reports_but_passes(project: Path) -> None:
    code, out, _ = invoke(["check", *FIRST, "--exit-zero", "dup.txt"])
    assert code == 0
    assert ("dup.txt", "D001", 7) in found(out)


@pytest.mark.parametrize(
    ("severity", "fail_on", "expected"),
    [
        ("warning", None, 0),  # default --fail-on error: a warning is reported, not failing
        ("warning", "error", 0),
        ("warning", "warning", 1),
        ("warning", "info", 1),
        ("info", "warning", 0),
        ("info", "info", 1),
        ("error", "error", 1),
    ],
)
def test_fail_on_threshold(project: Path, severity: str, fail_on: str | None, expected: int) -> None:
    write(
        project,
        {"lintnews.toml": f'select = ["D001", "D002", "T001", "T002"]\n[severity]\nT002 = "{severity}"\n'},
    )
    args = ["check", "cut.md"] + (["--fail-on", fail_on] if fail_on else [])
    code, out, _ = invoke(args)
    assert code == expected
    assert ("cut.md", "T002", 5) in found(out)  # lower severities are still reported
    assert f"(1 {severity})" in out


def test_fail_on_from_config(project: Path) -> None:
    write(
        project,
        {
            "lintnews.toml": 'select = ["D001", "D002", "T001", "T002"]\nfail-on = "warning"\n[severity]\nT = "warning"\n'
        },
    )
    assert invoke(["check", "cut.md"])[0] == 1
    assert invoke(["check", "cut.md", "--fail-on", "error"])[0] == 0  # the command line wins


def test_exit_zero_reports_input_errors_without_failing(project: Path) -> None:
    # as ruff does with files it cannot read; without --exit-zero they fail with 2
    code, _, err = invoke(["check", "--exit-zero", "dup.txt", "missing.txt"])
    assert code == 0
    assert "missing.txt" in err
    assert invoke(["check", "dup.txt", "missing.txt"])[0] == 2


# --- output -----------------------------------------------------------------------------------


def test_output_file_gets_the_report_and_stdout_stays_empty(project: Path) -> None:
    code, out, err = invoke(["check", *FIRST, "--format", "json", "--output", "report.json", "dup.txt"])
    assert code == 1
    assert out == "" and err == ""
    data = json.loads((project / "report.json").read_text(encoding="utf-8"))
    assert [(d["path"], d["code"], d["line"]) for d in data] == [("dup.txt", "D001", 7)]


def test_output_file_in_text_format(project: Path) -> None:
    code, out, _ = invoke(["check", *FIRST, "-o", "report.txt", "dup.txt"])
    assert code == 1 and out == ""
    text = (project / "report.txt").read_text(encoding="utf-8")
    assert text.startswith("dup.txt:7:1: D001")
    assert "\x1b[" not in text  # never coloured in a file


def test_output_into_missing_folder_is_exit_2(project: Path) -> None:
    code, _, err = invoke(["check", "--output", "no/such/folder/report.json", "dup.txt"])
    assert code == 2
    assert err.count("\n") == 1 and "report.json" in err and "Traceback" not in err


def test_format_from_config(project: Path) -> None:
    write(project, {"lintnews.toml": 'select = ["D001", "D002", "T001", "T002"]\noutput-format = "json"\n'})
    code, out, _ = invoke(["check", "dup.txt"])
    assert code == 1
    assert json.loads(out)[0]["code"] == "D001"
    code, out, _ = invoke(["check", "--format", "text", "dup.txt"])
    assert out.startswith("dup.txt:7:1: D001")


def test_quiet_prints_diagnostics_only(project: Path) -> None:
    code, out, _ = invoke(["check", *FIRST, "-q", "dup.txt", "clean.txt"])
    assert code == 1
    assert out.splitlines() == ["dup.txt:7:1: D001 [*] Paragraph repeats line 3"]


# --- stdin ------------------------------------------------------------------------------------


def test_stdin_with_stdin_filename(project: Path) -> None:
    code, out, _ = invoke(["check", *FIRST, "-", "--stdin-filename", "story.md"], stdin=TRUNCATED)
    assert code == 1
    assert found(out) == {("story.md", "T002", 5)}


def test_stdin_without_name(project: Path) -> None:
    code, out, _ = invoke(["check", *FIRST, "-"], stdin=DUPLICATE)
    assert code == 1
    assert found(out) == {("-", "D001", 7)}
    assert invoke(["check", *FIRST, "-"], stdin=CLEAN)[0] == 0


def test_stdin_jsonl_by_stdin_filename(project: Path) -> None:
    corpus = json.dumps({"id": "w1", "text": DUPLICATE}) + "\n"
    code, out, _ = invoke(["check", *FIRST, "-", "--stdin-filename", "feed.jsonl"], stdin=corpus)
    assert code == 1
    assert out.startswith("feed.jsonl#w1:7:1: D001")


def test_stdin_html_points_into_the_markup(project: Path) -> None:
    page = (
        "<html><body>\n<h1>Ferry Service Resumes After Storm</h1>\n"
        "<p>The island ferry resumed its normal timetable on Sunday after three days of cancellations.</p>\n"
        "<p>Operators said the first crossing left on time and carried two hundred passengers.</p>\n"
        "<p>The island ferry resumed its normal timetable on Sunday after three days of cancellations.</p>\n"
        "</body></html>\n"
    )
    code, out, _ = invoke(["check", "-", "--stdin-filename", "page.html", "--select", "D001"], stdin=page)
    assert code == 1
    assert out.startswith("page.html:5:4: D001")  # line 5 of the markup, after "<p>"


# --- input errors -----------------------------------------------------------------------------


def test_missing_path_is_one_line_and_exit_2(project: Path) -> None:
    code, out, err = invoke(["check", "--select", "D", "dup.txt", "no-such-article.txt"])
    assert code == 2
    assert err.splitlines() == [err.strip()] and "no-such-article.txt" in err
    assert "Traceback" not in err
    assert ("dup.txt", "D001", 7) in found(out)  # the other file is still reported


PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" * 8


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(PNG_BYTES, id="binary"),
        pytest.param(b"\xef\xbb\xbfGood start \xff\xfe\xfa broken", id="bad-utf8-after-bom"),
        pytest.param(b"\xff\xfeA\x00B\x00C", id="odd-length-utf16"),
    ],
)
def test_undecodable_file_is_exit_2_and_others_still_reported(project: Path, payload: bytes) -> None:
    write(project, {"photo.txt": payload})
    code, out, err = invoke(["check", "--select", "D", "photo.txt", "dup.txt"])
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 1 and "photo.txt" in lines[0] and lines[0].startswith("lintnews: error: ")
    assert "Traceback" not in err
    assert ("dup.txt", "D001", 7) in found(out)


def test_bad_jsonl_record_names_file_and_line(project: Path) -> None:
    corpus = json.dumps({"id": "ok", "text": DUPLICATE}) + "\n{not json\n"
    write(project, {"feed.jsonl": corpus})
    code, out, err = invoke(["check", "--select", "D001", "feed.jsonl"])
    assert code == 2
    assert "feed.jsonl:2" in err and len(err.splitlines()) == 1
    assert out.startswith("feed.jsonl#ok:7:1: D001")


# --- configuration errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "named"),
    [
        ("lintnews.toml", 'select = ["D"\nignore = 3\n', "invalid TOML"),
        ("lintnews.toml", 'colour = "always"\n', "`colour`"),
        ("lintnews.toml", 'select = ["Z999"]\n', "`Z999`"),
        ("lintnews.toml", 'ignore = ["no-such-rule"]\n', "`no-such-rule`"),
        ("lintnews.toml", 'fail-on = "fatal"\n', "fail-on"),
        ("lintnews.toml", 'select = "D"\n', "`select`"),
        ("lintnews.toml", '[per-file-ignores]\n"*.txt" = ["Q123"]\n', "`Q123`"),
        ("lintnews.toml", '[severity]\nD001 = "fatal"\n', "severity.D001"),
        ("pyproject.toml", '[tool.lintnews]\nselectt = ["D"]\n', "`tool.lintnews.selectt`"),
    ],
    ids=[
        "bad-toml",
        "unknown-key",
        "unknown-code",
        "unknown-name",
        "bad-value",
        "bad-type",
        "per-file-unknown-code",
        "bad-severity",
        "pyproject-unknown-key",
    ],
)
def test_malformed_config_is_exit_2_naming_it(project: Path, name: str, content: str, named: str) -> None:
    write(project, {name: content})
    code, out, err = invoke(["check", "dup.txt"])
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert named in err and name in err
    assert "Traceback" not in err


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_unknown_selector_on_command_line_is_exit_2(project: Path, option: str) -> None:
    code, out, err = invoke(["check", option, "D001,X42", "dup.txt"])
    assert code == 2 and out == ""
    assert "`X42`" in err and len(err.splitlines()) == 1


def test_missing_config_file_is_exit_2(project: Path) -> None:
    code, _, err = invoke(["check", "--config", "nowhere.toml", "dup.txt"])
    assert code == 2
    assert "nowhere.toml" in err and len(err.splitlines()) == 1


def test_unknown_format_is_a_usage_error(project: Path) -> None:
    code, _, err = invoke(["check", "--format", "xml", "dup.txt"])
    assert code == 2
    assert "xml" in err


# --- rule selection ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "D"], {"D001", "D002"}),
        (["--select", "D", "--ignore", "D001"], {"D002"}),
        (["--select", "D001", "--ignore", "D"], {"D001"}),  # the more specific selector wins
        (["--select", "D00", "--ignore", "D"], {"D001", "D002"}),
        (["--select", "D", "--ignore", "D00"], set()),
        (["--select", "duplicate-paragraph"], {"D001"}),
        (["--select", "D", "--ignore", "duplicate-heading"], {"D001"}),
        (["--select", "T0"], {"T001", "T002"}),
        (["--select", "T", "--extend-select", "D002"], {"T001", "T002", "D002"}),
        (["--select", "T001,D002"], {"T001", "D002"}),
        (["--select", "T001", "--select", "D002"], {"T001", "D002"}),
        (["--select", "D,T", "--ignore", "T"], {"D001", "D002"}),
    ],
)
def test_selection(project: Path, args: list[str], expected: set[str]) -> None:
    code, out, _ = invoke(["check", *args, *ALL_FOUR])
    assert codes(out) == expected
    if expected:
        assert code == 1


def test_select_all_minus_one(project: Path) -> None:
    _, out, _ = invoke(["check", "--select", "ALL", "--ignore", "T002", *ALL_FOUR])
    assert {"D001", "D002", "T001"} <= codes(out)  # other families may report on these files too
    assert "T002" not in codes(out)


def test_command_line_select_overrides_config_and_ignore_extends_it(project: Path) -> None:
    """As in ruff: ``--select`` replaces the configuration's selection, its ``ignore`` included;
    ``--ignore`` and ``--extend-select`` adjust it."""
    write(project, {"lintnews.toml": 'select = ["T"]\nignore = ["T001"]\n'})
    assert codes(invoke(["check", *ALL_FOUR])[1]) == {"T002"}
    assert codes(invoke(["check", *FIRST, *ALL_FOUR])[1]) == {"D001", "D002", "T001", "T002"}
    assert codes(invoke(["check", "--select", "T001", *ALL_FOUR])[1]) == {"T001"}
    assert codes(invoke(["check", "--ignore", "T002", *ALL_FOUR])[1]) == set()
    assert codes(invoke(["check", "--extend-select", "D001", *ALL_FOUR])[1]) == {"D001", "T002"}


def test_per_file_ignores(project: Path) -> None:
    write(
        project,
        {
            "drafts/dup.txt": DUPLICATE,
            "drafts/cut.md": TRUNCATED,
            "lintnews.toml": '[per-file-ignores]\n"drafts/*" = ["D001"]\n"cut.md" = ["truncated-document"]\n',
        },
    )
    code, out, _ = invoke(["check", *FIRST, "dup.txt", "cut.md", "drafts"])
    assert found(out) == {("dup.txt", "D001", 7)}
    assert code == 1


def test_per_file_ignores_by_prefix_and_basename(project: Path) -> None:
    write(project, {"lintnews.toml": '[per-file-ignores]\n"*.txt" = ["D"]\n'})
    _, out, _ = invoke(["check", "--select", "D,T", *ALL_FOUR])
    assert codes(out) == {"T001", "T002"}  # D001 and D002 were in .txt files; T001 (mid.txt) is not D


# --- configuration discovery ------------------------------------------------------------------


def test_lintnews_toml_found_walking_up_from_the_linted_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "repo/lintnews.toml": 'select = ["D"]\nignore = ["D001"]\n',
            "repo/articles/2024/dup.txt": DUPLICATE,
            "repo/articles/2024/heads.txt": HEADINGS,
            "elsewhere/.keep": "",
        },
    )
    monkeypatch.chdir(tmp_path / "elsewhere")  # the working directory has no config
    code, out, _ = invoke(["check", "../repo/articles/2024/dup.txt", "../repo/articles/2024/heads.txt"])
    assert codes(out) == {"D002"}
    assert code == 1
    _, out, _ = invoke(["check", "--isolated", "--select", "D", "../repo/articles"])
    assert codes(out) == {"D001", "D002"}


def test_pyproject_tool_table_found_and_pyproject_without_it_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lintnews]\nselect = ["T002"]\n',
            "pkg/pyproject.toml": '[project]\nname = "unrelated"\n',  # no [tool.lintnews]: skipped
            "pkg/docs/cut.md": TRUNCATED,
            "pkg/docs/dup.txt": DUPLICATE,
        },
    )
    monkeypatch.chdir(tmp_path / "pkg")
    code, out, _ = invoke(["check", "docs"])
    assert found(out) == {("docs/cut.md", "T002", 5)}
    assert code == 1


def test_nearest_config_wins_and_lintnews_toml_beats_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "lintnews.toml": 'select = ["T"]\n',
            "sub/pyproject.toml": '[tool.lintnews]\nselect = ["D002"]\n',
            "sub/lintnews.toml": 'select = ["D001"]\n',
            "sub/dup.txt": DUPLICATE,
            "sub/heads.txt": HEADINGS,
            "sub/cut.md": TRUNCATED,
        },
    )
    monkeypatch.chdir(tmp_path)
    assert codes(invoke(["check", "sub"])[1]) == {"D001"}
    (tmp_path / "sub/lintnews.toml").unlink()
    assert codes(invoke(["check", "sub"])[1]) == {"D002"}
    (tmp_path / "sub/pyproject.toml").unlink()
    assert codes(invoke(["check", "sub"])[1]) == {"T002"}


def test_explicit_config_option(project: Path) -> None:
    write(project, {"lintnews.toml": 'select = ["T"]\n', "ci/strict.toml": 'select = ["D001"]\n'})
    assert codes(invoke(["check", "--config", "ci/strict.toml", *ALL_FOUR])[1]) == {"D001"}


# --- rules and rule ---------------------------------------------------------------------------


def test_rules_lists_every_rule() -> None:
    code, out, _ = invoke(["rules"])
    assert code == 0
    rows = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    for rule_code, name in [
        ("D001", "duplicate-paragraph"),
        ("D002", "duplicate-heading"),
        ("T001", "truncated-sentence"),
        ("T002", "truncated-document"),
    ]:
        assert name in rows[rule_code]
        assert "error" in rows[rule_code]
    assert "fix" in rows["D001"] and "Paragraph repeats an earlier paragraph" in rows["D001"]


def test_rules_json() -> None:
    code, out, _ = invoke(["rules", "--format", "json"])
    assert code == 0
    rules = {r["code"]: r for r in json.loads(out)}
    assert rules["D001"]["name"] == "duplicate-paragraph"
    assert (
        rules["D001"]["fixable"] == "mixed"
        and rules["D002"]["fixable"] == "safe"
        and rules["T001"]["fixable"] is None
    )
    assert rules["T002"]["severity"] == "error"
    assert rules["T002"]["explanation"].startswith("## What it does")


@pytest.mark.parametrize("ident", ["D001", "d001", "duplicate-paragraph"])
def test_rule_prints_its_documentation(ident: str) -> None:
    code, out, _ = invoke(["rule", ident])
    assert code == 0
    assert out.startswith("# duplicate-paragraph (D001)")
    assert "## What it does\nChecks for a paragraph that repeats an earlier paragraph" in out
    for heading in ("## Why is this bad?", "## Example", "## Fix"):
        assert heading in out


def test_unknown_rule_is_exit_2() -> None:
    code, out, err = invoke(["rule", "NOPE"])
    assert code == 2 and out == ""
    assert err.strip() == "lintnews: error: unknown rule `NOPE` (see `lintnews rules`)"


# --- the JSON contract ------------------------------------------------------------------------

CONTRACT = {
    "path": str,
    "record": (str, type(None)),
    "line": int,
    "column": int,
    "end_line": int,
    "end_column": int,
    "code": str,
    "name": str,
    "severity": str,
    "message": str,
    "fix": (dict, type(None)),
    "related": list,
}


def check_contract(d: dict) -> None:
    for key, types in CONTRACT.items():
        assert key in d, key
        assert isinstance(d[key], types), (key, d[key])
    assert d["severity"] in ("error", "warning", "info")
    assert re.fullmatch(r"[A-Z]\d{3}", d["code"])
    assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", d["name"])
    assert 1 <= d["line"] <= d["end_line"] and d["column"] >= 1 and d["end_column"] >= 1
    if d["line"] == d["end_line"]:
        assert d["end_column"] > d["column"]
    if d["fix"] is not None:
        assert set(d["fix"]) >= {"title", "safe"}
        assert isinstance(d["fix"]["title"], str) and isinstance(d["fix"]["safe"], bool)
    for r in d["related"]:
        assert set(r) >= {"path", "record", "line", "column"}
        assert isinstance(r["path"], str) and isinstance(r["record"], (str, type(None)))
        assert isinstance(r["line"], int) and isinstance(r["column"], int)


def test_json_contract_plain_files(project: Path) -> None:
    code, out, _ = invoke(["check", "--format", "json", *FIRST, *ALL_FOUR, "clean.txt"])
    assert code == 1
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 4
    for d in data:
        check_contract(d)
        assert d["record"] is None
    dup = next(d for d in data if d["code"] == "D001")
    line3 = DUPLICATE.splitlines()[6]
    assert (dup["path"], dup["line"], dup["column"], dup["end_line"], dup["end_column"]) == (
        "dup.txt",
        7,
        1,
        7,
        len(line3) + 1,
    )  # end_column is just past the last character
    assert dup["name"] == "duplicate-paragraph" and dup["severity"] == "error"
    assert dup["fix"]["safe"] is True and dup["fix"]["title"]
    assert dup["related"] == [{"path": "dup.txt", "record": None, "line": 3, "column": 1}]
    cut = next(d for d in data if d["code"] == "T002")
    assert cut["fix"] is None and cut["related"] == []
    last = TRUNCATED.splitlines()[4]
    assert (cut["line"], cut["column"], cut["end_column"]) == (5, last.rindex("the") + 1, len(last) + 1)


def test_json_contract_jsonl_records(project: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": DUPLICATE}),
        json.dumps({"text": TRUNCATED}),  # no id: named by its line in the file
        json.dumps({"id": 7, "text": CLEAN}),
    ]
    write(project, {"feed.jsonl": "\n".join(lines) + "\n"})
    code, out, _ = invoke(["check", "--format", "json", *FIRST, "feed.jsonl"])
    assert code == 1
    data = json.loads(out)
    for d in data:
        check_contract(d)
    assert [(d["record"], d["code"], d["line"]) for d in data] == [("a1", "D001", 7), ("2", "T002", 5)]
    assert data[0]["related"] == [{"path": "feed.jsonl", "record": "a1", "line": 3, "column": 1}]


def test_empty_json_is_an_empty_array(project: Path) -> None:
    code, out, _ = invoke(["check", *FIRST, "--format", "json", "clean.txt"])
    assert code == 0
    assert json.loads(out) == []


# --- a real process ---------------------------------------------------------------------------


def test_python_dash_m_lintnews(project: Path) -> None:
    proc = run_process([sys.executable, "-m", "lintnews", "check", *FIRST, *ALL_FOUR], project)
    assert proc.returncode == 1, proc.stderr
    assert found(proc.stdout) == EXPECTED
    proc = run_process([sys.executable, "-m", "lintnews", "check", *FIRST, "clean.txt"], project)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "All checks passed (1 document).\n", "")


def test_console_script_formats_and_exit_codes(project: Path) -> None:
    script = lintnews_script()
    proc = run_process([script, "check", "--format", "json", "--select", "D001", "dup.txt"], project)
    assert proc.returncode == 1
    assert [d["code"] for d in json.loads(proc.stdout)] == ["D001"]
    proc = run_process([script, "check", *FIRST, "--exit-zero", "dup.txt"], project)
    assert proc.returncode == 0 and "D001" in proc.stdout
    proc = run_process([script, "--version"], project)
    assert proc.returncode == 0 and re.search(r"\d+\.\d+\.\d+", proc.stdout)


def test_subprocess_errors_are_one_line_without_traceback(project: Path) -> None:
    script = lintnews_script()
    write(project, {"photo.txt": PNG_BYTES})
    proc = run_process([script, "check", "--select", "D", "gone.txt", "photo.txt", "dup.txt"], project)
    assert proc.returncode == 2
    err = proc.stderr.splitlines()
    assert len(err) == 2 and "gone.txt" in err[0] and "photo.txt" in err[1]
    assert "Traceback" not in proc.stderr
    assert ("dup.txt", "D001", 7) in found(proc.stdout)
    write(project, {"lintnews.toml": "select = [\n"})
    proc = run_process([script, "check", "dup.txt"], project)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1 and "lintnews.toml" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_subprocess_stdin_and_output_file(project: Path) -> None:
    script = lintnews_script()
    proc = run_process(
        [
            script,
            "check",
            *FIRST,
            "-",
            "--stdin-filename",
            "wire/story.txt",
            "--format",
            "jsonl",
            "-o",
            "out.jsonl",
        ],
        project,
        stdin=DUPLICATE.encode(),
    )
    assert proc.returncode == 1 and proc.stdout == ""
    rows = [json.loads(line) for line in (project / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["path"], r["code"], r["line"]) for r in rows] == [("wire/story.txt", "D001", 7)]


def test_subprocess_rule_commands(project: Path) -> None:
    script = lintnews_script()
    proc = run_process([script, "rule", "T001"], project)
    assert proc.returncode == 0 and "## What it does" in proc.stdout
    proc = run_process([script, "rule", "NOPE"], project)
    assert proc.returncode == 2 and proc.stdout == "" and "NOPE" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = run_process([script, "rules"], project)
    assert proc.returncode == 0 and "T002" in proc.stdout
