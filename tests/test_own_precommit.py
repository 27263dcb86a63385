"""The project's own `.pre-commit-config.yaml` (issue 15), run by pre-commit itself on a copy of
this checkout: ruff (check) and lintnews on fixtures/ against its baseline. mypy is left to
`.ci/run` (it takes minutes)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from checkout_helpers import venvs

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GIT = ["git", "-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]


def _copy(tmp_path: Path) -> Path:
    """The files of this checkout git would commit (tracked, or new and not ignored), in a new repository."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    repo = tmp_path / "repo"
    skipped = tuple(f"{name}/" for name in venvs(ROOT))  # (a contributor's environment, if untracked)
    for name in filter(None, listed):
        if (ROOT / name).is_file() and not name.startswith(skipped):
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    subprocess.run([*GIT, "init", "--quiet"], cwd=repo, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "--quiet", "-m", "copy"], cwd=repo, check=True)
    return repo


def _pre_commit(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "SKIP": "mypy",
        "NO_COLOR": "1",
    }
    return subprocess.run(
        [str(BIN / "pre-commit"), "run", "--all-files", "--verbose", "--color", "never"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
    )


def _status(output: str) -> dict[str, str]:
    """Hook name -> Passed / Failed / Skipped, from pre-commit's summary lines."""
    found = {}
    for line in output.splitlines():
        for word in ("Passed", "Failed", "Skipped"):
            if line.endswith(word) and "..." in line:
                found[line.split("...")[0].strip(". ")] = word
    return found


def test_the_config_is_local_and_names_the_checks() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    hooks = {h["id"]: h for h in repo["hooks"]}
    assert list(hooks) == ["ruff", "ruff-format", "mypy", "lintnews-fixtures"]
    assert all(h["language"] == "system" for h in hooks.values())
    assert hooks["ruff-format"]["entry"].startswith("ruff format --check")
    assert "--baseline .ci/fixtures-baseline.json" in hooks["lintnews-fixtures"]["entry"]


def test_pre_commit_passes_on_the_checkout_and_fails_on_new_findings(tmp_path: Path) -> None:
    repo = _copy(tmp_path)
    done = _pre_commit(repo, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _status(done.stdout) == {
        "ruff check": "Passed",
        "ruff format --check": "Passed",
        "mypy (lintnews/, rules/)": "Skipped",
        "lintnews on fixtures/ (against .ci/fixtures-baseline.json)": "Passed",
    }
    assert "14 known findings hidden" in done.stdout

    # a paragraph pasted twice into a fixture (a new D001) and an unused import
    story = repo / "fixtures" / "en-port-strike-duplicated-truncated.txt"
    lines = story.read_text(encoding="utf-8").splitlines()
    story.write_text(
        "\n".join([*lines[:7], lines[4], *lines[7:]]) + "\n", encoding="utf-8"
    )  # line 8 repeats 5
    (repo / "lintnews" / "atomic.py").write_text(
        "import os.path\n" + (ROOT / "lintnews" / "atomic.py").read_text()
    )
    done = _pre_commit(repo, tmp_path)
    assert done.returncode == 1
    status = _status(done.stdout)
    assert (
        status["ruff check"] == "Failed"
        and status["lintnews on fixtures/ (against .ci/fixtures-baseline.json)"] == "Failed"
    )
    new = [line for line in done.stdout.splitlines() if line.startswith("fixtures/")]
    assert len(new) == 1 and new[0].startswith(
        "fixtures/en-port-strike-duplicated-truncated.txt:8:1: D001 "
    ), new
