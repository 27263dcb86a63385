"""Files lintnews configures itself from (ignore files, baselines, configuration) that are broken,
hostile or not files at all: each is one error line naming the file, exit 2; never a traceback,
a hang or a memory blow-up. Driven through the installed `lintnews` script, with a timeout so a
hang fails the test instead of the suite."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from console import NO_COLOR, run_lintnews

STORY = "Talks resumed in Geneva on Monday after a two-week pause, officials from both delegations said.\n"
OTHER = (
    "Heavy rain closed the coastal rail line on Tuesday, and buses replaced the trains between the towns.\n"
)


def check(args: list[str], cwd: Path) -> tuple[int, str, str]:
    done = run_lintnews(["check", "--no-cache", *args], cwd, env=NO_COLOR, timeout=60)
    return done.returncode, done.stdout, done.stderr


def one_error(err: str) -> str:
    """The single error line of ``err`` (and no traceback)."""
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.startswith("lintnews: error:")]
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "story.txt").write_text(STORY)
    (tmp_path / "articles" / "skip.txt").write_text(OTHER)
    return tmp_path


# --- ignore files --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"!\n", "lintnews: error: articles/.ignore:1: invalid ignore pattern '!': left out"),
        (b"skip.txt\n!\n", "lintnews: error: articles/.ignore:2: invalid ignore pattern '!': left out"),
        (
            b"skip.txt\n\x00\xff\xfe\x8f[\n",
            "lintnews: error: articles/.ignore: ignore file not read: binary content",
        ),
    ],
)
def test_an_ignore_file_with_an_invalid_line_or_binary_content(
    project: Path, content: bytes, expected: str
) -> None:
    (project / "articles" / ".ignore").write_bytes(content)
    code, out, err = check(["articles"], project)
    assert (code, one_error(err)) == (2, expected)
    # The valid patterns still apply (git leaves out an invalid line, not the file).
    linted = "1 document" if content.startswith(b"skip.txt\n!") else "2 documents"
    assert f"All checks passed ({linted})." in out


@pytest.mark.parametrize("name", [".ignore", ".gitignore", ".git/info/exclude"])
def test_a_named_pipe_as_ignore_file_does_not_hang(project: Path, name: str) -> None:
    (project / ".git" / "info").mkdir(parents=True)
    os.mkfifo(project / name)
    code, out, err = check(["articles"], project)
    assert (code, one_error(err)) == (
        2,
        f"lintnews: error: {name}: ignore file not read: a named pipe, not a regular file",
    )
    assert "All checks passed (2 documents)." in out


def test_an_ignore_file_linked_to_dev_zero_is_refused(project: Path) -> None:
    os.symlink("/dev/zero", project / "articles" / ".ignore")
    code, _, err = check(["articles"], project)
    expected = (
        "lintnews: error: articles/.ignore: ignore file not read: a character device, not a regular file"
    )
    assert (code, one_error(err)) == (2, expected)


def test_a_huge_ignore_file_is_refused_unread(project: Path) -> None:
    with open(project / "articles" / ".ignore", "wb") as fh:
        fh.truncate(9 << 20)  # sparse: 9 MiB of NULs would be binary anyway; the size is checked first
    code, _, err = check(["articles"], project)
    assert (code, one_error(err)) == (
        2,
        "lintnews: error: articles/.ignore: ignore file not read: larger than 8 MiB",
    )


# --- baselines -----------------------------------------------------------------------------------


def entry(**changes: object) -> dict[str, object]:
    return {
        "path": "articles/story.txt",
        "record": None,
        "code": "D001",
        "hash": "0123456789abcdef",
        "count": 1,
        **changes,
    }


@pytest.mark.parametrize(
    "text, message",
    [
        ("[" * 100_000 + "]" * 100_000, "not a lintnews baseline file (invalid JSON: depth limit exceeded"),
        (
            '{"version": 2, "entries": [' + json.dumps(entry())[:-2] + "1e400}]}",
            "not a lintnews baseline file (invalid JSON: number is infinity",
        ),
        (
            json.dumps({"version": 2, "entries": [entry(count=2.5)]}),
            "entry 1: not a baseline entry (path, record, code, hash, count)",
        ),
        (
            json.dumps({"version": 2, "entries": [entry(count=10**30)]}),
            "entry 1: not a baseline entry (path, record, code, hash, count)",
        ),
        (
            json.dumps({"version": 2, "entries": [entry(), entry(path=3)]}),
            "entry 2: not a baseline entry (path, record, code, hash, count)",
        ),
        (
            json.dumps({"version": 3, "entries": []}),
            "baseline format version 3 is not one this lintnews reads (1 to 2)",
        ),
        (json.dumps([entry()]), "not a lintnews baseline file (not a JSON object)"),
        (json.dumps({"version": 2, "entries": {}}), "not a lintnews baseline file (no list of entries)"),
    ],
    ids=lambda v: (
        v[:40] if isinstance(v, str) else None
    ),  # (short ids: pytest puts the id in the environment)
)
def test_a_broken_baseline_is_one_error_naming_it(project: Path, text: str, message: str) -> None:
    (project / "base.json").write_text(text)
    code, out, err = check(["--baseline", "base.json", "articles"], project)
    assert code == 2 and out == ""
    assert one_error(err).startswith(f"lintnews: error: base.json: {message}"), err


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_baseline_that_is_not_a_file_is_refused_without_reading(project: Path, kind: str) -> None:
    target = project / "base.json"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        os.symlink("/dev/zero", target)
    code, _, err = check(["--baseline", "base.json", "articles"], project)
    what = {"fifo": "a named pipe", "dev-zero": "a character device"}[kind]
    assert (code, one_error(err)) == (
        2,
        f"lintnews: error: base.json: cannot read baseline: {what}, not a regular file",
    )


# --- configuration -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "toml, message",
    [
        (
            'max-document-size = "99999999999999999999TB"\n',
            "`max-document-size` is too large (at most 1 EiB; 0 means no limit); got '99999999999999999999TB'",
        ),
        (
            f'max-document-size = "{"9" * 400}TB"\n',
            "`max-document-size` is too large (at most 1 EiB; 0 means no limit)",
        ),
        ("max-document-size = 9223372036854775807\n", "`max-document-size` is too large"),
        ("x = " + "[" * 100_000 + "]" * 100_000 + "\n", "invalid TOML: arrays or tables nested too deeply"),
        ("x = " + "{a=" * 100_000 + "}" * 100_000 + "\n", "invalid TOML: arrays or tables nested too deeply"),
        ('select = [""]\n', 'empty rule selector "" in `select`'),
        ('extend-select = ["D001", ""]\n', 'empty rule selector "" in `extend-select`'),
        ('ignore = [""]\n', 'empty rule selector "" in `ignore`'),
        ('[per-file-ignores]\n"*.txt" = [""]\n', 'empty rule selector "" in `per-file-ignores` `*.txt`'),
    ],
    ids=lambda v: (
        v[:40] if isinstance(v, str) else None
    ),  # (short ids: pytest puts the id in the environment)
)
def test_a_hostile_configuration_is_one_error_naming_the_file(project: Path, toml: str, message: str) -> None:
    (project / "lintnews.toml").write_text(toml)
    code, out, err = check(["articles"], project)
    assert code == 2 and out == ""
    assert one_error(err).startswith(f"lintnews: error: lintnews.toml: {message}"), err


def test_a_deeply_nested_pyproject_without_lintnews_is_skipped(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.other]\nx = " + "[" * 100_000 + "]" * 100_000 + "\n")
    code, out, err = check(["articles"], project)
    assert (code, err) == (0, "")
    assert out == "All checks passed (2 documents).\n"


def test_max_document_size_on_the_command_line_is_bounded_too(project: Path) -> None:
    code, _, err = check(["--max-document-size", "99999999999999999999TB", "articles"], project)
    assert code == 2 and one_error(err).startswith("lintnews: error: `--max-document-size` is too large")


def test_a_named_pipe_as_configuration_does_not_hang(project: Path) -> None:
    os.mkfifo(project / "fifo.toml")
    code, _, err = check(["--config", "fifo.toml", "articles"], project)
    expected = "lintnews: error: fifo.toml: cannot read configuration: a named pipe, not a regular file"
    assert (code, one_error(err)) == (2, expected)


@pytest.mark.parametrize("name", ["lintnews.toml", "pyproject.toml"])
def test_a_named_pipe_found_as_configuration_is_refused_not_skipped(project: Path, name: str) -> None:
    """A configuration file met on the way up is read as an ignore file is: a pipe is an error
    naming it, not silently passed over (which would lint with other settings)."""
    os.mkfifo(project / name)
    code, _, err = check(["articles"], project)
    expected = f"lintnews: error: {name}: cannot read configuration: a named pipe, not a regular file"
    assert (code, one_error(err)) == (2, expected)


@pytest.mark.parametrize("args", [["--select", ""], ["--extend-select", " "], ["--ignore", ","]], ids=str)
def test_an_empty_selector_on_the_command_line_is_an_error_as_in_a_file(
    project: Path, args: list[str]
) -> None:
    """`--select ""` used to fall back to the default rules (a typo in a CI script that checks
    less than it says); like `select = [""]` in a file it is an error. `--select D001,` (a
    trailing comma) still selects D001."""
    code, out, err = check([*args, "articles"], project)
    assert (code, out) == (2, "")
    assert one_error(err) == f'lintnews: error: empty rule selector "" in `{args[0]}`'
    code, _, err = check(["--select", "D001,", "articles"], project)
    assert code in (0, 1) and err == ""
