"""N001's decisions after the verification, made for all verified pairs at once in numpy
(`duplicates._similar_pairs`, `duplicates._closest`) and the template lines' blocks for many
samples at once (`templates.block_words_many`): the same as the per-pair and per-sample loops
they replace, ties included."""

from __future__ import annotations

import array

import numpy as np
import pytest
from test_speed_paths import reference_block_words

from lintnews.config import Settings
from lintnews.corpus import duplicates, signature, storage, templates, verification
from lintnews.corpus.options import CorpusOptions


def reference_closest(
    earlier: np.ndarray, later: np.ndarray, common: np.ndarray, size: np.ndarray, opts: CorpusOptions
) -> tuple[list[tuple[int, int]], dict[int, tuple[float, float, float, int]]]:
    """The pairs applied one by one in pair order, as `find_duplicates` did."""
    similar, best = [], {}
    for a, b, inter in zip(earlier.tolist(), later.tolist(), common.tolist()):
        len_a, len_b = int(size[a]), int(size[b])
        if not verification._similar(inter, len_a, len_b, opts):
            continue
        similar.append((a, b))
        jaccard = inter / (len_a + len_b - inter)
        c_b, c_a = inter / len_b, inter / len_a
        for this, other, mine, theirs in ((b, a, c_b, c_a), (a, b, c_a, c_b)):
            if this not in best or jaccard > best[this][0]:
                best[this] = (jaccard, mine, theirs, other)
    return similar, best


@pytest.mark.parametrize("seed", range(12))
def test_closest_is_the_pair_by_pair_loop(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 60))
    # few distinct sizes and common counts, so Jaccard ties are frequent; -1: a set never read
    size = rng.choice([-1, 10, 20, 25, 40], n).astype(np.int64)
    codes = np.unique(rng.integers(0, n * n, int(rng.integers(0, 4 * n))))
    earlier, later = codes // n, codes % n
    keep = earlier < later
    earlier, later = earlier[keep], later[keep]
    room = np.maximum(np.minimum(size[earlier], size[later]), 0)
    common = (room * rng.choice([0.0, 0.5, 0.8, 0.9, 1.0], len(room))).astype(np.int64)
    opts = CorpusOptions.from_settings(Settings())
    similar, best = reference_closest(earlier, later, common, size, opts)
    a, b, inter = duplicates._similar_pairs(np.arange(len(earlier)), earlier, later, common, size, opts)
    assert list(zip(a.tolist(), b.tolist())) == similar
    assert duplicates._closest(a, b, inter, size) == best


@pytest.mark.parametrize("seed", range(6))
def test_block_words_many_is_each_samples_block(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templates, "BLOCK_BATCH_DOCS", 9)  # several batches
    rng = np.random.default_rng(seed)
    n_rows = 400
    lines = np.zeros(n_rows, signature.LINE_DTYPE)
    lines["hash"] = rng.integers(0, 12, n_rows).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    lines["words"] = rng.integers(1, 40, n_rows)
    owners = np.sort(rng.integers(0, 40, n_rows)).astype(np.uint32)
    owner, count = np.unique(owners, return_counts=True)
    index = storage.RowIndex(array.array("I", owner.tolist()), array.array("I", count.tolist()))
    rows_of_doc = {d: index[d] for d in owner.tolist()}
    samples = [
        np.sort(rng.choice(owner, int(rng.integers(1, 12)), replace=False)).astype(np.uint32)
        for _ in range(15)
    ]
    expected = [reference_block_words(lines, sample, rows_of_doc) for sample in samples]
    assert templates.block_words_many(lines, samples, index) == expected
    assert sum(expected) > 0
