"""`make_signer`: whether a run has a corpus phase, and the signer that starts it.

Apart from `options` and `signature` so that a run without the corpus phase (``--no-corpus``, or
no corpus rule selected) decides so without importing `lintnews.corpus.signature`, which needs
numpy (~80 ms of start-up); `signature` itself needs `options`, so this cannot live there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lintnews.config import Settings
from lintnews.corpus.options import CorpusOptions, CorpusSelection

if TYPE_CHECKING:
    from lintnews.corpus.signature import CorpusSigner


def make_signer(settings: Settings, enabled: bool = True) -> CorpusSigner | None:
    """The signer for a run, or None when the phase is off (``--no-corpus``) or no corpus rule
    is selected. Validates ``[corpus]`` either way."""
    CorpusOptions.from_settings(settings)
    if not enabled or not CorpusSelection(settings).roles:
        return None
    from lintnews.corpus.signature import CorpusSigner

    return CorpusSigner(settings)
