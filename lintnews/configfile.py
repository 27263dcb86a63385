"""Configuration files: read the nearest one and check what it names.

`lintnews.config` parses values and checks their types; this module also checks that the rule
selectors, rule options, ``[corpus]`` table and ``extend-packs`` files a file names exist and are
valid, so that every error names the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lintnews.config import (
    MAX_CONFIG_FILE,
    ConfigError,
    PackError,
    Settings,
    build_settings,
    check_rule_options,
    find_config,
    pack_rule,
    shown,
    str_list,
    validate,
)
from lintnews.corpus import CorpusOptions
from lintnews.files import UnreadableFile, read_regular
from lintnews.registry import all_rules
from lintnews.selection import check_selectors


def load_config(path: Path) -> dict[str, Any]:
    """Read and validate a config file; return its lintnews table with kebab-case keys.
    Every error names the file."""
    try:
        return _load_config(path)
    except PackError:
        raise
    except ConfigError as exc:
        message = str(exc)
        if message.startswith(f"{path}: "):
            message = f"{shown(path)}: " + message[len(f"{path}: ") :]
        raise ConfigError(message) from None


def _load_config(path: Path) -> dict[str, Any]:
    import tomllib  # (here: a run without a configuration file reads no TOML)

    try:
        data = tomllib.loads(read_regular(str(path), MAX_CONFIG_FILE).decode("utf-8"))
    except UnreadableFile as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: configuration is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # tomllib parses nested arrays and inline tables recursively
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("lintnews", {})
        prefix = "tool.lintnews."
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: `tool.lintnews` must be a table")
    else:
        prefix = ""
    values = validate(data, f"{path}: ", prefix)
    try:  # every error names the file, not only the key
        check_values(values, prefix, path.resolve().parent)
    except PackError:
        raise  # names the pack file, where the problem is
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return values


def check_values(values: dict[str, Any], prefix: str = "", root: Path | None = None) -> None:
    """What `validate` cannot see key by key: rule codes and names, rule options, the
    ``[corpus]`` table, ``extra-phrases`` and the ``extend-packs`` files (relative to ``root``).
    Errors name the key (``prefix`` is ``tool.lintnews.`` in a pyproject.toml)."""
    for key in ("select", "extend-select", "ignore", "fixable", "unfixable", "severity"):
        check_selectors(values.get(key) or [], f"`{prefix}{key}`")
    for pattern, selectors in values.get("per-file-ignores", {}).items():
        check_selectors(selectors, f"`{prefix}per-file-ignores` `{pattern}`")
    if values.get("rule-options"):  # (rules' options are classes of their modules: imported then)
        check_rule_options(values["rule-options"], all_rules(), prefix)
    if "corpus" in values:
        try:
            CorpusOptions.from_settings(Settings(corpus=values["corpus"]))
        except ConfigError as exc:
            raise ConfigError(str(exc).replace("`corpus.", f"`{prefix}corpus.")) from None
    for rule, lines in values.get("extra-phrases", {}).items():
        pack_rule(rule, f"`{prefix}extra-phrases.{rule}`")
        str_list(f"{prefix}extra-phrases.{rule}", lines)
    if values.get("extend-packs"):
        from lintnews.packs import check_pack_files  # (the packs' reader: a run with packs of its own)

        check_pack_files(values["extend-packs"], str(root or "."), f"`{prefix}extend-packs`")


def resolve_settings(paths: Iterable[str], config: str | None = None, isolated: bool = False) -> Settings:
    """Find and load the configuration for a run over ``paths`` (the nearest config file above
    their common folder, or the working directory for stdin)."""
    if isolated:
        return Settings()
    if config is not None:
        path = Path(config)
        if not path.exists():
            raise ConfigError(f"{config}: configuration file not found")
        return build_settings(load_config(path), str(path.resolve().parent), str(path))
    real = [os.path.abspath(p) for p in paths if p != "-"]
    start = Path(os.path.commonpath(real)) if real else Path.cwd()
    found = find_config(start)
    if found is None:
        return Settings()
    return build_settings(load_config(found), str(found.parent), str(found))
