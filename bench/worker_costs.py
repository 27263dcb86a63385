"""What the same analysis costs in a forked worker and in one process.

Runs ``lintnews check -jN --no-cache -q --isolated CORPUS`` for each ``--jobs`` value in a fresh
interpreter with marks around every chunk's analysis (`lintnews.workers.Analyzer.analyze_units`)
and around each worker's whole chunk (`lintnews.workers.work`: the analysis, cache entries,
formatting), and around every pickling and unpickling of chunks and results. Each mark reads the calling thread's CPU time, minor and major page faults and
context switches (``getrusage(RUSAGE_THREAD)``). Prints, per ``--jobs`` value (median of
``--runs``): the analysis summed over every process, the ``work`` wrapper around it, each
process's whole CPU (main process and workers) and page faults, so that a forked worker's extra
cost can be told apart from more work: compare the summed analysis CPU and faults of ``-j2``
with ``-j1``'s.

    python bench/worker_costs.py bench/out/crawl-20mb.jsonl --jobs 1 2 --runs 5
    python bench/worker_costs.py CORPUS --taskset 0       # every process on CPU 0 (no concurrency)
    python bench/worker_costs.py CORPUS --jobs 1 0 2      # 0: a parallel run with one worker
    python bench/worker_costs.py CORPUS --python /path/to/other/venv/bin/python
    python bench/worker_costs.py CORPUS --callgrind       # instructions of each process's analysis

``--callgrind`` counts the instructions of every chunk's analysis instead, per process
(valgrind's callgrind, ``PYTHONHASHSEED=0``; needs a C compiler and valgrind's headers for the
marks): the extra of ``-j2``'s workers over ``-j1`` in instructions, the rest of its extra CPU
being cycles (page faults, caches).

``--prefill`` has the warm-up (`lintnews.workers.warm`, before the fork, and before a ``-j1``
run's first chunk) analyse every document once, so that every process starts with the memos the
whole corpus fills: what is left of the workers' extra is not their split of the memos.

``--taskset CPUS`` pins the run (``taskset -c CPUS``): with one CPU the workers take turns, so a
difference that stays is the fork's (copy-on-write, the allocator), one that goes is two busy
vCPUs slowing each other. Runs of the ``--jobs`` values and of ``--python`` interpreters are
interleaved. Timings on a shared machine move with its load: say what it was.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serial_timeline import warm_up  # noqa: E402

#: What the child interpreter runs: the marks, then lintnews's program (`lintnews.cli.app.run`).
BOOT = r"""
import os, resource, sys, time
OUT = sys.argv[1]
fd = os.open(OUT, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
THREAD = getattr(resource, "RUSAGE_THREAD", resource.RUSAGE_SELF)
def usage():
    r = resource.getrusage(THREAD)
    return (time.thread_time(), r.ru_minflt, r.ru_majflt, r.ru_nvcsw, r.ru_nivcsw)
def mark(what, before):
    after = usage()
    delta = " ".join(f"{a - b:.6f}" for a, b in zip(after, before))
    os.write(fd, f"{os.getpid()} {what} {delta}\n".encode())
from lintnews.cli import app
from lintnews import workers
def wrap(owner, name, label):
    f = getattr(owner, name)
    def g(*a, **k):
        before = usage()
        try:
            return f(*a, **k)
        finally:
            mark(label, before)
    setattr(owner, name, g)
if os.environ.get("WORKER_COSTS_MARKS"):  # (--callgrind: each analysis a dump of its own)
    import ctypes
    marks = ctypes.CDLL(os.environ["WORKER_COSTS_MARKS"])
    marks.dump.argtypes = [ctypes.c_char_p]
    analyze_units = workers.Analyzer.analyze_units
    def dumped(self, units):
        marks.dump(b"before-analysis")
        try:
            return analyze_units(self, units)
        finally:
            marks.dump(b"analysis")
    workers.Analyzer.analyze_units = dumped
if os.environ.get("WORKER_COSTS_PREFILL"):  # (--prefill: every document analysed in the warm-up)
    warm = workers.warm
    def prefilled(linter, signer):
        warm(linter, signer)
        from lintnews.work_units import iter_units, load_unit
        for unit in iter_units([sys.argv[-1]], linter.settings):
            for doc in load_unit(unit, linter.settings):
                if not isinstance(doc, Exception):
                    linter.analyze(doc, None, False)
    workers.warm = prefilled
wrap(workers.Analyzer, "analyze_units", "analysis")
def whole():  # (the process's own CPU and faults so far: the last line of each process counts)
    r = resource.getrusage(resource.RUSAGE_SELF)
    os.write(fd, f"{os.getpid()} process {r.ru_utime + r.ru_stime:.6f} {r.ru_minflt} {r.ru_majflt} {r.ru_nvcsw} {r.ru_nivcsw}\n".encode())
work = workers.work
def worked(chunk):  # (a worker is ended by a signal: it tells its usage after each chunk)
    before = usage()
    try:
        return work(chunk)
    finally:
        mark("work", before)
        whole()
workers.work = worked
from multiprocessing import reduction
dumps, loads = reduction.ForkingPickler.dumps.__func__, reduction.ForkingPickler.loads
def timed_dumps(cls, obj, protocol=None):  # (chunks sent, results sent back)
    before = usage()
    try:
        return dumps(cls, obj, protocol)
    finally:
        mark("pickle", before)
def timed_loads(data, *a, **k):  # (chunks received, results received)
    before = usage()
    try:
        return loads(data, *a, **k)
    finally:
        mark("unpickle", before)
reduction.ForkingPickler.dumps = classmethod(timed_dumps)
reduction.ForkingPickler.loads = staticmethod(timed_loads)
if os.environ.get("WORKER_COSTS_ONE_WORKER"):  # (--one-worker: a pool of one worker)
    from lintnews import pool as pool_mod
    start_pool = pool_mod.start_pool
    pool_mod.start_pool = lambda jobs, *a, **k: start_pool(1, *a, **k)
real_exit = os._exit
def leave(code):  # (the program ends with os._exit once its report is flushed)
    whole()
    real_exit(code)
os._exit = leave
MAIN = os.getpid()
sys.argv = ["lintnews", *sys.argv[2:]]
try:
    app.run()
finally:
    if os.getpid() == MAIN:
        whole()
"""

FIELDS = ("cpu", "minflt", "majflt", "nvcsw", "nivcsw")

#: The marks of ``--callgrind``: a dump of the counts so far, named (valgrind's client request).
MARKS_C = """#include <valgrind/callgrind.h>
void dump(const char *what) { CALLGRIND_DUMP_STATS_AT(what); }
"""


def callgrind(python: str, corpus: str, jobs: int, folder: str, prefill: bool = False) -> dict[str, float]:
    """Instructions (millions) of every chunk's analysis, summed per process, under callgrind
    (``PYTHONHASHSEED=0``): {pid: instructions}; the main process's key is "main"."""
    library = Path(folder, "marks.so")
    if not library.exists():
        source = Path(folder, "marks.c")
        source.write_text(MARKS_C)
        subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    out = Path(folder, f"j{jobs}")
    out.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(WORKER_COSTS_MARKS=str(library), PYTHONHASHSEED="0")
    if jobs == 0:
        env["WORKER_COSTS_ONE_WORKER"] = "1"
    if prefill:
        env["WORKER_COSTS_PREFILL"] = "1"
    args = ["check", f"-j{jobs or 2}", "--no-cache", "-q", "--isolated", "--exit-zero", corpus]
    proc = subprocess.Popen(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}/cg.%p",
            python,
            "-c",
            BOOT,
            os.devnull,
            *args,
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if proc.wait() != 0:
        raise SystemExit(f"callgrind run failed: {proc.returncode}")
    sums: dict[str, float] = collections.defaultdict(float)
    for dump in out.iterdir():
        head = dump.read_text(errors="replace")[:4000]
        if "Trigger: Client Request: analysis\n" not in head:
            continue
        pid = dump.name.split(".")[1]
        total = next(line for line in head.splitlines() if line.startswith("summary:"))
        sums["main" if pid == str(proc.pid) else pid] += int(total.split()[1]) / 1e6
    return dict(sums)


def one_run(
    python: str, corpus: str, jobs: int, taskset: str | None, prefill: bool = False
) -> dict[str, dict[str, float]]:
    """One run's sums: {"analysis" | "work" | "main" | "workers": {field: value}}. ``jobs`` 0:
    a parallel run with a pool of one worker (the fork's costs without splitting the input)."""
    with tempfile.NamedTemporaryFile(prefix="lintnews-costs-", suffix=".log", delete=False) as fh:
        log = fh.name
    try:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        if jobs == 0:
            env["WORKER_COSTS_ONE_WORKER"] = "1"
        if prefill:
            env["WORKER_COSTS_PREFILL"] = "1"
        args = [
            "check",
            f"-j{max(jobs, 2) if jobs == 0 else jobs}",
            "--no-cache",
            "-q",
            "--isolated",
            "--exit-zero",
            corpus,
        ]
        pin = ["taskset", "-c", taskset] if taskset else []
        proc = subprocess.Popen([*pin, python, "-c", BOOT, log, *args], env=env, stdout=subprocess.DEVNULL)
        main_pid = str(proc.pid)
        if proc.wait() != 0:
            raise SystemExit(f"run failed: {proc.returncode}")
        rows = [line.split() for line in Path(log).read_text().splitlines()]
    finally:
        os.unlink(log)
    sums: dict[str, dict[str, float]] = collections.defaultdict(lambda: dict.fromkeys(FIELDS, 0.0))
    last: dict[str, list[str]] = {}
    for pid, what, *values in rows:
        if what == "process":
            last[pid] = values
            continue
        if what in ("pickle", "unpickle"):
            what = f"{what} ({'main' if pid == main_pid else 'workers'})"
        for field, value in zip(FIELDS, values):
            sums[what][field] += float(value)
    for pid, values in last.items():
        for field, value in zip(FIELDS, values):
            sums["main" if pid == main_pid else "workers"][field] += float(value)
    return dict(sums)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument(
        "--jobs", type=int, nargs="+", default=[1, 2], help="0: a parallel run with one worker"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--taskset", help="CPUs to pin the runs to (taskset -c)")
    parser.add_argument(
        "--python", nargs="+", default=[sys.executable], help="the interpreters whose lintnews runs"
    )
    parser.add_argument(
        "--prefill",
        action="store_true",
        help="analyse every document once in the warm-up (every process starts with full memos)",
    )
    parser.add_argument(
        "--callgrind",
        action="store_true",
        help="count instructions instead (valgrind; one run per --jobs value, side by side)",
    )
    args = parser.parse_args()
    if args.callgrind:
        with tempfile.TemporaryDirectory(prefix="lintnews-costs-") as folder:
            for python in args.python:
                for jobs in args.jobs:
                    sums = callgrind(python, args.corpus, jobs, folder, args.prefill)
                    shutil.rmtree(Path(folder, f"j{jobs}"))
                    name = f"{Path(python).parent.parent.name} {f'-j{jobs}' if jobs else 'one worker'}"
                    parts = " + ".join(f"{v:,.1f}" for v in sums.values())
                    print(f"{name}: analysis {sum(sums.values()):,.1f} M instructions ({parts})")
        return
    for python in args.python:  # (one run first makes bytecode and lintnews's kept files)
        warm_up(python, args.corpus)
    runs: dict[tuple[str, int], list[dict[str, dict[str, float]]]] = collections.defaultdict(list)
    started = time.time()
    for _ in range(args.runs):
        for jobs in args.jobs:
            for python in args.python:
                runs[python, jobs].append(one_run(python, args.corpus, jobs, args.taskset, args.prefill))
    load = os.getloadavg()
    print(
        f"{args.corpus}: median of {args.runs} interleaved runs ({time.time() - started:.0f} s, "
        f"load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}{', taskset ' + args.taskset if args.taskset else ''})"
    )
    print(
        f"{'python, jobs, what':<58} {'CPU s':>7} {'spread':>13} {'minflt':>8} {'majflt':>6} {'nvcsw':>7} {'nivcsw':>7}"
    )
    for (python, jobs), done in runs.items():
        for what in (
            "analysis",
            "work",
            "unpickle (workers)",
            "pickle (workers)",
            "workers",
            "pickle (main)",
            "unpickle (main)",
            "main",
        ):
            rows = [run[what] for run in done if what in run]
            if not rows:
                continue
            cpus = sorted(r["cpu"] for r in rows)
            med = {f: statistics.median(r[f] for r in rows) for f in FIELDS}
            name = f"{Path(python).parent.parent.name} {f'-j{jobs}' if jobs else 'one worker'} {what}"
            print(
                f"{name:<58} {med['cpu']:7.3f} {cpus[0]:6.3f}-{cpus[-1]:6.3f} {med['minflt']:8.0f} "
                f"{med['majflt']:6.0f} {med['nvcsw']:7.0f} {med['nivcsw']:7.0f}"
            )


if __name__ == "__main__":
    main()
