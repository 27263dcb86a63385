"""Configuration: discovery, validation, rule selection, per-file ignores and severities."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from lintnews.cli import main
from lintnews.config import ConfigError, RuleSelection, Settings, build_settings, find_config, validate
from lintnews.configfile import resolve_settings
from lintnews.diagnostics import Severity
from lintnews.selection import select_rules


def selected(settings: Settings, path: str | None = None) -> set[str]:
    return {r.code for r in select_rules(settings, path).rules}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- discovery -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["lintnews.toml", ".lintnews.toml"])
def test_found_by_walking_up(tmp_path: Path, name: str) -> None:
    cfg = write(tmp_path / name, 'ignore = ["T002"]\n')
    article = write(tmp_path / "desk" / "world" / "story.txt", "Text.\n")
    assert find_config(article) == cfg
    assert find_config(article.parent) == cfg
    settings = resolve_settings([str(article)])
    assert settings.ignore == ["T002"]
    assert settings.root == str(tmp_path.resolve())
    assert settings.config_path == str(cfg)


def test_pyproject_with_table_is_used(tmp_path: Path) -> None:
    cfg = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.lintnews]\nselect = ["D"]\n')
    article = write(tmp_path / "a" / "story.txt", "Text.\n")
    assert find_config(article) == cfg
    assert resolve_settings([str(article)]).select == ["D"]


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    outer = write(tmp_path / "lintnews.toml", 'select = ["T"]\n')
    write(tmp_path / "proj" / "pyproject.toml", '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 99\n')
    article = write(tmp_path / "proj" / "story.txt", "Text.\n")
    assert find_config(article) == outer
    assert resolve_settings([str(article)]).select == ["T"]


def test_nearest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / "lintnews.toml", 'select = ["T"]\n')
    inner = write(tmp_path / "desk" / "pyproject.toml", '[tool.lintnews]\nselect = ["D"]\n')
    article = write(tmp_path / "desk" / "story.txt", "Text.\n")
    assert find_config(article) == inner


def test_invalid_pyproject_that_configures_lintnews_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.lintnews]\nselect = ["D"\n')
    article = write(tmp_path / "story.txt", "Text.\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml: invalid TOML"):
        resolve_settings([str(article)])


def test_no_config_gives_defaults(tmp_path: Path) -> None:
    article = write(tmp_path / "story.txt", "Text.\n")
    settings = resolve_settings([str(article)])
    if settings.config_path is not None:  # a config above tmp_path would make this test moot
        pytest.fail(f"unexpected config above the test folder: {settings.config_path}")
    assert settings == Settings()


def test_explicit_config_wins_over_discovery(tmp_path: Path) -> None:
    write(tmp_path / "lintnews.toml", 'select = ["T"]\n')
    explicit = write(tmp_path / "elsewhere" / "ci.toml", 'select = ["D001"]\n')
    article = write(tmp_path / "story.txt", "Text.\n")
    settings = resolve_settings([str(article)], config=str(explicit))
    assert settings.select == ["D001"]
    assert settings.root == str(explicit.parent.resolve())


def test_explicit_config_missing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="nope.toml: configuration file not found"):
        resolve_settings(["."], config=str(tmp_path / "nope.toml"))


def test_isolated_ignores_config(tmp_path: Path) -> None:
    write(tmp_path / "lintnews.toml", 'select = ["T"]\n')
    article = write(tmp_path / "story.txt", "Text.\n")
    assert resolve_settings([str(article)], isolated=True) == Settings()


# --- validation ----------------------------------------------------------------------------


def test_a_key_like_no_other_gets_no_guess(tmp_path: Path) -> None:
    write(tmp_path / "lintnews.toml", 'colour = "D"\n')
    with pytest.raises(ConfigError) as info:
        resolve_settings([str(tmp_path)])
    assert str(info.value).endswith("unknown configuration key `colour`")
    write(tmp_path / "lintnews.toml", 'select = ["B0O2"]\n')
    with pytest.raises(ConfigError) as info:
        resolve_settings([str(tmp_path)])
    assert str(info.value).endswith("unknown rule selector `B0O2` in `select`")


@pytest.mark.parametrize(
    "toml, message",
    [
        ('selct = ["D"]\n', "unknown configuration key `selct` (did you mean `select`?)"),
        (
            'select = ["coment-thread"]\n',
            "unknown rule selector `coment-thread` in `select` (did you mean `comment-thread`?)",
        ),
        ('ignore = ["b01"]\n', "unknown rule selector `b01` in `ignore` (did you mean `B01`?)"),
        ('select = "D"\n', "`select` must be a list of strings"),
        ("select = [1]\n", "`select` must be a list of strings"),
        ('fail-on = "fatal"\n', "`fail-on` must be one of error, warning, info; got 'fatal'"),
        ('output-format = "xml"\n', "`output-format` must be one of"),
        ("text-field = 3\n", "`text-field` must be a string, not int"),
        ('[severity]\nD001 = "critical"\n', "`severity.D001`: unknown severity 'critical'"),
        ('per-file-ignores = ["D"]\n', "`per-file-ignores` must be a table"),
        ('[per-file-ignores]\n"*.md" = "D"\n', "`per-file-ignores.*.md` must be a list of strings"),
        ("select = [\n", "invalid TOML"),
        (
            'max-document-size = "50 PB"\n',
            '`max-document-size` must be a number of bytes or a size such as "50MB"',
        ),
        ("max-document-size = -1\n", "`max-document-size` must not be negative"),
        ("max-document-size = 1.5\n", "`max-document-size` must be a number of bytes"),
    ],
)
def test_invalid_values_name_the_key(tmp_path: Path, toml: str, message: str) -> None:
    cfg = write(tmp_path / "lintnews.toml", toml)
    with pytest.raises(ConfigError) as info:
        resolve_settings([str(tmp_path)])
    assert str(info.value).startswith(f"{cfg}: ")
    assert message in str(info.value)


@pytest.mark.parametrize(
    "value, size",
    [
        (0, 0),
        (123456, 123456),
        ("123456", 123456),
        ("50MB", 50_000_000),
        ("50 mb", 50_000_000),
        ("1.5GB", 1_500_000_000),
        ("512KiB", 512 * 1024),
        ("2 MiB", 2 << 20),
        ("100B", 100),
    ],
)
def test_max_document_size_takes_bytes_or_a_size_with_a_unit(value: object, size: int) -> None:
    assert build_settings(validate({"max-document-size": value})).max_document_size == size


def test_max_document_size_has_a_default() -> None:
    assert Settings().max_document_size == 10_000_000


def test_max_document_size_on_the_command_line(tmp_path: Path) -> None:
    write(tmp_path / "lintnews.toml", 'max-document-size = "1MB"\n')
    article = write(tmp_path / "story.txt", "Dock workers voted on Thursday to accept the offer.\n")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--max-document-size", "10", str(article)])
    assert result.exit_code == 2  # the command line overrides the file
    assert "document too large to lint: 52 bytes (max-document-size is 10 bytes" in result.stderr
    result = CliRunner().invoke(main, ["check", "--no-cache", "--max-document-size", "ten", str(article)])
    assert result.exit_code == 2
    assert result.stderr.startswith("lintnews: error: `--max-document-size` must be a number of bytes")
    result = CliRunner().invoke(main, ["check", "--no-cache", str(article)])
    assert result.exit_code == 0, result.output


def test_unknown_key_in_pyproject_is_named_with_its_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.lintnews]\nignor = ["D"]\n')
    with pytest.raises(ConfigError, match=r"unknown configuration key `tool\.lintnews\.ignor`"):
        resolve_settings([str(tmp_path)])


@pytest.mark.parametrize(
    "values, message",
    [
        ({"select": ["X999"]}, "unknown rule selector `X999` in select"),
        ({"ignore": ["duplicate-paragrph"]}, "unknown rule selector `duplicate-paragrph` in ignore"),
        ({"extend-select": ["D9"]}, "unknown rule selector `D9` in extend-select"),
        ({"per-file-ignores": {"*.md": ["Q1"]}}, "unknown rule selector `Q1` in per-file-ignores `*.md`"),
        ({"severity": {"T7": "info"}}, "unknown rule selector `T7` in severity"),
        ({"rule-options": {"D0001": {"min-words": 3}}}, "unknown rule `D0001` in `rule-options`"),
        ({"rule-options": {"D001": 3}}, "`rule-options.D001` must be a table"),
    ],
)
def test_unknown_selectors_are_errors(values: dict[str, object], message: str) -> None:
    settings = build_settings(validate(values))
    with pytest.raises(ConfigError, match=message.replace("*", r"\*").replace(".", r"\.")):
        select_rules(settings)


def test_cli_reports_config_errors_on_one_line_with_exit_2(tmp_path: Path) -> None:
    write(tmp_path / "lintnews.toml", '[severity]\nD001 = "loud"\n')
    article = write(tmp_path / "story.txt", "Dock workers voted on Thursday to accept the offer.\n")
    result = CliRunner().invoke(main, ["check", "--no-cache", str(article)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "lintnews.toml" in lines[0] and "severity.D001" in lines[0] and "loud" in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_cli_unknown_selector_is_exit_2(tmp_path: Path, option: str) -> None:
    article = write(tmp_path / "story.txt", "Dock workers voted.\n")
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", option, "Z123", str(article)])
    assert result.exit_code == 2
    assert "unknown rule selector `Z123`" in result.output


# --- selection -----------------------------------------------------------------------------


def test_default_selection_has_the_first_rules() -> None:
    assert {"D001", "D002", "T001", "T002"} <= selected(Settings())


@pytest.mark.parametrize(
    "values, want, not_want",
    [
        ({"select": ["D"], "ignore": ["D001"]}, {"D002"}, {"D001", "T001"}),
        ({"select": ["D001"], "ignore": ["D"]}, {"D001"}, {"D002"}),
        ({"select": ["D0"], "ignore": ["D"]}, {"D001", "D002"}, {"T001"}),
        ({"select": ["D"], "ignore": ["D0"]}, set(), {"D001", "D002"}),
        ({"select": ["duplicate-paragraph"]}, {"D001"}, {"D002", "T001"}),
        ({"select": ["ALL"], "ignore": ["truncated-document"]}, {"D001", "D002", "T001"}, {"T002"}),
        ({"select": ["T"], "extend-select": ["D002"]}, {"T001", "T002", "D002"}, {"D001"}),
        ({"select": [], "extend-select": ["T001"]}, {"T001"}, {"D001", "T002"}),
        ({"ignore": ["ALL"], "extend-select": ["T002"]}, {"T002"}, {"D001", "T001"}),
    ],
)
def test_most_specific_selector_wins(values: dict[str, object], want: set[str], not_want: set[str]) -> None:
    got = selected(build_settings(validate(values)))
    assert want <= got
    assert not (not_want & got)


def test_cli_select_replaces_the_whole_config_selection_and_ignore_extends_it(tmp_path: Path) -> None:
    from lintnews.cli import apply_cli

    settings = build_settings(validate({"select": ["T"], "ignore": ["T001"]}))
    apply_cli(settings, ("D,T",), (), ("D002",), None, None, None)
    assert settings.select == ["T"] and settings.cli_selection is not None
    assert settings.cli_selection.select == ["D", "T"]
    # the configuration's ignore went with its select (ruff); the command line's applies
    assert selected(settings) & {"D001", "D002", "T001", "T002"} == {"D001", "T001", "T002"}


@pytest.mark.parametrize(
    ("config", "cli", "expected"),
    [
        # ruff's documented example: select = ["E", "F"], ignore = ["F401"]
        ({"select": ["D", "T"], "ignore": ["T001"]}, {"select": ["T001"]}, {"T001"}),
        (
            {"select": ["D", "T"], "ignore": ["T001"]},
            {"extend_select": ["G001"]},
            {"D001", "D002", "T002", "G001"},
        ),
        # an ignore on the command line applies to the configuration's select, whatever its specificity
        ({"select": ["D001", "T"]}, {"ignore": ["D"]}, {"T001", "T002"}),
        # a command-line extend-select brings back what the configuration ignores
        ({"select": ["D"], "ignore": ["D001"]}, {"extend_select": ["D001"]}, {"D001", "D002"}),
        # the configuration's extend-select goes too when the command line selects
        ({"extend-select": ["G001"]}, {"select": ["D"]}, {"D001", "D002"}),
        # select = [] with only ignores: the ignores carry over to the command line's select
        ({"select": [], "ignore": ["D001"]}, {"select": ["D"]}, {"D002"}),
        # within one layer the most specific selector wins, an ignore wins a tie
        ({}, {"select": ["D"], "ignore": ["D001"]}, {"D002"}),
        ({}, {"select": ["D001"], "ignore": ["D"]}, {"D001"}),
        ({}, {"select": ["D001"], "ignore": ["duplicate-paragraph"]}, set()),
    ],
)
def test_selection_layers_resolve_as_in_ruff(
    config: dict[str, object], cli: dict[str, list[str]], expected: set[str]
) -> None:
    from lintnews.config import RuleSelection

    settings = build_settings(validate(config))
    settings.cli_selection = RuleSelection(
        cli.get("select"), cli.get("extend_select", []), cli.get("ignore", [])
    )
    assert selected(settings) & {"D001", "D002", "T001", "T002", "G001"} == expected


def test_per_file_ignores_remove_rules_whatever_selects_them(tmp_path: Path) -> None:
    settings = build_settings(
        validate({"select": ["D001", "T"], "per-file-ignores": {"wire/*": ["D"]}}), str(tmp_path)
    )
    settings.cli_selection = RuleSelection(["D001"])
    assert selected(settings, str(tmp_path / "wire" / "a.txt")) == set()
    assert selected(settings, str(tmp_path / "desk" / "a.txt")) == {"D001"}


# --- per-file ignores ----------------------------------------------------------------------


def test_per_file_ignores_relative_to_config_folder(tmp_path: Path) -> None:
    write(
        tmp_path / "lintnews.toml",
        '[per-file-ignores]\n"wire/*.txt" = ["D"]\n"*.md" = ["T002"]\n"archive/**" = ["ALL"]\n',
    )
    wire = write(tmp_path / "wire" / "ap.txt", "x")
    nested_wire = write(tmp_path / "desk" / "wire" / "ap.txt", "x")
    notes = write(tmp_path / "desk" / "notes.md", "x")
    old = write(tmp_path / "archive" / "2019" / "old.txt", "x")
    other = write(tmp_path / "desk" / "story.txt", "x")
    # Run from somewhere else: patterns are relative to the config, not the working directory.
    cwd = os.getcwd()
    os.chdir(tmp_path / "desk")
    try:
        settings = resolve_settings([str(tmp_path)])
        assert not ({"D001", "D002"} & selected(settings, str(wire)))
        assert {"D001", "D002"} <= selected(settings, str(nested_wire))  # not under wire/ at the root
        assert "T002" not in selected(settings, str(notes))  # basename glob matches in any folder
        assert "T002" in selected(settings, str(other))
        assert selected(settings, os.path.relpath(old)) == set()
        assert selected(settings, os.path.relpath(other)) == selected(settings)
    finally:
        os.chdir(cwd)


def test_per_file_select_is_not_widened() -> None:
    # A per-file ignore of D001 where D is ignored anyway changes nothing.
    settings = build_settings(validate({"ignore": ["D"], "per-file-ignores": {"*.txt": ["D001"]}}))
    assert not ({"D001", "D002"} & selected(settings, "a.txt"))


# --- severities ----------------------------------------------------------------------------


def test_severity_overrides_most_specific_first() -> None:
    settings = build_settings(
        validate({"severity": {"D": "warning", "D001": "info", "truncated-document": "warning"}})
    )
    table = select_rules(settings)
    by_code = {r.code: table.severity(r) for r in table.rules}
    assert by_code["D001"] is Severity.INFO
    assert by_code["D002"] is Severity.WARNING
    assert by_code["T002"] is Severity.WARNING
    assert by_code["T001"] is Severity.ERROR


def test_severity_override_reaches_the_diagnostics(tmp_path: Path) -> None:
    write(tmp_path / "lintnews.toml", '[severity]\nD001 = "info"\n')
    para = "Dock workers voted on Thursday to accept a six percent raise."
    article = write(tmp_path / "story.txt", f"{para}\nThe strike had lasted nine days.\n{para}\n")
    result = CliRunner().invoke(
        main, ["check", "--no-cache", "--select", "D001", "--format", "json", str(article)]
    )
    import json

    (diag,) = json.loads(result.stdout)
    assert (diag["code"], diag["severity"], diag["line"]) == ("D001", "info", 3)
    assert result.exit_code == 0  # info is below the default fail-on (error)
