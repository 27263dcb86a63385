"""Mutations of a cache entry's data, for the tests that check a decoder accepts exactly what its
definition accepts (tests/test_cache_decode.py, tests/test_cache_signatures.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgpack


def mutations(data: list[Any], pool: Sequence[Any], short: int) -> list[Any]:
    """``data`` with each value at every depth (and one more element at the end of every list)
    replaced by each value of ``pool``, plus a few wrong shapes of the whole: its first ``short``
    elements, one element more, a tuple, None, a string."""
    out: list[Any] = [data[:short], [*data, None], tuple(data), None, "x"]

    def variants(v: list[Any]) -> list[list[Any]]:
        found = []
        for i in range(len(v) + 1):
            for value in pool:
                found.append([*v[:i], value, *v[i + 1 :]])
            if i < len(v) and isinstance(v[i], list):
                found.extend([*v[:i], inner, *v[i + 1 :]] for inner in variants(v[i]))
        return found

    return out + variants(data)


def as_read(v: Any) -> Any:
    """``v`` as a cache entry gives it back: packed by msgpack and read with arrays as tuples,
    as `lintnews.cache.entries._unpack` reads (lists, as the tests write them, are the form the
    corpus index reads signatures in; the decoders take both)."""
    return msgpack.unpackb(
        msgpack.packb(v, use_bin_type=True), raw=False, use_list=False, unicode_errors="surrogatepass"
    )
