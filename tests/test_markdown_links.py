"""Markdown links and images (html2text's whole-page output keeps them): rules read the words a
reader sees, at the positions of the text as written, and fixes delete whole links only."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from console import NO_COLOR, run_lintnews

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.sources import blank_markdown_links, markdown_document, unseen_markdown

LEDE = (
    "Dock workers voted on Friday to end the strike that had stopped the port for nine days, the "
    "union said after the count."
)
SECOND = (
    "The agreement raises wages by four percent this year and three percent next year, and the port "
    "authority said ships would be unloaded again from Monday."
)
#: html2text's share row of a news page: each button a link with its query string and title.
SHARE_ROW = (
    '  * [Facebook](http://www.facebook.com/sharer.php?u=http%3A%2F%2Fexample.com%2Fstrike "Share on Facebook")\n'
    "  * [Twitter](https://twitter.com/intent/tweet?url=http%3A%2F%2Fexample.com%2Fstrike)\n"
    "  * [Email](mailto:?subject=Harbour%20strike)\n"
)
#: A paragraph whose two links make it long: as written, a reader sees two short link texts.
LINKED = (
    "Read the statement on [its website](http://example.org/news/2012/11/statement-on-the-agreement-"
    'reached-with-the-port-authority.html "Statement") and the reply on [its site]'
    "(http://example.com/press/reply-to-the-union-on-the-agreement-reached-after-nine-days.html)."
)


def blanked(written: str, *marks: str) -> str:
    """``written`` with each of ``marks`` (in order, each once) replaced by spaces, line breaks
    kept: what a reader does not see of a link."""
    out, pos = [], 0
    for mark in marks:
        at = written.index(mark, pos)
        out += [written[pos:at], "".join("\n" if c == "\n" else " " for c in mark)]
        pos = at + len(mark)
    return "".join([*out, written[pos:]])


@pytest.mark.parametrize(
    ("written", "marks"),
    [
        ("  * [Twitter](http://twitter.com/x)", ("[", "](http://twitter.com/x)")),
        ('[a](http://e.com/ "T") b', ("[", '](http://e.com/ "T")')),
        # an image inside a link, an address with escaped and paired brackets
        ("[![Logo](/logo.gif)](http://e.com)", ("[![", "](/logo.gif)](http://e.com)")),
        ("[ ► ](javascript:void\\(0\\)) x", ("[", "](javascript:void\\(0\\))")),
        ("[Rust](https://w.org/wiki/Rust_(language))", ("[", "](https://w.org/wiki/Rust_(language))")),
        # an autolink is its address; angle brackets that are no link stay
        ("Source: <http://thehill.com/a-b> <b>", ("<", ">")),
        # a link html2text wrapped: line breaks kept; a line the address alone held stays as written
        ("lewd [alleged\nconduct](http://a.com/x-\ny/) at", ("[", "](http://a.com/x-\ny/)")),
        ("x [a](http://a.com/x-\ny/)\nz", ("[", "](http://a.com/x-\n")),
        # an image without words is nothing a reader sees; an empty link likewise
        (
            "![](http://img.com/spacer.gif)\n[](http://e.com)",
            ("![](http://img.com/spacer.gif)", "[](http://e.com)"),
        ),
        # no link: the text itself
        ("[citation needed] and (aside)", ()),
    ],
)
def test_links_are_read_as_their_words_in_place(written: str, marks: tuple[str, ...]) -> None:
    assert blank_markdown_links(written) == blanked(written, *marks)


def codes_and_lines(name: str, text: str) -> list[tuple[str, int]]:
    doc = markdown_document(name, text) if name.endswith(".md") else Document(name, text)
    return [(d.code, d.line) for d in Linter(Settings()).lint(doc).diagnostics]


def test_a_share_row_of_links_is_flagged_as_the_same_row_without_links() -> None:
    text = f"# Harbour strike ends\n\n{LEDE}\n\n{SECOND}\n\n{SHARE_ROW}"
    plain = text.replace(SHARE_ROW, "  * Facebook\n  * Twitter\n  * Email\n")
    found = codes_and_lines("a.md", text)
    assert [c for c in found if c[0] == "B005"] == [("B005", 7), ("B005", 8), ("B005", 9)]
    assert codes_and_lines("a.txt", plain) == found
    assert codes_and_lines("a.txt", text) == []  # as plain text, the buttons are long link rows


def test_a_linked_paragraph_is_not_a_repeated_paragraph_for_its_addresses() -> None:
    # html2text's author link above and below a post (VentureBeat, Dragnet R192-R195): a name a
    # reader sees twice, not a paragraph pasted twice; the paragraph with long links is prose
    link = "[Jennifer Van Grove](http://venturebeat.com/author/jbruin/)"
    text = f"# Harbour strike ends\n\n{link}\n\n{LEDE}\n\n{LINKED}\n\n{SECOND}\n\n{link}\n"
    assert ("D001", 11) in codes_and_lines("a.txt", text)
    assert [c for c in codes_and_lines("a.md", text) if c[0] == "D001"] == []


def lintnews(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return run_lintnews(["check", "--isolated", "--no-cache", *args], cwd, env=NO_COLOR, text=False)


def test_fix_deletes_whole_link_lines_and_keeps_every_other_link(tmp_path: Path) -> None:
    text = f"# Harbour strike ends\n\n{LEDE}\n\n{LINKED}\n\n{SHARE_ROW}\n{SECOND}\n"
    (tmp_path / "a.md").write_text(text)
    done = lintnews(["--fix", "a.md"], tmp_path)
    assert done.returncode == 0, done.stdout
    assert (tmp_path / "a.md").read_text() == f"# Harbour strike ends\n\n{LEDE}\n\n{LINKED}\n\n\n{SECOND}\n"


def test_a_whole_line_finding_on_a_line_opening_with_a_link_starts_at_its_bracket(tmp_path: Path) -> None:
    # An editor underlines the line as written: from the link's "[", not from its words
    # (column 2); a bullet's or an indent's blanks are still left out.
    trail = "[Home](/) > [News](/news) > Harbour strike ends"
    text = f"# Harbour strike ends\n\n{trail}\n\n{LEDE}\n\n{SECOND}\n\n{SHARE_ROW}\n[Leave a Comment](/c)\n"
    (tmp_path / "a.md").write_text(text)
    done = lintnews(["-q", "a.md"], tmp_path)
    found = done.stdout.decode().splitlines()
    assert [line.split(" ")[0] + " " + line.split(" ")[1] for line in found] == [
        "a.md:3:1: B006",
        "a.md:9:3: B005",
        "a.md:9:3: B028",  # the share buttons and the comment link after the article: a menu's run
        "a.md:10:3: B005",
        "a.md:11:3: B005",
        "a.md:13:1: B002",
    ]


def test_lines_are_as_long_as_a_reader_sees_them_not_as_their_addresses() -> None:
    # A trail and a row of service links whose addresses make them 400 and 300 characters long
    # as written: a reader sees a trail of four names and a row of three links (B006, B026).
    # The same words written out at that length are no trail and no row.
    far = "https://www.example-harbour-news.com/" + "section/" * 10
    trail = f"[Home]({far}1) > [News]({far}2) > [Ports]({far}3) > Harbour strike ends"
    row = f"[About Us]({far}a) | [Contact Us]({far}b) | [Privacy Policy]({far}c)"
    assert len(trail) > 400 and len(row) > 300
    text = f"# Harbour strike ends\n\n{trail}\n\n{LEDE}\n\n{SECOND}\n\n{row}\n"
    assert codes_and_lines("a.md", text) == [("B006", 3), ("B026", 9)]
    spread = " " * 420
    long_trail = f"Home{spread}> News > Ports > Harbour strike ends"
    long_row = f"About Us{spread}| Contact Us | Privacy Policy"
    plain = f"# Harbour strike ends\n\n{long_trail}\n\n{LEDE}\n\n{SECOND}\n\n{long_row}\n"
    assert codes_and_lines("a.md", plain) == []


def test_only_edits_that_delete_whole_links_may_touch_one() -> None:
    # A fix is computed on the text rules see, where addresses are blank: applied to the Markdown,
    # an edit that keeps text over a link would erase its address, and one that cuts a link would
    # leave half of it; deleting whole links (a share row's lines) is what fixes do.
    source = f"{LEDE}\n  * [Twitter](http://t.co/x)\n<!-- a note -->\n{SECOND}\n"
    text = markdown_document("a.md", source).text
    row = source.index("  * [")
    end = source.index("\n", row) + 1
    note = source.index("<!--")
    assert not unseen_markdown(source, text, row, end, "")  # the whole row
    assert not unseen_markdown(source, text, 0, 10, "Talks")  # no link in the span
    assert unseen_markdown(source, text, row, end, "  * Twitter\n")  # the address would go
    assert unseen_markdown(source, text, row, row + 8, "")  # half a link
    assert unseen_markdown(source, text, note, note + 15, "")  # a comment, deleted unseen


def thread_page() -> str:
    """html2text's shape of a blog's thread (Dragnet 106, rewritten): an avatar's image, the
    body, then a header whose name and reply button are links, longer than any header as written."""

    def header(name: str, day: int, time: str, n: int) -> str:
        slug = name.lower().replace(" ", "-")
        return (
            f"by [{name}](http://example.com/people/{slug}) on December {day}, 2012 at {time}. "
            "[Reply](/news/2012/12/harbour-strike-ends-after-nine-days?utm_source=feedburner&utm_medium="
            f"feed&utm_campaign=Feed%3A+harbour&replytocom={n}#respond)"
        )

    avatar = "![](http://1.gravatar.com/avatar/916c20344d936e3f4fc8bc3aa707a357?s=54&d=monsterid&r=PG)"
    comments = [
        (
            "Good news for the drivers who waited at the gates all week, and for the farmers too.",
            "Dana Fox",
            4,
            "10:42 pm",
        ),
        (
            "Four percent is less than the union asked for, but more than anyone expected in March.",
            "Lee Marsh",
            5,
            "8:15 am",
        ),
        (
            "The port should publish the new timetable before Monday so the hauliers can plan.",
            "Ann Roe",
            5,
            "9:03 am",
        ),
    ]
    parts = ["# Harbour strike ends", LEDE, SECOND, "## 3 comments"]
    for n, (body, name, day, time) in enumerate(comments):
        parts += [avatar, body, header(name, day, time, 100 + n)]
    return "\n\n".join(parts) + "\n"


def test_comment_headers_with_links_are_read_at_the_length_a_reader_sees() -> None:
    found = codes_and_lines("a.md", thread_page())
    assert [c for c in found if c[0] in ("B011", "B012")] == [
        ("B011", 7),
        ("B012", 13),
        ("B012", 19),
        ("B012", 25),
    ]
    assert [c for c in found if c[0] == "F004"] == []  # an avatar's line is no blank line
    assert [
        d.message
        for d in Linter(Settings()).lint(markdown_document("a.md", thread_page())).diagnostics
        if d.code == "B011"
    ] == ["Reader-comment thread left in the text (3 comment headers, 19 lines)"]


#: A photo above a share link, both without a blank line between (lines 5 and 6).
PHOTO = "![](http://example.com/photos/harbour-gates-at-dawn.jpg)"
TWEET = "[Share on Twitter](https://twitter.com/intent/tweet?url=http%3A%2F%2Fexample.com%2Fstrike)"


def test_a_line_of_an_image_without_words_is_no_paragraph_break() -> None:
    # A hand-wrapped paragraph around an image, an image between paragraphs, avatars between list
    # items: the image's line is blank in the text rules see (no word), but not a blank line.
    text = (
        "The council voted on Tuesday to spend four million pounds on the\n"
        f"{PHOTO}\n"
        "repairs to the old sea wall, the engineer said.\n\n"
        f"{PHOTO}\n\n"
        f"{SECOND}\n"
        f"  * Pixel Survive\n{PHOTO}\n  * First app for BlackBerry\n{PHOTO}\n"
    )
    doc = markdown_document("a.md", text)
    assert sorted(doc.void_lines) == [1, 4, 8, 10]
    assert [(b.start, b.end, b.kind) for b in doc.blocks] == [
        (0, 2, "paragraph"),
        (6, 6, "paragraph"),
        (7, 7, "list"),
        (9, 9, "list"),
    ]
    # read as written, the image's line is text of its own, and the paragraph stops above it
    assert [(b.start, b.end) for b in Document("a.txt", text).blocks][:3] == [(0, 0), (1, 1), (2, 2)]


def test_a_sentence_wrapped_around_an_image_is_not_cut_off() -> None:
    wrapped = (
        "# Sea wall repairs approved\n\n"
        "The harbour council voted on Tuesday to spend four million pounds on repairs to the\n"
        f"{PHOTO}\n"
        "Harbour Street sea wall, which was damaged in the storms of last winter.\n\n"
        "Work is due to start in March and should take about eighteen months, the engineer said.\n"
    )
    assert codes_and_lines("a.md", wrapped) == []
    # a blank line there does end the paragraph, on "the"
    assert codes_and_lines("a.md", wrapped.replace(PHOTO, "")) == [("T001", 3)]


def test_a_fix_never_takes_an_image_line_for_a_blank_line(tmp_path: Path) -> None:
    text = f"# Harbour strike ends\n\n{LEDE}\n\n{PHOTO}\n{TWEET}\n\n{SECOND}\n"
    assert codes_and_lines("a.md", text) == [("B005", 6)]
    (tmp_path / "a.md").write_text(text)
    done = lintnews(["--fix", "a.md"], tmp_path)
    assert done.returncode == 0, done.stdout
    assert (tmp_path / "a.md").read_text() == text.replace(f"{TWEET}\n", "")  # the photo stays


def test_thread_headings_and_menus_are_as_long_as_a_reader_sees_them(tmp_path: Path) -> None:
    # Two rows of service links over the page and the heading over its thread, each longer as
    # written than a menu's row (208 characters) or a thread's heading (160) for its addresses: a
    # reader sees "About Us | Contact Us | Privacy Policy" and "3 comments". Read as Markdown,
    # the rows are a menu (B028) and the thread starts at its heading (B011); read as text,
    # the addresses are part of the lines, which are then too long for either.
    far = "https://www.example-harbour-news.com/" + "section/" * 20
    rows = (
        f"[About Us]({far}a) | [Contact Us]({far}b) | [Privacy Policy]({far}c)\n"
        f"[Home]({far}d) | [News]({far}e) | [Sport]({far}f)\n\n"
    )
    heading = f"## [3 comments]({far}#comments)"
    assert len(heading) > 160 and min(len(row) for row in rows.split("\n")[:2]) > 208
    page = rows + thread_page().replace("## 3 comments", heading)
    (tmp_path / "page.md").write_text(page, encoding="utf-8")
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    proc = lintnews(["--select", "B011,B028", "--output-format", "json", "page.md", "page.txt"], tmp_path)
    assert proc.returncode == 0, proc.stderr  # (warnings: nothing fails)
    assert [(d["path"], d["code"], d["line"], d["end_line"]) for d in json.loads(proc.stdout)] == [
        ("page.md", "B028", 1, 2),
        ("page.md", "B011", 10, 28),
    ]
