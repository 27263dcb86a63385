"""html2text's whole-page output with its links kept, read as plain text and as Markdown (Dragnet).

``bench/residue.py`` runs html2text with ``ignore_links`` and ``ignore_images``; html2text's
default keeps them (``[Twitter](https://twitter.com/intent/tweet?url=…)``, ``![alt](src)``,
``<http://…>``), and so do pipelines that store its output. This extracts each Dragnet page with
links and images kept (``body_width=0``, ``unicode_snob``; cached in
``<cache>/html2text-links/<id>.txt``), labels every line as residue.py does, on the words a
reader sees (the line with its link syntax reduced to the link's text:
`lintnews.sources.blank_markdown_links`), and lints each text twice with the default selection
(or ``--select``), read from its ``.txt`` file as ``lintnews check`` reads it: as text (the text
as written), and as Markdown with ``formats = { txt = "md" }`` (links read as their words, as
in a ``.md`` file or a JSONL corpus with ``text-format = "markdown"``). Per reading and half:
precision of flagged lines, recall on boilerplate and comment lines, article lines flagged (all
rules; the short ones the gold holds only inside a longer line, residue.py's ``part``; the
B/D/G/S rules only), then per rule the article and junk lines each reading flags.

Usage::

    python bench/markdown_links.py ../shared/eval/dragnet [--half A|B|both] [--select CODES]
        [--cache DIR] [--show-flagged-article N]
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import decode_html  # noqa: E402
from residue import GoldIndex, half_of, label_lines, read_gold, short_part  # noqa: E402

READINGS = ("txt", "md")
STAMP = "body_width=0 unicode_snob, links and images kept; html2text {version}\n"


def _extract(job: tuple[Path, Path]) -> None:
    import html2text

    src, dst = job
    h = html2text.HTML2Text()
    h.body_width = 0
    h.unicode_snob = True
    try:
        text = h.handle(decode_html(gzip.decompress(src.read_bytes())))
    except Exception as exc:  # noqa: BLE001 (one broken page must not stop the run)
        print(f"warning: html2text failed on {src}: {exc}", file=sys.stderr)
        text = ""
    dst.write_text(text.replace("\r\n", "\n").replace("\r", "\n"), encoding="utf-8")


def ensure_extracted(dragnet: Path, ids: list[str], cache: Path) -> None:
    import importlib.metadata

    cache.mkdir(parents=True, exist_ok=True)
    stamp = STAMP.format(version=importlib.metadata.version("html2text"))
    stamp_file = cache / "STAMP"
    fresh = stamp_file.exists() and stamp_file.read_text(encoding="utf-8") == stamp
    jobs = [
        (dragnet / "html" / f"{i}.html.gz", cache / f"{i}.txt")
        for i in ids
        if not (fresh and (cache / f"{i}.txt").exists())
    ]
    if jobs:
        with Pool(2) as pool:
            pool.map(_extract, jobs, chunksize=20)
    stamp_file.write_text(stamp, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dragnet", type=Path, help="the dragnet eval folder (html/, gold/)")
    ap.add_argument("--cache", type=Path, default=Path(__file__).parent / "out" / "dragnet-links")
    ap.add_argument("--half", choices=("A", "B", "both"), default="both")
    ap.add_argument("--select", help="comma-separated selectors (default: default selection)")
    ap.add_argument("--show-flagged-article", type=int, default=0, metavar="N")
    args = ap.parse_args(argv)

    from lintnews.config import Settings
    from lintnews.document import Document
    from lintnews.engine import Linter
    from lintnews.sources import blank_markdown_links, read_path

    #: How each reading reads a .txt file: as it is, and with the formats option.
    read_as = {"txt": Settings(), "md": Settings(formats={"txt": "markdown"})}

    ids = sorted(p.name[: -len(".html.gz")] for p in (args.dragnet / "html").glob("*.html.gz"))
    cache = args.cache / "html2text-links"
    ensure_extracted(args.dragnet, ids, cache)
    linter = Linter(Settings(select=args.select.split(",") if args.select else None))
    halves = ("A", "B") if args.half == "both" else (args.half,)
    print(
        "| half | reading | precision | recall boilerplate | recall comments | article flagged | "
        "of them 'part' | B/D/G/S: article flagged |"
    )
    print("|---|---|---|---|---|---|---|---|")
    per_rule: dict[tuple[str, str], Counter[tuple[str, bool]]] = {}
    shown: list[str] = []
    for half in halves:
        lines_of: Counter[str] = Counter()
        flagged: dict[str, Counter[str]] = {r: Counter() for r in READINGS}
        for doc_id in (i for i in ids if half_of(i) == half):
            text = (cache / f"{doc_id}.txt").read_text(encoding="utf-8")
            seen = blank_markdown_links(text)
            content, comments = read_gold(args.dragnet / "gold", doc_id)
            gold = GoldIndex(content)
            labels = label_lines(seen, gold, GoldIndex(comments))
            lines_of.update(label for label in labels if label)
            seen_lines, written = seen.split("\n"), text.split("\n")
            for reading in READINGS:
                doc = next(read_path(str(cache / f"{doc_id}.txt"), read_as[reading]))
                if not isinstance(doc, Document):
                    continue  # an empty extraction: no line to label
                assert doc.kind == ("markdown" if reading == "md" else "text")
                covered: dict[int, set[str]] = {}
                for d in linter.lint(doc).diagnostics:
                    if not d.code.startswith("N"):
                        for k in range(d.line - 1, d.end_line):
                            covered.setdefault(k, set()).add(d.code)
                rules = per_rule.setdefault((half, reading), Counter())
                for k, codes in covered.items():
                    label = labels[k]
                    if label is None:
                        continue
                    flagged[reading][label] += 1
                    for code in codes:
                        rules[(code, label == "article")] += 1
                    if label == "article":
                        part = short_part(seen_lines[k], gold)
                        flagged[reading]["part"] += part
                        flagged[reading]["bdgs"] += any(c[0] in "BDGS" for c in codes)
                        if len(shown) < args.show_flagged_article:
                            tag = ",".join(sorted(codes)) + (" part" if part else "")
                            shown.append(f"  {half} {reading} {doc_id}:{k + 1} [{tag}] {written[k][:140]}")
        article = lines_of["article"]
        for reading in READINGS:
            f = flagged[reading]
            junk = f["boilerplate"] + f["comments"] + f["copy"]
            print(
                f"| {half} | {reading} | {junk / max(1, junk + f['article']):.3f} | "
                f"{f['boilerplate'] / max(1, lines_of['boilerplate']):.3f} | "
                f"{f['comments'] / max(1, lines_of['comments']):.3f} | "
                f"{f['article']} ({100 * f['article'] / max(1, article):.2f} %) | {f['part']} | "
                f"{100 * f['bdgs'] / max(1, article):.2f} % |"
            )
    print("\nper rule: article / junk lines flagged, as .txt → as .md\n")
    print("| half | code | article | junk |")
    print("|---|---|---|---|")
    for half in halves:
        txt, md = per_rule.get((half, "txt"), Counter()), per_rule.get((half, "md"), Counter())
        for code in sorted({c for c, _ in txt} | {c for c, _ in md}):
            a = (txt[(code, True)], md[(code, True)])
            j = (txt[(code, False)], md[(code, False)])
            if a[0] != a[1] or j[0] != j[1]:
                print(f"| {half} | {code} | {a[0]} → {a[1]} | {j[0]} → {j[1]} |")
    if shown:
        print("\nflagged article lines:")
        print("\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
