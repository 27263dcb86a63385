"""`FoldedCorpus.add` keeps of each candidate line exactly its `KEPT_DTYPE` fields in memory and
its `POSITION_DTYPE` fields in the positions store (cut from the row's bytes, not field by field)."""

from __future__ import annotations

import numpy as np

from lintnews.config import Settings
from lintnews.corpus.folding import FoldedCorpus
from lintnews.corpus.options import lsh_bands
from lintnews.corpus.signature import KEPT_DTYPE, POSITION_DTYPE, CorpusSigner
from lintnews.document import Document

PAGE = (
    "Home | News | Sport | Weather\n\n"
    "Council approves the transport budget\n\n"
    "The regional council approved a new budget for public transport on Thursday evening.\n"
    "Fares on buses and trams will stay the same next year, while night services grow.\n\n"
    "Share this article\n"
    "Copyright 2024 The Daily Example. All rights reserved.\n"
)


def fields(rows: np.ndarray, dtype: np.dtype) -> np.ndarray:
    out = np.empty(len(rows), dtype)
    for name in dtype.names or ():
        out[name] = rows[name]
    return out


def test_folded_lines_are_the_kept_and_position_fields() -> None:
    signer = CorpusSigner(Settings())
    texts = [PAGE.replace("Thursday", day) for day in ("Monday", "Tuesday", "Thursday")] + ["one line only"]
    sigs = signer.sign_batch([(Document(f"{i}.txt", t), []) for i, t in enumerate(texts)])
    with_lines = [sig for sig in sigs if len(sig.lines)]
    assert len(with_lines) == 3
    folded = FoldedCorpus(*lsh_bands(0.5, 128), [])
    try:
        for sig in sigs:
            folded.add(sig)
        expected = np.concatenate([fields(sig.lines, KEPT_DTYPE) for sig in with_lines])
        assert folded.lines.array(KEPT_DTYPE).tobytes() == expected.tobytes()
        assert list(folded.line_owner) == [0, 1, 2]
        assert list(folded.line_count) == [len(sig.lines) for sig in with_lines]
        for k, sig in enumerate(with_lines):
            assert folded.positions.get_bytes(k) == fields(sig.lines, POSITION_DTYPE).tobytes()
            assert (
                folded.positions.get_bytes(k)[:8]
                == np.array([sig.lines["line"][0], sig.lines["column"][0]], "<i4").tobytes()
            )
    finally:
        folded.close()
