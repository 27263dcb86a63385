"""The serial parts of a parallel ``lintnews check``, with timestamps.

Runs ``lintnews check -jN --no-cache -q --isolated CORPUS`` in a fresh interpreter with marks
around what the main process does alone (start-up and imports, the warm-up before it forks its
workers, starting the pool, waiting for the first chunk's results, the tail after the input's last
chunk was handed out, the pool's shutdown, the corpus phase's end, the exit) and around every
chunk a worker analyses. Prints, for each phase, its wall time and the main process's CPU time
in it (median of ``--runs``), and the workers' tail: how long after the first worker finished
its last chunk the last one did.

    python bench/serial_timeline.py bench/out/crawl-20mb.jsonl --runs 3
    python bench/serial_timeline.py bench/out/crawl-20mb.jsonl --python /path/to/other/venv/bin/python

``--python`` runs another installation's lintnews (e.g. a baseline tree in its own venv) with the
same marks. The marks wrap module functions (`lintnews.workers.warm` and ``work``,
`lintnews.pool.start_pool`, `lintnews.parallel._tapered` and ``_merge``,
`lintnews.run.check_run.report_corpus`): a tree without one of them is reported without that
mark. Timings on a shared machine move with its load: compare trees in interleaved runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: What the child interpreter runs: the marks, then lintnews's program (`lintnews.cli.app.run`).
BOOT = r"""
import contextlib, os, sys, time
T0, OUT = float(sys.argv[1]), sys.argv[2]
fd = os.open(OUT, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
def mark(what):
    os.write(fd, f"{time.time() - T0:.6f} {os.getpid()} {time.process_time():.6f} {what}\n".encode())
mark("python")
from lintnews.cli import app
from lintnews import parallel, pool as pool_mod, workers
from lintnews.run import check_run
mark("imports")
def wrap(mod, name, label):
    f = getattr(mod, name, None)
    if f is None:
        return
    def g(*a, **k):
        mark(label + "-begin")
        try:
            return f(*a, **k)
        finally:
            mark(label + "-end")
    g.__name__, g.__qualname__, g.__module__ = f.__name__, f.__qualname__, f.__module__
    setattr(mod, name, g)
wrap(workers, "warm", "warm")
wrap(workers, "work", "chunk")
wrap(check_run, "report_corpus", "corpus")
start_pool = pool_mod.start_pool
@contextlib.contextmanager
def started(*a, **k):
    with start_pool(*a, **k) as p:
        mark("pool-started")
        try:
            yield p
        finally:
            mark("pool-exit-begin")
    mark("pool-exit-end")
pool_mod.start_pool = started
tapered = parallel._tapered
def fed(chunks):
    yield from tapered(chunks)
    mark("input-fed")
parallel._tapered = fed
merge = parallel._merge
first = []
def merged(*a):
    if not first:
        first.append(mark("first-results"))
    return merge(*a)
parallel._merge = merged
real_exit = os._exit
def leave(code):  # (the program ends with os._exit once its report is flushed)
    mark("exit")
    real_exit(code)
os._exit = leave
sys.argv = ["lintnews", *sys.argv[3:]]
try:
    app.run()
finally:
    mark("exit")
"""

#: The phases: (name, the mark it starts at, the mark it ends at, whether the main process runs
#: alone in it). The input is all queued ("input-fed") well before the workers finish: the pool's
#: pipes hold about a megabyte of chunks; the serial tail is the workers' (see `one_run`).
PHASES = [
    ("start-up (interpreter, lintnews's imports)", "launch", "imports", True),
    ("until the warm-up (options, input's first units)", "imports", "warm-begin", True),
    ("warm-up (before the fork)", "warm-begin", "warm-end", True),
    ("pool start (forks)", "warm-end", "pool-started", True),
    ("until the first results (parallel)", "pool-started", "first-results", False),
    ("until the input is all queued (parallel)", "first-results", "input-fed", False),
    ("until the last results (parallel, then the tail)", "input-fed", "pool-exit-begin", False),
    ("pool shutdown", "pool-exit-begin", "pool-exit-end", True),
    ("corpus phase's end", "corpus-begin", "corpus-end", True),
    ("report and exit", "corpus-end", "exit", True),
]


def one_run(python: str, corpus: str, jobs: int) -> dict[str, object]:
    """One timed run: the main process's marks ({name: (wall, cpu)}) and the workers' tail."""
    with tempfile.NamedTemporaryFile(prefix="lintnews-timeline-", suffix=".log", delete=False) as fh:
        log = fh.name
    try:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        args = ["check", f"-j{jobs}", "--no-cache", "-q", "--isolated", "--exit-zero", corpus]
        t0 = time.time()
        subprocess.run(
            [python, "-c", BOOT, repr(t0), log, *args], env=env, stdout=subprocess.DEVNULL, check=True
        )
        end = time.time() - t0
        rows = [line.split(" ", 3) for line in Path(log).read_text().splitlines()]
    finally:
        os.unlink(log)
    main = rows[0][1]
    marks: dict[str, tuple[float, float]] = {"launch": (0.0, 0.0)}
    last_chunk: dict[str, float] = {}
    for wall, pid, cpu, what in rows:
        if pid == main:
            marks.setdefault(what, (float(wall), float(cpu)))
        elif what == "chunk-end":
            last_chunk[pid] = float(wall)
    marks["exit"] = (end, marks.get("exit", (end, 0.0))[1])
    ends = sorted(last_chunk.values())
    return {"marks": marks, "tail": ends[-1] - ends[0] if len(ends) > 1 else 0.0, "wall": end}


def warm_up(python: str, corpus: str) -> None:
    """One ``-j1`` run of ``corpus`` first, with bytecode writing on: it makes the bytecode and
    lintnews's kept files, as an installed lintnews has them, so that the timed runs only read
    them."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    args = ["check", "--no-cache", "-q", "--isolated", "--exit-zero", "-j1", corpus]
    subprocess.run([python, "-m", "lintnews", *args], env=env, stdout=subprocess.DEVNULL, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--python", default=sys.executable, help="the interpreter whose lintnews runs")
    args = parser.parse_args()
    warm_up(args.python, args.corpus)
    runs = [one_run(args.python, args.corpus, args.jobs) for _ in range(args.runs)]
    print(f"{args.python}: lintnews check -j{args.jobs} on {args.corpus}, median of {args.runs} runs")
    print(f"{'phase':<52} {'wall s':>8} {'main CPU s':>11}")
    serial_wall = serial_cpu = 0.0
    for name, begin, end, alone in PHASES:
        walls, cpus = [], []
        for run in runs:
            marks = run["marks"]
            assert isinstance(marks, dict)
            if begin in marks and end in marks:
                walls.append(marks[end][0] - marks[begin][0])
                cpus.append(marks[end][1] - marks[begin][1])
        if not walls:
            print(f"{name:<52} {'-':>8} {'-':>11}")
            continue
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        if alone:
            serial_wall += wall
            serial_cpu += cpu
        print(f"{name:<52} {wall:8.3f} {cpu:11.3f}")
    tail = statistics.median(float(run["tail"]) for run in runs)  # type: ignore[arg-type]
    total = statistics.median(float(run["wall"]) for run in runs)  # type: ignore[arg-type]
    print(f"{'tail (first worker done to last worker done)':<52} {tail:8.3f}")
    print(f"{'main process alone, and the tail':<52} {serial_wall + tail:8.3f} {serial_cpu:11.3f}")
    print(f"{'whole run':<52} {total:8.3f}")


if __name__ == "__main__":
    main()
