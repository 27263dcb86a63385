"""How well `lintnews.language.detect` tells languages apart: a confusion table per language.

Two sources, each a row per language and the detected codes with their counts (``-``: none):

1. ``--sampled N`` (default 100): N texts of ``--words`` (default 120) words per language the
   profile knows that wordfreq has a list for, each word drawn at random with wordfreq's
   frequency from its 5,000 most frequent words of that language (seeded): the word statistics
   of running text, which is all a stop-word profile reads, without a corpus per language.
   Languages told by their script's letters (``lintnews.language_scripts.LETTER_LANGUAGES``) are
   sampled too, and Macedonian (no profile of its own: a neighbour's is the right answer).
2. ``--pages DIR ...``: eval sets (``<set>/html/<name>.html.gz``) with their trafilatura
   extractions cached in ``<cache>/<name>.txt`` (``--cache`` per set, in the same order), the
   page's language its ``<html lang>`` (pages without one are left out).
3. ``--jsonl CORPUS`` (``--limit N``: its first N records): a crawl without language labels,
   a row per script (``bench/languages.py``'s ``script_of``, Bengali told apart): what each
   script's texts are detected as.

Usage::

    python bench/language_id.py
    python bench/language_id.py --pages ../shared/eval/readability ../shared/eval/trafilatura \\
        --cache bench/out/readability/trafilatura bench/out/extracted/trafilatura
    python bench/language_id.py --sampled 0 --jsonl bench/out/crawl-20mb.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from lintnews.language import PROFILES, detect
from lintnews.language_scripts import LETTER_LANGUAGES

HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
#: wordfreq's code where it differs from the profile's.
WORDFREQ = {"hr": "sh", "sr": "-"}  # (wordfreq's Serbian is "sh", in Latin letters)
#: <html lang> codes that name a language the profile knows by another code.
SAME = {"no": "nb", "bs": "hr", "sr": "hr"}


def sampled(n: int, words: int, seed: int) -> dict[str, Counter[str]]:
    import wordfreq

    rng = random.Random(seed)
    table: dict[str, Counter[str]] = {}
    for lang in [*PROFILES, *LETTER_LANGUAGES, "mk"]:
        code = WORDFREQ.get(lang, lang)
        if code not in wordfreq.available_languages():
            continue
        top = wordfreq.top_n_list(code, 5000)
        freq = wordfreq.get_frequency_dict(code)  # (word_frequency tokenizes, with MeCab for Japanese)
        weights = [freq.get(w, 0.0) for w in top]
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


def crawl(path: Path, limit: int) -> dict[str, Counter[str]]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from languages import script_of
    from truncation import _script

    table: dict[str, Counter[str]] = defaultdict(Counter)
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit and n >= limit:
                break
            text = str(json.loads(line).get("text") or "")
            table[_script(script_of, text[:20_000])][detect(text) or "-"] += 1
    return table


#: The languages a text of each script may rightly be placed in (``--jsonl``; Latin: any).
SCRIPT_LANGUAGES = {
    "Cyrl": {"ru", "uk", "bg", "sr"},
    "Arab": {"ar", "fa", "ur"},
    "Hani": {"zh"},
    "Jpan": {"ja"},
    "Hang": {"ko"},
    "Thai": {"th"},
    "Deva": {"hi"},
    "Beng": {"bn"},
    "Grek": {"el"},
    "Hebr": {"he"},
}


def show(title: str, table: dict[str, Counter[str]], by_script: bool = False) -> None:
    head = "script" if by_script else "language"
    print(f"\n{title}\n\n| {head} | texts | placed right | detected |\n|---|---:|---:|---|")
    for lang, found in sorted(table.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        total = sum(found.values())
        shown = ", ".join(f"{code} {k}" for code, k in found.most_common())
        if by_script:
            right = sum(k for code, k in found.items() if code in SCRIPT_LANGUAGES.get(lang, {code} - {"-"}))
        else:
            right = found[lang]
        print(f"| {lang} | {total} | {right / total:.2f} | {shown} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sampled", type=int, default=100, help="texts per language (0: none)")
    ap.add_argument("--words", type=int, default=120)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=Path, nargs="*", default=[])
    ap.add_argument("--cache", type=Path, nargs="*", default=[])
    ap.add_argument("--jsonl", type=Path, help="a crawl: its texts' detected languages per script")
    ap.add_argument("--limit", type=int, default=0, help="--jsonl: its first N records (0: all)")
    args = ap.parse_args()
    if len(args.cache) != len(args.pages):
        ap.error("one --cache per --pages set")
    if args.sampled:
        show(f"wordfreq-sampled texts of {args.words} words", sampled(args.sampled, args.words, args.seed))
    if args.pages:
        show("eval pages by <html lang> (trafilatura's text)", pages(args.pages, args.cache))
    if args.jsonl:
        show(
            f"{args.jsonl.name} by script (placed right: a language of the script)",
            crawl(args.jsonl, args.limit),
            True,
        )


if __name__ == "__main__":
    main()
