"""Round trip of every fixable rule: the junk goes, the article stays, a second check is clean.

Each case is an article with one kind of junk and the exact text expected after ``--fix`` (with
``--unsafe-fixes`` for rules whose fix is unsafe), linted with that rule alone selected and then
with the default rule set, which must not flag anything the fix created.
"""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.fixes import FixPolicy, fix_document
from lintnews.registry import all_rules

P1 = "The city council approved the new budget on Tuesday after a debate that lasted six hours."
P2 = "Opposition members said the plan cut too deeply into school funding and library hours."
P3 = "The mayor said the savings were needed to avoid a deficit next year and promised a review."
ARTICLE = f"{P1}\n\n{P2}\n\n{P3}\n"


def around(junk: str) -> str:
    return f"{P1}\n\n{P2}\n\n{junk}\n\n{P3}\n"


CASES: dict[str, tuple[str, str]] = {
    "B001": (around("Adblock Detected"), ARTICLE),
    "B002": (f"{ARTICLE}\nLeave a Comment\n", ARTICLE),
    "B003": (around("We use cookies to improve your experience on our website."), ARTICLE),
    "B004": (around("Subscribe to our newsletter"), ARTICLE),
    "B005": (around("Share on Facebook"), ARTICLE),
    "B006": (f"Home » News » Politics\n\n{ARTICLE}", ARTICLE),
    "B007": (f"By\n\n{ARTICLE}", ARTICLE),
    "B008": (f"{ARTICLE}\nSubscribe to continue reading\n", ARTICLE),
    "B009": (around("Advertisement"), ARTICLE),
    "B010": (f"{ARTICLE}\nNext post\n", ARTICLE),
    "B020": (f"{ARTICLE}\nCopyright © 2008 The Daily Courier. All rights reserved.\n", ARTICLE),
    "B021": (around("Photo: Jane Doe/Getty Images"), ARTICLE),
    "B022": (f"{ARTICLE}\nTags: budget, council\n", ARTICLE),
    "B023": (around("15 hrs ago"), ARTICLE),
    "B024": (f"{ARTICLE}\nPage 1 of 1\n", ARTICLE),
    "B025": (f"{ARTICLE}\nPrint this story | Email this story | Discuss Story\n", ARTICLE),
    "B026": (f"{ARTICLE}\nContact Us : Privacy Policy : Legal Disclaimer\n", ARTICLE),
    "B027": (around("Updated at 1:23 p.m."), ARTICLE),
    "B028": (f"Home\nNews\n\nSport\nPolitics\n\n{ARTICLE}", ARTICLE),
    "B032": (f"  * Log in\n  * Register\n\nPassword:\n\nForgot your password?\n\n{ARTICLE}", ARTICLE),
    "D001": (f"{P1}\n\n{P2}\n\n{P1}\n\n{P3}\n", ARTICLE),
    "D002": (
        f"Council Approves Budget After Long Debate\n\n{P1}\n\n{P2}\n\nCouncil approves budget after long debate\n\n{P3}\n",
        f"Council Approves Budget After Long Debate\n\n{ARTICLE}",
    ),
    "F001": (
        ARTICLE.replace("Tuesday after", "Tuesday.After"),
        ARTICLE.replace("Tuesday after", "Tuesday. After"),
    ),
    "F002": (
        f"{ARTICLE}\nThe delegations met for six hours. Both sides called the meeting useful. Neither side gave "
        "details. The mediators were pleased. The next round is planned. the talks resume in March.\n",
        f"{ARTICLE}\nThe delegations met for six hours. Both sides called the meeting useful. Neither side gave "
        "details. The mediators were pleased. The next round is planned. The talks resume in March.\n",
    ),
    "F004": (f"{P1}\n\n\n\n\n{P2}\n\n{P3}\n\n\n\n", ARTICLE),
    "F005": (ARTICLE.replace("debate", "dÃ©bat"), ARTICLE.replace("debate", "débat")),
    "F006": (
        ARTICLE.replace("budget on", "budget&nbsp;on").replace("school funding and", "school funding &amp;"),
        ARTICLE.replace("budget on", "budget\u00a0on").replace("school funding and", "school funding &"),
    ),
    "G001": (ARTICLE.replace("six hours.", "six hours.[1][3]"), ARTICLE),
    "B012": (
        f"{ARTICLE}\nChris Odell — July 10th, 2012, 10:03 am\nThis is the worst idea in years.\n\n"
        "Caleb — July 10th, 2012, 8:22 am\nFinally, somebody says it.\n",
        f"{ARTICLE}\nThis is the worst idea in years.\n\nFinally, somebody says it.\n",
    ),
    "S001": (around("You may also like"), ARTICLE),
    "S006": (
        f"{ARTICLE}\n" + "".join(f"Storm Closes Schools Across The North, Part {k}\n" for k in range(32)),
        ARTICLE,
    ),
    "B030": (
        f"{ARTICLE}\n"
        + "".join(f"Supporters cheer as the candidate speaks at rally {k} in Des Moines.\n" for k in range(5))
        + "From the campaign trail\n" * 5
        + "HIDE CAPTION\nPhotos: From the campaign trail\n",
        ARTICLE,
    ),
    "S007": (
        f"{ARTICLE}\n" + "".join(f"Create a smokey portal effect number {k} with...\n" for k in range(4)),
        ARTICLE,
    ),
    "S008": (
        f"{ARTICLE}\n"
        + "".join(f"- Real cash gambling comes to Facebook number {k} — Geekosystem\n" for k in range(4)),
        ARTICLE,
    ),
    "S005": (
        f"{ARTICLE}\nMost read\nStorm closes schools across the north\nCity rivals share the points\n"
        "Ten recipes for a rainy weekend\n",
        ARTICLE,
    ),
}


def fixable_codes() -> list[str]:
    return sorted(code for code, rule in all_rules().items() if rule.fixable and not rule.corpus)


def test_every_fixable_rule_has_a_round_trip_case_or_a_dedicated_test() -> None:
    # The unsafe structural fixes (S002, S003, G002) have their round trips in their rule tests.
    # B011: tests/test_rules_regions.py; B029 (HTML input only): tests/test_rules_menus.py; B031
    # (its lines go with the chrome around them): tests/test_rules_enclosed.py
    dedicated = {"S002", "S003", "G002", "B011", "B029", "B031"}
    assert set(fixable_codes()) == set(CASES) | dedicated


@pytest.mark.parametrize("code", sorted(CASES))
def test_round_trip(code: str) -> None:
    junk, expected = CASES[code]
    rule_only = Linter(Settings(select=[code]))
    before = rule_only.lint(Document(path="a.txt", text=junk)).diagnostics
    assert [d.code for d in before] and {d.code for d in before} == {code}
    lint = lambda d: rule_only.lint(d).diagnostics  # noqa: E731
    fixed = fix_document(Document(path="a.txt", text=junk), lint, FixPolicy(unsafe=True))
    assert fixed.document.text == expected
    assert fixed.diagnostics == []
    # Nothing the default rules would flag was created by the fix (the clean article is clean).
    default = Linter(Settings())
    assert [d.code for d in default.lint(Document(path="a.txt", text=expected)).diagnostics] == []


def test_clean_article_comes_back_byte_identical() -> None:
    linter = Linter(Settings(select=["ALL"]))
    outcome = fix_document(
        Document(path="a.txt", text=ARTICLE), lambda d: linter.lint(d).diagnostics, FixPolicy(unsafe=True)
    )
    assert outcome.fixed == 0 and outcome.document.text == ARTICLE
