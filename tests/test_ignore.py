"""Folder walks leave out what .gitignore (in a repository) and .ignore files ignore, as ruff does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from lintnews.cli import main
from lintnews.config import ConfigError, Settings, validate
from lintnews.sources import InputError, iter_paths


def tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def walked(root: Path, *paths: str, **settings: object) -> list[str]:
    found = iter_paths([str(root / p) for p in paths] or [str(root)], Settings(**settings))  # type: ignore[arg-type]
    return [os.path.relpath(p, root) for p in found if not isinstance(p, InputError)]


def test_gitignore_in_a_repository(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    tree(
        tmp_path,
        {
            ".gitignore": "out/\n*.draft.txt\n*.md\n!keep.md\n",
            "a.txt": "x",
            "b.draft.txt": "x",
            "notes.md": "x",
            "keep.md": "x",
            "out/c.txt": "x",
            "desk/out/d.txt": "x",
            "desk/e.txt": "x",
        },
    )
    assert walked(tmp_path) == ["a.txt", "desk/e.txt", "keep.md"]
    assert walked(tmp_path, respect_gitignore=False) == [
        "a.txt",
        "b.draft.txt",
        "desk/e.txt",
        "desk/out/d.txt",
        "keep.md",
        "notes.md",
        "out/c.txt",
    ]


def test_a_deeper_gitignore_overrides_and_an_ignored_folder_stays_ignored(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    tree(
        tmp_path,
        {
            ".gitignore": "x.txt\nout/\n!out/keep.txt\n",
            "x.txt": "x",
            "desk/x.txt": "x",
            "desk/.gitignore": "!x.txt\n",
            "out/keep.txt": "x",
        },
    )
    # git cannot re-include a file whose folder is ignored
    assert walked(tmp_path) == ["desk/x.txt"]


def test_gitignore_outside_a_repository_is_not_read_but_dot_ignore_is(tmp_path: Path) -> None:
    tree(tmp_path, {".gitignore": "a.txt\n", ".ignore": "b.txt\n", "a.txt": "x", "b.txt": "x", "c.txt": "x"})
    assert walked(tmp_path) == ["a.txt", "c.txt"]


def test_rules_above_the_walked_folder_apply(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    tree(
        tmp_path,
        {
            ".gitignore": "scraped/raw/\n*.tmp.txt\n",
            ".git/info/exclude": "local.txt\n",
            "scraped/a.txt": "x",
            "scraped/b.tmp.txt": "x",
            "scraped/local.txt": "x",
            "scraped/raw/c.txt": "x",
        },
    )
    assert walked(tmp_path, "scraped") == ["scraped/a.txt"]


def test_named_files_are_linted_even_when_ignored(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    tree(tmp_path, {".gitignore": "*.txt\n", "a.txt": "x"})
    assert walked(tmp_path) == []
    assert walked(tmp_path, "a.txt") == ["a.txt"]


def test_check_skips_an_ignored_output_folder(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    lede = "Talks resumed in Geneva on Monday after a two-week pause, officials from both delegations said."
    tree(
        tmp_path,
        {".gitignore": "bench/out/\n", "story.txt": f"{lede}\n", "bench/out/junk.txt": f"{lede}\n{lede}\n"},
    )
    (tmp_path / "cfg.toml").write_text("respect-gitignore = false\n")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "."])
        unignored = CliRunner().invoke(main, ["check", "--no-cache", "--config", "cfg.toml", "."])
        flag = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "--no-respect-gitignore", "."])
        both = CliRunner().invoke(
            main, ["check", "--no-cache", "--config", "cfg.toml", "--respect-gitignore", "."]
        )
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    assert unignored.exit_code == 1
    assert "bench/out/junk.txt:2:1: D001" in unignored.output
    assert flag.exit_code == 1 and "bench/out/junk.txt:2:1: D001" in flag.output
    assert both.exit_code == 0, both.output  # the command line wins over the configuration


def test_respect_gitignore_must_be_a_boolean() -> None:
    assert validate({"respect-gitignore": False}) == {"respect-gitignore": False}
    with pytest.raises(ConfigError, match="respect-gitignore"):
        validate({"respect-gitignore": "no"})
