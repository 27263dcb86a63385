"""lintnews.minhash gives datasketch's values for the same shingle hashes; lintnews.hashing is XXH3; estimates match Jaccard."""

from __future__ import annotations

import random

import numpy as np
import pytest
import xxhash
from datasketch import LeanMinHash, MinHash, MinHashLSH

from lintnews import _native, hashing, minhash, native
from lintnews.minhash import MinHasher, permutations
from lintnews.textnorm import normalize

ARTICLE = (
    "The city council approved a new budget on Monday that raises spending on road repairs by "
    "twelve percent, while cutting the parks department's allocation for the second year in a row. "
    "Council members argued for nearly four hours before the final vote, which passed seven to four. "
    "Residents who spoke at the meeting said potholes on the east side had gone unfixed for months, "
    "and several asked why the council had not used money set aside after last winter's storms. "
    "Die Straßenbahn fährt künftig öfter, sagte die Bürgermeisterin; «c'est une bonne nouvelle». "
)


def _shingles(text: str, k: int = 5) -> list[bytes]:
    words = text.split()
    return [" ".join(words[i : i + k]).encode("utf-8") for i in range(max(len(words) - k + 1, 1))]


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "xxhash-package"])
def test_shingle_hashes_are_xxh3_of_the_shingles(compiled: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(native, "compiled", _native if compiled else None)
    lines = [normalize(p) for p in ARTICLE.split(". ")] + ["one", "two words"]
    values, counts = hashing.shingle_hashes(lines, 5)
    expected = [xxhash.xxh3_64_intdigest(s) & 0xFFFFFFFF for line in lines for s in _shingles(line)]
    assert values.tolist() == expected
    assert counts.tolist() == [max(len(line.split()) - 4, 1) for line in lines]


def _hash32_many(items: list[bytes]) -> np.ndarray:
    return np.array([hashing.hash32(x) for x in items], np.uint32)


@pytest.mark.parametrize("scheme", ["affine32", "legacy"])
@pytest.mark.parametrize(("num_perm", "seed"), [(128, 1), (64, 7)])
def test_permutations_match_datasketch(scheme: str, num_perm: int, seed: int) -> None:
    a, b = permutations(num_perm, seed, scheme)
    ref = MinHash(num_perm=num_perm, seed=seed, scheme=scheme).permutations
    assert np.array_equal(a, ref[0]) and np.array_equal(b, ref[1])


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "numpy"])
@pytest.mark.parametrize("scheme", ["affine32", "legacy"])
@pytest.mark.parametrize(("num_perm", "seed"), [(128, 1), (64, 7)])
def test_signatures_match_datasketch_update_batch(
    scheme: str, num_perm: int, seed: int, compiled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(native, "compiled", _native if compiled else None)
    rng = random.Random(11)
    words = ARTICLE.split()
    docs = [
        _shingles(ARTICLE),
        _shingles(" ".join(rng.choice(words) for _ in range(300))),
        [],  # empty document: datasketch's empty signature
        _shingles("Short note"),
        # longer than one permutation chunk, so it is reduced over several chunks
        [f"shingle {i}".encode() for i in range(minhash._PERM_CHUNK + 1500)],
        _shingles(ARTICLE.upper()),
    ]
    hasher = MinHasher(num_perm, seed, scheme)
    hashes = [_hash32_many(d) for d in docs]
    got = hasher.signatures(np.concatenate(hashes), np.array([len(h) for h in hashes]))
    for doc, values in zip(docs, got):
        ref = MinHash(num_perm=num_perm, seed=seed, scheme=scheme, hashfunc=hashing.hash32)
        ref.update_batch(doc)
        assert values.dtype == ref.hashvalues.dtype
        assert np.array_equal(values, ref.hashvalues)
    assert np.array_equal(hasher.signature(hashes[0]), got[0])


def test_values_go_into_a_datasketch_lsh_index() -> None:
    hasher = MinHasher(128, 1)
    original = _shingles(ARTICLE)
    copy = _shingles("Breaking: " + ARTICLE.replace("seven to four", "seven votes to four"))
    other = _shingles(
        "Rain is expected across the north on Friday, with snow on higher ground and "
        "strong winds along the coast that could disrupt ferry services for the weekend."
    )
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    for key, shingles in (("original", original), ("other", other)):
        values = hasher.signature(_hash32_many(shingles))
        lsh.insert(key, LeanMinHash(MinHash(num_perm=128, seed=1, hashvalues=values, scheme="affine32")))
    query = MinHash(num_perm=128, seed=1, hashvalues=hasher.signature(_hash32_many(copy)), scheme="affine32")
    assert lsh.query(query) == ["original"]
    ref = MinHash(num_perm=128, hashfunc=hashing.hash32)
    ref.update_batch(copy)
    assert query.jaccard(ref) == 1.0


def test_unknown_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown MinHash scheme"):
        MinHasher(128, 1, "affine16")


def _variant(rng: random.Random, paragraphs: list[str], typo_rate: float, drop: int, intro: str) -> list[str]:
    """A syndicated copy: an added intro, ``drop`` paragraphs left out, words misspelt."""
    kept = paragraphs[: len(paragraphs) - drop] if drop else list(paragraphs)
    out = [intro] if intro else []
    for p in kept:
        words = p.split()
        out.append(" ".join(w[::-1] if rng.random() < typo_rate else w for w in words))
    return out


@pytest.mark.parametrize("num_perm", [64, 128, 256])
def test_estimates_match_exact_jaccard_within_three_sigma(num_perm: int) -> None:
    """On article-shaped pairs (an article and an edited copy) over the whole range of similarity,
    the share of equal MinHash values estimates the Jaccard similarity of the shingle sets
    within 3 standard deviations of the estimator (sqrt(J (1 - J) / num_perm)); the exact
    similarity is computed on the shingle strings, not on their hashes."""
    rng = random.Random(num_perm)
    vocabulary = sorted(set(normalize(ARTICLE).lower().split())) + [f"word{i}" for i in range(400)]
    hasher = MinHasher(num_perm, 1)
    checked = []
    for case in range(40):
        paragraphs = [
            " ".join(rng.choice(vocabulary) for _ in range(rng.randrange(30, 90)))
            for _ in range(rng.randrange(4, 9))
        ]
        intro = " ".join(rng.choice(vocabulary) for _ in range(rng.randrange(0, 60)))
        copy = _variant(
            rng,
            paragraphs,
            typo_rate=rng.choice([0, 0.02, 0.05, 0.1, 0.2]),
            drop=rng.randrange(0, 3),
            intro=intro,
        )
        sets = []
        sigs = []
        for doc in (paragraphs, copy):
            sets.append({s for p in doc for s in _shingles(p)})
            values, _ = hashing.shingle_hashes(doc, 5)
            sigs.append(hasher.signature(values))
        exact = len(sets[0] & sets[1]) / len(sets[0] | sets[1])
        estimate = float(np.mean(sigs[0] == sigs[1]))
        sigma = (exact * (1 - exact) / num_perm) ** 0.5
        assert abs(estimate - exact) <= 3 * sigma + 1 / num_perm, (case, exact, estimate)
        checked.append(exact)
    assert min(checked) < 0.3 and max(checked) > 0.8  # the pairs cover the range
