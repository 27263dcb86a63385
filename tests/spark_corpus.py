"""A generated corpus of real-shaped news articles with planted duplicates and site templates,
for the Spark engine's equivalence tests (and `bench/spark_throughput.py`)."""

from __future__ import annotations

import random
from pathlib import Path

import orjson

NOUNS = """council harbour ferry port minister police school hospital river bridge company union
workers farmers station airport court judge mayor budget storm road railway tenants market museum
festival team coach players village district officials residents engineers teachers nurses doctors
prices wages energy water flood fire report survey election committee contract project plan""".split()
VERBS = """said announced warned confirmed approved rejected delayed opened closed expanded reduced
raised cut proposed reviewed criticised welcomed questioned published promised blamed postponed""".split()
ADJS = """new local regional national annual public private former senior small large early late
major final urgent costly popular busy quiet northern southern coastal rural urban""".split()
TAILS = """on Monday|on Tuesday|last week|this month|after a long debate|despite strong objections|
following the storm|in a statement|at a press conference|for the third time this year|
according to figures released on Friday|earlier than expected|later than planned""".replace("\n", "").split(
    "|"
)

SITES = [
    ("Harbour Daily", "Harbour Daily | Home | Local | Business | Sport | Weather"),
    ("Valley Courier", "Valley Courier - news from the valley since 1887"),
    ("Coast Gazette", "Coast Gazette | Breaking | Politics | Culture | Opinion"),
    ("City Ledger", "The City Ledger: independent journalism for the city"),
    ("North Star", "North Star News | Top stories | Regions | Sport"),
]


def sentence(rng: random.Random) -> str:
    words = [
        "The",
        rng.choice(ADJS),
        rng.choice(NOUNS),
        rng.choice(VERBS),
        "that the",
        rng.choice(ADJS),
        rng.choice(NOUNS),
        "would",
        rng.choice(["open", "close", "grow", "change", "move", "cost more"]),
        rng.choice(TAILS),
    ]
    return " ".join(words) + "."


def story(rng: random.Random, paragraphs: tuple[int, int] = (5, 7)) -> list[str]:
    """A headline and five to seven (``paragraphs``) paragraphs of two to four sentences."""
    title = f"{rng.choice(ADJS).capitalize()} {rng.choice(NOUNS)} {rng.choice(VERBS)} {rng.choice(TAILS)}"
    body = [
        " ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(*paragraphs))
    ]
    return [title, *body]


def page(site: int, lines: list[str]) -> str:
    name, header = SITES[site]
    footer = f"Copyright {name} Ltd. All rights reserved. Reproduction without permission is prohibited."
    return "\n".join([header, *lines, footer]) + "\n"


def tweak(rng: random.Random, lines: list[str], edits: int) -> list[str]:
    out = list(lines)
    for _ in range(edits):
        k = rng.randrange(1, len(out))
        words = out[k].split()
        words[rng.randrange(len(words))] = rng.choice(NOUNS)
        out[k] = " ".join(words)
    return out


def records(seed: int = 7, articles: int = 300, big: int = 0) -> list[dict[str, object]]:
    """``articles`` stories on five sites, plus exact copies, near copies (an edited or added
    paragraph), a cluster of twenty syndicated copies (new headline, local intro, a few words
    changed) and, with ``big``, one story in ``big`` lightly edited copies; shuffled."""
    rng = random.Random(seed)
    stories = [(rng.randrange(len(SITES)), story(rng)) for _ in range(articles)]
    docs = [page(site, lines) for site, lines in stories]
    for _ in range(articles // 20):  # exact copies (the same page again)
        docs.append(docs[rng.randrange(articles)])
    for _ in range(articles // 15):  # near copies: a paragraph added, a few words changed
        site, lines = stories[rng.randrange(articles)]
        docs.append(page(site, tweak(rng, lines, 2) + [" ".join(sentence(rng) for _ in range(2))]))
    wire = story(rng, (9, 10))  # long: the lines its copies share are an article, not a template block
    for i in range(20):  # syndicated copies
        intro = f"Reporting for {SITES[i % len(SITES)][0]}, our correspondent {rng.choice(NOUNS)} writes."
        docs.append(page(i % len(SITES), [f"{wire[0]} ({i})", intro, *tweak(rng, wire[1:], 2)]))
    hot = story(rng, (9, 10))
    for i in range(big):
        docs.append(page(i % len(SITES), tweak(rng, hot, 1)))
    rng.shuffle(docs)
    return [
        {"id": f"a{i:05}", "date": f"2024-{1 + i % 12:02}-{1 + i % 28:02}", "text": text}
        for i, text in enumerate(docs)
    ]


def write_jsonl(folder: Path, recs: list[dict[str, object]], files: int = 2) -> list[Path]:
    """The records in ``files`` JSONL files (in order), named so they sort in that order."""
    folder.mkdir(parents=True, exist_ok=True)
    per = -(-len(recs) // files)
    paths = []
    for k in range(files):
        path = folder / f"part-{k:02}.jsonl"
        path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in recs[k * per : (k + 1) * per]))
        paths.append(path)
    return paths
