"""N001's exact verification of the LSH candidate pairs: the shingles each pair's comparable
sets have in common, one connected group of candidates after the other, about half of the groups
in a forked child on a run of more than one job (`lintnews.corpus.forked`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from lintnews import native
from lintnews.corpus.forked import CAN_FORK, in_child, no_tick
from lintnews.corpus.groups import UnionFind, smallest_members
from lintnews.corpus.options import CorpusOptions
from lintnews.corpus.storage import distinct

#: Told about a step of the work and its amount; returns the function to call with each amount done.
Step = Callable[[str, int], Callable[[int], None]]

#: Documents with fewer shingles (after chrome is removed) are not compared for N001.
MIN_SHINGLES = 20
#: Verified clusters of at least this many documents are not verified pair by pair: a
#: candidate pair whose documents are already in one such cluster is skipped, so a story with
#: hundreds of copies costs about one verification per copy instead of one per pair. (Smaller
#: clusters verify every candidate pair, so each document's message names its closest match.)
BIG_CLUSTER = 32


def _common_many(a: np.ndarray, others: list[np.ndarray]) -> list[int]:
    """How many values ``a`` shares with each of ``others`` (all sorted uint32 arrays of
    distinct values, none empty): by merging in the compiled kernel (`lintnews.native`) when it
    is built, else with `_py_common_many`."""
    if native.compiled is not None:
        found: list[int] = native.compiled.common_counts(
            np.ascontiguousarray(a, np.uint32), [np.ascontiguousarray(o, np.uint32) for o in others]
        )
        return found
    return _py_common_many(a, others)


def _py_common_many(a: np.ndarray, others: list[np.ndarray]) -> list[int]:
    """`_common_many` in numpy: a binary search of ``a`` for every value of ``others``."""
    joined = np.concatenate(others)
    at = np.searchsorted(a, joined)
    np.minimum(at, len(a) - 1, out=at)
    hits = (a[at] == joined).astype(np.int64)
    starts = np.cumsum([0, *(len(o) for o in others[:-1])])
    counts: list[int] = np.add.reduceat(hits, starts).tolist()
    return counts


def verify(
    earlier: np.ndarray,
    later: np.ndarray,
    twin: dict[int, int],
    shingle_set: Callable[[int], np.ndarray],
    n: int,
    step: Step,
    opts: CorpusOptions,
    split: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The shingles each candidate pair has in common: (which pairs count: neither document
    is an exact copy of an earlier one; the common shingles of each such pair whose documents
    both have `MIN_SHINGLES`; the size of every document's comparable set that was read, -1
    for the others).

    The pairs are verified one connected group of candidates after the other, each group's
    pairs by their earlier document, so a document's set is read from disk about once: in
    pair order, the later documents of successive pairs are scattered over the corpus and
    the sets would be read back for most pairs. With ``split`` (a run of more than one job),
    about half of the groups (`_split_groups`) are verified in a forked child beside the
    others (`lintnews.corpus.forked`): the groups share nothing, so the result is the same."""
    size = np.full(n, -1, np.int64)
    common = np.zeros(len(earlier), np.int64)
    if twin:
        copy = np.zeros(n, bool)
        copy[np.fromiter(twin.keys(), np.int64, len(twin))] = True
        live = ~(copy[earlier] | copy[later])
    else:
        live = np.ones(len(earlier), bool)
    pairs = np.flatnonzero(live)
    if not len(pairs):
        return live, common, size
    groups = smallest_members(earlier[pairs], later[pairs], n)
    roots = groups[earlier[pairs]]
    # by group; within a group, in pair order (so grouped by earlier document)
    by_group = np.argsort(roots, kind="stable")
    order, roots_sorted = pairs[by_group], roots[by_group]
    del roots, by_group
    ordered = earlier[order]
    runs = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    bounds = [*runs.tolist(), len(order)]
    tick = step("candidate pairs verified", len(order))
    runs_of = _RunVerifier(order, ordered, later, bounds, n, shingle_set, opts, live, common, size)
    halves = None
    if split and CAN_FORK and len(order) >= SPLIT_PAIRS:
        # a group's work is mostly its documents' sets (read, sorted and merged about once each)
        members = np.bincount(groups[distinct(np.concatenate([earlier[pairs], later[pairs]]))], minlength=n)
        halves = _split_groups(roots_sorted, runs, members)
    if halves is None:
        runs_of([(0, len(bounds) - 1)], tick)
        return live, common, size
    # The groups are independent: about half of the pairs, in whole groups, are verified in a
    # forked child.
    mine, others = halves
    theirs = np.concatenate([order[bounds[lo] : bounds[hi]] for lo, hi in others])
    read = distinct(np.concatenate([earlier[theirs], later[theirs]]))

    def second_half() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        runs_of(others, no_tick)
        return live[theirs], common[theirs], size[read]

    child = in_child(second_half)
    runs_of(mine, tick)
    got = child()
    if got is None:  # (the child failed: verified here)
        got = second_half()
    live[theirs], common[theirs], size[read] = got
    tick(len(theirs))
    return live, common, size


#: Candidate pairs from which `verify` splits the work with a forked child (fewer are not
#: worth a fork).
SPLIT_PAIRS = 4096

#: Runs of pairs to verify: (first, end) indices into the runs' bounds.
Runs = list[tuple[int, int]]


def _split_groups(
    roots_sorted: np.ndarray, runs: np.ndarray, members: np.ndarray
) -> tuple[Runs, Runs] | None:
    """The groups of pairs in two parts of about as many pairs each, as ranges of the runs
    (``runs``: the pair where each starts), or None when one group has them all.
    ``roots_sorted``: each pair's group, in pair order.

    Whole groups, largest first, each to the part with fewer pairs so far: the groups are
    scattered in size (one story syndicated hundreds of times is a group of tens of thousands
    of pairs), so the nearest cut between consecutive groups left 138,592 pairs on one side and
    97,283 on the other on the 200 MB crawl, and one process waited for the other."""
    starts = np.flatnonzero(roots_sorted[1:] != roots_sorted[:-1]) + 1
    if not len(starts):
        return None
    edges = np.concatenate(([0], starts, [len(roots_sorted)]))
    weight = members[roots_sorted[edges[:-1]]]
    sizes = weight.tolist()
    part = [0] * len(sizes)
    loads = [0, 0]
    for g in np.argsort(-weight, kind="stable").tolist():
        side = int(loads[1] < loads[0])
        loads[side] += sizes[g]
        part[g] = side
    first = np.searchsorted(runs, edges).tolist()  # (a group starts a run: no document is in two)
    halves: tuple[Runs, Runs] = ([], [])
    for g, side in enumerate(part):
        ranges = halves[side]
        if ranges and ranges[-1][1] == first[g]:
            ranges[-1] = (ranges[-1][0], first[g + 1])
        else:
            ranges.append((first[g], first[g + 1]))
    return halves


@dataclass
class _RunVerifier:
    """`verify`'s loop over ranges of the runs (indices into ``bounds``) of the pairs ``order``
    (``ordered``: their earlier documents), writing into ``live``, ``common`` and ``size``: the
    whole of it, or the groups a forked child runs."""

    order: np.ndarray
    ordered: np.ndarray
    later: np.ndarray
    bounds: list[int]
    n: int
    shingle_set: Callable[[int], np.ndarray]
    opts: CorpusOptions
    live: np.ndarray
    common: np.ndarray
    size: np.ndarray

    def __call__(self, ranges: Runs, tick: Callable[[int], None]) -> None:
        order, ordered, later, bounds = self.order, self.ordered, self.later, self.bounds
        shingle_set, opts, live, common, size = self.shingle_set, self.opts, self.live, self.common, self.size
        # Verified near duplicates so far, to skip pairs inside a large cluster (see `BIG_CLUSTER`).
        joined = UnionFind(self.n)
        members: dict[int, int] = {}  # root: size, for clusters of more than one document
        for lo, hi in (
            (bounds[run], bounds[run + 1]) for lo_run, hi_run in ranges for run in range(lo_run, hi_run)
        ):
            tick(hi - lo)
            a = int(ordered[lo])
            sa = shingle_set(a)
            size[a] = len(sa)
            if len(sa) < MIN_SHINGLES:
                continue
            run = order[lo:hi]
            sets = []
            root_a = joined.find(a)
            big = members.get(root_a, 1) >= BIG_CLUSTER
            for p, b in zip(run.tolist(), later[run].tolist()):
                if big and joined.find(b) == root_a:
                    live[p] = False  # already in a's cluster: nothing to learn
                    continue
                sb = shingle_set(b)
                size[b] = len(sb)
                if len(sb) >= MIN_SHINGLES:
                    sets.append((p, b, sb))
            if not sets:
                continue
            counts = _common_many(sa, [sb for _, _, sb in sets])
            for (p, b, sb), inter in zip(sets, counts):
                common[p] = inter
                if _similar(inter, len(sa), len(sb), opts):
                    ra, rb = joined.find(a), joined.find(b)
                    if ra != rb:
                        joined.union(ra, rb)
                        members[joined.find(ra)] = members.pop(ra, 1) + members.pop(rb, 1)


def _similar(inter: int, len_a: int, len_b: int, opts: CorpusOptions) -> bool:
    """Whether two comparable sets of these sizes with ``inter`` shingles in common are near
    duplicates (`min-jaccard`, or `min-containment` of the smaller in the larger)."""
    if len_a < MIN_SHINGLES or len_b < MIN_SHINGLES:
        return False
    return (
        inter / (len_a + len_b - inter) >= opts.min_jaccard
        or inter / min(len_a, len_b) >= opts.min_containment
    )
