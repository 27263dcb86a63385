"""The documents of one path (`read_path`: one, or one per JSONL record) and of every path given
(`iter_documents`), in input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lintnews.config import Settings
from lintnews.config_formats import kind_of
from lintnews.encoding import DecodeError
from lintnews.sources.discovery import NotRegularFile, iter_paths
from lintnews.sources.documents import TooLarge, _read_bytes, _read_stdin, make_document
from lintnews.sources.items import _TOO_DEEP, InputError, Item
from lintnews.sources.jsonl import read_jsonl


def iter_documents(
    paths: Iterable[str],
    settings: Settings,
    stdin_name: str = "-",
    skip: Iterable[str] = (),
    keep_raw: bool = False,
) -> Iterator[Item]:
    """Every document (or input error) of the given paths, in input order; folders in ``skip``
    are not walked into; ``keep_raw``: see `read_jsonl`."""
    for path in iter_paths(paths, settings, skip):
        if isinstance(path, InputError):
            yield path
            continue
        yield from read_path(path, settings, stdin_name, keep_raw)


def read_path(path: str, settings: Settings, stdin_name: str = "-", keep_raw: bool = False) -> Iterator[Item]:
    """The documents of one path (one, or one per JSONL record); ``keep_raw``: see `read_jsonl`."""
    kind = kind_of(stdin_name if path == "-" else path, settings.formats)
    if kind == "jsonl":
        yield from read_jsonl(path, settings, stdin_name if path == "-" else path, keep_raw)
        return
    limit = settings.max_document_size
    try:
        data = _read_stdin(limit) if path == "-" else _read_bytes(path, limit)
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    except (NotRegularFile, DecodeError) as exc:
        yield InputError(path, str(exc))
        return
    except TooLarge as exc:
        yield InputError(stdin_name if path == "-" else path, str(exc))
        return
    name = stdin_name if path == "-" else path
    if not data and path != "-":
        yield InputError(name, "empty file")
        return
    try:
        doc = make_document(name, data, kind)
    except DecodeError as exc:
        yield InputError(name, str(exc))
        return
    except RecursionError:  # lintnews walks HTML without recursion; an older parser might not
        yield InputError(name, _TOO_DEEP)
        return
    if path != "-" and not (doc.source if doc.source is not None else doc.text).strip():
        yield InputError(name, "no text: the file holds only whitespace")
        return
    # The bytes as read: a fix is written in their encoding and line endings, and only if the
    # file still holds them (another program may have changed it meanwhile).
    doc.file_bytes = data
    yield doc
