"""Where the platform cannot fork (macOS' and Windows' default is ``spawn``), a parallel run starts
its workers from pickled arguments (`lintnews.pool.start_pool`'s ``spawn_args``) and they format
each document's report themselves (`lintnews.reporters.formatted`): the run prints what a run in
one process prints. The tests elsewhere run on Linux, which forks; here a real CLI process is made
to spawn by hiding ``fork`` from `multiprocessing`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

#: Runs the CLI with ``fork`` hidden: `lintnews.pool.start_pool` then takes the platform's
#: default, which on Linux is ``fork`` too, so ``spawn`` is set as the default as well. The
#: line printed first says which method the pool used.
SPAWNING = """
import multiprocessing, sys
multiprocessing.get_all_start_methods = lambda: ["spawn", "forkserver"]
multiprocessing.set_start_method("spawn", force=True)
import lintnews.pool
started = lintnews.pool.WorkerPool.__init__
def init(self, *args, **kwargs):
    print("start method:", kwargs["context"].get_start_method(), file=sys.stderr)
    started(self, *args, **kwargs)
lintnews.pool.WorkerPool.__init__ = init
from lintnews.cli import main
main(sys.argv[1:])
"""


def corpus(folder: Path) -> None:
    """84 files, 126 documents (enough to start workers): copies of the example articles."""
    folder.mkdir()
    sources = sorted(p for p in FIXTURES.iterdir() if p.name != "README.md")
    for i in range(21):
        for source in sources:
            shutil.copy(source, folder / f"{i:02d}-{source.name}")


def cli(args: list[str], cwd: Path, spawn: bool) -> subprocess.CompletedProcess[str]:
    program = ["-c", SPAWNING] if spawn else ["-m", "lintnews"]
    return subprocess.run(
        [sys.executable, *program, "check", "--isolated", "--no-cache", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_spawned_workers_print_what_one_process_prints(tmp_path: Path, fmt: str) -> None:
    corpus(tmp_path / "articles")
    one = cli(["-j", "1", "--format", fmt, "articles"], tmp_path, spawn=False)
    two = cli(["-j", "2", "--format", fmt, "articles"], tmp_path, spawn=True)
    assert "start method: spawn" in two.stderr
    assert "Traceback" not in two.stderr
    assert (two.returncode, two.stdout) == (one.returncode, one.stdout)
    assert one.returncode == 1
    # every document but the first of each of the five distinct texts is an exact duplicate
    assert one.stdout.count("N002 Exact duplicate" if fmt == "text" else '"code": "N002"') == 121
    if fmt == "text":
        assert "in 124 of 126 documents" in one.stdout
