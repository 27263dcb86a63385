"""Where B011's comment thread stops (rules/chrome/thread_end.py): the comment form, the page's
navigation, a sidebar heading, a footer; exact regions, and the CLI's fix keeping what follows."""

from __future__ import annotations

import pytest
from lintnews.rules.chrome.thread_end import is_stop
from thread_texts import BODY1, BODY2, P1, P2, headers, lint_b011, regions, text

BODY3 = "I was at the meeting. Nobody asked the people who live on the ring road what they think."
H1 = "Chris Odell — July 10th, 2012, 10:03 am"
H2 = "Caleb — July 10th, 2012, 8:22 am"
H3 = "Posted by: Dana Whit | July 11, 2012 at 07:15 AM"


CASES = [
    # WordPress: the reply form after the last comment, then the sidebar's lines
    (
        "reply-form",
        text(
            P1,
            P2,
            "3 Comments",
            H1,
            BODY1,
            H2,
            BODY2,
            "Leave a Reply",
            "Your email address will not be published.",
            "Recent Posts",
            "Council to vote on parking fees",
        ),
        [(3, 7)],
    ),
    # Blogger: the header under each comment, then "Post a Comment" and the blog's navigation
    (
        "blogger",
        text(
            P1,
            P2,
            "2 comments:",
            "Joanne said...",
            BODY1,
            "October 29, 2012 4:52 AM",
            "Barbara said...",
            BODY2,
            "October 29, 2012 5:46 AM",
            "Post a Comment",
            "Newer Post Older Post Home",
            "Subscribe to: Post Comments (Atom)",
        ),
        [(3, 9)],
    ),
    # html2text: a Markdown heading of the sidebar after the thread
    (
        "md-heading",
        text(
            P1,
            P2,
            "#### 2 comments:",
            H1,
            BODY1,
            H2,
            BODY2,
            "",
            "## Recent Posts",
            "",
            "Parking fees to rise",
            "",
            "Schools get new roofs",
        ),
        [(3, 7)],
    ),
    # html2text: a menu of bulleted links after the thread
    (
        "menu",
        text(P1, P2, H1, BODY1, H2, BODY2, "  * Home", "  * News", "  * Sport", "  * Contact"),
        [(3, 6)],
    ),
    # the thread is closed and says so; the footer follows
    (
        "closed",
        text(P1, P2, BODY1, H3, BODY2, H3, "The comments to this entry are closed.", "© 2012 The Courier"),
        [(4, 6)],
    ),
    # the post navigation after the last comment
    (
        "post-nav",
        text(P1, P2, H1, BODY1, H2, BODY2, "« Previous Post", "Next Post »", "Schools get new roofs"),
        [(3, 6)],
    ),
    # a reader's own list ("- ", "* ") is part of the comment, and the thread runs to the end
    (
        "reader-list",
        text(
            P1,
            P2,
            H1,
            BODY1,
            H2,
            "What I would do instead:",
            "- fix the ring road",
            "- fix the bridge",
            "- fix the schools",
            "* and lower the fees",
            BODY3,
        ),
        [(3, 11)],
    ),
    # html2text: a comment's tools as bullets and the next one's title as a Markdown heading,
    # between two headers
    (
        "inner-heading",
        text(P1, P2, H1, BODY1, "  * Recommend? (3)", "  * Report", "  * Share", "##### Agreed", H2, BODY2),
        [(3, 10)],
    ),
    # a reader who writes about copyright is no footer; the footer after the thread is
    (
        "copyright",
        text(P1, P2, H1, "Copyright law says nothing about this.", H2, BODY2, "Copyright 2012 The Courier"),
        [(3, 6)],
    ),
    # a thread found from its counting heading, its form above the comments
    (
        "form-first",
        text(
            P1,
            P2,
            "46 Comments on “The budget”",
            "Leave a Reply",
            "You must be logged in to post a comment.",
            BODY1,
            BODY2,
            BODY3,
            BODY2,
            BODY1,
            "Leave a Reply",
            "Recent Posts",
        ),
        [(3, 10)],
    ),
    # one comment under its counting heading, closed by the form: a thread of one comment
    (
        "one-comment",
        text(P1, P2, "1 comment:", BODY1, "Post a Comment", "Newer Post Older Post Home"),
        [(3, 4)],
    ),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_thread_stops_where_the_page_takes_over(body: str, expected: list[tuple[int, int]]) -> None:
    assert regions(body) == expected


def test_headers_after_the_end_are_not_the_threads() -> None:
    # a "Recent comments" box after the reply form stamps other posts' comments: B012 reports
    # the thread's headers only
    body = text(
        P1, P2, H1, BODY1, H2, BODY2, "Leave a Reply", "Recent Comments", H3, "on Schools get new roofs"
    )
    assert regions(body) == [(3, 6)]
    assert headers(body) == [3, 5]


def test_fix_removes_the_thread_and_keeps_what_follows(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(CASES[0][1], encoding="utf-8")
    proc = lint_b011(path, "--fix", "--unsafe-fixes")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_text(encoding="utf-8") == text(
        P1,
        P2,
        "Leave a Reply",
        "Your email address will not be published.",
        "Recent Posts",
        "Council to vote on parking fees",
    )


@pytest.mark.parametrize(
    "line, stop",
    [
        # the forms anywhere in the line, each found through its word
        ("Your email address will not be published. Required fields are marked *", True),
        ("Notify me of follow-up comments by email.", True),
        ("You must be logged in to post a comment.", True),
        ("Comments to this entry are closed.", True),
        ("Subscribe to: Post Comments (Atom)", True),
        ("TrackBack URL for this entry: http://example.com/trackback/42", True),
        ("The Town Ledger. ALL RIGHTS RESERVED.", True),
        # the word alone is no stop: a comment that says "must" or "closed"
        ("You must be joking, the comments on the old plan were closed to the public.", False),
        ("The bridge was closed for repairs and the council published the plan.", False),
        # a dotless i ("publıshed"), which the case-insensitive pattern reads as "i" and
        # lower-casing does not: the line is searched without the word screen
        ("Your email address will not be publıshed.", True),
    ],
)
def test_is_stop_finds_the_forms_anywhere_in_the_line(line: str, stop: bool) -> None:
    assert is_stop(line) is stop
