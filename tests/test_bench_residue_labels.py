"""bench/residue.py's line labeller: the default reading of the gold and `--strict-labels`."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from residue import GoldIndex, label_lines  # noqa: E402

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
