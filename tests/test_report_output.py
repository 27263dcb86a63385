"""What a run prints and where (issues 14 and 21): a closed pipe, counts that agree, fix marks
that follow the configuration, statistics, escaped text, SARIF regions, names that are not UTF-8,
and errors that say what failed.

Most tests run the installed ``lintnews`` script in a subprocess, as a user or a CI job does.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest


def lintnews_script() -> str:
    candidate = Path(sysconfig.get_path("scripts")) / ("lintnews.exe" if os.name == "nt" else "lintnews")
    if candidate.is_file():
        return str(candidate)
    found = shutil.which("lintnews")
    assert found, "the `lintnews` script is not installed (pip install -e '.[test]')"
    return found


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``lintnews ARGS`` in ``cwd``, with a strict UTF-8 stdout as on a desktop's UTF-8 locale."""
    environment = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8:strict", **(env or {})}
    return subprocess.run(
        [lintnews_script(), *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
        errors="surrogateescape", env=environment, timeout=120, check=False,
    )


CUT = (
    "Union leaders called off the strike number {i} after talks with the operator ran late into "
    "the night, and passengers had been warned to expect the"
)


def truncated_corpus(path: Path, records: int) -> None:
    """``records`` JSONL records, each with one T002 (cut off) and nothing else."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(records):
            text = f"Story number {i} about the harbour\n\n" + CUT.format(i=i)
            fh.write(json.dumps({"id": f"r{i}", "text": text}) + "\n")


# --- a closed pipe (issue 14, item 7) ----------------------------------------------------------


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="POSIX pipes")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_closed_pipe_stops_the_run_quietly_like_grep(tmp_path: Path, fmt: str) -> None:
    truncated_corpus(tmp_path / "corpus.jsonl", 3000)  # ~250 KB of report: more than a pipe holds
    bash = shutil.which("bash")
    assert bash
    script = f'"{lintnews_script()}" check --no-cache -j1 --format {fmt} corpus.jsonl | head -1; echo "status=${{PIPESTATUS[0]}}"'
    done = subprocess.run(
        [bash, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    first = {"text": 'corpus.jsonl#r0:3:142: T002 Document is cut off (ends on "the")', "json": "["}[fmt]
    assert done.stdout == f"{first}\nstatus=141\n"
    assert done.stderr == ""  # no "Broken pipe", no "Exception ignored"


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="POSIX pipes")
def test_a_reader_that_goes_away_mid_run_stops_a_parallel_run_by_sigpipe(tmp_path: Path) -> None:
    truncated_corpus(tmp_path / "corpus.jsonl", 3000)
    proc = subprocess.Popen(
        [lintnews_script(), "check", "--no-cache", "-j2", "corpus.jsonl"], cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.stdout is not None and proc.stderr is not None
    line = proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=120) == -signal.SIGPIPE
    assert line.startswith(b"corpus.jsonl#r0:3:142: T002 ")
    assert proc.stderr.read() == b""
    proc.stderr.close()
