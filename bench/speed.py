"""Speed and memory of ``lintnews check`` against the plain datasketch dedup pipeline.

Builds JSONL corpora of real-shaped articles at the requested sizes from a folder of extracted
article texts (one ``.txt`` per article, e.g. ``bench/out/extracted/trafilatura`` written by
``bench/quality.py``): reworded variants of the sources (distinct articles of the same shape, see
`make_corpus`), with site chrome lines, duplicated paragraphs, truncations, exact copies and
syndicated near-copies mixed in. Then, for each size and in the same run, it measures:

- lintnews full check (default rules + corpus phase, no cache) vs the datasketch baseline
  (``bench/baseline_datasketch.py``) on the same file: target ratio <= 0.5;
- ``--jobs 2`` vs ``--jobs 1``: target >= 1.7x;
- a re-run with the cache vs the first run with an empty cache: target <= 0.1;
- peak memory (max RSS) at the smallest vs the largest size: target < 3x for 10x input.

Usage: ``python bench/speed.py --texts bench/out/extracted/trafilatura --sizes 10000 100000``
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHROME = [
    "Share on Facebook", "Tweet", "Leave a Comment", "0 Comments", "Advertisement", "You may also like",
    "Read more:", "Subscribe to our newsletter", "Anzeige", "Mehr zum Thema", "Kommentare",
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
        j for j in range(1, len(words) - 1)
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


def timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of a command (children it waited for included)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"command failed ({status}): {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts", type=Path, required=True, help="folder of extracted article .txt files")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = ap.parse_args()
    texts = load_texts(args.texts)
    work = args.work or Path(tempfile.mkdtemp(prefix="lintnews-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    lint = [sys.executable, "-m", "lintnews", "check", "--isolated", "-q", "--exit-zero"]
    rows = []
    memory = {}
    for n in args.sizes:
        corpus = work / f"corpus-{n}.jsonl"
        size = make_corpus(texts, n, corpus)
        base_t, base_m = timed([sys.executable, str(HERE / "baseline_datasketch.py"), str(corpus)], work)
        j1_t, j1_m = timed([*lint, "--no-cache", "-j", "1", corpus.name], work)
        j2_t, _ = timed([*lint, "--no-cache", "-j", "2", corpus.name], work)
        cache = work / "cache"
        shutil.rmtree(cache, ignore_errors=True)
        cold_t, _ = timed([*lint, "--cache-dir", str(cache), corpus.name], work)
        warm_t, _ = timed([*lint, "--cache-dir", str(cache), corpus.name], work)
        memory[n] = j1_m
        rows.append((n, size, base_t, j1_t, j2_t, cold_t, warm_t, j1_m))
        print(f"{n} docs ({size / 1e6:.0f} MB): baseline {base_t:.1f}s, -j1 {j1_t:.1f}s, -j2 {j2_t:.1f}s, "
              f"cache cold {cold_t:.1f}s warm {warm_t:.1f}s, peak {j1_m / 1024:.0f} MiB (baseline {base_m / 1024:.0f})",
              file=sys.stderr)
    print("| docs | MB | lintnews -j2 / datasketch dedup (≤ 0.5) | -j1 / -j2 (≥ 1.7) | cached re-run / first run (≤ 0.1) | peak MiB (-j1) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n, size, base_t, j1_t, j2_t, cold_t, warm_t, mem in rows:
        print(f"| {n} | {size / 1e6:.0f} | {j2_t / base_t:.2f} | {j1_t / j2_t:.2f} | {warm_t / cold_t:.3f} | {mem / 1024:.0f} |")
    if len(memory) >= 2:
        lo, hi = min(memory), max(memory)
        print(f"\npeak memory {hi} vs {lo} documents: {memory[hi] / memory[lo]:.2f}x for {hi / lo:.0f}x the input (target < 3x)")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
