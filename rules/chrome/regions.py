"""Region rules: site chrome that is recognisable only as a whole, reported as one region.

A reader-comment thread is ordinary prose between headers ("Chris — July 10th, 2012, 10:03
am", "Posted by: NAME | October 13, 2012 at 04:31 PM", "NAME says:"). One header alone proves
nothing (an article may quote a dated post); a run of them after the article's prose, with at
most `MAX_GAP` lines between one and the next, is a thread, and the region runs from its
heading (or first header) to where the page takes over again (`thread_end.py`: the comment
form, navigation, a sidebar heading, a footer) or the end of the document. B011 reports the
thread, B012 (`comment_headers.py`) its header lines; both read `comment_threads`, which
finds headers by the words of B011's file (`rules/packs/B011.toml`, `thread_words.py`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document, View
from lintnews.landmarks import LANDMARK_REGIONS, Region
from lintnews.registry import Rule, Violation, register
from lintnews.seen_width import SEEN_LINES

from .thread_dated import early_headers, warm_threads
from .thread_end import MAX_GAP, is_stop, markup_of, thread_end
from .thread_headers import MAX_HEADER, SHOWN_LINES, cites_a_source, is_header, over_a_title
from .thread_headings import announcing_heading, is_heading, lists_posts
from .thread_headless import Thread, headed_thread, replied_thread
from .thread_pairs import heading_above
from .thread_screen import Screen
from .thread_words import HeaderPatterns, header_patterns_for

#: Paragraphs of prose the article has before a thread can start (bylines above the article
#: look like comment headers), and the words of prose that make it an article, not a forum's post.
_ARTICLE_PROSE, _ARTICLE_POST = 2, 300


def _headers(doc: Document, screen: Screen, patterns: HeaderPatterns) -> list[int]:
    lines = SHOWN_LINES.of(doc)
    candidates = screen.lines()
    if candidates is None:
        candidates = list(range(screen.first, len(lines)))
    return [i for i in candidates if is_header(lines, i, patterns) and not cites_a_source(lines, i)]


#: Where a post's counter stands in a listing of posts, in lines below its stamp (a header):
#: "Thu 2011/12/01 14:41 JST", "419058 views", "292 comments".
_COUNTER_BELOW = (1, 2, 3)


def _threads(doc: Document, settings: Settings) -> list[Thread]:
    lines, patterns = doc.lines, header_patterns_for(settings)
    marked = LANDMARK_REGIONS.of(doc)
    if marked is not None and marked.of_kind("comments"):
        # the markup says where the thread is, and nothing else is searched; an element whose class
        # says comments but holds no header (a counter, a link, a "Recent Comments" box) is none,
        # and when no such element holds one, the text is searched as on a page without them
        found = [t for r in marked.of_kind("comments") if (t := _marked_thread(doc, r, patterns)) is not None]
        if found:
            return found
    # the line after the article's second paragraph of prose (blocks further down are not read)
    prose = list(itertools.islice((b for b in doc.blocks if b.prose), _ARTICLE_PROSE))
    if len(prose) < _ARTICLE_PROSE:
        return []
    first = prose[-1].end + 1
    words = patterns.screen_words
    screen = Screen(doc, first, MAX_HEADER, words)
    shown, seen = SHOWN_LINES.of(doc), SEEN_LINES.of(doc)  # (seen: headings as a reader sees them)
    headers = [h for h in _headers(doc, screen, patterns) if not over_a_title(shown, h)]
    headers = sorted({*headers, *early_headers(shown, prose[0].end + 1, first, patterns)})
    if not headers:
        early = announcing_heading(seen, prose[0].end + 1, first)  # under a one-paragraph post
        screen = screen if early is None else Screen(doc, early, MAX_HEADER, words)
        return headed_thread(doc, screen, patterns) or replied_thread(doc, screen.first, settings, patterns)
    # the first run of headers close enough together
    run = [headers[0]]
    for h in headers[1:]:
        if h - run[-1] <= MAX_GAP:
            run.append(h)
        elif len(run) < 2:
            run = [h]
        else:
            break
    # a heading between the first two headers: the first was the post's own footer
    # ("Posted by NAME at 2:24 AM", then "Comments (7)"), the thread starts at the heading
    heading = (
        next((i for i in range(run[0] + 1, run[1]) if is_heading(seen, i, patterns)), None)
        if len(run) > 1
        else None
    )
    if heading is not None:
        run = run[1:]
    else:
        low = first if run[0] >= first else prose[0].end + 1  # (a pair of name and date may be above)
        heading = heading_above(seen, run[0], patterns, low=low)
    if len(run) < 2 and heading is None:
        return headed_thread(doc, screen, patterns) or replied_thread(doc, first, settings, patterns)
    if heading is None and _opens_with_a_post(doc, run[0], patterns):
        return []
    start = heading if heading is not None else run[0]
    later = [h for h in headers if h > run[0]]
    end, _ = thread_end(lines, run[0], later, markup=markup_of(doc), reply=patterns.reply)
    if heading is not None and lists_posts(seen, heading, end, {h + k for h in run for k in _COUNTER_BELOW}):
        return []  # a listing of posts: a stamp over each post's counter ("156 comments", "292 comments")
    return [Thread(start, end, tuple(h for h in headers if start <= h <= end))]


def _marked_thread(doc: Document, r: Region, patterns: HeaderPatterns) -> Thread | None:
    """The thread in an element marked comments (HTML input): from its first line to the line
    before the reply form or the closing note the element often holds as well ("Leave a Reply",
    "Name *", "Comments are closed", `thread_end.is_stop`); None when it holds no comment header
    (the element bounds the thread: a comment's own list or tools are not read as a menu here)."""
    lines = doc.lines
    shown = SHOWN_LINES.of(doc)
    headers = tuple(i for i in range(r.start, r.end + 1) if is_header(shown, i, patterns))
    if not headers:
        return None
    reply = patterns.reply
    stops = (i for i in range(headers[-1] + 1, r.end + 1) if lines[i].strip() and is_stop(lines[i], reply))
    stop = next(stops, r.end + 1)
    end = next(i for i in range(stop - 1, headers[-1] - 1, -1) if lines[i].strip())
    return Thread(r.start, end, headers, r.tag)


def _opens_with_a_post(doc: Document, start: int, patterns: HeaderPatterns) -> bool:
    """Whether a header stands above the document's first paragraph of prose, close enough to the thread's
    first header (``start``) to be of the same run: the text opens with a post (a forum's page, a
    discussion), its "article" is the first post and the whole text is the thread. The posts are the
    document, not comments left under one; removing them would leave nothing, so no thread is reported. (A
    slashdot story's summary is prose above its first comment, and `_ARTICLE_POST` words of prose are an
    article under its byline: those threads are reported.)"""
    prose = next((b for b in doc.blocks if b.prose), None)
    if prose is None or sum(b.word_count for b in doc.blocks if b.prose and b.end < start) >= _ARTICLE_POST:
        return False  # (an article of many words under its byline is no forum's first post)
    # a heading above the thread ("111 Responses to …") says an article stands above it: the
    # header above the prose was the post's byline
    shown, seen = SHOWN_LINES.of(doc), SEEN_LINES.of(doc)
    return any(
        is_header(shown, i, patterns) for i in range(max(0, start - MAX_GAP), prose.start)
    ) and not any(is_heading(seen, i, patterns) for i in range(start))


def comment_threads(doc: Document, settings: Settings) -> list[Thread]:
    """The comment threads of ``doc`` (B011 reports them, B012 their header lines), found with
    the header's words of ``settings``' packs; computed once per document and configuration
    (B012 reads what B011's call found: the packs are not asked again)."""
    memo = _THREADS.of(doc)
    hit = memo.get(id(settings))
    if hit is None or hit[0] is not settings:
        hit = memo[id(settings)] = (settings, _threads(doc, settings))
    return hit[1]


#: Per document: `comment_threads` by the configuration they were found with.
_THREADS: View[dict[int, tuple[Settings, list[Thread]]]] = View("chrome.comment_threads", lambda doc: {})


@register
class CommentThread(Rule):
    """## What it does
    Checks for a thread of reader comments after the article: at least two comment headers (an author and
    a time, "Chris Odell — July 10th, 2012, 10:03 am", "Posted by: Grant | October 13, 2012 at 04:31 PM",
    "by Sameh on December 5, 2010 at 4:34 pm", "NAME says:", a name's own line over "April 2, 2024 at
    7:12 pm", "Re: … (Score:2)", "#1 小鳳 於 2013/12/28 10:28") after the article's first
    paragraphs, with at most 40 lines from one to the next, or one such header below a thread
    heading ("199 Comments", "5 Responses to …", "Leave a Reply"), or, with no header at all (an extractor that drops them), a heading that counts the comments
    ("{ 43 comments… read them below or add one }", "5 Responses to “…”") over at least two lines, or a
    run of three reply links or more alone on their lines with the comments between ("[Reply]",
    "Antworten"; from its heading or its first link, the first comment's body left). A
    name's own line over the day alone ("nomaduk" / "10.29.2012") is a header only in a run of three such
    pairs, under a thread heading or with one name over two of them, and so is the day over the name over
    the comment's words ("November 12, 2012" / "Beth" / the comment; not over a title or a list item),
    also with neither where the months are written out and name two at most and three quarters of the
    names are cased as readers' ("steve cubel", "Shirley Hershey Showalter"; not "Sandy makes landfall");
    a numbered one ("2. The Keeper -
    October 26, 2012", "2. November 8, 2012, | Permalink", "1. Aug 8 2012" only under a thread heading)
    in a run of three, rising, with text between them; a list item holding a name alone over its comment
    (Disqus's) in a run of three under a thread heading or with a reader's web address before a name;
    "NAME said..." or "NAME said," alone in a run of three. The region runs from the heading (or the
    first header), comment bodies included, to the line before the page's own text takes over again: the
    comment form or closing note ("Leave a Reply", "Post a Comment", "Your email address will not be
    published", "The comments to this entry are closed"), the post navigation ("« Previous Post"), a
    footer ("© 2012 …"), and, after the last header, a Markdown heading ("## Recent Posts") or a run of
    three short bulleted lines (html2text's sidebars and menus); else to the end of the document. A
    heading between the first two headers starts it (the first was the post's own footer, "Posted by NAME
    at 2:24 AM").

    A single dated line inside the article, a byline above it, and headers before the article's
    second paragraph (but scored titles, name-over-day pairs and numbered ones) make no thread. A
    header is stamped to the minute: a line dated to the day only is a dateline or a cited source
    ("Dana Whit, The Courier, August 7, 2012"), unless it says it heads a comment ("written by NAME,
    October 25, 2012"). Version numbers ("2.9.176"), addresses ("Kornmarkt 5, 04109 Leipzig"),
    "updated …" and "Posted on …" stamps, quote introductions ("What I said back then:"), a
    header-shaped line over a bare web address (a digest citing its source), a singular "Comment"
    heading without a number (a section of the article), a TypePad trackback's "Tracked on …" stamp
    (another blog's excerpt, not a reader's comment), html2text's abbreviation definitions
    ("*[2012/08/06]: 2012/08/06 09:49:10", F006's) and a byline set as a heading ("### By NAME on
    October 30, 2012 at 03:56 p.m.", a listing of posts), a stamp right above the page's title (a
    level-one heading: its dateline), a word naming the comments beside other items of a bulleted
    list (a news site's tabs "* Article" / "* Comments", a comment's tools "* Recommend? (1)" / "*
    Responses (0)") and a post's counter in a listing of posts, each with its own count ("156
    comments" … "292 comments"), are not taken for a thread's parts; a comment count printed by the
    post's byline and again over the thread ("4 Comments") starts the thread at the last. A slashdot
    title with its score ("Budget cuts are not the answer (Score:5, Insightful)", "Re: (Score:2)")
    is a header, and so is a header with html2text's Markdown escapes ("11\\. Jul, 2012 / NAME
    says:", "#1 \\- Tue Jul 24, 2012 10:14 AM EDT") or its name as a link ("[NAME](http://…)
    says:"). B012 (comment-header) reports the header lines alone. On HTML input, an element whose
    id or class says comment(s) (WordPress's `commentlist`, Disqus's `disqus_thread`) is reported as
    the thread instead, one region per element that holds a comment header (a counter, a link or a
    "Recent Comments" box marked so is not a thread), up to the reply form or the closing note the
    element often holds too. Where no element is marked so, or none holds a header, the text is
    searched and the markup still says where the thread ends: at a heading (`<h1>`-`<h6>`) or a
    run of short list items after the last header, a line in a `<nav>`, `<footer>`, `<aside>` or
    an element named for related content or share tools, or the end of the element named for
    comments that holds the last header (a heading or a list inside it is a comment's); a byline
    set as a heading (`<h3>By NAME on …</h3>`) is no header there either.

    Stamps and headings in other languages are those WordPress's translations print: the months of
    B011's word lists and the word before the time ("12.03.2020 в 14:35", "12 marca 2020 o 14:35",
    "2020年3月12日 下午2:35"), headings in it, pt, nl, pl, cs, ru, uk, tr, sv and id ("Комментарии", "5
    комментариев"), counted in zh and ja ("12条评论", "5件のコメント"), and "Leave a Reply" ("Lascia un
    commento", "Добавить комментарий"); a "says" verb ("NAME scrive:", "NAME коментує:", "NAME说道：",
    "NAME より:").

    A page whose text *is* a thread, a forum's or a discussion's (the first post's header stands
    above the first paragraph of prose, the replies follow within 40 lines, and no heading such as
    "12 Comments" announces comments anywhere above them), gets no finding: its posts are the
    document a user chose to keep, not readers' comments left under an article, and removing them
    would leave nothing. A blog post's or a news story's comments are reported even where a
    benchmark keeps them as the page's text (trafilatura's eval does so on a few blogs; Dragnet's
    gold calls them comments). A stamp at midnight ("NAME 04 de mayo 2022, 12:00 A. M.", a date a
    site prints without its time) dates a day, like a dateline, and an "UPDATE October 30, 2012 at
    10:20" line is the page's own stamp.

    ## Why is this bad?
    Extractors that keep comments (trafilatura does by default) append the readers' opinions to the
    article: a corpus then holds them as if the publisher had written them, and they can be longer
    than the article itself.

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

    ## Fix
    Removes the region (unsafe: a thread that no form, navigation or footer closes is taken to
    run to the end of the document).
    """

    code = "B011"
    name = "comment-thread"
    severity = Severity.WARNING
    #: In the default selection since trackbacks, headings as bylines and repeated counters stopped
    #: starting threads (docs/quality-history.md, "Comment threads").
    summary = "Thread of reader comments (headers and bodies) left in the text"
    fix_applicability = "unsafe"

    def warm(self, settings: Settings) -> None:
        warm_threads(header_patterns_for(settings))

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        for t in comment_threads(doc, settings):
            n = t.end - t.start + 1
            if t.tag is not None:
                message = f"Reader-comment thread left in the text (<{t.tag}> marked comments, {n} line{'s' if n > 1 else ''})"
            else:
                k = len(t.headers)
                headers = f"{k} comment header{'' if k == 1 else 's'}" if k else "no comment headers"
                message = f"Reader-comment thread left in the text ({headers}, {n} lines)"
            yield self.removable_lines(doc, t.start, t.end, message, "Remove the comment thread", safe=False)
