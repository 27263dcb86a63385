"""Fuzzing the loaders and the CLI with hypothesis, for a bounded number of examples.

``LINTNEWS_FUZZ_EXAMPLES`` (default 150) sets how many inputs each target gets; CI runs the
default, a long local session can raise it. A target passes when every input either lints or
comes back as an `InputError`: never a traceback.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintnews.cli import main
from lintnews.config import Settings
from lintnews.engine import Linter
from lintnews.sources import InputError, html_document, make_document

EXAMPLES = int(os.environ.get("LINTNEWS_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
LINTER = Linter(Settings(select=["ALL"]))

TAGS = [
    "p",
    "div",
    "h1",
    "h2",
    "li",
    "ul",
    "table",
    "tr",
    "td",
    "br",
    "span",
    "b",
    "script",
    "style",
    "a",
    "pre",
]
ATTRS = ["", ' class="a"', ' title="Talks resumed"']
WORDS = st.sampled_from(
    [
        "Talks",
        "resumed",
        "&amp;",
        "&nbsp;",
        "<",
        ">",
        "&#8217;",
        "Leave a Comment",
        "Read more:",
        "»",
        "\n",
        " ",
        "ü",
        "\x00",
    ]
)


@st.composite
def html_soup(draw: st.DrawFn) -> str:
    """Markup made of random, possibly unbalanced, possibly deeply nested tags and text."""
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attr = draw(st.sampled_from(ATTRS))
            parts.append(f"<{tag}{attr}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(WORDS))
        else:
            parts.append(draw(st.text(max_size=20)))
    return "".join(parts)


def _lint_or_error(item: object) -> None:
    if isinstance(item, InputError):
        return
    diagnostics = LINTER.lint(item).diagnostics  # type: ignore[arg-type]
    assert not [d for d in diagnostics if d.code == "E900"], [
        d.message for d in diagnostics if d.code == "E900"
    ]


@given(html_soup())
@FUZZ
def test_html_loader_and_rules_survive_any_markup(markup: str) -> None:
    doc = html_document("page.html", markup)
    for line in range(len(doc.lines)):
        pos = doc.to_source(line, 0)
        assert pos.line >= 1 and pos.column >= 1
    _lint_or_error(doc)


@given(st.binary(max_size=300), st.sampled_from(["text", "markdown", "html"]))
@FUZZ
def test_any_bytes_as_a_file(data: bytes, kind: str) -> None:
    try:
        doc = make_document("f", data, kind)
    except Exception as exc:  # only the decoding error is allowed out, and it is turned into an InputError
        assert type(exc).__name__ == "DecodeError"
        return
    _lint_or_error(doc)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@given(
    st.lists(
        st.one_of(
            st.dictionaries(
                st.sampled_from(["id", "text", "html", "lintnews_ignore", "x"]), JSON_VALUES, max_size=4
            ).map(json.dumps),
            st.text(max_size=40),
        ),
        max_size=8,
    )
)
@FUZZ
def test_cli_on_random_jsonl_never_crashes(tmp_path_factory: object, lines: list[str]) -> None:
    folder = Path(tmp_path_factory.mktemp("fuzz"))  # type: ignore[attr-defined]
    corpus = folder / "c.jsonl"
    corpus.write_text(
        "\n".join(line.replace("\n", " ") for line in lines) + "\n", encoding="utf-8", errors="surrogatepass"
    )
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "--format", "json", str(corpus)])
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    json.loads(result.stdout)
