"""The README's generated parts stay true: the rules table and the configuration example."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from lintnews.cli import rules_table
from lintnews.config import build_settings, validate
from lintnews.corpus import CorpusOptions
from lintnews.registry import all_rules
from lintnews.selection import select_rules

README = Path(__file__).resolve().parent.parent / "README.md"


def test_rules_table_is_generated_from_the_code() -> None:
    text = README.read_text(encoding="utf-8")
    table = text.split("<!-- rules-table:start -->\n", 1)[1].split("<!-- rules-table:end -->", 1)[0]
    assert table == rules_table(list(all_rules().values())), "run: lintnews rules --format markdown"


def test_configuration_example_is_valid() -> None:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```toml\n(# lintnews.toml.*?)```", text, re.DOTALL)
    assert block is not None
    values = validate(tomllib.loads(block.group(1)))
    settings = build_settings(values)
    table = select_rules(settings)
    assert "B010" not in {r.code for r in table.rules}
    assert CorpusOptions.from_settings(settings).keep == "first"


def test_the_two_commands_come_first() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert lines[2] == "```sh"
    assert lines[3].startswith("pip install . && lintnews check fixtures/")
    assert lines[4].startswith("pip install -e '.[test]' && pytest -q -n auto ")
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]' && pytest -q -n auto\n" in ci


def test_every_test_the_attacks_table_names_exists() -> None:
    """The README's table of attacks (issue 21) names the test of each row: each must exist."""
    text = README.read_text(encoding="utf-8")
    after = text.split("### Attacks\n", 1)[1].split("| attack |", 1)[1]
    rows = []
    for line in after.splitlines()[2:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    assert len(rows) >= 10
    current = ""  # `::name` is a test of the file named last
    for row in rows:
        cell = row.rstrip(" |").rsplit(" | ", 1)[1]
        refs = re.findall(r"`([^`]*::[^`]+)`", cell)
        assert refs, row
        for ref in refs:
            file, _, name = ref.partition("::")
            current = file or current
            source = (README.parent / "tests" / current).read_text(encoding="utf-8")
            assert re.search(rf"^def {re.escape(name)}\(", source, re.MULTILINE), (
                f"README names {current}::{name}"
            )


def test_every_module_the_layout_diagram_names_exists() -> None:
    """The development section's layout diagram (issue 15) names real modules and packages."""
    text = README.read_text(encoding="utf-8")
    block = text.split("### Layout\n", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    named = re.findall(r"(?<![\w/.])((?:lintnews|rules)(?:/\w+)*(?:\.py|/))", block)
    assert len(named) >= 25
    for step in ("sources", "Document", "rules", "corpus", "reporters", "fixes"):
        assert re.search(rf"^  {step} ", block, re.MULTILINE), step
    root = README.parent
    missing = [
        name
        for name in named
        if not (root / name).is_file() and not (name.endswith("/") and (root / name).is_dir())
    ]
    assert missing == []
    # the classes and functions it names are where it says
    for module, name in (
        ("run/check_run", "class CheckRun"),
        ("analysis", "def analyze_document"),
        ("engine", "class Linter"),
        ("corpus/index", "class CorpusIndex"),
        ("document", "class Document"),
    ):
        source = (root / "lintnews" / f"{module}.py").read_text(encoding="utf-8")
        assert re.search(rf"^{name}\b", source, re.MULTILINE), (module, name)


def _cells(row: str) -> int:
    """The cells of a Markdown table row: its ``|`` outside code spans and not escaped, less one."""
    plain = re.sub(r"`[^`]*`", "", row.replace("\\|", ""))
    return plain.count("|") - 1


def test_every_table_row_has_its_header_s_cells() -> None:
    """A row pasted short (a cell cut off, a row run into the next paragraph) renders as a broken
    table: each row of each table has as many cells as the table's header."""
    for path in (README, README.parent / "bench" / "README.md"):
        lines = path.read_text(encoding="utf-8").splitlines()
        header = None
        for n, line in enumerate(lines, 1):
            if not line.startswith("|"):
                header = None
                continue
            if header is None:
                header = _cells(line)
                continue
            assert _cells(line) == header, f"{path.name}:{n}: {_cells(line)} cells, the header has {header}"
