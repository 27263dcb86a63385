"""Code is not the page's chrome: a program's `print()` in a Markdown fence is no print button,
its `Tags:` no tag line, a doctest's `'a second ago'` no timestamp (`lintnews.packs.matching`'s
code lines), and in Markdown a line right below a paragraph's line is the same paragraph (T001)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lintnews.config import Settings
from lintnews.engine import Linter
from lintnews.sources.documents import html_document, markdown_document

#: A tech story with code in it: the lines a phrase rule would take if they were the page's.
STORY = """# The new release makes scripts easier to debug

The maintainers published the new version on Tuesday, and the changes reach every script that
prints its progress to the terminal or tags the functions it deploys.

```python
import locate

this_dir = locate.this_dir()
print(f"This file is located in: {this_dir}")
print()
```

The deployment template keeps its tags beside the function, as before:

```yaml
MyFunction:
  Type: AWS::Lambda::Function
  Properties:
    Tags:
      - Key: team
```

Times are written for people, and the examples show what a call returns:

```pycon
>>> humanize.naturaltime(dt.datetime.now() - dt.timedelta(seconds=1))
'a second ago'
>>> humanize.naturaltime(dt.datetime.now() - dt.timedelta(seconds=3600))
'an hour ago'
```

The release notes list every change, and the maintainers thanked the contributors who tested it.
"""

#: The same page's chrome outside the code: still reported.
CHROME = """
Print

Tags: python, release, tooling

2 hours ago
"""


def codes_and_lines(doc_text: str) -> list[tuple[str, str]]:
    doc = markdown_document("story.md", doc_text)
    lines = doc_text.split("\n")
    return [(d.code, lines[d.line - 1]) for d in Linter(Settings()).lint(doc).diagnostics]


def test_phrases_inside_a_markdown_fence_are_code() -> None:
    assert codes_and_lines(STORY) == []


def test_the_same_phrases_outside_the_fence_are_reported() -> None:
    found = codes_and_lines(STORY + CHROME)
    assert ("B025", "Print") in found
    assert ("B023", "2 hours ago") in found
    assert [
        line
        for _, line in found
        if "print(" in line or "second ago" in line or "Tags:" in line and "  " in line
    ] == []


def test_phrases_inside_an_html_pre_are_code() -> None:
    def page(element: str) -> str:
        return (
            "<html><body><article><h1>The new release</h1>"
            "<p>The maintainers published the new version on Tuesday, and the changes reach every "
            f"script that prints its progress.</p><{element}>print()</{element}>"
            "<p>The release notes list every change, and the maintainers thanked the testers.</p>"
            "</article></body></html>"
        )

    for element, expected in (("pre", []), ("p", ["B025"])):
        doc = html_document("story.html", page(element))
        assert "print()" in doc.lines
        assert [d.code for d in Linter(Settings()).lint(doc).diagnostics] == expected


def test_fix_leaves_the_code_as_written(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(STORY + CHROME, encoding="utf-8")
    argv = [
        sys.executable,
        "-m",
        "lintnews",
        *"check --isolated --no-cache --fix --exit-zero".split(),
        str(path),
    ]
    subprocess.run(argv, check=True, capture_output=True)
    fixed = path.read_text(encoding="utf-8")
    assert STORY.rstrip("\n") in fixed  # every line of code kept, as written
    assert "\nPrint\n" not in fixed and "2 hours ago" not in fixed  # the page's chrome removed


def test_t001_reads_a_markdown_line_break_as_a_soft_break() -> None:
    text = (
        "Any class with trait attributes must inherit from `HasTraits`.\n"
        "For the list of available trait types and their properties, see the\n"
        "[Trait Types](https://traitlets.readthedocs.io/en/latest/trait_types.html)\n"
        "section of the documentation.\n\n"
        "The documentation also lists the changes of every release since the first one.\n"
    )
    assert codes_and_lines(text) == []
    # the same cut before a blank line is still one
    cut = text.replace("see the\n", "see the\n\n")
    assert [code for code, _ in codes_and_lines(cut)] == ["T001"]


def test_html2text_struck_out_links_are_no_fence() -> None:
    # html2text writes an empty struck-out link as "~~~~__": the lines between two are the page's
    text = (
        "The maintainers published the new version on Tuesday, and the changes reach every script.\n\n"
        "~~~~__\n\nFOLLOW US\n\nPrint\n\n~~~~__\n\n"
        "The release notes list every change, and the maintainers thanked the contributors.\n"
    )
    assert ("B025", "Print") in codes_and_lines(text)


def test_a_fence_closes_only_on_its_own_mark() -> None:
    # a "~~~" (or a shorter run) inside a ``` fence is a line of code: the code runs on to the
    # "```", and the page's chrome after it is reported
    for inner in ("~~~", "``"):
        text = STORY.replace("print()\n```", f"print()\n{inner}\nPrint\n```", 1) + "\n2 hours ago\n"
        found = codes_and_lines(text)
        assert ("B025", "Print") not in found
        assert ("B023", "2 hours ago") in found
