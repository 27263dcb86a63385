"""Session 56's lines of a blog's sidebar widgets, counted among the lines of Dragnet's whole pages
(html2text) no rule reported, each on 17 to 57 pages: the feed links ("Subscribe in a reader",
"Site Feed": B004), the follow buttons ("Follow this blog", "Follow me on Twitter": B005), the
profile widget's link and Blogger's sidebar headings ("Followers", "Contributors": B010),
TypePad's comment form's "Your Information" (B002), the e-mail tool (B025), the headings of the
sidebar's lists ("Most Popular Posts", "Featured Posts": S001), Amazon's ad widget (B009) and a
login box's one link for both ("Forgot your username or password?": B032). Each line is reported,
with its code and line, under a real-shaped article; the same words inside the article's
sentences are left, and so is "Follow me", "Followers" or "Your Information" between two
paragraphs of prose (a story's subheading as often: the rules' story-words). Also the Chinese and
Russian lines counted on the 200 MB crawl: a subscribe button, Tencent's share button, a credit
that names no agency."""

from __future__ import annotations

import pytest
from pack_articles import EN, RU, ZH, findings


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Subscribe in a reader", "B004"),
        ("Site Feed", "B004"),
        ("Subscribe to: Site Feed", "B004"),
        ("Follow this blog", "B005"),
        ("  * Follow by Email", "B005"),
        ("Follow on Twitter", "B005"),
        ("Follow me on Twitter", "B005"),
        ("Follow me", "B005"),
        ("View profile", "B010"),
        ("### Followers", "B010"),
        ("  * Contributors", "B010"),
        ("Total Pageviews", "B010"),
        ("Your Information", "B002"),
        ("Email this post", "B025"),
        ("### Most Popular Posts", "S001"),
        ("Featured Posts", "S001"),
        ("Most Commented", "S001"),
        ("Amazon.com Widgets", "B009"),
        ("Forgot your username or password?", "B032"),
    ],
)
def test_the_widget_line_is_reported_under_the_article(line: str, code: str) -> None:
    assert findings(f"{EN}\n{line}\n") == [(code, 3)]


@pytest.mark.parametrize(
    "text",
    [
        f"{EN}\nResidents who follow this blog will know the harbour master has warned of it for years.\n",
        f"{EN}\nThe council asked residents to follow me on Twitter, the mayor joked at the meeting.\n",
        f"{EN}\nThe most commented story of the week was about the harbour fees, the editor said.\n",
        f"{EN}\nShe forgot her username or password twice, the clerk said, and was locked out for a day.\n",
        # "Follow me" between two paragraphs of prose: a story's subheading (B005's story-words), and
        # so are "Followers" (B010's) and "Your Information" (B002's)
        f"{EN}\nFollow me\n\n{EN.replace('harbour', 'school')}",
        f"{EN}\n## Followers\n\n{EN.replace('harbour', 'school')}",
        f"{EN}\nYour Information\n\n{EN.replace('harbour', 'school')}",
    ],
)
def test_the_same_words_inside_an_article_are_left(text: str) -> None:
    assert findings(text) == []


@pytest.mark.parametrize(
    ("article", "line", "code"),
    [
        # a subscribe button and Tencent's share button alone (the 200 MB crawl: 672 and 176 lines)
        (ZH, "点击订阅", "B004"),
        (ZH, "转播到腾讯微博", "B005"),
        # the credit that names no agency (271 lines), as German's "Mit Material der Nachrichtenagenturen"
        (RU, "По материалам информационных агентств", "B020"),
        (RU, "По материалам агентств.", "B020"),
    ],
)
def test_the_chrome_line_is_reported_in_its_language(article: str, line: str, code: str) -> None:
    assert findings(f"{article}\n{line}\n") == [(code, 3)]


def test_the_credit_in_a_sentence_is_left() -> None:
    text = f"{RU}\nПо материалам агентств, в порту работали до утра, сообщил источник в мэрии города.\n"
    assert findings(text) == []
