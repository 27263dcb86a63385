"""`make_signer`: whether a run has a corpus phase, and the signer that starts it.

Apart from `options` and `signature` so that a run without the corpus phase (``--no-corpus``, or
no corpus rule selected) decides so without importing `lintnews.corpus.signature`, which needs
numpy (~80 ms of start-up); `signature` itself needs `options`, so this cannot live there. A run
with the phase gets a `DeferredSigner`, which imports it only when a document is signed: a
re-run whose every result comes from the cache never does.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from lintnews.config import Settings
from lintnews.config_formats import kind_of
from lintnews.corpus.options import CorpusOptions, CorpusSelection

if TYPE_CHECKING:
    from lintnews.corpus.signature import CorpusSigner, DocSignature
    from lintnews.diagnostics import Diagnostic
    from lintnews.document import Document


class DeferredSigner:
    """The run's `CorpusSigner`, made when the first document is signed (see the module
    docstring). Picklable: a worker process makes its own."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._signer: CorpusSigner | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"settings": self.settings, "_signer": None}

    @property
    def signer(self) -> CorpusSigner:
        if self._signer is None:
            from lintnews.corpus.signature import CorpusSigner

            self._signer = CorpusSigner(self.settings)
        return self._signer

    def warm(self) -> None:
        """Make the signer now: a check run does before it forks its workers, which then share
        it (numpy, the signature module and the permutations: ~0.1 CPU-s a worker otherwise)."""
        self.signer  # noqa: B018 (made on first use)

    def __call__(self, doc: Document, diagnostics: Sequence[Diagnostic] = ()) -> DocSignature:
        return self.signer(doc, diagnostics)

    def sign_batch(self, items: Iterable[tuple[Document, Sequence[Diagnostic]]]) -> list[DocSignature]:
        return self.signer.sign_batch(items)


def one_document(targets: Sequence[str], settings: Settings) -> bool:
    """Whether ``targets`` name one document at most: one regular file that is not JSONL (a text,
    Markdown or HTML file is one document). The corpus phase of such a run has no pair to
    compare, and its findings are none (every N rule needs two documents); a check run then
    skips it (as ``--no-corpus`` does, unless ``--index`` compares the document with a stored
    corpus): a pre-commit hook's run on one changed file no longer imports numpy and the corpus
    modules, nor signs the document (a quarter of a one-file check's instructions)."""
    if len(targets) != 1 or targets[0] == "-" or not os.path.isfile(targets[0]):
        return False
    return kind_of(targets[0], settings.formats) != "jsonl"


def make_signer(settings: Settings, enabled: bool = True) -> DeferredSigner | None:
    """The signer for a run, or None when the phase is off (``--no-corpus``) or no corpus rule
    is selected. Validates ``[corpus]`` either way."""
    CorpusOptions.from_settings(settings)
    if not enabled or not CorpusSelection(settings).roles:
        return None
    return DeferredSigner(settings)
