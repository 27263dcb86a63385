"""Checks shared by every shape of pack file: an entry's keys and types, its patterns (valid,
able to match a line key's ends: `lintnews.keyends`, and unable to make matching hang:
`lintnews.regexcheck`); and where the built-in rule files live."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

from lintnews.config import ConfigError
from lintnews.diagnostics import Severity
from lintnews.keyends import dead_end
from lintnews.packs.model import Entry
from lintnews.packs.regex_facts import GLOBAL_FLAGS
from lintnews.regexcheck import backtracking_risk, group_reference


def entry(data: Any, where: str, check_patterns: bool = True) -> Entry:
    """The entry ``data`` (a table naming its rule), checked; errors start with ``where``."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: each [[entry]] must be a table")
    unknown = set(data) - {"rule", "message", "severity", "lines", "patterns"}
    if unknown:
        raise ConfigError(f"{where}: unknown key `{sorted(unknown)[0]}` in [[entry]]")
    rule = data.get("rule")
    if not isinstance(rule, str):
        raise ConfigError(f'{where}: [[entry]] needs `rule = "<rule name or code>"`')
    lines = data.get("lines", [])
    patterns = data.get("patterns", [])
    for key, value in (("lines", lines), ("patterns", patterns)):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: `{key}` of rule {rule} must be a list of strings")
    patterns = [scoped_flags(p) for p in patterns]
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise ConfigError(f"{where}: invalid pattern {p!r} for rule {rule}: {exc}") from None
        shared = group_reference(p) if check_patterns else None
        if shared is not None:
            raise ConfigError(
                f"{where}: pattern {p!r} for rule {rule} {shared}: a rule's patterns are matched as one "
                "regular expression, where group names and numbers belong to all of them. Use "
                "non-capturing groups (`(?:...)`) and write the repeated text out"
            )
        dead = dead_end(p) if check_patterns else None
        if dead is not None:
            char, side = dead
            raise ConfigError(
                f"{where}: pattern {p!r} for rule {rule} needs {char!r} at the {side} of a line, where no "
                "line has it: patterns match a line's key, whose ends lose spaces, punctuation, bullets "
                f"and arrows (`Share (opens in new window)` is matched as `share (opens in new window`). "
                f"Leave the {char!r} out there, or make it optional (`{re.escape(char)}?`)"
            )
        # A pattern Python's backtracking engine can spend minutes on would hang every run that
        # meets an unlucky line: refused when the pack is loaded (see `lintnews.regexcheck`).
        risk = backtracking_risk(p) if check_patterns else None
        if risk is not None:
            raise ConfigError(
                f"{where}: pattern {p!r} for rule {rule} can make matching hang: {risk}. "
                "Rewrite it so that each stretch of text can be matched only one way (`\\S+(?: \\S+){0,3}` "
                "instead of `(?:\\S+ ?){1,4}`, `\\w+` instead of `(?:\\w+)+`), or make the repetition "
                "possessive (`a++`) or atomic (`(?>...)`, Python 3.11+)"
            )
    severity = data.get("severity")
    try:
        sev = Severity.parse(severity) if isinstance(severity, str) else None
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    message = data.get("message") or ""
    return Entry(rule, str(message), sev, list(lines), list(patterns), where)


def scoped_flags(pattern: str) -> str:
    """``pattern`` with flags set at its start for the whole of it (``(?i)home``) turned into a
    group of its own (``(?i:home)``), the same pattern where it can be joined to others. (Lines
    are matched case-folded, so ``(?i)`` changes nothing, but it is what one writes.)"""
    m = GLOBAL_FLAGS.match(pattern)
    if m is None:
        return pattern
    # (a newline ends a comment that verbose mode lets the pattern end with)
    return f"(?{m.group(1)}:{pattern[m.end() :]}{chr(10) if 'x' in m.group(1) else ''})"


def builtin_dir() -> Path:
    """``packs/`` inside the installed ``lintnews.rules`` package (``rules/`` in a checkout),
    found without importing it: the rule modules import this one."""
    spec = importlib.util.find_spec("lintnews.rules")
    assert spec is not None and spec.origin is not None, "lintnews.rules is not installed"
    return Path(spec.origin).resolve().parent / "packs"
