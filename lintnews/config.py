"""Settings: what the user asked for, from ``lintnews.toml``, ``pyproject.toml`` and the command line.

Every accepted key is declared once in `KEYS` with its type; anything else is an error naming the
key. This module only parses and checks types: `lintnews.selection` resolves which rules apply,
and `lintnews.configfile` reads configuration files and checks what they name.

The readers of single values (strings, booleans, sizes, choices) and `ConfigError` are in
`lintnews.config_values`, per-rule option tables in `lintnews.rule_options`; both are re-exported
here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from lintnews.config_formats import format_table, text_format
from lintnews.config_values import (
    DEFAULT_MAX_DOCUMENT_SIZE,
    ConfigError,
    any_table,
    boolean,
    choice,
    field_name,
    parse_size,
    severity,
    str_list,
    string,
    table_of,
)
from lintnews.config_values import MAX_SIZE as MAX_SIZE
from lintnews.config_values import PackError as PackError
from lintnews.config_values import choice as _choice  # noqa: F401
from lintnews.config_values import did_you_mean as did_you_mean
from lintnews.config_values import field_name as _field_name  # noqa: F401
from lintnews.config_values import format_size as format_size
from lintnews.files import MiB, UnreadableFile, read_regular
from lintnews.registry import Rule, all_rules
from lintnews.rule_options import _option_value as _option_value
from lintnews.rule_options import check_rule_options as check_rule_options
from lintnews.rule_options import rule_options

CONFIG_FILES = ("lintnews.toml", ".lintnews.toml", "pyproject.toml")
#: The largest configuration file read.
MAX_CONFIG_FILE = 16 * MiB
OUTPUT_FORMATS = ("text", "full", "json", "jsonl", "sarif", "github", "junit", "gitlab", "html")


@dataclass
class RuleSelection:
    """One source's ``select`` (None: not given), ``extend-select`` and ``ignore``."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)


@dataclass
class Settings:
    """Effective settings of one run. Attribute names are the TOML keys in snake_case."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    #: ``--select``, ``--extend-select`` and ``--ignore``: a selection of higher priority than
    #: the configuration's (see `select_rules`).
    cli_selection: RuleSelection | None = None
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "error"
    output_format: str = "text"
    exclude: list[str] = field(
        default_factory=lambda: [".git", ".hg", ".svn", "node_modules", ".venv", "__pycache__"]
    )
    extend_exclude: list[str] = field(default_factory=list)
    #: Leave out what ``.gitignore`` (in a git repository) and ``.ignore`` files ignore when
    #: walking folders (see `lintnews.ignore`).
    respect_gitignore: bool = True
    #: ``auto`` (detect per document) or a language code whose packs apply to every document.
    language: str = "auto"
    extend_packs: list[str] = field(default_factory=list)
    extra_phrases: dict[str, Any] = field(default_factory=dict)
    text_field: str = "text"
    html_field: str = "html"
    id_field: str = "id"
    #: Vale's ``[formats]``: file extensions read as another text format than their own, such as
    #: ``{ txt = "markdown" }`` (Markdown links read as their words); a new extension is walked too.
    formats: dict[str, str] = field(default_factory=dict)
    #: The format of a JSONL record's text field: ``text`` or ``markdown``.
    text_format: str = "text"
    #: A JSONL record field that names the format of the record's text (``markdown``, ``md``,
    #: ``text``, ``txt``), over `text_format` (None: no field is read).
    format_field: str | None = None
    #: Options of individual rules, by code or name: ``[rule-options.D001] min-words = 6``.
    rule_options: dict[str, Any] = field(default_factory=dict)
    #: Options of the corpus phase (issue-specific keys are validated by `lintnews.corpus`).
    corpus: dict[str, Any] = field(default_factory=dict)
    #: Rules whose fixes may be applied (None: all) and rules whose fixes never are.
    fixable: list[str] | None = None
    unfixable: list[str] = field(default_factory=list)
    unsafe_fixes: bool = False
    #: JSONL record field listing codes suppressed for the record (see `lintnews.suppress`).
    suppress_field: str = "lintnews_ignore"
    #: Report suppressions without a ` -- reason` (E902).
    require_suppression_reason: bool = False
    #: Documents above this many bytes (a file, or one JSONL line) are input errors, not linted
    #: (0: no limit). See `DEFAULT_MAX_DOCUMENT_SIZE` for the memory a byte of text takes.
    max_document_size: int = DEFAULT_MAX_DOCUMENT_SIZE
    #: Folder the config was found in (relative paths in it resolve from here).
    root: str = "."
    #: The config file, if any.
    config_path: str | None = None

    def options_of(self, rule: Rule) -> Any:
        """The rule's options (an instance of ``rule.options``): ``[rule-options.NAME]`` and
        ``[rule-options.CODE]`` (which wins) over the defaults."""
        if rule.options is None:
            return None
        tables = (self.rule_options.get(rule.name), self.rule_options.get(rule.code))
        key = (rule.code, repr(tables))
        found = _OPTIONS.get(key)
        if found is None:
            if len(_OPTIONS) > 256:
                _OPTIONS.clear()
            found = _OPTIONS[key] = rule_options(rule, self.rule_options)
        return found

    def option(self, rule: Rule, key: str, default: Any) -> Any:
        """One option of ``rule`` by its kebab-case key (``default`` when it has no such option)."""
        options = self.options_of(rule)
        return getattr(options, key.replace("-", "_"), default) if options is not None else default


#: Parsed rule options by (code, the raw tables): rules ask for them on every document.
_OPTIONS: dict[tuple[str, str], Any] = {}


KEYS: dict[str, Callable[[str, Any], Any]] = {
    "select": str_list,
    "extend-select": str_list,
    "ignore": str_list,
    "per-file-ignores": table_of(str_list),
    "severity": table_of(severity),
    "fail-on": choice("error", "warning", "info"),
    "output-format": choice(*OUTPUT_FORMATS),
    "format": choice(*OUTPUT_FORMATS),
    "exclude": str_list,
    "extend-exclude": str_list,
    "respect-gitignore": boolean,
    "language": string,
    "extend-packs": str_list,
    "extra-phrases": any_table,
    "text-field": field_name,
    "html-field": field_name,
    "id-field": field_name,
    "formats": format_table,
    "text-format": text_format,
    "format-field": field_name,
    "rule-options": any_table,
    "corpus": any_table,
    "fixable": str_list,
    "unfixable": str_list,
    "unsafe-fixes": boolean,
    "suppress-field": field_name,
    "require-suppression-reason": boolean,
    "max-document-size": parse_size,
}


def find_config(start: Path) -> Path | None:
    """The nearest ``lintnews.toml``, ``.lintnews.toml`` or ``pyproject.toml`` with a
    ``[tool.lintnews]`` table, walking up from ``start``."""
    here = start.resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.exists() or candidate.is_dir():
                continue
            if name != "pyproject.toml" or not candidate.is_file():
                return candidate  # (a pipe or a device: load_config refuses it, naming it)
            try:
                text = read_regular(str(candidate), MAX_CONFIG_FILE).decode("utf-8")
            except (UnreadableFile, UnicodeDecodeError):
                continue
            import tomllib  # (here: a run without a configuration file reads no TOML)

            try:
                data = tomllib.loads(text)
            except (tomllib.TOMLDecodeError, RecursionError):
                if "[tool.lintnews" in text:
                    return candidate  # load_config reports the TOML error, naming the file
                continue
            tool = data.get("tool")
            if isinstance(tool, dict) and "lintnews" in tool:
                return candidate
    return None


def shown(path: str | Path) -> str:
    """``path`` for a message: relative to the working directory when it is inside it."""
    text = str(path)
    if os.path.isabs(text):
        try:
            rel = os.path.relpath(text)
        except ValueError:  # pragma: no cover - another drive (Windows)
            return text
        if not rel.startswith(os.pardir):
            return rel
    return text


def pack_rule(ident: str, where: str) -> str:
    """The name of the rule ``ident`` (a code or a name) if it reads phrase packs; else a
    `ConfigError` saying so (``where``: what named it)."""
    rules = all_rules()
    rule = rules.get(ident) or next((r for r in rules.values() if r.name == ident), None)
    readers = ", ".join(r.code for r in rules.values() if r.reads_packs)
    if rule is None:
        raise ConfigError(f"{where}: unknown rule `{ident}` (rules that read phrase packs: {readers})")
    if not rule.reads_packs:
        raise ConfigError(
            f"{where}: rule {rule.code} ({rule.name}) does not read phrase packs (rules that do: {readers})"
        )
    return rule.name


def validate(data: dict[str, Any], where: str = "", prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        check = KEYS.get(key)
        if check is None:
            raise ConfigError(f"{where}unknown configuration key `{prefix}{key}`{did_you_mean(key, KEYS)}")
        try:
            out[key] = check(prefix + key, value)
        except ConfigError as exc:
            raise ConfigError(f"{where}{exc}") from None
    return out


def build_settings(file_values: dict[str, Any], root: str = ".", config_path: str | None = None) -> Settings:
    settings = Settings(root=root, config_path=config_path)
    names = {f.name for f in fields(Settings)}
    for key, value in file_values.items():
        attr = key.replace("-", "_")
        if key == "format":
            attr = "output_format"
        if attr in names:
            setattr(settings, attr, value)
    return settings
