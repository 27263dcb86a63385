"""The installed `lintnews` console script, for the tests that run lintnews as a person types it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
from pathlib import Path


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
