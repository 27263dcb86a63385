"""What a persisted corpus signature must match to be used, known without numpy: a re-run whose
every result comes from the cache checks each cached signature against these
(`lintnews.cache.units`) and never imports numpy, the hashing or the signature machinery."""

from __future__ import annotations

#: Shingle hash and MinHash permutation scheme, with a version to bump when either changes
#: (`lintnews.hashing`, `lintnews.minhash`).
SCHEME = "xxh3-64-low32/affine32/1"

#: The item size of each of `lintnews.corpus.signature.SIGNATURE_DTYPES`, by its number (checked
#: there when the signature module is imported).
SIGNATURE_ITEMSIZES = (4, 8, 36)
