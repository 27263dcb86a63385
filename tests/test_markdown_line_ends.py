"""Markdown lines that end with a link: rules see the link's words, then blanks where its address
was (every position stays that of the file), so a rule that measures from a line's end measures
from the words a reader sees; a diagnostic on such a line covers the link whole, and `--fix` and
`--diff` (a patch `git apply` takes) delete whole links only. Run through the CLI on a ``.md``
file."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from console import NO_COLOR, run_lintnews
from test_markdown_links import LEDE, SECOND

#: A news site's "most read" widget as html2text writes it: each story a link, its count of
#: readers inside the link's text, a long address after it.
MOST_READ = [
    ("Ancestry website: Obama's mother descended from first US slave", 3076),
    ("Romney compliments Olympic preparation after tizzy in British press", 3812),
    ("Growing number of workers complain about being shortchanged", 637),
    ("Miami airport customs agent pleads guilty to groping three women", 249),
]
#: A link roundup: each item closed by its source's name, the source a link.
ROUNDUP = [
    ("Real cash gambling comes to Facebook at last", "Geekosystem"),
    ("Googlers to commute in self-driving cars next year", "ReadWriteWeb"),
    ("Google ordered to release names of paid journalists", "FWD"),
    ("Will the Instagram purchase be a bust for Facebook?", "The Daily Beast"),
]
#: An article's own reference list: each book a link, its year in brackets (no widget's stamp).
READING = [
    "C. Brown, Equalizing differences in the labor market (1980)",
    "V. Fuchs, Differentials in hourly earnings by region (1967)",
    "I. Hoch, Climate, wages and the quality of life (1971)",
    "R. Muth, Cities and housing, the spatial pattern of urban residential land use (1969)",
]


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def most_read() -> str:
    return "".join(
        f"  * [{title} ({count})](http://usnews.example.com/_news/2012/07/30/{1303 + k}-{slug(title)})\n"
        for k, (title, count) in enumerate(MOST_READ)
    )


def page(listing: str) -> str:
    return f"# Harbour strike ends\n\n{LEDE}\n\n## Most read\n\n{listing}\n{SECOND}\n"


def lintnews(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**NO_COLOR, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return run_lintnews(["check", "--isolated", "--no-cache", *args], cwd, env=env)


def found(cwd: Path, name: str, code: str) -> list[tuple[int, int, int, int]]:
    proc = lintnews(["--output-format", "json", "--exit-zero", name], cwd)
    assert proc.returncode == 0, proc.stderr
    return [
        (d["line"], d["column"], d["end_line"], d["end_column"])
        for d in json.loads(proc.stdout)
        if d["code"] == code
    ]


def test_a_list_whose_counts_end_inside_links_is_read_from_the_words_a_reader_sees(tmp_path: Path) -> None:
    text = page(most_read())
    (tmp_path / "story.md").write_text(text)
    last = text.split("\n")[9]  # the fourth item, ending with its link's address
    # from the first item's bullet to the last item's end: the last link whole
    assert found(tmp_path, "story.md", "S008") == [(7, 3, 10, len(last) + 1)]
    # as the same list without addresses is (what a reader of the page sees)
    shown = "".join(f"  * {title} ({count})\n" for title, count in MOST_READ)
    (tmp_path / "shown.md").write_text(page(shown))
    assert [f[:3] for f in found(tmp_path, "shown.md", "S008")] == [(7, 3, 10)]


def test_a_roundup_whose_sources_are_links_is_a_list_of_links(tmp_path: Path) -> None:
    items = "".join(
        f"  * {title} — [{source}](http://www.{slug(source)}.example.com/2012/08/{slug(title)}/)\n"
        for title, source in ROUNDUP
    )
    (tmp_path / "story.md").write_text(page(items))
    assert [f[:3] for f in found(tmp_path, "story.md", "S008")] == [(7, 3, 10)]


def test_a_reference_list_of_linked_books_is_left_alone(tmp_path: Path) -> None:
    items = "".join(f"  * [{book}](http://books.example.org/{slug(book)}/)\n" for book in READING)
    (tmp_path / "story.md").write_text(page(items))
    assert found(tmp_path, "story.md", "S008") == []


def test_fix_and_diff_delete_the_listing_with_its_links_whole(tmp_path: Path) -> None:
    text = page(most_read())
    expected = f"# Harbour strike ends\n\n{LEDE}\n\n{SECOND}\n"  # (S001 takes the "Most read" heading)
    fixed, patched = tmp_path / "fixed", tmp_path / "patched"
    for folder in (fixed, patched):
        folder.mkdir()
        (folder / "story.md").write_text(text)
    done = lintnews(["--fix", "--unsafe-fixes", "story.md"], fixed)
    assert done.returncode == 0, done.stderr
    assert (fixed / "story.md").read_text() == expected
    # --diff writes nothing, and its patch applies to give what --fix wrote
    assert subprocess.run(["git", "init", "-q", "."], cwd=patched, check=False).returncode == 0
    diff = lintnews(["--diff", "--unsafe-fixes", "story.md"], patched)
    assert (patched / "story.md").read_text() == text
    assert diff.stdout.startswith("--- a/story.md\n+++ b/story.md\n"), diff.stderr
    (tmp_path / "fix.patch").write_text(diff.stdout)
    applied = subprocess.run(
        ["git", "apply", str(tmp_path / "fix.patch")],
        cwd=patched,
        capture_output=True,
        text=True,
        check=False,
    )
    assert applied.returncode == 0, applied.stderr
    assert (patched / "story.md").read_text() == expected
