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
    assert hook["pass_filenames"] is True and hook["require_serial"] is True


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


# --- a real pre-commit run --------------------------------------------------------------------

#: Four articles long enough for the corpus phase; each gets an exact copy under another name.
STORIES = [
    "Harbour Council Approves Sea Wall Repairs\n\nThe harbour council voted on Tuesday to spend four million "
    "pounds on repairs to the old sea wall, which was damaged in the winter storms.\n\nWork is due to start in "
    "March and should take about eighteen months, the council's engineer told the meeting.\n",
    "Library Reopens After Renovation\n\nThe central library reopened on Saturday after a two-year renovation "
    "that added a new reading room and a children's floor.\n\nVisitors queued from early morning, and staff said "
    "more than two thousand people came through the doors on the first day.\n",
    "Rail Strike Called Off After Late Talks\n\nUnion leaders called off Friday's rail strike after talks with the "
    "operator ran late into the night and ended with a new pay offer.\n\nPassengers had been warned to expect "
    "severe disruption on every line into the city for the whole weekend.\n",
    "Market Square to Close for Festival\n\nThe market square will close to traffic for three days next month "
    "while the summer music festival builds its main stage there.\n\nTraders will move their stalls to the "
    "riverside car park, which the council is lending to them free of charge.\n",
]


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)


def test_pre_commit_run_sees_duplicates_across_the_whole_commit(hook: dict[str, Any], tmp_path: Path) -> None:
    """pre-commit splits the files of a hook that is not ``require_serial`` over parallel runs
    (shuffled, one run per core), so a copy and its original could be linted by different runs
    and N002 never seen; the hook must see every file in one run, as ``lintnews check`` does.

    The hook is this repository's definition, as a ``repo: local`` hook run by this
    environment's ``lintnews`` (``language: system``, offline); ``TRAVIS`` makes pre-commit use
    two runs whatever the number of cores (pre-commit's own rule for Travis CI)."""
    repo = tmp_path / "articles"
    repo.mkdir()
    git(repo, "init", "-q")
    for n, story in enumerate(STORIES):
        (repo / f"story-{n}.md").write_text(story, encoding="utf-8")
        (repo / f"copy-{n}.txt").write_text(story, encoding="utf-8")
    (repo / "lintnews.toml").write_text('select = ["N002"]\n', encoding="utf-8")
    (repo / ".gitignore").write_text(".lintnews_cache/\n", encoding="utf-8")
    local = {**hook, "language": "system"}
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(repo, "add", "-A")
    scripts = sysconfig.get_path("scripts")
    env = {
        **os.environ,
        "PATH": scripts + os.pathsep + os.environ.get("PATH", ""),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "TRAVIS": "1",
        "NO_COLOR": "1",
    }
    env.pop("PRE_COMMIT_NO_CONCURRENCY", None)
    proc = subprocess.run(
        [os.path.join(scripts, "pre-commit"), "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "lintnews" in proc.stdout and "Failed" in proc.stdout
    found = sorted(re.findall(r"^(\S+):1:1: N002 Exact duplicate of (\S+) ", proc.stdout, re.MULTILINE))
    assert found == [
        ("story-0.md", "copy-0.txt"),
        ("story-1.md", "copy-1.txt"),
        ("story-2.md", "copy-2.txt"),
        ("story-3.md", "copy-3.txt"),
    ]
    assert len(re.findall(r"^Found \d+ diagnostics?", proc.stdout, re.MULTILINE)) == 1  # one run
    assert "Traceback" not in proc.stdout + proc.stderr
