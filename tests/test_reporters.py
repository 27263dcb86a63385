"""The machine-readable formats: SARIF against the official 2.1.0 schema, JUnit XML, GitLab Code
Quality, GitHub annotations, JSON Lines, and the human ``text``/``full`` formats.

Reports come from real runs of the CLI (click's CliRunner, in a temporary working directory) and,
for edge cases no first rule produces, from `Diagnostic`s built by hand.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from lintnews.cli import main
from lintnews.diagnostics import Diagnostic, Fix, Location, Severity
from lintnews.registry import all_rules
from lintnews.reporters.base import REPORTERS, Report
from lintnews.reporters.junit import xml_safe
from lintnews.reporters.sarif import artifact_uri, sarif_log
from lintnews.sources import InputError

DATA = Path(__file__).parent / "data"
SCHEMAS = ["sarif-schema-2.1.0.json", "sarif-2.1.0-rtm.5.json"]

DUPLICATE = """\
Harbour Council Approves Sea Wall Repairs

The harbour council voted on Tuesday to spend four million pounds on repairs to the old sea wall.

Work is due to start in March and should take about eighteen months, the council's engineer said.

The harbour council voted on Tuesday to spend four million pounds on repairs to the old sea wall.

Local traders said they welcomed the decision but worried about access to the pier during the works.
"""

TRUNCATED = """\
# Rail Strike Called Off After Late Talks

Union leaders called off Friday's rail strike after talks with the operator ran late into the night.

Passengers had been warned to expect severe disruption on every line into the city, and the
"""

HEADINGS = """\
Storm Brings Flooding to Coastal Towns

Heavy rain caused flooding in several coastal towns overnight, and roads were closed near the river.

STORM BRINGS FLOODING TO COASTAL TOWNS

Emergency crews worked through the night to pump water out of homes and shops on the seafront.
"""

CLEAN = """\
Library Reopens After Renovation

The central library reopened on Saturday after a two-year renovation that added a new reading room.
"""

PAGE = """\
<!doctype html>
<html><head><title>Ferry Service Resumes</title></head>
<body>
<article>
<h1>Ferry Service Resumes After Storm</h1>
<p>The island ferry resumed its normal timetable on Sunday after three days of cancellations.</p>
<p>Operators said the first crossing left on time and carried more than two hundred passengers.</p>
<p>The island ferry resumed its normal timetable on Sunday after three days of cancellations.</p>
</article>
</body></html>
"""

FEED = "".join(
    json.dumps(record) + "\n"
    for record in [
        {"id": "a1", "text": DUPLICATE},
        {"text": TRUNCATED},
        {"id": "c3", "text": CLEAN},
    ]
)

#: Only the first rules, so rules added later cannot change what these tests see.
FIRST = ["--select", "D001,D002,T001,T002"]


def invoke(args: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(main, args, input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    files: dict[str, str | bytes] = {
        "dup.txt": DUPLICATE,
        "cut.md": TRUNCATED,
        "news/2024/heads.txt": HEADINGS,
        "with space/ünïcode #1.txt": DUPLICATE,
        "page.html": PAGE,
        "feed.jsonl": FEED,
        "clean.txt": CLEAN,
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8,
    }
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


INPUTS = ["dup.txt", "cut.md", "news", "with space", "page.html", "feed.jsonl", "clean.txt"]


def run_format(fmt: str, *paths: str) -> tuple[int, str]:
    code, out, _ = invoke(["check", *FIRST, "--format", fmt, *(paths or INPUTS)])
    return code, out


def find(items: list[dict[str, Any]], **where: Any) -> dict[str, Any]:
    matches = [i for i in items if all(i.get(k) == v for k, v in where.items())]
    assert len(matches) == 1, (where, items)
    return matches[0]


# --- SARIF ------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=SCHEMAS)
def sarif_validator(request: pytest.FixtureRequest) -> jsonschema.protocols.Validator:
    schema = json.loads((DATA / request.param).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    assert cls is jsonschema.Draft4Validator  # both files declare draft-04
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid(validator: jsonschema.protocols.Validator, log: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])


def test_vendored_schemas_are_the_published_files() -> None:
    official = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert (
        official["id"]
        == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )
    assert official["properties"]["version"]["enum"] == ["2.1.0"]
    rtm5 = json.loads((DATA / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    assert rtm5["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0-rtm.5 JSON Schema"


def test_schema_rejects_an_invalid_log(sarif_validator: jsonschema.protocols.Validator) -> None:
    """The validation below can fail: a result without a message is not SARIF."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "D001"}]}]}
    assert list(sarif_validator.iter_errors(bad))


def test_sarif_of_a_mixed_run_is_valid(corpus: Path, sarif_validator: jsonschema.protocols.Validator) -> None:
    code, out = run_format("sarif", *INPUTS, "photo.txt", "missing.md")
    assert code == 2
    log = json.loads(out)
    assert_valid(sarif_validator, log)
    assert log["version"] == "2.1.0" and log["$schema"]
    assert len(log["runs"]) == 1 and len(log["runs"][0]["results"]) == 7


def test_sarif_of_a_clean_run_is_valid(corpus: Path, sarif_validator: jsonschema.protocols.Validator) -> None:
    code, out = run_format("sarif", "clean.txt")
    assert code == 0
    log = json.loads(out)
    assert_valid(sarif_validator, log)
    run = log["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_sarif_from_stdin_is_valid(corpus: Path, sarif_validator: jsonschema.protocols.Validator) -> None:
    for name in ("-", "incoming/story.txt"):
        code, out, _ = invoke(
            ["check", *FIRST, "--format", "sarif", "-", "--stdin-filename", name], DUPLICATE
        )
        assert code == 1
        log = json.loads(out)
        assert_valid(sarif_validator, log)
        uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == ("-" if name == "-" else "incoming/story.txt")


def test_sarif_driver_and_rule_metadata(corpus: Path) -> None:
    _, out = run_format("sarif")
    run = json.loads(out)["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "lintnews" and re.fullmatch(r"\d+\.\d+\.\d+.*", driver["version"])
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["D001", "D002", "T002"]  # every rule that reported, once
    registry = all_rules()
    for r in rules:
        rule = registry[r["id"]]
        assert r["name"] == rule.name
        assert r["shortDescription"]["text"] == rule.summary
        assert r["help"]["text"] == rule.doc and r["help"]["markdown"] == rule.doc
        assert r["help"]["markdown"].startswith("## What it does")
        assert r["fullDescription"]["text"] and "## " not in r["fullDescription"]["text"]
        assert r["defaultConfiguration"]["level"] == "error"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_levels_follow_effective_severity(corpus: Path) -> None:
    (corpus / "lintnews.toml").write_text('[severity]\nD001 = "warning"\nT002 = "info"\n', encoding="utf-8")
    _, out = run_format("sarif", "dup.txt", "cut.md", "news")
    run = json.loads(out)["runs"][0]
    assert {r["ruleId"]: r["level"] for r in run["results"]} == {
        "D001": "warning",
        "T002": "note",
        "D002": "error",
    }
    # defaultConfiguration keeps the rule's own default
    assert {r["id"]: r["defaultConfiguration"]["level"] for r in run["tool"]["driver"]["rules"]} == {
        "D001": "error",
        "D002": "error",
        "T002": "error",
    }


def test_sarif_locations_plain_files(corpus: Path) -> None:
    _, out = run_format("sarif")
    results = json.loads(out)["runs"][0]["results"]
    by_uri = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r
        for r in results
        if r["ruleId"] != "T002"
    }
    assert set(by_uri) >= {
        "dup.txt",
        "news/2024/heads.txt",
        "with%20space/%C3%BCn%C3%AFcode%20%231.txt",
        "page.html",
    }
    dup = by_uri["dup.txt"]
    location = dup["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    line = DUPLICATE.splitlines()[6]
    assert {k: v for k, v in location["region"].items() if k != "snippet"} == {
        "startLine": 7,
        "startColumn": 1,
        "endLine": 7,
        "endColumn": len(line) + 1,
    }
    assert location["region"]["snippet"]["text"] == line
    assert dup["level"] == "error" and dup["message"]["text"] == "Paragraph repeats line 3"
    related = dup["relatedLocations"]
    assert len(related) == 1
    assert related[0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 1}
    assert related[0]["physicalLocation"]["artifactLocation"]["uri"] == "dup.txt"
    page = by_uri["page.html"]["locations"][0]["physicalLocation"]["region"]
    assert (page["startLine"], page["startColumn"]) == (8, 4)  # in the markup, after "<p>"
    assert "snippet" not in page  # the visible text is not the markup at that region
    assert by_uri["page.html"]["properties"]["text"].startswith("The island ferry resumed")


def test_sarif_jsonl_records(corpus: Path) -> None:
    _, out = run_format("sarif", "feed.jsonl")
    results = json.loads(out)["runs"][0]["results"]
    assert len(results) == 2
    dup, cut = results
    region = dup["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["endLine"]) == (1, 1)  # the record's line in the file
    assert "startColumn" not in region and "snippet" not in region
    assert dup["properties"]["text"] == DUPLICATE.splitlines()[6]
    assert dup["properties"]["record"] == "a1"
    assert (dup["properties"]["recordLine"], dup["properties"]["recordColumn"]) == (7, 1)
    assert dup["locations"][0]["logicalLocations"] == [
        {"name": "a1", "fullyQualifiedName": "feed.jsonl#a1", "kind": "object"}
    ]
    assert "record a1" in dup["message"]["text"]
    rel = dup["relatedLocations"][0]
    assert rel["physicalLocation"]["region"] == {"startLine": 1}
    assert rel["properties"] == {"record": "a1", "recordLine": 3, "recordColumn": 1}
    assert cut["properties"]["record"] == "2"  # no id: named by its line
    assert cut["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert "fixes" not in dup  # record text offsets are not file positions
    assert dup["properties"]["fix"]["safe"] is True


def test_sarif_input_errors_are_notifications(corpus: Path) -> None:
    _, out = run_format("sarif", "dup.txt", "photo.txt", "missing.md")
    invocation = json.loads(out)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes] == [
        "photo.txt",
        "missing.md",
    ]
    assert all(n["level"] == "error" for n in notes)
    assert "missing.md" in notes[1]["message"]["text"]


def fingerprints_of(out: str) -> dict[tuple[str, str], str]:
    results = json.loads(out)["runs"][0]["results"]
    return {
        (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]): r[
            "partialFingerprints"
        ]["lintnews/v1"]
        for r in results
    }


def test_sarif_fingerprints_are_stable_and_ignore_line_numbers(corpus: Path) -> None:
    first = fingerprints_of(run_format("sarif")[1])
    assert fingerprints_of(run_format("sarif")[1]) == first
    assert len(set(first.values())) == len(first)
    # Text added above the finding moves it down but keeps its fingerprint.
    (corpus / "dup.txt").write_text(
        "Update: this story was corrected on Wednesday.\n\n" + DUPLICATE, encoding="utf-8"
    )
    moved = fingerprints_of(run_format("sarif")[1])
    assert moved[("dup.txt", "D001")] == first[("dup.txt", "D001")]
    # The same finding in another file is another finding.
    assert first[("dup.txt", "D001")] != first[("with%20space/%C3%BCn%C3%AFcode%20%231.txt", "D001")]


def test_sarif_repeated_identical_findings_get_distinct_fingerprints(corpus: Path) -> None:
    text = (
        DUPLICATE
        + "\nThe harbour council voted on Tuesday to spend four million pounds on repairs to the old sea wall.\n"
    )
    (corpus / "dup.txt").write_text(text, encoding="utf-8")
    results = json.loads(run_format("sarif", "dup.txt")[1])["runs"][0]["results"]
    prints = [r["partialFingerprints"]["lintnews/v1"] for r in results if r["ruleId"] == "D001"]
    assert len(prints) == 2 and prints[0] != prints[1]
    assert prints[0].split(":")[0] == prints[1].split(":")[0]


def apply_sarif_fix(text: str, result: dict[str, Any]) -> str:
    """Apply a SARIF result's fix to ``text`` (lines and exclusive end columns, any line ending)."""
    pieces = re.split(r"(\r\n|\r|\n)", text)
    lines = ["".join(pieces[i : i + 2]) for i in range(0, len(pieces), 2)]
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    (change,) = result["fixes"][0]["artifactChanges"]
    for replacement in sorted(
        change["replacements"],
        key=lambda r: (r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"]),
        reverse=True,
    ):
        region = replacement["deletedRegion"]
        begin = offset(region["startLine"], region["startColumn"])
        end = offset(region["endLine"], region["endColumn"])
        text = text[:begin] + replacement.get("insertedContent", {}).get("text", "") + text[end:]
    return text


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_sarif_fix_regions_match_lintnews_fix(corpus: Path, newline: str) -> None:
    original = DUPLICATE.replace("\n", newline)
    (corpus / "dup.txt").write_bytes(original.encode("utf-8"))
    (corpus / "copy.txt").write_bytes(original.encode("utf-8"))
    _, out = run_format("sarif", "dup.txt")
    (result,) = json.loads(out)["runs"][0]["results"]
    assert result["fixes"][0]["description"]["text"].startswith(result["properties"]["fix"]["title"])
    assert result["fixes"][0]["artifactChanges"][0]["artifactLocation"]["uri"] == "dup.txt"
    via_sarif = apply_sarif_fix(original, result)
    assert via_sarif.count("spend four million pounds") == 1
    assert via_sarif.replace("\r\n", "\n").count("\n\n\n") == 0
    invoke(["check", "--select", "D001", "--fix", "copy.txt"])
    assert via_sarif.encode("utf-8") == (corpus / "copy.txt").read_bytes()


def hand_report() -> Report:
    """Diagnostics no first rule produces: other severities, a related location in another
    record, an unknown rule, an absolute path outside the working directory."""
    return Report(
        [
            Diagnostic(
                "feed.jsonl",
                "r9",
                2,
                5,
                3,
                1,
                "D001",
                "duplicate-paragraph",
                Severity.WARNING,
                "Paragraph repeats another record",
                Fix("Remove it", (), safe=False),
                [Location("feed.jsonl", "r1", 4, 1), Location("other.jsonl", None, 3, 2)],
                record_line=12,
                snippet="A paragraph\nover two lines",
            ),
            Diagnostic(
                "/elsewhere/a b.txt",
                None,
                1,
                1,
                1,
                2,
                "X123",
                "from-a-plugin",
                Severity.INFO,
                "Something informative",
            ),
        ],
        [
            InputError("feed.jsonl", "not valid JSON: unexpected character", record=None, line=7),
            InputError("feed.jsonl", "record has no `text` field", record="r5", line=9),
        ],
        documents=3,
    )


def test_sarif_hand_built_edge_cases_are_valid(
    sarif_validator: jsonschema.protocols.Validator, tmp_path: Path
) -> None:
    log = sarif_log(hand_report(), cwd=str(tmp_path))
    assert_valid(sarif_validator, log)
    run = log["runs"][0]
    first, second = run["results"]
    assert first["level"] == "warning" and second["level"] == "note"
    other_record, other_file = first["relatedLocations"]
    assert "region" not in other_record["physicalLocation"]  # its line in the file is unknown
    assert other_record["logicalLocations"][0]["name"] == "r1"
    assert other_record["properties"] == {"record": "r1", "recordLine": 4, "recordColumn": 1}
    assert other_file["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 2}
    assert first["locations"][0]["physicalLocation"]["region"]["startLine"] == 12
    assert second["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "file:///elsewhere/a%20b.txt"
    }
    assert run["tool"]["driver"]["rules"][second["ruleIndex"]] == {"id": "X123", "name": "from-a-plugin"}
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 7}
    assert notes[1]["locations"][0]["logicalLocations"][0]["name"] == "r5"


def test_artifact_uri(tmp_path: Path) -> None:
    cwd = str(tmp_path)
    assert artifact_uri(str(tmp_path / "a" / "b c.txt"), cwd) == ("a/b%20c.txt", True)
    assert artifact_uri("-", cwd) == ("-", True)
    uri, relative = artifact_uri(str(tmp_path.parent / "x.txt"), cwd)
    assert not relative and uri.startswith("file:///") and uri.endswith("/x.txt")


# --- JUnit ------------------------------------------------------------------------------------


def test_junit_shape(corpus: Path) -> None:
    code, out = run_format("junit", *INPUTS, "missing.md")
    assert code == 2
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {
        "dup.txt",
        "cut.md",
        "news/2024/heads.txt",
        "with space/ünïcode #1.txt",
        "page.html",
        "feed.jsonl#a1",
        "feed.jsonl#2",
        "lintnews input errors",
    }
    dup = suites["dup.txt"]
    assert (dup.get("tests"), dup.get("failures")) == ("1", "1")
    (case,) = dup.findall("testcase")
    assert case.get("name").startswith("D001 duplicate-paragraph")
    assert case.get("file") == "dup.txt" and case.get("line") == "7"
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "D001"
    assert failure.get("message") == "Paragraph repeats line 3"
    assert failure.text.startswith("dup.txt:7:1: D001 Paragraph repeats line 3")
    assert suites["feed.jsonl#a1"].find("testcase").get("line") == "1"  # the record's line
    errors = suites["lintnews input errors"]
    assert errors.get("errors") == "1" and "missing.md" in errors.find("testcase/error").text
    total = sum(int(s.get("failures")) for s in root.findall("testsuite"))
    assert total == int(root.get("failures")) == 7
    assert root.get("errors") == "1"


def test_junit_survives_control_characters(corpus: Path) -> None:
    dirty = DUPLICATE.replace("four million", "four\x08 million\x1b[0m\x0c\x7f")
    (corpus / "dirty.txt").write_text(dirty, encoding="utf-8")
    code, out = run_format("junit", "dirty.txt")
    assert code == 1
    root = ET.fromstring(out.encode("utf-8"))
    text = root.find("testsuite/testcase/failure").text
    assert "four\\u0008 million\\u001b[0m\\u000c\x7f" in text


def test_junit_hand_built_report_is_well_formed() -> None:
    report = hand_report()
    report.diagnostics[0].message = "bad \x00 byte, \ud800 surrogate, \ufffe noncharacter & <tag>"
    out = io.StringIO()
    REPORTERS["junit"](report, out, False)
    root = ET.fromstring(out.getvalue().encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == "bad \\u0000 byte, \\ud800 surrogate, \\ufffe noncharacter & <tag>"
    assert root.find("testsuite").get("name") == "feed.jsonl#r9"
    assert len(root.findall("testsuite[@name='lintnews input errors']/testcase")) == 2


def test_xml_safe() -> None:
    assert xml_safe("tab\tnew\nline\rok") == "tab\tnew\nline\rok"
    assert xml_safe("a\x01b\x1fc") == "a\\u0001b\\u001fc"
    assert xml_safe("emoji 🗞 and é") == "emoji 🗞 and é"


# --- GitLab Code Quality ----------------------------------------------------------------------


def test_gitlab_shape(corpus: Path) -> None:
    code, out = run_format("gitlab")
    assert code == 1
    issues = json.loads(out)
    assert isinstance(issues, list) and len(issues) == 7
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert isinstance(issue["description"], str) and issue["description"].startswith(issue["check_name"])
        assert re.fullmatch(r"[A-Z]\d{3}", issue["check_name"])
        assert re.fullmatch(r"[0-9a-f]{32}", issue["fingerprint"])
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert set(issue["location"]) == {"path", "lines"}
        lines = issue["location"]["lines"]
        assert isinstance(lines["begin"], int) and 1 <= lines["begin"] <= lines["end"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    dup = find(issues, check_name="D001", location={"path": "dup.txt", "lines": {"begin": 7, "end": 7}})
    assert dup["severity"] == "major"
    assert find(issues, check_name="D002")["location"]["path"] == "news/2024/heads.txt"
    record = find(issues, check_name="D001", location={"path": "feed.jsonl", "lines": {"begin": 1, "end": 1}})
    assert "record a1" in record["description"]


def test_gitlab_severity_mapping_and_stable_fingerprints(corpus: Path) -> None:
    (corpus / "lintnews.toml").write_text('[severity]\nD001 = "warning"\nT002 = "info"\n', encoding="utf-8")
    issues = json.loads(run_format("gitlab", "dup.txt", "cut.md")[1])
    assert {i["check_name"]: i["severity"] for i in issues} == {"D001": "minor", "T002": "info"}
    again = json.loads(run_format("gitlab", "dup.txt", "cut.md")[1])
    assert [i["fingerprint"] for i in issues] == [i["fingerprint"] for i in again]


# --- GitHub annotations -----------------------------------------------------------------------

ANNOTATION = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+)"
    r"(?:,endLine=(?P<end>\d+),col=(?P<col>\d+))?,title=(?P<title>[^:,]+)::(?P<message>.+)$"
)


def test_github_annotations(corpus: Path) -> None:
    code, out = run_format("github")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 7
    matches = [ANNOTATION.match(line) for line in lines]
    assert all(matches), lines
    dup = next(m for m in matches if m["file"] == "dup.txt")
    assert (dup["level"], dup["line"], dup["end"], dup["col"]) == ("error", "7", "7", "1")
    assert dup["title"] == "D001 duplicate-paragraph"
    assert dup["message"] == "D001 Paragraph repeats line 3"
    record = next(m for m in matches if m["file"] == "feed.jsonl" and "D001" in m["title"])
    assert record["line"] == "1" and record["col"] is None and "(record a1)" in record["message"]


def test_github_escapes_properties_and_data() -> None:
    d = Diagnostic(
        "news, today: 1.txt",
        None,
        2,
        3,
        2,
        9,
        "T002",
        "truncated-document",
        Severity.WARNING,
        "100% sure\nsecond line",
    )
    out = io.StringIO()
    REPORTERS["github"](Report([d]), out, False)
    assert out.getvalue() == (
        "::warning file=news%2C today%3A 1.txt,line=2,endLine=2,col=3,title=T002 truncated-document"
        "::T002 100%25 sure%0Asecond line\n"
    )


# --- JSON, JSON Lines, text, full -------------------------------------------------------------


def test_jsonl_is_one_object_per_line_matching_json(corpus: Path) -> None:
    _, as_json = run_format("json")
    _, as_jsonl = run_format("jsonl")
    rows = [json.loads(line) for line in as_jsonl.splitlines()]
    assert all(isinstance(r, dict) for r in rows)
    assert rows == json.loads(as_json)
    assert len(rows) == 7 and as_jsonl.endswith("\n")


def test_empty_reports_are_well_formed(corpus: Path) -> None:
    assert run_format("jsonl", "clean.txt") == (0, "")
    assert run_format("github", "clean.txt") == (0, "")
    assert json.loads(run_format("gitlab", "clean.txt")[1]) == []
    root = ET.fromstring(run_format("junit", "clean.txt")[1].encode("utf-8"))
    assert root.tag == "testsuites" and root.get("tests") == "0" and root.findall("testsuite") == []


def test_text_format_lines(corpus: Path) -> None:
    _, out = run_format("text")
    lines = out.splitlines()
    assert "dup.txt:7:1: D001 [*] Paragraph repeats line 3" in lines
    assert "feed.jsonl#a1:7:1: D001 [*] Paragraph repeats line 3" in lines
    assert any(line.startswith("feed.jsonl#2:5:") and " T002 " in line for line in lines)
    assert "Found 7 diagnostics (7 error) in 7 of 9 documents." in lines


def test_full_format_shows_source_related_and_fix(corpus: Path) -> None:
    _, out = run_format("full", "dup.txt")
    assert "dup.txt:7:1: D001 [*] Paragraph repeats line 3" in out
    assert "  7 | The harbour council voted on Tuesday" in out
    assert "= related: dup.txt:3:1" in out
    assert "= fix (safe): Remove the repeated paragraph" in out


def test_every_advertised_format_has_a_reporter() -> None:
    from lintnews.config import OUTPUT_FORMATS
    from lintnews.reporters import reporter_for

    for fmt in OUTPUT_FORMATS:
        assert reporter_for(fmt) is REPORTERS[fmt]
    with pytest.raises(KeyError):
        reporter_for("yaml")


def test_printable_text_is_returned_as_it_is_and_everything_else_escaped() -> None:
    from lintnews.reporters.base import _UNPRINTABLE, printable

    # `printable` returns what `str.isprintable` accepts without its pattern: that must never
    # let through a character the pattern escapes.
    escaped = [c for c in map(chr, range(0x110000)) if _UNPRINTABLE.match(c)]
    assert len(escaped) > 2000 and not any(c.isprintable() for c in escaped)
    assert printable("Read more » Café — 東京") == "Read more » Café — 東京"
    assert printable("tab\tkept, line\nbreak, \x1b[31m, \u202etxt.exe, \udce9") == (
        "tab\tkept, line\\nbreak, \\x1b[31m, \\u202etxt.exe, \\xe9"
    )
