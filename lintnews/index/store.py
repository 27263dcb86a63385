"""What every index store holds, whatever the backend: the scheme, and per document an entry
(its name, text hash, date, LSH band keys, and the signature, compressed).

An entry's signature is the `DocSignature` of the corpus phase, serialised as the result cache
serialises it (msgpack of plain fields, checked field by field when read: never pickle), then
zlib-compressed. Its shingle hashes are what lets a candidate be verified exactly as in a single
run: the same `lintnews.corpus.duplicates` functions compare them.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import msgpack

from lintnews import __version__
from lintnews.cache import SignatureSpec, signature_data, signature_from_data, signature_spec
from lintnews.config import ConfigError, Settings
from lintnews.corpus.options import CorpusOptions
from lintnews.corpus.signature import DocSignature
from lintnews.hashing import SCHEME

#: Bumped when the layout of an entry or of a store changes.
FORMAT = 1
#: Bumped when the text normalisation (`lintnews.textnorm`) or what the signer keeps of a line
#: changes: signatures made before are not comparable.
NORMALIZATION_VERSION = 1

#: The scheme keys a check must share with the index (``written-by`` is only recorded).
COMPARED = ("format", "hash", "num-perm", "bands", "rows", "shingle-size", "normalization")


class IndexStoreError(ConfigError):
    """An index that cannot be used: missing, corrupt, of another scheme, unreachable. One
    line naming the index (exit 2)."""


def scheme_of(settings: Settings) -> dict[str, Any]:
    """The scheme of the signatures a run with ``settings`` makes."""
    options = CorpusOptions.from_settings(settings)
    num_perm, bands, rows = signature_spec(settings)
    return {
        "format": FORMAT,
        "hash": SCHEME,
        "num-perm": num_perm,
        "bands": bands,
        "rows": rows,
        "shingle-size": options.shingle_size,
        "normalization": NORMALIZATION_VERSION,
        "written-by": f"lintnews {__version__}",
        "rules": rules_digest(settings),
    }


def rules_digest(settings: Settings) -> str:
    """A digest of the rules' code and phrases (packs, ``extra-phrases``): the findings of the
    site-chrome rules decide which lines a signature leaves out, so a changed rule or phrase (a
    new lintnews, a pack of the user's) can change them.
    The selection is not in it: a check with ``--select N001`` against an index built with the
    default rules is a choice, said in the README, not a surprise."""
    from pathlib import Path

    from lintnews.packs import builtin_dir

    h = hashlib.blake2b(
        json.dumps(settings.extra_phrases, sort_keys=True, default=str).encode(), digest_size=8
    )
    packs = builtin_dir()
    files = sorted(packs.parent.glob("**/*.py")) + sorted(packs.glob("*.toml"))
    files += [Path(os.path.join(settings.root, p)) for p in settings.extend_packs]
    for path in files:
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"missing:" + str(path).encode())
    return h.hexdigest()


def check_scheme(where: str, stored: dict[str, Any], mine: dict[str, Any]) -> str | None:
    """Raises `IndexStoreError` when signatures made by this run cannot be compared with the
    index's; returns a warning when they can, but leave out other lines (other chrome rules)."""
    differ = [k for k in COMPARED if stored.get(k) != mine.get(k)]
    if differ:
        got = ", ".join(f"{k} {stored.get(k)!r} (this run: {mine.get(k)!r})" for k in differ)
        raise IndexStoreError(
            f"{where}: the index was built with another scheme: {got}; written by {stored.get('written-by', '?')}. "
            "Check with the settings it was built with, or rebuild it"
        )
    if stored.get("rules") != mine.get("rules"):
        return (
            f"{where}: the index was built by {stored.get('written-by', '?')} with other rule code or "
            "phrase packs than this run's; its signatures may leave out other site-chrome lines, "
            "so similarities against it can differ slightly from a fresh index's. Rebuild it "
            "(remove it, then `lintnews index add`) to compare like with like"
        )
    return None


def dump_scheme(scheme: dict[str, Any]) -> str:
    return json.dumps(scheme, sort_keys=True)


def load_scheme(where: str, text: Any) -> dict[str, Any]:
    try:
        got = json.loads(text)
    except (TypeError, ValueError):
        got = None
    if not isinstance(got, dict):
        raise IndexStoreError(f"{where}: corrupt index: its scheme record is unreadable")
    return got


@dataclass
class Entry:
    """One indexed document, ready to store."""

    name: str
    text_hash: bytes | None
    date: str | int | float | None
    keys: list[int]  # LSH band keys, as signed 64-bit integers
    blob: bytes
    #: The MinHash values (for a store that computes its own band keys from them: Redis).
    minhash: Any = None


def signed(key: int) -> int:
    return key - (1 << 64) if key >= 1 << 63 else key


def entry_of(sig: DocSignature) -> Entry:
    keys = [] if sig.band_keys is None else [signed(k) for k in sig.band_keys.tolist()]
    blob = zlib.compress(
        msgpack.packb(signature_data(sig), use_bin_type=True, unicode_errors="surrogatepass"), 6
    )
    return Entry(sig.name, sig.text_hash, sig.date, keys, blob, sig.minhash)


def signature_of(where: str, name: Any, blob: Any, spec: SignatureSpec) -> DocSignature:
    """The signature stored as ``blob`` (``spec``: `signature_spec` of the run's settings,
    computed once per run); `IndexStoreError` naming the entry when it is not what lintnews
    writes."""
    try:
        data = msgpack.unpackb(
            zlib.decompress(blob), raw=False, use_list=True, unicode_errors="surrogatepass"
        )
        return signature_from_data(data, spec)
    except Exception:  # zlib, msgpack or the field checks: whatever a damaged entry trips on
        raise IndexStoreError(f"{where}: corrupt index: the entry of {name} is unreadable") from None


class IndexStore:
    """The interface of an index backend. ``where`` names it in messages."""

    where: str

    def scheme(self) -> dict[str, Any] | None:
        raise NotImplementedError

    def ensure_scheme(self, mine: dict[str, Any], create: bool) -> str | None:
        """Check the index's scheme against ``mine`` (recording it in an empty index when
        ``create``); a warning when the index's signatures leave out other lines (see
        `check_scheme`)."""
        raise NotImplementedError

    def add(self, entries: Iterable[Entry], scheme: dict[str, Any]) -> int:
        """Add (or replace, by name) every entry, all or none (a name met twice keeps its
        first entry); the number added. ``entries`` may be a generator: SQLite writes them as
        they come, inside its one transaction."""
        raise NotImplementedError

    def lookup(self, sigs: Sequence[DocSignature], ask: Any, hashes: Sequence[bytes], peers: int) -> set[Any]:
        """Ids of the indexed documents that share with ``sigs`` an LSH bucket (per bucket the
        first and the ``peers`` latest, as a single run pairs them) or a normalised text (the
        ``peers`` first): the buckets of the band keys ``ask`` marks (a boolean array, a row per
        signature and a column per band; the caller asks each key once) and the text
        ``hashes``. In a few round trips whatever their number."""
        raise NotImplementedError

    def fetch(self, ids: Iterable[Any]) -> list[tuple[int, str, bytes]]:
        """(order, name, blob) of each id still there, in the order they were added."""
        raise NotImplementedError

    def remove(self, names: Sequence[str]) -> list[str]:
        """Remove the named documents; the names that were not there."""
        raise NotImplementedError

    def prune(self, before: str) -> int:
        raise NotImplementedError

    def stats(self) -> dict[str, Any]:
        raise NotImplementedError

    def close(self) -> None:
        pass


def date_before(date: Any, before: str, before_ts: float | None) -> bool:
    """Whether a document's date is before ``before`` (an ISO date, compared as text with an
    ISO text date; a number is a Unix time, compared with ``before_ts``)."""
    if isinstance(date, str):
        return date[: len(before)] < before
    if isinstance(date, (int, float)) and before_ts is not None:
        return date < before_ts
    return False
