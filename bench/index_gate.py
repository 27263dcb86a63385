"""Checking a new batch against a persistent index (`lintnews check --index`) versus checking
the archive and the batch together from scratch (issue 18).

Builds (or takes) an archive JSONL, a batch of new articles with planted syndicated copies of
archived ones (exact copies, and copies with a new intro line and a trimmed ending), indexes
the archive (`lintnews index add`), then times with the installed `lintnews`:

- ``check --index`` of the batch (SQLite, and Redis with ``--redis URL``);
- ``check`` of the batch alone, and of archive + batch from scratch (``--no-cache``);

and prints wall times, the ratio, the peak resident memory of each check, index size per
document, and the recall of the planted copies in each mode.

Usage: ``python bench/index_gate.py WORKDIR [--archive ARCHIVE.jsonl [--fresh NEW.jsonl] |
--generate 50000] [--batch 1000] [--planted 100] [--redis redis://127.0.0.1:6379/0]``
(a real archive: e.g. the first 100,000 documents of `bench/crawl_corpus.py`'s output, and the
documents after them as ``--fresh``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

VOCAB = [f"{a}{b}" for a in ("ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "ve", "zu") for b in range(800)]


def article(rng: random.Random) -> str:
    paras = [
        " ".join(rng.choice(VOCAB) for _ in range(rng.randint(25, 70))).capitalize() + "."
        for _ in range(rng.randint(5, 12))
    ]
    return "\n".join([" ".join(rng.choice(VOCAB) for _ in range(7)).capitalize(), *paras])


def generate(path: Path, n: int, prefix: str, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(
                json.dumps({"id": f"{prefix}-{i}", "date": f"2026-{1 + i % 12:02d}-01", "text": article(rng)})
                + "\n"
            )


def make_batch(
    archive: Path, path: Path, n: int, planted: int, seed: int, fresh: Path | None = None
) -> set[str]:
    """The batch: ``planted`` copies of archived articles, the rest new articles (from
    ``fresh``, a JSONL of real articles not in the archive, else generated)."""
    rng = random.Random(seed)
    texts = [json.loads(line)["text"] for line in archive.open(encoding="utf-8")]
    new_texts = [json.loads(line)["text"] for line in fresh.open(encoding="utf-8")] if fresh else []
    picks = rng.sample(range(len(texts)), planted)
    out, planted_ids = [], set()
    for i in range(n):
        if i < planted:
            text = texts[picks[i]]
            if i % 2:  # syndicated: a local intro, the ending trimmed
                lines = text.split("\n")
                text = "\n".join(
                    ["Local desk: " + article(rng).split("\n")[1], *lines[: max(3, len(lines) - 1)]]
                )
            planted_ids.add(f"new-{i}")
        elif new_texts:
            text = new_texts[(i - planted) % len(new_texts)]
        else:
            text = article(rng)
        out.append({"id": f"new-{i}", "date": "2027-01-01", "text": text})
    rng.shuffle(out)
    path.write_text("".join(json.dumps(r) + "\n" for r in out), encoding="utf-8")
    return planted_ids


#: Runs a command and prints the peak RSS (kB) of its largest process (RUSAGE_CHILDREN of a
#: fresh process: this run's processes only).
_PEAK = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "sys.stderr.write(f'\\nPEAK {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n'); sys.exit(r.returncode)"
)


def run(args: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (kB) of the run's largest process, stdout."""
    exe = os.path.join(os.path.dirname(sys.executable), "lintnews")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _PEAK, exe, *args], cwd=cwd, capture_output=True)
    wall = time.perf_counter() - start
    err = proc.stderr.decode()
    if proc.returncode not in (0, 1):
        sys.exit(f"lintnews {' '.join(args)} failed: {err}")
    rss = int(err.rsplit("PEAK ", 1)[1].split()[0])
    return wall, rss, proc.stdout.decode()


def recall(out: str, planted: set[str]) -> float:
    found = {d["record"] for d in json.loads(out) if d["code"] in ("N001", "N002")}
    return len(found & planted) / len(planted)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("work")
    ap.add_argument("--archive")
    ap.add_argument("--generate", type=int, default=50_000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--planted", type=int, default=100)
    ap.add_argument("--jobs", default="2")
    ap.add_argument("--redis")
    ap.add_argument("--fresh", help="JSONL of real articles not in the archive, for the batch's new ones")
    a = ap.parse_args()
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    archive = Path(a.archive).resolve() if a.archive else work / "archive.jsonl"
    if not a.archive and not archive.exists():
        generate(archive, a.generate, "old", 1)
    planted = make_batch(
        archive, work / "batch.jsonl", a.batch, a.planted, 2, Path(a.fresh) if a.fresh else None
    )
    n_archive = sum(1 for _ in archive.open(encoding="utf-8"))
    common = ["--isolated", "--no-cache", "-j", a.jobs, "--format", "json", "-q", "--exit-zero"]
    for f in ("index.db", "index.db-wal", "index.db-shm"):
        (work / f).unlink(missing_ok=True)
    t_add, rss_add, _ = run(
        ["index", "add", "--isolated", "-j", a.jobs, "--index", "index.db", str(archive)], work
    )
    size = sum((work / f).stat().st_size for f in ("index.db", "index.db-wal") if (work / f).exists())
    rows: list[tuple[str, float, int, float]] = []
    t_alone, rss, out = run(["check", *common, "batch.jsonl"], work)
    rows.append(("check batch alone", t_alone, rss, recall(out, planted)))
    t_idx, rss, out = run(["check", *common, "--index", "index.db", "batch.jsonl"], work)
    rows.append(("check --index (SQLite)", t_idx, rss, recall(out, planted)))
    if a.redis:
        run(["index", "add", "--isolated", "-j", a.jobs, "--index", a.redis, str(archive)], work)
        t, rss, out = run(["check", *common, "--index", a.redis, "batch.jsonl"], work)
        rows.append(("check --index (Redis)", t, rss, recall(out, planted)))
    t_all, rss, out = run(["check", *common, str(archive), "batch.jsonl"], work)
    rows.append(
        (f"check archive + batch from scratch ({n_archive + a.batch} docs)", t_all, rss, recall(out, planted))
    )
    print(f"archive {n_archive} documents; batch {a.batch} with {len(planted)} planted copies")
    print(
        f"index add: {t_add:.1f} s; SQLite index {size / n_archive:.0f} bytes/document ({size / 1e6:.1f} MB)"
    )
    print("| run | wall s | × from scratch | peak RSS MB | recall of planted copies |")
    print("|---|---|---|---|---|")
    for name, t, rss_kb, r in rows:
        print(f"| {name} | {t:.1f} | {t / t_all:.3f} | {rss_kb / 1024:.0f} | {r:.3f} |")


if __name__ == "__main__":
    main()
