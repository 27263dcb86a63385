"""D rules (duplication): valid / invalid tables in the textlint-tester style.

``valid`` texts must produce no diagnostic of the rule; ``invalid`` texts list the exact
(code, 1-based line) pairs the rule must report, nothing more.
"""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.fixes import apply_edits
from lintnews.registry import Violation, all_rules
from lintnews.sources import html_document

# Paragraphs of a made-up story about a port strike.
LEDE = (
    "Dock workers in the northern port voted on Thursday to accept a six percent pay rise, ending a "
    "strike that had left container ships waiting at anchor for nine days."
)
SECOND = (
    "The union said the deal also guarantees that no permanent jobs will be cut before the new "
    "cranes arrive next spring."
)
THIRD = (
    "Shipping lines warned that it would take at least two weeks to clear the backlog, and some "
    "retailers said shelves could stay thin until the end of the month."
)
QUOTE = (
    "“We did not win everything, but we won the things that matter,” said Maria Santos, the union’s chair."
)
PULL = "“We did not win everything, but we won the things that matter”"
FOURTH = (
    "Port officials said the first ships would be unloaded by the weekend, and that extra crews "
    "had been hired to work through the night."
)
#: A verse set above a sermon, and the paragraph that cites it further down.
VERSE = "“Are you the one who is to come, or shall we look for another?”"
CITES_VERSE = (
    "So he sent two of his closest disciples to ask Jesus, “Are you the one who is to come, or "
    "shall we look for another?”"
)
TITLE = "Port Strike Ends After Nine Days"
#: A call set in a block quote, quoted in quotation marks by a paragraph five paragraphs of prose
#: down that trails off in an ellipsis, then repeated in a reader's e-mail subject.
ASK = "Strike down the minimum fare language from the harbour amendment."
ASKED_BELOW = "\n".join(
    [
        LEDE,
        "",
        f"> **{ASK}**",
        "",
        SECOND,
        "",
        THIRD,
        "",
        QUOTE,
        "",
        FOURTH,
        "",
        f"I am going to call every one of them today and ask them to “{ASK}” I won't ask that of you…",
        "",
        f"Subject: RE: {ASK}",
    ]
)


def text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def check(code: str, body: str, kind: str = "text", settings: Settings | None = None) -> list[Violation]:
    doc = Document("article.txt", body, kind=kind)
    return list(all_rules()[code].check(doc, settings or Settings()))


def lines_of(code: str, body: str, kind: str = "text") -> list[tuple[str, int]]:
    return [(v.rule.code, v.line + 1) for v in check(code, body, kind)]


# --------------------------------------------------------------------------------------------
# D001 duplicate-paragraph

GERMAN_SECTIONS = text(
    "Bischof Christian Stäblein sprach am Freitag vor der Synode in Berlin über den Gottesdienst.",
    "„Phänomenale Erneuerung“",
    "Gottesdienst sei ein Wesensmerkmal jeder Kirche, betonte Stäblein in seiner Rede vor der Synode.",
    "„Wir sind Kirche mit Geflüchteten, und das wird auch so bleiben“",
    "„Wir sind Kirche mit Geflüchteten, und das wird auch so bleiben“, betonte der Bischof am Ende "
    "seiner Rede unter dem Beifall der Synodalen.",
)

D001_VALID = [
    # session 49 (a README's install notes, rewritten): two lines of the same words, but for
    # versions ">= 8.0" and "< 8.0", each over its own command
    text(
        LEDE,
        "",
        "Start the harbour database in a container (for server versions >= 8.0):",
        "",
        "```",
        "docker run -p 6379:6379 -it harbour:latest",
        "```",
        "",
        "Start the harbour database in a container (for server versions < 8.0):",
        "",
        "```",
        "docker run -p 6379:6379 -it harbour:7.4",
        "```",
        "",
        SECOND,
    ),
    # the same words with other signs: "+5 points" and "5 points"
    text(
        LEDE,
        "The index closed the week at +5 points, its third week in a row.",
        SECOND,
        "The index closed the week at 5 points, its third week in a row.",
        THIRD,
    ),
    # session 39 (Dragnet R138, rewritten): a hymn titled by its first line
    text(
        "“I wander often from the harbour way”",
        "Posted by Jeremy Walker",
        "I wander often from the harbour way,",
        "And sin afflicts me every day:",
        "Oh, when shall I be pure?",
    ),
    # session 39 (Dragnet R731, rewritten): a verse set above the sermon, which cites it in
    # quotation marks four paragraphs further down
    text(LEDE, VERSE, SECOND, THIRD, QUOTE, FOURTH, CITES_VERSE),
    # session 41 (Dragnet 153, rewritten): the post's own call set above the paragraph that
    # quotes it and trails off in an ellipsis (passed over as a teaser), a reader's e-mail
    # subject repeating it further down
    ASKED_BELOW,
    # session 38 (a hard-wrapped specification and a how-to post, rewritten): one lead-in over
    # two different examples or lists, and the first line of two references to parts of one work
    text(
        LEDE,
        "And the terminal may answer with a 409 Conflict or a 200 OK status:",
        "HTTP/1.1 409 Conflict",
        SECOND,
        "And the terminal may answer with a 409 Conflict or a 200 OK status:",
        "HTTP/1.1 200 OK",
        THIRD,
        'Holt et al., "Harbour Transfer Protocol (HTP/1.1):',
        "Message Syntax and Routing, June 2024.",
        'Holt et al., "Harbour Transfer Protocol (HTP/1.1):',
        "Semantics and Content, June 2024.",
    ),
    text(
        LEDE,
        "Here is how the crews did it in two simple steps:",
        "- They blocked the gates at dawn.",
        SECOND,
        "Here is how the crews did it in two simple steps:",
        "- They asked the drivers to stay home.",
    ),
    text(TITLE, "", LEDE, "", SECOND, "", THIRD),
    # site chrome repeated under every block is not a paragraph (left to the chrome rules)
    text(TITLE, "Share", LEDE, "Advertisement", SECOND, "Advertisement", THIRD, "Share", "Advertisement"),
    text(LEDE, "Read more", SECOND, "Read more", THIRD, "Read more"),
    # short paragraphs (fewer than six words) may repeat
    text(LEDE, "Photo: Harbour Authority archive", SECOND, "Photo: Harbour Authority archive"),
    # the same item in two lists, the same row in two tables: structure, not a copy
    text(
        "Rooms at the harbour hotel:",
        "- Free cancellation up to 28 days before arrival",
        "- Breakfast included for every guest",
        "",
        "Rooms at the station hotel:",
        "- Free cancellation up to 28 days before arrival",
        "- Breakfast served from seven in the morning",
    ),
    text(
        "| Terminal | Ships waiting at anchor today | Change |",
        "| North | 14 | -2 |",
        "",
        "| Terminal | Ships waiting at anchor today | Change |",
        "| South | 9 | +1 |",
    ),
    # a repeated heading is D002's business
    text(
        "Port Strike Ends After Nine Days And Ships Return",
        LEDE,
        "Port Strike Ends After Nine Days And Ships Return",
    ),
    # near duplicates are not duplicates
    text(LEDE, SECOND, LEDE.replace("six percent", "seven percent")),
    # code repeats by design
    text(
        "Install it twice:",
        "```",
        "pip install lintnews --upgrade --quiet now",
        "```",
        "```",
        "pip install lintnews --upgrade --quiet now",
        "```",
    ),
    # a plain sentence that reappears inside a longer paragraph (not set off as a quote)
    text(
        "The union said the deal guarantees that no permanent jobs will be cut.",
        SECOND,
        "Officials confirmed it. The union said the deal guarantees that no permanent jobs will be cut. "
        "Talks on pensions continue.",
    ),
    # a paragraph that opens with a quotation is not a pull-quote of the longer one
    text(
        "“Peace in our harbour” was the slogan of the strike committee in its first week.",
        SECOND,
        "The union chose it early: “Peace in our harbour” was the slogan of the strike committee in its "
        "first week.",
    ),
    # a short quotation inside a paragraph (below eight words)
    text("“We won,” she said after the vote on Thursday evening.", SECOND, "“We won”"),
    # a quotation set as a section's subheading over the paragraph that says it, in a text with
    # other subheadings (German and English press; t0620 of the trafilatura eval set)
    GERMAN_SECTIONS,
    text(LEDE, "", "Pay and pensions", "", SECOND, "", PULL, "", QUOTE + " " + THIRD),
    text(LEDE, "## The vote", SECOND, "**" + PULL + "**", QUOTE),
    # a crosshead quoting the paragraph below it in single quotation marks, as British headlines
    # quote, in a text with no other subheading (Dragnet R125, the Guardian)
    text(
        LEDE,
        "",
        "'We did not win everything, but we won the things that matter'",
        "",
        "Maria Santos, the union's chair, told members on Friday: \"We did not win everything, but we "
        'won the things that matter. The cranes come, the jobs stay."',
        "",
        THIRD,
    ),
    # an excerpt the writer quotes to discuss it, cut at both ends: no pull-quote (Dragnet R242)
    text(
        LEDE,
        "",
        "To be fair, the phrase",
        "",
        "“…we did not win everything, but we won the things that matter…”",
        "",
        "makes it sound smaller than it was. " + QUOTE,
    ),
    # ... or cut at one end only, the start or the end of the sentence it quotes
    text(
        QUOTE,
        "",
        "That opening sounds generous. The next words are what the members remember:",
        "",
        "“… did not win everything, but we won the things that matter”",
        "",
        THIRD,
    ),
    text(
        QUOTE,
        "",
        "The chair began as every union leader begins:",
        "",
        "“We did not win everything, but we won the things …”",
        "",
        THIRD,
    ),
    # an emphasised opening line repeated in a teaser of the article at the end of the page (the
    # teaser, cut with an ellipsis, is the copy): no pull-quote
    text(
        "**Dock workers in the northern port voted on Thursday to accept a six percent pay rise.**",
        SECOND,
        THIRD,
        "Latest posts",
        "Dock workers in the northern port voted on Thursday to accept a six percent pay rise. The "
        "strike had left -...",
        "Dock workers in the northern port voted on Thursday to accept a six percent pay rise. The "
        "strike had left…",
    ),
    # a query and its result set out as plain text (a technical blog's listings): the same
    # expression and the same result rows recur by design
    text(
        "To find the outliers we compute the mean and the deviation of every port's daily arrivals:",
        "SELECT port,",
        "   AVG(arrivals) OVER port_window AS mean_arrivals,",
        "   STDDEV(arrivals) OVER port_window AS stddev_arrivals",
        "FROM daily_arrivals;",
        "port  │ mean_arrivals │ stddev_arrivals",
        " Kiel │          41.5 │             3.2",
        "The same window gives the z-score of each day, which the next query keeps for the alert:",
        "SELECT port,",
        "   AVG(arrivals) OVER port_window AS mean_arrivals,",
        "   (arrivals - mean_arrivals) / NULLIF(stddev_arrivals, 0) AS zscore",
        "FROM daily_arrivals;",
        "port  │ mean_arrivals │ stddev_arrivals",
        " Kiel │          41.5 │             3.2",
    ),
    # a shell session: the tool prints the same message after each command
    text(
        "First we fetch the harbour authority's schedule into the clone on the laptop:",
        "$ hg pull ../harbour-schedule",
        "[...]",
        "added 1 changesets with 1 changes to 1 files",
        "Then we fetch the customs office's changes into the same clone, the same way:",
        "$ hg pull ../customs-schedule",
        "[...]",
        "added 1 changesets with 1 changes to 1 files",
        "Both schedules are now in one repository and can be merged.",
    ),
    # session 41 (Readability's mercurial page, rewritten): one shell command, with its prompt
    # and an option, between two sentences of prose in each of two examples
    text(
        "Example 1: the harbour master amends a draft of the schedule.",
        "First edit the harbour master's repository configuration:",
        "$ hg -R harbour config --edit --local",
        "and add the two lines above.",
        "Example 2: the customs office amends the same draft.",
        "Then edit the customs office's repository configuration:",
        "$ hg -R harbour config --edit --local",
        "and add the same text.",
    ),
]

D001_INVALID: list[tuple[str, list[tuple[str, int]]]] = [
    (text(LEDE, SECOND, LEDE), [("D001", 3)]),
    # a copy with its signs, and a reader's quotation of it (its ">" is no sign of the text)
    (
        text(
            LEDE,
            "Fares rose by 12% to €4.50 on Monday, the operator said in a statement.",
            SECOND,
            "Fares rose by 12% to €4.50 on Monday, the operator said in a statement.",
            THIRD,
            "> Fares rose by 12% to €4.50 on Monday, the operator said in a statement.",
        ),
        [("D001", 4), ("D001", 6)],
    ),
    # session 41's near-miss of a shell command: a sum of money after a dollar sign, pasted twice
    (
        text(
            LEDE,
            "$ 5 million for the harbour works and the bridge across the canal",
            SECOND,
            "$ 5 million for the harbour works and the bridge across the canal",
        ),
        [("D001", 4)],
    ),
    # session 38's near-misses of a lead-in: pasted again with what follows it, over a blank
    # line (a form's label), and a shop widget's line over each of four books
    (
        text(
            "The harbour master answered the union's letter with two sentences:",
            SECOND,
            THIRD,
            "The harbour master answered the union's letter with two sentences:",
            SECOND,
        ),
        [("D001", 4), ("D001", 5)],
    ),
    (
        text(
            LEDE,
            "Leave this field empty if you are human:",
            "",
            SECOND,
            "Leave this field empty if you are human:",
            "",
        ),
        [("D001", 5)],
    ),
    (
        text(
            LEDE,
            "Find the book at a bookshop near your home:",
            "The Harbour",
            "Find the book at a bookshop near your home:",
            "The Strike",
            "Find the book at a bookshop near your home:",
            "The Cranes",
            "Find the book at a bookshop near your home:",
            "The Anchor",
        ),
        [("D001", 4), ("D001", 6), ("D001", 8)],
    ),
    # whitespace, case, punctuation and quote style do not matter
    (
        text(QUOTE, SECOND, "  " + QUOTE.upper().replace("“", '"').replace("”", '"').replace(",", "") + "  "),
        [("D001", 3)],
    ),
    # a whole run of paragraphs pasted twice: one diagnostic per repeated paragraph
    (text(TITLE, LEDE, SECOND, THIRD, LEDE, SECOND, THIRD), [("D001", 5), ("D001", 6), ("D001", 7)]),
    # three copies: the second and the third are reported
    (text(LEDE, "", LEDE, "", SECOND, "", LEDE), [("D001", 3), ("D001", 7)]),
    # a soft-wrapped paragraph repeated on one line
    (
        text(
            "Dock workers in the northern port voted on Thursday to accept a six percent pay",
            "rise, ending a strike that had left container ships waiting at anchor for nine days.",
            "",
            SECOND,
            "",
            LEDE,
        ),
        [("D001", 6)],
    ),
    # a pull-quote after the paragraph it quotes
    (text(LEDE, QUOTE, SECOND, PULL, THIRD), [("D001", 4)]),
    # session 39's near-misses of a hymn's first line: a title pasted again that ends its
    # sentence, and a line ending in a comma that repeats a paragraph, not the title
    (
        text("“I wander often from the harbour way”", LEDE, "I wander often from the harbour way.", SECOND),
        [("D001", 3)],
    ),
    (
        text(
            LEDE,
            "I wander often from the harbour way, said the pilot,",
            SECOND,
            "I wander often from the harbour way, said the pilot,",
            THIRD,
        ),
        [("D001", 4)],
    ),
    # session 41's near-miss: the paragraph below repeats the call without quotation marks
    (ASKED_BELOW.replace("“", "").replace("”", ""), [("D001", 3)]),
    # session 39's near-misses of a verse: three paragraphs above the one that cites it, as a
    # pull-quote stands beside its passage, and four above one that repeats it unquoted
    (text(LEDE, VERSE, SECOND, THIRD, FOURTH, CITES_VERSE), [("D001", 2)]),
    (
        text(LEDE, VERSE, SECOND, THIRD, QUOTE, FOURTH, CITES_VERSE.replace("“", "").replace("”", "")),
        [("D001", 2)],
    ),
    # a pull-quote before it, as a Markdown block quote
    (text(LEDE, "", "> " + PULL, "", QUOTE, "", THIRD), [("D001", 3)]),
    # a pull-quote set off by emphasis
    (text(LEDE, QUOTE, "**We did not win everything, but we won the things that matter**"), [("D001", 3)]),
    # a pull-quote of a paragraph that a teaser further down repeats as well: the paragraph is
    # its source, not the teaser
    (
        text(
            LEDE,
            "> " + PULL,
            "",
            QUOTE,
            "",
            THIRD,
            "",
            PULL[1:-1] + ", said the chair of the union after the...",
        ),
        [("D001", 2)],
    ),
    # a quotation right above the paragraph it quotes: a pull-quote when the text has no other
    # subheading, when it is set off as a block quote, or when it ends a sentence
    (text(LEDE, "", PULL, "", QUOTE, "", THIRD), [("D001", 3)]),
    (text(LEDE, "", "Pay and pensions", "", SECOND, "", "> " + PULL, "", QUOTE), [("D001", 7)]),
    (text(LEDE, "", "Pay and pensions", "", SECOND, "", PULL + ".", "", QUOTE), [("D001", 7)]),
    # in single quotation marks too, when it ends a sentence or is set off as a block quote
    (
        text(LEDE, "", "'We did not win everything, but we won the things that matter.'", "", QUOTE),
        [("D001", 3)],
    ),
    (
        text(LEDE, "", "> 'We did not win everything, but we won the things that matter'", "", QUOTE),
        [("D001", 3)],
    ),
    # German, with typographic quotes
    (
        text(
            "Die Hafenarbeiter haben am Donnerstag dem neuen Tarifvertrag zugestimmt.",
            "Der Streik hatte neun Tage gedauert und den Warenverkehr weitgehend lahmgelegt.",
            "„Die Hafenarbeiter haben am Donnerstag dem neuen Tarifvertrag zugestimmt.“",
        ),
        [("D001", 3)],
    ),
    # a paragraph that ends no sentence, pasted twice, stays a copy beside one line with a code
    # mark (a file name in a photo note): one such line makes no listing
    (
        text(
            LEDE[:-1] + " in the north",
            SECOND,
            "Photo: harbour_archive_0412",
            LEDE[:-1] + " in the north",
            THIRD,
        ),
        [("D001", 4)],
    ),
]


@pytest.mark.parametrize("body", D001_VALID)
def test_d001_valid(body: str) -> None:
    assert lines_of("D001", body) == []


@pytest.mark.parametrize("body, expected", D001_INVALID)
def test_d001_invalid(body: str, expected: list[tuple[str, int]]) -> None:
    assert lines_of("D001", body) == expected


def test_d001_related_points_at_the_first_copy_and_fix_removes_the_repeat() -> None:
    body = text(LEDE, SECOND, LEDE, THIRD)
    (v,) = check("D001", body)
    assert [(r.line, r.column) for r in v.related] == [(0, 0)]
    assert v.message == "Paragraph repeats line 1"
    assert v.fix is not None and v.fix.safe
    assert apply_edits(body, [v.fix])[0] == text(LEDE, SECOND, THIRD)


def test_d001_pull_quote_fix_is_unsafe_and_points_at_the_paragraph() -> None:
    body = text(LEDE, QUOTE, SECOND, PULL)
    (v,) = check("D001", body)
    assert v.message == "Paragraph repeats text of line 2"
    assert [r.line for r in v.related] == [1]
    assert v.fix is not None and not v.fix.safe


def test_d001_pull_quote_source_is_no_teaser() -> None:
    body = text("> " + PULL, "", PULL[1:-1] + ", the chair of the union said about the deal on…", "", QUOTE)
    (v,) = check("D001", body)
    assert v.message == "Paragraph repeats text of line 5"


def test_d001_last_line_repeat_fix_keeps_text_well_formed() -> None:
    body = LEDE + "\n" + SECOND + "\n" + LEDE  # no final newline
    (v,) = check("D001", body)
    assert v.fix is not None
    assert apply_edits(body, [v.fix])[0] == LEDE + "\n" + SECOND


def test_d001_min_words_option() -> None:
    body = text("The ferry leaves at nine.", SECOND, "The ferry leaves at nine.")
    assert lines_of("D001", body) == []
    settings = Settings(rule_options={"D001": {"min-words": 4}})
    assert [v.line + 1 for v in check("D001", body, settings=settings)] == [3]


def test_d001_html_paragraph_with_line_breaks_is_one_block() -> None:
    markup = (
        "<p>Dock workers voted on Thursday<br>to accept a six percent pay rise.</p>"
        "<p>The strike had lasted nine days.</p>"
        "<p>Dock workers voted on Thursday<br>to accept a six percent pay rise.</p>"
    )
    doc = html_document("a.html", markup)
    (v,) = list(all_rules()["D001"].check(doc, Settings()))
    assert (v.line, v.end_line) == (3, 4)


# --------------------------------------------------------------------------------------------
# D002 duplicate-heading

D002_VALID = [
    # the same words with other signs: "+30 degrees" and "30 degrees"
    text(TITLE, LEDE, SECOND, "Temperatures above +30 degrees", THIRD, "Temperatures above 30 degrees"),
    text(TITLE, LEDE, "What the deal means", SECOND, "What comes next", THIRD),
    # a byline set as a heading over two posts of one author
    text(
        "## Markets close higher",
        "### BY MARTA LINDQVIST",
        LEDE,
        "## Ports reopen",
        "### BY MARTA LINDQVIST",
        SECOND,
    ),
    # labels that recur under every item are structure
    text(
        "Best budget phones of the year",
        "Phone One",
        "Pros and cons",
        LEDE,
        "Phone Two",
        "Pros and cons",
        SECOND,
        "Phone Three",
        "Pros and cons",
        THIRD,
    ),
    # two-word headings may repeat (below three words)
    text(TITLE, "Key facts", LEDE, "Key facts", SECOND),
    # dates and numbers are not titles
    text("March 9, 2024", LEDE, "March 9, 2024", SECOND),
    # code and paths repeat by design
    text("FROM python:3.12-slim", "RUN pip install lintnews", LEDE, "FROM python:3.12-slim", SECOND),
    # a navigation menu printed at the top and the bottom of the page
    text(
        "World News Today",
        "Business And Markets",
        "Science And Climate",
        "Culture And Books",
        TITLE,
        LEDE,
        SECOND,
        "World News Today",
        "Business And Markets",
        "Science And Climate",
        "Culture And Books",
    ),
    # a repeated sentence is a paragraph, not a heading
    text(LEDE, "The port reopened on Friday.", SECOND, "The port reopened on Friday."),
    # a guide giving the same subheading to two different sections (Dragnet T102: "Third-party
    # packages" in Slackware's part, then in Arch's)
    text(
        "Two ports, two strikes",
        LEDE,
        "What the union won",
        SECOND,
        "The southern terminal",
        "Crane drivers in the south walked out a day later and are still out.",
        "What the union won",
        "Nothing yet: the southern branch of the union has turned down two offers since the strike began.",
    ),
    # lines ending in a colon introduce what follows
    text(
        "The union made three demands:", "- higher pay", LEDE, "The union made three demands:", "- pensions"
    ),
    # a table of contents, then the sections it lists: each heading over its own prose
    text(
        "How the port counts its ships",
        LEDE,
        "Table of Contents",
        "Counting Ships At Anchor",
        "Reading The Harbour Log",
        "Finding The Busy Days",
        "Counting Ships At Anchor",
        SECOND,
        "Reading The Harbour Log",
        THIRD,
        "Finding The Busy Days",
        "Crane drivers logged every arrival by hand until the new system went live last spring.",
    ),
    # a command's output line repeated in a shell session
    text(
        "The two clones are made the same way:",
        "$ hg clone public alice",
        "updating to branch default",
        "2 files updated, 0 files merged, 0 files removed, 0 files unresolved",
        "$ hg clone public bob",
        "updating to branch default",
        "2 files updated, 0 files merged, 0 files removed, 0 files unresolved",
        LEDE,
    ),
    # session 38 (Readability's clean pages, rewritten): a table set out one cell a line, a
    # region recurring down its column
    text(
        TITLE,
        LEDE,
        "Eastport",
        "Cape Sands Region",
        "2,310",
        "9",
        "Northfield",
        "Bay of Islands",
        "1,240",
        "15",
        "Westhaven",
        "Cape Sands Region",
        "640",
        "4",
        "Southby",
        "Bay of Islands",
        "980",
        "12",
        SECOND,
    ),
    # session 39 (Dragnet's html2text text, rewritten): a box score as html2text writes a
    # Markdown table, each cell's lines broken, the same closer in both rows
    text(
        TITLE,
        LEDE,
        "#### Harbour Hawks lead the series 2-0",
        "Tue 08/07 |  WP: Sam Ortega (10 - 7)   ",
        "SV: Fernando Alvarez Junior   ",
        "LP: Tom Reyes (0 - 1)   ",
        "| 4 - 1 win  ",
        "---|---|---  ",
        "Wed 08/08 |  WP: Luis Marno (6 - 8)   ",
        "SV: Fernando Alvarez Junior   ",
        "LP: Carl Vanner (6 - 2)   ",
        "| 3 - 2 win  ",
        "",
        SECOND,
    ),
    # a photographer's credit under each picture, and the New York Times's glued credit label
    text(TITLE, LEDE, "Jane Roe/iStock/Getty Images", SECOND, "Jane Roe/iStock/Getty Images", THIRD),
    text(
        TITLE,
        LEDE,
        "Photo",
        "CreditPhoto Illustration by Jane Roe for The Coast Times",
        SECOND,
        "Photo",
        "CreditPhoto Illustration by Jane Roe for The Coast Times",
        THIRD,
    ),
    # the parts of a system listed (one or two words each), then a section for each part
    text(
        TITLE,
        LEDE,
        "The port's new system has the following parts:",
        "Gate",
        "Yard Office",
        "Crane Scheduler and Dispatcher (CSD)",
        "Gate",
        "Trucks check in at the gate, where a clerk reads the container number off the screen.",
        "Yard Office",
        "The yard office keeps the map of every stack and tells each driver where to go.",
        "Crane Scheduler and Dispatcher (CSD)",
        "The CSD gives each crane its next container and sends the schedule to the dispatcher.",
    ),
    # one subheading under two parent headings, each over its own paragraph
    text(
        TITLE,
        LEDE,
        "What the deal guarantees",
        "Pay rises for every grade",
        "Every grade gets six percent this year and three percent next year, the union said.",
        SECOND,
        "How the deal is paid for",
        "Pay rises for every grade",
        "The port authority will raise its fees on every ship that waits longer than two days.",
        THIRD,
    ),
]

#: A widget of two posts (a date, then a title), as a page prints it twice.
_POSTS_WIDGET = (
    "older",
    "23",
    "Jul",
    "2024",
    "6:05pm, EDT",
    "Ships Return To The Northern Terminal",
    "newer",
    "24",
    "Jul",
    "2024",
    "2:06pm, EDT",
    "Crane Drivers Vote On New Shifts",
)

D002_INVALID: list[tuple[str, list[tuple[str, int]]]] = [
    # a headline over two lines of chrome, each repeated over a paragraph further down: chrome
    # names no part of the text, so the three lines are no list of parts (session 41, Hypothesis)
    (
        text(
            TITLE,
            "Adblock Detected",
            "Share on Facebook",
            LEDE,
            TITLE,
            SECOND,
            "Adblock Detected",
            THIRD,
        ),
        [("D002", 5)],
    ),
    # session 39 near-miss: a title repeated under a Markdown table, a blank line between, is
    # no line of its cells
    (
        text(
            TITLE,
            LEDE,
            "Day | Ships  ",
            "---|---  ",
            "Monday | 12  ",
            "",
            TITLE,
            SECOND,
        ),
        [("D002", 7)],
    ),
    # nor is a line four lines under a table's rows, in a text with no blank lines (html2text's
    # notes under a table, then a repeated title)
    (
        text(
            TITLE,
            LEDE,
            "| Day | Ships |",
            "|---|---|",
            "| Monday | 12 |",
            "1 Counted at the northern gate.",
            "2 Counted by hand.",
            "3 Ships at anchor are not counted.",
            "4 Figures for the first week only.",
            TITLE,
            SECOND,
            "| Day | Cranes |",
        ),
        [("D002", 10)],
    ),
    # session 38 near-misses: a title beside one time stamp is no table cell, and a title at
    # the top under the site's name is no subsection
    (text(TITLE, "Updated", "14:05", TITLE, LEDE, SECOND), [("D002", 4)]),
    # citation markers after a word ("published[1][2].") are no code index: the lines around a
    # repeated heading are prose, not a listing
    (
        text(
            LEDE[:-1] + "[1][2].",
            LEDE[:-1] + "[1][2].",
            TITLE,
            TITLE,
        ),
        [("D002", 4)],
    ),
    # a widget of posts printed twice, a date between two titles
    (text(LEDE, *_POSTS_WIDGET, SECOND, *_POSTS_WIDGET), [("D002", 20), ("D002", 26)]),
    (text("Coast News", TITLE, LEDE, SECOND, "Harbour", TITLE, THIRD), [("D002", 6)]),
    # the title repeated after a blank line (an extractor emitting <title> and <h1>)
    (text(TITLE, "", TITLE, LEDE, SECOND), [("D002", 3)]),
    # the same title in different case further down, above a second copy of the story
    (text(TITLE, "", LEDE, "", SECOND, "", TITLE.upper(), "", THIRD), [("D002", 7)]),
    (text(TITLE, LEDE, "port strike ends after nine days", SECOND), []),  # lower-case start: not a title
    (text(TITLE, LEDE, "Port strike ends after nine days", SECOND), [("D002", 3)]),
    # a third copy that looks like code is no candidate: the other two are still a pair
    (
        text(
            "Port strike ends after nine days",
            LEDE,
            "Port strike ends after nine days",
            SECOND,
            "Port strike {ends} after nine days",
            THIRD,
        ),
        [("D002", 3)],
    ),
    # each text is tested once, whatever its key: copies of a code-like line first, then of
    # the title (one key for all four) leave the title's two copies a pair
    (
        text(
            "Port strike {ends} after nine days",
            LEDE,
            "Port strike ends after nine days",
            SECOND,
            "Port strike {ends} after nine days",
            THIRD,
            "Port strike ends after nine days",
        ),
        [("D002", 7)],
    ),
    # a Markdown heading repeated as a plain title line, punctuation aside
    (
        text(
            "# Port strike ends after nine days",
            "",
            LEDE,
            "",
            "Port Strike Ends — After Nine Days",
            "",
            SECOND,
        ),
        [("D002", 5)],
    ),
    # title and subtitle repeated together: both reported
    (
        text(
            TITLE,
            "Ships Return To The Northern Terminal",
            LEDE,
            TITLE,
            "Ships Return To The Northern Terminal",
            SECOND,
        ),
        [("D002", 4), ("D002", 5)],
    ),
    # a subheading repeated between paragraphs of prose over a copy of its section: a copy
    (
        text(LEDE, "What the union won", SECOND, THIRD, "What the union won", SECOND),
        [("D002", 5)],
    ),
    # ... or over a copy of the paragraph above the first copy (the article pasted again from its
    # start): no section of its own, and once the fix removes the pasted paragraph the heading
    # would stand over nothing
    (
        text(
            "Talks resumed in Geneva on Monday after a two-week pause, officials said.",
            "Geneva Talks Resume After Pause",
            "The plan was signed in France. Those talks failed to yield results, analysts said.",
            "Geneva Talks Resume After Pause",
            "Talks resumed in Geneva on Monday after a two-week pause, officials said.",
        ),
        [("D002", 4)],
    ),
    # ... or over a copy whose words were edited or moved (a re-scraped post): still a copy
    (
        text(
            LEDE,
            "What the union won",
            SECOND,
            THIRD,
            "What the union won",
            "The union said the deal guarantees that no jobs will be cut before new cranes arrive in spring.",
        ),
        [("D002", 5)],
    ),
    # over different paragraphs, but the first copy is the text's first line: the page's title
    (text("What the union won", LEDE, SECOND, "What the union won", THIRD), [("D002", 4)]),
    # a question heading
    (
        text("What Does The Deal Mean For Shoppers?", LEDE, "What does the deal mean for shoppers?", SECOND),
        [("D002", 3)],
    ),
    # a list of headlines printed twice, each with its author: no table of contents, as no
    # copy titles a paragraph of its own
    (
        text(
            LEDE,
            "Most Read",
            "Ships Return To The Northern Terminal",
            "Marta Lindqvist",
            "Crane Drivers Vote On New Contract",
            "Tom Weir",
            "Retailers Warn Of Thin Shelves",
            "Jane Holt",
            SECOND,
            "Ships Return To The Northern Terminal",
            "Marta Lindqvist",
            "Video: Port Workers Describe The Long Night Shift At The Northern Terminal",
            "Tom Weir",
            "Crane Drivers Vote On New Contract",
            "Jane Holt",
            "Video: The Harbour Master Explains Why The Cranes Stood Still For Nine Days",
            "Marta Lindqvist",
            "Retailers Warn Of Thin Shelves",
        ),
        [("D002", 10), ("D002", 14), ("D002", 18)],
    ),
    # a menu and the title printed twice, the title over a copy of the story: the page printed
    # twice, not a table of contents (two of the three lines title sections of their own)
    (
        text(
            "World News Today",
            "Business And Markets",
            TITLE,
            LEDE,
            SECOND,
            "World News Today",
            "Business And Markets",
            THIRD,
            TITLE,
            LEDE,
        ),
        [("D002", 6), ("D002", 7), ("D002", 9)],
    ),
]


@pytest.mark.parametrize("body", D002_VALID)
def test_d002_valid(body: str) -> None:
    assert lines_of("D002", body) == []


@pytest.mark.parametrize("body, expected", D002_INVALID)
def test_d002_invalid(body: str, expected: list[tuple[str, int]]) -> None:
    assert lines_of("D002", body) == expected


def test_d002_related_and_fix() -> None:
    body = text(TITLE, "", TITLE, LEDE)
    (v,) = check("D002", body)
    assert [r.line for r in v.related] == [0]
    assert v.message == "Heading repeats line 1"
    assert v.fix is not None and apply_edits(body, [v.fix])[0] == text(TITLE, "", LEDE)


def test_d002_html_headings() -> None:
    markup = f"<h1>{TITLE}</h1><p>{LEDE}</p><h2>{TITLE.lower()}</h2><p>{SECOND}</p>"
    doc = html_document("a.html", markup)
    assert [(v.rule.code, v.line) for v in all_rules()["D002"].check(doc, Settings())] == [("D002", 2)]


def test_quoted_prescreen_agrees_with_the_regex() -> None:
    """`_quoted` rules texts out by their first and last characters before running `_QUOTED`:
    it answers as the regex alone does."""
    import random

    from lintnews.rules.duplication import keys as duplication

    pieces = [
        '"',
        "'",
        "“",
        "”",
        "„",
        "«",
        "»",
        "‹",
        "›",
        "‚",
        "*",
        "**",
        "_",
        "__",
        " ",
        "\n",
        "\u00a0",
        ".",
        "!",
        "?",
        "…",
        "word",
        "Another phrase",
    ]
    rng = random.Random(11)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert duplication._quoted(text) == bool(duplication._QUOTED.match(text)), repr(text)


def test_code_like_is_the_pattern_a_branch_at_a_time() -> None:
    """D002's `_code_like` answers as `_CODE_LIKE.search` on generated headings of words,
    symbols, colons, slashes and blanks of every kind."""
    import random

    from lintnews.rules.duplication import keys

    pieces = [
        "Home",
        "news",
        "a",
        "1",
        ":",
        "/",
        "//",
        " ",
        "  ",
        "\t",
        "\u00a0",
        "\u3000",
        "{",
        "=",
        "|",
        "#",
    ]
    pieces += ["$", "@", "[", "]", "<", ">", "\\", "_", "-", "é", "新闻", "Ж"]
    rng = random.Random(35)
    code = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        expected = keys._CODE_LIKE.search(text) is not None
        assert keys._code_like(text) == expected, repr(text)
        code += expected
    assert 5_000 < code < 19_000
