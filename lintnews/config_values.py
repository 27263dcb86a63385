"""Configuration values: `ConfigError` (a problem the user can fix, exit code 2) and the readers
that check one TOML value each (strings, string lists, booleans, integers, sizes such as
``10MB``, choices, severities, tables), naming the key in their messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from lintnews.diagnostics import Severity


class ConfigError(Exception):
    """A problem with the configuration or the command line the user can fix (exit code 2)."""


class PackError(ConfigError):
    """A problem inside a phrase pack file: the message names the pack file (and the entry)."""


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """`` (did you mean `x`?)`` naming the known word closest to a misspelt one, or nothing."""
    import difflib  # (only on this error's path: ~1 ms at start-up otherwise)

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.75)
    return f" (did you mean `{close[0]}`?)" if close else ""


def string(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"`{key}` must be a string, not {type(value).__name__}")
    return value


def field_name(key: str, value: Any) -> str:
    if not string(key, value).strip():
        raise ConfigError(f"`{key}` must be a field name, not an empty string")
    return value


def str_list(key: str, value: Any) -> list[str]:
    if isinstance(value, str) or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"`{key}` must be a list of strings")
    return list(value)


def boolean(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"`{key}` must be true or false")
    return value


def integer(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(f"`{key}` must be an integer")
    return value


#: Multipliers of the size suffixes `max-document-size` accepts (KB, MB, GB are decimal).
_SIZE_UNITS = {
    "": 1,
    "B": 1,
    "KB": 1000,
    "MB": 1000**2,
    "GB": 1000**3,
    "TB": 1000**4,
    "KIB": 1 << 10,
    "MIB": 1 << 20,
    "GIB": 1 << 30,
    "TIB": 1 << 40,
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
        raise ConfigError(f'`{key}` must be a number of bytes or a size such as "50MB"')
    if isinstance(value, int):
        size = value
    else:
        m = _SIZE.fullmatch(value)
        unit = m.group(2).upper() if m else ""
        if m is None or unit not in _SIZE_UNITS:
            raise ConfigError(
                f'`{key}` must be a number of bytes or a size such as "50MB" (units: B, KB, MB, GB, TB, '
                f"KiB, MiB, GiB, TiB); got {value!r}"
            )
        number = m.group(1)
        whole, _, fraction = number.partition(".")
        # Exact arithmetic (no float: "99999999999999999999TB" must not overflow or round).
        size = (
            (int(whole) * 10 ** len(fraction) + int(fraction or 0)) * _SIZE_UNITS[unit] // 10 ** len(fraction)
        )
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


def choice(*choices: str) -> Callable[[str, Any], str]:
    def check(key: str, value: Any) -> str:
        value = string(key, value)
        if value not in choices:
            raise ConfigError(f"`{key}` must be one of {', '.join(choices)}; got {value!r}")
        return value

    return check


def severity(key: str, value: Any) -> str:
    value = string(key, value)
    try:
        Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(f"`{key}`: {exc}") from None
    return value


def table_of(item: Callable[[str, Any], Any]) -> Callable[[str, Any], dict[str, Any]]:
    def check(key: str, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ConfigError(f"`{key}` must be a table")
        return {k: item(f"{key}.{k}", v) for k, v in value.items()}

    return check


def any_table(key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"`{key}` must be a table")
    return dict(value)
