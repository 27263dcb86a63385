"""G rules (generation artifacts): valid / invalid tables in the textlint-tester style."""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.fixes import apply_edits
from lintnews.registry import Violation, all_rules

LEDE = (
    "The city council approved the new budget on Tuesday after a debate that lasted well into the night, "
    "and the mayor said the vote was a relief for the schools."
)
SECOND = (
    "Opposition members said the plan leaves too little for road repairs and warned that the deficit will "
    "return next year if tax income falls."
)
CLOSE = "The budget takes effect in January, when the first payments to the schools are due."


def check(code: str, text: str, kind: str = "text") -> list[Violation]:
    return list(all_rules()[code].check(Document("article.txt", text, kind=kind), Settings()))


def lines_of(code: str, text: str, kind: str = "text") -> list[tuple[str, int]]:
    """(code, 1-based line) of every violation."""
    return [(v.rule.code, v.line + 1) for v in check(code, text, kind)]


# --------------------------------------------------------------------------------------------
# G001 citation-marker

CITATION_VALID = [
    # plain prose
    f"{LEDE}\n{SECOND}\n",
    # editorial brackets, years and ellipses
    f"{LEDE} The report [sic] was late. The mayor [Jane Holt] disagreed [...] strongly in [2019].\n",
    (
        "Update: the vote has been moved. [Update] The council will meet again next week, the clerk of the "
        "city council said on Friday afternoon.\n"
    ),
    # an encyclopedia article with a reference list keeps its footnotes
    (
        "The bridge opened in 1932.[1] It was widened twice, in 1961 and in 1988,[2] and is now a listed "
        "monument of the city and the region.[3]\n\nReferences\n1. City archive, 1932.\n2. Annual report.\n"
    ),
    (
        "The station was rebuilt after the war.[1] The new hall was finished in 1956 and is still in daily "
        "use by commuters and long-distance travellers.[2]\n\n^ Railway history, vol. 3.\n^ City guide.\n"
    ),
    (
        "The treaty was signed in Rome in 1957.[4] It created the common market and the customs union of the "
        "six founding states of the community.\n\nEinzelnachweise\n"
    ),
    # reference sections in other languages (Russian, Portuguese, Polish, Dutch, Japanese)
    (
        "Москва — столица России[1], крупнейший по численности населения город страны[2]. Город основан"
        " в 1147 году[3].\n\nПримечания\n\n1. Росстат. Численность населения. 2021.\n2. Тихомиров М. Н."
        " Древняя Москва. 1947.\n"
    ),
    (
        "Lisboa é a capital de Portugal[1] e a cidade mais populosa do país[2]. Está situada na foz do rio"
        " Tejo.[3]\n\n## Referências\n\n1. INE, Censos 2021.\n2. Câmara Municipal de Lisboa, 2019.\n"
    ),
    (
        "Warszawa jest stolicą Polski[1] i największym miastem kraju[2]. Leży nad Wisłą.\n\nPrzypisy\n\n"
        "GUS, Ludność 2021.\nUrząd m.st. Warszawy, Historia, 2019.\n"
    ),
    (
        "Amsterdam is de hoofdstad van Nederland[1] en de grootste stad van het land[2]. De stad ligt aan het"
        " IJ.\n\nBronnen\n\nCBS, Bevolking 2021.\n"
    ),
    "東京都は日本の首都であり、人口は約1400万人である[1]. 江戸時代から政治の中心地であった[2].\n\n脚注\n\n東京都「人口の動き」\n",
    "上海是中国最大的城市之一[1]，人口超过两千四百万。[2]该市也是全国的经济中心。\n\n参考文献\n\n上海市统计局\n",
    # a bracketed number inside a Chinese word or before a digit is no marker; a headline is no prose
    "该条例第[3]条规定，港口的检查工作将于周三恢复，具体视天气情况而定。\n",
    "上海是中国最大的城市之一[1]\n",
    # a numbered source list at the start of lines
    f"{LEDE}\n[1] Council minutes, 12 March.\n[2] Budget draft, page 4.\n",
    # code indexing in prose-like lines
    (
        "To read the first value you write items[1] and then the loop uses values[2] to compare the results "
        "of both runs.\n"
    ),
    "The function returns data[0] when the list has a single element and the caller then checks it.\n",
    "if (x) { return arguments[2]; } and the value is then passed to the next handler in the chain;\n",
    # a program's output: a label opening the line, its value a number in brackets (Readability's
    # mercurial page, session 42)
    (
        f"{LEDE}\nmerge:[6] fix bug 24 (v2 by bob) was the changeset the tool picked, and the other one was "
        "left out of the merge.\n"
    ),
]

CITATION_INVALID = [
    # a marker after a colon that no label opening the line comes before
    (
        (
            f"{LEDE}\nThe members were named in 2019:[4] the mayor, the clerk and the treasurer of the city were "
            "among them.\n"
        ),
        [("G001", 2)],
    ),
    (
        (
            f"{LEDE}\nHe took over the family firm in 1971[1][3][7]. He sold it in 1999 to a rival group from "
            "abroad, and the town lost its biggest employer[2].\n"
        ),
        [("G001", 2)],
    ),
    (
        (
            f"{LEDE}\n{SECOND}\nThe plan was first proposed in 2019[4], and was rejected by the regional "
            "government twice before it passed this year.[5][6]\n"
        ),
        [("G001", 3)],
    ),
    (
        (
            "Der Stadtrat hat den Haushalt am Dienstag beschlossen[1]. Die Opposition kritisierte, dass für die "
            "Straßen zu wenig Geld bleibe[2][3].\n"
        ),
        [("G001", 1)],
    ),
    # Russian and Polish markers with no reference section
    (
        (
            "Москва — столица России[1], крупнейший по численности населения город страны[2]. Город основан"
            " в 1147 году[3].\n\nМосква, 2021\n"
        ),
        [("G001", 1)],
    ),
    ("Warszawa jest stolicą Polski[1] i największym miastem kraju[2]. Leży nad Wisłą.\n", [("G001", 1)]),
    # Chinese, Japanese and Arabic paragraphs are prose (s37): markers before and after their marks
    (
        "東京都は日本の首都であり[1]、人口は約1400万人である[2]。江戸時代から政治の中心地であった。\n",
        [("G001", 1)],
    ),
    ("上海是中国最大的城市之一，人口超过两千四百万。[3]该市也是全国的经济和金融中心。\n", [("G001", 1)]),
    (
        "القاهرة هي عاصمة مصر وأكبر مدنها من حيث عدد السكان[1]. وتقع على ضفاف نهر النيل في شمال البلاد.\n",
        [("G001", 1)],
    ),
]


@pytest.mark.parametrize("text", CITATION_VALID)
def test_citation_marker_valid(text: str) -> None:
    assert lines_of("G001", text) == []


@pytest.mark.parametrize(("text", "expected"), CITATION_INVALID)
def test_citation_marker_invalid(text: str, expected: list[tuple[str, int]]) -> None:
    assert lines_of("G001", text) == expected


def test_citation_marker_points_at_the_first_marker_and_fix_removes_all() -> None:
    line = (
        "He took over the family firm in 1971[1][3][7]. He sold it in 1999 to a rival group from abroad[2]."
    )
    text = f"{LEDE}\n{line}\n"
    (v,) = check("G001", text)
    assert (v.line, v.column) == (1, line.index("[1]"))
    assert v.end_column == line.index("[2]") + 3
    assert "4 citation markers" in v.message
    assert v.fix is not None and v.fix.safe
    fixed, _ = apply_edits(text, [v.fix])
    assert (
        fixed
        == f"{LEDE}\nHe took over the family firm in 1971. He sold it in 1999 to a rival group from abroad.\n"
    )


#: Every title of a reference section G001 knows, as pages write them.
REFERENCE_TITLES = [
    "References",
    "Reference",
    "Notes",
    "Note",
    "Footnotes",
    "Sources",
    "Citations",
    "Bibliography",
    "Works cited",
    "Further reading",
    "Notes and references",
    "References and notes",
    "Einzelnachweise",
    "Nachweise",
    "Quellen",
    "Quellenangaben",
    "Quelle",
    "Anmerkungen",
    "Fußnoten",
    "Fussnoten",
    "Literatur",
    "Literaturverzeichnis",
    "Références",
    "Notes et références",
    "Bibliographie",
    "Referencias",
    "Notas",
    "Fuentes",
    "Bibliografía",
    "Notas y referencias",
]
MARKED = f"{LEDE}\nHe took over the family firm in 1971[1][3][7] and sold it in 1999 to a rival group[2].\n"


@pytest.mark.parametrize("title", REFERENCE_TITLES)
@pytest.mark.parametrize("shape", ["{}", "== {} ==", "  ### {}:", "{} [edit]", "{} [bearbeiten | Quelltext]"])
def test_citation_marker_reference_heading_anywhere(title: str, shape: str) -> None:
    """A reference heading below the markers, in any case and set off in any way, keeps them."""
    for cased in (title, title.upper(), title.lower()):
        heading = shape.format(cased)
        assert lines_of("G001", f"{MARKED}\n{heading}\n1. City archive.\n") == [], heading
        assert lines_of("G001", f"{heading}\n{MARKED}") == [], heading


@pytest.mark.parametrize(
    "entry",
    [
        "[1] City archive, 1932.",
        "  - [12] Annual report",
        "* [3]Budget",
        "\t↑ City guide",
        "^ Railway history",
    ],
)
def test_citation_marker_reference_entry_anywhere(entry: str) -> None:
    assert lines_of("G001", f"{MARKED}\n{entry}\n") == []
    assert lines_of("G001", f"{entry}\n{MARKED}") == []


@pytest.mark.parametrize(
    "line",
    [
        "Notes from the mayor's office were read out.",  # a title starts the line, more words follow
        "Sources say the vote will be close",
        "References",  # (on the marked line itself, after text: no heading)
        "- [1234] is no entry number",
        "[1]",  # an entry needs text
        "== Related ==",
        "Referenz",
    ],
)
def test_citation_marker_lines_that_only_start_like_a_reference_list(line: str) -> None:
    text = f"{MARKED}{line}\n" if line != "References" else MARKED.replace("[2].", "[2]. References")
    assert lines_of("G001", text) == [("G001", 2)]


# --------------------------------------------------------------------------------------------
# G002 appended-glossary

BIO = (
    "Jane Holt, born in 1961 in Leeds, is a British politician who has served as mayor since 2016. She "
    "studied law in Manchester and worked as a solicitor before entering local politics."
)
ORG = (
    "The Harbour Trust is a charity founded in 1984 that runs the maritime museum and the old docks, and "
    "advises the council on the waterfront."
)

GLOSSARY_VALID = [
    f"{LEDE}\n{SECOND}\n{CLOSE}\n",
    # the phrase inside a sentence is journalism
    f"{LEDE}\nAbout the people mentioned in the report, the mayor said little on Tuesday.\n",
    # a heading with nothing after it is not an appendix
    f"{LEDE}\n{SECOND}\nAbout the People Mentioned\n\n",
]

GLOSSARY_INVALID = [
    (
        (
            f"{LEDE}\n{SECOND}\nAbout the People Mentioned\nJane Holt\n{BIO}\n"
            f"About the Organizations Mentioned\nHarbour Trust\n{ORG}\n"
        ),
        [("G002", 3, 5), ("G002", 6, 8)],
    ),
    (
        f"{LEDE}\n\n{SECOND}\n\n## About the Key People Mentioned in This Article\n\n**Jane Holt**\n\n{BIO}\n\n",
        [("G002", 5, 9)],
    ),
    (
        (
            "Der Stadtrat hat den Haushalt am Dienstag beschlossen, und die Bürgermeisterin war erleichtert.\n"
            "Über die erwähnten Personen\nJane Holt\nJane Holt ist seit 2016 Bürgermeisterin der Stadt.\n"
        ),
        [("G002", 2, 4)],
    ),
]


@pytest.mark.parametrize("text", GLOSSARY_VALID)
def test_appended_glossary_valid(text: str) -> None:
    assert lines_of("G002", text) == []


@pytest.mark.parametrize(("text", "expected"), GLOSSARY_INVALID)
def test_appended_glossary_invalid(text: str, expected: list[tuple[str, int, int]]) -> None:
    got = [(v.rule.code, v.line + 1, v.end_line + 1) for v in check("G002", text)]
    assert got == expected


def test_appended_glossary_fix_is_unsafe_and_drops_the_appendix() -> None:
    text = f"{LEDE}\n{SECOND}\nAbout the People Mentioned\nJane Holt\n{BIO}\n"
    (v,) = check("G002", text)
    assert v.fix is not None and not v.fix.safe
    assert apply_edits(text, [v.fix])[0] == f"{LEDE}\n{SECOND}\n"


# --------------------------------------------------------------------------------------------
# G003 prompt-leak

QUESTION = (
    "What potential consequences could the delayed budget vote have on the funding of schools and road "
    "repairs in the region?"
)

#: A picture's description where the picture was: the prompt it was generated from (seed 002's line 3).
SCENE = (
    "Mayor Jane Holt with council members in the town hall discussing the budget, with school "
    "buildings and road repair imagery in background"
)

PROMPT_VALID = [
    f"{LEDE}\n{SECOND}\n{CLOSE}\n",
    # an FAQ-style question followed by its answer
    f"{LEDE}\n\n{QUESTION}\n\n{SECOND}\n\n{CLOSE}\n",
    # a question heading in Markdown is the author's heading
    f"{LEDE}\n\n## {QUESTION}\n\nSchool Funding Under Pressure\n\n{SECOND}\n",
    # a quoted question
    f'{LEDE}\n\n"{QUESTION}"\n\nSchool Funding Under Pressure\n\n{SECOND}\n',
    # a short question heading
    f"{LEDE}\n\nWhat happens next?\n\nSchool Funding Under Pressure\n\n{SECOND}\n",
    # a closing question at the very end of the article
    f"{LEDE}\n\n{SECOND}\n\n{QUESTION}\n",
    # a question followed by a picture credit, then the answer
    f"{LEDE}\n\n{QUESTION}\n\nPhoto agency\n\n{SECOND}\n",
    # a closing question over the post's byline and labels
    f"{LEDE}\n\n{SECOND}\n\n{QUESTION}\n\nPosted by  Jane Holt  at 5:53 AM\n\nLabels: budget, schools\n",
    # a labelled question of an interview
    f"{LEDE}\n\nQ: {QUESTION}\n\nA Long Night in the Council\n\n{SECOND}\n",
    # stock phrases inside a sentence are reported speech
    f"{LEDE} The software replied that as an AI language model it could not vote, the clerk joked.\n",
    # a photo's caption names what is behind, not what a composed image is made of
    f"Budget passes\n\nMayor Jane Holt speaks to reporters after the vote with the town hall in the background\n{LEDE}\n",
    # a scene that ends a sentence says something: a caption, or prose
    f"Budget passes\n\n{SCENE}.\n{LEDE}\n",
    f"{LEDE} The studio kept campaign graphics in the background of every debate, a spokesman said.\n",
    # too short for a description: a credit or a heading
    f"Budget passes\n\nRoad repair imagery in background\n{LEDE}\n",
    f"Budget passes\n\n## {SCENE}\n{LEDE}\n",
]

PROMPT_INVALID = [
    (f"{LEDE}\n\n{SECOND}\n\n{QUESTION}\n\nSchool Funding Under Pressure\n\n{CLOSE}\n", [("G003", 5)]),
    (
        f"{LEDE}\nAs an AI language model, I cannot predict the outcome of the vote.\n{SECOND}\n",
        [("G003", 2)],
    ),
    (f"Certainly! Here is a news article about the budget vote:\n\n{LEDE}\n", [("G003", 1)]),
    (f"{LEDE}\n\n[Insert quote from the mayor here]\n\n{SECOND}\n", [("G003", 3)]),
    (f"{LEDE} The mayor said: [insert quote] and left.\n", [("G003", 1)]),
    (f"{LEDE}\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\n", [("G003", 3)]),
    (
        (
            "Der Stadtrat hat den Haushalt am Dienstag beschlossen, und die Bürgermeisterin war erleichtert.\n"
            "Als KI-Sprachmodell kann ich keine aktuellen Nachrichten abrufen.\n"
        ),
        [("G003", 2)],
    ),
    (
        f"{LEDE}\n\nNote: This article was generated with the help of an AI tool.\n",
        [("G003", 3)],
    ),
    (f"Budget passes\n\n{SCENE}\nThe mayor said the vote was a relief\n\n{LEDE}\n", [("G003", 3)]),
    (f"{LEDE}\n{SECOND}\n{SCENE.replace('in background', 'in the foreground')}\n{CLOSE}\n", [("G003", 3)]),
    (
        (
            "Haushalt beschlossen\n\nBürgermeisterin Jane Holt mit Stadträten im Rathaus bei der Debatte, "
            "mit Schulen und Grafiken der Straßenreparaturen im Hintergrund\n\n"
            "Der Stadtrat hat den Haushalt am Dienstag beschlossen, und die Bürgermeisterin war erleichtert.\n"
        ),
        [("G003", 3)],
    ),
]


@pytest.mark.parametrize("text", PROMPT_VALID)
def test_prompt_leak_valid(text: str) -> None:
    assert lines_of("G003", text) == []


@pytest.mark.parametrize(("text", "expected"), PROMPT_INVALID)
def test_prompt_leak_invalid(text: str, expected: list[tuple[str, int]]) -> None:
    assert lines_of("G003", text) == expected


def test_prompt_leak_pack_entries_set_error_severity() -> None:
    (v,) = check("G003", f"{LEDE}\nAs an AI language model, I cannot predict the outcome of the vote.\n")
    assert v.severity is not None and str(v.severity) == "error"


def test_every_generation_rule_has_ruff_shaped_docs() -> None:
    for code in ("G001", "G002", "G003"):
        doc = all_rules()[code].doc
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Fix"):
            assert heading in doc, (code, heading)


@pytest.mark.parametrize("code", ["G001", "G002", "G003"])
def test_the_documented_example_is_reported(code: str) -> None:
    example = all_rules()[code].doc.split("## Example", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    assert check(code, example)


def test_every_reference_title_passes_the_line_prefilter() -> None:
    """`_REFERENCE_START` looks for a title's first letter and start before the heading pattern
    is tried: a title (in any script, either case) whose start it lacks would never be found."""
    import re

    from lintnews.rules.generation import citations

    titles = [t.replace("\\s?", " ") for t in citations._REFERENCE_TITLES.split("|")]
    start = re.compile(rf"(?=(?i:[{citations._TITLE_FIRSTS}]))(?i:{citations._TITLE_STARTS})")
    assert len(titles) > 90
    assert [t for t in titles if not (start.match(t) and start.match(t.upper()))] == []


def test_citation_markers_matched_at_their_starts_equal_a_search() -> None:
    """G001 matches `_MARKERS` only where a marker starts (`_markers`): the same matches as a
    search of the whole line, on lines of markers, brackets, digits and Latin and CJK marks."""
    import random

    from lintnews.rules.generation import citations

    rng = random.Random(5)
    pieces = [
        "[1]",
        "[2]",
        "[0]",
        "[12, 3]",
        "[1-4]",
        "。",
        "，",
        "」",
        ".",
        ",",
        " ",
        "word",
        "字",
        "[",
        "]",
        "1",
        ")",
        "*",
        '"',
    ]
    for _ in range(20_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        expected = [(m.start(), m.end()) for m in citations._MARKERS.finditer(line)]
        assert [(m.start(), m.end()) for m in citations._markers(line)] == expected, line


def test_reference_starts_taken_possessively_are_those_of_the_backtracking_search() -> None:
    """`_REFERENCE_START` takes the blanks, the bullet and the marks before a title possessively:
    it matches where the same pattern with backtracking quantifiers does, on lines of blanks,
    bullets, marks, entry starts and titles' first letters in either case."""
    import random
    import re

    from lintnews.rules.generation import citations

    backtracking = re.compile(
        r"\n(?:[^\S\n]*(?:[-*•][^\S\n]*)?(?:\[\d|\^|↑)"
        rf"|[^\w\n]*(?=(?i:[{citations._TITLE_FIRSTS}]))(?i:{citations._TITLE_STARTS}))"
    )
    rng = random.Random(7)
    pieces = [
        "\n",
        " ",
        "\t",
        "\u00a0",
        "-",
        "*",
        "•",
        "[",
        "[1",
        "^",
        "↑",
        "=",
        "#",
        ":",
        "(",
        "'",
        "_",
        "1",
    ]
    pieces += [
        "References",
        "NOTES",
        "Quellen",
        "sources",
        "Not",
        "fußnoten",
        "Примечания",
        "脚注",
        "Further",
    ]
    pieces += ["ſ", "ı", "İ", "K", "Ⓐ", "x", "The", "réf", "ref"]
    matched = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        expected = [m.start() for m in backtracking.finditer(text)]
        assert [m.start() for m in citations._REFERENCE_START.finditer(text)] == expected, repr(text)
        matched += len(expected) > 0
    assert matched > 500
