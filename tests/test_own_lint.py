"""lintnews's own code passes ruff with the project's configuration (pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from checkout_helpers import venvs

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff")
    cmd = [ruff] if ruff else [sys.executable, "-m", "ruff"]
    result = subprocess.run(
        [*cmd, "check", "lintnews", "rules", "bench", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted() -> None:
    """`ruff format --check` (the project's line length, pyproject.toml) passes: .ci/run and the
    pre-commit hook run it too."""
    ruff = shutil.which("ruff")
    cmd = [ruff] if ruff else [sys.executable, "-m", "ruff"]
    excluded = [arg for name in venvs(ROOT) for arg in ("--extend-exclude", name)]
    result = subprocess.run(
        [*cmd, "format", "--check", *excluded, "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_runs_mypy_and_ruff() -> None:
    """`.ci/run` type-checks lintnews/ and rules/ (the pinned mypy of the test extra) and lints."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "mypy lintnews rules" in ci and "ruff check ." in ci
    assert "ruff format --check ." in ci
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"mypy==' in pyproject.split("test = [", 1)[1].split("]", 1)[0]
