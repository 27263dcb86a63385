"""The corpus phase: rules that compare documents with each other (near and exact duplicates,
site-template lines).

Data flows one way. While documents stream through the per-document rules, `CorpusSigner`
(`signature`) turns each one into a small `DocSignature`; `CorpusIndex` (`index`) folds the
signatures in input order into disk-backed stores (`storage`) and, once everything was read,
finds the site-template lines (`templates`), the LSH candidate pairs (`lsh`) and the verified
duplicates (`duplicates`). `options` holds the ``[corpus]`` options and finds the corpus rules by
their role in the rule registry.
"""

from lintnews.corpus.index import CorpusIndex, check_corpus, make_signer
from lintnews.corpus.lsh import lsh_bands
from lintnews.corpus.options import CorpusOptions, droppable_codes
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
