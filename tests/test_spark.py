"""The Spark engine (issue 19): the same diagnostics as the local engine, as sets.

One Spark session (``local[2]``) serves the in-process test; the CLI test (fixtures/ and a
Parquet corpus) starts its own, as a user's ``lintnews check --engine spark`` does. The local engine's results come from the
installed ``lintnews`` script (``--output-format json``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import spark_corpus
from console import run_lintnews

from lintnews.spark import check
from lintnews.spark.cli import session

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def spark() -> Any:
    s = session("local[2]")
    s.conf.set("spark.sql.shuffle.partitions", "2")  # a small corpus: few tasks per stage
    yield s
    s.stop()


def local_json(paths: list[Path], *extra: str) -> tuple[int, list[dict[str, Any]], str]:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "lintnews",
            "check",
            "--isolated",
            "--no-cache",
            "--output-format",
            "json",
            *extra,
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.returncode, json.loads(out.stdout), out.stderr


def canonical(d: dict[str, Any]) -> str:
    """A diagnostic as comparable text: keys whose value is None left out (the DataFrame has a
    column for every key the JSON output leaves out when it has no value)."""

    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if v is not None}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return json.dumps(clean(d), sort_keys=True)


def test_generated_corpus_same_diagnostics_through_the_dataframe_api(spark: Any, tmp_path: Path) -> None:
    recs = spark_corpus.records(articles=240, big=70)
    (path,) = spark_corpus.write_jsonl(tmp_path / "corpus", recs, files=1)
    code, local, _ = local_json([path])
    assert code == 1
    counts = Counter(d["code"] for d in local)
    # the planted copies and templates are found: 12 exact copies, near copies, site templates
    assert counts["N002"] == 12
    assert counts["N001"] >= 16 + 19 + 69 - 12
    assert counts["N003"] >= 300
    # clusters by their kept copy: the twenty syndicated copies and the story in seventy copies
    clusters = Counter(d["kept"]["record"] for d in local if d["code"] in ("N001", "N002"))
    assert {19, 69} <= set(clusters.values())
    rows = [{"path": str(path), "line": i + 1, **r} for i, r in enumerate(recs)]
    df = spark.createDataFrame(rows, "path string, line long, id string, date string, text string")
    found = check(df, text_col="text", id_col="id", path_col="path", line_col="line", order_col="line")
    got = [r.asDict(recursive=True) for r in found.collect()]
    line_of = {r["id"]: r["line"] for r in rows}
    assert [g.pop("record_line") for g in got] == [line_of[g["record"]] for g in got]
    assert len(got) == len(local)
    assert sorted(map(canonical, got)) == sorted(map(canonical, local))


def test_cli_engine_spark_jsonl_and_parquet(tmp_path: Path) -> None:
    """fixtures/ (one JSONL line made unreadable) and a generated corpus as Parquet, through
    the installed script: the local engine's diagnostics and input errors."""
    for p in FIXTURES.iterdir():
        if p.is_file() and p.name != "README.md":
            shutil.copy(p, tmp_path / p.name)
    with open(tmp_path / "corpus-harbour.jsonl", "ab") as fh:
        fh.write(b'{"id": "broken", "text": \n')  # an unreadable record: one error line, as locally
    recs = spark_corpus.records(seed=3, articles=40)
    (jsonl,) = spark_corpus.write_jsonl(tmp_path / "gen", recs, files=1)
    parquet = tmp_path / "gen.parquet"
    pq.write_table(pa.Table.from_pylist(recs), parquet)
    files = sorted(p for p in tmp_path.iterdir() if p.is_file() and p.suffix != ".parquet")
    local_code, local, local_err = local_json([*files, jsonl])
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "lintnews",
            "check",
            "--isolated",
            "--engine",
            "spark",
            "--spark-master",
            "local[2]",
            "--output-format",
            "json",
            *map(str, files),
            str(parquet),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == local_code == 2  # (an unreadable record fails the run, as locally)
    expected = json.loads(json.dumps(local).replace(str(jsonl), str(parquet)))
    got = json.loads(out.stdout)
    assert Counter(d["code"] for d in got)["N003"] > 0
    assert sorted(map(canonical, got)) == sorted(map(canonical, expected))
    errors = [line for line in out.stderr.splitlines() if line.startswith("lintnews:")]
    assert errors == [line for line in local_err.splitlines() if line.startswith("lintnews:")]
    assert len(errors) == 1 and "corpus-harbour.jsonl" in errors[0]


@pytest.mark.parametrize(
    "args", [["--fix"], ["-"], ["--index", "idx.db", "--index-update"]], ids=["fix", "stdin", "index"]
)
def test_cli_engine_spark_refuses_what_it_cannot_do(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "a.txt").write_text("Some text.\n")
    out = run_lintnews(
        ["check", "--isolated", "--engine", "spark", *args, str(tmp_path / "a.txt")], stdin="text\n"
    )
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lintnews: error: ") and "--engine spark" in lines[0]
