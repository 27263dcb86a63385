"""Generated corpora for the index tests: random-word articles (seeded) with planted copies."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path
from typing import Any

from console import run_lintnews

VOCAB = [f"w{i}" for i in range(5000)]


def article(rng: random.Random, paragraphs: int = 6, words: int = 30) -> str:
    paras = [" ".join(rng.choice(VOCAB) for _ in range(words)).capitalize() + "." for _ in range(paragraphs)]
    return "\n".join([f"Title {rng.choice(VOCAB)} {rng.choice(VOCAB)}", *paras])


def records(prefix: str, n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [
        {"id": f"{prefix}-{i}", "date": f"2026-{1 + i % 9:02d}-01", "text": article(rng)} for i in range(n)
    ]


def write_jsonl(path: Path, recs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return path


def lintnews(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """The installed `lintnews` script (the one next to this interpreter)."""
    return run_lintnews(list(args), cwd, stdin=None if stdin is None else stdin.decode(), timeout=300)


def findings(out: str, codes: tuple[str, ...] = ("N001", "N002")) -> list[tuple[Any, ...]]:
    """(record, code, message, related names, kept name) of the JSON report's N001/N002."""
    found = json.loads(out)

    def name(loc: dict[str, Any]) -> str:
        return f"{loc['path']}#{loc['record']}" if loc.get("record") is not None else loc["path"]

    return sorted(
        (d["record"], d["code"], d["message"], [name(r) for r in d["related"]], name(d["kept"]))
        for d in found
        if d["code"] in codes
    )


def corpora(tmp_path: Path) -> tuple[Path, Path]:
    """A (the archive) with a cluster of its own, and B (a new batch) with copies planted of A's
    documents and of each other."""
    rng = random.Random(7)
    a = records("a", 60, 1)
    b = records("b", 30, 2)
    lines = a[10]["text"].split("\n")
    a[11]["text"] = "\n".join([*lines[:-1], article(rng, 1)])  # a-11: a-10 with a new last paragraph
    b[3]["text"] = a[5]["text"]  # exact copy of an indexed document
    b[7]["text"] = "A local introduction to the story, written by the desk.\n" + a[9]["text"]  # syndicated
    lines = a[11]["text"].split("\n")
    b[12]["text"] = "\n".join([*lines[:-1], article(rng, 1)])  # joins the cluster a-10, a-11
    b[20]["text"] = (
        b[21]["text"] + "\nA last line the copy added to the end of the piece."
    )  # within the batch
    return write_jsonl(tmp_path / "a.jsonl", a), write_jsonl(tmp_path / "b.jsonl", b)
