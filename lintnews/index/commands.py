"""``lintnews index add|stats|remove|prune``: build and maintain a near-duplicate index.

The command line imports this module for every command (it registers the group): the index's
modules, which need numpy, are imported by the commands themselves.
"""

from __future__ import annotations

import datetime
import json
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import click

from lintnews.config import ConfigError
from lintnews.configfile import resolve_settings
from lintnews.parallel import analyze, default_jobs
from lintnews.progress import Progress
from lintnews.reporters.base import printable
from lintnews.sources import InputError

if TYPE_CHECKING:
    from lintnews.index.store import Entry, IndexStore

EXIT_ERROR = 2
_F = TypeVar("_F", bound=Callable[..., Any])
_T = TypeVar("_T")


def _error(message: str) -> None:
    click.echo(f"lintnews: error: {printable(message)}", err=True)


def open_index(location: str, create: bool = False) -> IndexStore:
    """`lintnews.index.location.open_index`, imported when a command opens the index."""
    from lintnews.index.location import open_index as open_store

    return open_store(location, create=create)


def _use_index(location: str, use: Callable[[IndexStore], _T]) -> _T:
    """What ``use`` makes of the index at ``location``, closed after it; an error opening or
    using it (a `ConfigError`) is reported, and the command exits 2."""
    try:
        store = open_index(location)
        try:
            return use(store)
        finally:
            store.close()
    except ConfigError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)


def _location() -> Callable[[_F], _F]:
    return click.option(
        "--index",
        "location",
        required=True,
        metavar="LOCATION",
        help="The index: an SQLite file (created on first use) or redis://host:port/db.",
    )


@click.group("index")
def index_group() -> None:
    """A persistent near-duplicate index (check new batches with `lintnews check --index`)."""


@index_group.command("add")
@_location()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--config", "config", type=click.Path(dir_okay=False), help="Use this configuration file.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option(
    "-j", "--jobs", type=click.IntRange(0), default=0, help="Worker processes (default 0: one per core)."
)
def add(location: str, paths: tuple[str, ...], config: str | None, isolated: bool, jobs: int) -> None:
    """Add (or replace, by name) the documents in PATHS to the index, in one transaction."""
    from lintnews.corpus.signature import CorpusSigner
    from lintnews.index.gate import index_settings
    from lintnews.index.store import entry_of, scheme_of

    errors = 0
    try:
        settings = index_settings(resolve_settings(list(paths), config, isolated))
        signer = CorpusSigner(settings)
        signer.shingle = True  # whatever the selection, an index can be checked for near duplicates
        store = open_index(location, create=True)
        scheme = scheme_of(settings)
        warning = store.ensure_scheme(scheme, create=True)
        if warning:
            click.echo(f"lintnews: warning: {printable(warning)}", err=True)

        def entries() -> Iterator[Entry]:
            nonlocal errors
            items = analyze(list(paths), settings, jobs or default_jobs(), signer=signer)
            for item in Progress.for_terminal(False).documents(
                items, list(paths), settings
            ):  # (a bar on a terminal)
                if isinstance(item, InputError):
                    errors += 1
                    _error(str(item))
                elif item.signature is not None:
                    yield entry_of(item.signature)

        try:
            added = store.add(entries(), scheme)
            total = store.stats()["documents"]
        finally:
            store.close()
    except ConfigError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)
    click.echo(
        f"Indexed {added} document{'s' if added != 1 else ''} in {location} ({total} in the index).", err=True
    )
    sys.exit(EXIT_ERROR if errors else 0)


@index_group.command("stats")
@_location()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def stats(location: str, output_format: str) -> None:
    """Print what the index holds: documents, band keys, size on disk, scheme."""
    got = _use_index(location, lambda store: store.stats())
    if output_format == "json":
        click.echo(json.dumps(got, indent=2, sort_keys=True))
        return
    for key, value in got.items():
        if key == "scheme":
            value = ", ".join(f"{k} {v}" for k, v in (value or {}).items()) or "(none yet)"
        click.echo(f"{key}: {value}")


@index_group.command("remove")
@_location()
@click.argument("names", nargs=-1, required=True)
def remove(location: str, names: tuple[str, ...]) -> None:
    """Remove documents by name (`path` or `path#record`, as diagnostics name them)."""
    missing = _use_index(location, lambda store: store.remove(list(names)))
    for name in missing:
        _error(f"{location}: {name}: not in the index")
    click.echo(f"Removed {len(set(names)) - len(set(missing))} document(s) from {location}.", err=True)
    sys.exit(EXIT_ERROR if missing else 0)


@index_group.command("prune")
@_location()
@click.option(
    "--before",
    required=True,
    metavar="DATE",
    help="Remove documents whose date field (JSONL `date`, or [corpus] date-field) is before DATE.",
)
def prune(location: str, before: str) -> None:
    """Remove the documents dated before DATE (ISO 8601, e.g. 2026-01-31). Undated documents stay."""
    try:
        datetime.date.fromisoformat(before[:10])
    except ValueError:
        _error(f"--before {before}: not an ISO 8601 date (YYYY-MM-DD)")
        sys.exit(EXIT_ERROR)
    removed = _use_index(location, lambda store: store.prune(before))
    click.echo(f"Pruned {removed} document(s) dated before {before} from {location}.", err=True)
