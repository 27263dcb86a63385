"""Comment threads, session 58 (B011, B012, B002): a stamp's date written year first with slashes
("2013/12/28 10:28", as Pixnet, Japanese blogs and some English ones print it), Pixnet's
"留言列表 (42)" heading, a listing of posts whose stamps read as headers (each post's counter under
its stamp: no thread), and html2text's abbreviation definitions ("*[2012/08/06]: 2012/08/06
09:49:10"), which are F006's and no comment's header."""

from __future__ import annotations

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter

ARTICLE_ZH = [
    "美樹營地秀巒賞楓記",
    "",
    "今年秋天我們再次來到新竹尖石的美樹營地，山谷裡的楓葉已經轉紅，景色非常迷人。",
    "",
    "營地主人說，今年天氣比較冷，楓葉比往年早一個星期變色，遊客也比去年多了不少。",
    "",
    "晚上大家一起煮火鍋，聊到深夜，第二天一早又沿著溪邊步道走到吊橋看日出。",
    "",
]
ARTICLE_EN = [
    "The council approved the new budget on Tuesday after a debate that lasted well into the night.",
    "",
    "The schools get more money, and the mayor said the vote was a relief for the whole city.",
    "",
    "The council will vote on the details of the plan in March, a spokesman for the mayor said.",
    "",
]


def _found(lines: list[str], codes: tuple[str, ...] = ("B011", "B012")) -> list[tuple[str, int, int]]:
    diags = (
        Linter(Settings(select=list(codes))).lint(Document("page.md", "\n".join(lines) + "\n")).diagnostics
    )
    return sorted((d.code, d.line, d.end_line) for d in diags)


def test_pixnet_thread_with_year_first_stamps_and_its_heading() -> None:
    lines = [
        *ARTICLE_ZH,
        "###  留言列表 (3)",  # 9
        "",
        "  * #1 小鳳 於 2013/12/28 10:28",  # 11
        "  *   * 露營兼賞楓，好棒的生活",
        "  * 謝謝小鳳的來訪！",
        "史蒂文的家_藍天 於 2014/01/01 20:31 回覆",  # 14
        "",
        "  * #2 茜媽咪 於 2013/12/28 10:42",  # 16
        "  *   * 嚮往大自然，再濕冷的天依舊衝衝衝",
        "史蒂文的家_藍天 於 2014/01/01 20:37 回覆",  # 18
        "",
        "  * #3 青草 於 2013/12/28 22:50",  # 20
        "  *   * 今天路過美樹營地，真的很美！",
    ]
    assert _found(lines) == [
        ("B011", 9, 21),
        ("B012", 11, 11),
        ("B012", 14, 14),
        ("B012", 16, 16),
        ("B012", 18, 18),
        ("B012", 20, 20),
    ]
    assert ("B002", 9, 9) in _found(lines, ("B002",))


def test_english_thread_with_year_first_stamps() -> None:
    lines = [
        *ARTICLE_EN,
        "3 Comments",  # 7
        "",
        "Jane Roe 2012/11/05 10:33 pm",  # 9
        "Great news for the schools, finally.",
        "",
        "John Smith 2012/11/06 8:02 am",  # 12
        "The debate was far too long.",
        "",
        "Mary Major 2012/11/06 9:15 am",  # 15
        "Let us see what March brings.",
    ]
    assert _found(lines) == [("B011", 7, 16), ("B012", 9, 9), ("B012", 12, 12), ("B012", 15, 15)]


def test_year_first_dates_in_prose_are_no_headers() -> None:
    lines = [
        *ARTICLE_EN,
        "The vote of 2012/11/05 was the first of three.",
        "",
        "Minutes of 2012/11/06 10:33 were published late.",
        "",
        "Report filed 2012/11/07 by the clerk's office.",
        "",
        ARTICLE_EN[0],
    ]
    assert _found(lines) == []


def test_listing_of_posts_with_year_first_stamps_is_no_thread() -> None:
    lines = [*ARTICLE_EN]
    for title, stamp, views, count in (
        ("Puchi Mirai", "Thu 2011/01/20 13:23 JST", "143076 views", "156 comments"),
        ("SoniComi", "Thu 2011/12/01 14:41 JST", "419058 views", "292 comments"),
        ("Chinka PV April Fools", "Sun 2010/04/04 00:15 JST", "204330 views", "77 comments"),
        ("AFAID 12 Culture Japan Booth", "Tue 2012/09/11 01:37 JST", "65904 views", "157 comments"),
    ):
        lines += [title, "", stamp, "", views, count, "", f"A few words about {title}... (more)", ""]
    assert _found(lines) == []


def test_abbreviation_definitions_are_no_comment_headers() -> None:
    lines = [
        *ARTICLE_EN,
        "Powered by WordPress and the PressPlay Theme",
        "",
        "  *[2012/08/06]: 2012/08/06 09:49:10",  # 9
        "  *[2012/08/05]: 2012/08/05 03:50:12",
        "  *[Tue, Nov 6, 2012 6:25 AM EST]: 2012-11-06T11:25:16Z",
        "  *[Mon, Nov 5, 2012 6:46 PM EST]: 2012-11-05T23:46:02Z",
        "  *[Mon, Nov 5, 2012 3:43 PM EST]: 2012-11-05T20:43:23Z",
    ]
    assert _found(lines) == []
    assert _found(lines, ("F006",)) == [("F006", i, i) for i in range(9, 14)]


def test_a_bare_count_under_the_byline_heads_no_thread() -> None:
    """Gamasutra's "1 comments" printed under the byline, over the article and its pages: the
    post's counter, not the heading of a thread that would run over the whole article; a count
    under a line that is no byline still heads its thread."""
    body = [
        # the sidebar's teasers above it read as two paragraphs of prose
        "\t\tNot even November can save U.S. game retail now [15]",
        "\t\tVideo: How social games evolved between FarmVille and CityVille [1]",
        "",
        "The Making of Warcraft's Multiplayer",
        " by Patrick Wyatt [Design, Social/Online]",
        "1 comments",  # 6
        "",
        "November 12, 2012 \t\t\t\tPage 1 of 4",
        "",
        *ARTICLE_EN,
        ARTICLE_EN[0],
        "",
        "\t\tPage 1 of 4",
        "",
        "Comments",
        "Michael Hahn",
        "Great article! Thx for sharing",
    ]
    assert _found(body, ("B011",)) == []
    headed = [*body[:4], "Posted in Design", *body[5:]]
    assert _found(headed, ("B011",)) == [("B011", 6, 22)]
