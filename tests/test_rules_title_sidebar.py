"""S006 title-sidebar: a sidebar of 32 headlines or more reported as one region, and the lists
an article holds of its own left alone (announced, numbered, sentence case, too short, broken
by prose). Its fix's round trip is in tests/test_fix_roundtrips.py."""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.registry import all_rules

P1 = "Over the past few months I have managed to post plenty of funny posts for you to enjoy here."
P2 = "Thanks for visiting, and feel welcome to drop a comment or an opinion on any of these posts."
#: Headlines in title case, no two alike.
TITLES = [f"John Edwards Trial: Bizarre Alternate Jury Antics, Day {k}" for k in range(40)]


def text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def regions(body: str) -> list[tuple[int, int, str]]:
    rule = all_rules()["S006"]
    return [(v.line + 1, v.end_line + 1, v.message) for v in rule.check(Document("a.txt", body), Settings())]


def test_a_sidebar_after_the_article_is_one_region() -> None:
    body = text(P1, "Politics:", *TITLES[:32], P2)
    assert regions(body) == [
        (3, 34, "Sidebar of other articles' titles left in the text (32 titles, 32 lines)")
    ]


def test_labels_separators_and_promotion_lines_keep_the_sidebar_together() -> None:
    promo = "* * * Support the Foundation - helping homeless veterans come home. Visit the shop."
    body = text(
        P1, *TITLES[:10], "Recipes:", *TITLES[10:20], "* * *", "", *TITLES[20:30], promo, *TITLES[30:34]
    )
    assert [r[:2] for r in regions(body)] == [(2, 39)]
    assert "(34 titles, 38 lines)" in regions(body)[0][2]


def test_titles_holding_a_separator_and_a_figure_are_still_a_sidebar_when_few() -> None:
    # a quarter of the titles would be a table's rows; fewer are a sidebar's (site names, years)
    titles = [f"{t} | Site | 2012" if k % 5 == 0 else t for k, t in enumerate(TITLES[:33])]
    assert [r[:2] for r in regions(text(P1, *titles, P2))] == [(2, 34)]


def test_a_sidebar_before_the_article_and_one_with_no_article_are_reported() -> None:
    assert [r[:2] for r in regions(text(*TITLES[:33], P1))] == [(1, 33)]
    assert [r[:2] for r in regions(text(*TITLES[:33]))] == [(1, 33)]


LEFT_ALONE = {
    # one line over and over (spam in a comment thread) is no list of titles
    "repeated": text(P1, *[TITLES[0]] * 20, *TITLES[1:20], P2),
    # one title short
    "short": text(P1, *TITLES[:31], P2),
    # two lines join two groups of three titles or more, not a group of two
    "split": text(P1, *TITLES[:30], P2, *TITLES[30:32]),
    # three lines that are not titles between two groups
    "three-between": text(*TITLES[:16], P1, P2, P1.replace("few", "many"), *TITLES[16:32]),
    # after a sidebar's last line, a sentence announcing the article's own list ends the sidebar
    "announced-after-sidebar": text(
        P1, *TITLES[:20], P2, "You can find other recipes at these blogs:", *TITLES[20:40]
    ),
    # announced by a sentence of the article ending with a colon, over a group heading
    "announced": text(
        P1,
        "You can find other quiche fillings and great recipes at these blogs:",
        "Week One Menu",
        *TITLES[:34],
    ),
    # numbered: the article's own list (html2text escapes the full stop)
    "numbered": text(P1, *(f"{k + 1}. {t}" for k, t in enumerate(TITLES[:34]))),
    "numbered-escaped": text(P1, *(f"{k + 1}\\. {t}" for k, t in enumerate(TITLES[:34]))),
    # sentence case: steps, names, a list of features
    "sentence-case": text(P1, *(f"Storm closes schools across the north, day {k}" for k in range(40))),
    # a table flattened a row a line (lintnews's reading of HTML): the cities' figures are no titles
    "table": text(
        P1,
        "Metropolitan Statistical Area | Median $/SqFt | Yearly Change | Monthly Change",
        *(f"Metro Area Number {k} | ${80 + k} | {k}.7% | -2.1%" for k in range(34)),
        P2,
    ),
}


@pytest.mark.parametrize("name", sorted(LEFT_ALONE))
def test_the_articles_own_lists_are_left_alone(name: str) -> None:
    assert regions(LEFT_ALONE[name]) == []


def test_a_section_label_does_not_announce_a_list() -> None:
    # "Recent Posts:" right under a paragraph is the sidebar's label, not the article's sentence
    assert [r[:2] for r in regions(text(P1, "Recent Posts:", *TITLES[:32]))] == [(3, 34)]


#: A tour's stops, a date and a place a line (Dragnet R81-R84's sidebar, rewritten).
_SCHEDULE = [
    f"{m} {d}: {p}"
    for m, p in [
        ("January", "Brasilia, Brazil"),
        ("March", "Perth, Australia"),
        ("May", "Provo, UT"),
        ("June", "Rio de Janeiro, Brazil"),
        ("October", "Washington DC"),
        ("November", "Phoenix, AZ"),
    ]
    for d in range(3, 9)
]


def test_a_schedule_in_the_sidebar_is_reported_and_one_the_article_announces_is_not() -> None:
    # session 39: the same sidebar schedule on four pages of one site is boilerplate in Dragnet's
    # gold on each (the article says "you can find each destination on the left sidebar");
    # leaving schedules alone lost 313 junk lines of html2text's text for 7 article-labelled
    # lines (places the labeller found in the article's list). A schedule of the article's own
    # is announced by a sentence ending with a colon.
    assert [r[:2] for r in regions(text(P1, "**2013 WORLD TOUR**", *_SCHEDULE, P2))] == [(3, 38)]
    announced = text("The band will play these dates on its world tour next year:", *_SCHEDULE, P2)
    assert regions(announced) == []
