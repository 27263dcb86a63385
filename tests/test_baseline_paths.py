"""A baseline holds paths relative to its own folder, so it hides the same findings from any
working directory; baselines written before (format version 1, paths relative to the working
directory of the run that wrote them) are still read as they were meant."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from console import NO_COLOR, run_lintnews

LEDE = "Talks resumed in Geneva on Monday after a two-week pause, officials from both delegations said."
SECOND = "Both sides said they expected a long week of negotiations over the prisoner exchange."
DUPLICATED = f"{LEDE}\n\n{SECOND}\n\n{LEDE}\n"
RAIN = "Heavy rain closed the coastal rail line on Tuesday, and buses replaced the trains between the towns."
WIRE = f"{RAIN}\n\nEngineers inspected the embankment overnight and expect the line to reopen on Friday.\n\n{RAIN}\n"


def check(args: list[str], cwd: Path) -> tuple[int, str]:
    """The installed ``lintnews check --isolated --no-cache ARGS`` in ``cwd``: exit code, stdout
    and stderr together."""
    done = run_lintnews(["check", "--isolated", "--no-cache", *args], cwd, env=NO_COLOR)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout + done.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """``tmp_path/proj`` with one finding in a plain file and one in a JSONL record."""
    proj = tmp_path / "proj"
    (proj / "articles").mkdir(parents=True)
    (proj / "articles" / "story.txt").write_text(DUPLICATED)
    (proj / "articles" / "wire.jsonl").write_text(json.dumps({"id": "w1", "text": WIRE}) + "\n")
    return proj


HIDDEN = "2 known findings hidden; 0 baseline entries no longer occur"


def entries(baseline: Path) -> list[tuple[str, str | None, str]]:
    data = json.loads(baseline.read_text())
    assert data["version"] == 2
    return [(e["path"], e["record"], e["code"]) for e in data["entries"]]


def test_a_baseline_hides_its_findings_from_any_working_directory(project: Path) -> None:
    code, out = check(["--write-baseline", "base.json", "articles"], project)
    assert code == 1 and out.count("D001") == 2
    stored = [("articles/story.txt", None, "D001"), ("articles/wire.jsonl", "w1", "D001")]
    assert entries(project / "base.json") == stored
    # From the project, its parent and a subfolder: the same findings are hidden.
    for cwd, args in [
        (project, ["--baseline", "base.json", "articles"]),
        (project.parent, ["--baseline", "proj/base.json", "proj/articles"]),
        (project / "articles", ["--baseline", "../base.json", "."]),
        (
            project / "articles",
            ["--baseline", str(project / "base.json"), "story.txt", str(project / "articles/wire.jsonl")],
        ),
    ]:
        code, out = check(args, cwd)
        assert (code, HIDDEN in out) == (0, True), (cwd, args, out)
    # Written from the parent folder, the baseline is the same file.
    os.remove(project / "base.json")
    assert check(["--write-baseline", "proj/base.json", "proj/articles"], project.parent)[0] == 1
    assert entries(project / "base.json") == stored


def test_a_baseline_in_another_folder_stores_paths_relative_to_itself(project: Path) -> None:
    (project / "ci").mkdir()
    assert check(["--write-baseline", "ci/base.json", "articles/story.txt"], project)[0] == 1
    assert entries(project / "ci" / "base.json") == [("../articles/story.txt", None, "D001")]
    code, out = check(["--baseline", "base.json", "../articles/story.txt"], project / "ci")
    assert code == 0 and "1 known findings hidden" in out


def test_a_baseline_moved_with_its_project_still_applies(project: Path, tmp_path: Path) -> None:
    assert check(["--write-baseline", "base.json", "articles"], project)[0] == 1
    moved = tmp_path / "elsewhere" / "checkout"
    moved.parent.mkdir()
    shutil.move(str(project), moved)
    code, out = check(["--baseline", "checkout/base.json", "checkout/articles"], moved.parent)
    assert code == 0 and HIDDEN in out


def test_a_version_1_baseline_is_still_read_as_it_was_written(project: Path) -> None:
    """Version 1 stored paths relative to the working directory of the run that wrote it (the
    bare file name for a file outside it) and is read so: it hides what it hid before."""
    assert check(["--write-baseline", "new.json", "articles"], project)[0] == 1
    fresh = json.loads((project / "new.json").read_text())["entries"]
    (project / "base.json").write_text(json.dumps({"version": 1, "tool": "lintnews", "entries": fresh}))
    code, out = check(["--baseline", "base.json", "articles"], project)
    assert code == 0 and HIDDEN in out
    # From the parent folder those paths never matched (they were relative to the project).
    code, out = check(["--baseline", "proj/base.json", "proj/articles"], project.parent)
    assert code == 1 and "0 known findings hidden; 2 baseline entries no longer occur" in out
    # A file outside the working directory was stored under its bare name.
    story = {**fresh[0], "path": "story.txt"}
    (project / "outside.json").write_text(json.dumps({"version": 1, "entries": [story]}))
    (project.parent / "other").mkdir()
    code, out = check(
        ["--baseline", "../proj/outside.json", "../proj/articles/story.txt"], project.parent / "other"
    )
    assert code == 0 and "1 known findings hidden" in out
    # Rewritten, it is a version 2 baseline that works from anywhere.
    assert check(["--baseline", "base.json", "--write-baseline", "base.json", "articles"], project)[0] == 0
    assert entries(project / "base.json") == [
        ("articles/story.txt", None, "D001"),
        ("articles/wire.jsonl", "w1", "D001"),
    ]
    code, out = check(["--baseline", "proj/base.json", "proj/articles"], project.parent)
    assert code == 0 and HIDDEN in out
