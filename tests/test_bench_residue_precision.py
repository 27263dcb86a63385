"""bench/residue_precision.py: how the gold makes a flagged line article (whole, inside,
overlap, part) and what the fix did to article lines (removed by a junk rule, or only repaired
by an F/T fix, which residue.py's line matching counts as a removal)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from residue import GoldIndex, label_lines  # noqa: E402
from residue_precision import Lint, Tally, basis_of, contained, edited_lines, tally_text, tied  # noqa: E402

CONTENT = (
    "Storm closes the coastal road\n"
    "The coastal road between the two villages was closed on Monday after the storm.\n"
    "Related:\n"
    "Crews will inspect the bridge and the sea wall before it opens again.\n"
)
TEXT = (
    "The coastal road between the two villages was closed on Monday after the storm.\n"
    "Related:\n"
    "Crews will inspect the bridge\n"
    "24 Responses to Storm closes the coastal road\n"
    "Crews\n"
    "Crews will inspect the bridge and the sea wall before it opens again. Donâ€™t\n"
)


def test_basis_tells_whole_gold_lines_from_parts_and_overlaps() -> None:
    content = GoldIndex(CONTENT)
    whole = frozenset(content.joined)
    lines = TEXT.split("\n")
    assert [basis_of(line, content, whole) for line in lines[:5]] == [
        "whole",
        "whole",
        "inside",
        "overlap",
        "part",
    ]


def test_a_line_only_an_f_rule_rewrote_is_repaired_not_removed() -> None:
    content, comments = GoldIndex(CONTENT), GoldIndex("")
    labels = {m: label_lines(TEXT, content, comments, strict=m == "strict") for m in ("default", "strict")}
    labels["contained"] = contained(TEXT, labels["strict"], content, frozenset(content.joined))
    found = Lint()
    found.covers["S001"].add(1)
    found.edits["S001"].add(1)
    found.covers["F005"].add(5)
    found.edits["F005"].add(5)
    tallies = {m: Tally() for m in ("default", "strict", "contained")}
    rows: list[tuple[object, ...]] = []
    tally_text(
        tallies,
        TEXT,
        labels,
        found,
        {1, 5},
        content,
        comments,
        frozenset(content.joined),
        rows,
        ("ex", "A", "p"),
    )
    for mode in ("default", "strict"):
        t = tallies[mode]
        assert (t.junk_flagged, t.removed, t.repaired) == (1, 1, 1)
        assert t.fix_removed == {"S001": 1}
        assert t.junk_only == {"S001": 1}
    # "Crews" alone is the labeller's; "24 Responses to TITLE" and the mojibake line are article
    # by overlap only, junk when an article line must be contained in a gold line
    assert [tallies[m].article for m in ("default", "strict", "contained")] == [6, 5, 3]
    assert (tallies["contained"].removed, tallies["contained"].repaired) == (1, 0)
    assert tallies["strict"].texts[("S001", "related")] == [0, 1]  # [junk, article] lines of that text
    assert tallies["strict"].basis == {("S001", "whole"): 1, ("F005", "overlap"): 1}
    assert [(r[2], r[3], r[8]) for r in rows] == [("p:2", "S001", "removed"), ("p:6", "F005", "repaired")]


def test_a_comment_stamp_the_gold_comments_keep_too_is_tied() -> None:
    # the article is dated November 12, 2012, and so is each comment, whose stamps the gold
    # comments keep: "1. November 12, 2012" is article by overlap (3 of its 4 tokens), as much a
    # comment's line; a reply quoting a sentence of the article is in both golds whole
    content = GoldIndex("Searching for Guinea Bissau\nNovember 12, 2012\n" + CONTENT)
    comments = GoldIndex("November 12, 2012\nBeth\n> Crews will inspect the bridge and the sea wall.\n")
    assert tied("  1. November 12, 2012", content, comments)
    assert tied("Crews will inspect the bridge", content, comments)
    assert not tied("24 Responses to Storm closes the coastal road", content, comments)
    assert not tied("The coastal road between the two villages was closed on Monday.", content, comments)
    found = Lint()
    found.covers["B011"].update({0, 1})
    text = "  1. November 12, 2012\n24 Responses to Storm closes the coastal road\n"
    labels = {m: label_lines(text, content, comments, strict=m == "strict") for m in ("default", "strict")}
    labels["contained"] = contained(text, labels["strict"], content, frozenset(content.joined))
    tallies = {m: Tally() for m in ("default", "strict", "contained")}
    tally_text(
        tallies,
        text,
        labels,
        found,
        set(),
        content,
        comments,
        frozenset(content.joined),
        None,
        ("ex", "A", "p"),
    )
    assert tallies["strict"].flagged == {"B011": 2}
    assert tallies["strict"].tied == {"B011": 1}


def test_an_edit_changes_the_lines_it_takes_characters_of() -> None:
    lines = ["The road was closed.", "Share this", "Tweet", "It opens on Friday."]
    assert list(edited_lines(lines, (2, 1, 3, 1, ""))) == [1]  # "Share this" and its line break
    assert list(edited_lines(lines, (2, 11, 3, 6, ""))) == [2]  # from the break above to "Tweet"'s end
    assert list(edited_lines(lines, (1, 5, 1, 9, "street"))) == [0]  # a repair inside a line
    assert list(edited_lines(lines, (1, 21, 4, 1, ""))) == [1, 2]
