"""The README's datatrove example and Hugging Face `datasets` recipe, run as written (extracted from
the README, so the two cannot drift apart)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_datatrove import ARTICLES

README = Path(__file__).resolve().parent.parent / "README.md"
CHROME = "Home » News » Weather\n\nSnow on Friday.\n\nShare this article\n\nSubscribe to our newsletter\n"


def _block(name: str) -> str:
    text = README.read_text(encoding="utf-8")
    block = text.split(f"<!-- {name}:start -->\n```python\n", 1)[1].split(
        "```\n<!-- " + name + ":end -->", 1
    )[0]
    assert "import lintnews" in block or "lintnews." in block
    return block


def _run(code: str, cwd: Path) -> None:
    env = {**os.environ, "HF_HOME": str(cwd / "hf"), "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]


def _ids(path: Path) -> list[str]:
    files = [path] if path.is_file() else sorted(path.glob("*.jsonl*"))
    out = []
    for f in files:
        opener = gzip.open if f.name.endswith(".gz") else open
        with opener(f, "rt", encoding="utf-8") as fh:
            out += [json.loads(line)["id"] for line in fh]
    return out


def _news(folder: Path) -> list[tuple[str, str]]:
    articles = [*ARTICLES, ("a6", CHROME)]
    with open(folder / "news.jsonl", "w", encoding="utf-8") as fh:
        for rid, text in articles:
            fh.write(json.dumps({"id": rid, "text": text}) + "\n")
    return articles


@pytest.mark.parametrize("num_proc", ["", ", num_proc=2"], ids=["serial", "num_proc"])
def test_datasets_recipe(tmp_path: Path, num_proc: str) -> None:
    """a2 is cut off (T002), a6 scores 56: both filtered out; the rest kept with their annotations."""
    _news(tmp_path)
    code = _block("datasets-recipe")
    if num_proc:
        assert "news.map(annotate, batched=True)" in code
        code = code.replace("news.map(annotate, batched=True)", f"news.map(annotate, batched=True{num_proc})")
    _run(code, tmp_path)
    rows = [json.loads(line) for line in (tmp_path / "clean.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["lintnews_codes"], r["lintnews_score"]) for r in rows] == [
        ("a1", [], 100),
        ("a3", [], 100),
        ("a4", [], 100),
        ("a5", ["B006"], 93),
    ]


def test_datatrove_example(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    _news(tmp_path / "news")
    _run(_block("datatrove-example"), tmp_path)
    assert _ids(tmp_path / "clean") == ["a1", "a4", "a5", "a6"]
    assert _ids(tmp_path / "rejected") == ["a2"]
    assert _ids(tmp_path / "copies") == ["a3"]
