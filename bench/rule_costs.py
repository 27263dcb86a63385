"""Where per-document lint time goes: the shared document views, then each rule.

Loads every record of a JSONL corpus (e.g. one written by ``bench/speed.py --work DIR``) or every
file under a folder, computes the views that rules share (language, line keys, blocks, words,
normalised lines...) one after the other, then runs each rule on every document, and prints the
milliseconds per document of each stage and rule, most expensive first. A stage's time is what it
costs when it runs first; a rule's time excludes the shared views, which are already computed.
Times are the CPU time of the process (a loaded machine does not inflate them).

This is the table to look at before optimising a rule; for a whole-run profile use py-spy:
``py-spy record -f speedscope -o lint.json -- python -m lintnews check -j1 --no-cache CORPUS``.

With ``--by-script`` each document is also put in a script group (`bench/crawl_corpus.py`'s
``script_group``: en, de, other Latin, CJK, Cyrillic, other scripts) and a second table gives the
microseconds per kilobyte of UTF-8 text of every stage and rule in each group, and each group's
ratio to English: a rule that costs more per byte on Chinese or Cyrillic than on English shows
there.

Usage: ``python bench/rule_costs.py CORPUS.jsonl [--select CODES] [--by-script] [--limit N] [--repeat N]``
"""

from __future__ import annotations

import argparse
import collections
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lintnews import packs, textnorm
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter, to_diagnostic
from lintnews.gcpace import collecting_less
from lintnews.sources import InputError, iter_documents

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crawl_corpus import GROUPS, script_group  # noqa: E402


def load(path: Path, settings: Settings, limit: int | None = None) -> list[Document]:
    docs = []
    for d in iter_documents([str(path)], settings):
        if not isinstance(d, InputError):
            docs.append(d)
            if limit is not None and len(docs) >= limit:
                break
    if not docs:
        raise SystemExit(f"no documents in {path}")
    return docs


def stages(settings: Settings) -> list[tuple[str, Callable[[Document], object]]]:
    pack_set = packs.load_packs(settings)
    return [
        ("normalised lines", textnorm.normalized_lines),
        ("language", lambda d: d.language),
        ("pack languages", lambda d: packs.pack_languages(d, settings, pack_set)),
        ("line keys", packs.line_keys),
        (
            "phrase candidates",
            lambda d: packs._candidate_lines(d, pack_set, packs.pack_languages(d, settings, pack_set)),
        ),
        ("blocks", lambda d: d.blocks),
        # (no stage makes every block's words: a block's words are made when a rule asks for them,
        # which a run does for ~2 % of blocks, and are billed to that rule; a "block words" stage
        # here billed 0.15 ms a document that no run spends)
        ("block heading_like", lambda d: [b.heading_like for b in d.blocks]),
        ("block prose", lambda d: [b.prose for b in d.blocks]),
    ]


def measure(
    docs: list[Document], group_of: list[str], settings: Settings, table: Any, found: collections.Counter[str]
) -> collections.Counter[tuple[str, str]]:
    """CPU seconds per (stage or rule, group), over the group's documents: each stage or rule
    runs on all documents of one group between two readings of the thread's CPU clock (wall time
    on a shared machine counts the time other processes hold the core, and a clock reading per
    document would cost more than many rules)."""
    by_group: collections.Counter[tuple[str, str]] = collections.Counter()
    clock = time.thread_time
    groups: dict[str, list[Document]] = {}
    for doc, group in zip(docs, group_of):
        groups.setdefault(group, []).append(doc)
    for name, view in stages(settings):
        for group, members in groups.items():
            start = clock()
            for doc in members:
                view(doc)
            by_group[(f"(view) {name}", group)] += clock() - start
    for rule in table.rules:
        if rule.corpus:
            continue
        for group, members in groups.items():
            start = clock()
            for doc in members:
                for v in rule.check(doc, settings):
                    to_diagnostic(doc, v, table.severity(rule, v))
                    found[rule.code] += 1
            by_group[(rule.code, group)] += clock() - start
    return by_group


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--select", help="comma-separated rule selectors (default: the default rules)")
    ap.add_argument("--by-script", action="store_true", help="also: microseconds per KB in each script group")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="measure N times and keep the fastest time of each stage and group (a loaded machine)",
    )
    args = ap.parse_args()
    settings = Settings(select=args.select.split(",")) if args.select else Settings()
    table = Linter(settings).base_table
    docs = load(args.corpus, settings, args.limit)
    group_of = [script_group(d.text) for d in docs] if args.by_script else ["all"] * len(docs)
    costs: collections.Counter[str] = collections.Counter()
    by_group: collections.Counter[tuple[str, str]] = collections.Counter()  # (stage, group): seconds
    found: collections.Counter[str] = collections.Counter()
    for rep in range(args.repeat):
        if rep:  # fresh documents: the views are cached in them
            docs = load(args.corpus, settings, args.limit)
        # The collector as a check run sets it (`collecting_less`), and the loaded documents out of
        # its reach: a run holds one document at a time, so a full pass here walking every
        # document would charge its time to whichever rule allocated last (B011, which allocates
        # much, measured 0.151 ms a document with the others and 0.081 alone).
        gc.collect()
        gc.freeze()
        with collecting_less():
            run = measure(docs, group_of, settings, table, found if rep == 0 else collections.Counter())
        gc.unfreeze()
        for key, seconds in run.items():  # per document, the fastest of the repetitions
            by_group[key] = min(by_group.get(key, seconds), seconds)
    for (stage, _), seconds in by_group.items():
        costs[stage] += seconds
    total = sum(costs.values())
    print(f"{len(docs)} documents, {total / len(docs) * 1000:.2f} ms per document in all\n")
    print("| stage or rule | ms / document | share | findings |")
    print("|---|---:|---:|---:|")
    for name, seconds in costs.most_common():
        print(
            f"| {name} | {seconds / len(docs) * 1000:.3f} | {seconds / total:.1%} | {found.get(name, '')} |"
        )
    if args.by_script:
        per_script(docs, group_of, costs, by_group)


def per_script(
    docs: list[Document],
    group_of: list[str],
    costs: collections.Counter[str],
    by_group: collections.Counter[tuple[str, str]],
) -> None:
    """Microseconds per KB of UTF-8 text, per stage and script group, and the ratio to English."""
    kb: collections.Counter[str] = collections.Counter()
    count: collections.Counter[str] = collections.Counter()
    for doc, group in zip(docs, group_of):
        kb[group] += len(doc.text.encode("utf-8", "surrogatepass")) / 1000
        count[group] += 1
    groups = [g for g in GROUPS if count[g]]
    print(
        "\n| stage or rule | "
        + " | ".join(f"{g} µs/KB" for g in groups)
        + " | "
        + " | ".join(f"{g}/en" for g in groups if g != "en")
        + " |"
    )
    print("|---|" + "---:|" * (2 * len(groups) - ("en" in groups)))
    print(
        "| (documents, MB) | "
        + " | ".join(f"{count[g]}, {kb[g] / 1000:.1f}" for g in groups)
        + " |"
        + " |" * (len(groups) - ("en" in groups))
    )
    rows = [*costs, "(all)"]
    for name in rows:
        rate = {}
        for g in groups:
            seconds = (
                sum(v for (s, gg), v in by_group.items() if gg == g)
                if name == "(all)"
                else by_group[(name, g)]
            )
            rate[g] = seconds / kb[g] * 1e6
        ratios = [f"{rate[g] / rate['en']:.2f}" if rate.get("en") else "" for g in groups if g != "en"]
        print(
            f"| {name} | " + " | ".join(f"{rate[g]:.1f}" for g in groups) + " | " + " | ".join(ratios) + " |"
        )


if __name__ == "__main__":
    main()
