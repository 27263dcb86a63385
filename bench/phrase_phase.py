"""The phrase pipeline alone, for instruction counts: run it under callgrind once with ``views``
and once with ``phrase`` (or ``packs``) and subtract.

Loads the records of a JSONL corpus, makes the documents and the views the rules share (lines,
folded text, line keys, blocks, normalised lines and the stop-word profile, made together) in
every mode, then with ``phrase`` the language view and every rule that reports the lines its pack
entries match whole (`lintnews.packs.PhraseRule` without a check of its own: the one pass of the
phrase screen and line matcher for all of them, `pack_languages`, `wrapped_tail`,
`story_word`), and with ``packs`` also every other rule that reads the packs (B005, B006, B026,
S002...). Prints a digest of what the rules found (the same in two trees that find the same)
and the CPU seconds of each stage. The default settings, one process, answers kept as a run
keeps them.

    valgrind --tool=callgrind python bench/phrase_phase.py views crawl.jsonl
    valgrind --tool=callgrind python bench/phrase_phase.py phrase crawl.jsonl

Usage: ``python bench/phrase_phase.py {views,phrase,packs} CORPUS.jsonl``
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time

import orjson

from lintnews.api import Linter
from lintnews.packs.matching import PhraseRule


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["views", "phrase", "packs"])
    parser.add_argument("corpus")
    args = parser.parse_args()
    linter = Linter(None)
    linter.engine.warm()
    settings = linter.settings
    rules = [r for r in linter.engine.base_table.rules if not r.corpus]
    phrase = [r for r in rules if isinstance(r, PhraseRule) and type(r).check is PhraseRule.check]
    others = [r for r in rules if r.reads_packs and r not in phrase]
    with open(args.corpus, "rb") as f:
        docs = [
            linter.document(orjson.loads(line), path="corpus.jsonl", line=i + 1) for i, line in enumerate(f)
        ]
    for doc in docs:
        doc.lines, doc.folded_text, doc.line_keys, doc.blocks, doc.normalized_lines  # noqa: B018
    digest = hashlib.md5()
    times = [time.process_time()]
    for stage, chosen in (("phrase", phrase), ("packs", others)):
        if args.mode == "views" or (stage == "packs" and args.mode != "packs"):
            break
        for doc in docs:
            doc.language  # noqa: B018
            for rule in chosen:
                for v in rule.check(doc, settings):
                    digest.update(repr((rule.code, v.line, v.message)).encode())
        times.append(time.process_time())
    spent = " ".join(f"{b - a:.3f}" for a, b in zip(times, times[1:]))
    print(f"{args.mode}: {len(docs)} documents, {digest.hexdigest()}, CPU-s {spent}", file=sys.stderr)


if __name__ == "__main__":
    main()
