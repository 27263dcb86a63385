"""Settings: what the user asked for, from ``lintnews.toml``, ``pyproject.toml`` and the command line.

Every accepted key is declared once in `KEYS` with its type; anything else is an error naming the
key. This module only parses and checks types: `lintnews.selection` resolves which rules apply,
and `lintnews.configfile` reads configuration files and checks what they name.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
import typing
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from lintnews.diagnostics import Severity
from lintnews.files import MiB, UnreadableFile, read_regular
from lintnews.registry import Rule, all_rules

CONFIG_FILES = ("lintnews.toml", ".lintnews.toml", "pyproject.toml")
#: The largest configuration file read.
MAX_CONFIG_FILE = 16 * MiB
OUTPUT_FORMATS = ("text", "full", "json", "jsonl", "sarif", "github", "junit", "gitlab", "html")


class ConfigError(Exception):
    """A problem with the configuration or the command line the user can fix (exit code 2)."""


class PackError(ConfigError):
    """A problem inside a phrase pack file: the message names the pack file (and the entry)."""


def _str(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"`{key}` must be a string, not {type(value).__name__}")
    return value


def _field_name(key: str, value: Any) -> str:
    if not _str(key, value).strip():
        raise ConfigError(f"`{key}` must be a field name, not an empty string")
    return value


def str_list(key: str, value: Any) -> list[str]:
    if isinstance(value, str) or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"`{key}` must be a list of strings")
    return list(value)


def _bool(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"`{key}` must be true or false")
    return value


def _int(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(f"`{key}` must be an integer")
    return value


#: Multipliers of the size suffixes `max-document-size` accepts (KB, MB, GB are decimal).
_SIZE_UNITS = {
    "": 1, "B": 1,
    "KB": 1000, "MB": 1000**2, "GB": 1000**3, "TB": 1000**4,
    "KIB": 1 << 10, "MIB": 1 << 20, "GIB": 1 << 30, "TIB": 1 << 40,
}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*")

#: Documents larger than this many bytes are refused (an input error) unless configured otherwise.
#: It bounds the memory one document takes: up to ~140 bytes per byte of text (a text of one-letter
#: lines; ~10 for prose) and ~250 per byte of HTML (tiny elements), so ~1.4 GB (2.5 GB) at most.
DEFAULT_MAX_DOCUMENT_SIZE = 10 * 1000**2
#: The largest size `parse_size` accepts (1 EiB: more than any file, and still a C integer).
MAX_SIZE = 1 << 60


def parse_size(key: str, value: Any) -> int:
    """A size in bytes: a non-negative integer, or a string such as ``"50MB"``, ``"1.5 GB"``,
    ``"512KiB"`` (KB, MB, GB, TB are powers of 1000; KiB, MiB, GiB, TiB powers of 1024)."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ConfigError(f"`{key}` must be a number of bytes or a size such as \"50MB\"")
    if isinstance(value, int):
        size = value
    else:
        m = _SIZE.fullmatch(value)
        unit = m.group(2).upper() if m else ""
        if m is None or unit not in _SIZE_UNITS:
            raise ConfigError(
                f"`{key}` must be a number of bytes or a size such as \"50MB\" (units: B, KB, MB, GB, TB, "
                f"KiB, MiB, GiB, TiB); got {value!r}"
            )
        number = m.group(1)
        whole, _, fraction = number.partition(".")
        # Exact arithmetic (no float: "99999999999999999999TB" must not overflow or round).
        size = (int(whole) * 10 ** len(fraction) + int(fraction or 0)) * _SIZE_UNITS[unit] // 10 ** len(fraction)
    if size < 0:
        raise ConfigError(f"`{key}` must not be negative")
    if size > MAX_SIZE:
        shown = repr(value) if len(str(value)) <= 40 else f"{str(value)[:40]}..."
        raise ConfigError(f"`{key}` is too large (at most 1 EiB; 0 means no limit); got {shown}")
    return size


def format_size(size: int) -> str:
    """``size`` bytes for a message: ``"52.4 MB"``, ``"512 bytes"``."""
    if size < 1000:
        return f"{size} bytes"
    for unit, factor in (("TB", 1000**4), ("GB", 1000**3), ("MB", 1000**2), ("KB", 1000)):
        if size >= factor:
            return f"{size / factor:.1f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{size} bytes"  # pragma: no cover


def _choice(*choices: str) -> Callable[[str, Any], str]:
    def check(key: str, value: Any) -> str:
        value = _str(key, value)
        if value not in choices:
            raise ConfigError(f"`{key}` must be one of {', '.join(choices)}; got {value!r}")
        return value

    return check


def _severity(key: str, value: Any) -> str:
    value = _str(key, value)
    try:
        Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(f"`{key}`: {exc}") from None
    return value


def _table_of(item: Callable[[str, Any], Any]) -> Callable[[str, Any], dict[str, Any]]:
    def check(key: str, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ConfigError(f"`{key}` must be a table")
        return {k: item(f"{key}.{k}", v) for k, v in value.items()}

    return check


def _any_table(key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"`{key}` must be a table")
    return dict(value)


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
    exclude: list[str] = field(default_factory=lambda: [".git", ".hg", ".svn", "node_modules", ".venv", "__pycache__"])
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
    "per-file-ignores": _table_of(str_list),
    "severity": _table_of(_severity),
    "fail-on": _choice("error", "warning", "info"),
    "output-format": _choice(*OUTPUT_FORMATS),
    "format": _choice(*OUTPUT_FORMATS),
    "exclude": str_list,
    "extend-exclude": str_list,
    "respect-gitignore": _bool,
    "language": _str,
    "extend-packs": str_list,
    "extra-phrases": _any_table,
    "text-field": _field_name,
    "html-field": _field_name,
    "id-field": _field_name,
    "rule-options": _any_table,
    "corpus": _any_table,
    "fixable": str_list,
    "unfixable": str_list,
    "unsafe-fixes": _bool,
    "suppress-field": _field_name,
    "require-suppression-reason": _bool,
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
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            try:
                text = read_regular(str(candidate), MAX_CONFIG_FILE).decode("utf-8")
            except (UnreadableFile, UnicodeDecodeError):
                continue
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
            raise ConfigError(f"{where}unknown configuration key `{prefix}{key}`")
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


def check_rule_options(tables: dict[str, Any], rules: dict[str, Rule], prefix: str = "") -> None:
    """Every ``[rule-options.X]`` table names a rule by code or name, and holds only options the
    rule declares, of their types."""
    by_ident = {**{r.code: r for r in rules.values()}, **{r.name: r for r in rules.values()}}
    for ident, table in tables.items():
        rule = by_ident.get(ident)
        if rule is None:
            raise ConfigError(f"unknown rule `{ident}` in `{prefix}rule-options`")
        if not isinstance(table, dict):
            raise ConfigError(f"`{prefix}rule-options.{ident}` must be a table")
        rule_options(rule, {ident: table}, prefix)


def rule_options(rule: Rule, tables: dict[str, Any], prefix: str = "") -> Any:
    """An instance of ``rule.options`` from ``tables`` (``rule-options``: its name's table, then
    its code's); an unknown key, a wrong type or a value out of bounds is a `ConfigError`
    naming the key."""
    values: dict[str, Any] = {}
    cls = rule.options
    specs = {f.name.replace("_", "-"): f for f in dataclasses.fields(cls)} if cls is not None else {}
    hints = typing.get_type_hints(cls) if cls is not None else {}
    for ident in (rule.name, rule.code):
        table = tables.get(ident)
        if not isinstance(table, dict):
            continue
        for key, value in table.items():
            where = f"{prefix}rule-options.{ident}.{key}"
            spec = specs.get(key)
            if spec is None:
                takes = f"it takes {', '.join(f'`{k}`' for k in specs)}" if specs else "it takes none"
                raise ConfigError(f"unknown option `{where}`: {rule.code} ({rule.name}) has no option `{key}`; {takes}")
            values[spec.name] = _option_value(where, value, hints[spec.name], spec.metadata)
    return cls(**values) if cls is not None else None


def _option_value(key: str, value: Any, kind: Any, bounds: Any) -> Any:
    """``value`` checked against the option's type (int, float, bool, str, list[str]) and its
    ``min``/``max`` bounds."""
    if kind is bool:
        return _bool(key, value)
    if kind is str:
        return _str(key, value)
    if kind == list[str]:
        return str_list(key, value)
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"`{key}` must be an integer, not {_toml_type(value)} ({value!r})")
    elif kind is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"`{key}` must be a number, not {_toml_type(value)} ({value!r})")
        value = float(value)
    else:  # pragma: no cover - a rule declared an option of a type this does not know
        raise TypeError(f"option {key}: unsupported type {kind!r}")
    lo, hi = bounds.get("min"), bounds.get("max")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        if lo is not None and hi is not None:
            raise ConfigError(f"`{key}` must be from {lo} to {hi}; got {value!r}")
        raise ConfigError(f"`{key}` must be at least {lo}; got {value!r}" if lo is not None else
                          f"`{key}` must be at most {hi}; got {value!r}")
    return value


def _toml_type(value: Any) -> str:
    """The TOML name of a value's type, for messages."""
    return {bool: "a boolean", int: "an integer", float: "a float", str: "a string", list: "an array",
            dict: "a table"}.get(type(value), type(value).__name__)
