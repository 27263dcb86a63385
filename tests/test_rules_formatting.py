"""F rules (formatting): valid / invalid tables in the textlint-tester style, plus fixes."""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.fixes import apply_edits
from lintnews.registry import Violation, all_rules
from lintnews.sources.documents import html_document

LEDE = (
    "The city council approved the new budget on Tuesday after a debate that lasted well into the night, "
    "and the mayor said the vote was a relief for the schools."
)
SECOND = (
    "Opposition members said the plan leaves too little for road repairs and warned that the deficit will "
    "return next year if tax income falls."
)
#: Enough sentences that start in upper case for one lower-case start to stand out.
BODY = (
    "The council met at six. The mayor opened the session with a short speech. The treasurer presented "
    "the figures. The debate then went on for hours. Several members asked for changes. The vote came "
    "after midnight."
)


def check(code: str, text: str, kind: str = "text") -> list[Violation]:
    return list(all_rules()[code].check(Document("article.txt", text, kind=kind), Settings()))


def lines_of(code: str, text: str, kind: str = "text") -> list[tuple[str, int]]:
    return [(v.rule.code, v.line + 1) for v in check(code, text, kind)]


def fixed(code: str, text: str, kind: str = "text") -> str:
    fixes = [v.fix for v in check(code, text, kind) if v.fix is not None]
    return apply_edits(text, fixes)[0]


# --------------------------------------------------------------------------------------------
# F001 missing-space-after-punctuation

SPACE_VALID = [
    f"{LEDE}\n{SECOND}\n",
    (
        "U.S. officials and U.K. diplomats met at 10.30 a.m. in Geneva, e.g. to discuss the 3.5 percent tariff "
        "and the 1,000 jobs at stake, i.e. the whole plant.\n"
    ),
    (
        "The full report is at https://example.com/Reports/Budget.Final and questions go to press@example.org "
        "or to the city hall website www.example.com before Friday.\n"
    ),
    (
        "Die Sitzung beginnt am 1.1.2020 um 10.30 Uhr, z.B. mit dem Bericht des Kämmerers, u.a. zur Lage der "
        "Schulen und der Straßen in der Stadt.\n"
    ),
    (
        "The council's new app runs on ASP.NET and Node.js, version v2.1, and the budget.pdf file was posted "
        "by the clerk, who holds a Ph.D. in economics.\n"
    ),
    (
        "Das Theater St.Gallen zeigt das Stück im Herbst, und wer eine FRITZ!Box hat, kann den Stream der "
        "Premiere am Abend zu Hause sehen.\n"
    ),
    (
        "Delegations from NL,CZ and other member states said the rules were too strict for the smaller ports "
        "and asked for a delay.\n"
    ),
    # a list of tags, not a sentence
    "Tags: politics,budget,council,schools,roads and the archive of all stories about the city hall\n",
    # tables and short lines are not running text
    "| Item | Cost |\n|---|---|\n| Roads,bridges | 4.5 |\n",
    # Chinese and Japanese write no space after a comma, half-width or not (prose since s37)
    "這趟路讓您辛苦了,雖然天氣不佳依然如期赴約,我們下次再來拍照,楓紅期間一定要再來一趟。\n",
    "港湾局は火曜日,穀物の輸送を再開したと発表した,最初の貨物船が港を出た。\n",
    # names with a dot: domain-like brands, a digit glued to the second part, quoted names
    (
        "Web Football.London to vidí podobně a Die Landesförderbank NRW.Bank hat ihre Förderung ausgebaut, "
        "sagte der Sprecher.\n"
    ),
    (
        "Der neue vollelektrische VW ID.Buzz erscheint im Herbst, und die Landesgesellschaft NRW.Energy4Climate "
        "soll die Arbeit der Behörden bündeln.\n"
    ),
    (
        'Das Projekt "Quali.Dig" richtet sich an Lehrende, und Unternehmen können sich für den Wettbewerb '
        "„Heimspiel.Dortmund 2022“ bewerben.\n"
    ),
    # Markdown code spans are code, not sentences (a tech story's `typing.Annotated`, `enum.Enum`)
    (
        "The library added `typing.Annotated` support this week, so `orjson.Fragment` and `enum.Enum` "
        "values are now written as they are, the maintainers said.\n"
    ),
    # a word written with a semicolon, in html2text's Markdown of a blog post (Dragnet 422)
    (
        "Issue #3 finally got out the door. Make sure you check out the _Tech Talk_ section, and with the "
        "print edition (you can print it out), you no longer have the 'tl;dr' excuse. **TL;DR:** read it.\n"
    ),
]

SPACE_INVALID = [
    (
        (
            f"{LEDE}\nThe leaders last met in Paris in December 2019, alongside the leaders of Germany and "
            "France.Those talks ended without results.\n"
        ),
        [("F001", 2)],
    ),
    (
        (
            "“The vote was more about optics than substance,” said Dr.Eleanor Vance, a budget expert. “Both "
            "sides are content to keep the status quo,avoiding any real compromise.”\n"
        ),
        [("F001", 1), ("F001", 1)],
    ),
    (
        (
            "Der Stadtrat hat den Haushalt am Dienstag beschlossen.Die Opposition kritisierte, dass für die "
            "Straßen zu wenig Geld bleibe.\n"
        ),
        [("F001", 1)],
    ),
    (
        (
            "Did anyone on the council actually read the figures before the vote?Nobody could say for sure, "
            "the clerk told reporters.\n"
        ),
        [("F001", 1)],
    ),
    # a domain-like word starting the next sentence after an ordinary word, and a glue after a
    # name that is no domain, are still glue
    (
        (
            "The new rules will raise the bills of every household in the city.Energy prices rose by a "
            "third last year, and email in the cloud with Google.Bring back the old tariffs, they said.\n"
        ),
        [("F001", 1), ("F001", 1)],
    ),
    # a glue outside a code span is still glue, beside one
    (
        (
            "The release notes describe `typing.Annotated` in detail.Nobody expected the change, "
            "the maintainers said in the `CHANGES.md` file.\n"
        ),
        [("F001", 1)],
    ),
    # the semicolon word is left alone, the glue beside it is not
    (
        (
            "Nobody had the 'tl;dr' excuse any more, the clerk said;nobody asked for the short version of "
            "the budget.\n"
        ),
        [("F001", 1)],
    ),
]


def test_missing_space_leaves_html_inline_code_alone() -> None:
    def found(inline: str) -> list[str]:
        page = (
            "<html><body><article><h1>The library adds typed annotations</h1><p>The maintainers said "
            f"on Tuesday that the library now supports {inline}, which users had asked for since the "
            "spring.Nobody expected it this year.</p></article></body></html>"
        )
        return [v.message for v in all_rules()["F001"].check(html_document("page.html", page), Settings())]

    glued = 'Missing space after "." in "spring.Nobody"'
    assert found("<code>typing.Annotated</code> and <kbd>Ctrl.Enter</kbd>") == [glued]
    assert found("<em>typing.Annotated</em>") == ['Missing space after "." in "typing.Annotated"', glued]


@pytest.mark.parametrize("text", SPACE_VALID)
def test_missing_space_valid(text: str) -> None:
    assert lines_of("F001", text) == []


@pytest.mark.parametrize(("text", "expected"), SPACE_INVALID)
def test_missing_space_invalid(text: str, expected: list[tuple[str, int]]) -> None:
    assert lines_of("F001", text) == expected


def test_missing_space_points_at_the_mark_and_fix_inserts_a_space() -> None:
    text = (
        "“The vote was about optics, not substance,” said Dr.Eleanor Vance of the budget office on Monday.\n"
    )
    (v,) = check("F001", text)
    assert (v.line, v.column) == (0, text.index("Dr.") + 2)
    assert '"Dr.Eleanor"' in v.message
    assert fixed("F001", text) == text.replace("Dr.Eleanor", "Dr. Eleanor")


# --------------------------------------------------------------------------------------------
# F002 lowercase-sentence-start

LOWER_VALID = [
    f"{LEDE}\n{SECOND}\n{BODY}\n",
    (
        f"{BODY} The plan covers roads, bridges, schools etc. and the old harbour. Prices rose approx. by a "
        "third.\n"
    ),
    (
        f"{BODY} Staff will get a new iPhone. eBay listings of old phones are banned. The rule was written by "
        "the mayor.\n"
    ),
    f"{BODY} The square is named after the general. de Gaulle visited it in 1960. The statue is new.\n",
    # a brand written as one lower-case token joined by a sign (Dragnet R363, a design studio)
    (
        f"{BODY} The studio was founded in 2001 by Susanna Baer and Alex Sonderegger. so+ba is active in "
        "architecture and interior design. The office is in Tokyo.\n"
    ),
    f"{BODY} The plan went to Brussels. von der Leyen called it bold. The council was pleased.\n",
    # session 41 (Readability's Fetch API page): a function's name, written as the code writes it
    f"{BODY} The API can copy the body of a response. clone() must be called before the body is read.\n",
    # a US state's abbreviation in news style ends no sentence
    f"{BODY} Survivors of the Aurora, Colo. movie theater shooting met the mayor. The hall was full.\n",
    f"{BODY} Fans queued at the store in King of Prussia, Penn. over the weekend. The doors opened late.\n",
    # a dotted abbreviation after the full stop is shorthand
    f"{BODY} The campaign follows the reader. i.e. Be where the customer is. The budget doubled.\n",
    # a writer who never capitalises has a style, not a defect
    (
        "we met at six. the mayor spoke first. then the treasurer read the figures. nobody was happy. "
        "the vote came late.\n"
    ),
    # bylines and category labels
    f"{LEDE}\n\nby Jane Holt\n\n{SECOND}\n",
    f"{LEDE}\n\nin Local News, Politics\n\n{SECOND}\n",
    # German capitalises nouns: a line starting in lower case is not a title-case heading
    (
        "Der Stadtrat hat den Haushalt am Dienstag beschlossen, und die Bürgermeisterin war erleichtert.\n\n"
        "für das Rezept Apfelkuchen mit Sahne\n\nDie Opposition kritisierte den Plan.\n"
    ),
]

#: A made-up Madrid tram story (Spanish abbreviations before a lower-case word).
ES_TRAM = (
    "Nueva línea de tranvía en Madrid\n\nEl alcalde inauguró el sábado la nueva línea. Según el Ayuntamiento, "
    "la usarán aprox. 50.000 viajeros al día, p. ej. trabajadores del polígono, y la Sra. García, vecina del "
    "barrio, lo celebró.\n\nLas obras duraron dos años y costaron 120 mill. de euros. La sede está en la "
    "Avda. de la Constitución. El Dr. López y la Dra. Pérez asistieron.\n"
)
LOWER_VALID.append(ES_TRAM)  # "mill." (millones) is a Spanish abbreviation

LOWER_INVALID = [
    (f"{BODY} Roads remain a priority. the plan doubles the money for bridges.\n", [("F002", 1)]),
    (f"{LEDE}\n\nlong-Term Implications and Past Context\n\n{SECOND}\n{BODY}\n", [("F002", 3)]),
    # Spanish: still a sentence start after a word, and "mill." ends an English sentence
    (ES_TRAM.replace("Pérez asistieron.", "Pérez asistieron. la ministra no acudió."), [("F002", 5)]),
    (f"{BODY} The town lost its paper mill. the workers moved away.\n", [("F002", 1)]),
    # session 41's near-miss of a function's name: a word before a bracketed aside
    (f"{BODY} Roads remain a priority. the (new) plan doubles the money.\n", [("F002", 1)]),
]


@pytest.mark.parametrize("text", LOWER_VALID)
def test_lowercase_sentence_start_valid(text: str) -> None:
    assert lines_of("F002", text) == []


@pytest.mark.parametrize(("text", "expected"), LOWER_INVALID)
def test_lowercase_sentence_start_invalid(text: str, expected: list[tuple[str, int]]) -> None:
    assert lines_of("F002", text) == expected


def test_lowercase_sentence_start_fix_is_unsafe_and_capitalises() -> None:
    text = f"{BODY} Roads remain a priority. the plan doubles the money for bridges.\n"
    (v,) = check("F002", text)
    assert v.column == text.index("the plan")
    assert v.fix is not None and not v.fix.safe
    assert apply_edits(text, [v.fix])[0] == text.replace("the plan", "The plan")


# --------------------------------------------------------------------------------------------
# F003 malformed-table

TABLE_VALID = [
    "| Party | Seats |\n|---|---|\n| Greens | 12 |\n| Liberals | 9 |\n",
    # one empty cell is normal
    "| Party | Seats | Change |\n|---|---|---|\n| Greens | 12 | +2 |\n| Liberals | 9 | |\n| Left | 4 | -1 |\n",
    # a column of icons the extractor dropped: no row was ever full
    "| Platform | Desktop | Mobile |\n|---|---|---|\n| Windows | | |\n| Linux | | |\n| Mac | | |\n",
    # a second table glued to the first
    (
        "| # | Rider | Heat 1 | Heat 2 |\n|---|---|---|---|\n| 1 | Holt | 3 | 2 |\n| 2 | Berg | 1 | 0 |\n"
        "| Venue | City stadium |\n| Referee | J. Moss |\n| Date | 4 May |\n"
    ),
    # a row that stops early is a row with empty cells; trailing empty extra cells are harmless
    "| Party | Seats | Change |\n|---|---|---|\n| Greens | 12 | +2 |\n| Liberals | 9 |\n| Left | 4 | -1 | |\n",
    # a header with an empty corner cell, written without it
    " | 2019 | 2020\n---|---|---\nSeats | 12 | 14\nVotes | 900 | 1,020\n",
    # header-less pipes in prose are not tables
    f"{LEDE} | {SECOND}\n",
]

TABLE_INVALID = [
    (
        "| Party | Seats |\n|---|---|\n| Greens | 12 |\n| Liberals | 9 | +2 |\n| Left | 4 |\n",
        [("F003", 4, 4)],
    ),
    (
        (
            "| Measure | Effect |\n|---|---|\n| Roads | More money for repairs |\n"
            "| A way of delaying the school reform | |\n| Has divided the council | |\n"
            "| Has been used by the opposition | |\n| Is being used to cut costs |\n"
        ),
        [("F003", 4, 7)],
    ),
    # every row has a column the header lacks
    (
        "| Party | Seats |\n|---|---|\n| Greens | 12 | +2 |\n| Liberals | 9 | -1 |\n| Left | 4 | 0 |\n",
        [("F003", 3, 5)],
    ),
]


@pytest.mark.parametrize("text", TABLE_VALID)
def test_malformed_table_valid(text: str) -> None:
    assert lines_of("F003", text) == []


@pytest.mark.parametrize(("text", "expected"), TABLE_INVALID)
def test_malformed_table_invalid(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert [(v.rule.code, v.line + 1, v.end_line + 1) for v in check("F003", text)] == expected


# --------------------------------------------------------------------------------------------
# F004 excess-blank-lines

BLANK_VALID = [
    f"{LEDE}\n\n{SECOND}\n",
    f"{LEDE}\n\n\n{SECOND}\n",
    f"{LEDE}\n{SECOND}",
    # blank lines inside a code fence are content
    f"{LEDE}\n\n```\nfirst()\n\n\n\nsecond()\n```\n\n{SECOND}\n",
    # ... of a fence a "~~~" does not close, nor a shorter run; one that never closes
    f"{LEDE}\n\n````py\nfirst()\n~~~\n```\n\n\n\nsecond()\n````\n\n{SECOND}\n",
    f"{LEDE}\n\n~~~\nfirst()\n\n\n\nsecond()\n",
    # ... of a list item's fence, a tab or four spaces in
    f"{LEDE}\n\t```\n\n\n\n{SECOND}\n    ```\n",
    # HTML: blank lines come from the extraction, not the source
    f"<p>{LEDE}</p>\n\n\n\n\n<p>{SECOND}</p>\n\n\n",
]

BLANK_INVALID = [
    (f"{LEDE}\n\n\n\n{SECOND}\n", [("F004", 2)]),
    (f"{LEDE}\n{SECOND}\n\n\n", [("F004", 3)]),
    (f"{LEDE}\n\n\n\n\n{SECOND}\n\n", [("F004", 2), ("F004", 7)]),
    # html2text's empty struck-out links ("~~~~__") open no fence
    (f"{LEDE}\n\n~~~~__\n\n\n\n{SECOND}\n\n~~~~__\n", [("F004", 4)]),
]


@pytest.mark.parametrize("text", BLANK_VALID)
def test_excess_blank_lines_valid(text: str) -> None:
    kind = "html" if text.startswith("<p>") else "text"
    assert lines_of("F004", text, kind) == []


@pytest.mark.parametrize(("text", "expected"), BLANK_INVALID)
def test_excess_blank_lines_invalid(text: str, expected: list[tuple[str, int]]) -> None:
    assert lines_of("F004", text) == expected


def test_excess_blank_lines_fix_collapses_runs_and_trims_the_end() -> None:
    assert fixed("F004", f"{LEDE}\n\n\n\n\n{SECOND}\n\n\n") == f"{LEDE}\n\n{SECOND}\n"
    assert fixed("F004", f"{LEDE}\n\n \n\t\n{SECOND}") == f"{LEDE}\n\n{SECOND}"
    assert fixed("F004", f"{LEDE}\n\n") == f"{LEDE}\n"


# --------------------------------------------------------------------------------------------
# F005 mojibake

MOJIBAKE_VALID = [
    f"{LEDE}\n",
    "Über die Straße geht es zum Café – „Naïve“ Kunst und “curly quotes” sind in Ordnung, ebenso £100 und 5 °C.\n",
    "Ð is a letter of Icelandic, and Ã is used in Portuguese words such as São Paulo, wrote the editor.\n",
]

MOJIBAKE_INVALID = [
    (f"{LEDE}\nThe Kremlinâ€™s position has not changed, officials said.\n", [("F005", 2)]),
    ("Die Brücke Ã¼ber den Fluss wird gesperrt, teilte die Stadt mit.\n", [("F005", 1)]),
]


@pytest.mark.parametrize("text", MOJIBAKE_VALID)
def test_mojibake_valid(text: str) -> None:
    assert lines_of("F005", text) == []


@pytest.mark.parametrize(("text", "expected"), MOJIBAKE_INVALID)
def test_mojibake_invalid(text: str, expected: list[tuple[str, int]]) -> None:
    assert lines_of("F005", text) == expected


def test_mojibake_fix_applies_ftfys_repair_to_the_span() -> None:
    text = "The Kremlinâ€™s position has not changed, officials said.\n"
    (v,) = check("F005", text)
    assert (v.column, v.end_column) == (text.index("â"), text.index("â") + 3)
    assert v.fix is not None and v.fix.safe
    assert apply_edits(text, [v.fix])[0] == "The Kremlin’s position has not changed, officials said.\n"


# --------------------------------------------------------------------------------------------
# F006 html-remnant

HTML_VALID = [
    f"{LEDE}\n",
    "AT&T and R&D budgets grew, and the ratio a < b held, the analyst said <3 times a day.\n",
    "Use `&amp;` to write an ampersand in HTML, and `<br>` for a line break, the guide says.\n",
    '```\n<div class="box">&nbsp;</div>\n```\n',
    # a "~~~" in a ``` fence is code, and so is the markup after it
    '```html\n~~~\n<div class="box">&nbsp;</div>\n```\n',
    "Fish &chips; is not an entity, and neither is &madeup; in this sentence.\n",
    # session 38: a tutorial that shows HTML (a listing under the sentence that introduces it,
    # a tag left open over two lines) and names tags in its prose
    "To run the tests in a browser, add these lines to the page that loads your suite:\n"
    '<link rel="stylesheet" href="vendor/runner.css">\n<div id="results"></div>\n'
    '<script src="vendor/runner.js"\ndata-report="vendor/report.js"></script>\n'
    "<script>runner.start();</script>\nThe page must be served over HTTP.\n",
    "The request carries a type, such as an image if it came from an <img>tag in the page, and "
    "the <p> element takes no such attribute.\n",
    # session 39 (Readability's dev418, rewritten): a test page's headings name the elements
    f"Single <img>\n{LEDE}\n<ul> List of <figure>\n{LEDE}\n",
    # a list item that opens with a bracketed word, a footnote's mark; a definition in a code block
    f"{LEDE}\n* [Update] The council met again on Friday.\n*[1] See the minutes of March 3.\n",
    f"{LEDE}\n```\n*[HTML]: HyperText Markup Language\n```\n",
]

HTML_INVALID = [
    ("Johnson &amp; Johnson said the recall was voluntary.\n", [("F006", 1)]),
    ("The mayor&#8217;s plan was approved.<br/>The vote was close.\n", [("F006", 1), ("F006", 1)]),
    ("<p>The council met on Tuesday.</p>\n", [("F006", 1), ("F006", 1)]),
    ('The plan <span class="highlight">doubles</span> the money.\n', [("F006", 1), ("F006", 1)]),
    # markup under a heading or a short label is left over from the page, not shown
    ('Video\n<div class="player"></div>\n', [("F006", 2), ("F006", 2)]),
    ('Watch the clip:\n<iframe src="https://example.org/v/1"></iframe>\n', [("F006", 2), ("F006", 2)]),
    # session 39 near-misses: a short line whose tag wraps it, carries attributes, is glued to a
    # word or breaks a line is left over, not named
    ("<figure> Harbour cranes</figure>\n", [("F006", 1), ("F006", 1)]),
    ('Gallery <img src="cranes.jpg">\n', [("F006", 1)]),
    ("Harbour cranes<figure>\n", [("F006", 1)]),
    ("Read more <br>\n", [("F006", 1)]),
    ("The council met on Tuesday. <figure>\n", [("F006", 1)]),
    # html2text's empty struck-out links ("~~~~__") open no fence: what is between is the page's
    ("~~~~__\nJohnson &amp; Johnson said the recall was voluntary.\n~~~~__\n", [("F006", 2)]),
    # the definitions html2text appends for the page's <abbr> elements, one a line
    (
        f"{LEDE}\n\n  *[HTML]: HyperText Markup Language\n  *[RSS]: Really Simple Syndication\n"
        "*[2 hrs ago]: 2012-11-07T15:12:00+0000\n*[  ]: British Broadcasting Corporation\n",
        [("F006", 3), ("F006", 4), ("F006", 5), ("F006", 6)],
    ),
]


@pytest.mark.parametrize("text", HTML_VALID)
def test_html_remnant_valid(text: str) -> None:
    kind = "markdown" if "`" in text else "text"
    assert lines_of("F006", text, kind) == []


def test_html_remnant_ignores_html_documents() -> None:
    assert lines_of("F006", "Johnson &amp; Johnson<br/>\n", "html") == []


@pytest.mark.parametrize(("text", "expected"), HTML_INVALID)
def test_html_remnant_invalid(text: str, expected: list[tuple[str, int]]) -> None:
    assert lines_of("F006", text) == expected


def test_html_remnant_fix_decodes_entities_and_removes_tags() -> None:
    assert fixed("F006", "Johnson &amp; Johnson said so.\n") == "Johnson & Johnson said so.\n"
    assert fixed("F006", "The mayor&#8217;s plan.<br/>The vote.\n") == "The mayor’s plan. The vote.\n"
    assert fixed("F006", "<p>The council met.</p>\n") == "The council met.\n"
    assert fixed("F006", f"{LEDE}\n\n  *[HTML]: HyperText Markup Language\n") == f"{LEDE}\n"


def test_an_abbreviation_definition_is_reported_as_the_converters_line() -> None:
    text = f"{LEDE}\n\n  *[HTML]: HyperText Markup Language\n"
    (v,) = all_rules()["F006"].check(Document("a.txt", text), Settings())
    assert (v.line, v.column, v.end_line) == (2, 2, 2)  # (the column of its first character)
    assert v.message == 'Abbreviation definition "*[HTML]: HyperText Markup Language" left in the text'


def test_every_formatting_rule_has_ruff_shaped_docs() -> None:
    for code in ("F001", "F002", "F003", "F004", "F005", "F006"):
        doc = all_rules()[code].doc
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Fix"):
            assert heading in doc, (code, heading)


def test_mojibake_trusts_a_tilde_before_a_space_only_with_other_damage() -> None:
    text = "La rÃ©union a eu lieu Ã  Paris, a annoncÃ© la mairie.\n"
    assert lines_of("F005", text) == [("F005", 1)]
    assert fixed("F005", text) == "La réunion a eu lieu à Paris, a annoncé la mairie.\n"


@pytest.mark.parametrize("code", ["F001", "F002", "F003", "F004", "F005", "F006"])
def test_the_documented_example_is_reported(code: str) -> None:
    example = all_rules()[code].doc.split("## Example", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    assert check(code, example)
