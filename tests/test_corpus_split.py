"""The corpus phase's end with forked children (a run of more than one job, issue 17): the LSH
candidates found beside the template lines, the verification split in two; the same
diagnostics as one process, whether or not the children ran or succeeded. And the connected
groups of candidate pairs that decide the order of verification."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from story_copies import edited_copy, story

from lintnews.config import Settings
from lintnews.corpus import CorpusIndex, CorpusSigner, forked, lsh, verification
from lintnews.corpus.groups import UnionFind, smallest_members
from lintnews.corpus.storage import among
from lintnews.diagnostics import Diagnostic
from lintnews.document import Document
from lintnews.engine import Linter


def stories(n_stories: int, copies: int, seed: int = 3) -> list[Document]:
    """``copies`` copies of each of ``n_stories`` stories, each copy with one word of every
    paragraph changed, the stories' copies interleaved."""
    rng = random.Random(seed)
    texts = [story(rng, 5) for _ in range(n_stories)]
    docs = []
    for c in range(copies):
        for s, paragraphs in enumerate(texts):
            docs.append(Document(f"s{s:02}c{c:02}.txt", edited_copy(rng, paragraphs)))
    return docs


def corpus_diagnostics(docs: list[Document], jobs: int) -> list[Diagnostic]:
    settings = Settings()
    linter, signer = Linter(settings), CorpusSigner(settings)
    index = CorpusIndex(settings)
    index.jobs = jobs
    for doc in docs:
        index.add(signer(doc, linter.lint(doc).diagnostics))
    return index.finish()


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return stories(12, 6)


@pytest.fixture(scope="module")
def one_process(docs: list[Document]) -> list[Diagnostic]:
    found = corpus_diagnostics(docs, jobs=1)
    assert [d.code for d in found].count("N001") == 12 * 5  # every copy but the kept one
    return found


@pytest.mark.skipif(not forked.CAN_FORK, reason="no fork on this platform")
def test_a_split_verification_gives_the_same_diagnostics(
    docs: list[Document], one_process: list[Diagnostic], monkeypatch: pytest.MonkeyPatch
) -> None:
    started = []

    def counting(part):  # type: ignore[no-untyped-def]
        started.append(part)
        return forked.in_child(part)

    for module, threshold in ((verification, "SPLIT_PAIRS"), (lsh, "BESIDE_DOCS")):
        monkeypatch.setattr(module, threshold, 0)
        monkeypatch.setattr(module, "in_child", counting)
    assert corpus_diagnostics(docs, jobs=2) == one_process
    assert len(started) == 2  # the candidates beside the template lines, half the verification


def test_a_failed_child_is_verified_in_the_parent(
    docs: list[Document], one_process: list[Diagnostic], monkeypatch: pytest.MonkeyPatch
) -> None:
    for module, threshold in ((verification, "SPLIT_PAIRS"), (lsh, "BESIDE_DOCS")):
        monkeypatch.setattr(module, threshold, 0)
        monkeypatch.setattr(module, "CAN_FORK", True)
        monkeypatch.setattr(module, "in_child", lambda part: lambda: None)
    assert corpus_diagnostics(docs, jobs=2) == one_process


@pytest.mark.skipif(not forked.CAN_FORK, reason="no fork on this platform")
def test_a_child_that_raises_gives_none() -> None:
    def fails() -> int:
        raise RuntimeError("in the child")

    assert forked.in_child(fails)() is None
    assert forked.in_child(lambda: {"a": np.arange(3).tolist()})() == {"a": [0, 1, 2]}


@pytest.mark.parametrize("seed", range(20))
def test_smallest_members_names_groups_as_union_find_does(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 300))
    m = int(rng.integers(0, 2 * n))
    a, b = rng.integers(0, n, m), rng.integers(0, n, m)
    sets = UnionFind(n)
    for x, y in zip(a.tolist(), b.tolist()):
        sets.union(x, y)
    assert smallest_members(a, b, n).tolist() == [sets.find(i) for i in range(n)]


def test_smallest_members_of_a_long_chain() -> None:
    """A chain given from its far end: the roots are hooked one pass after the other."""
    n = 1000
    a = np.arange(n - 1, 0, -1)
    assert smallest_members(a, a - 1, n).tolist() == [0] * n


@pytest.mark.parametrize("seed", range(8))
def test_split_groups_parts_cover_every_run_once_in_whole_groups(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_groups = int(rng.integers(2, 40))
    # groups (named by a root) of a few runs of a few pairs each, scattered in size
    runs_per_group = rng.integers(1, 6, n_groups)
    run_pairs = rng.integers(1, 9, int(runs_per_group.sum()))
    group_of_run = np.repeat(np.arange(n_groups), runs_per_group)
    roots = np.sort(rng.choice(1000, n_groups, replace=False))
    roots_sorted = np.repeat(roots[group_of_run], run_pairs)
    runs = np.concatenate(([0], np.cumsum(run_pairs)[:-1]))
    members = np.zeros(1000, np.int64)
    members[roots] = rng.integers(2, 300, n_groups)
    halves = verification._split_groups(roots_sorted, runs, members)
    assert halves is not None
    covered = [run for ranges in halves for lo, hi in ranges for run in range(lo, hi)]
    assert sorted(covered) == list(range(len(runs)))
    side = np.zeros(len(runs), np.int64)
    for part, ranges in enumerate(halves):
        for lo, hi in ranges:
            side[lo:hi] = part
    for g in range(n_groups):  # whole groups
        assert len(set(side[group_of_run == g].tolist())) == 1
    loads = [int(members[roots[np.unique(group_of_run[side == part])]].sum()) for part in (0, 1)]
    assert abs(loads[0] - loads[1]) <= members.max()  # largest first, each to the lighter part


def test_one_group_is_not_split() -> None:
    assert (
        verification._split_groups(np.zeros(50, np.int64), np.arange(0, 50, 5), np.ones(1, np.int64)) is None
    )


@pytest.mark.parametrize("seed", range(10))
def test_among_is_numpys_isin(seed: int) -> None:
    rng = np.random.default_rng(seed)
    values = rng.integers(0, 50, 300).astype(np.uint64)
    values[:3] = [0, 2**64 - 1, 2**63]
    wanted = {int(v) for v in rng.integers(0, 60, seed * 3)} | ({2**64 - 1} if seed % 2 else set())
    expected = np.isin(values, np.fromiter(wanted, np.uint64, len(wanted)))
    assert among(values, wanted).tolist() == expected.tolist()
    assert among(values, iter(wanted)).tolist() == expected.tolist()  # (any iterable)
    assert among(np.zeros(0, np.uint64), wanted).tolist() == []


def test_the_corpus_end_does_not_import_numpy_ma() -> None:
    """numpy 2's `unique` and `isin` import ``numpy.ma`` on first use (~9 ms of the corpus
    phase's end, which runs alone after the last document): the end uses `distinct` and
    `among` instead. In a fresh process, so that nothing else imported it before."""
    program = """
import sys
from test_corpus_split import corpus_diagnostics, stories
from lintnews.corpus import lsh, verification
lsh.BESIDE_DOCS = verification.SPLIT_PAIRS = 0  # (children and all, as a large run)
found = corpus_diagnostics(stories(6, 4), jobs=2)
assert [d.code for d in found].count("N001") == 6 * 3, found
print("numpy.ma" in sys.modules)
"""
    here = Path(__file__).resolve().parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(here), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, cwd=here, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False"]
