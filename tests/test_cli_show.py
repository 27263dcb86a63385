"""Options ruff users expect: ``--show-settings``, ``--show-files``, ``--output-format`` (with
``--format`` as its alias), ``--exclude`` and ``--extend-exclude``; run through the installed
``lintnews`` script."""

from __future__ import annotations

import json
import subprocess
import tomllib
from pathlib import Path

from console import NO_COLOR, run_lintnews

from lintnews.config import build_settings, validate
from lintnews.registry import all_rules
from lintnews.selection import select_rules

STORY = """\
Harbour Council Approves Sea Wall Repairs

The harbour council voted on Tuesday to spend four million pounds on repairs to the old sea wall.

Work is due to start in March and should take about eighteen months, the council's engineer said.

The harbour council voted on Tuesday to spend four million pounds on repairs to the old sea wall.
"""


def lintnews(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_lintnews(list(args), cwd, env=NO_COLOR, stdin=stdin)


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


CONFIG = """\
select = ["D", "T"]
ignore = ["T001"]
exclude = ["drafts"]

[rule-options.D001]
min-words = 5

[per-file-ignores]
"*.md" = ["T002"]
"""


def test_show_settings_prints_the_resolved_toml_with_origins(tmp_path: Path) -> None:
    tree(tmp_path, {"lintnews.toml": CONFIG, "desk/story.txt": STORY})
    proc = lintnews(
        tmp_path, "check", "--show-settings", "--output-format", "json", "--ignore", "D002", "desk"
    )
    assert (proc.returncode, proc.stderr) == (0, "")
    lines = proc.stdout.splitlines()
    assert lines[0] == "# Settings path: lintnews.toml"
    assert lines[1] == f"# Root (relative paths of the configuration resolve from here): {tmp_path.resolve()}"
    for expected in [
        'select = ["D", "T"]  # lintnews.toml',
        'ignore = ["T001"]  # lintnews.toml',
        "# command line: --ignore D002  (adjusts the selection above)",
        'output-format = "json"  # command line',
        'fail-on = "error"  # default',
        'exclude = ["drafts"]  # lintnews.toml',
        "max-document-size = 10000000  # default",
        "[per-file-ignores]  # lintnews.toml",
        '"*.md" = ["T002"]',
        "[rule-options.D001]  # duplicate-paragraph: lintnews.toml",
        "min-words = 5",
        "min-quote-words = 8",
        "[corpus]  # default",
        "threshold = 0.5",
        f"# Enabled rules (2 of {len(all_rules())}; per-file-ignores may take some off a file):",
        "#   D001, T002",
    ]:
        assert expected in lines, expected
    # nothing was linted: no report, no cache
    assert "D001 " not in proc.stdout and not (tmp_path / ".lintnews_cache").exists()
    # what it prints is a configuration lintnews reads back to the same selection
    values = validate(tomllib.loads(proc.stdout))
    assert values["output-format"] == "json" and values["rule-options"]["D001"] == {
        "min-words": 5,
        "min-quote-words": 8,
    }
    assert [r.code for r in select_rules(build_settings(values)).rules] == ["D001", "D002", "T002"]


def test_show_settings_without_a_configuration_file(tmp_path: Path) -> None:
    tree(tmp_path, {"story.txt": STORY})
    proc = lintnews(tmp_path, "check", "--isolated", "--show-settings", "--select", "D001", "story.txt")
    assert proc.returncode == 0
    assert proc.stdout.splitlines()[0] == "# Settings path: none (no configuration file: defaults)"
    assert "# select is not set: the rules marked default  # default" in proc.stdout.splitlines()
    assert "# command line: --select D001  (replaces the three keys above)" in proc.stdout.splitlines()
    assert proc.stdout.rstrip().endswith(
        f"# Enabled rules (1 of {len(all_rules())}; per-file-ignores may take some off a file):\n#   D001"
    )


def test_show_settings_from_pyproject(tmp_path: Path) -> None:
    tree(tmp_path, {"pyproject.toml": '[tool.lintnews]\nfail-on = "warning"\n', "story.txt": STORY})
    proc = lintnews(tmp_path, "check", "--show-settings", "story.txt")
    assert proc.stdout.splitlines()[0] == "# Settings path: pyproject.toml"
    assert 'fail-on = "warning"  # pyproject.toml' in proc.stdout.splitlines()


def test_show_settings_reports_a_broken_configuration_like_check(tmp_path: Path) -> None:
    tree(tmp_path, {"lintnews.toml": "[rule-options.D001]\nmin-wrds = 3\n", "story.txt": STORY})
    proc = lintnews(tmp_path, "check", "--show-settings", "story.txt")
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.startswith(
        "lintnews: error: lintnews.toml: unknown option `rule-options.D001.min-wrds`"
    )


FILES = {
    ".gitignore": "generated/\n",
    "desk/a.txt": STORY,
    "desk/b.md": STORY,
    "desk/notes.csv": "not an article",
    "drafts/c.txt": STORY,
    "generated/d.txt": STORY,
    "wire/feed.jsonl": json.dumps({"id": "w1", "text": STORY}) + "\n",
    "wire/old/e.html": "<p>Old story.</p>",
}


def test_show_files_lists_what_a_run_reads(tmp_path: Path) -> None:
    tree(tmp_path, {**FILES, "lintnews.toml": 'exclude = ["drafts"]\n'})
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    proc = lintnews(tmp_path, "check", "--show-files", ".")
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.splitlines() == [
        "./desk/a.txt",
        "./desk/b.md",
        "./wire/feed.jsonl",
        "./wire/old/e.html",
    ]
    # --exclude replaces the configured exclude; --extend-exclude adds to it (comma-separated, repeatable)
    proc = lintnews(tmp_path, "check", "--show-files", "--exclude", "old", "desk", "drafts", "wire")
    assert proc.stdout.splitlines() == ["desk/a.txt", "desk/b.md", "drafts/c.txt", "wire/feed.jsonl"]
    proc = lintnews(
        tmp_path,
        "check",
        "--show-files",
        "--extend-exclude",
        "*.md,old",
        "--extend-exclude",
        "feed.jsonl",
        ".",
    )
    assert proc.stdout.splitlines() == ["./desk/a.txt"]
    # a file named on the command line is read whatever excludes it (as the README says)
    proc = lintnews(tmp_path, "check", "--show-files", "drafts/c.txt", "-", "--stdin-filename", "in.md")
    assert proc.stdout.splitlines() == ["drafts/c.txt", "in.md"]


def test_show_files_names_what_cannot_be_read(tmp_path: Path) -> None:
    tree(tmp_path, FILES)
    proc = lintnews(tmp_path, "check", "--show-files", "desk", "gone.txt")
    assert proc.returncode == 2
    assert proc.stdout.splitlines() == ["desk/a.txt", "desk/b.md"]
    assert proc.stderr.startswith("lintnews: error: gone.txt: ")


def test_exclude_options_apply_to_a_lint_run(tmp_path: Path) -> None:
    tree(tmp_path, {**FILES, "lintnews.toml": 'select = ["D001"]\nexclude = ["drafts"]\n'})
    proc = lintnews(tmp_path, "check", "--no-cache", ".")
    assert sorted(line.split(":")[0] for line in proc.stdout.splitlines() if " D001 " in line) == [
        "./desk/a.txt",
        "./desk/b.md",
        "./generated/d.txt",
        "./wire/feed.jsonl#w1",
    ]
    proc = lintnews(
        tmp_path, "check", "--no-cache", "--exclude", "generated", "--extend-exclude", "desk", "."
    )
    assert sorted(line.split(":")[0] for line in proc.stdout.splitlines() if " D001 " in line) == [
        "./drafts/c.txt",
        "./wire/feed.jsonl#w1",
    ]


def test_output_format_and_its_format_alias(tmp_path: Path) -> None:
    tree(tmp_path, {"story.txt": STORY})
    outputs = []
    for flag in ("--output-format", "--format"):
        proc = lintnews(
            tmp_path, "check", "--isolated", "--no-cache", "--select", "D001", flag, "json", "story.txt"
        )
        assert proc.returncode == 1
        outputs.append(json.loads(proc.stdout))
    assert outputs[0] == outputs[1] and [d["code"] for d in outputs[0]] == ["D001"]
    help_text = lintnews(tmp_path, "check", "--help").stdout
    assert "--output-format, --format" in help_text
    proc = lintnews(tmp_path, "check", "--output-format", "xml", "story.txt")
    assert proc.returncode == 2 and "'xml' is not one of" in proc.stderr
