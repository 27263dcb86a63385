"""The README and the pages of `docs/` point at things that exist: every relative link's file, every
`#anchor` a heading of the page it names, and every `bench/`, `docs/` and `tests/` path the README's
prose names (a file moved or renamed must take the README with it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", ROOT / "bench" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
# a repository path in prose: bench/..., docs/..., tests/... ending in a file name or a folder's "/"
PATH = re.compile(r"(?<![\w./-])((?:bench|docs|tests)/[\w./-]*[\w/])")


def slug(heading: str) -> str:
    """GitHub's anchor of a Markdown heading: lower case, punctuation but `-` and `_` dropped,
    each space a hyphen."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """The anchors of a page's headings (code blocks left out), with GitHub's `-1`, `-2` for repeats."""
    seen: dict[str, int] = {}
    out = set()
    for line in FENCE.sub("", page.read_text(encoding="utf-8")).splitlines():
        heading = re.match(r"#{1,6} (.+)", line)
        if heading is None:
            continue
        base = slug(heading.group(1))
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.add(base if n == 0 else f"{base}-{n}")
    return out


def test_slug_is_github_s() -> None:
    assert slug("Residue: what is left of the junk real extractors keep (Dragnet, line level)") == (
        "residue-what-is-left-of-the-junk-real-extractors-keep-dragnet-line-level"
    )
    assert slug("Near-duplicates (N001, N002)") == "near-duplicates-n001-n002"
    assert slug("Hugging Face `datasets`") == "hugging-face-datasets"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_and_anchor_exists(page: Path) -> None:
    broken = []
    for target in LINK.findall(FENCE.sub("", page.read_text(encoding="utf-8"))):
        if re.match(r"[a-z]+:", target):  # http:, https:, mailto:
            continue
        file, _, anchor = target.partition("#")
        dest = (page.parent / file).resolve() if file else page
        if not dest.exists():
            broken.append(target)
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            broken.append(target)
    assert broken == []


def test_every_bench_docs_and_tests_path_the_readme_names_exists() -> None:
    prose = FENCE.sub("", (ROOT / "README.md").read_text(encoding="utf-8"))
    named = set(PATH.findall(prose))
    assert {
        "bench/quality.py",
        "bench/residue.py",
        "docs/quality-history.md",
        "docs/speed-history.md",
    } <= named
    missing = [
        p
        for p in sorted(named)
        if not p.startswith("bench/out/")  # the benchmarks' outputs (git-ignored), made by the scripts
        and "<" not in p
        and not (ROOT / p).exists()
    ]
    assert missing == []
