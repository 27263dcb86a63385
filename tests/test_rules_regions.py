"""B011 comment-thread and B012 comment-header: valid / invalid tables (exact regions and lines)
and their fixes, through the CLI."""

from __future__ import annotations

import json

import pytest
from console import run_lintnews
from lintnews.rules.chrome import thread_dated, thread_pairs
from thread_texts import BODY1, BODY2, P1, P2, P3, headers, lint_b011, regions, text

from lintnews.config import Settings
from lintnews.engine import Linter
from lintnews.registry import all_rules
from lintnews.sources import html_document

#: Teasers of other posts above a post on a blog's front page (prose blocks before the post).
TEASER1 = (
    "The ferry to the islands runs again from Monday after the crews and the harbour board agreed on a "
    "new timetable for the summer."
)
TEASER2 = (
    "Guided tours of the old harbour will start in May, with three walks a day and a boat trip to the "
    "lighthouse on Sundays."
)

#: A blog's front page: two teasers of other posts, then the post, its comment count by its
#: byline ("4 Comments" above the article).
FRONT_PAGE = (
    "## Ferry services resume after the strike",
    TEASER1,
    "Continue Reading »",
    "## Harbour tours start in May",
    TEASER2,
    "Continue Reading »",
    "# Council approves budget",
    "4 Comments",
    "Written on August 9, 2012 by Dana Whit in Politics",
)

#: A TypePad trackback list: another blog's excerpt under each "Tracked on" stamp.
TRACKBACKS = (
    "» Budget night from The Town Ledger",
    "The council passed its budget last night after a long debate about the roads. [Read More]",
    "Tracked on Apr 6, 2007 3:09:50 PM",
    "» Roads again from Northside Notes",
    "Our councillor voted for the plan, which leaves the northern roads as they are. [Read More]",
    "Tracked on Apr 6, 2007 6:56:46 PM",
)

#: A forum's page: the text opens with a post (its header above the first paragraph of prose)
#: and the replies follow with no heading: the posts are the document, not a thread under one.
FORUM_PAGE = (
    "# Ferry timetable for the summer",
    "  1. **Harbour_Pilot**",
    "12.04.2024, 09:14",
    "#1",
    P1,
    P2,
    "  2. **Dana_W**",
    "12.04.2024, 10:02",
    "#2",
    BODY1,
    "  3. **Sam Lee**",
    "12.04.2024, 11:30",
    "#3",
    BODY2,
)


def days_over_names(*pairs: tuple[str, str]) -> str:
    """The article (P1, P2), then each (day, reader's name) over a comment (BODY1, BODY2 in turn):
    a thread as a blog theme that prints the date first sets it out."""
    lines = [P1, P2]
    for k, (day, name) in enumerate(pairs):
        lines += [day, name, (BODY1, BODY2)[k % 2]]
    return text(*lines)


VALID = [
    # an article with no thread
    text(P1, P2, P3),
    # a byline with a date above the article looks like a header: never a thread
    text("By Chris Odell — July 10th, 2012, 10:03 am", P1, P2, P3),
    # one dated line inside the article, no heading
    text(P1, P2, "Caleb — July 10th, 2012, 8:22 am", P3),
    # two dated lines far apart (more than 40 lines between them)
    text(
        P1,
        P2,
        "Chris Odell — July 10th, 2012, 10:03 am",
        *([P3] * 41),
        "Caleb — July 10th, 2012, 8:22 am",
        P3,
    ),
    # headers before the article's second paragraph of prose
    text("Chris Odell — July 10th, 2012, 10:03 am", "Caleb — July 10th, 2012, 8:22 am", P1),
    # a long line with a date is prose, not a header
    text(
        P1,
        P2,
        P3 + " It was first announced on July 10th, 2012, 8:22 am, by " + "the mayor " * 12,
        P3 + " Caleb spoke on July 11th, 2012 at 9:00 am, and so on " + "and so on " * 12,
    ),
    # a day the text names without its year is no stamp unless its weekday comes first, and an
    # e-mail's "Sent:" label before a stamp heads no comment
    text(P1, P2, "Polls close November 6 at 8:00 pm", P3, "Results expected November 7 at 1:00 am", P3),
    text(
        P1,
        P2,
        "Sent: Wednesday, July 11, 2012 11:06 AM",
        P3,
        "Sent: Wednesday, July 11, 2012 3:29 PM",
        P3,
    ),
    # a listing of posts: each title, its author's name and day over its count of comments (a
    # blank line between them), or a gallery's section heading over each day
    text(
        P1,
        P2,
        *(
            line
            for title in (
                "Tozeur: Plus de 12 mille tonnes de dattes",
                "Kébili : Trois cas",
                "Kasserine : Saisie",
            )
            for line in (f"### {title}", "", "La Presse", "", "19/02/2020", "", "1", "")
        ),
    ),
    text(
        P1,
        P2,
        *(
            line
            for day in ("2 November 2020", "1 November 2020", "31 October 2020")
            for line in ("### UK news in pictures", "", f"#### {day}", "", P3, "")
        ),
    ),
    # a quote-heavy story, one paragraph a line: lines ending "he said," are sentences' ends,
    # too long or holding a comma before the verb; two "NAME said..." lines are too few
    text(
        P1,
        "The budget passed on a narrow vote late on Tuesday night, the mayor said,",
        P2,
        "After a long debate about the schools and the roads, she said,",
        P3,
        "Schools get more money, the treasurer said,",
        P1,
    ),
    text(P1, P2, "Anna said...", BODY1, "Ben said...", BODY2),
    # a list of people, each over a paragraph presenting them, and a listing's teasers under
    # their category, are no thread of named comments (no heading, no reader's web address)
    text(
        P1,
        P2,
        *(line for name in ("Jane Holt", "Omar Said", "Lena Berg") for line in (f"  * {name}", "", P3, "")),
    ),
    text(
        P1,
        P2,
        *(
            line
            for _ in range(4)
            for line in ("  * General News", "", "###### The Harbour Opens A New Terminal", P3)
        ),
    ),
    # numbered items dated to the day are no comments' headers: two of them, a timeline without
    # text between them, a countdown (numbers that fall)
    text(P1, P2, "1. Launch - October 26, 2012", BODY1, "2. Landing - November 3, 2012", BODY2),
    text(
        P1,
        P2,
        "1. Launch - October 26, 2012",
        "2. Landing - November 3, 2012",
        "3. Return - December 1, 2012",
        "4. Review - December 9, 2012",
        P3,
    ),
    text(
        P1,
        P2,
        "10. Skyfall - October 26, 2012",
        P3,
        "9. Argo - October 12, 2012",
        P3,
        "8. Looper - September 28, 2012",
        P3,
    ),
    # numbers over the day alone, with text between them, and no thread's heading: a timeline
    text(P1, P2, "1. Aug 8 2012", P3, "2. Aug 12 2012", BODY1, "3. Aug 20 2012", BODY2),
    # version numbers in a changelog are no dates
    text(
        P1,
        P2,
        "- Sync client 3.4.210.",
        "- Calendar fixes.",
        "- Sync client upgraded from 2.8.101 to 3.4.210.",
    ),
    # "said" and a colon introduce a quote, not a comment
    text(
        P1,
        P2,
        "What I said back in 2019 still holds today:",
        P3,
        "Nothing has changed since I said it on stage:",
        P3,
    ),
    # a section headed "Comment" (no number) and the post's own dated footer
    text(P1, P2, "Comment", P3, "Briefing", P3, "Posted by Dana Whit on Tue, Oct 30, 2012"),
    # a bare counter under the standfirst is the byline's, not a thread's heading
    text(P1, "4 Comments", P2, P3, "Leave a Reply"),
    text(P1, "Comments (4)", P2, P3, "Leave a Reply"),
    text(P1, "One comment", P2, P3, "Leave a Reply"),
    # a sentence that opens like a count in words ("One response to …") is no heading
    text(
        P1, P2, P3, "One response to “the plan” was anger among the residents of the old town.", BODY1, BODY2
    ),
    # a listing of posts, each teaser over its own counter "Comments (N)"
    text(P1, P2, P3, "Comments (3)", "", BODY1, "", "Comments (12)", "", BODY2),
    # addresses: "Kornmarkt" and "Altmarkt" are no months
    text(
        P1,
        P2,
        "Kornmarkt 5, 04109 Leipzig, Germany (map)",
        P3,
        "Altmarkt 3, 01067 Dresden, Germany (map)",
        P3,
    ),
    # the time stamps of a list of other stories
    text(
        P1,
        P2,
        "Storm heads north along the coast",
        "updated 5:15 PM EST, Wed November 7, 2012",
        "Ferry services resume after the strike",
        "updated 11:04 AM EST, Wed November 7, 2012",
    ),
    text(
        P1, P2, "  * Updated July 24, 2012, 9:16 a.m. ET", P3, "  * Updated July 24, 2012, 9:48 a.m. ET", P3
    ),
    # a counter with no comments under it, a heading that does not count them
    text(P1, P2, P3, "12 Comments", P3),
    text(P1, P2, P3, "0 comments", "Related stories", P3, P3),
    text(P1, P2, P3, "Comments", BODY1, BODY2),
    # a digest citing its sources: by day only, or over the story's address
    text(P1, P2, "Dana Whit, The Courier, August 7, 2012", P3, "Sam Lee, Daily Post, August 3, 2012", P3),
    text(
        P1,
        P2,
        "2) Council drops the bypass plan",
        "Dana Whit, The Courier, 08/06/12 01:49 PM ET",
        "https://news.example.com/2012/08/06/council-drops-bypass-plan",
        P3,
        "3) Ferry services resume",
        "Sam Lee, Daily Post, Aug 6, 2012 at 5:40 pm",
        "https://example.org/2012/08/06/ferry-services-resume",
        P3,
    ),
    # a TypePad trackback list: another blog's excerpt under each "Tracked on" stamp
    text(
        P1,
        P2,
        "TrackBack",
        "Listed below are links to weblogs that reference Council approves budget:",
        *TRACKBACKS,
    ),
    # a listing of posts, each byline set as a heading (html2text's "###")
    text(
        P1,
        P2,
        "## Council drops the bypass plan",
        "###  By Dana Whit on October 30, 2012 at 03:56 p.m. ",
        P3,
        "## Ferry services resume after the strike",
        "###  By Sam Lee on October 30, 2012 at 02:10 p.m. ",
        P3,
    ),
    # the post's own comment count above the article, repeated below it, with no comment (a
    # blog's front page: other posts' teasers above the post)
    text(
        *FRONT_PAGE,
        P1,
        P2,
        "> " + P3,
        P2,
        "4 Comments",
        "« Previous Post",
    ),
    # an events page: each date under a field's label ("Termin:"), not a commenter's name
    text(
        P1,
        P2,
        "Termin: 28.02.2020, 18:30 Uhr",
        "- Ort: Marktplatz, Halle",
        "- Eintritt: 44,90 €/Person",
        "Termin: 27.03.2020, 18:30 Uhr",
        "- Ort: Kornhaus, Dessau",
    ),
    # a listing of posts in html2text's text: each title a heading, its date alone below it
    text(
        P1,
        P2,
        "###  Ferry services resume after the strike ",
        "",
        "02 de febrero de 2022 12:02 PM ",
        "",
        "###  Council drops the bypass plan ",
        "",
        "10 de febrero de 2022 07:30 AM ",
    ),
    # a forum's page: the text is the thread, no article stands above it
    text(*FORUM_PAGE),
    # a listing whose items are dated at midnight (a site's date without a time), not comments
    text(
        P1,
        P2,
        "Sm",
        "Nombre del autor Hora de publicación del artículo",
        "Sm",
        "Dana Whit 04 de mayo 2022, 12:00 A. M.",
        "Sm",
        "Sam Lee 04 de mayo 2022, 12:00 A. M.",
        P3,
    ),
    # a news page as html2text gives it whole: its dateline above its title, its tabs ("Comments"
    # beside "Article"), the dateline and title again: no comment's stamp, no thread's heading
    text(
        P1,
        P2,
        "  *   * BUSINESS",
        "  * July 23, 2012, 4:29 p.m. ET",
        "",
        "# Ex-Anglo Irish Executives Charged",
        "",
        "  * Article",
        "  * Comments",
        "",
        "more in Business | Find New $LINKTEXTFIND$  »",
        "",
        "  *   * BUSINESS",
        "  * July 23, 2012, 4:29 p.m. ET",
        "",
        "# Ex-Anglo Irish Executives Charged",
        "",
        P3,
    ),
    # a listing of posts, each with its own counter: no thread under the first
    text(
        P1,
        P2,
        P3,
        "Puchi Mirai",
        "Thu 2011/01/20 13:23 JST",
        "143076 views  ",
        "156 comments",
        "",
        "Currently working on another timeline for the Suenaga Sisters. Will show you the designs... (more)",
        "",
        "SoniComi",
        "Thu 2011/12/01 14:41 JST",
        "419058 views  ",
        "292 comments",
        "",
        "A load of Super Sonico goodies arrive just in time to film this week's show... (more)",
    ),
    # a score in prose is no slashdot title
    text(
        P1, P2, "The final score (Score:2) was read out by the referee.", P3, "Scores (Score:3) were low.", P3
    ),
    # a stamp in quotes is a literal in the article's code (Readability's toc-missing: SQL whose
    # comment names a demo period), not a comment's header
    text(
        P1,
        P2,
        "-- In the demo data use:",
        "-- period > '2020-08-01 17:00 UTC'::timestamptz",
        "period > now() - interval '1 hour'",
        "GROUP BY",
        "status_code",
        P3,
        "SELECT * FROM stats;",
        "-- In the demo data use:",
        "-- period > '2020-08-01 17:00 UTC'::timestamptz",
        "period > now() - interval '1 hour'",
        P1,
    ),
    # the rows of a query's result printed as a table hold stamps: no comment headers
    text(
        P1,
        P2,
        "status_code │ period │ zscore",
        "────────────┼────────────────────────┼──────────",
        "200 │ 2020-08-01 18:00:00+00 │ 1.8925638848161648",
        "400 │ 2020-08-01 18:00:00+00 │ 6.823777205473068",
        "404 │ 2020-08-01 17:59:00+00 │ -0.38531664163524526",
        "500 │ 2020-08-01 17:59:00+00 │ -0.4391628750910588",
        "200 │ 2020-08-01 17:58:00+00 │ 1.6925903990967166",
        P3,
        P1,
    ),
    # session 39: names over days without a thread's heading or a name met twice (a diary, a
    # timeline of who said what and when), and two pairs under a heading, are no thread
    text(P1, P2, "Anna", "10.29.2012", P3, "Ben Okri", "October 30, 2012", P1, "Carla", "10.31.2012", P2),
    text(P1, P2, "Comments", "Anna", "10.29.2012", BODY1, "Ben", "10.29.2012", BODY2),
    # session 53: the day over a short line under no thread's heading, with no name met twice: an
    # event of a timeline written as a sentence, an author over a post's title (a listing of posts),
    # a label over a list item, readers' names in days of more than two months
    text(
        P1,
        P2,
        "October 29, 2012",
        "Sandy makes landfall",
        P3,
        "October 30, 2012",
        "Power lines come down",
        P1,
        "October 31, 2012",
        "Subway stays closed",
        P2,
    ),
    text(
        P1,
        P2,
        "## Les plus lus",
        "18 février 2020",
        "Par Loïc Le Clerc",
        "## Des tweets et des gauches",
        "21 février 2020",
        "Par Gilles Alfonsi",
        "## Peut-on être sans gauche ?",
        "18 février 2020",
        "Par Pablo Pillaud-Vivien",
        "## Vous avez quatre heures",
    ),
    text(
        P1,
        P2,
        "04 de mayo de 2022",
        "VIDEO",
        "* Infantino",
        "04 de mayo de 2022",
        "VIDEO",
        "* Qatar",
        "04 de mayo de 2022",
        "VIDEO",
        "* FIFA",
    ),
    days_over_names(
        ("March 3, 2011", "Anna Holt"), ("July 9, 2011", "Ben Okri"), ("January 2, 2012", "Carla Dunn")
    ),
    # a listing of events: a date under a place in brackets or a title of many words
    text(
        P1,
        P2,
        "Comments",
        "[London]",
        "10.29.2012",
        P3,
        "[Online]",
        "10.30.2012",
        P1,
        "[Berlin]",
        "10.31.2012",
        P2,
    ),
]

INVALID = [
    # two headers after the article: from the first header to the end
    (
        text(
            P1,
            P2,
            "Chris Odell — July 10th, 2012, 10:03 am",
            BODY1,
            "Caleb — July 10th, 2012, 8:22 am",
            BODY2,
        ),
        [(3, 6)],
    ),
    # a heading above the first header starts the region; blank lines at the end are left out
    (
        text(
            P1, P2, "199 Comments", "Posted by: Grant Crowell | October 13, 2012 at 04:31 PM", BODY1, "", ""
        ),
        [(3, 5)],
    ),
    # "NAME says:" headers, slashdot-style headers
    (text(P1, P2, P3, "Pascal Sauvé says:", BODY1, "Mona says:", BODY2), [(4, 7)]),
    (text(P1, P2, "Re: Budget (Score:2)", BODY1, "Re: Budget (Score:3)", BODY2), [(3, 6)]),
    (
        text(
            P1,
            P2,
            "by Sameh on December 5, 2010 at 4:34 pm. #",
            BODY1,
            "rootless (@root_e) 11.06.12 at 10:45 pm",
            BODY2,
        ),
        [(3, 6)],
    ),
    # a heading between the first two headers: the first was the post's footer
    (
        text(
            P1,
            P2,
            "Posted by Robyn at October 11, 2012 2:24 AM",
            "Comments (2)",
            "Posted by: Mahar at October 19, 2012 1:44 PM",
            BODY1,
            "Posted by: Robyn at October 20, 2012 9:46 AM",
            BODY2,
        ),
        [(4, 8)],
    ),
    # a header dated to the day only counts when it says it heads a comment
    (
        text(
            P1, P2, "written by lynn, October 25, 2012", BODY1, "written by Best Man, October 26, 2012", BODY2
        ),
        [(3, 6)],
    ),
    (text(P1, P2, "Mona said on March 3, 2012 at 4:15 pm:", BODY1, "Caleb says:", BODY2), [(3, 6)]),
    # a name with an initial; a name on its own line over the stamp ("NAME says:" or a bare name)
    (
        text(
            P1,
            P2,
            "Posted by: Tom R. | April 3, 2024 at 08:40 AM",
            BODY1,
            "Posted by: Ann K. | April 3, 2024 at 09:15 AM",
        ),
        [(3, 5)],
    ),
    (
        text(P1, P2, "Inge", "April 2, 2024 at 7:12 pm", BODY1, "Tom", "April 3, 2024 at 8:40 am", BODY2),
        [(4, 8)],
    ),
    # no headers (the extractor dropped them) under a heading that counts the comments
    (text(P1, P2, P3, "{ 3 comments… read them below or add one }", BODY1, BODY2, BODY1), [(4, 7)]),
    # ... or a single comment counted in words (WordPress's "One Response to “TITLE”")
    (text(P1, P2, P3, "#### One Response to “Council approves budget”", BODY1, "Leave a Reply"), [(4, 5)]),
    (text(P1, P2, P3, "### One comment Add your comment", BODY1, BODY2), [(4, 6)]),
    (text(P1, P2, P3, "Ein Kommentar zu „Stadtrat beschließt Haushalt“", BODY1, BODY2), [(4, 6)]),
    # ... or the count after the noun ("Reader Comments (14)", "Comments (9) Add A Comment")
    (text(P1, P2, P3, "Reader Comments (3)", BODY1, BODY2, BODY1), [(4, 7)]),
    (text(P1, P2, P3, "#### Comments (9) Add A Comment", BODY1, BODY2), [(4, 6)]),
    # ... and a count followed by the reply form's link (a theme's "126 Comments Add A Comment")
    (text(P1, P2, P3, "3 Comments Add A Comment", BODY1, BODY2, BODY1), [(4, 7)]),
    (text(P1, P2, P3, "2 Comments | Leave a comment", BODY1, BODY2), [(4, 6)]),
    # ... also under a post of one paragraph, when the heading announces them (Blogger's)
    (text(P1, "2 comments:", BODY1, BODY2, "Post a Comment"), [(2, 4)]),
    (text(P1, P2, P3, "2 Responses to “Council approves budget”", BODY1, BODY2), [(4, 6)]),
    # replies counted under the comments are no other post's counters
    (text(P1, P2, P3, "12 Comments", "", BODY1, "3 replies", BODY2, "1 reply", BODY1), [(4, 10)]),
    # slashdot titles with their scores, as trafilatura and html2text give them
    (
        text(
            P1,
            P2,
            "Budget cuts are not the answer (Score:5, Insightful)",
            BODY1,
            "Re: (Score:2)",
            BODY2,
            "A bypass nobody asked for. (Score:3)",
            BODY1,
        ),
        [(3, 8)],
    ),
    (
        text(
            P1,
            P2,
            "  * #### Budget cuts are not the answer (Score:5, Insightful)",
            BODY1,
            "    *   * #### Re: (Score:2)",
            BODY2,
        ),
        [(3, 6)],
    ),
    # html2text's Markdown escapes, and a date and a list number before "NAME says:"
    (
        text(
            P1,
            P2,
            "#1 \\- Tue Jul 24, 2012 10:14 AM EDT",
            BODY1,
            "#1.1 \\- Tue Jul 24, 2012 10:35 AM EDT",
            BODY2,
        ),
        [(3, 6)],
    ),
    (
        text(
            P1,
            P2,
            "  1. 11\\. Jul, 2012 /  The Young Bigmouth says: ",
            BODY1,
            "  2. 12\\. Jul, 2012 /  Rishil says: ",
            BODY2,
        ),
        [(3, 6)],
    ),
    # a commenter's name as a Markdown link (html2text with links kept)
    (
        text(
            P1,
            P2,
            P3,
            "[Pascal Sauvé](http://example.com/pascal) says:",
            BODY1,
            "[Mona](http://mona.example.org/) says:",
            BODY2,
        ),
        [(4, 7)],
    ),
    # html2text's bold name over its stamp, both headings ("### **NAME** says:", "#### on …")
    (
        text(
            P1,
            P2,
            "### **Robert K.** says:",
            "",
            "#### on October 27, 2012 at 5:23 am",
            "",
            BODY1,
            "### **Mona** says:",
            "#### on October 27, 2012 at 10:48 am",
            BODY2,
        ),
        [(3, 10)],
    ),
    # trackbacks above the comments: the thread starts at the comments' heading
    (
        text(
            P1,
            P2,
            "TrackBack",
            *TRACKBACKS,
            "Comments",
            BODY1,
            "Posted by: Grant | April 6, 2007 at 04:31 PM",
            BODY2,
            "Posted by: Mona | April 7, 2007 at 09:15 AM",
        ),
        [(10, 14)],
    ),
    # the post's count by its byline and again over the thread: the thread is under the last
    (
        text(
            *FRONT_PAGE,
            P1,
            P2,
            P3,
            "4 Comments",
            BODY1,
            BODY2,
            "« Previous Post",
        ),
        [(13, 15)],
    ),
    # the post's own "UPDATE …" stamp above the article is no post of a forum: the thread that
    # follows the article with no heading (trafilatura appends the comments so) is reported
    (
        text(
            "UPDATE October 30, 2012 at 10:20",
            P1,
            P2,
            P3,
            "Posted by: Grant | October 30, 2012 at 08:58 AM",
            BODY1,
            "Posted by: Mona | October 30, 2012 at 09:00 AM",
            BODY2,
        ),
        [(5, 8)],
    ),
    # a byline with a stamp over an article of 300 words or more, the comments stamped first
    # (zerohedge's Drupal: "Thu, 08/09/2012 - 13:04 | 2691543 NAME") with no heading: so long a
    # post under its byline is an article, not a forum's first post (a forum's page: `FORUM_PAGE`)
    (
        text(
            "Submitted by Tyler Durden on 08/09/2012 13:01 -0400",
            *((P1, P2, P3) * 4),
            "Thu, 08/09/2012 - 13:04 | 2691543 malikai",
            BODY1,
            "Thu, 08/09/2012 - 13:13 | 2691572 Skateboarder",
            BODY2,
        ),
        [(14, 17)],
    ),
    # a byline with a stamp above a short post, and a heading over the thread: the page
    # announces comments, so it is no forum's page (the thread is read after the second
    # paragraph of prose, here the first comment's)
    (
        text(
            "Uncategorized November 7th. 2012, 9:39pm",
            P1,
            "### 3 Responses to “Ferry services resume”",
            "Chris Odell Says:",
            "November 7th, 2012 at 9:42 pm",
            BODY1,
            "Caleb Says:",
            "November 7th, 2012 at 9:43 pm",
            BODY2,
            "Dana Says:",
            "November 7th, 2012 at 9:50 pm",
            P2,
        ),
        [(7, 12)],
    ),
    # noon is a time, and so is a minute past midnight
    (
        text(
            P1,
            P2,
            "Posted by: Dana Whit | May 4, 2022 at 12:00 PM",
            BODY1,
            "Posted by: Sam Lee | May 4, 2022 at 12:05 AM",
            BODY2,
        ),
        [(3, 6)],
    ),
    # a comment stamped with its weekday and no year ("NAME On Thursday, November 1 at 2:57 pm"),
    # its number above it; with a year after the weekday; German with its weekday
    (
        text(
            P1,
            P2,
            "1",
            "Lora Lee On Thursday, November 1 at 2:57 pm",
            BODY1,
            "2",
            "Annie (MD) On Friday, November 2 at 10:44 am",
            BODY2,
        ),
        [(4, 8)],
    ),
    (
        text(
            P1,
            P2,
            "Posted by: Bill in St. Paul | Thursday, November 08, 2012 at 03:02 PM",
            BODY1,
            "Posted by: Jan (in Edmonton, Canada) | Thursday, November 08, 2012 at 03:22 PM",
            BODY2,
        ),
        [(3, 6)],
    ),
    (text(P1, P2, "3 Kommentare", "Anna Müller am Donnerstag, 1. November um 14:57", BODY1), [(3, 5)]),
    # a name over "Posted on" and the stamp, under the thread's heading (TheBlaze), and in
    # html2text's text, the name a heading in a list item and blank lines between
    (
        text(
            P1,
            P2,
            "Comments (186)",
            "broper",
            "Posted on August 9, 2012 at 11:40am",
            BODY1,
            "Report Post »",
            "Unbelievable",
            "Posted on August 9, 2012 at 12:10pm",
            BODY2,
            "Report Post »",
            "mtcountrygrl",
            "Posted on August 9, 2012 at 12:14pm",
            BODY1,
        ),
        [(3, 14)],
    ),
    (
        text(
            P1,
            P2,
            "Comments (186)",
            "",
            "  * ##### broper",
            "",
            "Posted on August 9, 2012 at 11:40am",
            "",
            BODY1,
            "",
            "    * ##### Unbelievable",
            "",
            "Posted on August 9, 2012 at 12:10pm",
            "",
            BODY2,
            "",
            "    * ##### mtcountrygrl",
            "",
            "Posted on August 9, 2012 at 12:14pm",
            "",
            BODY1,
        ),
        [(3, 21)],
    ),
    # Disqus's thread when the extractor drops the dates: each comment a list item holding its
    # reader's name (maybe after the reader's web address) over the comment, indented or not
    (
        text(
            P1,
            P2,
            "  • http://tdhurst.com/ tdhurst",
            "",
            "    " + BODY1,
            "",
            "  • Alayna F",
            "",
            "    " + BODY2,
            "",
            "  • Mike Merrill",
            "",
            "    " + BODY1,
        ),
        [(3, 13)],
    ),
    (
        text(
            P1,
            P2,
            P3,
            "COMMENTS",
            "",
            "  * rightappeal",
            "",
            BODY1,
            "",
            "  * DerKrieger",
            "",
            BODY2,
            "",
            "    * johnbattelle",
            "",
            BODY1,
        ),
        [(4, 16)],
    ),
    # Blogger's "NAME said..." over each comment (its stamp under the comment: without a heading,
    # the thread starts at the first comment's name, not at its stamp), and a theme's "NAME said,"
    (
        text(
            P1,
            P2,
            "tRiSh said...",
            "",
            BODY1,
            "",
            "     September 10, 2012 4:45 AM",
            "",
            "Ankita said...",
            "",
            BODY2,
            "",
            "     September 10, 2012 6:14 AM",
            "",
            "The Flightless Darling said...",
            "",
            BODY1,
            "",
            "     September 10, 2012 11:43 AM",
        ),
        [(3, 19)],
    ),
    (
        text(
            P1,
            P2,
            "Progress Trap said,",
            BODY1,
            "Jacob said,",
            BODY2,
            "Nikos said,",
            BODY1,
            "dragoncar said,",
            BODY2,
        ),
        [(3, 10)],
    ),
    # a count's heading that ends with the reply form's link, over one header
    (
        text(
            P1,
            P2,
            P3,
            "126 Comments Add A Comment",
            "  • " + BODY1,
            "  • Kathleen @ksugarandspice October 25, 2012 at 1:00 pm",
            "    " + BODY2,
        ),
        [(4, 7)],
    ),
    # numbers over the day alone under a thread's heading: an extractor that dropped the names
    (
        text(
            P1,
            P2,
            P3,
            "20 Comments Post a comment",
            "  1. Aug 8 2012",
            BODY1,
            "  2. Aug 8 2012",
            BODY2,
            "  3. Aug 9 2012",
            BODY1,
        ),
        [(4, 10)],
    ),
    # a numbered list of comments dated to the day (WordPress's default themes), with a name
    # or a permalink; html2text escapes the numbers and the dashes, or drops the numbers
    (
        text(
            P1,
            P2,
            "Comments»",
            "1. James Cannon - Runcorn Trekkie UK - October 26, 2012",
            BODY1,
            "2. The Keeper - October 26, 2012",
            BODY2,
            "4. Harry Ballz - October 27, 2012",
            BODY1,
        ),
        [(3, 9)],
    ),
    (
        text(
            P1,
            P2,
            "1\\. Joel Leigh \\- 29 August, 2011",
            "",
            BODY1,
            "",
            "2\\. Lettraggad - 29 August, 2011",
            "",
            BODY2,
            "",
            "3\\. Robbo \\- 30 August, 2011",
            "",
            BODY1,
        ),
        [(3, 13)],
    ),
    (
        text(
            P1,
            P2,
            "  2. November 8, 2012, | Permalink",
            BODY1,
            "  3. November 8, 2012, | Permalink",
            BODY2,
            "  5. November 9, 2012, | Permalink",
            BODY1,
        ),
        [(3, 8)],
    ),
    (
        text(
            P1,
            P2,
            "November 8, 2012, | Permalink",
            BODY1,
            "November 8, 2012, | Permalink",
            BODY2,
            "November 9, 2012, | Permalink",
            BODY1,
        ),
        [(3, 8)],
    ),
    # slashdot's header: the user's number, a weekday and no year, "@" before the time
    (
        text(
            P1,
            P2,
            "    by HornWumpus (783565) on Monday July 23, @08:33PM (#40744035)",
            BODY1,
            "        by Anonymous Coward on Monday July 23, @09:02PM (#40744277)",
            BODY2,
        ),
        [(3, 6)],
    ),
    # a comment's tools between the first two headers ("* Responses (0)" beside "* Report") are
    # no thread's heading: the thread starts at the first comment's stamp
    (
        text(
            P1,
            P2,
            "Welcome {name}, you're signed into The Guardian using Facebook. Join the discussion. ",
            "  * gadfly55",
            "1 November 2012 11:08PM",
            BODY1,
            "  *     *     * Recommend? (1) ",
            "    * Responses (0) ",
            "    * Report ",
            "    * Share ",
            "  * rusticred",
            "1 November 2012 9:37PM",
            BODY2,
        ),
        [(5, 13)],
    ),
    # German and French headers
    (text(P1, P2, "3 Kommentare", "Anna Müller am 12. März 2021 um 10:15", BODY1), [(3, 5)]),
    (text(P1, P2, "12 commentaires", "Jean Dupont le 12 mars 2021 à 10h15", BODY1), [(3, 5)]),
    # session 39: the reader's name on a line of its own over the day of the comment, under a
    # post of one paragraph and a list; the thread's heading starts it
    (
        text(
            P1,
            "- Council approves the budget – after a long night",
            "- Parking fees to rise in March",
            "4 Comments",
            "hazelnut",
            "10.29.2012",
            BODY1,
            "Jacob V",
            "10.29.2012",
            BODY2,
            "Mary",
            "October 30, 2012",
            BODY1,
            "hazelnut",
            "10.30.2012",
            BODY2,
        ),
        [(4, 16)],
    ),
    # a slashdot story's summary, then the first comment's scored title over its body (the
    # second paragraph of prose): the thread starts at that title
    (
        text(
            P1,
            "Budget cuts are not the answer (Score:5, Informative)",
            "Re: (Score:1)",
            BODY1,
            "Re:Budget cuts are not the answer (Score:5, Insightful)",
            BODY2,
            "Re: (Score:2)",
            BODY1,
        ),
        [(2, 8)],
    ),
    # session 53: the day over the reader's name (a handle, or a name's words capitalised) over the
    # comment, three times in days of at most two months: a thread with no heading and no name met
    # twice (trafilatura's text of a blog whose theme prints the date first)
    (
        days_over_names(
            ("November 12, 2012", "Beth"),
            ("November 12, 2012", "steve cubel"),
            ("December 1, 2012", "Shirley Hershey Showalter"),
        ),
        [(3, 11)],
    ),
    # three names of four cased as readers' are enough: a reader may write "Susan wiggins"
    (
        days_over_names(
            ("November 12, 2012", "Beth"),
            ("November 12, 2012", "Susan wiggins"),
            ("November 13, 2012", "steve cubel"),
            ("November 13, 2012", "Shirley Hershey Showalter"),
        ),
        [(3, 14)],
    ),
    # without a heading, one reader's name over two of the pairs makes the conversation
    (
        text(P1, P2, "Anna", "10.29.2012", BODY1, "ben_k", "10.29.2012", BODY2, "Anna", "10.30.2012", BODY1),
        [(3, 11)],
    ),
]


@pytest.mark.parametrize("body", VALID, ids=[f"v{i}" for i in range(len(VALID))])
def test_valid(body: str) -> None:
    assert regions(body) == []


@pytest.mark.parametrize("body, expected", INVALID, ids=[f"i{i}" for i in range(len(INVALID))])
def test_invalid(body: str, expected: list[tuple[int, int]]) -> None:
    assert regions(body) == expected


@pytest.mark.parametrize("body", VALID, ids=[f"v{i}" for i in range(len(VALID))])
def test_b012_valid(body: str) -> None:
    assert headers(body) == []


@pytest.mark.parametrize(
    "index, expected",
    [(0, [3, 5]), (2, [4, 6]), (5, [5, 7]), (9, [4, 7]), (-3, [3, 4, 6, 7, 9, 10])],
    ids=["dashes", "says", "footer-then-heading", "name-over-stamp", "date-over-name"],
)
def test_b012_reports_each_header_line_of_the_thread(index: int, expected: list[int]) -> None:
    assert headers(INVALID[index][0]) == expected


def test_default_selection_reports_the_thread_and_its_headers(tmp_path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(INVALID[0][0], encoding="utf-8")
    out = run_lintnews(["check", "--isolated", "--no-cache", "--format", "json", str(path)])
    assert [(d["code"], d["line"], d["end_line"]) for d in json.loads(out.stdout)] == [
        ("B011", 3, 6),
        ("B012", 3, 3),
        ("B012", 5, 5),
    ]


def test_cli_safe_fix_removes_the_header_lines(tmp_path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(INVALID[0][0], encoding="utf-8")
    proc = run_lintnews(["check", "--isolated", "--no-cache", "--select", "B012", "--fix", str(path)])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_text(encoding="utf-8") == text(P1, P2, BODY1, BODY2)


def test_cli_reports_the_region_and_unsafe_fix_removes_it(tmp_path) -> None:
    body = text(
        P1,
        "",
        P2,
        "",
        "2 Comments",
        "Chris Odell — July 10th, 2012, 10:03 am",
        BODY1,
        "Caleb — July 10th, 2012, 8:22 am",
        BODY2,
    )
    path = tmp_path / "story.txt"
    path.write_text(body, encoding="utf-8")
    out = lint_b011(path, "--format", "json")
    (d,) = json.loads(out.stdout)
    assert (d["code"], d["line"], d["end_line"], d["severity"]) == ("B011", 5, 9, "warning")
    assert {k: d["fix"][k] for k in ("title", "safe")} == {
        "title": "Remove the comment thread",
        "safe": False,
    }
    assert d["message"] == "Reader-comment thread left in the text (2 comment headers, 5 lines)"
    lint_b011(path, "--fix")
    assert path.read_text(encoding="utf-8") == body  # unsafe: --fix alone leaves it
    lint_b011(path, "--fix", "--unsafe-fixes")
    assert path.read_text(encoding="utf-8") == text(P1, "", P2)


def test_html_input_believes_a_marked_thread_that_holds_a_header() -> None:
    """On HTML input the markup says where the thread is; an element whose class says comments
    but holds no comment header (a "Recent Comments" box, a counter) is no thread, and when no
    such element holds one the text is searched as on a page without them (a counter marked
    "comments" over a thread in unmarked markup: Dragnet's lintnews-html comment recall 0.66 |
    0.63 -> 0.95 | 0.89)."""
    article = f"<article><h1>Council approves budget</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
    thread = (
        '<ol class="commentlist">'
        "<li><p>Chris Odell — July 10th, 2012, 10:03 am</p><p>" + BODY1 + "</p></li>"
        "<li><p>Caleb — July 10th, 2012, 8:22 am</p><p>" + BODY2 + "</p></li></ol>"
    )
    box = (
        '<div class="recent-comments"><h3>Recent Comments</h3><ul>'
        "<li>Dana Whit on Ferry services resume after the strike</li>"
        "<li>Sam Lee on Harbour tours start in May</li></ul></div>"
    )
    rule = all_rules()["B011"]

    def found(page: str) -> list[tuple[int, int]]:
        doc = html_document("a.html", f"<html><body>{page}</body></html>")
        return [(v.line + 1, v.end_line + 1) for v in rule.check(doc, Settings())]

    assert found(article + thread) == [(5, 8)]
    assert found(article + box) == []
    # the box marks comments but holds no thread: the headers below it in unmarked text are read
    assert found(
        article + box + "<p>Chris Odell — July 10th, 2012, 10:03 am</p><p>" + BODY1 + "</p>"
        "<p>Caleb — July 10th, 2012, 8:22 am</p><p>" + BODY2 + "</p>"
    ) == [(8, 11)]


def test_b012_reads_a_comments_number_before_posted_by() -> None:
    # "Comment #N - Posted by: NAME at STAMP": a name of two words or more after the number
    body = text(
        P1,
        P2,
        "Comment #1 - Posted by: MattPatt at November 10, 2012 5:39 PM",
        BODY1,
        "Comment #2 - Posted by: Kurt M/39/185 at November 10, 2012 5:55 PM",
        BODY2,
        "Comment #3 - Posted by: Andrew B at November 10, 2012 5:57 PM",
        BODY1,
    )
    assert headers(body) == [3, 5, 7]


def test_the_warm_up_compiles_the_pair_readers_patterns() -> None:
    """B011's warm-up, before a run's workers fork, compiles the patterns the pair readers use
    (`thread_dated.warm_threads`), the months of the day over a name's too: not each worker on
    its first document that reaches them."""
    builders = [thread_pairs._numbered, thread_pairs._said, thread_dated._month]
    for build in builders:
        build.cache_clear()
    Linter(Settings(select=["B011"])).warm()
    assert [build.cache_info().currsize for build in builders] == [1, 1, 1]
