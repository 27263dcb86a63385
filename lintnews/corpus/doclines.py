"""`signature_lines`: what a document's corpus signature takes from its lines, in one pass.

`lintnews.corpus.signature.CorpusSigner.prepare` needs, per document: which lines hold
something (a template candidate's rank counts only those), the normalised text (for the exact
duplicate hash), the shingle hashes of the lines that are neither empty once normalised nor
flagged as chrome, and the template candidates among the edge lines. Walking the lines for each
of those in Python cost more than hashing the shingles; the compiled kernel
(`lintnews._native.signature_lines`) does it in one pass and `py_signature_lines` is its
definition, used when the kernel is not built (tests/test_signature_lines.py compares the two).
The candidates' line hashes (BLAKE2b of their line keys) are made by the signer (`signature._candidate_rows`).
"""

from __future__ import annotations

import bisect
import itertools

from lintnews import native
from lintnews.hashing import py_shingle_hashes

#: A template candidate: (line index, 1-based column of its first and end column after its last
#: non-space character on the identity map, rank from the start and from the end among the
#: non-blank lines (each at most 255), words (at most 65535), its shingles' range in the hashes).
Row = tuple[int, int, int, int, int, int, int, int]

#: (non-blank lines, first non-blank line (0 without one), the normalised text in UTF-8, its
#: length in characters, the shingle hashes (native uint32), the template candidates).
Lines = tuple[int, int, bytes, int, bytearray, list[Row]]


def signature_lines(
    lines: list[str],
    norms: list[str],
    chrome: bytes | bytearray,
    k: int,
    edge: int,
    max_chars: int,
    min_words: int,
) -> Lines:
    """`py_signature_lines`, from the compiled kernel when it is built."""
    if native.compiled is not None:
        return native.compiled.signature_lines(lines, norms, chrome, k, edge, max_chars, min_words)
    return py_signature_lines(lines, norms, chrome, k, edge, max_chars, min_words)


def py_signature_lines(
    lines: list[str],
    norms: list[str],
    chrome: bytes | bytearray,
    k: int,
    edge: int,
    max_chars: int,
    min_words: int,
) -> Lines:
    """The parts of a signature that come from the document's ``lines`` and their normalised
    forms ``norms`` (one each): a line is non-blank when ``str.strip`` leaves something; the
    text is the non-empty norms joined by single spaces (what `lintnews.textnorm.normalize`
    makes of the whole text); the non-empty norms not marked in ``chrome`` (a byte per line,
    non-zero: flagged by a chrome rule; lines past its end are not) are shingled, ``k`` words a
    shingle (`lintnews.hashing`; none when ``k`` is 0). The template candidates are the first
    and the last ``edge`` non-blank lines (all of them when there are at most ``2 * edge``)
    that are shingled (or would be, when ``k`` is 0), at most ``max_chars`` long, of at least
    ``min_words`` words."""
    if len(norms) != len(lines) or k < 0 or edge < 0:
        raise ValueError("signature_lines() needs as many norms as lines, k and edge >= 0")
    nonblank = list(itertools.compress(itertools.count(), map(str.strip, lines)))
    n = len(nonblank)
    text = " ".join(filter(None, norms))
    shingled = [
        i for i in itertools.compress(range(len(norms)), norms) if not (i < len(chrome) and chrome[i])
    ]
    hashes, bounds = bytearray(), [0] * (len(shingled) + 1)
    if k:
        values, per_line = py_shingle_hashes([norms[i] for i in shingled], k)
        hashes, bounds = bytearray(values.tobytes()), [0, *itertools.accumulate(per_line.tolist())]
    ranks = range(n) if n <= 2 * edge else itertools.chain(range(edge), range(n - edge, n))
    rows: list[Row] = []
    for rank in ranks:
        i = nonblank[rank]
        norm, line = norms[i], lines[i]
        if not norm or (i < len(chrome) and chrome[i]) or len(line) > max_chars:
            continue
        words = norm.count(" ") + 1
        if words < min_words:
            continue
        col = len(line) - len(line.lstrip())
        at = bisect.bisect_left(shingled, i)
        end = max(len(line.rstrip()) - 1, col) + 2
        lo, hi = bounds[at], bounds[at + 1]
        rows.append((i, col + 1, end, min(rank, 255), min(n - 1 - rank, 255), min(words, 65535), lo, hi))
    return n, nonblank[0] if n else 0, text.encode("utf-8"), len(text), hashes, rows
