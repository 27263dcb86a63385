"""Configuration errors as a user meets them: one line on stderr naming the configuration file
(or the pack file) and the key, exit code 2, nothing linted. Rule options are typed (each rule
declares them), and phrase packs name rules that read packs, by code or name."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from console import check_in as invoke
from console import run_lintnews

from lintnews.config import ConfigError, Settings, rule_options
from lintnews.packs import builtin_dir
from lintnews.registry import all_rules

#: D001 at line 7 (paragraph of 18 words repeating line 3).
DUPLICATE = """\
Harbour Council Approves Sea Wall Repairs

The harbour council voted on Tuesday to spend four million pounds on repairs to the old sea wall.

Work is due to start in March and should take about eighteen months, the council's engineer said.

The harbour council voted on Tuesday to spend four million pounds on repairs to the old sea wall.
"""

#: An article with one line of site chrome in it (line 5).
FILLER = """\
Library Reopens After Renovation

The central library reopened on Saturday after a two-year renovation that added a new reading room.

Our reporters recommend

Visitors queued from early morning, and staff said more than two thousand people came through the doors.
"""

READERS = "B001, B002, B003, B004, B005, B006, B007, B008, B009, B010, B020, B021, B022, B023, B024, B025, B026, B027, B032, G002, G003, S001, S003, S004"


def project(tmp_path: Path, config: str, name: str = "lintnews.toml", **files: str) -> Path:
    """A folder with a configuration file, the two articles and ``files`` (name: text)."""
    (tmp_path / name).write_text(config, encoding="utf-8")
    (tmp_path / "story.txt").write_text(DUPLICATE, encoding="utf-8")
    (tmp_path / "filler.txt").write_text(FILLER, encoding="utf-8")
    for file, text in files.items():
        (tmp_path / file).write_text(text, encoding="utf-8")
    return tmp_path


def one_error(tmp_path: Path, config: str, name: str = "lintnews.toml", **files: str) -> str:
    code, out, err = invoke(project(tmp_path, config, name, **files), "story.txt", "filler.txt")
    assert (code, out) == (2, ""), err
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    return err.strip()


# --- typed rule options (item 3) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            '[rule-options.D001]\nmin-words = "six"\n',
            "lintnews.toml: `rule-options.D001.min-words` must be an integer, not a string ('six')",
        ),
        (
            "[rule-options.D001]\nmin-wrds = 3\n",
            "lintnews.toml: unknown option `rule-options.D001.min-wrds`: D001 (duplicate-paragraph) has no option "
            "`min-wrds`; it takes `min-words`, `min-quote-words`",
        ),
        (
            "[rule-options.duplicate-paragraph]\nmin-words = 2.5\n",
            "lintnews.toml: `rule-options.duplicate-paragraph.min-words` must be an integer, not a float (2.5)",
        ),
        (
            "[rule-options.D001]\nmin-words = 0\n",
            "lintnews.toml: `rule-options.D001.min-words` must be at least 1; got 0",
        ),
        (
            "[rule-options.D001]\nmin-words = true\n",
            "lintnews.toml: `rule-options.D001.min-words` must be an integer, not a boolean (True)",
        ),
        (
            '[rule-options.S002]\nmax-overlap = "high"\n',
            "lintnews.toml: `rule-options.S002.max-overlap` must be a number, not a string ('high')",
        ),
        (
            "[rule-options.S002]\nmax-overlap = 1.5\n",
            "lintnews.toml: `rule-options.S002.max-overlap` must be from 0.0 to 1.0; got 1.5",
        ),
        (
            "[rule-options.T001]\nmin-words = 3\n",
            "lintnews.toml: unknown option `rule-options.T001.min-words`: T001 (truncated-sentence) has no option "
            "`min-words`; it takes none",
        ),
        ("[rule-options]\nD001 = 6\n", "lintnews.toml: `rule-options.D001` must be a table"),
    ],
    ids=[
        "string-for-int",
        "unknown-key",
        "float-for-int",
        "below-min",
        "bool-for-int",
        "string-for-float",
        "above-max",
        "rule-without-options",
        "not-a-table",
    ],
)
def test_rule_options_are_typed(tmp_path: Path, config: str, message: str) -> None:
    assert one_error(tmp_path, config) == f"lintnews: error: {message}"


def test_rule_options_error_in_pyproject_names_its_table(tmp_path: Path) -> None:
    err = one_error(tmp_path, "[tool.lintnews.rule-options.D001]\nmin-wrds = 3\n", "pyproject.toml")
    assert err.startswith(
        "lintnews: error: pyproject.toml: unknown option `tool.lintnews.rule-options.D001.min-wrds`"
    )


def test_valid_rule_options_apply_by_code_or_name(tmp_path: Path) -> None:
    """18 words repeat: D001 reports them by default, not with min-words above 18; the code's
    table wins over the name's."""
    folder = project(tmp_path, "")
    assert invoke(folder, "--select", "D001", "story.txt")[0] == 1
    for config, expected in [
        ("[rule-options.D001]\nmin-words = 19\n", 0),
        ("[rule-options.duplicate-paragraph]\nmin-words = 19\n", 0),
        ("[rule-options.duplicate-paragraph]\nmin-words = 19\n[rule-options.D001]\nmin-words = 18\n", 1),
        ("[rule-options.D001]\nmin-words = 18\n", 1),
    ]:
        (folder / "lintnews.toml").write_text(config, encoding="utf-8")
        code, out, err = invoke(folder, "--select", "D001", "story.txt")
        assert (code, err) == (expected, ""), (config, out)


def test_every_rule_option_is_declared_with_a_default() -> None:
    for rule in all_rules().values():
        if rule.options is not None:
            defaults = rule_options(rule, {})
            assert Settings().options_of(rule) == defaults
    with pytest.raises(ConfigError, match="has no option `x`"):
        rule_options(all_rules()["D002"], {"D002": {"x": 1}})


# --- every configuration error names the file (item 4) -------------------------------------------


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("[corpus]\nthreshold = 2\n", "lintnews.toml: `corpus.threshold` must be from 0 to 1; got 2.0"),
        (
            "[corpus]\nthreshhold = 0.5\n",
            "lintnews.toml: unknown configuration key `corpus.threshhold` (did you mean `threshold`?) (expected one of",
        ),
        ('[corpus]\nkeep = "oldest"\n', 'lintnews.toml: `corpus.keep = "oldest"` needs `corpus.date-field`'),
        ("[rule-options.D0001]\nmin-words = 3\n", "lintnews.toml: unknown rule `D0001` in `rule-options`"),
        (
            'extra-phrases = { no-such-rule = ["x"] }\n',
            f"lintnews.toml: `extra-phrases.no-such-rule`: unknown rule `no-such-rule` (rules that read phrase packs: "
            f"{READERS})",
        ),
        (
            'extra-phrases = { seo-filler = "Read more" }\n',
            "lintnews.toml: `extra-phrases.seo-filler` must be a list of strings",
        ),
        ('extend-packs = ["packs/ours.toml"]\n', "lintnews.toml: `extend-packs`: pack file not found: "),
        ('text-field = ""\n', "lintnews.toml: `text-field` must be a field name, not an empty string"),
    ],
    ids=[
        "corpus-value",
        "corpus-key",
        "corpus-keep",
        "rule-options-rule",
        "extra-phrases-rule",
        "extra-phrases-type",
        "extend-packs-missing",
        "empty-field-name",
    ],
)
def test_every_configuration_error_names_the_file(tmp_path: Path, config: str, message: str) -> None:
    assert one_error(tmp_path, config).startswith(f"lintnews: error: {message}")


def test_corpus_error_in_pyproject_names_the_file_and_its_table(tmp_path: Path) -> None:
    err = one_error(tmp_path, "[tool.lintnews.corpus]\nthreshold = 2\n", "pyproject.toml")
    assert (
        err
        == "lintnews: error: pyproject.toml: `tool.lintnews.corpus.threshold` must be from 0 to 1; got 2.0"
    )


def test_config_error_through_the_installed_script(tmp_path: Path) -> None:
    project(tmp_path, "[corpus]\nthreshold = 2\n")
    proc = run_lintnews(["check", "story.txt"], tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "lintnews: error: lintnews.toml: `corpus.threshold` must be from 0 to 1; got 2.0\n"


# --- phrase packs name rules that read packs (item 5) ------------------------------------------


def pack(rule: str) -> str:
    return f'language = "*"\n\n[[entry]]\nrule = "{rule}"\nlines = ["Our reporters recommend"]\n'


@pytest.mark.parametrize("rule", ["duplicate-paragraph", "D001", "N002"])
def test_a_pack_entry_for_a_rule_that_reads_no_pack_is_refused(tmp_path: Path, rule: str) -> None:
    err = one_error(tmp_path, 'extend-packs = ["ours.toml"]\n', **{"ours.toml": pack(rule)})
    code, name = {
        "duplicate-paragraph": ("D001", rule),
        "D001": ("D001", "duplicate-paragraph"),
        "N002": ("N002", "exact-duplicate-document"),
    }[rule]
    assert err == (
        f"lintnews: error: ours.toml entry 1: rule {code} ({name}) does not read phrase packs "
        f"(rules that do: {READERS})"
    )


def test_a_pack_entry_for_an_unknown_rule_names_the_pack(tmp_path: Path) -> None:
    err = one_error(tmp_path, 'extend-packs = ["ours.toml"]\n', **{"ours.toml": pack("seo-filer")})
    assert err == (
        f"lintnews: error: ours.toml entry 1: unknown rule `seo-filer` (rules that read phrase "
        f"packs: {READERS})"
    )


@pytest.mark.parametrize("rule", ["seo-filler", "S001"])
def test_a_pack_entry_names_its_rule_by_name_or_code(tmp_path: Path, rule: str) -> None:
    folder = project(tmp_path, 'extend-packs = ["ours.toml"]\n', **{"ours.toml": pack(rule)})
    code, out, err = invoke(folder, "--select", "S001", "filler.txt")
    assert (code, err) == (0, "")  # S001 is a warning
    assert out.splitlines()[0] == "filler.txt:5:1: S001 [*] Related-content prompt left in the text"


@pytest.mark.parametrize("rule", ["seo-filler", "S001"])
def test_extra_phrases_name_their_rule_by_name_or_code(tmp_path: Path, rule: str) -> None:
    folder = project(tmp_path, f'extra-phrases = {{ {rule} = ["Our reporters recommend"] }}\n')
    code, out, err = invoke(folder, "--select", "S001", "filler.txt")
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith("filler.txt:5:1: S001 ")


def test_extra_phrases_for_a_rule_that_reads_no_pack_is_refused(tmp_path: Path) -> None:
    err = one_error(tmp_path, 'extra-phrases = { D001 = ["Our reporters recommend"] }\n')
    assert err == (
        "lintnews: error: lintnews.toml: `extra-phrases.D001`: rule D001 (duplicate-paragraph) does not read "
        f"phrase packs (rules that do: {READERS})"
    )


def test_the_rules_that_read_packs_are_those_the_packs_feed() -> None:
    files = [tomllib.loads(path.read_text(encoding="utf-8")) for path in builtin_dir().glob("*.toml")]
    named = {data["name"] for data in files if "phrases" in data}  # (not S008's terms-only file)
    readers = {r.name for r in all_rules().values() if r.reads_packs}
    assert named == readers
    assert ", ".join(sorted(r.code for r in all_rules().values() if r.reads_packs)) == READERS
