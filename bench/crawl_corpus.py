"""A benchmark corpus shaped like a real news crawl: many scripts, whole pages, heavy syndication.

``bench/speed.py``'s own corpus is reworded variants of trafilatura's English and German output
with few duplicates. A real crawl is different (issue 17): many languages and scripts (Chinese,
Japanese, Cyrillic beside English and German), many whole-page extractions with long navigation
and footers, and most wire stories present in several lightly edited copies. This script builds
such a corpus from the three labelled eval sets (never copied into the repository: their paths
are arguments; every output goes under ``bench/out/``):

1. **Extraction.** Every page of every set given (``<set>/html/*.html.gz``; the eval root, which
   holds the sets, may be given instead) is turned into text twice, as ingestion pipelines do:
   ``trafilatura.extract`` (the article) and ``html2text`` over the whole page (navigation,
   footers, comment sections and all), with `bench/quality.py`'s options; pages that are valid
   UTF-8 are read as UTF-8 whatever they declare (`decode_page`). Texts are cached in
   ``bench/out/extracted-crawl/<set>/<extractor>/``.
2. **Sources.** Each text is classified by script and language: ``en``, ``de``, ``latin`` (other
   Latin-script languages), ``cjk`` (Han, kana, Hangul), ``cyrillic``, ``other`` (Arabic, Hebrew,
   Greek ...). A whole-page text is split into the site's header, the article and the site's
   footer where the trafilatura text can be located in it (the first and last article lines).
3. **Stories.** Each new story draws a script group (``--mix``, the share of documents of each
   group; a group without any source gives its share to the others, reported on stderr), then a
   source of that group, and rewords it (`reword`: words of a paragraph replaced by other words
   of it, in CJK text characters by other characters of it) so that no two stories are the same
   article even when a source is drawn many times. A document is a whole page
   (``--whole-page`` share: the article between the header and footer of a site of the same
   script group) or a bare extraction.
4. **Syndication** (``--syndicated`` share of stories, default 0.7): the story has 2–20
   near-copies (log-uniform), ``--blockbusters`` of the stories 50–300, each edited as wire
   stories are (`edit_copy`: a few lines dropped, an intro or editor's line added, 1–4 % of the
   words changed, figures changed, sometimes a new headline), each on its own site or bare, and
   placed at a random later position within the next ``--spread`` documents.
5. A few of the usual defects are mixed in (a paragraph pasted twice 5 %, a cut-off ending
   3 %, a paragraph with mojibake 1 %), and 2 % of documents are exact copies of an earlier one.

The output is deterministic given the eval sets, ``--seed`` and the options (and the versions of
trafilatura and html2text), and stops at ``--size`` bytes. A summary (documents, bytes and
characters per group, whole pages, stories and copies) goes to stderr and, with ``--stats``, to a
JSON file.

Usage::

    python bench/crawl_corpus.py /path/to/eval --size 15MB --out bench/out/crawl-15mb.jsonl
    python bench/crawl_corpus.py /path/to/eval --size 200MB --out bench/out/crawl-200mb.jsonl
    python bench/crawl_corpus.py /path/to/eval/readability --size 5MB --mix cjk=1 --out bench/out/cjk.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import heapq
import json
import math
import os
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import quality  # noqa: E402  (bench/quality.py: page decoding, extraction and its cache)

EXTRACTORS = ("trafilatura", "html2text")
DECODE_STAMP = "decode utf-8 first v1"
GROUPS = ("en", "de", "latin", "cjk", "cyrillic", "other")
DEFAULT_MIX = "en=0.35,de=0.15,latin=0.20,cjk=0.15,cyrillic=0.08,other=0.07"
TOKEN = re.compile(r"[^\W_]+")
NUMBER = re.compile(r"\d+")
SIZE = re.compile(r"(?i)\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*")


# ------------------------------------------------------------------------------------- classification
def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x3040 <= o <= 0x30FF  # kana
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF  # Han
        or 0xAC00 <= o <= 0xD7AF  # Hangul syllables
        or 0xF900 <= o <= 0xFAFF
    )


def script_group(text: str) -> str:
    """The group of ``text`` by the script of most of its letters (and, in Latin script, its
    language): one of `GROUPS`."""
    counts = {"latin": 0, "cjk": 0, "cyrillic": 0, "other": 0}
    for ch in text[:20_000]:
        if not ch.isalpha():
            continue
        if ch.isascii() or 0xC0 <= ord(ch) <= 0x24F:
            counts["latin"] += 1
        elif _is_cjk(ch):
            counts["cjk"] += 3  # a CJK character is a syllable or a word, not a letter
        elif 0x400 <= ord(ch) <= 0x52F:
            counts["cyrillic"] += 1
        else:
            counts["other"] += 1
    group = max(counts, key=counts.__getitem__)
    if group == "latin":
        from lintnews.language import detect

        lang = detect(text)
        return lang if lang in ("en", "de") else "latin"
    return group


def _tokens(line: str) -> list[str]:
    return TOKEN.findall(unicodedata.normalize("NFKC", line).casefold())


def split_page(page: str, article: str) -> tuple[list[str], list[str], list[str]] | None:
    """(header, article, footer) lines of the whole-page text ``page``, the article being the
    stretch from the line that holds the first line of the trafilatura text ``article`` to the one
    that holds its last; None when either cannot be found (or the header and footer are empty)."""
    lines = page.split("\n")
    paras = [p for p in article.split("\n") if len(_tokens(p)) >= 3]
    if len(paras) < 2:
        return None
    keys = [" ".join(_tokens(line)) for line in lines]

    def find(para: str, start: int, step: int) -> int | None:
        want = " ".join(_tokens(para)[:12])
        rng = range(start, len(lines)) if step > 0 else range(start, -1, -1)
        for i in rng:
            if want and want in keys[i]:
                return i
        return None

    first = find(paras[0], 0, 1)
    last = find(paras[-1], len(lines) - 1, -1)
    if first is None or last is None or last < first:
        return None
    header, body, footer = lines[:first], lines[first : last + 1], lines[last + 1 :]
    if not any(h.strip() for h in header) and not any(f.strip() for f in footer):
        return None
    return header, body, footer


# ------------------------------------------------------------------------------------------- sources
@dataclass
class Source:
    name: str  # set/page
    group: str
    body: list[str]  # article lines
    header: list[str] = field(default_factory=list)  # site chrome before and after (whole pages)
    footer: list[str] = field(default_factory=list)


def page_ids(set_dir: Path) -> list[str]:
    return sorted(p.name[: -len(".html.gz")] for p in (set_dir / "html").glob("*.html.gz"))


def eval_sets(paths: list[Path]) -> list[Path]:
    """The eval sets among ``paths``: each is a set (holding ``html/``) or a folder of sets."""
    found = []
    for path in paths:
        if (path / "html").is_dir():
            found.append(path)
        else:
            found.extend(sorted(p for p in path.iterdir() if (p / "html").is_dir()))
    if not found:
        sys.exit(f"no eval set (a folder holding html/*.html.gz) in {' '.join(map(str, paths))}")
    return found


def check_extractors() -> None:
    """Stop before extracting anything when trafilatura cannot run (an extraction that fails is
    cached as an empty text by `quality.ensure_extracted`)."""
    import trafilatura

    page = (
        "<html><body><article><p>" + "A sentence of an article body. " * 20 + "</p></article></body></html>"
    )
    try:
        trafilatura.extract(page)
    except Exception as exc:  # noqa: BLE001
        sys.exit(f"trafilatura cannot extract ({exc}); install the bench extra: pip install -e '.[bench]'")


def decode_page(data: bytes) -> str:
    """Page bytes to text: UTF-8 when they are valid UTF-8, else `quality.decode_html` (the
    declared charset, else UTF-8 with replacement). Some pages of the eval sets were saved as
    UTF-8 but still declare their original charset (readability's ``qq`` declares gb2312):
    read with the declaration they would be mojibake, which a crawl that decoded them
    correctly does not have."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return quality.decode_html(data)


def _extract_job(job: tuple[str, str, str]) -> None:
    extractor, src, dst = job
    with gzip.open(src, "rb") as fh:
        page = decode_page(fh.read())
    try:
        text = quality.extract(extractor, page)
    except Exception as exc:  # noqa: BLE001 (one broken page must not stop the run)
        print(f"warning: {extractor} failed on {src}: {exc}", file=sys.stderr)
        text = ""
    tmp = Path(f"{dst}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, dst)


def ensure_extracted(set_dir: Path, ids: list[str], cache: Path, workers: int) -> None:
    """Extract the pages of ``ids`` not in the cache yet (a cache made with other options or
    library versions is emptied first)."""
    jobs = []
    for ex in EXTRACTORS:
        folder = cache / ex
        folder.mkdir(parents=True, exist_ok=True)
        stamp_file, stamp = folder / "STAMP", quality.cache_stamp(ex).replace("decode v1", DECODE_STAMP)
        if stamp_file.exists() and stamp_file.read_text(encoding="utf-8") != stamp:
            for old in folder.glob("*.txt"):
                old.unlink()
        stamp_file.write_text(stamp, encoding="utf-8")
        jobs += [
            (ex, str(set_dir / "html" / f"{i}.html.gz"), str(folder / f"{i}.txt"))
            for i in ids
            if not (folder / f"{i}.txt").exists()
        ]
    if jobs:
        print(f"{set_dir.name}: extracting {len(jobs)} texts with {workers} processes ...", file=sys.stderr)
        with Pool(workers) as pool:
            for _ in pool.imap_unordered(_extract_job, jobs, chunksize=4):
                pass


def load_sources(
    sets: list[Path], cache: Path, workers: int
) -> tuple[dict[str, list[Source]], dict[str, list[Source]]]:
    """Per group, the article sources (trafilatura texts, and html2text texts whose article could
    not be located) and the site sources (whole pages split into header, article and footer)."""
    articles: dict[str, list[Source]] = {g: [] for g in GROUPS}
    sites: dict[str, list[Source]] = {g: [] for g in GROUPS}
    for set_dir in sets:
        ids = page_ids(set_dir)
        set_cache = cache / set_dir.name
        ensure_extracted(set_dir, ids, set_cache, workers)
        for doc_id in ids:
            texts = {ex: quality.read_text(set_cache, ex, doc_id).strip("\n") for ex in EXTRACTORS}
            article, page = texts["trafilatura"], texts["html2text"]
            name = f"{set_dir.name}/{doc_id}"
            group = script_group(article if len(article) > 200 else page)
            if len(article.split()) >= 60 or (group == "cjk" and len(article) >= 300):
                articles[group].append(Source(name, group, article.split("\n")))
            if page.strip():
                parts = split_page(page, article) if article else None
                if parts:
                    sites[group].append(Source(name, group, parts[1], parts[0], parts[2]))
                elif len(page) >= 300:
                    articles[group].append(Source(name + "#page", group, page.split("\n")))
    return articles, sites


# -------------------------------------------------------------------------------------------- edits
def _cjk_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(map(_is_cjk, letters)) / len(letters) if letters else 0.0


def reword(paragraph: str, rng: random.Random, share: float = 1 / 6) -> str:
    """The paragraph with up to ``share`` of its words replaced by other words of it: the same
    length, shape and script, but another text at the level of word 5-grams. Only words inside
    a sentence are replaced (never the first or last, or one after a full stop), and no
    capitalised word; in CJK text (no spaces between words) characters are replaced instead."""
    if _cjk_share(paragraph) > 0.3:
        chars = list(paragraph)
        at = [i for i, ch in enumerate(chars) if _is_cjk(ch)]
        if len(at) < 4:
            return paragraph
        pool = [chars[i] for i in at]
        for i in rng.sample(at, max(1, int(len(at) * share))):
            chars[i] = rng.choice(pool)
        return "".join(chars)
    words = paragraph.split(" ")
    inner = [
        j
        for j in range(1, len(words) - 1)
        if words[j].isalpha()
        and not any(c.isupper() for c in words[j])
        and not words[j - 1].endswith((".", "!", "?", ":", "。"))
    ]
    if len(words) < 6 or len(inner) < 2:
        return paragraph
    choices = [words[j] for j in inner]
    for j in rng.sample(inner, min(len(inner), int(len(words) * share))):
        words[j] = rng.choice(choices)
    return " ".join(words)


def change_figures(line: str, rng: random.Random) -> str:
    """Each number of the line changed with probability 0.4 (same number of digits)."""

    def new(m: re.Match[str]) -> str:
        if rng.random() >= 0.4:
            return m.group(0)
        digits = m.group(0)
        first = str(rng.randrange(1, 10)) if len(digits) > 1 else str(rng.randrange(10))
        return first + "".join(str(rng.randrange(10)) for _ in digits[1:])

    return NUMBER.sub(new, line)


#: Lines an agency copy gains, per group (an intro or editor's line, a dateline credit).
ADDED = {
    "en": [
        "This story has been updated with additional reporting.",
        "(Reporting by staff; editing by the desk)",
        "Our regional desk contributed to this report.",
    ],
    "de": ["Mit Material der Nachrichtenagenturen.", "Dieser Artikel wurde aktualisiert.", "(dpa/red)"],
    "latin": ["Com informações das agências.", "Con información de agencias.", "(Avec AFP)"],
    "cjk": ["（记者 王明 报道）", "本記事は共同通信の配信です。", "연합뉴스 제공"],
    "cyrillic": ["По материалам информационных агентств.", "(ТАСС)", "Новость дополняется."],
    "other": ["(وكالات)", "Με πληροφορίες από πρακτορεία.", "(סוכנויות)"],
}


def edit_copy(body: list[str], group: str, donors: list[Source], rng: random.Random) -> list[str]:
    """A lightly edited copy of a story, as another outlet runs a wire story: 0–3 lines dropped
    (never the first), 0–2 lines added (an agency line, or a paragraph of another article of the
    group as a local intro), 1–4 % of the words changed, numbers changed in a third of the lines,
    a new headline one time in four."""
    out = list(body)
    content = [i for i in range(1, len(out)) if out[i].strip()]
    for i in sorted(rng.sample(content, min(len(content) // 4, rng.randrange(4))), reverse=True):
        del out[i]
    for _ in range(rng.randrange(3)):
        if donors and rng.random() < 0.5:
            donor = rng.choice(donors).body
            line = rng.choice(donor) if donor else ""
        else:
            line = rng.choice(ADDED[group])
        out.insert(rng.randrange(1, len(out) + 1), line)
    share = rng.uniform(0.01, 0.04)
    out = [reword(line, rng, share) if rng.random() < 0.7 else line for line in out]
    out = [change_figures(line, rng) if rng.random() < 0.33 else line for line in out]
    if out and rng.random() < 0.25:
        out[0] = reword(out[0], rng, 0.4)
    return out


def mojibake(line: str, group: str, rng: random.Random) -> str:
    """``line``'s UTF-8 bytes read as Windows-1252 (as Windows-1251 half the time in Cyrillic
    text): the commonest mojibake, which F005 should find."""
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-125x codecs)

    codec = "sloppy-windows-1251" if group == "cyrillic" and rng.random() < 0.5 else "sloppy-windows-1252"
    return line.encode("utf-8").decode(codec)


# ------------------------------------------------------------------------------------------- corpus
def parse_size(text: str) -> int:
    m = SIZE.fullmatch(text)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 15MB, 200MB, 1.5GB)")
    return int(float(m.group(1)) * {"": 1, "k": 1e3, "m": 1e6, "g": 1e9}[m.group(2).lower()])


def parse_mix(text: str) -> dict[str, float]:
    mix = dict.fromkeys(GROUPS, 0.0)
    for part in text.split(","):
        name, _, share = part.partition("=")
        if name.strip() not in mix:
            raise argparse.ArgumentTypeError(f"unknown group {name!r} (groups: {', '.join(GROUPS)})")
        mix[name.strip()] = float(share)
    if sum(mix.values()) <= 0:
        raise argparse.ArgumentTypeError("the mix gives every group a share of 0")
    return mix


@dataclass
class Options:
    size: int
    seed: int = 7
    mix: dict[str, float] = field(default_factory=lambda: parse_mix(DEFAULT_MIX))
    whole_page: float = 0.4
    syndicated: float = 0.7
    blockbusters: float = 0.003
    spread: int = 3000


def build(articles: dict[str, list[Source]], sites: dict[str, list[Source]], out: Path, opt: Options) -> dict:
    """Write the corpus to ``out`` (JSONL: ``id``, ``text``); return its summary."""
    rng = random.Random(opt.seed)
    # a story's text: an article, or the article part of a whole page
    bodies = {g: articles[g] + sites[g] for g in GROUPS}
    usable = {g: s for g, s in opt.mix.items() if s > 0 and bodies[g]}
    missing = sorted(g for g, s in opt.mix.items() if s > 0 and g not in usable)
    if not usable:
        sys.exit("no source text in any group of the mix")
    groups, weights = list(usable), [usable[g] for g in usable]
    every_site = [s for g in GROUPS for s in sites[g]]
    stats: dict = {
        "documents": 0,
        "bytes": 0,
        "stories": 0,
        "syndicated_stories": 0,
        "copies": 0,
        "exact_copies": 0,
        "whole_pages": 0,
        "largest_story": 0,
        "groups_without_sources": missing,
        "per_group": {g: {"documents": 0, "bytes": 0, "chars": 0} for g in GROUPS},
    }
    pending: list[tuple[int, int, str, list[str]]] = []  # (position, tie, group, article lines)
    recent: list[tuple[str, str]] = []  # (group, text) of recent documents, for exact copies
    tie = 0

    def dress(body: list[str], group: str) -> list[str]:
        """The article alone, or (``--whole-page`` of the time) between the header and footer of a
        site of its group (of any group when its own has none)."""
        pool = sites[group] or every_site
        if not pool or rng.random() >= opt.whole_page:
            return body
        site = rng.choice(pool)
        stats["whole_pages"] += 1
        return site.header + body + site.footer

    with out.open("w", encoding="utf-8") as fh:
        i = 0
        while stats["bytes"] < opt.size:
            if pending and pending[0][0] <= i:
                _, _, group, body = heapq.heappop(pending)
                lines = dress(body, group)
                stats["copies"] += 1
            elif recent and rng.random() < 0.02:
                group, text = rng.choice(recent)
                lines = text.split("\n")
                stats["exact_copies"] += 1
            else:
                group = rng.choices(groups, weights)[0]
                stats["stories"] += 1
                body = [reword(p, rng) for p in rng.choice(bodies[group]).body]
                roll = rng.random()
                if roll < 0.05:
                    body = body + [body[0]]  # a paragraph pasted twice
                elif roll < 0.08 and body and body[-1]:
                    body[-1] = body[-1][: len(body[-1]) // 2]  # cut off
                elif roll < 0.09:
                    k = rng.randrange(len(body))  # a paragraph with mojibake
                    body[k] = mojibake(body[k], group, rng)
                lines = dress(body, group)
                if rng.random() < opt.syndicated:
                    stats["syndicated_stories"] += 1
                    if rng.random() < opt.blockbusters:
                        n = rng.randint(50, 300)
                    else:
                        n = int(math.exp(rng.uniform(math.log(2), math.log(21))))
                    stats["largest_story"] = max(stats["largest_story"], n + 1)
                    for _ in range(n):
                        tie += 1
                        copy = edit_copy(body, group, bodies[group], rng)
                        heapq.heappush(pending, (i + rng.randint(1, opt.spread), tie, group, copy))
            text = "\n".join(lines).strip("\n")
            if not text.strip():
                continue
            record = json.dumps({"id": f"c{i}", "text": text}, ensure_ascii=False) + "\n"
            fh.write(record)
            size = len(record.encode("utf-8"))
            stats["documents"] += 1
            stats["bytes"] += size
            per = stats["per_group"][group]
            per["documents"] += 1
            per["bytes"] += size
            per["chars"] += len(text)
            if len(recent) < 500:
                recent.append((group, text))
            else:
                recent[rng.randrange(500)] = (group, text)
            i += 1
    return stats


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("eval", type=Path, nargs="+", help="eval sets (folders holding html/), or their parent")
    ap.add_argument("--out", type=Path, required=True, help="JSONL file to write")
    ap.add_argument(
        "--size", type=parse_size, default=parse_size("15MB"), help="stop at this size (15MB, 200MB ...)"
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--mix",
        type=parse_mix,
        default=parse_mix(DEFAULT_MIX),
        help=f"share of documents per group, default {DEFAULT_MIX}",
    )
    ap.add_argument("--whole-page", type=float, default=0.4, help="share of documents that are whole pages")
    ap.add_argument("--syndicated", type=float, default=0.7, help="share of stories with 2-20 near-copies")
    ap.add_argument("--blockbusters", type=float, default=0.003, help="share of stories with 50-300 copies")
    ap.add_argument("--spread", type=int, default=3000, help="copies appear within this many documents")
    ap.add_argument("--cache", type=Path, default=HERE / "out" / "extracted-crawl", help="extracted texts")
    ap.add_argument("--workers", type=int, default=2, help="extraction processes")
    ap.add_argument("--stats", type=Path, help="write the summary as JSON here too")
    args = ap.parse_args(argv)
    check_extractors()
    articles, sites = load_sources(eval_sets(args.eval), args.cache, args.workers)
    print(
        "sources (articles / whole pages): "
        + ", ".join(f"{g} {len(articles[g])}/{len(sites[g])}" for g in GROUPS),
        file=sys.stderr,
    )
    opt = Options(
        args.size, args.seed, args.mix, args.whole_page, args.syndicated, args.blockbusters, args.spread
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    stats = build(articles, sites, args.out, opt)
    if stats["groups_without_sources"]:
        print(
            f"warning: no sources for {', '.join(stats['groups_without_sources'])}: their share went to the others",
            file=sys.stderr,
        )
    print(json.dumps(stats, indent=1), file=sys.stderr)
    if args.stats:
        args.stats.write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
