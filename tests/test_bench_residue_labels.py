"""bench/residue.py's line labeller (the default reading of the gold and `--strict-labels`) and
its count of what the fix removed."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from residue import GoldIndex, Tally, label_lines, removed_lines, short_part  # noqa: E402

CONTENT = (
    "Follow the harbour authority on Twitter for updates about the new terminal.\n"
    "The council approved the harbour expansion on Monday after two years of dispute.\n"
    "Related\n"
)
COMMENTS = (
    "I live by the old quay and the trucks already keep us awake at night.\n"
    "> The council approved the harbour expansion on Monday after two years of dispute.\n"
    "That is exactly why we are going to court.\n"
)
TEXT = (
    "The council approved the harbour expansion on Monday after two years of dispute.\n"
    "Twitter\n"
    "Related\n"
    "I live by the old quay and the trucks already keep us awake at night.\n"
    "> approved the harbour expansion on Monday"
)


def labels(strict: bool) -> list[str | None]:
    return label_lines(TEXT, GoldIndex(CONTENT), GoldIndex(COMMENTS), strict=strict)


def test_default_labels_take_a_word_of_the_article_and_a_quoting_reply_for_article() -> None:
    assert labels(False) == ["article", "article", "article", "comments", "article"]


def test_strict_labels_want_whole_gold_lines_and_let_the_thread_decide() -> None:
    assert labels(True) == ["article", "boilerplate", "article", "comments", "comments"]


def test_a_short_line_found_only_inside_a_gold_sentence_is_a_part() -> None:
    # "Twitter" is article by default only because a gold sentence names it; "Related" is a
    # whole gold line; a line of four tokens or more is never a part
    gold = GoldIndex(CONTENT)
    assert [short_part(line, gold) for line in TEXT.split("\n")] == [False, True, False, False, False]


def test_a_gold_file_saved_as_utf16_is_read_as_utf16(tmp_path: Path) -> None:
    """Five gold files of the set were saved as UTF-16LE, their byte-order mark mangled into two
    U+FFFD; read as UTF-8 every other character was a NUL and every line of the page came out
    boilerplate."""
    from residue import read_gold

    gold = tmp_path / "gold"
    gold.mkdir()
    body = "Harbour expansion approved\r\nThe council approved the expansion on Monday.\r\n"
    (gold / "7.content.txt").write_bytes("\ufffd\ufffd".encode() + body.encode("utf-16-le"))
    (gold / "7.comments.txt").write_bytes(b"I live by the old quay.\n")
    content, comments = read_gold(gold, "7")
    assert content == "Harbour expansion approved\nThe council approved the expansion on Monday.\n"
    assert comments == "I live by the old quay.\n"
    text = "Harbour expansion approved\nThe council approved the expansion on Monday.\nSubscribe now"
    assert label_lines(text, GoldIndex(content), GoldIndex(comments)) == ["article", "article", "boilerplate"]


def test_the_fix_tally_counts_flagged_junk_removed_and_kept_per_rule() -> None:
    before = (
        "The council approved the harbour expansion on Monday after two years of dispute.\n"
        "Share on Facebook\n"
        "I live by the old quay and the trucks already keep us awake at night.\n"
        "Copyright 2024 The Harbour Courier\n"
    )
    # the fix removed the share line and repaired the comment (its tokens are unchanged), and
    # left the copyright line, which no rule flagged
    after = (
        "The council approved the harbour expansion on Monday after two years of dispute.\n"
        "I live by the old quay and the trucks already keep us awake at night.\n"
        "Copyright 2024 The Harbour Courier\n"
    )
    labels: list[str | None] = ["article", "boilerplate", "comments", "boilerplate", None]
    t = Tally()
    t.count_fix(before, after, labels, covered={1, 2}, per_rule={"B005": {1}, "F001": {2}})
    assert (t.removed, t.flagged_removed, t.fixed_docs) == ({"boilerplate": 1}, {"boilerplate": 1}, 1)
    assert (t.kept["B005"], t.kept["F001"]) == (0, 1)


def test_an_article_line_only_a_defect_rule_flags_is_repaired_not_removed() -> None:
    before = "The council approved the harbour expansion.\nThe mayor\u00e2\u20ac\u2122s office said so.\nShare on Facebook\n"
    after = "The council approved the harbour expansion.\nThe mayor\u2019s office said so.\n"
    labels: list[str | None] = ["article", "article", "boilerplate", None]
    t = Tally()
    t.count_fix(before, after, labels, covered={1, 2}, per_rule={"F005": {1}, "B005": {2}}, repaired={1})
    assert t.removed == {"boilerplate": 1}
    t = Tally()
    t.count_fix(before, after, labels, covered={1, 2}, per_rule={"F005": {1}, "B005": {2}})
    assert t.removed == {"article": 1, "boilerplate": 1}


def test_every_misspelt_comments_separator_cuts_the_gold_and_a_section_break_does_not() -> None:
    from residue import GOLD_MARKER

    for line in (
        "!@#$%^&*() COMMENTS",
        "!@ $%^&*()  COMMENTS",
        "  #$%^&*()  COMMENTS",
        "!@#$%^&*()  \tCOMMNENTS",
        "!@#$%^&*()",
        "!@#$%^&**()  COMMENTS",
        "!@#$%^&*   COMMENTS",
        "!@#$%$%^&*()  COMMENTS",
    ):
        assert GOLD_MARKER.match(line), line
    for line in ("***", "* * *", "&*() COMMENTS", "Comments (3)", "%^& COMMENTS"):
        assert not GOLD_MARKER.match(line), line


def test_the_rule_table_tells_junk_rules_from_defect_rules(capsys) -> None:  # type: ignore[no-untyped-def]
    """F and T rules report a fault of the text (mojibake, a cut-off ending), on article lines
    as much as on junk: their rows say so, and the junk rules' summary leaves them out."""
    from residue import report

    t = Tally()
    t.lines.update({"article": 10, "boilerplate": 2})
    t.flagged.update({"article": 1, "boilerplate": 1})
    t.junk_rules.update({"boilerplate": 1})
    t.rule.update({("F005", "article"): 1, ("B005", "boilerplate"): 1})
    report("trafilatura", {"A": t}, fix=False)
    out = capsys.readouterr().out
    assert "| A | 0 | 10 / 0 / 2 / 0 | 0.500 | 0.500 | – | 10.00 % | 1.000 | 0.00 % |" in out
    assert "| B005 | junk | 1 | 1.000 |" in out
    assert "| F005 | defect | 1 | 0.000 |" in out


def test_removed_lines_counts_the_copy_the_fix_removed_not_the_first_unused_one() -> None:
    before = (
        "Twitter\n"
        "The council approved the harbour expansion on Monday.\n"
        "\n"
        "Share this story\n"
        "Twitter\n"
        "Work starts in March.\n"
    )
    # the fix took the first "Twitter" (a menu entry): the second, kept, is not counted
    after = "The council approved the harbour expansion on Monday.\n\nShare this story\nTwitter\nWork starts in March.\n"
    assert removed_lines(before, after) == [0]
    # the fix took the second: the first is kept
    after = "Twitter\nThe council approved the harbour expansion on Monday.\n\nShare this story\nWork starts in March.\n"
    assert removed_lines(before, after) == [4]
    # a line whose tokens the fix changed counts as removed; blank lines never do
    assert removed_lines("Caf\u00c3\u00a9 opens\n\nIt rained.\n", "Caf\u00e9 opens\nIt rained.\n") == [0]


PARAGRAPHS = (
    "The council approved the harbour expansion on Monday after two years of dispute, and the mayor"
    " said that the new terminal would bring hundreds of jobs to the town, although the residents of"
    " the old quay have said that they will go to court over the noise of the trucks at night.",
    "Work on the new terminal is to start in March, and the first ships are expected to dock there in"
    " the spring of the year after, when the harbour authority will also open a new road to the"
    " motorway so that the trucks no longer have to drive through the old town.",
)
PAGE = (
    "<html><head><title>Harbour</title></head><body><nav><a href='/'>Home</a> | <a href='/news'>News</a>"
    "</nav><article><h1>Harbour expansion approved</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article><footer><p>Share this story on Facebook</p></footer></body></html>"
)


def test_all_runs_the_three_extractors_and_every_adds_resiliparse_and_justext(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from residue import EVERY_EXTRACTOR, EXTRACTORS, main

    assert EXTRACTORS == ("trafilatura", "trafilatura-recall", "html2text")
    assert EVERY_EXTRACTOR == (*EXTRACTORS, "resiliparse", "justext")
    dragnet, cache = tmp_path / "dragnet", tmp_path / "cache"
    (dragnet / "html").mkdir(parents=True)
    (dragnet / "gold").mkdir()
    (dragnet / "html" / "7.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    (dragnet / "gold" / "7.content.txt").write_text(
        "Harbour expansion approved\n" + "\n".join(PARAGRAPHS) + "\n", encoding="utf-8"
    )

    def sections(*argv: str) -> list[str]:
        assert main([str(dragnet), "--cache", str(cache), "--workers", "1", *argv]) == 0
        return [line[4:] for line in capsys.readouterr().out.splitlines() if line.startswith("### ")]

    assert sections("--extractor", "every") == list(EVERY_EXTRACTOR)
    assert sorted(p.name for p in cache.iterdir()) == sorted(EVERY_EXTRACTOR)
    assert sections() == sections("--extractor", "all") == list(EXTRACTORS)
    assert sections("--extractor", "justext") == ["justext"]
    # jusText keeps the title and the two paragraphs, one a line, and leaves the menu and footer out
    assert (cache / "justext" / "7.txt").read_text(encoding="utf-8") == "".join(
        f"{line}\n" for line in ("Harbour expansion approved", *PARAGRAPHS)
    )
