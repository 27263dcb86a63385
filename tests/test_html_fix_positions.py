"""Fixes and positions in HTML with character references (issue 21, item 2; issue 14, item 16).

Every character of the text extracted from a page knows the markup it came from, so a fix edits
the markup exactly where the text changes and a diagnostic points at the right character, also
after ``&uuml;``, ``&#252;``, ``&#xFC;`` and multi-byte characters. For every rule with a fix, a
page is fixed and compared with the same text fixed as plain text.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from console import NO_COLOR, run_lintnews

from lintnews.config import Settings
from lintnews.diagnostics import Diagnostic, Edit, Fix
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.fixes import FixPolicy, fix_document, html_fix
from lintnews.html_source import extract
from lintnews.registry import all_rules
from lintnews.sources import html_document

#: Entities in attribute values next to the text (never mistaken for it).
ATTR = ' class="x" title="M&uuml;nchen.Die &amp; Caf&eacute;.Those &lt;b&gt;" data-n="&#252;&#xFC;"'
P1 = (
    "The caf&eacute; owner in &#321;&oacute;d&#x17A; said the council approved the new budget on Tuesday "
    "after a debate that lasted six hours."
)
P2 = (
    "Opposition members said the plan cut too deeply into school funding &amp; library hours, and the "
    "mayor&rsquo;s office disagreed."
)
P3 = "The mayor said the savings were needed to avoid a deficit next year and promised a review in M&uuml;nchen style \U0001f642 soon."
ARTICLE = [P1, P2, P3]

H1 = (
    "The harbour authority approved the expansion of the container terminal on Monday, ending two years of "
    "dispute with residents of the old fishing quarter over noise, traffic and the loss of the beach at "
    "&#321;&oacute;d&#x17A;."
)
H2 = (
    "Residents of the fishing quarter said the terminal expansion would bring trucks through narrow streets "
    "day and night, and their association announced it would take the harbour authority to court."
)
H3 = (
    "The authority argues that the harbour needs the new terminal to keep shipping lines from moving to "
    "rival ports, and it promised a noise barrier and a new road around the fishing quarter."
)
H4 = (
    "A court hearing on the terminal expansion is expected in the autumn. Until then the harbour authority "
    "may prepare the site but not start dredging, the residents&rsquo; lawyer said after the vote."
)
LEDE = (
    "The city council approved the new budget on Tuesday after a debate that lasted well into the night, "
    "and the mayor said the vote was a relief for the schools."
)
SECOND = (
    "Opposition members said the plan leaves too little for road repairs and warned that the deficit will "
    "return next year if tax income falls."
)
BIO = (
    "Jane Holt, born in 1961 in L&eacute;eds, is a British politician who has served as mayor since 2016. She "
    "studied law in Manchester and worked as a solicitor before entering local politics."
)
ORG = (
    "The Harbour Trust is a charity founded in 1984 that runs the maritime museum and the old docks, and "
    "advises the council on the waterfront."
)


def around(junk: str) -> list[str]:
    return [P1, P2, junk, P3]


def harbour(*inserts: tuple[int, str]) -> list[str]:
    out = []
    for i, para in enumerate([H1, H2, H3, H4]):
        out.append(para)
        out.extend(text for at, text in inserts if at == i)
    return out


#: Per rule with a fix: the paragraphs of a page (markup inside ``<p>``).
CASES: dict[str, list[str]] = {
    "B001": around("Adblock Detected"),
    "B002": [*ARTICLE, "Leave a Comment"],
    "B003": around("We use cookies to improve your experience on our website."),
    "B004": around("Subscribe to our newsletter"),
    "B005": around("Share on Facebook"),
    "B006": ["Home &raquo; News &raquo; Politics", *ARTICLE],
    "B007": ["By", *ARTICLE],
    "B008": [*ARTICLE, "Subscribe to continue reading"],
    "B009": around("Advertisement"),
    "B010": [*ARTICLE, "Next post"],
    # a region over several elements: every one of them goes
    "B011": [
        *ARTICLE,
        "Chris Odell &mdash; July 10th, 2012, 10:03 am",
        "This is the worst idea the caf&eacute; owners have heard in years, and everybody knows it.",
        "Caleb &mdash; July 10th, 2012, 8:22 am",
        "Finally somebody says it out loud: M&uuml;nchen roads are a disgrace.",
    ],  # fmt: skip
    "B012": [
        *ARTICLE,
        "Chris Odell &mdash; July 10th, 2012, 10:03 am",
        "This is the worst idea the caf&eacute; owners have heard in years, and everybody knows it.",
        "Caleb &mdash; July 10th, 2012, 8:22 am",
        "Finally somebody says it out loud: M&uuml;nchen roads are a disgrace.",
    ],  # fmt: skip
    "B020": [*ARTICLE, "Copyright &copy; 2008 The Daily Courier. All rights reserved."],
    "B021": around("Photo: Jane Doe/Getty Images"),
    "B022": [*ARTICLE, "Tags: budget, council"],
    "B023": around("15 hrs ago"),
    "B024": [*ARTICLE, "Page 1 of 1"],
    "B025": [*ARTICLE, "Print this story | Email this story | Discuss Story"],
    "B026": [*ARTICLE, "Contact Us : Privacy Policy : Legal Disclaimer"],
    "B027": around("Updated at 1:23 p.m."),
    "B028": ["Home", "News", "Sport", "Arts &amp; Caf&eacute;s", *ARTICLE],
    "B032": ["Log in &amp; more", "Register", "Password:", "Forgot your password?", *ARTICLE],
    "D001": [P1, P2, P1, P3],
    "D002": [
        "Council Approves Budget After Long Caf&eacute; Debate",
        P1,
        P2,
        "Council approves budget after long caf&eacute; debate",
        P3,
    ],  # fmt: skip
    # after an entity, before one, between numeric and hex references, and after the issue's words
    "F001": [
        P1.replace("Tuesday after", "Tuesday.After").replace(
            "six hours.",
            "six hours.&Eacute;tienne left. M&uuml;nchen.Die Caf&eacute;.Those &#321;&oacute;d&#x17A;,Both went.",
        ),
        P2,
        P3,
    ],
    # the lower-case start is an entity: the fix replaces the whole reference
    "F002": [
        *ARTICLE,
        "The delegations met for six hours in M&uuml;nchen. Both sides called the meeting useful. "
        "Neither side gave details. The mediators were pleased. The next round is planned. &eacute;tudes "
        "resume in March.",
    ],  # fmt: skip
    # mojibake written as references and as literal characters
    "F005": [P1.replace("debate", "d&Atilde;&copy;bat").replace("budget", "budgÃ©t"), P2, P3],
    "G001": [P1.replace("six hours.", "six hours.&#91;1&#93;[3]"), P2, P3],
    "G002": [
        LEDE,
        SECOND,
        "About the People Mentioned",
        "Jane Holt",
        BIO,
        "About the Organizations Mentioned",
        "Harbour Trust",
        ORG,
    ],  # fmt: skip
    "S001": around("You may also like"),
    "S005": [
        *ARTICLE,
        "Most read",
        "Storm closes schools across the north",
        "City rivals share the points in a tense derby",
        "Ten recipes for a rainy caf&eacute; weekend",
    ],
    "S006": [
        *ARTICLE,
        *(f"Storm Closes Schools &amp; Caf&eacute;s Across The North, Part {k}" for k in range(32)),
    ],
    "B030": [
        *ARTICLE,
        *(f"Supporters cheer at the caf&eacute; in Des Moines &amp; Ames, rally {k}." for k in range(5)),
        *(["From the campaign trail &amp; the road"] * 5),
    ],
    "B031": [
        *ARTICLE,
        "Find us on Instagram",
        "Gear we recommend &amp; more",
        "Our caf&eacute; on Amazon.com",
        "Subscribe to our newsletter",
    ],
    "S007": [
        *ARTICLE,
        *(f"Create a smokey caf&eacute; effect &amp; portal number {k} with..." for k in range(4)),
    ],
    "S008": [
        *ARTICLE,
        *(
            f"- Real caf&eacute; gambling &amp; poker number {k} comes to Facebook — Geek &amp; Co"
            for k in range(4)
        ),
    ],
    "S002": harbour(
        (1, "Ten Houseplants That Survive Any Winter &amp; Caf&eacute;s"), (1, "You may want to see also")
    ),
    "S003": harbour(
        (3, "Frequently asked questions"),
        (3, "No, the court has not yet set a date for the hearing on the terminal expansion."),
        (3, "The authority has promised a noise barrier along the whole length of the new road."),
        (3, "Residents can still file objections with the harbour authority until the end of May."),
    ),
}
#: Fixable rules that never report on HTML: blank lines cannot occur in text extracted from a page
#: (one block element per line), and F006 (markup left in the text) does not check HTML.
NOT_IN_HTML = {"F004", "F006"}
#: Fixable rules that report only what a page's markup marks, never on plain text (B029): covered
#: by `test_a_marked_block_is_removed_without_touching_a_reference` below.
HTML_ONLY = {"B029"}


def page(paragraphs: list[str]) -> str:
    body = "".join(f"  <p{ATTR}>{inner}</p>\n" for inner in paragraphs)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Caf&eacute; &amp; more</title></head>\n'
        f"<body>\n{body}</body></html>\n"
    )


def offset_of(source: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", source)]
    return starts[line - 1] + column - 1


#: A character reference as lintnews reads them.
REFERENCE = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)")


def starts_with_char(source: str, at: int, char: str) -> bool:
    """Whether the markup at ``at`` is ``char``, literally or as one reference."""
    m = REFERENCE.match(source, at)
    return source.startswith(char, at) or (m is not None and html.unescape(m.group()) == char)


def ends_with_char(source: str, at: int, char: str) -> bool:
    """Whether the markup just before ``at`` is ``char``, literally or as one reference."""
    if source.endswith(char, 0, at):
        return True
    amp = source.rfind("&", max(0, at - 40), at)
    m = REFERENCE.fullmatch(source, amp, at) if amp >= 0 else None
    return m is not None and html.unescape(m.group()) == char


def fixable_codes() -> set[str]:
    return {code for code, rule in all_rules().items() if rule.fixable and not rule.corpus}


def test_every_rule_with_a_fix_has_an_html_case() -> None:
    assert fixable_codes() == set(CASES) | NOT_IN_HTML | HTML_ONLY


def test_a_marked_block_is_removed_without_touching_a_reference() -> None:
    nav = '<nav><a href="/">Caf&eacute;s</a> <a href="/n">News &amp; more</a></nav>\n'
    footer = "<footer><p>&copy; 2012 The Town Caf&#233;</p></footer>\n"
    markup = page(ARTICLE).replace("<body>\n", "<body>\n" + nav).replace("</body>", footer + "</body>")
    doc = html_document("page.html", markup)
    linter = lint_with("B029")
    found = linter.lint(doc).diagnostics
    assert [(d.code, d.line, d.end_line) for d in found] == [("B029", 4, 4), ("B029", 8, 8)]
    assert starts_with_char(markup, offset_of(markup, 4, found[0].column), "C")
    fixed = fix_document(doc, lambda d: linter.lint(d).diagnostics, FixPolicy(unsafe=True))
    new = fixed.document.source
    assert fixed.fixed == 2 and new is not None
    # the page reads as the article alone; the article's references are whole, the block's gone
    assert extract(new).text == html_document("page.html", page(ARTICLE)).text
    assert all(m.group().endswith(";") for m in REFERENCE.finditer(new))
    assert "Caf&eacute;s" not in new and "&copy;" not in new and page(ARTICLE).split("<body>")[1][:-15] in new


def lint_with(code: str) -> Linter:
    return Linter(Settings(select=[code]))


@pytest.mark.parametrize("code", sorted(CASES))
def test_fixing_html_with_references_equals_fixing_its_text(code: str) -> None:
    markup = page(CASES[code])
    doc = html_document("page.html", markup)
    plain = Document("page.txt", doc.text)
    linter = lint_with(code)

    def lint(d: Document) -> list[Diagnostic]:
        return linter.lint(d).diagnostics

    found, plain_found = lint(doc), lint(plain)
    assert [d.code for d in found] == [d.code for d in plain_found] and found
    # every diagnostic points at the markup of its first and last characters
    for d, p in zip(found, plain_found):
        first = plain.lines[p.line - 1][p.column - 1]
        last = plain.lines[p.end_line - 1][p.end_column - 2]
        assert starts_with_char(markup, offset_of(markup, d.line, d.column), first), (d, first)
        assert ends_with_char(markup, offset_of(markup, d.end_line, d.end_column), last), (d, last)
    fixed = fix_document(doc, lint, FixPolicy(unsafe=True))
    expected = fix_document(plain, lint, FixPolicy(unsafe=True))
    assert fixed.fixed == expected.fixed == len(found)
    new = fixed.document.source
    assert new is not None and new != markup
    # the fixed page parses to the text fixed as plain text, and is clean for the rule
    assert extract(new).text == expected.document.text
    assert lint(html_document("page.html", new)) == []
    # every reference is whole (none was cut or had text put inside it)
    assert all(m.group().endswith(";") for m in REFERENCE.finditer(new))
    # no element removal left a line of only spaces behind (issue 14, item 16)
    assert [line for line in new.split("\n") if line and not line.strip()] == []
    assert new.endswith("</body></html>\n") and "<body>\n  <p" in new


def test_references_and_wide_characters_before_a_fix_on_the_same_line() -> None:
    """Columns count characters of the markup: ``&#x17A;`` is 7, ``🙂`` is 1."""
    markup = "<p>\U0001f642 &#321;&oacute;d&#x17A; &uuml; Zoo.Das Ende kam am Abend, sagte die Stadt am Montag dazu.</p>\n"
    doc = html_document("page.html", markup)
    (d,) = lint_with("F001").lint(doc).diagnostics
    assert markup[d.column - 1] == "." and (d.line, d.column) == (1, markup.index(".Das") + 1)
    fixed = fix_document(doc, lambda x: lint_with("F001").lint(x).diagnostics, FixPolicy())
    assert fixed.document.source == markup.replace("Zoo.Das", "Zoo. Das")


def test_the_issues_pages_are_fixed_without_touching_a_reference(tmp_path: Path) -> None:
    """Through the installed CLI, as a user runs it."""
    page_file = tmp_path / "page.html"
    text = (
        "<html><body>\n"
        "  <p>Die Sperrung der Br&uuml;cke in M&uuml;nchen.Die Sperrung dauert bis Montag, teilte die Stadt mit.</p>\n"
        "  <p>We met at the Caf&eacute;.Those who came early got a seat near the window, said the owner.</p>\n"
        "  <p>Advertisement</p>\n"
        "  <p>The owner said the caf&eacute; would stay open through the winter and hire two more cooks.</p>\n"
        "</body></html>\n"
    )
    page_file.write_bytes(text.encode())
    check = run_lintnews(["check", "--no-cache", "page.html"], tmp_path, env=NO_COLOR)
    lines = text.split("\n")
    assert check.stdout.splitlines()[:3] == [
        f'page.html:2:{lines[1].index(".Die") + 1}: F001 [*] Missing space after "." in "München.Die"',
        f'page.html:3:{lines[2].index(".Those") + 1}: F001 [*] Missing space after "." in "Café.Those"',
        "page.html:4:6: B009 [*] Advertisement label left in the text",
    ]
    fix = run_lintnews(["check", "--no-cache", "--fix", "page.html"], tmp_path, env=NO_COLOR)
    assert fix.returncode == 0, fix.stdout + fix.stderr
    assert page_file.read_bytes().decode() == (
        "<html><body>\n"
        "  <p>Die Sperrung der Br&uuml;cke in M&uuml;nchen. Die Sperrung dauert bis Montag, teilte die Stadt mit.</p>\n"
        "  <p>We met at the Caf&eacute;. Those who came early got a seat near the window, said the owner.</p>\n"
        "  <p>The owner said the caf&eacute; would stay open through the winter and hire two more cooks.</p>\n"
        "</body></html>\n"
    )


# --- the safety check, edit by edit ----------------------------------------------------------


def html_doc(markup: str) -> Document:
    return html_document("page.html", markup)


def test_an_insertion_between_the_characters_of_one_reference_is_dropped() -> None:
    doc = html_doc("<p>Not &NotEqualTilde; here.</p>")  # one reference, two characters
    at = doc.text.index("\u2242") + 1
    assert html_fix(doc, Fix("x", (Edit(at, at, " "),))) is None
    # before or after the reference is fine
    before = html_fix(doc, Fix("x", (Edit(at - 1, at - 1, " "),)))
    assert before is not None and before.edits[0].start == doc.source.index("&NotEqualTilde;")  # type: ignore[union-attr]
    after = html_fix(doc, Fix("x", (Edit(at + 1, at + 1, " "),)))
    assert after is not None and after.edits[0].start == doc.source.index(" here")  # type: ignore[union-attr]


def test_edits_over_markup_or_collapsed_space_are_dropped_and_inserted_text_is_escaped() -> None:
    doc = html_doc("<p>Hello <b>world</b> and\n   more &amp; more.</p>")
    assert doc.text == "Hello world and more & more."
    span = doc.text.index("o w")
    assert html_fix(doc, Fix("x", (Edit(span, span + 3, "o-w"),))) is None  # a tag inside
    gap = doc.text.index("and more") + 3
    assert html_fix(doc, Fix("x", (Edit(gap, gap + 1, "_"),))) is None  # a collapsed line break
    amp = doc.text.index("&")
    replaced = html_fix(doc, Fix("x", (Edit(amp, amp + 1, "<and>"),)))
    assert replaced is not None
    (edit,) = replaced.edits
    assert doc.source[edit.start : edit.end] == "&amp;" and edit.replacement == "&lt;and&gt;"  # type: ignore[index]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # indented, between two elements: the whole line goes
        ("<body>\n  <p>Advertisement</p>\n  <p>{A}</p>\n</body>\n", "<body>\n  <p>{A}</p>\n</body>\n"),
        # not indented, element over several lines
        (
            "<body>\n<p>{A}</p>\n<div>\n  Advertisement\n</div>\n<p>{B}</p>\n</body>",
            "<body>\n<p>{A}</p>\n<p>{B}</p>\n</body>",
        ),
        # the last line, with no line break after it: the break before it goes
        ("<p>{A}</p>\n<p>{B}</p>\n\t<p>Advertisement</p>", "<p>{A}</p>\n<p>{B}</p>"),
        # sharing its line with other markup: only the element goes
        ("<p>{A}</p><p>Advertisement</p>\n<p>{B}</p>\n", "<p>{A}</p>\n<p>{B}</p>\n"),
    ],
)
def test_removing_an_element_leaves_no_blank_line(markup: str, expected: str) -> None:
    a, b = P1, P2.replace("&amp;", "and")
    doc = html_doc(markup.format(A=a, B=b))
    outcome = fix_document(doc, lambda d: lint_with("B009").lint(d).diagnostics, FixPolicy())
    assert outcome.fixed == 1 and outcome.document.source == expected.format(A=a, B=b)
