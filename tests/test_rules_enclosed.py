"""B031 (enclosed-chrome): its round trip with the chrome around the run, and what bounds a run."""

from __future__ import annotations

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.fixes import FixPolicy, fix_document
from lintnews.sources import markdown_document

P1 = "The city council approved the new budget on Tuesday after a debate that lasted six hours."
P2 = "Opposition members said the plan cut too deeply into school funding and library hours."
P3 = "The mayor said the savings were needed to avoid a deficit next year and promised a review."
ARTICLE = f"{P1}\n\n{P2}\n"
STACK = (
    "Find us on Instagram\nGear we recommend\nOur shop on Amazon.com\nSubscribe to our newsletter\n"
    "Related articles...\n» Ferry timetable changes for the summer\n» Toll rise on the coastal road\n"
    "Was this article useful? Please sign up to receive our content via e-mail:\n"
)


def codes_and_lines(text: str, select: list[str]) -> list[tuple[str, int, int]]:
    found = Linter(Settings(select=select)).lint(Document(path="a.txt", text=text)).diagnostics
    return [(d.code, d.line, d.end_line) for d in found]


def test_the_fix_removes_the_runs_and_the_chrome_rules_the_chrome() -> None:
    text = f"{ARTICLE}\n{STACK}{P3}\n"
    assert codes_and_lines(text, ["B031"]) == [("B031", 6, 7), ("B031", 10, 11)]
    select = Linter(Settings(select=["B004", "B005", "B031", "S001"]))
    fixed = fix_document(
        Document(path="a.txt", text=text), lambda d: select.lint(d).diagnostics, FixPolicy(unsafe=True)
    )
    assert fixed.document.text == f"{ARTICLE}\n{P3}\n"
    assert fixed.diagnostics == []
    assert Linter(Settings()).lint(Document(path="a.txt", text=fixed.document.text)).diagnostics == []


def test_the_fix_is_unsafe() -> None:
    text = f"{ARTICLE}\n{STACK}"
    select = Linter(Settings(select=["B031"]))
    fixed = fix_document(Document(path="a.txt", text=text), lambda d: select.lint(d).diagnostics, FixPolicy())
    assert fixed.document.text == text


def test_a_run_ends_at_each_chrome_line() -> None:
    # three stacked widgets: two runs, each between its own two chrome lines
    text = f"{ARTICLE}\nShare on Facebook\nOur gear\nOur podcast\nShare on Twitter\nJobs\nPrint\nShare on LinkedIn\n"
    assert codes_and_lines(text, ["B031"]) == [("B031", 6, 7)]


def test_a_markdown_link_counts_as_the_words_a_reader_sees() -> None:
    # the address makes the written line longer than 100 characters; the reader sees two words
    address = "https://example.com/" + "shop/" * 20
    text = f"{ARTICLE}\nFind us on Instagram\n[Gear we recommend]({address})\nOur shop\nSubscribe to our newsletter\n"
    found = Linter(Settings(select=["B031"])).lint(markdown_document("a.md", text)).diagnostics
    assert [(d.code, d.line, d.end_line) for d in found] == [("B031", 6, 7)]
    assert codes_and_lines(text, ["B031"]) == []


def test_a_run_inside_a_comment_thread_is_left_to_the_thread() -> None:
    # "Love it" / "So true" between two "Reply" links: inside B011's region, which holds them
    thread = (
        "3 Comments\n\nJane Roe says:\nJuly 10, 2012 at 10:03 am\nGreat point about the budget.\nReply\n"
        "Love it\nSo true\nReply\nJohn Smith says:\nJuly 10, 2012 at 11:03 am\n"
        "I disagree with the mayor on this.\nReply\n"
    )
    text = f"{ARTICLE}\n{thread}"
    assert codes_and_lines(text, ["B011"]) == [("B011", 5, 17)]
    assert codes_and_lines(text, ["B031"]) == []
    assert codes_and_lines(text, ["B011", "B031"]) == [("B011", 5, 17)]
