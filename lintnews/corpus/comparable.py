"""Which documents N001 compares and what of them: whether a document is comparable at all and
the LSH band keys it is indexed under (`lsh_keys`), and its comparable shingle set: its distinct
shingles without those of its site-template lines (N003). The local `CorpusIndex` and the Spark
engine's tasks both decide here."""

from __future__ import annotations

import array
from typing import TYPE_CHECKING

import numpy as np

from lintnews import native
from lintnews.corpus.lsh import band_keys
from lintnews.corpus.storage import among, distinct
from lintnews.corpus.verification import MIN_SHINGLES

if TYPE_CHECKING:
    from lintnews.corpus.signature import DocSignature


def shingles_of(sig: DocSignature) -> np.ndarray:
    """A signature's shingles; an empty array for a document without."""
    return sig.shingles if sig.shingles is not None else np.zeros(0, np.uint32)


def lsh_keys(sig: DocSignature, bands: int, rows: int) -> np.ndarray | None:
    """The LSH band keys (``bands`` of ``rows``) of a comparable document, the signer's when it
    made them for these; None for one N001 does not compare: without a MinHash, or with fewer
    than `MIN_SHINGLES` shingles or distinct shingles."""
    shingles = shingles_of(sig)
    if (
        sig.minhash is None
        or len(shingles) < MIN_SHINGLES
        or (sig.distinct if sig.distinct is not None else len(distinct(shingles))) < MIN_SHINGLES
    ):
        return None
    if sig.band_keys is not None and sig.lsh == (bands, rows):
        return sig.band_keys
    return band_keys(sig.minhash, bands, rows)


def template_ranges(lines: np.ndarray, line_docs: np.ndarray, template: set[int]) -> dict[int, list[int]]:
    """The shingle ranges (lo, hi, lo, hi …) of each document's ``template`` lines among the
    candidate ``lines`` (rows with ``hash``, ``lo``, ``hi``) of the documents ``line_docs``, in
    row order; documents without any are left out. Found for the whole corpus at once: per
    document, picking its rows out of ``lines`` cost more than its comparable set."""
    drops: dict[int, list[int]] = {}
    if not len(lines) or not template:
        return drops
    rows = np.flatnonzero(among(lines["hash"], template))
    for doc, lo, hi in zip(
        line_docs[rows].tolist(), lines["lo"][rows].tolist(), lines["hi"][rows].tolist(), strict=True
    ):
        drops.setdefault(doc, []).extend((lo, hi))
    return drops


def comparable_set(shingles: np.ndarray, lines: np.ndarray | None, template: set[int]) -> np.ndarray:
    """A document's comparable shingle set: its distinct ``shingles`` without those of its
    candidate ``lines`` (rows with ``hash``, ``lo``, ``hi``) that are ``template`` lines. (The
    Spark engine's tasks call it; the local index finds every document's template lines at once,
    `template_ranges`.)"""
    drop: list[int] = []
    if lines is not None and len(lines) and template:
        # the document's template lines (a few rows: a set lookup each, not a numpy call)
        mine = [k for k, h in enumerate(lines["hash"].tolist()) if h in template]
        if mine:
            for lo, hi in zip(lines["lo"][mine].tolist(), lines["hi"][mine].tolist()):
                drop += (lo, hi)
    return shingles_without(shingles, drop)


def shingles_without(shingles: np.ndarray, drop: list[int]) -> np.ndarray:
    """The distinct values of ``shingles`` without the positions in the ranges ``drop`` (lo,
    hi, lo, hi …), sorted: from the compiled kernel when it is built (one pass and a radix
    sort; numpy's sort and masks cost ~40 ns a shingle, a fifth of the corpus phase's end),
    else `py_comparable_set`."""
    if native.compiled is not None:
        found = native.compiled.sorted_distinct(shingles, array.array("q", drop))
        return np.frombuffer(found, np.uint32)
    return py_comparable_set(shingles, drop)


def py_comparable_set(shingles: np.ndarray, drop: list[int]) -> np.ndarray:
    """`shingles_without` in numpy: the distinct values of ``shingles`` without the positions in
    the ranges ``drop`` (lo, hi, lo, hi …)."""
    values = shingles
    if drop:
        keep = np.ones(len(values), bool)
        for lo, hi in zip(drop[::2], drop[1::2]):
            keep[lo:hi] = False
        values = values[keep]
    return distinct(values)
