"""What lintnews catches of the junk real extractors leave in: line-level scores on Dragnet.

Method (see the eval set's README, ``dragnet/README.md``):

1. Each page (``html/<id>.html.gz``) is turned into text, one block per line, by three extractor
   settings: ``trafilatura`` = ``trafilatura.extract(html)`` (comments kept: ``include_comments``
   is trafilatura's default), ``trafilatura-recall`` = the same with ``favor_recall=True``, and
   ``html2text`` on the whole page (``body_width=0``, links and images dropped). Texts are cached
   in ``<cache>/<extractor>/<id>.txt`` (default ``bench/out/dragnet``), as ``bench/quality.py``
   does. Two more are run only when named, or with ``--extractor every`` (all five): ``resiliparse``
   (``extract_plain_text(html, main_content=True, alt_texts=False)``, DCLM's extractor) and
   ``justext`` (jusText's paragraphs that are not boilerplate, a paragraph a line; English's
   stoplist on Dragnet's English pages): ``bench/quality.py`` gives their options.
2. Every non-blank line is labelled from the gold: its tokens (NFKC, case-folded, letters and
   digits) are compared with each gold content line and each gold comment line. A line is
   ``article`` when its token sequence is contained in a gold content line, or, for lines of four
   tokens or more, when more than half of its distinct tokens are in one gold content line (the
   best one); ``comments`` likewise against the gold comments (when both match, the larger share
   wins, ties go to ``article``, except for a line of one to three tokens found in both golds
   after a comment line, which is a comment); ``boilerplate`` otherwise. The gold comments
   include what an article file holds below a stray separator line (``GOLD_MARKER``: 23 files
   of the set kept a misspelt copy of the source's "!@#$%^&*()  COMMENTS", their threads below it);
   five gold files saved as UTF-16 are read as such (``read_gold_file``). Lines of one to three tokens must be
   contained in a gold line to count as article or comments, so "Home" or "Search" are not article
   lines because the article uses the word. Lines with no token (rules, bullets alone) are
   skipped. ``--strict-labels`` reads the gold more strictly in two ways: a short line must be
   a whole gold line, not a part of one (a lone "Twitter", "Tweet" or "by" is then not article
   because a sentence of the gold uses the word), and a line found in both golds whatever its
   length (a reader's comment quoting the article: "> My wife and I are also trying …") is a
   comment when the last line of four tokens or more before it is one.
3. Every text is linted in-process (``Linter(Settings())``, the default selection, or
   ``--select``); a line is flagged when a diagnostic of any family but N covers it (``line`` ..
   ``end_line``). Per extractor and per rule: precision of flagged lines (flagged junk / flagged,
   junk = boilerplate + comments), recall on boilerplate lines, recall on comment lines, and the
   share of article lines flagged. Junk counts copies; the recall columns do not. The summary
   also gives precision and article lines flagged counting only the rules that report junk
   lines (families B, D, G, S): F and T rules report defects of the text itself (a missing
   space, mojibake, a cut-off ending), article lines included.
4. ``--fix`` also runs what users run, ``lintnews check --fix --unsafe-fixes --output-dir DIR``
   (the CLI of the interpreter running this script, ``python -m lintnews``, in a subprocess,
   never whatever ``lintnews`` PATH finds first; on the cached texts of each half, with the same
   ``--select`` / ``--extend-select``) and reports the share of
   junk lines and of article lines it removed (a line is kept when a line with the same tokens is
   still in the fixed copy; an article line that only F and T rules flag is repaired, not
   removed, when its tokens change: F005's re-decoding of mojibake), the share of the *flagged* junk lines it removed (what the fix does
   with what the rules found: the first share is bounded by recall, this one by the fixes), and
   per rule the junk lines the rule flags that the fix keeps.
5. ``--extractor lintnews-html`` (only when named) reads each page as lintnews reads HTML input
   (``lintnews.sources.documents.html_document``: its own text, and the markup landmarks of
   ``lintnews.landmarks`` on), labels the lines of that text the same way and runs the selected
   rules on the documents in-process (their violations carry text lines); ``--fix`` is not
   measured for it.
6. Pages are split into two halves by a fixed hash of their id (``A``: the first byte of the
   SHA-1 of the id is even). Rules were written looking at half A only; both halves are reported.

Usage::

    python bench/residue.py ../shared/eval/dragnet [--extractor all|every|NAME|lintnews-html] [--fix]
        [--select CODES]
        [--extend-select CODES]
        [--half A|B|both] [--strict-labels] [--show-missed N] [--show-flagged-article N]
        [--thread-parts] [--json FILE]
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import MORE_EXTRACTORS, ensure_extracted, tokens  # noqa: E402

#: The extractors ``--extractor all`` runs (the README's figures are quoted for them).
EXTRACTORS = ("trafilatura", "trafilatura-recall", "html2text")
#: ``--extractor every``: the three and those run only when named (resiliparse, justext).
EVERY_EXTRACTOR = (*EXTRACTORS, *MORE_EXTRACTORS)
#: lintnews's own reading of the page as HTML input (markup landmarks on): only when named.
HTML_INPUT = "lintnews-html"
LABELS = ("article", "comments", "boilerplate", "copy")
HALVES = ("A", "B")
#: Families of the rules that report junk lines; F and T report defects of the text itself
#: (a missing space, mojibake, a cut-off ending), on article lines too.
JUNK_FAMILIES = frozenset("BDGS")


def half_of(doc_id: str) -> str:
    """The fixed half a page belongs to."""
    return "A" if hashlib.sha1(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "B"


# ------------------------------------------------------------------------------------------ labelling
#: The line that separates the article from the comments in the source's gold files
#: ("!@#$%^&*()  COMMENTS"). The eval set's files were split at it, but 21 content files still
#: hold a misspelt copy ("!@ $%^&*()  COMMENTS", "#$%^&*()  COMMENTS", "!@#$%^&*()  COMMNENTS",
#: "!@#$%^&*()  CORRECTED", a bare "!@#$%^&*()", and two without the brackets' pair:
#: "!@#$%^&**()  COMMENTS", "!@#$%^&*   COMMENTS"), the readers' comments below it. Any run of
#: the row's characters holding "%^&*" matches; a "***" section break does not.
GOLD_MARKER = re.compile(r"^\s*[!@#$%^&*()\s]*%\^&\*[!@#$%^&*()\s]*[A-Z]*\s*$")


#: What the mirror made of a UTF-16 byte-order mark (two U+FFFD, as UTF-8) at the start of the
#: five gold files saved as UTF-16 (27, 39, 42, 49, 158).
UTF16_HEAD = "\ufffd\ufffd".encode("utf-8")


def read_gold_file(path: Path) -> str:
    """One gold file's text: UTF-8, or UTF-16LE where the file was saved so (its mark mangled
    into ``UTF16_HEAD``; read as UTF-8 every other character would be a NUL and no line of the
    extraction would match the gold)."""
    if not path.exists():
        return ""
    data = path.read_bytes()
    if b"\x00" in data:
        body = data[len(UTF16_HEAD) :] if data.startswith(UTF16_HEAD) else data
        return body.decode("utf-16-le", errors="replace").replace("\r\n", "\n")
    return data.decode("utf-8", errors="replace")


def read_gold(gold: Path, doc_id: str) -> tuple[str, str]:
    """The gold article text and the gold comments of a page; the comments below a stray
    separator line in the article's file (``GOLD_MARKER``) count as comments."""
    content = read_gold_file(gold / f"{doc_id}.content.txt")
    comments = read_gold_file(gold / f"{doc_id}.comments.txt")
    lines = content.split("\n")
    cut = next((i for i, line in enumerate(lines) if GOLD_MARKER.match(line)), None)
    if cut is not None:
        content = "\n".join(lines[:cut])
        comments = "\n".join([*lines[cut + 1 :], comments])
    return content, comments


class GoldIndex:
    """The gold lines of one page (content or comments) for containment and overlap tests."""

    def __init__(self, text: str) -> None:
        self.lines = [tokens(line) for line in text.splitlines()]
        self.lines = [t for t in self.lines if t]
        self.joined = [" " + " ".join(t) + " " for t in self.lines]
        self.sets = [set(t) for t in self.lines]
        self.index: dict[str, list[int]] = defaultdict(list)
        for i, s in enumerate(self.sets):
            for tok in s:
                self.index[tok].append(i)

    def score(self, toks: list[str], strict: bool = False) -> float:
        """1.0 when ``toks`` is contained in a gold line, else the best share of its distinct
        tokens found in one gold line (0 for lines under four tokens). ``strict``: a line of one
        to three tokens must be a whole gold line, not a part of one."""
        if not toks or not self.lines:
            return 0.0
        counts: Counter[int] = Counter()
        distinct = set(toks)
        for tok in distinct:
            for i in self.index.get(tok, ()):
                counts[i] += 1
        if not counts:
            return 0.0
        needle = " " + " ".join(toks) + " "
        best = 0.0
        for i, hits in counts.most_common():
            if hits < len(distinct) and (len(toks) < 4 or best >= hits / len(distinct)):
                break
            if hits == len(distinct) and needle in self.joined[i]:
                if strict and len(toks) < 4 and needle != self.joined[i]:
                    continue
                return 1.0
            if len(toks) >= 4:
                best = max(best, hits / len(distinct))
        return best


def short_part(line: str, content: GoldIndex) -> bool:
    """Whether an article line is a line of one to three tokens that the gold holds only inside
    a longer line ("Politics" alone, labelled article because a gold sentence uses the word):
    the labeller's reading, not the gold's, which ``--strict-labels`` reads as junk."""
    toks = tokens(line)
    return 0 < len(toks) < 4 and content.score(toks, strict=True) < 1.0


def label_lines(text: str, content: GoldIndex, comments: GoldIndex, strict: bool = False) -> list[str | None]:
    """One label per line of ``text`` (None: blank or no token); ``strict``: see
    ``--strict-labels``."""
    out: list[str | None] = []
    seen: set[str] = set()
    last_long: str | None = None
    for line in text.split("\n"):
        toks = tokens(line)
        if not toks:
            out.append(None)
            continue
        key = " ".join(toks)
        if len(toks) >= 4 and key in seen:
            out.append("copy")  # a second copy of an earlier line: junk whatever the gold says
            continue
        seen.add(key)
        a = content.score(toks, strict)
        c = comments.score(toks, strict)
        if (len(toks) < 4 or strict) and a == 1.0 and c == 1.0 and last_long == "comments":
            label = "comments"  # "Tim," or "Done!" in both golds: the thread it stands in decides
        elif a > 0.5 and a >= c:
            label = "article"
        elif c > 0.5:
            label = "comments"
        else:
            label = "boilerplate"
        if len(toks) >= 4:
            last_long = label
        out.append(label)
    return out


# ------------------------------------------------------------------------------------------ scoring
@dataclass
class Tally:
    """Line counts of one extractor and half: totals per label, flagged per label (any rule and
    per rule), removed per label by the fix run."""

    lines: Counter = field(default_factory=Counter)  # label -> lines
    flagged: Counter = field(default_factory=Counter)  # label -> flagged lines
    #: label -> lines flagged by a rule that reports junk (families B, D, G, S), not only by one
    #: that reports a defect of the text itself (F: formatting, mojibake; T: truncation)
    junk_rules: Counter = field(default_factory=Counter)
    rule: Counter = field(default_factory=Counter)  # (code, label) -> lines the rule covers
    removed: Counter = field(default_factory=Counter)  # label -> lines the fix removed
    #: label -> flagged lines the fix removed: what the fix does with what the rules found
    flagged_removed: Counter = field(default_factory=Counter)
    #: code -> junk lines the rule flags that the fix kept (no fix, or its fix did not apply)
    kept: Counter = field(default_factory=Counter)
    fixed_docs: int = 0
    docs: int = 0

    def count_fix(
        self,
        before: str,
        after: str,
        labels: list[str | None],
        covered: set[int],
        per_rule: dict[str, set[int]],
        repaired: set[int] | frozenset[int] = frozenset(),
    ) -> None:
        """Count what the fix did to one text: the lines it removed per label, the flagged ones
        among them, and per rule the junk lines it flags that the fix kept. ``repaired``: the
        lines only rules reporting a defect of the text (F, T) flag; an article line among them
        whose tokens changed was repaired, not removed (F005 re-decoding mojibake changes every
        word it fixes), and is not counted as removed."""
        gone = set(removed_lines(before, after))
        self.fixed_docs += after != before
        for i in gone:
            if labels[i] == "article" and i in repaired:
                continue
            if labels[i] is not None:
                self.removed[labels[i]] += 1
                self.flagged_removed[labels[i]] += i in covered
        for code, span in per_rule.items():
            self.kept[code] += sum(1 for i in span if labels[i] not in (None, "article") and i not in gone)


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "–"


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.2f} %" if b else "–"


def html_documents(dragnet: Path, ids: list[str]) -> dict[str, object]:
    """Each page read as lintnews reads HTML input (`lintnews.sources.documents.html_document`)."""
    import gzip

    from lintnews.sources.documents import html_document

    out: dict[str, object] = {}
    for doc_id in ids:
        raw = gzip.decompress((dragnet / "html" / f"{doc_id}.html.gz").read_bytes()).decode(
            "utf-8", "replace"
        )
        out[doc_id] = html_document(f"{doc_id}.html", raw)
    return out


def lint_texts(
    texts: dict[str, str],
    select: list[str] | None,
    docs: dict[str, object] | None = None,
    extend: list[str] | None = None,
) -> dict[str, list[tuple[str, int, int]]]:
    """(code, first line, last line) of every diagnostic but N, 0-based text lines, per document
    (``docs``: the documents to lint in place of plain texts, HTML input)."""
    from lintnews.config import Settings
    from lintnews.document import Document
    from lintnews.engine import Linter

    settings = Settings(select=select, extend_select=extend or [])
    linter = Linter(settings)
    out = {}
    for doc_id, text in texts.items():
        if docs is not None:
            # HTML input: diagnostics carry source positions, the rules' violations text lines
            doc = docs[doc_id]
            out[doc_id] = [
                (rule.code, v.line, v.end_line)
                for rule in linter.base_table.rules
                if not rule.corpus and not rule.code.startswith("E")
                for v in rule.check(doc, settings)  # type: ignore[arg-type]
            ]
            continue
        res = linter.lint(Document(f"{doc_id}.txt", text))
        out[doc_id] = [
            (d.code, d.line - 1, d.end_line - 1) for d in res.diagnostics if not d.code.startswith("N")
        ]
    return out


def selection_args(select: list[str] | None, extend: list[str] | None) -> list[str]:
    """The command-line options of a selection (none: the default selection)."""
    return [
        *(["--select", ",".join(select)] if select else []),
        *(["--extend-select", ",".join(extend)] if extend else []),
    ]


def fix_run(texts: dict[str, str], options: list[str] = ()) -> dict[str, str]:  # type: ignore[assignment]
    """The texts after ``lintnews check --fix --unsafe-fixes --output-dir`` (this interpreter's), with
    the selection ``options``."""
    with tempfile.TemporaryDirectory(prefix="residue-") as tmp:
        src, dst = Path(tmp, "in"), Path(tmp, "out")
        src.mkdir()
        for doc_id, text in texts.items():
            Path(src, f"{doc_id}.txt").write_text(text, encoding="utf-8")
        proc = subprocess.run(
            [
                sys.executable,  # this interpreter's lintnews, not whatever PATH finds first
                "-m",
                "lintnews",
                "check",
                "--isolated",
                "--no-cache",
                "--exit-zero",
                "--fix",
                "--unsafe-fixes",
                "--output-dir",
                str(dst),
                "--format",
                "json",
                "-o",
                os.devnull,
                *options,
                "in",
            ],
            cwd=tmp,
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise SystemExit(f"lintnews --fix failed (exit {proc.returncode}): {proc.stderr[-500:]}")
        out = {}
        for doc_id in texts:
            fixed = next(
                (p for p in (Path(dst, "in", f"{doc_id}.txt"), Path(dst, f"{doc_id}.txt")) if p.exists()),
                None,
            )
            out[doc_id] = fixed.read_text(encoding="utf-8") if fixed else texts[doc_id]
        return out


def removed_lines(before: str, after: str) -> list[int]:
    """0-based lines of ``before`` with tokens that the fixed text ``after`` no longer holds in
    their place: the two texts' lines (by their tokens, blank ones aside) are aligned in order
    (difflib), so that when a fix removes the first of two copies of a line it is the first
    that counts as removed, not the kept second (matching each line to the first unused copy
    did that: 15 | 21 article lines of html2text's text, "Twitter" or "* 2", counted removed
    that no fix touched). A line whose tokens the fix changed counts as removed."""
    keyed = [(i, key) for i, line in enumerate(before.split("\n")) if (key := " ".join(tokens(line)))]
    kept_keys = [key for line in after.split("\n") if (key := " ".join(tokens(line)))]
    matcher = difflib.SequenceMatcher(None, [key for _, key in keyed], kept_keys, autojunk=False)
    kept = {block.a + k for block in matcher.get_matching_blocks() for k in range(block.size)}
    return [i for n, (i, _) in enumerate(keyed) if n not in kept]


#: A trackback's stamp ("Tracked on Mar 21, 2007 11:15:37 PM"): the excerpt under it is another
#: blog's text, not a reader's comment.
TRACKED = re.compile(r"^\W*tracked\s+on\b", re.IGNORECASE)


def thread_parts(
    ex: str, texts: dict[str, str], labels: dict[str, list[str | None]], halves: tuple[str, ...]
) -> None:
    """``--thread-parts``: B011's threads split in two, the comment bodies between two headers
    (certain), the same without the trackbacks' excerpts, and what follows the last header
    (uncertain); per half the precision, recall on comment lines and article lines flagged of
    each part as if a rule reported it."""
    from lintnews.rules.chrome.regions import comment_threads

    from lintnews.config import Settings
    from lintnews.document import Document

    print(f"\nthread parts ({ex}; per half: precision / recall comments / article flagged (lines))\n")
    print("| half | between headers | between headers, no trackbacks | after the last header |")
    print("|---|---|---|---|")
    for half in halves:
        total: Counter = Counter()
        parts: list[Counter] = [Counter(), Counter(), Counter()]
        for doc_id, text in texts.items():
            if half_of(doc_id) != half:
                continue
            lab = labels[doc_id]
            total.update(x for x in lab if x)
            lines = text.split("\n")
            for t in comment_threads(Document(f"{doc_id}.txt", text), Settings()):
                hs = list(t.headers)
                for a, b in zip(hs, hs[1:]):
                    trackback = TRACKED.match(lines[a]) or TRACKED.match(lines[b])
                    for k in range(a + 1, b):
                        if lab[k]:
                            parts[0][lab[k]] += 1
                            if not trackback:
                                parts[1][lab[k]] += 1
                if hs:
                    parts[2].update(lab[k] for k in range(hs[-1] + 1, t.end + 1) if lab[k])
        cells = []
        for c in parts:
            flagged = sum(c.values())
            cells.append(
                f"{ratio(flagged - c['article'], flagged)} / {ratio(c['comments'], total['comments'])} / "
                f"{pct(c['article'], total['article'])} ({c['article']})"
            )
        print(f"| {half} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dragnet", type=Path, help="the dragnet eval folder (html/, gold/)")
    ap.add_argument(
        "--extractor",
        default="all",
        choices=(*EVERY_EXTRACTOR, HTML_INPUT, "all", "every"),
        help=f"'all' is the three extractors {', '.join(EXTRACTORS)}; 'every' adds"
        f" {', '.join(MORE_EXTRACTORS)}; {HTML_INPUT} (lintnews reading the page as HTML,"
        " markup landmarks on) only when named; --fix is not measured for it",
    )
    ap.add_argument("--cache", type=Path, default=Path(__file__).resolve().parent / "out" / "dragnet")
    ap.add_argument("--select", default=None, help="comma-separated selectors (default: default selection)")
    ap.add_argument("--extend-select", default=None, help="comma-separated selectors added to the selection")
    ap.add_argument("--half", default="both", choices=("A", "B", "both"))
    ap.add_argument("--fix", action="store_true", help="also measure --fix --unsafe-fixes --output-dir")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (by id)")
    ap.add_argument(
        "--show-missed",
        type=int,
        default=0,
        metavar="N",
        help="print N random unflagged junk lines of the halves --half names, in page order",
    )
    ap.add_argument(
        "--show-flagged-article",
        type=int,
        default=0,
        metavar="N",
        help="print up to N flagged article lines (per extractor), 'part' marking the short ones the gold"
        " holds only inside a longer line (article as labelled by default, junk with --strict-labels)",
    )
    ap.add_argument(
        "--pages",
        default="all",
        choices=("all", "with-comments", "without-comments"),
        help="only pages with (or without) a gold comments file",
    )
    ap.add_argument(
        "--strict-labels",
        action="store_true",
        help="a line of 1-3 tokens is article (or comments) only when it is a whole gold line"
        " ('Twitter' alone is not article because a gold sentence names Twitter), and a line"
        " in both golds after a comment line is a comment (a reply quoting the article)",
    )
    ap.add_argument(
        "--thread-parts",
        action="store_true",
        help="also score B011's threads in parts: the bodies between two headers and what follows the last",
    )
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)

    gold = args.dragnet / "gold"
    ids = sorted(
        (p.name[: -len(".html.gz")] for p in (args.dragnet / "html").glob("*.html.gz")),
        key=lambda s: (len(s), s),
    )
    if args.limit:
        ids = ids[: args.limit]
    halves = HALVES if args.half == "both" else (args.half,)
    ids = [i for i in ids if half_of(i) in halves]
    if args.pages != "all":
        want = args.pages == "with-comments"
        ids = [i for i in ids if bool(read_gold(gold, i)[1].strip()) == want]
    named = {"all": EXTRACTORS, "every": EVERY_EXTRACTOR}
    extractors = list(named.get(args.extractor, (args.extractor,)))
    if HTML_INPUT not in extractors:
        ensure_extracted(args.dragnet, ids, extractors, args.cache, args.workers)
    select = args.select.split(",") if args.select else None
    extend = args.extend_select.split(",") if args.extend_select else None

    golds = {}
    for doc_id in ids:
        content, comments = read_gold(gold, doc_id)
        golds[doc_id] = (GoldIndex(content), GoldIndex(comments))

    rng = random.Random(7)
    results: dict[str, dict[str, Tally]] = {}
    missed: list[tuple[str, str, int, str, str]] = []
    for ex in extractors:
        docs = html_documents(args.dragnet, ids) if ex == HTML_INPUT else None
        if docs is not None:
            texts = {i: d.text for i, d in docs.items()}  # type: ignore[attr-defined]
        else:
            texts = {i: (args.cache / ex / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
        texts = {i: t for i, t in texts.items() if t.strip()}
        labels = {i: label_lines(t, *golds[i], strict=args.strict_labels) for i, t in texts.items()}
        if args.thread_parts:
            thread_parts(ex, texts, labels, halves)
        diags = lint_texts(texts, select, docs, extend)
        do_fix = args.fix and docs is None
        fixed = fix_run(texts, selection_args(select, extend)) if do_fix else {}
        tallies = results[ex] = {h: Tally() for h in halves}
        flagged_article: list[tuple[str, int, str, str]] = []
        for doc_id, text in texts.items():
            t = tallies[half_of(doc_id)]
            t.docs += 1
            lab = labels[doc_id]
            covered: set[int] = set()
            by_junk_rule: set[int] = set()
            per_rule: dict[str, set[int]] = defaultdict(set)
            for code, first, last in diags[doc_id]:
                span = range(first, min(last, len(lab) - 1) + 1)
                covered.update(span)
                if code[:1] in JUNK_FAMILIES:
                    by_junk_rule.update(span)
                per_rule[code].update(span)
            lines = text.split("\n")
            for i, label in enumerate(lab):
                if label is None:
                    continue
                t.lines[label] += 1
                if i in covered:
                    t.flagged[label] += 1
                    t.junk_rules[label] += i in by_junk_rule
                    if label == "article":
                        codes = ",".join(sorted(c for c, s in per_rule.items() if i in s))
                        part = short_part(lines[i], golds[doc_id][0])
                        flagged_article.append((doc_id, i + 1, codes + " part" * part, lines[i][:120]))
                elif label in ("comments", "boilerplate"):
                    missed.append((ex, doc_id, i + 1, label, lines[i][:120]))
            for code, span in per_rule.items():
                for i in span:
                    if lab[i] is not None:
                        t.rule[(code, lab[i])] += 1
            if do_fix:
                t.count_fix(text, fixed[doc_id], lab, covered, per_rule, covered - by_junk_rule)
        report(ex, tallies, do_fix)
        if args.show_flagged_article and flagged_article:
            parts = Counter(half_of(d) for d, _, codes, _ in flagged_article if codes.endswith(" part"))
            print(
                f"\nflagged article lines ({ex}, {len(flagged_article)}; 'part': a line of 1-3 tokens the gold"
                f" holds only inside a longer line, half A {parts['A']}, B {parts['B']}):"
            )
            for doc_id, line, codes, text in flagged_article[: args.show_flagged_article]:
                print(f"  {doc_id}:{line} [{codes}] {text}")
    if args.show_missed and missed:
        print(f"\n{args.show_missed} random unflagged junk lines (half {args.half}, in page order):")
        for ex, doc_id, line, label, text in sorted(rng.sample(missed, min(args.show_missed, len(missed)))):
            print(f"  {ex} {half_of(doc_id)} {doc_id}:{line} [{label}] {text}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    ex: {
                        h: {
                            "lines": dict(t.lines),
                            "flagged": dict(t.flagged),
                            "removed": dict(t.removed),
                            "flagged_removed": dict(t.flagged_removed),
                            "kept": dict(t.kept),
                            "junk_rules": dict(t.junk_rules),
                            "docs": t.docs,
                            "rule": {f"{c}/{lab}": n for (c, lab), n in t.rule.items()},
                        }
                        for h, t in tallies.items()
                    }
                    for ex, tallies in results.items()
                },
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


def report(ex: str, tallies: dict[str, Tally], fix: bool) -> None:
    print(f"\n### {ex}\n")
    head = (
        "| half | pages | article / comments / boilerplate / copy lines | precision | recall boilerplate | recall comments"
        " | article flagged | B/D/G/S rules: precision | B/D/G/S rules: article flagged |"
    )
    if fix:
        head += " fix: junk removed | fix: article removed | fix: flagged junk removed |"
    print(head)
    print("|" + "---|" * head.count(" |"))
    for h, t in tallies.items():
        junk = t.lines["comments"] + t.lines["boilerplate"] + t.lines["copy"]
        fjunk = t.flagged["comments"] + t.flagged["boilerplate"] + t.flagged["copy"]
        jjunk = t.junk_rules["comments"] + t.junk_rules["boilerplate"] + t.junk_rules["copy"]
        row = (
            f"| {h} | {t.docs} | {t.lines['article']} / {t.lines['comments']} / {t.lines['boilerplate']} / {t.lines['copy']} "
            f"| {ratio(fjunk, fjunk + t.flagged['article'])} | {ratio(t.flagged['boilerplate'], t.lines['boilerplate'])} "
            f"| {ratio(t.flagged['comments'], t.lines['comments'])} | {pct(t.flagged['article'], t.lines['article'])} "
            f"| {ratio(jjunk, jjunk + t.junk_rules['article'])} | {pct(t.junk_rules['article'], t.lines['article'])} |"
        )
        if fix:
            rjunk = t.removed["comments"] + t.removed["boilerplate"] + t.removed["copy"]
            frjunk = sum(t.flagged_removed[lab] for lab in ("comments", "boilerplate", "copy"))
            row += f" {pct(rjunk, junk)} | {pct(t.removed['article'], t.lines['article'])} | {pct(frjunk, fjunk)} |"
        print(row)
    codes = sorted({c for t in tallies.values() for (c, _) in t.rule})
    if not codes:
        return
    print(
        f"\nper rule ({ex}; per half: lines flagged, precision, recall boilerplate, recall comments, article flagged;"
        " kind: 'junk' rules report junk lines, 'defect' rules a fault of the text itself, whose"
        " precision here is not theirs: a mojibake or cut-off article line they flag is a find)\n"
    )
    kept = " | {h}: junk kept by the fix" if fix else ""
    print(
        "| code | kind | "
        + " | ".join(
            f"{h}: lines | {h}: precision | {h}: rec. boilerplate | {h}: rec. comments | {h}: article"
            + kept.format(h=h)
            for h in tallies
        )
        + " |"
    )
    print("|---|---|" + ("---|---|---|---|---|" + "---|" * fix) * len(tallies))
    for code in codes:
        cells = []
        for t in tallies.values():
            a, c, b, d = (t.rule[(code, lab)] for lab in LABELS)
            cells.append(
                f"{a + b + c + d} | {ratio(b + c + d, a + b + c + d)} | {ratio(b, t.lines['boilerplate'])} | "
                f"{ratio(c, t.lines['comments'])} | {pct(a, t.lines['article'])}"
                + (f" | {t.kept[code]}" if fix else "")
            )
        kind = "junk" if code[:1] in JUNK_FAMILIES else "defect"
        print(f"| {code} | {kind} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    sys.exit(main())
