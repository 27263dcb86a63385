"""`make_signer`: whether a run has a corpus phase, and the signer that starts it.

Apart from `options` and `signature` so that a run without the corpus phase (``--no-corpus``, or
no corpus rule selected) decides so without importing `lintnews.corpus.signature`, which needs
numpy (~80 ms of start-up); `signature` itself needs `options`, so this cannot live there. A run
with the phase gets a `DeferredSigner`, which imports it only when a document is signed: a
re-run whose every result comes from the cache never does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from lintnews.config import Settings
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


def make_signer(settings: Settings, enabled: bool = True) -> DeferredSigner | None:
    """The signer for a run, or None when the phase is off (``--no-corpus``) or no corpus rule
    is selected. Validates ``[corpus]`` either way."""
    CorpusOptions.from_settings(settings)
    if not enabled or not CorpusSelection(settings).roles:
        return None
    return DeferredSigner(settings)
