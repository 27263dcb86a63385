"""Region rules: site chrome that is recognisable only as a whole, reported as one region.

A reader-comment thread is ordinary prose between headers ("Chris — July 10th, 2012, 10:03
am", "Posted by: NAME | October 13, 2012 at 04:31 PM", "NAME says:"). One header alone proves
nothing (an article may quote a dated post); a run of them after the article's prose, with at
most `_MAX_GAP` lines between one and the next, is a thread, and the region runs from its
heading (or first header) to the end of the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document
from lintnews.landmarks import LANDMARK_REGIONS
from lintnews.registry import Rule, Violation, register

_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|okt|dez"
    r"|janv|févr|mars|avr|juin|juil|août|déc|ene|abr|ago|dic)[a-zéû]*\.?"
)
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?\d{{4}}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})"
)
_TIME = r"\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?"
_STAMP = rf"(?:{_DATE}(?:\s*(?:at|um|à|a\s+las|,|@|-|—|–)?\s*{_TIME})?|{_TIME}\s*(?:on|,)?\s*{_DATE})"
#: An author name as comment headers give it: at most five tokens, no sentence punctuation.
_NAME = r"[^\s.!?]{1,30}(?:\s+[^\s.!?]{1,30}){0,4}"
_HEADER = re.compile(
    rf"""^\W*(?:(?:posted|written|submitted|comment(?:ed)?|geschrieben|publié)\s+)?(?:(?:by|von|par|por):?\s+)?
        {_NAME}\s*[|—–\-,:]?\s*(?:on|at|am|le|el|said\s+on|wrote\s+on)?\s*{_STAMP}.{{0,40}}$
      | ^\W*{_NAME}\s+(?:says|said|wrote|writes|sagt|schreibt|dit|a\s+dit|dice|escribió)
        (?:\s+(?:on\s+)?.{{0,40}})?:\s*$
      | ^(?:re:.*)?\(score:\s*-?\d""",
    re.IGNORECASE | re.VERBOSE,
)
#: The heading of a thread: "199 Comments", "5 Responses to “…”", "{ 5 comments… read them
#: below or add one }", "Reader comments", "Kommentare (3)", "12 commentaires".
_HEADING = re.compile(
    r"""^\W*(?:\d+\s+)?(?:comments?|responses?|replies|thoughts|reader\s+comments|kommentare?|leserkommentare
        |commentaires?|comentarios?|réactions?|trackbacks?(?:/pingbacks)?)\b
        (?:\W*\d+\W*|\s+(?:to|on|zu|sur|en|a)\b.{0,150}|.{0,20}(?:read\s+them\s+below|add\s+one|so\s+far).{0,30})?\W*$
      | ^\W*(?:leave|post|add|write)\s+a\s+(?:reply|comment)\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: Lines this long are prose, never a header.
_MAX_HEADER = 160
#: Most lines one comment (body and reply tools) spans between its header and the next.
_MAX_GAP = 40
#: How far above the first header the thread's heading may stand.
_HEADING_REACH = 15
#: Paragraphs of prose the article has before a thread can start (bylines above the article
#: look like comment headers).
_ARTICLE_PROSE = 2


def _headers(doc: Document, first: int) -> list[int]:
    out = []
    for i in range(first, len(doc.lines)):
        line = doc.lines[i]
        if (
            len(line) <= _MAX_HEADER
            and any(ch.isdigit() or ch == ":" for ch in line)
            and _HEADER.match(line.strip())
        ):
            out.append(i)
    return out


@register
class CommentThread(Rule):
    """## What it does
    Checks for a thread of reader comments after the article: at least two comment headers
    (an author and a date, "Chris Odell — July 10th, 2012, 10:03 am", "Posted by: Grant |
    October 13, 2012 at 04:31 PM", "by Sameh on December 5, 2010 at 4:34 pm", "NAME says:",
    "Re: … (Score:2)") after the article's first paragraphs, with at most 40 lines from one to
    the next, or one such header below a thread heading ("199 Comments", "5 Responses to …",
    "Leave a Reply"). The region runs from the heading (or the first header) to the end of the
    document, comment bodies included.

    A single dated line inside the article, a byline above it, and headers before the article's
    second paragraph of prose are never taken for a thread. On HTML input, an element whose id
    or class says comment(s) (WordPress's `commentlist`, Disqus's `disqus_thread`) is reported
    as the thread instead, one region per element.

    ## Why is this bad?
    Extractors that keep comments (trafilatura does by default) append the readers' opinions to
    the article: a corpus then holds them as if the publisher had written them, and they can be
    longer than the article itself.

    ## Example
    ```text
    The council will vote on the plan in March.
    12 Comments
    Chris Odell — July 10th, 2012, 10:03 am
    This is the worst idea the council has had in years.
    Caleb — July 10th, 2012, 8:22 am
    Finally, somebody says it.
    ```

    Use instead:
    ```text
    The council will vote on the plan in March.
    ```

    Not in the default selection (`--extend-select B011`): see the README's residue figures.

    ## Fix
    Removes the region (unsafe: the end of the thread is taken to be the end of the document).
    """

    code = "B011"
    name = "comment-thread"
    severity = Severity.WARNING
    #: Not in the default selection: on Dragnet it flags 1-6 % of the lines the gold calls article
    #: (README, "Residue"), above the 0.5 % a default rule may.
    default = False
    summary = "Thread of reader comments (headers and bodies) left in the text"
    fix_applicability = "unsafe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        marked = LANDMARK_REGIONS.of(doc)
        if marked is not None and marked.of_kind("comments"):
            # the markup says where the thread is: believe it, and nothing else
            for region in marked.of_kind("comments"):
                yield self.line_violation(
                    doc,
                    region.start,
                    f"Reader-comment thread left in the text (<{region.tag}> marked comments,"
                    f" {region.end - region.start + 1} line{'s' if region.end > region.start else ''})",
                    end_line=region.end,
                    fix=self.remove_lines_fix(
                        doc, region.start, region.end, "Remove the comment thread", safe=False
                    ),
                )
            return
        prose = [b for b in doc.blocks if b.prose]
        if len(prose) < _ARTICLE_PROSE:
            return
        first = prose[_ARTICLE_PROSE - 1].end + 1
        headers = _headers(doc, first)
        if not headers:
            return
        # the first run of headers close enough together
        run = [headers[0]]
        for h in headers[1:]:
            if h - run[-1] <= _MAX_GAP:
                run.append(h)
            elif len(run) < 2:
                run = [h]
            else:
                break
        lines = doc.lines
        heading = next(
            (
                i
                for i in range(run[0] - 1, max(first, run[0] - _HEADING_REACH) - 1, -1)
                if len(lines[i]) <= _MAX_HEADER and _HEADING.match(lines[i].strip())
            ),
            None,
        )
        if len(run) < 2 and heading is None:
            return
        start = heading if heading is not None else run[0]
        end = len(lines) - 1
        while end > start and not lines[end].strip():
            end -= 1
        yield self.line_violation(
            doc,
            start,
            f"Reader-comment thread left in the text ({len(run)} comment header{'s' if len(run) > 1 else ''},"
            f" {end - start + 1} lines)",
            end_line=end,
            fix=self.remove_lines_fix(doc, start, end, "Remove the comment thread", safe=False),
        )
