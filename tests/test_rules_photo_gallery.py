"""B030 photo-gallery: captions with the gallery's title once per caption below them reported as
one region (with the heading naming the title), and the runs of a repeated line that are no
gallery left alone (too few, captions that are not sentences, fewer captions than titles, a
repeated line under the article's paragraphs). Its fix's round trip is in
tests/test_fix_roundtrips.py."""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.registry import all_rules

P1 = "Boston (CNN) -- In the end, the Etch A Sketch did not work for the Republican nominee."
P2 = "He stumped across the nation, focusing on key swing states such as Ohio and Florida."
CAPTIONS = [
    "Romney boards his campaign plane in Bedford, Massachusetts.",
    "A young supporter listens to Obama at Monday's rally in Des Moines.",
    "Ann Romney wipes away tears during her husband's campaign rally Monday in Manchester.",
    "Obama, lower left, speaks during a campaign rally Monday in Madison, Wisconsin.",
    "Workers put up signs Monday for Romney's election night event in Boston.",
    "Supporters cheer as Obama speaks during a campaign event in Davenport, Iowa, Wednesday.",
]
TITLE = "From the campaign trail"


def text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def regions(body: str) -> list[tuple[int, int, str]]:
    rule = all_rules()["B030"]
    return [(v.line + 1, v.end_line + 1, v.message) for v in rule.check(Document("a.txt", body), Settings())]


def test_captions_their_titles_and_the_heading_are_one_region() -> None:
    body = text(P1, *CAPTIONS, *[TITLE] * 6, "HIDE CAPTION", f"Photos: {TITLE}", P2)
    assert regions(body) == [
        (2, 15, "Photo gallery left in the text (6 captions and their titles, 14 lines)")
    ]


def test_a_gallery_without_heading_and_one_with_blank_lines_between_its_lines() -> None:
    assert [r[:2] for r in regions(text(P1, *CAPTIONS[:5], *[TITLE] * 5, P2))] == [(2, 11)]
    spaced = "\n\n".join([P1, *CAPTIONS, *[TITLE] * 6, P2]) + "\n"
    assert [r[:2] for r in regions(spaced)] == [(3, 25)]


def test_two_titles_among_the_slides_and_two_galleries() -> None:
    mixed = [TITLE, TITLE, "Weather from space", "Weather from space", TITLE, TITLE]
    assert [r[:2] for r in regions(text(P1, *CAPTIONS, *mixed, P2))] == [(2, 13)]
    two = text(P1, *CAPTIONS[:5], *[TITLE] * 5, P2, *CAPTIONS[1:], *["Weather from space"] * 5)
    assert [r[:2] for r in regions(two)] == [(2, 11), (13, 22)]


LEFT_ALONE = {
    # four slides are too few
    "four": text(P1, *CAPTIONS[:4], *[TITLE] * 4, P2),
    # a forum's author column under the topics' titles (no sentence among them)
    "author-column": text(
        P1, *(f"Topic number {k} about the pension contract" for k in range(6)), *["von lupa"] * 6
    ),
    # more copies of the line than lines above it
    "too-many-copies": text(*CAPTIONS[:5], *[TITLE] * 6, P2),
    # a line repeated under paragraphs that are not all captions (one is a heading)
    "heading-among": text(P1, *CAPTIONS[:4], "Tips for the road", CAPTIONS[4], *["imagebank.sweden.se"] * 6),
    # the same caption twice: not six different captions
    "same-caption": text(P1, *CAPTIONS[:5], CAPTIONS[0], *[TITLE] * 6),
    # three different repeated lines: not one gallery's titles
    "three-titles": text(P1, *CAPTIONS, TITLE, TITLE, "Weather", "Weather", "Sandy", "Sandy"),
    # a spammer's line in a comment thread, under comments that are not all sentences
    "spam": text(P1, "Posted by: Desu | Mar 29, 2007 8:47:10 AM", *CAPTIONS[:5], *["IMMA KILL YOU"] * 6),
}


@pytest.mark.parametrize("name", sorted(LEFT_ALONE))
def test_repeated_lines_that_are_no_gallery_are_left_alone(name: str) -> None:
    assert regions(LEFT_ALONE[name]) == []
