"""Settings: what the user asked for, from ``lintnews.toml``, ``pyproject.toml`` and the command line.

Every accepted key is declared once in `KEYS` with its type; anything else is an error naming the
key. Rule selection follows ruff: ``select`` (or the default set), then ``extend-select``, minus
``ignore``; when selectors overlap, the most specific one wins (``D001`` beats ``D``).
"""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from lintnews.registry import Rule, RuleTable, Severity, all_rules

CONFIG_FILES = ("lintnews.toml", ".lintnews.toml", "pyproject.toml")
OUTPUT_FORMATS = ("text", "full", "json", "jsonl", "sarif", "github", "junit", "gitlab")


class ConfigError(Exception):
    """A problem with the configuration or the command line the user can fix (exit code 2)."""


def _str(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"`{key}` must be a string, not {type(value).__name__}")
    return value


def _str_list(key: str, value: Any) -> list[str]:
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
DEFAULT_MAX_DOCUMENT_SIZE = 50 * 1000**2


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
        size = int(float(m.group(1)) * _SIZE_UNITS[unit])
    if size < 0:
        raise ConfigError(f"`{key}` must not be negative")
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
class Settings:
    """Effective settings of one run. Attribute names are the TOML keys in snake_case."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
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
    #: (0: no limit). Linting holds about 40 bytes of memory per byte of text.
    max_document_size: int = DEFAULT_MAX_DOCUMENT_SIZE
    #: Folder the config was found in (relative paths in it resolve from here).
    root: str = "."
    #: The config file, if any.
    config_path: str | None = None

    def option(self, rule: Rule, key: str, default: Any) -> Any:
        for ident in (rule.code, rule.name):
            table = self.rule_options.get(ident)
            if isinstance(table, dict) and key in table:
                return table[key]
        return default


KEYS: dict[str, Callable[[str, Any], Any]] = {
    "select": _str_list,
    "extend-select": _str_list,
    "ignore": _str_list,
    "per-file-ignores": _table_of(_str_list),
    "severity": _table_of(_severity),
    "fail-on": _choice("error", "warning", "info"),
    "output-format": _choice(*OUTPUT_FORMATS),
    "format": _choice(*OUTPUT_FORMATS),
    "exclude": _str_list,
    "extend-exclude": _str_list,
    "respect-gitignore": _bool,
    "language": _str,
    "extend-packs": _str_list,
    "extra-phrases": _any_table,
    "text-field": _str,
    "html-field": _str,
    "id-field": _str,
    "rule-options": _any_table,
    "corpus": _any_table,
    "fixable": _str_list,
    "unfixable": _str_list,
    "unsafe-fixes": _bool,
    "suppress-field": _str,
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
                text = candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError:
                if "[tool.lintnews" in text:
                    return candidate  # load_config reports the TOML error, naming the file
                continue
            tool = data.get("tool")
            if isinstance(tool, dict) and "lintnews" in tool:
                return candidate
    return None


def load_config(path: Path) -> dict[str, Any]:
    """Read and validate a config file; return its lintnews table with kebab-case keys."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: configuration is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("lintnews", {})
        prefix = "tool.lintnews."
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: `tool.lintnews` must be a table")
    else:
        prefix = ""
    values = validate(data, f"{path}: ", prefix)
    try:  # unknown rule codes are errors that name the file, not only the key
        for key in ("select", "extend-select", "ignore", "fixable", "unfixable", "severity"):
            check_selectors(values.get(key) or [], f"`{prefix}{key}`")
        for pattern, selectors in values.get("per-file-ignores", {}).items():
            check_selectors(selectors, f"`{prefix}per-file-ignores` `{pattern}`")
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return values


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


def resolve_settings(paths: Iterable[str], config: str | None = None, isolated: bool = False) -> Settings:
    """Find and load the configuration for a run over ``paths`` (the nearest config file above
    their common folder, or the working directory for stdin)."""
    if isolated:
        return Settings()
    if config is not None:
        path = Path(config)
        if not path.is_file():
            raise ConfigError(f"{config}: configuration file not found")
        return build_settings(load_config(path), str(path.resolve().parent), str(path))
    real = [os.path.abspath(p) for p in paths if p != "-"]
    start = Path(os.path.commonpath(real)) if real else Path.cwd()
    found = find_config(start)
    if found is None:
        return Settings()
    return build_settings(load_config(found), str(found.parent), str(found))


# --- rule selection -------------------------------------------------------------------------


def _matches(selector: str, rule: Rule) -> int:
    """Specificity with which ``selector`` selects ``rule`` (0: not at all)."""
    if selector == "ALL":
        return 1
    if selector == rule.name or selector == rule.code:
        return 10
    if rule.code.startswith(selector):
        return 1 + len(selector)
    return 0


def check_selectors(selectors: Iterable[str], what: str) -> None:
    rules = all_rules().values()
    for sel in selectors:
        if not any(_matches(sel, r) for r in rules):
            raise ConfigError(f"unknown rule selector `{sel}` in {what}")


def select_rules(settings: Settings, path: str | None = None) -> RuleTable:
    """The rules that apply (to ``path``, when per-file ignores are configured)."""
    rules = all_rules()
    check_selectors(settings.select or [], "select")
    check_selectors(settings.extend_select, "extend-select")
    check_selectors(settings.ignore, "ignore")
    if path is None:
        # Checked once per run, not only when a linted path happens to match the pattern: a
        # typo in a pattern that matches nothing today must not wait for the day it does.
        for pattern, selectors in settings.per_file_ignores.items():
            check_selectors(selectors, f"per-file-ignores `{pattern}`")
        check_rule_options(settings, rules)
    ignore = list(settings.ignore)
    if path is not None and settings.per_file_ignores:
        ignore.extend(per_file_ignores(settings, path))
    chosen: list[Rule] = []
    for rule in rules.values():
        positive = 0
        if settings.select is None:
            positive = 1 if rule.default else 0
        else:
            positive = max((_matches(s, rule) for s in settings.select), default=0)
        positive = max([positive, *(_matches(s, rule) for s in settings.extend_select)])
        negative = max((_matches(s, rule) for s in ignore), default=0)
        if positive and positive > negative:
            chosen.append(rule)
    return RuleTable(chosen, severities(settings))


def check_rule_options(settings: Settings, rules: dict[str, Rule]) -> None:
    """Every ``[rule-options.X]`` table must name a rule by code or name."""
    known = {r.code for r in rules.values()} | {r.name for r in rules.values()}
    for ident, table in settings.rule_options.items():
        if ident not in known:
            raise ConfigError(f"unknown rule `{ident}` in rule-options")
        if not isinstance(table, dict):
            raise ConfigError(f"`rule-options.{ident}` must be a table")


def per_file_ignores(settings: Settings, path: str) -> list[str]:
    out: list[str] = []
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(settings.root))
    except ValueError:
        rel = path
    rel = rel.replace(os.sep, "/")
    base = os.path.basename(path)
    for pattern, selectors in settings.per_file_ignores.items():
        if fnmatch.fnmatch(rel, pattern) or ("/" not in pattern and fnmatch.fnmatch(base, pattern)):
            check_selectors(selectors, f"per-file-ignores `{pattern}`")
            out.extend(selectors)
    return out


def severities(settings: Settings) -> dict[str, Severity]:
    """Effective severity overrides by rule code (the most specific selector wins)."""
    out: dict[str, Severity] = {}
    if not settings.severity:
        return out
    check_selectors(settings.severity, "severity")
    for rule in all_rules().values():
        best = 0
        for sel, level in settings.severity.items():
            spec = _matches(sel, rule)
            if spec > best:
                best = spec
                out[rule.code] = Severity.parse(level)
    return out
