"""What lintnews flags on clean article text in many languages and scripts (Readability's pages).

Dragnet (``residue.py``) and trafilatura's eval (``quality.py``) measure English and German; users'
corpora also hold Chinese, Japanese, Cyrillic, French, Spanish, Portuguese, Czech... text, where
a rule written on English may misfire (no spaces between CJK words, ``。`` for a full stop, a
space before ``:;!?`` in French, ``¿¡`` in Spanish). This script measures that on Mozilla
Readability's test pages (``readability/README.md``: ``html/<name>.html.gz`` the page,
``gold/<name>.txt`` Readability's expected output, the article as HTML).

Method:

1. The gold article is turned into text as an extractor would: one line per block element
   (``p``, ``h1``..``h6``, ``li``, ``pre``, ``blockquote``, table cells...) and ``<br>``, ASCII
   whitespace collapsed as a browser does (U+3000 and no-break spaces kept), blank lines dropped.
2. Each page is also extracted as in ``residue.py`` (``trafilatura``, ``html2text`` of the whole
   page; ``--extractor``: any of ``bench/quality.py``'s five, resiliparse's and jusText's too),
   cached in ``<cache>/<extractor>/<name>.txt``.
3. A page's language is its ``<html lang>`` (primary subtag, lower case), else what
   ``lintnews.language.detect`` makes of the gold text followed by ``?`` (``und?`` when it
   cannot tell: it knows 35 languages by their stop words, six more by their script); its script
   is the one most of the gold's letters are written in (``Jpan`` when kana are 5 % of them or
   more, Han otherwise, ``Latn``, ``Cyrl``, ``Arab``, ``Hebr``, ``Hang``...). Rows are per
   ``language/script``.
4. Every text is linted in-process with the default selection (or ``--select``); a line is
   flagged when a diagnostic of any family but N covers it. On the gold text every flag is a
   false flag unless the gold itself holds the defect (``--show-gold-flags N`` prints them to
   read). On an extraction a line is ``article`` when its tokens (NFKC, case-folded letters and
   digits, each Han or kana character a token of its own: CJK has no spaces) are contained in a
   gold line's, or for four tokens or more when more than half of its distinct token bigrams are
   in one gold line; ``junk`` otherwise. Per extraction: precision (flagged junk / flagged),
   article lines flagged, junk recall.

5. ``--trafilatura DIR`` also reads trafilatura's eval (``annotations.json``: snippets of each
   page's main text, ``with``, and of its boilerplate, ``without``) for its pages in neither
   English nor German (``<html lang>``, else ``lintnews.language.detect`` on the extraction):
   per language/script, how many ``with`` snippets found in each extraction every copy of which
   a rule flags (false flags, as ``quality.py`` counts them), per rule, and the flagged lines.

Usage::

    python bench/languages.py ../shared/eval/readability [--cache DIR] [--extractor trafilatura,html2text]
        [--select CODES] [--show-gold-flags N] [--only-non-english] [--trafilatura DIR]
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import EVERY_EXTRACTOR, TOKEN, decode_html, ensure_extracted, score_texts  # noqa: E402
from residue import lint_texts, pct, ratio  # noqa: E402

from lintnews.language import detect  # noqa: E402

DEFAULT_EXTRACTORS = ("trafilatura", "html2text")
#: Elements an extractor puts on a line of their own.
BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li dt dd pre blockquote figcaption td th tr caption div section article"
    " header footer aside ul ol dl table figure address hr main nav details summary".split()
)
#: HTML's collapsible whitespace (not U+3000 nor the no-break space, which a page's text keeps).
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
#: Han and kana characters: each one a token (their text has no spaces between words).
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SCRIPTS = (
    ("CJK", "Hani"),
    ("HIRAGANA", "Kana"),
    ("KATAKANA", "Kana"),
    ("HANGUL", "Hang"),
    ("CYRILLIC", "Cyrl"),
    ("GREEK", "Grek"),
    ("ARABIC", "Arab"),
    ("HEBREW", "Hebr"),
    ("THAI", "Thai"),
    ("DEVANAGARI", "Deva"),
    ("LATIN", "Latn"),
)


# ------------------------------------------------------------------------------------------ reading
def gold_text(html: str) -> str:
    """Readability's expected HTML as an extractor's text: a line per block, ASCII whitespace
    collapsed."""
    import lxml.html

    root = lxml.html.fromstring(html or "<div></div>")
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments, processing instructions
            el.text = ""
            continue
        tag = el.tag.lower()
        if tag in ("script", "style"):
            el.text = ""
        elif tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif tag in BLOCKS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    lines = (HTML_SPACE.sub(" ", line).strip(" ") for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line.strip()) + "\n"


def page_language(raw: bytes) -> str:
    """The primary subtag of the page's ``<html lang>``, lower case; ``und`` when it has none."""
    m = HTML_LANG.search(raw[:20_000])
    return m.group(1).decode("ascii").lower() if m else "und"


def script_of(text: str) -> str:
    """The script most letters of ``text`` are in (ISO 15924 code); ``Jpan`` for Han with kana."""
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            counts[next((code for prefix, code in SCRIPTS if name.startswith(prefix)), "Zyyy")] += 1
    if not counts:
        return "Zyyy"
    if counts["Kana"] >= 0.05 * sum(counts.values()):
        return "Jpan"
    counts.pop("Kana", None)
    return counts.most_common(1)[0][0] if counts else "Jpan"


def tokens(line: str) -> list[str]:
    """Case-folded letter and digit tokens after NFKC, each Han or kana character its own."""
    out: list[str] = []
    for tok in TOKEN.findall(unicodedata.normalize("NFKC", line).casefold()):
        out.extend(CJK_CHAR.sub(lambda m: f" {m.group()} ", tok).split())
    return out


# ------------------------------------------------------------------------------------------ labelling
class Gold:
    """The gold lines of one page, for containment and bigram-overlap tests."""

    def __init__(self, text: str) -> None:
        toks = [tokens(line) for line in text.splitlines()]
        self.joined = [" " + " ".join(t) + " " for t in toks if t]
        self.bigrams = [set(zip(t, t[1:])) for t in toks if t]

    def is_article(self, line: str) -> bool | None:
        """Whether an extraction line is article text (None: no token, not scored)."""
        toks = tokens(line)
        if not toks:
            return None
        needle = " " + " ".join(toks) + " "
        if any(needle in j for j in self.joined):
            return True
        grams = set(zip(toks, toks[1:]))
        return len(toks) >= 4 and any(len(grams & g) > len(grams) / 2 for g in self.bigrams)


# ------------------------------------------------------------------------------------------ scoring
@dataclass
class Row:
    """Counts of one language/script group (or one rule in it)."""

    docs: set[str] = field(default_factory=set)
    gold_lines: int = 0
    gold_flagged: int = 0
    #: extractor -> Counter of article, junk, flagged article, flagged junk
    ex: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))


#: A flagged line: (group, page, 1-based line, codes, text).
Flag = tuple[str, str, int, str, str]


def flagged_lines(diags: list[tuple[str, int, int]], n_lines: int) -> dict[int, set[str]]:
    """0-based line -> codes of the diagnostics covering it."""
    out: dict[int, set[str]] = defaultdict(set)
    for code, first, last in diags:
        for i in range(first, min(last, n_lines - 1) + 1):
            out[i].add(code)
    return out


def measure(
    eval_dir: Path, cache: Path, extractors: list[str], select: list[str] | None, only_non_english: bool
) -> tuple[dict[str, Row], dict[tuple[str, str], Row], list[Flag], list[Flag]]:
    """Rows per group, rows per (group, rule), every flagged gold line and every flagged article
    line of the extractions (group, page, line, codes, text)."""
    ids = sorted(p.name[: -len(".html.gz")] for p in (eval_dir / "html").glob("*.html.gz"))
    groups, golds = {}, {}
    for doc_id in ids:
        raw = gzip.decompress((eval_dir / "html" / f"{doc_id}.html.gz").read_bytes())
        gold_path = eval_dir / "gold" / f"{doc_id}.txt"
        golds[doc_id] = (
            gold_text(gold_path.read_text(encoding="utf-8", errors="replace")) if gold_path.exists() else ""
        )
        lang = page_language(raw) if raw else "und"
        if lang == "und":
            lang = f"{detect(golds[doc_id]) or 'und'}?"
        groups[doc_id] = f"{lang}/{script_of(golds[doc_id] or decode_html(raw))}"
    if only_non_english:
        ids = [i for i in ids if not groups[i].startswith(("en/", "en?/"))]
    ids = [i for i in ids if golds[i].strip()]
    ensure_extracted(eval_dir, ids, extractors, cache)

    rows: dict[str, Row] = defaultdict(Row)
    rules: dict[tuple[str, str], Row] = defaultdict(Row)
    shown: list[Flag] = []
    articles: list[Flag] = []
    gold_diags = lint_texts({i: golds[i] for i in ids}, select)
    for doc_id in ids:
        group, lines = groups[doc_id], golds[doc_id].split("\n")
        row = rows[group]
        row.docs.add(doc_id)
        row.gold_lines += sum(1 for line in lines if line.strip())
        for i, codes in sorted(flagged_lines(gold_diags[doc_id], len(lines)).items()):
            row.gold_flagged += 1
            shown.append((group, doc_id, i + 1, ",".join(sorted(codes)), lines[i]))
            for code in codes:
                rules[(group, code)].gold_flagged += 1
                rules[(group, code)].docs.add(doc_id)
    for ex in extractors:
        texts = {i: (cache / ex / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
        diags = lint_texts(texts, select)
        for doc_id, text in texts.items():
            gold, lines = Gold(golds[doc_id]), text.split("\n")
            flags = flagged_lines(diags[doc_id], len(lines))
            tally = rows[groups[doc_id]].ex[ex]
            for i, line in enumerate(lines):
                article = gold.is_article(line)
                if article is None:
                    continue
                label = "article" if article else "junk"
                tally[label] += 1
                tally[f"flagged {label}"] += i in flags
                if article and i in flags:
                    articles.append(
                        (f"{ex} {groups[doc_id]}", doc_id, i + 1, ",".join(sorted(flags[i])), line)
                    )
                for code in flags.get(i, ()):
                    rules[(groups[doc_id], code)].ex[ex][f"flagged {label}"] += 1
                    rules[(groups[doc_id], code)].docs.add(doc_id)
    return rows, rules, shown, articles


def report(rows: dict[str, Row], rules: dict[tuple[str, str], Row], extractors: list[str]) -> str:
    """The two tables: per group, and per group and rule."""
    out = []
    head = (
        "| language/script | pages | gold lines | gold lines flagged | "
        + " | ".join(
            f"{ex}: article / junk lines | {ex}: precision | {ex}: article flagged | {ex}: junk recall"
            for ex in extractors
        )
        + " |"
    )
    out += [head, "|" + "---|" * head.count(" |")]
    total = Row()
    for group in sorted(rows, key=lambda g: (-len(rows[g].docs), g)):
        total.docs |= rows[group].docs
        total.gold_lines += rows[group].gold_lines
        total.gold_flagged += rows[group].gold_flagged
        for ex in extractors:
            total.ex[ex].update(rows[group].ex[ex])
    for group, row in [*sorted(rows.items(), key=lambda kv: (-len(kv[1].docs), kv[0])), ("all", total)]:
        cells = [
            group,
            str(len(row.docs)),
            str(row.gold_lines),
            f"{row.gold_flagged} ({pct(row.gold_flagged, row.gold_lines)})",
        ]
        for ex in extractors:
            c = row.ex[ex]
            flagged = c["flagged article"] + c["flagged junk"]
            cells += [
                f"{c['article']} / {c['junk']}",
                ratio(c["flagged junk"], flagged),
                pct(c["flagged article"], c["article"]),
                ratio(c["flagged junk"], c["junk"]),
            ]
        out.append("| " + " | ".join(cells) + " |")
    out += [
        "",
        "per rule (gold lines flagged: false flags unless the gold holds the defect; per extractor: flagged"
        " junk / flagged article lines)",
        "",
    ]
    head = (
        "| language/script | code | pages | gold lines flagged | "
        + " | ".join(f"{ex}: junk / article flagged" for ex in extractors)
        + " |"
    )
    out += [head, "|" + "---|" * head.count(" |")]
    for (group, code), r in sorted(rules.items()):
        cells = [group, code, str(len(r.docs)), str(r.gold_flagged)]
        cells += [f"{r.ex[ex]['flagged junk']} / {r.ex[ex]['flagged article']}" for ex in extractors]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def trafilatura_false_flags(
    eval_dir: Path, cache: Path, extractors: list[str], select: list[str] | None, show: int
) -> str:
    """The table of ``with`` snippets false-flagged on trafilatura's eval pages in neither English
    nor German, per language/script (see the module docstring, 5)."""
    import json

    from lintnews.config import Settings
    from lintnews.engine import Linter

    annotations = json.loads((eval_dir / "annotations.json").read_text(encoding="utf-8"))
    ensure_extracted(eval_dir, sorted(annotations), sorted(set(extractors) | {"trafilatura"}), cache)
    groups = {}
    for doc_id in annotations:
        text = (cache / "trafilatura" / f"{doc_id}.txt").read_text(encoding="utf-8")
        lang = page_language(gzip.decompress((eval_dir / "html" / f"{doc_id}.html.gz").read_bytes()))
        if lang == "und":
            lang = f"{detect(text) or 'und'}?"
        groups[doc_id] = f"{lang}/{script_of(text[:5000])}"
    ids = sorted(d for d, g in groups.items() if g.split("/")[0].rstrip("?") not in ("en", "de"))
    linter = Linter(Settings(select=select))
    out = [
        "| extractor | language/script | pages | with found | false flags (any rule) | by rule |",
        "|---|---|---|---|---|---|",
    ]
    samples = []
    for ex in extractors:
        texts = {d: (cache / ex / f"{d}.txt").read_text(encoding="utf-8") for d in ids}
        score = score_texts(ex, {d: annotations[d] for d in ids}, texts, groups, linter, show)
        for group in sorted({groups[d] for d in ids}, key=lambda g: (-score.pages[g], g)):
            by_rule = ", ".join(
                f"{code} {n}" for (code, g), n in sorted(score.rule_ff.items()) if g == group and n
            )
            found, flagged = score.totals[(group, "with_found")], score.totals[(group, "with_flagged")]
            out.append(
                f"| {ex} | {group} | {score.pages[group]} | {found} | {flagged} ({pct(flagged, found)}) | {by_rule or '–'} |"
            )
        for code, flags in sorted(score.false_flags.items()):
            samples += [
                f"  {ex} {groups[d]} {d}:{line} [{code}] {text[:160]}" for d, _, line, _, text in flags
            ]
    if samples:
        out += ["", f"false-flagged with snippets (up to {show} per rule and extractor):", *samples]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("readability", type=Path, help="the readability eval folder (html/, gold/)")
    ap.add_argument("--cache", type=Path, default=Path(__file__).resolve().parent / "out" / "readability")
    ap.add_argument(
        "--extractor", default=",".join(DEFAULT_EXTRACTORS), help=f"comma-separated, of {EVERY_EXTRACTOR}"
    )
    ap.add_argument("--select", default=None, help="comma-separated selectors (default: default selection)")
    ap.add_argument(
        "--show-gold-flags", type=int, default=0, metavar="N", help="print up to N flagged gold lines"
    )
    ap.add_argument(
        "--show-flagged-article",
        type=int,
        default=0,
        metavar="N",
        help="print up to N flagged article lines of the extractions",
    )
    ap.add_argument(
        "--trafilatura",
        type=Path,
        default=None,
        metavar="DIR",
        help="also score trafilatura's eval (annotations.json) on its pages in neither English nor German",
    )
    ap.add_argument(
        "--trafilatura-cache", type=Path, default=Path(__file__).resolve().parent / "out" / "extracted"
    )
    ap.add_argument("--only-non-english", action="store_true", help="skip the pages whose <html lang> is en")
    args = ap.parse_args(argv)
    extractors = [e for e in args.extractor.split(",") if e]
    unknown = set(extractors) - set(EVERY_EXTRACTOR)
    if unknown:
        ap.error(f"unknown extractor(s): {', '.join(sorted(unknown))}")
    select = args.select.split(",") if args.select else None
    rows, rules, shown, articles = measure(
        args.readability, args.cache, extractors, select, args.only_non_english
    )
    print(report(rows, rules, extractors))
    if args.show_gold_flags and shown:
        print(f"\nflagged gold lines ({len(shown)}):")
        for group, doc_id, line, codes, text in shown[: args.show_gold_flags]:
            print(f"  {group} {doc_id}:{line} [{codes}] {text[:160]}")
    if args.trafilatura is not None:
        print("\ntrafilatura's eval, pages in neither English nor German:\n")
        print(
            trafilatura_false_flags(
                args.trafilatura, args.trafilatura_cache, extractors, select, args.show_gold_flags
            )
        )
    if args.show_flagged_article and articles:
        print(f"\nflagged article lines of the extractions ({len(articles)}):")
        for group, doc_id, line, codes, text in articles[: args.show_flagged_article]:
            print(f"  {group} {doc_id}:{line} [{codes}] {text[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
