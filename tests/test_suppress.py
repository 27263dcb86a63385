"""Suppressions: inline comments (Markdown, HTML), the JSONL record field, E901 and E902.

Only the D, T and E9 rules are selected, so these tests do not depend on the other rule families.
Every case lists the exact (code, source line) pairs the document must produce.
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from lintnews.cli import main
from lintnews.config import ConfigError, Settings, build_settings, validate
from lintnews.diagnostics import Diagnostic
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.selection import check_selectors
from lintnews.sources import html_document, record_document

SELECT = ["D", "T", "E901", "E902"]

# Paragraphs of a made-up local news story.
P = "The harbour authority said the new ferry terminal would open to passengers in the spring."
Q = "Officials expect about four thousand travellers a day once the full timetable is running."
R = "A spokesperson for the operator declined to comment on the cost of the delayed works."
CUT = "Work on the second pier has been held up by the winter storms and"  # T001 when not last
H = "# Ferry terminal to open in spring"


def md(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def lint(doc: Document, settings: Settings) -> list[Diagnostic]:
    return Linter(settings).lint(doc).diagnostics


def pairs(diags: list[Diagnostic]) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in diags]


def lint_md(text: str, **options: Any) -> list[Diagnostic]:
    settings = Settings(select=list(options.pop("select", SELECT)), **options)
    return lint(Document(path="story.md", text=text, kind="markdown"), settings)


# --- Markdown --------------------------------------------------------------------------------

MARKDOWN: list[tuple[str, str, dict[str, Any], list[tuple[str, int]]]] = [
    # (name, text, settings, expected (code, line) pairs)
    ("no suppression: the repeat is reported", md(H, "", P, "", Q, "", P), {}, [("D001", 7)]),
    (
        "disable-next-line",
        md(H, "", P, "", Q, "", "<!-- lintnews: disable-next-line=D001 -->", P),
        {},
        [],
    ),
    (
        "disable-next-line skips blank lines",
        md(H, "", P, "", Q, "", "<!-- lintnews: disable-next-line=D001 -->", "", P),
        {},
        [],
    ),
    (
        "disable-next-line covers only the next line",
        md(H, "", P, "<!-- lintnews: disable-next-line=D001 -->", Q, P),
        {},
        [("E901", 4), ("D001", 6)],
    ),
    (
        "disable-next-line by rule name",
        md(H, "", P, "", Q, "", "<!-- lintnews: disable-next-line=duplicate-paragraph -->", P),
        {},
        [],
    ),
    (
        "disable-next-line by prefix",
        md(H, "", P, "", Q, "", "<!-- lintnews: disable-next-line=D0 -->", P),
        {},
        [],
    ),
    (
        "stacked comments: both cover the line and both are used",
        md(
            H,
            "",
            P,
            "",
            Q,
            "",
            "<!-- lintnews: disable-next-line=duplicate-paragraph -->",
            "<!-- lintnews: disable-next-line=D001 -->",
            P,
        ),
        {},
        [],
    ),
    (
        "stacked comments: the one for another rule is unused",
        md(
            H,
            "",
            P,
            "",
            Q,
            "",
            "<!-- lintnews: disable-next-line=D001 -->",
            "<!-- lintnews: disable-next-line=T001 -->",
            P,
        ),
        {},
        [("E901", 8)],
    ),
    (
        "a reason after ' -- '",
        md(
            H, "", P, "", Q, "", "<!-- lintnews: disable-next-line=D001 -- pull quote repeats the lede -->", P
        ),
        {},
        [],
    ),
    (
        "region disable=D001 ... enable",
        md(H, "", P, "<!-- lintnews: disable=D001 -->", P, Q, "<!-- lintnews: enable -->", P, Q),
        {},
        [("D001", 8), ("D001", 9)],
    ),
    (
        "region by prefix D",
        md(H, "", P, "<!-- lintnews: disable=D -->", P, H, "<!-- lintnews: enable -->", Q),
        {},
        [],
    ),
    (
        "disable with no list silences every rule until enable",
        md(H, "", P, "<!-- lintnews: disable -->", P, CUT, "<!-- lintnews: enable -->", Q, P, R),
        {},
        [("D001", 9)],
    ),
    (
        "ALL works like a list-less disable",
        md(H, "", P, "<!-- lintnews: disable=ALL -->", P, CUT, R),
        {},
        [],
    ),
    (
        "region without enable lasts to the end",
        md(H, "", P, "", "<!-- lintnews: disable=D001,T001 -->", P, "", CUT, "", R, "", P),
        {},
        [],
    ),
    (
        "enable=D001 re-enables only D001",
        md(H, "", P, "<!-- lintnews: disable=D001,T001 -->", P, "<!-- lintnews: enable=D001 -->", CUT, R, P),
        {},
        [("D001", 9)],
    ),
    (
        "enable=D001 inside a list-less disable re-enables only D001",
        md(H, "", P, "<!-- lintnews: disable -->", CUT, "<!-- lintnews: enable=D001 -->", P, CUT, R),
        {},
        [("D001", 7)],
    ),
    (
        "enable=D re-enables a region opened for D001",
        md(H, "", P, "<!-- lintnews: disable=D001 -->", P, "<!-- lintnews: enable=D -->", P),
        {},
        [("D001", 7)],
    ),
    (
        "overlapping regions are both credited",
        md(H, "", P, "<!-- lintnews: disable=D001 -->", "<!-- lintnews: disable=D -->", P),
        {},
        [],
    ),
    (
        "T001 suppressed on the line the rule reports",
        md(H, "", "<!-- lintnews: disable-next-line=T001 -->", CUT, R),
        {},
        [],
    ),
    (
        "comments inside fenced code are examples, not directives",
        md(H, "", P, "", "```html", "<!-- lintnews: disable=D001 -->", "```", "", P),
        {},
        [("D001", 9)],
    ),
    (
        "a comment after a ~~~ inside a ``` fence is still in code",
        md(H, "", P, "", "```html", "~~~", "<!-- lintnews: disable=D001 -->", "```", "", P),
        {},
        [("D001", 10)],
    ),
    (
        "html2text's struck-out links (~~~~__) open no fence: a comment between two acts",
        md(
            H,
            "",
            P,
            "",
            "~~~~__",
            "",
            "<!-- lintnews: disable-next-line=B025 -->",
            "Print",
            "",
            "~~~~__",
            "",
            Q,
        ),
        {"select": ["B025", "E901", "E902"]},
        [],
    ),
    (
        "comments inside inline code are examples, not directives",
        md(H, "", P, "", "Write `<!-- lintnews: disable-next-line=D001 -->` above a line.", P),
        {},
        [("D001", 6)],
    ),
    (
        "other comments are ignored",
        md(
            H,
            "",
            P,
            "",
            "<!-- lintnews is run nightly on this folder -->",
            "<!-- editor: disable=D001 -->",
            P,
        ),
        {},
        [("D001", 7)],
    ),
]


@pytest.mark.parametrize("text, options, expected", [c[1:] for c in MARKDOWN], ids=[c[0] for c in MARKDOWN])
def test_markdown(text: str, options: dict[str, Any], expected: list[tuple[str, int]]) -> None:
    assert pairs(lint_md(text, **options)) == expected


# --- E901 unused / unknown / unreadable ------------------------------------------------------

UNUSED: list[tuple[str, str, dict[str, Any], list[tuple[str, int, str]]]] = [
    # (name, text, settings, expected (code, line, message) triples)
    (
        "disable-next-line above a line without the finding",
        md(H, "", P, "", "<!-- lintnews: disable-next-line=D001 -->", Q),
        {},
        [("E901", 5, "Unused suppression (unused: `D001`)")],
    ),
    (
        "disable-next-line at the end of the document",
        md(H, "", P, "", "<!-- lintnews: disable-next-line=D001 -->"),
        {},
        [("E901", 5, "Unused suppression (unused: `D001`)")],
    ),
    (
        "only the unused code of a comment is named",
        md(H, "", P, "", "<!-- lintnews: disable-next-line=D001,T002 -->", P),
        {},
        [("E901", 5, "Unused suppression (unused: `T002`)")],
    ),
    (
        "region that suppresses nothing",
        md(H, "", P, "<!-- lintnews: disable=T001 -->", Q, "<!-- lintnews: enable -->", R),
        {},
        [("E901", 4, "Unused suppression (unused: `T001`)")],
    ),
    (
        "list-less disable that suppresses nothing",
        md(H, "", P, "<!-- lintnews: disable -->", Q, "<!-- lintnews: enable -->"),
        {},
        [("E901", 4, "Unused suppression (`disable` suppressed nothing)")],
    ),
    (
        "unknown code, the rest used",
        md(H, "", P, "", "<!-- lintnews: disable-next-line=D001,Z999 -->", P),
        {},
        [("E901", 5, "Unused suppression (unknown code: `Z999`)")],
    ),
    (
        "unknown rule name and unused code together",
        md(H, "", P, "", "<!-- lintnews: disable-next-line=T001, repeated-paragraph -->", Q),
        {},
        [("E901", 5, "Unused suppression (unused: `T001`; unknown code: `repeated-paragraph`)")],
    ),
    (
        "unknown code in enable",
        md(H, "", P, "<!-- lintnews: disable=D001 -->", P, "<!-- lintnews: enable=Z999 -->", Q),
        {},
        [("E901", 6, "Unused suppression (unknown code: `Z999`)")],
    ),
    (
        "misspelt directive is reported and not applied",
        md(H, "", P, "", "<!-- lintnews: disabel-next-line=D001 -->", P),
        {},
        [
            (
                "E901",
                5,
                (
                    "Unrecognised suppression (unknown directive `disabel-next-line`; expected `disable`, "
                    "`enable` or `disable-next-line`); it suppresses nothing"
                ),
            ),
            ("D001", 6, "Paragraph repeats line 3"),
        ],
    ),
    (
        "empty code list is reported and not applied",
        md(H, "", P, "<!-- lintnews: disable= -->", P),
        {},
        [
            ("E901", 4, "Unrecognised suppression (`disable=` without codes); it suppresses nothing"),
            ("D001", 5, "Paragraph repeats line 3"),
        ],
    ),
    (
        "E901 itself cannot be suppressed",
        md(H, "", P, "<!-- lintnews: disable=E901 -->", "<!-- lintnews: disable-next-line=T001 -->", Q),
        {},
        [
            ("E901", 4, "Unused suppression (cannot be suppressed: `E901`)"),
            ("E901", 5, "Unused suppression (unused: `T001`)"),
        ],
    ),
    (
        "a list-less region does not hide E901",
        md(H, "", P, "<!-- lintnews: disable -->", P, "<!-- lintnews: disable-next-line=T001 -->", Q),
        {},
        [("E901", 6, "Unused suppression (unused: `T001`)")],
    ),
    (
        "a code of a rule that is not selected is not reported",
        md(H, "", P, "", "<!-- lintnews: disable-next-line=D001,T001 -->", P),
        {"select": ["D", "E901"]},
        [],
    ),
    (
        "a code of a rule ignored for this run is not reported",
        md(H, "", P, "", "<!-- lintnews: disable-next-line=T001 -->", Q),
        {"ignore": ["T001"]},
        [],
    ),
    (
        "E901 can be ignored like any rule",
        md(H, "", P, "", "<!-- lintnews: disable-next-line=T001 -->", Q, "<!-- lintnews: disabel -->"),
        {"ignore": ["E901"]},
        [],
    ),
    (
        "unselected E901 reports nothing",
        md(H, "", P, "", "<!-- lintnews: disable-next-line=D001 -->", Q, P),
        {"select": ["D"]},
        [("D001", 7, "Paragraph repeats line 3")],
    ),
]


@pytest.mark.parametrize("text, options, expected", [c[1:] for c in UNUSED], ids=[c[0] for c in UNUSED])
def test_unused(text: str, options: dict[str, Any], expected: list[tuple[str, int, str]]) -> None:
    assert [(d.code, d.line, d.message) for d in lint_md(text, **options)] == expected


def test_unused_points_at_the_comment() -> None:
    text = md(H, "", P, "", "Said the mayor: <!-- lintnews: disable-next-line=D001 -->", Q)
    (diag,) = lint_md(text)
    assert (diag.code, diag.name, diag.line, diag.column, diag.end_line, diag.end_column) == (
        "E901",
        "unused-suppression",
        5,
        17,
        5,
        58,
    )
    assert str(diag.severity) == "warning"


def test_severity_override_applies_to_e901() -> None:
    text = md(H, "", P, "", "<!-- lintnews: disable-next-line=D001 -->", Q)
    (diag,) = lint_md(text, severity={"E901": "error"})
    assert str(diag.severity) == "error"


# --- E902 require-suppression-reason ---------------------------------------------------------

REASONS: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("with a reason", md(H, "", P, "", "<!-- lintnews: disable-next-line=D001 -- pull quote -->", P), []),
    (
        "without a reason: reported, and still applied",
        md(H, "", P, "", "<!-- lintnews: disable-next-line=D001 -->", P),
        [("E902", 5)],
    ),
    (
        "list-less disable without a reason",
        md(H, "", P, "<!-- lintnews: disable -->", P, "<!-- lintnews: enable -->"),
        [("E902", 4)],
    ),
    (
        "enable needs no reason",
        md(
            H, "", P, "<!-- lintnews: disable=D001 -- syndicated twice -->", P, "<!-- lintnews: enable -->", Q
        ),
        [],
    ),
    (
        "empty reason counts as none",
        md(H, "", P, "", "<!-- lintnews: disable-next-line=D001 --  -->", P),
        [("E902", 5)],
    ),
    (
        "unused and without a reason: both reported",
        md(H, "", P, "", "<!-- lintnews: disable-next-line=D001 -->", Q),
        [("E901", 5), ("E902", 5)],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in REASONS], ids=[c[0] for c in REASONS])
def test_require_reason(text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(lint_md(text, require_suppression_reason=True)) == expected


def test_reason_not_required_by_default() -> None:
    assert pairs(lint_md(md(H, "", P, "", "<!-- lintnews: disable-next-line=D001 -->", P))) == []


def test_e902_can_be_ignored() -> None:
    text = md(H, "", P, "", "<!-- lintnews: disable-next-line=D001 -->", P)
    assert pairs(lint_md(text, require_suppression_reason=True, ignore=["E902"])) == []


# --- HTML: comments in the markup, positions in the markup -----------------------------------

HTML_HEAD = "<!doctype html>\n<html><head><title>Ferry</title></head>\n<body>\n<h1>Ferry terminal to open in spring</h1>"

HTML: list[tuple[str, str, list[tuple[str, int]]]] = [
    (
        "no suppression",
        "\n".join([HTML_HEAD, f"<p>{P}</p>", f"<p>{Q}</p>", f"<p>{P}</p>", "</body></html>"]),
        [("D001", 7)],
    ),
    (
        "disable-next-line in the markup",
        "\n".join(
            [
                HTML_HEAD,
                f"<p>{P}</p>",
                f"<p>{Q}</p>",
                "<!-- lintnews: disable-next-line=D001 -->",
                f"<p>{P}</p>",
                "</body></html>",
            ]
        ),
        [],
    ),
    (
        "disable-next-line skips lines of markup without text",
        "\n".join(
            [
                HTML_HEAD,
                f"<p>{P}</p>",
                "<!-- lintnews: disable-next-line=D001 -->",
                '<div class="pull">',
                "  <p>",
                f"    {P}",
                "  </p>",
                "</div>",
                f"<p>{Q}</p>",
                "</body></html>",
            ]
        ),
        [],
    ),
    (
        "region in the markup",
        "\n".join(
            [
                HTML_HEAD,
                f"<p>{P}</p>",
                "<!-- lintnews: disable=D001 -->",
                f"<p>{P}</p>",
                "<!-- lintnews: enable -->",
                f"<p>{Q}</p>",
                f"<p>{P}</p>",
                "</body></html>",
            ]
        ),
        [("D001", 10)],
    ),
    (
        "comment on the same line covers the text after it only",
        "\n".join(
            [
                HTML_HEAD,
                f"<p>{P}</p><p>{P}</p><!-- lintnews: disable=D001 --><p>{P}</p>",
                f"<p>{Q}</p>",
                "</body></html>",
            ]
        ),
        [("D001", 5)],
    ),
    (
        "unused comment: E901 on its line of markup",
        "\n".join(
            [
                HTML_HEAD,
                f"<p>{P}</p>",
                "",
                "<!-- lintnews: disable-next-line=T001 -->",
                f"<p>{Q}</p>",
                "</body></html>",
            ]
        ),
        [("E901", 7)],
    ),
    (
        "comment before a repeated heading",
        "\n".join(
            [
                HTML_HEAD,
                f"<p>{P}</p>",
                "<!-- lintnews: disable-next-line=D002 -- the site repeats it -->",
                "<h2>Ferry terminal to open in spring</h2>",
                f"<p>{Q}</p>",
                "</body></html>",
            ]
        ),
        [],
    ),
]


@pytest.mark.parametrize("markup, expected", [c[1:] for c in HTML], ids=[c[0] for c in HTML])
def test_html(markup: str, expected: list[tuple[str, int]]) -> None:
    doc = html_document("story.html", markup)
    assert pairs(lint(doc, Settings(select=SELECT))) == expected


def test_html_comment_position_is_markup_column() -> None:
    markup = "\n".join(
        [
            HTML_HEAD,
            f"<p>{P}</p>",
            f"<div>  <!-- lintnews: disable=T002 --><p>{Q}</p></div>",
            "</body></html>",
        ]
    )
    (diag,) = lint(html_document("story.html", markup), Settings(select=SELECT))
    assert (diag.code, diag.line, diag.column) == ("E901", 6, 8)


# --- JSONL: the record field -----------------------------------------------------------------

STORY = md(H, P, Q, P)  # D001 on line 4
CUT_STORY = md(H, CUT, P, Q, P)  # T001 on line 2, D001 on line 5


def lint_record(obj: dict[str, Any], **options: Any) -> list[Diagnostic]:
    settings = Settings(select=list(options.pop("select", SELECT)), **options)
    doc = record_document("feed.jsonl", orjson.dumps(obj), 3, settings)
    assert isinstance(doc, Document)
    return lint(doc, settings)


JSONL: list[tuple[str, dict[str, Any], dict[str, Any], list[tuple[str, int]]]] = [
    ("no field", {"id": "a1", "text": STORY}, {}, [("D001", 4)]),
    ("list of codes", {"id": "a1", "text": STORY, "lintnews_ignore": ["D001"]}, {}, []),
    ("comma-separated string", {"id": "a1", "text": CUT_STORY, "lintnews_ignore": "D001, T001"}, {}, []),
    (
        "prefix and name",
        {"id": "a1", "text": CUT_STORY, "lintnews_ignore": ["D", "truncated-sentence"]},
        {},
        [],
    ),
    (
        "only the listed codes",
        {"id": "a1", "text": CUT_STORY, "lintnews_ignore": ["T001"]},
        {},
        [("D001", 5)],
    ),
    (
        "unused code: E901 on line 1 of the record",
        {"id": "a1", "text": STORY, "lintnews_ignore": "D001,T002"},
        {},
        [("E901", 1)],
    ),
    ("unknown code", {"id": "a1", "text": STORY, "lintnews_ignore": ["D001", "Z999"]}, {}, [("E901", 1)]),
    (
        "wrong type is reported, nothing suppressed",
        {"id": "a1", "text": STORY, "lintnews_ignore": 7},
        {},
        [("E901", 1), ("D001", 4)],
    ),
    (
        "null and empty fields mean nothing",
        {"id": "a1", "text": STORY, "lintnews_ignore": None},
        {},
        [("D001", 4)],
    ),
    ("empty string", {"id": "a1", "text": STORY, "lintnews_ignore": ""}, {}, [("D001", 4)]),
    (
        "configured field name",
        {"id": "a1", "text": STORY, "qa_skip": ["D001"]},
        {"suppress_field": "qa_skip"},
        [],
    ),
    (
        "default field ignored when another is configured",
        {"id": "a1", "text": STORY, "lintnews_ignore": ["D001"]},
        {"suppress_field": "qa_skip"},
        [("D001", 4)],
    ),
    (
        "reason required, none given",
        {"id": "a1", "text": STORY, "lintnews_ignore": ["D001"]},
        {"require_suppression_reason": True},
        [("E902", 1)],
    ),
    (
        "reason required, given in a list entry",
        {"id": "a1", "text": STORY, "lintnews_ignore": ["D001 -- wire copy sent twice"]},
        {"require_suppression_reason": True},
        [],
    ),
    (
        "reason required, given after a comma string",
        {"id": "a1", "text": CUT_STORY, "lintnews_ignore": "D001, T001 -- wire copy"},
        {"require_suppression_reason": True},
        [],
    ),
    (
        "reason required, given as an object",
        {"id": "a1", "text": STORY, "lintnews_ignore": {"D001": "wire copy sent twice"}},
        {"require_suppression_reason": True},
        [],
    ),
    (
        "object without a reason",
        {"id": "a1", "text": STORY, "lintnews_ignore": {"D001": ""}},
        {"require_suppression_reason": True},
        [("E902", 1)],
    ),
    (
        "HTML record: comment in the markup and the field",
        {
            "id": "a1",
            "html": "<h1>Ferry terminal to open in spring</h1>\n"
            f"<p>{CUT}</p>\n<p>{P}</p>\n<!-- lintnews: disable-next-line=D001 -->\n<p>{P}</p>",
            "lintnews_ignore": ["T001"],
        },
        {},
        [],
    ),
]


@pytest.mark.parametrize("obj, options, expected", [c[1:] for c in JSONL], ids=[c[0] for c in JSONL])
def test_jsonl(obj: dict[str, Any], options: dict[str, Any], expected: list[tuple[str, int]]) -> None:
    assert pairs(lint_record(obj, **options)) == expected


def test_jsonl_report_names_record_and_codes() -> None:
    (diag,) = lint_record({"id": "a1", "text": STORY, "lintnews_ignore": ["D001", "T002", "Z999"]})
    assert (diag.record, diag.record_line, diag.line, diag.column) == ("a1", 3, 1, 1)
    assert diag.message == "Unused suppression (unused: `T002`; unknown code: `Z999`)"


def test_jsonl_reason_message_names_codes() -> None:
    obj = {"id": "a1", "text": CUT_STORY, "lintnews_ignore": ["D001", "T001 -- cut at the source"]}
    (diag,) = lint_record(obj, require_suppression_reason=True)
    assert (diag.code, diag.message) == (
        "E902",
        "Suppression of `D001` without a reason (write `CODE -- why`)",
    )


def test_plain_text_comments_are_not_directives() -> None:
    text = md(H, P, "<!-- lintnews: disable-next-line=D001 -->", P)
    doc = Document(path="story.txt", text=text, kind="text")
    assert pairs(lint(doc, Settings(select=SELECT))) == [("D001", 4)]


# --- configuration and CLI -------------------------------------------------------------------


def test_config_keys() -> None:
    values = validate({"suppress-field": "qa_skip", "require-suppression-reason": True})
    settings = build_settings(values)
    assert (settings.suppress_field, settings.require_suppression_reason) == ("qa_skip", True)
    with pytest.raises(ConfigError, match="require-suppression-reason"):
        validate({"require-suppression-reason": "yes"})
    with pytest.raises(ConfigError, match="suppress-field"):
        validate({"suppress-field": ["a"]})


def test_e901_e902_are_selectable() -> None:
    check_selectors(["E901", "E902", "unused-suppression", "suppression-without-reason"], "select")


def test_cli_ignore_e901(tmp_path: Any) -> None:
    path = tmp_path / "story.md"
    path.write_text(md(H, "", P, "", "<!-- lintnews: disable-next-line=T001 -->", Q, "", P), encoding="utf-8")
    runner = CliRunner()
    shown = runner.invoke(main, ["check", "--isolated", "--select", "D,T,E901", str(path)])
    assert shown.exit_code == 1
    assert "story.md:5:1: E901 Unused suppression (unused: `T001`)" in shown.output
    assert "story.md:8:1: D001" in shown.output
    hidden = runner.invoke(
        main, ["check", "--isolated", "--select", "D,T,E901", "--ignore", "E901", str(path)]
    )
    assert "E901" not in hidden.output
    assert "story.md:8:1: D001" in hidden.output


def test_a_failure_while_applying_suppressions_is_e900_with_the_findings_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The engine owns E900: when reading the suppression comments fails, the document keeps
    every finding unfiltered and gains one E900 naming the suppression rule."""
    import lintnews.suppress.apply

    def broken(doc: Document) -> list[Any]:
        raise RuntimeError("comment parser broke")

    monkeypatch.setattr(lintnews.suppress.apply, "comment_directives", broken)  # where it is called
    diags = lint_md(md(H, "", P, "", Q, "", "<!-- lintnews: disable-next-line=D001 -->", P))
    assert pairs(diags) == [("E900", 1), ("D001", 8)]
    e900 = diags[0]
    assert e900.message.startswith(
        "rule E901 (unused-suppression) failed: RuntimeError: comment parser broke at test_suppress.py:"
    )
    assert str(e900.severity) == "error"
