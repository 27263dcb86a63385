"""B012: the header lines of a reader-comment thread (author and time), the part of B011's
thread that is certain enough for the default selection."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document
from lintnews.registry import Rule, Violation, register

from .regions import comment_threads
from .thread_dated import warm_threads
from .thread_words import header_patterns_for


@register
class CommentHeader(Rule):
    """## What it does
    Checks for the header lines of a thread of reader comments: the author and time stamp above
    each comment ("Chris Odell — July 10th, 2012, 10:03 am", "Posted by: Grant | October 13,
    2012 at 04:31 PM", "NAME says:", "Re: … (Score:2)"), one diagnostic per line, in a thread
    that B011 (comment-thread) finds: at least two such headers after the article's first
    paragraphs, at most 40 lines apart, or one below a thread heading ("12 Comments"). A
    slashdot title with its score ("Budget cuts are not the answer (Score:5, Insightful)") is
    such a header; a trackback's "Tracked on …" stamp is not.

    A header is stamped to the minute: a line dated to the day only ("Dana Whit, The Courier,
    August 7, 2012") is a dateline or a cited source, unless it says it heads a comment
    ("written by NAME, October 25, 2012"). A date needs its year unless its weekday comes first
    ("Lora Lee On Thursday, November 1 at 2:57 pm"). A version number ("2.9.176"), an address
    ("Kornmarkt 5, 04109 Leipzig"), an "updated …" stamp, a quote's introduction ("What I said
    back then:") and a header-shaped line over a bare web address (a digest citing its source)
    are never headers. On HTML input, the header lines inside an element whose id or class says
    comment(s) are reported.

    ## Why is this bad?
    The header is not the publisher's text: it names a reader and a time, and left in the
    article it reads as a stray dateline.

    ## Example
    ```text
    The council will vote on the plan in March.
    12 Comments
    Chris Odell — July 10th, 2012, 10:03 am
    This is the worst idea the council has had in years.
    Caleb — July 10th, 2012, 8:22 am
    Finally, somebody says it.
    ```

    Use instead (B011, comment-thread, removes the bodies too):
    ```text
    The council will vote on the plan in March.
    12 Comments
    This is the worst idea the council has had in years.
    Finally, somebody says it.
    ```

    ## Fix safety
    The fix removes the line. It is safe: the line holds nothing but a commenter's name and
    time stamp. B011 (comment-thread) reports the whole thread, bodies included; its fix, which
    removes them, is unsafe (`--unsafe-fixes`).
    """

    code = "B012"
    name = "comment-header"
    severity = Severity.WARNING
    summary = "Header of a reader comment (author and time) left in the text"
    fix_applicability = "safe"

    def warm(self, settings: Settings) -> None:
        warm_threads(header_patterns_for(settings))

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        for thread in comment_threads(doc, settings):
            for i in thread.headers:
                yield self.removable_lines(
                    doc,
                    i,
                    i,
                    "Header of a reader comment (author and time) left in the text",
                    "Remove the comment header",
                )
