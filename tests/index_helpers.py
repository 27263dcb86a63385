"""Generated corpora for the index tests: random-word articles (seeded) with planted copies."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

VOCAB = [f"w{i}" for i in range(5000)]


def article(rng: random.Random, paragraphs: int = 6, words: int = 30) -> str:
    paras = [" ".join(rng.choice(VOCAB) for _ in range(words)).capitalize() + "." for _ in range(paragraphs)]
    return "\n".join([f"Title {rng.choice(VOCAB)} {rng.choice(VOCAB)}", *paras])


def records(prefix: str, n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [{"id": f"{prefix}-{i}", "date": f"2026-{1 + i % 9:02d}-01", "text": article(rng)} for i in range(n)]


def write_jsonl(path: Path, recs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return path


def lintnews(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """The installed `lintnews` script (the one next to this interpreter)."""
    exe = os.path.join(os.path.dirname(sys.executable), "lintnews")
    return subprocess.run([exe, *args], cwd=cwd, capture_output=True, text=True,
                          input=None if stdin is None else stdin.decode(), timeout=300)


def findings(out: str, codes: tuple[str, ...] = ("N001", "N002")) -> list[tuple[Any, ...]]:
    """(record, code, message, related names, kept name) of the JSON report's N001/N002."""
    found = json.loads(out)

    def name(loc: dict[str, Any]) -> str:
        return f"{loc['path']}#{loc['record']}" if loc.get("record") is not None else loc["path"]

    return sorted(
        (d["record"], d["code"], d["message"], [name(r) for r in d["related"]], name(d["kept"]))
        for d in found if d["code"] in codes
    )
