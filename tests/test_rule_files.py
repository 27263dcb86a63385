"""One file per phrase rule (``rules/packs/<CODE>.toml``, Vale style): users extend a rule with a
file of the same shape in ``extend-packs``, per language; a broken file is one line naming it
and exit 2; packs of the first shape still load."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from console import lintnews_script

from lintnews.diagnostics import Severity
from lintnews.packs import PackSet, PhraseRule, load_pack, phrase_rule
from lintnews.registry import all_rules

GERMAN = (
    "Der Stadtrat hat am Dienstagabend nach langer Debatte den Haushalt für das kommende Jahr "
    "beschlossen, und die Bürgermeisterin sprach von einem guten Tag für die Schulen der Stadt. "
    "Die Opposition kritisierte, dass für die Sanierung der Straßen zu wenig Geld bleibe."
)
ENGLISH = (
    "The city council approved next year's budget on Tuesday evening after a long debate, and the "
    "mayor said the vote was a relief for the schools. The opposition said that the plan leaves too "
    "little for the repair of the roads."
)
READERS = ", ".join(sorted(r.code for r in all_rules().values() if r.reads_packs))

HOUSE = """\
# Our site's phrases for S001, per language (the shape of rules/packs/S001.toml).
rule = "S001"

[phrases.en]
lines = ["Our reporters recommend"]

[[phrases.de]]
message = "Hausinterner Teaser"
severity = "error"
lines = ["Unsere Top-Themen am Morgen"]
patterns = ['heute im blatt ?: .{3,80}']

[[phrases.de]]
lines = ["Aus unserem Hausblatt"]
"""


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [lintnews_script(), "check", "--no-cache", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )


def project(tmp_path: Path, pack: str, name: str = "ours.toml") -> Path:
    (tmp_path / name).write_text(pack, encoding="utf-8")
    (tmp_path / "lintnews.toml").write_text(f'extend-packs = ["{name}"]\n', encoding="utf-8")
    (tmp_path / "artikel.txt").write_text(
        f"{GERMAN}\nUnsere Top-Themen am Morgen\nHeute im Blatt: Der neue Bahnhof\nAus unserem Hausblatt\n"
        "Our reporters recommend\n",
        encoding="utf-8",
    )
    (tmp_path / "story.txt").write_text(f"{ENGLISH}\nOur reporters recommend\nUnsere Top-Themen am Morgen\n")
    return tmp_path


def found(proc: subprocess.CompletedProcess[str]) -> list[tuple[str, int, str, str]]:
    return [(d["path"], d["line"], d["message"], d["severity"]) for d in json.loads(proc.stdout)]


def test_a_users_rule_file_extends_the_rule_per_language(tmp_path: Path) -> None:
    proc = run(
        project(tmp_path, HOUSE), "--select", "S001", "--output-format", "json", "artikel.txt", "story.txt"
    )
    assert (proc.returncode, proc.stderr) == (1, "")
    assert found(proc) == [
        ("artikel.txt", 2, "Hausinterner Teaser", "error"),
        ("artikel.txt", 3, "Hausinterner Teaser", "error"),
        ("artikel.txt", 4, "Related-content prompt left in the text", "warning"),
        (
            "artikel.txt",
            5,
            "Related-content prompt left in the text",
            "warning",
        ),  # English applies everywhere
        ("story.txt", 2, "Related-content prompt left in the text", "warning"),  # German does not
    ]
    # Without the file the lines are article text.
    (tmp_path / "lintnews.toml").write_text("", encoding="utf-8")
    proc = run(tmp_path, "--select", "S001", "--output-format", "json", "artikel.txt", "story.txt")
    assert (proc.returncode, proc.stdout.strip(), proc.stderr) == (0, "[]", "")


def test_a_file_level_message_and_severity_apply_to_its_tables(tmp_path: Path) -> None:
    pack = 'name = "seo-filler"\nmessage = "House teaser"\nseverity = "info"\n[phrases."*"]\nlines = ["Our reporters recommend"]\n'
    proc = run(project(tmp_path, pack), "--select", "S001", "--output-format", "json", "story.txt")
    assert found(proc) == [("story.txt", 2, "House teaser", "info")]


def test_a_copy_of_a_built_in_rule_file_loads_as_an_extension(tmp_path: Path) -> None:
    """Copying rules/packs/S001.toml and adding a line is the easiest way to start."""
    text = (Path(__file__).resolve().parent.parent / "rules" / "packs" / "S001.toml").read_text(
        encoding="utf-8"
    )
    text = text.replace(
        "[phrases.en]\nlines = [\n", '[phrases.en]\nlines = [\n  "Our reporters recommend",\n', 1
    )
    assert "Our reporters recommend" in text
    proc = run(project(tmp_path, text), "--select", "S001", "--output-format", "json", "story.txt")
    assert found(proc) == [("story.txt", 2, "Related-content prompt left in the text", "warning")]


def test_a_pack_of_the_first_shape_still_loads(tmp_path: Path) -> None:
    pack = 'language = "de"\n\n[[entry]]\nrule = "seo-filler"\nmessage = "Hausinterner Teaser"\nlines = ["Aus unserem Hausblatt"]\n'
    proc = run(project(tmp_path, pack), "--select", "S001", "--output-format", "json", "artikel.txt")
    assert found(proc) == [("artikel.txt", 4, "Hausinterner Teaser", "warning")]


ERRORS = [
    (
        "unknown-rule",
        'rule = "seo-filer"\n[phrases.en]\nlines = ["x"]\n',
        f"ours.toml: unknown rule `seo-filer` (rules that read phrase packs: {READERS})",
    ),
    (
        "not-a-reader",
        'rule = "T001"\n[phrases.en]\nlines = ["x"]\n',
        f"ours.toml: rule T001 (truncated-sentence) does not read phrase packs (rules that do: {READERS})",
    ),
    (
        "no-rule",
        '[phrases.en]\nlines = ["x"]\n',
        'ours.toml: a pack needs `rule = "<rule name or code>"` (or a `language` and [[entry]] tables)',
    ),
    (
        "two-rules",
        'code = "S001"\nname = "cookie-consent"\n[phrases.en]\nlines = ["x"]\n',
        "ours.toml: `code = 'S001'`, `name = 'cookie-consent'` name different rules",
    ),
    ("rule-type", 'rule = 1\n[phrases.en]\nlines = ["x"]\n', "ours.toml: `rule` must be a string"),
    (
        "top-key",
        'rule = "S001"\nlanguages = ["en"]\n[phrases.en]\nlines = ["x"]\n',
        "ours.toml: unknown key `languages` in pack (a rule file holds `code`, `description`, `docs`, "
        "`message`, `name`, `phrases`, `rule`, `severity`, `summary`, `terms`, `words`)",
    ),
    (
        "phrases-type",
        'rule = "S001"\nphrases = ["x"]\n',
        "ours.toml: `phrases` must be a table of languages ([phrases.en], [phrases.de], ...)",
    ),
    (
        "lang-type",
        'rule = "S001"\n[phrases]\nen = ["x"]\n',
        "ours.toml: `phrases.en` must be a table ([phrases.en]) or tables",
    ),
    (
        "table-key",
        'rule = "S001"\n[phrases.en]\nline = ["x"]\n',
        "ours.toml [phrases.en]: unknown key `line`",
    ),
    (
        "lines-type",
        'rule = "S001"\n[phrases.en]\nlines = "x"\n',
        "ours.toml [phrases.en]: `lines` of rule seo-filler must be a list of strings",
    ),
    (
        "severity",
        'rule = "S001"\n[[phrases.de]]\nlines = ["x"]\n[[phrases.de]]\nseverity = "fatal"\nlines = ["y"]\n',
        "ours.toml [phrases.de] #2: unknown severity 'fatal' (expected error, warning or info)",
    ),
    (
        "regex",
        "rule = \"S001\"\n[phrases.fr]\npatterns = ['(unclosed']\n",
        "ours.toml [phrases.fr]: invalid pattern '(unclosed' for rule seo-filler: missing ), unterminated subpattern "
        "at position 0",
    ),
    (
        "toml",
        'rule = "S001"\n[phrases.en\n',
        "ours.toml: invalid TOML in pack: Expected ']' at the end of a table "
        "declaration (at line 2, column 12)",
    ),
]


@pytest.mark.parametrize(("pack", "message"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_a_broken_rule_file_is_one_line_naming_it_and_exit_2(tmp_path: Path, pack: str, message: str) -> None:
    proc = run(project(tmp_path, pack), "story.txt")
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines() == [f"lintnews: error: {message}"]


def test_a_pattern_that_can_hang_is_refused_in_a_rule_file(tmp_path: Path) -> None:
    pack = "rule = \"newsletter-prompt\"\n[phrases.de]\npatterns = ['jetzt \\w+ abonnieren', '(a+)+b']\n"
    proc = run(project(tmp_path, pack), "story.txt")
    assert (proc.returncode, proc.stdout) == (2, "")
    [line] = proc.stderr.splitlines()
    assert line.startswith(
        "lintnews: error: ours.toml [phrases.de]: pattern '(a+)+b' for rule newsletter-prompt can make matching "
        "hang: it can match a run of 'a' in exponentially many ways"
    )


def test_a_rule_class_cannot_repeat_what_its_file_says() -> None:
    with pytest.raises(TypeError, match=r"Mine sets severity: they live in rules/packs/B001.toml"):

        @phrase_rule("B001")
        class Mine(PhraseRule):
            severity = Severity.ERROR

    @phrase_rule("B001")
    class Copy(PhraseRule):
        pass

    assert (Copy.code, Copy.name, Copy.severity, Copy.default_message) == (
        "B001",
        "adblock-notice",
        Severity.ERROR,
        "Ad-blocker notice left in the text",
    )
    assert Copy.reads_packs and (Copy.__doc__ or "").startswith("## What it does")


@pytest.mark.parametrize(
    ("doc", "start"),
    [("README.md", "# our-site.toml"), ("rules/packs/README.md", "# lint/our-site.toml")],
    ids=["readme", "packs-readme"],
)
def test_the_documented_user_rule_file_loads(tmp_path: Path, doc: str, start: str) -> None:
    text = (Path(__file__).resolve().parent.parent / doc).read_text(encoding="utf-8")
    block = text[text.index(f"```toml\n{start}") + len("```toml\n") :]
    (tmp_path / "ours.toml").write_text(block[: block.index("```")], encoding="utf-8")
    packs = PackSet()
    load_pack(tmp_path / "ours.toml", packs)
    assert (
        sum(
            len(e.lines) + len(e.patterns)
            for rules in packs.by_language.values()
            for es in rules.values()
            for e in es
        )
        >= 3
    )
