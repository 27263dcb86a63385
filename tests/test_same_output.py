"""bench/same_output.py, issue 15's "same output before and after each step" check: two real
revisions of a clone of this repository, installed by the script, linting fixtures/."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "same_output.py"
LINTNEWS = Path(sys.executable).with_name("lintnews")
GIT = ["git", "-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]

#: The new revision's entry point leaves D001 out of every run: a change of output.
NO_D001 = "import sys\n\nsys.argv.append('--ignore=D001')\nfrom lintnews.cli import main\n\nmain()\n"


def _same(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True)


def test_two_revisions_compared_byte_for_byte(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    subprocess.run([*GIT, "clone", "--quiet", str(ROOT), str(repo)], check=True)
    (repo / "lintnews" / "__main__.py").write_text(NO_D001, encoding="utf-8")
    subprocess.run([*GIT, "-C", str(repo), "commit", "--quiet", "-am", "leave D001 out"], check=True)
    shutil.copytree(ROOT / "fixtures", tmp_path / "fixtures")
    # what each revision reports (run here with the installed lintnews), and where they part
    check = [
        str(LINTNEWS),
        "check",
        "--no-cache",
        "--isolated",
        "--select",
        "ALL",
        "--output-format",
        "json",
        "--exit-zero",
        "fixtures",
    ]
    full = subprocess.run(check, cwd=tmp_path, capture_output=True, text=True, check=True)
    found = json.loads(full.stdout)
    less = json.loads(
        subprocess.run(
            [*check, "--ignore=D001"], cwd=tmp_path, capture_output=True, text=True, check=True
        ).stdout
    )
    assert any(d["code"] == "D001" for d in found)
    at = next(i for i, (a, b) in enumerate(zip(found, less)) if a != b)
    first, second = found[at], less[at]

    # a revision against a source tree (the clone, at HEAD)
    done = _same(tmp_path, "--repo", str(repo), "HEAD~1", str(repo), "fixtures")
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    new = str(repo)
    assert (
        lines[0].startswith(f"different: HEAD~1 {len(found)} diagnostics (")
        and f"{new} {len(less)} (" in lines[0]
    )
    assert lines[1] == f"first difference at diagnostic {at}:"
    assert lines[2] == f"- HEAD~1: {first['path']}:{first['line']}:{first['column']}: {first['code']}"
    assert lines[3] == f"+ {new}: {second['path']}:{second['line']}:{second['column']}: {second['code']}"
    changed = sorted(k for k in first if first[k] != second[k])
    assert [line.split(":")[0].strip() for line in lines[4:]] == changed
    # the temporary worktrees are gone from the clone
    listed = subprocess.run(
        ["git", "-C", str(repo), "worktree", "list"], capture_output=True, text=True, check=True
    )
    assert len(listed.stdout.splitlines()) == 1

    # an installed environment (the one running this test) against itself
    done = _same(tmp_path, sys.prefix, sys.prefix, "fixtures", "--save", "reports")
    assert (done.returncode, done.stdout) == (
        0,
        f"byte-identical: {len(found)} diagnostics, {len(full.stdout.encode())} bytes, exit 0\n",
    )
    assert (tmp_path / "reports" / "old.json").read_text(encoding="utf-8") == full.stdout
    assert (tmp_path / "reports" / "new.json").read_text(encoding="utf-8") == full.stdout


def test_a_revision_that_does_not_exist_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = _same(tmp_path, "no-such-revision", "HEAD", str(ROOT / "fixtures"))
    assert done.returncode == 2 and done.stdout == ""
    assert (
        done.stderr
        == f"same_output: no-such-revision: not a revision of {ROOT}, nor a source tree or an environment\n"
    )
    done = _same(tmp_path, "HEAD", "HEAD", "missing.txt")
    assert (done.returncode, done.stderr) == (2, "same_output: missing.txt: no such file or folder\n")


def test_an_input_lintnews_reads_nothing_of_is_refused_not_called_identical(tmp_path: Path) -> None:
    # a folder the repository's .gitignore names (bench/out/... in this one): lintnews reads no
    # file of it, and both reports would be an empty list
    subprocess.run([*GIT, "init", "--quiet", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("out/\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.txt").write_text("Talks resumed in Geneva on Monday.\n", encoding="utf-8")
    shutil.copytree(ROOT / "fixtures", tmp_path / "fixtures")
    done = _same(tmp_path, sys.prefix, sys.prefix, "fixtures", "out")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "same_output: lintnews reads no file of out (ignored: a .gitignore or the default excludes); "
        "name files it reads, or copy them elsewhere\n"
    )
    done = _same(tmp_path, sys.prefix, sys.prefix, "fixtures", "out/a.txt")
    assert done.returncode == 0 and done.stdout.startswith("byte-identical: ")
