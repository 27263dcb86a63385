"""``lintnews check --show-settings`` and ``--show-files``, as in ruff: what a run would use and
what it would read, without linting anything.

The settings are printed as TOML (a valid ``lintnews.toml``, every key resolved: defaults filled
in, command-line options applied), each key followed by a comment saying where its value came
from: the configuration file, the command line, or the default.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from typing import Any

from lintnews.config import Settings, shown
from lintnews.registry import all_rules
from lintnews.selection import select_rules
from lintnews.sources import InputError, iter_paths

#: Settings attributes that are not configuration keys.
_NOT_KEYS = ("root", "config_path", "cli_selection")


def _toml(value: Any) -> str:
    """``value`` as a TOML value (strings in JSON's escaping, which TOML's basic strings share)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_toml(v)}" for k, v in value.items()) + " }" if value else "{}"
    raise TypeError(f"no TOML for {type(value).__name__}")  # pragma: no cover


def _key(key: str) -> str:
    """A bare TOML key when it can be one, else a quoted one."""
    return key if key and all(c.isalnum() or c in "-_" for c in key) else json.dumps(key, ensure_ascii=False)


def settings_text(settings: Settings, file_keys: Iterable[str], cli_keys: Iterable[str]) -> str:
    """The resolved settings of a run as TOML with the origin of every value.

    ``file_keys``: the keys the configuration file set; ``cli_keys``: those the command line set
    (which win)."""
    from lintnews.corpus import CorpusOptions  # the corpus module is heavy; only here

    in_file, on_cli = set(file_keys), set(cli_keys)
    source = shown(settings.config_path) if settings.config_path else None

    def origin(key: str) -> str:
        if key in on_cli:
            return "command line"
        if key in in_file and source:
            return source
        return "default"

    lines = [
        f"# Settings path: {source or 'none (no configuration file: defaults)'}",
        f"# Root (relative paths of the configuration resolve from here): {settings.root}",
        "",
    ]
    tables: list[tuple[str, dict[str, Any], str]] = []
    for f in dataclasses.fields(settings):
        if f.name in _NOT_KEYS:
            continue
        key = f.name.replace("_", "-")
        value = getattr(settings, f.name)
        if key in ("per-file-ignores", "severity", "extra-phrases", "rule-options", "corpus"):
            continue  # tables, below
        if value is None:
            default = {"select": "the rules marked default", "fixable": "every rule"}.get(key, "unset")
            lines.append(f"# {key} is not set: {default}  # {origin(key)}")
            continue
        lines.append(f"{key} = {_toml(value)}  # {origin(key)}")
        if key == "ignore":
            lines += _cli_selection(settings)
    for key in ("extra-phrases", "per-file-ignores", "severity"):
        value = getattr(settings, key.replace("-", "_"))
        tables.append((key, value, origin(key)))
    options: dict[str, Any] = {}
    rules = all_rules()
    for rule in rules.values():
        resolved = settings.options_of(rule)
        if resolved is not None:
            options[rule.code] = {
                f.name.replace("_", "-"): getattr(resolved, f.name) for f in dataclasses.fields(resolved)
            }
    corpus = CorpusOptions.from_settings(settings)
    corpus_values = {f.name.replace("_", "-"): getattr(corpus, f.name) for f in dataclasses.fields(corpus)}
    corpus_values = {k: v for k, v in corpus_values.items() if v is not None}
    for key, value, where in tables:
        lines += ["", f"[{key}]  # {where}", *(f"{_key(k)} = {_toml(v)}" for k, v in value.items())]
    for code, values in options.items():
        where = (
            origin("rule-options")
            if any(i in settings.rule_options for i in (code, rules[code].name))
            else "default"
        )
        lines += [
            "",
            f"[rule-options.{code}]  # {rules[code].name}: {where}",
            *(f"{k} = {_toml(v)}" for k, v in values.items()),
        ]
    lines += ["", f"[corpus]  # {origin('corpus')}", *(f"{k} = {_toml(v)}" for k, v in corpus_values.items())]
    table = select_rules(settings)
    enabled = [r.code for r in table.rules]
    lines += [
        "",
        f"# Enabled rules ({len(enabled)} of {len(rules)}; per-file-ignores may take some off a file):",
    ]
    lines += [f"#   {', '.join(enabled[i : i + 12])}" for i in range(0, len(enabled), 12)]
    return "\n".join(lines) + "\n"


def _cli_selection(settings: Settings) -> list[str]:
    """A comment line for ``--select``, ``--extend-select`` and ``--ignore``: a selection of its
    own, over the configuration's (see `lintnews.selection.select_rules`)."""
    cli = settings.cli_selection
    if cli is None:
        return []
    given = " ".join(
        f"--{name} {','.join(values)}"
        for name, values in (
            ("select", cli.select or []),
            ("extend-select", cli.extend_select),
            ("ignore", cli.ignore),
        )
        if values
    )
    effect = "replaces the three keys above" if cli.select is not None else "adjusts the selection above"
    return [f"# command line: {given}  ({effect})"]


def files(paths: list[str], settings: Settings, stdin_name: str = "-") -> Iterator[str | InputError]:
    """What a run over ``paths`` would read, in the order it reads it (``stdin_name`` for ``-``)."""
    for path in iter_paths(paths, settings):
        yield stdin_name if path == "-" else path
