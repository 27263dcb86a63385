"""How well the T rules find documents cut off at the end, and how rarely they flag whole ones.

Method: the gold article texts of the Dragnet set (``gold/<id>.content.txt``) and of Mozilla
Readability's test pages (``gold/<name>.txt``, HTML: turned into text with lintnews's own HTML
reader, one block per line) are read; texts of fewer than 80 words are skipped (counted). Each
text is linted twice, in-process with the T rules (``--select``, default ``T``):

- **uncut**: the gold text as it is (blank lines and spaces at its end trimmed);
- **cut**: the same text cut at a random character (fixed seed per text) in its last 40 %,
  re-drawn until the cut falls inside a line (not at a line end, which could be the end of a
  heading or caption) and the text before it, right-trimmed, does not end a sentence (``.``,
  ``!``, ``?``, ``…``, ``:``, ``;`` or a closing quote or bracket after one). A cut inside a word
  leaves a word stump, a cut between words a whole word.

A document counts as flagged when any selected rule reports on it. Reported per set and in
all: recall on cut documents (also for cuts inside a word and between words, and for cuts in a
line of a block the uncut document holds for prose: a cut in a crawl text's site chrome, a
menu, a heading, a list, leaves a stub no rule can tell from a whole one) and the share of
uncut documents flagged. ``--scripts`` keeps only the texts not written mostly in Latin letters
(Chinese, Japanese, Korean, Arabic, Cyrillic …: the script most of a text's letters are in, as
``languages.py`` decides it, ``Jpan`` for Han with kana) and reports per script; ``--cuts K``
cuts each text at K points (K draws of the same kind, each its own seed) where a script has few
texts. ``--jsonl CORPUS`` adds the texts of a JSONL corpus (``--limit N``: its first N records)
that end a sentence (set ``crawl``: not gold, but a realistic sample of news in every script;
an uncut text flagged there is mostly a false flag). ``--show N`` prints missed cut endings (``[prose]``: a cut in
a line of prose) and flagged uncut endings, and
how many missed cuts end on a last line of 1, 2, … words (a short line after finished prose is
where a cut is hardest to tell from a signature or a link).

Usage::

    python bench/truncation.py --dragnet ../shared/eval/dragnet --readability ../shared/eval/readability
    python bench/truncation.py --readability ../shared/eval/readability --scripts --cuts 20
    python bench/truncation.py --jsonl bench/out/crawl-20mb.jsonl --scripts --cuts 3
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

_SENTENCE_END = re.compile(r"""[.!?…:;。！？．｡：；؟۔।][\"'”’»)\]」』）]*$""")
MIN_WORDS = 80


#: A character of a script written without spaces between words (Han, kana): a word of its own
#: when ``--scripts`` counts a text's words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")


def load(
    dragnet: Path | None,
    readability: Path | None,
    unspaced: bool = False,
    jsonl: Path | None = None,
    limit: int = 0,
) -> tuple[list[tuple[str, str, str]], Counter]:
    """(set, name, text) of every gold text long enough; and how many were skipped per set.
    With ``unspaced``, each Han, kana or Thai character counts as a word too. ``jsonl``: the
    ``text`` of the first ``limit`` records (all: 0) of a corpus that end a sentence (`finished`),
    set ``crawl``."""
    import json

    from lintnews.html_source import extract

    out: list[tuple[str, str, str]] = []
    skipped: Counter[str] = Counter()
    if jsonl:
        with jsonl.open(encoding="utf-8") as f:
            for n, line in enumerate(f):
                if limit and n >= limit:
                    break
                record = json.loads(line)
                text = str(record.get("text") or "")
                if finished(text):
                    out.append(("crawl", str(record.get("id", n)), text))
    if dragnet:
        for p in sorted((dragnet / "gold").glob("*.content.txt")):
            text = p.read_text(encoding="utf-8", errors="replace")
            text = "\n".join(line.strip() for line in text.splitlines())
            out.append(("dragnet", p.name.split(".")[0], text))
    if readability:
        for p in sorted((readability / "gold").glob("*.txt")):
            raw = p.read_text(encoding="utf-8", errors="replace")
            out.append(("readability", p.stem, extract(raw).text))
    kept = []
    for s, name, text in out:
        text = re.sub(r"\n{3,}", "\n\n", text).strip()
        if len(text.split()) + (len(_UNSPACED.findall(text)) if unspaced else 0) < MIN_WORDS:
            skipped[s] += 1
            continue
        kept.append((s, name, text))
    return kept, skipped


def finished(text: str) -> bool:
    """Whether ``text`` ends a sentence (`_SENTENCE_END`, but not on a colon or a semicolon): a
    corpus text taken for whole."""
    end = text.rstrip()
    return _SENTENCE_END.search(end) is not None and end.rstrip("\"'”’»)]」』）")[-1:] not in ":;："


def cut(text: str, seed: str) -> tuple[str, bool] | None:
    """``text`` cut at a random point of its last 40 % (see the module docstring), and whether
    the cut fell inside a word; None when no such point was found in 200 draws."""
    rng = random.Random(hashlib.sha1(seed.encode()).hexdigest())
    lo = int(len(text) * 0.6)
    for _ in range(200):
        at = rng.randrange(lo, len(text))
        if text[at] == "\n" or text[at - 1] == "\n":
            continue
        head = text[:at].rstrip()
        if not head or head.endswith("\n") or "\n" in text[len(head) : at]:
            continue
        if _SENTENCE_END.search(head):
            continue
        mid_word = text[at - 1].isalnum() and text[at].isalnum()
        return head, mid_word
    return None


#: Scripts ``languages.py`` does not name (its ``Zyyy``), by the first word of their letters'
#: Unicode names: ISO 15924 codes.
_MORE_SCRIPTS = {
    "BENGALI": "Beng",
    "TAMIL": "Taml",
    "GURMUKHI": "Guru",
    "GUJARATI": "Gujr",
    "SINHALA": "Sinh",
}


def _script(script_of: Callable[[str], str], text: str) -> str:
    """``script_of(text)``, or when it is ``Zyyy`` the script of `_MORE_SCRIPTS` most of the
    text's letters are in (Bengali: ``Beng``)."""
    found = script_of(text)
    if found != "Zyyy":
        return found
    import unicodedata

    counts = Counter(unicodedata.name(ch, "").partition(" ")[0] for ch in text if ch.isalpha())
    top = counts.most_common(1)
    return _MORE_SCRIPTS.get(top[0][0], found) if top else found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dragnet", type=Path)
    ap.add_argument("--readability", type=Path)
    ap.add_argument("--select", default="T")
    ap.add_argument("--show", type=int, default=0, metavar="N")
    ap.add_argument(
        "--scripts", action="store_true", help="only texts not mostly in Latin letters, per script"
    )
    ap.add_argument("--cuts", type=int, default=1, metavar="K", help="cut points per text (default 1)")
    ap.add_argument("--jsonl", type=Path, help="also: the texts of a JSONL corpus that end a sentence")
    ap.add_argument("--limit", type=int, default=0, metavar="N", help="--jsonl: its first N records")
    args = ap.parse_args(argv)
    if not (args.dragnet or args.readability or args.jsonl):
        ap.error("give --dragnet, --readability and/or --jsonl")

    from lintnews.config import Settings
    from lintnews.document import Document
    from lintnews.engine import Linter

    linter = Linter(Settings(select=args.select.split(",")))
    texts, skipped = load(args.dragnet, args.readability, args.scripts, args.jsonl, args.limit)
    if args.scripts:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from languages import script_of

        texts = [(f"{s}/{_script(script_of, text)}", name, text) for s, name, text in texts]
        texts = [t for t in texts if not t[0].endswith("/Latn")]
        skipped = Counter()  # (of every script)
    stats: Counter = Counter()
    missed: list[tuple[str, str, str, bool]] = []
    false: list[tuple[str, str, str, str]] = []
    for s, name, text in texts:
        uncut = Document(f"{name}.txt", text)
        prose_lines = {n for b in uncut.blocks if b.prose for n in range(b.start, b.end + 1)}
        whole = linter.lint(uncut).diagnostics
        stats[(s, "uncut")] += 1
        if whole:
            stats[(s, "uncut flagged")] += 1
            false.append((s, name, whole[0].code, text[-100:]))
        for k in range(args.cuts):
            c = cut(text, f"{s}/{name}" if k == 0 else f"{s}/{name}/{k}")
            if c is None:
                stats[(s, "no cut point")] += 1
                continue
            head, mid = c
            kind = "cut mid-word" if mid else "cut between words"
            in_prose = head.count("\n") in prose_lines
            stats[(s, "cut")] += 1
            stats[(s, kind)] += 1
            stats[(s, "cut in prose")] += in_prose
            if linter.lint(Document(f"{name}.txt", head)).diagnostics:
                stats[(s, "cut flagged")] += 1
                stats[(s, kind + " flagged")] += 1
                stats[(s, "cut in prose flagged")] += in_prose
            else:
                missed.append((s, name, head[-100:], in_prose))
                stats[("missed", min(len(head.rpartition("\n")[2].split()), 13))] += 1

    def frac(a: int, b: int) -> str:
        return f"{a}/{b} ({100 * a / b:.1f} %)" if b else "–"

    sets = sorted({s for s, _, _ in texts})
    print(
        f"| {'set/script' if args.scripts else 'set'} | texts (skipped < 80 words) | recall on cut | cut mid-word | cut between words | cut in prose | uncut flagged |"
    )
    print("|---|--:|--:|--:|--:|--:|--:|")
    for s in [*sets, "all"]:

        def g(key: str, s: str = s) -> int:
            return sum(v for (x, k), v in stats.items() if k == key and (s == "all" or x == s))

        sk = sum(skipped.values()) if s == "all" else skipped[s]
        print(
            f"| {s} | {g('uncut')} ({sk}) | {frac(g('cut flagged'), g('cut'))} "
            f"| {frac(g('cut mid-word flagged'), g('cut mid-word'))} "
            f"| {frac(g('cut between words flagged'), g('cut between words'))} "
            f"| {frac(g('cut in prose flagged'), g('cut in prose'))} "
            f"| {frac(g('uncut flagged'), g('uncut'))} |"
        )
    if args.show:
        lengths = sorted((n, v) for (k, n), v in stats.items() if k == "missed")
        print("\nmissed cuts by the words of their last line (13: 13 or more):")
        print("  " + ", ".join(f"{n}: {v}" for n, v in lengths))
        print(f"\nmissed cut endings (first {args.show}; [prose]: cut in a line of the uncut text's prose):")
        for s, name, tail, in_prose in missed[: args.show]:
            print(f"  {s}/{name}{' [prose]' if in_prose else ''}: …{tail!r}")
        print(f"\nflagged uncut endings (first {args.show}):")
        for s, name, code, tail in false[: args.show]:
            print(f"  {s}/{name} [{code}]: …{tail!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
