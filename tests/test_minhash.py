"""lintnews.minhash is bit-exact with datasketch: same shingle hash, same permutations, same values."""

from __future__ import annotations

import random

import numpy as np
import pytest
from datasketch import LeanMinHash, MinHash, MinHashLSH
from datasketch.hashfunc import sha1_hash32

from lintnews import _native, minhash, native
from lintnews.minhash import MinHasher, permutations, sha1_hash32_many, sha1_hash32_spans

ARTICLE = (
    "The city council approved a new budget on Monday that raises spending on road repairs by "
    "twelve percent, while cutting the parks department's allocation for the second year in a row. "
    "Council members argued for nearly four hours before the final vote, which passed seven to four. "
    "Residents who spoke at the meeting said potholes on the east side had gone unfixed for months, "
    "and several asked why the council had not used money set aside after last winter's storms. "
    "Die Straßenbahn fährt künftig öfter, sagte die Bürgermeisterin; «c'est une bonne nouvelle». "
)


def _byte_strings(n: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    out = [b"", b"a", bytes(55), bytes(56), bytes(63), bytes(64), bytes(119), bytes(120)]
    while len(out) < n:
        out.append(bytes(rng.randrange(256) for _ in range(rng.randrange(0, 180))))
    return out


def _shingles(text: str, k: int = 5) -> list[bytes]:
    words = text.lower().split()
    return [" ".join(words[i : i + k]).encode("utf-8") for i in range(max(len(words) - k + 1, 1))]


class _PortableNative:
    """The compiled kernels with the portable SHA-1 (not the CPU's SHA instructions)."""

    @staticmethod
    def sha1_hash32_spans(data: bytes, starts: np.ndarray, ends: np.ndarray) -> bytes:
        return _native.sha1_hash32_spans(data, starts, ends, True)


@pytest.fixture(params=["hashlib", "vectorised", "compiled", "compiled-portable"])
def sha_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test through each SHA-1: hashlib and the vectorised numpy one (whatever the input
    size), and the compiled kernel with and without the CPU's SHA instructions."""
    if request.param == "compiled-portable":
        monkeypatch.setattr(native, "compiled", _PortableNative)
    elif request.param == "compiled":
        monkeypatch.setattr(native, "compiled", _native)
    else:
        monkeypatch.setattr(native, "compiled", None)
        monkeypatch.setattr(minhash, "_SHA_MIN_VECTOR", 1 << 40 if request.param == "hashlib" else 1)
    return str(request.param)


def test_sha1_hash32_matches_datasketch(sha_path: str) -> None:
    items = _byte_strings(600, seed=5)
    expected = np.array([sha1_hash32(x) for x in items], dtype=np.uint32)
    assert np.array_equal(sha1_hash32_many(items), expected)


def test_sha1_hash32_spans_of_utf8_text(sha_path: str) -> None:
    data = (ARTICLE * 20).encode("utf-8")
    rng = random.Random(3)
    starts = np.array([rng.randrange(len(data) - 200) for _ in range(1500)])
    ends = starts + np.array([rng.randrange(0, 200) for _ in range(1500)])
    expected = np.array([sha1_hash32(data[s:e]) for s, e in zip(starts, ends)], dtype=np.uint32)
    assert np.array_equal(sha1_hash32_spans(data, starts, ends), expected)


def test_sha1_hash32_when_every_span_fits_one_block(sha_path: str) -> None:
    data = (ARTICLE * 12).encode("utf-8")
    words = [i for i, ch in enumerate(data) if ch == 32]
    starts = np.array([0, *(w + 1 for w in words[:-5])])
    ends = np.array(words[4:])
    assert (ends - starts).max() <= 55
    expected = np.array([sha1_hash32(data[s:e]) for s, e in zip(starts, ends)], dtype=np.uint32)
    assert np.array_equal(sha1_hash32_spans(data, starts, ends), expected)


def test_vectorised_path_is_taken_for_large_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(native, "compiled", None)
    data = (ARTICLE * 200).encode("utf-8")
    words = [i for i, ch in enumerate(data) if ch == 32]
    starts = np.array([0, *(w + 1 for w in words[:-5])])
    ends = np.array(words[4:])
    assert len(starts) >= minhash._SHA_MIN_VECTOR
    expected = np.array([sha1_hash32(data[s:e]) for s, e in zip(starts, ends)], dtype=np.uint32)
    assert np.array_equal(sha1_hash32_spans(data, starts, ends), expected)


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
    hashes = [sha1_hash32_many(d) if d else np.zeros(0, np.uint32) for d in docs]
    got = hasher.signatures(np.concatenate(hashes), np.array([len(h) for h in hashes]))
    for doc, values in zip(docs, got):
        ref = MinHash(num_perm=num_perm, seed=seed, scheme=scheme)
        ref.update_batch(doc)
        assert values.dtype == ref.hashvalues.dtype
        assert np.array_equal(values, ref.hashvalues)
    assert np.array_equal(hasher.signature(hashes[0]), got[0])


def test_values_go_into_a_datasketch_lsh_index() -> None:
    hasher = MinHasher(128, 1)
    original = _shingles(ARTICLE)
    copy = _shingles("Breaking: " + ARTICLE.replace("seven to four", "seven votes to four"))
    other = _shingles("Rain is expected across the north on Friday, with snow on higher ground and "
                      "strong winds along the coast that could disrupt ferry services for the weekend.")
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    for key, shingles in (("original", original), ("other", other)):
        values = hasher.signature(sha1_hash32_many(shingles))
        lsh.insert(key, LeanMinHash(MinHash(num_perm=128, seed=1, hashvalues=values, scheme="affine32")))
    query = MinHash(num_perm=128, seed=1, hashvalues=hasher.signature(sha1_hash32_many(copy)), scheme="affine32")
    assert lsh.query(query) == ["original"]
    ref = MinHash(num_perm=128)
    ref.update_batch(copy)
    assert query.jaccard(ref) == 1.0


def test_unknown_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown MinHash scheme"):
        MinHasher(128, 1, "affine16")
