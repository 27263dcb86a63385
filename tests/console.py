"""The installed `lintnews` console script, for the tests that run lintnews as a person types it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
from collections.abc import Mapping
from pathlib import Path
from typing import Any

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


def run_lintnews(
    args: list[str],
    cwd: Path | str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    stdin: str | bytes | None = None,
    text: bool = True,
    timeout: float = 120,
) -> subprocess.CompletedProcess[Any]:
    """``lintnews ARGS`` run in ``cwd`` as from a pipe (``stdin``: what it reads there): its
    output as text, or as bytes when not ``text``; ``env`` is set on top of this process's
    environment (`NO_COLOR`: no colours, whatever the terminal)."""
    return subprocess.run(
        [lintnews_script(), *args],
        cwd=cwd,
        capture_output=True,
        text=text,
        input=stdin,
        env={**os.environ, **env} if env is not None else None,
        check=False,
        timeout=timeout,
    )


#: `run_lintnews` ``env`` of a report without colours.
NO_COLOR = {"NO_COLOR": "1"}


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
