"""The installed `lintnews` console script, for the tests that run lintnews as a person types it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
from pathlib import Path

from click.testing import CliRunner

from lintnews.cli import main


def lintnews_script() -> str:
    """The console script next to the interpreter running the tests (its environment's install),
    else the one on PATH: a bare ``lintnews`` could be another environment's, testing other code."""
    candidate = Path(sysconfig.get_path("scripts")) / ("lintnews.exe" if os.name == "nt" else "lintnews")
    if candidate.is_file():
        return str(candidate)
    found = shutil.which("lintnews")
    assert found, "the `lintnews` script is not installed (pip install -e '.[test]')"
    return found


def run_lintnews(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``lintnews ARGS`` run in ``cwd`` as from a pipe, its output as text (two minutes at most)."""
    return subprocess.run(
        [lintnews_script(), *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=120
    )


def check_in(folder: Path, *args: str) -> tuple[int, str, str]:
    """``lintnews check --no-cache ARGS`` in process, from ``folder``: (exit code, stdout, stderr)."""
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = runner.invoke(main, ["check", "--no-cache", *args], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    return result.exit_code, result.stdout, result.stderr
