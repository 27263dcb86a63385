"""Shortcuts of the chrome rules give the answers of the straightforward computation: B005's runs
of buttons (two buttons are in one run when every line between them is blank) found reading the
line after a button first. Checked on generated lines of buttons, text and blank lines in
several scripts."""

from __future__ import annotations

import random

from lintnews.rules.chrome import share

from lintnews import packs
from lintnews.config import Settings
from lintnews.document import Document

#: Lines of a page: buttons (short keys), text, blank lines and lines of blanks or marks only.
PIECES = [
    "Share",
    "Facebook",
    "Twitter",
    "Teilen",
    "Поделиться",
    "分享",
    "E-mail",
    "",
    "   ",
    "\t",
    "***",
    "·",
    "The council will vote on the plan in March, the mayor said.",
    "Городской совет проголосует по плану в марте.",
    "市议会将在三月就该计划进行投票。",
    "Share this story with your friends and family",
]


def runs_by_definition(doc: Document) -> list[list[int]]:
    """The runs of two buttons or more: buttons (short keys of at most three words) grouped
    while every line between one and the next is blank (its key empty, its text white space)."""
    keys, lines = packs.line_keys(doc), doc.lines
    buttons = [i for i, key in enumerate(keys) if key and len(key) <= 30 and len(key.split()) <= 3]
    runs: list[list[int]] = []
    for i in buttons:
        if runs and all(not keys[k] and not lines[k].strip() for k in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) >= 2]


def test_b005_runs_are_the_runs_of_the_definition(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[list[int]] = []

    def record(self, doc, run, *rest):  # type: ignore[no-untyped-def]
        seen.append(list(run))

    monkeypatch.setattr(share.SocialShare, "_run_matches", record)
    rule = share.SocialShare()
    rng = random.Random(29)
    texts = ["Share\n\nFacebook\nThe council will vote.\nTwitter\n   \nE-mail", "Share\n***\nFacebook"]
    texts += ["\n".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 25))) for _ in range(3_000)]
    runs = 0
    for text in texts:
        doc = Document("a.txt", text)
        seen.clear()
        list(rule.check(doc, Settings()))
        expected = runs_by_definition(doc)
        assert seen == expected, repr(text)
        runs += len(expected)
    assert runs > 1_000
