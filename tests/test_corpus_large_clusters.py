"""The corpus phase with one story in hundreds of copies (issue 17).

A wire story run by hundreds of outlets must not cost a verification per pair of copies: pairs
inside a verified cluster of `BIG_CLUSTER` documents are skipped, and an LSH bucket of more than
`BIG_BUCKET` members gives each member two candidates instead of `MAX_PEERS`. The counts are
measured (not times): the exact verifications `CorpusIndex` runs and its candidate pairs.
"""

from __future__ import annotations

import collections
import random

import pytest
from story_copies import edited_copy, story

from lintnews.config import Settings
from lintnews.corpus import check_corpus, lsh, verification
from lintnews.document import Document


def story_copies(n: int, seed: int = 5) -> list[Document]:
    """``n`` copies of one six-paragraph story, each with one word of every paragraph changed."""
    rng = random.Random(seed)
    paragraphs = story(rng, 6)
    docs = [Document(f"copy{i:04}.txt", edited_copy(rng, paragraphs)) for i in range(n)]
    return docs


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> collections.Counter[str]:
    """Counts of the pairs the corpus phase verifies and of its candidate pairs."""
    counts: collections.Counter[str] = collections.Counter()
    common_many = verification._common_many
    candidates = lsh.candidates

    def counting_common(a, others):  # type: ignore[no-untyped-def]
        counts["verified"] += len(others)
        return common_many(a, others)

    def counting_candidates(*args, **kwargs):  # type: ignore[no-untyped-def]
        earlier, later = candidates(*args, **kwargs)
        counts["candidates"] += len(earlier)
        return earlier, later

    monkeypatch.setattr(verification, "_common_many", counting_common)
    monkeypatch.setattr(lsh, "candidates", counting_candidates)
    return counts


def run(docs: list[Document], counts: collections.Counter[str]) -> tuple[collections.Counter[str], int, int]:
    counts.clear()
    found = collections.Counter(d.code for d in check_corpus(docs, Settings()))
    return found, counts["verified"], counts["candidates"]


def test_a_story_in_hundreds_of_copies_costs_one_verification_per_copy(
    counted: collections.Counter[str],
) -> None:
    found, verified, candidates = run(story_copies(200), counted)
    assert found == {"N001": 199}
    # every copy joins the cluster once; 200 * 199 / 2 = 19,900 pairs
    assert verified < 2 * 200, verified
    found, verified_2x, candidates_2x = run(story_copies(400), counted)
    assert found == {"N001": 399}
    assert verified_2x < 2 * 400, verified_2x
    # candidate pairs per copy stay bounded (at most MAX_PEERS per band in buckets of up to
    # BIG_BUCKET members, two beyond): 79,800 pairs of copies at 400
    assert candidates < 100 * 200 and candidates_2x < 100 * 400, (candidates, candidates_2x)


def test_small_clusters_verify_every_candidate_pair(counted: collections.Counter[str]) -> None:
    """Below `BIG_CLUSTER` documents each candidate pair is verified, so a copy's message names
    its closest match among them."""
    n = verification.BIG_CLUSTER - 2
    found, verified, candidates = run(story_copies(n), counted)
    assert found == {"N001": n - 1}
    assert verified == candidates == n * (n - 1) // 2
