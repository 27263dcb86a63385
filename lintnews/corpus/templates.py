"""N003: lines that recur at the same place in many documents (site template)."""

from __future__ import annotations

import array
from collections.abc import Sequence
from typing import Any

import numpy as np

from lintnews.corpus.options import FLAGS, TEMPLATE, CorpusOptions, CorpusSelection
from lintnews.corpus.signature import POSITION_DTYPE
from lintnews.corpus.storage import RowIndex, ShingleStore, among
from lintnews.corpus.verification import Step
from lintnews.diagnostics import Diagnostic, Severity
from lintnews.registry import Rule

#: A template line's block (the lines recurring with it) of more words is a shared article body.
MAX_TEMPLATE_BLOCK_WORDS = 150

#: Documents of a template line examined for its block.
TEMPLATE_SAMPLE = 200


#: Sampled documents whose blocks `block_words_many` measures in one pass (bounds its arrays).
BLOCK_BATCH_DOCS = 1 << 13


def block_words(lines: np.ndarray, docs: np.ndarray, rows_of_doc: RowIndex) -> int:
    """Words in the lines that recur in at least 80 % of ``docs`` (distinct document numbers in
    input order: a template line's block)."""
    return block_words_many(lines, [docs], rows_of_doc)[0]


def block_words_many(
    lines: np.ndarray, samples: list[np.ndarray], rows_of_doc: RowIndex, line_ids: np.ndarray | None = None
) -> list[int]:
    """`block_words` of each of ``samples``, a batch of samples at a time: the samples are
    small (ten documents and 170 rows on average on the 200 MB crawl), so a numpy pass per
    sample cost its two dozen calls' overhead, 0.25 CPU-s over 5,712 of them. ``line_ids``: a
    number per row of ``lines``, the same for rows of the same hash (computed when not given)."""
    if line_ids is None:
        line_ids = np.unique(lines["hash"], return_inverse=True)[1].reshape(-1)
    distinct = int(line_ids.max()) + 1 if len(line_ids) else 1
    out: list[int] = []
    batch: list[np.ndarray] = []
    size = 0
    for sample in samples:
        batch.append(sample)
        size += len(sample)
        if size >= BLOCK_BATCH_DOCS:
            out += _block_words_batch(lines, batch, rows_of_doc, line_ids, distinct)
            batch, size = [], 0
    if batch:
        out += _block_words_batch(lines, batch, rows_of_doc, line_ids, distinct)
    return out


def _block_words_batch(
    lines: np.ndarray, samples: list[np.ndarray], rows_of_doc: RowIndex, line_ids: np.ndarray, distinct: int
) -> list[int]:
    sizes = np.array([len(sample) for sample in samples], np.int64)
    docs = np.concatenate(samples)
    rows, per_doc = rows_of_doc.many(docs)
    if not len(rows):
        return [0] * len(samples)
    owner = np.repeat(docs.astype(np.int64), per_doc)
    # (sample, line) keys; a sample's documents come in input order and so do their rows, so a
    # stable sort keeps each key's rows in (document, row) order
    key = np.repeat(np.repeat(np.arange(len(samples), dtype=np.int64), sizes), per_doc) * distinct
    key += line_ids[rows]
    order = np.argsort(key, kind="stable")
    k, o = key[order], owner[order]
    new_key = np.ones(len(k), bool)
    np.not_equal(k[1:], k[:-1], out=new_key[1:])
    # each line counts once per document: the documents of a (sample, line) are its distinct pairs
    new_pair = new_key.copy()
    new_pair[1:] |= o[1:] != o[:-1]
    starts = np.flatnonzero(new_key)
    documents = np.add.reduceat(new_pair, starts, dtype=np.int64)
    sample_of = k[starts] // distinct
    block = documents >= 0.8 * sizes[sample_of]
    # a block line counts with the words of its last row
    last = np.append(starts[1:], len(k))[block] - 1
    words = lines["words"][rows[order[last]]].astype(np.int64)
    total = np.zeros(len(samples), np.int64)
    np.add.at(total, sample_of[block], words)
    found: list[int] = total.tolist()
    return found


def _most_common(line: np.ndarray, value: np.ndarray) -> np.ndarray:
    """For each line number in ``line`` (ascending; ``value``: one byte each occurrence), how
    many times its most common value occurs."""
    if not len(line):
        return np.zeros(0, np.int64)
    key = np.sort(line << 8 | value)
    run_starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    runs = np.diff(np.append(run_starts, len(key)))
    run_line = key[run_starts] >> 8
    return np.maximum.reduceat(runs, np.flatnonzero(np.concatenate(([True], run_line[1:] != run_line[:-1]))))


def find_templates(
    lines: np.ndarray,
    line_owner: array.array,
    line_count: array.array,
    n: int,
    twin: dict[int, int],
    opts: CorpusOptions,
    step: Step,
) -> tuple[set[int], np.ndarray, dict[int, int]]:
    """Hashes of the template lines, the document of every candidate line (``lines``, rows of
    `KEPT_DTYPE`; ``line_owner`` and ``line_count``: the documents with rows and how many, in
    order), and the number of documents of each template line (``n`` documents in all).

    A template line recurs in `template-min-docs` documents (exact copies count once) at the same place,
    and the block of lines that comes with it is small: when the lines that recur with it add
    up to more than `MAX_TEMPLATE_BLOCK_WORDS` words, the documents share an article body
    (syndicated copies, for N001), not a site template."""

    if not len(lines):
        return set(), np.zeros(0, np.uint32), {}
    docs = np.repeat(np.frombuffer(line_owner, np.uint32), np.frombuffer(line_count, np.uint32))
    # The share of the corpus only decides what is reported (N003): a footer on ten pages of a
    # site is chrome to strip before comparing, even in a corpus of a million documents.
    need = opts.template_min_docs
    # one occurrence per (exact-duplicate group, line): the first
    if twin:
        group_of = np.arange(n, dtype=np.uint32)
        group_of[np.fromiter(twin.keys(), np.int64, len(twin))] = np.fromiter(
            twin.values(), np.uint32, len(twin)
        )
        groups = group_of[docs]
        del group_of
    else:
        groups = docs
    hashes = lines["hash"]
    order = np.lexsort((groups, hashes))  # stable: rows in input order within a (line, group)
    sorted_hashes, sorted_groups = hashes[order], groups[order]
    del groups
    # a number per line (hash), for `block_words_many`
    line_ids = np.empty(len(order), np.int64)
    line_ids[order] = np.cumsum(np.concatenate(([0], sorted_hashes[1:] != sorted_hashes[:-1])))
    new = np.ones(len(order), bool)
    new[1:] = (sorted_hashes[1:] != sorted_hashes[:-1]) | (sorted_groups[1:] != sorted_groups[:-1])
    first = order[new]  # the first row of each (line, group)
    del order, new, sorted_hashes, sorted_groups
    # The occurrences of each line in input order, and per line how many there are. ``first``
    # is in (line, group) order, which is (line, row) order unless there are exact copies (a
    # group's first row may then come after a later group's): then it is sorted by (line
    # number, row), one int64 key rather than lexsort's two.
    if not twin:
        by_line = first
    elif len(lines) < 1 << 31:
        key = line_ids[first] * len(lines) + first
        key.sort()
        by_line = key % len(lines)
        del key
    else:
        by_line = first[np.lexsort((first, hashes[first]))]
    del first
    line_hashes = hashes[by_line]
    starts = np.flatnonzero(np.concatenate(([True], line_hashes[1:] != line_hashes[:-1])))
    uh = line_hashes[starts]
    counts = np.diff(np.append(starts, len(by_line)))
    del line_hashes
    rows_of_doc = RowIndex(line_owner, line_count)
    bounds = np.append(starts, len(by_line)).tolist()
    # A line is at a stable place when most of its occurrences have the same place from the start
    # or from the end: measured for every recurring line at once.
    recurring = np.flatnonzero(counts >= need)
    at_recurring = np.repeat(counts >= need, counts)
    line_of = np.repeat(np.arange(len(uh), dtype=np.int64), counts)[at_recurring]
    occurrences = by_line[at_recurring]
    stable = np.maximum(
        _most_common(line_of, lines["from_start"][occurrences]),
        _most_common(line_of, lines["from_end"][occurrences]),
    )
    placed = recurring[stable >= opts.template_min_stability * counts[recurring]].tolist()
    # The lines of one article recur in the same documents: their block is measured once.
    sample_of: dict[bytes, int] = {}
    samples: list[np.ndarray] = []
    placed_samples = []
    for idx in placed:
        sample = docs[by_line[bounds[idx] : bounds[idx + 1]][:TEMPLATE_SAMPLE]]
        at = sample_of.setdefault(sample.tobytes(), len(samples))
        if at == len(samples):
            samples.append(sample)
        placed_samples.append(at)
    tick = step("recurring lines checked for site template", len(placed))
    words = block_words_many(lines, samples, rows_of_doc, line_ids)
    tick(len(placed))
    template = {
        int(uh[idx]) for idx, at in zip(placed, placed_samples) if words[at] <= MAX_TEMPLATE_BLOCK_WORDS
    }
    # (only the template lines' counts are ever looked up)
    template_counts = {int(h): int(c) for h, c in zip(uh, counts) if int(h) in template}
    return template, docs, template_counts


def template_diagnostics(
    template: set[int],
    counts: dict[int, int],
    lines: np.ndarray,
    line_docs: np.ndarray,
    docs: Sequence[Any],
    line_owner: array.array,
    line_count: array.array,
    positions: ShingleStore,
    selection: CorpusSelection,
) -> list[Diagnostic]:
    """N003 on every document's occurrence of the reported ``template`` lines (``positions``:
    the source positions of each document's rows, one record per document with rows)."""
    if not template:
        return []
    rule, severity = selection.rules[TEMPLATE], selection.severity(TEMPLATE)
    out: list[Diagnostic] = []
    seen: set[tuple[int, int]] = set()
    n = len(docs)
    # the rows of each document are one range; its positions one record in `_positions`
    owner_rows = RowIndex(line_owner, line_count)
    record_of = {doc: k for k, doc in enumerate(line_owner)}
    wanted = np.flatnonzero(among(lines["hash"], template))
    for r, h, i in zip(wanted.tolist(), lines["hash"][wanted].tolist(), line_docs[wanted].tolist()):
        if (i, h) in seen or not docs[i].enabled & FLAGS[TEMPLATE]:
            continue
        seen.add((i, h))
        k = record_of[i]
        at = 16 * (r - owner_rows.start[i])
        row = np.frombuffer(positions.get_bytes(k)[at : at + 16], POSITION_DTYPE)[0]
        position = (int(row["line"]), int(row["column"]), int(row["end_line"]), int(row["end_column"]))
        out.append(template_diagnostic(docs[i], position, counts[h], n, rule, severity))
    return out


def template_diagnostic(
    d: Any, position: tuple[int, int, int, int], count: int, n: int, rule: Rule, severity: Severity
) -> Diagnostic:
    """N003 on document ``d`` (``path``, ``record``, ``record_line``) at the source ``position``
    (line, column, end line, end column) of a template line found in ``count`` of ``n`` documents."""
    line, column, end_line, end_column = position
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
        message=f"Line recurs in {count} of {n} documents at the same place (site template)",
        record_line=d.record_line,
    )
