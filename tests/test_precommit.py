"""The pre-commit hook in ``.pre-commit-hooks.yaml``: its definition, the files it picks, and its
``entry`` run the way pre-commit runs it (entry + args + the staged file names, in a subprocess)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sysconfig
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

DUPLICATE = """\
Harbour Council Approves Sea Wall Repairs

The harbour council voted on Tuesday to spend four million pounds on repairs to the old sea wall.

Work is due to start in March and should take about eighteen months, the council's engineer said.

The harbour council voted on Tuesday to spend four million pounds on repairs to the old sea wall.
"""

CLEAN = """\
# Library Reopens After Renovation

The central library reopened on Saturday after a two-year renovation that added a new reading room.
"""


@pytest.fixture(scope="module")
def hook() -> dict[str, Any]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    (found,) = [h for h in hooks if h.get("id") == "lintnews"]
    return found


def test_hook_definition(hook: dict[str, Any]) -> None:
    assert hook["name"] and hook["language"] == "python"
    assert hook["entry"] == "lintnews check"
    assert hook["pass_filenames"] is True and hook["require_serial"] is False


@pytest.mark.parametrize(
    ("name", "picked"),
    [
        ("articles/story.txt", True),
        ("README.md", True),
        ("docs/notes.markdown", True),
        ("site/index.html", True),
        ("site/old.htm", True),
        ("corpus/batch-01.jsonl", True),
        ("corpus/batch-01.jsonl.gz", True),
        ("corpus/batch-02.ndjson", True),
        ("setup.py", False),
        ("data/table.csv", False),
        ("archive/story.txt.gz", False),  # only JSONL is read compressed
        ("notes.txt.bak", False),
    ],
)
def test_hook_files_pattern(hook: dict[str, Any], name: str, picked: bool) -> None:
    # pre-commit matches `files` with Python's re.search against the repository-relative path.
    assert bool(re.search(hook["files"], name)) is picked
    assert "exclude" not in hook or not re.search(hook["exclude"], name)


def run_hook(hook: dict[str, Any], cwd: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the hook as pre-commit does: its entry, its args, then the file names, with the
    hook environment's scripts folder first on PATH."""
    scripts = sysconfig.get_path("scripts")
    env = {**os.environ, "PATH": scripts + os.pathsep + os.environ.get("PATH", ""), "NO_COLOR": "1"}
    command = [*shlex.split(hook["entry"]), *hook.get("args", []), *files]
    return subprocess.run(command, check=False, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_hook_entry_fails_on_a_finding(hook: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "lintnews.toml").write_text('select = ["D001", "D002", "T001", "T002"]\n', encoding="utf-8")
    (tmp_path / "story.txt").write_text(DUPLICATE, encoding="utf-8")
    (tmp_path / "README.md").write_text(CLEAN, encoding="utf-8")
    proc = run_hook(hook, tmp_path, ["story.txt", "README.md"])
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.splitlines()[0] == "story.txt:7:1: D001 [*] Paragraph repeats line 3"
    assert "README.md" not in proc.stdout
    assert "in 1 of 2 documents" in proc.stdout


def test_hook_entry_passes_clean_files(hook: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "lintnews.toml").write_text('select = ["D001", "D002", "T001", "T002"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(CLEAN.lstrip("# "), encoding="utf-8")
    proc = run_hook(hook, tmp_path, ["a.md", "b.txt"])
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == "All checks passed (2 documents).\n"
