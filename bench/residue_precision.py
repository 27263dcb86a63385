"""Which rules make the article lines flagged on Dragnet, and whose fixes remove article lines.

``bench/residue.py`` says how many article lines the default selection flags and how many the
fix removes; issue 16's targets (<= 0.5 % flagged, < 0.5 % removed) are read on those totals.
This script answers the next question, the one a decision per rule needs: *whose* lines they
are. It reuses residue.py's extraction cache, labelling and fix run, lints each text once and
labels it three times (as the gold is read by default, with ``--strict-labels``, and
``contained``: the strict reading where a line of four tokens or more is article only when it
is inside a gold line, a measure of the ``overlap`` labels below, not a better labeller: it
also makes junk of article prose the extractor renders otherwise, mojibake, joined lines), and
prints per extractor and half:

- the B/D/G/S rules' article lines and how many lines over the 0.5 % target they are;
- per rule: the article lines it flags (all, and only it: what leaving the rule out would take
  away), the short ``part`` lines among them (one to three tokens the gold holds only inside a
  longer line), and the article lines the fix removed that the rule's own fix edits touch
  (what the rule's fix costs; a line touched by two rules' edits counts for both);
- per rule, the strict reading's article lines by how the gold makes them article: ``whole``
  (the line is a whole gold line: chrome the gold kept, or the article's own line), ``inside``
  (contained in a longer gold line: a "Related: HEADLINE" link, a reply quoting a sentence) or
  ``overlap`` (four tokens or more, not contained, more than half of them in one gold line: a
  comment's "1. November 12, 2012" under an article dated so, "24 Responses to “TITLE”"),
  and how many of them are ``tied``: their tokens are in the gold comments as much as in the gold
  article (the labeller gives a tie to the article; a comment's stamp that the gold comments
  keep too, a reply quoting the article);
- per rule and reading, the article lines whose very text (the same tokens) the gold labels junk
  where the same rule flags it on another line or page: the gold keeping a heading on one page
  and dropping it on the next, which no rule reading the text can follow;
- per B/D/G/S rule, the B/D/G/S share without it and the junk lines only it flags (the cost);
- what the fix did to article lines: *removed* (a B/D/G/S rule's edit or none touches the line)
  apart from *repaired* (only F or T rules' edits touch it: F005 re-decoding "doesnâ€™t" changes
  the line's tokens, which ``residue.py``'s line matching counts as a removal);
- with ``--lines FILE``, every flagged or removed article line as a tab-separated row
  (extractor, half, page:line, rules, fix edits, default / strict label, basis, removed or
  repaired, text) for reading.

Usage::

    python bench/residue_precision.py ../shared/eval/dragnet --cache bench/out/dragnet [--fix]
        [--extractor all|trafilatura|...] [--half A|B|both] [--select ...] [--extend-select ...]
        [--lines FILE] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import ensure_extracted, tokens  # noqa: E402
from residue import (  # noqa: E402
    EXTRACTORS,
    HALVES,
    JUNK_FAMILIES,
    GoldIndex,
    fix_run,
    half_of,
    label_lines,
    read_gold,
    removed_lines,
    selection_args,
    short_part,
)

#: Issue 16's ceiling on article lines flagged, and on article lines the fix removes.
TARGET = 0.005
#: The readings of the gold: residue.py's default, its ``--strict-labels``, and ``contained``:
#: the strict reading where a line of four tokens or more is article only when it is contained in
#: a gold line, not by sharing more than half of its tokens with one (the ``overlap`` basis).
MODES = ("default", "strict", "contained")


@dataclass
class Lint:
    """One text's findings: per rule the 0-based lines its diagnostics cover and the lines its
    fix edits touch."""

    covers: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    edits: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))


def lint(texts: dict[str, str], select: list[str] | None, extend: list[str] | None) -> dict[str, Lint]:
    """Each text linted in-process with the selection, diagnostics of family N left out."""
    from lintnews.config import Settings
    from lintnews.document import Document
    from lintnews.engine import Linter

    linter = Linter(Settings(select=select, extend_select=extend or []))
    out = {}
    for doc_id, text in texts.items():
        found = Lint()
        lines = text.split("\n")
        for d in linter.lint(Document(f"{doc_id}.txt", text)).diagnostics:
            if d.code.startswith("N"):
                continue
            found.covers[d.code].update(range(d.line - 1, d.end_line))
            for edit in d.fix_edits:
                found.edits[d.code].update(edited_lines(lines, edit))
        out[doc_id] = found
    return out


def edited_lines(lines: list[str], edit: tuple[int, int, int, int, str]) -> Iterator[int]:
    """The 0-based lines a fix edit (1-based ``line, column, end_line, end_column``, end
    exclusive) changes a character of: a removal that starts at the end of the line above (its
    line break) or ends at column 1 of the line below leaves those lines' text alone."""
    line, col, end_line, end_col, _text = edit
    for k in range(line - 1, min(end_line, len(lines))):
        start = col - 1 if k == line - 1 else 0
        end = end_col - 1 if k == end_line - 1 else len(lines[k]) + 1
        if start < min(end, len(lines[k])):
            yield k


@dataclass
class Tally:
    """Counts of one extractor, half and reading of the gold."""

    article: int = 0
    junk_flagged: int = 0  # article lines a B/D/G/S rule flags
    removed: int = 0  # article lines the fix removed (no F/T repair alone)
    repaired: int = 0  # article lines only F/T fixes changed (counted as removed by residue.py)
    flagged: Counter = field(default_factory=Counter)  # code -> article lines
    only: Counter = field(default_factory=Counter)  # code -> article lines no other rule flags
    part: Counter = field(default_factory=Counter)  # code -> 'part' article lines
    fix_removed: Counter = field(default_factory=Counter)  # code -> removed article lines its edits touch
    basis: Counter = field(default_factory=Counter)  # (code, basis) -> flagged article lines
    #: code -> flagged article lines (strict reading) whose tokens the gold comments hold as much
    #: as the gold article (`tied`)
    tied: Counter = field(default_factory=Counter)
    #: code -> article lines no other B/D/G/S rule flags: what leaving the rule out would take
    #: off the B/D/G/S share
    junk_only: Counter = field(default_factory=Counter)
    junk: Counter = field(default_factory=Counter)  # label -> junk lines (boilerplate, comments, copy)
    #: (code, label) -> junk lines no other B/D/G/S rule flags: what leaving the rule out costs
    junk_lost: Counter = field(default_factory=Counter)
    #: (code, the line's tokens) -> [junk, article] lines the rule flags with that text: the gold
    #: labelling one text both ways (a "Related Posts" heading kept on one page, dropped on another)
    texts: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.2f}" if b else "–"


def excess(n: int, total: int) -> int:
    """Lines over the target: how many must go for ``n`` of ``total`` to be <= 0.5 %."""
    return max(0, n - int(TARGET * total))


def basis_of(line: str, content: GoldIndex, whole: frozenset[str]) -> str:
    """How the gold makes an article line article: ``part``, ``whole``, ``inside`` or ``overlap``
    (see the module's docstring)."""
    toks = tokens(line)
    if short_part(line, content):
        return "part"
    if content.score(toks) < 1.0:
        return "overlap"
    return "whole" if " " + " ".join(toks) + " " in whole else "inside"


def tied(line: str, content: GoldIndex, comments: GoldIndex) -> bool:
    """Whether the gold comments hold an article line's tokens as much as the gold article does
    (the labeller gives a tie to the article): a comment's "1. November 12, 2012" under an
    article dated so, when the gold comments keep "November 12, 2012" too, or a reply quoting
    the article."""
    toks = tokens(line)
    c = comments.score(toks, strict=True)
    return c > 0.5 and c >= content.score(toks, strict=True)


def contained(
    text: str, strict: list[str | None], content: GoldIndex, whole: frozenset[str]
) -> list[str | None]:
    """The ``contained`` reading: the strict labels, an article line by overlap only made junk."""
    return [
        "boilerplate" if label == "article" and basis_of(line, content, whole) == "overlap" else label
        for line, label in zip(text.split("\n"), strict)
    ]


def tally_text(
    t: dict[str, Tally],
    text: str,
    labels: dict[str, list[str | None]],
    found: Lint,
    gone: set[int],
    content: GoldIndex,
    comments: GoldIndex,
    whole: frozenset[str],
    rows: list[tuple[object, ...]] | None,
    where: tuple[str, str, str],
) -> None:
    """Add one text's article lines to the tallies of both readings (``t`` by mode)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        codes = sorted(c for c, s in found.covers.items() if i in s)
        fixers = sorted(c for c, s in found.edits.items() if i in s)
        basis = basis_of(line, content, whole) if codes or i in gone else ""
        repair = bool(fixers) and not any(c[:1] in JUNK_FAMILIES for c in fixers)
        junk_codes = [c for c in codes if c[:1] in JUNK_FAMILIES]
        for mode in MODES:
            m = t[mode]
            label = labels[mode][i]
            if label is not None and codes:
                key = " ".join(tokens(line))
                for c in codes:
                    m.texts[(c, key)][label == "article"] += 1
            if label in ("boilerplate", "comments", "copy"):
                m.junk[label] += 1
                if len(junk_codes) == 1:
                    m.junk_lost[(junk_codes[0], label)] += 1
            if label != "article":
                continue
            m.article += 1
            if any(c[:1] in JUNK_FAMILIES for c in codes):
                m.junk_flagged += 1
            m.flagged.update(codes)
            if len(codes) == 1:
                m.only[codes[0]] += 1
            if len(junk_codes) == 1:
                m.junk_only[junk_codes[0]] += 1
            if basis == "part":
                m.part.update(codes)
            if mode == "strict":
                m.basis.update((c, basis) for c in codes)
                if codes and tied(line, content, comments):
                    m.tied.update(codes)
            if i in gone and repair:
                m.repaired += 1
            elif i in gone:
                m.removed += 1
                m.fix_removed.update(fixers or ["(no rule's edit)"])
        is_article = "article" in (labels["default"][i], labels["strict"][i])
        if rows is not None and is_article and (codes or i in gone):
            rows.append(
                (
                    *where[:2],
                    f"{where[2]}:{i + 1}",
                    ",".join(codes) or "-",
                    ",".join(fixers) or "-",
                    labels["default"][i],
                    labels["strict"][i],
                    basis,
                    ("repaired" if repair else "removed") if i in gone else "",
                    line[:160],
                )
            )


def report(ex: str, tallies: dict[tuple[str, str], Tally], fix: bool) -> None:
    """The summary and the per-rule table of one extractor."""
    keys = sorted(tallies, key=lambda k: (k[0], MODES.index(k[1])))
    print(f"\n### {ex}\n")
    print(
        "| half | reading | article lines | B/D/G/S flagged | % | over 0.5 % | fix removed | % | over 0.5 %"
        " | fix repaired (F/T) |"
    )
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for half, mode in keys:
        t = tallies[(half, mode)]
        fixed = (
            f"{t.removed} | {pct(t.removed, t.article)} | {excess(t.removed, t.article)} | {t.repaired}"
            if fix
            else "– | – | – | –"
        )
        print(
            f"| {half} | {mode} | {t.article} | {t.junk_flagged} | {pct(t.junk_flagged, t.article)} |"
            f" {excess(t.junk_flagged, t.article)} | {fixed} |"
        )
    codes = sorted({c for t in tallies.values() for c in (*t.flagged, *t.fix_removed)})
    print(
        "\nper rule: article lines flagged / only this rule / 'part' / removed by its fix edits (default"
        " reading; strict reading), the strict reading's flagged article lines by basis"
        " (whole / inside / overlap), and those of them whose tokens the gold comments hold as much"
        " as the gold article (`tied`)\n"
    )
    halves = sorted({h for h, _ in keys})
    print(
        "| code | "
        + " | ".join(
            f"{h}: flagged | {h}: only | {h}: part | {h}: fix removed | {h}: strict basis | {h}: tied"
            for h in halves
        )
        + " |"
    )
    print("|---|" + "--:|--:|--:|--:|--:|--:|" * len(halves))
    for code in codes:
        cells = []
        for h in halves:
            d, s = tallies[(h, "default")], tallies[(h, "strict")]
            for counter in ("flagged", "only", "part", "fix_removed"):
                a, b = getattr(d, counter)[code], getattr(s, counter)[code]
                cells.append(f"{a}; {b}" if a or b else "")
            basis = [s.basis[(code, k)] for k in ("whole", "inside", "overlap")]
            cells.append(" / ".join(map(str, basis)) if any(basis) else "")
            cells.append(str(s.tied[code]) if s.tied[code] else "")
        print(f"| {code} | " + " | ".join(cells) + " |")
    print(
        "\narticle lines whose very text the gold labels junk elsewhere (same rule, both halves),"
        " of the article lines flagged, per reading\n"
    )
    print("| code | " + " | ".join(MODES) + " |")
    print("|---|" + "--:|" * len(MODES))
    for code in codes:
        cells = []
        for mode in MODES:
            merged: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            for (_half, m), t in tallies.items():
                if m == mode:
                    for (c, key), (junk, art) in t.texts.items():
                        if c == code:
                            merged[key][0] += junk
                            merged[key][1] += art
            both = sum(art for junk, art in merged.values() if junk)
            cells.append(f"{both} of {sum(art for _, art in merged.values())}")
        print(f"| {code} | " + " | ".join(cells) + " |")
    print(
        "\nwithout each B/D/G/S rule (its lines no other B/D/G/S rule flags): B/D/G/S article lines"
        " flagged (default; strict) and the junk lines given up, boilerplate / comments / copy (default)\n"
    )
    print("| code | " + " | ".join(f"{h}: article flagged | {h}: junk given up" for h in halves) + " |")
    print("|---|" + "--:|--:|" * len(halves))
    for code in (c for c in codes if c[:1] in JUNK_FAMILIES):
        cells = []
        for h in halves:
            d, s = tallies[(h, "default")], tallies[(h, "strict")]
            cells.append(
                f"{pct(d.junk_flagged - d.junk_only[code], d.article)}; {pct(s.junk_flagged - s.junk_only[code], s.article)}"
            )
            lost = [d.junk_lost[(code, lab)] for lab in ("boilerplate", "comments", "copy")]
            total = [d.junk[lab] for lab in ("boilerplate", "comments", "copy")]
            cells.append(" / ".join(f"{a} of {b}" for a, b in zip(lost, total)))
        print(f"| {code} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dragnet", type=Path, help="the dragnet eval folder (html/, gold/)")
    ap.add_argument("--extractor", default="all", choices=(*EXTRACTORS, "all"))
    ap.add_argument("--cache", type=Path, default=Path(__file__).resolve().parent / "out" / "dragnet")
    ap.add_argument("--select", default=None, help="comma-separated selectors (default: default selection)")
    ap.add_argument("--extend-select", default=None, help="comma-separated selectors added to the selection")
    ap.add_argument("--half", default="both", choices=("A", "B", "both"))
    ap.add_argument("--fix", action="store_true", help="also run --fix --unsafe-fixes --output-dir")
    ap.add_argument(
        "--lines", type=Path, default=None, help="write every flagged or removed article line (TSV)"
    )
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)

    gold = args.dragnet / "gold"
    halves = HALVES if args.half == "both" else (args.half,)
    ids = sorted(
        (p.name[: -len(".html.gz")] for p in (args.dragnet / "html").glob("*.html.gz")),
        key=lambda s: (len(s), s),
    )
    ids = [i for i in ids if half_of(i) in halves]
    extractors = list(EXTRACTORS) if args.extractor == "all" else [args.extractor]
    ensure_extracted(args.dragnet, ids, extractors, args.cache, args.workers)
    select = args.select.split(",") if args.select else None
    extend = args.extend_select.split(",") if args.extend_select else None
    golds = {i: tuple(GoldIndex(g) for g in read_gold(gold, i)) for i in ids}

    rows: list[tuple[object, ...]] | None = [] if args.lines else None
    results: dict[str, dict[str, dict[str, object]]] = {}
    for ex in extractors:
        texts = {i: (args.cache / ex / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
        texts = {i: t for i, t in texts.items() if t.strip()}
        found = lint(texts, select, extend)
        fixed = fix_run(texts, selection_args(select, extend)) if args.fix else texts
        tallies = {(h, m): Tally() for h in halves for m in MODES}
        for doc_id, text in texts.items():
            content, comments = golds[doc_id]
            labels = {m: label_lines(text, content, comments, strict=m != "default") for m in MODES[:2]}
            whole = frozenset(content.joined)
            labels["contained"] = contained(text, labels["strict"], content, whole)
            half = half_of(doc_id)
            gone = set(removed_lines(text, fixed[doc_id]))
            by_mode = {m: tallies[(half, m)] for m in MODES}
            tally_text(
                by_mode, text, labels, found[doc_id], gone, content, comments, whole, rows, (ex, half, doc_id)
            )
        report(ex, tallies, args.fix)
        results[ex] = {
            f"{h}/{m}": {
                k: ({"/".join(x): n for x, n in v.items()} if k in ("basis", "junk_lost", "texts") else v)
                for k, v in vars(t).items()
            }
            for (h, m), t in tallies.items()
        }
    if args.lines and rows is not None:
        head = (
            "extractor",
            "half",
            "where",
            "rules",
            "fix edits",
            "label",
            "strict label",
            "basis",
            "fix",
            "text",
        )
        args.lines.write_text(
            "\n".join("\t".join(str(x) for x in r) for r in [head, *rows]) + "\n", encoding="utf-8"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
