"""A re-run of an unchanged corpus answered from the result cache, corpus phase included, never
imports numpy nor the signature machinery (issue 17): the signer is made when a document is
signed (`lintnews.corpus.phase.DeferredSigner`), the index's stores with the first signature
added (`lintnews.corpus.folding`), and a cached signature is checked against
`lintnews.corpus.scheme`."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli_startup import loaded_by

HEAVY = ("numpy", "lintnews.corpus.signature", "lintnews.hashing", "lintnews.corpus.folding")

STORY = (
    "The harbour reopened on Monday after three weeks of repairs to the northern quay, the port "
    "authority said, and the first container ships were unloaded before noon while the ferries "
    "kept to the winter timetable until the end of the month."
)


def test_a_cached_re_run_with_corpus_findings_imports_no_numpy(tmp_path: Path) -> None:
    records = [
        {"id": f"r{i}", "text": f"Story {i % 5}. {STORY}\n\n{STORY} Update {i % 5}.\n"} for i in range(20)
    ]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    args = ("--output-format", "json", "c.jsonl")
    first = loaded_by(tmp_path, HEAVY, *args, cache="cc")
    again = loaded_by(tmp_path, HEAVY, *args, cache="cc")
    assert first[1] == list(HEAVY)
    assert again[1] == []
    assert again[0] == first[0] and again[2] == first[2]
    codes = [d["code"] for d in json.loads(first[2])]
    assert codes.count("N002") == 15  # five stories, four exact copies of each
