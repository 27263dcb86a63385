"""N001 and N002: verify the LSH candidates exactly (`lintnews.corpus.verification`), cluster the
copies, pick the kept one and report the others."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from lintnews.corpus.groups import smallest_members
from lintnews.corpus.options import EXACT, FLAGS, NEAR, CorpusOptions, CorpusSelection
from lintnews.corpus.verification import MIN_SHINGLES, Step, verify
from lintnews.diagnostics import Diagnostic, Fix, Location, Severity
from lintnews.registry import Rule

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
    (`lintnews.corpus.verification`'s test): their earlier and later documents and common shingles, tested in numpy (a
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
