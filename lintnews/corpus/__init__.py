"""The corpus phase: rules that compare documents with each other (near and exact duplicates,
site-template lines).

Data flows one way. While documents stream through the per-document rules, `CorpusSigner`
(`signature`) turns each one into a small `DocSignature`; `CorpusIndex` (`index`) folds the
signatures in input order (`folding`) into disk-backed stores (`storage`) and, once everything
was read, finds the site-template lines (`templates`), the LSH candidate pairs (`lsh`), each
document's comparable shingle set (`comparable`) and the verified duplicates (`duplicates`,
with `groups`), on a run of more than one job partly in forked children (`forked`). `options`
holds the ``[corpus]`` options and finds the corpus rules by their role in the rule registry;
`phase` decides whether a run has a corpus phase (`make_signer`); `scheme` is what a cached
signature must match.

The names below are imported on first use: `signature` and the modules `index` uses once a
signature is added need numpy (~80 ms of start-up), which a run without the corpus phase, or
one whose every result (the corpus phase's too) comes from the cache, never loads.
"""

from __future__ import annotations

from lintnews.exports import lazy_getattr

TYPE_CHECKING = False  # (not `typing`'s, as in `lintnews`)

#: Public name -> the module of this package that defines it.
_EXPORTS = {
    "CorpusIndex": ".index",
    "check_corpus": ".index",
    "make_signer": ".phase",
    "lsh_bands": ".options",
    "CorpusOptions": ".options",
    "droppable_codes": ".options",
    "CorpusSigner": ".signature",
    "DocSignature": ".signature",
}

if TYPE_CHECKING:
    from lintnews.corpus.index import CorpusIndex, check_corpus
    from lintnews.corpus.options import CorpusOptions, droppable_codes, lsh_bands
    from lintnews.corpus.phase import make_signer
    from lintnews.corpus.signature import CorpusSigner, DocSignature

__all__ = [
    "CorpusIndex",
    "CorpusOptions",
    "CorpusSigner",
    "DocSignature",
    "check_corpus",
    "droppable_codes",
    "lsh_bands",
    "make_signer",
]


__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())
