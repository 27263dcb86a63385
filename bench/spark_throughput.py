"""Local-mode Spark throughput against the local engine on the same generated corpus.

    python bench/spark_throughput.py --articles 10000 --master 'local[2]'

Writes the corpus of `tests/spark_corpus.py` (``--articles`` stories plus its planted copies and
templates) as JSONL files under bench/out/spark/, then runs the installed ``lintnews check``
twice over them, ``--output-format json``: the local engine (``--no-cache``, its worker pool)
and ``--engine spark --spark-master MASTER``. Prints each one's wall time, documents per second
and the ratio, and checks that the two reports hold the same diagnostics (as sets). The Spark
time includes starting the JVM, as a user's run does.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import spark_corpus  # noqa: E402


def timed(args: list[str]) -> tuple[float, list[dict[str, object]]]:
    start = time.perf_counter()
    out = subprocess.run(
        ["lintnews", "check", "--isolated", "--output-format", "json", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    took = time.perf_counter() - start
    if out.returncode not in (0, 1):
        sys.exit(f"lintnews check {' '.join(args[:3])}... failed ({out.returncode}): {out.stderr[-2000:]}")
    return took, json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=8, help="JSONL files (Spark reads one per task)")
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    recs = spark_corpus.records(articles=args.articles, big=70)
    paths = [str(p) for p in spark_corpus.write_jsonl(HERE / "out" / "spark", recs, files=args.files)]
    local_s, local = timed(["--no-cache", *paths])
    spark_s, spark = timed(["--engine", "spark", "--spark-master", args.master, *paths])
    same = sorted(json.dumps(d, sort_keys=True) for d in local) == sorted(
        json.dumps(d, sort_keys=True) for d in spark
    )
    n = len(recs)
    print(f"{n} documents, {len(local)} diagnostics; same diagnostics: {same}")
    print(f"local engine : {local_s:7.1f} s  {n / local_s:8.1f} docs/s")
    print(f"spark {args.master:8}: {spark_s:7.1f} s  {n / spark_s:8.1f} docs/s")
    print(f"spark / local time: {spark_s / local_s:.2f}x")


if __name__ == "__main__":
    main()
