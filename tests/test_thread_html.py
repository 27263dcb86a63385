"""B011 on HTML input: where the markup tells where a comment thread ends (a heading, a list of
links, a landmark of the page's chrome, the end of the element marked comments, the reply form
inside it) and which header-shaped lines head no comment (a byline set as a heading)."""

from __future__ import annotations

from thread_texts import BODY1, BODY2, P1, P2, P3

from lintnews.config import Settings
from lintnews.registry import all_rules
from lintnews.sources import html_document

ARTICLE = f"<article><h1>Council approves budget</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
#: Two comments with their headers, in markup that names no comments.
COMMENTS = (
    "<div><p>Chris Odell — July 10th, 2012, 10:03 am</p><p>" + BODY1 + "</p>"
    "<p>Caleb — July 10th, 2012, 8:22 am</p><p>" + BODY2 + "</p></div>"
)
#: A sidebar's heading and list of links, as a page prints them after its comments.
SIDEBAR = (
    "<div><h2>Recent Posts</h2><ul><li>Ferry services resume after the strike</li>"
    "<li>Harbour tours start in May</li><li>Council drops the bypass plan</li></ul></div>"
)
#: A WordPress reply form.
FORM = (
    "<div><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are"
    " marked *</p><p>Name *</p><p>Email *</p></div>"
)


def threads(page: str) -> list[tuple[int, int]]:
    """B011's threads on ``page`` read as HTML, 1-based (first line, last line)."""
    doc = html_document("a.html", f"<html><body>{page}</body></html>")
    return [(v.line + 1, v.end_line + 1) for v in all_rules()["B011"].check(doc, Settings())]


def test_a_thread_found_in_the_text_stops_at_the_sidebars_heading() -> None:
    # lines: 1 title, 2-4 article, 5-8 comments, 9 "Recent Posts", 10-12 its links
    assert threads(ARTICLE + COMMENTS + SIDEBAR) == [(5, 8)]


def test_a_thread_found_in_the_text_stops_at_a_landmark_of_the_page() -> None:
    aside = "<aside><p>About the author: Dana Whit writes about the city for the Courier.</p></aside>"
    assert threads(ARTICLE + COMMENTS + aside + f"<p>{P3}</p>") == [(5, 8)]


def test_a_marked_thread_ends_before_the_reply_form_it_holds() -> None:
    marked = COMMENTS.replace("<div>", '<div id="comments">', 1).replace("</div>", FORM + "</div>")
    assert threads(ARTICLE + marked) == [(5, 8)]


def test_a_comments_own_list_inside_the_marked_element_is_read() -> None:
    """The comments outweigh the article (the element is then not taken for a landmark region,
    and the text is searched): a list in the last comment is the comment's, not a menu; the
    sidebar after the element is the page's."""
    long_comments = "".join(
        f"<p>Reader{k} — July {k + 10}th, 2012, 10:03 am</p><p>{BODY1} {BODY2} {P3}</p>" for k in range(4)
    )
    listed = "<ul><li>the ring road</li><li>the bypass</li><li>the harbour</li></ul><p>" + BODY2 + "</p>"
    page = ARTICLE + '<div class="comments">' + long_comments + listed + "</div>" + SIDEBAR
    # lines: 1 title, 2-4 article, 5-12 four comments, 13-15 the list, 16 the last body, 17-20 sidebar
    assert threads(page) == [(5, 16)]


def test_a_listing_of_posts_with_bylines_as_headings_is_no_thread() -> None:
    listing = "".join(
        f"<h2>{title}</h2><h3>By Dana Whit on October {day}, 2012 at 0{day % 9}:56 p.m.</h3><p>{P3}</p>"
        for day, title in (
            (30, "Council drops the bypass plan"),
            (29, "Ferry services resume after the strike"),
        )
    )
    assert threads(ARTICLE + listing) == []
    # the same bylines in paragraphs are comment headers
    assert threads(ARTICLE + listing.replace("h3>", "p>")) != []
