"""What a run prints and where (issues 14 and 21): a closed pipe, counts that agree, fix marks
that follow the configuration, statistics, escaped text, SARIF regions, names that are not UTF-8,
and errors that say what failed.

Most tests run the installed ``lintnews`` script in a subprocess, as a user or a CI job does.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from console import lintnews_script

from lintnews.diagnostics import Diagnostic, Severity
from lintnews.reporters import StreamWriter


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``lintnews ARGS`` in ``cwd``, with a strict UTF-8 stdout as on a desktop's UTF-8 locale."""
    environment = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8:strict", **(env or {})}
    return subprocess.run(
        [lintnews_script(), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        env=environment,
        timeout=120,
        check=False,
    )


CUT = (
    "Union leaders called off the strike number {i} after talks with the operator ran late into "
    "the night, and passengers had been warned to expect the"
)


def truncated_corpus(path: Path, records: int) -> None:
    """``records`` JSONL records, each with one T002 (cut off) and nothing else."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(records):
            text = f"Story number {i} about the harbour\n\n" + CUT.format(i=i)
            fh.write(json.dumps({"id": f"r{i}", "text": text}) + "\n")


# --- a closed pipe (issue 14, item 7) ----------------------------------------------------------


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="POSIX pipes")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_closed_pipe_stops_the_run_quietly_like_grep(tmp_path: Path, fmt: str) -> None:
    truncated_corpus(tmp_path / "corpus.jsonl", 3000)  # ~250 KB of report: more than a pipe holds
    bash = shutil.which("bash")
    assert bash
    script = f'"{lintnews_script()}" check --no-cache -j1 --format {fmt} corpus.jsonl | head -1; echo "status=${{PIPESTATUS[0]}}"'
    done = subprocess.run(
        [bash, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    first = {"text": 'corpus.jsonl#r0:3:142: T002 Document is cut off (ends on "the")', "json": "["}[fmt]
    assert done.stdout == f"{first}\nstatus=141\n"
    assert done.stderr == ""  # no "Broken pipe", no "Exception ignored"


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="POSIX pipes")
def test_a_reader_that_goes_away_mid_run_stops_a_parallel_run_by_sigpipe(tmp_path: Path) -> None:
    truncated_corpus(tmp_path / "corpus.jsonl", 3000)
    proc = subprocess.Popen(
        [lintnews_script(), "check", "--no-cache", "-j2", "corpus.jsonl"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.stdout is not None and proc.stderr is not None
    line = proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=120) == -signal.SIGPIPE
    assert line.startswith(b"corpus.jsonl#r0:3:142: T002 ")
    assert proc.stderr.read() == b""
    proc.stderr.close()


# --- text from scraped articles and record ids cannot drive the terminal (14.13, 21) ----------

PARAGRAPH = (
    "The harbour council voted on Tuesday \x1b]0;pwned\x07to spend four million pounds on repairs "
    "to the old sea wall\x1b[2J after years of delay."
)
HOSTILE_TEXT = f"Harbour Council Approves Repairs\n\n{PARAGRAPH}\n\nWork starts in March.\n\n{PARAGRAPH}\n"


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("text", ["c.jsonl#a\\nb\\x1b[31m\\u202e:7:1: D001 [*] Paragraph repeats line 3"]),
        (
            "full",
            [
                "c.jsonl#a\\nb\\x1b[31m\\u202e:7:1: D001 [*] Paragraph repeats line 3",
                "  7 | The harbour council voted on Tuesday \\x1b]0;pwned\\x07to spend four million pounds on "
                "repairs to the old sea wall\\x1b[2J after years of delay.",
                "  = related: c.jsonl#a\\nb\\x1b[31m\\u202e:3:1",
            ],
        ),
        (
            "github",
            [
                "::error file=c.jsonl,line=1,title=D001 duplicate-paragraph::D001 Paragraph repeats line 3 "
                "(record a%0Ab\\x1b[31m\\u202e)"
            ],
        ),
    ],
)
def test_control_characters_of_ids_and_text_are_escaped(
    tmp_path: Path, fmt: str, expected: list[str]
) -> None:
    record = {"id": "a\nb\x1b[31m\u202e", "text": HOSTILE_TEXT}
    (tmp_path / "c.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    done = run(
        ["check", "--isolated", "--no-cache", "--select", "D001", "--format", fmt, "c.jsonl"], tmp_path
    )
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[: len(expected)] == expected
    assert not any(c in done.stdout for c in "\x1b\x07\u202e")


def test_an_input_error_naming_a_hostile_id_is_one_escaped_line(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "x\n\x1b[2Jy", "text": " "}) + "\n", encoding="utf-8")
    done = run(["check", "--isolated", "--no-cache", "c.jsonl"], tmp_path)
    assert done.returncode == 2
    assert done.stderr == "lintnews: error: c.jsonl:1 (record x\\n\\x1b[2Jy): `text` is only whitespace\n"


# --- file names that are not UTF-8 (21) ---------------------------------------------------------

TRUNCATED = "Rail Strike Called Off\n\n" + CUT.format(i=1) + "\n"


@pytest.mark.skipif(
    sys.platform in ("darwin", "win32"), reason="the file system stores names as bytes (POSIX)"
)
@pytest.mark.parametrize("fmt", ["text", "full", "json", "jsonl", "sarif", "github", "junit", "gitlab"])
def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "nu").mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / "nu" / name).write_text(TRUNCATED, encoding="utf-8")
    done = subprocess.run(
        [lintnews_script(), "check", "--isolated", "--no-cache", "--format", fmt, "nu"],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8:strict"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
    assert done.stderr == b""
    out = done.stdout.decode("utf-8")  # valid UTF-8, whatever the name
    if fmt in ("text", "full"):
        assert out.startswith("nu/caf\\xe9.txt:3:1")
    elif fmt == "github":
        assert out.startswith("::error file=nu/caf\\xe9.txt,line=3,")
    elif fmt == "junit":
        assert 'file="nu/caf\\udce9.txt"' in out
    else:
        data = json.loads(out) if fmt != "jsonl" else json.loads(out.splitlines()[0])
        if fmt == "json":
            path = data[0]["path"]
        elif fmt == "jsonl":
            path = data["path"]
        elif fmt == "gitlab":
            path = data[0]["location"]["path"]
        else:
            location = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
            assert location["artifactLocation"]["uri"] == "nu/caf%E9.txt"  # the bytes, percent-encoded
            path = "nu/" + name
        assert os.fsencode(path) == b"nu/caf\xe9.txt"  # reads back to the same bytes


# --- SARIF: region.snippet is the region's text (14.12) -----------------------------------------

TWO_LINE_REPEAT = (
    "Harbour Council Approves Repairs\n\n"
    "The harbour council voted on Tuesday to spend four million\npounds on repairs to the old sea wall.\n\n"
    "Work starts in March.\n\n"
    "The harbour council voted on Tuesday to spend four million\npounds on repairs to the old sea wall.\n\n"
    "Traders said they welcomed the decision but worried about access to the pier during the\n"
)


def sarif_regions(out: str) -> list[tuple[str, dict, dict]]:
    results = json.loads(out)["runs"][0]["results"]
    return [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"], r["properties"]) for r in results]


def test_sarif_snippet_is_the_text_of_the_region(tmp_path: Path) -> None:
    (tmp_path / "two.md").write_text(TWO_LINE_REPEAT, encoding="utf-8")
    long_line = "Ferry services resumed on Monday " + "after a long pause " * 12 + "with the"
    (tmp_path / "long.txt").write_text(f"Ferry Services Resume\n\n{long_line}\n", encoding="utf-8")
    done = run(
        [
            "check",
            "--isolated",
            "--no-cache",
            "--select",
            "D001,T002",
            "--format",
            "sarif",
            "two.md",
            "long.txt",
        ],
        tmp_path,
    )
    assert done.returncode == 1, done.stderr
    regions = sarif_regions(done.stdout)
    assert [(code, region) for code, region, _ in regions] == [
        (
            "D001",
            {
                "startLine": 8,
                "startColumn": 1,
                "endLine": 9,
                "endColumn": 39,
                "snippet": {
                    "text": "The harbour council voted on Tuesday to spend four million\n"
                    "pounds on repairs to the old sea wall."
                },
            },
        ),
        (
            "T002",
            {"startLine": 11, "startColumn": 85, "endLine": 11, "endColumn": 88, "snippet": {"text": "the"}},
        ),
        (
            "T002",
            {
                "startLine": 3,
                "startColumn": len(long_line) - 2,
                "endLine": 3,
                "endColumn": len(long_line) + 1,
                "snippet": {"text": "the"},
            },
        ),  # the word, not the first 200 characters of the line
    ]


@pytest.mark.parametrize("repeats", [3, 15])
def test_sarif_snippet_of_a_long_region_is_whole_or_left_out(tmp_path: Path, repeats: int) -> None:
    paragraph = (
        "The harbour council voted on Tuesday to spend four million pounds on the sea wall, " * repeats
    )
    text = f"Harbour Council Approves Repairs\n\n{paragraph}\n\nWork starts in March.\n\n{paragraph}\n"
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    done = run(
        ["check", "--isolated", "--no-cache", "--select", "D001", "--format", "sarif", "long.txt"], tmp_path
    )
    [(code, region, properties)] = sarif_regions(done.stdout)
    expected = {"startLine": 7, "startColumn": 1, "endLine": 7, "endColumn": len(paragraph) + 1}
    if repeats == 3:  # 249 characters: whole
        assert (code, region) == ("D001", {**expected, "snippet": {"text": paragraph}})
    else:  # 1,245 characters: more than a diagnostic keeps; what is known of it is a property
        assert (code, region) == ("D001", expected)
        assert properties["text"] == paragraph[:200]


# --- what `[*]` and "fixable" mean: the fixes `--fix` applies (14.9, README table) ---------------

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
P1 = "The city council approved the new budget on Tuesday after a debate that lasted six hours."
P2 = "Opposition members said the plan cut too deeply into school funding and library hours."
P3 = "The mayor said the savings were needed to avoid a deficit next year and promised a review."


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    return tmp_path


def test_unfixable_rules_are_not_marked_nor_counted_as_fixable(articles: Path) -> None:
    (articles / "lintnews.toml").write_text('unfixable = ["D001"]\n', encoding="utf-8")
    text = run(["check", "--no-cache", "--statistics", "fixtures"], articles).stdout
    d001 = [line for line in text.splitlines() if " D001 " in line]
    assert d001 == [
        "fixtures/en-grain-corridor.html:27:36: D001 Paragraph repeats text of line 24",
        "fixtures/en-port-strike-duplicated-truncated.txt:8:1: D001 Paragraph repeats line 3",
        "      2  D001  duplicate-paragraph                in 2 documents",
    ]
    assert (
        "[*] 8 fixable with `lintnews check --fix` (1 hidden fix can be enabled with `--unsafe-fixes`)."
        in text
    )
    data = json.loads(
        run(["check", "--no-cache", "--statistics", "--format", "json", "fixtures"], articles).stdout
    )
    assert [d["fix"] for d in data["diagnostics"] if d["code"] == "D001"] == [None, None]
    assert {r["code"]: r["fixable"] for r in data["statistics"]["rules"]}["D001"] == 0
    # and --fix leaves them
    fixed = run(["check", "--no-cache", "--fix", "--select", "D001", "fixtures"], articles)
    assert fixed.stdout.count(" D001 ") == 2


def test_unsafe_fixes_are_marked_when_unsafe_fixes_apply(articles: Path) -> None:
    text = run(["check", "--no-cache", "--unsafe-fixes", "--select", "D,N", "fixtures"], articles).stdout
    assert text.splitlines() == [
        "fixtures/en-grain-corridor.html:27:36: D001 [*] Paragraph repeats text of line 24",
        "fixtures/en-grain-corridor.html:32:24: D002 [*] Heading repeats line 12",
        "fixtures/en-port-strike-duplicated-truncated.txt:8:1: D001 [*] Paragraph repeats line 3",
        "fixtures/corpus-harbour.jsonl#harbour-2024-033:1:1: N002 [*] Exact duplicate of "
        "fixtures/corpus-harbour.jsonl#harbour-2024-031 (same text after normalisation)",
        "Found 4 diagnostics (4 error) in 3 of 7 documents.",
        "[*] 4 fixable with `lintnews check --fix`.",
    ]


def test_every_fix_a_rule_offers_is_what_the_rules_table_says(articles: Path) -> None:
    extra = {
        "breadcrumbs.md": f"Politics › Europe › Summit talks\n\nHome » News » Politics\n\n{P1}\n\n{P2}\n\n{P3}\n",
        "a.txt": f"{P1}\n\n{P2}\n\n{P3}\n",
        "b.txt": f"{P1}\n\n{P2}\n\n{P3}\n",
    }
    for name, content in extra.items():
        (articles / "fixtures" / name).write_text(content, encoding="utf-8")
    done = run(["check", "--no-cache", "--select", "ALL", "--format", "json", "fixtures"], articles)
    rules = {r["code"]: r["fixable"] for r in json.loads(run(["rules", "--format", "json"], articles).stdout)}
    seen: dict[str, set[object]] = {}
    for d in json.loads(done.stdout):
        seen.setdefault(d["code"], set()).add(None if d["fix"] is None else d["fix"]["safe"])
        kind = rules[d["code"]]
        where = f"{d['code']} at {d['path']}#{d['record']}:{d['line']}"
        if kind is None:
            assert d["fix"] is None, where
        elif kind in ("safe", "unsafe"):
            assert d["fix"] is None or d["fix"]["safe"] == (kind == "safe"), where
    assert rules["D001"] == rules["B006"] == "mixed"
    assert seen["D001"] == seen["B006"] == {True, False}  # the pull-quote, the trail with no home word
    assert rules["N002"] == "unsafe"
    n002 = {
        (d["path"], d["fix"] and d["fix"]["safe"]) for d in json.loads(done.stdout) if d["code"] == "N002"
    }
    assert n002 == {
        ("fixtures/corpus-harbour.jsonl", False),
        ("fixtures/b.txt", None),
    }  # a file is never deleted


# --- one document count everywhere (14.6) -------------------------------------------------------

STATS_TABLE = [
    "      3  B002  comment-widget                     in 1 document [*]",
    "      2  D001  duplicate-paragraph                in 2 documents [*]",
    "      1  B004  newsletter-prompt                  in 1 document [*]",
    "      1  B005  social-share                       in 1 document [*]",
    "      1  B006  breadcrumb                         in 1 document [*]",
    "      1  B009  advertisement-label                in 1 document [*]",
    "      1  D002  duplicate-heading                  in 1 document [*]",
    "      1  N002  exact-duplicate-document           in 1 document",
    "      1  T001  truncated-sentence                 in 1 document",
    "      1  T002  truncated-document                 in 1 document",
    "4 of 7 documents have diagnostics; score min 63, median 100, mean 87.9",
    "score distribution: 100: 4, 90-99: 0, 70-89: 2, 50-69: 1, 0-49: 0",
]
SUMMARY = [
    "Found 13 diagnostics (6 error, 7 warning) in 4 of 7 documents.",
    "[*] 9 fixable with `lintnews check --fix` (2 hidden fixes can be enabled with `--unsafe-fixes`).",
]


def test_corpus_findings_count_in_every_document_count(articles: Path) -> None:
    text = run(["check", "--no-cache", "--statistics", "fixtures"], articles).stdout.splitlines()
    assert text[-len(SUMMARY) - len(STATS_TABLE) :] == SUMMARY + STATS_TABLE
    data = json.loads(
        run(["check", "--no-cache", "--statistics", "--format", "json", "fixtures"], articles).stdout
    )
    documents = {(d["path"].split("/")[-1], d["record"]): d["diagnostics"] for d in data["documents"]}
    assert documents[("corpus-harbour.jsonl", "harbour-2024-033")] == 1  # its N002
    assert sum(1 for n in documents.values() if n) == data["statistics"]["documents_with_diagnostics"] == 4
    assert sum(documents.values()) == data["statistics"]["diagnostics"] == len(data["diagnostics"]) == 13
    lines = run(
        ["check", "--no-cache", "--statistics", "--format", "jsonl", "fixtures"], articles
    ).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    docs = [r for r in records if r.get("type") == "document"]
    assert {(d["record"], d["diagnostics"]) for d in docs if d["record"]} == {
        ("harbour-2024-031", 0),
        ("harbour-2024-032", 0),
        ("harbour-2024-033", 1),
    }
    assert records[-1]["documents_with_diagnostics"] == 4


def test_findings_a_baseline_hides_are_not_counted(articles: Path) -> None:
    assert (
        run(
            ["check", "--no-cache", "--select", "T002", "--write-baseline", "b.json", "fixtures"], articles
        ).returncode
        == 1
    )
    done = run(
        ["check", "--no-cache", "--baseline", "b.json", "--statistics", "--format", "json", "fixtures"],
        articles,
    )
    data = json.loads(done.stdout)
    port = [d for d in data["documents"] if d["path"].endswith("en-port-strike-duplicated-truncated.txt")]
    assert [d["diagnostics"] for d in port] == [1]  # its D001; the T002 is in the baseline
    assert data["statistics"]["documents_with_diagnostics"] == 4 and data["statistics"]["diagnostics"] == 12
    text = run(["check", "--no-cache", "--baseline", "b.json", "fixtures"], articles).stdout
    assert "Found 12 diagnostics (5 error, 7 warning) in 4 of 7 documents." in text


# --- where --statistics go (README: decided as ruff does) --------------------------------------


def test_statistics_follow_the_report_with_quiet_and_into_the_output_file(articles: Path) -> None:
    quiet = run(["check", "--no-cache", "--statistics", "-q", "fixtures"], articles)
    assert quiet.stdout.splitlines()[-len(STATS_TABLE) :] == STATS_TABLE  # asked for: -q keeps them
    assert "Found 13" not in quiet.stdout and quiet.stderr == ""
    to_file = run(["check", "--no-cache", "--statistics", "-o", "report.txt", "fixtures"], articles)
    assert to_file.stdout == "" and to_file.stderr == ""
    report = (articles / "report.txt").read_text(encoding="utf-8").splitlines()
    assert report[-len(SUMMARY) - len(STATS_TABLE) :] == SUMMARY + STATS_TABLE


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_statistics_of_json_formats_are_only_in_the_json(articles: Path, fmt: str) -> None:
    done = run(["check", "--no-cache", "--statistics", "--format", fmt, "fixtures"], articles)
    assert done.stderr == ""
    assert "score distribution" not in done.stdout


def test_statistics_of_formats_without_a_place_for_them_go_to_stderr(articles: Path) -> None:
    done = run(["check", "--no-cache", "--statistics", "--format", "sarif", "fixtures"], articles)
    json.loads(done.stdout)
    assert done.stderr.splitlines() == STATS_TABLE


# --- errors that name the path and say what failed (21) -----------------------------------------


def test_an_unwritable_baseline_is_named_and_the_report_is_still_whole(articles: Path) -> None:
    done = run(
        ["check", "--no-cache", "--format", "json", "--write-baseline", "missing/b.json", "fixtures"],
        articles,
    )
    assert done.returncode == 2
    assert (
        done.stderr
        == "lintnews: error: missing/b.json: cannot write the baseline: No such file or directory\n"
    )
    assert len(json.loads(done.stdout)) == 13  # every finding, in valid JSON
    text = run(["check", "--no-cache", "--write-baseline", "missing/b.json", "fixtures"], articles).stdout
    assert text.splitlines()[-2:] == [SUMMARY[1], "1 error (see above)."]  # and no "Baseline written to"


def test_an_unwritable_split_output_is_named_and_neither_output_appears(tmp_path: Path) -> None:
    truncated_corpus(tmp_path / "c.jsonl", 3)
    done = run(
        [
            "check",
            "--isolated",
            "--no-cache",
            "--accepted-output",
            "ok.jsonl",
            "--rejected-output",
            "missing/bad.jsonl",
            "c.jsonl",
        ],
        tmp_path,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "lintnews: error: missing/bad.jsonl: cannot write the rejected records: No such file or "
        "directory (nothing of the split written)\n"
    )
    assert not (tmp_path / "ok.jsonl").exists()


def test_an_unwritable_report_is_named(tmp_path: Path) -> None:
    truncated_corpus(tmp_path / "c.jsonl", 1)
    done = run(["check", "--isolated", "--no-cache", "-o", "missing/report.txt", "c.jsonl"], tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert (
        done.stderr
        == "lintnews: error: missing/report.txt: cannot write the report: No such file or directory\n"
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_under_standard_output_is_named(tmp_path: Path) -> None:
    truncated_corpus(tmp_path / "c.jsonl", 1)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [lintnews_script(), "check", "--isolated", "--no-cache", "c.jsonl"],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 2
    assert (
        done.stderr == "lintnews: error: standard output: cannot write the report: No space left on device\n"
    )


def test_a_cache_folder_that_is_a_file_is_a_warning_and_the_run_goes_on(tmp_path: Path) -> None:
    truncated_corpus(tmp_path / "c.jsonl", 2)
    (tmp_path / ".lintnews_cache").write_text("not a folder", encoding="utf-8")
    done = run(["check", "--isolated", "c.jsonl"], tmp_path)
    assert done.returncode == 1
    assert done.stdout.count(" T002 ") == 2
    assert done.stderr == (
        "lintnews: warning: .lintnews_cache: cannot use the result cache: it is a file, not a folder; "
        "linting without it\n"
    )
    assert (tmp_path / ".lintnews_cache").read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("stats", [False, True])
def test_a_run_that_stops_in_json_format_still_prints_valid_json(tmp_path: Path, stats: bool) -> None:
    truncated_corpus(tmp_path / "c.jsonl", 2)
    (tmp_path / "b.json").write_text("{", encoding="utf-8")
    args = ["check", "--isolated", "--no-cache", "--format", "json", "--baseline", "b.json", "c.jsonl"]
    done = run(args + (["--statistics"] if stats else []), tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("lintnews: error: b.json: not a lintnews baseline file")
    data = json.loads(done.stdout)
    assert data == ({"diagnostics": [], "documents": [], "statistics": None} if stats else [])


def test_a_json_report_cut_short_by_an_error_is_closed() -> None:
    out = io.StringIO()
    writer = StreamWriter("json", out)
    writer.write(Diagnostic("a.txt", None, 1, 1, 1, 2, "T002", "truncated-document", Severity.ERROR, "cut"))
    writer.abort()
    assert [d["code"] for d in json.loads(out.getvalue())] == ["T002"]


# --- the README's CI recipes do what they say ----------------------------------------------------


def test_the_nightly_quarantine_recipe_passes_with_an_unparsable_line(tmp_path: Path) -> None:
    clean = "Ferry Services Resume\n\nFerry services resumed on Monday after a two-week pause, the operator said.\n"
    lines = [
        json.dumps({"id": "good", "text": clean}),
        '{"id": "broken", ',
        json.dumps({"id": "cut", "text": TRUNCATED}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # the baseline of an earlier night (no findings of T001 in it)
    run(
        [
            "check",
            "--isolated",
            "--no-cache",
            "--write-baseline",
            "lintnews-baseline.json",
            "--select",
            "T001",
            "batch.jsonl",
        ],
        tmp_path,
    )
    assert (tmp_path / "lintnews-baseline.json").is_file()
    recipe = [
        "check",
        "--isolated",
        "--no-cache",
        "batch.jsonl",
        "--baseline",
        "lintnews-baseline.json",
        "--min-score",
        "80",
        "--accepted-output",
        "clean.jsonl",
        "--rejected-output",
        "quarantine.jsonl",
        "--statistics",
        "--exit-zero",
    ]
    done = run(recipe, tmp_path)
    assert done.returncode == 0, done.stderr  # the broken line is quarantined, not a failed night
    assert (
        done.stderr
        == "lintnews: error: batch.jsonl:2: not valid JSON: unexpected end of data: line 2 column 1 (char 18)\n"
    )
    assert (tmp_path / "clean.jsonl").read_text(encoding="utf-8") == lines[0] + "\n"
    assert (tmp_path / "quarantine.jsonl").read_text(encoding="utf-8") == lines[1] + "\n" + lines[2] + "\n"
    assert "Split: 1 records accepted, 2 rejected." in done.stdout
    # without --exit-zero the same night fails with 2, as before
    assert run(recipe[:-1], tmp_path).returncode == 2


def test_exit_zero_does_not_forgive_an_output_it_could_not_write(tmp_path: Path) -> None:
    truncated_corpus(tmp_path / "c.jsonl", 1)
    done = run(
        ["check", "--isolated", "--no-cache", "--exit-zero", "--write-baseline", "missing/b.json", "c.jsonl"],
        tmp_path,
    )
    assert done.returncode == 2


def test_fix_on_a_folder_holding_a_corpus_fixes_the_files_and_reports_the_corpus(articles: Path) -> None:
    done = run(["check", "--no-cache", "--fix", "fixtures"], articles)
    assert done.returncode == 1  # what is left (T001, T002, D001 pull-quote, N002) fails as in any check
    assert done.stderr == (
        "lintnews: warning: fixtures/corpus-harbour.jsonl: JSONL corpora are not rewritten in place: its findings "
        "are reported, not fixed (add --output-dir DIR for a cleaned copy)\n"
    )
    assert "fixtures/corpus-harbour.jsonl#harbour-2024-033:1:1: N002 " in done.stdout
    assert (articles / "fixtures/corpus-harbour.jsonl").read_bytes() == (
        FIXTURES / "corpus-harbour.jsonl"
    ).read_bytes()
    assert "Fixed 9 diagnostics." in done.stdout


def test_accepted_output_with_only_files_writes_nothing_and_says_why(articles: Path) -> None:
    done = run(
        [
            "check",
            "--no-cache",
            "--accepted-output",
            "ok.jsonl",
            "--rejected-output",
            "bad.jsonl",
            "fixtures/en-grain-corridor.html",
            "fixtures/de-brueckensperrung-site-chrome.md",
        ],
        articles,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "lintnews: error: ok.jsonl and bad.jsonl: not written: --accepted-output and --rejected-output copy JSONL "
        "records, and the 2 documents linted are files, not records\n"
    )
    assert not (articles / "ok.jsonl").exists() and not (articles / "bad.jsonl").exists()
    mixed = run(["check", "--no-cache", "--accepted-output", "ok.jsonl", "fixtures"], articles)
    assert (
        mixed.stderr == "lintnews: warning: 4 documents that are not JSONL records are in neither ok.jsonl\n"
    )
    assert len((articles / "ok.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_github_format_turns_input_errors_into_annotations(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_text('{"id": "a", \n', encoding="utf-8")
    done = run(["check", "--isolated", "--no-cache", "--format", "github", "c.jsonl", "gone.txt"], tmp_path)
    assert done.returncode == 2
    assert done.stdout.splitlines() == [
        "::error file=c.jsonl,line=1,title=lintnews%3A input error::c.jsonl:1: not valid JSON: "
        "unexpected end of data: line 2 column 1 (char 13)",
        "::error file=gone.txt,title=lintnews%3A input error::gone.txt: no such file or directory",
    ]


def test_the_ci_recipes_install_lintnews_from_somewhere_that_has_it() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    recipes = re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL)
    assert len(recipes) >= 2
    installs = []
    for recipe in recipes:
        yaml.safe_load(recipe)  # each recipe is valid YAML
        installs += re.findall(r"pip install [^\n]*lintnews[^\n]*", recipe)
    assert installs
    for line in installs:  # not `pip install lintnews`: no index has it
        assert re.search(r"lintnews @ git\+https://|\.whl", line), line


class _Writes(io.StringIO):
    """A stream that counts its ``write`` calls (each is a system call on an unbuffered stdout)."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def write(self, s: str) -> int:
        self.calls.append(s)
        return super().write(s)


@pytest.mark.parametrize("fmt", ["text", "jsonl", "json"])
def test_a_run_writes_each_documents_diagnostics_at_once(tmp_path: Path, fmt: str) -> None:
    """The report of a run is written one document at a time (one write for all of a document's
    diagnostics, right after its analysis), not one diagnostic at a time, with the same text."""
    from lintnews.config import Settings
    from lintnews.reporters.base import Report
    from lintnews.run import CheckOptions, CheckRun

    # F001 four times and T002: five findings a record
    noisy = (
        "Ferry services resumed on Monday ,after a pause.The operator said so.Officials agreed,too.Also here"
    )
    clean = "Ferry Services Resume\n\nFerry services resumed on Monday after a two-week pause, the operator said.\n"
    records = [{"id": f"r{i}", "text": noisy if i != 2 else clean} for i in range(4)]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    settings = Settings(output_format=fmt)

    def report(sink_of: Any) -> tuple[str, list[str], list[str | None]]:
        out = _Writes()
        writer = StreamWriter(fmt, out)
        seen: list[str | None] = []

        def sink(d: Diagnostic) -> None:
            seen.append(d.record)
            sink_of(writer)(d)

        run_ = CheckRun(settings, CheckOptions(corpus=False), sink=sink, flush=writer.flush)
        result = run_.run([str(corpus)])
        before_close = list(out.calls)
        writer.close(Report([], [], result.documents, tally=result.tally))
        return out.getvalue(), before_close, seen

    text, writes, seen = report(lambda w: w.write)
    counts = {r: seen.count(r) for r in ("r0", "r1", "r2", "r3")}
    assert counts == {"r0": 5, "r1": 5, "r2": 0, "r3": 5}
    # one write per document with findings, holding all of its diagnostics
    assert len(writes) == 3
    # the same text as one write per diagnostic
    one_by_one, single_writes, _ = report(lambda w: lambda d: (w.write(d), w.flush()))
    assert text == one_by_one and len(single_writes) == len(seen) == 15
