"""B011 on threads whose extractor dropped every comment's header but kept the reply link under
each comment ("[Reply]", "Antworten"): `rules/chrome/thread_headless.py`, `replied_thread`."""

from __future__ import annotations

from pathlib import Path

import pytest
from thread_texts import BODY1, BODY2, P1, P2, P3, headers, lint_b011, regions, text

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.registry import all_rules

BODY3 = "I grew up on that street and the potholes have been there since my father drove a bus."
#: An article, then its comments, each under its reply link (trafilatura's text of a WordPress blog).
REPLIED = text(
    P1, P2, P3, BODY1, "[Reply]", BODY2, "Take care.", "[Reply]", BODY3, "[Reply]", BODY1, "[Reply]"
)

VALID = {
    # two links are too few
    "two": text(P1, P2, P3, BODY1, "[Reply]", BODY2, "[Reply]"),
    # a row of buttons, no comment between them
    "buttons": text(P1, P2, P3, "Reply", "Reply", "", "Reply", BODY1),
    # links too far apart (more than 40 lines of text between two)
    "apart": text(P1, P2, "Reply", *([P3] * 41), "Reply", BODY1, "Reply", BODY2, P1),
    # before the article's second paragraph: the page's buttons, not a thread under it
    "above-the-article": text("Reply", BODY1, "Reply", BODY2, "Reply", P1, P2),
    # a line that says more than the link is a sentence ("Reply to the council by Friday.")
    "sentences": text(
        P1, P2, "Reply to the council by Friday.", BODY1, "Reply to all.", BODY2, "Reply now.", P3
    ),
}

INVALID = {
    # from the first link to the end: the first comment's body is left to the article
    "links": (REPLIED, [(5, 12)]),
    # a thread's heading a few lines above the first link starts the thread (no count: no thread by itself)
    "heading": (
        text(P1, P2, P3, "Comments", "", BODY1, "[Reply]", BODY2, "[Reply]", BODY3, "[Reply]"),
        [(4, 11)],
    ),
    # the reply form ends it; the marks around the link are the theme's ("- Reply ↓")
    "form": (
        text(
            P1, P2, BODY1, "- Reply ↓", BODY2, "- Reply ↓", BODY3, "- Reply ↓", "Leave a Reply", "Name *", P3
        ),
        [(4, 8)],
    ),
}


@pytest.mark.parametrize("body", VALID.values(), ids=list(VALID))
def test_reply_links_valid(body: str) -> None:
    assert regions(body) == []


@pytest.mark.parametrize("body, expected", INVALID.values(), ids=list(INVALID))
def test_reply_links_invalid(body: str, expected: list[tuple[int, int]]) -> None:
    assert regions(body) == expected


def test_reply_links_are_no_comment_headers() -> None:
    """B012 reports a comment's header lines: a thread of reply links has none (B002 reports the
    links' lines)."""
    assert headers(REPLIED) == []
    b002 = all_rules()["B002"]
    assert [v.line + 1 for v in b002.check(Document("a.txt", REPLIED), Settings())] == [5, 8, 10, 12]


def test_reply_links_in_german() -> None:
    article = (
        "Der Stadtrat hat den neuen Haushalt am Dienstag nach einer langen Debatte beschlossen, die bis in "
        "die Nacht dauerte, und der Bürgermeister sprach von einer Erleichterung für die Schulen.",
        "Die Opposition sagte, der Plan lasse zu wenig Geld für die Straßen übrig, und warnte vor einem neuen "
        "Defizit im nächsten Jahr, wenn die Einnahmen aus dem Parken ausbleiben.",
    )
    comment = "Das ist die schlechteste Idee, die der Stadtrat seit Jahren hatte, und jeder in der Altstadt weiß es."
    body = text(*article, comment, "Antworten", comment, "Antworten", comment, "Antworten")
    assert regions(body) == [(4, 8)]


def test_cli_removes_the_thread_of_reply_links_with_unsafe_fixes(tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_text(REPLIED, encoding="utf-8")
    result = lint_b011(path)
    assert (
        f"{path}:5:1: B011 Reader-comment thread left in the text (no comment headers, 8 lines)"
        in result.stdout
    )
    lint_b011(path, "--fix")
    assert path.read_text(encoding="utf-8") == REPLIED  # unsafe: --fix alone leaves it
    lint_b011(path, "--fix", "--unsafe-fixes")
    assert path.read_text(encoding="utf-8") == text(P1, P2, P3, BODY1)


def test_reply_links_with_a_dotless_i() -> None:
    """Turkish "Yanıtla" holds a dotless "ı", which `re` folds with "I" and the screen's kernel
    cannot look for: the screen looks for a part of the word it can ("yan"), so a link printed in
    capitals ("YANITLA") is read too."""
    body = text(P1, P2, P3, BODY1, "Yanıtla", BODY2, "YANITLA", BODY3, "yanıtla", BODY1)
    assert regions(body) == [(5, 10)]


@pytest.mark.parametrize(
    "link", ["ReplyDelete", "AntwortenLöschen", "RépondreSupprimer", "ResponderEliminar"]
)
def test_bloggers_two_buttons_glued_into_one_word(link: str) -> None:
    """Blogger prints "Reply" and "Delete" under each comment; an extractor that drops the
    markup between them leaves one word ("ReplyDelete", and its German, French and Spanish):
    a run of them with the comments between is a thread as a run of "Reply" is (the owner's
    own answer carries "Delete" alone)."""
    body = text(P1, P2, P3, BODY1, link, BODY2, "Delete", BODY3, link, BODY1, link)
    assert regions(body) == [(5, 11)]


def test_a_word_glued_to_reply_is_no_link() -> None:
    """Only Blogger's two buttons: another word glued to "Reply" ("ReplyMore") alone on a line
    under each paragraph is no reply link."""
    body = text(P1, P2, P3, BODY1, "ReplyMore", BODY2, "ReplyMore", BODY3, "ReplyMore", BODY1)
    assert regions(body) == []
