"""Whether wordfreq rates a word below a Zipf frequency, without building wordfreq's whole
frequency dictionary (for T002's stumps).

``wordfreq.zipf_frequency(word, lang)`` builds, on its first call in a language, a dictionary of
every word of the language's list (300,000-650,000 words, 0.1-0.6 s and 35-70 MB per language
and process). T002 only asks whether a word is rarer than Zipf 2.0 or 3.5, and a list file is a
gzipped msgpack array of buckets in descending order of frequency (bucket ``i`` holds the words
of frequency ``10 ** (-i / 100)``): the words at Zipf `FLOOR` (2.0) or more are the first ~700
buckets, a quarter to a third of the words. `in_buckets` reads only those buckets' bytes
(streaming: the rest of the file is never decompressed), once per language and process, and
finds a word in them by a search of the bytes, unpacking only the bucket of a hit: T002 asks a
few dozen questions a language, and unpacking every word into a set cost 30-65 ms a language
where reading the bytes costs 7-13.

The answer is wordfreq's own (tests/test_truncation_wordlist.py compares both on words of every
bucket, compounds and words wordfreq's tokenizer changes). wordfreq tokenizes the word first: a
word of one token without digits has exactly its bucket's frequency; a word of several tokens
has a frequency below each of its tokens' (``1 / f = 1 / f1 + 1 / f2 + …``, rounded the same
way), so it is rare as soon as one token without digits is. Only a word of several tokens that
are all common, or with digits, is left to ``wordfreq.zipf_frequency``.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import hashlib
import os
import sys
from pathlib import Path
from types import ModuleType

from lintnews import kept_files


def import_wordfreq() -> ModuleType:
    """``import wordfreq``, without the call stack its import takes.

    wordfreq finds its data folder as it is imported (``wordfreq.util.data_path``) with
    ``locate.this_dir()``, which takes ``inspect.stack()`` to read one frame: every frame of the
    call stack with its source line, reading and searching the source file of each (in a check
    run's warm-up, before its workers fork and with ~25 frames above it: ~80 M instructions,
    ~19 ms, while the other core waits). While wordfreq is imported, ``locate.this_dir`` is
    `_this_dir`, which reads only its caller's frame and answers the same; then it is put back."""
    module = sys.modules.get("wordfreq")
    if module is not None:
        return module
    try:
        import locate
    except ImportError:  # pragma: no cover - a wordfreq that does not use it
        import wordfreq

        return wordfreq
    original = locate.this_dir
    locate.this_dir = _this_dir
    try:
        import wordfreq
    finally:
        locate.this_dir = original
    return wordfreq


def _this_dir() -> Path:
    """``locate.this_dir()`` (locate 1.1): the folder of the file of the function that calls it,
    or the working directory when that has no file; from that frame alone."""
    caller = sys._getframe(1).f_globals
    if "__file__" in caller:
        return Path(os.path.abspath(caller["__file__"])).parent
    return Path(os.path.abspath(os.getcwd()))


#: The lowest Zipf frequency `in_buckets` reads down to: T002's lower threshold (`rarer_than`
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
def _list_bytes(lang: str) -> tuple[bytes, list[int]]:
    """The msgpack bytes of the buckets of wordfreq's ``best`` list of ``lang`` (an exact key of
    ``wordfreq.available_languages()``) at Zipf `FLOOR` or more, read once per process, and the
    offset in them where each bucket starts (with the end of the last: one more than buckets).

    Reading them from the gzipped list costs 7-30 ms a language (English 9, German 16, Russian
    30), in every process that meets the language: they are kept in a file of their own beside
    this module (`lintnews.kept_files`), keyed as bytecode is by the list file's path, size and
    time of change, with `FLOOR`, the source of this module and the Python version (~0.1-0.5 ms
    to read back)."""
    import wordfreq

    path = wordfreq.available_languages()[lang]
    file = kept_files.path(Path(__file__).parent, f"wordlist-{lang}")
    key = _list_key(path)
    kept = kept_files.read(file, key) if key is not None else None
    if (
        isinstance(kept, tuple)
        and len(kept) == 2
        and isinstance(kept[0], bytes)
        and isinstance(kept[1], list)
        and kept[1]
        and all(isinstance(at, int) and 0 <= at <= len(kept[0]) for at in kept[1])
    ):
        return kept  # type: ignore[return-value]
    data, starts = _read_list(path)
    if key is not None:
        kept_files.write(file, key, (data, starts))
    return data, starts


def _list_key(path: str) -> bytes | None:
    """The hash of everything `_list_bytes` of the list file ``path`` follows from."""
    h = hashlib.blake2b(digest_size=16)
    try:
        stat = os.stat(path)
        h.update(
            f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0{FLOOR}\0{sys.version}\0".encode(
                "utf-8", "surrogateescape"
            )
        )
        h.update(Path(__file__).read_bytes())
    except OSError:
        return None  # (nothing to key it by: read it, keep nothing)
    return h.digest()


def _read_list(path: str) -> tuple[bytes, list[int]]:
    """`_list_bytes` read from wordfreq's list file ``path``: the buckets are skipped by msgpack
    without being unpacked."""
    import msgpack

    unpacker = msgpack.Unpacker(raw=False)
    data = bytearray()
    size = -1  # (the list's length, once read)
    starts: list[int] = []  # (from the end of the header on)
    with gzip.open(path, "rb") as infile:
        while not starts or len(starts) <= min(size - 1, first_bucket_below(FLOOR)):
            chunk = infile.read(1 << 16)
            if not chunk:
                break
            data += chunk
            unpacker.feed(chunk)
            try:  # (on too little data, msgpack raises OutOfData and takes nothing)
                if size < 0:
                    size = unpacker.read_array_header()
                if not starts:
                    header = unpacker.unpack()
                    if (
                        not isinstance(header, dict)
                        or header.get("format") != "cB"
                        or header.get("version") != 1
                    ):
                        raise ValueError(f"{path}: unexpected wordfreq header {header!r}")
                    starts.append(unpacker.tell())
                while len(starts) <= min(size - 1, first_bucket_below(FLOOR)):
                    unpacker.skip()
                    starts.append(unpacker.tell())
            except msgpack.OutOfData:
                continue
    return bytes(data[: starts[-1]]), starts


@functools.lru_cache(maxsize=256)
def _bucket(lang: str, index: int) -> frozenset[str]:
    """The words of bucket ``index`` of `_list_bytes`."""
    import msgpack

    data, starts = _list_bytes(lang)
    return frozenset(msgpack.unpackb(data[starts[index] : starts[index + 1]], raw=False))


@functools.cache
def _empty_bucket(lang: str) -> int:
    """The first bucket of `_list_bytes` that holds the empty string (one past the last when none
    does): asked once per language, where each empty word unpacked every bucket again (more of
    them than `_bucket` keeps)."""
    starts = _list_bytes(lang)[1]
    return next((i for i in range(len(starts) - 1) if "" in _bucket(lang, i)), len(starts) - 1)


def _str_headers(size: int) -> tuple[bytes, ...]:
    """Every msgpack header of a string of ``size`` bytes (fixstr, str 8, 16, 32)."""
    heads = [b"\xdb" + size.to_bytes(4, "big")]
    if size < 1 << 16:
        heads.append(b"\xda" + size.to_bytes(2, "big"))
    if size < 1 << 8:
        heads.append(b"\xd9" + size.to_bytes(1, "big"))
    if size < 32:
        heads.append(bytes([0xA0 | size]))
    return tuple(heads)


def load(lang: str) -> None:
    """Read the list of ``lang`` now (see `in_buckets`): T002's ``warm``, before a check run's
    workers fork."""
    _list_bytes(lang)


def in_buckets(word: str, lang: str, count: int) -> bool:
    """Whether ``word`` is a word of the first ``count`` buckets (at most those at `FLOOR` or
    more) of wordfreq's list of ``lang``: each place where the bytes hold its UTF-8 bytes behind
    a string header is looked up in the one bucket holding it (a word's bytes may also be part of
    a longer word's, or follow bytes that look like a header)."""
    data, starts = _list_bytes(lang)
    count = min(count, len(starts) - 1)
    needle = word.encode("utf-8", "surrogatepass")  # (valid UTF-8 holds no surrogate)
    if not needle:
        return _empty_bucket(lang) < count
    heads = _str_headers(len(needle))
    at = data.find(needle, starts[0], starts[count])
    while at >= 0:
        if data.endswith(heads, starts[0], at) and word in _bucket(lang, bisect.bisect_right(starts, at) - 1):
            return True
        at = data.find(needle, at + 1, starts[count])
    return False


def rarer_than(word: str, lang: str, min_zipf: float) -> bool:
    """``wordfreq.zipf_frequency(word, lang) < min_zipf``, for a language wordfreq has a list of
    (an exact key of ``wordfreq.available_languages()``)."""
    import wordfreq
    from wordfreq.tokens import lossy_tokenize

    if min_zipf >= FLOOR:
        count = first_bucket_below(min_zipf)
        tokens = lossy_tokenize(word, lang)
        # (a token with digits has a frequency of its own: wordfreq spreads its bucket's)
        plain = [token for token in tokens if wordfreq.smash_numbers(token) == token]
        if len(tokens) == 1 and plain:
            return not in_buckets(plain[0], lang, count)
        if any(not in_buckets(token, lang, count) for token in plain):
            return True  # several tokens: rarer than the rarest of them
    return float(wordfreq.zipf_frequency(word, lang)) < min_zipf
