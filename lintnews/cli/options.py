"""Command-line options over the configuration file (`apply_cli`), and ``--show-settings`` /
``--show-files``, which print instead of linting.
"""

from __future__ import annotations

from pathlib import Path

import click

from lintnews.cli.app import EXIT_ERROR, EXIT_OK, _split
from lintnews.config import ConfigError, RuleSelection, Settings, parse_size
from lintnews.config_formats import format_table
from lintnews.config_formats import text_format as format_name
from lintnews.selection import select_rules


def show(
    settings: Settings,
    targets: list[str],
    stdin_name: str,
    show_settings: bool,
    show_files: bool,
    cli_keys: list[str],
) -> int:
    """``--show-settings`` and ``--show-files``: print, lint nothing; the exit code (2 when a
    path cannot be read)."""
    from lintnews.configfile import load_config
    from lintnews.show import files, settings_text

    if show_settings:
        file_keys = load_config(Path(settings.config_path)) if settings.config_path else {}
        click.echo(settings_text(settings, file_keys, cli_keys), nl=False)
    code = EXIT_OK
    if show_files:
        for path in files(targets, settings, stdin_name):
            if isinstance(path, str):
                click.echo(path)
            else:
                click.echo(f"lintnews: error: {path}", err=True)
                code = EXIT_ERROR
    return code


def apply_cli(
    settings: Settings,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str | None,
    fail_on: str | None,
    language: str | None,
    max_document_size: str | None = None,
    exclude: tuple[str, ...] = (),
    extend_exclude: tuple[str, ...] = (),
    extension: tuple[str, ...] = (),
    text_format: str | None = None,
) -> None:
    """Command-line options over the configuration file. ``--select``, ``--extend-select`` and
    ``--ignore`` are a rule selection of higher priority, resolved as in ruff: ``--select``
    replaces the configuration's whole selection (its ``ignore`` included); the other two
    adjust it (see `lintnews.selection.select_rules`)."""
    for flag, values in (("--select", select), ("--extend-select", extend_select), ("--ignore", ignore)):
        if any(not _split((value,)) for value in values):  # as `select = [""]` in a file: not the defaults
            raise ConfigError(f'empty rule selector "" in `{flag}`')
    if select or extend_select or ignore:
        settings.cli_selection = RuleSelection(_split(select) or None, _split(extend_select), _split(ignore))
    if output_format:
        settings.output_format = output_format
    if fail_on:
        settings.fail_on = fail_on
    if language:
        settings.language = language
    if max_document_size is not None:
        settings.max_document_size = parse_size("--max-document-size", max_document_size)
    if exclude:  # as in ruff: --exclude replaces the configured exclude, --extend-exclude adds
        settings.exclude = _split(exclude)
    settings.extend_exclude = [*settings.extend_exclude, *_split(extend_exclude)]
    for pair in _split(extension):  # as ruff's --extension EXT:LANG, over the formats key
        ext, colon, name = pair.partition(":")
        try:
            if not colon:
                raise ConfigError("takes EXT:FORMAT, such as txt:md")
            settings.formats = {**settings.formats, **format_table("formats", {ext: name})}
        except ConfigError as exc:
            raise ConfigError(f"`--extension {pair}`: {exc}") from None
    if text_format is not None:
        settings.text_format = format_name("--text-format", text_format)
    select_rules(settings)  # validate every selector now, before any input is read
