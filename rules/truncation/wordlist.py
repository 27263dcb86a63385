"""Whether wordfreq rates a word below a Zipf frequency, without building wordfreq's whole
frequency dictionary (for T002's stumps).

``wordfreq.zipf_frequency(word, lang)`` builds, on its first call in a language, a dictionary of
every word of the language's list (300,000-650,000 words, 0.1-0.6 s and 35-70 MB per language
and process). T002 only asks whether a word is rarer than Zipf 2.0 or 3.5, and a list file is a
gzipped msgpack array of buckets in descending order of frequency (bucket ``i`` holds the words
of frequency ``10 ** (-i / 100)``): the words at Zipf `FLOOR` (2.0) or more are the first ~700
buckets, a quarter to a third of the words. `common_words` reads only those buckets (streaming:
the rest of the file is never decompressed), once per language and process for every threshold
at or above the floor, about 5x faster and a third of the memory.

The answer is wordfreq's own (tests/test_truncation_wordlist.py compares both on words of every
bucket, compounds and words wordfreq's tokenizer changes). wordfreq tokenizes the word first: a
word of one token without digits has exactly its bucket's frequency; a word of several tokens
has a frequency below each of its tokens' (``1 / f = 1 / f1 + 1 / f2 + …``, rounded the same
way), so it is rare as soon as one token without digits is. Only a word of several tokens that
are all common, or with digits, is left to ``wordfreq.zipf_frequency``.
"""

from __future__ import annotations

import functools
import gzip
import itertools

#: The lowest Zipf frequency `common_words` reads down to: T002's lower threshold (`rarer_than`
#: asks wordfreq itself about a lower one).
FLOOR = 2.0


def bucket_zipf(index: int) -> float:
    """``wordfreq.zipf_frequency`` of a one-token word of bucket ``index``: its frequency
    ``cB_to_freq(-index)`` rounded to three significant digits (`_word_frequency`), on the Zipf
    scale rounded to hundredths, as wordfreq computes them."""
    import math

    import wordfreq

    freq = 1.0 / (1.0 / wordfreq.cB_to_freq(-index))
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(wordfreq.freq_to_zipf(freq), 2)


@functools.cache
def first_bucket_below(min_zipf: float) -> int:
    """The index of the first bucket whose words wordfreq rates below ``min_zipf`` (frequencies
    only fall from one bucket to the next)."""
    index = 0
    while bucket_zipf(index) >= min_zipf:
        index += 1
    return index


@functools.cache
def _buckets(lang: str) -> list[list[str]]:
    """The buckets of wordfreq's ``best`` list of ``lang`` (an exact key of
    ``wordfreq.available_languages()``) at Zipf `FLOOR` or more, read once per process."""
    import msgpack
    import wordfreq

    path = wordfreq.available_languages()[lang]
    with gzip.open(path, "rb") as infile:
        unpacker = msgpack.Unpacker(infile, raw=False)
        size = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"{path}: unexpected wordfreq header {header!r}")
        return [unpacker.unpack() for _ in range(min(size - 1, first_bucket_below(FLOOR)))]


@functools.cache
def common_words(lang: str, min_zipf: float) -> frozenset[str]:
    """The words of wordfreq's ``best`` list of ``lang`` at ``min_zipf`` (`FLOOR` or more) or
    more. (One frozenset of the buckets: a set grown bucket by bucket, then copied, cost a
    quarter more; a dict of each word's bucket, for every threshold at once, half as much
    again as a set per threshold.)"""
    if min_zipf < FLOOR:
        raise ValueError(f"only the words at Zipf {FLOOR} or more are read, not {min_zipf}")
    return frozenset(itertools.chain.from_iterable(_buckets(lang)[: first_bucket_below(min_zipf)]))


def rarer_than(word: str, lang: str, min_zipf: float) -> bool:
    """``wordfreq.zipf_frequency(word, lang) < min_zipf``, for a language wordfreq has a list of
    (an exact key of ``wordfreq.available_languages()``)."""
    import wordfreq
    from wordfreq.tokens import lossy_tokenize

    if min_zipf >= FLOOR:
        common = common_words(lang, min_zipf)
        tokens = lossy_tokenize(word, lang)
        # (a token with digits has a frequency of its own: wordfreq spreads its bucket's)
        plain = [token for token in tokens if wordfreq.smash_numbers(token) == token]
        if len(tokens) == 1 and plain:
            return plain[0] not in common
        if any(token not in common for token in plain):
            return True  # several tokens: rarer than the rarest of them
    return float(wordfreq.zipf_frequency(word, lang)) < min_zipf
