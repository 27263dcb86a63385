"""Where per-document lint time goes: the shared document views, then each rule.

Loads every record of a JSONL corpus (e.g. one written by ``bench/speed.py --work DIR``) or every
file under a folder, computes the views that rules share (language, line keys, blocks, words,
normalised lines...) one after the other, then runs each rule on every document, and prints the
milliseconds per document of each stage and rule, most expensive first. A stage's time is what it
costs when it runs first; a rule's time excludes the shared views, which are already computed.

This is the table to look at before optimising a rule; for a whole-run profile use py-spy:
``py-spy record -f speedscope -o lint.json -- python -m lintnews check -j1 --no-cache CORPUS``.

Usage: ``python bench/rule_costs.py CORPUS.jsonl [--select CODES]``
"""

from __future__ import annotations

import argparse
import collections
import time
from collections.abc import Callable
from pathlib import Path

from lintnews import packs, textnorm
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter, to_diagnostic
from lintnews.sources import InputError, iter_documents


def load(path: Path, settings: Settings) -> list[Document]:
    docs = [d for d in iter_documents([str(path)], settings) if not isinstance(d, InputError)]
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
        ("phrase candidates", lambda d: packs._candidate_lines(d, pack_set, packs.pack_languages(d, settings, pack_set))),
        ("blocks", lambda d: d.blocks),
        ("block words", lambda d: [b.words for b in d.blocks]),
        ("block heading_like", lambda d: [b.heading_like for b in d.blocks]),
        ("block prose", lambda d: [b.prose for b in d.blocks]),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--select", help="comma-separated rule selectors (default: the default rules)")
    args = ap.parse_args()
    settings = Settings(select=args.select.split(",")) if args.select else Settings()
    table = Linter(settings).base_table
    docs = load(args.corpus, settings)
    costs: collections.Counter[str] = collections.Counter()
    for name, view in stages(settings):
        start = time.perf_counter()
        for doc in docs:
            view(doc)
        costs[f"(view) {name}"] = time.perf_counter() - start
    found: collections.Counter[str] = collections.Counter()
    for doc in docs:
        for rule in table.rules:
            if rule.corpus:
                continue
            start = time.perf_counter()
            for v in rule.check(doc, settings):
                to_diagnostic(doc, v, table.severity(rule, v))
                found[rule.code] += 1
            costs[rule.code] += time.perf_counter() - start
    total = sum(costs.values())
    print(f"{len(docs)} documents, {total / len(docs) * 1000:.2f} ms per document in all\n")
    print("| stage or rule | ms / document | share | findings |")
    print("|---|---:|---:|---:|")
    for name, seconds in costs.most_common():
        print(f"| {name} | {seconds / len(docs) * 1000:.3f} | {seconds / total:.1%} | {found.get(name, '')} |")


if __name__ == "__main__":
    main()
