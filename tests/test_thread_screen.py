"""The comment-thread search's screen (rules/chrome/thread_screen.py): it spares the full header
pattern on lines that cannot be headers, and finds exactly what testing every line finds."""

from __future__ import annotations

import pytest
from lintnews.rules.chrome import regions, thread_headers
from lintnews.rules.chrome.thread_screen import Screen
from thread_texts import BODY1, P1, P2, text

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.registry import all_rules

BODY = BODY1


def every_line_headers(doc: Document, first: int) -> list[int]:
    """What the search found before the screen: every line from ``first`` on tested."""
    lines = doc.lines
    return [
        i
        for i in range(first, len(lines))
        if thread_headers.is_header(lines, i) and not regions._cites_a_source(lines, i)
    ]


CASES = {
    # stamped headers, upper case, a time with "h" and with "."
    "stamps": text(P1, P2, "CHRIS ODELL — JULY 10TH, 2012, 10H03", BODY, "Caleb — 11.07.2012 08.22 pm", BODY),
    # "NAME says:" and a slashdot score, the words in mixed case
    "says": text(P1, P2, "Tom SAYS:", BODY, "Re: the plan (SCORE:2)", BODY, "Ann Says:", BODY),
    # a long s ("ſ") that re.IGNORECASE matches with "s" and str.lower keeps: not screened
    "long-s": text(P1, P2, "Tom ſays:", BODY, "Ann ſays:", BODY),
    # a dotless and a dotted capital i: not screened either
    "dotted-i": text(P1, P2, "Tom wrıtten by", "İlknur says:", BODY, "Ann says:", BODY),
    # nothing after the article's prose
    "no-tail": text(P1, P2),
    # a thread whose heading counts it, no header
    "counted": text(P1, P2, "3 RESPONSES TO “The budget”", BODY, BODY, BODY),
}


@pytest.mark.parametrize("body", list(CASES.values()), ids=list(CASES))
def test_screen_finds_what_every_line_finds(body: str) -> None:
    doc = Document("a.txt", body)
    first = 2  # after the two paragraphs of prose
    screened = regions._headers(doc, Screen(doc, first))
    assert screened == every_line_headers(doc, first)


def test_unscreenable_text_is_searched_line_by_line() -> None:
    doc = Document("a.txt", CASES["long-s"])
    assert Screen(doc, 2).header_lines() is None
    assert regions._headers(doc, Screen(doc, 2)) == [2, 4]


def test_screen_candidates_are_the_lines_with_a_hint() -> None:
    doc = Document("a.txt", CASES["stamps"] + "Nothing to see here at all\n")
    assert Screen(doc, 2).header_lines() == [2, 4]
    doc = Document("a.txt", CASES["counted"])
    assert Screen(doc, 2).heading_lines() == [2]


def test_b012_reports_headers_the_screen_lets_through() -> None:
    rule = all_rules()["B012"]
    found = [v.line + 1 for v in rule.check(Document("a.txt", CASES["says"]), Settings())]
    assert found == [3, 5, 7]
    found = [v.line + 1 for v in rule.check(Document("a.txt", CASES["long-s"]), Settings())]
    assert found == [3, 5]
