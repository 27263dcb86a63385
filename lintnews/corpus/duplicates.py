"""N001 and N002: verify the LSH candidates exactly, cluster the copies, pick the kept one and
report the others."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from lintnews import native
from lintnews.corpus.forked import CAN_FORK, in_child, no_tick
from lintnews.corpus.groups import UnionFind, smallest_members
from lintnews.corpus.options import EXACT, FLAGS, NEAR, CorpusOptions, CorpusSelection
from lintnews.diagnostics import Diagnostic, Fix, Location, Severity
from lintnews.registry import Rule

#: Told about a step of the work and its amount; returns the function to call with each amount done.
Step = Callable[[str, int], Callable[[int], None]]

#: Documents with fewer shingles (after chrome is removed) are not compared for N001.
MIN_SHINGLES = 20
#: Verified clusters of at least this many documents are not verified pair by pair: a
#: candidate pair whose documents are already in one such cluster is skipped, so a story with
#: hundreds of copies costs about one verification per copy instead of one per pair. (Smaller
#: clusters verify every candidate pair, so each document's message names its closest match.)
BIG_CLUSTER = 32

#: The fix of N001 and N002 on a JSONL record.
DROP_TITLE = "Leave the record out of the cleaned corpus (--output-dir)"


def _similar_pairs(
    pairs: np.ndarray,
    earlier: np.ndarray,
    later: np.ndarray,
    common: np.ndarray,
    size: np.ndarray,
    opts: CorpusOptions,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidate pairs (indices ``pairs``, in pair order) whose documents are near duplicates
    (`_similar`): their earlier and later documents and common shingles, tested in numpy (a
    Python test per verified pair was a fifth of the work after the verification). The ratios
    are the same doubles as Python's: int64 values below 2**53 divided in float64."""
    a, b, inter = earlier[pairs], later[pairs], common[pairs]
    len_a, len_b = size[a], size[b]
    ok = (len_a >= MIN_SHINGLES) & (len_b >= MIN_SHINGLES)
    with np.errstate(divide="ignore", invalid="ignore"):  # (pairs left out by ``ok``)
        ok &= (inter / (len_a + len_b - inter) >= opts.min_jaccard) | (
            inter / np.minimum(len_a, len_b) >= opts.min_containment
        )
    return a[ok], b[ok], inter[ok]


def _closest(
    a: np.ndarray, b: np.ndarray, inter: np.ndarray, size: np.ndarray
) -> dict[int, tuple[float, float, float, int]]:
    """Each document's closest near duplicate among the similar pairs (``a``, ``b``, ``inter``,
    in pair order): (Jaccard, share of its shingles in the other, the other's share in it, the
    other). Ties go to the first pair, and within a pair to the later document's entry first,
    as when the pairs were applied one by one."""
    len_a, len_b = size[a], size[b]
    jaccard = inter / (len_a + len_b - inter)
    c_a, c_b = inter / len_a, inter / len_b
    # the entries (later document, then earlier) of every pair, in order
    this = np.column_stack((b, a)).ravel()
    entries = np.column_stack(
        (np.repeat(jaccard, 2), np.column_stack((c_b, c_a)).ravel(), np.column_stack((c_a, c_b)).ravel())
    )
    other = np.column_stack((a, b)).ravel()
    order = np.lexsort((np.arange(len(this)), -entries[:, 0], this))
    first = order[np.concatenate(([True], this[order][1:] != this[order][:-1]))] if len(order) else order
    return {
        t: (j, mine, theirs, o)
        for t, (j, mine, theirs), o in zip(
            this[first].tolist(), entries[first].tolist(), other[first].tolist()
        )
    }


class _Locations(dict[int, Location]):
    """The `Location` of each document of ``docs`` by number, made once: a cluster's kept copy
    is named by every other member's diagnostic."""

    def __init__(self, docs: Sequence[Any]) -> None:
        super().__init__()
        self.docs = docs

    def __missing__(self, i: int) -> Location:
        d = self.docs[i]
        got = self[i] = Location(d.path, d.record, d.first[0], d.first[1])
        return got


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


def find_duplicates(
    docs: Sequence[Any],
    twin: dict[int, int],
    earlier: np.ndarray,
    later: np.ndarray,
    shingle_set: Callable[[int], np.ndarray],
    opts: CorpusOptions,
    selection: CorpusSelection,
    title: Callable[[int], str],
    step: Step,
    split: bool = False,
) -> list[Diagnostic]:
    """N001 and N002: cluster exact copies (``twin``: a document's earlier exact copy) and the
    candidate pairs (``earlier``, ``later``) whose comparable shingle sets (``shingle_set``) are
    similar enough, then report every member of a cluster but the kept one (``split``: see
    `verify`)."""
    n = len(docs)
    live, common, size = verify(earlier, later, twin, shingle_set, n, step, opts, split)
    a, b, inter = _similar_pairs(np.flatnonzero(live), earlier, later, common, size, opts)
    best = _closest(a, b, inter, size)
    # clusters by their smallest member, each in input order (exact copies and similar pairs)
    copies = np.fromiter(twin.keys(), np.int64, len(twin)), np.fromiter(twin.values(), np.int64, len(twin))
    roots = smallest_members(np.concatenate([copies[1], a]), np.concatenate([copies[0], b]), n)
    clustered = np.flatnonzero(np.bincount(roots, minlength=n)[roots] >= 2)
    clustered = clustered[np.argsort(roots[clustered], kind="stable")]
    cut = np.flatnonzero(np.diff(roots[clustered])) + 1
    location = _Locations(docs)
    out: list[Diagnostic] = []
    near, exact = selection.rules[NEAR], selection.rules[EXACT]
    near_severity, exact_severity = selection.severity(NEAR), selection.severity(EXACT)
    for members in (part.tolist() for part in np.split(clustered, cut) if len(part)):
        kept = kept_copy(members, docs, opts.keep)
        for i in members:
            if i == kept:
                continue
            d = docs[i]
            same = d.text_hash is not None and d.text_hash == docs[kept].text_hash
            copy_of = twin.get(i)
            if same or (copy_of is not None and copy_of != i):
                if not d.enabled & FLAGS[EXACT]:
                    continue
                target = kept if same else copy_of
                assert target is not None
                msg = f"Exact duplicate of {docs[target].name} (same text after normalisation)"
                if not same:
                    msg += f"; cluster of {len(members)} kept as {docs[kept].name}"
                out.append(
                    doc_diagnostic(
                        docs,
                        i,
                        exact,
                        exact_severity,
                        msg,
                        [kept] if same else [target, kept],
                        title,
                        1.0,
                        kept,
                        location,
                    )
                )
                continue
            if not d.enabled & FLAGS[NEAR]:
                continue
            source = i if i in best else twin.get(i, i)
            jaccard, mine, theirs, other = best[source]
            if theirs > mine:
                share = f"{round(theirs * 100)} % of its shingles occur in this article"
            else:
                share = f"{round(mine * 100)} % of this article's shingles occur in it"
            msg = f"Near-duplicate of {docs[other].name} (Jaccard {jaccard:.2f}; {share})"
            related = [kept]
            if other != kept:
                msg += f"; cluster of {len(members)} kept as {docs[kept].name}"
                related.append(other)
            out.append(
                doc_diagnostic(
                    docs, i, near, near_severity, msg, related, title, round(jaccard, 4), kept, location
                )
            )
    return out


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
    the second half of the groups is verified in a forked child beside the first
    (`lintnews.corpus.forked`): the groups share nothing, so the result is the same."""
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
    roots = smallest_members(earlier[pairs], later[pairs], n)[earlier[pairs]]
    # by group; within a group, in pair order (so grouped by earlier document)
    by_group = np.argsort(roots, kind="stable")
    order, roots_sorted = pairs[by_group], roots[by_group]
    del roots, by_group
    ordered = earlier[order]
    runs = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    bounds = [*runs.tolist(), len(order)]
    tick = step("candidate pairs verified", len(order))
    runs_of = _RunVerifier(order, ordered, later, bounds, n, shingle_set, opts, live, common, size)
    cut = _split_run(roots_sorted, bounds) if split and CAN_FORK and len(order) >= SPLIT_PAIRS else None
    if cut is None:
        runs_of(0, len(bounds) - 1, tick)
        return live, common, size
    # The groups are independent: the second half of them is verified in a forked child.
    theirs = order[bounds[cut] :]
    read = np.unique(np.concatenate([earlier[theirs], later[theirs]]))

    def second_half() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        runs_of(cut, len(bounds) - 1, no_tick)
        return live[theirs], common[theirs], size[read]

    child = in_child(second_half)
    runs_of(0, cut, tick)
    got = child()
    if got is None:  # (the child failed: verified here)
        got = second_half()
    live[theirs], common[theirs], size[read] = got
    tick(len(theirs))
    return live, common, size


#: Candidate pairs from which `verify` splits the work with a forked child (fewer are not
#: worth a fork).
SPLIT_PAIRS = 4096


def _split_run(roots_sorted: np.ndarray, bounds: list[int]) -> int | None:
    """The run (index into ``bounds``) that starts the group nearest to halving the pairs,
    or None when one group has them all. ``roots_sorted``: each pair's group, in pair order."""
    starts = np.flatnonzero(roots_sorted[1:] != roots_sorted[:-1]) + 1
    if not len(starts):
        return None
    at = int(starts[np.abs(starts - len(roots_sorted) // 2).argmin()])
    return bounds.index(at)


@dataclass
class _RunVerifier:
    """`verify`'s loop over the runs ``lo_run`` to ``hi_run`` (indices into ``bounds``) of the
    pairs ``order`` (``ordered``: their earlier documents), writing into ``live``, ``common``
    and ``size``: the whole of it, or the half a forked child runs."""

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

    def __call__(self, lo_run: int, hi_run: int, tick: Callable[[int], None]) -> None:
        order, ordered, later, bounds = self.order, self.ordered, self.later, self.bounds
        shingle_set, opts, live, common, size = self.shingle_set, self.opts, self.live, self.common, self.size
        # Verified near duplicates so far, to skip pairs inside a large cluster (see `BIG_CLUSTER`).
        joined = UnionFind(self.n)
        members: dict[int, int] = {}  # root: size, for clusters of more than one document
        for lo, hi in zip(bounds[lo_run:hi_run], bounds[lo_run + 1 : hi_run + 1]):
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


def kept_copy(members: list[int], docs: Sequence[Any], keep: str) -> int:
    """The member of a cluster that is kept (``[corpus] keep``); the others are reported."""
    if keep == "longest":
        return min(members, key=lambda i: (-docs[i].length, i))
    if keep == "oldest":

        def age(i: int) -> tuple[int, Any, int]:
            date = docs[i].date
            if date is None:
                return (2, 0, i)
            return (0, date, i) if isinstance(date, (int, float)) else (1, date, i)

        return min(members, key=age)
    return min(members)


def doc_diagnostic(
    docs: Sequence[Any],
    i: int,
    rule: Rule,
    severity: Severity,
    message: str,
    related: list[int],
    title: Callable[[int], str],
    similarity: float,
    kept: int,
    location: _Locations,
) -> Diagnostic:
    """A diagnostic on document ``i`` as a whole (its first line), pointing at ``related``
    (``location``: each document's `Location`)."""
    d = docs[i]
    line, column, end_line, end_column = d.first
    # A JSONL record that is a copy can be left out of the cleaned corpus (`--fix
    # --unsafe-fixes --output-dir`: lintnews.run.CheckRun.dropped); a file is never deleted.
    fix = None if d.record_line is None else Fix(DROP_TITLE, (), safe=False)
    return Diagnostic(
        path=d.path,
        record=d.record,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        code=rule.code,
        name=rule.name,
        severity=severity,
        message=message,
        fix=fix,
        related=[location[r] for r in related],
        record_line=d.record_line,
        snippet=title(i),
        similarity=similarity,
        kept=location[kept],
    )


def _similar(inter: int, len_a: int, len_b: int, opts: CorpusOptions) -> bool:
    """Whether two comparable sets of these sizes with ``inter`` shingles in common are near
    duplicates (`min-jaccard`, or `min-containment` of the smaller in the larger)."""
    if len_a < MIN_SHINGLES or len_b < MIN_SHINGLES:
        return False
    return (
        inter / (len_a + len_b - inter) >= opts.min_jaccard
        or inter / min(len_a, len_b) >= opts.min_containment
    )
