"""Per-rule option tables (``[rules.T002]`` and the like): checked against the options each rule
declares (`check_rule_options`), and read into the rule's options object (`rule_options`).
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Any

from lintnews.config_values import ConfigError, boolean, str_list, string
from lintnews.registry import Rule


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
                raise ConfigError(
                    f"unknown option `{where}`: {rule.code} ({rule.name}) has no option `{key}`; {takes}"
                )
            values[spec.name] = _option_value(where, value, hints[spec.name], spec.metadata)
    return cls(**values) if cls is not None else None


def _option_value(key: str, value: Any, kind: Any, bounds: Any) -> Any:
    """``value`` checked against the option's type (int, float, bool, str, list[str]) and its
    ``min``/``max`` bounds."""
    if kind is bool:
        return boolean(key, value)
    if kind is str:
        return string(key, value)
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
        raise ConfigError(
            f"`{key}` must be at least {lo}; got {value!r}"
            if lo is not None
            else f"`{key}` must be at most {hi}; got {value!r}"
        )
    return value


def _toml_type(value: Any) -> str:
    """The TOML name of a value's type, for messages."""
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a float",
        str: "a string",
        list: "an array",
        dict: "a table",
    }.get(type(value), type(value).__name__)
