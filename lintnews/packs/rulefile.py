"""One file per phrase rule, as Vale keeps one rule in one file: ``rules/packs/<CODE>.toml``.

A rule file holds what the rule is (``code``, ``name``, ``severity``, ``summary``, the default
``message``, its documentation in ``docs``) and its phrases per language::

    code = "B001"
    name = "adblock-notice"
    severity = "error"
    summary = "Ad-blocker notice of the page left in the text"
    message = "Ad-blocker notice left in the text"
    docs = '''
    ## What it does
    ...
    '''

    [phrases.en]
    lines = ["Adblock detected", "Please disable your ad blocker"]
    patterns = ['ad ?-?block(?:er)? detected.{0,200}']

    [phrases.de]
    message = "Werbeblocker-Hinweis im Text (ad-blocker notice)"   # optional, per language
    lines = ["Werbeblocker erkannt"]

A language holds one table, or several (``[[phrases.de]]``) when groups of phrases carry
different messages or severities; ``[phrases."*"]`` applies to every language. The Python class
keeps only the logic: `phrase_rule` gives it the file's code, name, severity, summary, message and
docs. A file may also hold ``[terms.<lang>]`` tables, the named word lists its rule's logic reads
(`lintnews.packs.terms`). Users extend a rule with a file of the same shape that names the rule
(``rule = "B001"``, or its ``code``/``name``) and holds ``[phrases.<lang>]`` and ``[terms.<lang>]``
tables (see `lintnews.packs.loading`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from lintnews.config import ConfigError
from lintnews.diagnostics import Severity
from lintnews.pack_cache import builtin_toml
from lintnews.packs.model import Entry
from lintnews.packs.validation import builtin_dir, entry
from lintnews.registry import Rule

#: Keys of a built-in rule file. A user's file extending a rule may also name it by ``rule``; its
#: ``summary`` and ``docs`` (say, of a copied built-in file) describe nothing: the rule's own
#: come from lintnews's file.
RULE_KEYS = frozenset(
    {"code", "name", "severity", "summary", "message", "docs", "phrases", "terms", "words", "description"}
)
USER_KEYS = RULE_KEYS | {"rule"}
#: Keys of one ``[phrases.<lang>]`` table.
PHRASE_KEYS = frozenset({"message", "severity", "lines", "patterns"})


@dataclass(frozen=True)
class RuleFile:
    """What a built-in rule file says of its rule (its phrases are read by `phrase_entries`)."""

    path: Path
    code: str
    name: str
    severity: Severity
    summary: str
    message: str
    docs: str


def read_toml(path: Path) -> dict[str, Any]:
    """The TOML document at ``path``; a `ConfigError` naming the file when it cannot be read."""
    import tomllib  # (here: the built-in packs are read from `lintnews.pack_cache`)

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read pack: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: pack is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML in pack: {exc}") from None


def _string(data: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise ConfigError(f"{where}: `{key}` must be a string")
    return value


@cache
def builtin_data(code: str) -> dict[str, Any]:
    """The TOML of the built-in rule file of ``code``, read once (its rule's class and the pack
    loader both read it; neither changes it)."""
    return builtin_toml(builtin_dir(), code, read_toml)  # (read once and kept: `lintnews.pack_cache`)


@cache
def builtin_rule_file(code: str) -> RuleFile:
    """The built-in rule file of ``code`` (``rules/packs/<code>.toml``)."""
    path = builtin_dir() / f"{code}.toml"
    data = builtin_data(code)
    unknown = set(data) - RULE_KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown key `{sorted(unknown)[0]}` in rule file")
    if data.get("code") != code:
        raise ConfigError(f"{path}: `code` must be {code!r}, the name of the file")
    try:
        severity = Severity.parse(_string(data, "severity", str(path)))
    except ValueError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return RuleFile(
        path,
        code,
        _string(data, "name", str(path)),
        severity,
        _string(data, "summary", str(path)),
        _string(data, "message", str(path)),
        _string(data, "docs", str(path)),
    )


R = TypeVar("R", bound="type[Rule]")

#: What `phrase_rule` sets on a class, so the class may not set it itself.
_FROM_FILE = ("code", "name", "severity", "summary", "default_message", "__doc__")


def phrase_rule(code: str) -> Callable[[R], R]:
    """Class decorator (under ``@register``): the rule's code, name, severity, summary, default
    message and documentation come from its file ``rules/packs/<code>.toml``, and it reads the
    phrases filed there."""

    def apply(cls: R) -> R:
        own = [key for key in _FROM_FILE if vars(cls).get(key) is not None]
        if own:
            raise TypeError(f"{cls.__name__} sets {', '.join(own)}: they live in rules/packs/{code}.toml")
        meta = builtin_rule_file(code)
        cls.code = meta.code
        cls.name = meta.name
        cls.severity = meta.severity
        cls.summary = meta.summary
        setattr(cls, "default_message", meta.message)  # noqa: B010  (declared by PhraseRule only)
        cls.__doc__ = meta.docs
        cls.reads_packs = True
        return cls

    return apply


def phrase_tables(data: dict[str, Any], where: str) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """(language, number, table) for every ``[phrases.<lang>]`` table of a rule file's ``data``
    (the number counts from 1 in each language; 0 when the language has one table)."""
    phrases = data.get("phrases", {})
    if not isinstance(phrases, dict):
        raise ConfigError(
            f"{where}: `phrases` must be a table of languages ([phrases.en], [phrases.de], ...)"
        )
    for language, tables in phrases.items():
        many = isinstance(tables, list)
        tables = tables if many else [tables]
        if not all(isinstance(t, dict) for t in tables):
            raise ConfigError(
                f"{where}: `phrases.{language}` must be a table ([phrases.{language}]) or tables"
            )
        for i, table in enumerate(tables, start=1):
            yield language, i if many else 0, table


def phrase_entries(
    data: dict[str, Any], where: str, rule: str, check_patterns: bool
) -> Iterator[tuple[str, Entry]]:
    """(language, entry) for every ``[phrases.<lang>]`` table of a rule file's ``data``: a table
    without ``message`` or ``severity`` takes the file's."""
    defaults = {key: data[key] for key in ("message", "severity") if key in data}
    for language, i, table in phrase_tables(data, where):
        at = f"{where} [phrases.{language}]" + (f" #{i}" if i else "")
        unknown = set(table) - PHRASE_KEYS
        if unknown:
            raise ConfigError(f"{at}: unknown key `{sorted(unknown)[0]}`")
        found = entry({**defaults, **table, "rule": rule}, at, check_patterns)
        if language == "tr":
            found.lines = turkish_capitals(found.lines)
        yield language, found


def turkish_capitals(lines: list[str]) -> list[str]:
    """``lines``, then each line that holds a dotless "ı" in capitals: a Turkish site prints its
    headings in capitals as often as not ("DEVAMINI OKU", "KAÇIRMAYIN"), and case folding, which
    knows no language, makes a capital "I" an "i", so the capitals' key ("devamini oku") is not the
    line's ("devamını oku"). (A capital "İ" folds to the "i" of the line's key already:
    `lintnews.textnorm.undotted`.)"""
    capitals = [line.upper() for line in lines if "ı" in line]
    return [*lines, *(line for line in capitals if line not in lines)] if capitals else lines
