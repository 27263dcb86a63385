"""Blog platforms' comment forms and credits as extractors other than trafilatura keep them
(resiliparse, jusText, html2text on Dragnet's TypePad, Blogger and Disqus pages, session 49): each
line reported by the rule whose kind it is, and the article's own sentences about comments,
e-mail and templates left alone."""

from __future__ import annotations

import pytest
from pack_articles import IT, NL, PL, PT, RU
from page_findings import findings, reported, text_of

ARTICLE = [
    (
        "The council approved the harbour expansion on Monday after two years of dispute, and the mayor "
        "said that the new terminal would bring hundreds of jobs to the town.",
        None,
    ),
    (
        "Residents who want to comment on the plans can write to the council until the end of the month; "
        "the clerk said every letter would be read and that names would not be published.",
        None,
    ),
    (
        "The architects used a template from an earlier terminal in Rotterdam, powered by wind turbines "
        "on the quay, and said the letters and numbers on the drawings were checked twice.",
        None,
    ),
]

TYPEPAD = [
    ("Your comment could not be posted. Error type:", "B002"),
    (
        "Your comment has been saved. Comments are moderated and will not appear until approved by the author. "
        "Post another comment",
        "B002",
    ),
    ("Your comment has been posted. Post another comment", "B002"),
    ("The letters and numbers you entered did not match the image. Please try again.", "B002"),
    ("Enter your information below to add a new comment.", "B002"),
    ("(Name and email address are required. Email address will not be displayed with the comment.)", "B002"),
    ("Name is required to post a comment", "B002"),
    ("Please enter a valid email address", "B002"),
    ("Invalid URL", "B002"),
    ("Your email is never published nor shared. Required fields are marked *", "B002"),
]

CREDITS = [
    ("blog comments powered by Disqus", "B020"),
    ("Watermark template. Powered by Blogger.", "B020"),
    ("Awesome Inc. template. Powered by Blogger.", "B020"),
]

NEWSLETTER = [
    ("Please enter your email address.", "B004"),
    ("Please enter a valid email address.", "B002"),
    ("Please check your inbox for a confirmation email.", "B004"),
]


def test_typepad_comment_form_lines_are_reported() -> None:
    page = [*ARTICLE, *TYPEPAD]
    assert findings(text_of(page)) == reported(page)


def test_platform_credits_and_a_newsletter_box_are_reported() -> None:
    page = [*ARTICLE, *NEWSLETTER, *CREDITS]
    assert findings(text_of(page)) == reported(page)


def test_the_article_alone_gives_nothing() -> None:
    assert findings(text_of(ARTICLE)) == []


def test_a_comment_forms_email_field_is_b002s_and_a_newsletter_boxs_b004s() -> None:
    """A bare "Email Address:" is a field of the comment form under its heading ("Post a comment",
    TypePad's) and B002's; alone under a newsletter's prompt it is B004's. The fields under the
    heading are chrome around what follows for B031 as well (no run of "URL:" and "Remember
    personal info?" between two chrome lines)."""
    form = [
        ("Post a comment", "B002"),
        ("Name:", "B002"),
        ("Email Address:", "B002"),
        ("URL:", "B002"),
        ("Remember personal info?", "B002"),
        ("Comments:", "B002"),
    ]
    page = [*ARTICLE, *form]
    assert findings(text_of(page).replace("\n\n", "\n")) == reported(page)
    box = [("Subscribe to our newsletter", "B004"), ("Email address", "B004")]
    page = [*ARTICLE, *box]
    assert findings(text_of(page)) == reported(page)


#: A comment form's heading and bare fields in the languages beyond the four whose B002 table
#: lists the form's labels (WordPress's translations), under that language's harbour paragraph.
FORMS = {
    "pt": (PT, ["Deixe um comentário", "Nome", "Email", "Site"]),
    "it": (IT, ["Lascia un commento", "Nome", "Email", "Sito web"]),
    "nl": (NL, ["Laat een reactie achter", "Naam", "E-mail", "Website"]),
    "pl": (PL, ["Dodaj komentarz", "Imię", "E-mail", "Witryna internetowa"]),
    "ru": (RU, ["Добавить комментарий", "Имя", "Email", "Сайт"]),
}


@pytest.mark.parametrize("language", sorted(FORMS))
def test_a_forms_heading_over_its_bare_fields_in_more_languages(language: str) -> None:
    """The form's heading and each bare field under it (B002's `comment-form-headings` of the
    language); the article's paragraph is left."""
    paragraph, form = FORMS[language]
    text = paragraph + "\n" + "\n".join(form) + "\n"
    assert findings(text) == [("B002", line) for line in form]
