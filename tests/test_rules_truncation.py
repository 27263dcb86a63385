"""T rules (truncation): valid / invalid tables in the textlint-tester style.

``valid`` texts must produce no diagnostic of the rule; ``invalid`` texts list the exact
(code, 1-based line) pairs the rule must report, nothing more.
"""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.registry import Violation, all_rules
from lintnews.sources import html_document

# A made-up story about grain shipments.
LEDE = (
    "The first grain ship in a month left the port on Tuesday after insurers agreed to resume cover. "
    "Officials said three more vessels were being loaded."
)
BODY = (
    "Port officials said another twelve vessels were waiting outside the harbour and that inspections "
    "would resume on Wednesday, subject to the weather."
)
TAIL = (
    "Insurers warned that cover could be withdrawn again at short notice if the security situation changed."
)
CUT = "The ministry expects exports to recover by the spring. The figures were published according to"
HEADING = "What Comes Next for the Corridor"

DE_LEDE = (
    "Die Hafenarbeiter haben am Donnerstag dem neuen Tarifvertrag zugestimmt. Der Streik hatte neun Tage "
    "gedauert und den Warenverkehr im Hafen weitgehend lahmgelegt."
)
DE_BODY = "Die Gewerkschaft sprach von einem guten Ergebnis für die Beschäftigten und ihre Familien."
FR_LEDE = (
    "Le premier navire céréalier depuis un mois a quitté le port mardi. Les assureurs ont accepté de "
    "reprendre la couverture des navires et"
)
#: A made-up Moscow metro story (Russian: no word list of the languages T002 detects knows it).
RU_LEDE = (
    "Мэр Москвы открыл в субботу новую станцию Большой кольцевой линии. По его словам, ею будут "
    "ежедневно пользоваться более 50 тысяч пассажиров."
)
RU_BODY = "Станция расположена в районе Нагатинский Затон. Её оформление посвящено истории судостроения."
#: A made-up Prague tram story (Czech: no stop-word profile places it, the English fallback applies).
CS_LEDE = (
    "Primátor Prahy v sobotu otevřel novou tramvajovou trať na Barrandov. Podle magistrátu ji bude denně "
    "využívat zhruba padesát tisíc cestujících, tedy více než některé linky metra."
)
ES_LEDE = (
    "El primer barco de grano en un mes salió del puerto el martes. Las aseguradoras aceptaron reanudar la "
    "cobertura de los buques para"
)


def text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def check(code: str, body: str, kind: str = "text") -> list[Violation]:
    return list(all_rules()[code].check(Document("article.txt", body, kind=kind), Settings()))


def lines_of(code: str, body: str, kind: str = "text") -> list[tuple[str, int]]:
    return [(v.rule.code, v.line + 1) for v in check(code, body, kind)]


# --------------------------------------------------------------------------------------------
# T001 truncated-sentence

#: A licence hard-wrapped at ~73 characters: "Covered Software" and "You" start wrapped lines.
WRAPPED_LICENCE = (
    "You may create and distribute a Larger Work under terms of Your choice,",
    "provided that You also comply with the requirements of this License for",
    "the Covered Software. If the Larger Work is a combination of Covered",
    "Software with a work governed by one or more Secondary Licenses, and the",
    "Covered Software is not Incompatible With Secondary Licenses, this",
    "License permits You to additionally distribute such Covered Software",
    "under the terms of such Secondary License(s), so that the recipient of",
    "the Larger Work may, at their option, further distribute the Covered",
    "Software under the terms of either this License or such Secondary",
    "License(s).",
)
#: A README hard-wrapped at ~75 characters: "Kerberos realm using …" goes on with "… set up a".
WRAPPED_README = (
    "The krb5-kdc and krb5-admin-server packages are only needed and used on",
    "Kerberos KDCs, only one set of which is needed for each independently",
    "managed Kerberos realm. For more information on how you would set up a",
    "Kerberos realm using the Debian packages, install krb5-kdc and then read",
    "/usr/share/doc/krb5-kdc/README.KDC, which explains every step in turn.",
    "",
    "The client packages are needed on every machine that uses the realm and",
    "they are installed with the library, which most programs depend on.",
)


T001_VALID = [
    text(HEADING, LEDE, BODY, TAIL),
    # headings and title-shaped lines end without a full stop
    text("Grain Corridor Reopens After Insurers Agree To The", LEDE, BODY),
    text("## Grain corridor reopens as insurers return", "", LEDE, "", BODY),
    # list items and table rows are not paragraphs
    text(LEDE, "- Twelve vessels waiting outside the harbour and the", "- Three vessels loading", BODY),
    text(LEDE, "| Port | Ships waiting for the | Status |", "| North | 12 | open |", BODY),
    # lines ending with a colon, a closing quote, a bracket, a number, a link or an emoji
    text("The ministry listed the ships that left the port on Tuesday and the", "", BODY).replace(
        "and the\n", "and the:\n"
    ),
    text("Asked about the cost, the minister said only: “We will pay what it takes to", "", BODY).replace(
        "to\n", "to”\n"
    ),
    text(LEDE + " (The ministry did not say when the", "", BODY).replace("the\n\n", "the)\n\n"),
    text(LEDE + " The full list of ships is at https://example.org/grain/ships/", "", BODY),
    text(LEDE + " The ministry posted a map at https://example.org/a", "", BODY),
    text(LEDE + " Officials were relieved and 🙂", "", BODY),
    text(LEDE + " Readers loved the photos of the crew 😂a", "", BODY),  # not a word someone wrote
    # German text ending in a proper noun, or on a separable verb particle
    text(DE_LEDE + " Die Verhandlungen gehen am Montag weiter in Hamburg", "", DE_BODY),
    text(DE_LEDE + " Die Reederei kündigte am Abend weitere Fahrten an", "", DE_BODY),
    text(DE_LEDE + " Die Arbeitnehmer nehmen die Einigung mit großer Erleichterung auf", "", DE_BODY),
    # a short line without a finished sentence is a headline or a teaser, not a paragraph
    text("Regierung stellt ihren neuen Plan für die", "", DE_LEDE),
    text("Was der Tarifvertrag für Beschäftigte im Hafen und ihre", "", DE_LEDE),
    # English sentences may end on prepositions and auxiliaries
    text(LEDE + " It was the outcome the union had asked for", "", BODY),
    text(LEDE + " Nobody knows how long the calm will last, though", "", BODY),
    # a hard-wrapped paragraph: the next line goes on with the sentence
    text(
        "Ministers met again on Monday but failed to agree on the budget, which leaves room for",
        "nine more months of talks before the election.",
        BODY,
    ),
    text(
        DE_LEDE + " Das Haus bietet Platz für",
        "9 Personen plus Kleinkind auf ca. 120 qm.",
        DE_BODY,
    ),
    text(
        DE_LEDE + " Die Gewerkschaft bedankte sich bei allen Beschäftigten und",
        "Familien für die Geduld.",
        DE_BODY,
    ),
    # a hard-wrapped specification: the next line, capitalised and shaped like a title, goes on
    # with the sentence (it ends on "and" itself), and a list of names goes on over the next line
    text(
        LEDE,
        "All successful requests MUST return an 'ETag' header with, in the case of GET, the current",
        "version. All successful GET requests MUST return an 'Expires: 0' header. PUT and",
        "DELETE requests MAY have an 'If-Match' request header, and",
        "MUST fail with a 412 response code if that does not match the current version.",
        "",
        BODY,
    ),
    text(
        "The authors would like to thank everybody who contributed to the development of the",
        "protocol in the past three years of meetings, including Kenny Bentley, Javier Diaz,",
        "Daniel Groeber, Bjarni Runar, Jan Wildeboer, Charles Schultz, Peter",
        "Svensson and the members of the working group.",
        "",
        BODY,
    ),
    # hard-wrapped text (a licence, a README wrapped at 72-75 characters): the next line goes on
    # with the sentence however it starts, since its first word did not fit on the line above
    text(*WRAPPED_LICENCE),
    text(*WRAPPED_README),
    # an enumeration: an item ends on its conjunction, the next item follows
    text(
        "(a) under intellectual property rights to use, reproduce, make available, modify, display and",
        "distribute its Contributions, either on an unmodified basis or as part of a Larger Work; and",
        "",
        "(b) under Patent Claims of such Contributor to make, use, sell and offer the Contributions.",
    ),
    # the sentence leads into a list, a quotation or a code block
    text(
        "Scientists distinguish between several kinds of damage to the hull. The most common are the",
        "- dents from floating ice",
        "- cracks from metal fatigue",
    ),
    text(
        LEDE + " The captain's message was short and", "“The port stays closed until further notice.”", BODY
    ),
    text(
        "To check a whole folder of articles, run the linter on the",
        "",
        "    $ lintnews check articles/",
        "",
        BODY,
    ),
    # a comma before an ordinary paragraph (a letter, a lead-in)
    text(LEDE + " With best wishes to everyone at the port and in the city,", "", "Maria"),
    # the last paragraph belongs to T002, not T001
    text(LEDE, BODY, CUT),
    # code blocks are not prose
    text("```", "for ship in ships: print(ship.name, 'leaves the port with the", "```", BODY),
]

T001_INVALID: list[tuple[str, list[tuple[str, int]]]] = [
    # a hard-wrapped text still has cuts: before a short title, before a blank line, and before a
    # line the first word of which would have fitted on the cut line
    (text(*WRAPPED_README[:3], "Before You Start", *WRAPPED_README[3:]), [("T001", 3)]),
    (text(*WRAPPED_README[:3], "", *WRAPPED_README[3:]), [("T001", 3)]),
    # a text of one paragraph a line is no hard-wrapped text, whatever the length of the two lines
    (text(LEDE, CUT, "Labor braces for attack should the opposition sweep in November", BODY), [("T001", 2)]),
    (
        text(
            *WRAPPED_README[:2],
            "managed Kerberos realm. For more information on how to set up a",
            "The guide that ships with the package explains how to set up the realm.",
            *WRAPPED_README[3:],
        ),
        [("T001", 3)],
    ),
    # the seed shape: a paragraph stops on "to", and an appended section begins
    (
        text(
            HEADING,
            "In conclusion, the talks achieved little for either side. As tensions continue to",
            "About the People Mentioned",
            BODY,
        ),
        [("T001", 2)],
    ),
    # "according to", then a new paragraph after a blank line
    (text(LEDE, "", CUT, "", BODY, "", TAIL), [("T001", 3)]),
    # ... or on the very next line, opening a new sentence with a capitalised function word
    (text(LEDE, CUT, "The ministry said on Monday that it expected a record harvest.", TAIL), [("T001", 2)]),
    (text(CUT, "A spokesperson for the port declined to comment on the figures.", TAIL), [("T001", 1)]),
    # before a Markdown heading, a table or a title line
    (text(CUT, "## Exports", BODY), [("T001", 1)]),
    (text(CUT, "| Month | Tonnes |", BODY), [("T001", 1)]),
    # a comma before the next section
    (text(LEDE + " The ships sailed for Istanbul, Alexandria and Valencia,", HEADING, BODY), [("T001", 1)]),
    # a title with one comma is still a title ("the rest of a list" takes two)
    (
        text(LEDE + " The ships sailed for Istanbul, Alexandria and Valencia,", "Grain, Again", BODY),
        [("T001", 1)],
    ),
    # German "und", French "et", Spanish "para" before the next paragraph
    (text(DE_LEDE + " Die Gewerkschaft sprach von einem Erfolg und", "", DE_BODY), [("T001", 1)]),
    (
        text(DE_LEDE + " Der Betriebsrat erklärte, dass", "Die Einigung gilt für drei Jahre.", DE_BODY),
        [("T001", 1)],
    ),
    (
        text(
            FR_LEDE, "", "Le gouvernement a salué un accord pour les exportations de céréales du pays.", ""
        ).replace("navires et\n", "navires pour\n"),
        [("T001", 1)],
    ),
    (
        text(ES_LEDE, "", "El gobierno celebró el acuerdo para las exportaciones de grano del país."),
        [("T001", 1)],
    ),
    # two cut paragraphs
    (text(CUT, "", BODY.rstrip(".") + " and the", "", TAIL), [("T001", 1), ("T001", 3)]),
]


@pytest.mark.parametrize("body", T001_VALID)
def test_t001_valid(body: str) -> None:
    assert lines_of("T001", body) == []


@pytest.mark.parametrize("body, expected", T001_INVALID)
def test_t001_invalid(body: str, expected: list[tuple[str, int]]) -> None:
    assert lines_of("T001", body) == expected


def test_t001_points_at_the_last_word() -> None:
    (v,) = check("T001", text(CUT, "", BODY))
    assert (v.line, v.column) == (0, CUT.rindex("to"))
    assert v.end_column == len(CUT)
    assert v.message == 'Paragraph is cut off mid-sentence (ends on "to")'
    assert v.fix is None


def test_t001_html_paragraphs_are_separate_blocks() -> None:
    markup = f"<p>{CUT}</p>\n<p>Port officials said the figures were late.</p>\n<p>{TAIL}</p>"
    doc = html_document("a.html", markup)
    assert [(v.rule.code, v.line) for v in all_rules()["T001"].check(doc, Settings())] == [("T001", 0)]


def test_t001_html_line_break_inside_a_paragraph_is_not_a_cut() -> None:
    markup = f"<p>{LEDE} Officials thanked the<br>Dock workers for their patience.</p><p>{BODY}</p>"
    doc = html_document("a.html", markup)
    assert list(all_rules()["T001"].check(doc, Settings())) == []


def test_t001_html_caption_is_not_checked() -> None:
    markup = (
        f"<p>{LEDE}</p><figure><figcaption>The grain ship leaves the port of Odesa on Tuesday, "
        f"watched by dock workers and the</figcaption></figure><p>{BODY}</p>"
    )
    doc = html_document("a.html", markup)
    assert list(all_rules()["T001"].check(doc, Settings())) == []


# --------------------------------------------------------------------------------------------
# T002 truncated-document

SECURITY = (
    "The talks covered grain, prisoners and the security of shipping lanes. Both sides said security "
    "guarantees were the hardest part."
)

T002_VALID = [
    text(HEADING, LEDE, BODY, TAIL),
    # ends with a heading, a short caption or credit, a list item, a table row
    text(LEDE, BODY, "Related Coverage"),
    text(LEDE, BODY, "Photo: Harbour Authority"),
    text(LEDE, BODY, "- more ships and the"),
    text(LEDE, BODY, "| Total | 12 | and the |"),
    # closing punctuation of any kind, a link, an e-mail address
    text(LEDE, BODY, TAIL + "”"),
    text(LEDE, BODY, TAIL.rstrip(".") + " (see the ministry's figures)"),
    text(LEDE, BODY, "Questions about the corridor can be sent to the press office at press@example.org"),
    text(LEDE, BODY, "The full list of ships and cargoes is published at www.example.org/grain/"),
    # an ellipsis after an ordinary word is style, not an excerpt marker
    text(LEDE, BODY, "The ships are moving again, the insurers are back, and the rest is history…"),
    # no full stop, but what ends there is not prose: credits, signatures, calls to action, dates
    text(LEDE, BODY, TAIL, "Copyright 2024 Harbour News. All rights reserved"),
    text(
        LEDE,
        BODY,
        "The ships are moving again, the insurers are back and the rest is up to the weather - Jane Doe",
    ),
    text(LEDE, BODY, "Continue reading the main story"),
    text(LEDE, BODY, "Learn more about the corridor and the ships that use it in the video below"),
    text(LEDE, BODY, "Posted on August 9th, 2012 by harbourwatch"),
    text(LEDE, BODY, "October 26, 2012 harbourwatch"),
    text(LEDE, BODY, "Harbour pictures thanks to the port authority and its photographers on flickr"),
    # a picture credit that does not start the line (the last word may be a user name)
    text(LEDE, BODY, "Header image courtesy of the port authority, harbourcam"),
    text(LEDE, BODY, TAIL, "Gallery images: cranes by harbourcam // tug by pilotsview // dusk by tidewalker"),
    text(LEDE, BODY, "Order Reprints | Today's Paper | Subscribe to the morning briefing and the"),
    # a comment form after the article: its own rule (B002) reports it
    text(LEDE, BODY, TAIL, "Your email address will not be published. Required fields are marked"),
    # a short last line that is a word (a signature), or a title-cased headline
    text(LEDE, BODY, "Ross"),
    text(LEDE, BODY, "Analysis: Ports Win With Better Ground Game"),
    # German separable particle at the end, French and Spanish full words
    text(DE_LEDE, "Die Beschäftigten nahmen die Nachricht am Abend mit großer Erleichterung auf"),
    # the end of a code block
    text(LEDE, "```", "ship = next_ship_for(the", "```"),
    # a short last line that is not a paragraph
    text(LEDE, BODY, "Reporting by and the"),
    # a short last line of chrome or a title, even when it opens with a function word
    text(LEDE, BODY, "Leave a Reply"),
    text(LEDE, BODY, "Share this post"),
    text(LEDE, BODY, "The Harbour Desk"),
    text(LEDE, BODY, "More"),
    # a capitalised last word the text uses as a whole word, or a prefix of too few of its words
    text(LEDE, TAIL, "Insurers"),
    text(LEDE, BODY, "Permalink"),
    # a call to action in German (the last word is rare: "Siegerküchen")
    text(
        DE_LEDE,
        DE_BODY,
        "Die Bilder zeigen den Hafen bei Nacht und am frühen Morgen. Entdecken Sie hier weitere Hafenbilder",
    ),
    text(LEDE, "Closer ties with the insurers are the next step. Closer checks will follow.", "Close"),
    # a lower-case comment, not a cut sentence
    text(LEDE, BODY, "this is best"),
    # after a short sentence, only the start of a sentence counts: this is a link
    text(LEDE, BODY, "Thanks for reading.", "Switch to our mobile site"),
    # a closing formula opens like a cut sentence ("It was") but is the story's own last line
    text(LEDE, BODY, "The End"),
    text(LEDE, BODY, "To be continued"),
    text(LEDE, BODY, "With thanks to the harbour pilots"),
    text(DE_LEDE, DE_BODY, "Fortsetzung folgt"),
    text(FR_LEDE.removesuffix(" et") + ".", "À suivre"),
    text(ES_LEDE.removesuffix(" para") + ".", "Continuará"),
    # a Russian credit line ("based on the agency's reports"): its last word was a stump to the
    # English word list of a document no stop-word profile places
    text(RU_LEDE, RU_BODY, "по материалам агентства"),
    # words that end sentences, which no list of words a sentence cannot end on holds: Russian
    # "же" ("конечно же."), German "das", "oder", "wie" ("Kennst du das?", "…, oder?")
    text(RU_LEDE, RU_BODY, "Её ждали, конечно же"),
    text(
        DE_LEDE,
        "Viele Hafenarbeiter fragen sich nun, wie es nach dem Ende des Streiks weitergeht. Wer weiß das…",
    ),
    # a dash that opens a signature, or ends an interrupted speaker's words unspaced
    text(LEDE, BODY, "Insurers said the ships were safe again – Harbour News"),
    text(LEDE, BODY, TAIL.rstrip(".") + " and the cover—"),
    # a source line in Polish, a closing formula in Czech (a text no stop-word profile places:
    # "příště" was a stump to the English word list)
    text(
        "Prezydent Warszawy otworzył w sobotę nową linię tramwajową na Wilanów. Według ratusza będzie z niej"
        " codziennie korzystać około 50 tysięcy pasażerów.",
        "Na podstawie informacji z ratusza",
    ),
    text(CS_LEDE, "Pokračování příště"),
    # Vietnamese and Turkish, which no profile places: the English list judges no word with a
    # letter outside ASCII ("tiếp", "yarın" were stumps to it)
    text(
        "Thành phố khánh thành tuyến tàu điện mới vào thứ bảy. Theo chính quyền, mỗi ngày sẽ có khoảng năm"
        " mươi nghìn hành khách sử dụng tuyến này.",
        "Còn tiếp",
    ),
    text(
        "Belediye başkanı cumartesi günü yeni tramvay hattını açtı. Belediyeye göre hattı her gün yaklaşık"
        " elli bin yolcu kullanacak, bu da bazı metro hatlarından fazla.",
        "Devamı yarın",
    ),
    # an author's note closing an op-ed, without a full stop (la-nacion of Readability's pages)
    text(
        LEDE,
        BODY,
        "Jane Holt is a senior fellow at the Harbour Institute and a former adviser to the port authority",
    ),
    text(
        ES_LEDE.removesuffix(" para") + ".",
        "Andrea Molina es politóloga e investigadora en la Universidad de Lisboa. Martín Ortega es abogado"
        " administrativista y analista internacional",
    ),
]

T002_INVALID: list[tuple[str, list[tuple[str, int]]]] = [
    # the seed shape: mid-word, in a text that uses the whole word twice
    (
        text(
            SECURITY,
            BODY,
            "The corridor remains a critical test of the deal, blending trade, politics and securit",
        ),
        [("T002", 3)],
    ),
    # on a word no sentence ends with
    (text(LEDE, BODY, CUT), [("T002", 3)]),
    # shaped like an author's note, but cut on a function word, or news ("is expected to"), or
    # its subject no name (a product described, cut: Dragnet R853)
    (
        text(
            LEDE,
            BODY,
            "The Harbour Pilot II is a sturdy tugboat built for the narrow channels of the old port th",
        ),
        [("T002", 3)],
    ),
    (
        text(LEDE, BODY, "Jane Holt is a senior fellow at the Harbour Institute and a former adviser to the"),
        [("T002", 3)],
    ),
    (
        text(LEDE, BODY, "Jane Holt is expected to present the new shipping schedule to the council members"),
        [("T002", 3)],
    ),
    (text(LEDE, BODY, TAIL.rstrip(".") + " and the"), [("T002", 3)]),
    (text(LEDE, BODY, TAIL.rstrip(".") + ","), [("T002", 3)]),
    (text(DE_LEDE, DE_BODY.rstrip(".") + " und"), [("T002", 2)]),
    (text(FR_LEDE.replace("navires et", "navires pour")), [("T002", 1)]),
    (text(ES_LEDE), [("T002", 1)]),
    # feed excerpt markers
    (
        text(
            LEDE,
            BODY,
            "Insurers were cautious. They warned that cover could be withdrawn again at short notice […]",
        ),
        [("T002", 3)],
    ),
    (
        text(
            LEDE,
            BODY,
            "Insurers were cautious. They warned that cover could be withdrawn again at short notice (...)",
        ),
        [("T002", 3)],
    ),
    (
        text(LEDE, BODY, "Insurers were cautious. They warned that cover could be withdrawn again if the…"),
        [("T002", 3)],
    ),
    # blank lines and trailing spaces after the cut do not hide it
    (text(LEDE, BODY, CUT + "   ", "", ""), [("T002", 3)]),
    # no closing punctuation: the last paragraph of prose stops mid-sentence, on any word
    (text(LEDE, SECURITY, "The corridor is open again and the ships are moving"), [("T002", 3)]),
    (text(SECURITY, "Nobody expects the talks to bring lasting peace or security"), [("T002", 2)]),
    (
        text(
            "The opening of the corridor was delayed twice by the insurers.",
            "Ships are moving again, insurers are back at their desks and the corridor is open",
        ),
        [("T002", 2)],
    ),
    (
        text(DE_LEDE, "Die Reederei kündigte am Abend an, dass weitere Schiffe auslaufen werden"),
        [("T002", 2)],
    ),
    (
        text(LEDE, BODY, "Port officials expect the figures to recover in the spring, as many as 80"),
        [("T002", 3)],
    ),
    # ... also behind credits and copyright lines
    (
        text(
            LEDE,
            BODY,
            TAIL.rstrip(".") + " as the security situation",
            "Photo: Harbour Authority",
            "Copyright 2024 Harbour News",
        ),
        [("T002", 3)],
    ),
    # a word stump no dictionary knows, also at the start of a new paragraph
    (
        text(LEDE, BODY, "Insurers warned that the cover could be withdrawn again by the governmen"),
        [("T002", 3)],
    ),
    (text(LEDE, BODY, "The U.S. State Depar"), [("T002", 3)]),
    (text(LEDE, BODY, "These d"), [("T002", 3)]),
    (text(LEDE, BODY, "Officials might be ready, but"), [("T002", 3)]),
    # a new paragraph cut after its first words: a function word, then sentence case
    (text(LEDE, BODY, "It was"), [("T002", 3)]),
    (text(LEDE, BODY, "But that privilege"), [("T002", 3)]),
    (text(LEDE, BODY, "And I’m not sure"), [("T002", 3)]),
    (text(LEDE, BODY, "The"), [("T002", 3)]),
    (text(DE_LEDE, "Die neue"), [("T002", 2)]),
    # ... or inside its first word, a capitalised stump of a word the text uses
    (text(LEDE, TAIL, "Insur"), [("T002", 3)]),
    (text(LEDE, SECURITY, "Secur"), [("T002", 3)]),
    (text(LEDE, SECURITY, "Officials said the Secur"), [("T002", 3)]),
    # a paragraph that ends on a spaced dash: the sentence went on after it
    (text(LEDE, BODY, TAIL.rstrip(".") + " –"), [("T002", 3)]),
    (
        text(RU_LEDE, "Станция расположена в районе Нагатинский Затон. Её оформление посвящено —"),
        [("T002", 2)],
    ),
    # Russian: a short last line after finished prose ending on a preposition or a conjunction
    (text(RU_LEDE, RU_BODY, "Новая станция станет пересадочной и"), [("T002", 3)]),
    (text(RU_LEDE, RU_BODY, "Бывший мэр города попал в"), [("T002", 3)]),
    # ... also after a short finished sentence (a verse, a one-line paragraph)
    (text(LEDE, BODY, "It rained all night.", "But that privilege"), [("T002", 4)]),
]


def test_t002_russian_prose_cut_is_mid_sentence_not_mid_word() -> None:
    """No word list of the Latin-script languages T002 detects knows a Cyrillic word: a cut is
    still one (the paragraph ends open), but on no evidence of a stump."""
    (v,) = check("T002", text(RU_LEDE, RU_BODY.removesuffix(" судостроения.")))
    assert (v.line, v.message) == (
        1,
        'Document is cut off mid-sentence (ends on "истории" with no closing punctuation)',
    )


def test_t002_czech_prose_cut_still_flags() -> None:
    """(The stop-word profile takes this Czech text for Portuguese, whose word list calls "vedení"
    a stump: the message says mid-word.)"""
    body = text(
        CS_LEDE,
        "Stavba trvala zhruba dva roky a stála více, než se plánovalo. Opozice žádá vysvětlení od vedení",
    )
    assert lines_of("T002", body) == [("T002", 2)]


def test_t002_messages() -> None:
    (v,) = check("T002", text(LEDE, BODY, "The U.S. State Depar"))
    assert (v.message, v.line, v.column) == ('Document is cut off mid-word ("Depar")', 2, 15)
    (v,) = check("T002", text(LEDE, "The corridor is open again and the ships are moving"))
    assert v.message == 'Document is cut off mid-sentence (ends on "moving" with no closing punctuation)'
    assert (v.line, v.column, v.end_column) == (1, 45, 51)


@pytest.mark.parametrize("body", T002_VALID)
def test_t002_valid(body: str) -> None:
    assert lines_of("T002", body) == []


@pytest.mark.parametrize("body, expected", T002_INVALID)
def test_t002_invalid(body: str, expected: list[tuple[str, int]]) -> None:
    assert lines_of("T002", body) == expected


def test_t002_short_last_line_messages() -> None:
    (v,) = check("T002", text(LEDE, BODY, "It was"))
    assert (v.message, v.line, v.column) == (
        'Document is cut off (a sentence starts and stops: "It was")',
        2,
        3,
    )
    (v,) = check("T002", text(LEDE, TAIL, "Insur"))
    assert (v.message, v.line, v.column) == ('Document is cut off mid-word ("Insur")', 2, 0)


def test_t002_mid_word_message_and_position() -> None:
    last = "The corridor remains a critical test of the deal, blending trade, politics and securit"
    (v,) = check("T002", text(SECURITY, last))
    assert v.message == 'Document is cut off (ends mid-word: "securit" (as in "security"))'
    assert (v.line, v.column, v.end_column) == (1, last.rindex("securit"), len(last))


def test_t002_only_the_end_counts() -> None:
    # T001 reports the cut paragraph in the middle; T002 only looks at the end.
    body = text(CUT, "", BODY, "", TAIL)
    assert lines_of("T002", body) == []
    assert lines_of("T001", body) == [("T001", 1)]


def test_last_word_searches_the_tail_of_long_lines_exactly() -> None:
    """`_last_word` reads the end of a line backwards, in growing pieces; the result is that of
    one search of the whole line."""
    import random

    from lintnews.rules.truncation import shape as truncation

    def whole_line(text: str) -> tuple[str, int] | None:
        line = text.split("\n")[-1]
        m = truncation._LAST_WORD.search(line)
        if m is None:
            return None
        before = line[m.start(1) - 1 : m.start(1)]
        if before and not (before.isspace() or before in truncation._WORD_OPENERS):
            return None
        return m.group(1), m.start(1)

    pieces = ["word", "x" * 90, " ", ".", "…", "(", "😂", "é", "_", "1", "-", "\n", " " * 85, "." * 85]
    pieces += ["\xa0" * 300, "Сегодня", "ж" * 63, "y" * 64, "z" * 255, "²", "一二", "\u200b", ". " * 40]
    rng = random.Random(3)
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        block = truncation.Block(0, 0, text.count("\n"), text, "paragraph")
        assert truncation._last_word(block) == whole_line(text), repr(text)


def test_t001_leaves_a_line_of_chrome_to_its_rule() -> None:
    """A related-content prompt over a headline ("Related: … as much as they used to", S001's)
    is no paragraph cut off: S001 reports it; a cut paragraph of prose beside it still is."""
    related = "Related: Why families don't eat out as much as they used to"
    assert lines_of("T001", text(LEDE, "", related, "", BODY)) == []
    assert lines_of("T001", text(CUT, "", related, "", BODY)) == [("T001", 1)]
    assert lines_of("S001", text(LEDE, "", related, "", BODY)) == [("S001", 3)]


def test_t002_steps_over_an_empty_byline_and_a_login_box_line_after_the_article() -> None:
    """An empty byline ("Par", "Von:"; B007's) or a login box's line ("Forgot your password?";
    B032's) after the last paragraph is no sentence cut off: its own rule reports it, and T002
    reads the paragraph above (session 55)."""
    french = "Le conseil municipal a adopté lundi le nouveau budget du port après un long débat."
    assert lines_of("T002", text(french, "", "Par")) == []
    assert lines_of("B007", text(french, "", "Par")) == [("B007", 3)]
    assert lines_of("T002", text(DE_BODY, "", "Von:")) == []
    assert lines_of("T002", text(LEDE, "", BODY, "", "Forgot your password?")) == []
    # the paragraph above, cut off, is still reported
    assert lines_of("T002", text(FR_LEDE, "", "Par")) == [("T002", 1)]
