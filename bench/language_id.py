"""How well `lintnews.language.detect` tells languages apart: a confusion table per language.

Two sources, each a row per language and the detected codes with their counts (``-``: none):

1. ``--sampled N`` (default 100): N texts of ``--words`` (default 120) words per language the
   profile knows that wordfreq has a list for, each word drawn at random with wordfreq's
   frequency from its 5,000 most frequent words of that language (seeded): the word statistics
   of running text, which is all a stop-word profile reads, without a corpus per language.
2. ``--pages DIR ...``: eval sets (``<set>/html/<name>.html.gz``) with their trafilatura
   extractions cached in ``<cache>/<name>.txt`` (``--cache`` per set, in the same order), the
   page's language its ``<html lang>`` (pages without one are left out).

Usage::

    python bench/language_id.py
    python bench/language_id.py --pages ../shared/eval/readability ../shared/eval/trafilatura \\
        --cache bench/out/readability/trafilatura bench/out/extracted/trafilatura
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

from lintnews.language import PROFILES, detect

HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
#: wordfreq's code where it differs from the profile's.
WORDFREQ = {"hr": "sh"}
#: <html lang> codes that name a language the profile knows by another code.
SAME = {"no": "nb", "bs": "hr", "sr": "hr"}


def sampled(n: int, words: int, seed: int) -> dict[str, Counter[str]]:
    import wordfreq

    rng = random.Random(seed)
    table: dict[str, Counter[str]] = {}
    for lang in PROFILES:
        code = WORDFREQ.get(lang, lang)
        if code not in wordfreq.available_languages():
            continue
        top = wordfreq.top_n_list(code, 5000)
        weights = [wordfreq.word_frequency(w, code) for w in top]
        table[lang] = Counter(detect(" ".join(rng.choices(top, weights, k=words))) or "-" for _ in range(n))
    return table


def pages(sets: list[Path], caches: list[Path]) -> dict[str, Counter[str]]:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for eval_dir, cache in zip(sets, caches):
        for html in sorted((eval_dir / "html").glob("*.html.gz")):
            name = html.name[: -len(".html.gz")]
            text_path = cache / f"{name}.txt"
            m = HTML_LANG.search(gzip.decompress(html.read_bytes())[:20_000])
            if m is None or not text_path.exists():
                continue
            lang = m.group(1).decode("ascii").lower()
            table[SAME.get(lang, lang)][detect(text_path.read_text(encoding="utf-8")) or "-"] += 1
    return table


def show(title: str, table: dict[str, Counter[str]]) -> None:
    print(f"\n{title}\n\n| language | texts | placed right | detected |\n|---|---:|---:|---|")
    for lang, found in sorted(table.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        total = sum(found.values())
        shown = ", ".join(f"{code} {k}" for code, k in found.most_common())
        print(f"| {lang} | {total} | {found[lang] / total:.2f} | {shown} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sampled", type=int, default=100, help="texts per language (0: none)")
    ap.add_argument("--words", type=int, default=120)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=Path, nargs="*", default=[])
    ap.add_argument("--cache", type=Path, nargs="*", default=[])
    args = ap.parse_args()
    if len(args.cache) != len(args.pages):
        ap.error("one --cache per --pages set")
    if args.sampled:
        show(f"wordfreq-sampled texts of {args.words} words", sampled(args.sampled, args.words, args.seed))
    if args.pages:
        show("eval pages by <html lang> (trafilatura's text)", pages(args.pages, args.cache))


if __name__ == "__main__":
    main()
