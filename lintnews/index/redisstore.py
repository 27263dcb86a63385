"""The shared index: Redis (``--index redis://host:port/db``), for several ingestion workers.

The LSH band tables are datasketch's `MinHashLSH` with its Redis storage: lintnews's own MinHash
values (`lintnews.corpus.signature`, datasketch's ``affine32`` permutations over
`lintnews.hashing` shingle hashes) go in as a `LeanMinHash`, with the index's (bands, rows).
Beside it, under the same prefix, what verification and diagnostics need:

- ``lintnews:doc:<name>``: a hash of the document's ``seq`` (the order it was added in), ``sig``
  (its signature, compressed: see `lintnews.index.store`), ``date`` and ``hash``;
- ``lintnews:order``: sorted set of names by ``seq``; ``lintnews:exact:<text hash>``: sorted set of
  the names with that normalised text; ``lintnews:seq``: the counter; ``lintnews:scheme``.

A batch's documents are written in one MULTI/EXEC transaction, then its band keys in datasketch's
insertion session (its own transactions). Durability is the server's: with ``appendonly yes`` and
``appendfsync always`` an acknowledged batch survives a restart (``everysec``: up to a second).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import redis
from datasketch import LeanMinHash, MinHashLSH

from lintnews.corpus.signature import DocSignature
from lintnews.index.store import (
    Entry,
    IndexStore,
    IndexStoreError,
    check_scheme,
    date_before,
    dump_scheme,
    load_scheme,
)
from lintnews.minhash import AFFINE32

PREFIX = b"lintnews:"

#: Reads the members of each of datasketch's band buckets named in KEYS, as one reply (a list
#: of lists): a command per `_BUCKETS_PER_CALL` buckets instead of one each (a command costs
#: the client more than the few names of most buckets). A chunk keeps each call short for the
#: other clients of the server.
_BUCKETS_LUA = """
local out = {}
for i, key in ipairs(KEYS) do out[i] = redis.call('SMEMBERS', key) end
return out
"""
_BUCKETS_PER_CALL = 200


def lean_minhash(values: np.ndarray) -> LeanMinHash:
    """lintnews's MinHash values as datasketch's (seed 1, ``affine32``: how lintnews makes them)."""
    lean = LeanMinHash.__new__(LeanMinHash)
    lean._initialize_slots(1, values.astype(np.uint64), AFFINE32)
    return lean


class RedisStore(IndexStore):
    def __init__(self, url: str) -> None:
        self.where = url
        try:
            self.kwargs = redis.connection.parse_url(url)
        except ValueError as exc:
            raise IndexStoreError(f"{url}: not a Redis URL: {exc}") from None
        self.kwargs.pop("connection_class", None)
        self.r: Any = redis.Redis(**self.kwargs)
        self._lsh: MinHashLSH | None = None
        #: The insertion order of names seen in large buckets (read once per run).
        self._order: dict[bytes, float | None] = {}
        with self._errors():
            self.r.ping()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except redis.RedisError as exc:
            raise IndexStoreError(f"{self.where}: {exc}") from None

    def lsh(self, scheme: dict[str, Any]) -> MinHashLSH:
        if self._lsh is None:
            with self._errors():
                self._lsh = MinHashLSH(
                    num_perm=scheme["num-perm"],
                    params=(scheme["bands"], scheme["rows"]),
                    prepickle=False,
                    storage_config={"type": "redis", "basename": PREFIX + b"lsh:", "redis": self.kwargs},
                )
        return self._lsh

    def scheme(self) -> dict[str, Any] | None:
        with self._errors():
            got = self.r.get(PREFIX + b"scheme")
        return None if got is None else load_scheme(self.where, got)

    def ensure_scheme(self, mine: dict[str, Any], create: bool) -> str | None:
        stored = self.scheme()
        warning = None if stored is None else check_scheme(self.where, stored, mine)
        self._scheme = mine
        return warning

    def add(self, entries: Iterable[Entry], scheme: dict[str, Any]) -> int:
        batch: dict[str, Entry] = {}
        for e in entries:
            batch.setdefault(e.name, e)
        if not batch:
            return 0
        with self._errors():
            self.r.set(PREFIX + b"scheme", dump_scheme(scheme), nx=True)
            check_scheme(self.where, load_scheme(self.where, self.r.get(PREFIX + b"scheme")), scheme)
            lsh = self.lsh(scheme)
            self.remove([n for n in batch if self.r.exists(_doc(n))])
            first = self.r.incrby(PREFIX + b"seq", len(batch)) - len(batch) + 1
            # The band tables first (datasketch's own session), then the documents in one
            # MULTI/EXEC: that is the commit. A band key naming a document with no record is
            # never read (`fetch` skips it), so an add stopped before the EXEC adds nothing.
            with lsh.insertion_session() as session:
                for e in batch.values():
                    if e.minhash is not None:
                        session.insert(_key(e.name), lean_minhash(e.minhash), check_duplication=False)
            pipe = self.r.pipeline(transaction=True)
            for seq, e in enumerate(batch.values(), first):
                fields: dict[str, Any] = {"seq": seq, "sig": e.blob}
                if e.date is not None:
                    fields["date"] = str(e.date) if isinstance(e.date, str) else repr(e.date)
                if e.text_hash is not None:
                    fields["hash"] = e.text_hash
                    pipe.zadd(PREFIX + b"exact:" + e.text_hash, {_key(e.name): seq})
                pipe.hset(_doc(e.name), mapping=fields)
                pipe.zadd(PREFIX + b"order", {_key(e.name): seq})
            pipe.execute()
        return len(batch)

    def lookup(self, sigs: Sequence[DocSignature], ask: Any, hashes: Sequence[bytes], peers: int) -> set[Any]:
        """A pipeline of the text hashes, one of the band buckets asked, read by `_BUCKETS_LUA`
        a chunk of buckets per command, and the order of the names met in large buckets
        (`_first_and_latest`)."""
        out: set[Any] = set()
        if self.scheme() is None:
            return out
        with self._errors():
            pipe = self.r.pipeline(transaction=False)
            for h in hashes:
                pipe.zrange(PREFIX + b"exact:" + h, 0, peers - 1)
            for names in pipe.execute() if hashes else ():
                out.update(names)
            if not len(sigs):
                return out
            lsh = self.lsh(self._scheme)
            values = np.stack([sig.minhash for sig in sigs if sig.minhash is not None])
            dtype = lean_minhash(values[0]).hashvalues.dtype  # (as datasketch keeps them)
            swapped = np.ascontiguousarray(values.astype(dtype).byteswap())
            keys: list[bytes] = []
            for band, table in enumerate(lsh.hashtables):
                lo, hi = lsh.hashranges[band]
                part = np.ascontiguousarray(swapped[ask[:, band], lo:hi])
                # datasketch's key of a bucket: its name and ``lsh._H`` of the band's values
                # (their bytes, byte-swapped)
                keys.extend(
                    table.redis_key(k)
                    for k in part.view(f"V{part.shape[1] * part.itemsize}").ravel().tolist()
                )
            pipe = self.r.pipeline(transaction=False)
            for lo in range(0, len(keys), _BUCKETS_PER_CALL):
                chunk = keys[lo : lo + _BUCKETS_PER_CALL]
                # (EVAL, not EVALSHA: a pipeline of scripts would first ask whether it is loaded)
                pipe.eval(_BUCKETS_LUA, len(chunk), *chunk)
            big: list[list[bytes]] = []
            for buckets in pipe.execute() if keys else ():
                for bucket in buckets:
                    if len(bucket) > peers + 1:
                        big.append(bucket)
                    else:
                        out.update(bucket)
            if big:
                self._read_order(n for bucket in big for n in bucket)
                for bucket in big:
                    out.update(self._first_and_latest(bucket, peers))
        return out

    def _read_order(self, names: Iterable[bytes]) -> None:
        """Read the insertion order of the ``names`` not read yet in this run (ZMSCORE: a
        command per 10,000 names)."""
        unknown = list(dict.fromkeys(n for n in names if n not in self._order))
        pipe = self.r.pipeline(transaction=False)
        for lo in range(0, len(unknown), 10_000):
            pipe.zmscore(PREFIX + b"order", unknown[lo : lo + 10_000])
        for lo, scores in zip(range(0, len(unknown), 10_000), pipe.execute()):
            self._order.update(zip(unknown[lo : lo + 10_000], scores))

    def _first_and_latest(self, bucket: list[bytes], peers: int) -> list[bytes]:
        """As a single run pairs a document: the first and the ``peers`` latest of a large
        bucket, by insertion order (read by `_read_order`)."""
        order = sorted((s, n) for n in bucket if (s := self._order[n]) is not None)
        return [n for _, n in order[:1] + order[-peers:]]

    def fetch(self, ids: Iterable[Any]) -> list[tuple[int, str, bytes]]:
        names = list(ids)
        out = []
        with self._errors():
            pipe = self.r.pipeline(transaction=False)
            for name in names:
                pipe.hmget(PREFIX + b"doc:" + name, "seq", "sig")
            for name, (seq, sig) in zip(names, pipe.execute()):
                if seq is not None and sig is not None:
                    out.append((int(seq), name.decode("utf-8", "surrogatepass"), sig))
        out.sort()
        return out

    def remove(self, names: Sequence[str]) -> list[str]:
        missing = []
        with self._errors():
            for name in names:
                key = _key(name)
                got = self.r.hget(_doc(name), "hash")
                if not self.r.exists(_doc(name)):
                    missing.append(name)
                    continue
                scheme = self.scheme()
                if scheme is not None:
                    lsh = self.lsh(scheme)
                    if key in lsh.keys:
                        lsh.remove(key)
                pipe = self.r.pipeline(transaction=True)
                if got is not None:
                    pipe.zrem(PREFIX + b"exact:" + got, key)
                pipe.zrem(PREFIX + b"order", key)
                pipe.delete(_doc(name))
                pipe.execute()
        return missing

    def prune(self, before: str) -> int:
        from lintnews.index.sqlite import _timestamp

        before_ts = _timestamp(before)
        old = []
        with self._errors():
            names = self.r.zrange(PREFIX + b"order", 0, -1)
            for lo in range(0, len(names), 1000):
                pipe = self.r.pipeline(transaction=False)
                for name in names[lo : lo + 1000]:
                    pipe.hget(PREFIX + b"doc:" + name, "date")
                for name, date in zip(names[lo : lo + 1000], pipe.execute()):
                    if date is not None and date_before(_date(date), before, before_ts):
                        old.append(name.decode("utf-8", "surrogatepass"))
        self.remove(old)
        return len(old)

    def stats(self) -> dict[str, Any]:
        with self._errors():
            docs = self.r.zcard(PREFIX + b"order")
            memory = self.r.info("memory").get("used_memory")
        return {
            "index": self.where,
            "backend": "redis",
            "documents": docs,
            "server-memory-bytes": memory,
            "scheme": self.scheme(),
        }

    def close(self) -> None:
        self.r.close()


def _key(name: str) -> bytes:
    return name.encode("utf-8", "surrogatepass")


def _doc(name: str) -> bytes:
    return PREFIX + b"doc:" + _key(name)


def _date(raw: bytes) -> Any:
    text = raw.decode("utf-8", "replace")
    try:
        return float(text) if text[:1].isdigit() and "-" not in text else text
    except ValueError:
        return text
