"""Every error path of the Markdown options as a person meets it, on a terminal: a bad
``--extension`` or ``--text-format``, a bad ``formats`` / ``text-format`` / ``format-field`` value
in the configuration (the cases of `test_text_formats`, there read from a pipe), a record whose
format field is unknown. Each is one line naming the option, or the file and key, or the file,
line and record; exit code 2; never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_text_formats import BAD_KEYS, BAD_OPTIONS
from ttyrun import lintnews_script, run_in_pty

STORY = "Dock workers voted on Friday to end the strike that had stopped the port for nine days.\n"


def run(cwd: Path, *args: str, config: str | None = None, stdout_tty: bool = True) -> tuple[int, str, str]:
    """``lintnews check --no-cache ARGS`` in ``cwd`` on a terminal: exit code, what the terminal
    showed (``\\n`` line ends) and standard output when it is not the terminal."""
    if config is not None:
        (cwd / "lintnews.toml").write_text(config)
    env = {**os.environ, "NO_COLOR": "1", "TQDM_DISABLE": "1"}
    done = run_in_pty([lintnews_script(), "check", "--no-cache", *args], cwd, env, stdout_tty=stdout_tty)
    return done.returncode, done.tty.replace("\r\n", "\n"), done.stdout


@pytest.mark.parametrize(("args", "message"), BAD_OPTIONS)
def test_a_bad_format_option_is_one_line_naming_the_option(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    code, tty, _ = run(tmp_path, *args, "story.txt")
    assert (code, tty) == (2, f"lintnews: error: {message}\n")


@pytest.mark.parametrize(("config", "message"), BAD_KEYS)
def test_a_bad_format_key_is_one_line_naming_the_file_and_key(
    tmp_path: Path, config: str, message: str
) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    code, tty, _ = run(tmp_path, "story.txt", config=config)
    assert (code, tty) == (2, f"lintnews: error: lintnews.toml: {message}\n")


def test_records_with_unknown_formats_are_named_and_the_others_linted(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": STORY, "format": "rst"},
        {"id": "b", "text": STORY, "format": ["md"]},
        {"id": "c", "text": STORY + "\n" + STORY, "format": "md"},
    ]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    code, tty, stdout = run(
        tmp_path,
        "--no-corpus",
        "--output-format",
        "json",
        "c.jsonl",
        config='format-field = "format"\n',
        stdout_tty=False,
    )
    assert code == 2
    assert tty.splitlines() == [
        "lintnews: error: c.jsonl:1 (record a): `format` is 'rst': the format of `text` must be text or "
        "markdown (or txt, md)",
        "lintnews: error: c.jsonl:2 (record b): `format` is a list: the format of `text` must be text or "
        "markdown (or txt, md)",
    ]
    # the record in a known format is linted as Markdown: its paragraph repeated (D001)
    assert [(d["record"], d["code"], d["line"]) for d in json.loads(stdout)] == [("c", "D001", 3)]
