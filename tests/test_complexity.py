"""Cost grows linearly with the input: for text aimed at each rule (and at the suppression
comments, the fixer and the document builders), the CPU time at twice the size stays under
2.5 times the time at the size.

Each case is timed in one test, as a ratio: the best of three runs (garbage collector off,
process CPU time, so other processes on a busy machine cost little), at a size grown until one
run takes at least `MIN_SECONDS`, then at twice that size. A quadratic cost gives a ratio near
4, a linear one near 2. No absolute time is asserted.

The issue's cases are here by name (identical `> quote` paragraphs for D001, glued
`word.word,word;…` for F001, tables with an extra cell for F003, stacked
`disable-next-line` comments, thousands of fixes); every other rule gets the text it looks for,
repeated. F005's one-long-line case (difflib) belongs to its own fix: here it gets many
damaged lines.
"""

from __future__ import annotations

import functools
import gc
import json
import random
import time
from collections.abc import Callable
from typing import Any

import pytest

from lintnews.config import Settings
from lintnews.corpus import check_corpus
from lintnews.diagnostics import Edit, Fix
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.fixes import FixPolicy, apply_edits, fix_document
from lintnews.registry import all_rules
from lintnews.sources import html_document, markdown_document, record_document

#: A run is grown until it takes this long (CPU seconds), so that the ratio is not noise.
MIN_SECONDS = 0.025
#: ... but the input never grows past this many times its first size.
MAX_GROWTH = 64
RATIO = 2.5

_SUBJECTS = [
    "The city council",
    "Dock workers at the terminal",
    "The health authority",
    "A spokesperson",
    "Residents of the harbour district",
    "The transport union",
    "Analysts at the bank",
]
_CLAIMS = [
    "the budget for road repairs would rise next year",
    "talks over the contract would resume soon",
    "water levels had fallen below the seasonal average",
    "the inquiry would publish its findings",
    "ticket prices on the coastal line would stay frozen",
    "inspectors found cracks in the beams",
]


@functools.lru_cache(maxsize=8)
def _paragraphs(seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(f"{rng.choice(_SUBJECTS)} said on Tuesday that {rng.choice(_CLAIMS)}." for _ in range(4))
        for _ in range(200)
    ]


def prose(n: int, seed: int = 0) -> str:
    """Paragraphs of news prose, about ``n`` characters, one paragraph per line with blank lines
    (no two alike: each ends with its number)."""
    paragraphs = _paragraphs(seed)
    parts: list[str] = []
    size = 0
    while size < n:
        para = f"{paragraphs[len(parts) % len(paragraphs)]} It was item {len(parts)}."
        parts.append(para)
        size += len(para) + 2
    return "\n\n".join(parts) + "\n"


def sentence(i: int) -> str:
    return f"{_SUBJECTS[i % len(_SUBJECTS)]} said on day {i} that {_CLAIMS[i % len(_CLAIMS)]}."


def repeat(n: int, unit: Callable[[int], str]) -> str:
    """``unit(0) + unit(1) + …`` up to about ``n`` characters."""
    out: list[str] = []
    size = 0
    i = 0
    while size < n:
        piece = unit(i)
        out.append(piece)
        size += len(piece)
        i += 1
    return "".join(out)


# --- text aimed at each rule ----------------------------------------------------------------

TEXT: dict[str, Callable[[int], str]] = {
    "B001": lambda n: repeat(n, lambda i: f"{sentence(i)}\nAdblock detected\n\n"),
    "B002": lambda n: repeat(n, lambda i: f"{sentence(i)}\n{i % 90 + 2} comments\nLeave a comment\n\n"),
    "B003": lambda n: repeat(
        n, lambda i: f"{sentence(i)}\nThis website uses cookies to improve your experience.\n\n"
    ),
    "B004": lambda n: repeat(n, lambda i: f"{sentence(i)}\nSubscribe to our free newsletter for updates\n\n"),
    "B005": lambda n: repeat(
        n, lambda i: f"{sentence(i)}\nShare this:\nShare on Facebook\nShare on Twitter\n\n"
    ),
    "B006": lambda n: repeat(n, lambda i: f"Home » News » World » Story {i}\n{sentence(i)}\n\n"),
    "B007": lambda n: repeat(n, lambda i: f"Summit ends without agreement {i}\nby\n{sentence(i)}\n\n"),
    "B008": lambda n: repeat(n, lambda i: f"{sentence(i)}\nSubscribe to continue reading\n\n"),
    "B009": lambda n: repeat(n, lambda i: f"{sentence(i)}\nAdvertisement\n\n"),
    "B010": lambda n: repeat(n, lambda i: f"{sentence(i)}\nNext post\nPrevious post\n\n"),
    "B011": lambda n: (
        prose(600)
        + "12 Comments\n"
        + repeat(
            n,
            lambda i: (
                f"Chris Odell — July {i % 28 + 1}th, 2012, 10:03 am\nThis is the worst idea in {i} years.\n"
            ),
        )
    ),
    "B012": lambda n: (
        prose(600)
        + repeat(
            n,
            lambda i: (
                f"Posted by: Chris Odell | July {i % 28 + 1}, 2012 at 10:03 AM\nThis is the worst idea in {i} years.\n"
            ),
        )
    ),
    # identical quote paragraphs (the case)
    "B020": lambda n: repeat(
        n, lambda i: f"{sentence(i)}\nCopyright © {1990 + i % 30} The Daily Courier. All rights reserved.\n\n"
    ),
    "B021": lambda n: repeat(n, lambda i: f"{sentence(i)}\nPhoto: Jane Doe {i}/Getty Images\n\n"),
    "B022": lambda n: repeat(n, lambda i: f"{sentence(i)}\nTags: chess, Wijk aan Zee, Carlsen {i}\n\n"),
    "B023": lambda n: repeat(n, lambda i: f"{sentence(i)}\n{i % 23 + 1} hrs ago\n\n"),
    "B024": lambda n: repeat(n, lambda i: f"{sentence(i)}\nPage 1 of {i % 9 + 1}\n\n"),
    "B025": lambda n: repeat(
        n, lambda i: f"{sentence(i)}\nPrint this story | Email this story | Discuss Story\n\n"
    ),
    # login boxes (two buttons, a field, a line only such a box holds) between paragraphs
    "B032": lambda n: repeat(
        n, lambda i: f"{sentence(i)}\n\nLog in\nRegister\n\nPassword:\n\nForgot your password?\n\n"
    ),
    "B026": lambda n: repeat(
        n, lambda i: f"{sentence(i)}\nContact Us : Privacy Policy : Legal Disclaimer\n\n"
    ),
    "B027": lambda n: repeat(
        n,
        lambda i: (
            f"{sentence(i)} The talks resumed after a week of delays and recriminations.\n"
            f"Updated at {i % 12 + 1}:23 p.m.\n{sentence(i + 1)}\n\n"
        ),
    ),
    # menus after the article, and long runs of items (one region per run)
    "B028": lambda n: (
        prose(600)
        + repeat(n, lambda i: "Home\nNews\nSport\nArts and Culture\n" + ("Top\n" * (i % 7)) + "\n\n")
    ),
    # HTML input: a marked menu, a paragraph and a block of links, over and over
    "B029": lambda n: (
        "<html><body>"
        + repeat(
            n,
            lambda i: (
                f"<nav><a href='/'>Home</a> <a href='/{i}'>News</a></nav><p>{sentence(i)}</p>"
                "<ul><li><a href='/a'>About</a></li><li><a href='/c'>Contact</a></li><li><a href='/p'>Privacy</a></li></ul>\n"
            ),
        )
        + "</body></html>"
    ),
    "D001": lambda n: repeat(
        n, lambda i: "> Talks resumed in Geneva on Monday after a long two-week pause.\n\n"
    ),
    "D002": lambda n: repeat(
        n, lambda i: f"## Talks Resume In Geneva After Pause {i // 2}\n\n{sentence(i)}\n\n"
    ),
    "E901": lambda n: repeat(n, lambda i: f"<!-- lintnews: disable-next-line=S001 -->\n{sentence(i)}\n\n"),
    # stacked disable-next-line comments (the case)
    "E902": lambda n: repeat(n, lambda i: "<!-- lintnews: disable-next-line=D001 -->\n") + "Read more:\n",
    # glued words on one line (the case), and glued sentences in paragraphs
    "F001": lambda n: (
        "word.word,word;word:word!word?" * (n // 60)
        + "\n\n"
        + repeat(n // 2, lambda i: f"{sentence(i)[:-1]}.Those talks failed,leaving it.\n\n")
    ),
    # (reported only when one or two sentences do: many candidates that turn out abbreviations)
    "F002": lambda n: (
        repeat(n, lambda i: f"{sentence(i)} It rose by approx. the same amount. {sentence(i + 1)}\n\n")
        + "The delegations met for six hours. the talks resume in March.\n"
    ),
    # table rows with an extra cell (the case)
    "F003": lambda n: "| Party | Seats |\n|---|---|\n" + repeat(n, lambda i: f"| Greens {i} | 12 | +2 |\n"),
    "F004": lambda n: repeat(n, lambda i: f"{sentence(i)}\n\n\n\n\n"),
    "F005": lambda n: repeat(n, lambda i: f"The Kremlinâ€™s position has not changed, day {i}.\n"),
    "F006": lambda n: repeat(n, lambda i: f"Johnson &amp; Johnson said<br/> on day {i} &#8217;no&#8217;.\n"),
    "G001": lambda n: repeat(n, lambda i: f"He took over the business in 1971[{i % 9 + 1}][3]. "),
    "G002": lambda n: (
        prose(n // 2)
        + "About the People Mentioned\n"
        + repeat(n // 2, lambda i: f"Jane Doe {i}\nJane Doe, born 1961 in Leeds, is a diplomat.\n")
    ),
    "G003": lambda n: repeat(
        n, lambda i: f"{sentence(i)}\nAs an AI language model, I cannot browse the web.\n\n"
    ),
    "S001": lambda n: repeat(
        n, lambda i: f"{sentence(i)}\nRead more: Talks resume {i}\nYou may also like\n\n"
    ),
    "S002": lambda n: repeat(
        n,
        lambda i: f"{sentence(i)}\nTen Houseplants That Survive Any Winter {i}\nYou may want to see also\n\n",
    ),
    "S003": lambda n: repeat(
        n,
        lambda i: (
            f"{sentence(i)}\n\nFrequently asked questions\n"
            "No, the ceasefire has not held since it was signed.\n"
            "Both sides accuse each other of breaking it within days.\n\n"
        ),
    ),
    "S004": lambda n: repeat(
        n,
        lambda i: (
            f"Benefits of Understanding the Summit's Outcome {i}\n"
            "Understanding the nuances of the summit is crucial for several reasons:\n\n"
        ),
    ),
    # headings and lists of titles, some headings also title-shaped ("More from the Summit Desk")
    "S005": lambda n: (
        prose(600)
        + repeat(
            n,
            lambda i: (
                f"{sentence(i)}\nMost read\nMore from the Summit Desk {i}\n"
                "Storm closes schools across the north\nTen recipes for a rainy weekend\n\n"
            ),
        )
    ),
    # sidebars of 34 title-case headlines (a label and a promotion line among them), between paragraphs
    "S006": lambda n: repeat(
        n,
        lambda i: (
            f"{sentence(i)}\nRecent Posts:\n"
            + "".join(f"Storm Closes Schools Across The North On Day {i} Part {k}\n" for k in range(17))
            + "* * * Support the harbour fund. Visit the shop today.\n"
            + "".join(f"Ten Recipes For A Rainy Weekend {i} Volume {k}\n" for k in range(17))
            + "\n"
        ),
    ),
    # photo galleries: six captions, the gallery's title six times and its heading, between paragraphs
    "B030": lambda n: repeat(
        n,
        lambda i: (
            f"{sentence(i)}\n"
            + "".join(f"Supporters cheer at rally {k} in Des Moines on day {i}.\n" for k in range(6))
            + f"From the campaign trail {i}\n" * 6
            + f"HIDE CAPTION\nPhotos: From the campaign trail {i}\n\n"
        ),
    ),
    # a widget's links between a follow prompt and a newsletter prompt, between paragraphs
    "B031": lambda n: repeat(
        n,
        lambda i: (
            f"{sentence(i)}\nFind us on Instagram\nGear we recommend {i}\nOur shop on Amazon\nSubscribe to our newsletter\n\n"
        ),
    ),
    # lists of five teasers cut off by an ellipsis, a title above each, between paragraphs
    "S007": lambda n: repeat(
        n,
        lambda i: (
            f"{sentence(i)}\n"
            + "".join(f"Teaser {k}\nCreate a smokey portal effect number {i} with...\n" for k in range(5))
            + "\n"
        ),
    ),
    # lists of five links to other stories, each ending with its source, between paragraphs
    "S008": lambda n: repeat(
        n,
        lambda i: (
            f"{sentence(i)}\n"
            + "".join(f"- Real cash gambling {i} comes to Facebook — Geekosystem\n" for _ in range(5))
        ),
    ),
    "T001": lambda n: repeat(
        n, lambda i: f"In conclusion, the talks achieved little. As tensions continue to\n## Section {i}\n\n"
    ),
    "T002": lambda n: (
        prose(n)
        + "Security checks at the harbour and security staff were increased.\n\nThe Kremlin's tech policies remain a critical facet of its "
        "governance, blending business, technology, and securit"
    ),
}
#: Rules whose text is Markdown (suppression comments, headings, tables).
MARKDOWN = {"D002", "E901", "E902", "F003", "T001"}
#: Rules that report only on HTML input (what the markup marks).
HTML_INPUT = {"B029"}


def document(code: str, text: str) -> Document:
    if code in HTML_INPUT:
        return html_document("x.html", text)
    return markdown_document("x.md", text) if code in MARKDOWN else Document(path="x.txt", text=text)


def cpu_time(run: Callable[[Any], object], arg: Any) -> float:
    gc.disable()
    try:
        start = time.process_time()
        run(arg)
        return time.process_time() - start
    finally:
        gc.enable()


def ratio(
    make: Callable[[int], Any], run: Callable[[Any], object], n: int, small_arg: Any = None
) -> tuple[float, float]:
    """Best of three runs at ``n`` and at ``2n``, interleaved (a burst of load on the machine
    then touches both sizes alike)."""
    small_arg = make(n) if small_arg is None else small_arg
    large_arg = make(2 * n)
    small = large = float("inf")
    for _ in range(3):
        small = min(small, cpu_time(run, small_arg))
        large = min(large, cpu_time(run, large_arg))
    return small, large


def assert_linear(make: Callable[[int], Any], run: Callable[[Any], object], n: int) -> None:
    """Grow ``n`` until a run takes `MIN_SECONDS`, then compare the time at ``2n`` with it. A
    ratio above the bound is measured again at twice and four times the size before it fails:
    noise (a busy machine) rarely repeats, while a quadratic cost gives ~4 at every size."""
    run(make(max(n // 8, 1)))  # warm up: regexes compiled, packs loaded
    limit = n * MAX_GROWTH
    arg = make(n)
    while cpu_time(run, arg) < MIN_SECONDS and n < limit:
        n *= 2
        arg = make(n)
    small, large = ratio(make, run, n, arg)
    for _ in range(2):
        if large < RATIO * small:
            break
        n *= 2
        small, large = ratio(make, run, n)
    assert large < RATIO * small, (
        f"n={n}: {small * 1000:.1f} ms, 2n: {large * 1000:.1f} ms ({large / small:.2f}x)"
    )


def test_every_rule_has_a_case() -> None:
    per_document = {c for c, r in all_rules().items() if not r.corpus and c != "E900"}
    assert per_document == set(TEXT)
    assert {c for c, r in all_rules().items() if r.corpus} == {"N001", "N002", "N003"}


@pytest.mark.parametrize("code", sorted(TEXT))
def test_rule_cost_is_linear(code: str) -> None:
    text_of = TEXT[code]
    also = {"E901": ["S001"], "E902": ["D001"]}.get(code, [])  # (rules the suppressions name)
    linter = Linter(Settings(select=[code, *also], require_suppression_reason=True))
    doc = document(code, text_of(4000))
    assert [d for d in linter.lint(doc).diagnostics if d.code == code], (
        f"the text aimed at {code} has no {code}"
    )
    assert_linear(text_of, lambda text: linter.lint(document(code, text)), 20_000)


def story(seed: int, words: int = 150) -> str:
    """An article of its own: sentences of words drawn from a large vocabulary, so two stories
    share no 5-word shingles."""
    rng = random.Random(seed)
    out = []
    for _ in range(words // 10):
        out.append(" ".join(f"w{rng.randrange(100_000)}" for _ in range(10)).capitalize() + ".")
    return "\n\n".join(" ".join(out[k : k + 3]) for k in range(0, len(out), 3)) + "\n"


def corpus_documents(count: int) -> list[Document]:
    """Articles in fours: a story, its exact copy (N002), the story with a paragraph added
    (N001), another story; all with a site footer (N003)."""
    docs = []
    for i in range(count):
        text = story(i // 4) if i % 4 < 3 else story(1_000_000 + i)
        if i % 4 == 2:
            text += "Officials did not comment on the report, which was published on Monday.\n"
        docs.append(
            Document(path=f"site/{i}.txt", text=text + "Copyright Harbour News Ltd, all rights reserved\n")
        )
    return docs


def test_corpus_rules_cost_is_linear() -> None:
    settings = Settings(select=["N"], corpus={"template-min-docs": 3})
    found = {d.code for d in check_corpus(corpus_documents(40), settings)}
    assert found == {"N001", "N002", "N003"}
    assert_linear(corpus_documents, lambda docs: list(check_corpus(docs, settings)), 20)


# --- builders, suppressions, fixes ----------------------------------------------------------


def html_page(n: int) -> str:
    return (
        "<html><body>"
        + repeat(
            n,
            lambda i: (
                f"<h2>Part {i}</h2>\n<p>{sentence(i)} <b>Read</b> more.</p>\n"
                f"<ul><li>Item {i}</li></ul>\n<p>Read more:</p>\n"
            ),
        )
        + "</body></html>"
    )


BUILDERS: dict[str, tuple[Callable[[int], Any], Callable[[Any], object], int]] = {
    "text": (prose, lambda text: Document(path="x.txt", text=text).blocks, 50_000),
    "markdown": (
        lambda n: repeat(n, lambda i: f"<!-- a comment {i} -->\n{sentence(i)}\n\n"),
        lambda text: markdown_document("x.md", text).blocks,
        50_000,
    ),
    "html": (html_page, lambda markup: html_document("x.html", markup).blocks, 20_000),
    "html nested": (
        lambda n: "<div>" * (n // 10) + "Deep text here." + "</div>" * (n // 10),
        lambda markup: html_document("x.html", markup).blocks,
        20_000,
    ),
    "jsonl record": (
        lambda n: json.dumps({"id": "r", "text": prose(n)}).encode(),
        lambda raw: record_document("c.jsonl", raw, 1, Settings()),
        50_000,
    ),
}


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_document_builders_are_linear(name: str) -> None:
    make, run, n = BUILDERS[name]
    assert_linear(make, run, n)


SHAPES: dict[str, Callable[[int], str]] = {
    "one huge line": lambda n: prose(n).replace("\n", " "),
    "many identical lines": lambda n: (
        "The city council said on Tuesday that the budget would rise.\n" * (n // 62)
    ),
    "many tiny lines": lambda n: "a\n" * (n // 2),
    "nested brackets and quotes": lambda n: "([{\"'" * (n // 10) + "x" + "'\"}])" * (n // 10),
    "runs of one character": lambda n: "".join(c * (n // 8) + "\n" for c in " .-*#|<&"),
    "many suppression comments": lambda n: (
        "<!-- lintnews: disable=D001 --><!-- lintnews: enable=D001 -->" * (n // 60)
    ),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_all_rules_together_on_hostile_shapes(shape: str) -> None:
    linter = Linter(Settings(select=["ALL"]))
    assert_linear(SHAPES[shape], lambda text: linter.lint(markdown_document("x.md", text)), 20_000)


@pytest.mark.parametrize("mark", ["...", "…"])
def test_rule_cost_on_a_line_of_ellipses_is_linear(mark: str) -> None:
    # S007 tested each ellipsis against the rest of its line: a line of dots was quadratic (n =
    # 1.28M characters: 0.15 s, 2n: 0.56 s), which the runs-of-one-character shape of all rules
    # together showed only when its n grew that far.
    linter = Linter(Settings(select=["S007"]))
    make = functools.partial(lambda mark, n: "A line. " + mark * (n // len(mark)) + " end\n", mark)
    assert_linear(make, lambda text: linter.lint(markdown_document("x.md", text)), 20_000)


def test_applying_many_fixes_is_linear() -> None:
    # Every fix checked against every accepted one: 32k fixes took 91 s.
    def make(n: int) -> tuple[str, list[Fix]]:
        text = "x" * (4 * n)
        fixes = [Fix("f", (Edit(4 * i, 4 * i + 1, "y"),)) for i in range(n)]
        fixes += [Fix("g", (Edit(4 * i + 2, 4 * i + 2, " "),)) for i in range(n)]
        return text, fixes[::-1]

    assert_linear(make, lambda arg: apply_edits(*arg), 4000)


def test_fixing_a_document_with_many_fixes_is_linear() -> None:
    linter = Linter(Settings())
    lint = lambda d: linter.lint(d).diagnostics  # noqa: E731

    def make(n: int) -> Document:
        return Document(
            path="x.txt", text=repeat(n, lambda i: f"{sentence(i)[:-1]}.Those talks failed.\nRead more:\n")
        )

    out = fix_document(make(2000), lint, FixPolicy())
    assert out.fixed > 20 and not out.diagnostics
    assert_linear(make, lambda doc: fix_document(doc, lint, FixPolicy()), 10_000)


def test_fixing_html_with_many_fixes_is_linear() -> None:
    linter = Linter(Settings())
    lint = lambda d: linter.lint(d).diagnostics  # noqa: E731
    assert_linear(
        lambda n: html_document("x.html", html_page(n)),
        lambda doc: fix_document(doc, lint, FixPolicy()),
        10_000,
    )
