"""S rules (SEO filler and related-content blocks): valid / invalid tables in the textlint-tester
style, with near-misses that must not fire."""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.fixes import apply_edits
from lintnews.registry import Violation, all_rules

# An article long enough for S002 to know its vocabulary: a dispute over a harbour expansion.
P1 = (
    "The harbour authority approved the expansion of the container terminal on Monday, ending two years of "
    "dispute with residents of the old fishing quarter over noise, traffic and the loss of the beach."
)
P2 = (
    "Residents of the fishing quarter said the terminal expansion would bring trucks through narrow streets "
    "day and night, and their association announced it would take the harbour authority to court."
)
P3 = (
    "The authority argues that the harbour needs the new terminal to keep shipping lines from moving to "
    "rival ports, and it promised a noise barrier and a new road around the fishing quarter."
)
P4 = (
    "A court hearing on the terminal expansion is expected in the autumn. Until then the harbour authority "
    "may prepare the site but not start dredging, the residents' lawyer said after the vote."
)
ARTICLE = [P1, P2, P3, P4]

DE1 = (
    "Der Stadtrat hat den Ausbau des Containerhafens am Montag genehmigt und damit einen zwei Jahre langen "
    "Streit mit den Anwohnern des alten Fischerviertels über Lärm und Verkehr beendet."
)
DE2 = (
    "Die Anwohner des Fischerviertels befürchten, dass der Ausbau des Hafens Lastwagen durch die engen "
    "Straßen bringt, und ihr Verein kündigte eine Klage gegen die Hafenbehörde an."
)
DE3 = (
    "Die Hafenbehörde hält den Ausbau für nötig, damit die Reedereien nicht in andere Häfen abwandern, und "
    "verspricht den Anwohnern eine Lärmschutzwand und eine neue Straße um das Fischerviertel."
)
DE5 = (
    "Der Verein der Anwohner sammelt inzwischen Spenden für die Klage, und mehrere Fischer wollen sich "
    "anschließen, weil sie um ihre Liegeplätze im alten Hafenbecken fürchten."
)
DE4 = (
    "Eine Verhandlung über die Klage der Anwohner gegen den Ausbau wird im Herbst erwartet. Bis dahin darf "
    "die Hafenbehörde die Baustelle vorbereiten, aber noch nicht mit dem Ausbaggern beginnen."
)


def check(code: str, text: str, settings: Settings | None = None) -> list[Violation]:
    return list(all_rules()[code].check(Document("article.txt", text), settings or Settings()))


def lines_of(code: str, text: str, settings: Settings | None = None) -> list[tuple[str, int]]:
    return [(v.rule.code, v.line + 1) for v in check(code, text, settings)]


def article(*inserts: tuple[int, str]) -> str:
    """The harbour article with lines inserted after the given paragraph index."""
    lines: list[str] = []
    for i, para in enumerate(ARTICLE):
        lines.append(para)
        lines.extend(text for at, text in inserts if at == i)
    return "\n".join(lines) + "\n"


CASES: dict[str, tuple[list[str], list[tuple[str, list[int]]]]] = {
    # ---------------------------------------------------------------- S001 seo-filler
    "S001": (
        [
            article(),
            article(
                (1, "Read more about the expansion plans in the authority's report, which runs to 400 pages.")
            ),
            article((0, "You may also like the new promenade, the mayor told residents at the meeting.")),
            f"{DE1}\nMehr zum Thema Lärmschutz will die Behörde im Herbst vorlegen, sagte der Sprecher.\n",
            # sentences about headlines and about what is related are no list headings
            article(
                (1, "The latest headlines about the terminal made the residents angrier, the lawyer said.")
            ),
            article((1, "Related in part to the dredging, the dispute has dragged on for two years.")),
            # a heading of the article that happens to start like a prompt
            article((1, "Related-party contracts worry the auditors")),
            article((1, "The most recommended route avoids the bridge, the guide says.")),
            article((1, "Also on the agenda: the noise barrier and the new road around the quarter.")),
            article((1, "More stories from the residents will be heard at the hearing in the autumn.")),
            article((1, "Residents who want to watch video of the hearing can ask the clerk for a copy.")),
            # session 37: the words in a sentence
            article((1, "The story highlights how the port has grown since the war.")),
            # session 43: the words in a sentence
            article((1, "Related topics: the dredging, the noise barrier and the new road were discussed.")),
            article((1, "Science news from NBCNews.com and other sites was read aloud at the hearing.")),
            article((1, "Want more? Check out the noise figures, the lawyer told the residents.")),
            article(
                (1, "Similar stories on harbours were told in Hamburg and in Rotterdam, the lawyer said.")
            ),
            # session 54: a label and a title over the first paragraph are the article's own title;
            # a verdict too short for a title stays
            f"Lesetipp: Der Schwarm von Frank Schätzing\n\n{DE1}\n\n{DE2}\n",
            "Recommended: The harbour walk from the ferry to the lighthouse\n" + article(),
            article((1, "Recommended: Yes")),
        ],
        [
            (
                article(
                    (0, "You may want to see also"), (2, "Explore related products"), (3, "What You'll Learn")
                ),
                [2, 5, 7],
            ),
            (article((3, "Read More:")), [5]),
            # another page's video with its link
            (article((1, "\t\tMiley Cyrus Engaged: Marriage Before 25 a Bad Decision? Watch Video")), [3]),
            (article((1, "Read more: Ferry prices rise for the third year")), [3]),
            (
                f"{DE1}\nMehr zum Thema\n{DE2}\nDas könnte Sie auch interessieren\nÄhnliche Artikel\n",
                [2, 4, 5],
            ),
            (f"{DE1}\nLesen Sie auch: Neue Radwege für die Innenstadt\n", [2]),
            # session 54: more labels before another article's title
            (
                f"{DE1}\nLesetipp: Neue Radwege für die Innenstadt\n{DE2}\nAuch lesen: Diese drei Cafés am Hafen lohnen sich\n",
                [2, 4],
            ),
            (article((1, "* _Recommended:_ Inside the harbour's boiler room: any questions?")), [3]),
            # two label lines at the top are no title over the article
            (f"Lesetipp: Neue Radwege für die Innenstadt\nLesetipp: Ein Sommer am Hafen\n\n{DE1}\n", [1, 2]),
            (
                (
                    "Le conseil municipal a adopté mardi le projet du port après un long débat avec les habitants du "
                    "quartier.\nÀ découvrir aussi : Les plus belles plages de Bretagne\n"
                ),
                [2],
            ),
            (
                (
                    "El ayuntamiento aprobó el martes la ampliación del puerto después de un largo debate con los "
                    "vecinos.\nTambién te puede interesar: Las mejores playas de Galicia\n"
                ),
                [2],
            ),
            (
                (
                    "Le conseil municipal a adopté mardi le projet du port après un long débat avec les habitants du "
                    "quartier.\nÀ lire aussi\nSur le même sujet\n"
                ),
                [2, 3],
            ),
            (
                (
                    "El ayuntamiento aprobó el martes la ampliación del puerto después de un largo debate con los "
                    "vecinos.\nTe puede interesar\nNoticias relacionadas\n"
                ),
                [2, 3],
            ),
            (article((3, "**Trending now**")), [5]),
            (article((1, "Most Recommended"), (3, "Elsewhere on the BBC")), [3, 6]),
            # list headings naming a section or a site, and headline lists
            (
                article((1, "Related in Opinion"), (3, "Related on HuffPost:"), (3, "Related post:")),
                [3, 6, 7],
            ),
            (article((0, "Top News Headlines"), (3, "Latest Technology & Science News Headlines")), [2, 6]),
            (f"{DE1}\nAktuelle Schlagzeilen\n{DE2}\n", [2]),
            (
                "Le conseil municipal a adopté mardi le projet du port après un long débat.\nLes gros titres\n",
                [2],
            ),
            (
                "El ayuntamiento aprobó el martes la ampliación del puerto tras un largo debate.\nÚltimos titulares\n",
                [2],
            ),
            # session 57: the bare imperatives over another article's title (Central American papers)
            (
                "El ayuntamiento aprobó el martes la ampliación del puerto tras un largo debate con los vecinos.\n"
                "Lea: Consejo Permanente de OEA aborda este miércoles la confiscación de oficinas\n"
                "MIRA: Madre se acerca a conocer los motivos de captura de su hijo\n"
                "###### **Mire:**El cantante Juan Luis Guerra da positivo a COVID-19\n",
                [2, 3, 4],
            ),
            # list headings that name the site, and an empty related list
            (
                article(
                    (0, "Also on HuffPost:"),
                    (1, "Related content from NBCNews.com:"),
                    (2, "More world stories from NBC News:"),
                    (3, "Don't miss these Health stories"),
                    (3, "No related posts."),
                ),
                [2, 4, 6, 8, 9],
            ),
            (f"{DE1}\nKeine ähnlichen Beiträge\n", [2]),
            (
                "Le conseil municipal a adopté mardi le projet du port après un long débat.\nPas d'articles similaires\n",
                [2],
            ),
            (
                "El ayuntamiento aprobó el martes la ampliación del puerto tras un largo debate.\nNo hay entradas relacionadas\n",
                [2],
            ),
            # session 37: a news site's stock headings over its summary and its coverage links
            (article((0, "STORY HIGHLIGHTS"), (3, "Part of complete coverage on")), [2, 6]),
            # session 38: a sidebar's headings over other stories
            (article((3, "Trending today"), (3, "Hot Topics:")), [5, 6]),
            # session 43: a topics line, a widget's heading naming the site, the site's pitches
            (
                article(
                    (0, "Related Topics: Harbour, Port Authority"),
                    (1, "Science news from NBCNews.com"),
                    (3, "Read our Blog: Harbour Voice"),
                    (3, "Want more? Check out Harbour Live!"),
                    (3, "Similar Great Lists on HarbourNews"),
                ),
                [2, 4, 7, 8, 9],
            ),
        ],
    ),
    # ---------------------------------------------------------------- S002 off-topic-related-link
    "S002": (
        [
            article(),
            # a prompt with an on-topic title next to it: a related link, but not off-topic
            article(
                (1, "Harbour Expansion: What the Court Hearing Means for Residents"), (1, "You may also like")
            ),
            # an off-topic title with no prompt next to it is left alone (it may be a heading)
            article((1, "Ten Houseplants That Survive Any Winter")),
            # the prompt carries its own title; the heading after it belongs to the article
            article((1, "Read more: Ten houseplants that survive any winter"), (1, "Noise Barrier Plans")),
            # a byline next to a prompt is not a title
            article((3, "By Jane Holt"), (3, "You may also like")),
            # a photo credit, a follow prompt or a date label over a prompt is not a title
            article((3, "Photo Credit: Harbourview Pictures"), (3, "Related Content")),
            article((3, "Follow Jane Holt on Twitter @janeholt"), (3, "Related Content")),
            article((3, "Published: November 7, 2023"), (3, "Related Content")),
            # a photographer's credit under a list heading is not a title
            article((3, "Headlines"), (3, "Matt Slocum / AP"), (3, "Rob Carr / Getty Images")),
            # an author's address over a list heading is not a title
            article((3, "Write to Jane Holt at jane.holt@coastnews.example"), (3, "Most Recommended")),
            # a teaser's "Read more": the article goes on below it, its subheadings included
            article((0, "Read more. . ."), (0, "The Polarized Debate")),
            article((0, "Continue reading →"), (0, "Ten Houseplants That Survive Any Winter")),
            f"{DE1}\nWeiterlesen\nZehn Zimmerpflanzen, die jeden Winter überstehen\n{DE2}\n{DE3}\n{DE4}\n{DE5}\n",
            # a quotation cut off by an ellipsis with no related-content prompt above it is left alone
            article((3, "“The residents will not give up the beach without...”")),
            # a whole quotation under a prompt is no teaser (and not title-shaped)
            article((3, "Most Recommended"), (3, "“The harbour belongs to everyone.”")),
            # session 38: an author box under the last paragraph's "Read more" link: the writer's
            # name is no other article's title
            article(
                (3, "Read more about the harbour plans here."),
                (3, "About the author"),
                (3, "Jane Holt"),
                (3, "Senior reporter at the Coast News, covering ports and shipping"),
            ),
        ],
        [
            (article((1, "Ten Houseplants That Survive Any Winter"), (1, "You may want to see also")), [3]),
            # "Most Recommended" and the comments' teasers cut off by an ellipsis, on the article's
            # topic or not: no heading of the article is a cut quotation
            (
                article(
                    (3, "Most Recommended"),
                    (3, "“The harbour authority never listens to the...;”"),
                    (3, "“Ten houseplants are better than a termin...;”"),
                    (3, "“I'm so ready to give this…”"),
                ),
                [6],
            ),
            (
                article(
                    (3, "Related articles"),
                    (3, "Ten Houseplants That Survive Any Winter"),
                    (3, "Celebrity Chef Opens Vegan Bakery in Paris"),
                ),
                [6, 7],
            ),
            # the titles above an author box are still other articles' titles
            (
                article(
                    (3, "Related articles"),
                    (3, "Ten Houseplants That Survive Any Winter"),
                    (3, "About the author"),
                    (3, "Jane Holt"),
                ),
                [6],
            ),
            # a page of teasers: "Weiterlesen" under each, the next teaser's title below it
            (
                f"{DE1}\nWeiterlesen\nZehn Zimmerpflanzen, die jeden Winter überstehen\n{DE2}\nWeiterlesen\n"
                f"Promi-Koch eröffnet vegane Bäckerei in Paris\n{DE3}\n{DE4}\n{DE5}\n",
                [3, 6],
            ),
            # with a colon the same words head a list of other articles' titles
            (article((0, "Read more:"), (0, "Ten Houseplants That Survive Any Winter")), [3]),
            (
                f"{DE1}\n{DE2}\n{DE3}\nLesen Sie auch:\nZehn Zimmerpflanzen, die jeden Winter überstehen\n{DE4}\n{DE5}\n",
                [5],
            ),
        ],
    ),
    # ---------------------------------------------------------------- S003 faq-block
    "S003": (
        [
            article(),
            # a FAQ with its questions in place
            article(
                (3, "Frequently asked questions"),
                (3, "When will the court decide?"),
                (
                    3,
                    "A hearing is expected in the autumn, and a ruling could follow before the end of the year.",
                ),
                (3, "Will there be a noise barrier?"),
                (3, "Yes, the authority has promised one along the whole length of the new terminal road."),
            ),
            # a FAQ heading followed by a single answer is too little to judge
            article(
                (3, "FAQ"), (3, "The authority says the hearing is expected in the autumn of next year.")
            ),
        ],
        [
            (
                article(
                    (3, "Frequently asked questions"),
                    (3, "No, the court has not yet set a date for the hearing on the terminal expansion."),
                    (3, "The authority has promised a noise barrier along the whole length of the new road."),
                    (
                        3,
                        "Residents can still file objections with the harbour authority until the end of May.",
                    ),
                ),
                [5],
            ),
            (
                (
                    f"{DE1}\nHäufig gestellte Fragen\nNein, ein Termin für die Verhandlung steht noch nicht fest, sagte "
                    "die Sprecherin.\nDie Behörde hat eine Lärmschutzwand entlang der neuen Straße zugesagt.\n"
                ),
                [2],
            ),
        ],
    ),
    # ---------------------------------------------------------------- S004 seo-section
    "S004": (
        [
            article(),
            article((3, "Understanding the terminal plans takes time, residents said.")),
            article((3, "The benefits of the new terminal are disputed")),
        ],
        [
            (article((3, "Benefits of Understanding the Harbour Authority's Decision")), [5]),
            (article((3, "Why Following the Terminal Dispute Matters")), [5]),
        ],
    ),
    # ---------------------------------------------------------------- S005 related-titles-list (region)
    "S005": (
        [
            f"{P1}\nStorm closes schools across the north\n{P2}\nCity rivals share the points\n{P2}\n",
            f"{P1}\nMost read\nStorm closes schools across the north\n{P2}\n",
        ],
        [
            (
                f"{P1}\nMost read\nStorm closes schools across the north\nCity rivals share the points\n"
                "Ten recipes for a rainy weekend\n",
                [2],
            ),
            (
                f"{P1}\nMehr zum Thema\nSturm schließt Schulen im Norden\nDerby endet ohne Sieger\n"
                "Zehn Rezepte für das Wochenende\n",
                [2],
            ),
        ],
    ),
    # ---------------------------------------------------------------- S006 title-sidebar (region)
    "S006": (
        [
            # 31 titles, or the article's own list that a sentence announces: tests/test_rules_title_sidebar.py
            f"{P1}\n" + "".join(f"Storm Closes Schools Across The North, Part {k}\n" for k in range(31)),
            f"{P1}\nHere are the stories we covered this year, one by one:\n"
            + "".join(f"Storm Closes Schools Across The North, Part {k}\n" for k in range(40)),
        ],
        [
            (
                f"{P1}\n" + "".join(f"Storm Closes Schools Across The North, Part {k}\n" for k in range(32)),
                [2],
            ),
        ],
    ),
    # ---------------------------------------------------------------- S007 teaser-list (region)
    "S007": (
        [
            # three teasers are too few; a reader's words trailing off are no teasers
            f"{P1}\nCreate a smokey portal effect with...\nUse a Z-depth pass to generate a...\n"
            "Move 2D layers into 3D space with...\n",
            f"{P1}\nHE HAS…\nWe were warned again\nTHEY ARE…\nWe were warned twice\nIT DOES…\nHE DID…\n",
            # teasers too far apart: two lines of the article between them
            f"{P1}\nCreate a smokey portal effect with...\nUse a Z-depth pass to generate a...\n{P2}\n{P1}\n"
            "Move 2D layers into 3D space with...\nCombine camera mapping techniques with...\n",
        ],
        [
            (
                f"{P1}\nCreate a smokey portal effect with...\n\n\nUse a Z-depth pass to generate a...\n"
                "Composite Z depth pass in After Effects...\nMove 2D layers into 3D space with...\n",
                [2],
            ),
            # a title above each teaser
            (
                f"{P1}\n{DE1}\nNeue Rute\nNeu im Programm von Abu Garcia ist die Spinnrute…\nNeue Rolle\n"
                "Mit der Rute-und-Rolle-Kombi von Abu Garcia fangt…\nDer Berkley Hit Stick ist ein Wobbler, der…\n"
                "Gummifische, die wie echte Fischchen aussehen…\n",
                [4],
            ),
        ],
    ),
    # ---------------------------------------------------------------- S008 story-link-list (region)
    "S008": (
        [
            # three links are too few
            f"{P1}\nLink Love\n- Real cash gambling comes to Facebook — Geekosystem\n"
            "- Googlers to commute in self-driving cars — ReadWriteWeb\n- Apple store Genius is also a hero — Tecca\n",
            # an article's own list: short names before the dash, a ranked list, a clause after the dash
            f"{P1}\n- The Godfather — Francis Ford Coppola\n- Vertigo — Alfred Hitchcock\n- Chinatown — Roman Polanski\n"
            "- Ran — Akira Kurosawa\n",
            f"{P1}\n1. The harbour authority approved the terminal — Harbour Board\n"
            "2. The residents announced they would go to court — Fishing Quarter\n"
            "3. The lawyer said the dredging could not start — City Court\n"
            "4. The council promised a noise barrier along the road — City Council\n",
            f"{P1}\n- The terminal expansion was approved on Monday — after two years.\n"
            "- The residents' association will go to court — and soon.\n"
            "- The authority promised a noise barrier — along the new road.\n"
            "- A hearing is expected in the autumn — the lawyer said so.\n",
            # a sentence credited to an agency ends with a full stop, a link's source does not
            f"{P1}\n"
            + "".join(
                f"- The harbour authority approved terminal number {k} on Monday — Reuters.\n"
                for k in range(5)
            ),
            # comment headers: a date after the dash, not a name
            f"{P1}\n"
            + "".join(
                f"  * Chris Huang of the fishing quarter — July {k}th, 2012, 1:26 am\n" for k in range(4, 9)
            ),
            # an article's own dated lists: a reference list's years, a date after a comma or a
            # preposition, a track list's durations, a date first (fixtures)
            f"{P1}\n- C. Brown Equalizing differences in the labor market (1980)\n"
            "- V. Fuchs Differentials in hourly earnings by region (1967)\n"
            "- I. Hoch Climate, wages and the quality of life (1971)\n- R. Muth Cities and housing Chicago (1969)\n",
            f"{P1}\n"
            + "".join(
                f"- The Briefing of the harbour board, Tuesday, November {k}, 2012\n" for k in range(1, 6)
            ),
            f"{P1}\n"
            + "".join(
                f"- The terminal's dredging plan number {k} was filed on May {k}, 2012\n" for k in range(1, 6)
            ),
            f"{P1}\n- Harbour Lights at Dawn 3:45\n- The Fishing Quarter Blues 4:12\n"
            "- Noise Barrier Along the Road 2:58\n- A Court Hearing in Autumn 5:01\n",
            f"{P1}\n- 18 Aug: Swansea (h)\n- 25 Aug: Norwich (a)\n- 1 Sep: Man City (a)\n- 15 Sep: Chelsea (h)\n",
            # session 39: a read-more link of its own line under two teasers, or under articles'
            # sections too long for a teaser, is no listing
            f"{P1}\nHarbour terminal approved\nRead more\n{P2}\nResidents go to court\nRead more\n",
            f"{P1}\n{P2}\n{P3}\n{P4}\n{P1}\nRead more\n{P2}\n{P3}\n{P4}\n{P1}\n{P2}\nRead more\n"
            f"{P3}\n{P4}\n{P1}\n{P2}\n{P3}\nRead more\n",
            # session 40: an article's own lists with numbers in brackets are no archive widget:
            # a year (games, films), two items, a date, a name that ends its sentence, a long
            # name, a count set apart from the list by prose
            f"{P1}\nPuzzle Quest - Tile-matching strategy RPG (2007)\nMight & Magic: Clash of Heroes (2009)\n"
            "WarGames WOPR - Tile-matching tactical war sim (2012)\nPuzzle Craft - city-building sim (2012)\n",
            f"{P1}\n- Harbour Party (12)\n- Fishing Quarter List (9)\n{P2}\n- Greens (4)\n",
            # three or four items with no widget's heading, months or second run: a result's list
            f"{P1}\nThe new council:\n- Harbour Party (12)\n- Fishing Quarter List (9)\n- Greens (4)\n"
            "- Independents (1)\n",
            f"{P1}\n- Die sicheren Häfen stehen bereit (08.07.2020)\n- Links und lässig (06.07.2020)\n"
            "- Der perfekte Sturm (02.07.2020)\n",
            f"{P1}\n- The seats the council gave each party. (12)\n- The seats the board gave them. (9)\n"
            "- The seats the court gave them. (4)\n",
            f"{P1}\n- The harbour authority approved the terminal on a Monday in June (12)\n"
            "- Residents of the old fishing quarter took the harbour authority to court (9)\n"
            "- The lawyer of the residents said the dredging could not start yet (4)\n",
        ],
        [
            (
                f"{P1}\nLink Love\n- Real cash gambling comes to Facebook — Geekosystem\n"
                "- Googlers to commute in self-driving cars — ReadWriteWeb\n\n"
                "- Google ordered to release names of journalists on its payroll — FWD\n"
                "  * Apple store Genius is also a hero – Tecca\n"
                "- Will Facebook's Instagram purchase be a bust? — The Daily Beast\nSign Up / Log In\n",
                [3],
            ),
            # a press room's latest releases: a read-more link and the date, in German too
            (
                f"{P1}\n"
                + "".join(
                    f"- Nintendo Download Highlights New Content {k} Exciting games! Read more... 2012-11-0{k}\n"
                    for k in range(1, 5)
                )
                + f"{DE1}\n{DE2}\n"
                + "".join(
                    f"- Neue Rute von Abu Garcia im Test Nummer {k} … Weiterlesen »\n" for k in range(4)
                ),
                [2, 8],
            ),
            # a widget of the latest posts, each closed by its time or date, then the most-viewed
            # posts with their views and the most-read with their count of readers
            (
                f"{P1}\n- Accountability Watch: Who Is Predicting What 7:28 PM ET\n"
                "- '99 Problems' But Mitt Ain't One 5:50 PM ET\n"
                "- Together We Stand, Divided We Fall Nov 2, 2012\n"
                "- The Breakup Bed and the Unmade Sofa (October 18, 2012)\n"
                "- News Stream Brian Eno's New Album Lux in Full By Jenn Pelly on October 30, 2012 at 11:45 a.m.\n"
                f"{P2}\n{P3}\n- the relish tray - 23,886 views\n- Pressure Cooker Giveaway - 17,243 views\n"
                "- breakfast recipes for a crowd - 12,570 views\n- cold-brewed iced coffee - 11,460 views\n"
                f"{P4}\n{P1}\n- Free Glossy Blogging Icons Set for Bloggers (506)\n"
                "- Social Media Icons Pack in 3 Sizes for Download (383)\n"
                "- 100 Premium Themes Club Memberships for Free (341)\n- 45 Best Free WordPress Themes of All Time (205)\n",
                [2, 9, 15],
            ),
            # session 39: a listing of teasers set out over lines, each closed by a read-more link of
            # its own line: from the first link to the last (the first teaser's lines may be anything)
            (
                f"{P1}\n- Harbour terminal approved after two years\n\n7 June 2012\nREAD MORE\n"
                "- Residents of the fishing quarter go to court\n\n18 March 2012\nREAD MORE\n"
                "- Noise barrier promised along the new road\n\n27 June 2011\nREAD MORE\n",
                [5],
            ),
            (
                f"{DE1}\nWeiterlesen »\n22. Juni 2022\nHafen\n### Terminal genehmigt\nDer Hafen darf wachsen.\n"
                "Weiterlesen »\n20. Juni 2022\nKlima\n### Neue Lärmschutzwand\nWeiterlesen »\n",
                [2],
            ),
            # session 40: a blog's category and archive widgets, each item with its count of posts
            # (Blogger's triangles and years, html2text's links, counts with thousands separators)
            (
                f"{P1}\n{P2}\nCategories\n  * Advice (65) \n  * Air Travel (27)\n\n"
                "  * [Politics](https://example.com/category/politics) (1,204)\n  * Dog, tuna & the wizard of OZ (19)\n"
                "Blog Archive\n  * ► 2012 (45)\n    * ▼ November (3)\n    * ► October\u00a0(12)\n"
                "  * ► 2011 (1.204)\n",
                [4, 10],
            ),
            (f"{DE1}\nArchiv\nMärz 2009 (12)\nFebruar 2009 (7)\nJanuar 2009 (21)\n{DE2}\n", [3]),
        ],
    ),
}

VALID = [(code, text) for code, (valid, _) in CASES.items() for text in valid]
INVALID = [(code, text, lines) for code, (_, invalid) in CASES.items() for text, lines in invalid]


@pytest.mark.parametrize("code,text", VALID)
def test_valid(code: str, text: str) -> None:
    assert lines_of(code, text) == []


@pytest.mark.parametrize("code,text,expected", INVALID)
def test_invalid(code: str, text: str, expected: list[int]) -> None:
    assert lines_of(code, text) == [(code, n) for n in expected]


def test_every_seo_rule_has_cases() -> None:
    assert {code for code in all_rules() if code.startswith("S")} == set(CASES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_docs_have_ruff_shape(code: str) -> None:
    doc = all_rules()[code].doc
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Fix"):
        assert heading in doc


def test_off_topic_fix_is_unsafe_and_faq_fix_spans_the_block() -> None:
    (v,) = check(
        "S002", article((1, "Ten Houseplants That Survive Any Winter"), (1, "You may want to see also"))
    )
    assert v.fix is not None and not v.fix.safe
    text = article(
        (3, "Frequently asked questions"),
        (3, "No, the court has not yet set a date for the hearing on the terminal expansion."),
        (3, "The authority has promised a noise barrier along the whole length of the new road."),
    )
    (faq,) = check("S003", text)
    assert (faq.line, faq.end_line) == (4, 6)
    assert faq.fix is not None and not faq.fix.safe


def test_an_off_topic_line_of_three_words_or_fewer_is_not_named_a_title() -> None:
    """ "Search This Blog" beside a prompt is off the article's topic, and as often the widget's own
    label as a title: the message names it for what S002 knows, a line of the block."""
    (title,) = check(
        "S002", article((1, "Ten Houseplants That Survive Any Winter"), (1, "You may want to see also"))
    )
    assert (
        title.message
        == 'Title of another article spliced into the text: "Ten Houseplants That Survive Any Winter"'
    )
    (label,) = check("S002", article((1, "Search This Blog"), (1, "You may want to see also")))
    assert label.message == 'Off-topic line of a related-content block: "Search This Blog"'
    assert label.fix is not None and label.fix.title == "Remove the line"


def test_a_run_of_teasers_is_one_finding_whose_fix_removes_the_run() -> None:
    """The run is one finding (lines 6-8): removed one line a pass, the fix would lose the prompt
    after the first pass and leave the rest of the run."""
    text = article(
        (3, "Most Recommended"),
        (3, "“The harbour authority never listens to the...;”"),
        (3, "“Ten houseplants are better than a termin...;”"),
        (3, "“I'm so ready to give this…”"),
    )
    (found,) = check("S002", text)
    assert (found.line + 1, found.end_line + 1) == (6, 8)
    assert found.message.startswith("3 teasers of other pages")
    assert found.fix is not None and not found.fix.safe
    fixed, applied = apply_edits(text, [found.fix])
    assert applied == 1
    assert fixed == article((3, "Most Recommended"))


def test_off_topic_options() -> None:
    # An on-topic title next to a prompt shares the article's key words ("harbour", "expansion").
    text = article(
        (1, "Harbour Expansion: What the Court Hearing Means for Residents"), (1, "You may also like")
    )
    assert lines_of("S002", text) == []
    # With no key words and any overlap allowed, every title next to a prompt is reported.
    loose = Settings(rule_options={"S002": {"max-overlap": 1.0, "key-words": 0}})
    assert lines_of("S002", text, loose) == [("S002", 3)]


def test_words_of_lines_are_those_of_the_lines() -> None:
    """S002 takes the article's words from the blocks' words where it can: the same words, in
    the same order, as a word search over the lines it keeps."""
    import random

    from lintnews.rules.seo import related as seo

    pieces = [
        "The talks went on for hours, and nobody said a word about it",
        "continued on the next line without a full stop",
        "```python",
        "print('x')",
        "```",
        "",
        "  ",
        "> a quoted line of text",
        "- a list item",
        "| a | table |",
        "## A heading",
        "don't re-use e-mail",
        "    indented code",
    ]
    rng = random.Random(13)
    for _ in range(500):
        lines = [rng.choice(pieces) for _ in range(rng.randint(0, 14))]
        doc = Document("a.txt", "\n".join(lines))
        excluded = {i for i in range(len(lines)) if rng.random() < 0.2}
        kept = "\n".join(line for i, line in enumerate(doc.lines) if i not in excluded)
        assert seo._words_of_lines(doc, excluded) == seo.words(kept), lines


def test_titles_a_widget_splices_in_share_their_section_words() -> None:
    """A spliced title that shares words with the article, but two words with the other titles
    found off-topic (one section of another site: "Garden Design"), is one of them; a title that
    shares one word with them stays (key vocabulary: the article's two most frequent words)."""
    settings = Settings(rule_options={"S002": {"key-words": 2}})

    def page(candidate: str) -> str:
        return article(
            (0, "Garden Design Trends for Small Balconies"),
            (0, "You may want to see also"),
            (1, "Ten Garden Design Mistakes to Avoid"),
            (1, "You may want to see also"),
            (2, candidate),
            (2, "You may want to see also"),
        )

    assert lines_of("S002", page("Garden Design for Residents of the Fishing Quarter"), settings) == [
        ("S002", 2),
        ("S002", 5),
        ("S002", 8),
    ]
    assert lines_of("S002", page("Noise Barrier Design for Residents of the Fishing Quarter"), settings) == [
        ("S002", 2),
        ("S002", 5),
    ]
