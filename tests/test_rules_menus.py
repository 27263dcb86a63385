"""B028 navigation-menu and S005 related-titles-list (region rules), B029 page-landmark, and the
HTML landmarks they read (`lintnews.landmarks`): exact regions, leave-alone cases, fixes through
the CLI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from console import run_lintnews

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.landmarks import LANDMARK_REGIONS, Region
from lintnews.registry import all_rules
from lintnews.sources.documents import html_document

P1 = "The council approved the new budget on Tuesday after a debate that lasted well into the night."
P2 = "The schools get more money, and the mayor said the vote was a relief for the whole city."
P3 = "The council will vote on the details of the plan in March, a spokesman for the mayor said."
MENU = ("Home", "News", "Sport", "Arts and Culture")
NOTICE = "Please activate cookies in order to turn autoplay off and keep your settings."
TITLES = (
    "Storm closes schools across the north",
    "City rivals share the points in a tense derby",
    "Ten recipes for a rainy weekend",
    "Why the mayor wants new bike lanes",
)


def text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def regions(code: str, body: str) -> list[tuple[int, int]]:
    rule = all_rules()[code]
    return [(v.line + 1, v.end_line + 1) for v in rule.check(Document("a.txt", body), Settings())]


#: Readers' comments under the article (B011 finds the thread from its "NAME says:" headers).
COMMENTS = (
    "3 Comments",
    "Anna says:",
    "Great piece, thank you for writing it up so clearly and for the numbers.",
    "Ben says:",
    "I disagree with the mayor on this one, but the schools do need the money.",
)
COMMENT3 = ("Carla says:", "We will see how it goes next year when the money runs out again.")


#: A Chinese article's paragraphs, a Bengali one's, an Arabic one's.
ZH_P = (
    "市议会周二经过一场持续到深夜的辩论，通过了新的预算。",
    "学校将得到更多的资金，市长说这次投票让整个城市松了一口气。",
)
BN_P = (
    "পৌরসভা মঙ্গলবার গভীর রাত পর্যন্ত চলা বিতর্কের পর নতুন বাজেট অনুমোদন করেছে।",
    "স্কুলগুলো আরও বেশি অর্থ পাবে, এবং মেয়র বলেছেন যে এই ভোট পুরো শহরের জন্য স্বস্তির।",
)
AR_P = (
    "وافق المجلس البلدي يوم الثلاثاء على الميزانية الجديدة بعد نقاش استمر حتى وقت متأخر من الليل.",
    "ستحصل المدارس على مزيد من المال، وقال رئيس البلدية إن التصويت كان مصدر ارتياح للمدينة كلها.",
)


MENU_VALID = {
    "no-menu": text(P1, P2, P3),
    # short lines between paragraphs: headings and labels of the article, never looked at
    "inside": text(P1, *MENU, P2, P3),
    # and so under a first paragraph with fewer than thirty lines of text below it, or one
    # longer than a notice (a listicle's introduction over its thirty short items)
    "notice-near": text(NOTICE, *[line for _ in range(5) for line in (*MENU, "By Anna Smith")], P1, P2),
    "listicle": text(
        " ".join([P1, P2, P3]), *[line for _ in range(8) for line in (*MENU, "By Anna Smith")], P1
    ),
    # and so between paragraphs of prose left in their tags ("<p>…</p>": prose, not markup)
    "inside-tagged": text(P1, *MENU, f"<p>{P2}</p>", f'<p class="body">{P3}</p>'),
    # three items are too few
    "three": text(*MENU[:3], P1, P2),
    # a byline, a date, a sentence break the run
    "byline": text("Home", "News", "By Anna Smith", "Sport", "Politics", P1),
    "dated": text("Home", "News", "March 3, 2012", "Sport", "Politics", P1),
    # a list of features in sentence case after the article
    "features": text(
        P1,
        P2,
        "Performance and handling",
        "Advanced all-wheel drive system",
        "Class-leading gas mileage",
        "Safety features",
    ),
    # a table row with figures is no row of links
    "table": text(P1, P2, "| Yes | 76 | 38% |", "| No | 69 | 34% |"),
    # no prose at all: nothing to be before or after, and four items are no sidebar
    "no-prose": text(*MENU),
    # a list of films in the middle of a review: shorter than a sidebar menu
    "film-list": text(
        P1,
        "The Master",
        "Holy Motors",
        "Beasts of the Southern Wild",
        "Zero Dark Thirty",
        "Moonrise Kingdom",
        "Amour",
        "Lincoln",
        "Argo",
        "Looper",
        "Skyfall",
        P2,
        P3,
    ),
    # a date with its day is no archive entry, and still breaks a run
    "dated-day": text("Home", "News", "November 3, 2012", "Sport", "Politics", P1),
    # the article's table of contents: its items come back as the article's headings
    "contents": text(
        "* The Concept",
        "* Practically Sound",
        "* Surprising Depth",
        "* Wrapping It Up",
        "",
        P1,
        "## The Concept",
        P2,
        "## Practically Sound",
        P3,
        "## Surprising Depth",
        P1,
        "## Wrapping It Up",
        P2,
    ),  # fmt: skip
    # the article's own list, announced by its paragraph: eighteen places between its paragraphs
    # (a line the run's shape does not take above them)
    "announced": text(
        P1,
        "Here are the places we'll visit in the first half of next year:",
        "",
        "Brazil (Brasilia, Rio de Janeiro, Sao Paolo)",
        "",
        *(MENU * 4),
        "Iceland",
        "Buenos Aires",
        "",
        P2,
        P3,
    ),
    # an author box before the article: the name printed twice (picture caption and link) over
    # two social links is a byline, not a menu's first items
    "byline-twice": text("John Koetsier", "", "John Koetsier", "", "* Twitter", "* Profile", "", P1, P2),
    # the article's own short list, before its comment thread, stays the article's
    "before-comments": text(P1, *MENU, P2, P3, *COMMENTS, *COMMENT3),
    # an infobox flattened one cell a line (Wikipedia's), its date and its address breaking it in
    # three: field names ("Industry", "Founder") over their values are the article's
    "infobox": text(
        "Mozilla",
        "Industry",
        "Open-source software",
        "Founded",
        "February 28, 1998; 18 years ago",
        "Founder",
        "Netscape Communications Corporation",
        "Products",
        "Mozilla Application Suite",
        "Divisions",
        "Mozilla Corporation",
        "Mozilla Foundation",
        "Website",
        "mozilla.org",
        P1,
        P2,
    ),
    # a fact box before the article, under headings ("##### Genre" over "First Person Shooter")
    "fact-box": text(
        "##### Genre",
        "",
        "First Person Shooter",
        "",
        "##### Developer",
        "",
        "Treyarch",
        "",
        "##### Publisher",
        "",
        "Activision",
        "",
        P1,
        P2,
    ),
    # readers' one-line comments under a Chinese post, no punctuation: each longer than a section
    # name (`menu_shapes.LONGEST_CJK_ITEM`), and the short ones among them too few for a menu
    "zh-comments": text(
        *ZH_P,
        "這裡賞楓露營真是好地方",
        "出去露營能吃到如此豐盛",
        "真是超級羨慕",
        "就很簡單 畫圖的時候很單純 很少去想最後的結果",
        "楓葉照令人很期待呢",
        "歡迎回訪喔",
    ),
    # short lines of Thai after the article (no space between words, no full stop): a short
    # paragraph's shape as often as a menu's, and no corpus measured holds Thai: left
    "th-lines": text(*ZH_P, "ข่าวการเมือง", "ภาพข่าว", "กีฬา", "บันเทิง"),
    # a short list of Chinese names between the article's paragraphs stays the article's
    "zh-inside": text(ZH_P[0], "北京", "上海", "广州", "深圳", ZH_P[1]),
    # the field names of a German company's infobox, in a German article
    "infobox-de": text(
        "Beispiel AG",
        "Rechtsform",
        "Aktiengesellschaft",
        "Gründung",
        "1998",
        "Sitz",
        "Berlin",
        "Branche",
        "Maschinenbau",
        "",
        "Der Stadtrat hat den neuen Haushalt am Dienstag nach einer langen Debatte beschlossen, die bis in die Nacht dauerte.",
        "Die Schulen bekommen mehr Geld, und der Bürgermeister sagte, die Abstimmung sei für die ganze Stadt eine Erleichterung.",
    ),
}

MENU_INVALID = {
    "before": (text(*MENU, "", P1, P2), [(1, 4)]),
    "after": (text(P1, P2, "Top", "Search", "Quicklinks", "Most Viewed Articles"), [(3, 6)]),
    "bullets": (text("* Home", "* News", "", "* Sport", "* Dining", P1, P2), [(1, 5)]),
    "rows": (
        text(
            P1,
            P2,
            "About Us | Contact Us | Privacy Policy",
            "Print this story | Email this story | Discuss Story",
        ),
        [(3, 4)],
    ),
    "both-ends": (text(*MENU, P1, P2, *MENU), [(1, 4), (7, 10)]),
    # a section printed twice (a logo's link and the menu's first item) is still the menu's
    "section-twice": (text("Home", "Home", "News", "Sport", "World", "", P1, P2), [(1, 5)]),
    # a label over and over is no byline printed twice
    "label-repeated": (text(*(["Sponsored Content"] * 4), "", P1, P2), [(1, 4)]),
    # a name printed twice over four items: the menu is the four
    "byline-over-menu": (text("John Koetsier", "John Koetsier", *MENU, "", P1, P2), [(3, 6)]),
    # the sentence-case lines at the end of the run are not the menu's
    "trimmed": (text(P1, P2, *MENU, "Safety features"), [(3, 6)]),
    # a blog's archive and categories, with their counts of posts
    "archive": (
        text(P1, P2, "* November 2012 (4)", "* October 2012 (9)", "* ► September 2012 (2)", "* Candy (5)"),
        [(3, 6)],
    ),
    # a sidebar of sixteen items between the article and its comments
    "middle": (text(P1, P2, *(MENU * 4), P3), [(3, 18)]),
    # under the comment thread's start the readers' comments are no article: four items are a menu
    # there (the comments' prose around them does not make them the article's)
    "among-comments": (text(P1, P2, *COMMENTS, *MENU, *COMMENT3), [(8, 11)]),
    # no prose at all (an extractor kept only a page's list of contributors): a run of sixteen
    # items or more counts, as between the article's paragraphs
    "no-prose-sidebar": (
        text(*(f"- {n} {m}" for n in ("Adam", "Anne", "Brian", "Carlos") for m in MENU)),
        [(1, 16)],
    ),
    # field names that are also a site's sections: next to each other, or too few of the items
    "label-words-in-a-row": (text("Home", "Industry", "Website", "Sport", "", P1, P2), [(1, 4)]),
    "label-words-few": (text(*MENU, "Industry", *MENU, "Website", *MENU, "", P1, P2), [(1, 14)]),
    # a box of facts after the article is the sidebar's (a shop's game details, which Dragnet's
    # gold holds as boilerplate): only an infobox before the article is the article's
    "fact-box-after": (
        text(
            P1, P2, "##### Genre", "", "RPG", "", "##### Developer", "", "Square Enix", "", "##### Publisher"
        ),
        [(3, 11)],
    ),
    # a whole page prints its menu again as a list in its footer: no table of contents
    "menu-again-in-the-footer": (
        text(*(f"* {m}" for m in MENU), "", P1, P2, "* Sport", "* News", "* Home", P3),
        [(1, 4)],
    ),
    # a sidebar between the paragraphs and, a line of text below, a shorter run: the same
    # sidebar's next box (`menu_shapes.chained_runs`), and so a third run next to that one
    "chained": (
        text(P1, P2, *(MENU * 4), "Our picks.", *MENU, "More picks.", *MENU, P3),
        [(3, 18), (20, 23), (25, 28)],
    ),
    # a paragraph of prose between them breaks the chain: the short run is the article's
    "chain-broken-by-prose": (text(P1, P2, *(MENU * 4), P3, *MENU, P1), [(3, 18)]),
    # html2text's nested lists print their empty parents' markers on the item's line
    "nested-markers": (
        text(P1, P2, "  *   * Home", "  *     * News", "    * Sport", "  * #### Weather"),
        [(3, 6)],
    ),
    # a menu whose items the article names as headings only once out of four is still a menu
    "not-contents": (text(*MENU, "", P1, "## Sport", P2), [(1, 4)]),
    # separators the extractor put on lines of their own keep the run going, and a section
    # name written with its full stops is an item
    "separators": (text("Home", "•", "U.S.", "•", "World", "»", "Politics", "", P1, P2), [(1, 7)]),
    # the article's title right above its first paragraph (four words) is not the menu's last item
    "title-above": (text(*MENU, ">", "Entertainment", "Monokini Madness Hits Hollywood", P1, P2), [(1, 6)]),
    # a sidebar between the paragraphs under a line ending in a colon that is no paragraph of
    # prose: a form's label, a list item heading a sublist of the menu
    "form-colon": (text(P1, P2, "If you subscribe, sign in here:", *(MENU * 4), P3), [(4, 19)]),
    # section names in scripts without letter case (Chinese, Bengali with its vowel signs,
    # Arabic): no capital to show, a menu all the same
    "zh-menu": (text("* 首页", "* 时政", "* 国际", "* 社情民意调查", "* 文化", "", *ZH_P), [(1, 5)]),
    "bn-menu": (text("* বাংলাদেশ", "* রাজনীতি", "* খেলা", "* বিনোদন", "", *BN_P), [(1, 4)]),
    "ar-menu-after": (text(*AR_P, "* الأولى", "* الحياة الوطنية", "* قضايا المجتمع", "* رياضة"), [(3, 6)]),
    # a notice alone on the first line of a whole page, thirty lines of text or more over the
    # article's first paragraph: the boxes of menus under it are before the article
    "notice-above": (
        text(NOTICE, *[line for _ in range(8) for line in (*MENU, "By Anna Smith")], P1, P2),
        [(2 + 5 * k, 5 + 5 * k) for k in range(8)],
    ),
    # markup an extractor left as text after the footer is no paragraph of prose: the footer's
    # run is after the article's last one (gmw.cn's tracking pixel under its footer)
    "markup-after": (
        text(
            P1,
            P2,
            *MENU,
            '<img src="https://example.com/atrk.gif?account=r+F" style="display:none" height="1">',
        ),
        [(3, 6)],
    ),
    "sublist-colon": (
        text(
            P1,
            P2,
            "* Our network of sites, shows and the newsletters we send you every week:",
            *(f"* {m}" for m in MENU * 4),
            P3,
        ),
        [(4, 19)],
    ),
}


@pytest.mark.parametrize("body", MENU_VALID.values(), ids=list(MENU_VALID))
def test_menu_valid(body: str) -> None:
    assert regions("B028", body) == []


@pytest.mark.parametrize("body, expected", MENU_INVALID.values(), ids=list(MENU_INVALID))
def test_menu_invalid(body: str, expected: list[tuple[int, int]]) -> None:
    assert regions("B028", body) == expected


TITLES_VALID = {
    "no-list": text(P1, P2, P3),
    # subheadings between paragraphs, no heading above them
    "subheads": text(P1, TITLES[0], P2, TITLES[1], P3, TITLES[2], P1),
    # two titles under a heading are too few
    "two": text(P1, "Most read", *TITLES[:2], P2),
    # three titles at the end with no heading are too few
    "bare-three": text(P1, P2, *TITLES[:3]),
    # titles at the end after a line that is no paragraph of prose
    "after-heading": text(P1, P2, "Budget 2012", *TITLES),
    # a sentence after the titles: they do not end the document
    "not-last": text(P1, P2, *TITLES, P3),
    # the article's own lists at its end, no heading above them: an enumeration of steps,
    # numbered points
    "steps": text(
        P1,
        "To turn cold into warm, change one letter at a time, and every step must be a word.",
        "- Step 1 (change the c): bold",
        "- Step 2 (change the b): word",
        "- Step 3 (change the d): worm",
        "- Step 4 (change the o): warm",
    ),
    "points": text(
        P1,
        P2,
        "1. Book the venue at least six months before the date",
        "2. Ask the caterer for a tasting menu in writing",
        "3. Keep a list of guests with their dietary needs",
        "4. Leave an hour free between the ceremony and dinner",
    ),
    # the article's subheading over its own marked list (a title-shaped line, then items)
    "subheading-list": text(
        P1,
        P2,
        "What you need for the small loan",
        "- A computer, a laptop or a phone",
        "- An internet connection and a browser",
        "- A valid e-mail address for the papers",
        "- A passport or an identity card",
    ),
}

TITLES_INVALID = {
    "heading": (text(P1, "Most read", *TITLES[:3], "", P2), [(2, 5)]),
    "pack-heading": (
        text(P1, "Related stories:", "- " + TITLES[0], "- " + TITLES[1], "- " + TITLES[2], P2),
        [(2, 5)],
    ),
    "more-from": (text(P1, P2, "More from Sport", *TITLES), [(3, 7)]),
    "bare": (text(P1, P2, *TITLES, ""), [(3, 6)]),
    # titles set alike, all marked, no heading: other articles'
    "bare-marked": (text(P1, P2, *(f"- {t}" for t in TITLES)), [(3, 6)]),
    "german": (
        text(
            P1,
            P2,
            "Lesen Sie auch",
            "Sturm schließt Schulen im Norden",
            "Derby endet ohne Sieger im Regen",
            "Zehn Rezepte für ein langes Wochenende",
        ),
        [(3, 6)],
    ),
}


@pytest.mark.parametrize("body", TITLES_VALID.values(), ids=list(TITLES_VALID))
def test_titles_valid(body: str) -> None:
    assert regions("S005", body) == []


@pytest.mark.parametrize("body, expected", TITLES_INVALID.values(), ids=list(TITLES_INVALID))
def test_titles_invalid(body: str, expected: list[tuple[int, int]]) -> None:
    assert regions("S005", body) == expected


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_lintnews(["check", "--isolated", "--no-cache", *args])


def test_menus_in_the_default_selection_titles_not(tmp_path: Path) -> None:
    """B028 is in the default selection (session 51); S005 is not: of the list of other stories'
    titles only its heading line is reported, by S001."""
    path = tmp_path / "story.txt"
    path.write_text(text(*MENU, P1, P2, "Most read", *TITLES), encoding="utf-8")
    out = run("--format", "json", str(path))
    found = [(d["code"], d["line"], d["end_line"]) for d in json.loads(out.stdout)]
    assert found == [("B028", 1, len(MENU)), ("S001", len(MENU) + 3, len(MENU) + 3)]


@pytest.mark.parametrize(
    "code, body, kept, message",
    [
        (
            "B028",
            text(*MENU, "", P1, "", P2),
            text(P1, "", P2),
            "Navigation menu left in the text (4 items, 4 lines)",
        ),
        (
            "S005",
            text(P1, "", P2, "", "Most read", *TITLES),
            text(P1, "", P2),
            "List of other articles' titles left in the text (4 titles, 5 lines)",
        ),
    ],
    ids=["B028", "S005"],
)
def test_cli_region_and_unsafe_fix(tmp_path: Path, code: str, body: str, kept: str, message: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(body, encoding="utf-8")
    (d,) = json.loads(run("--format", "json", "--select", code, str(path)).stdout)
    assert (d["code"], d["message"], d["fix"]["safe"]) == (code, message, False)
    run("--select", code, "--fix", str(path))
    assert path.read_text(encoding="utf-8") == body  # unsafe: --fix alone leaves it
    run("--select", code, "--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == kept


PAGE = f"""<html><body class="single has-comments"><nav><ul><li><a href="/">Home</a></li>
<li><a href="/n">News</a></li></ul></nav>
<article class="post-share-enabled"><h1>Budget passes</h1><p>{P1}</p><p>{P2}</p>
<p>Short <a href="/q">link</a> in a line that is mostly plain words, not a link at all.</p>
<aside><p>Fact box: the budget is the largest in the history of the city council.</p></aside><p>{P3}</p>
<footer><p>Filed under Politics</p></footer></article>
<div class="related-posts"><h3>Elsewhere</h3><ul><li><a href="/a">Other story one</a></li></ul></div>
<ol class="commentlist"><li><p>Great article, thanks for writing it up so clearly for all of us.</p></li></ol>
<ul><li><a href="/x">About</a></li><li><a href="/y">Contact</a></li><li><a href="/z">Privacy</a></li></ul>
<footer><p>Copyright 2012 The Town Paper</p></footer>
</body></html>"""


def test_landmark_regions_of_html() -> None:
    doc = html_document("a.html", PAGE)
    assert doc.lines[:2] == ["Home", "News"]
    marked = LANDMARK_REGIONS.of(doc)
    assert marked is not None
    # <body class="has-comments"> and <article class="post-share-enabled"> mark nothing; the
    # block of links after the article is marked; the line with one link is not
    assert marked.regions == (
        Region("navigation", "nav", 0, 1),
        Region("aside", "aside", 6, 6),
        Region("footer", "footer", 8, 8),
        Region("related", "div", 9, 10),
        Region("comments", "ol", 11, 11),
        Region("navigation", "", 12, 14),
        Region("footer", "footer", 15, 15),
    )
    assert marked.article == (3, 7)
    assert doc.markup_marks is not None and doc.markup_marks.link_chars[5] == len("link")
    assert LANDMARK_REGIONS.of(Document("a.txt", "Home\n")) is None


def test_landmark_with_most_of_the_prose_is_not_believed() -> None:
    doc = html_document("a.html", f'<div class="comments-on"><p>{P1}</p><p>{P2}</p></div><p>{P3}</p>')
    assert LANDMARK_REGIONS.of(doc).regions == ()  # type: ignore[union-attr]


def test_cli_reports_marked_blocks_of_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    out = run("--format", "json", "--select", "B029,S005,B011", str(path))
    got = [(d["code"], d["message"]) for d in json.loads(out.stdout)]
    # the aside between the article's paragraphs is left alone; its footer after them is not;
    # the commentlist holds no comment header, so B011 reports no thread (tests/test_rules_regions.py)
    assert got == [
        ("B029", "Navigation menu left in the text (<nav> navigation, 2 lines)"),
        ("B029", "Page footer left in the text (<footer> footer, 1 line)"),
        ("S005", "List of other articles' titles left in the text (<div> marked related, 2 lines)"),
        ("B029", "Navigation menu left in the text (block of links, 3 lines)"),
        ("B029", "Page footer left in the text (<footer> footer, 1 line)"),
    ]


def test_b028_judges_the_shape_of_html_lines_and_leaves_the_markup_to_b029(tmp_path: Path) -> None:
    """The split of B028: on HTML input B028 reports what the lines' shape says (a menu of four
    items in no marked element) and nothing the markup alone marks; B029 reports the marked
    blocks and nothing on text input."""
    page = (
        "<html><body><div><p>Home</p><p>News</p><p>Sport</p><p>Arts and Culture</p></div>"
        f"<p>{P1}</p><p>{P2}</p><footer><p>Filed under Politics and the City Budget</p></footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    got = [
        (d["code"], d["message"])
        for d in json.loads(run("--format", "json", "--select", "B028,B029", str(path)).stdout)
    ]
    assert got == [
        ("B028", "Navigation menu left in the text (4 items, 4 lines)"),
        ("B029", "Page footer left in the text (<footer> footer, 1 line)"),
    ]
    story = tmp_path / "story.txt"
    story.write_text(text(*MENU, "", P1, P2), encoding="utf-8")
    assert [
        d["code"] for d in json.loads(run("--format", "json", "--select", "B028,B029", str(story)).stdout)
    ] == ["B028"]


def test_b029_fix_removes_the_marked_block_with_unsafe_fixes_only(tmp_path: Path) -> None:
    page = f"<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav><p>{P1}</p><p>{P2}</p></body></html>\n"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (d,) = json.loads(run("--format", "json", "--select", "B029", str(path)).stdout)
    assert (d["code"], d["line"], d["fix"]["safe"]) == ("B029", 1, False)
    run("--select", "B029", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == page
    run("--select", "B029", "--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == f"<html><body><p>{P1}</p><p>{P2}</p></body></html>\n"
