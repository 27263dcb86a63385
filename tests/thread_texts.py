"""Real-shaped article and comment lines, and the B011/B012 calls, shared by the tests of the
comment-thread rules (test_rules_regions, test_thread_end, test_thread_screen)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from console import run_lintnews

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.registry import all_rules

P1 = (
    "The city council approved the new budget on Tuesday after a debate that lasted well into the night, "
    "and the mayor said the vote was a relief for the schools."
)
P2 = (
    "Opposition members said the plan leaves too little for road repairs and warned that the deficit will "
    "return next year if the income from parking falls short."
)
P3 = "The council will vote on the details of the plan in March, a spokesman for the mayor said on Wednesday."
BODY1 = "This is the worst idea the council has had in years, and everybody in the old town knows it."
BODY2 = "Finally somebody says it out loud: the roads in the north of the city are a disgrace."


def text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def regions(body: str) -> list[tuple[int, int]]:
    """B011's threads, 1-based (first line, last line)."""
    rule = all_rules()["B011"]
    return [(v.line + 1, v.end_line + 1) for v in rule.check(Document("a.txt", body), Settings())]


def headers(body: str) -> list[int]:
    """B012's header lines, 1-based."""
    rule = all_rules()["B012"]
    return [v.line + 1 for v in rule.check(Document("a.txt", body), Settings())]


def lint_b011(path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """The installed ``lintnews check`` with B011 alone on ``path`` (``--fix --unsafe-fixes``
    removes its threads)."""
    return run_lintnews(["check", "--isolated", "--no-cache", "--select", "B011", *options, str(path)])
