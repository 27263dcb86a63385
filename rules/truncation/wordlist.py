"""Whether wordfreq knows a word at a Zipf frequency of at least ``min_zipf``, without building
wordfreq's whole frequency dictionary (for T002's stumps).

``wordfreq.zipf_frequency(word, lang)`` builds, on its first call in a language, a dictionary of
every word of the language's list (300,000-650,000 words, 0.1-0.6 s and 35-70 MB per language
and process). T002 only asks whether a word is rarer than Zipf 2.0, and a list file is a gzipped
msgpack array of buckets in descending order of frequency (bucket ``i`` holds the words of
frequency ``10 ** (-i / 100)``): the words at Zipf 2.0 or more are the first ~700 buckets, a
quarter to a third of the words. `common_words` reads only those buckets (streaming: the rest of
the file is never decompressed), about 5x faster and a third of the memory.

The answer is wordfreq's own: `rarer_than` takes this path only for a word that wordfreq's
tokenizer leaves as it is (one token, no digits), whose frequency is exactly its bucket's, and
asks ``wordfreq.zipf_frequency`` for anything else (tests/test_truncation_wordlist.py compares
both on words of every bucket).
"""

from __future__ import annotations

import functools
import gzip
import itertools
import math


def bucket_zipf(index: int) -> float:
    """``wordfreq.zipf_frequency`` of a one-token word of bucket ``index``: its frequency
    ``cB_to_freq(-index)`` rounded to three significant digits (`_word_frequency`), on the Zipf
    scale rounded to hundredths, as wordfreq computes them."""
    import wordfreq

    freq = 1.0 / (1.0 / wordfreq.cB_to_freq(-index))
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(wordfreq.freq_to_zipf(freq), 2)


@functools.cache
def common_words(lang: str, min_zipf: float) -> frozenset[str]:
    """The words of wordfreq's ``best`` list of ``lang`` (an exact key of
    ``wordfreq.available_languages()``) at ``min_zipf`` or more."""
    import msgpack
    import wordfreq

    path = wordfreq.available_languages()[lang]
    buckets: list[list[str]] = []
    with gzip.open(path, "rb") as infile:
        unpacker = msgpack.Unpacker(infile, raw=False)
        size = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"{path}: unexpected wordfreq header {header!r}")
        for index in range(size - 1):
            if bucket_zipf(index) < min_zipf:
                break  # (frequencies only fall from here)
            buckets.append(unpacker.unpack())
    # (one frozenset of all the buckets: a set grown bucket by bucket, then copied, cost a
    # quarter more, once per language and process)
    return frozenset(itertools.chain.from_iterable(buckets))


def rarer_than(word: str, lang: str, min_zipf: float) -> bool:
    """``wordfreq.zipf_frequency(word, lang) < min_zipf``, for a language wordfreq has a list of
    (an exact key of ``wordfreq.available_languages()``)."""
    import wordfreq
    from wordfreq.tokens import lossy_tokenize

    if lossy_tokenize(word, lang) == [word] and wordfreq.smash_numbers(word) == word:
        return word not in common_words(lang, min_zipf)
    return float(wordfreq.zipf_frequency(word, lang)) < min_zipf
