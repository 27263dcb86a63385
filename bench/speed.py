"""Speed and memory of ``lintnews check`` against the plain datasketch dedup pipeline.

Measures JSONL corpora of one of two kinds, at the requested sizes:

- ``--crawl EVAL``: `bench/crawl_corpus.py`'s corpus shaped like a real crawl (six script
  groups, whole pages beside extracted articles, wire stories in 2-20 edited copies), built
  from the eval sets at ``--mb`` megabytes (default 20 and 200);
- ``--texts DIR``: reworded variants of extracted article texts (one ``.txt`` per article, e.g.
  ``bench/out/extracted/trafilatura`` written by ``bench/quality.py``; see `make_corpus`), with
  site chrome lines, duplicated paragraphs, truncations, exact copies and syndicated near-copies
  mixed in, at ``--sizes`` documents;
- ``--corpus FILE ...``: JSONL files as they are.

For each corpus, one run after the other, it measures:

- lintnews full check (default rules + corpus phase, no cache, default ``--jobs`` = 2 here) vs
  the datasketch baseline (``bench/baseline_datasketch.py``) on the same file, wall time:
  target ratio <= 0.5;
- ``--jobs 2`` vs ``--jobs 1``: target >= 1.7x;
- a re-run with the cache vs the first run with an empty cache: target <= 0.1;
- peak memory (max RSS, ``-j1``) at the smallest vs the largest size: target < 3x for 10x input;
- throughput per core from CPU time (user + system, so other processes on the machine do not
  count): the per-document phase is ``-j1 --no-corpus``, the corpus phase (signatures and the
  comparison at the end) what ``-j1`` costs beyond it.

The load average is printed with each corpus: on a shared machine wall-time ratios move with it.
``--repeat N`` measures the baseline, ``-j1`` and ``-j2`` N times in rounds (baseline, ``-j1``,
``-j2``, then again), takes each ratio within its round and prints the median round's ratio with
the lowest and highest in brackets: one round's ratio is what a noisy minute gave, the spread
says how far to trust it.
Every command runs without ``PYTHONDONTWRITEBYTECODE`` and lintnews first checks one record, so
the timed runs import compiled bytecode, as an installed lintnews does (with the variable set, as
on this project's machines, every process compiled every module again: 0.4 CPU-s a process).

Usage::

    python bench/speed.py --crawl /path/to/eval --mb 20 200 --work bench/out/speed
    python bench/speed.py --texts bench/out/extracted/trafilatura --sizes 10000 100000
    python bench/speed.py --corpus bench/out/crawl-20mb.jsonl --repeat 5
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
CHROME = [
    "Share on Facebook",
    "Tweet",
    "Leave a Comment",
    "0 Comments",
    "Advertisement",
    "You may also like",
    "Read more:",
    "Subscribe to our newsletter",
    "Anzeige",
    "Mehr zum Thema",
    "Kommentare",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
]


def load_texts(folder: Path) -> list[str]:
    texts = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        if len(text.split()) >= 80:
            texts.append(text)
    if not texts:
        sys.exit(f"no article texts of 80+ words in {folder}")
    return texts


def reword(paragraph: str, rng: random.Random) -> str:
    """The paragraph with lower-case words inside its sentences (never the first or last word of
    one) replaced by other such words of the paragraph, as many as a sixth of all its words: the
    same length, shape and language, but a different article at the level of word 5-grams."""
    words = paragraph.split(" ")
    inner = [
        j
        for j in range(1, len(words) - 1)
        if words[j].isalpha() and words[j].islower() and not words[j - 1].endswith((".", "!", "?", ":"))
    ]
    if len(words) < 6 or len(inner) < 2:
        return paragraph
    choices = [words[j] for j in inner]
    for j in rng.sample(inner, min(len(inner), len(words) // 6)):
        words[j] = rng.choice(choices)
    return " ".join(words)


def make_corpus(texts: list[str], n: int, path: Path, seed: int = 7) -> int:
    """``n`` JSONL records. Each original is a reworded variant of a random source text (see
    `reword`), so the corpus is not one set of sources repeated (at 100,000 documents every source
    would otherwise recur ~100 times); 10 % are syndicated copies of an earlier original (new intro,
    trimmed ending) and 3 % exact copies; 10 % have a paragraph pasted twice, 5 % a cut-off last
    paragraph, half a chrome line inserted."""
    rng = random.Random(seed)
    pool: list[list[str]] = []  # originals that later documents may copy
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            roll = rng.random()
            if roll < 0.10 and pool:  # syndicated copy: new intro, trimmed ending
                base = rng.choice(pool)
                paras = ["An update from our regional desk."] + base[: max(3, len(base) - 2)]
            elif roll < 0.13 and pool:  # the same article ingested twice
                paras = list(rng.choice(pool))
            else:
                paras = [reword(p, rng) for p in rng.choice(texts).split("\n")]
                if len(pool) < 5000:
                    pool.append(list(paras))
                else:
                    pool[rng.randrange(len(pool))] = list(paras)
                if roll < 0.23:
                    paras = paras + [paras[0]]  # a paragraph pasted twice
                elif roll < 0.28:
                    paras[-1] = paras[-1][: len(paras[-1]) // 2]  # cut off
            if rng.random() < 0.5:
                paras.insert(rng.randrange(len(paras) + 1), rng.choice(CHROME))
            fh.write(json.dumps({"id": f"d{i}", "text": "\n".join(paras)}, ensure_ascii=False) + "\n")
    return path.stat().st_size


#: The environment of every timed command: bytecode is written and read (see the docstring).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str], cwd: Path, ok: tuple[int, ...] = (0, 1)) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds (user + system) of a command, the children it
    waited for included (the peak is that of the largest process, not a sum). Exit codes other
    than ``ok`` stop the benchmark."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in ok:
        sys.exit(f"command failed ({status}): {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


#: (wall seconds, peak RSS in KiB, CPU seconds) of one command, as `timed` returns them.
Run = tuple[float, int, float]


def spread(values: list[float], digits: int = 2) -> str:
    """The median of ``values``, with the lowest and highest in brackets when there are several."""
    mid = f"{statistics.median(values):.{digits}f}"
    if len(values) < 2:
        return mid
    return f"{mid} ({min(values):.{digits}f}-{max(values):.{digits}f})"


@dataclass
class Row:
    name: str
    docs: int
    size: int
    #: Each round's (baseline, -j1, -j2) runs, measured one after the other.
    rounds: list[tuple[Run, Run, Run]]
    cold: Run
    warm: Run
    no_corpus: Run
    load: str

    def median(self, which: int, field: int) -> float:
        return statistics.median(r[which][field] for r in self.rounds)

    def cells(self) -> list[str]:
        mb = self.size / 1e6
        per_doc = mb / self.no_corpus[2]  # CPU seconds of one process: MB/s per core
        j1_cpu = self.median(1, 2)
        extra = j1_cpu - self.no_corpus[2]  # too small to tell on a tiny corpus
        corpus = f"{mb / extra:.2f}" if extra > 0.05 * j1_cpu else "n/a"
        return [
            self.name,
            f"{self.docs:,}",
            f"{mb:.0f}",
            spread([j2[0] / base[0] for base, _, j2 in self.rounds]),
            spread([j1[0] / j2[0] for _, j1, j2 in self.rounds]),
            f"{self.warm[0] / self.cold[0]:.3f}",
            f"{self.median(1, 1) / 1024:.0f}",
            f"{per_doc:.2f}",
            corpus,
            f"{mb / self.median(0, 2):.2f}",
            spread([j2[2] / base[2] for base, _, j2 in self.rounds]),
            self.load,
        ]


HEADER = [
    "corpus",
    "docs",
    "MB",
    "lintnews -j2 / datasketch, wall (≤ 0.5)",
    "-j1 / -j2 wall (≥ 1.7)",
    "cached re-run / first run (≤ 0.1)",
    "peak MiB (-j1)",
    "per-document phase, MB/s per core",
    "corpus phase, MB/s per core",
    "datasketch, MB/s (one core)",
    "lintnews / datasketch, CPU",
    "load (1, 5, 15 min)",
]


def measure(name: str, corpus: Path, work: Path, repeat: int = 1) -> Row:
    """Every run of one corpus, one after the other (the ratios compare runs of the same minute;
    with ``repeat`` the baseline, -j1 and -j2 runs ``repeat`` rounds, each round's ratios apart)."""
    lint = [sys.executable, "-m", "lintnews", "check", "--isolated", "-q", "--exit-zero"]
    docs = sum(1 for _ in corpus.open("rb"))
    warmup = work / "warmup.jsonl"  # (writes the bytecode the timed runs import)
    with corpus.open("rb") as fh:
        warmup.write_bytes(fh.readline())
    timed([*lint, "--no-cache", str(warmup)], work)
    rounds = []
    for _ in range(repeat):
        base = timed([sys.executable, str(HERE / "baseline_datasketch.py"), str(corpus)], work, ok=(0,))
        j1 = timed([*lint, "--no-cache", "-j", "1", str(corpus)], work)
        j2 = timed([*lint, "--no-cache", "-j", "2", str(corpus)], work)
        rounds.append((base, j1, j2))
        print(
            f"{name}: baseline {base[0]:.2f}s (CPU {base[2]:.2f}s), -j1 {j1[0]:.2f}s (CPU {j1[2]:.2f}s), "
            f"-j2 {j2[0]:.2f}s (CPU {j2[2]:.2f}s): -j2/baseline {j2[0] / base[0]:.2f}, -j1/-j2 "
            f"{j1[0] / j2[0]:.2f}; load {load_average()}",
            file=sys.stderr,
        )
    no_corpus = timed([*lint, "--no-cache", "--no-corpus", "-j", "1", str(corpus)], work)
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    cold = timed([*lint, "--cache-dir", str(cache), str(corpus)], work)
    warm = timed([*lint, "--cache-dir", str(cache), str(corpus)], work)
    shutil.rmtree(cache, ignore_errors=True)
    row = Row(name, docs, corpus.stat().st_size, rounds, cold, warm, no_corpus, load_average())
    print(
        f"{name}: {docs} docs ({row.size / 1e6:.0f} MB): -j1 --no-corpus {no_corpus[0]:.1f}s "
        f"(CPU {no_corpus[2]:.1f}s), cache cold {cold[0]:.1f}s warm {warm[0]:.1f}s, peak "
        f"{row.median(1, 1) / 1024:.0f} MiB (baseline {row.median(0, 1) / 1024:.0f}); load {row.load}",
        file=sys.stderr,
    )
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument(
        "--texts", type=Path, help="folder of extracted article .txt files (reworded-variants corpus)"
    )
    src.add_argument(
        "--crawl",
        type=Path,
        nargs="+",
        metavar="EVAL",
        help="eval sets (or their parent) for bench/crawl_corpus.py's corpus",
    )
    src.add_argument("--corpus", type=Path, nargs="+", help="measure these JSONL files as they are")
    ap.add_argument(
        "--sizes", type=int, nargs="+", default=[10_000, 100_000], help="documents (with --texts)"
    )
    ap.add_argument("--mb", type=float, nargs="+", default=[20, 200], help="megabytes (with --crawl)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="rounds of the baseline, -j1 and -j2 runs per corpus (ratios: median round, lowest-highest)",
    )
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = ap.parse_args()
    work = (args.work or Path(tempfile.mkdtemp(prefix="lintnews-speed-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    corpora: list[tuple[str, Path]] = []
    if args.texts:
        texts = load_texts(args.texts)
        for n in args.sizes:
            corpus = work / f"corpus-{n}.jsonl"
            make_corpus(texts, n, corpus, args.seed)
            corpora.append(("reworded", corpus))
    elif args.crawl:
        import crawl_corpus

        for mb in args.mb:
            corpus = work / f"crawl-{mb:g}mb.jsonl"
            crawl_corpus.main(
                [
                    *map(str, args.crawl),
                    "--size",
                    f"{mb:g}MB",
                    "--seed",
                    str(args.seed),
                    "--out",
                    str(corpus),
                    "--stats",
                    str(corpus.with_suffix(".stats.json")),
                ]
            )
            corpora.append(("crawl", corpus))
    else:
        corpora = [(path.stem, path) for path in args.corpus]
    rows = [measure(name, corpus.resolve(), work, args.repeat) for name, corpus in corpora]
    print("| " + " | ".join(HEADER) + " |")
    print("|---|" + "---:|" * (len(HEADER) - 2) + "---|")
    for row in rows:
        print("| " + " | ".join(row.cells()) + " |")
    by_docs = sorted(rows, key=lambda r: r.docs)
    if len(by_docs) >= 2 and by_docs[0].name == by_docs[-1].name:
        lo, hi = by_docs[0], by_docs[-1]
        print(
            f"\npeak memory (-j1) at {hi.docs:,} vs {lo.docs:,} documents: "
            f"{hi.median(1, 1) / lo.median(1, 1):.2f}x "
            f"for {hi.docs / lo.docs:.1f}x the documents (target < 3x)"
        )
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
